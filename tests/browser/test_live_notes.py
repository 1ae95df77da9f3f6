"""The shared notes as a CRDT in the browser: both participants type in the same note at the same
moment, keystroke by keystroke, and both keep their text (in both views and in the database); the
caret stays in the person's own text while the other's arrives; Ctrl+Z takes back only one's own
typing; a dropped live connection catches up when it is back; what is typed offline survives a
reload and arrives once when the connection is back."""

from __future__ import annotations

import json

from plugin.demo.people import DEMO_BY_KEY

from .meeting_helpers import Panel, ResponseLog, meeting_in_progress, section_id
from .support import STATE_TIMEOUT_MS, Simulator, wait_until

FIELD = "textarea.notes-input"
VALUE = f"() => document.querySelector('{FIELD}')?.value ?? null"
# Every value the "… is writing" line takes from now on (and the one it has), in window.typingSeen:
# the line is on for 2.5 s after the other's last keystroke arrived, which on a busy machine can be
# over before the test has looked at the text those keystrokes made.
RECORD_TYPING_LINE = """() => {
    const seen = (window.typingSeen = []);
    const note = (line) => seen.push({active: line.dataset.active, text: line.textContent});
    const current = document.querySelector('[data-testid="notes-typing"]');
    if (current) note(current);
    new MutationObserver((changes) => changes.forEach((change) => {
        if (change.target.dataset.testid === "notes-typing") note(change.target);
    })).observe(document.body, {subtree: true, attributes: true, attributeFilter: ["data-active"]});
}"""


def _start(simulator: Simulator, live_app, title: str, at: str = "challenges") -> tuple[dict, Panel, Panel]:
    conversation = meeting_in_progress(live_app, simulator.meeting_id, title, at=at)
    simulator.open()
    for participant in ("mette", "jonas"):
        simulator.wait_initialized(participant, "sidePanel")
    panels = Panel(simulator, "mette"), Panel(simulator, "jonas")
    for panel in panels:
        panel.wait_open(at)
        panel.frame.locator(f'[data-testid="notes"][data-ready="yes"] {FIELD}').wait_for()
    return conversation, *panels


def _stored_notes(live_app, person: str, cid: int, item_id: int) -> str:
    return live_app.api(person, "GET", f"/api/conversations/{cid}/agenda/{item_id}/notes")["text"]


def _all_show_and_store(
    simulator: Simulator, live_app, cid: int, item_id: int, expected: str, *, retry: bool = False
) -> None:
    """After a reload: both tabs (retrying a failed start when asked) show `expected`, Mette's
    changes are all saved, and the database holds the same text."""
    for participant in ("mette", "jonas"):
        panel = Panel(simulator, participant)
        if retry:
            # Each tab either failed to start while the server could not be reached, or started
            # after: wait until it is one or the other (not: look once, while it may still be trying).
            button = panel.frame.get_by_role("button", name=panel.t("ui.common.retry"))
            button.or_(panel.open_entry()).first.wait_for()
            if button.count():
                button.click()
        panel.wait_open("challenges")
        _wait_value(panel, "v === arg", expected)
    Panel(simulator, "mette").wait_saved()
    assert _stored_notes(live_app, "jonas", cid, item_id) == expected


def _wait_value(panel: Panel, predicate: str, arg: object = None) -> None:
    panel.frame_object.wait_for_function(
        f"(arg) => {{ const v = document.querySelector('{FIELD}')?.value ?? ''; return {predicate}; }}",
        arg=arg,
        timeout=STATE_TIMEOUT_MS,
    )


