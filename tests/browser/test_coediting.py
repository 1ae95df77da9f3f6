"""Both parties edit ONE goal (and one development action) at once, in the Teams simulator: nothing
either of them saved is lost. Different fields: both kept. The same text: both people's words kept.
The same non-text field: the second gets a choice next to the field, and what they pick is what both
see. And a goal or action being written is visible to the other person before it is saved."""

from __future__ import annotations

from .meeting_helpers import Panel, goal_title, in_days, meeting_in_progress
from .support import Simulator, wait_until


def _start(simulator: Simulator, live_app, title: str, at: str) -> tuple[dict, Panel, Panel]:
    conversation = meeting_in_progress(live_app, simulator.meeting_id, title, at=at)
    simulator.open()
    for participant in ("mette", "jonas"):
        simulator.wait_initialized(participant, "sidePanel")
    panels = Panel(simulator, "mette"), Panel(simulator, "jonas")
    for panel in panels:
        panel.wait_open(at)
    return conversation, *panels


def _reopen(simulator: Simulator, at: str) -> None:
    """A reload of the whole simulator: both tabs read everything again from the server."""
    simulator.open()  # a new page: its protocol log starts afresh
    for participant in ("mette", "jonas"):
        simulator.wait_initialized(participant, "sidePanel")
    for panel in (Panel(simulator, "mette"), Panel(simulator, "jonas")):
        panel.wait_open(at)


def _card(panel: Panel, kind: str, record: dict):
    """This conversation's goal or action (the pair's goals of earlier conversations are listed too)."""
    return panel.panel().locator(f'[data-testid="{kind}"][data-{kind}-id="{record["id"]}"]')


def _goal_editor(panel: Panel, goal: dict):
    """Opens the editor of this conversation's goal; returns it."""
    _card(panel, "goal", goal).get_by_role("button").first.click()
    editor = panel.panel().get_by_test_id("goal-editor")
    editor.wait_for()
    return editor


def _save(panel: Panel, editor) -> None:
    panel.button("ui.meeting.save_button", editor).click()


def _goal(live_app, cid: int) -> dict:
    return _of_conversation(live_app.api("mette", "GET", f"/api/conversations/{cid}/goals")["items"], cid)


def _of_conversation(items: list[dict], cid: int) -> dict:
    (record,) = [item for item in items if item["conversation_id"] == cid]
    return record


