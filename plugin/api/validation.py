"""Turns pydantic's validation errors into the JSON error contract, naming each field as a person
would. The machine name of the field stays in `field` (for the tab); the `message` says what is
wrong in the reader's language, from the catalogue (`validation.*`, the field's name from
`field.<name>`), never pydantic's own text."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..domain.errors import DomainError, InvalidInput, TooLarge

# pydantic error type -> the catalogue key of the message. Keys with a count are plural texts.
_MESSAGES = {
    "missing": "validation.missing",
    "string_too_short": "validation.too_short",
    "string_too_long": "validation.too_long",
    "too_short": "validation.too_few",
    "too_long": "validation.too_many",
    "greater_than_equal": "validation.at_least",
    "greater_than": "validation.above",
    "less_than_equal": "validation.at_most",
    "less_than": "validation.below",
    "literal_error": "validation.choice",
    "enum": "validation.choice",
    "string_pattern_mismatch": "validation.pattern",
    "string_type": "validation.text",
    "int_type": "validation.whole_number",
    "int_parsing": "validation.whole_number",
    "int_from_float": "validation.whole_number",
    "float_type": "validation.number",
    "float_parsing": "validation.number",
    "bool_type": "validation.yes_no",
    "bool_parsing": "validation.yes_no",
    "date_type": "validation.date",
    "date_parsing": "validation.date",
    "date_from_datetime_parsing": "validation.date",
    "date_from_datetime_inexact": "validation.date",
    "datetime_type": "validation.datetime",
    "datetime_parsing": "validation.datetime",
    "datetime_from_date_parsing": "validation.datetime",
    "timezone_aware": "validation.datetime_zone",
    "dict_type": "validation.object",
    "model_type": "validation.object",
    "model_attributes_type": "validation.object",
    "list_type": "validation.list",
    "none_required": "validation.invalid",
    "not_null": "inputs.not_null",
    "extra_forbidden": "unknown_field",
}
# The context value that is the count of a plural message.
_COUNTS = {
    "validation.too_short": "min_length",
    "validation.too_long": "max_length",
    "validation.too_few": "min_length",
    "validation.too_many": "max_length",
}
_LIMITS = {
    "validation.at_least": "ge",
    "validation.above": "gt",
    "validation.at_most": "le",
    "validation.below": "lt",
}


def _field(loc: tuple) -> str:
    return ".".join(str(part) for part in loc) or "body"


def _problem(err: dict[str, Any]) -> dict[str, Any]:
    """One field's problem: the machine code, the field, and the message's key and parameters."""
    name = _field(tuple(err.get("loc", ())))
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    key = _MESSAGES.get(kind, "validation.invalid")
    params: dict[str, Any] = {"field": name}
    if key in _COUNTS and isinstance(ctx.get(_COUNTS[key]), int):
        params["count"] = ctx[_COUNTS[key]]
    elif key in _LIMITS and isinstance(ctx.get(_LIMITS[key]), int | float):
        params["limit"] = ctx[_LIMITS[key]]
    elif key == "validation.too_short" or key == "validation.too_long":
        key = "validation.invalid"
    return {
        "field": name,
        "code": "unknown_field" if kind == "extra_forbidden" else "field_invalid",
        "message_key": key,
        "params": params,
    }


def validation_error(exc: ValidationError) -> DomainError:
    problems = []
    for err in exc.errors(include_url=False, include_input=False):
        if err.get("type") == "too_large":
            name = _field(tuple(err.get("loc", ())))
            return TooLarge("text_too_large", field=name, params={"field": name, **(err.get("ctx") or {})})
        problems.append(_problem(err))
    if not problems:
        problems.append(
            {"field": "body", "code": "field_invalid", "message_key": "validation.invalid", "params": {}}
        )
    first = problems[0]
    error = InvalidInput(first["code"], field=first["field"], params=first["params"])
    error.message_key = first["message_key"]  # type: ignore[attr-defined]
    error.fields = problems  # type: ignore[attr-defined]
    return error
