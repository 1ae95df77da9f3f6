"""Every bad input is a 4xx in the one error shape, never a 500, and nothing is half-written: ids
beyond the columns' range (path, body, query, header), JSON nested too deep, null where a value is
required, NUL bytes and lone surrogates in text, malformed or non-object bodies, the wrong content
type, unknown fields and too large bodies. On SQLite and PostgreSQL (MUS_TEST_DATABASE_URL), where
NUL and 64-bit ids would otherwise reach a database that refuses them."""

from __future__ import annotations

import json

import pytest

from tests.support.live import NotesClient, b64

BIG = [2**31, 2**63, 10**30]


def refused(response, status: int, code: str | None = None, field: str | None = None) -> dict:
    """The one error shape (the client checked it against the OpenAPI document), with a message."""
    assert response.status_code == status, response.get_data(as_text=True)
    error = response.get_json()["error"]
    assert error["message"].strip() and "Traceback" not in error["message"]
    if code is not None:
        assert error["code"] == code, error
    if field is not None:
        assert error["field"] == field, error
    return error


@pytest.fixture
def manager(api, people):
    return api.as_(people["manager"])


@pytest.fixture
def goal(manager, conversation):
    response = manager.post(f"/api/conversations/{conversation['id']}/goals", json={"title": "Lære Python"})
    assert response.status_code == 201
    return response.get_json()


@pytest.mark.parametrize("number", BIG)
@pytest.mark.parametrize(
    ("method", "template"),
    [
        ("GET", "/api/conversations/{n}"),
        ("PATCH", "/api/conversations/{n}"),
        ("GET", "/api/goals/{n}"),
        ("DELETE", "/api/goals/{n}"),
        ("DELETE", "/api/actions/{n}"),
        ("GET", "/api/conversations/{n}/live"),
        ("PATCH", "/api/conversations/1/agenda/{n}"),
    ],
)
def test_an_id_beyond_the_columns_range_in_the_path_is_not_found(
    manager, conversation, method, template, number
):
    body = {"version": 1, "title": "x"} if method == "PATCH" else None
    refused(manager.open(method, template.format(n=number), json=body), 404, "not_found")


@pytest.mark.parametrize("number", BIG)
def test_an_id_beyond_the_range_in_a_body_is_refused_and_nothing_is_written(
    manager, conversation, goal, number
):
    cid = conversation["id"]
    actions = f"/api/conversations/{cid}/actions"
    refused(
        manager.post(actions, json={"kind": "course", "title": "Kursus", "goal_id": number}),
        422,
        field="goal_id",
    )
    assert manager.get(actions).get_json()["items"] == []

    progress = f"/api/goals/{goal['id']}/progress"
    refused(
        manager.post(progress, json={"percent": 10, "conversation_id": number}), 422, field="conversation_id"
    )
    refused(
        manager.patch(f"/api/goals/{goal['id']}", json={"version": number, "title": "Ny"}),
        422,
        field="version",
    )
    assert manager.get(f"/api/goals/{goal['id']}").get_json() == goal


@pytest.mark.parametrize("number", BIG)
def test_a_huge_after_or_last_event_id_on_the_live_stream_is_refused(manager, conversation, number):
    live = f"/api/conversations/{conversation['id']}/live"
    refused(manager.get(f"{live}?after={number}"), 422, field="after")
    refused(manager.get(live, headers={"Last-Event-ID": str(number)}), 422, "live_event_id_invalid")
    refused(
        manager.get(live, headers={"Last-Event-ID": "²"}), 422, "live_event_id_invalid"
    )  # a digit, not ASCII


@pytest.mark.parametrize("depth", [33, 10_000, 100_000])
def test_json_nested_too_deep_is_refused(manager, conversation, depth):
    goals = f"/api/conversations/{conversation['id']}/goals"
    nested = "[" * depth + "]" * depth
    raw = '{"title": "Dyb", "specific": ' + nested + "}"
    response = manager.post(goals, data=raw, content_type="application/json")
    assert refused(response, 400, "inputs_too_deep")["message"]
    assert manager.get(goals).get_json()["items"] == []


def test_json_nested_within_the_bound_reaches_the_model(manager, conversation):
    raw = '{"title": "Lav", "specific": ' + "[" * 20 + "]" * 20 + "}"
    response = manager.post(
        f"/api/conversations/{conversation['id']}/goals", data=raw, content_type="application/json"
    )
    refused(response, 422, field="specific")  # a list is not text


def test_null_where_a_value_is_required_is_refused_and_the_record_is_unchanged(manager, conversation, goal):
    cid = conversation["id"]
    follow_up = manager.post(
        f"/api/conversations/{cid}/follow-ups", json={"title": "Opfølgning", "due_on": "2030-06-01"}
    )
    assert follow_up.status_code == 201
    follow_up = follow_up.get_json()
    path = f"/api/conversations/{cid}/follow-ups/{follow_up['id']}"
    for body in (
        {"version": 1, "base": {}, "title": None},
        {"version": 1, "base": {}, "due_on": None},
        {"version": 1, "base": {"title": None}, "title": "Ny"},
    ):
        error = refused(manager.patch(path, json=body), 422, "field_invalid")
        assert "null" in error["message"]
    assert manager.get(f"/api/conversations/{cid}/follow-ups").get_json()["items"] == [follow_up]

    before = manager.get(f"/api/conversations/{cid}").get_json()
    refused(
        manager.patch(f"/api/conversations/{cid}", json={"version": before["version"], "title": None}),
        422,
        field="title",
    )
    assert manager.get(f"/api/conversations/{cid}").get_json() == before

    refused(manager.patch(f"/api/goals/{goal['id']}", json={"version": 1, "title": None}), 422, field="title")
    assert manager.get(f"/api/goals/{goal['id']}").get_json() == goal
    for body in ({"title": None}, {"kind": "course", "title": None}):
        refused(manager.post(f"/api/conversations/{cid}/actions", json=body), 422)


