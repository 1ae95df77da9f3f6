"""Taking back what one just added (the tab's undo): one's own talking point, feedback entry, a
goal without progress, a development action. Each leaves the other party's records alone."""

from __future__ import annotations

import pytest


def _item(api, person, cid: int, section: str) -> dict:
    agenda = api.as_(person).get(f"/api/conversations/{cid}").get_json()["agenda"]
    return next(item for item in agenda if item["section_key"] == section)


def test_the_author_takes_back_a_talking_point(api, people, conversation, events):
    cid = conversation["id"]
    item = _item(api, people["employee"], cid, "work_situation")
    base = f"/api/conversations/{cid}/agenda/{item['id']}/talking-points"
    mine = api.as_(people["employee"]).post(base, json={"text": "Min travle periode"}).get_json()
    point = mine["talking_points"][-1]
    assert api.as_(people["manager"]).delete(f"{base}/{point['id']}").status_code == 403
    gone = api.as_(people["employee"]).delete(f"{base}/{point['id']}")
    assert gone.status_code == 204
    after = _item(api, people["manager"], cid, "work_situation")
    assert after["talking_points"] == []
    assert api.as_(people["employee"]).delete(f"{base}/{point['id']}").status_code == 404
    assert [e.kind for e in events if e.kind.startswith("talking_point")] == [
        "talking_point.added",
        "talking_point.removed",
    ]


def test_a_point_from_preparation_can_be_shared_again_after_taking_it_back(api, people, conversation):
    cid = conversation["id"]
    employee = api.as_(people["employee"])
    item = _item(api, people["employee"], cid, "feedback")
    prep = employee.post(
        f"/api/conversations/{cid}/preparation", json={"text": "Spørg om sparring"}
    ).get_json()
    promoted = employee.post(
        f"/api/conversations/{cid}/preparation/{prep['id']}/promote", json={"agenda_item_id": item["id"]}
    ).get_json()
    point = promoted["agenda_item"]["talking_points"][-1]
    assert point["from_preparation"] is True
    url = f"/api/conversations/{cid}/agenda/{item['id']}/talking-points/{point['id']}"
    assert employee.delete(url).status_code == 204
    again = employee.get(f"/api/conversations/{cid}/preparation").get_json()["items"][0]
    assert again["promoted"] is False and again["promoted_item_id"] is None
    second = employee.post(
        f"/api/conversations/{cid}/preparation/{prep['id']}/promote", json={"agenda_item_id": item["id"]}
    )
    assert second.status_code == 201


def test_a_talking_point_of_another_item_is_404(api, people, conversation):
    cid = conversation["id"]
    first = _item(api, people["employee"], cid, "work_situation")
    other = _item(api, people["employee"], cid, "challenges")
    added = (
        api.as_(people["employee"])
        .post(f"/api/conversations/{cid}/agenda/{first['id']}/talking-points", json={"text": "x"})
        .get_json()
    )
    point_id = added["talking_points"][-1]["id"]
    url = f"/api/conversations/{cid}/agenda/{other['id']}/talking-points/{point_id}"
    assert api.as_(people["employee"]).delete(url).status_code == 404


def test_feedback_is_taken_back_by_its_author_only(api, people, conversation, events):
    cid = conversation["id"]
    entry = (
        api.as_(people["manager"])
        .post(f"/api/conversations/{cid}/feedback", json={"kind": "recognition", "text": "Flot release"})
        .get_json()
    )
    url = f"/api/conversations/{cid}/feedback/{entry['id']}"
    refused = api.as_(people["employee"]).delete(url)
    assert refused.status_code == 403
    assert refused.get_json()["error"]["code"] == "not_the_author"
    assert api.as_(people["manager"]).delete(url).status_code == 204
    assert api.as_(people["employee"]).get(f"/api/conversations/{cid}/feedback").get_json()["items"] == []
    assert "feedback.removed" in [e.kind for e in events]


def test_a_goal_without_progress_is_removed_and_its_actions_stay(api, people, conversation, events):
    cid = conversation["id"]
    employee = api.as_(people["employee"])
    goal = employee.post(f"/api/conversations/{cid}/goals", json={"title": "Lær Rust"}).get_json()
    employee.patch(f"/api/goals/{goal['id']}", json={"version": goal["version"], "specific": "Skriv et CLI"})
    action = employee.post(
        f"/api/conversations/{cid}/actions",
        json={"kind": "course", "title": "Rust-kursus", "goal_id": goal["id"]},
    ).get_json()
    assert api.as_(people["manager"]).delete(f"/api/goals/{goal['id']}").status_code == 204
    assert employee.get(f"/api/goals/{goal['id']}").status_code == 404
    actions = employee.get(f"/api/conversations/{cid}/actions").get_json()["items"]
    assert [(a["id"], a["goal_id"]) for a in actions] == [(action["id"], None)]
    assert "goal.removed" in [e.kind for e in events]


def test_a_goal_with_progress_stays(api, people, conversation):
    cid = conversation["id"]
    goal = (
        api.as_(people["manager"])
        .post(f"/api/conversations/{cid}/goals", json={"title": "Mentor"})
        .get_json()
    )
    api.as_(people["employee"]).post(f"/api/goals/{goal['id']}/progress", json={"percent": 20})
    refused = api.as_(people["manager"]).delete(f"/api/goals/{goal['id']}")
    assert refused.status_code == 409
    assert refused.get_json()["error"]["code"] == "goal_has_progress"
    assert api.as_(people["manager"]).get(f"/api/goals/{goal['id']}").status_code == 200


def test_a_development_action_is_removed(api, people, conversation, events):
    cid = conversation["id"]
    action = (
        api.as_(people["manager"])
        .post(f"/api/conversations/{cid}/actions", json={"kind": "mentoring", "title": "Mentor i Q3"})
        .get_json()
    )
    assert api.as_(people["employee"]).delete(f"/api/actions/{action['id']}").status_code == 204
    assert api.as_(people["manager"]).get(f"/api/conversations/{cid}/actions").get_json()["items"] == []
    assert api.as_(people["manager"]).delete(f"/api/actions/{action['id']}").status_code == 404
    assert "action.removed" in [e.kind for e in events]


@pytest.mark.parametrize(("who", "status"), [("colleague", 403), ("outsider", 404)])
def test_others_cannot_remove_anything(api, people, conversation, who, status):
    cid = conversation["id"]
    manager = api.as_(people["manager"])
    item = _item(api, people["manager"], cid, "work_situation")
    point = manager.post(
        f"/api/conversations/{cid}/agenda/{item['id']}/talking-points", json={"text": "Punkt"}
    ).get_json()["talking_points"][-1]
    goal = manager.post(f"/api/conversations/{cid}/goals", json={"title": "Mål"}).get_json()
    action = manager.post(
        f"/api/conversations/{cid}/actions", json={"kind": "other", "title": "A"}
    ).get_json()
    entry = manager.post(
        f"/api/conversations/{cid}/feedback", json={"kind": "recognition", "text": "T"}
    ).get_json()
    other = api.as_(people[who])
    assert (
        other.delete(f"/api/conversations/{cid}/agenda/{item['id']}/talking-points/{point['id']}").status_code
        == status
    )
    assert other.delete(f"/api/goals/{goal['id']}").status_code == status
    assert other.delete(f"/api/actions/{action['id']}").status_code == status
    assert other.delete(f"/api/conversations/{cid}/feedback/{entry['id']}").status_code == status
