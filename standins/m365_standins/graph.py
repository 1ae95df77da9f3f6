"""A local stand-in for the Microsoft Graph v1.0 endpoints this app calls, over real TLS.

Every request needs `Authorization: Bearer <token>` with a Graph access token from the Entra stand-in:
signature against the Entra stand-in's published keys, audience Microsoft Graph (any identifier Entra
accepts for it), the v1.0 issuer `https://sts.windows.net/{tid}/`, and the token's lifetime.
Otherwise: 401 `InvalidAuthenticationToken` with a `WWW-Authenticate` challenge.

Permissions follow Microsoft's permission tables, delegated (`scp`) or application (`roles`):

- `GET /me`, `GET /users/{id | userPrincipalName}` (`$select`): User.Read for oneself;
  User.ReadBasic.All (basic properties only) or User.Read.All and above for others;
- `GET /users` (`$select`, `$top` up to 999, paged with `@odata.nextLink`): User.ReadBasic.All
  (basic properties only) or User.Read.All and above; application User.Read.All;
- `GET /me/manager`, `/users/{id}/manager`: User.Read.All and above; 404 when there is none;
- `GET /me/directReports`, `/users/{id}/directReports` (`$top`, `$select`, paged with
  `@odata.nextLink` carrying a `$skiptoken`): User.Read.All and above;
- `GET /me/onlineMeetings?$filter=JoinWebUrl eq '…'`, `GET /me/onlineMeetings/{id}`:
  OnlineMeetings.Read; only the organizer's and invited attendees' meetings;
- `GET /me/onlineMeetings/{id}/transcripts[/{id}[/content]]`: OnlineMeetingTranscript.Read.All; the
  organizer's meetings (attendees too when `transcripts_for_attendees` is set); content as text/vtt;
- `GET /users?$search="displayName:…" OR "mail:…"` (`$top`, `$select`, `$count`): the tenant's users
  whose property has a word starting with each word of the phrase (tokenised prefix match, case- and
  accent-insensitive); only with the header `ConsistencyLevel: eventual` (else 400
  `Request_UnsupportedQuery`); User.ReadBasic.All (basic properties only) or User.Read.All and above;
- `GET /me/photo/$value`, `/users/{id}/photo/$value`: the profile photo's bytes; 404 `ImageNotFound`
  when the person has none; User.Read for oneself, User.ReadBasic.All or above for others;
- `/me/events`, `/users/{id}/events[/{id}[/cancel]]`: the calendar, see `calendar.py` (create with
  a Teams meeting when `isOnlineMeeting` is true, list, read, change, delete, cancel; attendees get
  copies in their own calendars). Events are recorded in the directory.
- `POST /users/{id}/teamwork/sendActivityNotification`: delegated or application TeamsActivity.Send
  (application TeamsActivity.Send.User, resource-specific, counts too); 204. The body is validated
  (`topic` with `source` `text` + `value` + `webUrl`, or `entityUrl` + a Graph `value`; an
  `activityType` declared by the calling app (`register_teams_app`); `previewText.content`;
  `templateParameters` as name/value pairs; an optional Int64 `chainId`). The calling app must be
  installed for the recipient (`install_app`): otherwise 404 `NotFound`; a missing permission is 403
  `Forbidden`. A notification with the `chainId` of an earlier one to the same person replaces it in
  their feed (Graph's documented meaning of chainId) instead of adding one.
- `POST /users/{id}/sendMail`: delegated Mail.Send (oneself) or application Mail.Send (any mailbox
  of the tenant); 202. Validates `message` (`subject`, `body`, `toRecipients` with addresses);
  403 `ErrorAccessDenied` without the permission.
  Both record what was delivered to whom: `notifications` (every accepted request, in order),
  `activity_feed(tenant, user)` (the feed as the person sees it) and `mailbox(address)`.

`/users/{id}/…` works for every path above. Denials use the code of the Graph workload that owns the
resource: `Authorization_RequestDenied` (directory), `ErrorAccessDenied` (Outlook calendar),
`Forbidden` (Teams meetings). Every error has Graph's shape,
`{"error": {"code", "message", "innerError": {"date", "request-id", "client-request-id"}}}`, and
every JSON response carries `@odata.context`.

Fault injection: `throttle(n, retry_after_seconds)` (429 `TooManyRequests` with `Retry-After`),
`fail(n, status)` (503 `serviceNotAvailable`, else `generalException`), `outage(True/False)`.
The request log keeps method, path (no query string) and status; never headers or tokens."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets
import threading
import uuid
import zoneinfo
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, unquote

import jwt

from .calendar import CalendarRoutes
from .directory import GRAPH_APP_ID, Directory, OnlineMeeting, Transcript, User, search_tokens, words_match
from .entra import EntraStandin
from .tls import HTTPSService, LocalCA, Request, Response

LEEWAY_SECONDS = 300
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 999
TRANSCRIPT_PAGE_SIZE = 10
MAX_TRANSCRIPT_PAGE_SIZE = 100

_SELF_READ = frozenset({"User.Read", "User.ReadWrite"})
_BASIC_READ = frozenset({"User.ReadBasic.All"})
_FULL_READ = frozenset(
    {
        "User.Read.All",
        "User.ReadWrite.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
        "Directory.AccessAsUser.All",
    }
)
_APP_USER_READ = frozenset(
    {"User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"}
)
_MEETINGS = frozenset({"OnlineMeetings.Read", "OnlineMeetings.ReadWrite"})
_APP_MEETINGS = frozenset({"OnlineMeetings.Read.All", "OnlineMeetings.ReadWrite.All"})
_TRANSCRIPTS = frozenset({"OnlineMeetingTranscript.Read.All"})
_CALENDAR_WRITE = frozenset({"Calendars.ReadWrite"})
_ACTIVITY_SEND = frozenset({"TeamsActivity.Send"})
_APP_ACTIVITY_SEND = frozenset({"TeamsActivity.Send", "TeamsActivity.Send.User"})
_MAIL_SEND = frozenset({"Mail.Send"})
_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

_USER_DEFAULT = (
    "businessPhones",
    "displayName",
    "givenName",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
    "id",
)
_USER_BASIC = frozenset({"id", "displayName", "givenName", "surname", "mail", "userPrincipalName"})

# Windows time zone names (what Outlook uses) for the zones a Danish app meets, plus UTC.
_WINDOWS_ZONES = {
    "utc": "UTC",
    "romance standard time": "Europe/Copenhagen",
    "w. europe standard time": "Europe/Berlin",
    "central europe standard time": "Europe/Budapest",
    "gmt standard time": "Europe/London",
    "fle standard time": "Europe/Helsinki",
    "pacific standard time": "America/Los_Angeles",
    "eastern standard time": "America/New_York",
}


class GraphError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        headers: list[tuple[str, str]] | None = None,
        inner: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message = status, code, message
        self.headers = headers or []
        self.inner = inner or {}


@dataclass(frozen=True)
class Caller:
    tenant_id: str
    client_id: str
    delegated: bool
    scopes: frozenset[str]
    roles: frozenset[str]
    user: User | None  # the signed-in person for delegated tokens

    def holds(self, delegated: frozenset[str], application: frozenset[str]) -> bool:
        return bool(self.scopes & delegated) if self.delegated else bool(self.roles & application)


def _user_not_found(key: str) -> GraphError:
    return GraphError(
        404,
        "Request_ResourceNotFound",
        f"Resource '{key}' does not exist or one of its queried reference-property objects are not present.",
    )


_DIRECTORY_DENIED = ("Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
_OUTLOOK_DENIED = ("ErrorAccessDenied", "Access is denied. Check credentials and try again.")
_TEAMS_DENIED = ("Forbidden", "The caller does not have the permission needed for this onlineMeeting.")
_CHAT_DENIED = ("Forbidden", "Missing role permissions on the request. API requires one of the permissions.")
# POST /chats/{id}/installedApps and /chats/{id}/tabs (Microsoft's permission tables, v1.0).
_CHAT_APPS = frozenset(
    {
        "TeamsAppInstallation.ReadWriteSelfForChat",
        "TeamsAppInstallation.ReadWriteForChat",
        "TeamsAppInstallation.ReadWriteAndConsentForChat",
        "TeamsAppInstallation.ReadWriteAndConsentSelfForChat",
        "TeamsAppInstallation.ManageSelectedForChat",
    }
)
_APP_CHAT_APPS = frozenset(
    {
        "TeamsAppInstallation.ReadWriteSelfForChat.All",
        "TeamsAppInstallation.ReadWriteForChat.All",
        "TeamsAppInstallation.ReadWriteAndConsentForChat.All",
        "TeamsAppInstallation.ReadWriteAndConsentSelfForChat.All",
        "TeamsAppInstallation.ManageSelectedForChat.All",
        "Chat.Manage.Chat",
    }
)
_CHAT_TABS = frozenset(
    {
        "TeamsTab.Create",
        "TeamsTab.ReadWrite.All",
        "TeamsTab.ReadWriteForChat",
        "TeamsTab.ReadWriteSelfForChat",
    }
)
_APP_CHAT_TABS = frozenset(
    {
        "TeamsTab.Create",
        "TeamsTab.Create.Chat",
        "TeamsTab.ReadWrite.All",
        "TeamsTab.ReadWrite.Chat",
        "TeamsTab.ReadWriteForChat.All",
        "TeamsTab.ReadWriteSelfForChat.All",
    }
)
_APP_BIND = re.compile(r"/appCatalogs/teamsApps/(?P<id>[^/?#]+)$")


class GraphStandin(CalendarRoutes, HTTPSService):
    def __init__(
        self,
        directory: Directory,
        ca: LocalCA,
        entra: EntraStandin,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        super().__init__(ca, host, port)
        self.directory = directory
        self.entra = entra
        # Tokens may name this server as their resource, so the app can use it as MUS_GRAPH_URL.
        entra.add_graph_resource(self.url)
        self.transcripts_for_attendees = False
        self._lock = threading.Lock()
        self._log: list[dict] = []
        self._throttled: list[float] = []
        self._failures: list[int] = []
        self._outage = False
        self._pages: dict[str, tuple[str, int]] = {}
        # Meeting chats (a meeting's thread id): the Teams apps installed in them and their tabs.
        self._chat_apps: dict[str, set[str]] = {}
        self._chat_tabs: dict[str, list[dict]] = {}
        self._teams_apps: dict[str, frozenset[str]] = {}  # client id -> declared activity types
        self._installed: set[tuple[str, str, str]] = set()  # (tenant, user object id, client id)
        self._notifications: list[dict] = []

    # -- observation and fault injection -------------------------------------------------------

    @property
    def log(self) -> list[dict]:
        with self._lock:
            return [dict(entry) for entry in self._log]

    @property
    def request_count(self) -> int:
        with self._lock:
            return len(self._log)

    @property
    def counts(self) -> Counter[int]:
        """Responses per HTTP status."""
        with self._lock:
            return Counter(entry["status"] for entry in self._log)

    def reset_log(self) -> None:
        with self._lock:
            self._log.clear()

    def throttle(self, n: int = 1, retry_after_seconds: float = 1) -> None:
        """The next `n` requests get 429 TooManyRequests with `Retry-After`."""
        with self._lock:
            self._throttled.extend([retry_after_seconds] * n)

    def fail(self, n: int = 1, status: int = 503) -> None:
        """The next `n` requests fail with `status` (503 serviceNotAvailable, else generalException)."""
        with self._lock:
            self._failures.extend([status] * n)

    def register_teams_app(self, client_id: str, activity_types: list[str] | tuple[str, ...]) -> None:
        """The Teams app whose manifest's `webApplicationInfo.id` is `client_id`, with the activity
        types its manifest declares (`activities.activityTypes[].type`)."""
        with self._lock:
            self._teams_apps[client_id] = frozenset(activity_types)

    def install_app(self, tenant_id: str, client_id: str, *object_ids: str) -> None:
        """Install the Teams app (personally) for these users; none given: every user of the tenant."""
        users = object_ids or tuple(u.object_id for u in self.directory.users(tenant_id))
        with self._lock:
            self._installed.update((tenant_id, oid.lower(), client_id) for oid in users)

    def uninstall_app(self, tenant_id: str, client_id: str, object_id: str) -> None:
        with self._lock:
            self._installed.discard((tenant_id, object_id.lower(), client_id))

    @property
    def notifications(self) -> list[dict]:
        """Every accepted activity notification and e-mail, in order (replaced ones included)."""
        with self._lock:
            return [dict(entry) for entry in self._notifications]

    def activity_feed(self, tenant_id: str, object_id: str) -> list[dict]:
        """The person's activity feed: a notification replaced by a later one of its chain is gone."""
        with self._lock:
            return [
                dict(n)
                for n in self._notifications
                if n["channel"] == "activity"
                and n["tenant_id"] == tenant_id
                and n["recipient"] == object_id.lower()
                and not n.get("replaced")
            ]

    def mailbox(self, address: str) -> list[dict]:
        with self._lock:
            return [
                dict(n)
                for n in self._notifications
                if n["channel"] == "mail" and n["recipient"].lower() == address.lower()
            ]

    def outage(self, on: bool = True) -> None:
        """Every request answers 503 until switched off."""
        with self._lock:
            self._outage = on

    # -- HTTP ----------------------------------------------------------------------------------

    def handle(self, request: Request) -> Response:
        request_id = str(uuid.uuid4())
        client_request_id = request.headers.get("client-request-id") or request_id
        try:
            response = self._dispatch(request)
        except GraphError as exc:
            response = self._error(exc, request_id, client_request_id)
        response.headers.extend([("request-id", request_id), ("client-request-id", client_request_id)])
        with self._lock:
            self._log.append({"method": request.method, "path": request.path, "status": response.status})
        return response

    def internal_error(self, request: Request, exc: Exception) -> Response:
        request_id = str(uuid.uuid4())
        return self._error(
            GraphError(500, "generalException", "An unspecified error has occurred."), request_id, request_id
        )

    @staticmethod
    def _error(exc: GraphError, request_id: str, client_request_id: str) -> Response:
        inner = {
            "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S"),
            "request-id": request_id,
            "client-request-id": client_request_id,
            **exc.inner,
        }
        body = {"error": {"code": exc.code, "message": exc.message, "innerError": inner}}
        return Response.json(exc.status, body, exc.headers)

    def _injected_fault(self) -> GraphError | None:
        with self._lock:
            if self._outage:
                status: int | None = 503
            elif self._throttled:
                wait = self._throttled.pop(0)
                shown = str(int(wait)) if float(wait).is_integer() else f"{wait:g}"
                return GraphError(
                    429,
                    "TooManyRequests",
                    "Please retry again later.",
                    headers=[("Retry-After", shown)],
                    inner={"code": "429", "status": "429", "message": "Please retry after"},
                )
            else:
                status = self._failures.pop(0) if self._failures else None
        if status is None:
            return None
        if status == 503:
            return GraphError(
                503,
                "serviceNotAvailable",
                "The service is temporarily unavailable for maintenance or is overloaded. You may repeat the "
                "request after a delay, which may be specified in a Retry-After header.",
            )
        return GraphError(status, "generalException", "An unspecified error has occurred.")

    def _dispatch(self, request: Request) -> Response:
        fault = self._injected_fault()
        if fault is not None:
            raise fault
        segments = _segments(request.path)
        if not segments or segments[0] != "v1.0":
            raise GraphError(400, "BadRequest", f"Invalid version: {segments[0] if segments else ''}")
        caller = self._authenticate(request)
        rest = segments[1:]
        if not rest:
            raise GraphError(400, "BadRequest", "Resource not found for the segment ''.")
        if rest[0] == "chats" and len(rest) == 3 and rest[2] in ("installedApps", "tabs"):
            if request.method != "POST":
                raise GraphError(
                    405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target."
                )
            return (
                self._chat_app(request, caller, rest[1])
                if rest[2] == "installedApps"
                else (self._chat_tab(request, caller, rest[1]))
            )
        if rest == ["users"]:
            if request.method != "GET":
                raise GraphError(
                    405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target."
                )
            return self._users(request, caller)
        if rest[0] == "me":
            owner_path, tail = rest[:1], rest[1:]
        elif rest[0] == "users" and len(rest) >= 2:
            owner_path, tail = rest[:2], rest[2:]
        else:
            raise GraphError(400, "BadRequest", f"Resource not found for the segment '{rest[0]}'.")
        route = _route(tail)
        if route is None:
            raise GraphError(400, "BadRequest", f"Resource not found for the segment '{tail[0]}'.")
        name, methods = route
        if request.method not in methods:
            raise GraphError(
                405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target."
            )
        owner = self._owner(caller, owner_path)
        return getattr(self, f"_{name}")(request, caller, owner, tail)

    # -- authentication ------------------------------------------------------------------------

    def _unauthenticated(self, message: str) -> GraphError:
        challenge = (
            f'Bearer realm="", authorization_uri="{self.entra.url}/common/oauth2/authorize", '
            f'client_id="{GRAPH_APP_ID}"'
        )
        return GraphError(
            401, "InvalidAuthenticationToken", message, headers=[("WWW-Authenticate", challenge)]
        )

    def _authenticate(self, request: Request) -> Caller:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if not header or not token.strip():
            raise self._unauthenticated("Access token is empty.")
        if scheme.lower() != "bearer":
            raise self._unauthenticated("Access token validation failure. Bearer token expected.")
        token = token.strip()
        try:
            kid = jwt.get_unverified_header(token).get("kid")
        except jwt.PyJWTError:
            raise self._unauthenticated(
                "IDX14100: JWT is not well formed, there are no dots (.).\n"
                "The token needs to be in JWS or JWE Compact Serialization Format. (JWS): "
                "'EncodedHeader.EndcodedPayload.EncodedSignature'."
            ) from None
        key = self.entra.verification_key(str(kid))
        if key is None:
            raise self._unauthenticated("Access token validation failure. Invalid signature.")
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                leeway=LEEWAY_SECONDS,
                options={"verify_aud": False, "require": ["exp", "iss", "aud", "tid"]},
            )
        except jwt.ExpiredSignatureError:
            raise self._unauthenticated("Lifetime validation failed, the token is expired.") from None
        except jwt.ImmatureSignatureError:
            raise self._unauthenticated("Lifetime validation failed, the token is not yet valid.") from None
        except jwt.InvalidSignatureError:
            raise self._unauthenticated("Access token validation failure. Invalid signature.") from None
        except jwt.PyJWTError:
            raise self._unauthenticated("Access token validation failure.") from None
        audience = claims.get("aud")
        if not isinstance(audience, str) or audience.rstrip("/").lower() not in self.entra.graph_audiences:
            raise self._unauthenticated("Access token validation failure. Invalid audience.")
        tenant_id = str(claims["tid"]).lower()
        if claims.get("iss") != self.entra.v1_issuer(tenant_id) or self.directory.tenant(tenant_id) is None:
            raise self._unauthenticated("Access token validation failure. Invalid issuer.")
        delegated = claims.get("idtyp") != "app" and "scp" in claims
        user = None
        if delegated:
            user = self.directory.user(tenant_id, str(claims.get("oid", "")))
            if user is None:
                raise self._unauthenticated("Access token validation failure. The user does not exist.")
        return Caller(
            tenant_id=tenant_id,
            client_id=str(claims.get("appid", "")),
            delegated=delegated,
            scopes=frozenset(str(claims.get("scp", "")).split()),
            roles=frozenset(claims.get("roles") or []),
            user=user,
        )

    def _owner(self, caller: Caller, owner_path: list[str]) -> User:
        if owner_path[0] == "me":
            if not caller.delegated or caller.user is None:
                raise GraphError(
                    400, "BadRequest", "/me request is only valid with delegated authentication flow."
                )
            return caller.user
        user = self.directory.find_user(owner_path[1], caller.tenant_id)
        if user is None:
            raise _user_not_found(owner_path[1])
        return user

    @staticmethod
    def _require(caller: Caller, delegated: frozenset[str], application: frozenset[str], denial) -> None:
        if not caller.holds(delegated, application):
            raise GraphError(403, *denial)

    # -- users ---------------------------------------------------------------------------------

    def _user(self, request: Request, caller: Caller, owner: User, _tail) -> Response:
        is_self = caller.user is not None and caller.user.object_id == owner.object_id
        delegated_ok = _SELF_READ | _BASIC_READ | _FULL_READ if is_self else _BASIC_READ | _FULL_READ
        self._require(caller, delegated_ok, _APP_USER_READ, _DIRECTORY_DENIED)
        basic_only = caller.delegated and not is_self and not (caller.scopes & _FULL_READ)
        select = _select(request)
        body = self._user_json(owner, select, basic_only=basic_only)
        entity = f"users({','.join(select)})" if select else "users"
        return self._json(200, {"@odata.context": self._context(f"{entity}/$entity"), **body})

    def _users(self, request: Request, caller: Caller) -> Response:
        self._require(caller, _BASIC_READ | _FULL_READ, _APP_USER_READ, _DIRECTORY_DENIED)
        basic_only = caller.delegated and not (caller.scopes & _FULL_READ)
        raw = request.arg("$search")
        users = sorted(self.directory.users(caller.tenant_id), key=lambda u: u.display_name.lower())
        if raw is not None:
            if (request.headers.get("consistencylevel") or "").strip().lower() != "eventual":
                raise GraphError(
                    400,
                    "Request_UnsupportedQuery",
                    "Request with $search query parameter only works through MSGraph with a special "
                    "request header: 'ConsistencyLevel: eventual'",
                )
            matches = _search_matcher(raw)
            users = [u for u in users if matches(u)]
        select = _select(request)
        items = [self._user_json(u, select, basic_only=basic_only) for u in users]
        entity = f"users({','.join(select)})" if select else "users"
        response = self._page(request, f"users:{caller.tenant_id}:{raw}", items, entity, 100, 999)
        if (request.arg("$count") or "").lower() == "true":
            body = json.loads(response.body)
            body = {"@odata.context": body.pop("@odata.context"), "@odata.count": len(items), **body}
            return self._json(200, body)
        return response

    def _photo(self, request: Request, caller: Caller, owner: User, _tail) -> Response:
        is_self = caller.user is not None and caller.user.object_id == owner.object_id
        delegated_ok = _SELF_READ | _BASIC_READ | _FULL_READ if is_self else _BASIC_READ | _FULL_READ
        self._require(caller, delegated_ok, _APP_USER_READ, _DIRECTORY_DENIED)
        found = self.directory.photo(owner.tenant_id, owner.object_id)
        if found is None:
            raise GraphError(
                404,
                "ImageNotFound",
                "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' "
                "was thrown.",
            )
        content, content_type = found
        return Response(200, content, content_type)

    def _manager(self, request: Request, caller: Caller, owner: User, _tail) -> Response:
        self._require(caller, _FULL_READ, _APP_USER_READ, _DIRECTORY_DENIED)
        manager = self.directory.manager_of(owner.tenant_id, owner.object_id)
        if manager is None:
            raise _user_not_found("manager")
        select = _select(request)
        body = {
            "@odata.context": self._context("directoryObjects/$entity"),
            "@odata.type": "#microsoft.graph.user",
            **self._user_json(manager, select),
        }
        return self._json(200, body)

    def _direct_reports(self, request: Request, caller: Caller, owner: User, _tail) -> Response:
        self._require(caller, _FULL_READ, _APP_USER_READ, _DIRECTORY_DENIED)
        select = _select(request)
        reports = self.directory.direct_reports(owner.tenant_id, owner.object_id)
        items = [{"@odata.type": "#microsoft.graph.user", **self._user_json(u, select)} for u in reports]
        entity = f"directoryObjects({','.join(select)})" if select else "directoryObjects"
        return self._page(
            request,
            f"reports:{owner.tenant_id}:{owner.object_id}",
            items,
            entity,
            DEFAULT_PAGE_SIZE,
            MAX_PAGE_SIZE,
        )

    def _user_json(self, user: User, select: list[str] | None, *, basic_only: bool = False) -> dict:
        values: dict[str, Any] = {
            "id": user.object_id,
            "businessPhones": [],
            "displayName": user.display_name,
            "givenName": user.given_name,
            "surname": user.surname,
            "jobTitle": user.job_title,
            "mail": user.mail,
            "mobilePhone": user.mobile_phone,
            "officeLocation": user.office_location,
            "preferredLanguage": user.preferred_language,
            "userPrincipalName": user.user_principal_name,
            "department": user.department,
            "accountEnabled": True,
            "usageLocation": None,
            "companyName": None,
            "employeeId": None,
        }
        by_lower = {name.lower(): name for name in values}
        names: list[str] = []
        for wanted in select or _USER_DEFAULT:
            name = by_lower.get(wanted.lower())
            if name is None:
                raise GraphError(
                    400,
                    "Request_BadRequest",
                    f"Could not find a property named '{wanted}' on type 'Microsoft.DirectoryServices.User'.",
                )
            names.append(name)
        return {name: (values[name] if not basic_only or name in _USER_BASIC else None) for name in names}

    # -- online meetings and transcripts -------------------------------------------------------

    def _meetings(self, request: Request, caller: Caller, owner: User, _tail) -> Response:
        self._require(caller, _MEETINGS, _APP_MEETINGS, _TEAMS_DENIED)
        self._same_person(caller, owner, _TEAMS_DENIED)
        raw = request.arg("$filter")
        if raw is None:
            raise GraphError(
                400,
                "BadRequest",
                "Filter expression expected - /onlineMeetings?$filter=JoinWebUrl eq '{url}'.",
            )
        match = re.fullmatch(r"\s*joinweburl\s+eq\s+'((?:[^']|'')*)'\s*", raw, flags=re.IGNORECASE)
        if match is None:
            raise GraphError(400, "BadRequest", f"Invalid filter clause: {raw}")
        url = unquote(match.group(1).replace("''", "'"))
        found = [
            m
            for m in self.directory.meetings(owner.tenant_id)
            if unquote(m.join_web_url) == url and _takes_part(owner, m)
        ]
        return self._json(
            200,
            {
                "@odata.context": self._context(f"users('{owner.object_id}')/onlineMeetings"),
                "value": [self._meeting_json(m) for m in found],
            },
        )

    def _meeting(self, request: Request, caller: Caller, owner: User, tail) -> Response:
        self._require(caller, _MEETINGS, _APP_MEETINGS, _TEAMS_DENIED)
        self._same_person(caller, owner, _TEAMS_DENIED)
        meeting = self._visible_meeting(owner, tail[1])
        body = {
            "@odata.context": self._context(f"users('{owner.object_id}')/onlineMeetings/$entity"),
            **self._meeting_json(meeting),
        }
        return self._json(200, body)

    def _transcripts(self, request: Request, caller: Caller, owner: User, tail) -> Response:
        meeting = self._transcript_meeting(caller, owner, tail[1])
        items = [self._transcript_json(meeting, t) for t in self.directory.transcripts(meeting.id)]
        entity = f"users('{owner.object_id}')/onlineMeetings('{meeting.id}')/transcripts"
        return self._page(
            request,
            f"transcripts:{meeting.id}",
            items,
            entity,
            TRANSCRIPT_PAGE_SIZE,
            MAX_TRANSCRIPT_PAGE_SIZE,
        )

    def _transcript(self, request: Request, caller: Caller, owner: User, tail) -> Response:
        meeting = self._transcript_meeting(caller, owner, tail[1])
        transcript = self._find_transcript(meeting, tail[3])
        entity = f"users('{owner.object_id}')/onlineMeetings('{meeting.id}')/transcripts/$entity"
        return self._json(
            200, {"@odata.context": self._context(entity), **self._transcript_json(meeting, transcript)}
        )

    def _transcript_content(self, request: Request, caller: Caller, owner: User, tail) -> Response:
        meeting = self._transcript_meeting(caller, owner, tail[1])
        transcript = self._find_transcript(meeting, tail[3])
        wanted = request.arg("$format")
        if wanted is not None and wanted.lower() != "text/vtt":
            raise GraphError(400, "BadRequest", f"Invalid format '{wanted}'. Supported format: text/vtt.")
        return Response(200, transcript.content.encode("utf-8"), "text/vtt")

    def _transcript_meeting(self, caller: Caller, owner: User, meeting_id: str) -> OnlineMeeting:
        self._require(caller, _TRANSCRIPTS, _TRANSCRIPTS, _TEAMS_DENIED)
        self._same_person(caller, owner, _TEAMS_DENIED)
        meeting = self._visible_meeting(owner, meeting_id)
        if meeting.organizer_id != owner.object_id and not self.transcripts_for_attendees:
            raise GraphError(
                403, "Forbidden", "Only the meeting organizer can read the meeting's transcripts."
            )
        return meeting

    def _visible_meeting(self, owner: User, meeting_id: str) -> OnlineMeeting:
        meeting = self.directory.meeting(meeting_id)
        if meeting is None or meeting.tenant_id != owner.tenant_id or not _takes_part(owner, meeting):
            raise GraphError(404, "NotFound", f"The onlineMeeting '{meeting_id}' was not found.")
        return meeting

    def _find_transcript(self, meeting: OnlineMeeting, transcript_id: str) -> Transcript:
        for transcript in self.directory.transcripts(meeting.id):
            if transcript.id == transcript_id:
                return transcript
        raise GraphError(404, "NotFound", f"The callTranscript '{transcript_id}' was not found.")

    @staticmethod
    def _same_person(caller: Caller, owner: User, denial) -> None:
        """Delegated callers reach only their own meetings and calendar (no delegates modelled)."""
        if caller.delegated and caller.user is not None and caller.user.object_id != owner.object_id:
            raise GraphError(403, *denial)

    def _identity(self, object_id: str, tenant_id: str, role: str) -> dict:
        user = self.directory.user(tenant_id, object_id)
        return {
            "upn": user.user_principal_name if user else None,
            "role": role,
            "identity": {
                "application": None,
                "device": None,
                "user": {
                    "id": object_id,
                    "displayName": None,
                    "tenantId": tenant_id,
                    "identityProvider": "AAD",
                },
            },
        }

    def _meeting_json(self, meeting: OnlineMeeting) -> dict:
        join_id = str(int(hashlib.sha256(meeting.id.encode()).hexdigest(), 16) % 10**12).rjust(12, "1")
        return {
            "id": meeting.id,
            "creationDateTime": _iso(meeting.created),
            "startDateTime": _iso(meeting.start),
            "endDateTime": _iso(meeting.end),
            "joinUrl": meeting.join_web_url,
            "joinWebUrl": meeting.join_web_url,
            "meetingCode": join_id,
            "subject": meeting.subject,
            "isBroadcast": False,
            "autoAdmittedUsers": "everyoneInCompany",
            "outerMeetingAutoAdmittedUsers": None,
            "isEntryExitAnnounced": True,
            "allowedPresenters": "everyone",
            "allowMeetingChat": "enabled",
            "allowTeamworkReactions": True,
            "allowAttendeeToEnableMic": True,
            "allowAttendeeToEnableCamera": True,
            "recordAutomatically": False,
            "externalId": None,
            "videoTeleconferenceId": None,
            "audioConferencing": None,
            "broadcastSettings": None,
            "meetingInfo": None,
            "lobbyBypassSettings": {"scope": "organization", "isDialInBypassEnabled": False},
            "joinMeetingIdSettings": {
                "isPasscodeRequired": False,
                "joinMeetingId": join_id,
                "passcode": None,
            },
            "chatInfo": {"threadId": meeting.thread_id, "messageId": "0", "replyChainMessageId": None},
            "joinInformation": {
                "content": "data:text/html,Microsoft%20Teams%20meeting",
                "contentType": "html",
            },
            "participants": {
                "organizer": self._identity(meeting.organizer_id, meeting.tenant_id, "presenter"),
                "attendees": [self._identity(a, meeting.tenant_id, "attendee") for a in meeting.attendee_ids],
            },
        }

    def _transcript_json(self, meeting: OnlineMeeting, transcript: Transcript) -> dict:
        return {
            "id": transcript.id,
            "meetingId": meeting.id,
            "callId": transcript.call_id,
            "contentCorrelationId": transcript.content_correlation_id,
            "transcriptContentUrl": (
                f"{self.url}/v1.0/users/{meeting.organizer_id}/onlineMeetings/{meeting.id}"
                f"/transcripts/{transcript.id}/content"
            ),
            "createdDateTime": _iso(transcript.created),
            "endDateTime": _iso(transcript.ended),
            "meetingOrganizer": {
                "application": None,
                "device": None,
                "user": {
                    "@odata.type": "#microsoft.graph.teamworkUserIdentity",
                    "id": meeting.organizer_id,
                    "displayName": None,
                    "userIdentityType": "aadUser",
                    "tenantId": meeting.tenant_id,
                },
            },
        }

    # -- meeting chats: the app and its tab -----------------------------------------------------

    def chat_tabs(self, chat_id: str) -> list[dict]:
        """The tabs pinned to a chat (for tests)."""
        with self._lock:
            return [dict(tab) for tab in self._chat_tabs.get(chat_id, [])]

    def chat_apps(self, chat_id: str) -> set[str]:
        with self._lock:
            return set(self._chat_apps.get(chat_id, set()))

    def _meeting_chat(self, caller: Caller, chat_id: str) -> OnlineMeeting:
        """The meeting whose chat this is; a delegated caller must be one of its members."""
        for meeting in self.directory.meetings(caller.tenant_id):
            if meeting.thread_id == chat_id:
                if caller.user is not None and not _takes_part(caller.user, meeting):
                    break
                return meeting
        raise GraphError(404, "NotFound", f"Chat {chat_id} was not found.")

    @staticmethod
    def _bound_app(payload: Any) -> str:
        bind = payload.get("teamsApp@odata.bind") if isinstance(payload, dict) else None
        match = _APP_BIND.search(str(bind or ""))
        if match is None:
            raise GraphError(400, "BadRequest", "teamsApp@odata.bind must name an app of the app catalog.")
        return unquote(match.group("id"))

    def _chat_app(self, request: Request, caller: Caller, chat_id: str) -> Response:
        self._require(caller, _CHAT_APPS, _APP_CHAT_APPS, _CHAT_DENIED)
        self._meeting_chat(caller, chat_id)
        try:
            app_id = self._bound_app(request.json())
        except (ValueError, UnicodeDecodeError):
            raise GraphError(400, "BadRequest", "Invalid JSON.") from None
        with self._lock:
            installed = self._chat_apps.setdefault(chat_id, set())
            if app_id in installed:
                raise GraphError(409, "Conflict", "The app is already installed in this chat.")
            installed.add(app_id)
        return Response(201, b"", None, [("OData-Version", "4.0")])

    def _chat_tab(self, request: Request, caller: Caller, chat_id: str) -> Response:
        self._require(caller, _CHAT_TABS, _APP_CHAT_TABS, _CHAT_DENIED)
        self._meeting_chat(caller, chat_id)
        try:
            payload = request.json()
            app_id = self._bound_app(payload)
        except (ValueError, UnicodeDecodeError):
            raise GraphError(400, "BadRequest", "Invalid JSON.") from None
        configuration = payload.get("configuration") or {}
        if not isinstance(configuration, dict) or not str(configuration.get("contentUrl") or "").startswith(
            "https://"
        ):
            raise GraphError(400, "BadRequest", "configuration.contentUrl must be an https URL.")
        with self._lock:
            if app_id not in self._chat_apps.get(chat_id, set()):
                raise GraphError(
                    400, "BadRequest", "The app must be installed in the chat before its tab is added."
                )
            tab = {
                "id": str(uuid.uuid4()),
                "displayName": str(payload.get("displayName") or ""),
                "webUrl": f"https://teams.microsoft.com/l/entity/{app_id}/{uuid.uuid4()}",
                "configuration": {
                    "entityId": configuration.get("entityId"),
                    "contentUrl": configuration.get("contentUrl"),
                    "websiteUrl": configuration.get("websiteUrl"),
                    "removeUrl": configuration.get("removeUrl"),
                },
                "teamsAppId": app_id,
            }
            self._chat_tabs.setdefault(chat_id, []).append(tab)
        body = {"@odata.context": self._context(f"chats('{chat_id}')/tabs/$entity"), **tab}
        return self._json(201, body)

    # -- activity feed and mail ----------------------------------------------------------------

    def _send_activity_notification(self, request: Request, caller: Caller, owner: User, _tail) -> Response:
        if not caller.holds(_ACTIVITY_SEND, _APP_ACTIVITY_SEND):
            required = ", ".join(sorted(_ACTIVITY_SEND if caller.delegated else _APP_ACTIVITY_SEND))
            held = caller.scopes if caller.delegated else caller.roles
            raise GraphError(
                403,
                "Forbidden",
                f"Missing role permissions on the request. API requires one of '{required}'. "
                f"Roles on the request '{', '.join(sorted(held))}'.",
            )
        payload = _json_object(request)
        topic = payload.get("topic")
        if not isinstance(topic, dict) or topic.get("source") not in ("text", "entityUrl"):
            raise GraphError(400, "BadRequest", "topic with source 'text' or 'entityUrl' is required.")
        value = topic.get("value")
        if not isinstance(value, str) or not value.strip():
            raise GraphError(400, "BadRequest", "topic.value is required.")
        web_url = topic.get("webUrl")
        if topic["source"] == "text":
            if not isinstance(web_url, str) or not web_url.startswith("https://"):
                raise GraphError(400, "BadRequest", "topic.webUrl must be an https link.")
        elif not value.startswith(("https://graph.microsoft.com/", f"{self.url}/")):
            raise GraphError(400, "BadRequest", "topic.value must be a Graph URL.")
        activity_type = payload.get("activityType")
        if not isinstance(activity_type, str) or not activity_type:
            raise GraphError(400, "BadRequest", "activityType is required.")
        with self._lock:
            declared = self._teams_apps.get(caller.client_id)
        if declared is None or (activity_type not in declared and activity_type != "systemDefault"):
            raise GraphError(
                400, "BadRequest", f"Activity type '{activity_type}' is not declared in the app manifest."
            )
        preview = payload.get("previewText")
        if not isinstance(preview, dict) or not isinstance(preview.get("content"), str):
            raise GraphError(400, "BadRequest", "previewText with content is required.")
        if len(preview["content"]) > 150:
            raise GraphError(400, "BadRequest", "previewText.content must be at most 150 characters.")
        parameters = payload.get("templateParameters") or []
        if not isinstance(parameters, list) or not all(
            isinstance(p, dict) and isinstance(p.get("name"), str) and isinstance(p.get("value"), str)
            for p in parameters
        ):
            raise GraphError(400, "BadRequest", "templateParameters must be name/value pairs.")
        chain_id = payload.get("chainId")
        if chain_id is not None and (not isinstance(chain_id, int) or isinstance(chain_id, bool)):
            raise GraphError(400, "BadRequest", "chainId must be an Int64.")
        key = (owner.tenant_id, owner.object_id.lower(), caller.client_id)
        with self._lock:
            installed = key in self._installed
        if not installed:
            raise GraphError(
                404,
                "NotFound",
                f"The Teams app of the Microsoft Entra application '{caller.client_id}' is not installed "
                "for the recipient.",
            )
        entry = {
            "channel": "activity",
            "tenant_id": owner.tenant_id,
            "recipient": owner.object_id.lower(),
            "client_id": caller.client_id,
            "activity_type": activity_type,
            "topic": dict(topic),
            "preview": preview["content"],
            "template_parameters": {p["name"]: p["value"] for p in parameters},
            "chain_id": chain_id,
            "at": datetime.now(UTC),
        }
        with self._lock:
            if chain_id is not None:
                for earlier in self._notifications:
                    if (
                        earlier["channel"] == "activity"
                        and (earlier["tenant_id"], earlier["recipient"], earlier["client_id"]) == key
                        and earlier["chain_id"] == chain_id
                    ):
                        earlier["replaced"] = True
            self._notifications.append(entry)
        return Response(204)

    def _send_mail(self, request: Request, caller: Caller, owner: User, _tail) -> Response:
        self._require(caller, _MAIL_SEND, _MAIL_SEND, _OUTLOOK_DENIED)
        self._same_person(caller, owner, _OUTLOOK_DENIED)
        payload = _json_object(request)
        message = payload.get("message")
        if not isinstance(message, dict):
            raise GraphError(400, "ErrorInvalidRequest", "The message property is required.")
        recipients = message.get("toRecipients")
        addresses = [
            ((r or {}).get("emailAddress") or {}).get("address")
            for r in (recipients if isinstance(recipients, list) else [])
            if isinstance(r, dict)
        ]
        if not addresses or not all(isinstance(a, str) and _ADDRESS.fullmatch(a) for a in addresses):
            raise GraphError(
                400,
                "ErrorInvalidRecipients",
                "At least one recipient is not valid., Recipient is not resolved. All recipients must be "
                "resolved before a message can be submitted.",
            )
        body = message.get("body") or {}
        if not isinstance(body, dict) or str(body.get("contentType", "text")).lower() not in ("text", "html"):
            raise GraphError(400, "ErrorInvalidRequest", "body.contentType must be Text or HTML.")
        sender = owner.mail or owner.user_principal_name
        with self._lock:
            for address in addresses:
                self._notifications.append(
                    {
                        "channel": "mail",
                        "tenant_id": owner.tenant_id,
                        "recipient": address,
                        "sender": sender,
                        "client_id": caller.client_id,
                        "subject": str(message.get("subject") or ""),
                        "body": str(body.get("content") or ""),
                        "content_type": str(body.get("contentType", "text")).lower(),
                        "at": datetime.now(UTC),
                    }
                )
        return Response(202)

    # -- helpers -------------------------------------------------------------------------------

    @property
    def _helpers(self) -> _Helpers:
        return _HELPERS

    @staticmethod
    def _empty(status: int) -> Response:
        return Response(status)

    def _context(self, fragment: str) -> str:
        return f"{self.url}/v1.0/$metadata#{fragment}"

    @staticmethod
    def _json(status: int, body: dict) -> Response:
        return Response.json(status, body, [("OData-Version", "4.0")])

    def _page(
        self,
        request: Request,
        collection: str,
        items: list[dict],
        entity: str,
        default_size: int,
        max_size: int,
    ) -> Response:
        raw_top = request.arg("$top")
        size = default_size
        if raw_top is not None:
            try:
                size = int(raw_top)
            except ValueError:
                size = 0
            if not 1 <= size <= max_size:
                raise GraphError(
                    400,
                    "Request_BadRequest",
                    f"Invalid page size specified: '{raw_top}'. Must be between 1 and {max_size} inclusive.",
                )
        offset = 0
        token = request.arg("$skiptoken")
        if token is not None:
            with self._lock:
                remembered = self._pages.get(token)
            if remembered is None or remembered[0] != collection:
                raise GraphError(400, "Request_BadRequest", "Invalid or expired $skiptoken.")
            offset = remembered[1]
        page = items[offset : offset + size]
        body: dict[str, Any] = {"@odata.context": self._context(entity)}
        if offset + size < len(items):
            next_token = base64.urlsafe_b64encode(secrets.token_bytes(24)).decode().rstrip("=")
            with self._lock:
                self._pages[next_token] = (collection, offset + size)
            query = []
            if raw_top is not None:
                query.append(f"$top={size}")
            if request.arg("$select"):
                query.append(f"$select={quote(request.arg('$select') or '', safe=',')}")
            query.append(f"$skiptoken={next_token}")
            body["@odata.nextLink"] = f"{self.url}{request.path}?{'&'.join(query)}"
        body["value"] = page
        return self._json(200, body)


