"""Screenshots of each surface in the light and the dark theme, in test-artifacts/screenshots/."""

from __future__ import annotations

import pytest

from .support import SCREENSHOTS, Simulator, wait_for_theme


@pytest.mark.parametrize("theme", ["default", "dark"])
def test_screenshots_of_every_surface(simulator: Simulator, live_app, page, console, theme):
    name = "light" if theme == "default" else "dark"
    live_app.plan_for_meeting(simulator.meeting_id, "MUS 2026: Jonas og Mette")
    simulator.open()
    simulator.wait_initialized("mette", "sidePanel")
    simulator.wait_initialized("jonas", "sidePanel")
    if theme != "default":
        simulator.set_theme(theme)
        wait_for_theme(simulator.frame_object("mette"), theme)
    simulator.frame("mette").get_by_test_id("agenda").wait_for()
    simulator.screenshot_frame("mette", "sidePanel", f"sidepanel-{name}")

    since = simulator.log_size()
    simulator.frame("mette").get_by_role("button", name="Del på mødets scene").click()
    simulator.wait_initialized("mette", "meetingStage", since=since)
    simulator.frame("mette", "meetingStage").get_by_test_id("agenda").wait_for()
    simulator.screenshot_frame("mette", "meetingStage", f"stage-{name}")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"simulator-{name}.png"), full_page=True)

    for view, frame_context, surface in (
        ("content", "content", "content"),
        ("config", "settings", "config"),
        ("personal", "content", "personal"),
    ):
        since = simulator.log_size()
        simulator.open_view("jonas", view)
        simulator.wait_initialized("jonas", frame_context, since=since)
        frame = simulator.frame("jonas", frame_context)
        frame.locator("h1").first.wait_for()
        simulator.frame_object("jonas", frame_context).wait_for_function(
            "() => !document.querySelector('.notice-loading')"
        )
        simulator.screenshot_frame("jonas", frame_context, f"{surface}-{name}")

    for surface in ("sidepanel", "stage", "content", "config", "personal", "simulator"):
        assert (SCREENSHOTS / f"{surface}-{name}.png").stat().st_size > 1000
    console.assert_clean(page)
