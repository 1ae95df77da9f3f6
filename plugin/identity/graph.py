"""Microsoft Graph, behind a small interface. The services see people and meetings, not HTTP.

`HttpGraph` asks for a token per call with only the scopes that call needs (incremental consent),
follows `@odata.nextLink` paging, retries throttling (429, honouring Retry-After) within a time budget
and server errors (5xx) a bounded number of times. When Graph stays unavailable it raises
`GraphUnavailable`, which callers turn into a degraded feature, never a broken meeting."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol
from urllib.parse import quote

import requests

from ..domain.errors import DomainError

SCOPE_ME = "User.Read"
SCOPE_PEOPLE = "User.Read.All"
SCOPE_MEETINGS = "OnlineMeetings.Read"
SCOPE_CALENDAR = "Calendars.ReadWrite"
SCOPE_TRANSCRIPTS = "OnlineMeetingTranscript.Read.All"
SCOPE_CHAT_APPS = "TeamsAppInstallation.ReadWriteForChat"
SCOPE_CHAT_TABS = "TeamsTab.Create"
SCOPE_ACTIVITY = "TeamsActivity.Send"
SCOPE_MAIL = "Mail.Send"
# What the app reads about a person it offers to pick (the search asks for exactly these).
PERSON_FIELDS = "id,displayName,mail,userPrincipalName,jobTitle,department,preferredLanguage"


class GraphUnavailable(DomainError):
    status = 503
    code = "graph_unavailable"


class GraphDenied(DomainError):
    status = 403
    code = "graph_denied"


class ActivityNotDelivered(GraphDenied):
    """An activity feed notification Graph refused for this recipient: the permission is missing
    (403) or the Teams app is not installed for them (404). The caller falls back to e-mail."""

    code = "activity_not_delivered"


@dataclass(frozen=True)
class DirectoryPerson:
    object_id: str
    display_name: str
    email: str
    job_title: str | None = None
    preferred_language: str | None = None
    department: str | None = None  # the organisation's unit, as the directory names it

    @classmethod
    def from_graph(cls, data: dict[str, Any]) -> DirectoryPerson:
        return cls(
            object_id=str(data.get("id", "")).lower(),
            display_name=data.get("displayName") or "",
            email=data.get("mail") or data.get("userPrincipalName") or "",
            job_title=data.get("jobTitle"),
            preferred_language=data.get("preferredLanguage"),
            department=data.get("department"),
        )


@dataclass(frozen=True)
class Photo:
    """A person's profile photo as Graph serves it (`/users/{id}/photo/$value`)."""

    content: bytes
    content_type: str


@dataclass(frozen=True)
class OnlineMeeting:
    meeting_id: str
    join_url: str
    subject: str
    start: str | None
    end: str | None
    chat_id: str | None
    # The object ids of the organizer and the invited attendees (`participants`), organizer first.
    participant_ids: tuple[str, ...] = ()

    @classmethod
    def from_graph(cls, data: dict[str, Any]) -> OnlineMeeting:
        participants = data.get("participants") or {}
        identities = [participants.get("organizer") or {}, *(participants.get("attendees") or [])]
        ids = []
        for entry in identities:
            user = ((entry or {}).get("identity") or {}).get("user") or {}
            if user.get("id") and str(user["id"]).lower() not in ids:
                ids.append(str(user["id"]).lower())
        return cls(
            meeting_id=data.get("id", ""),
            join_url=data.get("joinWebUrl") or data.get("joinUrl") or "",
            subject=data.get("subject") or "",
            start=data.get("startDateTime"),
            end=data.get("endDateTime"),
            chat_id=(data.get("chatInfo") or {}).get("threadId"),
            participant_ids=tuple(ids),
        )


