"""The HR/admin screen's API: organisation settings (bounds, versions, admins only), retention that
follows them, the organisation's templates edited and retired, and coverage per unit with its
suppression and a constant number of SQL statements."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from plugin.domain.org_settings import months_before
from plugin.services import retention
from plugin.services.coverage_units import suppress
from plugin.storage import AuditEvent, Conversation, Person, Tenant
from plugin.storage.db import db
from plugin.storage.setup import new_unit_of_work
from tests.support.idp import TENANT_A
from tests.support.statements import recorded

SETTINGS = {
    "version": 0,
    "mus_interval_months": 12,
    "checkin_interval_weeks": 6,
    "reminder_lead_days": 7,
    "agreement_retention_months": 60,
    "notes_retention_days": 30,
    "default_mus_template": None,
}
TEMPLATE = {
    "key": "mus-kort",
    "kind": "mus",
    "name": {"da": "Kort MUS", "en": "Short MUS"},
    "sections": [
        {"key": "status", "title": {"da": "Status", "en": "Status"}},
        {"key": "maal", "title": {"da": "Mål", "en": "Goals"}, "tools": ["goals"]},
    ],
}


# --- settings -----------------------------------------------------------------------------------


def test_settings_start_as_the_defaults_and_are_saved_with_a_version(api, people, app):
    admin = api.as_(people["admin"])
    first = admin.get("/api/organisation/settings").get_json()
    assert first["version"] == 0
    assert first["notes_retention_days"] == app.extensions["mus.settings"].retention_days
    assert first["agreement_retention_months"] is None
    saved = admin.put(
        "/api/organisation/settings",
        json={**SETTINGS, "checkin_interval_weeks": None, "agreement_retention_months": None},
    )
    assert saved.status_code == 200, saved.get_json()
    assert saved.get_json()["version"] == 1
    assert saved.get_json()["checkin_interval_weeks"] is None
    assert saved.get_json()["agreement_retention_months"] is None  # not set: kept
    assert admin.get("/api/organisation/settings").get_json() == saved.get_json()
    with app.app_context():
        actions = db.session.scalars(select(AuditEvent.action)).all()
        assert "organisation.settings_changed" in actions


@pytest.mark.parametrize(
    "field,value",
    [
        ("mus_interval_months", 5),
        ("mus_interval_months", 25),
        ("checkin_interval_weeks", 3),
        ("checkin_interval_weeks", 0),
        ("reminder_lead_days", 0),
        ("reminder_lead_days", 15),
        ("agreement_retention_months", 11),
        ("agreement_retention_months", 121),
        ("notes_retention_days", 0),
        ("notes_retention_days", 366),
        ("mus_interval_months", "tolv"),
        ("default_mus_template", "findes-ikke"),
        ("default_mus_template", "checkin-default"),
    ],
)
def test_settings_out_of_bounds_are_refused_naming_the_field(api, people, field, value):
    admin = api.as_(people["admin"])
    response = admin.put("/api/organisation/settings", json={**SETTINGS, field: value})
    assert response.status_code == 422, response.get_json()
    error = response.get_json()["error"]
    assert error["field"] == field
    assert error["message"]
    assert admin.get("/api/organisation/settings").get_json()["version"] == 0  # nothing saved


def test_a_missing_setting_is_refused(api, people):
    body = {k: v for k, v in SETTINGS.items() if k != "reminder_lead_days"}
    response = api.as_(people["admin"]).put("/api/organisation/settings", json=body)
    assert response.status_code == 422
    assert response.get_json()["error"]["field"] == "reminder_lead_days"


def test_a_save_from_an_old_version_is_stale_and_shows_the_current(api, people):
    admin = api.as_(people["admin"])
    assert admin.put("/api/organisation/settings", json=SETTINGS).status_code == 200
    stale = admin.put("/api/organisation/settings", json={**SETTINGS, "mus_interval_months": 18})
    assert stale.status_code == 409
    error = stale.get_json()["error"]
    assert error["code"] == "stale_version"
    assert error["current"]["version"] == 1
    assert error["current"]["mus_interval_months"] == 12
    again = admin.put(
        "/api/organisation/settings", json={**SETTINGS, "version": 1, "mus_interval_months": 18}
    )
    assert again.status_code == 200
    assert again.get_json() | {} == {**again.get_json(), "version": 2, "mus_interval_months": 18}


@pytest.mark.parametrize("who", ["manager", "employee", "colleague", "outsider"])
def test_only_admins_read_or_change_the_settings(api, people, who):
    client = api.as_(people[who])
    assert client.get("/api/organisation/settings").status_code == 403
    refused = client.put("/api/organisation/settings", json=SETTINGS)
    assert refused.status_code == 403
    assert refused.get_json()["error"]["code"] == "admin_only"
    assert client.get("/api/coverage/units").status_code == 403
    assert api.as_(people["admin"]).get("/api/organisation/settings").get_json()["version"] == 0


def test_settings_for_gives_the_defaults_until_saved(app, api, people):
    from plugin.services.org_settings import settings_for

    with app.app_context():
        uow = new_unit_of_work()
        assert settings_for(uow, TENANT_A).mus_interval_months == 12
        assert settings_for(uow, TENANT_A).version == 0
    api.as_(people["admin"]).put("/api/organisation/settings", json={**SETTINGS, "mus_interval_months": 9})
    with app.app_context():
        uow = new_unit_of_work()
        assert settings_for(uow, TENANT_A).mus_interval_months == 9


# --- retention follows the organisation -----------------------------------------------------------

T0 = datetime(2030, 1, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock(app):
    def set_to(**delta) -> datetime:
        moment = T0 + timedelta(**delta)
        app.extensions["mus.clock"] = lambda: moment
        return moment

    set_to()
    return set_to


def purge(app) -> retention.PurgeReport:
    with app.app_context():
        return retention.do_purge(new_unit_of_work())


def set_updated_at(app, cid: int, moment: datetime) -> None:
    """Model defaults stamp real time; the tests' clock is T0 (the retention tests do the same)."""
    with app.app_context():
        db.session.execute(update(Conversation).where(Conversation.id == cid).values(updated_at=moment))
        db.session.commit()


