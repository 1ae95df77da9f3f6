"""What text the app can store: no NUL (PostgreSQL's text cannot hold it) and no lone surrogate (not
Unicode; it cannot be written as UTF-8). Checked on every request body and query, and on the text a
live note's CRDT update produces."""

from __future__ import annotations

import re

from .errors import DomainError

_BAD_CHARACTER = re.compile("[\x00\ud800-\udfff]")


def has_bad_character(value: str) -> bool:
    return _BAD_CHARACTER.search(value) is not None


def check_storable(value: str, field: str) -> None:
    """400 `inputs_bad_character` naming the field, in the one error shape."""
    if has_bad_character(value):
        raise DomainError("inputs_bad_character", field=field, params={"field": field})
