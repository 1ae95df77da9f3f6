"""Around the meeting: the lifecycle moved from the tab, an agreement that one party wants changed,
new versions with the earlier ones still readable, and what the next conversation shows of the
last one (the agreement and how the goals are going); who else is here."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

from .meeting_helpers import Panel, in_days
from .support import Simulator


def test_changes_requested_then_agreed_then_changed_again(simulator: Simulator, live_app, console):
    conversation = live_app.plan_for_meeting(simulator.meeting_id, "MUS med ændringer")
    simulator.open()
    for participant in ("mette", "jonas"):
        simulator.wait_initialized(participant, "sidePanel")
    mette, jonas = Panel(simulator, "mette"), Panel(simulator, "jonas")

    # planned -> preparing -> in the meeting -> (conclude) in review, all from the tab.
    mette.wait_phase("before")
    jonas.button("ui.meeting.lifecycle.to.preparing").click()
    mette.frame.locator('article.conversation[data-status="preparing"]').wait_for()
    jonas.button("ui.meeting.lifecycle.to.in_meeting").click()
    mette.wait_phase("during")
    mette.button("ui.meeting.agenda.start").click()
    mette.panel().get_by_label(mette.t("ui.meeting.notes.label")).fill("Første udgave af noterne.")
    jonas.frame_object.wait_for_function(
        "() => document.querySelector('textarea.notes-input')?.value === 'Første udgave af noterne.'"
    )
    mette.conclude_now()
    jonas.wait_phase("after")

    # The employee asks for changes, with a comment and a recorded disagreement; both see it.
    jonas.button("ui.meeting.agreement.request_changes").click()
    form = jonas.frame.get_by_test_id("decision-form")
    form.get_by_label(jonas.t("ui.meeting.agreement.comment")).fill(
        "Noterne mangler min pointe om vagtplanen."
    )
    form.get_by_label(jonas.t("ui.meeting.agreement.disagreement")).check()
    jonas.button("ui.meeting.agreement.send_request", form).click()
    mette.frame.locator('[data-testid="agreement-state"][data-state="changes_requested"]').wait_for()
    line = mette.frame.locator('[data-testid="decisions"] li[data-party="employee"]')
    assert line.get_attribute("data-decision") == "changes_requested"
    assert "Noterne mangler min pointe om vagtplanen." in line.inner_text()
    assert mette.t("ui.meeting.agreement.disagreement_recorded") in line.inner_text()

    # Back to the meeting, the notes changed, concluded again: version 2; version 1 stays readable.
    mette.button("ui.meeting.lifecycle.back_to_meeting").click()
    for panel in (mette, jonas):
        panel.wait_phase("during")
    jonas.panel().get_by_label(jonas.t("ui.meeting.notes.label")).fill(
        "Første udgave af noterne.\nVagtplanen."
    )
    mette.frame_object.wait_for_function(
        "() => document.querySelector('textarea.notes-input')?.value.endsWith('Vagtplanen.')"
    )
    mette.conclude_now()
    for panel in (mette, jonas):
        panel.frame.locator(
            '[data-testid="agreement-version"][data-number="2"][data-state="draft"]'
        ).wait_for()
    earlier = jonas.frame.get_by_test_id("earlier-version")
    assert earlier.count() == 1
    assert jonas.t("ui.meeting.agreement.state.superseded") in earlier.inner_text()
    earlier.get_by_role("button").click()
    assert "Noterne mangler min pointe om vagtplanen." in earlier.inner_text()
    for panel in (jonas, mette):
        panel.frame.get_by_test_id("approve").click()
    for panel in (mette, jonas):
        panel.frame.locator(
            '[data-testid="agreement-version"][data-number="2"][data-state="agreed"]'
        ).wait_for()

    # A later change opens version 3; the agreed version 2 stays locked and readable.
    mette.frame.get_by_test_id("content-after").get_by_role("button").first.click()
    mette.frame.locator('[data-testid="agenda"] > li[data-section="agreements"] button').first.click()
    follow_ups = mette.frame.get_by_test_id("follow-ups")
    follow_ups.get_by_label(mette.t("ui.meeting.follow_ups.title")).fill("Ny opfølgning")
    follow_ups.get_by_label(mette.t("ui.meeting.follow_ups.date")).fill(in_days(30))
    mette.button("ui.meeting.follow_ups.add", follow_ups).click()
    follow_ups.get_by_test_id("follow-up").wait_for()
    mette.frame.get_by_test_id("new-version").click()
    for panel in (mette, jonas):
        panel.frame.locator(
            '[data-testid="agreement-version"][data-number="3"][data-state="draft"]'
        ).wait_for()
        panel.frame.locator('article.conversation[data-status="reviewing"]').wait_for()
    versions = jonas.frame.get_by_test_id("earlier-version")
    assert versions.count() == 2
    assert jonas.t("ui.meeting.agreement.state.agreed") in versions.first.inner_text()
    stored = live_app.api("jonas", "GET", f"/api/conversations/{conversation['id']}/agreement")
    assert [(v["number"], v["state"]) for v in stored["items"]] == [
        (3, "draft"),
        (2, "agreed"),
        (1, "superseded"),
    ]
    console.assert_clean(simulator.page)


def test_the_next_step_right_after_a_status_change_is_sent_with_the_new_version(
    simulator: Simulator, live_app, console
):
    """The tab reloads the conversation after a status change; until that reload is back (long on
    a busy machine or a slow network), planned → preparing still offered 'start the meeting' with
    the version from before the change, and pressing it was refused (409). The tab now shows the
    server's answer to the change at once: the next step goes out with the version the server has."""
    conversation = live_app.plan_for_meeting(simulator.meeting_id, "To skridt i træk")
    simulator.open()
    simulator.wait_initialized("jonas", "sidePanel")
    jonas = Panel(simulator, "jonas")
    jonas.wait_phase("before")
    # From here on the tabs' reloads of the conversation do not come back (held until the end).
    reloads = []
    path = f"/api/conversations/{conversation['id']}"
    simulator.page.route(lambda url: urlsplit(url).path == path, lambda route: reloads.append(route))
    jonas.button("ui.meeting.lifecycle.to.preparing").click()
    jonas.frame.locator('article.conversation[data-status="preparing"]').wait_for()
    jonas.button("ui.meeting.lifecycle.to.in_meeting").click()
    jonas.wait_phase("during")
    assert reloads, "the tab did reload the conversation (held here)"
    stored = live_app.api("mette", "GET", path)
    assert (stored["status"], stored["version"]) == ("in_meeting", conversation["version"] + 2)
    console.assert_clean(simulator.page)


