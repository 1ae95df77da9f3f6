"""Planning a MUS or check-in ahead, from the personal tab or the browser: the conversation is saved
first, then its Teams meeting is made in the planner's calendar with the other person as attendee
(so both calendars hold it), and where the permissions allow the app's tab is added to the meeting's
chat. Graph down or a permission missing never loses the plan: the calendar is `pending` (the retry
job makes it later, with the same transaction id, so never twice) or `not_permitted`, and the
`.ics` is always there."""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

from sqlalchemy import or_, select, update

from ..config import Settings
from ..domain.actor import Actor
from ..domain.lifecycle import ConversationKind
from ..domain.planning import CalendarStatus, check_duration, check_start, ics_uid, transaction_id
from ..i18n import translate
from ..identity.graph import Graph, GraphDenied, GraphUnavailable
from ..identity.msal_obo import ConsentRequired, SignInUnavailable
from ..storage import Conversation, Person
from ..storage.unit_of_work import UnitOfWork
from . import conversations, lookups

log = logging.getLogger(__name__)

CLAIM_FOR = timedelta(minutes=5)  # one retry run's hold on a pending conversation
MAX_ATTEMPTS = 48  # then the calendar stays pending; the .ics remains


class ChatTab:
    ADDED = "added"
    NOT_PERMITTED = "not_permitted"
    UNAVAILABLE = "unavailable"
    SKIPPED = "skipped"  # no meeting chat (no online meeting was made)


@dataclass
class Planned:
    """The plan's answer: the conversation, its calendar status, and what became of the chat tab."""

    conversation: Conversation
    chat_tab: str | None = None

    def __getattr__(self, name: str):
        return getattr(self.conversation, name)


def do_plan_conversation(
    uow: UnitOfWork,
    actor: Actor,
    *,
    kind: ConversationKind,
    employee: Mapping | None,
    manager: Mapping | None,
    template_key: str | None,
    title: str,
    starts_at: datetime,
    duration_minutes: int | None,
    allow_another: bool,
    confirm_relationship: bool,
    graph: Graph | None,
) -> Planned:
    minutes = duration_minutes if duration_minutes is not None else planning_default(kind)
    check_duration(minutes)
    check_start(starts_at, uow.now())
    conversation = conversations.do_create_conversation(
        uow,
        actor,
        kind=kind,
        employee=employee,
        manager=manager,
        template_key=template_key,
        title=title,
        scheduled_at=starts_at.astimezone(UTC),
        graph=graph,
        confirm_relationship=confirm_relationship,
        duration_minutes=minutes,
        calendar_status=CalendarStatus.PENDING.value,
        open_guard=not allow_another,
    )
    # Committed: now the meeting. Whatever Graph says, the plan stands.
    with uow:
        plan = _snapshot(lookups.conversation_for(uow, actor, conversation.id))
    status, chat_tab = _make_meeting(uow.settings, plan, graph, owner=None, language=actor.language)
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation.id)
        _record(uow, conversation.id, status)
        uow.session.refresh(conversation)
    return Planned(conversation, chat_tab)


def planning_default(kind: ConversationKind) -> int:
    from ..domain.planning import default_duration

    return default_duration(kind)


def _record(uow: UnitOfWork, conversation_id: int, status: _MeetingResult) -> None:
    values: dict = {"calendar_status": status.status, "calendar_claimed_until": None}
    if status.event_id:
        values.update(calendar_event_id=status.event_id)
    if status.join_url:
        values.update(join_url=status.join_url)
    if status.meeting_id:
        values.update(meeting_id=status.meeting_id)
    if status.chat_id:
        values.update(chat_id=status.chat_id)
    if status.status == CalendarStatus.PENDING.value:
        values.update(calendar_attempts=Conversation.calendar_attempts + 1)
    uow.session.execute(
        update(Conversation)
        .where(Conversation.id == conversation_id)
        .values(version=Conversation.version + 1, **values)
        .execution_options(synchronize_session=False)
    )


@dataclass
class _MeetingResult:
    status: str
    event_id: str | None = None
    join_url: str | None = None
    meeting_id: str | None = None
    chat_id: str | None = None


@dataclass(frozen=True)
class _Plan:
    """What the meeting is made of, read inside a transaction (no database access during Graph calls)."""

    id: int
    tenant_id: str
    kind: str
    title: str
    employee_name: str
    scheduled_at: datetime
    ends_at: datetime
    planner_oid: str
    planner_language: str
    other_email: str
    transaction_id: str


def _snapshot(conversation: Conversation) -> _Plan:
    planner: Person = conversation.created_by
    other = conversation.manager if planner.id == conversation.employee_id else conversation.employee
    minutes = conversation.duration_minutes or planning_default(ConversationKind(conversation.kind))
    return _Plan(
        id=conversation.id,
        tenant_id=conversation.tenant_id,
        kind=conversation.kind,
        title=conversation.title,
        employee_name=conversation.employee.display_name or "",
        scheduled_at=conversation.scheduled_at,
        ends_at=conversation.scheduled_at + timedelta(minutes=minutes),
        planner_oid=planner.object_id,
        planner_language=_language_of(planner),
        other_email=other.email or "",
        transaction_id=transaction_id(conversation.id, conversation.created_at),
    )


