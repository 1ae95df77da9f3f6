"""Response headers.

Every response: a strict Content-Security-Policy (scripts and styles from this origin only; only
Teams and the other Microsoft 365 hosts may frame the app, plus this origin itself in demo mode,
where the simulator frames it), `X-Content-Type-Options: nosniff`, a Referrer-Policy, and outside
demo mode HSTS. API answers (`/api/...`) are never stored by a browser or a proxy (`no-store`), except
where one chooses the person's own browser cache for a short while (`private, max-age`: photos);
HTML pages are revalidated (`no-cache`), so a new build is picked up at once (the hashed assets
are cached for a year)."""

from __future__ import annotations

from flask import Flask, Response, current_app, request

from ..config import Settings

# The hosts that may frame a Teams / Microsoft 365 app, after Microsoft's "tab requirements"
# (learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements).
FRAME_ANCESTORS = (
    "https://teams.microsoft.com",
    "https://*.teams.microsoft.com",
    "https://*.cloud.microsoft",
    "https://*.microsoft365.com",
    "https://*.office.com",
    "https://outlook.office.com",
    "https://outlook.office365.com",
    "https://outlook-sdf.office.com",
    "https://outlook-sdf.office365.com",
    "https://outlook.live.com",
    "https://*.skype.com",
)
# teams-js looks up Microsoft's list of valid host origins here when a message comes from a
# host origin it does not know yet (the build removes the eager fetch at import time).
TEAMS_JS_ORIGIN_LIST = "https://res.cdn.office.net"
HSTS = "max-age=63072000; includeSubDomains"
REFERRER_POLICY = "strict-origin-when-cross-origin"


def frame_ancestors(settings: Settings) -> tuple[str, ...]:
    """Microsoft's hosts; this origin itself only in demo mode (the Teams simulator frames it)."""
    return ("'self'", *FRAME_ANCESTORS) if settings.demo else FRAME_ANCESTORS


def content_security_policy(settings: Settings) -> str:
    directives = {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": f"'self' {TEAMS_JS_ORIGIN_LIST}",
        "frame-src": "'self'",
        "frame-ancestors": " ".join(frame_ancestors(settings)),
        # Signing out of the browser session redirects to the authority's logout page.
        "form-action": f"'self' {settings.authority_host}",
        "base-uri": "'self'",
        "object-src": "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def apply_page_headers(response: Response, settings: Settings) -> Response:
    response.headers["Cache-Control"] = "no-cache"
    response.vary.update(("Accept-Language", "X-Teams-Locale"))  # the page's language follows them
    return apply_security_headers(response, settings)


def apply_security_headers(response: Response, settings: Settings, *, api: bool = False) -> Response:
    response.headers.setdefault("Content-Security-Policy", content_security_policy(settings))
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = REFERRER_POLICY
    if not settings.demo:  # demo mode runs on http://127.0.0.1, where HSTS would only get in the way
        response.headers["Strict-Transport-Security"] = HSTS
    if api:  # personal content: never kept by a browser cache or a proxy
        existing = response.headers.get("Cache-Control")  # e.g. the live stream's no-cache stays
        if not existing:
            response.headers["Cache-Control"] = "no-store"
        elif "private" in existing:
            pass  # an answer that chose the person's own browser cache only (a profile photo)
        elif "no-store" not in existing:
            response.headers["Cache-Control"] = f"{existing}, no-store"
    return response


def init_app(app: Flask) -> None:
    @app.after_request
    def security_headers(response: Response) -> Response:
        api = request.path == "/api" or request.path.startswith("/api/")
        return apply_security_headers(response, current_app.extensions["mus.settings"], api=api)