# -- module helpers ------------------------------------------------------------------------------


_KEYED = re.compile(r"^(?P<name>[A-Za-z]+)\('(?P<key>(?:[^']|'')*)'\)$")


def _segments(path: str) -> list[str]:
    """Path segments, with OData key syntax `onlineMeetings('id')` split into two segments."""
    result: list[str] = []
    for raw in path.strip("/").split("/"):
        segment = unquote(raw)
        match = _KEYED.match(segment)
        if match:
            result.extend([match.group("name"), match.group("key").replace("''", "'")])
        elif segment:
            result.append(segment)
    return result


def _route(tail: list[str]) -> tuple[str, tuple[str, ...]] | None:
    """(handler name, allowed methods) for the part of the path after /me or /users/{id}."""
    n = len(tail)
    if n == 0:
        return "user", ("GET",)
    if n == 1 and tail[0] == "manager":
        return "manager", ("GET",)
    if n == 1 and tail[0] == "directReports":
        return "direct_reports", ("GET",)
    if n == 2 and tail == ["teamwork", "sendActivityNotification"]:
        return "send_activity_notification", ("POST",)
    if n == 1 and tail[0] == "sendMail":
        return "send_mail", ("POST",)
    if n == 2 and tail[0] == "photo" and tail[1] == "$value":
        return "photo", ("GET",)
    if tail[0] == "events":  # the calendar: standins/m365_standins/calendar.py
        if n == 1:
            return "events", ("GET", "POST")
        if n == 2:
            return "event", ("GET", "PATCH", "DELETE")
        if n == 3 and tail[2] == "cancel":
            return "cancel_event", ("POST",)
        return None
    if tail[0] != "onlineMeetings":
        return None
    if n == 1:
        return "meetings", ("GET",)
    if n == 2:
        return "meeting", ("GET",)
    if tail[2] != "transcripts":
        return None
    if n == 3:
        return "transcripts", ("GET",)
    if n == 4:
        return "transcript", ("GET",)
    if n == 5 and tail[4] == "content":
        return "transcript_content", ("GET",)
    return None