def conversation_exists(app, cid: int) -> bool:
    with app.app_context():
        return db.session.get(Conversation, cid) is not None


def test_unfinished_conversations_go_after_the_organisations_period_not_the_global_one(
    app, clock, api, people, conversation
):
    cid = conversation["id"]
    set_updated_at(app, cid, T0)
    api.as_(people["admin"]).put("/api/organisation/settings", json={**SETTINGS, "notes_retention_days": 5})
    clock(days=4)
    assert purge(app).conversations_deleted == 0
    assert conversation_exists(app, cid)
    clock(days=5)  # the global setting (30 days) would keep it 25 days more
    assert purge(app).conversations_deleted == 1
    assert not conversation_exists(app, cid)


def test_without_organisation_settings_the_global_period_holds(app, clock, api, people, conversation):
    set_updated_at(app, conversation["id"], T0)
    clock(days=29)
    assert purge(app).conversations_deleted == 0
    clock(days=30)
    assert purge(app).conversations_deleted == 1


def lock_agreement(api, people, conversation) -> None:
    cid = conversation["id"]
    emp, mgr = api.as_(people["employee"]), api.as_(people["manager"])
    moved = mgr.post(
        f"/api/conversations/{cid}/transition",
        json={"status": "in_meeting", "version": conversation["version"]},
    )
    assert moved.status_code == 200
    assert mgr.post(f"/api/conversations/{cid}/agreement").status_code == 201
    approved = emp.post(f"/api/conversations/{cid}/agreement/1/decision", json={"decision": "approved"})
    assert approved.status_code == 200, approved.get_json()
    both = mgr.post(f"/api/conversations/{cid}/agreement/1/decision", json={"decision": "approved"})
    assert both.get_json()["locked_at"] is not None


def test_agreed_conversations_go_after_the_organisations_agreement_retention(
    app, clock, api, people, conversation
):
    cid = conversation["id"]
    lock_agreement(api, people, conversation)
    clock(days=400)
    assert purge(app).conversations_deleted == 0  # no agreement retention set: kept
    assert conversation_exists(app, cid)
    api.as_(people["admin"]).put(
        "/api/organisation/settings", json={**SETTINGS, "agreement_retention_months": 14}
    )
    moment = clock(days=400)
    assert months_before(moment, 14) < T0  # 400 days is just over 13 months: kept
    assert purge(app).conversations_deleted == 0
    clock(days=430)  # over 14 months after the lock
    assert purge(app).conversations_deleted == 1
    assert not conversation_exists(app, cid)
    with app.app_context():
        actions = db.session.scalars(select(AuditEvent.action)).all()
        assert "retention.agreement_deleted" in actions


