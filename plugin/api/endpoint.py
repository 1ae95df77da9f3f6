"""The `endpoint` decorator: one declaration per view gives authentication, body and query parsing,
idempotent creates, response serialisation, and the view's entry in the OpenAPI document.

A view receives keyword arguments: its path parameters, `actor` (when authenticated), `body` and
`query` (parsed models) and `uow` (a fresh unit of work), and returns what the response model
describes. The schemas that validate requests are the ones the OpenAPI document shows."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any, Literal

from flask import Response, current_app, g, request
from pydantic import BaseModel, ValidationError
from werkzeug.exceptions import UnsupportedMediaType

from ..domain.errors import DomainError, InvalidInput
from ..extensions import db
from ..identity import graph_for
from ..services import idempotency
from ..services.unit_of_work import UnitOfWork
from .auth import bearer_token, current_actor
from .validation import validation_error


@dataclass(frozen=True)
class EndpointSpec:
    summary: str
    tags: tuple[str, ...]
    body: type[BaseModel] | None
    query: type[BaseModel] | None
    response: type[BaseModel] | None
    status: int
    auth: bool
    idempotent: bool | Literal["service"]
    graph: bool = False
    errors: tuple[int, ...] = field(default_factory=tuple)
    description: str = ""
    # The media type of a streaming success response (e.g. "text/event-stream"): the view returns a
    # Response, which is passed through as it is.
    stream: str | None = None
    # Request headers the operation reads, documented as header parameters: (name, description).
    headers: tuple[tuple[str, str], ...] = ()


def new_unit_of_work() -> UnitOfWork:
    ext = current_app.extensions
    return UnitOfWork(db.session, ext["mus.broker"], ext["mus.settings"], ext["mus.clock"])


def endpoint(
    *,
    summary: str,
    tags: tuple[str, ...] | str,
    body: type[BaseModel] | None = None,
    query: type[BaseModel] | None = None,
    response: type[BaseModel] | None = None,
    status: int = 200,
    auth: bool = True,
    idempotent: bool | Literal["service"] = False,
    graph: bool = False,
    errors: tuple[int, ...] = (),
    description: str = "",
    stream: str | None = None,
    headers: tuple[tuple[str, str], ...] = (),
) -> Callable:
    """`idempotent="service"`: the Idempotency-Key is handed to the view (`idempotency_key`) and kept
    by the service in the same transaction as the change, instead of around it."""
    spec = EndpointSpec(
        summary=summary,
        tags=(tags,) if isinstance(tags, str) else tuple(tags),
        body=body,
        query=query,
        response=response,
        status=status,
        auth=auth,
        idempotent=idempotent,
        graph=graph,
        errors=tuple(errors),
        description=description,
        stream=stream,
        headers=tuple(headers),
    )

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(**path_args: Any):
            g.endpoint_spec = spec
            kwargs: dict[str, Any] = dict(path_args)
            actor = current_actor() if spec.auth else None
            if actor is not None:
                kwargs["actor"] = actor
                if spec.graph:  # Microsoft Graph for this person, by on-behalf-of their own token
                    kwargs["graph"] = graph_for(current_app, actor, bearer_token())
            raw = _read_body() if spec.body is not None else None
            if spec.body is not None:
                kwargs["body"] = _parse(spec.body, raw)
            if spec.query is not None:
                kwargs["query"] = _parse(spec.query, request.args.to_dict())
            kwargs["uow"] = new_unit_of_work()
            if spec.idempotent == "service":
                kwargs["idempotency_key"] = request.headers.get("Idempotency-Key")
                return render(spec, view(**kwargs))
            key = request.headers.get("Idempotency-Key") if spec.idempotent else None
            if key is not None and actor is not None:
                return _idempotent_call(view, kwargs, actor.person_id, key, raw)
            return render(spec, view(**kwargs))

        wrapper.endpoint_spec = spec  # type: ignore[attr-defined]
        return wrapper

    return decorate


def render(spec: EndpointSpec, result: Any):
    if isinstance(result, Response):  # a stream, or a replayed answer
        return result
    if spec.response is None:
        return "", spec.status
    model = (
        result
        if isinstance(result, spec.response)
        else spec.response.model_validate(result, from_attributes=True)
    )
    return model.model_dump(mode="json"), spec.status


def _read_body() -> bytes:
    data = request.get_data(cache=True)
    if data and request.mimetype != "application/json":
        raise UnsupportedMediaType()
    return data


def _parse(model: type[BaseModel], raw: bytes | dict | None) -> BaseModel:
    if isinstance(raw, bytes | bytearray):
        if not raw.strip():
            payload: Any = {}
        else:
            try:
                payload = json.loads(raw)
            except (ValueError, UnicodeDecodeError) as exc:
                raise DomainError("malformed_json") from exc
    else:
        payload = raw or {}
    if not isinstance(payload, dict):
        raise InvalidInput("invalid", params={"reason": "expected a JSON object"})
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise validation_error(exc) from exc


def _idempotent_call(view: Callable, kwargs: dict, person_id: int, key: str, raw: bytes | None):
    spec: EndpointSpec = g.endpoint_spec
    uow: UnitOfWork = kwargs["uow"]
    replay = idempotency.claim(uow, person_id=person_id, key=key, fingerprint=request_fingerprint(raw))
    if replay is not None:
        return replay.response, replay.status_code
    try:
        body, status = render(spec, view(**kwargs))
    except Exception:
        idempotency.release(new_unit_of_work(), person_id=person_id, key=key)
        raise
    idempotency.complete(new_unit_of_work(), person_id=person_id, key=key, status=status, response=body)
    return body, status


def request_fingerprint(raw: bytes | None) -> str:
    """What identifies a request under an Idempotency-Key: method, path and body."""
    return hashlib.sha256(
        b"\n".join([request.method.encode(), request.path.encode(), raw or b""])
    ).hexdigest()
