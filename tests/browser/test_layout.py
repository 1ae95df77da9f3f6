"""The side panel at 280 px: one column, no horizontal scroll; keyboard focus is visible."""

from __future__ import annotations

from .support import Simulator, wait_for_theme

NO_HORIZONTAL_SCROLL = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"


def test_side_panel_at_280_px_has_no_horizontal_scroll(simulator: Simulator, live_app, console):
    long_title = "Udviklingssamtale-med-et-meget-langt-ord-uden-mellemrum-" * 3
    live_app.plan_for_meeting(f"sim-meeting-{simulator.meeting_key}", long_title)
    simulator.open()
    simulator.wait_initialized("mette", "sidePanel")
    simulator.frame("mette").get_by_test_id("agenda").wait_for()
    frame = simulator.frame_object("mette")
    assert frame.evaluate("document.documentElement.clientWidth") == 280
    assert frame.evaluate(NO_HORIZONTAL_SCROLL)
    for theme in ("dark", "contrast"):
        simulator.set_theme(theme)
        wait_for_theme(frame, theme)
        assert frame.evaluate(NO_HORIZONTAL_SCROLL)
    console.assert_clean(simulator.page)


def test_every_tab_surface_in_teams_fits_280_px(simulator: Simulator, live_app, console):
    live_app.plan_for_meeting(simulator.meeting_id, "Smal")
    simulator.open()
    simulator.wait_initialized("jonas", "sidePanel")
    for view, frame_context in (("content", "content"), ("config", "settings"), ("personal", "content")):
        since = simulator.log_size()
        simulator.open_view("jonas", view)
        simulator.wait_initialized("jonas", frame_context, since=since)
        _assert_fits_280(simulator, "jonas", frame_context)
    since = simulator.log_size()
    simulator.column("jonas").locator('[data-action="host-share"]').click()
    simulator.wait_initialized("jonas", "meetingStage", since=since)
    _assert_fits_280(simulator, "jonas", "meetingStage")
    console.assert_clean(simulator.page)


def _assert_fits_280(simulator: Simulator, participant: str, frame_context: str) -> None:
    simulator.frame_element(participant, frame_context).evaluate(
        "(element, style) => Object.assign(element.style, style)",
        {"boxSizing": "content-box", "flex": "0 0 280px", "width": "280px"},
    )
    frame = simulator.frame_object(participant, frame_context)
    frame.wait_for_function("() => document.documentElement.clientWidth === 280")
    frame.wait_for_function("() => !document.querySelector('.notice-loading')")
    assert frame.evaluate(NO_HORIZONTAL_SCROLL), frame_context


def test_every_surface_fits_280_px(page, live_app, console):
    page.set_viewport_size({"width": 280, "height": 800})
    for path in ("/tab/personal", "/tab/config", "/", "/privacy", "/terms"):
        page.goto(f"{live_app.url}{path}")
        page.wait_for_load_state("networkidle")
        assert page.evaluate(NO_HORIZONTAL_SCROLL), path
    console.assert_clean(page)


def test_keyboard_focus_is_visible(simulator: Simulator, live_app, console):
    live_app.plan_for_meeting(f"sim-meeting-{simulator.meeting_key}", "Fokus")
    simulator.open()
    simulator.wait_initialized("mette", "sidePanel")
    panel = simulator.frame("mette")
    panel.get_by_role("button", name="Del på mødets scene").wait_for()
    panel.locator(".skip-link").focus()
    simulator.page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
    focused = simulator.frame_object("mette").evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            return {text: element.textContent, outline: style.outlineStyle, width: style.outlineWidth};
        }"""
    )
    assert focused["text"] == "Del på mødets scene", focused
    assert focused["outline"] == "solid" and focused["width"] == "2px", focused
    console.assert_clean(simulator.page)
