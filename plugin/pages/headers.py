"""Response headers for every HTML page: a Content-Security-Policy that lets only Teams (and this
app itself, for the demo simulator) frame the pages and runs scripts from this origin only; and
no caching of HTML, so a new build is picked up at once (the hashed assets are cached for a year)."""

from __future__ import annotations

from flask import Response

from ..config import Settings

FRAME_ANCESTORS = (
    "'self'",
    "https://teams.microsoft.com",
    "https://*.teams.microsoft.com",
    "https://*.cloud.microsoft",
    "https://*.office.com",
    "https://outlook.office.com",
    "https://*.skype.com",
)
# teams-js looks up Microsoft's list of valid host origins here when a message comes from a
# host origin it does not know yet (the build removes the eager fetch at import time).
TEAMS_JS_ORIGIN_LIST = "https://res.cdn.office.net"


def content_security_policy(settings: Settings) -> str:
    directives = {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": f"'self' {TEAMS_JS_ORIGIN_LIST}",
        "frame-src": "'self'",
        "frame-ancestors": " ".join(FRAME_ANCESTORS),
        # Signing out of the browser session redirects to the authority's logout page.
        "form-action": f"'self' {settings.authority_host}",
        "base-uri": "'self'",
        "object-src": "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def apply_page_headers(response: Response, settings: Settings) -> Response:
    response.headers["Content-Security-Policy"] = content_security_policy(settings)
    response.headers["Cache-Control"] = "no-cache"
    response.vary.update(("Accept-Language", "X-Teams-Locale"))  # the page's language follows them
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    return response
