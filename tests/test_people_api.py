"""People by name: suggestions, directory search and photos (/api/people), and people who left.

Most tests use the suite's in-process directory (`tests.support.directory`); the last ones go over
HTTPS to the Graph stand-in (`tests.support.m365`), where the search needs `ConsistencyLevel`."""

from __future__ import annotations

import pytest

from plugin.identity.graph import GraphUnavailable
from tests.conftest import built_app, make_settings
from tests.support import m365
from tests.support.directory import TINY_PNG, person_oid
from tests.support.idp import TENANT_A, TENANT_B


def items(response) -> list[dict]:
    assert response.status_code == 200, response.get_json()
    return response.get_json()["items"]


def by_id(found: list[dict]) -> dict[str, dict]:
    return {p["object_id"]: p for p in found}


def test_suggestions_are_my_reports_and_my_manager(api, people):
    mine = by_id(items(api.as_(people["manager"]).get("/api/people/suggestions")))
    employee = mine[people["employee"].oid]
    assert employee["display_name"] == "Jonas Nielsen"
    assert employee["relation"] == "report" and employee["confirmed_pair"] is True
    assert {person_oid(TENANT_A, f"staff{n}") for n in range(1, 8)} <= set(mine)
    assert people["manager"].oid not in mine  # never oneself
    assert people["outsider"].oid not in mine

    theirs = items(api.as_(people["employee"]).get("/api/people/suggestions"))
    assert [(p["object_id"], p["relation"], p["confirmed_pair"]) for p in theirs] == [
        (people["manager"].oid, "manager", True)
    ]


def test_search_finds_colleagues_by_name_or_mail_and_marks_the_pair(api, people):
    as_employee = api.as_(people["employee"])
    found = items(as_employee.get("/api/people/search?q=mette"))
    assert [(p["display_name"], p["relation"], p["confirmed_pair"]) for p in found] == [
        ("Mette Sørensen", "manager", True)
    ]
    colleague = items(as_employee.get("/api/people/search?q=anders"))
    assert [(p["display_name"], p["relation"], p["confirmed_pair"]) for p in colleague] == [
        ("Anders Holm", None, False)  # a colleague, not the employee's manager
    ]
    by_mail = items(as_employee.get("/api/people/search?q=anders@example"))
    assert [p["object_id"] for p in by_mail] == [people["colleague"].oid]
    # Oneself is left out; the answer holds at most 20 people.
    assert items(as_employee.get("/api/people/search?q=jonas")) == []
    staff = items(api.as_(people["manager"]).get("/api/people/search?q=medarbejder"))
    assert len(staff) == 7 and all(p["relation"] == "report" and p["confirmed_pair"] for p in staff)


def test_another_organisations_people_are_never_found(api, people):
    assert items(api.as_(people["manager"]).get("/api/people/search?q=olga")) == []
    assert items(api.as_(people["outsider"]).get("/api/people/search?q=mette")) == []
    outsider_photo = api.as_(people["outsider"]).get(f"/api/people/{people['manager'].oid}/photo")
    assert outsider_photo.status_code == 404


@pytest.mark.parametrize(
    ("query", "status"),
    [("", 422), ("a", 422), ("  a  ", 422), ("x" * 65, 422), ("x" * 64, 200), ("ab", 200)],
)
def test_search_needs_2_to_64_characters(api, people, query, status):
    response = api.as_(people["manager"]).get("/api/people/search", query_string={"q": query})
    assert response.status_code == status, response.get_json()
    if status == 422:
        assert response.get_json()["error"]["field"] == "q"


def test_search_without_q_and_with_unknown_parameters_is_refused(api, people):
    assert api.as_(people["manager"]).get("/api/people/search").status_code == 422
    assert api.as_(people["manager"]).get("/api/people/search?q=mette&top=999").status_code == 422
    assert api.get("/api/people/search?q=mette").status_code == 401


