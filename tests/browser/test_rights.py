"""Data rights in the personal tab, in the Teams simulator: Mette (Jonas's manager in the directory)
asks for Jonas's earlier history, Jonas approves, Mette reads it; then Jonas erases his data with
the typed confirmation (a wrong word is refused where it was typed). On an app of its own: the
erasure must not take Jonas away from the other browser tests."""

from __future__ import annotations

import uuid

import pytest

from plugin.demo.people import DEMO_BY_KEY
from plugin.i18n import catalogue

from .mymus_data import person_ref, wait_loaded
from .support import LiveApp, Simulator, demo_app_served


@pytest.fixture(scope="module")
def live_app(tmp_path_factory):
    with demo_app_served(tmp_path_factory.mktemp("rights-app"), "rights-test-app") as live:
        yield live


def earlier_with_freja(live: LiveApp, title: str) -> dict:
    """Jonas's earlier MUS led by Freja (his manager then), agreed by both. The directory names Mette
    now, so Jonas plans it, confirming Freja as the manager of that conversation."""
    conversation = live.api(
        "jonas",
        "POST",
        "/api/conversations",
        {
            "title": title,
            "employee": person_ref("jonas"),
            "manager": person_ref("freja"),
            "confirm_relationship": True,
        },
    )
    cid = conversation["id"]
    live.api(
        "freja",
        "POST",
        f"/api/conversations/{cid}/transition",
        {"status": "in_meeting", "version": conversation["version"]},
    )
    live.api("jonas", "POST", f"/api/conversations/{cid}/goals", {"title": f"Mål {title}"})
    version = live.api("freja", "POST", f"/api/conversations/{cid}/agreement")
    for person in ("jonas", "freja"):
        live.api(
            person,
            "POST",
            f"/api/conversations/{cid}/agreement/{version['number']}/decision",
            {"decision": "approved"},
        )
    return conversation


def open_personal(simulator: Simulator, participant: str, *, reload: bool = False):
    if reload:  # come back later: Teams (the simulator) opened afresh
        simulator.open(locale="da")
    since = simulator.log_size()
    simulator.open_view(participant, "personal")
    wait_loaded(simulator, participant, "content", since)
    return simulator.frame(participant, "content")


def test_handover_with_approval_then_erasure(simulator: Simulator, console, live_app: LiveApp):
    texts = catalogue("da")
    title = f"MUS med Freja {uuid.uuid4().hex[:6]}"
    earlier_with_freja(live_app, title)
    jonas_name = DEMO_BY_KEY["jonas"].name
    simulator.open(locale="da")

    # Mette asks for Jonas's history: the request waits for Jonas.
    mette = open_personal(simulator, "mette")
    handover = mette.get_by_test_id("handover")
    handover.get_by_role(
        "button", name=texts["ui.personal.handover.request_access"].format(name=jonas_name)
    ).click()
    waiting = texts["ui.personal.handover.requested_for"].format(
        name=jonas_name, status=texts["ui.personal.handover.status.requested"]
    )
    handover.get_by_text(waiting).wait_for()
    assert handover.get_by_test_id("handover-history").count() == 0

    # Jonas sees the request and approves it.
    jonas = open_personal(simulator, "jonas")
    mine = jonas.get_by_test_id("handover-mine")
    mine.get_by_text(
        texts["ui.personal.handover.request_from"].format(manager=DEMO_BY_KEY["mette"].name)
    ).wait_for()
    mine.get_by_role("button", name=texts["ui.personal.handover.approve"]).click()
    mine.get_by_text(texts["ui.personal.handover.status.approved"]).wait_for()

    # Mette comes back and reads the earlier agreed conversation, read-only.
    mette = open_personal(simulator, "mette", reload=True)
    handover = mette.get_by_test_id("handover")
    handover.get_by_role(
        "button", name=texts["ui.personal.handover.read_history"].format(name=jonas_name)
    ).click()
    history = handover.get_by_test_id("handover-history")
    history.get_by_role("heading", name=title).wait_for()
    history.get_by_text(f"Mål {title}").wait_for()

    # Jonas erases his data: the preview says what goes and what stays until when.
    jonas = open_personal(simulator, "jonas")
    erasure = jonas.get_by_test_id("erasure")
    erasure.get_by_test_id("erasure-goes-now").wait_for()
    kept = erasure.get_by_test_id("erasure-kept")
    assert title in kept.inner_text()
    word = texts["ui.personal.erasure.confirm_word"]
    field = erasure.get_by_label(texts["ui.personal.erasure.confirm_label"].format(word=word))
    field.fill("slet ikke")
    field.press("Enter")  # the keyboard submits the form
    refusal = erasure.get_by_role("alert")
    refusal.wait_for()
    assert refusal.inner_text() == texts["ui.personal.erasure.confirm_mismatch"].format(word=word)
    assert field.get_attribute("aria-invalid") == "true"
    assert erasure.get_by_test_id("erasure-done").count() == 0

    field.fill(word)
    erasure.get_by_role("button", name=texts["ui.personal.erasure.confirm_button"]).click()
    done = erasure.get_by_test_id("erasure-done")
    done.wait_for()
    assert done.get_attribute("role") == "status"

    # The other party now sees an erased person, not Jonas.
    listed = live_app.api("mette", "GET", "/api/conversations")["items"]
    names = {c["employee"]["display_name"] for c in listed}
    assert jonas_name not in names
    console.assert_clean(simulator.page)