def test_both_type_in_the_same_note_at_the_same_time(simulator: Simulator, live_app, console):
    conversation, mette, jonas = _start(simulator, live_app, "Samtidig skrivning")
    cid, item_id = conversation["id"], section_id(conversation, "challenges")
    mine = "Mette: færre faste møder om ugen."
    theirs = "Jonas: mere tid til fordybelse!"
    mette_field = mette.panel().get_by_label(mette.t("ui.meeting.notes.label"))
    jonas_field = jonas.panel().get_by_label(jonas.t("ui.meeting.notes.label"))

    # Keystrokes alternate between the two tabs, both starting in the empty note: each keystroke is
    # sent while the other's recent ones are still on their way (batches leave every ~120 ms).
    for index in range(max(len(mine), len(theirs))):
        if index < len(mine):
            mette_field.press_sequentially(mine[index])
        if index < len(theirs):
            jonas_field.press_sequentially(theirs[index])

    for panel in (mette, jonas):
        _wait_value(panel, "v.length === arg", len(mine) + len(theirs))
    seen = {panel.participant: panel.frame_object.evaluate(VALUE) for panel in (mette, jonas)}
    assert seen["mette"] == seen["jonas"], seen
    # Each person's words stay whole: the carets stayed in their own text while the other's arrived.
    assert mine in seen["mette"] and theirs in seen["mette"], seen
    mette.wait_saved()
    jonas.wait_saved()
    assert _stored_notes(live_app, "mette", cid, item_id) == seen["mette"]
    stored_item = next(
        i for i in live_app.api("jonas", "GET", f"/api/conversations/{cid}")["agenda"] if i["id"] == item_id
    )
    assert stored_item["notes"] == seen["mette"]

    # Mette adds a heading at the start while Jonas appends at the end: both land.
    mette_field.press("Control+Home")
    mette_field.press_sequentially("Noter: ")
    jonas_field.press("Control+End")
    jonas_field.press_sequentially(" Aftalt.")
    expected_length = len(mine) + len(theirs) + len(" Aftalt.") + len("Noter: ")
    for panel in (mette, jonas):
        _wait_value(panel, "v.length === arg", expected_length)
    final = mette.frame_object.evaluate(VALUE)
    assert final == jonas.frame_object.evaluate(VALUE)
    assert final.startswith("Noter: ") and final.endswith(" Aftalt."), final

    # Ctrl+Z in the field takes back Mette's own last typing (the heading), never Jonas's.
    mette_field.press("Control+z")
    for panel in (mette, jonas):
        _wait_value(panel, "!v.startsWith('Noter: ')")
    after_undo = jonas.frame_object.evaluate(VALUE)
    assert after_undo == final[len("Noter: ") :], after_undo
    mette.wait_saved()
    assert _stored_notes(live_app, "jonas", cid, item_id) == after_undo
    console.assert_clean(simulator.page)


def test_the_other_persons_typing_keeps_my_caret_in_place(simulator: Simulator, live_app, console):
    conversation, mette, jonas = _start(simulator, live_app, "Markøren bliver")
    cid, item_id = conversation["id"], section_id(conversation, "challenges")
    jonas_field = jonas.panel().get_by_label(jonas.t("ui.meeting.notes.label"))
    jonas_field.press_sequentially("Første linje.\nAnden linje.")
    _wait_value(mette, "v === arg", "Første linje.\nAnden linje.")
    # Mette puts her caret after "Første" and waits; Jonas types before it, then after it.
    mette.frame_object.evaluate(
        f"() => {{ const f = document.querySelector('{FIELD}'); f.focus(); f.setSelectionRange(6, 6); }}"
    )
    for panel in (mette, jonas):
        panel.frame_object.evaluate(RECORD_TYPING_LINE)
    jonas_field.press("Control+Home")
    jonas_field.press_sequentially(">> ")
    jonas_field.press("Control+End")
    jonas_field.press_sequentially(" Slut.")
    _wait_value(mette, "v === arg", ">> Første linje.\nAnden linje. Slut.")
    # Mette sees that Jonas is writing here (not Jonas himself), and the line goes once he pauses.
    mette.frame_object.wait_for_function("() => window.typingSeen.some((seen) => seen.active === 'yes')")
    shown = mette.frame_object.evaluate("() => window.typingSeen.find((seen) => seen.active === 'yes').text")
    assert shown == mette.t("ui.meeting.notes.typing", name="Jonas Kjær Nielsen")
    mette.frame.locator('[data-testid="notes-typing"][data-active="no"]').wait_for(state="attached")
    assert jonas.frame_object.evaluate("() => window.typingSeen.map((seen) => seen.active)") == ["no"]
    caret = mette.frame_object.evaluate(f"() => document.querySelector('{FIELD}').selectionStart")
    assert caret == 9  # still right after "Første"
    mette.frame.locator(FIELD).press_sequentially(" (vigtig)")
    _wait_value(jonas, "v === arg", ">> Første (vigtig) linje.\nAnden linje. Slut.")
    mette.wait_saved()
    assert _stored_notes(live_app, "jonas", cid, item_id) == ">> Første (vigtig) linje.\nAnden linje. Slut."
    console.assert_clean(simulator.page)


