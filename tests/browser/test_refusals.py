"""An honest status: every refused change (409, 413, 422, 403, a server error) and every change left
waiting by a lost connection is shown next to its field in the reader's language, what the person
typed stays in the field (and, for a refusal, comes back after a reload), and the status bar never
says "saved" for it.

413 and 409 come from the real server (a 70 KB paste into the notes; a preparation note changed in
between); 422, 403 and 5xx are answers the real server gives only in cases the tab cannot reach, so
`page.route` gives them, in the API's one error shape; the lost connection is
`context.set_offline(True)`."""

from __future__ import annotations

import json

from plugin.i18n import catalogue, ngettext

from .meeting_helpers import Panel, meeting_in_progress, section_id
from .support import ConsoleWatch, Simulator, wait_until

NOTES = "textarea.notes-input"


def _start(
    simulator: Simulator, live_app, title: str, *, at: str = "challenges", locale: str = "da"
) -> tuple[dict, Panel, Panel]:
    conversation = meeting_in_progress(live_app, simulator.meeting_id, title, at=at)
    simulator.open(locale=locale)
    for participant in ("mette", "jonas"):
        simulator.wait_initialized(participant, "sidePanel")
    panels = Panel(simulator, "mette", language=locale), Panel(simulator, "jonas", language=locale)
    for panel in panels:
        panel.wait_open(at)
    panels[0].wait_saved()
    return conversation, *panels


def _error_body(status: int, code: str, language: str = "da", **params: object) -> str:
    """The API's one error shape (plugin/api/errors.py), in the language the tab asked for."""
    text = catalogue(language)[code]
    return json.dumps({"error": {"code": code, "message": text.format(**params) if params else text}})


def _refuse(simulator: Simulator, path_end: str, status: int, body: str) -> list[str]:
    """Answers the tab's POSTs to URLs ending in `path_end` with `status`; returns the URLs answered."""
    answered: list[str] = []

    def handler(route):
        if route.request.method != "POST":
            route.continue_()
            return
        answered.append(route.request.url)
        route.fulfill(status=status, content_type="application/json", body=body)

    simulator.page.route(f"**{path_end}", handler)
    return answered


def _notice(panel: Panel, field: str, **attributes: object):
    selector = "".join(f'[data-{name}="{value}"]' for name, value in attributes.items())
    return panel.frame.locator(f'[data-testid="field-notice"][data-field="{field}"]{selector}')


def _not_saved(panel: Panel, state: str = "refused") -> None:
    """The status bar says the change is not saved (and not "saved")."""
    bar = panel.frame.locator(f'[data-testid="save-state"][data-state="{state}"]')
    bar.wait_for()
    assert panel.t("ui.meeting.save.saved") not in bar.inner_text()


def _expect_refused(console: ConsoleWatch, status: int, path_part: str) -> None:
    """The refusals the test caused are expected in the console (the response and Chromium's line)."""
    console.errors[:] = [
        e
        for e in console.errors
        if not (
            (e.startswith(f"HTTP {status}:") and path_part in e)
            or (e.startswith("console.error: Failed to load resource") and f"status of {status}" in e)
        )
    ]


