"""Working in the meeting: keyboard only, undo of the last change, offline edits kept and sent when
the connection is back, and the whole thing in English. (Both typing in the same note at once:
test_live_notes.py.)"""

from __future__ import annotations

import json
import re

from plugin.i18n import catalogue

from .meeting_helpers import Panel, in_days, meeting_in_progress, section_id
from .support import Simulator

FOCUSED = """() => { const e = document.activeElement;
    return {id: e.id, testid: e.dataset.testid || null, text: e.textContent.trim(),
            outline: getComputedStyle(e).outlineStyle, width: getComputedStyle(e).outlineWidth}; }"""


def _tab_to(panel: Panel, test: str, limit: int = 80) -> dict:
    """Presses Tab until the focused element passes `test` (a JS predicate on document.activeElement)."""
    for _ in range(limit):
        panel.simulator.page.keyboard.press("Tab")
        if panel.frame_object.evaluate(
            f"() => {{ const e = document.activeElement; return Boolean({test}); }}"
        ):
            return panel.frame_object.evaluate(FOCUSED)
    raise AssertionError(f"never reached {test}")


def _start(
    simulator: Simulator, live_app, title: str, *, at: str, locale: str = "da"
) -> tuple[dict, Panel, Panel]:
    conversation = meeting_in_progress(live_app, simulator.meeting_id, title, at=at)
    simulator.open(locale=locale)
    for participant in ("mette", "jonas"):
        simulator.wait_initialized(participant, "sidePanel")
    panels = Panel(simulator, "mette", language=locale), Panel(simulator, "jonas", language=locale)
    for panel in panels:
        panel.wait_open(at)
    return conversation, *panels


def test_keyboard_only_through_the_agenda(simulator: Simulator, live_app, console):
    conversation, mette, jonas = _start(simulator, live_app, "Kun tastatur", at="work_situation")
    mette.frame.locator(".skip-link").focus()
    focused = _tab_to(mette, "e.getAttribute('aria-current') === 'step'")
    assert focused["id"] == f"item-{section_id(conversation, 'work_situation')}-button"
    assert focused["outline"] == "solid" and focused["width"] == "2px"  # visible focus

    # Arrow down to the next item's header and open it: looking around, the employee stays.
    mette.simulator.page.keyboard.press("ArrowDown")
    goals_button = f"item-{section_id(conversation, 'expectations_goals')}-button"
    assert mette.frame_object.evaluate(FOCUSED)["id"] == goals_button
    mette.simulator.page.keyboard.press("Enter")
    mette.wait_open("expectations_goals")
    mette.frame.locator('[data-testid="follow-bar"][data-following="no"]').wait_for()
    assert jonas.open_entry().get_attribute("data-section") == "work_situation"

    # Move the meeting here, then on to the next item: the employee follows; focus follows the move.
    _tab_to(mette, "e.dataset.testid === 'move-here'")
    mette.simulator.page.keyboard.press("Enter")
    jonas.wait_open("expectations_goals")
    jonas.wait_current("expectations_goals")
    _tab_to(mette, "e.dataset.testid === 'next-item'")
    mette.simulator.page.keyboard.press("Enter")
    development_button = f"item-{section_id(conversation, 'development')}-button"
    mette.frame_object.wait_for_function("(id) => document.activeElement.id === id", arg=development_button)
    for panel in (mette, jonas):
        panel.wait_open("development")
        panel.wait_current("development")

    # A talking point typed and sent with the keyboard alone.
    _tab_to(
        mette,
        f"e.labels?.[0]?.textContent === {json.dumps(mette.t('ui.meeting.points.add_label'))}",
    )
    mette.simulator.page.keyboard.type("Et punkt skrevet med tastaturet")
    mette.simulator.page.keyboard.press("Enter")
    jonas.panel().get_by_test_id("talking-point").filter(
        has_text="Et punkt skrevet med tastaturet"
    ).wait_for()
    console.assert_clean(simulator.page)


def test_undo_takes_back_the_last_change(simulator: Simulator, live_app, console):
    conversation, mette, jonas = _start(simulator, live_app, "Fortryd", at="challenges")
    points = mette.panel().get_by_test_id("talking-points")
    points.get_by_label(mette.t("ui.meeting.points.add_label")).fill("Et punkt ved en fejl")
    mette.button("ui.meeting.points.add", points).click()
    jonas.panel().get_by_test_id("talking-point").filter(has_text="Et punkt ved en fejl").wait_for()
    undo_line = mette.frame.locator(".undo-line")
    undo_line.filter(has_text=mette.t("ui.meeting.undo.point_added")).wait_for()  # when Mette's answer came
    mette.button("ui.meeting.undo.button").click()
    jonas.panel().get_by_test_id("talking-point").filter(has_text="Et punkt ved en fejl").wait_for(
        state="detached"
    )
    mette.panel().get_by_test_id("talking-point").filter(has_text="Et punkt ved en fejl").wait_for(
        state="detached"
    )
    item = live_app.api("mette", "GET", f"/api/conversations/{conversation['id']}")["agenda"]
    assert [p for i in item if i["section_key"] == "challenges" for p in i["talking_points"]] == []

    # Moving on is a change too: undone with Ctrl+Z (outside a text field), both go back.
    mette.frame.get_by_test_id("next-item").click()
    jonas.wait_current("wellbeing")
    # The way back is offered when the server has answered Mette's move, which may come after Jonas
    # heard of it on the live channel: Ctrl+Z before that finds nothing to undo.
    undo_line.filter(has_text=mette.t("ui.meeting.undo.moved")).wait_for()
    mette.frame.get_by_test_id("follow-bar").click()  # focus outside any text field
    simulator.page.keyboard.press("Control+z")
    for panel in (mette, jonas):
        panel.wait_current("challenges")
        panel.wait_open("challenges")
    console.assert_clean(simulator.page)


