"""A check-in is prepared with questions of its own (progress on goals, blockers, wellbeing, next
steps), not the yearly MUS's."""

from __future__ import annotations

import pytest

from .meeting_helpers import Panel
from .support import Simulator

TOPICS = ["progress", "blockers", "wellbeing", "next_steps"]


@pytest.mark.parametrize("participant, role", [("mette", "manager"), ("jonas", "employee")])
def test_a_check_in_shows_its_own_preparation_questions(
    simulator: Simulator, live_app, console, participant, role
):
    jonas = live_app.api("jonas", "GET", "/api/me")
    conversation = live_app.api(
        "mette",
        "POST",
        "/api/conversations",
        {
            "kind": "checkin",
            "title": "Opfølgning i marts",
            "employee": {"object_id": jonas["object_id"]},
            "meeting": {"meeting_id": simulator.meeting_id},
        },
    )
    blockers = next(item for item in conversation["agenda"] if item["section_key"] == "blockers")
    live_app.api(
        participant,
        "POST",
        f"/api/conversations/{conversation['id']}/preparation",
        {"prompt_key": f"checkin.{role}.blockers", "text": "Venter på adgang til testmiljøet"},
    )
    simulator.open()
    simulator.wait_initialized(participant, "sidePanel")
    panel = Panel(simulator, participant)
    panel.wait_phase("before")
    preparation = panel.frame.get_by_test_id("preparation")
    questions = preparation.locator("[data-prompt]")
    questions.first.wait_for()
    keys = [questions.nth(i).get_attribute("data-prompt") for i in range(questions.count())]
    assert keys == [*(f"checkin.{role}.{topic}" for topic in TOPICS), "free"]  # and a free note
    text = preparation.inner_text()
    for topic in TOPICS:
        assert panel.t(f"preparation.checkin.{role}.{topic}") in text
    # None of the yearly MUS's questions.
    assert (
        panel.t(f"preparation.{role}.{'past_period' if role == 'employee' else 'contributions'}") not in text
    )
    # An answer is offered to the check-in's own item for it.
    answer = preparation.locator(f'[data-prompt="checkin.{role}.blockers"] [data-testid="prep-item"] select')
    assert answer.input_value() == str(blockers["id"])
    console.assert_clean(simulator.page)
