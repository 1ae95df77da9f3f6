"""The in-memory directory behind the Entra ID and Microsoft Graph stand-ins.

It holds what both services need to agree on: tenants, users (with their manager), registered client
applications (secret, app id URI, redirect URIs), delegated consent per (tenant, user, client),
tenant-wide admin consent and application permissions per (tenant, client), Teams online meetings
with their transcripts, and the calendar events that Graph created (kept for assertions).

Every method takes the one lock, and reads hand out copies, so tests may change the directory while
the servers are answering requests."""

from __future__ import annotations

import re
import threading
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

# Microsoft Graph's well-known application id; Entra accepts it as a resource identifier too.
GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000"

# OpenID Connect scopes: part of every sign-in, never stored as Graph consent.
OIDC_SCOPES = frozenset({"openid", "profile", "email", "offline_access"})

# Delegated Microsoft Graph permissions the stand-in knows, in Microsoft's spelling. Scope names are
# case-insensitive on the wire; `canonical_scope` maps them back to this spelling.
GRAPH_DELEGATED_SCOPES = (
    "User.Read",
    "User.ReadWrite",
    "User.ReadBasic.All",
    "User.Read.All",
    "User.ReadWrite.All",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
    "Directory.AccessAsUser.All",
    "Calendars.Read",
    "Calendars.ReadWrite",
    "OnlineMeetings.Read",
    "OnlineMeetings.ReadWrite",
    "OnlineMeetingTranscript.Read.All",
    "OnlineMeetingArtifact.Read.All",
    "Mail.Read",
    "Mail.Send",
    # The app and its tab in a meeting chat (POST /chats/{id}/installedApps, /chats/{id}/tabs).
    "TeamsAppInstallation.ReadWriteSelfForChat",
    "TeamsAppInstallation.ReadWriteForChat",
    "TeamsTab.Create",
    "TeamsTab.ReadWriteForChat",
)
# Delegated permissions that only an administrator can consent to (Microsoft's permissions reference).
ADMIN_CONSENT_SCOPES = frozenset(
    {
        "User.Read.All",
        "User.ReadWrite.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
        "Directory.AccessAsUser.All",
        "OnlineMeetingTranscript.Read.All",
        "OnlineMeetingArtifact.Read.All",
        "TeamsAppInstallation.ReadWriteForChat",
        "TeamsTab.Create",
        "TeamsTab.ReadWriteForChat",
    }
)
# Application permissions (app roles) of Microsoft Graph the stand-in knows.
GRAPH_APPLICATION_ROLES = (
    "User.Read.All",
    "User.ReadWrite.All",
    "Directory.Read.All",
    "Calendars.Read",
    "Calendars.ReadWrite",
    "OnlineMeetings.Read.All",
    "OnlineMeetings.ReadWrite.All",
    "OnlineMeetingTranscript.Read.All",
)

_CANONICAL = {name.lower(): name for name in (*GRAPH_DELEGATED_SCOPES, *GRAPH_APPLICATION_ROLES)}


def canonical_scope(name: str) -> str | None:
    """Microsoft's spelling of a Graph permission, or None when the stand-in does not know it."""
    return _CANONICAL.get(name.lower())


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Tenant:
    id: str
    display_name: str
    domain: str


@dataclass(frozen=True)
class User:
    tenant_id: str
    object_id: str
    display_name: str
    user_principal_name: str
    mail: str | None = None
    given_name: str | None = None
    surname: str | None = None
    preferred_language: str | None = None
    job_title: str | None = None
    department: str | None = None
    office_location: str | None = None
    mobile_phone: str | None = None
    manager_id: str | None = None
    # Behaviour switches for tests and the demo:
    mfa_required: bool = False  # Conditional Access asks for MFA (OBO answers interaction_required)
    refuses_consent: bool = False  # at the consent prompt this person clicks "Cancel"
    is_admin: bool = False  # may consent to admin-only permissions for themselves
    app_roles: tuple[str, ...] = ()  # roles of this user in the app (the `roles` claim of SSO tokens)


@dataclass(frozen=True)
class ClientApp:
    client_id: str
    display_name: str
    secret: str | None = None  # None: a public client
    app_id_uri: str | None = None
    redirect_uris: tuple[str, ...] = ()
    home_tenant: str | None = None

    @property
    def is_confidential(self) -> bool:
        return self.secret is not None


@dataclass(frozen=True)
class OnlineMeeting:
    tenant_id: str
    id: str
    join_web_url: str
    subject: str
    organizer_id: str
    attendee_ids: tuple[str, ...]
    start: datetime
    end: datetime
    created: datetime
    thread_id: str


