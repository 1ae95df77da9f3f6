from __future__ import annotations

import pytest


def test_manager_plans_a_mus_with_the_seven_core_elements(api, people, conversation):
    assert conversation["kind"] == "mus"
    assert conversation["status"] == "planned"
    assert conversation["manager"]["object_id"] == people["manager"].oid
    assert conversation["employee"]["object_id"] == people["employee"].oid
    sections = [item["section_key"] for item in conversation["agenda"]]
    assert sections == [
        "work_situation",
        "expectations_goals",
        "development",
        "feedback",
        "challenges",
        "wellbeing",
        "agreements",
    ]
    assert conversation["agenda"][1]["title"] == {
        "da": "Forventninger og mål",
        "en": "Expectations and goals",
    }


def test_checkin_uses_the_short_template(api, people):
    response = api.as_(people["employee"]).post(
        "/api/conversations",
        json={"kind": "checkin", "manager": {"object_id": people["manager"].oid}},
    )
    assert response.status_code == 201
    body = response.get_json()
    assert [i["section_key"] for i in body["agenda"]] == [
        "goal_progress",
        "blockers",
        "wellbeing",
        "next_steps",
    ]
    assert body["employee"]["object_id"] == people["employee"].oid


def test_both_parties_list_the_conversation_and_nobody_else(api, people, conversation):
    for key in ("manager", "employee"):
        ids = [c["id"] for c in api.as_(people[key]).get("/api/conversations").get_json()["items"]]
        assert ids == [conversation["id"]]
    for key in ("colleague", "outsider", "admin"):
        assert api.as_(people[key]).get("/api/conversations").get_json()["items"] == []


def test_list_filters_by_role(api, people, conversation):
    mgr = api.as_(people["manager"])
    assert len(mgr.get("/api/conversations?role=manager").get_json()["items"]) == 1
    assert mgr.get("/api/conversations?role=employee").get_json()["items"] == []
    response = mgr.get("/api/conversations?role=boss")
    assert response.status_code == 422
    assert response.get_json()["error"]["field"] == "role"


def test_planning_for_oneself_twice_is_refused(api, people):
    response = api.as_(people["manager"]).post(
        "/api/conversations", json={"employee": {"object_id": people["manager"].oid}}
    )
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "same_person"


def test_planning_for_two_other_people_is_forbidden(api, people):
    response = api.as_(people["colleague"]).post(
        "/api/conversations",
        json={
            "employee": {"object_id": people["employee"].oid},
            "manager": {"object_id": people["manager"].oid},
        },
    )
    assert response.status_code == 403
    assert api.as_(people["manager"]).get("/api/conversations").get_json()["items"] == []


def test_unknown_template_is_named(api, people):
    response = api.as_(people["manager"]).post(
        "/api/conversations",
        json={"employee": {"object_id": people["employee"].oid}, "template_key": "nope"},
    )
    assert response.status_code == 422
    assert response.get_json()["error"]["field"] == "template_key"


def test_lifecycle_moves_forward_and_refuses_jumps(api, people, conversation):
    cid, mgr = conversation["id"], api.as_(people["manager"])
    jump = mgr.post(f"/api/conversations/{cid}/transition", json={"status": "reviewing", "version": 1})
    assert jump.status_code == 409
    assert jump.get_json()["error"]["code"] == "invalid_transition"
    version = conversation["version"]
    for status in ("preparing", "in_meeting", "reviewing"):
        response = mgr.post(
            f"/api/conversations/{cid}/transition", json={"status": status, "version": version}
        )
        assert response.status_code == 200, response.get_json()
        assert response.get_json()["status"] == status
        version = response.get_json()["version"]
    assert response.get_json()["meeting_ended_at"] is not None
    agreed = mgr.post(f"/api/conversations/{cid}/transition", json={"status": "agreed", "version": version})
    assert agreed.status_code == 409


def test_stale_version_gets_409_with_the_current_state(api, people, conversation):
    cid = conversation["id"]
    first = api.as_(people["manager"]).patch(
        f"/api/conversations/{cid}", json={"version": 1, "title": "MUS 2026"}
    )
    assert first.status_code == 200
    stale = api.as_(people["employee"]).patch(
        f"/api/conversations/{cid}", json={"version": 1, "title": "Other"}
    )
    assert stale.status_code == 409
    error = stale.get_json()["error"]
    assert error["code"] == "stale_version"
    assert error["current"]["title"] == "MUS 2026"
    assert api.as_(people["employee"]).get(f"/api/conversations/{cid}").get_json()["title"] == "MUS 2026"


