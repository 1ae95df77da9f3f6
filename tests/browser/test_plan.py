"""Planning from the personal tab in a plain browser (demo mode, the real Microsoft 365 stand-ins):
Mette plans a MUS with Jonas. They already have one open, so the tab first shows it with the choice
to open it or plan another anyway; she plans another, sees it saved with the Teams meeting in both
calendars and in her list; Jonas's personal tab shows it too, asked for by nobody but planned by
Mette; the stand-in's calendars of both hold the event. On an app of its own (a fresh demo seed)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest

from plugin.config import DEMO_TENANT_ID
from plugin.demo.people import DEMO_BY_KEY
from plugin.i18n import catalogue

from .support import demo_app_served, pick_person


@pytest.fixture(scope="module")
def live_app(tmp_path_factory):
    with demo_app_served(tmp_path_factory.mktemp("plan-app"), "plan-test-app") as live:
        yield live


def sign_in(page, live_app, person: str) -> None:
    page.goto(f"{live_app.url}/tab/personal")
    page.get_by_test_id("person-picker").wait_for()
    page.get_by_test_id("person-picker").locator(f'[data-person="{person}"]').click()
    page.get_by_test_id("conversation-list").wait_for()


def test_mette_plans_a_mus_with_jonas_from_the_personal_tab(page, live_app, console):
    da = catalogue("da")
    title = f"MUS-plan {uuid.uuid4().hex[:6]}"
    day = (date.today() + timedelta(days=14)).isoformat()
    sign_in(page, live_app, "mette")

    page.set_viewport_size({"width": 280, "height": 900})
    page.get_by_text(da["ui.plan.heading"]).click()
    form = page.get_by_test_id("plan")
    form.get_by_label(da["ui.plan.duration"]).wait_for()
    # The form fits the narrowest tab: no sideways scrolling.
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    form.get_by_label(da["ui.kind.mus"]).check()
    pick_person(form, "Jon", "Jonas Kjær Nielsen")  # found by name in the directory
    form.get_by_label(da["ui.plan.date"]).fill(day)
    form.get_by_label(da["ui.plan.time"]).fill("09:30")
    form.get_by_label(da["ui.plan.title"]).fill(title)
    assert form.get_by_label(da["ui.plan.duration"]).input_value() == "60"
    form.get_by_role("button", name=da["ui.plan.submit.manager"]).click()

    # The seeded MUS with Jonas is still open: it is shown first, with the choice.
    duplicate = page.get_by_test_id("plan-duplicate")
    duplicate.wait_for()
    assert "MUS 2026" in duplicate.inner_text()
    assert (
        duplicate.get_by_role("link", name=da["ui.plan.duplicate_open"])
        .get_attribute("href")
        .startswith("/tab/content?conversation=")
    )
    duplicate.get_by_role("button", name=da["ui.plan.duplicate_another"]).click()

    saved = page.get_by_test_id("plan-saved")
    saved.wait_for()
    assert saved.get_attribute("data-calendar") == "created", saved.inner_text()
    assert title in saved.inner_text()
    assert saved.get_by_role("link", name=da["ui.mymus.join"]).get_attribute("href").startswith("https://")

    # In Mette's list, with the time she entered, shown in her time zone, and the join link.
    card = page.get_by_test_id("conversation-list").locator("li", has_text=title)
    card.wait_for()
    shown = page.evaluate(
        "(day) => new Intl.DateTimeFormat('da-DK', {dateStyle: 'medium', timeStyle: 'short'})"
        ".format(new Date(day + 'T09:30:00'))",
        day,
    )
    assert shown.replace("\xa0", " ") in card.inner_text().replace("\xa0", " ")
    assert card.get_by_test_id("join-teams").get_attribute("href").startswith("https://")
    # The calendar file, fetched with her token, under its Danish name.
    with page.expect_download() as download:
        card.get_by_test_id("invite-ics").click()
    assert download.value.suggested_filename.startswith("mus-samtale-")
    assert b"BEGIN:VEVENT" in download.value.path().read_bytes()

    # The stand-in's calendars: Mette's holds the meeting as organiser, Jonas's his invitation.
    cloud = live_app.app.extensions["mus.demo_cloud"]
    for person, organiser in (("mette", True), ("jonas", False)):
        events = [
            e
            for e in cloud.graph.calendar_of(DEMO_TENANT_ID, DEMO_BY_KEY[person].object_id)
            if e["subject"] == title
        ]
        assert len(events) == 1, (person, events)
        assert events[0]["isOrganizer"] is organiser
        assert events[0]["isOnlineMeeting"] is True

    # Jonas sees it in his personal tab.
    page.get_by_role("button", name=da["ui.signin.switch_person"]).click()
    sign_in(page, live_app, "jonas")
    jonas_card = page.get_by_test_id("conversation-list").locator("li", has_text=title)
    jonas_card.wait_for()
    assert "Mette" in jonas_card.inner_text()
    assert jonas_card.get_by_test_id("asked-by").count() == 0  # planned by the manager, not asked for

    # Jonas asks Mette for a check-in: it is recorded as asked for by him, 30 minutes by default.
    asked = f"Check-in {uuid.uuid4().hex[:6]}"
    page.get_by_text(da["ui.plan.heading"]).click()
    form = page.get_by_test_id("plan")
    form.get_by_label(da["ui.kind.checkin"]).check()
    form.get_by_label(da["ui.plan.i_am.employee"]).check()
    pick_person(form, "Mette", DEMO_BY_KEY["mette"].name)
    assert form.get_by_label(da["ui.plan.duration"]).input_value() == "30"
    form.get_by_label(da["ui.plan.date"]).fill(day)
    form.get_by_label(da["ui.plan.time"]).fill("13:00")
    form.get_by_label(da["ui.plan.title"]).fill(asked)
    form.get_by_role("button", name=da["ui.plan.submit.employee"]).click()
    page.get_by_test_id("plan-saved").wait_for()
    asked_card = page.get_by_test_id("conversation-list").locator("li", has_text=asked)
    asked_card.wait_for()
    assert asked_card.get_by_test_id("asked-by").inner_text() == da["ui.mymus.asked_by"].format(
        name=DEMO_BY_KEY["jonas"].name
    )
    # The one refusal was the expected 409 (the open MUS); nothing else went wrong.
    refused = [e for e in console.errors if "HTTP 409: POST" in e and e.endswith("/api/conversations/plan")]
    assert len(refused) == 1, console.errors
    console.errors.remove(refused[0])
    logged = [e for e in console.errors if "status of 409" in e]  # the browser's own line for it
    assert len(logged) == 1, console.errors
    console.errors.remove(logged[0])
    console.assert_clean(page)
