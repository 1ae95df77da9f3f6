"""Bounds on what a request may carry, checked before the models see it, so that bad input is a
4xx in the one error shape and never reaches the database as something it refuses (a 500):

- ids in the path: the `int` URL converter is bounded to the id columns' range (32-bit INTEGER on
  PostgreSQL); an id beyond it is a 404 like any id that does not exist, for every method;
- JSON bodies: nesting at most `MAX_DEPTH` levels deep;
- text anywhere in a body or the query (values and keys): no NUL byte (PostgreSQL's text cannot hold
  it) and no lone surrogate (not Unicode; it cannot be stored or sent back as UTF-8).

The models' own ids, versions and sequence numbers use `RowId`/`Version` of `schemas.common`, bounded
to the same range."""

from __future__ import annotations

from typing import Any

from flask import Flask
from werkzeug.exceptions import NotFound
from werkzeug.routing import IntegerConverter

from ..domain.errors import DomainError
from ..domain.text import check_storable as check_text

# The largest value of the id, version and seq columns (SQLAlchemy Integer: 32-bit on PostgreSQL).
ROW_ID_MAX = 2**31 - 1
# JSON nesting: the deepest request model is a handful of levels; 32 leaves room and stops abuse.
MAX_DEPTH = 32


class BadInput(DomainError):
    """A request the models never see: 400 in the one error shape."""

    status = 400


class RowIdConverter(IntegerConverter):
    """`<int:...>` in a route: an id beyond the id columns' range is not found (404) without asking
    the database, whatever the method (a converter that did not match would make it a 405)."""

    def to_python(self, value: str) -> int:
        number = super().to_python(value)
        if number > ROW_ID_MAX:
            raise NotFound()
        return number


def init_app(app: Flask) -> None:
    """Before any route is added: every `<int:...>` of the app is bounded."""
    app.url_map.converters["int"] = RowIdConverter


def check_payload(payload: Any) -> None:
    """Walks a parsed JSON body (or the query's dict) without recursion: depth, then characters."""
    stack: list[tuple[Any, tuple[str, ...]]] = [(payload, ())]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            raise BadInput("inputs_too_deep", params={"limit": MAX_DEPTH})
        name = ".".join(path) or "body"
        if isinstance(value, str):
            check_text(value, name)
        elif isinstance(value, dict):
            for key, item in value.items():
                check_text(key, name)
                stack.append((item, (*path, key)))
        elif isinstance(value, list):
            stack.extend((item, (*path, str(i))) for i, item in enumerate(value))
