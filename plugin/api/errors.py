"""The one JSON error contract: `{"error": {"code", "message", "field"?, "fields"?, "current"?}}`.

Domain errors, HTTP errors and database errors are all mapped here; clients never see a stack
trace. The message is in the reader's language (the tab's Teams locale, then Accept-Language, then
Danish), names fields as a person would (`field.<name>` in the catalogue) and writes numbers as the
language does; the machine `code` and `field` stay for the tab."""

from __future__ import annotations

import logging

from flask import Flask, g, request
from pydantic import BaseModel
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from werkzeug.exceptions import HTTPException

from ..domain.errors import DomainError
from ..i18n import catalogue, format_number, is_plural, ngettext, request_language, translate
from ..storage.db import db

log = logging.getLogger(__name__)

_HTTP_CODES = {
    400: "bad_request",
    401: "token_missing",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
}


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None = None
    fields: list[dict] | None = None
    current: dict | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


# Database errors that are not OperationalError but mean "cannot write now": a read-only transaction
# (a PostgreSQL standby after a fail-over, or a database set read-only for maintenance).
UNAVAILABLE_SQLSTATES = frozenset({"25006"})


def _language() -> str:
    """The reader's language: the tab's Teams locale (X-Teams-Locale), then Accept-Language, then Danish."""
    return request_language(request.headers)


_STATUS_PARAMS = ("source", "target", "status")


def field_label(name: str, language: str) -> str:
    """A field as a person calls it: `goal.specific` -> "Specific"; list positions are skipped."""
    parts = [part for part in str(name).split(".") if part and not part.isdigit()]
    for part in reversed(parts):
        if f"field.{part}" in catalogue(language):
            return translate(f"field.{part}", language)
    return translate("field.unnamed", language)


def message(key: str, language: str, params: dict | None = None) -> str:
    """The text of `key` with its parameters made readable: a field's name, numbers as the language
    writes them; a plural text's form follows `count`, or else its only whole-number parameter."""
    params = dict(params or {})
    if "field" in params:
        params["field"] = field_label(params["field"], language)
    for name in _STATUS_PARAMS:  # a conversation's status as the tab names it, not its machine value
        if isinstance(params.get(name), str) and f"ui.status.{params[name]}" in catalogue(language):
            params[name] = translate(f"ui.status.{params[name]}", language)
    numbers = {k: v for k, v in params.items() if isinstance(v, int | float) and not isinstance(v, bool)}
    readable = {**params, **{k: format_number(v, language) for k, v in numbers.items()}}
    if is_plural(key):
        n = numbers.get("count", next(iter(numbers.values()), None) if len(numbers) == 1 else None)
        if isinstance(n, int):
            return ngettext(key, n, language, **readable)
    return translate(key, language, **readable)


def error_body(
    status: int, code: str, *, field=None, fields=None, current=None, params=None, message_key=None
) -> tuple:
    language = _language()
    detail: dict = {"code": code, "message": message(message_key or code, language, params)}
    if field:
        detail["field"] = field
    if fields:
        detail["fields"] = [
            {  # e.g. an edit conflict's `theirs` and `mine` stay beside the message
                **{k: v for k, v in f.items() if k not in ("message_key", "params")},
                "message": message(f.get("message_key") or f["code"], language, f.get("params") or f),
            }
            for f in fields
        ]
    if current is not None:
        detail["current"] = current
    headers = {}
    if status == 401:  # RFC 6750: no error attribute when the request carried no token at all
        headers["WWW-Authenticate"] = "Bearer" if code == "token_missing" else 'Bearer error="invalid_token"'

    return {"error": detail}, status, headers


def _serialise_current(current):
    spec = g.get("endpoint_spec")
    if current is None or spec is None or spec.response is None:
        return None
    return spec.response.model_validate(current, from_attributes=True).model_dump(mode="json")


def init_app(app: Flask) -> None:
    @app.errorhandler(DomainError)
    def domain_error(err: DomainError):
        return error_body(
            err.status,
            err.code,
            field=err.field,
            fields=getattr(err, "fields", None),
            current=_serialise_current(err.current),
            params=err.params,
            message_key=getattr(err, "message_key", None),
        )

    @app.errorhandler(HTTPException)
    def http_error(err: HTTPException):
        status = err.code or 500
        return error_body(status, _HTTP_CODES.get(status, "bad_request"))

    @app.errorhandler(OperationalError)
    def database_unavailable(err: OperationalError):
        db.session.rollback()
        log.error("database error: %s", err.__class__.__name__)
        return error_body(503, "database_unavailable")

    @app.errorhandler(SQLAlchemyError)
    def database_error(err: SQLAlchemyError):
        db.session.rollback()
        if getattr(getattr(err, "orig", None), "sqlstate", None) in UNAVAILABLE_SQLSTATES:
            log.error("database error: %s", err.__class__.__name__)
            return error_body(503, "database_unavailable")
        log.exception("database error")
        return error_body(500, "internal_error")

    @app.errorhandler(Exception)
    def unexpected(err: Exception):
        log.exception("unexpected error")
        return error_body(500, "internal_error")