def test_both_type_while_the_live_connection_is_down_and_converge_when_it_is_back(
    simulator: Simulator, live_app, console
):
    responses = ResponseLog()
    responses.attach(simulator.page)
    conversation, mette, jonas = _start(simulator, live_app, "Forbindelsen falder")
    cid, item_id = conversation["id"], section_id(conversation, "challenges")
    mette_field = mette.panel().get_by_label(mette.t("ui.meeting.notes.label"))
    jonas_field = jonas.panel().get_by_label(jonas.t("ui.meeting.notes.label"))
    mette_field.press_sequentially("Fælles start. ")
    _wait_value(jonas, "v === arg", "Fælles start. ")

    # Both tabs' streams are open (the server answers a stream once it has registered it) ...
    stream_path, both = f"/api/conversations/{cid}/live", {DEMO_BY_KEY[p].name for p in ("mette", "jonas")}
    wait_until(
        simulator.page,
        lambda: {name for name, response in responses.responses if stream_path in response.url} >= both,
        what="both tabs' live streams",
    )
    # ... when the live channel drops (the server ends the streams; new ones cannot get through),
    # while the API still answers: each edit is stored but the other tab does not hear of it.
    simulator.page.route("**/live", lambda route: route.abort("connectionreset"))
    assert live_app.app.extensions["mus.live"].end_streams(cid) == 2
    for panel in (mette, jonas):
        panel.frame.get_by_test_id("live-offline").wait_for()
    mette_field.press("Control+End")
    mette_field.press_sequentially("Mette under afbrydelsen.")
    jonas_field.press("Control+Home")
    jonas_field.press_sequentially("Jonas under afbrydelsen. ")
    mette.wait_saved()
    jonas.wait_saved()
    stored = _stored_notes(live_app, "mette", cid, item_id)
    assert "Mette under afbrydelsen." in stored and "Jonas under afbrydelsen." in stored
    assert "Jonas" not in mette.frame_object.evaluate(VALUE)
    assert "Mette under" not in jonas.frame_object.evaluate(VALUE)

    # Back: both resume from Last-Event-ID and catch up; both views match the database.
    simulator.page.unroute("**/live")
    for panel in (mette, jonas):
        panel.frame_object.evaluate("() => window.dispatchEvent(new Event('online'))")
    for panel in (mette, jonas):
        _wait_value(panel, "v === arg", stored)
    assert stored == "Jonas under afbrydelsen. Fælles start. Mette under afbrydelsen."
    console.errors[:] = [e for e in console.errors if "ERR_CONNECTION_RESET" not in e]
    console.assert_clean(simulator.page)