def test_shared_notes_round_trip_danish_and_emoji(api, people, conversation, events):
    cid, item = conversation["id"], conversation["agenda"][0]
    text = "Æbler, øl og å 🎉 — vi aftalte at prioritere kunderne"
    response = api.as_(people["employee"]).patch(
        f"/api/conversations/{cid}/agenda/{item['id']}",
        json={"version": item["version"], "notes": text},
    )
    assert response.status_code == 200
    assert "Æbler" in response.get_data(as_text=True)  # sent as UTF-8, not escaped
    seen = api.as_(people["manager"]).get(f"/api/conversations/{cid}").get_json()
    assert seen["agenda"][0]["notes"] == text
    assert [e.kind for e in events] == ["agenda_item.updated"]


def test_note_over_64_kb_is_413_and_nothing_changes(api, people, conversation):
    cid, item = conversation["id"], conversation["agenda"][0]
    response = api.as_(people["employee"]).patch(
        f"/api/conversations/{cid}/agenda/{item['id']}", json={"version": 1, "notes": "ø" * 40_000}
    )
    assert response.status_code == 413
    assert response.get_json()["error"]["field"] == "notes"
    seen = api.as_(people["employee"]).get(f"/api/conversations/{cid}").get_json()
    assert seen["agenda"][0]["notes"] == ""


def test_request_over_1_mb_is_413(api, people, conversation):
    response = api.as_(people["employee"]).post(
        "/api/conversations",
        data=b"{" + b" " * (1024 * 1024 + 10) + b"}",
        content_type="application/json",
    )
    assert response.status_code == 413


def test_malformed_json_is_400(api, people):
    response = api.as_(people["manager"]).post(
        "/api/conversations", data=b'{"employee": ', content_type="application/json"
    )
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "malformed_json"


def test_wrong_content_type_is_415(api, people):
    response = api.as_(people["manager"]).post(
        "/api/conversations", data=b"kind=mus", content_type="text/plain"
    )
    assert response.status_code == 415


def test_unknown_field_is_named(api, people):
    response = api.as_(people["manager"]).post(
        "/api/conversations",
        json={"employee": {"object_id": people["employee"].oid}, "colour": "red"},
    )
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "unknown_field"
    assert error["field"] == "colour"


def test_invalid_field_is_named_in_danish(api, people):
    response = api.as_(people["manager"]).post(
        "/api/conversations",
        json={"employee": {"object_id": people["employee"].oid}, "kind": "coffee"},
        headers={"Accept-Language": "da-DK,da;q=0.9"},
    )
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["field"] == "kind"  # the machine name, for the tab
    assert error["message"] == "Vælg en af de tilbudte muligheder for “Slags”."  # the person's name
    assert error["fields"] == [{"field": "kind", "code": "field_invalid", "message": error["message"]}]


def test_idempotency_key_creates_once(api, people):
    mgr = api.as_(people["manager"])
    body = {"employee": {"object_id": people["employee"].oid}}
    first = mgr.post("/api/conversations", json=body, headers={"Idempotency-Key": "plan-1"})
    again = mgr.post("/api/conversations", json=body, headers={"Idempotency-Key": "plan-1"})
    assert first.status_code == again.status_code == 201
    assert first.get_json()["id"] == again.get_json()["id"]
    assert len(mgr.get("/api/conversations").get_json()["items"]) == 1
    other = mgr.post("/api/conversations", json={**body, "title": "x"}, headers={"Idempotency-Key": "plan-1"})
    assert other.status_code == 422
    assert other.get_json()["error"]["code"] == "idempotency_key_reused"


