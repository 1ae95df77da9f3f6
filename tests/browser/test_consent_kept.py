"""Consent enforced in the browser: the notes of a meeting where one party chose not to keep them
never reach the locked agreement and are gone from the database file the moment it is locked; when
both keep them, the summaries start from them. The consent summary shows every answer, and a
wellbeing pulse is private unless its author shares it."""

from __future__ import annotations

import contextlib
import re
import time
import uuid
from pathlib import Path

from plugin.storage import sealed
from plugin.storage.db import db

from .meeting_helpers import Panel, in_days, meeting_in_progress
from .support import Simulator


def _database_bytes(live_app) -> bytes:
    """The SQLite database file and its journals, read after the app's pooled connections are
    closed (every change is committed: in rollback-journal mode it is in the main file)."""
    with live_app.app.app_context():
        db.engine.dispose()
        path = Path(db.engine.url.database)
    files = [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-journal", "-shm"))]
    return b"".join(f.read_bytes() for f in files if f.exists())


def _stored_content(live_app) -> bytes:
    """The database files' bytes with every sealed value in them opened: content is encrypted at rest,
    so the check must see what the keys would reveal, not only the ciphertext."""
    raw = _database_bytes(live_app)
    opened = []
    for token in re.findall(rb"mus1:([A-Za-z0-9_\-]+=*)", raw):
        with contextlib.suppress(sealed.SealedValueError):  # a fragment of a freed page
            opened.append(sealed.keyring().open(token))
    return raw + b"".join(opened)


def _meeting(
    simulator: Simulator, live_app, *, jonas_keeps: bool, mette_keeps: bool
) -> tuple[dict, Panel, Panel]:
    conversation = live_app.plan_for_meeting(simulator.meeting_id, "MUS med samtykke")
    cid = conversation["id"]
    live_app.api(
        "mette", "POST", f"/api/conversations/{cid}/transition", {"status": "in_meeting", "version": 1}
    )
    for person, keeps in (("jonas", jonas_keeps), ("mette", mette_keeps)):
        for kind, value in (("confidentiality", True), ("keep_shared_notes", keeps), ("recording", False)):
            live_app.api(person, "PUT", f"/api/conversations/{cid}/consent", {"kind": kind, "value": value})
    simulator.open()
    for participant in ("mette", "jonas"):
        simulator.wait_initialized(participant, "sidePanel")
    mette, jonas = Panel(simulator, "mette"), Panel(simulator, "jonas")
    for panel in (mette, jonas):
        panel.wait_phase("during")
    return conversation, mette, jonas


def _write_notes_together(mette: Panel, jonas: Panel, first: str, second: str) -> None:
    mette.button("ui.meeting.agenda.start").click()
    mette.panel().get_by_label(mette.t("ui.meeting.notes.label")).fill(first)
    jonas.frame_object.wait_for_function(
        "text => document.querySelector('textarea.notes-input')?.value === text", arg=first
    )
    jonas.panel().get_by_label(jonas.t("ui.meeting.notes.label")).fill(f"{first}\n{second}")
    mette.frame_object.wait_for_function(
        "text => document.querySelector('textarea.notes-input')?.value.endsWith(text)", arg=second
    )
    for panel in (mette, jonas):
        panel.wait_saved()


def _conclude(mette: Panel, jonas: Panel) -> None:
    mette.conclude_now()
    for panel in (mette, jonas):
        panel.wait_phase("after")
        panel.frame.get_by_test_id("summaries").wait_for()


def _approve(mette: Panel, jonas: Panel, number: int) -> None:
    for panel in (mette, jonas):
        panel.frame.locator(
            f'[data-testid="agreement-version"][data-number="{number}"][data-state="draft"]'
        ).wait_for()
    for panel in (jonas, mette):
        panel.frame.get_by_test_id("approve").click()
    for panel in (mette, jonas):
        panel.frame.locator(
            f'[data-testid="agreement-version"][data-number="{number}"][data-state="agreed"]'
        ).wait_for()


def test_notes_one_party_did_not_keep_never_reach_the_agreement_nor_the_database(
    simulator: Simulator, live_app, console
):
    canary = f"kanariefugl-{uuid.uuid4().hex}"
    conversation, mette, jonas = _meeting(simulator, live_app, jonas_keeps=False, mette_keeps=True)
    cid = conversation["id"]
    _write_notes_together(mette, jonas, f"Mettes note {canary}-m", f"Jonas' note {canary}-j")
    assert canary.encode() not in _database_bytes(live_app)  # sealed at rest
    assert canary.encode() in _stored_content(live_app)  # the check below can see the notes

    _conclude(mette, jonas)
    summaries = mette.frame.get_by_test_id("summaries")
    assert summaries.get_attribute("data-keep-notes") == "no"
    assert mette.t("ui.meeting.agreement.summaries.not_kept") in summaries.inner_text()
    first = summaries.get_by_test_id("summary").first
    field = first.get_by_role("textbox")
    assert field.input_value() == ""  # not prefilled from the notes
    field.fill("Vi aftalte mere fokus på kundeopgaverne.")
    first.get_by_test_id("save-summary").click()
    first.locator('[data-testid="summary-outcome"][data-outcome="saved"]').wait_for()
    # The saved summary is version 2 for both; both approve it, and it is locked.
    jonas.frame.locator('[data-testid="summary"] textarea').first.wait_for()
    jonas.frame_object.wait_for_function(
        "() => document.querySelector('[data-testid=summary] textarea')?.value.startsWith('Vi aftalte')"
    )
    _approve(mette, jonas, 2)

    for panel in (mette, jonas):
        agreement = panel.frame.get_by_test_id("agreement").inner_text()
        assert "Vi aftalte mere fokus på kundeopgaverne." in agreement
        assert canary not in agreement
    stored = live_app.api("jonas", "GET", f"/api/conversations/{cid}/agreement")
    assert stored["items"][0]["state"] == "agreed"
    assert canary not in str(stored)
    full = live_app.api("mette", "GET", f"/api/conversations/{cid}")
    assert canary not in str(full)
    assert any(item["notes_removed"] for item in full["agenda"])
    assert canary.encode() not in _stored_content(live_app)
    console.assert_clean(simulator.page)


def test_notes_both_kept_start_the_summary(simulator: Simulator, live_app, console):
    canary = f"beholdt-{uuid.uuid4().hex}"
    conversation, mette, jonas = _meeting(simulator, live_app, jonas_keeps=True, mette_keeps=True)
    _write_notes_together(mette, jonas, f"Fælles note {canary}", "Og Jonas' tilføjelse")
    _conclude(mette, jonas)
    for panel in (mette, jonas):
        summaries = panel.frame.get_by_test_id("summaries")
        assert summaries.get_attribute("data-keep-notes") == "yes"
        assert summaries.get_by_test_id("summary").first.get_by_role("textbox").input_value() == (
            f"Fælles note {canary}\nOg Jonas' tilføjelse"
        )
    _approve(mette, jonas, 1)
    stored = live_app.api("jonas", "GET", f"/api/conversations/{conversation['id']}")
    assert stored["agenda"][0]["notes"] == f"Fælles note {canary}\nOg Jonas' tilføjelse"
    console.assert_clean(simulator.page)


def test_the_consent_summary_shows_every_answer_and_the_pulse_starts_private(
    simulator: Simulator, live_app, console
):
    conversation = meeting_in_progress(live_app, simulator.meeting_id, "MUS om trivsel", at="wellbeing")
    simulator.open()
    for participant in ("mette", "jonas"):
        simulator.wait_initialized(participant, "sidePanel")
    jonas = Panel(simulator, "jonas")
    jonas.wait_phase("during")

    # Both said no to a recording: the summary says so for each, in view (not folded away).
    summary = jonas.frame.get_by_test_id("consent-summary")
    summary.wait_for()
    for kind, expected in (
        ("confidentiality", "true"),
        ("keep_shared_notes", "true"),
        ("recording", "false"),
    ):
        answers = summary.locator(f'[data-kind="{kind}"] dd')
        assert answers.count() == 2
        assert [answers.nth(i).get_attribute("data-answer") for i in range(2)] == [expected, expected]
    recording = summary.locator('[data-kind="recording"]').inner_text()
    assert recording.count(jonas.t("ui.meeting.no")) == 2
    assert jonas.t("ui.meeting.consent.summary.recording") in recording

    # The pulse: "Share with Mette" starts unticked; sent as it is, Mette never sees it.
    jonas.wait_open("wellbeing")
    wellbeing = jonas.frame.get_by_test_id("wellbeing")
    share = wellbeing.get_by_label(
        jonas.t("ui.meeting.wellbeing.share_with", name="Mette Sørensen"), exact=False
    )
    assert share.is_checked() is False
    wellbeing.locator(".scale-option").nth(2).click()
    jonas.button("ui.meeting.wellbeing.send", wellbeing).click()
    wellbeing.get_by_test_id("pulse").wait_for()
    cid = conversation["id"]
    [mine] = live_app.api("jonas", "GET", f"/api/conversations/{cid}/wellbeing")["items"]
    assert (mine["score"], mine["shared"]) == (3, False)
    assert live_app.api("mette", "GET", f"/api/conversations/{cid}/wellbeing")["items"] == []
    console.assert_clean(simulator.page)


def test_a_follow_up_date_both_change_at_once_is_a_choice_not_a_loss(simulator: Simulator, live_app, console):
    conversation = meeting_in_progress(live_app, simulator.meeting_id, "MUS med opfølgning", at="agreements")
    cid = conversation["id"]
    follow_up = live_app.api(
        "mette",
        "POST",
        f"/api/conversations/{cid}/follow-ups",
        {"title": "Status på kurset", "due_on": in_days(30)},
    )
    simulator.open()
    for participant in ("mette", "jonas"):
        simulator.wait_initialized(participant, "sidePanel")
    mette, jonas = Panel(simulator, "mette"), Panel(simulator, "jonas")
    for panel in (mette, jonas):
        panel.wait_open("agreements")
        panel.frame.get_by_test_id("follow-up").get_by_test_id("edit-follow-up").click()
    # Both started from the same follow-up; Jonas saves first.
    jonas_editor = jonas.frame.get_by_test_id("follow-up-editor")
    jonas_editor.get_by_label(jonas.t("ui.meeting.follow_ups.date")).fill(in_days(40))
    jonas.button("ui.meeting.follow_ups.save", jonas_editor).click()
    jonas_editor.wait_for(state="detached")
    mette_editor = mette.frame.get_by_test_id("follow-up-editor")
    mette_editor.get_by_label(mette.t("ui.meeting.follow_ups.date")).fill(in_days(50))
    mette.button("ui.meeting.follow_ups.save", mette_editor).click()
    conflict = mette_editor.get_by_test_id("follow-up-conflict")
    conflict.wait_for()
    stored = live_app.api("mette", "GET", f"/api/conversations/{cid}/follow-ups")["items"]
    assert [f["due_on"] for f in stored] == [in_days(40)]  # nothing applied blindly
    conflict.locator('[data-field="due_on"] button').nth(1).click()  # keep mine
    mette_editor.wait_for(state="detached")
    stored = live_app.api("jonas", "GET", f"/api/conversations/{cid}/follow-ups")["items"]
    assert [(f["id"], f["title"], f["due_on"]) for f in stored] == [
        (follow_up["id"], "Status på kurset", in_days(50))
    ]

    # The one refused save is the conflict itself (the browser logs every 409): that, nothing else.
    def refused() -> list[str]:
        return [e for e in console.errors if "409" in e and ("PATCH" in e or "CONFLICT" in e)]

    deadline = time.monotonic() + 10
    while len(refused()) < 2 and time.monotonic() < deadline:
        simulator.page.evaluate("0")  # the sync API delivers console events during its calls
    expected = refused()
    assert len(expected) == 2, console.errors
    console.errors[:] = [e for e in console.errors if e not in expected]
    console.assert_clean(simulator.page)
