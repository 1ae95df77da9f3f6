"""Follow-up dates in both people's calendars, through an outbox.

Once a conversation's agreement was locked (both approved a version), each of its follow-ups is an
event in the manager's calendar with the employee invited, so both calendars hold it. The use cases
that change follow-ups only write what Graph must do (`calendar_syncs`, in their own transaction);
`run_pending` sends it later, outside any transaction:

- a row is claimed first (an UPDATE that only one run can win: several workers and instances run the
  job at once, and a row is never sent twice at the same time);
- a create carries the row's Graph `transactionId`: when a run dies between Graph's answer and our
  commit, the next run (after the claim's lease) creates again and Graph answers with the event it
  already made, never a second one;
- Graph unavailable: tried again later with backoff; Graph refusing (the application permission
  `Calendars.ReadWrite` not granted): `failed_permanently` with `graph_denied`, which the follow-up
  list shows as "not in your calendar: download the .ics". A later change to the follow-up tries again.

A change while a row is being sent raises its generation, so the run that sent the older one leaves
it pending for the next."""

from __future__ import annotations

import html
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import exists, or_, select, update

from ..domain.calendar import CLAIM_LEASE, follow_up_slot, gives_up, retry_delay
from ..i18n import language_of, translate
from ..identity.graph import Graph, GraphDenied, GraphUnavailable
from ..storage import AgreementVersion, CalendarSync, Conversation, FollowUp, Person
from ..storage.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

PENDING, DONE, FAILED = "pending", "done", "failed_permanently"
CREATE, UPDATE, CANCEL = "create", "update", "cancel"

# What a follow-up's calendar state is called in the API.
IN_CALENDAR, STATE_PENDING, NOT_PERMITTED = "in_calendar", "pending", "not_permitted"

GraphForTenant = Callable[[str], Graph]


# --- Writing the outbox (inside the use cases' transactions) ---------------------------------------


def ever_locked(uow: UnitOfWork, conversation_id: int) -> bool:
    """Whether both parties ever approved a version: from then on the follow-ups are scheduled."""
    query = select(
        exists().where(
            AgreementVersion.conversation_id == conversation_id, AgreementVersion.locked_at.is_not(None)
        )
    )
    return bool(uow.session.scalar(query))


def _row(uow: UnitOfWork, follow_up_id: int) -> CalendarSync | None:
    return uow.session.scalar(select(CalendarSync).where(CalendarSync.follow_up_id == follow_up_id))


def _again(uow: UnitOfWork, row: CalendarSync, action: str) -> None:
    row.action = action
    row.status = PENDING
    row.generation += 1
    row.attempts = 0
    row.next_attempt_at = uow.now()
    row.last_error = None
    row.updated_at = uow.now()


def schedule_follow_up(uow: UnitOfWork, conversation: Conversation, follow_up: FollowUp) -> None:
    """The follow-up was added or changed: its event is to be created or updated, once the agreement
    was ever locked (before that nothing is scheduled)."""
    if not ever_locked(uow, conversation.id):
        return
    row = _row(uow, follow_up.id)
    if row is None:
        uow.session.add(
            CalendarSync(
                tenant_id=conversation.tenant_id,
                conversation_id=conversation.id,
                follow_up_id=follow_up.id,
                owner_object_id=conversation.manager.object_id,
                action=CREATE,
                status=PENDING,
                transaction_id=uuid.uuid4().hex,
                next_attempt_at=uow.now(),
                created_at=uow.now(),
                updated_at=uow.now(),
            )
        )
    else:
        _again(uow, row, UPDATE if row.event_id else CREATE)
    uow.session.flush()


def schedule_conversation(uow: UnitOfWork, conversation: Conversation) -> None:
    """The agreement was just locked: every follow-up not yet scheduled gets its event (a change to
    one already scheduled was sent when it was made)."""
    follow_ups = uow.session.scalars(select(FollowUp).where(FollowUp.conversation_id == conversation.id))
    for follow_up in follow_ups:
        if _row(uow, follow_up.id) is None:
            schedule_follow_up(uow, conversation, follow_up)


def cancel_follow_up(uow: UnitOfWork, follow_up_id: int) -> None:
    """The follow-up is gone: its event is to be cancelled (nothing to do when Graph never saw it)."""
    row = _row(uow, follow_up_id)
    if row is None:
        return
    if row.event_id is None and not row.sent and row.claimed_by is None:
        uow.session.delete(row)
    else:
        _again(uow, row, CANCEL)
    uow.session.flush()


