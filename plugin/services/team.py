"""The manager's team from the directory, and each employee's cadence.

`team_overview` lists EVERY direct report of the signed-in manager in the directory (Microsoft
Graph), also those who never signed in or were never planned with, each with what the pair's own
records say: the cadence and what is due, the last MUS held, the next planned conversation, the
follow-up dates of locked agreements that passed without a conversation since, goal progress at a
glance and the wellbeing pulses the employee chose to share. Only the pair's records are read (the
conversations where the signed-in person is the manager), never the employee's history with someone
else. The records are read in a fixed number of bulk queries, whatever the size of the team.

The cadence is set by the employee's current manager in the directory, and read by them and by the
employee. When the directory cannot answer, nothing is guessed: 503 `directory_unavailable`."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select

from ..domain.actor import Actor
from ..domain.cadence import (
    ATTENTION_ORDER,
    HELD_STATUSES,
    PLANNED_STATUSES,
    Cadence,
    CadenceDefaults,
    CadenceStatus,
    History,
    assess,
    check_cadence,
)
from ..domain.errors import DomainError, StaleVersion
from ..domain.goals import GoalStatus
from ..domain.lifecycle import ConversationKind
from ..identity.graph import DirectoryPerson, Graph, GraphDenied, GraphUnavailable
from ..identity.msal_obo import SignInUnavailable
from ..storage import (
    AgreementVersion,
    CadenceSetting,
    Conversation,
    FollowUp,
    Goal,
    GoalProgress,
    Person,
    WellbeingPulse,
)
from ..storage.types import UTCDateTime
from ..storage.unit_of_work import UnitOfWork
from . import org_settings
from .directory import NotYourReport, PersonUnknown
from .people import person_in_tenant

log = logging.getLogger(__name__)

HELD = HELD_STATUSES
PLANNED = PLANNED_STATUSES
OPEN_GOALS = frozenset({GoalStatus.DRAFT.value, GoalStatus.ACTIVE.value})
TREND_LENGTH = 3
OBJECT_ID = re.compile(r"^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$")


class DirectoryUnavailable(DomainError):
    """The directory (Graph) cannot be asked now: the team cannot be listed or checked."""

    status = 503
    code = "directory_unavailable"


# --- what the API shows ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CadenceView:
    employee_object_id: str
    mus_interval_months: int
    check_in_interval_weeks: int | None
    is_default: bool
    version: int  # 0: never set (the defaults)
    updated_at: datetime | None
    set_by: Person | None
    status: CadenceStatus


@dataclass(frozen=True)
class NextConversation:
    id: int
    kind: str
    scheduled_at: datetime | None


@dataclass(frozen=True)
class GoalGlance:
    total: int = 0
    achieved: int = 0
    open: int = 0
    average_percent: int | None = None  # the latest progress of the open goals, on average


@dataclass(frozen=True)
class PulsePoint:
    score: int
    at: datetime


@dataclass(frozen=True)
class OverdueFollowUps:
    count: int = 0
    earliest: date | None = None


@dataclass(frozen=True)
class TeamMember:
    object_id: str
    display_name: str
    email: str
    job_title: str | None
    signed_in: bool
    cadence: CadenceView
    last_mus: date | None
    next_conversation: NextConversation | None
    overdue_follow_ups: OverdueFollowUps
    goals: GoalGlance
    wellbeing: list[PulsePoint]


@dataclass(frozen=True)
class TeamView:
    today: date
    members: list[TeamMember]


# --- the pair's records, in bulk -----------------------------------------------------------------------


@dataclass
class _Records:
    """What the pair's records say about each employee (by person id)."""

    history: dict[int, History] = field(default_factory=dict)
    last_mus: dict[int, date] = field(default_factory=dict)
    next: dict[int, NextConversation] = field(default_factory=dict)
    overdue: dict[int, OverdueFollowUps] = field(default_factory=dict)
    goals: dict[int, GoalGlance] = field(default_factory=dict)
    pulses: dict[int, list[PulsePoint]] = field(default_factory=dict)


