from __future__ import annotations

import json

import pytest

MARKER = "PRIVAT-forberedelse-ÆØÅ-7f3a91"


def prep_url(cid: int, item_id: int | None = None, suffix: str = "") -> str:
    base = f"/api/conversations/{cid}/preparation"
    return base if item_id is None else f"{base}/{item_id}{suffix}"


def add_prep(api, person, cid: int, text: str, prompt_key: str | None = None) -> dict:
    body = {"text": text} if prompt_key is None else {"text": text, "prompt_key": prompt_key}
    response = api.as_(person).post(prep_url(cid), json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


# --- Guided questions --------------------------------------------------------------------------


def test_prompts_for_the_employee_in_danish(api, people, conversation):
    response = api.as_(people["employee"]).get("/api/preparation/prompts?role=employee")
    assert response.status_code == 200
    body = response.get_json()
    assert body["role"] == "employee"
    keys = [p["key"] for p in body["items"]]
    assert keys == [
        "employee.past_period",
        "employee.goals_needs",
        "employee.examples",
        "employee.questions",
    ]
    assert "Hvad gik godt" in body["items"][0]["text"]
    assert all(p["text"] and not p["text"].startswith("preparation.") for p in body["items"])


def test_prompts_for_the_manager_in_english(api, people):
    client = api.as_(people["colleague"])  # first sign-in: the language comes from the browser
    response = client.get("/api/preparation/prompts?role=manager", headers={"Accept-Language": "en-GB"})
    assert response.status_code == 200
    items = response.get_json()["items"]
    assert [p["key"] for p in items] == [
        "manager.contributions",
        "manager.ambitions",
        "manager.feedback",
        "manager.development",
    ]
    assert "contributed" in items[0]["text"]
    assert items[3]["text"].startswith("Development options")


@pytest.mark.parametrize("query", ["", "?role=boss"])
def test_prompts_need_a_known_role(api, people, query):
    response = api.as_(people["employee"]).get(f"/api/preparation/prompts{query}")
    assert response.status_code == 422
    assert response.get_json()["error"]["field"] == "role"


CHECKIN_TOPICS = ["progress", "blockers", "wellbeing", "next_steps"]


@pytest.mark.parametrize("role", ["employee", "manager"])
def test_a_check_in_has_prompts_of_its_own(api, people, role):
    client = api.as_(people["employee"])
    mus = client.get(f"/api/preparation/prompts?role={role}").get_json()
    explicit = client.get(f"/api/preparation/prompts?role={role}&kind=mus").get_json()
    checkin = client.get(f"/api/preparation/prompts?role={role}&kind=checkin").get_json()
    assert mus == explicit and mus["kind"] == "mus"
    assert checkin["kind"] == "checkin" and checkin["role"] == role
    # Progress on goals, blockers, wellbeing, next steps: not the yearly MUS's questions.
    assert [p["key"] for p in checkin["items"]] == [f"checkin.{role}.{topic}" for topic in CHECKIN_TOPICS]
    assert not {p["text"] for p in checkin["items"]} & {p["text"] for p in mus["items"]}
    assert all(p["text"] and not p["text"].startswith("preparation.") for p in checkin["items"])
    assert checkin["items"][0]["text"].startswith("Fremdrift på målene")


def test_check_in_prompts_in_english(api, people):
    client = api.as_(people["colleague"])  # first sign-in: the language comes from the browser
    response = client.get(
        "/api/preparation/prompts?role=employee&kind=checkin", headers={"Accept-Language": "en-GB"}
    )
    items = response.get_json()["items"]
    assert [p["text"].split(":")[0] for p in items] == [
        "Progress on goals",
        "Blockers",
        "Wellbeing",
        "Next steps",
    ]


def test_a_check_in_prompt_key_is_accepted_for_an_item(api, people, conversation):
    item = add_prep(
        api,
        people["employee"],
        conversation["id"],
        "Målet om kurset er halvvejs",
        "checkin.employee.progress",
    )
    assert item["prompt_key"] == "checkin.employee.progress"


def test_prompts_need_a_known_kind(api, people):
    response = api.as_(people["employee"]).get("/api/preparation/prompts?role=employee&kind=yearly")
    assert response.status_code == 422
    assert response.get_json()["error"]["field"] == "kind"


# --- Own items ---------------------------------------------------------------------------------


def test_add_list_change_delete_own_items(api, people, conversation):
    cid = conversation["id"]
    emp = api.as_(people["employee"])
    first = add_prep(api, people["employee"], cid, "Kundeprojektet gik godt", "employee.past_period")
    assert first["prompt_key"] == "employee.past_period"
    assert (first["promoted"], first["promoted_item_id"], first["version"]) == (False, None, 1)
    second = add_prep(api, people["employee"], cid, "Jeg vil lære mere om test")
    assert second["prompt_key"] is None

    changed = emp.patch(
        prep_url(cid, first["id"]), json={"version": 1, "text": "Kundeprojektet gik rigtig godt"}
    )
    assert changed.status_code == 200
    assert changed.get_json()["text"] == "Kundeprojektet gik rigtig godt"
    assert changed.get_json()["version"] == 2
    assert changed.get_json()["prompt_key"] == "employee.past_period"

    gone = emp.delete(prep_url(cid, second["id"]))
    assert gone.status_code == 204
    assert gone.get_data() == b""
    items = emp.get(prep_url(cid)).get_json()["items"]
    assert [(i["id"], i["text"]) for i in items] == [(first["id"], "Kundeprojektet gik rigtig godt")]
    assert emp.delete(prep_url(cid, second["id"])).status_code == 404


def test_stale_change_is_409_with_the_current_item(api, people, conversation):
    cid = conversation["id"]
    item = add_prep(api, people["manager"], cid, "Første udkast")
    mgr = api.as_(people["manager"])
    assert (
        mgr.patch(prep_url(cid, item["id"]), json={"version": 1, "text": "Andet udkast"}).status_code == 200
    )
    stale = mgr.patch(prep_url(cid, item["id"]), json={"version": 1, "text": "Fra en anden fane"})
    assert stale.status_code == 409
    error = stale.get_json()["error"]
    assert error["code"] == "stale_version"
    assert (error["current"]["text"], error["current"]["version"]) == ("Andet udkast", 2)


def test_unknown_prompt_key_and_null_text_are_422(api, people, conversation):
    cid = conversation["id"]
    emp = api.as_(people["employee"])
    unknown = emp.post(prep_url(cid), json={"prompt_key": "employee.salary", "text": "x"})
    assert unknown.status_code == 422
    assert (unknown.get_json()["error"]["code"], unknown.get_json()["error"]["field"]) == (
        "prompt_unknown",
        "prompt_key",
    )
    item = add_prep(api, people["employee"], cid, "Noget")
    null = emp.patch(prep_url(cid, item["id"]), json={"version": 1, "text": None})
    assert null.status_code == 422
    assert null.get_json()["error"]["field"] == "text"
    assert emp.get(prep_url(cid)).get_json()["items"][0]["text"] == "Noget"


def test_too_long_preparation_is_413(api, people, conversation):
    response = api.as_(people["employee"]).post(prep_url(conversation["id"]), json={"text": "ø" * 40_000})
    assert response.status_code == 413
    assert response.get_json()["error"]["field"] == "text"


def test_adding_is_idempotent(api, people, conversation):
    cid = conversation["id"]
    emp = api.as_(people["employee"])
    body = {"text": "Spørg om hjemmearbejde", "prompt_key": "employee.questions"}
    first = emp.post(prep_url(cid), json=body, headers={"Idempotency-Key": "prep-1"})
    again = emp.post(prep_url(cid), json=body, headers={"Idempotency-Key": "prep-1"})
    assert first.status_code == again.status_code == 201
    assert first.get_json()["id"] == again.get_json()["id"]
    assert len(emp.get(prep_url(cid)).get_json()["items"]) == 1


# --- Privacy -----------------------------------------------------------------------------------


def test_the_other_party_never_sees_my_preparation(api, people, conversation, events):
    cid = conversation["id"]
    item = add_prep(
        api, people["employee"], cid, f"Jeg overvejer at søge væk {MARKER}", "employee.goals_needs"
    )
    add_prep(api, people["manager"], cid, "Lederens egne noter")
    emp, mgr = api.as_(people["employee"]), api.as_(people["manager"])

    responses = [
        mgr.get(prep_url(cid)),
        mgr.patch(prep_url(cid, item["id"]), json={"version": 1, "text": "overtaget"}),
        mgr.post(
            prep_url(cid, item["id"], "/promote"), json={"agenda_item_id": conversation["agenda"][0]["id"]}
        ),
        mgr.delete(prep_url(cid, item["id"])),
        mgr.get(f"/api/conversations/{cid}"),
        mgr.get("/api/conversations"),
        mgr.get(f"/api/conversations/{cid}/consent"),
        mgr.get(f"/api/conversations/{cid}/follow-ups"),
        mgr.post(f"/api/conversations/{cid}/transition", json={"status": "in_meeting", "version": 1}),
        mgr.post(f"/api/conversations/{cid}/agreement"),
        mgr.get(f"/api/conversations/{cid}/agreement"),
    ]
    assert [r.status_code for r in responses[1:4]] == [404, 404, 404]
    own = responses[0].get_json()["items"]
    assert [i["text"] for i in own] == ["Lederens egne noter"]
    assert responses[9].status_code == 201
    for response in responses:
        assert MARKER not in response.get_data(as_text=True)
    assert all(MARKER not in json.dumps(e.data, ensure_ascii=False) for e in events)
    # ... and it is all still there for its author.
    mine = emp.get(prep_url(cid)).get_json()["items"]
    assert [i["text"] for i in mine] == [f"Jeg overvejer at søge væk {MARKER}"]
    assert mine[0]["version"] == 1


def test_preparation_of_another_conversation_is_404(api, people, conversation):
    mgr = api.as_(people["manager"])
    other = mgr.post(
        "/api/conversations", json={"employee": {"object_id": people["colleague"].oid}}
    ).get_json()
    item = add_prep(api, people["manager"], other["id"], "Til den anden samtale")
    response = mgr.patch(prep_url(conversation["id"], item["id"]), json={"version": 1, "text": "x"})
    assert response.status_code == 404
    assert mgr.get(prep_url(other["id"])).get_json()["items"][0]["text"] == "Til den anden samtale"


# --- Promotion ---------------------------------------------------------------------------------


def test_promote_turns_an_item_into_a_shared_talking_point(api, people, conversation, events):
    cid = conversation["id"]
    agenda_item = conversation["agenda"][2]
    kept_private = add_prep(api, people["employee"], cid, f"Kun til mig {MARKER}")
    item = add_prep(
        api, people["employee"], cid, "Jeg vil gerne på et kursus i Kubernetes", "employee.goals_needs"
    )
    emp = api.as_(people["employee"])

    response = emp.post(prep_url(cid, item["id"], "/promote"), json={"agenda_item_id": agenda_item["id"]})
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["preparation"]["promoted"] is True
    assert body["preparation"]["promoted_item_id"] == agenda_item["id"]
    assert [(p["text"], p["from_preparation"]) for p in body["agenda_item"]["talking_points"]] == [
        ("Jeg vil gerne på et kursus i Kubernetes", True)
    ]
    assert [e.kind for e in events] == ["talking_point.added"]

    seen = api.as_(people["manager"]).get(f"/api/conversations/{cid}").get_json()
    points = seen["agenda"][2]["talking_points"]
    assert [(p["text"], p["author"]["object_id"]) for p in points] == [
        ("Jeg vil gerne på et kursus i Kubernetes", people["employee"].oid)
    ]

    again = emp.post(prep_url(cid, item["id"], "/promote"), json={"agenda_item_id": agenda_item["id"]})
    assert again.status_code == 409
    assert again.get_json()["error"]["code"] == "already_promoted"

    # The agreement holds what was promoted, never what stayed private.
    api.as_(people["manager"]).post(
        f"/api/conversations/{cid}/transition",
        json={"status": "in_meeting", "version": conversation["version"]},
    )
    drafted = api.as_(people["manager"]).post(f"/api/conversations/{cid}/agreement")
    assert drafted.status_code == 201
    assert drafted.get_json()["snapshot"]["agenda"][2]["talking_points"] == [
        "Jeg vil gerne på et kursus i Kubernetes"
    ]
    assert MARKER not in drafted.get_data(as_text=True)
    assert kept_private["promoted"] is False


def test_promoting_empty_text_is_422(api, people, conversation):
    cid = conversation["id"]
    item = add_prep(api, people["employee"], cid, "   ")
    response = api.as_(people["employee"]).post(
        prep_url(cid, item["id"], "/promote"), json={"agenda_item_id": conversation["agenda"][0]["id"]}
    )
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "empty_preparation"
    seen = api.as_(people["employee"]).get(f"/api/conversations/{cid}").get_json()
    assert seen["agenda"][0]["talking_points"] == []


def test_promoting_to_an_agenda_item_of_another_conversation_is_404(api, people, conversation):
    mgr = api.as_(people["manager"])
    other = mgr.post(
        "/api/conversations", json={"employee": {"object_id": people["colleague"].oid}}
    ).get_json()
    item = add_prep(api, people["manager"], conversation["id"], "Ros for kundeprojektet")
    response = mgr.post(
        prep_url(conversation["id"], item["id"], "/promote"),
        json={"agenda_item_id": other["agenda"][0]["id"]},
    )
    assert response.status_code == 404
    assert mgr.get(prep_url(conversation["id"])).get_json()["items"][0]["promoted"] is False
    assert mgr.get(f"/api/conversations/{other['id']}").get_json()["agenda"][0]["talking_points"] == []


def test_deleting_a_promoted_item_keeps_the_talking_point(api, people, conversation):
    cid, agenda_item = conversation["id"], conversation["agenda"][0]
    item = add_prep(api, people["employee"], cid, "Mere fokus på kunderne")
    emp = api.as_(people["employee"])
    emp.post(prep_url(cid, item["id"], "/promote"), json={"agenda_item_id": agenda_item["id"]})
    assert emp.delete(prep_url(cid, item["id"])).status_code == 204
    assert emp.get(prep_url(cid)).get_json()["items"] == []
    points = (
        api.as_(people["manager"]).get(f"/api/conversations/{cid}").get_json()["agenda"][0]["talking_points"]
    )
    assert [p["text"] for p in points] == ["Mere fokus på kunderne"]


# --- Who may -----------------------------------------------------------------------------------


@pytest.mark.parametrize("who,status", [("colleague", 403), ("admin", 403), ("outsider", 404)])
def test_only_the_parties_reach_preparation(api, people, conversation, who, status):
    cid = conversation["id"]
    item = add_prep(api, people["employee"], cid, MARKER)
    client = api.as_(people[who])
    calls = [
        client.get(prep_url(cid)),
        client.post(prep_url(cid), json={"text": "x"}),
        client.patch(prep_url(cid, item["id"]), json={"version": 1, "text": "x"}),
        client.delete(prep_url(cid, item["id"])),
        client.post(
            prep_url(cid, item["id"], "/promote"), json={"agenda_item_id": conversation["agenda"][0]["id"]}
        ),
    ]
    assert [c.status_code for c in calls] == [status] * len(calls)
    assert all(MARKER not in c.get_data(as_text=True) for c in calls)
    mine = api.as_(people["employee"]).get(prep_url(cid)).get_json()["items"]
    assert [(i["text"], i["version"], i["promoted"]) for i in mine] == [(MARKER, 1, False)]


def test_preparation_needs_a_token(api, conversation):
    assert api.get(prep_url(conversation["id"])).status_code == 401
    assert api.get("/api/preparation/prompts?role=employee").status_code == 401
