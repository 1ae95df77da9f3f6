"""The side panel at 280 px: one column, no horizontal scroll; keyboard focus is visible."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .meeting_helpers import Panel
from .support import Simulator, wait_for_theme

if TYPE_CHECKING:
    from playwright.sync_api import Frame

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


# --- the side panel is the agenda: at 280 x 700 px the item the meeting is on is in the first screen -


def _panel_at_280_by_700(simulator: Simulator, participant: str) -> Frame:
    simulator.frame_element(participant, "sidePanel").evaluate(
        "(element, style) => Object.assign(element.style, style)",
        {"boxSizing": "content-box", "flex": "0 0 280px", "width": "280px", "height": "700px"},
    )
    frame = simulator.frame_object(participant)
    frame.wait_for_function(
        "() => document.documentElement.clientWidth === 280 && window.innerHeight === 700"
    )
    return frame


def _bottom_in_first_screen(frame: Frame, selector: str) -> dict:
    """Where the element ends, measured without scrolling the page (the first screen)."""
    frame.locator(selector).first.wait_for()
    return frame.evaluate(
        """(selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return {bottom: box.bottom + window.scrollY, top: box.top + window.scrollY,
                    scrolled: window.scrollY, height: window.innerHeight};
        }""",
        selector,
    )


CURRENT_ITEM = {
    # Before the meeting the agenda starts at its first item; after it, the agreement is on.
    "before": '[data-testid="agenda"] > li:first-child .agenda-item-title',
    "during": '[data-testid="agenda"] > li[data-current="yes"] .agenda-entry-title',
    "after": "#agreement-heading",
}


@pytest.mark.parametrize(
    "participant, kind, locale",
    [("mette", "mus", "da"), ("jonas", "mus", "en"), ("mette", "checkin", "en"), ("jonas", "checkin", "da")],
)
def test_the_current_agenda_item_is_in_the_first_screen_at_280_by_700(
    simulator: Simulator, live_app, console, participant, kind, locale
):
    jonas = live_app.api("jonas", "GET", "/api/me")
    conversation = live_app.api(
        "mette",
        "POST",
        "/api/conversations",
        {
            "kind": kind,
            "title": "En samtale med en ret lang titel, der ikke kan stå på én linje",
            "employee": {"object_id": jonas["object_id"]},
            "meeting": {"meeting_id": simulator.meeting_id},
        },
    )
    cid = conversation["id"]
    items = sorted(conversation["agenda"], key=lambda item: item["position"])
    simulator.open(locale=locale)
    simulator.wait_initialized(participant, "sidePanel")
    panel = Panel(simulator, participant, language=locale)
    frame = _panel_at_280_by_700(simulator, participant)

    panel.wait_phase("before")
    _assert_in_first_screen(frame, CURRENT_ITEM["before"], "before")

    live_app.api(
        "mette", "POST", f"/api/conversations/{cid}/transition", {"status": "in_meeting", "version": 1}
    )
    panel.wait_phase("during")
    for item in (items[0], items[len(items) // 2], items[-1]):
        live_app.api("mette", "PUT", f"/api/conversations/{cid}/position", {"agenda_item_id": item["id"]})
        panel.wait_current(item["section_key"])
        panel.wait_open(item["section_key"])
        _assert_in_first_screen(frame, CURRENT_ITEM["during"], f"during: {item['section_key']}")
        # ... and the start of its panel too.
        start = _bottom_in_first_screen(frame, '[data-testid="item-panel"] .sub-title')
        assert start["top"] < start["height"], (item["section_key"], start)

    live_app.api("mette", "POST", f"/api/conversations/{cid}/agreement")
    panel.wait_phase("after")
    _assert_in_first_screen(frame, CURRENT_ITEM["after"], "after")
    console.assert_clean(simulator.page)


def _assert_in_first_screen(frame: Frame, selector: str, what: str) -> None:
    box = _bottom_in_first_screen(frame, selector)
    assert box["scrolled"] == 0, (what, box)
    assert box["bottom"] < 700, (what, box)


def test_the_header_is_one_line_with_a_share_icon_and_about_folded(simulator: Simulator, live_app, console):
    live_app.plan_for_meeting(
        simulator.meeting_id, "MUS 2026 med en meget lang titel, der ikke kan stå på én linje"
    )
    simulator.open(locale="en")
    simulator.wait_initialized("jonas", "sidePanel")
    jonas = Panel(simulator, "jonas", language="en")
    frame = _panel_at_280_by_700(simulator, "jonas")
    share = jonas.frame.get_by_role("button", name=jonas.t("ui.stage.share"), exact=True)
    share.wait_for()
    # An icon button: small, with its name as its label and tooltip, no visible text of its own.
    box = share.bounding_box()
    assert box and box["width"] <= 40 and box["height"] <= 40, box
    assert share.locator("svg").count() == 1
    header = jonas.frame.get_by_test_id("conversation-header")
    title = header.get_by_role("heading", level=1)
    title_box, header_line = title.bounding_box(), header.locator(".header-line").bounding_box()
    assert title_box and header_line and abs(title_box["y"] - header_line["y"]) < 12
    assert title_box["height"] <= 32, title_box  # one line
    assert (title.get_attribute("title") or "").startswith("MUS 2026")
    # The parties and what each sees are folded into "About this conversation".
    you_see = jonas.t("ui.conversation.you_see.employee")
    assert not jonas.frame.get_by_text(you_see).is_visible()
    about = jonas.button("ui.panel.about")
    assert about.get_attribute("aria-expanded") == "false"
    about.click()
    jonas.frame.get_by_text(you_see).wait_for()
    assert about.get_attribute("aria-expanded") == "true"
    # The tooltip shows on keyboard focus, in the reader's language (back by keyboard from "About").
    about.focus()
    simulator.page.keyboard.press("Shift+Tab")
    jonas.frame.locator('[data-testid="share-to-stage"]:focus-visible').wait_for()
    frame.wait_for_function(
        """(text) => [...document.querySelectorAll('.tooltip')]
            .some((tip) => tip.offsetParent && tip.textContent === text)""",
        arg=jonas.t("ui.stage.share"),
    )
    assert frame.evaluate(NO_HORIZONTAL_SCROLL)
    console.assert_clean(simulator.page)


def test_conclude_shows_when_the_agenda_is_done_and_from_more_actions(
    simulator: Simulator, live_app, console
):
    conversation = live_app.plan_for_meeting(simulator.meeting_id, "Afslutning")
    cid = conversation["id"]
    items = sorted(conversation["agenda"], key=lambda item: item["position"])
    live_app.api(
        "mette", "POST", f"/api/conversations/{cid}/transition", {"status": "in_meeting", "version": 1}
    )
    live_app.api("mette", "PUT", f"/api/conversations/{cid}/position", {"agenda_item_id": items[0]["id"]})
    simulator.open()
    simulator.wait_initialized("mette", "sidePanel")
    mette = Panel(simulator, "mette")
    mette.wait_current(items[0]["section_key"])
    conclude = mette.frame.get_by_test_id("conclude")
    assert conclude.count() == 0  # the agenda has just begun

    # The menu, by keyboard: arrow down opens it on its first item, Escape closes it again.
    more = mette.frame.get_by_role("button", name=mette.t("ui.panel.more_actions"), exact=True)
    assert more.get_attribute("aria-haspopup") == "menu"
    more.focus()
    simulator.page.keyboard.press("ArrowDown")
    item = mette.frame.get_by_role("menuitem", name=mette.t("ui.panel.conclude_now"))
    item.wait_for()
    mette.frame.locator('[role="menuitem"]:focus').wait_for()
    assert more.get_attribute("aria-expanded") == "true"
    simulator.page.keyboard.press("Escape")
    item.wait_for(state="detached")
    mette.frame.locator('[data-testid="more-actions"]:focus').wait_for()

    # On the last item the agenda is done: Conclude is there, one button away.
    live_app.api("mette", "PUT", f"/api/conversations/{cid}/position", {"agenda_item_id": items[-1]["id"]})
    mette.wait_current(items[-1]["section_key"])
    conclude.wait_for()
    assert conclude.inner_text() == mette.t("ui.meeting.lifecycle.conclude")

    # Concluding early, from the menu by keyboard, drafts the agreement all the same.
    live_app.api("mette", "PUT", f"/api/conversations/{cid}/position", {"agenda_item_id": items[1]["id"]})
    mette.wait_current(items[1]["section_key"])
    conclude.wait_for(state="detached")
    more.focus()
    simulator.page.keyboard.press("Enter")
    item.wait_for()
    simulator.page.keyboard.press("Enter")
    mette.wait_phase("after")
    assert live_app.api("mette", "GET", f"/api/conversations/{cid}")["status"] == "reviewing"
    console.assert_clean(simulator.page)
