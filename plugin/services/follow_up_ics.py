"""The follow-ups of a conversation as an iCalendar file (.ics), for either party.

Always offered, also when the events are in both calendars through Graph, and the way to the calendar
when Graph is not permitted. One VEVENT per follow-up, in the same slot as the Graph event
(`domain.calendar.follow_up_slot`), with a UID that stays the same for the follow-up and a SEQUENCE
that rises with each change of it, so importing a newer download updates the event instead of adding
a second one. Texts in the reader's language."""

from __future__ import annotations

from datetime import datetime

from icalendar import Calendar, Event
from sqlalchemy import select

from ..domain.actor import Actor
from ..domain.calendar import follow_up_slot
from ..i18n import translate
from ..storage import FollowUp
from ..storage.unit_of_work import UnitOfWork
from . import lookups

PRODUCT = "-//MUS app//Follow-ups//EN"


def follow_up_uid(tenant_id: str, follow_up_id: int, domain: str) -> str:
    return f"mus-follow-up-{tenant_id}-{follow_up_id}@{domain}"


def _event(follow_up: FollowUp, tenant_id: str, language: str, domain: str, now: datetime) -> Event:
    start, end = follow_up_slot(follow_up.due_on)
    event = Event()
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
        calendar = Calendar()
        calendar.add("prodid", PRODUCT)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", translate("calendar.follow_up.calendar_name", actor.language))
        query = (
            select(FollowUp)
            .where(FollowUp.conversation_id == conversation_id)
            .order_by(FollowUp.due_on, FollowUp.id)
        )
        for follow_up in uow.session.scalars(query):
            calendar.add_component(_event(follow_up, actor.tenant_id, actor.language, domain, now))
        return calendar.to_ical()
