"""An axe-core scan of every tab surface inside the Teams simulator (side panel, stage, meeting
tab, configuration page, personal tab as employee and as manager) in the light, dark and high
contrast themes: no `serious` or `critical` violation (WCAG 2.x A/AA and best-practice rules,
colour contrast included).

axe-core comes from web/node_modules (a devDependency of the front end) and is injected into each
tab's frame. The pages' Content-Security-Policy forbids inline scripts, so this browser context
bypasses it: only the test's own script needs that, the pages behave the same."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from .mymus_data import GoalSpec, agreed_conversation, days_from_today, plan, wait_loaded
from .support import ROOT, STATE_TIMEOUT_MS, ConsoleWatch, Simulator, wait_for_theme

AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
THEMES = ("default", "dark", "contrast")
BLOCKING = ("serious", "critical")

RUN_AXE = """async (impacts) => {
    const result = await window.axe.run(document, {resultTypes: ["violations"]});
    return result.violations
        .filter((violation) => impacts.includes(violation.impact))
        .map((violation) => ({
            rule: violation.id,
            impact: violation.impact,
            help: violation.help,
            nodes: violation.nodes.map((node) => ({target: node.target, summary: node.failureSummary})),
        }));
}"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `npm ci` in web/ (axe-core is a devDependency)")
    return AXE.read_text("utf-8")


@pytest.fixture(scope="module")
def agreed(live_app):
    """Content for the personal tab: an agreed MUS with goals, progress, a development action and
    follow-up dates, and a planned check-in."""
    suffix = uuid.uuid4().hex[:6]
    made = agreed_conversation(
        live_app,
        employee="jonas",
        title=f"Tilgængelighed {suffix}",
        notes="Vi aftaler et kursus i tilgængelighed.",
        goals=(
            GoalSpec(f"Skrive tilgængelige rapporter {suffix}", deadline=days_from_today(90), progress=40),
            GoalSpec(f"Holde et oplæg {suffix}", status="achieved", progress=100),
            GoalSpec(f"Lære skærmlæsere at kende {suffix}"),
        ),
        follow_ups=((f"Opfølgning {suffix}", days_from_today(21)),),
        action=(f"Kursus i WCAG {suffix}", days_from_today(60)),
    )
    plan(live_app, employee="jonas", title=f"Check-in {suffix}", kind="checkin")
    # For Mette's team: an overdue follow-up and a MUS more than a year ago.
    agreed_conversation(
        live_app,
        employee="freja",
        title=f"Gammel MUS {suffix}",
        held_at=datetime.now(UTC) - timedelta(days=400),
        follow_ups=((f"Overskredet {suffix}", days_from_today(-300)),),
    )
    return made


@pytest.fixture
def a11y_context(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="da-DK", bypass_csp=True)
    context.set_default_timeout(STATE_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def a11y_console():
    return ConsoleWatch()


@pytest.fixture
def a11y_simulator(a11y_context, a11y_console, live_app):
    page = a11y_context.new_page()
    a11y_console.attach(page)
    return Simulator(page, live_app)


def _scan(
    simulator: Simulator, participant: str, frame_context: str, theme: str, axe_source: str
) -> list[dict]:
    frame = simulator.frame_object(participant, frame_context)
    wait_for_theme(frame, theme)
    # Signed in: the person's name, or on the stage (seen by everyone, so without it) the shared view.
    frame.wait_for_function(
        "() => document.querySelector('[data-testid=signed-in-name], [data-testid=stage-view]') !== null"
    )
    frame.wait_for_function("() => !document.querySelector('.notice-loading')")
    closed = frame.locator("details:not([open]) > summary")
    for _ in range(closed.count()):
        closed.first.click()  # scan what is behind the disclosures too
    if not frame.evaluate("() => Boolean(window.axe)"):
        frame.add_script_tag(content=axe_source)
    found = frame.evaluate(RUN_AXE, list(BLOCKING))
    return [{"surface": f"{participant} {frame_context}", **violation} for violation in found]


def _open(simulator: Simulator, participant: str, view: str, frame_context: str) -> None:
    since = simulator.log_size()
    simulator.open_view(participant, view)
    wait_loaded(simulator, participant, frame_context, since)


@pytest.mark.parametrize("theme", THEMES)
def test_no_serious_accessibility_violations_on_any_surface(
    a11y_simulator: Simulator, a11y_console, live_app, agreed, theme, axe_source
):
    simulator = a11y_simulator
    live_app.plan_for_meeting(simulator.meeting_id, "Tilgængelighed i mødet")
    simulator.open()
    for participant in ("mette", "jonas"):
        wait_loaded(simulator, participant, "sidePanel")
    simulator.set_theme(theme)
    violations = _scan(simulator, "mette", "sidePanel", theme, axe_source)

    since = simulator.log_size()
    simulator.column("jonas").locator('[data-action="host-share"]').click()
    wait_loaded(simulator, "jonas", "meetingStage", since)
    violations += _scan(simulator, "jonas", "meetingStage", theme, axe_source)

    for view, frame_context in (("content", "content"), ("config", "settings"), ("personal", "content")):
        _open(simulator, "jonas", view, frame_context)
        violations += _scan(simulator, "jonas", frame_context, theme, axe_source)
    _open(simulator, "mette", "personal", "content")
    personal = simulator.frame("mette", "content")
    personal.locator(f'[data-conversation-id="{agreed.conversation["id"]}"] [data-testid="goals"]').wait_for()
    team = personal.get_by_test_id("mymus-team")
    team.locator(".mymus-overdue").first.wait_for()
    team.locator('[data-state="overdue"]').first.wait_for()
    violations += _scan(simulator, "mette", "content", theme, axe_source)

    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    a11y_console.assert_clean(simulator.page)


def test_axe_finds_a_violation_when_there_is_one(a11y_simulator: Simulator, axe_source):
    """The scan itself works: an image without a text alternative in a tab is reported."""
    simulator = a11y_simulator
    simulator.open()
    wait_loaded(simulator, "jonas", "sidePanel")
    frame = simulator.frame_object("jonas", "sidePanel")
    frame.evaluate(
        """() => { const img = document.createElement("img");
                   img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw="; document.body.append(img); }"""
    )
    frame.add_script_tag(content=axe_source)
    found = frame.evaluate(RUN_AXE, list(BLOCKING))
    assert "image-alt" in {v["rule"] for v in found}
