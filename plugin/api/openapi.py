"""The OpenAPI 3.1 document, generated from the `endpoint` declarations and the same pydantic
models that validate requests and shape responses."""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Flask, current_app
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from .errors import ErrorBody
from .inputs import ROW_ID_MAX
from .schemas.common import OBJECT_ID_PATTERN
from .schemas.goals import DRAFT_KEY_PATTERN

bp = Blueprint("openapi", __name__)

_CONVERTER = re.compile(r"<(?:(?P<conv>[a-z]+):)?(?P<name>\w+)>")
_ERROR_TEXT = {
    400: "Malformed request",
    401: "Missing or invalid sign-in token",
    403: "Not allowed",
    404: "Not found (or in another organisation)",
    409: "Conflict: stale version or invalid state",
    503: "A service the request needs (database, Microsoft 365) is unavailable",
    413: "Too large",
    415: "Unsupported media type",
    422: "Invalid fields",
    429: "Too many requests: wait the seconds in Retry-After (rate limits per person and tenant)",
}


# Before OpenAPI 3.2 (`itemSchema`), a server-sent event stream's `schema` describes each event.
_SSE_EVENT = {
    "type": "object",
    "description": "One server-sent event: `data` is JSON text (seq, kind, conversation_id, data).",
    "properties": {
        "id": {"type": "string"},
        "event": {"type": "string"},
        "data": {"type": "string"},
        "retry": {"type": "integer"},
    },
}


def openapi_path(rule: str) -> str:
    return _CONVERTER.sub(lambda m: "{" + m.group("name") + "}", rule)


def _path_parameters(rule: str) -> list[dict]:
    params = []
    for m in _CONVERTER.finditer(rule):
        if m.group("conv") == "int":  # bounded by the converter: beyond the id columns' range is a 404
            schema: dict = {"type": "integer", "minimum": 1, "maximum": ROW_ID_MAX}
        elif m.group("name") == "key":  # a draft's key, checked by the view (422 draft_key_invalid)
            schema = {"type": "string", "pattern": DRAFT_KEY_PATTERN}
        elif m.group("name").endswith("object_id"):  # a person, by Entra object id (checked: 422)
            schema = {"type": "string", "pattern": OBJECT_ID_PATTERN}
        else:
            schema = {"type": "string"}
        params.append({"name": m.group("name"), "in": "path", "required": True, "schema": schema})
    return params


def _query_parameters(model: type[BaseModel]) -> list[dict]:
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    required = set(schema.get("required", []))
    return [
        {"name": name, "in": "query", "required": name in required, "schema": prop}
        for name, prop in schema.get("properties", {}).items()
    ]


def build_document(app: Flask) -> dict[str, Any]:
    operations: list[tuple[str, str, Any, str]] = []
    inputs: set[type[BaseModel]] = set()
    outputs: set[type[BaseModel]] = {ErrorBody}
    for rule in app.url_map.iter_rules():
        view = app.view_functions.get(rule.endpoint)
        spec = getattr(view, "endpoint_spec", None)
        if spec is None:
            continue
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            operations.append((openapi_path(rule.rule), method.lower(), spec, rule.endpoint))
            inputs.update(m for m in (spec.body, spec.query) if m is not None)
            outputs.update(m for m in (spec.response,) if m is not None)
    # One pass over all models so that shared ones become single components: requests as they are
    # validated, responses as they are sent (a model only split in two where the two differ).
    refs, defs = models_json_schema(
        [(m, "validation") for m in sorted(inputs, key=lambda m: m.__name__)]
        + [(m, "serialization") for m in sorted(outputs, key=lambda m: m.__name__)],
        ref_template="#/components/schemas/{model}",
    )
    schemas = dict(defs.get("$defs", {}))

    def ref(model: type[BaseModel], mode: str) -> dict:
        return refs[(model, mode)]

    paths: dict[str, dict] = {}
    for path, method, spec, endpoint_name in sorted(operations, key=lambda o: (o[0], o[1])):
        op: dict[str, Any] = {
            "operationId": endpoint_name.replace(".", "_"),
            "summary": spec.summary,
            "tags": list(spec.tags),
            "responses": {},
        }
        if spec.description:
            op["description"] = spec.description
        params = _path_parameters_for(app, endpoint_name)
        if spec.query is not None:
            params += _query_parameters(spec.query)
        if spec.idempotent:
            params.append(
                {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": False,
                    "description": "Retries with the same key return the first response.",
                    "schema": {"type": "string", "maxLength": 128},
                }
            )
        for name, text in spec.headers:
            params.append(
                {
                    "name": name,
                    "in": "header",
                    "required": False,
                    "description": text,
                    "schema": {"type": "string"},
                }
            )
        if params:
            op["parameters"] = params
        if spec.body is not None:
            op["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": ref(spec.body, "validation")}},
            }
        ok: dict[str, Any] = {"description": "Success"}
        if spec.response is not None:
            ok["content"] = {"application/json": {"schema": ref(spec.response, "serialization")}}
        elif spec.stream is not None:
            binary = {"type": "string", "format": "binary"}
            ok["content"] = {
                spec.stream: {"schema": _SSE_EVENT if spec.stream == "text/event-stream" else binary}
            }
        op["responses"][str(spec.status)] = ok
        statuses = set(spec.errors)
        if spec.auth:
            statuses |= {401}
            op["security"] = [{"teamsSso": []}]
        else:
            op["security"] = []
        if spec.body is not None:
            statuses |= {400, 413, 415, 422}
        if spec.query is not None:  # 400: a NUL byte or lone surrogate in a value
            statuses |= {400, 422}
        if spec.idempotent:  # a malformed Idempotency-Key
            statuses |= {422}
        if "{key}" in path:
            statuses |= {422}
        if "{" in path:
            statuses |= {404}
        if spec.graph:  # consent_required (403) and Microsoft 365 unavailable (503)
            statuses |= {403, 503}
        if path.startswith("/api/"):  # every API call is rate limited (plugin/api/limits.py)
            statuses |= {429}
        for status in sorted(statuses):
            op["responses"][str(status)] = {
                "description": _ERROR_TEXT.get(status, "Error"),
                "content": {"application/json": {"schema": ref(ErrorBody, "serialization")}},
            }
            if status == 429:
                op["responses"]["429"]["headers"] = {
                    "Retry-After": {
                        "description": "Seconds to wait before trying again",
                        "schema": {"type": "integer"},
                    }
                }
        paths.setdefault(path, {})[method] = op
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "MUS for Microsoft Teams",
            "version": current_app.config.get("MUS_VERSION", "0.1.0"),
            "description": "Development conversations (MUS) and check-ins between an employee "
            "and their manager. Authenticate with a Teams single sign-on token.",
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "teamsSso": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
            },
        },
    }


def _path_parameters_for(app: Flask, endpoint_name: str) -> list[dict]:
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint_name)
    return _path_parameters(rule.rule)


@bp.get("/api/openapi.json")
def openapi_document():
    ext = current_app.extensions
    if "mus.openapi" not in ext:
        ext["mus.openapi"] = build_document(current_app)
    return ext["mus.openapi"]
