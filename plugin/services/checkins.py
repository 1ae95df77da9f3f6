"""Asynchronous check-ins from the personal tab: each party writes their own part (progress per
goal, blockers, a wellbeing pulse, next steps) in their own time, marks it done, and either party
closes the check-in once both parts are done. Goals may be adjusted (a goal of a locked agreement
through a new agreement version both approve) and marked as successes.

Each party writes only their own row, with the version it was read at: two people typing at the
same second never overwrite each other, and a write from an outdated copy (a second tab) gets 409
stale_version with the part as it is now."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import raiseload

from ..domain.actor import Actor
from ..domain.agreement import Party
from ..domain.checkins import (
    PartState,
    check_adjustment,
    check_can_close,
    check_can_write,
    check_is_checkin,
    check_success_note,
    held_transitions,
)
from ..domain.errors import Conflict, Forbidden, InvalidInput, StaleVersion
from ..domain.goals import GoalStatus, check_progress, check_pulse
from ..domain.lifecycle import ConversationKind, Status, check_transition
from ..domain.permissions import party_of
from ..storage import (
    CheckinClosure,
    CheckinResponse,
    Conversation,
    Goal,
    GoalAdjustment,
    GoalProgress,
    GoalSuccess,
    Person,
    WellbeingPulse,
)
from ..storage.unit_of_work import UnitOfWork
from . import adjustments, agreements, lookups
from . import goals as goal_service
from .conversations import apply_status
from .people import PersonView, people_by_id, person_view

# --- Views -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalAnswerView:
    goal_id: int
    percent: int | None
    note: str


@dataclass(frozen=True)
class PulseAnswerView:
    score: int | None  # None: the other party kept their pulse private
    comment: str
    shared: bool


@dataclass(frozen=True)
class AnswersView:
    goals: list[GoalAnswerView]
    blockers: str
    pulse: PulseAnswerView | None
    next_steps: str


@dataclass(frozen=True)
class PartView:
    party: str
    person: Person
    state: str
    version: int  # 0: not started
    updated_at: datetime | None
    done_at: datetime | None
    answers: AnswersView | None  # the other party's answers: only once they marked their part done


@dataclass(frozen=True)
class AdjustmentView:
    id: int
    goal_id: int
    changes: dict[str, Any]
    proposed_by: Person
    created_at: datetime
    agreement_conversation_id: int


@dataclass(frozen=True)
class SuccessView:
    goal_id: int
    title: str
    note: str
    employee: Person | PersonView
    manager: Person | PersonView
    marked_by: Person | PersonView
    marked_at: datetime


@dataclass(frozen=True)
class CheckinGoalView:
    id: int
    title: str
    measure: str
    deadline: date | None
    status: str
    version: int
    progress_percent: int | None
    locked: bool  # part of a locked agreement: a change is a proposal both approve
    pending: AdjustmentView | None
    success: SuccessView | None


@dataclass(frozen=True)
class CheckinView:
    conversation_id: int
    title: str
    status: str
    closed: bool
    closed_at: datetime | None
    closed_by: Person | None
    can_close: bool
    goals: list[CheckinGoalView]
    mine: PartView
    theirs: PartView


@dataclass(frozen=True)
class CheckinSummaryView:
    conversation_id: int
    title: str
    scheduled_at: datetime | None
    employee: PersonView
    manager: PersonView
    my_state: str
    their_state: str
    closed: bool


@dataclass(frozen=True)
class AdjustmentResult:
    applied: bool  # changed at once (an unlocked goal), or proposed for approval
    agreement_number: int | None  # the new agreement version to approve, for a proposal
    goal: Any  # goals.GoalView
    pending: AdjustmentView | None


# --- Helpers -----------------------------------------------------------------------------------


def _party(conversation: Conversation, actor: Actor) -> Party:
    party = party_of(conversation, actor)
    if party is None:  # conversation_for admits the two parties only; stay safe anyway
        raise Forbidden("not_a_party")
    return party


def _other(party: Party) -> Party:
    return Party.MANAGER if party is Party.EMPLOYEE else Party.EMPLOYEE


def _person_of(conversation: Conversation, party: Party) -> int:
    return conversation.employee_id if party is Party.EMPLOYEE else conversation.manager_id


def _checkin(uow: UnitOfWork, actor: Actor, conversation_id: int, *, lock: bool = False) -> Conversation:
    conversation = lookups.conversation_for(uow, actor, conversation_id, lock=lock)
    check_is_checkin(conversation.kind)
    return conversation


def _responses(uow: UnitOfWork, conversation_id: int, *, lock: bool = False) -> dict[Party, CheckinResponse]:
    query = select(CheckinResponse).where(CheckinResponse.conversation_id == conversation_id)
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    return {Party(row.party): row for row in uow.session.scalars(query)}


def _closure(uow: UnitOfWork, conversation_id: int) -> CheckinClosure | None:
    return uow.session.get(CheckinClosure, conversation_id)


def _state(row: CheckinResponse | None) -> PartState:
    return PartState.NOT_STARTED if row is None else PartState(row.state)


def _answers(row: CheckinResponse, *, own: bool) -> AnswersView:
    pulse = None
    if row.pulse_score is not None:
        visible = own or row.pulse_shared  # a private pulse stays its author's
        pulse = PulseAnswerView(
            score=row.pulse_score if visible else None,
            comment=row.pulse_comment if visible else "",
            shared=row.pulse_shared,
        )
    return AnswersView(
        goals=[
            GoalAnswerView(goal_id=g["goal_id"], percent=g.get("percent"), note=g.get("note") or "")
            for g in row.goals or []
        ],
        blockers=row.blockers,
        pulse=pulse,
        next_steps=row.next_steps,
    )


def _part_view(
    uow: UnitOfWork, conversation: Conversation, party: Party, row: CheckinResponse | None, *, own: bool
) -> PartView:
    state = _state(row)
    shown = row is not None and (own or state is PartState.DONE)
    return PartView(
        party=party.value,
        person=uow.session.get(Person, _person_of(conversation, party)),
        state=state.value,
        version=row.version if row is not None else 0,
        updated_at=row.updated_at if row is not None else None,
        done_at=row.done_at if row is not None else None,
        answers=_answers(row, own=own) if shown else None,
    )


def _adjustment_view(uow: UnitOfWork, row: GoalAdjustment | None) -> AdjustmentView | None:
    if row is None:
        return None
    return AdjustmentView(
        id=row.id,
        goal_id=row.goal_id,
        changes=dict(row.changes),
        proposed_by=uow.session.get(Person, row.proposed_by_id),
        created_at=row.created_at,
        agreement_conversation_id=row.conversation_id,
    )


def _success_view(
    uow: UnitOfWork, goal: Goal, row: GoalSuccess | None, people: Mapping[int, PersonView] | None = None
) -> SuccessView | None:
    """`people`: a list's one lookup for all its people; without it they are read here."""
    if row is None:
        return None
    if people is None:
        people = people_by_id(uow, (goal.employee_id, goal.manager_id, row.marked_by_id))
    return SuccessView(
        goal_id=goal.id,
        title=goal.title,
        note=row.note,
        employee=people[goal.employee_id],
        manager=people[goal.manager_id],
        marked_by=people[row.marked_by_id],
        marked_at=row.marked_at,
    )


