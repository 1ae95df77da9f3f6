"""Rendering a page: its language, its texts, its built assets and its headers."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from flask import Response, current_app, render_template, request

from ..i18n import LANGUAGES, Text, catalogue, format_number, ngettext, request_language, translate
from . import assets
from .headers import apply_page_headers

THEMES = ("default", "dark", "contrast")

# The keys each front end needs, by prefix; both languages go into the page so that the tab can
# follow the Teams locale without another request. A text with a count is embedded as the list of
# its plural forms (web/src/lib/i18n.ts picks the form with Intl.PluralRules).
TAB_TEXTS = (
    "ui.agenda.",
    "ui.app.",
    "ui.common.",
    "ui.config.",
    "ui.consent.",
    "ui.conversation.",
    "ui.error.",
    "ui.followups.",
    "ui.kind.",
    "ui.meeting.",
    "ui.mymus.",
    "ui.panel.",
    "ui.people.",
    "ui.personal.",
    "ui.plan.",
    "ui.role.",
    "ui.signin.",
    "ui.stage.",
    "ui.status.",
    "ui.surface.",
)
SIMULATOR_TEXTS = ("ui.app.", "ui.common.", "ui.language.", "ui.role.", "ui.sim.")


@cache
def texts_for(prefixes: tuple[str, ...]) -> dict[str, dict[str, Text]]:
    return {
        language: {key: text for key, text in sorted(catalogue(language).items()) if key.startswith(prefixes)}
        for language in LANGUAGES
    }


def page_language() -> str:
    """The Teams locale header, `?locale=` (Teams can put its locale in a tab URL), then the browser's
    languages, then Danish."""
    return request_language(request.headers, request.args.get("locale"))


def page_theme() -> str | None:
    theme = request.args.get("theme")
    return theme if theme in THEMES else None


def render_page(
    template: str,
    *,
    surface: str,
    title_key: str,
    entry: str = "tab",
    scripts: bool = True,
    boot: Mapping[str, Any] | None = None,
    **context: Any,
) -> Response:
    settings = current_app.extensions["mus.settings"]
    lang = page_language()

    def t(key: str, **params: object) -> str:
        return translate(key, lang, **params)

    def n(key: str, count: int, **params: object) -> str:
        numbers = {k: format_number(v, lang) for k, v in params.items() if isinstance(v, int | float)}
        return ngettext(key, count, lang, **{"count": format_number(count, lang), **params, **numbers})

    files = assets.manifest().entry(entry)
    urls = files.urls() if files else {"js": [], "preload": [], "css": []}
    html = render_template(
        template,
        lang=lang,
        t=t,
        n=n,
        title=f"{t(title_key)} · {t('ui.app.name')}",
        surface=surface,
        theme=page_theme(),
        css=urls["css"],
        js=urls["js"] if scripts else [],
        preload=urls["preload"] if scripts else [],
        build_missing=files is None,
        boot=boot,
        demo=settings.demo,
        **context,
    )
    return apply_page_headers(Response(html, mimetype="text/html"), settings)
