"""Goals: the SMART check, goals set in a conversation and followed up in later ones (check-ins),
their progress and the history of every change.

A goal belongs to its employee and is seen and changed only by that employee and the manager it
was set with. Reads return views that carry the SMART findings in the actor's language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import delete, func, select, update

from ..domain.actor import Actor
from ..domain.errors import Conflict, InvalidInput
from ..domain.goals import GOAL_TRACKED_FIELDS, GoalStatus, check_goal_room, check_progress
from ..domain.paging import DEFAULT_LIMIT, Page, decode_cursor, encode_cursor, page_of
from ..domain.smart import check_goal, is_smart
from ..i18n import translate
from ..storage import Conversation, DevelopmentAction, Goal, GoalChange, GoalProgress
from ..storage.unit_of_work import UnitOfWork
from . import coedit, lookups
from .people import PersonView, people_by_id


@dataclass(frozen=True)
class FindingView:
    criterion: str
    verdict: str
    reason_code: str
    reason: str


@dataclass(frozen=True)
class SmartView:
    findings: list[FindingView]
    is_smart: bool


@dataclass(frozen=True)
class ProgressView:
    id: int
    percent: int
    note: str
    conversation_id: int | None
    author: PersonView
    created_at: datetime


@dataclass(frozen=True)
class GoalView:
    id: int
    conversation_id: int
    employee: PersonView
    manager: PersonView
    title: str
    specific: str
    measure: str
    achievable: str
    relevance: str
    deadline: date | None
    status: str
    progress_percent: int | None
    progress: list[ProgressView]
    findings: list[FindingView]
    is_smart: bool
    created_at: datetime
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class ChangeView:
    id: int
    field: str
    old_value: str | None
    new_value: str | None
    author: PersonView
    created_at: datetime


# --- SMART -----------------------------------------------------------------------------------


def smart_findings(
    actor: Actor,
    today: date,
    *,
    specific: str | None,
    measure: str | None,
    achievable: str | None,
    relevance: str | None,
    deadline: date | None,
) -> SmartView:
    findings = check_goal(
        specific=specific,
        measure=measure,
        achievable=achievable,
        relevance=relevance,
        deadline=deadline,
        today=today,
    )
    return SmartView(
        findings=[
            FindingView(
                criterion=f.criterion,
                verdict=f.verdict.value,
                reason_code=f.reason,
                reason=translate(f.reason, actor.language),
            )
            for f in findings
        ],
        is_smart=is_smart(findings),
    )


def check_smart(
    uow: UnitOfWork,
    actor: Actor,
    *,
    specific: str | None = None,
    measure: str | None = None,
    achievable: str | None = None,
    relevance: str | None = None,
    deadline: date | None = None,
) -> SmartView:
    """The SMART check of a goal being written; nothing is stored."""
    return smart_findings(
        actor,
        uow.now().date(),
        specific=specific,
        measure=measure,
        achievable=achievable,
        relevance=relevance,
        deadline=deadline,
    )


# --- Views -----------------------------------------------------------------------------------


def _people_of(goal: Goal) -> list[int]:
    return [goal.employee_id, goal.manager_id, *(e.author_id for e in goal.progress)]


def goal_view(
    uow: UnitOfWork, actor: Actor, goal: Goal, people: Mapping[int, PersonView] | None = None
) -> GoalView:
    """The goal with its progress and SMART findings. `people` (a list's one lookup for all its
    goals) must hold the goal's people; without it they are read here."""
    entries = list(goal.progress)
    if people is None:
        people = people_by_id(uow, _people_of(goal))
    smart = smart_findings(
        actor,
        uow.now().date(),
        specific=goal.specific,
        measure=goal.measure,
        achievable=goal.achievable,
        relevance=goal.relevance,
        deadline=goal.deadline,
    )
    return GoalView(
        id=goal.id,
        conversation_id=goal.conversation_id,
        employee=people[goal.employee_id],
        manager=people[goal.manager_id],
        title=goal.title,
        specific=goal.specific,
        measure=goal.measure,
        achievable=goal.achievable,
        relevance=goal.relevance,
        deadline=goal.deadline,
        status=goal.status,
        progress_percent=entries[-1].percent if entries else None,
        progress=[
            ProgressView(
                id=e.id,
                percent=e.percent,
                note=e.note,
                conversation_id=e.conversation_id,
                author=people[e.author_id],
                created_at=e.created_at,
            )
            for e in entries
        ],
        findings=smart.findings,
        is_smart=smart.is_smart,
        created_at=goal.created_at,
        updated_at=goal.updated_at,
        version=goal.version,
    )