@pytest.mark.parametrize("bad", ["før\x00efter", "\x00", "halv \ud800 surrogat", "\udfff"])
def test_nul_bytes_and_lone_surrogates_in_text_are_refused(manager, conversation, goal, bad):
    cid = conversation["id"]
    item = conversation["agenda"][0]
    agenda = f"/api/conversations/{cid}/agenda/{item['id']}"
    # json.dumps escapes both (\u0000, \ud800): what a client sends on the wire
    raw = json.dumps({"version": item["version"], "notes": bad})
    error = refused(
        manager.patch(agenda, data=raw, content_type="application/json"), 400, "inputs_bad_character", "notes"
    )
    assert "\x00" not in error["message"]
    assert manager.get(f"/api/conversations/{cid}").get_json()["agenda"][0] == item

    goals = f"/api/conversations/{cid}/goals"
    raw = json.dumps({"title": "Mål", "specific": bad})
    refused(
        manager.post(goals, data=raw, content_type="application/json"),
        400,
        "inputs_bad_character",
        "specific",
    )
    raw = json.dumps({"version": 1, "base": {"measure": ""}, "measure": bad})
    refused(
        manager.patch(f"/api/goals/{goal['id']}", data=raw, content_type="application/json"),
        400,
        field="measure",
    )
    raw = json.dumps({"title": "Mål", bad: "nøgle"})  # in a key too
    refused(manager.post(goals, data=raw, content_type="application/json"), 400, "inputs_bad_character")
    assert manager.get(goals).get_json()["items"] == [goal]
    prep = f"/api/conversations/{cid}/preparation"
    refused(
        manager.post(prep, data=json.dumps({"text": bad}), content_type="application/json"), 400, field="text"
    )
    assert manager.get(prep).get_json()["items"] == []


def test_a_nul_byte_in_the_query_is_refused(manager, conversation):
    refused(manager.get("/api/conversations?meeting_id=m%00x"), 400, "inputs_bad_character", "meeting_id")


def test_a_good_text_with_unicode_is_kept(manager, conversation):
    """The bound refuses only what cannot be stored: emoji (a surrogate pair in JSON) and æøå pass."""
    goals = f"/api/conversations/{conversation['id']}/goals"
    raw = '{"title": "M\\u00e5l \\ud83d\\ude00", "specific": "Bl\\u00e5b\\u00e6r"}'
    created = manager.post(goals, data=raw, content_type="application/json")
    assert created.status_code == 201, created.get_json()
    assert (created.get_json()["title"], created.get_json()["specific"]) == ("Mål 😀", "Blåbær")


@pytest.mark.parametrize(
    ("data", "content_type", "status", "code"),
    [
        ('{"title": ', "application/json", 400, "malformed_json"),
        (b"\xff\xfe{", "application/json", 400, "malformed_json"),
        ('["a list"]', "application/json", 422, "invalid"),
        ('"text"', "application/json", 422, "invalid"),
        ("null", "application/json", 422, None),
        ('{"title": "Mål"}', "text/plain", 415, "unsupported_media_type"),
        ('{"title": "Mål", "surprise": 1}', "application/json", 422, "unknown_field"),
    ],
)
def test_malformed_bodies_are_refused_in_the_error_shape(
    manager, conversation, data, content_type, status, code
):
    goals = f"/api/conversations/{conversation['id']}/goals"
    refused(manager.post(goals, data=data, content_type=content_type), status, code)
    assert manager.get(goals).get_json()["items"] == []


def test_a_body_over_the_request_limit_is_413(app, manager, conversation):
    limit = app.config["MAX_CONTENT_LENGTH"]
    raw = json.dumps({"title": "Stor", "specific": "x" * (limit + 1)})
    refused(
        manager.post(
            f"/api/conversations/{conversation['id']}/goals", data=raw, content_type="application/json"
        ),
        413,
    )


def test_a_conversation_title_longer_than_its_column_is_refused(manager, conversation):
    """The column holds 200 characters: PostgreSQL would refuse more with an error (a 500)."""
    cid = conversation["id"]
    before = manager.get(f"/api/conversations/{cid}").get_json()
    body = {"version": before["version"], "title": "x" * 201}
    refused(manager.patch(f"/api/conversations/{cid}", json=body), 422, field="title")
    assert manager.get(f"/api/conversations/{cid}").get_json() == before
    kept = manager.patch(f"/api/conversations/{cid}", json={**body, "title": "æ" * 200})
    assert kept.status_code == 200 and kept.get_json()["title"] == "æ" * 200


def test_a_nul_typed_into_a_live_note_is_refused_and_the_note_is_unchanged(manager, conversation):
    """The CRDT update is base64 (no NUL on the wire), but the text it makes is stored as the note."""
    item = conversation["agenda"][0]
    path = f"/api/conversations/{conversation['id']}/agenda/{item['id']}/notes"
    tab = NotesClient()
    tab.apply(manager.get(path).get_json()["state"])
    good = manager.post(f"{path}/updates", json={"update": b64(tab.append("Hej"))})
    assert good.status_code == 201, good.get_json()
    bad = manager.post(f"{path}/updates", json={"update": b64(tab.append(" med\x00nul"))})
    refused(bad, 400, "inputs_bad_character", "notes")
    assert manager.get(path).get_json()["text"] == "Hej"
    assert manager.get(f"/api/conversations/{conversation['id']}").get_json()["agenda"][0]["notes"] == "Hej"
