"""Follow-ups in both calendars, in the demo: after both approve an agreement with a follow-up, the
agreement shows the follow-up as in your calendar with the .ics download, and the Graph stand-in's
calendars of the manager and the employee both hold the event."""

from __future__ import annotations

from icalendar import Calendar

from plugin.config import DEMO_TENANT_ID
from plugin.demo.people import DEMO_PEOPLE

from .meeting_helpers import Panel, in_days
from .support import Simulator, wait_until

TITLE = "Opfølgning på kurset i Python"


def _events(live_app, key: str) -> list[dict]:
    person = next(p for p in DEMO_PEOPLE if p.key == key)
    graph = live_app.app.extensions["mus.demo_cloud"].graph
    return [e for e in graph.calendar_of(DEMO_TENANT_ID, person.object_id) if TITLE in e["subject"]]


def test_agreed_follow_up_is_in_both_calendars_with_the_ics(simulator: Simulator, live_app, console):
    conversation = live_app.plan_for_meeting(simulator.meeting_id, "MUS med opfølgning")
    due = in_days(45)
    live_app.api(
        "mette",
        "POST",
        f"/api/conversations/{conversation['id']}/follow-ups",
        {"title": TITLE, "due_on": due},
    )
    simulator.open()
    for participant in ("mette", "jonas"):
        simulator.wait_initialized(participant, "sidePanel")
    mette, jonas = Panel(simulator, "mette"), Panel(simulator, "jonas")
    mette.wait_phase("before")
    jonas.button("ui.meeting.lifecycle.to.preparing").click()
    mette.frame.locator('article.conversation[data-status="preparing"]').wait_for()
    jonas.button("ui.meeting.lifecycle.to.in_meeting").click()
    mette.wait_phase("during")
    mette.conclude_now()
    jonas.wait_phase("after")
    assert _events(live_app, "mette") == []  # nothing in the calendar before the agreement is locked

    for panel in (jonas, mette):
        panel.frame.get_by_test_id("approve").click()
    for panel in (mette, jonas):
        panel.frame.locator('[data-testid="agreement-version"][data-state="agreed"]').wait_for()
        follow_ups = panel.frame.get_by_test_id("agreed-follow-ups")
        line = follow_ups.get_by_test_id("agreed-follow-up").filter(has_text=TITLE)
        line.locator('[data-testid="calendar-state"][data-state="in_calendar"]').wait_for()
        assert panel.t("ui.followups.calendar.in_calendar") in line.inner_text()
        assert follow_ups.get_by_role("button", name=panel.t("ui.followups.ics"), exact=True).is_visible()
        assert panel.fits_280()  # the side panel: no horizontal scrolling with the state and the button

    wait_until(simulator.page, lambda: _events(live_app, "jonas"), what="the employee's copy of the event")
    [organised] = _events(live_app, "mette")
    [invited] = _events(live_app, "jonas")
    assert organised["isOrganizer"] is True and invited["isOrganizer"] is False
    assert organised["subject"] == invited["subject"] == f"Opfølgning: {TITLE}"
    assert organised["isCancelled"] is False and invited["isCancelled"] is False

    # The .ics download from the tab: one event for the follow-up, on its date.
    follow_ups = jonas.frame.get_by_test_id("agreed-follow-ups")
    with simulator.page.expect_download() as download_info:
        follow_ups.get_by_role("button", name=jonas.t("ui.followups.ics"), exact=True).click()
    download = download_info.value
    assert download.suggested_filename == f"mus-follow-ups-{conversation['id']}.ics"
    with open(download.path(), "rb") as file:
        [event] = Calendar.from_ical(file.read()).walk("VEVENT")
    assert str(event["SUMMARY"]) == f"Opfølgning: {TITLE}"
    assert event.decoded("DTSTART").date().isoformat() == due
    console.assert_clean(simulator.page)
