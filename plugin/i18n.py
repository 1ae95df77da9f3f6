"""Message catalogues (Danish and English), the reader's language, and dates and numbers per locale.

Texts live in gettext catalogues, `messages/<language>/LC_MESSAGES/messages.po`: monolingual keyed
PO files (the msgid is the key, the msgstr the text; Weblate and Poedit read them), read with Babel.
A text with a count has plural forms (`msgid_plural`, the forms chosen by the file's `Plural-Forms`).
Placeholders are written `{name}`. Every key exists in both languages (tests/test_i18n.py checks).

The language of a text is the reader's, decided per request: the Teams locale the tab sends
(`X-Teams-Locale`), then the browser's `Accept-Language`, then Danish (`request_language`)."""

from __future__ import annotations

import gettext
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import cache
from importlib import resources

from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime as babel_format_datetime
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
# The header the tab sends with every request: the locale of the Teams client (context.app.locale).
TEAMS_LOCALE_HEADER = "X-Teams-Locale"
# The locale used for dates and numbers in each language.
LOCALES = {"da": "da_DK", "en": "en_GB"}

Text = str | tuple[str, ...]  # a text, or its plural forms in the catalogue's order


@cache
def _read(language: str) -> tuple[dict[str, Text], Callable[[int], int]]:
    source = resources.files("plugin").joinpath(f"messages/{language}/LC_MESSAGES/messages.po")
    with source.open("rb") as handle:
        po = read_po(handle, locale=language)
    texts: dict[str, Text] = {}
    for message in po:
        if not message.id:
            continue  # the header
        key = message.id[0] if isinstance(message.id, tuple | list) else message.id
        if isinstance(message.string, tuple | list):
            texts[key] = tuple(message.string)
        elif message.string:
            texts[key] = message.string
    return texts, gettext.c2py(po.plural_expr)


def catalogue(language: str) -> dict[str, Text]:
    """key -> text (a str), or its plural forms (a tuple) for a text with a count."""
    return _read(language)[0]


def plural_index(language: str, n: int) -> int:
    """Which of a plural text's forms goes with `n` (the catalogue's Plural-Forms rule)."""
    return _read(language_of(language))[1](abs(int(n)))


def is_plural(key: str) -> bool:
    return isinstance(catalogue(DEFAULT_LANGUAGE).get(key), tuple)


def language_of(locale: str | None) -> str:
    lang = (locale or "").replace("_", "-").split("-")[0].strip().lower()
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def pick_language(*candidates: str | None) -> str:
    """The first candidate we have texts for: Teams locale, then browser languages, then Danish."""
    for candidate in candidates:
        for part in (candidate or "").split(","):
            lang = part.split(";")[0].strip().replace("_", "-").split("-")[0].lower()
            if lang in LANGUAGES:
                return lang
    return DEFAULT_LANGUAGE


def request_language(headers: Mapping[str, str], *more: str | None) -> str:
    """The reader's language for one request: the Teams locale header, then any further candidates
    (e.g. a page's `?locale=`), then `Accept-Language`, then Danish."""
    return pick_language(headers.get(TEAMS_LOCALE_HEADER), *more, headers.get("Accept-Language"))


def _lookup(key: str, language: str) -> tuple[Text | None, str]:
    language = language_of(language)
    text = catalogue(language).get(key)
    if text is None:
        language = DEFAULT_LANGUAGE
        text = catalogue(DEFAULT_LANGUAGE).get(key)
    return text, language


def _format(text: str, params: Mapping[str, object]) -> str:
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError, AttributeError):
        return text


def translate(key: str, language: str, /, **params: object) -> str:
    """The text for `key` in `language`, then Danish, then the key itself, with `{name}` filled in.
    A text with plural forms takes its form from the `count` parameter (or the plural form)."""
    text, found_in = _lookup(key, language)
    if text is None:
        return key
    if isinstance(text, tuple):
        count = params.get("count")
        text = text[plural_index(found_in, count) if isinstance(count, int) else -1]
    return _format(text, params)


def ngettext(key: str, n: int, language: str, /, **params: object) -> str:
    """The form of a plural text that goes with `n` (`{n}` is filled in with `n` unless given)."""
    text, found_in = _lookup(key, language)
    if text is None:
        return key
    if isinstance(text, tuple):
        text = text[min(plural_index(found_in, n), len(text) - 1)]
    return _format(text, {"n": format_number(n, language), **params})


def format_number(value: float, language: str) -> str:
    return format_decimal(value, locale=LOCALES[language_of(language)])


def format_date(value: date, language: str, style: str = "medium") -> str:
    return babel_format_date(value, format=style, locale=LOCALES[language_of(language)])


def format_datetime(value: datetime, language: str, style: str = "medium", tz: str | None = None) -> str:
    return babel_format_datetime(value, format=style, tzinfo=tz, locale=LOCALES[language_of(language)])
