"""Sign-ins outside Teams: server-side sessions behind an opaque cookie."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete

from ..storage import BrowserSession
from ..storage.unit_of_work import UnitOfWork

LIFETIME = timedelta(hours=12)
COOKIE = "mus_session"


@dataclass(frozen=True)
class SessionView:
    tenant_id: str
    object_id: str
    token_cache: str


def _key(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def csrf_token(secret_key: str, secret: str | None) -> str | None:
    """The proof a cookie-authenticated change must carry (a synchronizer token): bound to this
    browser session, derived with the app's secret key, so a page of another site cannot know it
    even though the SameSite=None cookie travels with its requests."""
    if not secret:
        return None
    return hmac.new(secret_key.encode(), b"csrf:" + _key(secret).encode(), hashlib.sha256).hexdigest()


def csrf_valid(secret_key: str, secret: str | None, token: str | None) -> bool:
    expected = csrf_token(secret_key, secret)
    return bool(expected and token) and hmac.compare_digest(expected, token or "")


def do_start(uow: UnitOfWork, *, tenant_id: str, object_id: str, token_cache: str) -> str:
    """A new session; returns the cookie secret (only its hash is stored)."""
    secret = secrets.token_urlsafe(32)
    with uow:
        uow.session.add(
            BrowserSession(
                id=_key(secret),
                tenant_id=tenant_id,
                object_id=object_id,
                token_cache=token_cache,
                created_at=uow.now(),
                expires_at=uow.now() + LIFETIME,
            )
        )
    return secret


def find(uow: UnitOfWork, secret: str | None) -> SessionView | None:
    if not secret:
        return None
    with uow:
        row = uow.session.get(BrowserSession, _key(secret))
        if row is None or row.expires_at <= uow.now():
            return None
        return SessionView(row.tenant_id, row.object_id, row.token_cache)


def do_update_cache(uow: UnitOfWork, secret: str, token_cache: str) -> None:
    with uow:
        row = uow.session.get(BrowserSession, _key(secret))
        if row is not None:
            row.token_cache = token_cache


def do_end(uow: UnitOfWork, secret: str | None) -> None:
    if not secret:
        return
    with uow:
        uow.session.execute(delete(BrowserSession).where(BrowserSession.id == _key(secret)))


def do_purge_expired(uow: UnitOfWork) -> int:
    with uow:
        result = uow.session.execute(delete(BrowserSession).where(BrowserSession.expires_at <= uow.now()))
        return result.rowcount or 0
