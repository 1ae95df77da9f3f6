"""The one JSON error contract: `{"error": {"code", "message", "field"?, "fields"?, "current"?}}`.

Domain errors, HTTP errors and database errors are all mapped here; clients never see a stack
trace. The message is in the person's language (Teams locale, then Accept-Language, then Danish)."""

from __future__ import annotations

import logging

from flask import Flask, g, request
from pydantic import BaseModel
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from werkzeug.exceptions import HTTPException

from ..domain.errors import DomainError
from ..i18n import pick_language, translate
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


def _language() -> str:
    actor = g.get("actor")
    return pick_language(actor.locale if actor else None, request.headers.get("Accept-Language"))


def error_body(status: int, code: str, *, field=None, fields=None, current=None, params=None) -> tuple:
    detail: dict = {"code": code, "message": translate(code, _language(), **(params or {}))}
    if field:
        detail["field"] = field
    if fields:
        detail["fields"] = [
            {
                **f,
                "message": translate(f["code"], _language(), field=f["field"], reason=f.get("reason", "")),
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
        log.exception("database error")
        return error_body(500, "internal_error")

    @app.errorhandler(Exception)
    def unexpected(err: Exception):
        log.exception("unexpected error")
        return error_body(500, "internal_error")