def test_both_edit_one_goal_at_once_and_nothing_is_lost(simulator: Simulator, live_app, console):
    conversation, mette, jonas = _start(simulator, live_app, "Samtidig redigering", "expectations_goals")
    cid = conversation["id"]
    other_of_jonas = conversation["manager"]["display_name"]
    start = _goal(live_app, cid)

    # 1. Different fields: Mette the measure, Jonas the specific description; Mette saves first.
    m_editor, j_editor = _goal_editor(mette, start), _goal_editor(jonas, start)
    m_editor.get_by_label(mette.t("ui.meeting.goal.field.measure")).fill(
        "Certifikatet er bestået i første forsøg"
    )
    j_editor.get_by_label(jonas.t("ui.meeting.goal.field.specific")).fill(
        "Bestå certificeringen i cloud-drift og tage vagter alene"
    )
    # While Mette types, Jonas sees her change coming, field by field, before she saves.
    coming = j_editor.get_by_test_id("goal-draft")
    coming.filter(has_text="Certifikatet er bestået i første forsøg").wait_for()
    _save(mette, m_editor)
    m_editor.wait_for(state="detached")
    coming.wait_for(state="detached")  # saved: her draft is gone
    _save(jonas, j_editor)
    # Jonas's save was based on the version before Mette's: merged, and the editor shows the result.
    j_editor.get_by_test_id("merged-note").wait_for()
    measure = j_editor.get_by_label(jonas.t("ui.meeting.goal.field.measure"))
    assert measure.input_value() == "Certifikatet er bestået i første forsøg"
    jonas.button("ui.meeting.coedit.close", j_editor).click()
    j_editor.wait_for(state="detached")
    stored = _goal(live_app, cid)
    assert (stored["measure"], stored["specific"], stored["version"]) == (
        "Certifikatet er bestået i første forsøg",
        "Bestå certificeringen i cloud-drift og tage vagter alene",
        start["version"] + 2,
    )
    _reopen(simulator, "expectations_goals")
    for panel in (mette, jonas):
        card = _card(panel, "goal", start)
        card.filter(has_text="Bestå certificeringen i cloud-drift og tage vagter alene").filter(
            has_text="Certifikatet er bestået i første forsøg"
        ).wait_for()

    # 2. The same text field: both add words to the measure, at different places.
    m_editor, j_editor = _goal_editor(mette, start), _goal_editor(jonas, start)
    m_measure = m_editor.get_by_label(mette.t("ui.meeting.goal.field.measure"))
    j_measure = j_editor.get_by_label(jonas.t("ui.meeting.goal.field.measure"))
    m_measure.fill("Certifikatet er bestået i første forsøg inden sommerferien")
    j_measure.fill("Det officielle certifikatet er bestået i første forsøg")
    _save(mette, m_editor)
    m_editor.wait_for(state="detached")
    _save(jonas, j_editor)
    j_editor.get_by_test_id("merged-note").wait_for()
    both = "Det officielle certifikatet er bestået i første forsøg inden sommerferien"
    assert j_measure.input_value() == both
    jonas.button("ui.meeting.coedit.close", j_editor).click()
    assert _goal(live_app, cid)["measure"] == both
    for panel in (mette, jonas):
        _card(panel, "goal", start).filter(has_text=both).wait_for()

    # 3. The same non-text field: Mette marks the goal achieved, Jonas (later) as a draft again.
    m_editor, j_editor = _goal_editor(mette, start), _goal_editor(jonas, start)
    m_editor.get_by_label(mette.t("ui.meeting.goal.field.status")).select_option("achieved")
    j_editor.get_by_label(jonas.t("ui.meeting.goal.field.status")).select_option("draft")
    j_editor.get_by_label(jonas.t("ui.meeting.goal.field.relevance")).fill("Teamet skal drive alt i skyen")
    _save(mette, m_editor)
    m_editor.wait_for(state="detached")
    _save(jonas, j_editor)
    # Refused: nothing of Jonas's is saved, he chooses next to the status; what he typed stays.
    j_editor.get_by_test_id("conflict-note").wait_for()
    choice = j_editor.locator('[data-testid="conflict"][data-field="status"]')
    theirs, mine = choice.locator('[data-choice="theirs"]'), choice.locator('[data-choice="mine"]')
    assert theirs.inner_text() == jonas.t(
        "ui.meeting.coedit.theirs", name=other_of_jonas, value=jonas.t("ui.meeting.goal.status.achieved")
    )
    assert mine.inner_text() == jonas.t(
        "ui.meeting.coedit.mine", value=jonas.t("ui.meeting.goal.status.draft")
    )
    assert j_editor.locator('[data-testid="conflict"]').count() == 1
    assert j_editor.get_by_label(jonas.t("ui.meeting.goal.field.relevance")).input_value() == (
        "Teamet skal drive alt i skyen"
    )
    assert j_editor.get_by_test_id("merged-note").count() == 0  # refused: never shown as saved
    refused = _goal(live_app, cid)
    assert (refused["status"], refused["relevance"]) == ("achieved", start["relevance"])
    theirs.click()  # Jonas keeps Mette's "achieved"; his relevance is then saved on top of it
    j_editor.wait_for(state="detached")
    stored = _goal(live_app, cid)
    assert (stored["status"], stored["relevance"], stored["measure"]) == (
        "achieved",
        "Teamet skal drive alt i skyen",
        both,
    )
    achieved = mette.t("ui.meeting.goal.status.achieved")
    for panel in (mette, jonas):
        _card(panel, "goal", start).locator(".badge", has_text=achieved).wait_for()
    history = live_app.api("mette", "GET", f"/api/goals/{start['id']}/history")["items"]
    assert [c["field"] for c in history if c["field"] == "status"] == ["status"]

    # 4. A new goal being written: Jonas sees its title while Mette types it, before she saves.
    mette.panel().get_by_test_id("new-goal").click()
    new_editor = mette.panel().get_by_test_id("goal-editor")
    new_editor.get_by_label(mette.t("ui.meeting.goal.field.title")).press_sequentially("Holde oplæg på")
    writing = (
        jonas.panel()
        .get_by_test_id("goal-draft")
        .filter(has_text=jonas.t("ui.meeting.coedit.writing_goal", name=other_of_jonas))
    )
    writing.filter(has_text="Holde oplæg på").wait_for()
    new_editor.get_by_label(mette.t("ui.meeting.goal.field.title")).press_sequentially(" temadagen")
    writing.filter(has_text="Holde oplæg på temadagen").wait_for()
    goals = live_app.api("jonas", "GET", f"/api/conversations/{cid}/goals")["items"]
    assert [g["id"] for g in goals if g["conversation_id"] == cid] == [start["id"]]  # not saved
    mette.button("ui.meeting.goal.create", new_editor).click()
    jonas.panel().get_by_test_id("goal").filter(has_text="Holde oplæg på temadagen").wait_for()
    writing.wait_for(state="detached")
    assert goal_title(simulator.meeting_id) in [
        g["title"] for g in live_app.api("jonas", "GET", f"/api/conversations/{cid}/goals")["items"]
    ]
    # The one refused save (step 3) is the only failed response (and the browser's note of it).
    refusal = [
        f"HTTP 409: PATCH {live_app.url}/api/goals/{start['id']}",
        "console.error: Failed to load resource: the server responded with a status of 409 (CONFLICT)",
    ]
    wait_until(simulator.page, lambda: len([e for e in console.errors if "409" in e]) >= 2, what="the 409")
    assert sorted(e for e in console.errors if "409" in e) == sorted(refusal)
    for error in refusal:
        console.errors.remove(error)
    console.assert_clean(simulator.page)


