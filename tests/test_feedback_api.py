from __future__ import annotations

from datetime import UTC, datetime

import pytest


def give_feedback(api, person, conversation_id: int, kind: str, text: str) -> dict:
    response = api.as_(person).post(
        f"/api/conversations/{conversation_id}/feedback", json={"kind": kind, "text": text}
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def give_pulse(api, person, conversation_id: int, **fields) -> dict:
    response = api.as_(person).post(f"/api/conversations/{conversation_id}/wellbeing", json=fields)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


# --- Feedback --------------------------------------------------------------------------------


def test_feedback_goes_both_ways_and_both_see_it(api, people, conversation, events, app):
    app.extensions["mus.clock"] = lambda: datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    cid = conversation["id"]
    praise = give_feedback(api, people["manager"], cid, "recognition", "Flot håndteret kundesag")
    wish = give_feedback(api, people["employee"], cid, "improvement", "Tydeligere prioriteter, tak")
    assert (praise["direction"], praise["author"]["object_id"]) == ("to_employee", people["manager"].oid)
    assert (wish["direction"], wish["author"]["object_id"]) == ("to_manager", people["employee"].oid)
    assert praise["created_at"].startswith("2026-03-02T10:00:00")
    for key in ("manager", "employee"):
        response = api.as_(people[key]).get(f"/api/conversations/{cid}/feedback")
        assert response.status_code == 200
        assert [(f["id"], f["kind"], f["text"]) for f in response.get_json()["items"]] == [
            (praise["id"], "recognition", "Flot håndteret kundesag"),
            (wish["id"], "improvement", "Tydeligere prioriteter, tak"),
        ]
    assert [(e.kind, e.data["direction"]) for e in events] == [
        ("feedback.added", "to_employee"),
        ("feedback.added", "to_manager"),
    ]


@pytest.mark.parametrize(
    "body,field",
    [
        ({"kind": "recognition", "text": ""}, "text"),
        ({"kind": "praise", "text": "Godt"}, "kind"),
        ({"kind": "recognition"}, "text"),
    ],
)
def test_invalid_feedback_is_named(api, people, conversation, body, field):
    cid = conversation["id"]
    response = api.as_(people["manager"]).post(f"/api/conversations/{cid}/feedback", json=body)
    assert response.status_code == 422
    assert response.get_json()["error"]["field"] == field
    assert api.as_(people["manager"]).get(f"/api/conversations/{cid}/feedback").get_json()["items"] == []


def test_feedback_over_64_kb_is_413(api, people, conversation):
    response = api.as_(people["manager"]).post(
        f"/api/conversations/{conversation['id']}/feedback",
        json={"kind": "recognition", "text": "æ" * 40_000},
    )
    assert response.status_code == 413
    assert response.get_json()["error"]["field"] == "text"


def test_feedback_round_trips_danish_letters_and_emoji(api, people, conversation):
    text = "Du gør en kæmpe forskel for holdet på Ærø 💪🏽 tak!"
    give_feedback(api, people["employee"], conversation["id"], "recognition", text)
    response = api.as_(people["manager"]).get(f"/api/conversations/{conversation['id']}/feedback")
    assert "kæmpe" in response.get_data(as_text=True)
    assert response.get_json()["items"][0]["text"] == text


def test_idempotency_key_gives_feedback_once(api, people, conversation):
    client, cid = api.as_(people["manager"]), conversation["id"]
    body = {"kind": "recognition", "text": "Godt gået"}
    first = client.post(f"/api/conversations/{cid}/feedback", json=body, headers={"Idempotency-Key": "f-1"})
    again = client.post(f"/api/conversations/{cid}/feedback", json=body, headers={"Idempotency-Key": "f-1"})
    assert first.status_code == again.status_code == 201
    assert first.get_json()["id"] == again.get_json()["id"]
    assert len(client.get(f"/api/conversations/{cid}/feedback").get_json()["items"]) == 1


# --- Wellbeing pulse -------------------------------------------------------------------------


def test_private_pulse_is_seen_by_its_author_only(api, people, conversation, events):
    cid, emp, mgr = conversation["id"], people["employee"], people["manager"]
    secret = "Travlt og lidt stresset 😓 for tiden"
    private = give_pulse(api, emp, cid, score=2, comment=secret)
    assert (private["score"], private["shared"], private["comment"]) == (2, False, secret)
    shared = give_pulse(api, emp, cid, score=4, shared=True, comment="Godt teamsammenhold")

    mine = api.as_(emp).get(f"/api/conversations/{cid}/wellbeing").get_json()["items"]
    assert [p["id"] for p in mine] == [private["id"], shared["id"]]

    theirs = api.as_(mgr).get(f"/api/conversations/{cid}/wellbeing")
    assert theirs.status_code == 200
    assert [(p["id"], p["score"], p["author"]["object_id"]) for p in theirs.get_json()["items"]] == [
        (shared["id"], 4, emp.oid)
    ]
    # Nothing the manager can read carries the private pulse.
    for path in (
        f"/api/conversations/{cid}/wellbeing",
        f"/api/conversations/{cid}",
        f"/api/conversations/{cid}/feedback",
        f"/api/conversations/{cid}/goals",
        f"/api/conversations/{cid}/actions",
    ):
        assert "stresset" not in api.as_(mgr).get(path).get_data(as_text=True), path
    # The live event says only that a pulse was added, never its score or comment.
    pulse_events = [e for e in events if e.kind == "wellbeing.added"]
    assert [e.data for e in pulse_events] == [
        {"id": private["id"], "shared": False},
        {"id": shared["id"], "shared": True},
    ]


def test_managers_private_pulse_is_hidden_from_the_employee(api, people, conversation):
    cid = conversation["id"]
    give_pulse(api, people["manager"], cid, score=3)
    assert api.as_(people["employee"]).get(f"/api/conversations/{cid}/wellbeing").get_json()["items"] == []
    mine = api.as_(people["manager"]).get(f"/api/conversations/{cid}/wellbeing").get_json()["items"]
    assert [(p["score"], p["shared"]) for p in mine] == [(3, False)]


@pytest.mark.parametrize("score", [0, 6, -3])
def test_pulse_out_of_range_is_422_naming_score(api, people, conversation, score):
    cid = conversation["id"]
    response = api.as_(people["employee"]).post(f"/api/conversations/{cid}/wellbeing", json={"score": score})
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["field"] == "score"
    assert error["code"] == "pulse_out_of_range"
    assert api.as_(people["employee"]).get(f"/api/conversations/{cid}/wellbeing").get_json()["items"] == []


def test_pulse_needs_a_whole_number_score(api, people, conversation):
    response = api.as_(people["employee"]).post(
        f"/api/conversations/{conversation['id']}/wellbeing", json={"score": "godt"}
    )
    assert response.status_code == 422
    assert response.get_json()["error"]["field"] == "score"


def test_pulse_round_trips_danish_letters_and_emoji(api, people, conversation):
    comment = "Glæder mig til sommerferien på Fanø ☀️"
    give_pulse(api, people["manager"], conversation["id"], score=5, shared=True, comment=comment)
    items = (
        api.as_(people["employee"])
        .get(f"/api/conversations/{conversation['id']}/wellbeing")
        .get_json()["items"]
    )
    assert items[0]["comment"] == comment


def test_idempotency_key_records_one_pulse(api, people, conversation):
    client, cid = api.as_(people["employee"]), conversation["id"]
    first = client.post(
        f"/api/conversations/{cid}/wellbeing", json={"score": 4}, headers={"Idempotency-Key": "w-1"}
    )
    again = client.post(
        f"/api/conversations/{cid}/wellbeing", json={"score": 4}, headers={"Idempotency-Key": "w-1"}
    )
    assert first.get_json()["id"] == again.get_json()["id"]
    assert len(client.get(f"/api/conversations/{cid}/wellbeing").get_json()["items"]) == 1


@pytest.mark.parametrize("who,status", [("colleague", 403), ("admin", 403), ("outsider", 404)])
def test_only_the_two_parties_see_or_give_feedback_and_pulses(api, people, conversation, who, status):
    cid = conversation["id"]
    give_pulse(api, people["employee"], cid, score=4, shared=True)
    give_feedback(api, people["manager"], cid, "recognition", "Godt")
    client = api.as_(people[who])
    assert client.get(f"/api/conversations/{cid}/feedback").status_code == status
    assert (
        client.post(
            f"/api/conversations/{cid}/feedback", json={"kind": "recognition", "text": "x"}
        ).status_code
        == status
    )
    assert client.get(f"/api/conversations/{cid}/wellbeing").status_code == status
    assert client.post(f"/api/conversations/{cid}/wellbeing", json={"score": 1}).status_code == status
    assert len(api.as_(people["manager"]).get(f"/api/conversations/{cid}/feedback").get_json()["items"]) == 1
    assert len(api.as_(people["manager"]).get(f"/api/conversations/{cid}/wellbeing").get_json()["items"]) == 1