def test_months_before_keeps_the_day_or_takes_the_months_last():
    assert months_before(datetime(2030, 3, 31, tzinfo=UTC), 1) == datetime(2030, 2, 28, tzinfo=UTC)
    assert months_before(datetime(2030, 1, 15, tzinfo=UTC), 13) == datetime(2028, 12, 15, tzinfo=UTC)


# --- templates ------------------------------------------------------------------------------------


def test_admin_edits_a_template_and_planned_conversations_keep_their_agenda(api, people):
    admin, mgr = api.as_(people["admin"]), api.as_(people["manager"])
    created = admin.post("/api/templates", json=TEMPLATE).get_json()
    assert (created["version"], created["retired"]) == (1, False)
    before = mgr.post(
        "/api/conversations",
        json={"employee": {"object_id": people["employee"].oid}, "template_key": "mus-kort"},
    ).get_json()
    changed = admin.put(
        "/api/templates/mus-kort",
        json={
            "version": 1,
            "name": {"da": "Kort MUS 2", "en": "Short MUS 2"},
            "sections": [
                {"key": "trivsel", "title": {"da": "Trivsel", "en": "Wellbeing"}, "tools": ["wellbeing"]}
            ],
        },
    )
    assert changed.status_code == 200, changed.get_json()
    assert changed.get_json()["version"] == 2
    assert [s["key"] for s in changed.get_json()["sections"]] == ["trivsel"]
    kept = mgr.get(f"/api/conversations/{before['id']}").get_json()
    assert [item["title"] for item in kept["agenda"]][:2] == [
        {"da": "Status", "en": "Status"},
        {"da": "Mål", "en": "Goals"},
    ]
    stale = admin.put(
        "/api/templates/mus-kort", json={"version": 1, "name": {"da": "X"}, "sections": TEMPLATE["sections"]}
    )
    assert stale.status_code == 409
    assert stale.get_json()["error"]["current"]["version"] == 2


def test_a_retired_template_is_listed_as_such_and_not_offered_for_new_conversations(api, people):
    admin, mgr = api.as_(people["admin"]), api.as_(people["manager"])
    admin.post("/api/templates", json=TEMPLATE)
    used = mgr.post(
        "/api/conversations",
        json={"employee": {"object_id": people["employee"].oid}, "template_key": "mus-kort"},
    ).get_json()
    retired = admin.post("/api/templates/mus-kort/retire", json={"version": 1})
    assert retired.status_code == 200
    assert retired.get_json()["retired"] is True
    listed = {t["key"]: t for t in mgr.get("/api/templates").get_json()["items"]}
    assert listed["mus-kort"]["retired"] is True
    refused = mgr.post(
        "/api/conversations",
        json={"employee": {"object_id": people["colleague"].oid}, "template_key": "mus-kort"},
    )
    assert refused.status_code == 422
    assert refused.get_json()["error"]["code"] == "template_retired"
    # The conversation that used it is still read with its agenda.
    assert len(mgr.get(f"/api/conversations/{used['id']}").get_json()["agenda"]) == 2
    edit = admin.put(
        "/api/templates/mus-kort", json={"version": 2, "name": {"da": "X"}, "sections": TEMPLATE["sections"]}
    )
    assert edit.status_code == 409
    assert edit.get_json()["error"]["code"] == "template_retired"


def test_templates_refusals(api, people):
    admin = api.as_(people["admin"])
    body = {"version": 1, "name": {"da": "X"}, "sections": TEMPLATE["sections"]}
    assert (
        admin.put("/api/templates/mus-default", json=body).get_json()["error"]["code"] == "template_builtin"
    )
    missing = admin.put("/api/templates/findes-ikke", json=body)
    assert missing.status_code == 404
    admin.post("/api/templates", json=TEMPLATE)
    for who in ("manager", "employee", "outsider"):
        assert api.as_(people[who]).put("/api/templates/mus-kort", json=body).status_code == 403
        assert (
            api.as_(people[who]).post("/api/templates/mus-kort/retire", json={"version": 1}).status_code
            == 403
        )
    bad = admin.put("/api/templates/mus-kort", json={**body, "sections": []})
    assert bad.status_code == 422