def test_both_edit_one_development_action_at_once(simulator: Simulator, live_app, console):
    conversation, mette, jonas = _start(simulator, live_app, "Samtidig handling", "development")
    cid = conversation["id"]
    other_of_mette = conversation["employee"]["display_name"]
    action = _of_conversation(live_app.api("mette", "GET", f"/api/conversations/{cid}/actions")["items"], cid)

    def editor_of(panel: Panel):
        _card(panel, "action", action).get_by_role("button").first.click()
        editor = panel.panel().get_by_test_id("action-editor")
        editor.wait_for()
        return editor

    m_editor, j_editor = editor_of(mette), editor_of(jonas)
    m_editor.get_by_label(mette.t("ui.meeting.action.field.resources")).fill(
        "Kursusgebyr betales af afdelingen"
    )
    due = in_days(45)
    j_editor.get_by_label(jonas.t("ui.meeting.action.field.due")).fill(due)
    j_editor.get_by_label(jonas.t("ui.meeting.action.field.status")).select_option("in_progress")
    mette.button("ui.meeting.save_button", m_editor).click()
    m_editor.wait_for(state="detached")
    jonas.button("ui.meeting.save_button", j_editor).click()
    j_editor.get_by_test_id("merged-note").wait_for()
    assert j_editor.get_by_label(jonas.t("ui.meeting.action.field.resources")).input_value() == (
        "Kursusgebyr betales af afdelingen"
    )
    jonas.button("ui.meeting.coedit.close", j_editor).click()
    stored = _of_conversation(live_app.api("mette", "GET", f"/api/conversations/{cid}/actions")["items"], cid)
    assert (stored["resources"], stored["due_date"], stored["status"]) == (
        "Kursusgebyr betales af afdelingen",
        due,
        "in_progress",
    )
    _reopen(simulator, "development")
    in_progress = mette.t("ui.meeting.action.status.in_progress")
    for panel in (mette, jonas):
        _card(panel, "action", action).filter(has_text="Kursusgebyr betales af afdelingen").filter(
            has_text=in_progress
        ).wait_for()

    # A new action being written reaches Mette before Jonas saves it; gone when he cancels.
    jonas.panel().get_by_test_id("new-action").click()
    new_editor = jonas.panel().get_by_test_id("action-editor")
    new_editor.get_by_label(jonas.t("ui.meeting.action.field.title")).press_sequentially("Mentor i drift")
    writing = (
        mette.panel()
        .get_by_test_id("action-draft")
        .filter(has_text=mette.t("ui.meeting.coedit.writing_action", name=other_of_mette))
    )
    writing.filter(has_text="Mentor i drift").wait_for()
    jonas.button("ui.meeting.cancel", new_editor).click()
    writing.wait_for(state="detached")
    assert len(live_app.api("mette", "GET", f"/api/conversations/{cid}/actions")["items"]) == 1
    console.assert_clean(simulator.page)
