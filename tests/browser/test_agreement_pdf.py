"""The agreement as a PDF from the personal tab: "Download PDF" in the agreed version saves a PDF from
inside the Teams iframe whose text holds what the screen shows (every goal with its SMART fields,
the development plan, the follow-up dates, the summaries and talking points, both approvers), in
the reader's language, at 280 px."""

from __future__ import annotations

import io
import uuid

import pytest
from pypdf import PdfReader

from plugin.demo.people import DEMO_BY_KEY
from plugin.i18n import catalogue

from .meeting_helpers import in_days
from .mymus_data import wait_loaded
from .support import Simulator
from .test_agreed_review import _agreed

NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"


def _words(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def _pdf_text(data: bytes) -> str:
    return _words(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages))


@pytest.mark.parametrize("locale", ["da", "en"])
def test_download_pdf_of_the_agreed_version_matches_the_screen(
    simulator: Simulator, live_app, console, locale: str
):
    texts = catalogue(locale)
    suffix = uuid.uuid4().hex[:6]
    conversation, locked, goals = _agreed(live_app, suffix)
    simulator.open(locale=locale)
    wait_loaded(simulator, "jonas", "sidePanel")
    since = simulator.log_size()
    simulator.open_view("jonas", "personal")
    wait_loaded(simulator, "jonas", "content", since)
    simulator.frame_element("jonas", "content").evaluate(
        "(element, style) => Object.assign(element.style, style)",
        {"boxSizing": "content-box", "flex": "0 0 280px", "width": "280px"},
    )
    frame = simulator.frame_object("jonas", "content")
    frame.wait_for_function("() => document.documentElement.clientWidth === 280")
    tab = simulator.frame("jonas", "content")

    card = tab.locator(f'[data-conversation-id="{conversation["id"]}"]')
    content = card.get_by_test_id("agreement-content")
    content.locator("summary").click()
    version = content.get_by_test_id("agreed-version")
    version.wait_for()
    button = version.get_by_role(
        "button", name=texts["ui.mymus.agreement.pdf.download_label"].format(number=locked["number"])
    )
    assert _words(button.inner_text()) == texts["ui.mymus.agreement.pdf.download"]

    with simulator.page.expect_download() as download_info:
        button.click()
    download = download_info.value
    stem = "mus-aftale" if locale == "da" else "mus-agreement"
    assert download.suggested_filename == f"{stem}-{conversation['id']}-version-{locked['number']}.pdf"
    data = download.path().read_bytes()
    assert data.startswith(b"%PDF-")
    text = _pdf_text(data)
    status = version.get_by_test_id("agreement-pdf-status")
    assert _words(status.inner_text()) == texts["ui.mymus.agreement.pdf.downloaded"].format(
        name=download.suggested_filename
    )

    # What the screen shows is in the PDF: goals with every SMART field, the plan, the follow-ups,
    # the summaries and talking points, and both approvers.
    shown_goals = version.get_by_test_id("agreed-goal")
    assert shown_goals.count() == len(goals) == 2
    for index in range(shown_goals.count()):
        goal = shown_goals.nth(index)
        title = _words(goal.locator(".mymus-item-title").inner_text())
        status_label = _words(goal.locator(".mymus-goal-status").inner_text())
        assert title.startswith(goals[index]["title"])
        assert f"{goals[index]['title']} ({status_label})" in text
        for field in ("specific", "measure", "achievable", "relevance"):
            label = _words(goal.locator(f'[data-field="{field}"] dt').inner_text())
            value = _words(goal.locator(f'[data-field="{field}"] dd').inner_text())
            assert f"{label}: {value}" in text, field
        deadline = _words(goal.locator('[data-field="deadline"] dd').inner_text())
        assert deadline in text
    for action in version.get_by_test_id("agreed-action").all():
        assert _words(action.locator(".mymus-item-title").inner_text()) in text
        assert _words(action.locator(".mymus-text").inner_text()) in text
    follow_ups = version.get_by_test_id("agreed-follow-up")
    assert follow_ups.count() == 1
    # "date · title", as on the screen (not the calendar state beside it, which is no part of the agreement)
    assert _words(follow_ups.first.get_by_test_id("agreed-follow-up-text").inner_text()) in text
    for summary in version.get_by_test_id("agreed-summary").all():
        assert _words(summary.locator(".mymus-text").inner_text()) in text
    for point in version.get_by_test_id("agreed-point").all_inner_texts():
        assert _words(point) in text
    for key in ("jonas", "mette"):
        assert DEMO_BY_KEY[key].name in text
    heading = texts["agreement.pdf.heading"].format(kind=texts["ui.kind.mus"], number=locked["number"])
    assert _words(heading) in text
    assert texts["agreement.pdf.draft"] not in text

    assert frame.evaluate(NO_HORIZONTAL_SCROLL)
    console.assert_clean(simulator.page)


def test_download_pdf_of_a_draft_from_the_meeting_side_panel(simulator: Simulator, live_app, console):
    """In the meeting tab's agreement, a version only the manager approved: the PDF is headed as a
    draft and names who has not approved it, with the goal and follow-up date the panel shows."""
    suffix = uuid.uuid4().hex[:6]
    conversation = live_app.plan_for_meeting(simulator.meeting_id, f"MUS med udkast {suffix}")
    cid = conversation["id"]
    live_app.api(
        "mette",
        "POST",
        f"/api/conversations/{cid}/transition",
        {"status": "in_meeting", "version": conversation["version"]},
    )
    goal = f"Lære Kubernetes {suffix}"
    live_app.api("mette", "POST", f"/api/conversations/{cid}/goals", {"title": goal, "measure": "To klynger"})
    live_app.api(
        "mette",
        "POST",
        f"/api/conversations/{cid}/follow-ups",
        {"title": f"Tjek ind {suffix}", "due_on": in_days(20)},
    )
    version = live_app.api("mette", "POST", f"/api/conversations/{cid}/agreement")
    live_app.api(
        "mette",
        "POST",
        f"/api/conversations/{cid}/agreement/{version['number']}/decision",
        {"decision": "approved"},
    )

    simulator.open(locale="da")
    simulator.wait_initialized("jonas", "sidePanel")
    texts = catalogue("da")
    panel = simulator.frame("jonas")
    shown = panel.locator(
        f'[data-testid="agreement-version"][data-number="{version["number"]}"][data-state="draft"]'
    )
    shown.wait_for()
    button = shown.get_by_role(
        "button", name=texts["ui.mymus.agreement.pdf.download_label"].format(number=version["number"])
    )
    with simulator.page.expect_download() as download_info:
        button.click()
    download = download_info.value
    assert download.suggested_filename == f"mus-aftale-{cid}-version-{version['number']}.pdf"
    text = _pdf_text(download.path().read_bytes())
    assert texts["agreement.pdf.draft"] in text
    jonas = DEMO_BY_KEY["jonas"].name
    assert texts["agreement.pdf.not_approved_by"].format(name=jonas, role=texts["ui.role.employee"]) in text
    card = shown.get_by_test_id("agreement-goal")
    assert _words(card.locator(".card-title").inner_text()) == goal
    assert goal in text and "To klynger" in text
    assert f"Tjek ind {suffix}" in text
    assert f"MUS med udkast {suffix}" in text
    console.assert_clean(simulator.page)
