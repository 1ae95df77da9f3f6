"""The Danish and English catalogues (gettext PO files): the same keys, the same placeholders, the
same plural-ness, a text for every machine code the code base raises and for every key the Python
and web code use, and a name for every field a request can carry."""

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
from plugin.i18n import (
    LANGUAGES,
    catalogue,
    format_date,
    format_number,
    is_plural,
    language_of,
    ngettext,
    pick_language,
    plural_index,
    request_language,
    translate,
)

SOURCE = Path(plugin.api.__file__).resolve().parent.parent
ROOT = SOURCE.parent
WEB = ROOT / "web" / "src"
DA, EN = catalogue("da"), catalogue("en")


def _placeholders(text: str | tuple[str, ...]) -> set[str]:
    forms = text if isinstance(text, tuple) else (text,)
    return {name for form in forms for _, name, _, _ in string.Formatter().parse(form) if name is not None}


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
        forms = {k: v if isinstance(v, tuple) else (v,) for k, v in texts.items()}
        assert [k for k, v in forms.items() if not all(isinstance(f, str) and f.strip() for f in v)] == [], (
            language
        )


def test_the_catalogues_are_po_files_with_two_plural_forms():
    for language in LANGUAGES:
        path = SOURCE / "messages" / language / "LC_MESSAGES" / "messages.po"
        text = path.read_text("utf-8")
        assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in text
        assert f'"Language: {language}\\n"' in text
    assert not list((SOURCE / "messages").glob("*/*.json")), "fold JSON catalogues in: scripts/json_to_po.py"


def test_plural_texts_are_plural_in_both_languages():
    assert sorted(k for k in DA if isinstance(DA[k], tuple) != isinstance(EN.get(k), tuple)) == []
    plural = [k for k in DA if isinstance(DA[k], tuple)]
    assert "ui.meeting.points.count" in plural and "text_too_large" in plural
    assert all(len(DA[k]) == len(EN[k]) == 2 for k in plural)


def test_plural_forms_follow_the_count():
    assert [plural_index("en", n) for n in (0, 1, 2, 21)] == [1, 0, 1, 1]
    assert [plural_index("da", n) for n in (0, 1, 2)] == [1, 0, 1]
    assert ngettext("ui.meeting.points.count", 1, "en", count=1) == "1 talking point"
    assert ngettext("ui.meeting.points.count", 3, "en", count=3) == "3 talking points"
    assert ngettext("ui.meeting.points.count", 1, "da", count=1) == "1 samtalepunkt"
    assert ngettext("ui.meeting.points.count", 0, "da", count=0) == "0 samtalepunkter"
    assert translate("ui.meeting.points.count", "en", count=1) == "1 talking point"


def test_numbers_and_dates_follow_the_language():
    assert format_number(20000, "da") == "20.000"
    assert format_number(20000, "en") == "20,000"
    assert format_date(date(2026, 5, 31), "da") == "31. maj 2026"
    assert format_date(date(2026, 5, 31), "en") == "31 May 2026"


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
    "headers,expected",
    [
        ({"X-Teams-Locale": "en-US", "Accept-Language": "da-DK"}, "en"),
        ({"X-Teams-Locale": "da-DK", "Accept-Language": "en-GB"}, "da"),
        ({"X-Teams-Locale": "fr-FR", "Accept-Language": "en-GB"}, "en"),
        ({"Accept-Language": "en-GB,en;q=0.9"}, "en"),
        ({}, "da"),
    ],
)
def test_request_language(headers, expected):
    assert request_language(headers) == expected


@pytest.mark.parametrize(
    "locale,expected",
    [("da-dk", "da"), ("en_GB", "en"), ("EN", "en"), ("sv-se", "da"), (None, "da"), ("", "da")],
)
def test_language_of(locale, expected):
    assert language_of(locale) == expected


