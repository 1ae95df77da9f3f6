"""Encryption at rest of conversation content: column types that seal on the way in and open on the
way out, under a process-level keyring of Fernet keys (AES-128-CBC + HMAC-SHA256, `cryptography`).

A sealed value is stored as `mus1:` + a Fernet token (text columns) or the same bytes (binary
columns); a value without the prefix is legacy plaintext, still read as it is (the migration that
introduced sealing encrypts every such row; `mus keys reencrypt` does it again for any left). Empty
text and bytes stay empty: an empty note says nothing, and `column != ""` keeps working in queries.

Keys come from `MUS_DATA_KEYS` (comma-separated; the first seals new values, all of them open old
ones), configured once per process by `create_app` via `configure`. Queries must never filter,
order or group on a sealed column (each sealing is randomised): compare with "" or NULL only."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import LargeBinary, MetaData, Text, TypeDecorator, and_, column, select, table, update
from sqlalchemy.engine import Connection

PREFIX = "mus1:"
PREFIX_BYTES = PREFIX.encode()


class DataKeyError(ValueError):
    """A key in MUS_DATA_KEYS is not a Fernet key (32 url-safe base64-encoded bytes)."""


class SealedValueError(RuntimeError):
    """A sealed value that none of the configured keys opens (a key was dropped too early)."""


def generate_key() -> str:
    return Fernet.generate_key().decode("ascii")


def key_from_secret(secret_key: str) -> str:
    """A data key derived from the app's secret: for demo mode and tests only (production sets
    MUS_DATA_KEYS, so that the secret of the cookies and the key of the data rotate apart)."""
    raw = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"mus-data-at-rest", info=b"fernet").derive(
        secret_key.encode()
    )
    return base64.urlsafe_b64encode(raw).decode("ascii")


def parse_keys(value: str | Sequence[str]) -> tuple[str, ...]:
    """The keys of a comma-separated MUS_DATA_KEYS, each checked to be a Fernet key."""
    keys = value.split(",") if isinstance(value, str) else list(value)
    keys = [k.strip() for k in keys if k.strip()]
    for index, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except (ValueError, TypeError) as exc:
            raise DataKeyError(
                f"MUS_DATA_KEYS: key {index} is not a Fernet key (32 url-safe base64 bytes; "
                "make one with `mus keys generate`)"
            ) from exc
    return tuple(keys)


class Keyring:
    """The current key (first) seals; every key opens."""

    def __init__(self, keys: Sequence[str]) -> None:
        if not keys:
            raise DataKeyError("MUS_DATA_KEYS holds no key")
        fernets = [Fernet(k) for k in keys]
        self._current = fernets[0]
        self._all = MultiFernet(fernets)

    def seal(self, data: bytes) -> bytes:
        return self._current.encrypt(data)

    def open(self, token: bytes) -> bytes:
        try:
            return self._all.decrypt(token)
        except InvalidToken:
            raise SealedValueError("a sealed value opens with none of the keys in MUS_DATA_KEYS") from None

    def is_current(self, token: bytes) -> bool:
        try:
            self._current.decrypt(token)
        except InvalidToken:
            return False
        return True


_keyring: Keyring | None = None


def configure(keys: Sequence[str]) -> Keyring:
    """Set the process's keyring (create_app does, from the settings)."""
    global _keyring
    _keyring = Keyring(keys)
    return _keyring


def keyring() -> Keyring:
    if _keyring is None:
        raise SealedValueError("no data keys configured (create_app configures them from MUS_DATA_KEYS)")
    return _keyring


# The stored forms, shared by the column types, the migration and the re-encryption.


def seal_text(plain: str) -> str:
    return PREFIX + keyring().seal(plain.encode("utf-8")).decode("ascii")


def open_text(stored: str) -> str:
    if not stored.startswith(PREFIX):
        return stored  # legacy plaintext
    return keyring().open(stored[len(PREFIX) :].encode("ascii")).decode("utf-8")


def seal_bytes(plain: bytes) -> bytes:
    return PREFIX_BYTES + keyring().seal(plain)


def open_bytes(stored: bytes) -> bytes:
    stored = bytes(stored)
    if not stored.startswith(PREFIX_BYTES):
        return stored
    return keyring().open(stored[len(PREFIX_BYTES) :])


