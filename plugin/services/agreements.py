"""The agreement: versions (snapshots of what was agreed) and both parties' approvals; the follow-up
dates agreed in a conversation.

A version is drafted from the shared agenda, the goals, the development actions and the follow-ups.
When both parties approve it, it is locked and the conversation is agreed; a later change opens a
new version. Locked versions are never modified and every version stays readable to both parties."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from ..domain.actor import Actor
from ..domain.agreement import (
    Decision,
    Party,
    VersionState,
    check_decision,
    check_new_version,
    edit_opens_new_version,
    is_locked,
    summary_prefill,
    version_state,
)
from ..domain.errors import Conflict, Forbidden, NotFound
from ..domain.lifecycle import Status, check_transition
from ..domain.merge import merge_text
from ..domain.permissions import party_of
from ..domain.retention import notes_removed_at_lock
from ..storage import (
    AgendaSummary,
    AgreementDecision,
    AgreementVersion,
    Conversation,
    DevelopmentAction,
    FollowUp,
    Goal,
    Person,
)
from ..storage.unit_of_work import UnitOfWork
from . import adjustments, audit, audit_log, calendar_sync, coedit, follow_ups, lookups, reminders, retention
from .conversations import apply_status
from .follow_ups import FollowUpView

# Statuses in which an agreement can be drafted: once the meeting has started.
DRAFTABLE = frozenset({Status.IN_MEETING, Status.REVIEWING, Status.AGREED})


# --- Views -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionView:
    party: Party
    person: Person
    decision: Decision
    comment: str
    disagreement: bool
    decided_at: datetime


@dataclass(frozen=True)
class VersionView:
    number: int
    state: VersionState
    snapshot: dict[str, Any]
    created_by: Person
    created_at: datetime
    locked_at: datetime | None
    decisions: list[DecisionView]


@dataclass(frozen=True)
class AgreementView:
    conversation_status: Status
    items: list[VersionView]


# --- Follow-ups --------------------------------------------------------------------------------


def list_follow_ups(uow: UnitOfWork, actor: Actor, conversation_id: int) -> list[FollowUpView]:
    with uow:
        lookups.conversation_for(uow, actor, conversation_id)
        return follow_ups.views_by_conversation(uow, [conversation_id])[conversation_id]


def do_add_follow_up(
    uow: UnitOfWork, actor: Actor, conversation_id: int, *, title: str, due_on: date
) -> FollowUp:
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        follow_up = FollowUp(
            conversation_id=conversation_id,
            title=title,
            due_on=due_on,
            created_by_id=actor.person_id,
            created_at=uow.now(),
        )
        uow.session.add(follow_up)
        uow.session.flush()
        calendar_sync.schedule_follow_up(uow, conversation, follow_up)
        uow.emit(actor.tenant_id, conversation_id, "follow_up.added", id=follow_up.id)
        return follow_up


def do_delete_follow_up(uow: UnitOfWork, actor: Actor, conversation_id: int, follow_up_id: int) -> None:
    with uow:
        lookups.conversation_for(uow, actor, conversation_id)
        follow_up = uow.session.get(FollowUp, follow_up_id)
        if follow_up is None or follow_up.conversation_id != conversation_id:
            raise NotFound()
        uow.session.delete(follow_up)
        uow.session.flush()
        calendar_sync.cancel_follow_up(uow, follow_up_id)
        uow.emit(actor.tenant_id, conversation_id, "follow_up.removed", id=follow_up_id)


# --- Agreement versions ------------------------------------------------------------------------


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _role(conversation: Conversation, person_id: int) -> str | None:
    if person_id == conversation.employee_id:
        return Party.EMPLOYEE.value
    if person_id == conversation.manager_id:
        return Party.MANAGER.value
    return None


def build_snapshot(uow: UnitOfWork, conversation: Conversation) -> dict[str, Any]:
    """What the agreement records, in plain JSON types only (so that a stored snapshot compares
    equal to a freshly built one when nothing changed). Private preparation is never part of it;
    only what was promoted to a talking point is. The shared notes are never part of it either:
    each agenda item carries the summary both parties edit and approve."""
    goals = uow.session.scalars(select(Goal).where(Goal.conversation_id == conversation.id).order_by(Goal.id))
    actions = uow.session.scalars(
        select(DevelopmentAction)
        .where(DevelopmentAction.conversation_id == conversation.id)
        .order_by(DevelopmentAction.id)
    )
    summaries = _summaries(uow, conversation.id)
    return {
        "agenda": [
            {
                "section_key": item.section_key,
                "title": dict(item.title),
                "summary": summaries[item.id].text if item.id in summaries else "",
                "talking_points": [point.text for point in item.talking_points],
            }
            for item in conversation.agenda
        ],
        # A proposed adjustment of an agreed goal shows in the version both approve (the goal keeps
        # its agreed values until then: `adjustments.apply_pending`).
        "goals": adjustments.overlay(
            [
                {
                    "id": goal.id,
                    "title": goal.title,
                    "specific": goal.specific,
                    "measure": goal.measure,
                    "achievable": goal.achievable,
                    "relevance": goal.relevance,
                    "deadline": _iso(goal.deadline),
                    "status": goal.status,
                }
                for goal in goals
            ],
            adjustments.pending(uow, conversation.id),
        ),
        "development_actions": [
            {
                "kind": action.kind,
                "title": action.title,
                "owner_role": _role(conversation, action.owner_id),
                "resources": action.resources,
                "due_date": _iso(action.due_date),
                "status": action.status,
                "goal_id": action.goal_id,
            }
            for action in actions
        ],
        "follow_ups": [
            {"title": f.title, "due_on": _iso(f.due_on)} for f in follow_ups.stored(uow, [conversation.id])
        ],
    }


def _versions(uow: UnitOfWork, conversation_id: int) -> list[AgreementVersion]:
    """All versions, newest first."""
    query = (
        select(AgreementVersion)
        .where(AgreementVersion.conversation_id == conversation_id)
        .order_by(AgreementVersion.number.desc())
    )
    return list(uow.session.scalars(query))


def _latest(uow: UnitOfWork, conversation_id: int) -> AgreementVersion | None:
    query = (
        select(AgreementVersion)
        .where(AgreementVersion.conversation_id == conversation_id)
        .order_by(AgreementVersion.number.desc())
        .limit(1)
    )
    return uow.session.scalar(query)


def _latest_number(uow: UnitOfWork, conversation_id: int) -> int:
    query = select(func.max(AgreementVersion.number)).where(
        AgreementVersion.conversation_id == conversation_id
    )
    return uow.session.scalar(query) or 0


def decisions_of(version: AgreementVersion) -> dict[Party, Decision]:
    return {Party(d.party): Decision(d.decision) for d in version.decisions}


def _shown(snapshot: dict[str, Any]) -> dict[str, Any]:
    """A stored snapshot as shown: one drafted before the agreement held summaries shows none (and
    never its notes)."""
    agenda = snapshot.get("agenda") or []
    if all("summary" in item and "notes" not in item for item in agenda):
        return snapshot
    shown = [{"summary": "", **{k: v for k, v in item.items() if k != "notes"}} for item in agenda]
    return {**snapshot, "agenda": shown}


def _version_view(uow: UnitOfWork, version: AgreementVersion, *, latest_number: int) -> VersionView:
    return VersionView(
        number=version.number,
        state=version_state(decisions_of(version), is_latest=version.number == latest_number),
        snapshot=_shown(version.snapshot),
        created_by=uow.session.get(Person, version.created_by_id),
        created_at=version.created_at,
        locked_at=version.locked_at,
        decisions=[
            DecisionView(
                party=Party(d.party),
                person=uow.session.get(Person, d.person_id),
                decision=Decision(d.decision),
                comment=d.comment,
                disagreement=d.disagreement,
                decided_at=d.decided_at,
            )
            for d in sorted(version.decisions, key=lambda d: list(Party).index(Party(d.party)))
        ],
    )


def get_agreement(uow: UnitOfWork, actor: Actor, conversation_id: int) -> AgreementView:
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        audit_log.record_read(uow, actor, conversation, "agreement.read")
        versions = _versions(uow, conversation_id)
        latest_number = versions[0].number if versions else 0
        return AgreementView(
            conversation_status=Status(conversation.status),
            items=[_version_view(uow, v, latest_number=latest_number) for v in versions],
        )


def version_view(uow: UnitOfWork, conversation_id: int, number: int) -> VersionView:
    """One version of a conversation the caller already found readable (inside its `with uow:`)."""
    version = uow.session.scalar(
        select(AgreementVersion).where(
            AgreementVersion.conversation_id == conversation_id, AgreementVersion.number == number
        )
    )
    if version is None:
        raise NotFound()
    return _version_view(uow, version, latest_number=_latest_number(uow, conversation_id))


def do_draft(uow: UnitOfWork, actor: Actor, conversation_id: int) -> VersionView:
    """Draft the next version from the current shared content."""
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id, lock=True)
        status = Status(conversation.status)
        if status not in DRAFTABLE:
            raise Conflict("agreement_not_ready", params={"status": status.value})
        ensure_summaries(uow, conversation)
        latest = _latest(uow, conversation_id)
        snapshot = build_snapshot(uow, conversation)
        changed = latest is None or latest.snapshot != snapshot
        check_new_version(decisions_of(latest) if latest is not None else None, changed)
        return _new_version(uow, actor, conversation, snapshot, changed)


def _new_version(
    uow: UnitOfWork, actor: Actor, conversation: Conversation, snapshot: dict[str, Any], changed: bool
) -> VersionView:
    status = Status(conversation.status)
    if status is Status.IN_MEETING or (status is Status.AGREED and changed):
        check_transition(status, Status.REVIEWING, requested=False)
        apply_status(uow, conversation, Status.REVIEWING)
    # Numbers never repeat, even after the retention run removed an unapproved draft.
    conversation.agreement_number += 1
    version = AgreementVersion(
        conversation_id=conversation.id,
        number=conversation.agreement_number,
        snapshot=snapshot,
        created_by_id=actor.person_id,
        created_at=uow.now(),
    )
    uow.session.add(version)
    uow.session.flush()
    uow.emit(actor.tenant_id, conversation.id, "agreement.drafted", number=version.number)
    return _version_view(uow, version, latest_number=version.number)


def _redraft_after_edit(uow: UnitOfWork, actor: Actor, conversation: Conversation) -> int | None:
    """After an edit of the agreement's content: a new version when one was drafted before and the
    content changed while it is reviewed or agreed (the approvals start over). Returns its number."""
    if Status(conversation.status) not in (Status.REVIEWING, Status.AGREED):
        return None
    latest = _latest(uow, conversation.id)
    snapshot = build_snapshot(uow, conversation)
    changed = latest is not None and latest.snapshot != snapshot
    if not edit_opens_new_version(drafted=latest is not None, changed=changed):
        return None
    return _new_version(uow, actor, conversation, snapshot, changed).number


def redraft_after_edit(uow: UnitOfWork, actor: Actor, conversation: Conversation) -> int | None:
    """The same, for another use case that changed the agreement's content (a proposed adjustment
    of an agreed goal: `services.checkins`)."""
    return _redraft_after_edit(uow, actor, conversation)


# --- Summaries ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryView:
    item_id: int
    section_key: str
    title: dict[str, str]
    text: str
    version: int
    updated_at: datetime
    merged: bool = False  # the write was based on an older version and was merged with it
    agreement_number: int = 0  # the latest agreement version after the write


@dataclass(frozen=True)
class SummaryList:
    items: list[SummaryView]
    keep_notes: bool  # both parties chose to keep the notes (the summaries started from them)


def _summaries(uow: UnitOfWork, conversation_id: int) -> dict[int, AgendaSummary]:
    rows = uow.session.scalars(select(AgendaSummary).where(AgendaSummary.conversation_id == conversation_id))
    return {row.agenda_item_id: row for row in rows}


def ensure_summaries(uow: UnitOfWork, conversation: Conversation) -> None:
    """Every agenda item gets its summary once: prefilled from its notes only when both parties
    chose to keep them, otherwise empty."""
    existing = _summaries(uow, conversation.id)
    votes = retention.keep_votes(uow, conversation.id)
    for item in conversation.agenda:
        if item.id in existing:
            continue
        uow.session.add(
            AgendaSummary(
                conversation_id=conversation.id,
                agenda_item_id=item.id,
                text=summary_prefill(item.notes or "", votes),
                updated_at=uow.now(),
            )
        )
    uow.session.flush()


def _summary_view(item, row: AgendaSummary, *, merged: bool = False, number: int = 0) -> SummaryView:
    return SummaryView(
        item_id=item.id,
        section_key=item.section_key,
        title=dict(item.title),
        text=row.text,
        version=row.version,
        updated_at=row.updated_at,
        merged=merged,
        agreement_number=number,
    )


def list_summaries(uow: UnitOfWork, actor: Actor, conversation_id: int) -> SummaryList:
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        rows = _summaries(uow, conversation_id)
        number = _latest_number(uow, conversation_id)
        return SummaryList(
            items=[
                _summary_view(item, rows[item.id], number=number)
                for item in conversation.agenda
                if item.id in rows
            ],
            keep_notes=not notes_removed_at_lock(retention.keep_votes(uow, conversation_id)),
        )


def do_edit_summary(
    uow: UnitOfWork, actor: Actor, conversation_id: int, item_id: int, *, version: int, base: str, text: str
) -> SummaryView:
    """Write an agenda item's summary. A write based on an older version is merged character by
    character with what was saved since (`base` is the text the writer started from)."""
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id, lock=True)
        item = lookups.agenda_item_for(uow, actor, conversation_id, item_id)
        row = uow.session.scalar(
            select(AgendaSummary)
            .where(AgendaSummary.agenda_item_id == item.id)
            .with_for_update(of=AgendaSummary)
            .execution_options(populate_existing=True)
        )
        if row is None:  # no agreement drafted yet: nothing to summarise
            raise Conflict("agreement_not_ready", params={"status": conversation.status})
        merged = version != row.version
        new = merge_text(base, text, row.text) if merged else text
        if new != row.text:
            row.text = new
            row.updated_by_id = actor.person_id
            row.updated_at = uow.now()
            uow.session.flush()
            uow.emit(
                actor.tenant_id, conversation_id, "summary.updated", item_id=item.id, version=row.version
            )
        number = _redraft_after_edit(uow, actor, conversation) or _latest_number(uow, conversation_id)
        return _summary_view(item, row, merged=merged, number=number)


# --- Follow-up edits ---------------------------------------------------------------------------


def _follow_up_values(follow_up: FollowUp) -> dict[str, Any]:
    return {"title": follow_up.title, "due_on": follow_up.due_on}


def do_edit_follow_up(
    uow: UnitOfWork,
    actor: Actor,
    conversation_id: int,
    follow_up_id: int,
    *,
    version: int,
    base: dict[str, Any],
    changes: dict[str, Any],
) -> FollowUp:
    """Change a follow-up's title or date. A write based on an older version is merged with what
    was saved since (`base`: the values the writer started from): the title character by character;
    a date both changed differently is a conflict (409 `edit_conflict`, nothing applied)."""
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id, lock=True)
        follow_up = uow.session.scalar(
            select(FollowUp)
            .where(FollowUp.id == follow_up_id)
            .with_for_update(of=FollowUp)
            .execution_options(populate_existing=True)
        )
        if follow_up is None or follow_up.conversation_id != conversation_id:
            raise NotFound()
        stored = _follow_up_values(follow_up)
        merged = coedit.merge_change(
            up_to_date=version == follow_up.version,
            changes=changes,
            base=base,
            stored=stored,
            text_fields=("title",),
            fits=lambda field, value: coedit.text_fits(uow, field, value),
            current=lambda: follow_up,
        )
        apply = {key: value for key, value in merged.items() if value != stored[key]}
        if apply:
            for key, value in apply.items():
                setattr(follow_up, key, value)
            follow_up.updated_at = uow.now()
            uow.session.flush()
            calendar_sync.schedule_follow_up(uow, conversation, follow_up)
            uow.emit(actor.tenant_id, conversation_id, "follow_up.updated", id=follow_up.id)
            _redraft_after_edit(uow, actor, conversation)
        return follow_up


def do_decide(
    uow: UnitOfWork,
    actor: Actor,
    conversation_id: int,
    number: int,
    *,
    decision: Decision,
    comment: str | None = None,
    disagreement: bool = False,
) -> VersionView:
    """Record this party's decision on a version; both approvals lock it and agree the conversation."""
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id, lock=True)
        party = party_of(conversation, actor)
        if party is None:  # conversation_for admits the two parties only; stay safe anyway
            raise Forbidden("not_a_party")
        version = uow.session.scalar(
            select(AgreementVersion).where(
                AgreementVersion.conversation_id == conversation_id, AgreementVersion.number == number
            )
        )
        if version is None:
            raise NotFound()
        latest_number = _latest_number(uow, conversation_id)
        check_decision(
            number=number,
            latest_number=latest_number,
            decisions=decisions_of(version),
            decision=decision,
            comment=comment,
        )
        if Status(conversation.status) is not Status.REVIEWING:
            # Back in the meeting, the content may change: a new draft is needed before approval.
            raise Conflict("agreement_not_ready", params={"status": conversation.status})
        now = uow.now()
        row = next((d for d in version.decisions if d.party == party.value), None)
        if row is None:
            row = AgreementDecision(party=party.value)
            version.decisions.append(row)
        row.person_id = actor.person_id
        row.decision = decision.value
        row.comment = comment or ""
        row.disagreement = disagreement
        row.decided_at = now
        uow.session.flush()
        # The other party hears of it; stored in this transaction, sent by the reminder job.
        reminders.enqueue_decision(uow, conversation, version, decided_by=actor.person_id, decision=decision)
        audit.record(
            uow,
            actor,
            f"agreement.{decision.value}",
            conversation_id=conversation_id,
            number=number,
            party=party.value,
        )
        locked = is_locked(decisions_of(version))
        if locked:
            version.locked_at = now
            check_transition(Status(conversation.status), Status.AGREED, requested=False)
            apply_status(uow, conversation, Status.AGREED)
            adjusted = adjustments.apply_pending(uow, conversation_id)
            for goal_id in adjusted:
                uow.emit(actor.tenant_id, conversation_id, "goal.updated", id=goal_id)
            uow.session.flush()
            calendar_sync.schedule_conversation(uow, conversation)  # sent after the commit
            if notes_removed_at_lock(retention.keep_votes(uow, conversation_id)):
                # Not both chose to keep the notes: they go now, everywhere (the agreement holds
                # the summaries both approved).
                cleared = retention.remove_notes(uow, conversation)
                if cleared:
                    audit.record(
                        uow, actor, "notes.removed_at_lock", conversation_id=conversation_id, items=cleared
                    )
                    uow.emit(actor.tenant_id, conversation_id, "retention.purged", notes_cleared=cleared)
        uow.session.flush()
        uow.emit(
            actor.tenant_id,
            conversation_id,
            "agreement.decided",
            number=number,
            party=party.value,
            decision=decision.value,
            locked=locked,
        )
        return _version_view(uow, version, latest_number=latest_number)