def test_translate():
    assert translate("invalid_transition", "en", source="Planned", target="Agreed") == (
        "A conversation cannot go from “Planned” to “Agreed”."
    )
    assert translate("token_missing", "da") == DA["token_missing"]
    assert translate("token_missing", "en-GB") == EN["token_missing"]
    assert translate("token_missing", "fr") == DA["token_missing"]
    assert translate("no_such_code", "en") == "no_such_code"
    # A missing parameter does not crash: the text is returned unformatted.
    assert translate("invalid_transition", "en") == EN["invalid_transition"]


# --- every key the code uses exists ------------------------------------------------------------

WEB_LITERAL = re.compile(r"[\"'`](ui\.[a-z0-9_]+(?:\.[a-z0-9_]+)+)[\"'`]")
WEB_TEMPLATE = re.compile(r"`(ui\.[a-z0-9_.]+\.)\$\{")
WEB_PLURAL_CALL = re.compile(r"\bn\(\s*\"([a-z0-9_.]+)\"")
WEB_T_CALL = re.compile(r"\bt\(\s*\"([a-z0-9_.]+)\"")
PY_CALL = re.compile(r"\b(?:translate|ngettext|t|n)\(\s*[\"']([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)+)[\"']")


def _web_sources() -> list[Path]:
    return sorted(p for p in WEB.rglob("*.ts*") if p.name != "schema.ts")


def test_every_key_the_web_code_names_exists():
    missing, prefixes = [], []
    for path in _web_sources():
        text = path.read_text("utf-8")
        missing += [f"{path.relative_to(ROOT)}: {k}" for k in WEB_LITERAL.findall(text) if k not in DA]
        prefixes += [(path, p) for p in WEB_TEMPLATE.findall(text)]
    assert len(prefixes) > 20  # the scan works
    missing += [
        f"{path.relative_to(ROOT)}: {p}*" for path, p in prefixes if not any(k.startswith(p) for k in DA)
    ]
    assert missing == []


def test_plural_texts_are_used_with_a_count():
    """`n(key, count)` only on plural texts; a plural text is not shown with a bare `t(key)`."""
    wrong = []
    for path in _web_sources():
        text = path.read_text("utf-8")
        wrong += [
            f"{path.name}: n({k}) is not plural" for k in WEB_PLURAL_CALL.findall(text) if not is_plural(k)
        ]
        wrong += [f"{path.name}: t({k}) is plural" for k in WEB_T_CALL.findall(text) if is_plural(k)]
    assert wrong == []


def test_every_key_the_python_code_names_exists():
    files = [p for p in SOURCE.rglob("*") if p.suffix in (".py", ".html") and "migrations" not in p.parts]
    used = {}
    for path in files:
        for key in PY_CALL.findall(path.read_text("utf-8")):
            used.setdefault(key, path.relative_to(ROOT))
    assert "ui.privacy.retention" in used and "signin.retry" in used  # the scan works
    assert {k: str(v) for k, v in used.items() if k not in DA or k not in EN} == {}


# --- validation errors: a person's words, in the person's language --------------------------------


