"""Cursor pagination: a page of a list that grows with history, and the opaque cursor that names
where the next page starts (the sort key of the last item shown). A cursor is not a secret: the
query that reads the next page is still scoped to the reader, so a forged cursor only picks a
different starting point within what the reader may see."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .errors import DomainError

DEFAULT_LIMIT = 25
MAX_LIMIT = 100

T = TypeVar("T")


class PageInvalid(DomainError):
    """A cursor that was not made by this list, or a page size out of range: a 400."""

    status = 400
    code = "cursor_invalid"


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def check_limit(value: Any) -> int:
    """The page size asked for (a query string value), within 1..MAX_LIMIT; DEFAULT_LIMIT if none."""
    if value is None or value == "":
        return DEFAULT_LIMIT
    try:
        limit = int(value)
    except (TypeError, ValueError):
        limit = 0
    if isinstance(value, bool) or not 1 <= limit <= MAX_LIMIT:
        raise PageInvalid("page_limit_invalid", field="limit", params={"max": MAX_LIMIT})
    return limit


def encode_cursor(list_name: str, key: list[Any]) -> str:
    raw = json.dumps([list_name, *key], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(list_name: str, cursor: str, shape: tuple[Any, ...]) -> list[Any]:
    """The sort key in `cursor`, each part of the type in `shape` (or None where `type(None)` is
    allowed); anything else is a 400 cursor_invalid."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        decoded = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error) as exc:
        raise PageInvalid(field="cursor") from exc
    if not isinstance(decoded, list) or len(decoded) != len(shape) + 1 or decoded[0] != list_name:
        raise PageInvalid(field="cursor")
    key = decoded[1:]
    for part, kinds in zip(key, shape, strict=True):
        kinds = kinds if isinstance(kinds, tuple) else (kinds,)
        if isinstance(part, bool) or not isinstance(part, kinds):
            raise PageInvalid(field="cursor")
    return key


def page_of(rows: list[T], limit: int, key_of) -> tuple[list[T], list[Any] | None]:
    """Split the `limit + 1` rows read into the page and the key the next page starts after."""
    if len(rows) <= limit:
        return rows, None
    page = rows[:limit]
    return page, key_of(page[-1])