def test_413_a_70kb_paste_into_the_notes_is_refused_kept_and_offered_after_a_reload(
    simulator: Simulator, live_app, console
):
    conversation, mette, _jonas = _start(simulator, live_app, "For lang note")
    cid, item_id = conversation["id"], section_id(conversation, "challenges")
    field = f"notes:{item_id}"
    notes = mette.panel().get_by_label(mette.t("ui.meeting.notes.label"))
    mette.frame.locator(f'[data-testid="notes"][data-ready="yes"] {NOTES}').wait_for()
    pasted = "Lang tekst om prioriteringer. " * (70 * 1024 // 30 + 1)
    assert len(pasted.encode()) > 70 * 1024
    notes.fill(pasted)

    notice = _notice(mette, field, kind="refused", status=413)
    notice.wait_for()
    assert mette.t("ui.meeting.refused.too_large") in notice.inner_text()
    assert notes.input_value() == pasted
    assert notes.get_attribute("aria-invalid") == "true"
    _not_saved(mette)
    stored = live_app.api("mette", "GET", f"/api/conversations/{cid}/agenda/{item_id}/notes")["text"]
    assert stored == ""

    # After a reload the server's note is empty, and the refused text is offered back.
    simulator.open()
    simulator.wait_initialized("mette", "sidePanel")
    mette.wait_open("challenges")
    mette.frame.locator(f'[data-testid="notes"][data-ready="yes"] {NOTES}').wait_for()
    earlier = _notice(mette, field, kind="refused")
    earlier.wait_for()
    assert mette.t("ui.meeting.refused.too_large") in earlier.inner_text()
    assert mette.t("ui.meeting.refused.earlier") in earlier.inner_text()
    _not_saved(mette)
    earlier.get_by_text(mette.t("ui.meeting.refused.show_kept")).click()
    assert earlier.get_by_test_id("kept-text").text_content() == pasted
    mette.button("ui.meeting.refused.restore", earlier).click()
    assert notes.input_value() == pasted
    # Put back, it is sent again and refused again: shown again, not saved.
    _notice(mette, field, kind="refused", status=413).wait_for()
    assert (
        mette.frame.locator(f'[data-testid="field-notice"][data-field="{field}"]')
        .get_by_text(mette.t("ui.meeting.refused.earlier"))
        .count()
        == 0
    )
    _not_saved(mette)
    assert notes.input_value() == pasted
    _expect_refused(console, 413, "/notes/updates")
    console.assert_clean(simulator.page)


def test_409_a_preparation_note_changed_meanwhile_keeps_my_edit(simulator: Simulator, live_app, console):
    conversation, _mette, jonas = _start(simulator, live_app, "Samtidig ændring")
    cid = conversation["id"]
    item = live_app.api(
        "jonas",
        "POST",
        f"/api/conversations/{cid}/preparation",
        {"prompt_key": None, "text": "Første udgave"},
    )
    jonas.frame.get_by_test_id("preparation-during").get_by_role("button").first.click()
    # The only item of Jonas's preparation (its text is in the field while it is edited).
    prep = jonas.frame.get_by_test_id("prep-item")
    prep.filter(has_text="Første udgave").wait_for()
    jonas.button("ui.meeting.edit", prep).click()
    field = prep.get_by_label(jonas.t("ui.meeting.prep.edit_label"))
    field.fill("Min nye udgave")
    # Meanwhile the note is changed elsewhere (Jonas's other device), just before the tab's change
    # reaches the server: the server refuses the tab's version as stale (its real 409).
    changed: list[dict] = []

    def change_meanwhile(route):
        if route.request.method == "PATCH" and not changed:
            changed.append(
                live_app.api(
                    "jonas",
                    "PATCH",
                    f"/api/conversations/{cid}/preparation/{item['id']}",
                    {"text": "Ændret et andet sted", "version": item["version"]},
                )
            )
        route.continue_()

    simulator.page.route(f"**/preparation/{item['id']}", change_meanwhile)
    jonas.button("ui.meeting.save_button", prep).click()

    notice = _notice(jonas, f"prep:{item['id']}", kind="refused", status=409)
    notice.wait_for()
    assert jonas.t("ui.meeting.refused.conflict") in notice.inner_text()
    assert jonas.t("stale_version") in notice.inner_text()
    assert field.input_value() == "Min nye udgave"
    assert changed
    _not_saved(jonas)
    _expect_refused(console, 409, "/preparation/")
    console.assert_clean(simulator.page)


def test_422_a_talking_point_not_accepted_keeps_the_text(simulator: Simulator, live_app, console):
    conversation, mette, _jonas = _start(simulator, live_app, "Ugyldigt punkt")
    item_id = section_id(conversation, "challenges")
    reason = "for kort"
    answered = _refuse(
        simulator, "/talking-points", 422, _error_body(422, "field_invalid", field="text", reason=reason)
    )
    points = mette.panel().get_by_test_id("talking-points")
    field = points.get_by_label(mette.t("ui.meeting.points.add_label"))
    field.fill("Et punkt serveren afviser")
    mette.button("ui.meeting.points.add", points).click()

    notice = _notice(mette, f"point:{item_id}", kind="refused", status=422)
    notice.wait_for()
    assert mette.t("ui.meeting.refused.invalid") in notice.inner_text()
    assert mette.t("field_invalid", field="text", reason=reason) in notice.inner_text()
    assert field.input_value() == "Et punkt serveren afviser"
    _not_saved(mette)
    assert answered

    # Accepted on the next try: the notice goes, the field empties, all saved.
    simulator.page.unroute("**/talking-points")
    mette.button("ui.meeting.points.add", points).click()
    points.get_by_test_id("talking-point").filter(has_text="Et punkt serveren afviser").wait_for()
    _notice(mette, f"point:{item_id}").wait_for(state="detached")
    mette.wait_saved()
    assert field.input_value() == ""
    _expect_refused(console, 422, "/talking-points")
    console.assert_clean(simulator.page)


def test_403_a_wellbeing_answer_not_allowed_in_english(simulator: Simulator, live_app, console):
    _, _mette, jonas = _start(simulator, live_app, "Not allowed", at="wellbeing", locale="en")
    _refuse(simulator, "/wellbeing", 403, _error_body(403, "not_a_party", "en"))
    tool = jonas.panel().get_by_test_id("wellbeing")
    tool.locator('input[type="radio"][value="4"]').check(force=True)
    comment = tool.get_by_label(jonas.t("ui.meeting.wellbeing.comment"))
    comment.fill("Travlt, men godt")
    jonas.button("ui.meeting.wellbeing.send", tool).click()

    notice = _notice(jonas, "pulse", kind="refused", status=403)
    notice.wait_for()
    # In the reader's language (English here), next to the field; what was typed and chosen stays.
    assert catalogue("en")["ui.meeting.refused.forbidden"] in notice.inner_text()
    assert comment.input_value() == "Travlt, men godt"
    assert tool.locator('input[type="radio"][value="4"]').is_checked()
    _not_saved(jonas)
    assert jonas.frame.get_by_test_id("save-state").inner_text() == ngettext(
        "ui.meeting.save.refused", 1, "en", count=1
    )
    _expect_refused(console, 403, "/wellbeing")
    console.assert_clean(simulator.page)


def test_5xx_a_preparation_note_kept_across_a_reload(simulator: Simulator, live_app, console):
    _conversation, _mette, jonas = _start(simulator, live_app, "Serverfejl")
    _refuse(simulator, "/preparation", 500, _error_body(500, "internal_error"))
    jonas.frame.get_by_test_id("preparation-during").get_by_role("button").first.click()
    block = jonas.frame.locator('[data-testid="preparation"] [data-prompt="free"]')
    field = block.get_by_label(jonas.t("ui.meeting.prep.add_label"))
    field.fill("Jeg vil gerne tale om vagtplanen")
    jonas.button("ui.meeting.prep.add", block).click()

    notice = _notice(jonas, "prep:new:free", kind="refused", status=500)
    notice.wait_for()
    assert jonas.t("ui.meeting.refused.server") in notice.inner_text()
    assert field.input_value() == "Jeg vil gerne tale om vagtplanen"
    _not_saved(jonas)

    # Reloaded: the text is back in the field, with why it is not saved.
    simulator.page.unroute("**/preparation")
    simulator.open()
    simulator.wait_initialized("jonas", "sidePanel")
    jonas.frame.get_by_test_id("preparation-during").get_by_role("button").first.click()
    block.wait_for()
    _notice(jonas, "prep:new:free", kind="refused", status=500).wait_for()
    assert field.input_value() == "Jeg vil gerne tale om vagtplanen"
    _not_saved(jonas)
    # Sent again, now accepted: saved, the field empties, nothing kept any more.
    jonas.button("ui.meeting.prep.add", block).click()
    jonas.frame.get_by_test_id("prep-item").filter(has_text="Jeg vil gerne tale om vagtplanen").wait_for()
    _notice(jonas, "prep:new:free").wait_for(state="detached")
    jonas.wait_saved()
    assert field.input_value() == ""
    kept = jonas.frame_object.evaluate(
        "() => Object.keys(localStorage).filter((k) => k.startsWith('mus.refused.')).length"
    )
    assert kept == 0
    _expect_refused(console, 500, "/preparation")
    console.assert_clean(simulator.page)


def test_offline_past_retry_a_talking_point_waits_in_its_field(
    simulator: Simulator, live_app, context, console
):
    conversation, mette, _jonas = _start(simulator, live_app, "Uden net")
    item_id = section_id(conversation, "challenges")
    failed: list[str] = []
    simulator.page.on(
        "requestfailed",
        lambda request: failed.append(request.url) if request.url.endswith("/talking-points") else None,
    )
    context.set_offline(True)
    points = mette.panel().get_by_test_id("talking-points")
    field = points.get_by_label(mette.t("ui.meeting.points.add_label"))
    field.fill("Punkt uden forbindelse")
    mette.button("ui.meeting.points.add", points).click()

    notice = _notice(mette, f"point:{item_id}", kind="waiting")
    notice.wait_for()
    # The outbox has tried again (its retry), and the connection is still gone.
    wait_until(simulator.page, lambda: len(failed) >= 2, what="a retry of the talking point")
    assert mette.t("ui.meeting.refused.waiting") in notice.inner_text()
    assert field.input_value() == "Punkt uden forbindelse"
    _not_saved(mette, "offline")
    assert mette.button("ui.meeting.points.add", points).is_disabled()  # not sent twice

    # Back online: sent once, the notice goes, the field empties, all saved.
    context.set_offline(False)
    points.get_by_test_id("talking-point").filter(has_text="Punkt uden forbindelse").wait_for()
    notice.wait_for(state="detached")
    mette.wait_saved()
    assert field.input_value() == ""
    item = next(
        i
        for i in live_app.api("mette", "GET", f"/api/conversations/{conversation['id']}")["agenda"]
        if i["id"] == item_id
    )
    assert [p["text"] for p in item["talking_points"]].count("Punkt uden forbindelse") == 1
    offline = ("ERR_INTERNET_DISCONNECTED", "Failed to load resource")
    console.errors[:] = [e for e in console.errors if not any(text in e for text in offline)]
    console.assert_clean(simulator.page)
