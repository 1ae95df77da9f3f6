"""An asynchronous check-in in the personal tab: Jonas and Mette, each in their own browser context,
fill in their part (saved as they type), mark it done, Mette closes the check-in, and both see the
new goal progress. At 280 px, in Danish."""

from __future__ import annotations

import uuid

import pytest

from plugin.demo.people import DEMO_BY_KEY
from plugin.i18n import catalogue

from .mymus_data import GoalSpec, agreed_conversation, plan, wait_loaded
from .support import STATE_TIMEOUT_MS, ConsoleWatch, Simulator

DA = catalogue("da")
SHOWS_60 = """([cid, name]) => {
    const bar = document.querySelector(`[data-conversation-id="${cid}"] progress[aria-label="${name}"]`);
    return bar && bar.getAttribute("value") === "60";
}"""


def _open_personal(browser, live_app, participant: str):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="da-DK")
    context.set_default_timeout(STATE_TIMEOUT_MS)
    page = context.new_page()
    console = ConsoleWatch()
    console.attach(page)
    simulator = Simulator(page, live_app)
    simulator.open(locale="da")
    wait_loaded(simulator, participant, "sidePanel")
    since = simulator.log_size()
    simulator.open_view(participant, "personal")
    wait_loaded(simulator, participant, "content", since)
    simulator.frame_element(participant, "content").evaluate(
        "(element, style) => Object.assign(element.style, style)",
        {"boxSizing": "content-box", "flex": "0 0 280px", "width": "280px"},
    )
    frame = simulator.frame_object(participant, "content")
    frame.wait_for_function("() => document.documentElement.clientWidth === 280")
    return context, simulator.frame(participant, "content"), frame


def _open_checkin(tab, cid: int):
    card = tab.locator(f'[data-checkin="{cid}"]')
    card.get_by_role("button", name=DA["ui.mymus.checkins.open"]).click()
    panel = card.get_by_test_id("checkin-panel")
    panel.wait_for()
    return card, panel


def _fill_my_part(panel, goal_title: str, percent: int, blockers: str):
    panel.get_by_label(DA["ui.mymus.checkins.percent"].format(title=goal_title)).fill(str(percent))
    panel.get_by_label(DA["ui.mymus.checkins.goal_note"].format(title=goal_title)).fill(f"Note {percent}")
    panel.get_by_label(DA["ui.mymus.checkins.blockers"], exact=True).fill(blockers)
    panel.locator('[data-testid="save-state"][data-state="saved"]').wait_for()
    assert panel.get_by_test_id("save-state").inner_text() == DA["ui.mymus.checkins.saved"]


@pytest.fixture
def checkin(live_app):
    suffix = uuid.uuid4().hex[:6]
    goal_title = f"Power BI {suffix}"
    made = agreed_conversation(
        live_app, employee="jonas", title=f"MUS · Jonas {suffix}", goals=(GoalSpec(goal_title, progress=40),)
    )
    planned = plan(live_app, employee="jonas", title=f"Opfølgning {suffix}", kind="checkin")
    return {"cid": planned["id"], "goal": made.goals[goal_title], "goal_title": goal_title, "mus": made}


def test_both_fill_in_their_part_mette_closes_and_both_see_the_new_progress(browser, live_app, checkin):
    cid, goal_title = checkin["cid"], checkin["goal_title"]
    jonas_context, jonas_tab, jonas_frame = _open_personal(browser, live_app, "jonas")
    mette_context, mette_tab, mette_frame = _open_personal(browser, live_app, "mette")
    try:
        # Both open the check-in and start typing, each in their own part.
        _, jonas_panel = _open_checkin(jonas_tab, cid)
        _, mette_panel = _open_checkin(mette_tab, cid)
        _fill_my_part(jonas_panel, goal_title, 70, "Mangler licens til Power BI")
        _fill_my_part(mette_panel, goal_title, 60, "Ingen fra min side")
        mette_theirs = mette_panel.get_by_test_id("their-answers")
        assert (
            DA["ui.mymus.checkins.still_filling"].format(name=DEMO_BY_KEY["jonas"].name)
            in mette_theirs.inner_text()
        )
        assert "Mangler licens" not in mette_panel.inner_text()  # not before Jonas is done

        jonas_panel.get_by_role("button", name=DA["ui.mymus.checkins.mark_done"]).click()
        jonas_panel.get_by_test_id("my-answers").wait_for()

        # Mette reopens the check-in: Jonas's part is there now; she marks hers done and closes.
        mette_card = mette_tab.locator(f'[data-checkin="{cid}"]')
        mette_card.get_by_role("button", name=DA["ui.mymus.checkins.hide"]).click()
        _, mette_panel = _open_checkin(mette_tab, cid)
        mette_panel.locator('[data-testid="their-answers"][data-state="done"]').wait_for()
        assert "Mangler licens til Power BI" in mette_panel.get_by_test_id("their-answers").inner_text()
        mette_panel.get_by_role("button", name=DA["ui.mymus.checkins.mark_done"]).click()
        mette_panel.get_by_role("button", name=DA["ui.mymus.checkins.close"]).click()
        mette_panel.get_by_test_id("checkin-closed").wait_for()

        # Both see the new progress on the goal (Mette's value, the latest entry).
        bar_name = DA["ui.mymus.goal.progress_label"].format(title=goal_title)
        mus_card = mette_tab.locator(f'[data-conversation-id="{checkin["mus"].conversation["id"]}"]')
        mette_frame.wait_for_function(
            SHOWS_60,
            arg=[checkin["mus"].conversation["id"], bar_name],
        )
        assert mus_card.get_by_role("progressbar", name=bar_name).get_attribute("value") == "60"

        jonas_frame.evaluate("() => location.reload()")
        jonas_frame.wait_for_function(
            SHOWS_60,
            arg=[checkin["mus"].conversation["id"], bar_name],
        )
        jonas_card = jonas_tab.locator(f'[data-checkin="{cid}"]')
        assert DA["ui.mymus.checkins.closed"] in jonas_card.inner_text()
        for tab_frame in (jonas_frame, mette_frame):
            assert tab_frame.evaluate("document.documentElement.scrollWidth <= 280")
    finally:
        jonas_context.close()
        mette_context.close()
