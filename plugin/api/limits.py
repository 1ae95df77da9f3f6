"""Rate limits per person and per tenant, with flask-limiter (a maintained library: fixed windows
kept in Redis when the app has Redis, so every process and instance counts together; in memory
otherwise).

What is limited (the rates are in `Settings.rate_limits`):
- every change to the API (POST/PUT/PATCH/DELETE under /api): per person and per tenant;
- reads of the API: per person, generously;
- planning a conversation: per person and per tenant, strictly;
- opening a live stream: per person (the number open at a time is capped by the hub);
- calls that exchange the person's token for Microsoft Graph (on-behalf-of): per person;
- the sign-in pages and /auth/token: per client address.

The person and tenant come from the request's bearer token (its signature checked as for the API);
a request without a valid token counts by its address. A refusal is 429 in the one error shape with
`Retry-After`, checked before the view runs, so a refused change changes nothing. If the limiter's
Redis is away, it counts in memory until Redis is back: a Redis outage never fails a request."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from babel.dates import format_timedelta
from flask import Flask, current_app, g, render_template, request
from flask_limiter import ApplicationLimit, Limiter
from flask_limiter.errors import RateLimitExceeded

from ..config import RateLimits
from ..domain.errors import DomainError
from ..i18n import request_language, translate
from .errors import error_body

log = logging.getLogger(__name__)

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CONVERSATION_CREATE = "conversations.create"
CONVERSATION_PLAN = "conversations.plan"


def _plans() -> bool:
    return request.endpoint in (CONVERSATION_CREATE, CONVERSATION_PLAN)


LIVE_OPEN = "live.live_stream"
SIGNIN_TOKEN = "signin.token"  # asked by a page's script: the JSON error; the other sign-in pages: a page


def _identity() -> tuple[str, str] | None:
    """(tenant id, object id) of the request's bearer token when it is valid, else None."""
    if "mus_limits_identity" not in g:
        found = None
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            try:
                identity = current_app.extensions["mus.tokens"].validate(token.strip())
                found = (identity.tenant_id, identity.object_id)
            except DomainError:
                found = None  # the view answers 401; count this caller by address
            except Exception:  # e.g. the signing keys cannot be fetched: the view says so
                log.warning("rate limits: the token could not be checked; counting by address")
                found = None
        g.mus_limits_identity = found
    return g.mus_limits_identity


def _address() -> str:
    return f"address:{request.remote_addr or 'unknown'}"


def person_key() -> str:
    identity = _identity()
    return f"person:{identity[0]}:{identity[1]}" if identity else _address()


def tenant_key() -> str:
    identity = _identity()
    return f"tenant:{identity[0]}" if identity else _address()


def _in_api() -> bool:
    return request.path.startswith("/api/")


def _is_write() -> bool:
    return _in_api() and request.method in WRITE_METHODS


def _is_read() -> bool:
    return _in_api() and request.method not in WRITE_METHODS and request.endpoint != LIVE_OPEN


def _uses_graph() -> bool:
    view = current_app.view_functions.get(request.endpoint or "")
    spec = getattr(view, "endpoint_spec", None)
    return _in_api() and bool(spec is not None and spec.graph)


def _is_signin() -> bool:
    return request.blueprint == "signin"


def _rates() -> RateLimits:
    return current_app.extensions["mus.settings"].rate_limits


def _rate(name: str) -> Callable[[], str]:
    return lambda: getattr(_rates(), name)


def _unless(applies: Callable[[], bool]) -> Callable[[], bool]:
    return lambda: not applies()


def _limit(name: str, key: Callable[[], str], applies: Callable[[], bool]) -> ApplicationLimit:
    """One named limit, counted apart from the others (its own scope)."""
    return ApplicationLimit(_rate(name), key_function=key, scope=name, exempt_when=_unless(applies))


def _limits() -> list[ApplicationLimit]:
    return [
        _limit("writes_person", person_key, _is_write),
        _limit("writes_tenant", tenant_key, _is_write),
        _limit("reads_person", person_key, _is_read),
        _limit(
            "conversations_person",
            person_key,
            lambda: request.endpoint in (CONVERSATION_CREATE, CONVERSATION_PLAN),
        ),
        _limit(
            "conversations_tenant",
            tenant_key,
            lambda: request.endpoint in (CONVERSATION_CREATE, CONVERSATION_PLAN),
        ),
        _limit("graph_person", person_key, _uses_graph),
        _limit("live_opens_person", person_key, lambda: request.endpoint == LIVE_OPEN),
        _limit("signin_address", _address, _is_signin),
    ]


def _storage(app: Flask) -> tuple[str, dict]:
    settings = app.extensions["mus.settings"]
    if not settings.redis_url:
        return "memory://", {}
    # The app's prefix first (each instance's and test's keys apart); short timeouts: a Redis that
    # is away must not hold requests, memory counts meanwhile (the fallback).
    options = {
        "key_prefix": f"{settings.redis_prefix}limits",
        "socket_connect_timeout": 1,
        "socket_timeout": 1,
    }
    return settings.redis_url, options


def init_app(app: Flask) -> Limiter:
    uri, options = _storage(app)
    limiter = Limiter(
        key_func=person_key,
        application_limits=_limits(),
        storage_uri=uri,
        storage_options=options,
        strategy="fixed-window",
        swallow_errors=True,  # a limiter that fails lets the request through
        in_memory_fallback_enabled=True,  # and counts in memory while its Redis is away
        headers_enabled=False,
    )
    limiter.init_app(app)
    app.extensions["mus.limiter"] = limiter

    @limiter.request_filter
    def outside_the_limits() -> bool:
        # Every limit is for the API or the sign-in pages. Other requests (pages, static files,
        # probes) skip the limiter's evaluation of all of them: profiled, that evaluation was about
        # half of a /healthz request's time in the process.
        return not (_in_api() or _is_signin())

    @app.errorhandler(RateLimitExceeded)
    def rate_limited(err: RateLimitExceeded):
        seconds = _seconds_to_wait(limiter)
        if _is_signin() and request.endpoint != SIGNIN_TOKEN:
            return _signin_page(seconds)  # a person in a browser (or Teams' pop-up): a page
        return _too_many(seconds)

    return limiter


def _seconds_to_wait(limiter: Limiter) -> int:
    """Until the breached limit's window ends (at least one second)."""
    try:
        current = limiter.current_limit
        if current is not None:
            return max(1, int(current.reset_at - time.time()))
    except Exception:  # the storage went away between the hit and this question
        log.warning("rate limit storage could not say when the window ends")
    return 60


def _too_many(seconds: int):
    body, status, headers = error_body(429, "rate_limited", params={"wait": _duration(seconds)})
    return body, status, {**headers, "Retry-After": str(seconds)}


def _duration(seconds: int) -> str:
    """ "45 seconds", "2 minutter": how long to wait, in the reader's language."""
    return format_timedelta(seconds, locale=request_language(request.headers), threshold=1.5)


def _signin_page(seconds: int):
    """The sign-in pages' own problem page (plugin/signin/templates), saying how long to wait."""
    lang = request_language(request.headers, request.args.get("locale"))
    message = translate("rate_limited", lang, wait=_duration(seconds))
    body = render_template(
        "signin/problem.html",
        lang=lang,
        t=lambda key, **p: translate(key, lang, **p),
        reason="rate_limited",
        message=message,
        purpose="login",
        retry=request.full_path if request.method == "GET" else "/auth/login",
    )
    headers = {
        "Retry-After": str(seconds),
        "Cache-Control": "no-store",
        "Content-Type": "text/html; charset=utf-8",
    }
    return body, 429, headers
