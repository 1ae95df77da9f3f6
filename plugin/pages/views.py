"""The Teams tab surfaces and the small public pages.

Every tab surface is the same page shell with the `tab` bundle and its own chunk (manifest entry
`tab:<surface>`: the bundle, the surface's code, preloaded); the bundle reads its surface from the
boot data and, for a configured tab's content URL, from the Teams frame context."""

from __future__ import annotations

from flask import Blueprint, current_app, request

from ..domain.retention import RULES, rule_key
from ..services import browser_sessions
from .render import TAB_TEXTS, page_language, render_page, texts_for

bp = Blueprint("pages", __name__, template_folder="templates")

SURFACES = ("config", "sidepanel", "stage", "content", "personal")
SIGN_IN_URL = "/auth/login"
SIGN_OUT_URL = "/auth/logout"


def _settings():
    return current_app.extensions["mus.settings"]


@bp.get(f"/tab/<any({', '.join(SURFACES)}):surface>")
def tab(surface: str):
    boot = {
        "surface": surface,
        "demo": _settings().demo,
        "language": page_language(),
        "texts": texts_for(TAB_TEXTS),
        "signInUrl": SIGN_IN_URL,
        "signOutUrl": SIGN_OUT_URL,
        # The browser session's CSRF token, which the sign-out form sends back (none without a session).
        "csrfToken": browser_sessions.csrf_token(
            _settings().secret_key, request.cookies.get(browser_sessions.COOKIE)
        ),
    }
    return render_page(
        "pages/tab.html",
        surface=surface,
        title_key=f"ui.surface.{surface}",
        entry=f"tab:{surface}",  # the bundle and this surface's chunks (web/build.mjs)
        boot=boot,
    )


@bp.get("/")
def landing():
    return render_page(
        "pages/landing.html",
        surface="landing",
        title_key="ui.landing.title",
        scripts=False,
        sections=current_app.extensions.get("mus.landing_sections", ()),
    )


@bp.get("/privacy")
def privacy():
    return render_page(
        "pages/privacy.html",
        surface="privacy",
        title_key="ui.privacy.title",
        scripts=False,
        retention_days=_settings().retention_days,
        retention_rules=[(kind.value, rule_key(kind)) for kind in RULES],
    )


@bp.get("/terms")
def terms():
    return render_page("pages/terms.html", surface="terms", title_key="ui.terms.title", scripts=False)