@dataclass(frozen=True)
class CalendarEvent:
    """An event in one person's Outlook calendar (the organiser's, or an attendee's copy)."""

    event_id: str
    subject: str
    start: datetime  # aware, UTC
    end: datetime
    attendees: tuple[str, ...]  # e-mail addresses
    organizer: str  # e-mail address
    join_url: str | None
    web_link: str
    is_cancelled: bool
    transaction_id: str | None

    @classmethod
    def from_graph(cls, data: dict[str, Any]) -> CalendarEvent:
        return cls(
            event_id=data.get("id", ""),
            subject=data.get("subject") or "",
            start=_graph_time(data.get("start")),
            end=_graph_time(data.get("end")),
            attendees=tuple(
                ((a or {}).get("emailAddress") or {}).get("address", "") for a in data.get("attendees") or []
            ),
            organizer=((data.get("organizer") or {}).get("emailAddress") or {}).get("address", ""),
            join_url=(data.get("onlineMeeting") or {}).get("joinUrl"),
            web_link=data.get("webLink") or "",
            is_cancelled=bool(data.get("isCancelled")),
            transaction_id=data.get("transactionId"),
        )


def _graph_time(value: Any) -> datetime:
    """A dateTimeTimeZone we asked for in UTC (we never send a `Prefer: outlook.timezone`)."""
    text = str((value or {}).get("dateTime") or "1970-01-01T00:00:00").rstrip("Z")
    whole, _, fraction = text.partition(".")
    moment = datetime.fromisoformat(whole + (f".{fraction[:6]}" if fraction else ""))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _graph_moment(moment: datetime) -> dict[str, str]:
    utc = moment.astimezone(UTC) if moment.tzinfo else moment
    return {"dateTime": utc.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": "UTC"}


class Graph(Protocol):
    def me(self) -> DirectoryPerson: ...
    def person(self, object_id: str) -> DirectoryPerson | None: ...
    def manager_of(self, object_id: str | None = None) -> DirectoryPerson | None: ...
    def direct_reports(self, object_id: str | None = None) -> list[DirectoryPerson]: ...
    def organisation_users(self) -> list[DirectoryPerson]: ...
    def meeting_by_join_url(self, join_url: str) -> OnlineMeeting | None: ...
    def meeting(self, meeting_id: str) -> OnlineMeeting | None: ...
    def create_event(
        self,
        *,
        subject: str,
        start: datetime,
        end: datetime,
        body: str,
        attendees: list[str],
        online_meeting: bool = False,
        transaction_id: str | None = None,
        owner: str | None = None,
    ) -> CalendarEvent: ...
    def update_event(
        self,
        event_id: str,
        *,
        owner: str | None = None,
        subject: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        body: str | None = None,
    ) -> CalendarEvent: ...
    def cancel_event(self, event_id: str, *, owner: str | None = None, comment: str = "") -> None: ...
    def events(self, *, owner: str | None = None) -> list[CalendarEvent]: ...
    def search_people(self, text: str, *, top: int = 20) -> list[DirectoryPerson]: ...
    def photo(self, object_id: str) -> Photo | None: ...
    def transcripts(self, meeting_id: str) -> list[dict[str, Any]]: ...
    def install_app_in_chat(self, chat_id: str, teams_app_id: str) -> None: ...
    def add_chat_tab(
        self, chat_id: str, *, teams_app_id: str, display_name: str, entity_id: str, content_url: str
    ) -> str: ...
    def transcript_content(self, meeting_id: str, transcript_id: str) -> str: ...
    def send_activity_notification(
        self,
        user_id: str,
        *,
        activity_type: str,
        preview_text: str,
        topic_text: str,
        web_url: str,
        template_parameters: dict[str, str],
        chain_id: int | None = None,
    ) -> None: ...
    def send_mail(self, sender_id: str, *, to: str, subject: str, html: str) -> None: ...


TokenFor = Callable[[list[str]], str]


class HttpGraph:
    def __init__(
        self,
        base_url: str,
        token_for: TokenFor,
        *,
        session: requests.Session | None = None,
        budget_seconds: float = 8.0,
        server_error_retries: int = 2,
        timeout: float = 10.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._base = base_url.rstrip("/") + "/v1.0"
        self._token_for = token_for
        self._session = session or requests.Session()
        self._budget = budget_seconds
        self._retries = server_error_retries
        self._timeout = timeout
        self._sleep = sleep
        self._clock = clock

    # --- the interface -------------------------------------------------------------------------
    def me(self) -> DirectoryPerson:
        return DirectoryPerson.from_graph(self._get("/me", [SCOPE_ME]))

    def person(self, object_id: str) -> DirectoryPerson | None:
        data = self._get(f"/users/{quote(object_id)}", [SCOPE_PEOPLE], missing_ok=True)
        return DirectoryPerson.from_graph(data) if data else None

    def manager_of(self, object_id: str | None = None) -> DirectoryPerson | None:
        # Reading a manager, even one's own, needs User.Read.All (admin-consented, tenant-wide).
        path = "/me/manager" if object_id is None else f"/users/{quote(object_id)}/manager"
        data = self._get(path, [SCOPE_PEOPLE], missing_ok=True)
        return DirectoryPerson.from_graph(data) if data else None

    def direct_reports(self, object_id: str | None = None) -> list[DirectoryPerson]:
        path = "/me/directReports" if object_id is None else f"/users/{quote(object_id)}/directReports"
        return [DirectoryPerson.from_graph(d) for d in self._pages(path, [SCOPE_PEOPLE])]

    def organisation_users(self) -> list[DirectoryPerson]:
        """Every user of the organisation with their unit (`GET /users`, paged; User.Read.All)."""
        path = "/users?$select=id,displayName,mail,userPrincipalName,department&$top=999"
        return [DirectoryPerson.from_graph(d) for d in self._pages(path, [SCOPE_PEOPLE])]

    def meeting_by_join_url(self, join_url: str) -> OnlineMeeting | None:
        escaped = join_url.replace("'", "''")
        path = f"/me/onlineMeetings?$filter={quote(f'JoinWebUrl eq {chr(39)}{escaped}{chr(39)}')}"
        found = list(self._pages(path, [SCOPE_MEETINGS]))
        return OnlineMeeting.from_graph(found[0]) if found else None

    def meeting(self, meeting_id: str) -> OnlineMeeting | None:
        data = self._get(f"/me/onlineMeetings/{quote(meeting_id)}", [SCOPE_MEETINGS], missing_ok=True)
        return OnlineMeeting.from_graph(data) if data else None

    # Calendar: `owner` None is the signed-in person's own calendar (`/me`, delegated); an object id is
    # that person's calendar (`/users/{id}`: what an app-only token must name).
    def create_event(
        self,
        *,
        subject: str,
        start: datetime,
        end: datetime,
        body: str,
        attendees: list[str],
        online_meeting: bool = False,
        transaction_id: str | None = None,
        owner: str | None = None,
    ) -> CalendarEvent:
        payload: dict[str, Any] = {
            "subject": subject,
            "body": {"contentType": "html", "content": body},
            "start": _graph_moment(start),
            "end": _graph_moment(end),
            "attendees": [{"emailAddress": {"address": a}, "type": "required"} for a in attendees],
            "isReminderOn": True,
        }
        if online_meeting:
            payload.update(isOnlineMeeting=True, onlineMeetingProvider="teamsForBusiness")
        if transaction_id:
            payload["transactionId"] = transaction_id
        response = self._request("POST", self._calendar(owner), [SCOPE_CALENDAR], json=payload)
        return CalendarEvent.from_graph(response.json())

    def update_event(
        self,
        event_id: str,
        *,
        owner: str | None = None,
        subject: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        body: str | None = None,
    ) -> CalendarEvent:
        payload: dict[str, Any] = {}
        if subject is not None:
            payload["subject"] = subject
        if start is not None:
            payload["start"] = _graph_moment(start)
        if end is not None:
            payload["end"] = _graph_moment(end)
        if body is not None:
            payload["body"] = {"contentType": "html", "content": body}
        url = f"{self._calendar(owner)}/{quote(event_id, safe='')}"
        return CalendarEvent.from_graph(self._request("PATCH", url, [SCOPE_CALENDAR], json=payload).json())

    def cancel_event(self, event_id: str, *, owner: str | None = None, comment: str = "") -> None:
        """Cancel a meeting one organised (the attendees' copies become cancelled). An event that is
        gone already counts as cancelled."""
        url = f"{self._calendar(owner)}/{quote(event_id, safe='')}/cancel"
        self._request("POST", url, [SCOPE_CALENDAR], missing_ok=True, json={"comment": comment})

    def events(self, *, owner: str | None = None) -> list[CalendarEvent]:
        path = self._calendar(owner)[len(self._base) :]
        return [CalendarEvent.from_graph(d) for d in self._pages(path, [SCOPE_CALENDAR])]

    def _calendar(self, owner: str | None) -> str:
        return self._base + ("/me" if owner is None else f"/users/{quote(owner)}") + "/events"

    def install_app_in_chat(self, chat_id: str, teams_app_id: str) -> None:
        """Install the Teams app in a (meeting) chat; already installed (409) is fine."""
        payload = {"teamsApp@odata.bind": f"{self._base}/appCatalogs/teamsApps/{quote(teams_app_id)}"}
        url = f"{self._base}/chats/{quote(chat_id)}/installedApps"
        self._request("POST", url, [SCOPE_CHAT_APPS], json=payload, ok_statuses=(409,))

    def add_chat_tab(
        self, chat_id: str, *, teams_app_id: str, display_name: str, entity_id: str, content_url: str
    ) -> str:
        """Pin the app's tab to a (meeting) chat; the app must be installed there. Returns the tab id."""
        payload = {
            "displayName": display_name,
            "teamsApp@odata.bind": f"{self._base}/appCatalogs/teamsApps/{quote(teams_app_id)}",
            "configuration": {
                "entityId": entity_id,
                "contentUrl": content_url,
                "websiteUrl": content_url,
                "removeUrl": None,
            },
        }
        url = f"{self._base}/chats/{quote(chat_id)}/tabs"
        return self._request("POST", url, [SCOPE_CHAT_TABS], json=payload).json().get("id", "")

    def search_people(self, text: str, *, top: int = 20) -> list[DirectoryPerson]:
        """Users whose name or e-mail address starts with the words of `text` (Graph's `$search`,
        tokenised prefix match; it needs `ConsistencyLevel: eventual`). One page, at most `top`."""
        phrase = text.replace("\\", " ").replace('"', " ").strip()
        search = f'"displayName:{phrase}" OR "mail:{phrase}"'
        query = (
            f"$search={quote(search, safe='')}&$top={top}&$count=true"
            f"&$select={quote(PERSON_FIELDS, safe=',')}"
        )
        response = self._request(
            "GET",
            f"{self._base}/users?{query}",
            [SCOPE_PEOPLE],
            headers={"ConsistencyLevel": "eventual"},
        )
        return [DirectoryPerson.from_graph(d) for d in response.json().get("value", [])][:top]

    def photo(self, object_id: str) -> Photo | None:
        """The person's profile photo (404 from Graph when they have none: None)."""
        response = self._request(
            "GET", f"{self._base}/users/{quote(object_id)}/photo/$value", [SCOPE_PEOPLE], missing_ok=True
        )
        if response is None:
            return None
        return Photo(response.content, response.headers.get("Content-Type", "image/jpeg"))

    def transcripts(self, meeting_id: str) -> list[dict[str, Any]]:
        return list(self._pages(f"/me/onlineMeetings/{quote(meeting_id)}/transcripts", [SCOPE_TRANSCRIPTS]))

    def transcript_content(self, meeting_id: str, transcript_id: str) -> str:
        url = (
            f"{self._base}/me/onlineMeetings/{quote(meeting_id)}/transcripts/{quote(transcript_id)}"
            "/content?$format=text/vtt"
        )
        return self._request("GET", url, [SCOPE_TRANSCRIPTS]).text

    def send_activity_notification(
        self,
        user_id: str,
        *,
        activity_type: str,
        preview_text: str,
        topic_text: str,
        web_url: str,
        template_parameters: dict[str, str],
        chain_id: int | None = None,
    ) -> None:
        """`POST /users/{id}/teamwork/sendActivityNotification` (204). `chain_id`: a later send with
        the same chain id replaces the earlier notification in the feed instead of adding one, which
        makes a retry after a lost answer harmless. Raises `ActivityNotDelivered` on 403/404."""
        payload: dict[str, Any] = {
            "topic": {"source": "text", "value": topic_text, "webUrl": web_url},
            "activityType": activity_type,
            "previewText": {"content": preview_text[:150]},
            "templateParameters": [{"name": k, "value": v} for k, v in template_parameters.items()],
        }
        if chain_id is not None:
            payload["chainId"] = chain_id
        url = f"{self._base}/users/{quote(user_id)}/teamwork/sendActivityNotification"
        try:
            response = self._request("POST", url, [SCOPE_ACTIVITY], missing_ok=True, json=payload)
        except GraphDenied as exc:
            raise ActivityNotDelivered("activity_not_permitted") from exc
        if response is None:
            raise ActivityNotDelivered("teams_app_not_installed")

    def send_mail(self, sender_id: str, *, to: str, subject: str, html: str) -> None:
        """`POST /users/{sender}/sendMail` (202), not kept in the sender's Sent Items."""
        payload = {
            "message": {
                "subject": subject,
                "body": {"contentType": "HTML", "content": html},
                "toRecipients": [{"emailAddress": {"address": to}}],
            },
            "saveToSentItems": False,
        }
        self._request("POST", f"{self._base}/users/{quote(sender_id)}/sendMail", [SCOPE_MAIL], json=payload)

    # --- plumbing ------------------------------------------------------------------------------
    def _get(self, path: str, scopes: list[str], *, missing_ok: bool = False) -> dict[str, Any] | None:
        response = self._request("GET", self._base + path, scopes, missing_ok=missing_ok)
        return None if response is None else response.json()

    def _pages(self, path: str, scopes: list[str]) -> Iterator[dict[str, Any]]:
        url: str | None = self._base + path
        while url:
            if not url.startswith(self._base):  # nextLink must stay on the configured Graph host
                raise GraphUnavailable()
            page = self._request("GET", url, scopes).json()
            yield from page.get("value", [])
            url = page.get("@odata.nextLink")

    def _request(
        self,
        method: str,
        url: str,
        scopes: list[str],
        *,
        missing_ok: bool = False,
        ok_statuses: tuple[int, ...] = (),
        headers: dict[str, str] | None = None,
        **kwargs,
    ):
        deadline = self._clock() + self._budget
        server_errors = 0
        extra = dict(headers or {})
        while True:
            headers = {
                "Authorization": f"Bearer {self._token_for(scopes)}",
                "Accept": "application/json",
                **extra,
            }
            try:
                response = self._session.request(
                    method, url, headers=headers, timeout=self._timeout, **kwargs
                )
            except requests.RequestException as exc:
                raise GraphUnavailable() from exc
            status = response.status_code
            if status < 400 or status in ok_statuses:
                return response
            if status == 404 and missing_ok:
                return None
            if status == 429 or status >= 500:
                if status >= 500:
                    server_errors += 1
                    if server_errors > self._retries:
                        raise GraphUnavailable()
                wait = _retry_after(response, default=0.5 * (2**server_errors))
                if self._clock() + wait > deadline:
                    raise GraphUnavailable()
                self._sleep(wait)
                continue
            if status in (401, 403):
                raise GraphDenied()
            raise GraphUnavailable()


def _retry_after(response: requests.Response, *, default: float) -> float:
    value = response.headers.get("Retry-After", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return default
