"""The meeting's looks: the side panel at 280 px (no horizontal scroll, even with the editors open)
in the light, dark and high-contrast themes, and the stage's wider layout of the same meeting."""

from __future__ import annotations

import pytest

from .meeting_helpers import Panel, goal_title, meeting_in_progress
from .support import Simulator, wait_for_theme


@pytest.mark.parametrize("theme", ["default", "dark", "contrast"])
def test_the_side_panel_fits_280_px_with_everything_open(simulator: Simulator, live_app, console, theme):
    meeting_in_progress(
        live_app, simulator.meeting_id, "MUS-med-et-meget-langt-ord-uden-nogen-mellemrum-overhovedet"
    )
    simulator.open()
    simulator.wait_initialized("jonas", "sidePanel")
    jonas = Panel(simulator, "jonas")
    if theme != "default":
        simulator.set_theme(theme)
        wait_for_theme(jonas.frame_object, theme)
    jonas.wait_open("expectations_goals")
    assert jonas.frame_object.evaluate("() => document.documentElement.clientWidth") == 280
    jonas.frame.get_by_test_id("goal").first.wait_for()
    if theme == "dark":
        jonas.screenshot("meeting-sidepanel-dark")
    jonas.frame.get_by_test_id("new-goal").click()
    jonas.frame.get_by_test_id("goal-editor").wait_for()
    goal = jonas.frame.get_by_test_id("goal")
    jonas.button("ui.meeting.goal.edit_named", goal, title=goal_title(simulator.meeting_id)).click()
    jonas.frame.get_by_test_id("goal-actions").wait_for()
    jonas.button("ui.meeting.goal.add_action").click()
    jonas.frame.get_by_test_id("action-editor").wait_for()
    jonas.frame.get_by_test_id("smart-check").first.wait_for()
    assert jonas.fits_280(), theme
    # Body text is readable: the page's text colour differs from its background in every theme.
    colours = jonas.frame_object.evaluate(
        "() => { const s = getComputedStyle(document.body); return [s.color, s.backgroundColor]; }"
    )
    assert colours[0] != colours[1]
    console.assert_clean(simulator.page)


def test_the_stage_shows_the_same_meeting_wide(simulator: Simulator, live_app, console):
    conversation = meeting_in_progress(live_app, simulator.meeting_id, "MUS på scenen", at="development")
    simulator.open()
    simulator.wait_initialized("mette", "sidePanel")
    mette = Panel(simulator, "mette")
    mette.wait_open("development")
    since = simulator.log_size()
    mette.button("ui.stage.share").click()
    simulator.wait_initialized("mette", "meetingStage", since=since)
    stage = Panel(simulator, "mette", "meetingStage")
    stage.frame.get_by_test_id("stage-view").wait_for()
    stage.wait_current("development")
    stage.wait_open("development")
    # Wide: the agenda list beside the current item, which is outside the list.
    split = stage.frame.get_by_test_id("stage-current")
    split.get_by_test_id("action").filter(has_text="Cloud-kursus").wait_for()
    assert stage.frame.locator("[data-testid=agenda] [data-testid=stage-current]").count() == 0
    boxes = [
        stage.frame.locator(selector).bounding_box() for selector in ("[data-testid=agenda]", ".split-panel")
    ]
    assert boxes[0] and boxes[1] and boxes[0]["x"] + boxes[0]["width"] <= boxes[1]["x"]
    assert stage.fits_280() and stage.article().get_attribute("data-conversation-id") == str(
        conversation["id"]
    )

    # The manager moves on in the side panel; the stage follows.
    mette.frame.get_by_test_id("next-item").click()
    stage.wait_current("feedback")
    stage.wait_open("feedback")
    stage.frame.locator("[data-testid=stage-current] [data-testid=feedback]").wait_for()
    stage.screenshot("meeting-stage")
    console.assert_clean(simulator.page)