def _input_fields() -> set[str]:
    import importlib
    import inspect
    import pkgutil

    from pydantic import BaseModel

    import plugin.api.schemas as schemas

    names = set()
    for module_info in pkgutil.iter_modules(schemas.__path__):
        module = importlib.import_module(f"plugin.api.schemas.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, BaseModel) and cls.model_config.get("extra") == "forbid":
                names |= {info.alias or name for name, info in cls.model_fields.items()}
    return names


def test_every_field_of_a_request_has_a_name_for_people():
    fields = _input_fields()
    assert {"specific", "title", "kind"} <= fields
    assert sorted(f for f in fields if f"field.{f}" not in DA or f"field.{f}" not in EN) == []
    assert EN["field.specific"] == "Specific" and DA["field.specific"] == "Specifikt"


def test_every_validation_message_has_a_text():
    from plugin.api.validation import _COUNTS, _MESSAGES

    keys = set(_MESSAGES.values()) | {"validation.invalid"}
    assert sorted(k for k in keys if k not in DA or k not in EN) == []
    assert all(is_plural(k) for k in _COUNTS)
    texts = [t for k in keys for lang in (DA, EN) for t in (lang[k] if is_plural(k) else (lang[k],))]
    assert all("{reason}" not in t for t in texts)  # never the library's own words


# --- each request is answered in the language of the tab -------------------------------------------

ENGLISH_TAB = {"X-Teams-Locale": "en-GB", "Accept-Language": "da-DK"}  # a Danish browser, English Teams
DANISH_TAB = {"X-Teams-Locale": "da-DK", "Accept-Language": "en-GB"}


def test_the_teams_locale_of_each_request_wins_over_the_stored_locale(api, people, conversation):
    employee = api.as_(people["employee"])
    first = employee.get("/api/preparation/prompts?role=employee", headers=DANISH_TAB)  # stores da
    assert "Hvad gik godt" in first.get_json()["items"][0]["text"]
    english = employee.get("/api/preparation/prompts?role=employee", headers=ENGLISH_TAB).get_json()
    assert english["items"][0]["text"] == EN["preparation.employee.past_period"]
    danish = employee.get("/api/preparation/prompts?role=employee", headers=DANISH_TAB).get_json()
    assert danish["items"][0]["text"] == DA["preparation.employee.past_period"]


def test_smart_findings_and_errors_follow_the_request(api, people, conversation):
    employee = api.as_(people["employee"])
    url = "/api/goals/check"
    body = {"specific": "Blive bedre til at skrive Python"}
    for headers, texts in ((ENGLISH_TAB, EN), (DANISH_TAB, DA)):
        findings = employee.post(url, json=body, headers=headers).get_json()["findings"]
        assert {f["reason"] for f in findings} == {texts[f["reason_code"]] for f in findings}
        refused = employee.get("/api/conversations/999999", headers=headers).get_json()["error"]
        assert refused["message"] == texts[refused["code"]]
    anonymous = api.as_(None).get("/api/me", headers=ENGLISH_TAB).get_json()["error"]
    assert anonymous["message"] == EN["token_missing"]


@pytest.mark.parametrize(
    "body,field,english,danish",
    [
        (
            {"kind": "coffee"},
            "kind",
            "Choose one of the offered options for “Kind”.",
            "Vælg en af de tilbudte muligheder for “Slags”.",
        ),
        (
            {"employee": {"object_id": "nobody"}},
            "employee.object_id",
            "Person is not written in the expected form.",
            "Person er ikke skrevet i den forventede form.",
        ),
        (
            {"title": "x" * 201},  # a conversation's title: its column holds 200
            "title",
            "Title can have at most 200 characters.",
            "Titel må højst have 200 tegn.",
        ),
        (
            {"colour": "red"},
            "colour",
            "The request has a field that is not known here.",
            "Forespørgslen har et felt, der ikke kendes her.",
        ),
    ],
)
def test_validation_errors_name_fields_as_a_person_would(api, people, body, field, english, danish):
    manager = api.as_(people["manager"])
    payload = {"employee": {"object_id": people["employee"].oid}, **body}
    for headers, expected in ((ENGLISH_TAB, english), (DANISH_TAB, danish)):
        response = manager.post("/api/conversations", json=payload, headers=headers)
        assert response.status_code == 422
        error = response.get_json()["error"]
        assert (error["field"], error["message"]) == (field, expected)
        assert [(f["field"], f["message"]) for f in error["fields"]] == [(field, expected)]


def test_a_missing_field_and_a_number_out_of_range_are_said_plainly(api, people, conversation):
    employee = api.as_(people["employee"])
    url = f"/api/conversations/{conversation['id']}/wellbeing"
    missing = employee.post(url, json={}, headers=ENGLISH_TAB).get_json()["error"]
    assert (missing["field"], missing["message"]) == ("score", "Pulse is required.")
    too_high = employee.post(url, json={"score": 9}, headers=DANISH_TAB).get_json()["error"]
    assert (too_high["code"], too_high["message"]) == ("pulse_out_of_range", DA["pulse_out_of_range"])
    not_a_number = employee.post(url, json={"score": "mange"}, headers=ENGLISH_TAB).get_json()["error"]
    assert not_a_number["message"] == "Pulse must be a whole number."


# --- scripts/json_to_po.py: texts other branches still add as JSON are folded in ------------------


def _json_to_po():
    import importlib.util

    spec = importlib.util.spec_from_file_location("json_to_po", ROOT / "scripts" / "json_to_po.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_json_catalogues_are_folded_into_the_po_files_idempotently(tmp_path, monkeypatch):
    import json
    import shutil

    script = _json_to_po()
    messages = tmp_path / "messages"
    shutil.copytree(SOURCE / "messages", messages)
    monkeypatch.setattr(script, "MESSAGES", messages)
    before = (messages / "en" / "LC_MESSAGES" / "messages.po").read_text("utf-8")
    baseline = {"en": {"ui.meeting.points.count": "{count} talking point(s)", "token_missing": "Old text."}}
    # A branch from before the conversion: its whole old file, one new key and one changed text.
    (messages / "en" / "ui-new.json").write_text(
        json.dumps(
            {
                "ui.meeting.points.count": "{count} talking point(s)",  # unchanged there: keep the PO's
                "token_missing": "Sign in, please.",  # changed there: taken
                "ui.new.thing": "A new thing",  # new: added
            }
        ),
        "utf-8",
    )
    (messages / "da" / "ui-new.json").write_text(json.dumps({"ui.new.thing": "En ny ting"}), "utf-8")
    monkeypatch.setattr(script, "baseline_texts", lambda rev, language: baseline.get(language, {}))
    assert script.main(["--check"]) == 1
    assert script.main([]) == 0
    assert not list(messages.glob("*/*.json"))
    assert script.main(["--check"]) == 0
    after = (messages / "en" / "LC_MESSAGES" / "messages.po").read_text("utf-8")
    assert 'msgid "ui.new.thing"\nmsgstr "A new thing"' in after
    assert '#. area: ui-new\nmsgid "ui.new.thing"' in after
    assert 'msgid "token_missing"\nmsgstr "Sign in, please."' in after
    assert 'msgstr[1] "{count} talking points"' in after  # the plural forms are kept
    assert (
        after.replace("Sign in, please.", EN["token_missing"]).replace(
            '#. area: ui-new\nmsgid "ui.new.thing"\nmsgstr "A new thing"\n\n', ""
        )
        == before
    )
    assert script.main([]) == 0  # again: nothing changes
    assert (messages / "en" / "LC_MESSAGES" / "messages.po").read_text("utf-8") == after


def test_a_refused_step_names_the_statuses_as_the_tab_does(api, people, conversation):
    manager = api.as_(people["manager"])
    url = f"/api/conversations/{conversation['id']}/transition"
    for headers, expected in (
        (ENGLISH_TAB, "A conversation cannot go from “Planned” to “In review”."),
        (DANISH_TAB, "En samtale kan ikke gå fra “Planlagt” til “Til godkendelse”."),
    ):
        refused = manager.post(url, json={"status": "reviewing", "version": 1}, headers=headers)
        assert refused.status_code == 409
        assert refused.get_json()["error"]["message"] == expected


def test_an_error_message_names_the_field_and_writes_numbers_as_the_language_does():
    from plugin.api.errors import field_label, message

    assert message("text_too_large", "en", {"field": "comment", "limit": 65536}) == (
        "The text in “Comment” is longer than 65,536 bytes."
    )
    assert message("text_too_large", "da", {"field": "comment", "limit": 65536}) == (
        "Teksten i “Kommentar” er længere end 65.536 bytes."
    )
    assert message("text_too_large", "en", {"field": "notes", "limit": 1}) == (
        "The text in “Notes” is longer than 1 byte."
    )
    assert field_label("meeting.join_url", "en") == "Meeting link"
    assert field_label("sections.0.title", "da") == "Titel"
    assert field_label("something_internal", "en") == EN["field.unnamed"]
