from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)

GOOD_GOAL = {
    "specific": "Gennemføre et kursus i Python og automatisere den månedlige rapport",
    "measure": "Rapporten laves på under 1 time i stedet for 6",
    "achievable": "Jeg får fire timer om ugen til kurset og sparring med Mette",
    "relevance": "Teamet sparer tid hver måned, og jeg styrker mine kompetencer",
    "deadline": "2026-06-01",
}


@pytest.fixture
def frozen(app):
    app.extensions["mus.clock"] = lambda: NOW
    return NOW


def make_goal(api, person, conversation_id: int, **fields) -> dict:
    body = {"title": "Automatisere rapporten", **fields}
    response = api.as_(person).post(f"/api/conversations/{conversation_id}/goals", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def plan(api, planner, *, employee, manager=None, kind="mus") -> dict:
    body = {"kind": kind, "employee": {"object_id": employee.oid}}
    if manager is not None:
        body["manager"] = {"object_id": manager.oid}
    if planner.key == employee.key and manager is not None and manager.key != "manager":
        body["confirm_relationship"] = True  # the employee confirms a manager the directory doesn't show
    response = api.as_(planner).post("/api/conversations", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def by_criterion(body: dict) -> dict[str, tuple[str, str]]:
    return {f["criterion"]: (f["verdict"], f["reason_code"]) for f in body["findings"]}


# --- SMART check -----------------------------------------------------------------------------


def test_smart_check_names_what_is_missing_or_weak_in_danish(api, people, frozen):
    response = api.as_(people["employee"]).post(
        "/api/goals/check",
        json={
            "specific": "Blive bedre til at skrive Python",
            "measure": "Det skal føles nemmere",
            "deadline": "2026-01-15",
        },
    )
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert by_criterion(body) == {
        "specific": ("weak", "smart.specific.vague"),
        "measurable": ("weak", "smart.measurable.no_measure"),
        "achievable": ("missing", "smart.achievable.missing"),
        "relevant": ("missing", "smart.relevant.missing"),
        "time_bound": ("weak", "smart.time_bound.past"),
    }
    reasons = {f["criterion"]: f["reason"] for f in body["findings"]}
    assert (
        reasons["measurable"] == "Tilføj noget, der kan tælles eller tjekkes: et tal, en dato, et resultat."
    )
    assert reasons["time_bound"] == "Fristen er overskredet: vælg en dato i fremtiden."
    assert body["is_smart"] is False


def test_smart_check_of_an_empty_goal_finds_everything_missing(api, people, frozen):
    body = api.as_(people["employee"]).post("/api/goals/check", json={}).get_json()
    assert {f["verdict"] for f in body["findings"]} == {"missing"}
    assert [f["criterion"] for f in body["findings"]] == [
        "specific",
        "measurable",
        "achievable",
        "relevant",
        "time_bound",
    ]


@pytest.mark.parametrize(
    "language,measurable,time_bound",
    [("da", "Målbart.", "Tidsbestemt."), ("en", "Measurable.", "Time-bound.")],
)
def test_smart_check_of_a_good_goal_is_all_ok(api, people, frozen, language, measurable, time_bound):
    # The person's language is chosen at their first sign-in.
    response = api.as_(people["colleague"]).post(
        "/api/goals/check", json=GOOD_GOAL, headers={"Accept-Language": language}
    )
    assert response.status_code == 200
    body = response.get_json()
    assert {f["verdict"] for f in body["findings"]} == {"ok"}
    assert body["is_smart"] is True
    reasons = {f["criterion"]: f["reason"] for f in body["findings"]}
    assert reasons["measurable"] == measurable
    assert reasons["time_bound"] == time_bound


def test_smart_check_uses_the_clock_for_today(api, people, app):
    app.extensions["mus.clock"] = lambda: datetime(2026, 6, 2, tzinfo=UTC)
    body = api.as_(people["employee"]).post("/api/goals/check", json=GOOD_GOAL).get_json()
    assert by_criterion(body)["time_bound"] == ("weak", "smart.time_bound.past")
    app.extensions["mus.clock"] = lambda: datetime(2023, 5, 1, tzinfo=UTC)
    body = api.as_(people["employee"]).post("/api/goals/check", json=GOOD_GOAL).get_json()
    assert by_criterion(body)["time_bound"] == ("weak", "smart.time_bound.too_far")


def test_smart_check_stores_nothing(api, people, conversation, frozen):
    check = api.as_(people["manager"]).post("/api/goals/check", json=GOOD_GOAL)
    assert check.status_code == 200
    listed = api.as_(people["manager"]).get(f"/api/conversations/{conversation['id']}/goals")
    assert listed.get_json()["items"] == []


# --- Goals -----------------------------------------------------------------------------------


def test_manager_sets_a_goal_from_the_conversation(api, people, conversation, events, frozen):
    goal = make_goal(api, people["manager"], conversation["id"], **GOOD_GOAL)
    assert goal["conversation_id"] == conversation["id"]
    assert goal["employee"]["object_id"] == people["employee"].oid
    assert goal["manager"]["object_id"] == people["manager"].oid
    assert goal["status"] == "draft"
    assert goal["deadline"] == "2026-06-01"
    assert goal["progress_percent"] is None
    assert goal["progress"] == []
    assert goal["is_smart"] is True
    assert goal["findings"][0]["reason"] == "Specifikt."
    assert [(e.kind, e.conversation_id, e.data["id"]) for e in events] == [
        ("goal.created", conversation["id"], goal["id"])
    ]
    seen = api.as_(people["employee"]).get(f"/api/goals/{goal['id']}")
    assert seen.status_code == 200
    assert seen.get_json()["measure"] == GOOD_GOAL["measure"]


def test_goal_needs_a_title(api, people, conversation):
    response = api.as_(people["manager"]).post(
        f"/api/conversations/{conversation['id']}/goals", json={"specific": "x"}
    )
    assert response.status_code == 422
    assert response.get_json()["error"]["field"] == "title"


def test_a_checkin_sees_the_goals_set_in_the_mus_and_no_others(api, people, conversation, frozen):
    mgr, emp, colleague = people["manager"], people["employee"], people["colleague"]
    goal = make_goal(api, mgr, conversation["id"], title="Python", **{"status": "active"})
    checkin = plan(api, emp, employee=emp, manager=mgr, kind="checkin")
    with_colleague = plan(api, mgr, employee=colleague)
    other_goal = make_goal(api, mgr, with_colleague["id"], title="Kolleges mål")
    # The same employee with another manager: a goal set there is not this manager's to follow.
    other_manager = plan(api, emp, employee=emp, manager=colleague)
    make_goal(api, colleague, other_manager["id"], title="Andet mål")

    items = api.as_(emp).get(f"/api/conversations/{checkin['id']}/goals").get_json()["items"]
    assert [(g["id"], g["title"], g["status"]) for g in items] == [(goal["id"], "Python", "active")]
    assert items[0]["findings"]  # each goal carries its SMART findings
    ids = [
        g["id"]
        for g in api.as_(mgr).get(f"/api/conversations/{with_colleague['id']}/goals").get_json()["items"]
    ]
    assert ids == [other_goal["id"]]


def test_progress_is_followed_up_and_100_does_not_mark_success(api, people, conversation, events, frozen):
    mgr, emp = people["manager"], people["employee"]
    goal = make_goal(api, mgr, conversation["id"], status="active")
    checkin = plan(api, emp, employee=emp, manager=mgr, kind="checkin")
    first = api.as_(emp).post(
        f"/api/goals/{goal['id']}/progress", json={"percent": 40, "note": "Kurset er i gang"}
    )
    assert first.status_code == 201, first.get_json()
    assert first.get_json()["progress_percent"] == 40
    done = api.as_(mgr).post(
        f"/api/goals/{goal['id']}/progress", json={"percent": 100, "conversation_id": checkin["id"]}
    )
    assert done.status_code == 201
    body = done.get_json()
    assert body["progress_percent"] == 100
    assert body["status"] == "active"
    assert [(p["percent"], p["conversation_id"], p["author"]["object_id"]) for p in body["progress"]] == [
        (40, None, emp.oid),
        (100, checkin["id"], mgr.oid),
    ]
    assert body["progress"][0]["created_at"].startswith("2026-03-02T09:30:00")
    listed = api.as_(emp).get(f"/api/conversations/{checkin['id']}/goals").get_json()["items"]
    assert listed[0]["progress_percent"] == 100
    assert [e.kind for e in events if e.kind == "goal.progress"] == ["goal.progress"] * 2
    assert events[-1].conversation_id == checkin["id"]

    success = api.as_(mgr).patch(
        f"/api/goals/{goal['id']}", json={"version": body["version"], "status": "achieved"}
    )
    assert success.status_code == 200
    assert success.get_json()["status"] == "achieved"


@pytest.mark.parametrize("percent", [-1, 101, 1000])
def test_progress_out_of_range_is_422_naming_percent(api, people, conversation, percent):
    goal = make_goal(api, people["manager"], conversation["id"])
    response = api.as_(people["employee"]).post(
        f"/api/goals/{goal['id']}/progress", json={"percent": percent}
    )
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["field"] == "percent"
    assert error["code"] == "progress_out_of_range"
    assert api.as_(people["employee"]).get(f"/api/goals/{goal['id']}").get_json()["progress"] == []


def test_progress_needs_a_conversation_between_the_same_two(api, people, conversation):
    mgr, emp, colleague = people["manager"], people["employee"], people["colleague"]
    goal = make_goal(api, mgr, conversation["id"])
    with_colleague = plan(api, mgr, employee=colleague)
    other_manager = plan(api, emp, employee=emp, manager=colleague, kind="checkin")
    for conversation_id in (with_colleague["id"], other_manager["id"], 9999):
        response = api.as_(mgr).post(
            f"/api/goals/{goal['id']}/progress", json={"percent": 10, "conversation_id": conversation_id}
        )
        assert response.status_code == 422
        error = response.get_json()["error"]
        assert (error["code"], error["field"]) == ("conversation_not_for_goal", "conversation_id")
    assert api.as_(mgr).get(f"/api/goals/{goal['id']}").get_json()["progress"] == []


def test_every_change_is_kept_in_the_history(api, people, conversation, events, frozen):
    mgr, emp = people["manager"], people["employee"]
    goal = make_goal(api, mgr, conversation["id"], specific="Lære Python")
    changed = api.as_(mgr).patch(
        f"/api/goals/{goal['id']}",
        json={
            "version": 1,
            "title": "Automatisere rapporten med Python",
            "deadline": "2026-06-01",
            "specific": "Lære Python",
        },
    )
    assert changed.status_code == 200, changed.get_json()
    assert changed.get_json()["version"] == 2
    status = api.as_(emp).patch(f"/api/goals/{goal['id']}", json={"version": 2, "status": "active"})
    assert status.status_code == 200
    cleared = api.as_(emp).patch(f"/api/goals/{goal['id']}", json={"version": 3, "deadline": None})
    assert cleared.get_json()["deadline"] is None

    history = api.as_(emp).get(f"/api/goals/{goal['id']}/history")
    assert history.status_code == 200
    items = history.get_json()["items"]
    assert [(c["field"], c["old_value"], c["new_value"], c["author"]["object_id"]) for c in items] == [
        ("title", "Automatisere rapporten", "Automatisere rapporten med Python", mgr.oid),
        ("deadline", None, "2026-06-01", mgr.oid),
        ("status", "draft", "active", emp.oid),
        ("deadline", "2026-06-01", None, emp.oid),
    ]
    assert items[0]["author"]["display_name"] == "Mette Sørensen"
    assert all(c["created_at"].startswith("2026-03-02T09:30:00") for c in items)
    updates = [e for e in events if e.kind == "goal.updated"]
    assert [e.data["fields"] for e in updates] == [["title", "deadline"], ["status"], ["deadline"]]


def test_stale_goal_version_is_409_with_the_current_state(api, people, conversation):
    goal = make_goal(api, people["manager"], conversation["id"])
    first = api.as_(people["manager"]).patch(
        f"/api/goals/{goal['id']}", json={"version": 1, "title": "Ny titel"}
    )
    assert first.status_code == 200
    stale = api.as_(people["employee"]).patch(
        f"/api/goals/{goal['id']}", json={"version": 1, "title": "Min titel"}
    )
    assert stale.status_code == 409
    error = stale.get_json()["error"]
    # Without the values it started from, a change to an older version cannot be merged.
    assert error["code"] == "edit_conflict"
    assert [(f["field"], f["theirs"], f["mine"]) for f in error["fields"]] == [
        ("title", "Ny titel", "Min titel")
    ]
    assert error["current"]["title"] == "Ny titel"
    assert error["current"]["version"] == 2
    assert len(error["current"]["findings"]) == 5
    history = api.as_(people["employee"]).get(f"/api/goals/{goal['id']}/history").get_json()["items"]
    assert [c["new_value"] for c in history] == ["Ny titel"]


def test_patch_cannot_null_the_title(api, people, conversation):
    goal = make_goal(api, people["manager"], conversation["id"])
    response = api.as_(people["manager"]).patch(
        f"/api/goals/{goal['id']}", json={"version": 1, "title": None}
    )
    assert response.status_code == 422
    assert response.get_json()["error"]["field"] == "title"
    assert api.as_(people["manager"]).get(f"/api/goals/{goal['id']}").get_json()["title"] == goal["title"]


def test_idempotency_key_creates_one_goal(api, people, conversation):
    mgr, cid = api.as_(people["manager"]), conversation["id"]
    body = {"title": "Præsentere på konferencen"}
    first = mgr.post(f"/api/conversations/{cid}/goals", json=body, headers={"Idempotency-Key": "goal-1"})
    again = mgr.post(f"/api/conversations/{cid}/goals", json=body, headers={"Idempotency-Key": "goal-1"})
    assert first.status_code == again.status_code == 201
    assert first.get_json()["id"] == again.get_json()["id"]
    assert len(mgr.get(f"/api/conversations/{cid}/goals").get_json()["items"]) == 1
    progress = {"percent": 20}
    one = mgr.post(
        f"/api/goals/{first.get_json()['id']}/progress", json=progress, headers={"Idempotency-Key": "p-1"}
    )
    two = mgr.post(
        f"/api/goals/{first.get_json()['id']}/progress", json=progress, headers={"Idempotency-Key": "p-1"}
    )
    assert one.get_json() == two.get_json()
    assert len(mgr.get(f"/api/goals/{first.get_json()['id']}").get_json()["progress"]) == 1


def test_danish_letters_and_emoji_round_trip(api, people, conversation):
    text = "Øge kundetilfredsheden på Ærø og i Århus 🚀"
    goal = make_goal(api, people["manager"], conversation["id"], title="Mål for 2026 ✅", specific=text)
    response = api.as_(people["employee"]).get(f"/api/goals/{goal['id']}")
    assert "Ærø" in response.get_data(as_text=True)  # sent as UTF-8, not escaped
    body = response.get_json()
    assert (body["title"], body["specific"]) == ("Mål for 2026 ✅", text)
    note = "Godt på vej 👍 og næste skridt: øvelse"
    added = api.as_(people["employee"]).post(
        f"/api/goals/{goal['id']}/progress", json={"percent": 50, "note": note}
    )
    assert added.get_json()["progress"][0]["note"] == note


def test_missing_goal_is_404(api, people):
    assert api.as_(people["manager"]).get("/api/goals/999").status_code == 404


@pytest.mark.parametrize("who,status", [("colleague", 403), ("admin", 403), ("outsider", 404)])
def test_only_the_two_parties_see_or_change_goals(api, people, conversation, who, status):
    cid = conversation["id"]
    goal = make_goal(api, people["manager"], cid)
    client = api.as_(people[who])
    assert client.get(f"/api/conversations/{cid}/goals").status_code == status
    assert client.post(f"/api/conversations/{cid}/goals", json={"title": "x"}).status_code == status
    assert client.get(f"/api/goals/{goal['id']}").status_code == status
    assert client.patch(f"/api/goals/{goal['id']}", json={"version": 1, "title": "x"}).status_code == status
    assert client.get(f"/api/goals/{goal['id']}/history").status_code == status
    assert client.post(f"/api/goals/{goal['id']}/progress", json={"percent": 5}).status_code == status
    seen = api.as_(people["employee"]).get(f"/api/conversations/{cid}/goals").get_json()["items"]
    assert [(g["title"], g["version"], g["progress_percent"]) for g in seen] == [(goal["title"], 1, None)]
    assert api.as_(people["employee"]).get(f"/api/goals/{goal['id']}").get_json()["progress"] == []


def test_goal_dates_are_plain_dates(api, people, conversation):
    goal = make_goal(api, people["manager"], conversation["id"], deadline="2026-12-31")
    assert date.fromisoformat(goal["deadline"]) == date(2026, 12, 31)
    bad = api.as_(people["manager"]).post(
        f"/api/conversations/{conversation['id']}/goals", json={"title": "x", "deadline": "31-12-2026"}
    )
    assert bad.status_code == 422
    assert bad.get_json()["error"]["field"] == "deadline"


def test_a_conversation_holds_at_most_one_page_of_goals(api, people, conversation, monkeypatch):
    """The goals set in one conversation fit one page of the goals list (so its agreement shows them
    all); the limit is lowered here to keep the test short."""
    from plugin.domain import goals as goal_rules
    from plugin.domain.paging import MAX_LIMIT

    assert goal_rules.MAX_GOALS_PER_CONVERSATION == MAX_LIMIT
    monkeypatch.setattr(goal_rules, "MAX_GOALS_PER_CONVERSATION", 2)
    cid = conversation["id"]
    first = make_goal(api, people["manager"], cid)
    make_goal(api, people["employee"], cid)
    response = api.as_(people["manager"]).post(f"/api/conversations/{cid}/goals", json={"title": "Tredje"})
    assert response.status_code == 409
    error = response.get_json()["error"]
    assert error["code"] == "goal_limit_reached"
    assert "2" in error["message"]
    # A goal set by mistake removed: room again.
    assert api.as_(people["manager"]).delete(f"/api/goals/{first['id']}").status_code == 204
    make_goal(api, people["manager"], cid, title="Tredje")
    listed = api.as_(people["manager"]).get(f"/api/conversations/{cid}/goals?set_here=true").get_json()
    assert [g["title"] for g in listed["items"]][-1] == "Tredje" and listed["next_cursor"] is None
