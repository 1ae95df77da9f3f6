"""The Danish and English catalogues: the same keys, the same placeholders, and a text for every
machine code the code base raises."""

from __future__ import annotations

import ast
import re
import string
from datetime import date, timedelta
from pathlib import Path

import pytest

import plugin.api
import plugin.cli  # imported so that every DomainError subclass is known
from plugin.api.errors import _HTTP_CODES
from plugin.domain.errors import DomainError
from plugin.domain.smart import check_goal
from plugin.i18n import LANGUAGES, catalogue, language_of, pick_language, translate

SOURCE = Path(plugin.api.__file__).resolve().parent.parent
DA, EN = catalogue("da"), catalogue("en")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _error_classes() -> dict[str, type[DomainError]]:
    found: dict[str, type[DomainError]] = {}
    todo = [DomainError]
    while todo:
        cls = todo.pop()
        found[cls.__name__] = cls
        todo.extend(cls.__subclasses__())
    return found


def _sources() -> list[Path]:
    return sorted(p for p in SOURCE.rglob("*.py") if "migrations" not in p.parts)


ERROR_CLASSES = _error_classes()
RAISE = re.compile(r"\b(" + "|".join(sorted(ERROR_CLASSES)) + r")\(\s*[\"']([^\"']+)[\"']")


def _raised_codes() -> dict[str, str]:
    """code -> where it is raised, for every DomainError subclass called with a literal code."""
    codes: dict[str, str] = {}
    for path in _sources():
        for match in RAISE.finditer(path.read_text("utf-8")):
            codes.setdefault(match.group(2), f"{path.relative_to(SOURCE)}: {match.group(0)}")
    return codes


def test_catalogues_are_loaded_for_both_languages():
    assert LANGUAGES == ("da", "en")
    assert len(DA) > 50
    assert DA["token_missing"] != EN["token_missing"]


def test_every_key_exists_in_both_languages():
    assert sorted(set(DA) - set(EN)) == []
    assert sorted(set(EN) - set(DA)) == []


def test_no_text_is_empty():
    for language, texts in (("da", DA), ("en", EN)):
        assert [k for k, v in texts.items() if not isinstance(v, str) or not v.strip()] == [], language


@pytest.mark.parametrize("key", sorted(set(DA) & set(EN)))
def test_placeholders_match(key):
    assert _placeholders(DA[key]) == _placeholders(EN[key]), key


def test_the_source_scan_finds_the_raises():
    codes = _raised_codes()
    # The scan itself must work, or the next test proves nothing.
    for known in ("not_a_party", "invalid_transition", "token_expired", "comment_required", "same_person"):
        assert known in codes
    assert "Unauthorized" in ERROR_CLASSES and "StaleVersion" in ERROR_CLASSES


def test_every_raised_code_has_a_text():
    missing = {code: where for code, where in _raised_codes().items() if code not in DA or code not in EN}
    assert missing == {}


def test_every_default_code_has_a_text():
    defaults = {cls.code for cls in ERROR_CLASSES.values()}
    assert "stale_version" in defaults
    assert sorted(code for code in defaults if code not in DA or code not in EN) == []


def test_every_http_and_fallback_code_has_a_text():
    codes = set(_HTTP_CODES.values()) | {"internal_error", "database_unavailable"}
    codes |= set(
        re.findall(r"error_body\(\s*\d+\s*,\s*\"([\w.]+)\"", (SOURCE / "api" / "errors.py").read_text())
    )
    codes |= set(
        re.findall(r"\"(unknown_field|field_invalid)\"", (SOURCE / "api" / "validation.py").read_text())
    )
    assert {"unknown_field", "field_invalid", "database_unavailable"} <= codes
    assert sorted(code for code in codes if code not in DA or code not in EN) == []