def _open_goals(uow: UnitOfWork, conversation: Conversation) -> list[Goal]:
    """The goals a check-in follows up: the pair's goals, but not those dropped."""
    return [g for g in goal_service.goals_of_pair(uow, conversation) if g.status != GoalStatus.DROPPED.value]


def _goal_view(uow: UnitOfWork, goal: Goal) -> CheckinGoalView:
    entries = list(goal.progress)
    return CheckinGoalView(
        id=goal.id,
        title=goal.title,
        measure=goal.measure,
        deadline=goal.deadline,
        status=goal.status,
        version=goal.version,
        progress_percent=entries[-1].percent if entries else None,
        locked=adjustments.in_locked_agreement(uow, goal),
        pending=_adjustment_view(uow, adjustments.pending_for_goal(uow, goal.id)),
        success=_success_view(uow, goal, uow.session.get(GoalSuccess, goal.id)),
    )


def _view(uow: UnitOfWork, actor: Actor, conversation: Conversation) -> CheckinView:
    party = _party(conversation, actor)
    rows = _responses(uow, conversation.id)
    closure = _closure(uow, conversation.id)
    states = {p.value: _state(rows.get(p)) for p in Party}
    return CheckinView(
        conversation_id=conversation.id,
        title=conversation.title,
        status=conversation.status,
        closed=closure is not None,
        closed_at=closure.closed_at if closure else None,
        closed_by=uow.session.get(Person, closure.closed_by_id) if closure else None,
        can_close=closure is None and all(s is PartState.DONE for s in states.values()),
        goals=[_goal_view(uow, goal) for goal in _open_goals(uow, conversation)],
        mine=_part_view(uow, conversation, party, rows.get(party), own=True),
        theirs=_part_view(uow, conversation, _other(party), rows.get(_other(party)), own=False),
    )


