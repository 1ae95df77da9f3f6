"""Bearer authentication for the API: the Teams SSO token is validated on every request and the
person is created or refreshed from its claims. No cookies are accepted for the API."""

from __future__ import annotations

from dataclasses import replace

from flask import current_app, g, request

from ..domain.actor import Actor
from ..domain.errors import Unauthorized
from ..i18n import request_language
from ..services import people
from ..storage.setup import new_unit_of_work


def bearer_token() -> str:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("token_missing")
    return token.strip()


def current_actor() -> Actor:
    if "actor" in g:
        return g.actor
    identity = current_app.extensions["mus.tokens"].validate(bearer_token())
    actor = people.do_sign_in(new_unit_of_work(), identity, request.headers.get("Accept-Language"))
    g.actor = replace(actor, language=request_language(request.headers))
    return g.actor
