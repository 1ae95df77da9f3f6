"""The calendar part of the Graph stand-in: events in users' Outlook calendars.

- `GET /me/events`, `/users/{id}/events` (`$top`, paged): Calendars.Read or Calendars.ReadWrite;
- `POST …/events`: Calendars.ReadWrite; 201 with the created event. `isOnlineMeeting` with
  `onlineMeetingProvider: teamsForBusiness` also creates the Teams meeting (`onlineMeeting.joinUrl`).
  Every attendee who is a user of the organiser's tenant gets the meeting in their own calendar (a
  copy with its own id and the same `iCalUId`, `isOrganizer: false`), as Exchange delivers an
  invitation. A `transactionId` already used in the owner's calendar returns that event again
  instead of creating a second one (Graph's documented guard against client retries);
- `GET/PATCH/DELETE …/events/{id}`: PATCH changes subject, body, start, end, location (the
  attendees' copies follow); DELETE of the organiser's event cancels the attendees' copies
  (`isCancelled: true`), as the cancellation Exchange sends; 204;
- `POST …/events/{id}/cancel` (`{"comment": …}`): the organiser only (else 400
  `ErrorInvalidRequest`); removes the organiser's event and cancels the copies; 202.

Delegated callers reach only their own calendar (no delegates modelled); application callers with
Calendars.ReadWrite (Calendars.Read to list) reach every calendar of the token's tenant. Denials are
403 `ErrorAccessDenied`; a missing event is 404 `ErrorItemNotFound`."""

from __future__ import annotations

import base64
import re
import secrets
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

_CALENDAR_WRITE = frozenset({"Calendars.ReadWrite"})
_CALENDAR_READ = frozenset({"Calendars.Read", "Calendars.ReadWrite"})
_OUTLOOK_DENIED = ("ErrorAccessDenied", "Access is denied. Check credentials and try again.")
_PATCHABLE = ("subject", "body", "start", "end", "location", "isReminderOn", "showAs", "importance")
DEFAULT_EVENT_PAGE = 10
MAX_EVENT_PAGE = 1000


def _new_event_id() -> str:
    return "AAMkA" + base64.urlsafe_b64encode(secrets.token_bytes(30)).decode().rstrip("=")


def _change_key() -> str:
    return base64.b64encode(secrets.token_bytes(16)).decode()


def public(event: dict) -> dict:
    """An event as Graph returns it: without the stand-in's own bookkeeping."""
    return {k: v for k, v in event.items() if k not in ("tenant_id", "owner_id") and not k.startswith("_")}