# --- Reading -----------------------------------------------------------------------------------


def get_checkin(uow: UnitOfWork, actor: Actor, conversation_id: int) -> CheckinView:
    with uow:
        return _view(uow, actor, _checkin(uow, actor, conversation_id))


def list_my_checkins(uow: UnitOfWork, actor: Actor) -> list[CheckinSummaryView]:
    """My check-ins (as employee or manager), newest first, with the state of each part. Three
    statements whatever the number of check-ins: the conversations (without their agendas), the
    parts' states (not their sealed answers) and the closures."""
    with uow:
        mine = (
            Conversation.tenant_id == actor.tenant_id,
            Conversation.kind == ConversationKind.CHECKIN.value,
            or_(Conversation.employee_id == actor.person_id, Conversation.manager_id == actor.person_id),
        )
        conversations = uow.session.scalars(
            select(Conversation)
            .where(*mine)
            .options(raiseload(Conversation.agenda))
            .order_by(Conversation.scheduled_at.desc().nulls_first(), Conversation.id.desc())
        ).unique()
        ids = select(Conversation.id).where(*mine)
        states: dict[int, dict[Party, str]] = defaultdict(dict)
        for row in uow.session.execute(
            select(CheckinResponse.conversation_id, CheckinResponse.party, CheckinResponse.state).where(
                CheckinResponse.conversation_id.in_(ids)
            )
        ):
            states[row.conversation_id][Party(row.party)] = row.state
        closed = set(
            uow.session.scalars(
                select(CheckinClosure.conversation_id).where(CheckinClosure.conversation_id.in_(ids))
            )
        )
        result = []
        for conversation in conversations:
            party = _party(conversation, actor)
            parts = states.get(conversation.id, {})
            result.append(
                CheckinSummaryView(
                    conversation_id=conversation.id,
                    title=conversation.title,
                    scheduled_at=conversation.scheduled_at,
                    employee=person_view(conversation.employee),
                    manager=person_view(conversation.manager),
                    my_state=_part_state(parts.get(party)).value,
                    their_state=_part_state(parts.get(_other(party))).value,
                    closed=conversation.id in closed,
                )
            )
        return result


def _part_state(state: str | None) -> PartState:
    return PartState.NOT_STARTED if state is None else PartState(state)


def list_my_successes(uow: UnitOfWork, actor: Actor) -> list[SuccessView]:
    """The successes of every goal I am a party to (as employee or manager), newest first."""
    with uow:
        rows = uow.session.execute(
            select(Goal, GoalSuccess)
            .join(GoalSuccess, GoalSuccess.goal_id == Goal.id)
            .where(
                Goal.tenant_id == actor.tenant_id,
                or_(Goal.employee_id == actor.person_id, Goal.manager_id == actor.person_id),
            )
            .order_by(GoalSuccess.marked_at.desc(), Goal.id.desc())
        ).all()
        people = people_by_id(
            uow,
            (
                pid
                for goal, success in rows
                for pid in (goal.employee_id, goal.manager_id, success.marked_by_id)
            ),
        )
        return [_success_view(uow, goal, success, people) for goal, success in rows]


# --- Writing my part ---------------------------------------------------------------------------


def _check_goal_answers(
    uow: UnitOfWork, conversation: Conversation, answers: Sequence[Mapping]
) -> list[dict]:
    allowed = {goal.id for goal in _open_goals(uow, conversation)}
    seen: set[int] = set()
    cleaned = []
    for index, answer in enumerate(answers):
        goal_id = answer["goal_id"]
        if goal_id not in allowed or goal_id in seen:
            raise InvalidInput("checkin_goal_unknown", field=f"goals.{index}.goal_id")
        seen.add(goal_id)
        percent = answer.get("percent")
        if percent is not None:
            check_progress(percent)
        cleaned.append({"goal_id": goal_id, "percent": percent, "note": answer.get("note") or ""})
    return cleaned


