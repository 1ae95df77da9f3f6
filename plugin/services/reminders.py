"""Reminders: store what is due, then send each stored reminder exactly once.

One run (`run_reminders`, from the scheduler every few minutes in each process, or `mus reminders
send` from cron):

1. `enqueue_due`: asks the rules (`domain.reminders`) what is due now and inserts each under its
   natural key; a key already stored is left alone, so a reminder is stored once, ever.
2. `claim`: takes a batch of due rows for this run (PostgreSQL `FOR UPDATE SKIP LOCKED`; SQLite a
   conditional UPDATE per row), marks them `sending` with a claim that expires, and commits.
3. sends each outside any transaction, through Graph with the app's own token: the Teams activity
   feed, or e-mail when the activity is refused for that person (permission missing, app not
   installed);
4. settles each in its own short transaction right after Graph answered: `sent`, or back to
   `pending` with a back-off when Graph was unavailable, or `failed` after too many attempts.

Exactly once: two runs never hold the same row (the claim). A run that crashed after claiming leaves
rows whose claim expires (`CLAIM_FOR`) and are then claimed again. The window left: a crash between
Graph's answer and the commit of step 4 (milliseconds) sends that reminder again at the next claim.
For the activity feed that second send carries the same `chainId` (the reminder's id), which Graph
documents as replacing the earlier notification, so the feed still shows one; an e-mail has no
idempotency key in Graph, so in that window a second e-mail is possible. Graph's own retries of 5xx
answers (`HttpGraph`) are made before any 2xx, so they do not widen it.

The texts are written at sending time in the recipient's language (`Person.locale`)."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

from sqlalchemy import exists, select

from ..domain import reminders as rules
from ..domain.actor import Actor
from ..domain.agreement import Decision
from ..domain.cadence import (
    CHECK_IN_INTERVALS_WEEKS,
    HELD_STATUSES,
    PLANNED_STATUSES,
    Cadence,
    CadenceDefaults,
    DueState,
    Occurrence,
    assess,
    history_of,
)
from ..domain.org_settings import REMINDER_LEAD_DAYS, OrgSettings
from ..i18n import format_date, format_datetime, language_of, translate
from ..identity.graph import ActivityNotDelivered, Graph, GraphDenied, GraphUnavailable
from ..storage import AgreementVersion, CadenceSetting, Conversation, FollowUp, Person
from ..storage import reminders as store
from ..storage.reminders import Reminder
from ..storage.unit_of_work import UnitOfWork
from . import org_settings

log = logging.getLogger(__name__)

ZONE = ZoneInfo("Europe/Copenhagen")  # days are counted in the organisation's time zone
BATCH = 50
CLAIM_FOR = timedelta(minutes=5)  # far longer than one send (Graph's time budget is seconds)
MAX_ATTEMPTS = 8
FIRST_BACKOFF = timedelta(minutes=5)
MAX_BACKOFF = timedelta(hours=6)

# Activity types declared in the app manifest (manifest/manifest.template.json), one per kind.
REMINDER_LEAD_MAX = REMINDER_LEAD_DAYS[1]
# A pair with no conversation for this long has ended: no more overdue check-in reminders.
ACTIVE_PAIR = timedelta(days=183)

ACTIVITY_TYPES = {
    rules.Kind.PREPARE: "prepareConversation",
    rules.Kind.CHECK_IN_DUE: "checkInDue",
    rules.Kind.FOLLOW_UP_DUE: "followUpDue",
    rules.Kind.FOLLOW_UP_OVERDUE: "followUpOverdue",
    rules.Kind.CHECK_IN_OVERDUE: "checkInOverdue",
    rules.Kind.APPROVED: "agreementApproved",
    rules.Kind.CHANGES_REQUESTED: "agreementChangesRequested",
}

GraphForTenant = Callable[[str], Graph]


@dataclass
class RunReport:
    enqueued: int = 0
    claimed: int = 0
    sent: dict[str, int] = field(default_factory=dict)  # channel -> count
    retried: int = 0
    failed: int = 0


def backoff(attempts: int) -> timedelta:
    """The wait before the next attempt after `attempts` attempts: 5 min, 10, 20 ... at most 6 h."""
    return min(FIRST_BACKOFF * (2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def _row(tenant_id: str, due: rules.Due, now: datetime) -> dict:
    return {
        "tenant_id": tenant_id,
        "key": due.key,
        "kind": due.kind.value,
        "subject": due.subject.value,
        "subject_id": due.subject_id,
        "conversation_id": due.conversation_id,
        "recipient_id": due.recipient_id,
        "other_id": due.other_id,
        "occasion": due.occasion,
        "status": "pending",
        "attempts": 0,
        "next_attempt_at": now,
        "created_at": now,
    }


def enqueue_decision(
    uow: UnitOfWork,
    conversation: Conversation,
    version: AgreementVersion,
    *,
    decided_by: int,
    decision: Decision,
) -> None:
    """Inside the decision's transaction: the other party's reminder (approved / changes requested)."""
    other = conversation.manager_id if decided_by == conversation.employee_id else conversation.employee_id
    due = rules.on_decision(
        decision=decision.value,
        version_id=version.id,
        version_number=version.number,
        conversation_id=conversation.id,
        decided_by=decided_by,
        other=other,
    )
    store.insert_new(uow.session, [_row(conversation.tenant_id, due, uow.now())])


def _organisations(uow: UnitOfWork) -> Callable[[str], OrgSettings]:
    """Each organisation's settings (the HR screen), the defaults where it saved none."""
    saved, default = org_settings.settings_by_tenant(uow), org_settings.defaults(uow)
    return lambda tenant_id: saved.get(tenant_id, default)