class CalendarRoutes:
    """Mixed into `GraphStandin` (which provides `directory`, `_require`, `_same_person`, `_json`,
    `_page`, `_context` and the module helpers passed in `_calendar_helpers`)."""

    # -- observation for tests -----------------------------------------------------------------

    def calendar_of(self, tenant_id: str, object_id: str) -> list[dict]:
        """The events in this person's calendar as Graph returns them (cancelled copies included)."""
        return [public(e) for e in self.directory.events(object_id) if e["tenant_id"] == tenant_id.lower()]

    # -- routes --------------------------------------------------------------------------------

    def _events(self, request, caller, owner, _tail):
        if request.method == "POST":
            return self._create_event(request, caller, owner)
        self._require(caller, _CALENDAR_READ, _CALENDAR_READ, _OUTLOOK_DENIED)
        self._same_person(caller, owner, _OUTLOOK_DENIED)
        zone = self._helpers.preferred_zone(request.headers.get("prefer"))
        items = [
            self._shown(public(e), zone)
            for e in self.directory.events(owner.object_id)
            if e["tenant_id"] == owner.tenant_id
        ]
        return self._page(
            request,
            f"events:{owner.tenant_id}:{owner.object_id}",
            items,
            f"users('{owner.object_id}')/events",
            DEFAULT_EVENT_PAGE,
            MAX_EVENT_PAGE,
        )

    def _event(self, request, caller, owner, tail):
        needed = _CALENDAR_READ if request.method == "GET" else _CALENDAR_WRITE
        self._require(caller, needed, needed, _OUTLOOK_DENIED)
        self._same_person(caller, owner, _OUTLOOK_DENIED)
        event = self._find_event(owner, tail[1])
        if request.method == "GET":
            zone = self._helpers.preferred_zone(request.headers.get("prefer"))
            return self._json(200, self._with_context(owner, self._shown(public(event), zone)))
        if request.method == "DELETE":
            self._remove_and_cancel(event)
            return self._empty(204)
        return self._update_event(request, owner, event)

    def _cancel_event(self, request, caller, owner, tail):
        self._require(caller, _CALENDAR_WRITE, _CALENDAR_WRITE, _OUTLOOK_DENIED)
        self._same_person(caller, owner, _OUTLOOK_DENIED)
        event = self._find_event(owner, tail[1])
        if not event.get("isOrganizer"):
            raise self._helpers.error(
                400,
                "ErrorInvalidRequest",
                "Your request can't be completed. You can't cancel a meeting you're not the organizer of.",
            )
        payload = self._payload(request, allow_empty=True)
        comment = payload.get("comment")
        if comment is not None and not isinstance(comment, str):
            raise self._helpers.error(400, "RequestBodyRead", "The property 'comment' must be a string.")
        self._remove_and_cancel(event)
        return self._empty(202)

    # -- creating and changing ----------------------------------------------------------------

    def _create_event(self, request, caller, owner):
        h = self._helpers
        self._require(caller, _CALENDAR_WRITE, _CALENDAR_WRITE, _OUTLOOK_DENIED)
        self._same_person(caller, owner, _OUTLOOK_DENIED)
        payload = self._payload(request)
        transaction_id = payload.get("transactionId")
        if transaction_id is not None and not isinstance(transaction_id, str):
            raise h.error(400, "RequestBodyRead", "The property 'transactionId' must be a string.")
        shown_zone = h.preferred_zone(request.headers.get("prefer"))
        if transaction_id:
            for existing in self.directory.events(owner.object_id):
                if (
                    existing.get("transactionId") == transaction_id
                    and existing["tenant_id"] == owner.tenant_id
                ):
                    return self._json(
                        201, self._with_context(owner, self._shown(public(existing), shown_zone))
                    )
        start = h.event_time(payload.get("start"), "Start")
        end = h.event_time(payload.get("end"), "End")
        if end[0] < start[0]:
            raise h.error(400, "ErrorInvalidRequest", "The end of the event is before its start.")
        attendees = payload.get("attendees") or []
        if not isinstance(attendees, list) or not all(isinstance(a, dict) for a in attendees):
            raise h.error(400, "RequestBodyRead", "The property 'attendees' must be a collection.")
        event_id = _new_event_id()
        change_key = _change_key()
        now = h.iso(datetime.now(UTC), fraction=True)
        online = bool(payload.get("isOnlineMeeting"))
        provider = payload.get("onlineMeetingProvider") or ("teamsForBusiness" if online else "unknown")
        invited = []
        for item in attendees:
            address = (item.get("emailAddress") or {}).get("address") or ""
            found = self.directory.find_user(address, owner.tenant_id) if address else None
            if found is not None and found.object_id != owner.object_id:
                invited.append(found)
        meeting = None
        if online and provider == "teamsForBusiness":
            meeting = self.directory.add_meeting(
                owner.tenant_id,
                owner.object_id,
                str(payload.get("subject") or ""),
                attendee_ids=[u.object_id for u in invited],
                start=start[0],
                end=end[0],
            )
        body_in = payload.get("body") or {}
        content = str(body_in.get("content") or "")
        event = {
            "@odata.etag": f'W/"{change_key}"',
            "id": event_id,
            "createdDateTime": now,
            "lastModifiedDateTime": now,
            "changeKey": change_key,
            "categories": list(payload.get("categories") or []),
            "transactionId": transaction_id,
            "originalStartTimeZone": start[1],
            "originalEndTimeZone": end[1],
            "iCalUId": "040000008200E00074C5B7101A82E008" + secrets.token_hex(28).upper(),
            "reminderMinutesBeforeStart": 15,
            "isReminderOn": bool(payload.get("isReminderOn", True)),
            "hasAttachments": False,
            "subject": payload.get("subject") or "",
            "bodyPreview": re.sub(r"<[^>]+>", "", content)[:255],
            "importance": payload.get("importance") or "normal",
            "sensitivity": payload.get("sensitivity") or "normal",
            "isAllDay": bool(payload.get("isAllDay")),
            "isCancelled": False,
            "isOrganizer": True,
            "responseRequested": True,
            "seriesMasterId": None,
            "showAs": payload.get("showAs") or "busy",
            "type": "singleInstance",
            "webLink": self._web_link(event_id),
            "onlineMeetingUrl": None,
            "isOnlineMeeting": meeting is not None,
            "onlineMeetingProvider": provider if meeting is not None else "unknown",
            "allowNewTimeProposals": True,
            "responseStatus": {"response": "organizer", "time": "0001-01-01T00:00:00Z"},
            "body": {"contentType": str(body_in.get("contentType") or "text").lower(), "content": content},
            "start": {"dateTime": h.iso(start[0].astimezone(UTC)), "timeZone": "UTC"},
            "end": {"dateTime": h.iso(end[0].astimezone(UTC)), "timeZone": "UTC"},
            "location": {
                "displayName": ((payload.get("location") or {}).get("displayName") or ""),
                "locationType": "default",
            },
            "locations": [],
            "recurrence": None,
            "attendees": [
                {
                    "type": str(item.get("type") or "required").lower(),
                    "status": {"response": "none", "time": "0001-01-01T00:00:00Z"},
                    "emailAddress": item.get("emailAddress") or {},
                }
                for item in attendees
            ],
            "organizer": {
                "emailAddress": {
                    "name": owner.display_name,
                    "address": owner.mail or owner.user_principal_name,
                }
            },
            "onlineMeeting": {"joinUrl": meeting.join_web_url} if meeting is not None else None,
            "onlineMeetingId": meeting.id if meeting else None,
        }
        self.directory.record_event(owner.tenant_id, owner.object_id, event)
        for attendee in invited:  # the invitation, delivered to each attendee's calendar
            copy_id = _new_event_id()
            self.directory.record_event(
                owner.tenant_id,
                attendee.object_id,
                {
                    **event,
                    "id": copy_id,
                    "transactionId": None,
                    "isOrganizer": False,
                    "webLink": self._web_link(copy_id),
                    "responseStatus": {"response": "notResponded", "time": "0001-01-01T00:00:00Z"},
                    "_organizer_event": event_id,
                },
            )
        return self._json(201, self._with_context(owner, self._shown(public(event), shown_zone)))

    def _update_event(self, request, owner, event):
        h = self._helpers
        payload = self._payload(request)
        changes: dict[str, Any] = {}
        for key, value in payload.items():
            if key not in _PATCHABLE:
                continue
            if key in ("start", "end"):
                moment, _zone = h.event_time(value, key.capitalize())
                changes[key] = {"dateTime": h.iso(moment.astimezone(UTC)), "timeZone": "UTC"}
            elif key == "body":
                if not isinstance(value, dict):
                    raise h.error(400, "RequestBodyRead", "The property 'body' must be an itemBody.")
                content = str(value.get("content") or "")
                changes["body"] = {
                    "contentType": str(value.get("contentType") or "text").lower(),
                    "content": content,
                }
                changes["bodyPreview"] = re.sub(r"<[^>]+>", "", content)[:255]
            elif key == "location":
                changes["location"] = {
                    "displayName": (value or {}).get("displayName") or "",
                    "locationType": "default",
                }
            else:
                changes[key] = value
        start = changes.get("start", event["start"])
        end = changes.get("end", event["end"])
        if end["dateTime"] < start["dateTime"]:
            raise h.error(400, "ErrorInvalidRequest", "The end of the event is before its start.")
        change_key = _change_key()
        changes.update(
            {
                "changeKey": change_key,
                "@odata.etag": f'W/"{change_key}"',
                "lastModifiedDateTime": h.iso(datetime.now(UTC), fraction=True),
            }
        )
        updated = self.directory.change_event(event["owner_id"], event["id"], changes)
        if event.get("isOrganizer"):  # the update goes out to the attendees' copies
            for copy in self._copies_of(event):
                self.directory.change_event(copy["owner_id"], copy["id"], changes)
        zone = h.preferred_zone(request.headers.get("prefer"))
        return self._json(200, self._with_context(owner, self._shown(public(updated), zone)))

    def _remove_and_cancel(self, event: dict) -> None:
        self.directory.remove_event(event["owner_id"], event["id"])
        if event.get("isOrganizer"):
            for copy in self._copies_of(event):
                self.directory.change_event(copy["owner_id"], copy["id"], {"isCancelled": True})

    # -- plumbing ------------------------------------------------------------------------------

    def _copies_of(self, event: dict) -> list[dict]:
        return [
            e
            for e in self.directory.events()
            if e.get("_organizer_event") == event["id"] and e["tenant_id"] == event["tenant_id"]
        ]

    def _find_event(self, owner, event_id: str) -> dict:
        for event in self.directory.events(owner.object_id):
            if event["id"] == event_id and event["tenant_id"] == owner.tenant_id:
                return event
        raise self._helpers.error(
            404, "ErrorItemNotFound", "The specified object was not found in the store."
        )

    def _payload(self, request, *, allow_empty: bool = False) -> dict:
        if allow_empty and not request.body:
            return {}
        try:
            payload = request.json()
        except (ValueError, UnicodeDecodeError):
            raise self._helpers.error(
                400, "RequestBodyRead", "Invalid JSON. A token was not recognized in the JSON content."
            ) from None
        if not isinstance(payload, dict):
            raise self._helpers.error(400, "RequestBodyRead", "The request body must be a JSON object.")
        return payload

    def _shown(self, event: dict, zone: str) -> dict:
        h = self._helpers
        shown = dict(event)
        for key in ("start", "end"):
            moment = datetime.fromisoformat(event[key]["dateTime"]).replace(tzinfo=UTC)
            shown[key] = h.shown_time(moment, zone)
        return shown

    def _with_context(self, owner, event: dict) -> dict:
        return {"@odata.context": self._context(f"users('{owner.object_id}')/events/$entity"), **event}

    @staticmethod
    def _web_link(event_id: str) -> str:
        item = quote(event_id, safe="")
        return f"https://outlook.office365.com/owa/?itemid={item}&exvsurl=1&path=/calendar/item"