def test_failed_create_releases_the_idempotency_key(api, people):
    mgr = api.as_(people["manager"])
    bad = mgr.post(
        "/api/conversations",
        json={"employee": {"object_id": people["employee"].oid}, "template_key": "nope"},
        headers={"Idempotency-Key": "k2"},
    )
    assert bad.status_code == 422
    # The same key with the same (still bad) body runs again rather than replaying or hanging.
    again = mgr.post(
        "/api/conversations",
        json={"employee": {"object_id": people["employee"].oid}, "template_key": "nope"},
        headers={"Idempotency-Key": "k2"},
    )
    assert again.status_code == 422


def test_talking_points_and_custom_agenda_item(api, people, conversation):
    cid = conversation["id"]
    emp = api.as_(people["employee"])
    added = emp.post(f"/api/conversations/{cid}/agenda", json={"title": "Hjemmearbejde"})
    assert added.status_code == 201
    item = added.get_json()
    assert item["position"] == 7
    point = emp.post(
        f"/api/conversations/{cid}/agenda/{item['id']}/talking-points",
        json={"text": "To dage om ugen"},
    )
    assert point.status_code == 201
    points = point.get_json()["talking_points"]
    assert [(p["text"], p["author"]["object_id"]) for p in points] == [
        ("To dage om ugen", people["employee"].oid)
    ]


@pytest.mark.parametrize("who,status", [("colleague", 403), ("admin", 403), ("outsider", 404)])
def test_outsiders_cannot_read_or_change(api, people, conversation, who, status):
    cid, item = conversation["id"], conversation["agenda"][0]
    client = api.as_(people[who])
    assert client.get(f"/api/conversations/{cid}").status_code == status
    assert client.patch(f"/api/conversations/{cid}", json={"version": 1, "title": "x"}).status_code == status
    assert (
        client.patch(
            f"/api/conversations/{cid}/agenda/{item['id']}", json={"version": 1, "notes": "x"}
        ).status_code
        == status
    )
    assert (
        client.post(
            f"/api/conversations/{cid}/transition", json={"status": "preparing", "version": 1}
        ).status_code
        == status
    )


def test_missing_conversation_is_404(api, people):
    assert api.as_(people["manager"]).get("/api/conversations/999").status_code == 404


def test_agenda_item_of_another_conversation_is_404(api, people, conversation):
    other = (
        api.as_(people["manager"])
        .post("/api/conversations", json={"employee": {"object_id": people["colleague"].oid}})
        .get_json()
    )
    response = api.as_(people["manager"]).patch(
        f"/api/conversations/{conversation['id']}/agenda/{other['agenda'][0]['id']}",
        json={"version": 1, "notes": "x"},
    )
    assert response.status_code == 404


def test_a_bad_idempotency_key_is_refused_the_same_way_on_every_write(api, people, conversation):
    mgr = api.as_(people["manager"])
    body = {"employee": {"object_id": people["employee"].oid}}
    plan = mgr.post("/api/conversations", json=body, headers={"Idempotency-Key": "with space"})
    item = conversation["agenda"][0]["id"]
    note = mgr.post(
        f"/api/conversations/{conversation['id']}/agenda/{item}/notes/updates",
        json={"update": "AAA="},
        headers={"Idempotency-Key": "x" * 129},
    )
    for response in (plan, note):
        error = response.get_json()["error"]
        assert (response.status_code, error["code"], error["field"]) == (
            422,
            "idempotency_key_invalid",
            "Idempotency-Key",
        )
    assert len(mgr.get("/api/conversations").get_json()["items"]) == 1  # nothing planned


def test_the_same_request_sent_twice_at_once_creates_once(app, api, people):
    """Two copies of one create in flight at the same time: one change, the same answer twice."""
    import threading

    mgr = api.as_(people["manager"])
    body = {"employee": {"object_id": people["employee"].oid}, "title": "Samtidig"}
    mgr.get("/api/me")  # the person exists before the race
    start = threading.Barrier(2)
    answers = []

    def send():
        client = app.test_client()
        start.wait()
        answers.append(
            client.post(
                "/api/conversations",
                json=body,
                headers={"Authorization": f"Bearer {people['manager'].token}", "Idempotency-Key": "twice"},
            )
        )

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert [a.status_code for a in answers] == [201, 201], [a.get_json() for a in answers]
    assert answers[0].get_json()["id"] == answers[1].get_json()["id"]
    assert len(mgr.get("/api/conversations").get_json()["items"]) == 1
