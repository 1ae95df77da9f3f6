"""Per-person MSAL token caches, encrypted at rest, in the database or in Redis.

Each person's cache is loaded before and saved after each token call, so several worker processes
share it and one person's Graph token can never be used for another person."""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from typing import Protocol

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from redis.exceptions import RedisError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.records import TokenCacheEntry
from ..storage.sql import upsert
from ..storage.types import utcnow

log = logging.getLogger(__name__)


def fernet_from_secret(secret_key: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"mus-token-cache", info=b"msal").derive(
        secret_key.encode()
    )
    return Fernet(base64.urlsafe_b64encode(key))


class TokenCacheStore(Protocol):
    def load(self, tenant_id: str, object_id: str) -> str | None: ...
    def save(self, tenant_id: str, object_id: str, serialized: str) -> None: ...


class DatabaseTokenCacheStore:
    def __init__(self, sessions: Callable[[], Session], fernet: Fernet) -> None:
        self._sessions = sessions
        self._fernet = fernet

    def load(self, tenant_id: str, object_id: str) -> str | None:
        with self._sessions() as session:
            blob = session.scalar(
                select(TokenCacheEntry.blob).where(
                    TokenCacheEntry.tenant_id == tenant_id, TokenCacheEntry.object_id == object_id
                )
            )
        return _decrypt(self._fernet, blob)

    def save(self, tenant_id: str, object_id: str, serialized: str) -> None:
        blob = self._fernet.encrypt(serialized.encode()).decode()
        # One upsert: parallel first calls for one person (a tab's requests at start) both insert.
        with self._sessions() as session, session.begin():
            upsert(
                session,
                TokenCacheEntry,
                ["tenant_id", "object_id"],
                ["blob", "updated_at"],
                tenant_id=tenant_id,
                object_id=object_id,
                blob=blob,
                updated_at=utcnow(),
            )


class RedisTokenCacheStore:
    def __init__(self, client, fernet: Fernet, *, prefix: str = "mus:", ttl_seconds: int = 90 * 24 * 3600):
        self._redis = client
        self._fernet = fernet
        self._prefix = prefix
        self._ttl = ttl_seconds

    def _key(self, tenant_id: str, object_id: str) -> str:
        return f"{self._prefix}tokencache:{tenant_id}:{object_id}"

    # Redis down is a cache miss, never an error: the on-behalf-of exchange then asks the authority
    # again (as it does for a new person), and Microsoft 365 features degrade only if that fails too.
    def load(self, tenant_id: str, object_id: str) -> str | None:
        try:
            blob = self._redis.get(self._key(tenant_id, object_id))
        except RedisError as exc:
            log.warning("token cache not read (Redis unavailable): %s", exc.__class__.__name__)
            return None
        return _decrypt(self._fernet, blob.decode() if isinstance(blob, bytes) else blob)

    def save(self, tenant_id: str, object_id: str, serialized: str) -> None:
        blob = self._fernet.encrypt(serialized.encode())
        try:
            self._redis.set(self._key(tenant_id, object_id), blob, ex=self._ttl)
        except RedisError as exc:
            log.warning("token cache not saved (Redis unavailable): %s", exc.__class__.__name__)

    def forget(self, tenant_id: str, object_id: str) -> None:
        self._redis.delete(self._key(tenant_id, object_id))


def _decrypt(fernet: Fernet, blob: str | None) -> str | None:
    if not blob:
        return None
    try:
        return fernet.decrypt(blob.encode()).decode()
    except InvalidToken:  # the secret key changed: start with an empty cache
        return None
