"""Turns pydantic's validation errors into the JSON error contract, naming each field."""

from __future__ import annotations

from pydantic import ValidationError

from ..domain.errors import DomainError, InvalidInput, TooLarge


def _field(loc: tuple) -> str:
    return ".".join(str(part) for part in loc) or "body"


def validation_error(exc: ValidationError) -> DomainError:
    problems = []
    for err in exc.errors(include_url=False, include_input=False):
        name = _field(tuple(err.get("loc", ())))
        kind = err.get("type", "")
        if kind == "too_large":
            return TooLarge("text_too_large", field=name, params={"field": name, **(err.get("ctx") or {})})
        code = "unknown_field" if kind == "extra_forbidden" else "field_invalid"
        problems.append({"field": name, "code": code, "reason": err.get("msg", "")})
    first = problems[0] if problems else {"field": "body", "code": "field_invalid", "reason": ""}
    error = InvalidInput(
        first["code"],
        field=first["field"],
        params={"field": first["field"], "reason": first["reason"]},
    )
    error.fields = problems  # type: ignore[attr-defined]
    return error
