"""Message catalogues (Danish and English) and locale choice.

Texts live in `messages/<language>/<area>.json`; all files of a language are merged, and every
key must exist in both languages (a test checks)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"


@cache
def catalogue(language: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    folder = resources.files("plugin").joinpath(f"messages/{language}")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            merged.update(json.loads(entry.read_text("utf-8")))
    return merged


def language_of(locale: str | None) -> str:
    lang = (locale or "").replace("_", "-").split("-")[0].lower()
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def pick_language(*candidates: str | None) -> str:
    """The first candidate we have texts for: Teams locale, then browser languages, then Danish."""
    for candidate in candidates:
        for part in (candidate or "").split(","):
            lang = part.split(";")[0].strip().split("-")[0].lower()
            if lang in LANGUAGES:
                return lang
    return DEFAULT_LANGUAGE


def translate(key: str, language: str, /, **params: object) -> str:
    text = catalogue(language_of(language)).get(key) or catalogue(DEFAULT_LANGUAGE).get(key) or key
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text
