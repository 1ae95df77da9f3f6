"""Idempotent creates: a retried request with the same Idempotency-Key gets the first response.

The key is claimed (committed) before the work, completed with the response after it, and released
if the work failed, so a retry after an error runs again while a retry after success never creates
twice. A claim left by a crashed process is taken over after `STALE_AFTER`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select

from ..domain.errors import Conflict, DomainError, InvalidInput
from ..storage import IdempotencyRecord
from .unit_of_work import UnitOfWork

STALE_AFTER = timedelta(minutes=2)
KEEP_FOR = timedelta(days=1)
_KEY = re.compile(r"^[\x21-\x7e]{1,128}$")


@dataclass(frozen=True)
class Replay:
    status_code: int
    response: dict


def claim(uow: UnitOfWork, *, person_id: int, key: str, fingerprint: str) -> Replay | None:
    if not _KEY.match(key):
        raise DomainError("idempotency_key_invalid", field="Idempotency-Key")
    with uow:
        record = uow.session.scalar(
            select(IdempotencyRecord).where(
                IdempotencyRecord.person_id == person_id, IdempotencyRecord.key == key
            )
        )
        now = uow.now()
        if record is not None and record.created_at + KEEP_FOR < now:
            uow.session.delete(record)
            uow.session.flush()
            record = None
        if record is None:
            uow.session.add(
                IdempotencyRecord(person_id=person_id, key=key, request_hash=fingerprint, created_at=now)
            )
            return None
        if record.request_hash != fingerprint:
            raise InvalidInput("idempotency_key_reused", field="Idempotency-Key")
        if record.status_code is None:
            if record.created_at + STALE_AFTER > now:
                raise Conflict("idempotency_in_progress")
            record.created_at = now
            return None
        return Replay(record.status_code, record.response or {})


def complete(uow: UnitOfWork, *, person_id: int, key: str, status: int, response: dict) -> None:
    with uow:
        record = uow.session.scalar(
            select(IdempotencyRecord).where(
                IdempotencyRecord.person_id == person_id, IdempotencyRecord.key == key
            )
        )
        if record is not None:
            record.status_code = status
            record.response = response


def release(uow: UnitOfWork, *, person_id: int, key: str) -> None:
    with uow:
        uow.session.execute(
            delete(IdempotencyRecord).where(
                IdempotencyRecord.person_id == person_id,
                IdempotencyRecord.key == key,
                IdempotencyRecord.status_code.is_(None),
            )
        )