class SealedText(TypeDecorator):
    """A text sealed at rest (empty text stays empty)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect) -> str | None:
        if value is None or value == "":
            return value
        return seal_text(value)

    def process_result_value(self, value: str | None, dialect) -> str | None:
        return value if not value else open_text(value)


class SealedJSON(TypeDecorator):
    """A JSON value sealed at rest (None is SQL NULL)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect) -> str | None:
        if value is None:
            return None
        return seal_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")))

    def process_result_value(self, value: str | None, dialect) -> Any:
        if value is None:
            return None
        return json.loads(open_text(value))


class SealedBytes(TypeDecorator):
    """Binary content (a CRDT document) sealed at rest (empty bytes stay empty)."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: bytes | None, dialect) -> bytes | None:
        if value is None or value == b"":
            return value
        return seal_bytes(bytes(value))

    def process_result_value(self, value: bytes | None, dialect) -> bytes | None:
        return value if value is None else open_bytes(value)


SEALED_TYPES = (SealedText, SealedJSON, SealedBytes)


@dataclass(frozen=True)
class SealedColumn:
    table: str
    key: str  # the single-column primary key
    column: str
    binary: bool


def sealed_columns(metadata: MetaData) -> list[SealedColumn]:
    """Every sealed column of the models, in a stable order."""
    found = []
    for tbl in metadata.sorted_tables:
        columns = [col for col in tbl.columns if isinstance(col.type, SEALED_TYPES)]
        if not columns:
            continue
        keys = list(tbl.primary_key.columns)
        if len(keys) != 1:
            raise ValueError(f"{tbl.name}: a table with sealed columns needs a single-column primary key")
        for col in columns:
            found.append(SealedColumn(tbl.name, keys[0].name, col.name, isinstance(col.type, SealedBytes)))
    return found


def _raw(target: SealedColumn):
    """The column as stored (no sealing on the way), with its table's primary key."""
    stored = column(target.column, LargeBinary if target.binary else Text)
    raw = table(target.table, column(target.key), stored)
    return raw, raw.c[target.key], raw.c[target.column]


def _raw_batches(conn: Connection, target: SealedColumn, batch: int) -> Iterator[list[tuple[Any, Any]]]:
    _, key, value = _raw(target)
    after = None
    while True:
        query = select(key, value).where(value.is_not(None)).order_by(key).limit(batch)
        if after is not None:
            query = query.where(key > after)
        rows = conn.execute(query).all()
        if not rows:
            return
        yield [(row[0], row[1]) for row in rows]
        after = rows[-1][0]


def reseal(conn: Connection, target: SealedColumn, *, batch: int = 500, commit=None) -> int:
    """Rewrite every value of one column that is plaintext or sealed under an older key under the
    current key; values already under the current key are left alone (so it can run again). Each
    row is only rewritten if it still holds what was read (a concurrent write wins). Returns the
    number of values rewritten; `commit` is called after each batch."""
    ring = keyring()
    raw, key, value = _raw(target)
    count = 0
    for rows in _raw_batches(conn, target, batch):
        for pk, stored in rows:
            new = _resealed(ring, stored, target.binary)
            if new is None:
                continue
            done = conn.execute(
                update(raw).where(and_(key == pk, value == stored)).values({target.column: new})
            )
            count += done.rowcount
        if commit is not None:
            commit()
    return count


def _resealed(ring: Keyring, stored: Any, binary: bool) -> Any:
    if binary:
        data = bytes(stored)
        if not data:
            return None
        if data.startswith(PREFIX_BYTES):
            token = data[len(PREFIX_BYTES) :]
            return None if ring.is_current(token) else PREFIX_BYTES + ring.seal(ring.open(token))
        return PREFIX_BYTES + ring.seal(data)
    if not stored:
        return None
    if stored.startswith(PREFIX):
        token = stored[len(PREFIX) :].encode("ascii")
        return None if ring.is_current(token) else PREFIX + ring.seal(ring.open(token)).decode("ascii")
    return PREFIX + ring.seal(stored.encode("utf-8")).decode("ascii")


def unseal(conn: Connection, target: SealedColumn, *, batch: int = 500) -> int:
    """Write every sealed value of one column back as plaintext (the migration's downgrade)."""
    raw, key, _ = _raw(target)
    count = 0
    for rows in _raw_batches(conn, target, batch):
        for pk, stored in rows:
            opened = open_bytes(stored) if target.binary else open_text(stored)
            if opened != (bytes(stored) if target.binary else stored):
                conn.execute(update(raw).where(key == pk).values({target.column: opened}))
                count += 1
    return count