def _records(
    uow: UnitOfWork, tenant_id: str, employee_ids: list[int], manager_id: int | None, today: date
) -> _Records:
    """The records of each employee with `manager_id` (None: with anyone, for the employee's own
    view), in one query per kind of record."""
    found = _Records()
    if not employee_ids:
        return found
    session = uow.session
    scope = [Conversation.tenant_id == tenant_id, Conversation.employee_id.in_(employee_ids)]
    if manager_id is not None:
        scope.append(Conversation.manager_id == manager_id)
    # The last day held of each kind, summed up by the database (not the years of rows), and the
    # conversations still ahead (a few).
    held_on = func.coalesce(Conversation.meeting_ended_at, Conversation.scheduled_at, Conversation.created_at)
    last_held: dict[int, dict[str, date]] = defaultdict(dict)
    for row in session.execute(
        select(
            Conversation.employee_id, Conversation.kind, func.max(held_on, type_=UTCDateTime()).label("on")
        )
        .where(*scope, Conversation.status.in_(HELD))
        .group_by(Conversation.employee_id, Conversation.kind)
    ):
        last_held[row.employee_id][row.kind] = row.on.date()
    planned_rows: dict[int, list] = defaultdict(list)
    for row in session.execute(
        select(
            Conversation.id,
            Conversation.employee_id,
            Conversation.kind,
            Conversation.scheduled_at,
            Conversation.created_at,
        ).where(*scope, Conversation.status.in_(PLANNED))
    ):
        planned_rows[row.employee_id].append(row)
    latest_held: dict[int, date] = {}
    for employee_id in set(last_held) | set(planned_rows):
        kinds = last_held.get(employee_id, {})
        planned = planned_rows.get(employee_id, [])
        found.history[employee_id] = History(
            last_mus=kinds.get(ConversationKind.MUS.value),
            last_check_in=kinds.get(ConversationKind.CHECKIN.value),
            mus_planned=any(r.kind == ConversationKind.MUS.value for r in planned),
            check_in_planned=any(r.kind == ConversationKind.CHECKIN.value for r in planned),
        )
        if kinds:
            latest_held[employee_id] = max(kinds.values())
        if ConversationKind.MUS.value in kinds:
            found.last_mus[employee_id] = kinds[ConversationKind.MUS.value]
        if planned:
            first = min(planned, key=lambda r: (r.scheduled_at is None, r.scheduled_at or r.created_at, r.id))
            found.next[employee_id] = NextConversation(first.id, first.kind, first.scheduled_at)
    if not found.history:
        return found
    ids = select(Conversation.id).where(*scope)

    # Follow-up dates of locked agreements that passed with no conversation held on or after them.
    locked = select(AgreementVersion.conversation_id).where(
        AgreementVersion.conversation_id.in_(ids), AgreementVersion.locked_at.is_not(None)
    )
    overdue: dict[int, list[date]] = defaultdict(list)
    for row in session.execute(
        select(Conversation.employee_id, FollowUp.due_on)
        .join(Conversation, Conversation.id == FollowUp.conversation_id)
        .where(FollowUp.conversation_id.in_(locked), FollowUp.due_on < today)
    ):
        last = latest_held.get(row.employee_id)
        if last is None or last < row.due_on:  # no conversation held on or after the date
            overdue[row.employee_id].append(row.due_on)
    found.overdue = {e: OverdueFollowUps(len(days), min(days)) for e, days in overdue.items()}

    # Goals at a glance: the pair's goals (not dropped), and the latest progress of each open one.
    goal_scope = [Goal.tenant_id == tenant_id, Goal.employee_id.in_(employee_ids)]
    if manager_id is not None:
        goal_scope.append(Goal.manager_id == manager_id)
    latest = (
        select(GoalProgress.goal_id, func.max(GoalProgress.id).label("progress_id"))
        .join(Goal, Goal.id == GoalProgress.goal_id)
        .where(*goal_scope)
        .group_by(GoalProgress.goal_id)
        .subquery()
    )
    goals: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for row in session.execute(
        select(Goal.employee_id, Goal.status, GoalProgress.percent)
        .outerjoin(latest, latest.c.goal_id == Goal.id)
        .outerjoin(GoalProgress, GoalProgress.id == latest.c.progress_id)
        .where(*goal_scope, Goal.status != GoalStatus.DROPPED.value)
    ):
        goals[row.employee_id].append((row.status, row.percent or 0))
    for employee_id, rows in goals.items():
        open_ = [percent for status, percent in rows if status in OPEN_GOALS]
        found.goals[employee_id] = GoalGlance(
            total=len(rows),
            achieved=sum(1 for status, _ in rows if status == GoalStatus.ACHIEVED.value),
            open=len(open_),
            average_percent=round(sum(open_) / len(open_)) if open_ else None,
        )

    # The wellbeing trend: only the pulses the employee wrote and chose to share.
    pulses: dict[int, list[PulsePoint]] = defaultdict(list)
    for row in session.execute(
        select(Conversation.employee_id, WellbeingPulse.score, WellbeingPulse.created_at)
        .join(Conversation, Conversation.id == WellbeingPulse.conversation_id)
        .where(
            WellbeingPulse.conversation_id.in_(ids),
            WellbeingPulse.shared.is_(True),
            WellbeingPulse.author_id == Conversation.employee_id,
        )
        .order_by(WellbeingPulse.created_at.desc(), WellbeingPulse.id.desc())
    ):
        if len(pulses[row.employee_id]) < TREND_LENGTH:
            pulses[row.employee_id].append(PulsePoint(row.score, row.created_at))
    found.pulses = {e: list(reversed(points)) for e, points in pulses.items()}  # oldest first
    return found