def test_the_default_mus_template_is_used_and_cannot_be_retired(api, people):
    admin, mgr = api.as_(people["admin"]), api.as_(people["manager"])
    admin.post("/api/templates", json=TEMPLATE)
    saved = admin.put("/api/organisation/settings", json={**SETTINGS, "default_mus_template": "mus-kort"})
    assert saved.status_code == 200, saved.get_json()
    planned = mgr.post(
        "/api/conversations", json={"employee": {"object_id": people["employee"].oid}}
    ).get_json()
    assert planned["template_key"] == "mus-kort"
    refused = admin.post("/api/templates/mus-kort/retire", json={"version": 1})
    assert refused.status_code == 409
    assert refused.get_json()["error"]["code"] == "template_is_default"


# --- coverage per unit ----------------------------------------------------------------------------


def test_complementary_suppression_rules():
    def row(employees, held=0, planned=0, overdue=0, checkins=0):
        return {
            "employees": employees,
            "mus_held": held,
            "mus_planned": planned,
            "mus_overdue": overdue,
            "checkins_recent": checkins,
        }

    units = [row(4, 4, 0, 0), row(6, 0, 0, 6), row(10, 10, 0, 0)]
    total = row(20, 14, 0, 6)
    shown, shown_total = suppress(units, total)
    assert shown[0] == dict.fromkeys(units[0])  # a unit of 4: nothing
    assert shown[1]["employees"] is None  # its complement in the column
    assert shown[2]["employees"] == 10 and shown_total["employees"] == 20
    # Whatever is shown, no hidden unit figure equals the total minus the shown ones.
    for name in units[0]:
        hidden = [i for i, r in enumerate(shown) if r[name] is None]
        if shown_total[name] is not None:
            assert len(hidden) != 1, name
    five, five_total = suppress([row(5, 5), row(5, 0, 0, 5)], row(10, 5, 0, 5))
    assert five[0]["employees"] == 5 and five[0]["mus_held"] == 5
    assert five[1]["mus_overdue"] == 5 and five_total["employees"] == 10
    # One of held/overdue hidden hides the other (they add up to the employees).
    one, _ = suppress([row(7, 3, 0, 4)], row(7, 3, 0, 4))
    assert one[0]["mus_held"] is None and one[0]["mus_overdue"] is None and one[0]["employees"] == 7


def place(directory, count: int, unit: str, prefix: str) -> list[str]:
    oids = []
    for n in range(count):
        oid = f"{prefix}-{n:04d}-0000-4000-8000-000000000000"[:36]
        directory.add_user(TENANT_A, oid, f"{prefix} {n}", f"{prefix}{n}@example.dk", department=unit)
        oids.append(oid)
    return oids


def hold_mus(app, oids: list[str], *, agreed_at: datetime) -> None:
    """Agreed MUS for these employees, written straight to the database (the figures only count)."""
    with app.app_context():
        if db.session.get(Tenant, TENANT_A) is None:
            db.session.add(Tenant(id=TENANT_A))
            db.session.flush()
        manager = Person(tenant_id=TENANT_A, object_id=f"{oids[0][:8]}-ffff-4000-8000-000000000000")
        db.session.add(manager)
        db.session.flush()
        for oid in oids:
            person = Person(tenant_id=TENANT_A, object_id=oid, display_name=oid)
            db.session.add(person)
            db.session.flush()
            db.session.add(
                Conversation(
                    tenant_id=TENANT_A,
                    kind="mus",
                    status="agreed",
                    employee_id=person.id,
                    manager_id=manager.id,
                    created_by_id=manager.id,
                    template_key="mus-default",
                    updated_at=agreed_at,
                )
            )
        db.session.commit()


def units_of(body: dict) -> dict:
    return {u["unit"]: u for u in body["units"]}


def test_coverage_per_unit_suppresses_a_unit_of_four_and_its_complement(app, api, people):
    directory = app.extensions["mus.test_directory"]
    place(directory, 4, "Jura", "aaaa0001")
    held = place(directory, 5, "Salg", "aaaa0002")
    place(directory, 20, "Drift", "aaaa0003")
    hold_mus(app, held, agreed_at=datetime.now(UTC) - timedelta(days=30))
    response = api.as_(people["admin"]).get("/api/coverage/units")
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["source"] == "directory"
    units = units_of(body)
    assert set(units) == {"Jura", "Salg", "Drift", None}  # None: the test directory's people without a unit
    assert all(units["Jura"][k] is None for k in units["Jura"] if k != "unit")
    # The unit of 4 hides the smallest other unit's head count (else 40 - 20 - 11 - 5 gives it).
    assert units["Salg"]["employees"] is None
    assert units["Drift"]["employees"] == 20 and units["Drift"]["mus_held"] == 0
    assert units[None]["employees"] == 11
    assert body["organisation"]["employees"] == 4 + 5 + 20 + 11
    assert body["organisation"]["mus_held"] == 5
    assert body["min_group_size"] == 5 and body["mus_interval_months"] == 12
    # Nowhere is exactly one unit hidden in a column whose total is shown.
    for name in ("employees", "mus_held", "mus_planned", "mus_overdue", "checkins_recent"):
        if body["organisation"][name] is not None:
            assert sum(u[name] is None for u in body["units"]) != 1, name


