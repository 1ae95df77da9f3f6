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
from typing import Any

from flask import Response, current_app, g, request
from pydantic import BaseModel, ValidationError
from werkzeug.exceptions import UnsupportedMediaType

from ..domain.errors import DomainError, InvalidInput
from ..identity import graph_for
from ..services import idempotency
from ..storage.setup import loaded_after_commit, new_unit_of_work
from .auth import bearer_token, current_actor
from .inputs import MAX_DEPTH, BadInput, check_payload
from .schemas.common import TEXT_LIMIT
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
    idempotent: bool
    graph: bool = False
    errors: tuple[int, ...] = field(default_factory=tuple)
    description: str = ""
    # The media type of a streaming success response (e.g. "text/event-stream"): the view returns a
    # Response, which is passed through as it is.
    stream: str | None = None
    # Request headers the operation reads, documented as header parameters: (name, description).
    headers: tuple[tuple[str, str], ...] = ()


def endpoint(
    *,
    summary: str,
    tags: tuple[str, ...] | str,
    body: type[BaseModel] | None = None,
    query: type[BaseModel] | None = None,
    response: type[BaseModel] | None = None,
    status: int = 200,
    auth: bool = True,
    idempotent: bool = False,
    graph: bool = False,
    errors: tuple[int, ...] = (),
    description: str = "",
    stream: str | None = None,
    headers: tuple[tuple[str, str], ...] = (),
) -> Callable:
    """`idempotent=True`: a request with an Idempotency-Key header is answered once; a retry gets
    the first answer (the key is stored in the same transaction as the change)."""
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
            if spec.stream is not None:  # a stream's session outlives the request's transactions
                return _answer(spec, view, path_args)
            with loaded_after_commit():
                return _answer(spec, view, path_args)

        wrapper.endpoint_spec = spec  # type: ignore[attr-defined]
        return wrapper

    return decorate


def _answer(spec: EndpointSpec, view: Callable, path_args: dict[str, Any]):
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
    uow = kwargs["uow"] = new_unit_of_work()
    key = request.headers.get("Idempotency-Key") if spec.idempotent else None
    if key is None or actor is None:
        return render(spec, view(**kwargs))
    answer = idempotency.run_once(
        uow,
        person_id=actor.person_id,
        key=key,
        fingerprint=request_fingerprint(raw),
        work=lambda: render(spec, view(**kwargs)),
    )
    if isinstance(answer, idempotency.Replay):
        return answer.response, answer.status_code
    return answer


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
            except RecursionError as exc:  # nested deeper than the parser goes
                raise BadInput("inputs_too_deep", params={"limit": MAX_DEPTH}) from exc
    else:
        payload = raw or {}
    check_payload(payload)
    if not isinstance(payload, dict):
        raise InvalidInput("invalid", params={"reason": "expected a JSON object"})
    try:
        settings = current_app.extensions["mus.settings"]
        return model.model_validate(payload, context={TEXT_LIMIT: settings.max_text_bytes})
    except ValidationError as exc:
        raise validation_error(exc) from exc


def request_fingerprint(raw: bytes | None) -> str:
    """What identifies a request under an Idempotency-Key: method, path and body."""
    return hashlib.sha256(
        b"\n".join([request.method.encode(), request.path.encode(), raw or b""])
    ).hexdigest()
