"""Co-editing without loss: a change to a co-edited record carries the version and the values it
started from (`base`) and only the fields it changes. When the record has changed since, the change
is merged field by field with what is stored (`domain.merge`): text fields keep both people's
words, a non-text field changed by both to different values is refused for the person to choose.
Nothing is written blindly over someone else's change."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy.orm.exc import StaleDataError

from ..domain.errors import EditConflict, StaleVersion
from ..domain.merge import merge_record
from ..storage.unit_of_work import UnitOfWork


def plain(value: Any) -> Any:
    """A field's value as the API shows it (dates as ISO text, enumerations as their value)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


def merge_change(
    *,
    up_to_date: bool,
    changes: Mapping[str, Any],
    base: Mapping[str, Any] | None,
    stored: Mapping[str, Any],
    text_fields: Iterable[str],
    fits: Callable[[str, str], bool],
    current: Callable[[], Any],
) -> dict[str, Any]:
    """What to write. `stored` holds the record's fields as they are now, in the API's terms.

    A change based on the current version whose starting values (if given) are the stored ones is
    written as it is. Otherwise it is merged; a merged text that no longer fits its field (`fits`)
    is a conflict like a non-text field changed by both."""
    mine = {field: plain(value) for field, value in changes.items()}
    started = {field: plain(value) for field, value in (base or {}).items()}
    now = {field: plain(value) for field, value in stored.items()}
    if up_to_date and all(started.get(field, now[field]) == now[field] for field in mine):
        return dict(changes)
    # A field sent with the value it started from is no change of this person's: theirs stands.
    mine = {field: value for field, value in mine.items() if field not in started or started[field] != value}
    result = merge_record(started, mine, now, text_fields=text_fields)
    texts = set(text_fields)
    conflicts = [{"field": c.field, "theirs": c.theirs, "mine": c.mine} for c in result.conflicts]
    for field, value in result.changes.items():
        if field in texts and isinstance(value, str) and not fits(field, value):
            conflicts.append({"field": field, "theirs": now[field], "mine": mine[field]})
    if conflicts:
        raise EditConflict(current=current(), conflicts=sorted(conflicts, key=lambda c: c["field"]))
    merged = {}
    for field, value in result.changes.items():
        # Non-text fields are written as the request parsed them (dates, enumerations).
        merged[field] = value if field in texts else changes[field]
    return merged


TITLE_MAX = 300


def text_fits(uow: UnitOfWork, field: str, value: str) -> bool:
    """A merged text still within its field's limit (titles short, free text `max_text_bytes`)."""
    if field == "title":
        return len(value) <= TITLE_MAX
    return len(value.encode("utf-8")) <= uow.settings.max_text_bytes


def retrying_races(work: Callable[[], Any], uow: UnitOfWork) -> Any:
    """Runs a versioned change again when another one was committed between our read and our write
    (the row's version moved under us): the second run merges with it. Inside a larger transaction
    there is no second run: the race is a plain stale version."""
    for _ in range(3):
        try:
            return work()
        except StaleDataError as err:
            if uow.in_transaction:
                raise StaleVersion() from err
    raise StaleVersion()
