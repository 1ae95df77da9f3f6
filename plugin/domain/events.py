"""A change announced to the live channel: what happened, in which conversation, for whom."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Event:
    tenant_id: str
    conversation_id: int
    kind: str  # e.g. "agenda_item.updated"
    data: dict[str, Any] = field(default_factory=dict)
    # The position in the conversation's durable event log (set when the change is committed);
    # None for events that are not logged (presence, and events for one person only).
    seq: int | None = None
    # None: both parties of the conversation; a person id: that person only (e.g. a private pulse).
    audience: int | None = None