def _planned(
    uow: UnitOfWork, now: datetime, settings_of: Callable[[str], OrgSettings]
) -> list[tuple[str, rules.Planned]]:
    # The organisation's preparation lead for a MUS is at most REMINDER_LEAD_MAX days.
    lead = max(max(rules.PREPARE_BEFORE.values()), timedelta(days=REMINDER_LEAD_MAX))
    horizon = now + lead + timedelta(days=1)
    rows = uow.session.scalars(
        select(Conversation).where(
            Conversation.status.in_(rules.OPEN_STATUSES),
            Conversation.scheduled_at.is_not(None),
            Conversation.scheduled_at > now - timedelta(days=1),
            Conversation.scheduled_at <= horizon,
        )
    )
    return [
        (
            c.tenant_id,
            rules.Planned(
                c.id,
                c.kind,
                c.status,
                c.scheduled_at,
                c.employee_id,
                c.manager_id,
                prepare_days=settings_of(c.tenant_id).reminder_lead_days,
            ),
        )
        for c in rows
    ]


def _follow_up_dates(uow: UnitOfWork, now: datetime) -> list[tuple[str, rules.FollowUpDate]]:
    today = now.astimezone(ZONE).date()
    earliest = today - timedelta(days=rules.OVERDUE_AFTER_DAYS + rules.CATCH_UP_DAYS)
    locked = exists().where(
        AgreementVersion.conversation_id == Conversation.id, AgreementVersion.locked_at.is_not(None)
    )
    rows = uow.session.execute(
        select(FollowUp, Conversation)
        .join(Conversation, Conversation.id == FollowUp.conversation_id)
        .where(FollowUp.due_on >= earliest, FollowUp.due_on <= today, locked)
    )
    return [
        (c.tenant_id, rules.FollowUpDate(f.id, c.id, f.due_on, c.employee_id, c.manager_id)) for f, c in rows
    ]