def test_coverage_per_unit_shows_a_unit_of_five(app, api, people):
    directory = app.extensions["mus.test_directory"]
    held = place(directory, 5, "Salg", "aaaa0002")
    place(directory, 7, "Drift", "aaaa0003")
    hold_mus(app, held, agreed_at=datetime.now(UTC) - timedelta(days=30))
    body = api.as_(people["admin"]).get("/api/coverage/units").get_json()
    units = units_of(body)
    assert (units["Salg"]["employees"], units["Salg"]["mus_held"], units["Salg"]["mus_overdue"]) == (5, 5, 0)
    assert (units["Drift"]["employees"], units["Drift"]["mus_held"], units["Drift"]["mus_overdue"]) == (
        7,
        0,
        7,
    )
    assert body["organisation"]["employees"] == 5 + 7 + 11


def test_coverage_without_the_directory_counts_the_people_the_app_knows(app, api, people):
    from plugin.identity.graph import GraphUnavailable

    class Down:
        def organisation_users(self):
            raise GraphUnavailable()

    app.extensions["mus.app_graph_factory"] = lambda app_, tenant_id: Down()
    held = [f"bbbb{n:04d}-0000-4000-8000-000000000000" for n in range(6)]
    hold_mus(app, held, agreed_at=datetime.now(UTC) - timedelta(days=30))
    with app.app_context():  # five more people the app knows, without a MUS
        for n in range(5):
            db.session.add(Person(tenant_id=TENANT_A, object_id=f"dddd{n:04d}-0000-4000-8000-000000000000"))
        db.session.commit()
    body = api.as_(people["admin"]).get("/api/coverage/units").get_json()
    assert body["source"] == "known_people"
    assert [u["unit"] for u in body["units"]] == [None]
    # 6 with a MUS; their manager, the admin and the 5 without one are overdue.
    figures = body["organisation"]
    assert (figures["employees"], figures["mus_held"], figures["mus_overdue"]) == (13, 6, 7)


def test_coverage_per_unit_takes_the_same_statements_for_10_and_100_employees(app, api, people):
    directory = app.extensions["mus.test_directory"]
    admin = api.as_(people["admin"])
    admin.get("/api/coverage/units")  # signed in once: the person exists

    def measured() -> tuple[int, dict]:
        with recorded(app) as statements:
            body = admin.get("/api/coverage/units").get_json()
        return len(statements), body

    ten = place(directory, 10, "Enhed", "cccc0010")
    hold_mus(app, ten, agreed_at=datetime.now(UTC) - timedelta(days=30))
    small, body = measured()
    assert units_of(body)["Enhed"]["mus_held"] == 10
    hundred = place(directory, 90, "Enhed", "cccc0100")
    hold_mus(app, hundred, agreed_at=datetime.now(UTC) - timedelta(days=30))
    large, body = measured()
    assert units_of(body)["Enhed"]["mus_held"] == 100
    assert small == large


@pytest.mark.parametrize(
    "change,code,field",
    [
        ({"mus_interval_months": 25}, "setting_out_of_range", "mus_interval_months"),
        ({"checkin_interval_weeks": 3}, "checkin_interval_choice", "checkin_interval_weeks"),
        ({"agreement_retention_months": 121}, "setting_out_of_range", "agreement_retention_months"),
        ({"notes_retention_days": 0}, "setting_out_of_range", "notes_retention_days"),
    ],
)
def test_the_domain_refuses_settings_out_of_bounds_for_every_caller(change, code, field):
    from plugin.api.errors import message
    from plugin.domain.errors import InvalidInput
    from plugin.domain.org_settings import check_settings

    values = {k: v for k, v in SETTINGS.items() if k not in ("version", "default_mus_template")}
    with pytest.raises(InvalidInput) as refused:
        check_settings(**{**values, **change})
    assert (refused.value.code, refused.value.field) == (code, field)
    text = message(code, "en", refused.value.params)
    assert "{" not in text and text.startswith(("Interval", "Keeping"))