@dataclass(frozen=True)
class Transcript:
    id: str
    meeting_id: str
    created: datetime
    ended: datetime
    content: str  # WebVTT
    call_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    content_correlation_id: str = field(default_factory=lambda: str(uuid.uuid4()))


def search_tokens(text: str) -> list[str]:
    """Graph's tokenising of a searched property: words split at spaces, symbols and case changes
    ("JonasNielsen" and "jonas.nielsen@x" both give "jonas", "nielsen"), compared without accents."""
    spaced = re.sub(r"(?<=[a-zæøå])(?=[A-ZÆØÅ])", " ", text)
    folded = unicodedata.normalize("NFKD", spaced.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return [t for t in re.split(r"[\W_]+", plain) if t]


def words_match(words: list[str], value: str) -> bool:
    """Each searched word is the start of a word of the value (an empty search matches nothing)."""
    have = search_tokens(value)
    return bool(words) and all(any(t.startswith(w) for t in have) for w in words)


def _lower(value: str) -> str:
    return value.strip().lower()


class DirectoryError(KeyError):
    pass


class Directory:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._tenants: dict[str, Tenant] = {}
        self._users: dict[tuple[str, str], User] = {}
        self._clients: dict[str, ClientApp] = {}
        self._consent: dict[tuple[str, str, str], set[str]] = {}
        self._admin_consent: dict[tuple[str, str], set[str]] = {}
        self._app_roles: dict[tuple[str, str], set[str]] = {}
        self._meetings: dict[str, OnlineMeeting] = {}
        self._transcripts: dict[str, list[Transcript]] = {}
        self._events: list[dict] = []
        self._photos: dict[tuple[str, str], tuple[bytes, str]] = {}
        self._next_sign_in: tuple[str, str] | None = None

    # -- tenants and users -------------------------------------------------------------------

    def add_tenant(self, tenant_id: str, display_name: str = "", domain: str | None = None) -> Tenant:
        tenant = Tenant(_lower(tenant_id), display_name or tenant_id, domain or f"{tenant_id[:8]}.example")
        with self._lock:
            self._tenants[tenant.id] = tenant
        return tenant

    def tenant(self, tenant_id: str) -> Tenant | None:
        with self._lock:
            return self._tenants.get(_lower(tenant_id))

    def tenants(self) -> list[Tenant]:
        with self._lock:
            return list(self._tenants.values())

    def add_user(
        self,
        tenant_id: str,
        object_id: str,
        display_name: str,
        user_principal_name: str,
        **attributes,
    ) -> User:
        tenant_id = _lower(tenant_id)
        with self._lock:
            if tenant_id not in self._tenants:
                self.add_tenant(tenant_id)
            if attributes.get("manager_id"):
                attributes["manager_id"] = _lower(attributes["manager_id"])
            if "mail" not in attributes:
                attributes["mail"] = user_principal_name
            user = User(tenant_id, _lower(object_id), display_name, user_principal_name, **attributes)
            self._users[(tenant_id, user.object_id)] = user
            return user

    def update_user(self, tenant_id: str, object_id: str, **changes) -> User:
        with self._lock:
            user = self.user(tenant_id, object_id)
            if user is None:
                raise DirectoryError(object_id)
            if changes.get("manager_id"):
                changes["manager_id"] = _lower(changes["manager_id"])
            updated = replace(user, **changes)
            self._users[(updated.tenant_id, updated.object_id)] = updated
            return updated

    def user(self, tenant_id: str, object_id: str) -> User | None:
        with self._lock:
            return self._users.get((_lower(tenant_id), _lower(object_id)))

    def find_user(self, key: str, tenant_id: str | None = None) -> User | None:
        """A user by object id or user principal name (case-insensitive), optionally in one tenant."""
        key = _lower(key)
        with self._lock:
            for user in self._users.values():
                if tenant_id is not None and user.tenant_id != _lower(tenant_id):
                    continue
                if key in (user.object_id, user.user_principal_name.lower()):
                    return user
            return None

    def users(self, tenant_id: str) -> list[User]:
        with self._lock:
            return [u for u in self._users.values() if u.tenant_id == _lower(tenant_id)]

    def manager_of(self, tenant_id: str, object_id: str) -> User | None:
        with self._lock:
            user = self.user(tenant_id, object_id)
            return self.user(tenant_id, user.manager_id) if user and user.manager_id else None

    def direct_reports(self, tenant_id: str, object_id: str) -> list[User]:
        object_id = _lower(object_id)
        return [u for u in self.users(tenant_id) if u.manager_id == object_id]

    def search(self, tenant_id: str, text: str) -> list[User]:
        """Users whose display name or e-mail address has words starting with each word of `text`."""
        words = search_tokens(text)
        return sorted(
            (
                u
                for u in self.users(tenant_id)
                if words_match(words, u.display_name) or words_match(words, u.mail or u.user_principal_name)
            ),
            key=lambda u: u.display_name.lower(),
        )

    def remove_user(self, tenant_id: str, object_id: str) -> None:
        """The person left the organisation: Graph answers 404 for them from now on."""
        with self._lock:
            self._users.pop((_lower(tenant_id), _lower(object_id)), None)
            self._photos.pop((_lower(tenant_id), _lower(object_id)), None)

    # -- profile photos ------------------------------------------------------------------------

    def set_photo(self, tenant_id: str, object_id: str, content: bytes, content_type: str) -> None:
        with self._lock:
            self._photos[(_lower(tenant_id), _lower(object_id))] = (bytes(content), content_type)

    def photo(self, tenant_id: str, object_id: str) -> tuple[bytes, str] | None:
        with self._lock:
            return self._photos.get((_lower(tenant_id), _lower(object_id)))

    # -- sign-in -----------------------------------------------------------------------------

    @property
    def next_sign_in(self) -> User | None:
        """Who signs in at /authorize when the request carries no login_hint."""
        with self._lock:
            return self.user(*self._next_sign_in) if self._next_sign_in else None

    @next_sign_in.setter
    def next_sign_in(self, user: User | None) -> None:
        with self._lock:
            self._next_sign_in = (user.tenant_id, user.object_id) if user else None

    # -- applications and consent ------------------------------------------------------------

    def register_client(
        self,
        client_id: str,
        *,
        secret: str | None = None,
        display_name: str | None = None,
        app_id_uri: str | None = None,
        redirect_uris: Iterable[str] = (),
        home_tenant: str | None = None,
    ) -> ClientApp:
        app = ClientApp(
            client_id=_lower(client_id),
            display_name=display_name or f"App {client_id[:8]}",
            secret=secret,
            app_id_uri=app_id_uri,
            redirect_uris=tuple(redirect_uris),
            home_tenant=_lower(home_tenant) if home_tenant else None,
        )
        with self._lock:
            self._clients[app.client_id] = app
        return app

    def add_redirect_uri(self, client_id: str, uri: str) -> ClientApp:
        with self._lock:
            app = self._clients[_lower(client_id)]
            if uri not in app.redirect_uris:
                app = replace(app, redirect_uris=(*app.redirect_uris, uri))
                self._clients[app.client_id] = app
            return app

    def client(self, client_id: str) -> ClientApp | None:
        with self._lock:
            return self._clients.get(_lower(client_id))

    def client_by_app_id_uri(self, uri: str) -> ClientApp | None:
        with self._lock:
            for app in self._clients.values():
                if app.app_id_uri and app.app_id_uri.rstrip("/").lower() == uri.rstrip("/").lower():
                    return app
            return None

    @staticmethod
    def _scopes(scopes: str | Iterable[str]) -> set[str]:
        names = scopes.split() if isinstance(scopes, str) else list(scopes)
        return {canonical_scope(name) or name for name in names if name.lower() not in OIDC_SCOPES}

    def grant(self, tenant_id: str, object_id: str, client_id: str, scopes: str | Iterable[str]) -> None:
        """The user consents to delegated Graph permissions for the client (added to earlier ones)."""
        key = (_lower(tenant_id), _lower(object_id), _lower(client_id))
        with self._lock:
            self._consent.setdefault(key, set()).update(self._scopes(scopes))

    def revoke(
        self, tenant_id: str, object_id: str, client_id: str, scopes: str | Iterable[str] | None = None
    ) -> None:
        """Withdraw some (or, without `scopes`, all) of the user's consent for the client."""
        key = (_lower(tenant_id), _lower(object_id), _lower(client_id))
        with self._lock:
            if scopes is None:
                self._consent.pop(key, None)
            else:
                self._consent.get(key, set()).difference_update(self._scopes(scopes))

    def grant_admin_consent(self, tenant_id: str, client_id: str, scopes: str | Iterable[str]) -> None:
        """An administrator consents on behalf of everyone in the tenant."""
        with self._lock:
            self._admin_consent.setdefault((_lower(tenant_id), _lower(client_id)), set()).update(
                self._scopes(scopes)
            )

    def revoke_admin_consent(self, tenant_id: str, client_id: str) -> None:
        with self._lock:
            self._admin_consent.pop((_lower(tenant_id), _lower(client_id)), None)

    def granted(self, tenant_id: str, object_id: str, client_id: str) -> frozenset[str]:
        """Delegated permissions the client holds for this user: the user's own plus the admin's."""
        with self._lock:
            own = self._consent.get((_lower(tenant_id), _lower(object_id), _lower(client_id)), set())
            admin = self._admin_consent.get((_lower(tenant_id), _lower(client_id)), set())
            return frozenset(own | admin)

    def grant_app_roles(self, tenant_id: str, client_id: str, roles: str | Iterable[str]) -> None:
        """Admin-granted application permissions (the `roles` of client-credentials tokens)."""
        names = roles.split() if isinstance(roles, str) else list(roles)
        with self._lock:
            self._app_roles.setdefault((_lower(tenant_id), _lower(client_id)), set()).update(
                canonical_scope(n) or n for n in names
            )

    def revoke_app_roles(self, tenant_id: str, client_id: str, roles: str | Iterable[str]) -> None:
        names = {canonical_scope(n) or n for n in (roles.split() if isinstance(roles, str) else roles)}
        with self._lock:
            self._app_roles.get((_lower(tenant_id), _lower(client_id)), set()).difference_update(names)

    def app_roles(self, tenant_id: str, client_id: str) -> frozenset[str]:
        with self._lock:
            return frozenset(self._app_roles.get((_lower(tenant_id), _lower(client_id)), set()))

    # -- Teams meetings, transcripts, calendar events ----------------------------------------

    def add_meeting(
        self,
        tenant_id: str,
        organizer_id: str,
        subject: str,
        *,
        attendee_ids: Iterable[str] = (),
        start: datetime | None = None,
        end: datetime | None = None,
        meeting_id: str | None = None,
        join_web_url: str | None = None,
    ) -> OnlineMeeting:
        tenant_id, organizer_id = _lower(tenant_id), _lower(organizer_id)
        start = start or (_now() + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
        end = end or start + timedelta(hours=1)
        thread = f"19:meeting_{uuid.uuid4().hex}@thread.v2"
        if join_web_url is None:
            context = f"%7b%22Tid%22%3a%22{tenant_id}%22%2c%22Oid%22%3a%22{organizer_id}%22%7d"
            join_web_url = (
                f"https://teams.microsoft.com/l/meetup-join/{thread.replace(':', '%3a').replace('@', '%40')}"
                f"/0?context={context}"
            )
        meeting = OnlineMeeting(
            tenant_id=tenant_id,
            id=meeting_id or f"MSp{uuid.uuid4().hex}",
            join_web_url=join_web_url,
            subject=subject,
            organizer_id=organizer_id,
            attendee_ids=tuple(_lower(a) for a in attendee_ids),
            start=start,
            end=end,
            created=_now(),
            thread_id=thread,
        )
        with self._lock:
            self._meetings[meeting.id] = meeting
            self._transcripts.setdefault(meeting.id, [])
        return meeting

    def meeting(self, meeting_id: str) -> OnlineMeeting | None:
        with self._lock:
            return self._meetings.get(meeting_id)

    def meetings(self, tenant_id: str | None = None) -> list[OnlineMeeting]:
        with self._lock:
            return [
                m for m in self._meetings.values() if tenant_id is None or m.tenant_id == _lower(tenant_id)
            ]

    def add_transcript(
        self,
        meeting_id: str,
        content: str,
        *,
        created: datetime | None = None,
        transcript_id: str | None = None,
    ) -> Transcript:
        with self._lock:
            meeting = self._meetings[meeting_id]
            created = created or meeting.end
            transcript = Transcript(
                id=transcript_id or f"MSMj{uuid.uuid4().hex}",
                meeting_id=meeting_id,
                created=created,
                ended=created + (meeting.end - meeting.start),
                content=content,
            )
            self._transcripts[meeting_id].append(transcript)
            return transcript

    def transcripts(self, meeting_id: str) -> list[Transcript]:
        with self._lock:
            return list(self._transcripts.get(meeting_id, []))

    def record_event(self, tenant_id: str, object_id: str, event: dict) -> None:
        with self._lock:
            self._events.append({"tenant_id": _lower(tenant_id), "owner_id": _lower(object_id), **event})

    def events(self, object_id: str | None = None) -> list[dict]:
        with self._lock:
            return [dict(e) for e in self._events if object_id is None or e["owner_id"] == _lower(object_id)]

    def change_event(self, object_id: str, event_id: str, changes: dict) -> dict:
        with self._lock:
            for event in self._events:
                if event["owner_id"] == _lower(object_id) and event["id"] == event_id:
                    event.update(changes)
                    return dict(event)
        raise DirectoryError(event_id)

    def remove_event(self, object_id: str, event_id: str) -> None:
        with self._lock:
            self._events = [
                e for e in self._events if not (e["owner_id"] == _lower(object_id) and e["id"] == event_id)
            ]