def _overdue_check_ins(
    uow: UnitOfWork, now: datetime, settings_of: Callable[[str], OrgSettings]
) -> list[tuple[str, rules.OverdueCheckIn]]:
    """Pairs whose next check-in by the employee's cadence lies in the past with none planned. The
    pair is the employee with the manager of their latest conversation (a new manager takes over);
    pairs with no conversation for half a year are left out (they ended). Three statements."""
    today = now.astimezone(ZONE).date()
    since = now - ACTIVE_PAIR
    rows = uow.session.execute(
        select(
            Conversation.id,
            Conversation.tenant_id,
            Conversation.employee_id,
            Conversation.manager_id,
            Conversation.kind,
            Conversation.status,
            Conversation.scheduled_at,
            Conversation.meeting_ended_at,
            Conversation.created_at,
        ).where(
            Conversation.status.in_(HELD_STATUSES | PLANNED_STATUSES),
            Conversation.created_at >= since - timedelta(weeks=max(CHECK_IN_INTERVALS_WEEKS)),
        )
    ).all()
    by_employee: dict[int, list] = {}
    for row in rows:
        by_employee.setdefault(row.employee_id, []).append(row)
    left = set(
        uow.session.scalars(
            select(Person.id).where(
                Person.id.in_(list(by_employee)),
                Person.erased_at.is_not(None) | Person.left_at.is_not(None),
            )
        )
    )
    own = {
        c.employee_id: c
        for c in uow.session.scalars(
            select(CadenceSetting).where(CadenceSetting.employee_id.in_(list(by_employee)))
        )
    }
    found: list[tuple[str, rules.OverdueCheckIn]] = []
    for employee_id, conversations in by_employee.items():
        latest = max(conversations, key=lambda r: (r.created_at, r.id))
        if employee_id in left or latest.created_at < since:
            continue
        pair = [r for r in conversations if r.manager_id == latest.manager_id]
        day = lambda r: (r.meeting_ended_at or r.scheduled_at or r.created_at).date()  # noqa: E731
        history = history_of([Occurrence(r.kind, r.status, day(r)) for r in pair])
        settings = settings_of(latest.tenant_id)
        row = own.get(employee_id)
        cadence = Cadence(row.mus_interval_months, row.check_in_interval_weeks) if row else None
        defaults = CadenceDefaults(settings.mus_interval_months, settings.checkin_interval_weeks)
        status = assess(cadence, history, today, defaults).check_in
        if status.state is DueState.OVERDUE and status.due_on is not None:
            found.append(
                (
                    latest.tenant_id,
                    rules.OverdueCheckIn(employee_id, latest.manager_id, latest.id, status.due_on),
                )
            )
    return found


def enqueue_due(uow: UnitOfWork, now: datetime) -> int:
    """Store every time-driven reminder due at `now` that is not stored yet."""
    with uow:
        settings_of = _organisations(uow)
        planned = _planned(uow, now, settings_of)
        dates = _follow_up_dates(uow, now)
        overdue = _overdue_check_ins(uow, now, settings_of)
        tenant_of = (
            {p.conversation_id: t for t, p in planned}
            | {d.conversation_id: t for t, d in dates}
            | {o.conversation_id: t for t, o in overdue}
        )
        due = rules.due_at(
            now,
            planned=[p for _, p in planned],
            follow_up_dates=[d for _, d in dates],
            overdue_check_ins=[o for _, o in overdue],
            zone=ZONE,
        )
        return store.insert_new(uow.session, [_row(tenant_of[d.conversation_id], d, now) for d in due])


@dataclass(frozen=True)
class Message:
    """One reminder, written for its recipient."""

    reminder_id: int
    tenant_id: str
    kind: rules.Kind
    recipient_object_id: str
    recipient_email: str
    language: str
    other_name: str
    title: str  # the feed's line: what is due
    text: str  # the preview / e-mail body
    subject: str
    link: str


