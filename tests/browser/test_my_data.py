"""'My data' in the personal tab: the person downloads all of their data as JSON and as PDF from
inside the Teams iframe, and sees who read, approved and exported what about them; at 280 px, in
Danish and English."""

from __future__ import annotations

import json
import re
import uuid

import pytest

from plugin.demo.people import DEMO_BY_KEY
from plugin.i18n import catalogue

from .mymus_data import GoalSpec, agreed_conversation, wait_loaded
from .support import Simulator

NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"


def _text(locator) -> str:
    return " ".join(locator.inner_text().replace("\xa0", " ").split())


def _open_personal(simulator: Simulator, participant: str, locale: str):
    simulator.open(locale=locale)
    wait_loaded(simulator, participant, "sidePanel")
    since = simulator.log_size()
    simulator.open_view(participant, "personal")
    wait_loaded(simulator, participant, "content", since)
    simulator.frame_element(participant, "content").evaluate(
        "(element, style) => Object.assign(element.style, style)",
        {"boxSizing": "content-box", "flex": "0 0 280px", "width": "280px"},
    )
    frame = simulator.frame_object(participant, "content")
    frame.wait_for_function("() => document.documentElement.clientWidth === 280")
    return frame


@pytest.mark.parametrize("locale", ["da", "en"])
def test_download_my_data_and_see_the_audit_log(simulator: Simulator, console, live_app, locale: str):
    texts = catalogue(locale)
    suffix = uuid.uuid4().hex[:6]
    title = f"MUS · Jonas æøå {suffix}"
    goal = f"Lære SQL {suffix}"
    made = agreed_conversation(live_app, employee="jonas", title=title, goals=(GoalSpec(goal, progress=30),))
    cid = made.conversation["id"]
    live_app.api("mette", "GET", f"/api/conversations/{cid}/agreement")  # Mette reads the agreement

    frame = _open_personal(simulator, "jonas", locale)
    tab = simulator.frame("jonas", "content")
    section = tab.get_by_test_id("mydata")
    assert _text(section.get_by_role("heading", level=2)) == texts["ui.mymus.mydata.heading"]

    # The audit log: Mette's reads of the conversation and the agreement, both approvals.
    audit = section.get_by_test_id("mydata-audit")
    mette = DEMO_BY_KEY["mette"].name
    read = audit.locator('li[data-action="agreement.read"]').filter(has_text=title)
    read.first.wait_for()
    assert mette in _text(read.first)
    assert audit.locator('li[data-action="conversation.read"]').filter(has_text=title).count() >= 1
    approvals = audit.locator('li[data-action="agreement.approved"]').filter(has_text=title)
    assert approvals.count() == 2
    assert approvals.locator("time").first.get_attribute("datetime")

    # JSON: a file with everything of hers, saved from inside the iframe.
    with simulator.page.expect_download() as download_info:
        section.get_by_role("button", name=texts["ui.mymus.mydata.download_json"]).click()
    download = download_info.value
    assert re.fullmatch(r"mus-my-data-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename)
    data = json.loads(download.path().read_text(encoding="utf-8"))
    mine = next(c for c in data["conversations"] if c["id"] == cid)
    assert mine["title"] == title and [g["title"] for g in mine["goals"]] == [goal]
    status = section.get_by_test_id("mydata-status")
    assert _text(status) == texts["ui.mymus.mydata.downloaded"].format(name=download.suggested_filename)
    # The export is in her log now, newest first.
    newest = audit.locator("li").first
    frame.wait_for_function(
        "() => document.querySelector('[data-testid=mydata-audit] li')?.dataset.action === 'data.exported'"
    )
    assert newest.get_attribute("data-by-me") == "true"

    # PDF.
    with simulator.page.expect_download() as download_info:
        section.get_by_role("button", name=texts["ui.mymus.mydata.download_pdf"]).click()
    pdf = download_info.value
    assert pdf.suggested_filename.endswith(".pdf")
    assert pdf.path().read_bytes().startswith(b"%PDF-")

    assert frame.evaluate("document.documentElement.clientWidth") == 280
    assert frame.evaluate(NO_HORIZONTAL_SCROLL)
    console.assert_clean(simulator.page)