def _json_object(request: Request) -> dict:
    try:
        payload = request.json()
    except (ValueError, UnicodeDecodeError):
        raise GraphError(
            400, "RequestBodyRead", "Invalid JSON. A token was not recognized in the JSON content."
        ) from None
    if not isinstance(payload, dict):
        raise GraphError(400, "RequestBodyRead", "The request body must be a JSON object.")
    return payload


_CLAUSE = re.compile(r'^\s*"(?P<prop>[A-Za-z]+):(?P<value>[^"]*)"\s*$')
_SEARCHABLE = {"displayname": "display_name", "mail": "mail", "userprincipalname": "user_principal_name"}


def _search_matcher(raw: str):
    """`"prop:words"` clauses joined by OR (or AND): a clause matches a user when each of its words
    is the start of a word of the property (an empty phrase matches nobody)."""
    parts = re.split(r"\s+(OR|AND)\s+", raw.strip())
    clauses, operators = parts[0::2], parts[1::2]
    if len(set(operators)) > 1:
        raise GraphError(400, "Request_UnsupportedQuery", "Mixing AND and OR in $search is not supported.")
    parsed = []
    for clause in clauses:
        match = _CLAUSE.match(clause)
        if match is None:
            raise GraphError(400, "Request_UnsupportedQuery", f"Syntax error in $search: '{clause}'.")
        attribute = _SEARCHABLE.get(match.group("prop").lower())
        if attribute is None:
            raise GraphError(
                400,
                "Request_UnsupportedQuery",
                f"Search is not supported on property '{match.group('prop')}'.",
            )
        parsed.append((attribute, search_tokens(match.group("value"))))

    def clause_matches(user: User, attribute: str, words: list[str]) -> bool:
        return words_match(words, getattr(user, attribute) or "")

    def matches(user: User) -> bool:
        results = [clause_matches(user, a, w) for a, w in parsed]
        return all(results) if operators and operators[0] == "AND" else any(results)

    return matches


