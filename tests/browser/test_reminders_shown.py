"""A reminder the app sent (through the demo's Graph stand-in, to the Teams activity feed) shows on
the conversation's card in the personal tab, in the reader's language, at 280 px."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from plugin.demo.people import DEMO_BY_KEY
from plugin.i18n import catalogue
from plugin.scheduler import send_reminders

from .mymus_data import plan
from .support import Simulator
from .test_personal import LOCALE_TAGS, NO_HORIZONTAL_SCROLL, _open_personal, _text


@pytest.mark.parametrize("locale", ["da", "en"])
def test_the_card_says_a_reminder_was_sent(simulator: Simulator, console, live_app, locale):
    texts = catalogue(locale)
    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    title = f"MUS · påmindelse {uuid.uuid4().hex[:6]}"
    made = plan(live_app, employee="jonas", title=title, scheduled_at=soon)
    demo_cloud = live_app.app.extensions["mus.demo_cloud"]
    before = len(demo_cloud.graph.notifications)
    with live_app.app.app_context():
        send_reminders(live_app.app)
    jonas = DEMO_BY_KEY["jonas"].object_id.lower()
    delivered = [n for n in demo_cloud.graph.notifications[before:] if n["recipient"] == jonas]
    assert any(n["activity_type"] == "prepareConversation" for n in delivered)
    sent_at = live_app.api("jonas", "GET", "/api/me/reminders")["items"]
    sent_at = next(r["sent_at"] for r in sent_at if r["conversation_id"] == made["id"])

    frame = _open_personal(simulator, "jonas", locale)
    tab = simulator.frame("jonas", "content")
    card = tab.locator(f'[data-conversation-id="{made["id"]}"]')
    hint = card.get_by_test_id("reminder-sent")
    hint.wait_for()
    shown = frame.evaluate(
        """([value, tag]) => new Intl.DateTimeFormat(tag, {dateStyle: "medium", timeStyle: "short"})
            .format(new Date(value))""",
        [sent_at, LOCALE_TAGS[locale]],
    ).replace("\xa0", " ")
    assert _text(hint) == texts["ui.mymus.reminder.activity"].format(date=shown)
    assert frame.evaluate(NO_HORIZONTAL_SCROLL)
    console.assert_clean(simulator.page)
