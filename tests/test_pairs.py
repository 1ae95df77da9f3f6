"""Who may plan with whom (checked against the directory every time), whose names a person record
carries (the directory's), links that stay within one pair, and HR figures that say nothing about a
handful of people. The HTTPS path to the Graph stand-in is in tests/test_m365.py; here the suite's
test directory (tests/support/directory.py) answers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from plugin.domain.actor import Actor
from plugin.identity.graph import GraphDenied, GraphUnavailable
from plugin.identity.msal_obo import ConsentRequired, SignInUnavailable
from plugin.services import directory as directory_service
from plugin.storage import Conversation, Person
from plugin.storage.db import db
from tests.support.directory import person_oid
from tests.support.idp import TENANT_A, TENANT_B

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)


def counts(app) -> tuple[int, int]:
    with app.app_context():
        return (
            db.session.scalar(select(func.count(Conversation.id))),
            db.session.scalar(select(func.count(Person.id))),
        )


def plan(api, planner, employee_oid: str, **extra):
    return api.as_(planner).post(
        "/api/conversations", json={"employee": {"object_id": employee_oid}, **extra}
    )


# --- who may plan with whom -----------------------------------------------------------------------


@pytest.mark.parametrize("confirm", [False, True])
def test_a_colleague_cannot_plan_a_colleagues_mus_without_a_meeting(app, api, people, confirm):
    api.as_(people["employee"]).get("/api/me")
    before = counts(app)
    refused = plan(api, people["colleague"], people["employee"].oid, confirm_relationship=confirm)
    assert refused.status_code == 403
    assert refused.get_json()["error"]["code"] == "not_your_report"
    assert refused.get_json()["error"]["field"] == "employee"
    assert counts(app) == (before[0], before[1] + 1)  # only the colleague's own sign-in


def test_the_manager_plans_and_the_employee_may_plan_with_their_manager(api, people):
    by_manager = plan(api, people["manager"], people["employee"].oid)
    assert by_manager.status_code == 201
    assert by_manager.get_json()["relationship_check"] == "directory"
    by_employee = api.as_(people["employee"]).post(
        "/api/conversations", json={"kind": "checkin", "manager": {"object_id": people["manager"].oid}}
    )
    assert by_employee.status_code == 201
    assert by_employee.get_json()["relationship_check"] == "directory"


def test_the_employee_alone_confirms_a_manager_the_directory_does_not_show(api, people):
    body = {"manager": {"object_id": people["colleague"].oid}}
    mismatch = api.as_(people["employee"]).post("/api/conversations", json=body)
    assert mismatch.status_code == 409
    assert mismatch.get_json()["error"]["code"] == "manager_mismatch"
    assert "Mette Sørensen" in mismatch.get_json()["error"]["message"]
    confirmed = api.as_(people["employee"]).post(
        "/api/conversations", json={**body, "confirm_relationship": True}
    )
    assert confirmed.status_code == 201
    assert confirmed.get_json()["relationship_check"] == "confirmed"


def test_a_planner_who_is_not_a_party_is_refused_before_the_directory_is_asked(api, people):
    body = {
        "employee": {"object_id": people["employee"].oid},
        "manager": {"object_id": people["manager"].oid},
    }
    refused = api.as_(people["colleague"]).post("/api/conversations", json=body)
    assert refused.status_code == 403
    assert refused.get_json()["error"]["code"] == "not_a_party"


@pytest.mark.parametrize("meeting", [False, True])
def test_directory_down_refuses_in_the_error_shape(app, api, people, meeting):
    def down(app_, actor, assertion):
        class Down:
            def __getattr__(self, name):
                def fail(*args, **kwargs):
                    raise GraphUnavailable()

                return fail

        return Down()

    api.as_(people["manager"]).get("/api/me")
    before = counts(app)
    app.extensions["mus.graph_factory"] = down
    extra = {"meeting": {"meeting_id": "MSo1N2Y5ZGFjYy1jY2U"}} if meeting else {}
    refused = plan(api, people["manager"], people["employee"].oid, **extra)
    assert refused.status_code == 503
    assert set(refused.get_json()) == {"error"}
    assert refused.get_json()["error"]["code"] == "directory_unconfirmed"
    assert "directory_unconfirmed" not in refused.get_json()["error"]["message"]
    assert counts(app) == before


def test_no_directory_at_all_is_no_silent_unchecked():
    actor = Actor(
        person_id=1,
        tenant_id=TENANT_A,
        object_id=person_oid(TENANT_A, "manager"),
        display_name="M",
        locale="da-dk",
    )
    with pytest.raises(directory_service.DirectoryUnconfirmed):
        directory_service.check_pair(
            None,
            actor,
            employee_oid=person_oid(TENANT_A, "employee"),
            manager_oid=actor.object_id,
            confirmed=True,
        )


# --- names from the directory ---------------------------------------------------------------------


def test_the_other_persons_name_and_mail_come_from_the_directory(app, api, people):
    oid = person_oid(TENANT_A, "staff1")
    named = plan(api, people["manager"], oid, **{})
    assert named.status_code == 201
    assert named.get_json()["employee"]["display_name"] == "Staff1 Medarbejder"
    assert named.get_json()["employee"]["email"] == "staff1@example.dk"


@pytest.mark.parametrize("field", ["display_name", "email"])
def test_a_request_cannot_name_another_person(app, api, people, field):
    api.as_(people["manager"]).get("/api/me")
    before = counts(app)
    body = {"employee": {"object_id": person_oid(TENANT_A, "staff2"), field: "Chefen Selv"}}
    refused = api.as_(people["manager"]).post("/api/conversations", json=body)
    assert refused.status_code == 422
    assert "Chefen Selv" not in refused.get_data(as_text=True)
    assert counts(app) == before
    with app.app_context():
        assert db.session.scalar(select(Person).where(Person.display_name == "Chefen Selv")) is None


@pytest.mark.parametrize(
    "planner, oid",
    [
        ("manager", "7a7a7a7a-0000-4000-8000-000000000001"),  # not in the directory at all
        ("outsider", person_oid(TENANT_A, "employee")),  # in another organisation's directory
    ],
)
def test_people_the_directory_does_not_know_are_not_created(app, api, people, planner, oid):
    api.as_(people[planner]).get("/api/me")
    before = counts(app)
    refused = plan(api, people[planner], oid)
    assert refused.status_code == 404
    assert refused.get_json()["error"]["code"] == "person_unknown"
    assert counts(app) == before


# --- links stay within the pair -------------------------------------------------------------------


def _two_pairs(api, people):
    """The employee with their manager (goal `theirs`), and with a deputy they confirmed."""
    mine = plan(api, people["manager"], people["employee"].oid).get_json()
    goal = api.as_(people["manager"]).post(
        f"/api/conversations/{mine['id']}/goals", json={"title": "Hemmeligt mål"}
    )
    assert goal.status_code == 201
    other = api.as_(people["employee"]).post(
        "/api/conversations",
        json={"manager": {"object_id": people["colleague"].oid}, "confirm_relationship": True},
    )
    assert other.status_code == 201
    return mine, goal.get_json(), other.get_json()


def test_an_action_cannot_be_linked_to_another_pairs_goal(api, people):
    _, goal, other = _two_pairs(api, people)
    deputy = api.as_(people["colleague"])
    path = f"/api/conversations/{other['id']}/actions"
    theirs = deputy.post(path, json={"kind": "course", "title": "Kursus", "goal_id": goal["id"]})
    missing = deputy.post(path, json={"kind": "course", "title": "Kursus", "goal_id": goal["id"] + 10_000})
    assert theirs.status_code == missing.status_code == 422
    assert theirs.get_json() == missing.get_json()  # no oracle for goal ids
    assert "Hemmeligt" not in theirs.get_data(as_text=True)

    action = deputy.post(path, json={"kind": "course", "title": "Kursus"}).get_json()
    relinked = deputy.patch(
        f"/api/actions/{action['id']}", json={"version": action["version"], "goal_id": goal["id"]}
    )
    assert relinked.status_code == 422
    assert relinked.get_json()["error"]["code"] == "goal_not_in_conversation"


def test_a_draft_cannot_name_another_pairs_goal(api, people):
    _, goal, other = _two_pairs(api, people)
    drafted = api.as_(people["colleague"]).put(
        f"/api/conversations/{other['id']}/drafts/action/new-1",
        json={"id": None, "fields": {"goal_id": goal["id"]}},
    )
    assert drafted.status_code == 422
    assert drafted.get_json()["error"]["code"] == "goal_not_in_conversation"


# --- HR figures -----------------------------------------------------------------------------------


def _coverage(api, people) -> dict:
    response = api.as_(people["admin"]).get("/api/coverage")
    assert response.status_code == 200
    return response.get_json()


def test_coverage_hides_groups_under_five_and_what_would_reveal_them(app, api, people):
    app.extensions["mus.clock"] = lambda: NOW
    manager = people["manager"]
    for n in range(1, 7):
        when = NOW + timedelta(days=n)
        assert (
            plan(api, manager, person_oid(TENANT_A, f"staff{n}"), scheduled_at=when.isoformat()).status_code
            == 201
        )
    body = _coverage(api, people)
    assert body["min_group_size"] == 5
    mus = next(k for k in body["kinds"] if k["kind"] == "mus")
    assert (mus["held"], mus["planned"], mus["overdue"]) == (0, 6, 0)
    assert body["employees_with_mus"] == 6

    # One overdue conversation: a group of one. Hidden, and so is the row's other non-zero figure.
    late = NOW - timedelta(days=2)
    assert (
        plan(api, manager, person_oid(TENANT_A, "staff7"), scheduled_at=late.isoformat()).status_code == 201
    )
    body = _coverage(api, people)
    mus = next(k for k in body["kinds"] if k["kind"] == "mus")
    assert mus["overdue"] is None
    assert mus["planned"] is None
    assert mus["held"] == 0
    assert body["employees_with_mus"] == 7
    checkin = next(k for k in body["kinds"] if k["kind"] == "checkin")
    assert (checkin["held"], checkin["planned"], checkin["overdue"]) == (0, 0, 0)


def test_coverage_of_a_small_organisation_shows_nothing(app, api, people):
    for n in range(1, 5):
        assert plan(api, people["manager"], person_oid(TENANT_A, f"staff{n}")).status_code == 201
    body = _coverage(api, people)
    assert body["employees_with_mus"] is None
    assert body["follow_ups_overdue"] is None
    assert all(k[f] is None for k in body["kinds"] for f in ("held", "planned", "overdue"))


def test_another_tenant_is_not_counted(api, people):
    outsider_plan = api.as_(people["outsider"]).post(
        "/api/conversations", json={"employee": {"object_id": person_oid(TENANT_B, "outsider_report")}}
    )
    assert outsider_plan.status_code == 201
    body = _coverage(api, people)
    assert body["employees_with_mus"] == 0


def test_every_other_id_in_a_body_stays_within_the_conversation(api, people):
    """Agenda items (promote, position, presence) and follow-up conversations (goal progress) of
    another conversation are refused just like ids that do not exist."""
    mine, goal, other = _two_pairs(api, people)
    employee = api.as_(people["employee"])
    foreign_item = other["agenda"][0]["id"]
    prep = employee.post(f"/api/conversations/{mine['id']}/preparation", json={"text": "Tanker"}).get_json()
    for path, body in (
        (
            f"/api/conversations/{mine['id']}/preparation/{prep['id']}/promote",
            {"agenda_item_id": foreign_item},
        ),
        (f"/api/conversations/{mine['id']}/position", {"agenda_item_id": foreign_item}),
        (f"/api/conversations/{mine['id']}/presence", {"agenda_item_id": foreign_item, "following": False}),
    ):
        method = employee.post if path.endswith("promote") else employee.put
        theirs = method(path, json=body)
        missing = method(path, json={**body, "agenda_item_id": foreign_item + 10_000})
        assert theirs.status_code == missing.status_code, path
        assert 400 <= theirs.status_code < 500, path
        assert theirs.get_json() == missing.get_json(), path
    # Progress on the manager's goal "followed up" in the deputy's conversation: not that pair's.
    manager = api.as_(people["manager"])
    theirs = manager.post(
        f"/api/goals/{goal['id']}/progress", json={"percent": 10, "conversation_id": other["id"]}
    )
    missing = manager.post(
        f"/api/goals/{goal['id']}/progress", json={"percent": 10, "conversation_id": other["id"] + 10_000}
    )
    assert theirs.status_code == missing.status_code == 422
    assert theirs.get_json() == missing.get_json()


class _Failing:
    def __init__(self, error):
        self.error = error

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise self.error

        return fail


@pytest.mark.parametrize("error", [GraphUnavailable(), GraphDenied(), SignInUnavailable()])
def test_every_way_graph_cannot_answer_refuses_the_pair(error):
    actor = Actor(
        person_id=1,
        tenant_id=TENANT_A,
        object_id=person_oid(TENANT_A, "manager"),
        display_name="M",
        locale="da-dk",
    )
    with pytest.raises(directory_service.DirectoryUnconfirmed) as refused:
        directory_service.check_pair(
            _Failing(error),
            actor,
            employee_oid=person_oid(TENANT_A, "employee"),
            manager_oid=actor.object_id,
            confirmed=True,
        )
    assert refused.value.status == 503


def test_missing_consent_is_asked_for_not_hidden():
    actor = Actor(
        person_id=1,
        tenant_id=TENANT_A,
        object_id=person_oid(TENANT_A, "manager"),
        display_name="M",
        locale="da-dk",
    )
    with pytest.raises(ConsentRequired):
        directory_service.check_pair(
            _Failing(ConsentRequired()),
            actor,
            employee_oid=person_oid(TENANT_A, "employee"),
            manager_oid=actor.object_id,
            confirmed=False,
        )