def _make_meeting(
    settings: Settings, conversation: _Plan, graph: Graph | None, *, owner: str | None, language: str
) -> tuple[_MeetingResult, str | None]:
    """Create the online-meeting event in the planner's calendar (owner None: the signed-in planner's
    own, by delegation; else the planner's object id, with an app-only token)."""
    if graph is None:
        return _MeetingResult(CalendarStatus.PENDING.value), None
    try:
        event = graph.create_event(
            subject=subject_of(conversation, language),
            start=conversation.scheduled_at,
            end=conversation.ends_at,
            body=event_body(settings, conversation, language),
            attendees=[conversation.other_email] if conversation.other_email else [],
            online_meeting=True,
            transaction_id=conversation.transaction_id,
            owner=owner,
        )
    except (GraphDenied, ConsentRequired):
        log.info("calendar event not permitted for conversation %s", conversation.id)
        return _MeetingResult(CalendarStatus.NOT_PERMITTED.value), None
    except (GraphUnavailable, SignInUnavailable):
        log.info("calendar event pending for conversation %s", conversation.id)
        return _MeetingResult(CalendarStatus.PENDING.value), None
    result = _MeetingResult(CalendarStatus.CREATED.value, event_id=event.event_id, join_url=event.join_url)
    chat_tab: str | None = ChatTab.SKIPPED
    if event.join_url and owner is None:
        try:
            meeting = graph.meeting_by_join_url(event.join_url)
        except (GraphDenied, GraphUnavailable, ConsentRequired, SignInUnavailable):
            meeting = None
        if meeting is not None:
            result.meeting_id = meeting.meeting_id or None
            result.chat_id = meeting.chat_id
            chat_tab = _add_tab(settings, graph, conversation, meeting.chat_id, language)
    return result, chat_tab


def _add_tab(
    settings: Settings, graph: Graph, conversation: _Plan, chat_id: str | None, language: str
) -> str:
    if not chat_id:
        return ChatTab.SKIPPED
    app_id = teams_app_id(settings)
    try:
        graph.install_app_in_chat(chat_id, app_id)
        graph.add_chat_tab(
            chat_id,
            teams_app_id=app_id,
            display_name=translate(f"plan.tab_name.{conversation.kind}", language),
            entity_id=f"mus-{conversation.id}",
            content_url=content_url(settings, conversation.id),
        )
    except (GraphDenied, ConsentRequired):
        return ChatTab.NOT_PERMITTED
    except (GraphUnavailable, SignInUnavailable):
        return ChatTab.UNAVAILABLE
    return ChatTab.ADDED


# --- links and texts --------------------------------------------------------------------------------


def teams_app_id(settings: Settings) -> str:
    return (settings.teams_app_id or settings.client_id or "").lower()


def content_url(settings: Settings, conversation_id: int) -> str:
    """The tab's page of this conversation (also what a plain browser opens)."""
    return f"https://{settings.app_domain}/tab/content?conversation={conversation_id}"


def deep_link(settings: Settings, conversation_id: int) -> str:
    """A Teams deep link to the app's personal tab, pointing at this conversation
    (https://teams.microsoft.com/l/entity/<appId>/<entityId>?webUrl=…&context={"subEntityId": …})."""
    context = json.dumps({"subEntityId": f"conversation-{conversation_id}"}, separators=(",", ":"))
    return (
        f"https://teams.microsoft.com/l/entity/{quote(teams_app_id(settings))}/my-mus"
        f"?webUrl={quote(content_url(settings, conversation_id), safe='')}&context={quote(context, safe='')}"
    )


def subject_of(conversation: Conversation | _Plan, language: str) -> str:
    if conversation.title.strip():
        return conversation.title
    name = (
        conversation.employee_name
        if isinstance(conversation, _Plan)
        else (conversation.employee.display_name or "")
    )
    return translate(f"plan.subject.{conversation.kind}", language, name=name)


def event_body(settings: Settings, conversation: _Plan, language: str) -> str:
    """The event's HTML body: what it is and the links to the conversation in Teams and the browser."""
    intro = html.escape(translate(f"plan.body.{conversation.kind}", language))
    teams = html.escape(deep_link(settings, conversation.id), quote=True)
    web = html.escape(content_url(settings, conversation.id), quote=True)
    return (
        f"<p>{intro}</p>"
        f'<p><a href="{teams}">{html.escape(translate("plan.body.open_teams", language))}</a></p>'
        f'<p><a href="{web}">{html.escape(translate("plan.body.open_browser", language))}</a></p>'
    )


# --- the .ics ---------------------------------------------------------------------------------------


