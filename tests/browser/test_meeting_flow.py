"""A whole MUS in the Teams simulator, two participants side by side: private preparation shared as
talking points, the opening (confidentiality and consent), the agenda with 'follow' (the manager
moves on, the employee's panel follows), notes from both, a SMART goal whose check turns ok as it
is written, a development action, and the agreement approved by both and shown as agreed."""

from __future__ import annotations

import re

import pytest

from .meeting_helpers import Panel
from .support import Simulator

SECTIONS = (
    "work_situation",
    "expectations_goals",
    "development",
    "feedback",
    "challenges",
    "wellbeing",
    "agreements",
)


def _prepare_and_share(panel: Panel, prompt: str, text: str) -> None:
    block = panel.frame.locator(f'[data-prompt="{prompt}"]')
    block.get_by_label(panel.t("ui.meeting.prep.add_label")).fill(text)
    panel.button("ui.meeting.prep.add", block).click()
    item = block.get_by_test_id("prep-item").filter(has_text=text)
    item.wait_for()
    panel.button("ui.meeting.prep.promote", item).click()
    item.get_by_test_id("promoted").wait_for()


@pytest.mark.parametrize("locale", ["da", "en"])
def test_a_full_mus_in_the_simulator(simulator: Simulator, live_app, console, locale: str):
    conversation = live_app.plan_for_meeting(simulator.meeting_id, "MUS 2026 i simulatoren")
    # The employee's goals with this manager are listed across conversations: one title per run.
    goal_title = f"{'Arkitektur' if locale == 'da' else 'Architecture'} {conversation['id']}"
    simulator.open(locale=locale)
    for participant in ("mette", "jonas"):
        simulator.wait_initialized(participant, "sidePanel")
    mette, jonas = Panel(simulator, "mette", language=locale), Panel(simulator, "jonas", language=locale)

    # Before: each prepares privately and shares one point as a talking point.
    for panel in (mette, jonas):
        panel.wait_phase("before")
        assert panel.frame.get_by_test_id("private-note").inner_text() == panel.t("ui.meeting.prep.private")
    _prepare_and_share(mette, "manager.contributions", "Du har løftet onboardingen af nye kolleger")
    _prepare_and_share(jonas, "employee.goals_needs", "Jeg vil gerne arbejde mere med arkitektur")
    jonas.frame.get_by_test_id("preview-point").filter(has_text="løftet onboardingen").wait_for()
    mette.frame.get_by_test_id("preview-point").filter(has_text="mere med arkitektur").wait_for()

    # The manager starts the meeting; the employee's panel follows into it.
    mette.button("ui.meeting.lifecycle.to.in_meeting").click()
    for panel in (mette, jonas):
        panel.wait_phase("during")

    # The opening: both confirm confidentiality and answer the two consent questions once.
    for panel, keep in ((mette, True), (jonas, True)):
        panel.button("ui.meeting.opening.confirm").click()
        notes_question = panel.frame.get_by_test_id("consent-keep_shared_notes")
        notes_question.get_by_label(panel.t("ui.meeting.yes" if keep else "ui.meeting.no")).check()
        recording = panel.frame.get_by_test_id("consent-recording")
        recording.get_by_label(panel.t("ui.meeting.no")).check()
    for panel in (mette, jonas):
        panel.frame.locator('[data-testid="opening"][data-done="yes"]').wait_for()
        summary = panel.frame.get_by_test_id("opening-summary")
        summary.get_by_role("button").click()
        confidentiality = panel.frame.get_by_test_id("confidentiality")
        for party in ("manager", "employee"):
            confidentiality.locator(f'li[data-party="{party}"][data-answer="true"]').wait_for()
        recording = panel.frame.get_by_test_id("consent-recording")
        assert recording.locator("li[data-answer='false']").count() == 2
        summary.get_by_role("button").click()

    # The manager starts the agenda; the employee's panel follows item by item.
    mette.button("ui.meeting.agenda.start").click()
    for panel in (mette, jonas):
        panel.wait_open("work_situation")
        panel.wait_current("work_situation")
    points = jonas.panel().get_by_test_id("talking-point")
    assert sorted(points.all_inner_texts())[0].startswith("Du har løftet onboardingen")
    assert jonas.frame.locator('[data-testid="follow-bar"][data-following="yes"]').count() == 1

    # Both write notes on the first item.
    mette.panel().get_by_label(mette.t("ui.meeting.notes.label")).fill("Travl periode med to releases.")
    mette.wait_saved()
    jonas_notes = jonas.panel().get_by_label(jonas.t("ui.meeting.notes.label"))
    jonas.frame_object.wait_for_function(
        "() => document.querySelector('textarea.notes-input')?.value === 'Travl periode med to releases.'"
    )
    jonas_notes.fill("Travl periode med to releases.\nJonas: onboarding tog meget tid.")
    jonas.wait_saved()
    mette.frame_object.wait_for_function(
        "() => document.querySelector('textarea.notes-input')?.value.includes('onboarding tog meget tid')"
    )

    # Next item: the employee writes a SMART goal and sees the check turn ok, criterion by criterion.
    mette.frame.get_by_test_id("next-item").click()
    for panel in (mette, jonas):
        panel.wait_open("expectations_goals")
    jonas.frame.get_by_test_id("new-goal").click()
    editor = jonas.frame.get_by_test_id("goal-editor")
    check = editor.get_by_test_id("smart-check")
    editor.get_by_label(jonas.t("ui.meeting.goal.field.title"), exact=True).fill(goal_title)
    editor.get_by_label(jonas.t("ui.meeting.goal.field.specific")).fill("Bliv bedre")
    editor.locator('[data-criterion="specific"][data-verdict="weak"]').first.wait_for()
    assert check.get_attribute("data-smart") == "no"
    editor.get_by_label(jonas.t("ui.meeting.goal.field.specific")).fill(
        "Designe og dokumentere arkitekturen for den nye betalingsløsning sammen med teamet"
    )
    editor.get_by_label(jonas.t("ui.meeting.goal.field.measure")).fill(
        "Tre arkitekturbeslutninger godkendt af teamet"
    )
    editor.get_by_label(jonas.t("ui.meeting.goal.field.achievable")).fill(
        "Fire timer om ugen og sparring med Mette"
    )
    editor.get_by_label(jonas.t("ui.meeting.goal.field.relevance")).fill(
        "Teamet mangler en arkitekt til næste år"
    )
    editor.get_by_label(jonas.t("ui.meeting.goal.field.deadline")).fill(_in_days(120))
    editor.locator('[data-testid="smart-check"][data-smart="yes"]').wait_for()
    for criterion in ("specific", "measurable", "achievable", "relevant", "time_bound"):
        assert check.locator(f'[data-criterion="{criterion}"]').get_attribute("data-verdict") == "ok"
    assert jonas.frame.get_by_test_id("smart-status").inner_text() == jonas.t("ui.meeting.smart.all_ok")
    jonas.button("ui.meeting.goal.create", editor).click()
    for panel in (jonas, mette):
        panel.frame.locator('[data-testid="goal"][data-smart="yes"]').filter(has_text=goal_title).wait_for()

    # Next item: the manager adds a development action for the goal.
    mette.frame.get_by_test_id("next-item").click()
    for panel in (mette, jonas):
        panel.wait_open("development")
    mette.frame.get_by_test_id("new-action").click()
    action = mette.frame.get_by_test_id("action-editor")
    action.get_by_label(mette.t("ui.meeting.action.field.kind")).select_option("mentoring")
    action.get_by_label(mette.t("ui.meeting.action.field.title"), exact=True).fill(
        "Mentor fra arkitektgruppen"
    )
    action.get_by_label(mette.t("ui.meeting.action.field.goal")).select_option(label=goal_title)
    action.get_by_label(mette.t("ui.meeting.action.field.due")).fill(_in_days(60))
    mette.button("ui.meeting.action.create", action).click()
    jonas.frame.get_by_test_id("action").filter(has_text="Mentor fra arkitektgruppen").wait_for()
    assert goal_title in jonas.frame.get_by_test_id("action").inner_text()

    # The rest of the agenda, the employee following each step; a follow-up date on the last item.
    for section in SECTIONS[3:]:
        mette.frame.get_by_test_id("next-item").click()
        for panel in (mette, jonas):
            panel.wait_open(section)
            panel.wait_current(section)
        assert jonas.open_entry().count() == 1
    follow_ups = mette.frame.get_by_test_id("follow-ups")
    follow_ups.get_by_label(mette.t("ui.meeting.follow_ups.title")).fill("Opfølgning på arkitekturmålet")
    follow_ups.get_by_label(mette.t("ui.meeting.follow_ups.date")).fill(_in_days(45))
    mette.button("ui.meeting.follow_ups.add", follow_ups).click()
    jonas.frame.get_by_test_id("follow-up").filter(has_text="Opfølgning på arkitekturmålet").wait_for()
    assert mette.panel().get_by_test_id("next-item").count() == 0  # the last item
    if locale == "da":
        mette.screenshot("meeting-sidepanel-light")

    # Conclude: the draft agreement; both approve; both see it agreed, with both names.
    mette.conclude_now()
    for panel in (mette, jonas):
        panel.wait_phase("after")
        panel.frame.locator('[data-testid="agreement-state"][data-state="draft"]').wait_for()
    version = jonas.frame.get_by_test_id("agreement-version")
    assert "Travl periode med to releases." in version.inner_text()
    assert goal_title in version.get_by_test_id("agreement-goal").inner_text()
    assert "Mentor fra arkitektgruppen" in version.get_by_test_id("agreement-action").inner_text()
    jonas.frame.get_by_test_id("approve").click()
    mette.frame.locator(
        '[data-testid="decisions"] li[data-party="employee"][data-decision="approved"]'
    ).wait_for()
    mette.frame.get_by_test_id("approve").click()
    for panel in (mette, jonas):
        panel.frame.locator('[data-testid="agreement-state"][data-state="agreed"]').wait_for()
        panel.frame.get_by_test_id("agreed-banner").wait_for()
        decisions = panel.frame.get_by_test_id("decisions").inner_text()
        assert "Mette Sørensen" in decisions and "Jonas Kjær Nielsen" in decisions
        # Both approval times, written the locale's way: 14.05 in Danish, 14:05 in English.
        separator = r"\." if locale == "da" else ":"
        assert len(re.findall(rf"\d{{1,2}}{separator}\d{{2}}", decisions)) >= 2
        # the conversation's own state follows the agreement's (a live event): wait for it
        agreed = panel.frame.locator('article.conversation[data-status="agreed"]')
        agreed.wait_for()
        assert agreed.count() == 1
    if locale == "da":
        mette.screenshot("agreement")

    # The meeting tab (chat/details tab) shows the same agreed state, wide.
    since = simulator.log_size()
    simulator.open_view("jonas", "content")
    simulator.wait_initialized("jonas", "content", since=since)
    tab = Panel(simulator, "jonas", "content", language=locale)
    tab.frame.locator('[data-testid="agreement-state"][data-state="agreed"]').wait_for()
    assert tab.frame.locator('article.conversation-wide[data-status="agreed"]').count() == 1
    approved = tab.frame.locator('[data-testid="decisions"] li[data-decision="approved"]')
    assert sorted(approved.evaluate_all("(items) => items.map((li) => li.dataset.party)")) == [
        "employee",
        "manager",
    ]

    stored = live_app.api("mette", "GET", f"/api/conversations/{conversation['id']}/agreement")
    assert stored["conversation_status"] == "agreed"
    assert stored["items"][0]["state"] == "agreed"
    console.assert_clean(simulator.page)


def _in_days(days: int) -> str:
    from datetime import date, timedelta

    return (date.today() + timedelta(days=days)).isoformat()