def tab_link(settings, conversation_id: int) -> str:
    """The personal tab: a Teams deep link when the Teams app id is configured, else the app's page."""
    if settings.teams_app_id:
        context = quote(f'{{"subEntityId":"conversation-{conversation_id}"}}', safe="")
        return f"https://teams.microsoft.com/l/entity/{settings.teams_app_id}/my-mus?context={context}"
    return f"https://{settings.app_domain}/tab/personal"


def _compose(uow: UnitOfWork, reminder: Reminder) -> Message | None:
    recipient = uow.session.get(Person, reminder.recipient_id)
    other = uow.session.get(Person, reminder.other_id)
    conversation = uow.session.get(Conversation, reminder.conversation_id)
    if recipient is None or other is None or conversation is None or recipient.erased_at is not None:
        return None  # the conversation was removed (retention) or the person erased
    language = language_of(recipient.locale)
    kind = rules.Kind(reminder.kind)
    other_name = other.display_name if other.erased_at is None else translate("reminder.someone", language)
    version: AgreementVersion | None = None
    params: dict[str, object] = {
        "other": other_name,
        "conversation": translate(f"ui.kind.{conversation.kind}", language),
    }
    # Stored a while ago, sent now: a conversation moved, held or unplanned since, or a follow-up
    # moved or removed, makes the reminder stale (a moved one gets its own reminder under a new key).
    if kind in (rules.Kind.PREPARE, rules.Kind.CHECK_IN_DUE):
        at = conversation.scheduled_at
        if at is None or conversation.status not in rules.OPEN_STATUSES:
            return None
        if at.astimezone(ZONE).date().isoformat() != reminder.occasion:
            return None
        params["when"] = format_datetime(at, language, "short", tz=str(ZONE))
    elif kind in (rules.Kind.FOLLOW_UP_DUE, rules.Kind.FOLLOW_UP_OVERDUE):
        follow_up = uow.session.get(FollowUp, reminder.subject_id)
        if follow_up is None or follow_up.due_on.isoformat() != reminder.occasion:
            return None
        params["when"] = format_date(follow_up.due_on, language, "long")
    elif kind is rules.Kind.CHECK_IN_OVERDUE:
        # A check-in planned or held since the reminder was stored: it is not overdue any more.
        since = uow.session.scalar(
            select(Conversation.id).where(
                Conversation.employee_id == reminder.subject_id,
                Conversation.manager_id == reminder.recipient_id,
                Conversation.created_at > reminder.created_at,
            )
        )
        if since is not None:
            return None
        params["when"] = format_date(date.fromisoformat(reminder.occasion), language, "long")
    else:
        version = uow.session.get(AgreementVersion, reminder.subject_id)
        if version is None:
            return None  # an unapproved draft the retention run removed
        params["version"] = version.number
    key = f"reminder.{kind.value}"
    if kind is rules.Kind.PREPARE:
        key = f"{key}.{conversation.kind}"
    text_key = f"{key}.text"
    if kind is rules.Kind.APPROVED and version is not None and version.locked_at is not None:
        text_key = "reminder.approved.locked.text"  # the second approval: the agreement is locked
    return Message(
        reminder_id=reminder.id,
        tenant_id=reminder.tenant_id,
        kind=kind,
        recipient_object_id=recipient.object_id,
        recipient_email=recipient.email,
        language=language,
        other_name=other_name,
        title=translate(f"{key}.title", language, **params),
        text=translate(text_key, language, **params),
        subject=translate(f"{key}.title", language, **params),
        link=tab_link(uow.settings, conversation.id),
    )


def _mail_html(message: Message) -> str:
    open_label = translate("reminder.mail.open", message.language)
    footer = translate("reminder.mail.footer", message.language)
    return (
        f"<p>{html.escape(message.text)}</p>"
        f'<p><a href="{html.escape(message.link)}">{html.escape(open_label)}</a></p>'
        f"<p><small>{html.escape(footer)}</small></p>"
    )


