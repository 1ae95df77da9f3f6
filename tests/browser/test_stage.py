"""Sharing the conversation to the meeting stage from the side panel."""

from __future__ import annotations

from .support import Simulator


def test_share_to_stage_shows_the_stage(simulator: Simulator, live_app, console):
    conversation = live_app.plan_for_meeting(f"sim-meeting-{simulator.meeting_key}", "Stage test")
    simulator.open()
    simulator.wait_initialized("mette", "sidePanel")
    panel = simulator.frame("mette")
    panel.get_by_role("heading", name="Stage test").wait_for()
    assert simulator.stage().count() == 0
    since = simulator.log_size()
    panel.get_by_role("button", name="Del på mødets scene").click()
    simulator.stage().wait_for()
    assert simulator.stage().get_attribute("src") == f"/tab/stage?conversation={conversation['id']}"
    simulator.wait_initialized("mette", "meetingStage", since=since)
    stage = simulator.frame("mette", "meetingStage")
    stage.get_by_role("heading", name="Stage test").wait_for()
    assert stage.locator(".conversation-wide").count() == 1
    shared = simulator.entries("meeting.shareAppContentToStage", "mette", "sidePanel")
    assert shared[0]["args"][0].endswith(f"/tab/stage?conversation={conversation['id']}")
    shared_status = panel.get_by_role("status").filter(has_text="Delt på scenen")
    shared_status.wait_for()  # the panel says so when the host has answered the share
    assert shared_status.count() == 1
    console.assert_clean(simulator.page)