# --- Goals of a conversation -----------------------------------------------------------------


def goals_of_pair(uow: UnitOfWork, conversation: Conversation) -> list[Goal]:
    """The employee's goals set with this conversation's manager, in any of their conversations."""
    return list(uow.session.scalars(_pair_query(conversation).order_by(Goal.id)))


def _pair_query(conversation: Conversation):
    return select(Goal).where(
        Goal.tenant_id == conversation.tenant_id,
        Goal.employee_id == conversation.employee_id,
        Goal.manager_id == conversation.manager_id,
    )


LIST_NAME = "goals"


def list_goals(
    uow: UnitOfWork,
    actor: Actor,
    conversation_id: int,
    *,
    set_here: bool = False,
    cursor: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> Page[GoalView]:
    """One page of the pair's goals (oldest first), or of those set in this conversation: three
    statements whatever the history (the goals, their progress, and one lookup for all the people)."""
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        query = _pair_query(conversation)
        if set_here:
            query = query.where(Goal.conversation_id == conversation.id)
        if cursor is not None:
            (last_id,) = decode_cursor(LIST_NAME, cursor, (int,))
            query = query.where(Goal.id > last_id)
        goals, key = page_of(
            list(uow.session.scalars(query.order_by(Goal.id).limit(limit + 1))), limit, _goal_key
        )
        people = people_by_id(uow, (pid for goal in goals for pid in _people_of(goal)))
        items = [goal_view(uow, actor, goal, people) for goal in goals]
        return Page(items, encode_cursor(LIST_NAME, key) if key else None)


def _goal_key(goal: Goal) -> list:
    return [goal.id]


def do_create_goal(
    uow: UnitOfWork,
    actor: Actor,
    conversation_id: int,
    *,
    title: str,
    specific: str = "",
    measure: str = "",
    achievable: str = "",
    relevance: str = "",
    deadline: date | None = None,
    status: GoalStatus = GoalStatus.DRAFT,
) -> GoalView:
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        check_goal_room(
            uow.session.scalar(select(func.count(Goal.id)).where(Goal.conversation_id == conversation.id))
            or 0
        )
        now = uow.now()
        goal = Goal(
            tenant_id=conversation.tenant_id,
            conversation_id=conversation.id,
            employee_id=conversation.employee_id,
            manager_id=conversation.manager_id,
            title=title,
            specific=specific,
            measure=measure,
            achievable=achievable,
            relevance=relevance,
            deadline=deadline,
            status=GoalStatus(status).value,
            created_by_id=actor.person_id,
            created_at=now,
            updated_at=now,
        )
        uow.session.add(goal)
        uow.session.flush()
        uow.emit(conversation.tenant_id, conversation.id, "goal.created", id=goal.id)
        return goal_view(uow, actor, goal)


def get_goal(uow: UnitOfWork, actor: Actor, goal_id: int) -> GoalView:
    with uow:
        return goal_view(uow, actor, lookups.goal_for(uow, actor, goal_id))


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


GOAL_TEXT_FIELDS = ("title", "specific", "measure", "achievable", "relevance")


def _goal_fields(goal: Goal) -> dict[str, Any]:
    return {field: getattr(goal, field) for field in GOAL_TRACKED_FIELDS}


def do_update_goal(
    uow: UnitOfWork,
    actor: Actor,
    goal_id: int,
    *,
    version: int,
    changes: Mapping[str, Any],
    base: Mapping[str, Any] | None = None,
) -> GoalView:
    """Change a goal; each changed field is written to its history (old and new value as text).

    `base` holds the changed fields' values when the editor started: a change based on an older
    version is merged with what was saved since (services/coedit.py), or refused (409
    edit_conflict) when both changed the same non-text field."""
    return coedit.retrying_races(lambda: _update_goal(uow, actor, goal_id, version, changes, base), uow)


def _update_goal(
    uow: UnitOfWork,
    actor: Actor,
    goal_id: int,
    version: int,
    changes: Mapping[str, Any],
    base: Mapping[str, Any] | None,
) -> GoalView:
    with uow:
        goal = lookups.goal_for(uow, actor, goal_id)
        changes = coedit.merge_change(
            up_to_date=goal.version == version,
            changes=changes,
            base=base,
            stored=_goal_fields(goal),
            text_fields=GOAL_TEXT_FIELDS,
            fits=lambda field, value: coedit.text_fits(uow, field, value),
            current=lambda: goal_view(uow, actor, goal),
        )
        now = uow.now()
        changed: list[str] = []
        for field in GOAL_TRACKED_FIELDS:
            if field not in changes:
                continue
            new = changes[field]
            if field == "status":
                new = GoalStatus(new).value
            old = getattr(goal, field)
            if old == new:
                continue
            uow.session.add(
                GoalChange(
                    goal_id=goal.id,
                    author_id=actor.person_id,
                    field=field,
                    old_value=_as_text(old),
                    new_value=_as_text(new),
                    created_at=now,
                )
            )
            setattr(goal, field, new)
            changed.append(field)
        if changed:
            goal.updated_at = now
            uow.session.flush()
            uow.emit(
                goal.tenant_id,
                goal.conversation_id,
                "goal.updated",
                id=goal.id,
                version=goal.version,
                fields=changed,
            )
        return goal_view(uow, actor, goal)


def list_goal_history(uow: UnitOfWork, actor: Actor, goal_id: int) -> list[ChangeView]:
    with uow:
        goal = lookups.goal_for(uow, actor, goal_id)
        changes = list(
            uow.session.scalars(
                select(GoalChange).where(GoalChange.goal_id == goal.id).order_by(GoalChange.id)
            )
        )
        people = people_by_id(uow, (c.author_id for c in changes))
        return [
            ChangeView(
                id=c.id,
                field=c.field,
                old_value=c.old_value,
                new_value=c.new_value,
                author=people[c.author_id],
                created_at=c.created_at,
            )
            for c in changes
        ]


def _followup_conversation(uow: UnitOfWork, goal: Goal, conversation_id: int) -> Conversation:
    """A conversation in which this goal can be followed up: one between the same two people."""
    conversation = uow.session.scalar(
        select(Conversation).where(
            Conversation.id == conversation_id,
            Conversation.tenant_id == goal.tenant_id,
            Conversation.employee_id == goal.employee_id,
            Conversation.manager_id == goal.manager_id,
        )
    )
    if conversation is None:
        raise InvalidInput("conversation_not_for_goal", field="conversation_id")
    return conversation


def do_add_progress(
    uow: UnitOfWork,
    actor: Actor,
    goal_id: int,
    *,
    percent: int,
    note: str = "",
    conversation_id: int | None = None,
) -> GoalView:
    """Record progress. Reaching 100 % does not change the status: marking a success is a choice."""
    with uow:
        goal = lookups.goal_for(uow, actor, goal_id)
        check_progress(percent)
        if conversation_id is not None:
            _followup_conversation(uow, goal, conversation_id)
        entry = GoalProgress(
            goal_id=goal.id,
            conversation_id=conversation_id,
            author_id=actor.person_id,
            percent=percent,
            note=note,
            created_at=uow.now(),
        )
        uow.session.add(entry)
        uow.session.flush()
        uow.session.expire(goal, ["progress"])
        uow.emit(
            goal.tenant_id,
            conversation_id or goal.conversation_id,
            "goal.progress",
            goal_id=goal.id,
            id=entry.id,
            percent=percent,
        )
        return goal_view(uow, actor, goal)


def do_delete_goal(uow: UnitOfWork, actor: Actor, goal_id: int) -> None:
    """Remove a goal set by mistake (the undo of creating it). A goal with recorded progress is
    history and stays: drop it instead. Actions that served it no longer point to it."""
    with uow:
        goal = lookups.goal_for(uow, actor, goal_id)
        if goal.progress:
            raise Conflict("goal_has_progress")
        uow.session.execute(
            update(DevelopmentAction)
            .where(DevelopmentAction.goal_id == goal.id)
            .values(goal_id=None)
            .execution_options(synchronize_session=False)
        )
        uow.session.execute(delete(GoalChange).where(GoalChange.goal_id == goal.id))
        tenant_id, conversation_id = goal.tenant_id, goal.conversation_id
        uow.session.delete(goal)
        uow.session.flush()
        uow.emit(tenant_id, conversation_id, "goal.removed", id=goal_id)