def _cadence_view(
    object_id: str, row: CadenceSetting | None, history: History, today: date, defaults: CadenceDefaults
) -> CadenceView:
    cadence = Cadence(row.mus_interval_months, row.check_in_interval_weeks) if row else defaults.cadence()
    return CadenceView(
        employee_object_id=object_id,
        mus_interval_months=cadence.mus_interval_months,
        check_in_interval_weeks=cadence.check_in_interval_weeks,
        is_default=row is None,
        version=row.version if row else 0,
        updated_at=row.updated_at if row else None,
        set_by=row.manager if row else None,
        status=assess(cadence, history, today, defaults),
    )


# --- the use cases ----------------------------------------------------------------------------------------


def _reports(graph: Graph) -> list[DirectoryPerson]:
    try:
        return graph.direct_reports(None)
    except (GraphUnavailable, GraphDenied, SignInUnavailable) as exc:
        log.info("direct reports unavailable: %s", exc.code)
        raise DirectoryUnavailable() from exc


def organisation_defaults(uow: UnitOfWork, tenant_id: str) -> CadenceDefaults:
    """The cadence of employees whose manager set none: the organisation's settings (the HR screen)."""
    settings = org_settings.settings_for(uow, tenant_id)
    return CadenceDefaults(settings.mus_interval_months, settings.checkin_interval_weeks)


def team_overview(
    uow: UnitOfWork, actor: Actor, graph: Graph, *, defaults: CadenceDefaults | None = None
) -> TeamView:
    """Every direct report of the actor in the directory, what needs attention first. Someone
    without direct reports has an empty team (not a refusal: the tab asks for everyone)."""
    me = actor.object_id.lower()
    reports: list[DirectoryPerson] = []
    seen = {me, ""}
    for report in _reports(graph):  # each once (a page boundary may repeat one), never oneself
        if report.object_id.lower() not in seen:
            seen.add(report.object_id.lower())
            reports.append(report)
    today = uow.now().date()
    oids = sorted({r.object_id.lower() for r in reports})
    with uow:
        defaults = defaults or organisation_defaults(uow, actor.tenant_id)
        session = uow.session
        people = {
            p.object_id.lower(): p
            for p in session.scalars(
                select(Person).where(Person.tenant_id == actor.tenant_id, Person.object_id.in_(oids))
            )
        }
        person_ids = [p.id for p in people.values()]
        cadences = (
            {
                c.employee_id: c
                for c in session.scalars(
                    select(CadenceSetting).where(
                        CadenceSetting.tenant_id == actor.tenant_id,
                        CadenceSetting.employee_id.in_(person_ids),
                    )
                )
            }
            if person_ids
            else {}
        )
        records = _records(uow, actor.tenant_id, person_ids, actor.person_id, today)
        members = []
        for report in reports:
            oid = report.object_id.lower()
            person = people.get(oid)
            pid = person.id if person else None
            history = records.history.get(pid, History()) if pid else History()
            members.append(
                TeamMember(
                    object_id=oid,
                    display_name=report.display_name or (person.display_name if person else ""),
                    email=report.email or (person.email if person else ""),
                    job_title=report.job_title,
                    signed_in=bool(person and person.signed_in_at),
                    cadence=_cadence_view(oid, cadences.get(pid), history, today, defaults),
                    last_mus=records.last_mus.get(pid),
                    next_conversation=records.next.get(pid),
                    overdue_follow_ups=records.overdue.get(pid, OverdueFollowUps()),
                    goals=records.goals.get(pid, GoalGlance()),
                    wellbeing=records.pulses.get(pid, []),
                )
            )
    members.sort(key=_attention_key)
    return TeamView(today=today, members=members)


