"""The team overview (`GET /api/team`) and cadences (`GET/PUT /api/team/{oid}/cadence`)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from plugin.i18n import catalogue
from plugin.identity.graph import GraphUnavailable
from tests.support.directory import person_oid
from tests.support.idp import TENANT_A
from tests.support.statements import count_statements

FUTURE = datetime(2030, 6, 1, 9, tzinfo=UTC)


def ok(response, status=200):
    assert response.status_code == status, response.get_json()
    return response.get_json()


def plan(api, manager, employee_oid: str, kind: str = "mus") -> dict:
    return ok(
        api.as_(manager).post(
            "/api/conversations", json={"kind": kind, "employee": {"object_id": employee_oid}}
        ),
        201,
    )


def hold(api, manager, conversation: dict) -> None:
    cid = conversation["id"]
    current = ok(api.as_(manager).get(f"/api/conversations/{cid}"))
    ok(
        api.as_(manager).post(
            f"/api/conversations/{cid}/transition",
            json={"status": "in_meeting", "version": current["version"]},
        )
    )


def agree(api, people, conversation: dict) -> None:
    cid = conversation["id"]
    hold(api, people["manager"], conversation)
    ok(api.as_(people["manager"]).post(f"/api/conversations/{cid}/agreement"), 201)
    for who in ("employee", "manager"):
        ok(
            api.as_(people[who]).post(
                f"/api/conversations/{cid}/agreement/1/decision", json={"decision": "approved"}
            )
        )


def member(team: dict, oid: str) -> dict:
    [found] = [m for m in team["members"] if m["object_id"] == oid]
    return found


def test_every_direct_report_is_listed_also_those_never_planned_or_signed_in(api, people):
    team = ok(api.as_(people["manager"]).get("/api/team"))
    oids = {m["object_id"] for m in team["members"]}
    expected = {
        person_oid(TENANT_A, key) for key in ("employee", "colleague", *[f"staff{n}" for n in range(1, 8)])
    }
    assert oids == expected
    staff = member(team, person_oid(TENANT_A, "staff3"))
    assert staff["display_name"] == "Staff3 Medarbejder"
    assert staff["email"] == "staff3@example.dk"
    assert staff["signed_in"] is False
    assert staff["last_mus"] is None and staff["next_conversation"] is None
    # Never held a MUS nor a check-in: both due now, by the organisation's defaults (every 6 weeks).
    assert staff["cadence"]["is_default"] is True
    assert staff["cadence"]["status"]["mus"] == {"due_on": team["today"], "state": "due"}
    assert staff["cadence"]["status"]["check_in"] == {"due_on": team["today"], "state": "due"}
    assert staff["goals"] == {"total": 0, "achieved": 0, "open": 0, "average_percent": None}
    assert staff["wellbeing"] == [] and staff["overdue_follow_ups"] == {"count": 0, "earliest": None}


def test_a_planned_conversation_shows_and_sorting_puts_attention_first(api, people):
    planned = plan(api, people["manager"], people["employee"].oid)
    team = ok(api.as_(people["manager"]).get("/api/team"))
    jonas = member(team, people["employee"].oid)
    assert jonas["next_conversation"] == {"id": planned["id"], "kind": "mus", "scheduled_at": None}
    assert jonas["cadence"]["status"]["mus"]["state"] == "planned"
    # Everyone else is due (never had a MUS) and comes first, by name; Jonas (planned) last.
    assert team["members"][-1]["object_id"] == people["employee"].oid
    names = [m["display_name"] for m in team["members"][:-1]]
    assert names == sorted(names, key=str.casefold)


@pytest.mark.parametrize("who", ["employee", "admin"])
def test_someone_without_direct_reports_has_an_empty_team(api, people, who, conversation):
    # Jonas is a party to a conversation, Hanne is HR: neither leads anyone in the directory, so
    # neither sees anyone (the tab asks everyone; an empty team is not a refusal).
    team = ok(api.as_(people[who]).get("/api/team"))
    assert team["members"] == []


def test_directory_down_is_503_with_a_clear_message_in_the_readers_language(app, api, people):
    api.as_(people["manager"]).get("/api/me")

    class Down:
        def __getattr__(self, name):
            def fail(*args, **kwargs):
                raise GraphUnavailable()

            return fail

    app.extensions["mus.graph_factory"] = lambda app_, actor, assertion: Down()
    for path in ("/api/team", f"/api/team/{people['employee'].oid}/cadence"):
        refused = api.as_(people["manager"]).get(path, headers={"X-Teams-Locale": "en-gb"})
        assert refused.status_code == 503
        error = refused.get_json()["error"]
        assert error["code"] == "directory_unavailable"
        assert "directory" in error["message"] and "cannot be reached" in error["message"]
    danish = api.as_(people["manager"]).get("/api/team", headers={"X-Teams-Locale": "da-dk"})
    assert "katalog" in danish.get_json()["error"]["message"]
    refused = api.as_(people["manager"]).put(
        f"/api/team/{people['employee'].oid}/cadence",
        json={"mus_interval_months": 12, "check_in_interval_weeks": 4, "version": 0},
    )
    assert refused.status_code == 503


def test_wellbeing_trend_holds_only_pulses_the_employee_shared(api, people):
    conversation = plan(api, people["manager"], people["employee"].oid)
    cid = conversation["id"]
    emp, mgr = api.as_(people["employee"]), api.as_(people["manager"])
    for score, shared in ((2, True), (5, False), (3, True), (1, False), (4, True), (5, True)):
        ok(emp.post(f"/api/conversations/{cid}/wellbeing", json={"score": score, "shared": shared}), 201)
    ok(
        mgr.post(f"/api/conversations/{cid}/wellbeing", json={"score": 1, "shared": True}), 201
    )  # not the employee's
    team = ok(mgr.get("/api/team"))
    trend = member(team, people["employee"].oid)["wellbeing"]
    assert [p["score"] for p in trend] == [3, 4, 5]  # the last three shared, oldest first


def test_overdue_follow_ups_of_locked_agreements_and_goal_progress(app, api, people):
    mgr = api.as_(people["manager"])
    conversation = plan(api, people["manager"], people["employee"].oid)
    cid = conversation["id"]
    for title, due in (("Kursus", "2030-03-01"), ("Opfølgning", "2030-01-15"), ("Senere", "2031-01-01")):
        ok(mgr.post(f"/api/conversations/{cid}/follow-ups", json={"title": title, "due_on": due}), 201)
    goals = [ok(mgr.post(f"/api/conversations/{cid}/goals", json={"title": t}), 201) for t in ("A", "B", "C")]
    ok(mgr.post(f"/api/goals/{goals[0]['id']}/progress", json={"percent": 20}), 201)
    ok(mgr.post(f"/api/goals/{goals[0]['id']}/progress", json={"percent": 60}), 201)  # the latest counts
    achieved = ok(mgr.get(f"/api/goals/{goals[2]['id']}"))
    ok(mgr.patch(f"/api/goals/{goals[2]['id']}", json={"version": achieved["version"], "status": "achieved"}))
    # A follow-up of a conversation without a locked agreement is not counted.
    other = plan(api, people["manager"], people["colleague"].oid)
    ok(
        mgr.post(f"/api/conversations/{other['id']}/follow-ups", json={"title": "X", "due_on": "2030-01-02"}),
        201,
    )
    agree(api, people, conversation)

    before = member(ok(mgr.get("/api/team")), people["employee"].oid)
    assert before["overdue_follow_ups"] == {"count": 0, "earliest": None}  # not due yet
    assert before["last_mus"] is not None
    # Goals: A at 60 %, B with no progress (0 %), C achieved.
    assert before["goals"] == {"total": 3, "achieved": 1, "open": 2, "average_percent": 30}

    app.extensions["mus.clock"] = lambda: FUTURE
    team = ok(mgr.get("/api/team"))
    jonas = member(team, people["employee"].oid)
    assert jonas["overdue_follow_ups"] == {"count": 2, "earliest": "2030-01-15"}
    assert member(team, people["colleague"].oid)["overdue_follow_ups"]["count"] == 0
    assert jonas["cadence"]["status"]["mus"]["state"] == "overdue"  # a year after the last MUS
    assert team["members"][0]["object_id"] == people["employee"].oid  # overdue comes first


def test_another_managers_report_and_records_stay_out(api, people, app):
    directory = app.extensions["mus.test_directory"]
    other_manager = person_oid(TENANT_A, "colleague")
    report = person_oid(TENANT_A, "team-report-x")
    directory.add_user(TENANT_A, report, "Xenia Andersen", "xenia@example.dk", manager_id=other_manager)
    # Mette cannot read nor set the cadence of Anders's report.
    for response in (
        api.as_(people["manager"]).get(f"/api/team/{report}/cadence"),
        api.as_(people["manager"]).put(
            f"/api/team/{report}/cadence",
            json={"mus_interval_months": 12, "check_in_interval_weeks": 4, "version": 0},
        ),
    ):
        assert response.status_code == 403
        assert response.get_json()["error"]["code"] == "not_your_report"
    team = ok(api.as_(people["colleague"]).get("/api/team"))
    assert [m["object_id"] for m in team["members"]] == [report]
    # Nobody unknown to the directory, nor something that is no object id.
    for oid in ("5e5e5e5e-0000-4000-8000-00000000abcd", "not-an-id"):
        missing = api.as_(people["manager"]).get(f"/api/team/{oid}/cadence")
        assert missing.status_code == 404
        assert missing.get_json()["error"]["code"] == "person_unknown"


def test_cadence_set_by_the_manager_read_by_the_employee_refused_to_others(api, people):
    oid = people["employee"].oid
    path = f"/api/team/{oid}/cadence"
    mgr, emp = api.as_(people["manager"]), api.as_(people["employee"])
    default = ok(mgr.get(path))
    assert (default["mus_interval_months"], default["check_in_interval_weeks"]) == (
        12,
        6,
    )  # the organisation's defaults
    assert (default["is_default"], default["version"]) == (True, 0)

    saved = ok(mgr.put(path, json={"mus_interval_months": 6, "check_in_interval_weeks": 2, "version": 0}))
    assert (saved["mus_interval_months"], saved["check_in_interval_weeks"], saved["version"]) == (6, 2, 1)
    assert saved["is_default"] is False and saved["set_by"]["object_id"] == people["manager"].oid
    assert saved["status"]["check_in"]["state"] == "due"  # never had a conversation: due now

    own = ok(emp.get(path))
    assert (own["mus_interval_months"], own["check_in_interval_weeks"], own["version"]) == (6, 2, 1)
    refused = emp.put(path, json={"mus_interval_months": 24, "check_in_interval_weeks": None, "version": 1})
    assert refused.status_code == 403
    colleague = api.as_(people["colleague"]).get(path)
    assert colleague.status_code == 403
    assert api.as_(people["outsider"]).get(path).status_code == 404

    stale = mgr.put(path, json={"mus_interval_months": 12, "check_in_interval_weeks": None, "version": 0})
    assert stale.status_code == 409
    assert stale.get_json()["error"]["code"] == "stale_version"
    assert stale.get_json()["error"]["current"]["version"] == 1
    cleared = ok(
        mgr.put(path, json={"mus_interval_months": 12, "check_in_interval_weeks": None, "version": 1})
    )
    assert (cleared["check_in_interval_weeks"], cleared["version"]) == (None, 2)
    assert cleared["status"]["check_in"]["state"] == "none"
    team = ok(mgr.get("/api/team"))
    assert member(team, oid)["cadence"]["version"] == 2


def test_a_report_who_never_signed_in_gets_a_cadence(api, people):
    oid = person_oid(TENANT_A, "staff5")
    saved = ok(
        api.as_(people["manager"]).put(
            f"/api/team/{oid}/cadence",
            json={"mus_interval_months": 24, "check_in_interval_weeks": 12, "version": 0},
        )
    )
    assert saved["version"] == 1
    staff = member(ok(api.as_(people["manager"]).get("/api/team")), oid)
    assert (staff["cadence"]["mus_interval_months"], staff["cadence"]["check_in_interval_weeks"]) == (24, 12)
    assert staff["signed_in"] is False


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"mus_interval_months": 5, "check_in_interval_weeks": None, "version": 0}, "mus_interval_months"),
        ({"mus_interval_months": 25, "check_in_interval_weeks": None, "version": 0}, "mus_interval_months"),
        ({"mus_interval_months": 12, "check_in_interval_weeks": 3, "version": 0}, "check_in_interval_weeks"),
        ({"mus_interval_months": 12, "check_in_interval_weeks": 0, "version": 0}, "check_in_interval_weeks"),
        ({"mus_interval_months": "tolv", "check_in_interval_weeks": 2, "version": 0}, "mus_interval_months"),
        ({"mus_interval_months": 12, "version": 0}, "check_in_interval_weeks"),
        ({"mus_interval_months": 12, "check_in_interval_weeks": 2, "version": -1}, "version"),
    ],
)
def test_invalid_intervals_are_422_naming_the_field(api, people, body, field):
    path = f"/api/team/{people['employee'].oid}/cadence"
    refused = api.as_(people["manager"]).put(path, json=body, headers={"X-Teams-Locale": "en-gb"})
    assert refused.status_code == 422, refused.get_json()
    assert refused.get_json()["error"]["field"] == field
    label = catalogue("en").get(f"field.{field}")
    assert label is None or label in refused.get_json()["error"]["message"]  # named as a person would
    assert ok(api.as_(people["manager"]).get(path))["version"] == 0  # nothing stored


def _lead_with_team(app, api, authority, size: int):
    """A manager with `size` direct reports, half of them with records (a conversation with a goal
    and its progress, a follow-up, a cadence)."""
    directory = app.extensions["mus.test_directory"]
    lead_oid = person_oid(TENANT_A, f"lead-{size}")
    directory.add_user(TENANT_A, lead_oid, f"Leder {size}", f"leder{size}@example.dk")
    lead = api.with_token(authority.mint(tenant=TENANT_A, oid=lead_oid, name=f"Leder {size}"))
    for n in range(size):
        oid = person_oid(TENANT_A, f"lead-{size}-report-{n}")
        directory.add_user(TENANT_A, oid, f"Medarbejder {n}", f"m{size}-{n}@example.dk", manager_id=lead_oid)
        if n % 2 == 0:
            cid = ok(lead.post("/api/conversations", json={"employee": {"object_id": oid}}), 201)["id"]
            goal = ok(lead.post(f"/api/conversations/{cid}/goals", json={"title": "Mål"}), 201)
            ok(lead.post(f"/api/goals/{goal['id']}/progress", json={"percent": 50}), 201)
            ok(
                lead.post(
                    f"/api/conversations/{cid}/follow-ups", json={"title": "F", "due_on": "2030-01-01"}
                ),
                201,
            )
            body = {"mus_interval_months": 12, "check_in_interval_weeks": 4, "version": 0}
            ok(lead.put(f"/api/team/{oid}/cadence", json=body))
    ok(lead.get("/api/team"))  # signed in once before counting
    return lead


def test_statements_do_not_grow_with_the_team(app, api, authority):
    counts = {}
    for size in (3, 10):
        lead = _lead_with_team(app, api, authority, size)
        counts[size] = count_statements(app, lambda lead=lead: ok(lead.get("/api/team")))
        assert len(ok(lead.get("/api/team"))["members"]) == size
    assert counts[3] == counts[10] >= 4, counts  # counted: people, cadences, conversations, ...
    assert counts[10] <= 10, counts  # the sign-in, then one bulk query per kind of record


def test_an_employee_without_a_cadence_of_their_own_follows_the_organisations_settings(api, people):
    settings = {
        "version": 0,
        "mus_interval_months": 18,
        "checkin_interval_weeks": None,
        "reminder_lead_days": 7,
        "agreement_retention_months": 60,
        "notes_retention_days": 30,
        "default_mus_template": None,
    }
    ok(api.as_(people["admin"]).put("/api/organisation/settings", json=settings))
    staff = member(ok(api.as_(people["manager"]).get("/api/team")), person_oid(TENANT_A, "staff4"))
    assert staff["cadence"]["is_default"] is True
    assert staff["cadence"]["mus_interval_months"] == 18
    assert staff["cadence"]["status"]["check_in"] == {"due_on": None, "state": "none"}
    cadence = ok(api.as_(people["manager"]).get(f"/api/team/{person_oid(TENANT_A, 'staff4')}/cadence"))
    assert cadence["mus_interval_months"] == 18 and cadence["check_in_interval_weeks"] is None