def _my_row(
    uow: UnitOfWork, actor: Actor, conversation: Conversation, party: Party, version: int
) -> CheckinResponse:
    """My part, at the version I read it (0: not started; then it is created)."""
    row = _responses(uow, conversation.id, lock=True).get(party)
    closed = _closure(uow, conversation.id) is not None
    if row is None:
        if version != 0:
            raise StaleVersion(current=_view(uow, actor, conversation))
        check_can_write(PartState.NOT_STARTED, closed=closed)
        row = CheckinResponse(
            conversation_id=conversation.id,
            person_id=actor.person_id,
            party=party.value,
            state=PartState.IN_PROGRESS.value,
            goals=[],
            created_at=uow.now(),
            updated_at=uow.now(),
        )
        uow.session.add(row)
        return row
    check_can_write(PartState(row.state), closed=closed)
    if row.version != version:
        raise StaleVersion(current=_view(uow, actor, conversation))
    return row


def do_save_part(
    uow: UnitOfWork,
    actor: Actor,
    conversation_id: int,
    *,
    version: int,
    goals: Sequence[Mapping],
    blockers: str,
    pulse: Mapping | None,
    next_steps: str,
) -> CheckinView:
    """Save my part as I write it (a draft until I mark it done)."""
    with uow:
        conversation = _checkin(uow, actor, conversation_id)
        party = _party(conversation, actor)
        cleaned = _check_goal_answers(uow, conversation, goals)
        if pulse is not None:
            check_pulse(pulse["score"])
        row = _my_row(uow, actor, conversation, party, version)
        row.goals = cleaned
        row.blockers = blockers
        row.next_steps = next_steps
        row.pulse_score = pulse["score"] if pulse else None
        row.pulse_comment = (pulse.get("comment") or "") if pulse else ""
        row.pulse_shared = bool(pulse.get("shared")) if pulse else False
        row.updated_at = uow.now()
        uow.session.flush()
        # Nothing of the content goes out: the other party only learns that my part moved on.
        uow.emit(actor.tenant_id, conversation.id, "checkin.part", party=party.value, state=row.state)
        return _view(uow, actor, conversation)


def do_mark_done(uow: UnitOfWork, actor: Actor, conversation_id: int, *, version: int) -> CheckinView:
    """My part is finished: from now on the other party sees it, and it no longer changes."""
    with uow:
        conversation = _checkin(uow, actor, conversation_id)
        party = _party(conversation, actor)
        row = _my_row(uow, actor, conversation, party, version)
        row.state = PartState.DONE.value
        row.done_at = row.updated_at = uow.now()
        uow.session.flush()
        uow.emit(actor.tenant_id, conversation.id, "checkin.part", party=party.value, state=row.state)
        return _view(uow, actor, conversation)


# --- Closing -----------------------------------------------------------------------------------


def do_close(uow: UnitOfWork, actor: Actor, conversation_id: int) -> CheckinView:
    """Close a check-in whose two parts are done: each party's progress values become progress
    entries on the goals (that party the author, this check-in the conversation), each pulse a
    wellbeing pulse, and the conversation is held. Exactly once: the closure is keyed by the
    conversation, so a second close (even at the same moment) is refused and applies nothing."""
    with uow:
        conversation = _checkin(uow, actor, conversation_id, lock=True)
        _party(conversation, actor)
        rows = _responses(uow, conversation.id, lock=True)
        check_can_close(
            {p.value: _state(rows.get(p)) for p in Party}, closed=_closure(uow, conversation.id) is not None
        )
        now = uow.now()
        uow.session.add(
            CheckinClosure(conversation_id=conversation.id, closed_by_id=actor.person_id, closed_at=now)
        )
        try:  # the other party closed it between our read and this write (SQLite has no row locks)
            uow.session.flush()
        except IntegrityError as err:
            raise Conflict("checkin_closed") from err
        goals = {goal.id: goal for goal in goal_service.goals_of_pair(uow, conversation)}
        for party in Party:
            row = rows[party]
            for answer in row.goals or []:
                if answer.get("percent") is None or answer["goal_id"] not in goals:
                    continue
                uow.session.add(
                    GoalProgress(
                        goal_id=answer["goal_id"],
                        conversation_id=conversation.id,
                        author_id=row.person_id,
                        percent=answer["percent"],
                        note=answer.get("note") or "",
                        created_at=now,
                    )
                )
            if row.pulse_score is not None:
                uow.session.add(
                    WellbeingPulse(
                        conversation_id=conversation.id,
                        author_id=row.person_id,
                        score=row.pulse_score,
                        shared=row.pulse_shared,
                        comment=row.pulse_comment,
                        created_at=now,
                    )
                )
        for status in held_transitions(Status(conversation.status)):
            check_transition(Status(conversation.status), status, requested=False)
            apply_status(uow, conversation, status)
        uow.session.flush()
        for goal in goals.values():
            uow.session.expire(goal, ["progress"])
        uow.emit(actor.tenant_id, conversation.id, "checkin.closed")
        return _view(uow, actor, conversation)


