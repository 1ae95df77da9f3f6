"""Calendar files (.ics, iCalendar via the maintained `icalendar` library), for either party of a
conversation, in the reader's language. Imported lazily: only these two downloads need the library.

- `invite_ics`: a planned conversation as one event (METHOD:PUBLISH), the same slot and links as the
  Teams meeting planning made (`services.planning`); the way to the calendar when Graph is not
  permitted.
- `follow_ups_ics`: the follow-ups of a conversation, always offered, also when the events are in
  both calendars through Graph. One VEVENT per follow-up, in the same slot as the Graph event
  (`domain.calendar.follow_up_slot`), with a UID that stays the same for the follow-up and a
  SEQUENCE that rises with each change of it, so importing a newer download updates the event
  instead of adding a second one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..domain.actor import Actor
from ..domain.calendar import follow_up_slot
from ..domain.errors import InvalidInput
from ..domain.lifecycle import ConversationKind
from ..domain.planning import ics_uid
from ..i18n import translate
from ..storage import FollowUp
from ..storage.unit_of_work import UnitOfWork
from . import lookups
from .planning import content_url, deep_link, planning_default, subject_of

if TYPE_CHECKING:
    from icalendar import Calendar, Event

PRODUCT = "-//MUS app//Follow-ups//EN"
INVITE_PRODUCT = "-//MUS app//planned conversation//EN"


def _calendar(product: str) -> Calendar:
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", product)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    return calendar


def follow_up_uid(tenant_id: str, follow_up_id: int, domain: str) -> str:
    return f"mus-follow-up-{tenant_id}-{follow_up_id}@{domain}"


def _event(follow_up: FollowUp, tenant_id: str, language: str, domain: str, now: datetime) -> Event:
    import icalendar

    start, end = follow_up_slot(follow_up.due_on)
    event = icalendar.Event()
    event.add("uid", follow_up_uid(tenant_id, follow_up.id, domain))
    event.add("sequence", max(0, follow_up.version - 1))
    event.add("dtstamp", now)
    event.add("created", follow_up.created_at)
    event.add("last-modified", follow_up.updated_at or follow_up.created_at)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", translate("calendar.follow_up.subject", language, title=follow_up.title))
    event.add(
        "description",
        translate("calendar.follow_up.body", language, title=follow_up.title)
        + f"\n\nhttps://{domain}/tab/personal",
    )
    event.add("url", f"https://{domain}/tab/personal")
    event.add("transp", "OPAQUE")
    return event


def follow_ups_ics(uow: UnitOfWork, actor: Actor, conversation_id: int) -> bytes:
    with uow:
        lookups.conversation_for(uow, actor, conversation_id)
        domain = uow.settings.app_domain
        now = uow.now()
        calendar = _calendar(PRODUCT)
        calendar.add("x-wr-calname", translate("calendar.follow_up.calendar_name", actor.language))
        query = (
            select(FollowUp)
            .where(FollowUp.conversation_id == conversation_id)
            .order_by(FollowUp.due_on, FollowUp.id)
        )
        for follow_up in uow.session.scalars(query):
            calendar.add_component(_event(follow_up, actor.tenant_id, actor.language, domain, now))
        return calendar.to_ical()


def invite_ics(uow: UnitOfWork, actor: Actor, conversation_id: int) -> tuple[bytes, str]:
    """The conversation as an iCalendar event (METHOD:PUBLISH) and its file name in the reader's
    language. Only a party reaches it (the scoped look-up)."""
    import icalendar

    settings = uow.settings
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        if conversation.scheduled_at is None:
            raise InvalidInput("plan_no_time", field="scheduled_at")
        language = actor.language
        minutes = conversation.duration_minutes or planning_default(ConversationKind(conversation.kind))
        calendar = _calendar(INVITE_PRODUCT)
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