def _attention_key(member: TeamMember):
    status = member.cadence.status
    states = (status.mus.state, status.check_in.state)
    overdue = member.overdue_follow_ups.count > 0
    rank = min(ATTENTION_ORDER[s] for s in states)
    if overdue:
        rank = 0
    # Overdue first, then due, then by name (Danish letters after z, as the directory sorts them).
    return (min(rank, 2), member.display_name.casefold(), member.object_id)


class NotYourReportsCadence(NotYourReport):
    message_key = "team_not_your_report"


def _check_manager(graph: Graph, employee_oid: str, actor: Actor) -> DirectoryPerson:
    """The employee in the directory, when the actor is their current manager there."""
    if not OBJECT_ID.match(employee_oid):  # not an object id: nobody the directory could know
        raise PersonUnknown(field="employee_object_id")
    try:
        employee = graph.person(employee_oid)
        manager = graph.manager_of(employee_oid) if employee is not None else None
    except (GraphUnavailable, GraphDenied, SignInUnavailable) as exc:
        log.info("manager check impossible: %s", exc.code)
        raise DirectoryUnavailable() from exc
    if employee is None or not employee.object_id:
        raise PersonUnknown(field="employee_object_id")
    if manager is None or manager.object_id.lower() != actor.object_id.lower():
        raise NotYourReportsCadence(field="employee_object_id")
    return employee


def _view_for(
    uow: UnitOfWork, actor: Actor, person: Person | None, oid: str, *, as_manager: bool, defaults
) -> CadenceView:
    today = uow.now().date()
    if person is None:
        return _cadence_view(oid, None, History(), today, defaults)
    row = uow.session.scalar(
        select(CadenceSetting).where(
            CadenceSetting.tenant_id == actor.tenant_id, CadenceSetting.employee_id == person.id
        )
    )
    manager_id = actor.person_id if as_manager else None
    records = _records(uow, actor.tenant_id, [person.id], manager_id, today)
    return _cadence_view(oid, row, records.history.get(person.id, History()), today, defaults)


def get_cadence(
    uow: UnitOfWork,
    actor: Actor,
    graph: Graph,
    employee_object_id: str,
    *,
    defaults: CadenceDefaults | None = None,
) -> CadenceView:
    """The employee reads their own; their manager in the directory reads it too."""
    oid = employee_object_id.strip().lower()
    own = oid == actor.object_id.lower()
    if not own:
        _check_manager(graph, oid, actor)
    with uow:
        defaults = defaults or organisation_defaults(uow, actor.tenant_id)
        person = uow.session.scalar(
            select(Person).where(Person.tenant_id == actor.tenant_id, Person.object_id == oid)
        )
        return _view_for(uow, actor, person, oid, as_manager=not own, defaults=defaults)


def set_cadence(
    uow: UnitOfWork,
    actor: Actor,
    graph: Graph,
    employee_object_id: str,
    *,
    mus_interval_months: int,
    check_in_interval_weeks: int | None,
    version: int,
    defaults: CadenceDefaults | None = None,
) -> CadenceView:
    """Only the employee's current manager in the directory sets it; a change based on an older
    version is refused (409 `stale_version` with the current cadence)."""
    oid = employee_object_id.strip().lower()
    cadence = check_cadence(mus_interval_months, check_in_interval_weeks)
    if oid == actor.object_id.lower():
        raise NotYourReportsCadence(field="employee_object_id")
    employee = _check_manager(graph, oid, actor)
    with uow:
        defaults = defaults or organisation_defaults(uow, actor.tenant_id)
        person = person_in_tenant(
            uow, actor.tenant_id, oid, display_name=employee.display_name, email=employee.email
        )
        row = uow.session.scalar(
            select(CadenceSetting)
            .where(CadenceSetting.tenant_id == actor.tenant_id, CadenceSetting.employee_id == person.id)
            .with_for_update(of=CadenceSetting)
        )
        if (row.version if row else 0) != version:
            raise StaleVersion(current=_view_for(uow, actor, person, oid, as_manager=True, defaults=defaults))
        if row is None:
            row = CadenceSetting(tenant_id=actor.tenant_id, employee_id=person.id)
            uow.session.add(row)
        row.manager_id = actor.person_id
        row.mus_interval_months = cadence.mus_interval_months
        row.check_in_interval_weeks = cadence.check_in_interval_weeks
        row.updated_at = uow.now()
        uow.session.flush()
        uow.session.refresh(row)
        return _view_for(uow, actor, person, oid, as_manager=True, defaults=defaults)
