"""Sharing the conversation to the meeting stage from the side panel."""

from __future__ import annotations

from .meeting_helpers import Panel
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


PRIVATE = {
    "mette": "KANARIE-mettes-private-forberedelse",
    "jonas": "KANARIE-jonas-private-forberedelse",
}
PRIVATE_PULSE = "KANARIE-privat-trivsel"
SHARED_PULSE = "Delt trivselskommentar"


def test_the_stage_shows_only_what_both_may_see(simulator: Simulator, live_app, console):
    conversation = live_app.plan_for_meeting(simulator.meeting_id, "Fælles scene")
    cid = conversation["id"]
    wellbeing = next(item for item in conversation["agenda"] if item["section_key"] == "wellbeing")
    live_app.api(
        "mette", "POST", f"/api/conversations/{cid}/transition", {"status": "in_meeting", "version": 1}
    )
    live_app.api("mette", "PUT", f"/api/conversations/{cid}/position", {"agenda_item_id": wellbeing["id"]})
    for person, text in PRIVATE.items():
        live_app.api(
            person, "POST", f"/api/conversations/{cid}/preparation", {"prompt_key": None, "text": text}
        )
    for person in ("mette", "jonas"):
        # One private pulse each (kept to its author), and Jonas's shared one.
        live_app.api(
            person,
            "POST",
            f"/api/conversations/{cid}/wellbeing",
            {"score": 2, "shared": False, "comment": PRIVATE_PULSE},
        )
    live_app.api(
        "jonas",
        "POST",
        f"/api/conversations/{cid}/wellbeing",
        {"score": 4, "shared": True, "comment": SHARED_PULSE},
    )

    simulator.open()
    simulator.wait_initialized("mette", "sidePanel")
    mette = Panel(simulator, "mette")
    mette.wait_current("wellbeing")
    since = simulator.log_size()
    mette.button("ui.stage.share").click()
    simulator.wait_initialized("mette", "meetingStage", since=since)

    texts: dict[str, str] = {}
    for viewer in ("mette", "jonas"):
        if viewer == "jonas":
            since = simulator.log_size()
            simulator.page.locator('[data-testid="stage"] select').select_option("jonas")
            simulator.wait_initialized("jonas", "meetingStage", since=since)
        stage = Panel(simulator, viewer, "meetingStage")
        view = stage.frame.get_by_test_id("stage-view")
        view.wait_for()
        stage.wait_current("wellbeing")
        stage.frame.get_by_test_id("stage-wellbeing").get_by_text(SHARED_PULSE).wait_for()
        text = stage.frame.locator("body").inner_text()
        # Nothing meant for one viewer: no private preparation or pulse, no "you", no signed-in name.
        for canary in (*PRIVATE.values(), PRIVATE_PULSE):
            assert canary not in text, (viewer, canary)
        for key in (
            "ui.conversation.you_see.manager",
            "ui.conversation.you_see.employee",
            "ui.meeting.prep.during",
        ):
            assert stage.t(key) not in text, (viewer, key)
        assert stage.frame.get_by_test_id("signed-in-name").count() == 0
        assert stage.frame.get_by_test_id("statusbar").count() == 0
        assert stage.frame.get_by_test_id("preparation").count() == 0
        texts[viewer] = view.inner_text()
    # The same view whoever looks.
    assert texts["mette"] == texts["jonas"]
    # The shared notes show on the stage as they are typed in a side panel.
    jonas = Panel(simulator, "jonas")
    jonas.wait_open("wellbeing")
    jonas.frame.locator('[data-testid="notes"][data-ready="yes"] textarea.notes-input').press_sequentially(
        "Fælles note"
    )
    stage.frame.get_by_test_id("stage-notes").filter(has_text="Fælles note").wait_for()
    # The side panel still shows each their own (the canary is there, so its absence above is real).
    mette.frame.get_by_test_id("preparation-during").get_by_role("button").first.click()
    mette.frame.get_by_text(PRIVATE["mette"]).wait_for()
    console.assert_clean(simulator.page)