def deliver(graph: Graph, message: Message, *, sender: str) -> str:
    """Send one reminder; returns the channel used. Raises GraphUnavailable (retry later) or
    GraphDenied (no channel is permitted for this person)."""
    try:
        graph.send_activity_notification(
            message.recipient_object_id,
            activity_type=ACTIVITY_TYPES[message.kind],
            preview_text=message.text[:150],
            topic_text=message.title[:100],
            web_url=message.link,
            template_parameters={"otherName": message.other_name},
            chain_id=message.reminder_id,
        )
        return "activity"
    except ActivityNotDelivered:
        if not sender or not message.recipient_email:
            raise
    graph.send_mail(sender, to=message.recipient_email, subject=message.subject, html=_mail_html(message))
    return "mail"


def send_claimed(
    uow: UnitOfWork, ids: list[int], graph_for_tenant: GraphForTenant, *, holder: str, report: RunReport
) -> None:
    graphs: dict[str, Graph] = {}
    sender = uow.settings.reminder_sender
    for reminder_id in ids:
        with uow:
            reminder = uow.session.get(Reminder, reminder_id)
            message = _compose(uow, reminder) if reminder is not None else None
            attempts = reminder.attempts if reminder is not None else 0
            if reminder is not None and message is None:
                store.finish(uow.session, reminder_id, holder=holder, status="failed", last_error="gone")
                report.failed += 1
        if message is None:
            continue
        outcome: dict[str, object]
        try:
            if message.tenant_id not in graphs:
                graphs[message.tenant_id] = graph_for_tenant(message.tenant_id)
            channel = deliver(graphs[message.tenant_id], message, sender=sender)
            outcome = {"status": "sent", "channel": channel, "sent_at": uow.now(), "last_error": None}
            report.sent[channel] = report.sent.get(channel, 0) + 1
        except GraphUnavailable:
            outcome = _retry(uow, attempts, "graph_unavailable", report)
        except GraphDenied as exc:
            outcome = {"status": "failed", "last_error": exc.code}
            report.failed += 1
        except Exception:  # a fault of ours: keep the reminder, try again later
            log.exception("reminder %s not sent", reminder_id)
            outcome = _retry(uow, attempts, "error", report)
        # Settled at once, in its own short transaction: the window for a double send is this gap.
        with uow:
            store.finish(uow.session, reminder_id, holder=holder, **outcome)


def _retry(uow: UnitOfWork, attempts: int, error: str, report: RunReport) -> dict[str, object]:
    if attempts >= MAX_ATTEMPTS:
        report.failed += 1
        return {"status": "failed", "last_error": error}
    report.retried += 1
    return {"status": "pending", "next_attempt_at": uow.now() + backoff(attempts), "last_error": error}


def run_reminders(
    uow: UnitOfWork, graph_for_tenant: GraphForTenant, *, holder: str, batch: int = BATCH
) -> RunReport:
    """One run: store what is due, then claim, send and settle batches until none is left."""
    report = RunReport(enqueued=enqueue_due(uow, uow.now()))
    while True:
        now = uow.now()
        with uow:
            ids = store.claim(uow.session, holder=holder, now=now, until=now + CLAIM_FOR, limit=batch)
        if not ids:
            return report
        report.claimed += len(ids)
        send_claimed(uow, ids, graph_for_tenant, holder=holder, report=report)


def sent_to(uow: UnitOfWork, actor: Actor) -> list[dict]:
    """The last reminder sent to this person per conversation, newest first (their own only)."""
    with uow:
        rows = uow.session.scalars(
            select(Reminder)
            .where(Reminder.recipient_id == actor.person_id, Reminder.status == "sent")
            .order_by(Reminder.sent_at.desc(), Reminder.id.desc())
        )
        last: dict[int, dict] = {}
        for row in rows:
            last.setdefault(
                row.conversation_id,
                {
                    "conversation_id": row.conversation_id,
                    "kind": row.kind,
                    "channel": row.channel,
                    "sent_at": row.sent_at,
                },
            )
        return list(last.values())
