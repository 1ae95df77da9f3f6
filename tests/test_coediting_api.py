"""Co-editing without loss (goals and development actions): a change carries the version and the
values it started from (`base`) and only the changed fields; a change to an older version is merged
with what was saved since, or refused with 409 edit_conflict. Feedback cannot be changed at all."""

from __future__ import annotations

import pytest


def make_goal(api, person, conversation_id: int, **fields) -> dict:
    body = {
        "title": "Automatisere rapporten",
        "specific": "Lære Python og automatisere rapporten",
        "measure": "Rapporten tager under en time",
        "status": "draft",
        **fields,
    }
    response = api.as_(person).post(f"/api/conversations/{conversation_id}/goals", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def make_action(api, person, conversation_id: int, **fields) -> dict:
    body = {"kind": "course", "title": "Python-kursus", "resources": "Kursusgebyr", **fields}
    response = api.as_(person).post(f"/api/conversations/{conversation_id}/actions", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def patch_goal(api, person, goal: dict, **changes):
    body = {"version": goal["version"], "base": {k: goal[k] for k in changes}, **changes}
    return api.as_(person).patch(f"/api/goals/{goal['id']}", json=body)


def patch_action(api, person, action: dict, **changes):
    started = {k: (action["owner"]["role"] if k == "owner" else action[k]) for k in changes}
    body = {"version": action["version"], "base": started, **changes}
    return api.as_(person).patch(f"/api/actions/{action['id']}", json=body)


def history(api, person, goal_id: int) -> list[tuple[str, str | None, str | None, str]]:
    items = api.as_(person).get(f"/api/goals/{goal_id}/history").get_json()["items"]
    return [(c["field"], c["old_value"], c["new_value"], c["author"]["display_name"]) for c in items]


# --- goals -------------------------------------------------------------------------------------


def test_both_change_different_fields_and_both_changes_are_kept(api, people, conversation, events):
    mgr, emp = people["manager"], people["employee"]
    goal = make_goal(api, mgr, conversation["id"])  # both editors open on version 1
    mette = patch_goal(api, mgr, goal, measure="Rapporten tager under 30 minutter")
    assert mette.status_code == 200, mette.get_json()
    jonas = patch_goal(api, emp, goal, deadline="2026-09-01", status="active")
    assert jonas.status_code == 200, jonas.get_json()
    body = jonas.get_json()
    assert (body["measure"], body["deadline"], body["status"], body["version"]) == (
        "Rapporten tager under 30 minutter",
        "2026-09-01",
        "active",
        3,
    )
    seen = api.as_(mgr).get(f"/api/goals/{goal['id']}").get_json()
    assert (seen["measure"], seen["deadline"], seen["status"]) == (body["measure"], "2026-09-01", "active")
    assert history(api, mgr, goal["id"]) == [
        ("measure", "Rapporten tager under en time", "Rapporten tager under 30 minutter", "Mette Sørensen"),
        ("deadline", None, "2026-09-01", "Jonas Nielsen"),
        ("status", "draft", "active", "Jonas Nielsen"),
    ]
    assert [e.data["fields"] for e in events if e.kind == "goal.updated"] == [
        ["measure"],
        ["deadline", "status"],
    ]


def test_both_change_the_same_text_and_both_words_are_kept(api, people, conversation):
    mgr, emp = people["manager"], people["employee"]
    goal = make_goal(api, mgr, conversation["id"], specific="Lære Python")
    assert patch_goal(api, mgr, goal, specific="Lære Python grundigt").status_code == 200
    jonas = patch_goal(api, emp, goal, specific="Lære Python og SQL")
    assert jonas.status_code == 200, jonas.get_json()
    merged = jonas.get_json()["specific"]
    assert merged == "Lære Python og SQL grundigt"
    assert api.as_(mgr).get(f"/api/goals/{goal['id']}").get_json()["specific"] == merged
    # The history holds the merged result as Jonas's change.
    assert history(api, mgr, goal["id"])[-1] == (
        "specific",
        "Lære Python grundigt",
        "Lære Python og SQL grundigt",
        "Jonas Nielsen",
    )


@pytest.mark.parametrize(
    "field,theirs,mine",
    [("status", "achieved", "dropped"), ("deadline", "2026-06-01", "2026-12-01")],
)
def test_both_change_the_same_non_text_field_is_409_with_both_values(
    api, people, conversation, events, field, theirs, mine
):
    mgr, emp = people["manager"], people["employee"]
    goal = make_goal(api, mgr, conversation["id"])
    assert patch_goal(api, mgr, goal, **{field: theirs}).status_code == 200
    refused = patch_goal(api, emp, goal, **{field: mine}, measure="Under 20 minutter")
    assert refused.status_code == 409
    error = refused.get_json()["error"]
    assert error["code"] == "edit_conflict"
    assert error["message"] == (
        "Den anden har gemt en ændring af det samme felt imens. Vælg, hvilken værdi der skal gælde; "
        "intet er gemt endnu."
    )
    assert [(f["field"], f["theirs"], f["mine"], f["code"]) for f in error["fields"]] == [
        (field, theirs, mine, "edit_conflict_field")
    ]
    assert error["fields"][0]["message"] == f"I har begge ændret {field}: vælg den andens eller din værdi."
    assert error["current"][field] == theirs
    assert error["current"]["version"] == 2
    # Refused as a whole: not even the field without a conflict was written.
    stored = api.as_(emp).get(f"/api/goals/{goal['id']}").get_json()
    assert (stored[field], stored["measure"], stored["version"]) == (theirs, goal["measure"], 2)
    assert len([e for e in events if e.kind == "goal.updated"]) == 1

    # The person chooses "mine" and sends it again based on the current value.
    current = error["current"]
    chosen = api.as_(emp).patch(
        f"/api/goals/{goal['id']}",
        json={
            "version": current["version"],
            "base": {field: current[field], "measure": goal["measure"]},
            field: mine,
            "measure": "Under 20 minutter",
        },
    )
    assert chosen.status_code == 200, chosen.get_json()
    assert (chosen.get_json()[field], chosen.get_json()["measure"]) == (mine, "Under 20 minutter")


def test_stale_write_without_base_is_refused(api, people, conversation, events):
    mgr, emp = people["manager"], people["employee"]
    goal = make_goal(api, mgr, conversation["id"])
    assert patch_goal(api, mgr, goal, measure="Under 30 minutter").status_code == 200
    # A whole form with the old values and one change, without saying what it started from.
    blind = api.as_(emp).patch(
        f"/api/goals/{goal['id']}",
        json={"version": 1, "title": goal["title"], "measure": goal["measure"], "status": "active"},
    )
    assert blind.status_code == 409
    error = blind.get_json()["error"]
    assert error["code"] == "edit_conflict"
    # The unchanged title is no conflict; the old measure would revert Mette's change.
    assert sorted(f["field"] for f in error["fields"]) == ["measure", "status"]
    stored = api.as_(mgr).get(f"/api/goals/{goal['id']}").get_json()
    assert (stored["measure"], stored["status"], stored["version"]) == ("Under 30 minutter", "draft", 2)


def test_base_for_only_some_fields_refuses_the_others(api, people, conversation):
    mgr, emp = people["manager"], people["employee"]
    goal = make_goal(api, mgr, conversation["id"])
    assert patch_goal(api, mgr, goal, title="Ny titel").status_code == 200
    partial = api.as_(emp).patch(
        f"/api/goals/{goal['id']}",
        json={"version": 1, "base": {"status": "draft"}, "status": "active", "measure": "Anden måling"},
    )
    assert partial.status_code == 409
    assert [f["field"] for f in partial.get_json()["error"]["fields"]] == ["measure"]


def test_current_version_with_base_is_applied_as_sent(api, people, conversation):
    mgr = people["manager"]
    goal = make_goal(api, mgr, conversation["id"])
    changed = patch_goal(api, mgr, goal, title="Ny titel", deadline=None, status="active")
    assert changed.status_code == 200
    assert (changed.get_json()["title"], changed.get_json()["status"], changed.get_json()["version"]) == (
        "Ny titel",
        "active",
        2,
    )


def test_merged_title_that_grows_too_long_is_a_conflict(api, people, conversation):
    mgr, emp = people["manager"], people["employee"]
    goal = make_goal(api, mgr, conversation["id"], title="a" * 10)
    assert patch_goal(api, mgr, goal, title="b" * 200).status_code == 200
    refused = patch_goal(api, emp, goal, title="c" * 200)
    assert refused.status_code == 409
    assert [f["field"] for f in refused.get_json()["error"]["fields"]] == ["title"]
    assert api.as_(mgr).get(f"/api/goals/{goal['id']}").get_json()["title"] == "b" * 200


@pytest.mark.parametrize(
    "base,code,status",
    [
        ({"title": None}, "field_invalid", 422),
        ({"status": "maybe"}, "field_invalid", 422),
        ({"colour": "red"}, "unknown_field", 422),
        ({"specific": "x" * 70_000}, "text_too_large", 413),
        ("draft", "field_invalid", 422),
    ],
)
def test_bad_base_is_a_clear_4xx(api, people, conversation, base, code, status):
    goal = make_goal(api, people["manager"], conversation["id"])
    response = api.as_(people["employee"]).patch(
        f"/api/goals/{goal['id']}", json={"version": 1, "base": base, "status": "active"}
    )
    assert response.status_code == status
    assert response.get_json()["error"]["code"] == code
    assert api.as_(people["employee"]).get(f"/api/goals/{goal['id']}").get_json()["status"] == "draft"


@pytest.mark.parametrize("who,status", [("colleague", 403), ("outsider", 404)])
def test_only_the_two_parties_merge_into_a_goal(api, people, conversation, who, status):
    goal = make_goal(api, people["manager"], conversation["id"])
    assert patch_goal(api, people["manager"], goal, title="Ny titel").status_code == 200
    response = patch_goal(api, people[who], goal, measure="Noget andet")
    assert response.status_code == status
    assert "current" not in response.get_json()["error"]
    assert api.as_(people["manager"]).get(f"/api/goals/{goal['id']}").get_json()["measure"] == goal["measure"]


# --- development actions -----------------------------------------------------------------------


def test_action_different_fields_and_same_text_are_merged(api, people, conversation, events):
    mgr, emp = people["manager"], people["employee"]
    action = make_action(api, emp, conversation["id"])
    assert (
        patch_action(api, mgr, action, owner="manager", resources="Kursusgebyr og to fridage").status_code
        == 200
    )
    jonas = patch_action(api, emp, action, due_date="2026-05-15", resources="Kursusgebyr 4.500 kr.")
    assert jonas.status_code == 200, jonas.get_json()
    body = jonas.get_json()
    assert (body["owner"]["role"], body["due_date"], body["version"]) == ("manager", "2026-05-15", 3)
    assert body["resources"] == "Kursusgebyr 4.500 kr. og to fridage"
    assert [e.data["version"] for e in events if e.kind == "action.updated"] == [2, 3]


def test_action_same_non_text_field_is_409_with_both_values(api, people, conversation):
    mgr, emp = people["manager"], people["employee"]
    action = make_action(api, emp, conversation["id"])
    assert patch_action(api, mgr, action, owner="manager").status_code == 200
    refused = patch_action(api, emp, action, owner="employee", status="in_progress")
    # Jonas set the owner back to what it was when he started: that is no change of his.
    assert refused.status_code == 200
    assert (refused.get_json()["owner"]["role"], refused.get_json()["status"]) == ("manager", "in_progress")
    fresh = refused.get_json()
    assert patch_action(api, mgr, fresh, status="done").status_code == 200
    clash = patch_action(api, emp, fresh, status="cancelled")
    assert clash.status_code == 409
    error = clash.get_json()["error"]
    assert error["code"] == "edit_conflict"
    assert [(f["field"], f["theirs"], f["mine"]) for f in error["fields"]] == [
        ("status", "done", "cancelled")
    ]
    assert error["current"]["status"] == "done"
    assert error["current"]["owner"]["role"] == "manager"


def test_action_stale_write_without_base_is_refused(api, people, conversation):
    mgr, emp = people["manager"], people["employee"]
    action = make_action(api, emp, conversation["id"])
    assert patch_action(api, mgr, action, title="Python for øvede").status_code == 200
    blind = api.as_(emp).patch(
        f"/api/actions/{action['id']}", json={"version": 1, "title": "Python-kursus", "status": "done"}
    )
    assert blind.status_code == 409
    assert sorted(f["field"] for f in blind.get_json()["error"]["fields"]) == ["status", "title"]
    stored = api.as_(mgr).get(f"/api/conversations/{conversation['id']}/actions").get_json()["items"][0]
    assert (stored["title"], stored["status"]) == ("Python for øvede", "planned")


# --- feedback ----------------------------------------------------------------------------------


def test_feedback_cannot_be_changed_nor_taken_back_by_the_other(api, people, conversation):
    """Feedback is given and taken back, never edited: nothing can overwrite it."""
    mgr, emp, cid = people["manager"], people["employee"], conversation["id"]
    given = api.as_(mgr).post(
        f"/api/conversations/{cid}/feedback", json={"kind": "recognition", "text": "Flot"}
    )
    assert given.status_code == 201
    entry = given.get_json()
    # No operation changes a feedback entry (the OpenAPI document lists none), and the raw
    # request is refused in the one error shape.
    document = api.client.get("/api/openapi.json").get_json()
    feedback_paths = {path: ops for path, ops in document["paths"].items() if "/feedback" in path}
    assert feedback_paths and all(not {"patch", "put"} & set(ops) for ops in feedback_paths.values())
    client = api.client
    for method in ("PATCH", "PUT"):
        response = client.open(
            f"/api/conversations/{cid}/feedback/{entry['id']}",
            method=method,
            json={"text": "Ændret"},
            headers={"Authorization": f"Bearer {emp.token}"},
        )
        assert response.status_code == 405
        assert response.get_json()["error"]["code"] == "method_not_allowed"
    assert api.as_(emp).delete(f"/api/conversations/{cid}/feedback/{entry['id']}").status_code == 403
    items = api.as_(mgr).get(f"/api/conversations/{cid}/feedback").get_json()["items"]
    assert [(e["id"], e["text"]) for e in items] == [(entry["id"], "Flot")]


# --- a race between read and write ----------------------------------------------------------------


class _Uow:
    def __init__(self, in_transaction: bool) -> None:
        self.in_transaction = in_transaction


def test_a_change_that_lost_a_race_is_merged_again_not_failed():
    """Another save committed between our read and our write (the row's version moved): the use
    case runs again, reading the new version and merging with it."""
    from sqlalchemy.orm.exc import StaleDataError

    from plugin.services.coedit import retrying_races

    runs = []

    def work():
        runs.append(len(runs))
        if len(runs) == 1:
            raise StaleDataError("version moved")
        return "merged"

    assert retrying_races(work, _Uow(False)) == "merged"
    assert runs == [0, 1]


def test_a_race_inside_a_larger_transaction_is_a_stale_version():
    from sqlalchemy.orm.exc import StaleDataError

    from plugin.domain.errors import StaleVersion
    from plugin.services.coedit import retrying_races

    def work():
        raise StaleDataError("version moved")

    with pytest.raises(StaleVersion):
        retrying_races(work, _Uow(True))
    with pytest.raises(StaleVersion):  # and never forever
        retrying_races(work, _Uow(False))