def cancel_conversation(uow: UnitOfWork, conversation_id: int) -> None:
    """The conversation is being deleted (retention, erasure): every event of it is cancelled."""
    query = select(CalendarSync.follow_up_id).where(CalendarSync.conversation_id == conversation_id)
    for follow_up_id in list(uow.session.scalars(query)):
        cancel_follow_up(uow, follow_up_id)


def states(uow: UnitOfWork, follow_up_ids: list[int]) -> dict[int, str]:
    """Each scheduled follow-up's calendar state as the API shows it."""
    if not follow_up_ids:
        return {}
    rows = uow.session.scalars(select(CalendarSync).where(CalendarSync.follow_up_id.in_(follow_up_ids)))
    shown: dict[int, str] = {}
    for row in rows:
        if row.action == CANCEL:
            continue
        if row.status == DONE:
            shown[row.follow_up_id] = IN_CALENDAR
        elif row.status == FAILED and row.last_error == GraphDenied.code:
            shown[row.follow_up_id] = NOT_PERMITTED
        else:
            shown[row.follow_up_id] = STATE_PENDING
    return shown


def has_pending(uow: UnitOfWork, conversation_id: int) -> bool:
    with uow:
        query = select(
            exists().where(CalendarSync.conversation_id == conversation_id, CalendarSync.status == PENDING)
        )
        return bool(uow.session.scalar(query))


# --- Sending (the job) ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Work:
    """One claimed row, read into plain values, so Graph is called with no transaction open."""

    id: int
    tenant_id: str
    owner: str
    action: str
    generation: int
    event_id: str | None
    transaction_id: str
    sent: bool
    subject: str = ""
    body: str = ""
    start: datetime | None = None
    end: datetime | None = None
    attendees: tuple[str, ...] = ()


@dataclass
class SyncReport:
    created: int = 0
    updated: int = 0
    cancelled: int = 0
    retried: int = 0
    denied: int = 0

    @property
    def sent(self) -> int:
        return self.created + self.updated + self.cancelled


def run_pending(
    uow: UnitOfWork,
    graph_for_tenant: GraphForTenant,
    *,
    conversation_id: int | None = None,
    limit: int = 100,
    holder: str | None = None,
) -> SyncReport:
    """Send the due rows (of one conversation, or all). Safe to run in several processes at once."""
    holder = holder or uuid.uuid4().hex
    report = SyncReport()
    for row_id in _due(uow, conversation_id, limit):
        work = _claim(uow, row_id, holder)
        if work is None:  # another run has it, or it is no longer due
            continue
        try:
            event_id = _send(graph_for_tenant(work.tenant_id), work)
        except GraphDenied:
            _fail(uow, work, holder, denied=True)
            report.denied += 1
            continue
        except GraphUnavailable:
            _fail(uow, work, holder, denied=False)
            report.retried += 1
            continue
        _finish(uow, work, holder, event_id)
        if work.action == CREATE:
            report.created += 1
        elif work.action == UPDATE:
            report.updated += 1
        else:
            report.cancelled += 1
    return report


def _due(uow: UnitOfWork, conversation_id: int | None, limit: int) -> list[int]:
    with uow:
        now = uow.now()
        query = (
            select(CalendarSync.id)
            .where(
                CalendarSync.status == PENDING,
                CalendarSync.next_attempt_at <= now,
                or_(CalendarSync.claimed_until.is_(None), CalendarSync.claimed_until < now),
            )
            .order_by(CalendarSync.next_attempt_at, CalendarSync.id)
            .limit(limit)
        )
        if conversation_id is not None:
            query = query.where(CalendarSync.conversation_id == conversation_id)
        return list(uow.session.scalars(query))


