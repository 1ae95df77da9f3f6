"""A change refused by a rate limit (429 from the real server) is shown to the person next to its
field, in their language, with how long to wait; what they typed stays in the field."""

from __future__ import annotations

from dataclasses import replace

import requests

from .meeting_helpers import section_id
from .support import ConsoleWatch, Simulator
from .test_refusals import NOTES, _not_saved, _notice, _start


def _expect_429(console: ConsoleWatch) -> None:
    console.errors[:] = [
        e
        for e in console.errors
        if not (e.startswith("HTTP 429:") or ("Failed to load resource" in e and "status of 429" in e))
    ]


def test_a_rate_limited_change_is_shown_by_its_field_with_the_time_to_wait(
    simulator: Simulator, live_app, console
):
    conversation, mette, _jonas = _start(simulator, live_app, "For mange ændringer")
    cid, item_id = conversation["id"], section_id(conversation, "challenges")
    field = f"notes:{item_id}"
    notes = mette.panel().get_by_label(mette.t("ui.meeting.notes.label"))
    mette.frame.locator(f'[data-testid="notes"][data-ready="yes"] {NOTES}').wait_for()

    settings = live_app.app.extensions["mus.settings"]
    tight = replace(settings.rate_limits, writes_person="1 per hour")
    live_app.app.extensions["mus.settings"] = settings.with_changes(rate_limits=tight)
    try:
        # Mette's one change of the hour is used up (from her other device, or her tab's presence),
        # then she types in the tab.
        token = live_app.token("mette")
        answers = [
            requests.put(
                f"{live_app.url}/api/conversations/{cid}/position",
                json={"agenda_item_id": item_id},
                headers={"Authorization": f"Bearer {token}"},
                timeout=30,
            ).status_code
            for _ in range(2)
        ]
        assert answers[-1] == 429, answers
        notes.fill("Et punkt for meget")
        notice = _notice(mette, field, kind="refused", status=429)
        notice.wait_for()
        text = notice.inner_text()
        assert mette.t("ui.meeting.refused.limits_rate_limited") in text
        assert "Vent " in text and "minutter" in text, text  # the server's text: how long to wait
        assert notes.input_value() == "Et punkt for meget"
        assert notes.get_attribute("aria-invalid") == "true"
        _not_saved(mette)
    finally:
        live_app.app.extensions["mus.settings"] = settings
    stored = live_app.api("mette", "GET", f"/api/conversations/{cid}/agenda/{item_id}/notes")["text"]
    assert stored == ""
    _expect_429(console)
    console.assert_clean(simulator.page)