def test_offline_typing_survives_a_reload_and_arrives_once(simulator: Simulator, live_app, context, console):
    conversation, mette, jonas = _start(simulator, live_app, "Offline og genindlæst")
    cid, item_id = conversation["id"], section_id(conversation, "challenges")
    updates: list[dict] = []
    simulator.page.on(
        "request",
        lambda request: (
            updates.append({"key": request.headers.get("idempotency-key"), "body": request.post_data})
            if request.url.endswith(f"/agenda/{item_id}/notes/updates")
            else None
        ),
    )
    mette_field = mette.panel().get_by_label(mette.t("ui.meeting.notes.label"))
    mette_field.press_sequentially("Online først. ")
    mette.wait_saved()
    _wait_value(jonas, "v === arg", "Online først. ")

    context.set_offline(True)
    mette_field.press_sequentially("Skrevet uden net.")
    mette.frame.locator('[data-testid="save-state"][data-state="offline"]').wait_for()
    assert _stored_notes(live_app, "mette", cid, item_id) == "Online først. "

    # Reload while the server still cannot be reached (the page loads, the API does not answer).
    simulator.page.route("**/api/**", lambda route: route.abort("internetdisconnected"))
    context.set_offline(False)
    simulator.open()
    mette.frame.get_by_test_id("error").wait_for()
    assert _stored_notes(live_app, "mette", cid, item_id) == "Online først. "
    queued = json.loads(
        mette.frame_object.evaluate(
            "() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('mus.outbox.')))"
        )
    )
    entries = [entry for _, stored in queued for entry in json.loads(stored)]
    # The offline batches wait as one merged update, with an Idempotency-Key, for the next page.
    assert [(e["method"], e["path"], bool(e.get("idempotencyKey"))) for e in entries] == [
        ("POST", f"/api/conversations/{cid}/agenda/{item_id}/notes/updates", True)
    ]

    # Back: the queued update is sent and applied once; both tabs show the text once.
    simulator.page.unroute("**/api/**")
    expected = "Online først. Skrevet uden net."
    _all_show_and_store(simulator, live_app, cid, item_id, expected, retry=True)
    sent_after_reload = [u for u in updates if u["key"] == entries[0]["idempotencyKey"]]
    assert sent_after_reload, updates
    assert all(u["body"] == json.dumps(entries[0]["body"], separators=(",", ":")) for u in sent_after_reload)
    assert (
        mette.frame_object.evaluate(
            "() => Object.keys(localStorage).filter((k) => k.startsWith('mus.outbox.')).length"
        )
        == 0
    )
    offline = ("ERR_INTERNET_DISCONNECTED", "Failed to load resource")
    console.errors[:] = [e for e in console.errors if not any(text in e for text in offline)]
    console.assert_clean(simulator.page)


def test_typing_still_on_its_way_when_the_page_is_reloaded_is_kept(simulator: Simulator, live_app, console):
    conversation, mette, _ = _start(simulator, live_app, "Genindlæst midt i en sætning")
    cid, item_id = conversation["id"], section_id(conversation, "challenges")
    mette_field = mette.panel().get_by_label(mette.t("ui.meeting.notes.label"))
    mette_field.press_sequentially("Før genindlæsning. ")
    mette.wait_saved()

    # A batch is on its way (held before it reaches the server) and more is typed behind it when
    # the page is reloaded: the page keeps both in the stored queue as it goes.
    held, holding = [], [True]
    simulator.page.route(
        "**/notes/updates", lambda route: held.append(route) if holding[0] else route.continue_()
    )
    mette_field.press_sequentially("Sendt ")
    wait_until(simulator.page, lambda: held, what="the batch to leave")
    mette_field.press_sequentially("lige før.")
    mette.frame.locator('[data-testid="save-state"][data-state="saving"]').wait_for()
    assert _stored_notes(live_app, "mette", cid, item_id) == "Før genindlæsning. "
    holding[0] = False
    simulator.open()

    expected = "Før genindlæsning. Sendt lige før."
    _all_show_and_store(simulator, live_app, cid, item_id, expected)

    # Typed just before the reload, still waiting for its batch (nothing on its way yet): kept too.
    field = Panel(simulator, "mette").frame.locator(FIELD)
    field.press("Control+End")
    field.press_sequentially(" Og så!")
    simulator.open()
    expected += " Og så!"
    _all_show_and_store(simulator, live_app, cid, item_id, expected)
    console.assert_clean(simulator.page)
