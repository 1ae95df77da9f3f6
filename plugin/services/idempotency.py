"""Idempotent writes: a request retried with the same Idempotency-Key gets the first response, and
its change is made once.

The key is stored in the same transaction as the change it answers for: a retry after success finds
the stored response, a retry after an error runs again, and nothing is held while the work runs. Two
copies of one request at once both run, but only one commits: the other's insert of the key fails on
the unique (person, key), its transaction is rolled back, and it answers with the first response."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.exc import IntegrityError

from ..domain.errors import Conflict, InvalidInput
from ..domain.retention import IDEMPOTENT_RESPONSES_KEEP
from ..storage import IdempotencyRecord
from ..storage.unit_of_work import UnitOfWork

KEEP_FOR = IDEMPOTENT_RESPONSES_KEEP  # the retention rule of stored answers (domain.retention)
KEY = re.compile(r"^[\x21-\x7e]{1,128}$")  # visible ASCII, as HTTP header tokens

Answer = tuple[Any, int]  # the response body and its status


@dataclass(frozen=True)
class Replay:
    response: Any
    status_code: int


def check_key(key: str) -> None:
    if not KEY.match(key):
        raise InvalidInput("idempotency_key_invalid", field="Idempotency-Key")


def run_once(
    uow: UnitOfWork, *, person_id: int, key: str, fingerprint: str, work: Callable[[], Answer]
) -> Answer | Replay:
    """Run `work` (a use case and the rendering of its answer) in one transaction with its key,
    unless the key was used before: then the first answer (or 422 for another request's key)."""
    check_key(key)
    with uow:
        replay = _replay(uow, person_id, key, fingerprint)
    if replay is not None:
        return replay
    try:
        with uow:
            body, status = work()  # the use case's own `with uow:` joins this transaction
            now = uow.now()
            uow.session.execute(  # an expired key, or a claim left by an older version of the app
                delete(IdempotencyRecord).where(
                    IdempotencyRecord.person_id == person_id,
                    IdempotencyRecord.key == key,
                    or_(
                        IdempotencyRecord.created_at < now - KEEP_FOR, IdempotencyRecord.status_code.is_(None)
                    ),
                )
            )
            uow.session.add(
                IdempotencyRecord(
                    person_id=person_id,
                    key=key,
                    request_hash=fingerprint,
                    status_code=status,
                    response=body,
                    created_at=now,
                )
            )
            uow.session.flush()
    except IntegrityError as err:  # the same request committed first: answer as it was answered
        with uow:
            replay = _replay(uow, person_id, key, fingerprint)
        if replay is None:
            raise Conflict() from err
        return replay
    return body, status


def _replay(uow: UnitOfWork, person_id: int, key: str, fingerprint: str) -> Replay | None:
    record = uow.session.scalar(
        select(IdempotencyRecord).where(
            IdempotencyRecord.person_id == person_id, IdempotencyRecord.key == key
        )
    )
    if record is None or record.status_code is None or record.created_at + KEEP_FOR < uow.now():
        return None
    if record.request_hash != fingerprint:
        raise InvalidInput("idempotency_key_reused", field="Idempotency-Key")
    return Replay(record.response, record.status_code)
