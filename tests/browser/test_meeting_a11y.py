"""axe-core on the meeting's own views, which a freshly planned conversation does not show: the
opening, the agenda with an item open and the goal and action editors, the stage, the private
preparation and the agreed agreement, in the light, dark and high-contrast themes: no serious or
critical violation (colour contrast included)."""

from __future__ import annotations

import json

import pytest

from .meeting_helpers import Panel, goal_title, meeting_in_progress
from .support import ROOT, STATE_TIMEOUT_MS, ConsoleWatch, Simulator, wait_for_theme

AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = """async () => {
    const result = await window.axe.run(document, {resultTypes: ["violations"]});
    return result.violations
        .filter((violation) => ["serious", "critical"].includes(violation.impact))
        .map((violation) => ({rule: violation.id, help: violation.help,
                              nodes: violation.nodes.map((node) => node.target)}));
}"""


@pytest.fixture
def scan_simulator(browser, live_app):
    if not AXE.exists():
        pytest.fail("web/node_modules/axe-core is missing: run `npm ci` in web/")
    # Only the test's own script needs the CSP bypassed; the pages behave the same.
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="da-DK", bypass_csp=True)
    context.set_default_timeout(STATE_TIMEOUT_MS)
    page = context.new_page()
    watch = ConsoleWatch()
    watch.attach(page)
    yield Simulator(page, live_app), watch
    context.close()


def _scan(panel: Panel, label: str) -> list[dict]:
    frame = panel.frame_object
    if not frame.evaluate("() => Boolean(window.axe)"):
        frame.add_script_tag(content=AXE.read_text("utf-8"))
    return [
        {"where": f"{panel.participant} {panel.frame_context} {label}", **v} for v in frame.evaluate(RUN_AXE)
    ]


@pytest.mark.parametrize("theme", ["default", "dark", "contrast"])
def test_the_meeting_views_have_no_serious_violations(scan_simulator, live_app, theme):
    simulator, console = scan_simulator
    conversation = meeting_in_progress(live_app, simulator.meeting_id, f"Tilgængeligt møde {theme}")
    simulator.open()
    for participant in ("mette", "jonas"):
        simulator.wait_initialized(participant, "sidePanel")
    simulator.set_theme(theme)
    mette, jonas = Panel(simulator, "mette"), Panel(simulator, "jonas")
    for panel in (mette, jonas):
        wait_for_theme(panel.frame_object, theme)
        panel.wait_open("expectations_goals")

    # During: the opening opened, the goal editor with its SMART check, an action editor, my preparation.
    jonas.frame.get_by_test_id("opening-summary").get_by_role("button").click()
    jonas.button("ui.meeting.goal.edit_named", title=goal_title(simulator.meeting_id)).click()
    jonas.frame.locator('[data-testid="smart-check"][data-smart="yes"]').wait_for()
    jonas.button("ui.meeting.goal.add_action").click()
    jonas.frame.get_by_test_id("preparation-during").get_by_role("button").first.click()
    jonas.frame.get_by_test_id("preparation").locator("[data-prompt]").first.wait_for()
    violations = _scan(jonas, "during")

    since = simulator.log_size()
    mette.button("ui.stage.share").click()
    simulator.wait_initialized("mette", "meetingStage", since=since)
    stage = Panel(simulator, "mette", "meetingStage")
    wait_for_theme(stage.frame_object, theme)
    stage.frame.get_by_test_id("stage-goals").wait_for()
    violations += _scan(stage, "stage")

    # After: agreed by both, with the decisions and the snapshot.
    mette.conclude_now()
    for panel in (jonas, mette):
        panel.wait_phase("after")
        panel.frame.get_by_test_id("approve").click()
    mette.frame.locator('[data-testid="agreement-state"][data-state="agreed"]').wait_for()
    violations += _scan(mette, "agreed")

    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    assert conversation["status"] == "in_meeting"
    console.assert_clean(simulator.page)