def _claim(uow: UnitOfWork, row_id: int, holder: str) -> Work | None:
    """Take the row for this run: an UPDATE with the due conditions again, so of two runs only one
    changes it (PostgreSQL re-checks the conditions after the other's commit; SQLite writes one at a
    time)."""
    with uow:
        now = uow.now()
        claimed = uow.session.execute(
            update(CalendarSync)
            .where(
                CalendarSync.id == row_id,
                CalendarSync.status == PENDING,
                CalendarSync.next_attempt_at <= now,
                or_(CalendarSync.claimed_until.is_(None), CalendarSync.claimed_until < now),
            )
            .values(claimed_by=holder, claimed_until=now + CLAIM_LEASE)
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount != 1:
            return None
        row = uow.session.scalar(
            select(CalendarSync).where(CalendarSync.id == row_id).execution_options(populate_existing=True)
        )
        work = Work(
            id=row.id,
            tenant_id=row.tenant_id,
            owner=row.owner_object_id,
            action=row.action,
            generation=row.generation,
            event_id=row.event_id,
            transaction_id=row.transaction_id,
            sent=row.sent,
        )
        if row.action == CANCEL:
            return work
        follow_up = uow.session.get(FollowUp, row.follow_up_id)
        conversation = uow.session.get(Conversation, row.conversation_id)
        if follow_up is None or conversation is None:  # gone meanwhile: a cancel follows
            return replace(work, action=CANCEL)
        if row.action == CREATE:
            row.sent = True  # from here on Graph may hold an event with our transaction id
        start, end = follow_up_slot(follow_up.due_on)
        manager: Person = conversation.manager
        employee: Person = conversation.employee
        language = language_of(manager.locale)
        return replace(
            work,
            sent=row.sent,
            subject=translate("calendar.follow_up.subject", language, title=follow_up.title),
            body=_body(uow, language, follow_up.title),
            start=start,
            end=end,
            attendees=tuple(a for a in (employee.email,) if a),
        )


def _body(uow: UnitOfWork, language: str, title: str) -> str:
    settings = uow.settings
    links = []
    app_id = settings.teams_app_id
    if app_id:
        teams = f"https://teams.microsoft.com/l/entity/{app_id}/my-mus"
        links.append(_link(teams, translate("calendar.follow_up.open_teams", language)))
    web = f"https://{settings.app_domain}/tab/personal"
    links.append(_link(web, translate("calendar.follow_up.open_browser", language)))
    intro = html.escape(translate("calendar.follow_up.body", language, title=title))
    return f"<p>{intro}</p><p>{' · '.join(links)}</p>"


def _link(url: str, text: str) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(text)}</a>'


def _send(graph: Graph, work: Work) -> str | None:
    """Graph's part, outside any transaction. Returns the event's id (None once cancelled)."""
    if work.action == CREATE:
        event = graph.create_event(
            subject=work.subject,
            start=work.start,
            end=work.end,
            body=work.body,
            attendees=list(work.attendees),
            transaction_id=work.transaction_id,
            owner=work.owner,
        )
        return event.event_id
    if work.action == UPDATE:
        graph.update_event(
            work.event_id,
            owner=work.owner,
            subject=work.subject,
            start=work.start,
            end=work.end,
            body=work.body,
        )
        return work.event_id
    event_id = work.event_id
    if event_id is None and work.sent:  # a create may have reached Graph without our commit
        found = [e for e in graph.events(owner=work.owner) if e.transaction_id == work.transaction_id]
        event_id = next((e.event_id for e in found if not e.is_cancelled), None)
    if event_id is not None:
        graph.cancel_event(event_id, owner=work.owner)
    return None


def _finish(uow: UnitOfWork, work: Work, holder: str, event_id: str | None) -> None:
    with uow:
        row = _held(uow, work, holder)
        if row is None:  # the lease ran out and another run took it over: it records its own answer
            return
        now = uow.now()
        if work.action == CANCEL and row.generation == work.generation:
            uow.session.delete(row)
            return
        if work.action != CANCEL:
            row.event_id = event_id
        if row.generation == work.generation:
            row.status = DONE
        else:  # changed while we sent: what was asked since is still to be sent
            row.status = PENDING
            if row.action == CREATE and row.event_id:
                row.action = UPDATE
        row.attempts = 0
        row.last_error = None
        row.claimed_by = None
        row.claimed_until = None
        row.next_attempt_at = now
        row.updated_at = now


def _fail(uow: UnitOfWork, work: Work, holder: str, *, denied: bool) -> None:
    with uow:
        row = _held(uow, work, holder)
        if row is None:
            return
        now = uow.now()
        row.claimed_by = None
        row.claimed_until = None
        row.updated_at = now
        if row.generation != work.generation:  # changed meanwhile: try the new request at once
            row.attempts = 0
            row.next_attempt_at = now
            return
        row.attempts += 1
        if denied:
            row.status = FAILED
            row.last_error = GraphDenied.code
            log.warning("calendar sync %s: Calendars.ReadWrite not permitted", row.id)
            return
        row.last_error = GraphUnavailable.code
        if gives_up(row.attempts):
            row.status = FAILED
            log.warning("calendar sync %s: given up after %d attempts", row.id, row.attempts)
        else:
            row.next_attempt_at = now + retry_delay(row.attempts)


def _held(uow: UnitOfWork, work: Work, holder: str) -> CalendarSync | None:
    return uow.session.scalar(
        select(CalendarSync)
        .where(CalendarSync.id == work.id, CalendarSync.claimed_by == holder)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