def _calls_with_params() -> list[tuple[str, str, set[str] | None]]:
    """(where, code, literal param names or None when not literal) for each raise with a code."""
    calls = []
    for path in _sources():
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ERROR_CLASSES or not node.args:
                continue
            first = node.args[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            params = next((k.value for k in node.keywords if k.arg == "params"), None)
            if params is None:
                names: set[str] | None = set()
            elif isinstance(params, ast.Dict) and all(
                isinstance(k, ast.Constant) and isinstance(k.value, str) for k in params.keys
            ):
                names = {k.value for k in params.keys}  # type: ignore[union-attr]
            else:
                names = None  # built at run time (e.g. ** unpacking): cannot tell here
            calls.append((f"{path.relative_to(SOURCE)}:{node.lineno}", first.value, names))
    return calls


def test_raises_pass_every_placeholder_their_text_needs():
    calls = _calls_with_params()
    assert any(code == "invalid_transition" for _, code, _ in calls)
    problems = [
        (where, code, sorted(_placeholders(DA.get(code, "")) - names))
        for where, code, names in calls
        if names is not None and _placeholders(DA.get(code, "")) - names
    ]
    assert problems == []


def _all_smart_reasons() -> set[str]:
    today = date(2026, 1, 1)
    texts = [None, "", "to ord", "Kunne bygge dashboards i Power BI selv", "Blive bedre til at bruge Excel"]
    measures = [None, "", "3 stk", "Når jeg føler mig klar", "Mindst 3 dashboards i drift"]
    deadlines = [None, today, today + timedelta(days=30), today + timedelta(days=3000)]
    reasons = set()
    for text in texts:
        for measure in measures:
            for deadline in deadlines:
                findings = check_goal(
                    specific=text,
                    measure=measure,
                    achievable=text,
                    relevance=text,
                    deadline=deadline,
                    today=today,
                )
                reasons |= {f.reason for f in findings}
    return reasons


def test_every_smart_reason_has_a_text_and_no_smart_text_is_stale():
    reasons = _all_smart_reasons()
    assert "smart.specific.vague" in reasons and "smart.time_bound.too_far" in reasons
    assert sorted(r for r in reasons if r not in DA or r not in EN) == []
    assert sorted(k for k in DA if k.startswith("smart.") and k not in reasons) == []


@pytest.mark.parametrize(
    "candidates,expected",
    [
        (("da-dk",), "da"),
        (("da-DK",), "da"),
        (("en-us",), "en"),
        (("en-GB",), "en"),
        (("en",), "en"),
        (("fr",), "da"),  # no French texts: Danish
        (("fr-FR",), "da"),
        ((None,), "da"),
        (("",), "da"),
        ((), "da"),
        (("fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7",), "en"),  # the first language we have
        (("de-DE,da;q=0.5",), "da"),
        (("en-GB,en;q=0.9,da;q=0.8",), "en"),
        ((" EN-us ; q=1 ",), "en"),
        ((None, "en-US,en;q=0.9"), "en"),  # no Teams locale: the browser's languages
        (("da-dk", "en-US"), "da"),  # the Teams locale wins
        (("fr", "en"), "en"),
        (("fr", "de"), "da"),
    ],
)
def test_pick_language(candidates, expected):
    assert pick_language(*candidates) == expected


@pytest.mark.parametrize(
    "locale,expected",
    [("da-dk", "da"), ("en_GB", "en"), ("EN", "en"), ("sv-se", "da"), (None, "da"), ("", "da")],
)
def test_language_of(locale, expected):
    assert language_of(locale) == expected


def test_translate():
    assert translate("invalid_transition", "en", source="planned", target="agreed") == (
        "A conversation cannot go from planned to agreed."
    )
    assert translate("token_missing", "da") == DA["token_missing"]
    assert translate("token_missing", "en-GB") == EN["token_missing"]
    assert translate("token_missing", "fr") == DA["token_missing"]
    assert translate("no_such_code", "en") == "no_such_code"
    # A missing parameter does not crash: the text is returned unformatted.
    assert translate("invalid_transition", "en") == EN["invalid_transition"]
