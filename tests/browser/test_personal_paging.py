"""'My MUS' shows my conversations a page at a time (the API pages them with a cursor): "Show more",
reached and pressed with the keyboard, adds the next page until every conversation is shown, in the
API's order. On an app of its own, so that its many conversations do not fill the other tests' lists."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from plugin.i18n import catalogue

from .mymus_data import plan, wait_loaded
from .support import Simulator, demo_app_served

PAGE = 50  # MY_MUS_PAGE in web/src/tab/personal/data.ts


@pytest.fixture(scope="module")
def own_app(tmp_path_factory):
    with demo_app_served(tmp_path_factory.mktemp("paging-app"), "paging-test-app") as live:
        yield live


def _all_ids(live, person: str) -> list[int]:
    ids: list[int] = []
    cursor = None
    while True:
        page = live.api(
            person, "GET", "/api/conversations?limit=100" + (f"&cursor={cursor}" if cursor else "")
        )
        ids += [c["id"] for c in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            return ids


def test_show_more_pages_through_my_conversations(page, console, own_app):
    # One language (a second run within the minute would meet the Graph photo rate limit); the
    # button's Danish text is checked beside it.
    locale = "en"
    texts = catalogue(locale)
    assert catalogue("da")["ui.mymus.show_more"] == "Vis flere"
    now = datetime.now(UTC).replace(microsecond=0)
    missing = 2 * PAGE + 3 - len(_all_ids(own_app, "mette"))
    for n in range(max(0, missing)):
        plan(own_app, employee="jonas", title=f"Samtale {n}", scheduled_at=now - timedelta(days=400 + n))
    expected = _all_ids(own_app, "mette")
    assert len(expected) > 2 * PAGE

    simulator = Simulator(page, own_app)
    simulator.open(locale=locale)
    wait_loaded(simulator, "mette", "sidePanel")
    since = simulator.log_size()
    simulator.open_view("mette", "personal")
    wait_loaded(simulator, "mette", "content", since)
    tab = simulator.frame("mette", "content")
    cards = tab.get_by_test_id("conversation-list").locator("[data-conversation-id]")
    more = tab.get_by_role("button", name=texts["ui.mymus.show_more"])

    shown = PAGE
    while True:
        tab.locator(f"[data-testid='conversation-list'] > li:nth-child({shown})").wait_for()
        assert cards.count() == shown
        if shown == len(expected):
            break
        more.focus()
        page.keyboard.press("Enter")
        shown = min(shown + PAGE, len(expected))

    more.wait_for(state="detached")  # the last page: no button
    ids = cards.evaluate_all("(items) => items.map((item) => Number(item.dataset.conversationId))")
    assert ids == expected
    console.assert_clean(simulator.page)