def test_offline_edits_are_kept_and_sent_when_back(simulator: Simulator, live_app, context, console):
    conversation, mette, jonas = _start(simulator, live_app, "Offline", at="challenges")
    cid = conversation["id"]
    mette.wait_saved()
    context.set_offline(True)
    notes = mette.panel().get_by_label(mette.t("ui.meeting.notes.label"))
    notes.fill("Skrevet uden net: vi taler om prioriteringer.")
    points = mette.panel().get_by_test_id("talking-points")
    points.get_by_label(mette.t("ui.meeting.points.add_label")).fill("Punkt skrevet offline")
    mette.button("ui.meeting.points.add", points).click()
    state = mette.frame.locator('[data-testid="save-state"][data-state="offline"]')
    state.wait_for()
    mette.frame_object.wait_for_function(
        "() => document.querySelector('[data-testid=save-state]').textContent.includes('2')"
    )
    queued = json.loads(
        mette.frame_object.evaluate(
            "() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('mus.outbox.')))"
        )
    )
    assert len(queued) == 1
    entries = json.loads(queued[0][1])
    # Both wait with an Idempotency-Key: the notes as one merged Yjs update, the talking point.
    assert sorted(
        (e["method"], e["path"].rsplit("/", 1)[-1], bool(e.get("idempotencyKey"))) for e in entries
    ) == [("POST", "talking-points", True), ("POST", "updates", True)]
    assert notes.input_value() == "Skrevet uden net: vi taler om prioriteringer."

    context.set_offline(False)
    mette.wait_saved()
    jonas.panel().get_by_test_id("talking-point").filter(has_text="Punkt skrevet offline").wait_for()
    jonas.frame_object.wait_for_function(
        "(text) => document.querySelector('textarea.notes-input')?.value === text",
        arg="Skrevet uden net: vi taler om prioriteringer.",
    )
    item = next(
        i
        for i in live_app.api("mette", "GET", f"/api/conversations/{cid}")["agenda"]
        if i["section_key"] == "challenges"
    )
    assert item["notes"] == "Skrevet uden net: vi taler om prioriteringer."
    assert [p["text"] for p in item["talking_points"]] == ["Punkt skrevet offline"]
    assert (
        mette.frame_object.evaluate(
            "() => Object.keys(localStorage).filter((k) => k.startsWith('mus.outbox.')).length"
        )
        == 0
    )
    console.errors[:] = [e for e in console.errors if "ERR_INTERNET_DISCONNECTED" not in e]
    console.assert_clean(simulator.page)


def test_the_meeting_in_english(simulator: Simulator, live_app, console):
    en = catalogue("en")
    _, mette, jonas = _start(simulator, live_app, "MUS in English", at="expectations_goals", locale="en")
    assert jonas.frame_object.evaluate("() => document.documentElement.lang") == "en"
    assert jonas.frame.get_by_test_id("follow-bar").inner_text() == en["ui.meeting.agenda.following"].format(
        title="Expectations and goals"
    )
    assert jonas.frame.get_by_test_id("save-state").inner_text() == en["ui.meeting.save.saved"]
    goal = jonas.frame.get_by_test_id("goal").first
    # Dates as the English locale writes them (e.g. "27 Apr 2027"), not the Danish way ("27. apr. 2027").
    assert re.search(r"\bdue \d{1,2} [A-Z][a-z]{2,3} \d{4}\b", goal.inner_text()), goal.inner_text()
    jonas.frame.get_by_test_id("new-goal").click()
    editor = jonas.frame.get_by_test_id("goal-editor")
    editor.get_by_label(en["ui.meeting.goal.field.measure"]).fill("better")
    editor.locator('[data-criterion="measurable"][data-verdict="weak"]').first.wait_for()
    assert (
        en["ui.meeting.smart.verdict.weak"] in editor.locator('p[data-criterion="measurable"]').inner_text()
    )
    editor.get_by_label(en["ui.meeting.goal.field.deadline"]).fill(in_days(30))
    editor.locator('p[data-criterion="time_bound"][data-verdict="ok"]').wait_for()
    jonas.button("ui.meeting.cancel", editor).click()

    # Concluded and approved by both, in English.
    mette.conclude_now()
    for panel in (mette, jonas):
        panel.wait_phase("after")
        panel.frame.get_by_test_id("approve").click()
    for panel in (mette, jonas):
        panel.frame.locator('[data-testid="agreement-state"][data-state="agreed"]').wait_for()
        assert (
            panel.frame.get_by_test_id("agreement-state").inner_text()
            == en["ui.meeting.agreement.state.agreed"]
        )
        decisions = panel.frame.get_by_test_id("decisions").inner_text()
        assert "Mette Sørensen approved on" in decisions and "Jonas Kjær Nielsen approved on" in decisions
    console.assert_clean(simulator.page)
