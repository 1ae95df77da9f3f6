"""Asynchronous check-ins from the personal tab: my part, the other party's once done, closing;
goal adjustments (agreed goals through a new agreement version) and successes."""

from __future__ import annotations

from flask import Blueprint

from ..services import checkins as svc
from .endpoint import endpoint
from .schemas.checkins import (
    AdjustmentIn,
    AdjustmentResultOut,
    CheckinList,
    CheckinOut,
    DoneIn,
    PartIn,
    SuccessIn,
    SuccessList,
    SuccessOut,
)

bp = Blueprint("checkins", __name__, url_prefix="/api")
TAG = "Check-ins"


@bp.get("/me/checkins")
@endpoint(
    summary="My check-ins with the state of each part",
    tags=TAG,
    response=CheckinList,
    description="Check-ins where I am the employee or the manager, newest first; each part "
    "not_started, in_progress or done.",
)
def my_checkins(actor, uow):
    return {"items": svc.list_my_checkins(uow, actor)}


@bp.get("/me/successes")
@endpoint(
    summary="The successes of my goals",
    tags=TAG,
    response=SuccessList,
    description="Goals marked achieved, with their note, of every pair I am part of; newest first.",
)
def my_successes(actor, uow):
    return {"items": svc.list_my_successes(uow, actor)}


@bp.get("/conversations/<int:conversation_id>/checkin")
@endpoint(
    summary="A check-in: its goals, my part and the other party's",
    tags=TAG,
    response=CheckinOut,
    errors=(403, 409),
    description="The other party's answers are shown only once they marked their part done. "
    "409 checkin_not_a_checkin for a MUS.",
)
def show(actor, conversation_id: int, uow):
    return svc.get_checkin(uow, actor, conversation_id)


@bp.put("/conversations/<int:conversation_id>/checkin/mine")
@endpoint(
    summary="Save my part of a check-in (a draft while I write)",
    tags=TAG,
    body=PartIn,
    response=CheckinOut,
    errors=(403, 409),
    description="Each party writes only their own part, so two people writing at once never "
    "overwrite each other. A write based on an older version of my part is refused (409 "
    "stale_version, with the check-in as it is now); a part marked done or a closed check-in "
    "no longer changes (409).",
)
def save_mine(actor, conversation_id: int, body: PartIn, uow):
    data = body.model_dump()
    return svc.do_save_part(
        uow,
        actor,
        conversation_id,
        version=body.version,
        goals=data["goals"],
        blockers=body.blockers,
        pulse=data["pulse"],
        next_steps=body.next_steps,
    )


@bp.post("/conversations/<int:conversation_id>/checkin/mine/done")
@endpoint(
    summary="Mark my part of a check-in done",
    tags=TAG,
    body=DoneIn,
    response=CheckinOut,
    errors=(403, 409),
    description="From now on the other party sees my answers, and they no longer change.",
)
def mark_done(actor, conversation_id: int, body: DoneIn, uow):
    return svc.do_mark_done(uow, actor, conversation_id, version=body.version)


@bp.post("/conversations/<int:conversation_id>/checkin/close")
@endpoint(
    summary="Close a check-in whose two parts are done",
    tags=TAG,
    response=CheckinOut,
    errors=(403, 409),
    description="Either party. Each party's progress values become progress entries of the goals "
    "(that party the author, this check-in the conversation), each pulse a wellbeing pulse, and "
    "the conversation is held. Once only: a second close is refused (409 checkin_closed) and "
    "applies nothing; before both parts are done, 409 checkin_not_ready.",
)
def close(actor, conversation_id: int, uow):
    return svc.do_close(uow, actor, conversation_id)


@bp.post("/goals/<int:goal_id>/adjustments")
@endpoint(
    summary="Adjust a goal (title, measure, deadline, status)",
    tags=TAG,
    body=AdjustmentIn,
    response=AdjustmentResultOut,
    errors=(403, 409),
    description="A goal that is part of a locked agreement keeps its agreed values: the change is "
    "proposed in a new version of that agreement and applied (with the goal's history, the proposer "
    "as author) when both approve it. Any other goal changes at once, with its history.",
)
def adjust(actor, goal_id: int, body: AdjustmentIn, uow):
    changes = body.model_dump(exclude_unset=True, exclude={"version", "checkin_id"})
    return svc.do_adjust_goal(
        uow, actor, goal_id, version=body.version, changes=changes, checkin_id=body.checkin_id
    )


@bp.post("/goals/<int:goal_id>/success")
@endpoint(
    summary="Mark a goal achieved, with a short note (a success)",
    tags=TAG,
    body=SuccessIn,
    response=SuccessOut,
    status=201,
    idempotent=True,
    errors=(403, 409),
    description="Both parties see it in their successes; the status change is kept in the goal's "
    "history. Marking it again changes the note.",
)
def mark_success(actor, goal_id: int, body: SuccessIn, uow):
    return svc.do_mark_success(uow, actor, goal_id, note=body.note, checkin_id=body.checkin_id)