def invite_ics(uow: UnitOfWork, actor: Actor, conversation_id: int) -> tuple[bytes, str]:
    """The conversation as an iCalendar event (METHOD:PUBLISH) and its file name in the reader's
    language. Only a party reaches it (the scoped look-up)."""
    settings: Settings = uow.settings
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        if conversation.scheduled_at is None:
            from ..domain.errors import InvalidInput

            raise InvalidInput("plan_no_time", field="scheduled_at")
        language = actor.language
        minutes = conversation.duration_minutes or planning_default(ConversationKind(conversation.kind))
        import icalendar  # loaded when an invitation is first asked for (a rare request)

        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//MUS app//planned conversation//EN")
        calendar.add("version", "2.0")
        calendar.add("method", "PUBLISH")
        event = icalendar.Event()
        event.add("uid", ics_uid(conversation.tenant_id, conversation.id, settings.app_domain))
        event.add("dtstamp", uow.now().astimezone(UTC))
        event.add("dtstart", conversation.scheduled_at.astimezone(UTC))
        event.add("dtend", conversation.scheduled_at.astimezone(UTC) + timedelta(minutes=minutes))
        event.add("summary", subject_of(conversation, language))
        lines = [translate(f"plan.body.{conversation.kind}", language)]
        lines.append(f"{translate('plan.body.open_teams', language)}: {deep_link(settings, conversation.id)}")
        lines.append(
            f"{translate('plan.body.open_browser', language)}: {content_url(settings, conversation.id)}"
        )
        if conversation.join_url:
            lines.append(f"{translate('plan.body.join', language)}: {conversation.join_url}")
            event.add("location", conversation.join_url)
        event.add("description", "\n".join(lines))
        event.add("url", content_url(settings, conversation.id))
        planner = conversation.created_by
        other = conversation.manager if planner.id == conversation.employee_id else conversation.employee
        organizer = icalendar.vCalAddress(f"mailto:{planner.email}")
        organizer.params["cn"] = icalendar.vText(planner.display_name)
        event.add("organizer", organizer)
        for person in (planner, other):
            attendee = icalendar.vCalAddress(f"mailto:{person.email}")
            attendee.params["cn"] = icalendar.vText(person.display_name)
            attendee.params["role"] = icalendar.vText("REQ-PARTICIPANT")
            event.add("attendee", attendee, encode=0)
        calendar.add_component(event)
        name = translate(f"plan.ics_filename.{conversation.kind}", language, id=conversation.id)
        return calendar.to_ical(), name


# --- the retry job -----------------------------------------------------------------------------------


@dataclass
class RetryReport:
    claimed: int = 0
    created: int = 0
    still_pending: int = 0
    not_permitted: int = 0


def retry_pending_calendars(
    uow: UnitOfWork, graph_for_tenant: Callable[[str], Graph], *, limit: int = 20
) -> RetryReport:
    """Make the Teams meeting of each conversation whose calendar is pending, in the planner's
    calendar (app-only Graph with `owner` = the planner's object id). Safe in several processes at
    once: each conversation is claimed by one UPDATE … WHERE still pending and unclaimed (row count 1),
    and the event's transaction id makes even a crashed run's retry answer with the same event."""
    report = RetryReport()
    now = uow.now()
    with uow:
        candidates = list(
            uow.session.scalars(
                select(Conversation.id)
                .where(
                    Conversation.calendar_status == CalendarStatus.PENDING.value,
                    Conversation.calendar_attempts < MAX_ATTEMPTS,
                    or_(
                        Conversation.calendar_claimed_until.is_(None),
                        Conversation.calendar_claimed_until < now,
                    ),
                )
                .order_by(Conversation.id)
                .limit(limit)
            )
        )
    for conversation_id in candidates:
        with uow:
            claimed = uow.session.execute(
                update(Conversation)
                .where(
                    Conversation.id == conversation_id,
                    Conversation.calendar_status == CalendarStatus.PENDING.value,
                    or_(
                        Conversation.calendar_claimed_until.is_(None),
                        Conversation.calendar_claimed_until < now,
                    ),
                )
                .values(calendar_claimed_until=now + CLAIM_FOR)
                .execution_options(synchronize_session=False)
            ).rowcount
        if claimed != 1:
            continue
        report.claimed += 1
        with uow:
            plan = _snapshot(uow.session.get(Conversation, conversation_id, populate_existing=True))
        try:
            graph = graph_for_tenant(plan.tenant_id)
        except (GraphUnavailable, SignInUnavailable):
            graph = None
        result, _ = _make_meeting(
            uow.settings, plan, graph, owner=plan.planner_oid, language=plan.planner_language
        )
        with uow:
            _record(uow, conversation_id, result)
        if result.status == CalendarStatus.CREATED.value:
            report.created += 1
        elif result.status == CalendarStatus.NOT_PERMITTED.value:
            report.not_permitted += 1
        else:
            report.still_pending += 1
    return report


def _unclaimed(now: datetime):
    return or_(Conversation.calendar_claimed_until.is_(None), Conversation.calendar_claimed_until < now)


def _language_of(person: Person) -> str:
    return "en" if (person.locale or "").lower().startswith("en") else "da"
