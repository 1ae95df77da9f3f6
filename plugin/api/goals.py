"""Goals (SMART check, progress, history), the development plan, feedback and the wellbeing pulse."""

from __future__ import annotations

import re

from flask import Blueprint

from ..domain.errors import InvalidInput
from ..services import development, drafts, feedback
from ..services import goals as svc
from .endpoint import endpoint
from .schemas.goals import (
    DRAFT_KEY_PATTERN,
    ActionCreate,
    ActionDraftIn,
    ActionList,
    ActionOut,
    ActionPatch,
    DraftAck,
    FeedbackCreate,
    FeedbackList,
    FeedbackOut,
    GoalCreate,
    GoalDraftIn,
    GoalHistory,
    GoalList,
    GoalOut,
    GoalPatch,
    GoalQuery,
    ProgressCreate,
    PulseCreate,
    PulseList,
    PulseOut,
    SmartCheckOut,
    SmartFields,
)

bp = Blueprint("goals", __name__, url_prefix="/api")
GOALS = "Goals"
DEVELOPMENT = "Development plan"
FEEDBACK = "Feedback and wellbeing"


# --- Goals -----------------------------------------------------------------------------------


@bp.post("/goals/check")
@endpoint(
    summary="Check a goal against SMART while it is written",
    tags=GOALS,
    body=SmartFields,
    response=SmartCheckOut,
    description="Per criterion ok, weak or missing with the reason in the person's language. "
    "Nothing is stored.",
)
def check(actor, body: SmartFields, uow):
    return svc.check_smart(uow, actor, **body.model_dump())


@bp.get("/conversations/<int:conversation_id>/goals")
@endpoint(
    summary="The employee's goals with this manager",
    tags=GOALS,
    query=GoalQuery,
    response=GoalList,
    errors=(400, 403),
    description="Goals set in any conversation between the two, so a check-in follows up the goals "
    "of the MUS (or with `set_here` only those set in this one); each with its latest progress and "
    "SMART findings. Oldest first, a page at a time (`limit`, then `cursor` from `next_cursor`).",
)
def list_goals(actor, conversation_id: int, query: GoalQuery, uow):
    return svc.list_goals(uow, actor, conversation_id, **query.model_dump())


@bp.post("/conversations/<int:conversation_id>/goals")
@endpoint(
    summary="Set a goal for the employee",
    tags=GOALS,
    body=GoalCreate,
    response=GoalOut,
    status=201,
    idempotent=True,
    errors=(403, 409),
)
def create_goal(actor, conversation_id: int, body: GoalCreate, uow):
    return svc.do_create_goal(uow, actor, conversation_id, **body.model_dump())


@bp.get("/goals/<int:goal_id>")
@endpoint(summary="One goal with its progress", tags=GOALS, response=GoalOut, errors=(403,))
def show_goal(actor, goal_id: int, uow):
    return svc.get_goal(uow, actor, goal_id)


@bp.patch("/goals/<int:goal_id>")
@endpoint(
    summary="Change a goal or its status",
    tags=GOALS,
    body=GoalPatch,
    response=GoalOut,
    errors=(403, 409),
    description="Send only the changed fields, the version and `base` (their values when the editor "
    "started): a change to an older version is merged with what was saved since, or refused with 409 "
    "edit_conflict naming the fields both changed. Every changed field (the merged result) is kept in "
    "the goal's history. Mark a success with status achieved.",
)
def update_goal(actor, goal_id: int, body: GoalPatch, uow):
    changes = body.model_dump(exclude_unset=True, exclude={"version", "base"})
    base = body.base.model_dump(exclude_unset=True) if body.base is not None else None
    return svc.do_update_goal(uow, actor, goal_id, version=body.version, changes=changes, base=base)


@bp.delete("/goals/<int:goal_id>")
@endpoint(
    summary="Remove a goal set by mistake",
    tags=GOALS,
    response=None,
    status=204,
    errors=(403, 409),
    description="The undo of creating a goal. A goal with recorded progress stays (409 "
    "goal_has_progress): mark it dropped instead.",
)
def delete_goal(actor, goal_id: int, uow):
    svc.do_delete_goal(uow, actor, goal_id)


