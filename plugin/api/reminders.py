"""The reminders the app sent to the signed-in person (shown on their conversation cards)."""

from __future__ import annotations

from flask import Blueprint

from ..services import reminders
from .endpoint import endpoint
from .schemas.reminders import SentReminderList

bp = Blueprint("reminders", __name__, url_prefix="/api/me")
TAG = "Reminders"


@bp.get("/reminders")
@endpoint(
    summary="The last reminder sent to me per conversation",
    tags=TAG,
    response=SentReminderList,
    description="Reminders go to the Teams activity feed, or by e-mail when the feed is not permitted; "
    "each is sent once. Only the signed-in person's own reminders, newest first.",
)
def mine(actor, uow):
    return {"items": reminders.sent_to(uow, actor)}