# --- Goal adjustments and successes ------------------------------------------------------------


def do_adjust_goal(
    uow: UnitOfWork,
    actor: Actor,
    goal_id: int,
    *,
    version: int,
    changes: Mapping[str, Any],
    checkin_id: int | None = None,
) -> AdjustmentResult:
    """Adjust a goal (title, measure, deadline, status). A goal that is part of a locked agreement
    keeps its agreed values: the change is proposed in a new version of that agreement, applied
    when both approve it (a later proposal for the same goal replaces the earlier one's fields).
    Any other goal changes at once, with its history, as a goal edit does."""
    check_adjustment(changes)
    with uow:
        goal = lookups.goal_for(uow, actor, goal_id)
        if checkin_id is not None:
            checkin = _checkin(uow, actor, checkin_id)
            if (checkin.employee_id, checkin.manager_id) != (goal.employee_id, goal.manager_id):
                raise InvalidInput("conversation_not_for_goal", field="checkin_id")
        if not adjustments.in_locked_agreement(uow, goal):
            if goal.version != version:
                raise StaleVersion(current=None)
            view = goal_service.do_update_goal(uow, actor, goal_id, version=version, changes=dict(changes))
            return AdjustmentResult(applied=True, agreement_number=None, goal=view, pending=None)
        conversation = lookups.conversation_for(uow, actor, goal.conversation_id, lock=True)
        if goal.version != version:
            raise StaleVersion(current=None)
        proposed = {
            field: value.isoformat()
            if isinstance(value, date)
            else (value.value if hasattr(value, "value") else value)
            for field, value in changes.items()
        }
        row = adjustments.pending_for_goal(uow, goal.id)
        if row is None:
            row = GoalAdjustment(
                goal_id=goal.id,
                conversation_id=conversation.id,
                checkin_id=checkin_id,
                proposed_by_id=actor.person_id,
                changes=proposed,
                created_at=uow.now(),
            )
            uow.session.add(row)
        else:
            row.changes = {**row.changes, **proposed}
            row.proposed_by_id = actor.person_id
            row.checkin_id = checkin_id or row.checkin_id
            row.created_at = uow.now()
        uow.session.flush()
        if Status(conversation.status) not in (Status.REVIEWING, Status.AGREED):
            raise Conflict("agreement_not_ready", params={"status": conversation.status})
        number = agreements.redraft_after_edit(uow, actor, conversation)
        if number is None:
            raise Conflict("agreement_unchanged")
        uow.emit(goal.tenant_id, conversation.id, "goal.adjustment", goal_id=goal.id, number=number)
        return AdjustmentResult(
            applied=False,
            agreement_number=number,
            goal=goal_service.goal_view(uow, actor, goal),
            pending=_adjustment_view(uow, row),
        )


def do_mark_success(
    uow: UnitOfWork, actor: Actor, goal_id: int, *, note: str, checkin_id: int | None = None
) -> SuccessView:
    """Mark a goal achieved, with a short note: a success both parties see. The status change is
    kept in the goal's history; marking it again changes the note."""
    check_success_note(note)
    with uow:
        goal = lookups.goal_for(uow, actor, goal_id)
        if checkin_id is not None:
            checkin = _checkin(uow, actor, checkin_id)
            if (checkin.employee_id, checkin.manager_id) != (goal.employee_id, goal.manager_id):
                raise InvalidInput("conversation_not_for_goal", field="checkin_id")
        if goal.status != GoalStatus.ACHIEVED.value:
            goal_service.do_update_goal(
                uow, actor, goal.id, version=goal.version, changes={"status": GoalStatus.ACHIEVED}
            )
        row = uow.session.get(GoalSuccess, goal.id)
        if row is None:
            row = GoalSuccess(goal_id=goal.id, marked_by_id=actor.person_id, conversation_id=checkin_id)
            uow.session.add(row)
        row.note = note.strip()
        row.marked_by_id = actor.person_id
        row.marked_at = uow.now()
        uow.session.flush()
        uow.emit(goal.tenant_id, goal.conversation_id, "goal.success", goal_id=goal.id)
        return _success_view(uow, goal, row)