def test_photo_with_private_short_caching_or_404_for_initials(app, api, people):
    photo = api.as_(people["employee"]).get(f"/api/people/{people['manager'].oid}/photo")
    assert photo.status_code == 200
    assert photo.data == TINY_PNG and photo.mimetype == "image/png"
    assert photo.headers["Cache-Control"] == "private, max-age=300"
    assert photo.headers["X-Content-Type-Options"] == "nosniff"
    missing = api.as_(people["manager"]).get(f"/api/people/{people['employee'].oid}/photo")
    assert missing.status_code == 404 and missing.get_json()["error"]["code"] == "photo_not_found"
    # Only raster images are served from the app's origin: anything else is "no photo".
    directory = app.extensions["mus.test_directory"]
    directory.set_photo(TENANT_A, people["colleague"].oid, b"<svg onload=alert(1)>", "image/svg+xml")
    assert api.as_(people["manager"]).get(f"/api/people/{people['colleague'].oid}/photo").status_code == 404
    bad = api.as_(people["manager"]).get("/api/people/not-an-id/photo")
    assert bad.status_code == 422 and bad.get_json()["error"]["field"] == "object_id"


def _graph_down(app):
    class Down:
        def __getattr__(self, name):
            def unavailable(*args, **kwargs):
                raise GraphUnavailable()

            return unavailable

    app.extensions["mus.graph_factory"] = lambda *args: Down()


def test_directory_down_is_503_directory_unavailable_never_500(app, api, people):
    _graph_down(app)
    for path in (
        "/api/people/suggestions",
        "/api/people/search?q=mette",
        f"/api/people/{people['manager'].oid}/photo",
    ):
        response = api.as_(people["manager"]).get(path, headers={"Accept-Language": "en"})
        assert response.status_code == 503, (path, response.get_json())
        error = response.get_json()["error"]
        assert error["code"] == "directory_unavailable"
        assert "directory cannot be reached" in error["message"]


def test_a_person_who_left_is_marked_and_their_history_kept(app, api, people, conversation):
    directory = app.extensions["mus.test_directory"]
    directory.remove_user(TENANT_A, people["employee"].oid)
    as_manager = api.as_(people["manager"])
    suggested = by_id(items(as_manager.get("/api/people/suggestions")))
    assert people["employee"].oid not in suggested
    kept = as_manager.get(f"/api/conversations/{conversation['id']}")
    assert kept.status_code == 200
    assert kept.get_json()["employee"]["left"] is True
    assert kept.get_json()["employee"]["display_name"] == "Jonas Nielsen"  # history kept, name too
    assert kept.get_json()["manager"]["left"] is False
    listed = as_manager.get("/api/conversations").get_json()["items"]
    assert [c["employee"]["left"] for c in listed if c["id"] == conversation["id"]] == [True]
    # Planning with them again: the directory does not know them (404 person_unknown).
    again = as_manager.post("/api/conversations", json={"employee": {"object_id": people["employee"].oid}})
    assert again.status_code == 404 and again.get_json()["error"]["code"] == "person_unknown"

    # Back in the directory (rehired): unmarked when next planned with.
    directory.add_user(
        TENANT_A,
        people["employee"].oid,
        "Jonas Nielsen",
        "jonas@example.dk",
        manager_id=people["manager"].oid,
    )
    assert (
        as_manager.post(
            "/api/conversations", json={"kind": "checkin", "employee": {"object_id": people["employee"].oid}}
        ).status_code
        == 201
    )
    assert as_manager.get(f"/api/conversations/{conversation['id']}").get_json()["employee"]["left"] is False


def test_planning_marks_a_known_person_the_directory_no_longer_has(app, api, people, conversation):
    app.extensions["mus.test_directory"].remove_user(TENANT_A, people["employee"].oid)
    refused = api.as_(people["manager"]).post(
        "/api/conversations", json={"employee": {"object_id": people["employee"].oid}}
    )
    assert refused.status_code == 404 and refused.get_json()["error"]["field"] == "employee"
    shown = api.as_(people["manager"]).get(f"/api/conversations/{conversation['id']}").get_json()
    assert shown["employee"]["left"] is True


# --- over HTTPS, against the Graph stand-in ---------------------------------------------------------


@pytest.fixture(scope="module")
def cloud(tmp_path_factory):
    cloud = m365.start_cloud(tmp_path_factory.mktemp("m365-people"))
    cloud.directory.add_user(TENANT_B, person_oid(TENANT_B, "elsewhere"), "Mette Andetsted", "m@b.example")
    cloud.directory.set_photo(m365.TENANT, m365.oid("employee"), TINY_PNG, "image/png")
    yield cloud
    cloud.close()