def _select(request: Request) -> list[str] | None:
    raw = request.arg("$select")
    if raw is None:
        return None
    names = [name.strip() for name in raw.split(",") if name.strip()]
    return names or None


def _takes_part(user: User, meeting: OnlineMeeting) -> bool:
    return user.object_id == meeting.organizer_id or user.object_id in meeting.attendee_ids


def _iso(moment: datetime, *, fraction: bool = False) -> str:
    moment = moment.astimezone(UTC)
    if fraction:
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond:06d}0Z"
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(_WINDOWS_ZONES.get(name.strip().lower(), name.strip()))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise GraphError(
            400,
            "TimeZoneNotSupportedException",
            "A valid TimeZone value must be specified. "
            f"The following TimeZone value is not supported: '{name}'.",
        ) from None


def _event_time(value: Any, label: str) -> tuple[datetime, str]:
    """A dateTimeTimeZone as (aware datetime, time zone name)."""
    if not isinstance(value, dict) or not value.get("dateTime") or not value.get("timeZone"):
        raise GraphError(
            400,
            "ErrorInvalidRequest",
            f"Your request can't be completed. The {label} property with dateTime and timeZone is required.",
        )
    text = str(value["dateTime"])
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(\.\d+)?", text)
    if match is None:
        raise GraphError(
            400, "UnableToDeserializePostBody", f"Cannot convert the literal '{text}' to a DateTime."
        )
    fraction = (match.group(2) or ".0")[1:7].ljust(6, "0")
    zone = _zone(str(value["timeZone"]))
    moment = datetime.fromisoformat(f"{match.group(1)}.{fraction}").replace(tzinfo=zone)
    return moment, str(value["timeZone"])


def _preferred_zone(prefer: str | None) -> str:
    """The `Prefer: outlook.timezone="…"` zone of the response's start and end; UTC without it."""
    if prefer:
        match = re.search(r'outlook\.timezone\s*=\s*"([^"]+)"', prefer)
        if match:
            _zone(match.group(1))
            return match.group(1)
    return "UTC"


def _shown_time(moment: datetime, zone_name: str) -> dict:
    local = moment.astimezone(_zone(zone_name))
    return {
        "dateTime": local.strftime("%Y-%m-%dT%H:%M:%S.") + f"{local.microsecond:06d}0",
        "timeZone": zone_name,
    }


class _Helpers:
    """The module's helpers, for the calendar routes (`calendar.py`)."""

    error = GraphError
    event_time = staticmethod(_event_time)
    preferred_zone = staticmethod(_preferred_zone)
    shown_time = staticmethod(_shown_time)
    iso = staticmethod(_iso)


_HELPERS = _Helpers()