@bp.get("/goals/<int:goal_id>/history")
@endpoint(summary="The changes of a goal, oldest first", tags=GOALS, response=GoalHistory, errors=(403,))
def goal_history(actor, goal_id: int, uow):
    return {"items": svc.list_goal_history(uow, actor, goal_id)}


@bp.post("/goals/<int:goal_id>/progress")
@endpoint(
    summary="Record progress on a goal",
    tags=GOALS,
    body=ProgressCreate,
    response=GoalOut,
    status=201,
    idempotent=True,
    errors=(403, 409),
    description="Reaching 100 % does not change the status.",
)
def add_progress(actor, goal_id: int, body: ProgressCreate, uow):
    return svc.do_add_progress(uow, actor, goal_id, **body.model_dump())


# --- Development plan ------------------------------------------------------------------------


@bp.get("/conversations/<int:conversation_id>/actions")
@endpoint(
    summary="The development actions of a conversation", tags=DEVELOPMENT, response=ActionList, errors=(403,)
)
def list_actions(actor, conversation_id: int, uow):
    return {"items": development.list_actions(uow, actor, conversation_id)}


@bp.post("/conversations/<int:conversation_id>/actions")
@endpoint(
    summary="Add a development action",
    tags=DEVELOPMENT,
    body=ActionCreate,
    response=ActionOut,
    status=201,
    idempotent=True,
    errors=(403, 409),
)
def create_action(actor, conversation_id: int, body: ActionCreate, uow):
    return development.do_create_action(uow, actor, conversation_id, **body.model_dump())


@bp.patch("/actions/<int:action_id>")
@endpoint(
    summary="Change a development action",
    tags=DEVELOPMENT,
    body=ActionPatch,
    response=ActionOut,
    errors=(403, 409),
    description="Send only the changed fields, the version and `base`: a change to an older version is "
    "merged with what was saved since, or refused with 409 edit_conflict naming the fields both changed.",
)
def update_action(actor, action_id: int, body: ActionPatch, uow):
    changes = body.model_dump(exclude_unset=True, exclude={"version", "base"})
    base = body.base.model_dump(exclude_unset=True) if body.base is not None else None
    return development.do_update_action(
        uow, actor, action_id, version=body.version, changes=changes, base=base
    )


@bp.delete("/actions/<int:action_id>")
@endpoint(
    summary="Remove a development action added by mistake",
    tags=DEVELOPMENT,
    response=None,
    status=204,
    errors=(403,),
)
def delete_action(actor, action_id: int, uow):
    development.do_delete_action(uow, actor, action_id)


# --- Drafts ----------------------------------------------------------------------------------

DRAFTS = "Drafts (live, never stored)"
DRAFT_DESCRIPTION = (
    "What I am typing in a {what}, before it is saved: announced at once on the conversation's live "
    "channel as `draft.changed` (record: goal or action, key, id, by, display_name, fields, "
    "ttl_seconds) and stored nowhere (not in the database, not in the event log). Send it again "
    "at least every ttl_seconds while the editor is open; `key` is the editor's own token "
    "(letters, digits, - and _)."
)


def _draft_key(key: str) -> str:
    if not re.fullmatch(DRAFT_KEY_PATTERN, key):
        raise InvalidInput("draft_key_invalid", field="key")
    return key


@bp.put("/conversations/<int:conversation_id>/drafts/goal/<key>")
@endpoint(
    summary="A goal being written (live, not stored)",
    tags=DRAFTS,
    body=GoalDraftIn,
    response=DraftAck,
    errors=(403, 413),
    description=DRAFT_DESCRIPTION.format(what="goal"),
)
def put_goal_draft(actor, conversation_id: int, key: str, body: GoalDraftIn, uow):
    ttl = drafts.do_put_draft(
        uow,
        actor,
        conversation_id,
        kind="goal",
        key=_draft_key(key),
        record_id=body.id,
        fields=body.fields.model_dump(exclude_unset=True),
    )
    return {"ttl_seconds": ttl}