@pytest.fixture
def m365_app(cloud, authority, postgres_url, tmp_path):
    url = postgres_url or f"sqlite:///{tmp_path / 'people.sqlite3'}"
    settings = m365.cloud_settings(make_settings(authority, url, tmp_path / "instance"), cloud)
    cloud.graph.outage(False)
    with built_app(settings, postgres_url, with_directory=False) as app:
        yield app


def call(app, token, path):
    return app.test_client().get(path, headers={"Authorization": f"Bearer {token}"})


def test_search_over_graph_sends_consistency_level_and_finds_by_prefix(m365_app, cloud):
    token = cloud.sso("manager")
    cloud.graph.reset_log()
    found = items(call(m365_app, token, "/api/people/search?q=jon"))
    assert [(p["display_name"], p["relation"], p["confirmed_pair"]) for p in found] == [
        ("Jonas Medarbejder", "report", True)
    ]
    assert any(e["path"] == "/v1.0/users" and e["status"] == 200 for e in cloud.graph.log)
    # Mette of another organisation is never found; Mette herself is left out.
    assert items(call(m365_app, token, "/api/people/search?q=mette")) == []
    director = items(call(m365_app, token, "/api/people/search?q=dorte"))
    assert [(p["relation"], p["confirmed_pair"]) for p in director] == [("manager", True)]


def test_suggestions_over_graph_start_with_the_meetings_participants(m365_app, cloud):
    meeting = cloud.directory.add_meeting(
        m365.TENANT, m365.oid("manager"), "MUS", attendee_ids=[m365.oid("employee"), m365.oid("director")]
    )
    found = items(call(m365_app, cloud.sso("employee"), f"/api/people/suggestions?meeting_id={meeting.id}"))
    assert [(p["display_name"], p["relation"], p["in_meeting"], p["confirmed_pair"]) for p in found] == [
        ("Mette Leder", "manager", True, True),
        ("Dorte Direktør", "participant", True, False),
    ]
    # A meeting one is not in (or that does not exist) adds nobody and is no error.
    alone = items(call(m365_app, cloud.sso("colleague"), f"/api/people/suggestions?meeting_id={meeting.id}"))
    assert [p["relation"] for p in alone] == ["manager"]


def test_photo_over_graph_and_outage(m365_app, cloud):
    token = cloud.sso("manager")
    photo = call(m365_app, token, f"/api/people/{m365.oid('employee')}/photo")
    assert photo.status_code == 200 and photo.data == TINY_PNG
    assert call(m365_app, token, f"/api/people/{m365.oid('colleague')}/photo").status_code == 404
    cloud.graph.outage(True)
    try:
        down = call(m365_app, token, "/api/people/search?q=jonas")
        assert down.status_code == 503
        assert down.get_json()["error"]["code"] == "directory_unavailable"
    finally:
        cloud.graph.outage(False)


def test_searching_the_directory_counts_against_the_graph_limit(settings, postgres_url, people):
    """Each search asks Graph for the person: the per-person Graph limit applies (429, then the
    other people of the organisation still search)."""
    from plugin.config import RateLimits

    generous = {
        name: "1000 per hour" for name in RateLimits.__dataclass_fields__ if name != "live_streams_person"
    }
    limits = RateLimits(**{**generous, "graph_person": "3 per hour"})
    with built_app(settings.with_changes(rate_limits=limits), postgres_url) as app:
        client = app.test_client()

        def search(person, q="mette"):
            return client.get(
                f"/api/people/search?q={q}", headers={"Authorization": f"Bearer {person.token}"}
            )

        assert [search(people["employee"]).status_code for _ in range(3)] == [200, 200, 200]
        refused = search(people["employee"])
        assert refused.status_code == 429 and refused.get_json()["error"]["code"] == "rate_limited"
        assert int(refused.headers["Retry-After"]) >= 1
        assert (
            client.get(
                "/api/people/suggestions", headers={"Authorization": f"Bearer {people['employee'].token}"}
            ).status_code
            == 429
        )
        assert search(people["colleague"]).status_code == 200