def _agreed_earlier(live_app, title: str) -> dict:
    jonas = live_app.api("jonas", "GET", "/api/me")
    earlier = live_app.api(
        "mette",
        "POST",
        "/api/conversations",
        {"kind": "mus", "title": title, "employee": {"object_id": jonas["object_id"]}},
    )
    cid = earlier["id"]
    live_app.api(
        "mette", "POST", f"/api/conversations/{cid}/transition", {"status": "in_meeting", "version": 1}
    )
    goal = live_app.api(
        "jonas", "POST", f"/api/conversations/{cid}/goals", {"title": f"Mål fra {title}", "status": "active"}
    )
    live_app.api("jonas", "POST", f"/api/goals/{goal['id']}/progress", {"percent": 40})
    live_app.api(
        "mette",
        "POST",
        f"/api/conversations/{cid}/follow-ups",
        {"title": f"Opfølgning {title}", "due_on": in_days(20)},
    )
    version = live_app.api("mette", "POST", f"/api/conversations/{cid}/agreement")
    for person in ("mette", "jonas"):
        live_app.api(
            person,
            "POST",
            f"/api/conversations/{cid}/agreement/{version['number']}/decision",
            {"decision": "approved"},
        )
    return earlier


def test_the_next_conversation_shows_the_last_agreement_and_goal_progress(
    simulator: Simulator, live_app, console
):
    title = f"Sidste års MUS {simulator.meeting_key[-5:]}"
    _agreed_earlier(live_app, title)
    live_app.plan_for_meeting(simulator.meeting_id, "Årets MUS")
    simulator.open()
    simulator.wait_initialized("mette", "sidePanel")
    simulator.wait_initialized("jonas", "sidePanel")
    jonas, mette = Panel(simulator, "jonas"), Panel(simulator, "mette")
    previous = jonas.frame.get_by_test_id("previous")
    previous.get_by_text(f"Opfølgning {title}").wait_for()
    assert title in previous.inner_text()
    goal = previous.locator(".card").filter(has_text=f"Mål fra {title}")
    assert goal.locator("progress").get_attribute("value") == "40"
    assert re.search(r"40\s?%", goal.inner_text())

    # Who else is here: Jonas is; when he leaves the meeting's side panel, Mette's panel says so.
    mette.frame.locator('[data-testid="presence"][data-present="yes"]').wait_for()
    simulator.open_view("jonas", "personal")
    mette.frame.locator('[data-testid="presence"][data-present="no"]').wait_for()
    console.assert_clean(simulator.page)


def test_a_checkin_records_progress_on_the_goals(simulator: Simulator, live_app, console):
    title = f"MUS før check-in {simulator.meeting_key[-5:]}"
    _agreed_earlier(live_app, title)
    jonas_me = live_app.api("jonas", "GET", "/api/me")
    checkin = live_app.api(
        "mette",
        "POST",
        "/api/conversations",
        {
            "kind": "checkin",
            "title": "Check-in i mødet",
            "employee": {"object_id": jonas_me["object_id"]},
            "meeting": {"meeting_id": simulator.meeting_id},
        },
    )
    live_app.api(
        "mette",
        "POST",
        f"/api/conversations/{checkin['id']}/transition",
        {"status": "in_meeting", "version": 1},
    )
    simulator.open()
    simulator.wait_initialized("jonas", "sidePanel")
    jonas = Panel(simulator, "jonas")
    jonas.wait_phase("during")
    expect(jonas.entries()).to_have_count(4)
    jonas.entry("goal_progress").get_by_role("button").first.click()
    card = jonas.frame.get_by_test_id("goal-progress").locator(".card").filter(has_text=f"Mål fra {title}")
    card.get_by_label(jonas.t("ui.meeting.progress.percent")).fill("65")
    card.get_by_label(jonas.t("ui.meeting.progress.note")).fill("Halvvejs gennem kurset")
    jonas.button("ui.meeting.progress.record", card).click()
    card.locator('progress[value="65"]').wait_for()
    goals, cursor = [], ""
    while cursor is not None:  # every page: the pair has the goals of the module's earlier tests too
        page = live_app.api("mette", "GET", f"/api/conversations/{checkin['id']}/goals?limit=100{cursor}")
        goals += page["items"]
        cursor = f"&cursor={page['next_cursor']}" if page["next_cursor"] else None
    assert next(g for g in goals if g["title"] == f"Mål fra {title}")["progress_percent"] == 65
    console.assert_clean(simulator.page)
