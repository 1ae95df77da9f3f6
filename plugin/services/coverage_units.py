"""Coverage per unit for the HR screen: per department of the directory and for the whole
organisation, how many employees there are, how many had a MUS agreed in the last 12 months, have
one planned, are overdue (no MUS agreed within the organisation's MUS interval) and had a check-in
in the last 90 days. Counts of people only, never names or content.

Suppression (the rule of `coverage`): a figure about 1 to 4 people is not shown (`None`, "fewer than
5"); a unit of fewer than 5 employees shows no figure at all. Complementary suppression, so that no
hidden figure can be worked out from the shown ones:
- a column (one figure over the units) with exactly one hidden unit while the organisation's total
  is shown: the smallest other shown unit figure is hidden too (or the total, when there is none);
- a row: "held" and "overdue" add up to the employees when the interval is 12 months, so when one of
  the two is hidden, so is the other.
It is repeated until nothing changes.

The employees are the directory's users (Microsoft Graph, `GET /users` with the app's own token);
when Graph is not available, the people the app knows, without units (`source = known_people`). The
database work is three statements whatever the size of the organisation."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import cast, func, literal, null, or_, select, union_all

from ..domain.actor import Actor
from ..domain.errors import Forbidden
from ..domain.lifecycle import ConversationKind, Status
from ..domain.org_settings import months_before
from ..domain.permissions import can_see_coverage
from ..identity.graph import Graph, GraphDenied, GraphUnavailable
from ..storage import Conversation, Person
from ..storage.types import UTCDateTime
from ..storage.unit_of_work import UnitOfWork
from . import audit
from .coverage import HELD_WINDOW, MIN_GROUP_SIZE, NOT_AGREED
from .org_settings import settings_for

CHECKIN_WINDOW = timedelta(days=90)
FIGURES = ("employees", "mus_held", "mus_planned", "mus_overdue", "checkins_recent")


@dataclass(frozen=True)
class UnitFigures:
    employees: int | None
    mus_held: int | None
    mus_planned: int | None
    mus_overdue: int | None
    checkins_recent: int | None


@dataclass(frozen=True)
class UnitCoverage(UnitFigures):
    unit: str | None


@dataclass(frozen=True)
class UnitsCoverage:
    tenant_id: str
    source: str  # "directory" or "known_people"
    units: list[UnitCoverage]
    organisation: UnitFigures
    mus_interval_months: int
    min_group_size: int = MIN_GROUP_SIZE


def _directory_units(graph: Graph | None) -> dict[str, str | None] | None:
    """object id -> department, for every user of the directory; None when Graph is not available."""
    if graph is None:
        return None
    try:
        return {p.object_id.lower(): (p.department or None) for p in graph.organisation_users()}
    except (GraphUnavailable, GraphDenied):
        return None


def get_unit_coverage(uow: UnitOfWork, actor: Actor, graph: Graph | None) -> UnitsCoverage:
    if not can_see_coverage(actor):
        raise Forbidden("admin_only")
    units_of = _directory_units(graph)  # before the transaction: Graph is slow and may be down
    source = "directory" if units_of is not None else "known_people"
    with uow:
        now = uow.now()
        interval = settings_for(uow, actor.tenant_id).mus_interval_months
        if units_of is None:
            units_of = {
                oid.lower(): None
                for oid in uow.session.scalars(
                    select(Person.object_id).where(
                        Person.tenant_id == actor.tenant_id, Person.erased_at.is_(None)
                    )
                )
            }
        per_person = _per_employee(uow, actor.tenant_id, now, interval)
        audit.record(uow, actor, "coverage.units_read", source=source)
    held_since = now - HELD_WINDOW
    due_since = months_before(now, interval)
    checkin_since = now - CHECKIN_WINDOW
    raw: dict[str | None, dict[str, int]] = defaultdict(lambda: dict.fromkeys(FIGURES, 0))
    for oid, unit in units_of.items():
        last_mus, planned, last_checkin = per_person.get(oid, (None, 0, None))
        row = raw[unit]
        row["employees"] += 1
        row["mus_held"] += bool(last_mus and last_mus >= held_since)
        row["mus_planned"] += bool(planned)
        row["mus_overdue"] += not (last_mus and last_mus >= due_since)
        row["checkins_recent"] += bool(last_checkin and last_checkin >= checkin_since)
    order = sorted(raw, key=lambda u: (u is None, (u or "").casefold()))
    total = {name: sum(raw[u][name] for u in order) for name in FIGURES}
    shown_units, shown_total = suppress([raw[u] for u in order], total)
    return UnitsCoverage(
        tenant_id=actor.tenant_id,
        source=source,
        units=[UnitCoverage(unit=u, **figures) for u, figures in zip(order, shown_units, strict=True)],
        organisation=UnitFigures(**shown_total),
        mus_interval_months=interval,
    )


def _per_employee(uow: UnitOfWork, tenant_id: str, now: datetime, interval: int) -> dict[str, tuple]:
    """object id -> (last MUS agreed, MUS planned ahead, last check-in agreed): one statement. Only
    the conversations a figure can count are read (a MUS agreed before both the held window and the
    interval, or a check-in agreed before the check-in window, counts as none at all): three ranges
    of the coverage indexes (`ix_conversations_agreed`, `ix_conversations_scheduled`), never the
    years of history before them."""
    scoped = Conversation.tenant_id == tenant_id
    mus = Conversation.kind == ConversationKind.MUS.value
    agreed = Conversation.status == Status.AGREED.value
    nothing = cast(null(), UTCDateTime())
    found = union_all(
        select(
            Conversation.employee_id,
            Conversation.updated_at.label("mus_at"),
            literal(0).label("ahead"),
            nothing.label("checkin_at"),
        ).where(
            scoped,
            mus,
            agreed,
            Conversation.updated_at >= min(now - HELD_WINDOW, months_before(now, interval)),
        ),
        select(Conversation.employee_id, nothing, literal(1), nothing).where(
            scoped,
            mus,
            Conversation.status.in_(NOT_AGREED),
            or_(Conversation.scheduled_at.is_(None), Conversation.scheduled_at >= now),
        ),
        select(Conversation.employee_id, nothing, literal(0), Conversation.updated_at).where(
            scoped,
            Conversation.kind == ConversationKind.CHECKIN.value,
            agreed,
            Conversation.updated_at >= now - CHECKIN_WINDOW,
        ),
    ).subquery()
    rows = uow.session.execute(
        select(
            Person.object_id,
            func.max(found.c.mus_at, type_=UTCDateTime()),
            func.sum(found.c.ahead),
            func.max(found.c.checkin_at, type_=UTCDateTime()),
        )
        .join(Person, Person.id == found.c.employee_id)
        .group_by(Person.object_id)
    ).all()
    return {
        oid.lower(): (last_mus, planned or 0, last_checkin) for oid, last_mus, planned, last_checkin in rows
    }


def _first(row: dict[str, int]) -> dict[str, int | None]:
    """The primary rule: a group under 5 shows nothing, a figure of 1 to 4 people is hidden."""
    if row["employees"] < MIN_GROUP_SIZE:
        return dict.fromkeys(row)
    return {k: (v if v == 0 or v >= MIN_GROUP_SIZE else None) for k, v in row.items()}


def suppress(
    units: list[dict[str, int]], total: dict[str, int]
) -> tuple[list[dict[str, int | None]], dict[str, int | None]]:
    """The figures as shown: the primary rule, then complementary suppression (module docstring)."""
    shown = [_first(u) for u in units]
    shown_total = _first(total)
    changed = True
    while changed:
        changed = False
        for row in [*shown, shown_total]:
            held, overdue = row["mus_held"] is None, row["mus_overdue"] is None
            if held != overdue:
                row["mus_held"] = row["mus_overdue"] = None
                changed = True
        for name in FIGURES:
            if shown_total[name] is None:
                continue
            hidden = [i for i, row in enumerate(shown) if row[name] is None]
            if len(hidden) != 1:
                continue
            others = [i for i, row in enumerate(shown) if row[name] is not None]
            if others:  # the smallest, a non-zero one first
                pick = min(others, key=lambda i: (units[i][name] == 0, units[i][name]))
                shown[pick][name] = None
            else:
                shown_total[name] = None
            changed = True
    return shown, shown_total
