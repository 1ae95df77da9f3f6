"""Private preparation stays private: what the manager prepares and does not share never reaches
the employee (and the other way round): not in the employee's page, not in any API response to the
employee's token, not on the live channel. What either of them shares does reach the other."""

from __future__ import annotations

import requests

from .meeting_helpers import Panel, ResponseLog
from .support import REQUEST_TIMEOUT_S, Simulator

SECRETS = {"mette": "METTE-PRIVAT-7c1e: overvejer omstrukturering", "jonas": "JONAS-PRIVAT-5b2d: jobsøgning"}
SHARED = {"mette": "METTE-DELT-91aa: tak for indsatsen", "jonas": "JONAS-DELT-33fe: ønsker mere ansvar"}
NAMES = {"mette": "Mette Sørensen", "jonas": "Jonas Kjær Nielsen"}
PROMPTS = {"mette": "manager.feedback", "jonas": "employee.questions"}


def _write(panel: Panel, text: str, share: bool) -> None:
    block = panel.frame.locator(f'[data-prompt="{PROMPTS[panel.participant]}"]')
    block.get_by_label(panel.t("ui.meeting.prep.add_label")).fill(text)
    panel.button("ui.meeting.prep.add", block).click()
    item = block.get_by_test_id("prep-item").filter(has_text=text)
    item.wait_for()
    if share:
        panel.button("ui.meeting.prep.promote", item).click()
        item.get_by_test_id("promoted").wait_for()


def _live_log(live_app, person: str, conversation_id: int) -> str:
    """The whole event log of the conversation as `person`'s live channel replays it."""
    response = requests.get(
        f"{live_app.url}/api/conversations/{conversation_id}/live?after=0",
        headers={"Authorization": f"Bearer {live_app.token(person)}", "Accept": "text/event-stream"},
        stream=True,
        timeout=REQUEST_TIMEOUT_S,
    )
    assert response.status_code == 200
    lines = []
    try:
        for line in response.iter_lines(decode_unicode=True):
            lines.append(line)
            if line == "event: ready":
                break
    finally:
        response.close()
    return "\n".join(lines)


def test_neither_party_ever_receives_the_others_private_preparation(simulator: Simulator, live_app, console):
    log = ResponseLog()
    log.attach(simulator.page)
    conversation = live_app.plan_for_meeting(simulator.meeting_id, "Privat forberedelse")
    simulator.open()
    panels = {p: Panel(simulator, p) for p in ("mette", "jonas")}
    for participant, panel in panels.items():
        simulator.wait_initialized(participant, "sidePanel")
        panel.wait_phase("before")
    for participant, panel in panels.items():
        _write(panel, SECRETS[participant], share=False)
        _write(panel, SHARED[participant], share=True)

    # Each sees the other's shared point (the agenda preview shows them all), not the private one.
    for me, other in (("jonas", "mette"), ("mette", "jonas")):
        panels[me].frame.get_by_test_id("preview-point").filter(has_text=SHARED[other]).wait_for()
        page = panels[me].frame_object.content()
        assert SHARED[other] in page  # the check can see the other's text when it is shared ...
        assert SECRETS[other] not in page  # ... and the private one is not there
        assert SECRETS[me] in page

    # In the meeting, each opens their own preparation again.
    panels["mette"].button("ui.meeting.lifecycle.to.in_meeting").click()
    for panel in panels.values():
        panel.wait_phase("during")
        panel.frame.get_by_test_id("preparation-during").get_by_role("button").first.click()
        panel.frame.get_by_test_id("prep-item").filter(has_text=SECRETS[panel.participant]).wait_for()
        panel.button("ui.meeting.agenda.start").or_(panel.frame.get_by_test_id("follow-bar")).first.wait_for()
    panels["mette"].button("ui.meeting.agenda.start").click()
    for panel in panels.values():
        panel.wait_open("work_situation")

    for me, other in (("jonas", "mette"), ("mette", "jonas")):
        page = panels[me].frame_object.content()
        assert SECRETS[other] not in page and SECRETS[me] in page
        bodies = log.bodies_for(NAMES[me])
        assert any(SHARED[other] in body for _, body in bodies)
        leaked = [url for url, body in bodies if SECRETS[other] in body]
        assert leaked == [], leaked
        replay = _live_log(live_app, me, conversation["id"])
        assert "talking_point.added" in replay
        assert SECRETS[other] not in replay and SHARED[other] not in replay
    # Only the two people's own tokens asked for anything.
    assert {name for name, _ in log.responses} == set(NAMES.values())
    console.assert_clean(simulator.page)