@bp.put("/conversations/<int:conversation_id>/drafts/action/<key>")
@endpoint(
    summary="A development action being written (live, not stored)",
    tags=DRAFTS,
    body=ActionDraftIn,
    response=DraftAck,
    errors=(403, 413),
    description=DRAFT_DESCRIPTION.format(what="development action"),
)
def put_action_draft(actor, conversation_id: int, key: str, body: ActionDraftIn, uow):
    ttl = drafts.do_put_draft(
        uow,
        actor,
        conversation_id,
        kind="action",
        key=_draft_key(key),
        record_id=body.id,
        fields=body.fields.model_dump(exclude_unset=True),
    )
    return {"ttl_seconds": ttl}


CLEARED = "Announces `draft.cleared` (record, key, by): the other party stops showing it."


@bp.delete("/conversations/<int:conversation_id>/drafts/goal/<key>")
@endpoint(
    summary="The goal draft was saved or abandoned",
    tags=DRAFTS,
    response=None,
    status=204,
    errors=(403,),
    description=CLEARED,
)
def delete_goal_draft(actor, conversation_id: int, key: str, uow):
    drafts.do_clear_draft(uow, actor, conversation_id, kind="goal", key=_draft_key(key))


@bp.delete("/conversations/<int:conversation_id>/drafts/action/<key>")
@endpoint(
    summary="The action draft was saved or abandoned",
    tags=DRAFTS,
    response=None,
    status=204,
    errors=(403,),
    description=CLEARED,
)
def delete_action_draft(actor, conversation_id: int, key: str, uow):
    drafts.do_clear_draft(uow, actor, conversation_id, kind="action", key=_draft_key(key))


# --- Feedback and wellbeing ------------------------------------------------------------------


@bp.get("/conversations/<int:conversation_id>/feedback")
@endpoint(summary="The feedback of a conversation", tags=FEEDBACK, response=FeedbackList, errors=(403,))
def list_feedback(actor, conversation_id: int, uow):
    return {"items": feedback.list_feedback(uow, actor, conversation_id)}


@bp.post("/conversations/<int:conversation_id>/feedback")
@endpoint(
    summary="Give feedback",
    tags=FEEDBACK,
    body=FeedbackCreate,
    response=FeedbackOut,
    status=201,
    idempotent=True,
    errors=(403, 409),
    description="The direction follows from the author: the manager's feedback goes to the employee "
    "and the other way round.",
)
def add_feedback(actor, conversation_id: int, body: FeedbackCreate, uow):
    return feedback.do_add_feedback(uow, actor, conversation_id, kind=body.kind, text=body.text)


@bp.delete("/conversations/<int:conversation_id>/feedback/<int:feedback_id>")
@endpoint(
    summary="Take back my feedback",
    tags=FEEDBACK,
    response=None,
    status=204,
    errors=(403,),
    description="Only its author removes a feedback entry (the undo of giving it).",
)
def delete_feedback(actor, conversation_id: int, feedback_id: int, uow):
    feedback.do_delete_feedback(uow, actor, conversation_id, feedback_id)


@bp.get("/conversations/<int:conversation_id>/wellbeing")
@endpoint(
    summary="The wellbeing pulses I may see",
    tags=FEEDBACK,
    response=PulseList,
    errors=(403,),
    description="My own pulses, and the other party's shared ones.",
)
def list_pulses(actor, conversation_id: int, uow):
    return {"items": feedback.list_pulses(uow, actor, conversation_id)}


@bp.post("/conversations/<int:conversation_id>/wellbeing")
@endpoint(
    summary="Give a wellbeing pulse",
    tags=FEEDBACK,
    body=PulseCreate,
    response=PulseOut,
    status=201,
    idempotent=True,
    errors=(403, 409),
    description="A private pulse is seen by its author only; a shared one by both parties.",
)
def add_pulse(actor, conversation_id: int, body: PulseCreate, uow):
    return feedback.do_add_pulse(uow, actor, conversation_id, **body.model_dump())
