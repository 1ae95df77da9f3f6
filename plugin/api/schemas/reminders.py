"""The reminders sent to the signed-in person."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from .common import Output

ReminderKind = Literal[
    "prepare", "check_in_due", "follow_up_due", "follow_up_overdue", "approved", "changes_requested"
]


class SentReminderOut(Output):
    conversation_id: int
    kind: ReminderKind
    channel: Literal["activity", "mail"] = Field(description="The Teams activity feed, or e-mail.")
    sent_at: datetime


class SentReminderList(Output):
    items: list[SentReminderOut] = Field(description="The last reminder sent to me per conversation.")
