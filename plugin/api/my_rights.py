"""Data rights in the personal tab: erasure (preview, then confirmed) and the handover of an
employee's history to a new manager with the employee's approval."""

from __future__ import annotations

import logging

from flask import Blueprint, current_app

from ..domain.erasure import ErasedKind
from ..domain.errors import InvalidInput
from ..i18n import format_date, translate
from ..services import erasure, handover
from .endpoint import endpoint
from .schemas.rights import (
    ErasureConfirm,
    ErasureDone,
    ErasurePreview,
    HandoverCreate,
    HandoverDecision,
    HandoverList,
    HandoverOut,
    HistoryOut,
)

log = logging.getLogger(__name__)

bp = Blueprint("my_rights", __name__, url_prefix="/api")
RIGHTS = "Data rights"


def _preview(plan: erasure.ErasurePlan, language: str) -> dict:
    return {
        "erased": plan.erased,
        "goes_now": [
            {
                "kind": kind.value,
                "count": count,
                "text": translate(f"erasure.kind.{kind.value}", language, count=count),
            }
            for kind, count in sorted(plan.counts.items(), key=lambda kv: list(ErasedKind).index(kv[0]))
        ],
        "kept_until": [
            {
                "conversation_id": kept.conversation_id,
                "title": kept.title,
                "kind": kept.kind,
                "until": kept.until,
                "text": translate(
                    "erasure.kind.agreements_kept",
                    language,
                    title=kept.title or translate(f"erasure.conversation_kind.{kept.kind}", language),
                    date=format_date(kept.until, language),
                ),
            }
            for kept in plan.kept
        ],
        "kept_always": [translate("erasure.kind.audit_kept", language)],
    }


@bp.get("/me/erasure")
@endpoint(
    summary="What erasing me would remove now, and what stays until when",
    tags=RIGHTS,
    response=ErasurePreview,
)
def erasure_preview(actor, uow):
    return _preview(erasure.get_preview(uow, actor), actor.language)


@bp.post("/me/erasure")
@endpoint(
    summary="Erase me (by the erasure policy); asking again erases nothing more",
    tags=RIGHTS,
    body=ErasureConfirm,
    response=ErasureDone,
    description="Removes the person's own data at once and pseudonymises what the organisation keeps "
    "until its retention ends (the agreements both approved). Recorded in the audit log.",
)
def erase_me(actor, body: ErasureConfirm, uow):
    result = erasure.do_erase(uow, actor)
    try:  # a token cache outside the database (Redis) goes after the commit
        current_app.extensions["mus.msal"].forget_cache(actor.tenant_id, actor.object_id)
    except Exception as exc:
        log.warning("token cache not forgotten: %s", type(exc).__name__)
    return {**_preview(result.plan, actor.language), "erased_at": result.erased_at}


@bp.get("/handovers")
@endpoint(
    summary="Handover requests about me (as employee) and mine (as new manager), with my direct reports",
    tags=RIGHTS,
    response=HandoverList,
    graph=True,
    description="`directory` is `unavailable` when Microsoft Graph cannot be reached: the requests are "
    "still listed, without the direct reports.",
)
def list_handovers(actor, uow, graph):
    return handover.list_handovers(uow, actor, graph)


@bp.post("/handovers")
@endpoint(
    summary="Ask for an employee's history as their new manager, or offer mine to my manager",
    tags=RIGHTS,
    body=HandoverCreate,
    response=HandoverOut,
    status=201,
    graph=True,
    errors=(403, 409),
    description="A request needs the employee's approval. Only the employee's manager in the directory "
    "may ask (403 `handover_not_manager`). An offer by the employee is approved at once.",
)
def create_handover(actor, body: HandoverCreate, uow, graph):
    if body.offer:
        return handover.do_offer(uow, actor, graph)
    if body.employee_object_id is None:
        raise InvalidInput(
            "field_invalid",
            field="employee_object_id",
            params={"field": "employee_object_id", "reason": "missing"},
        )
    return handover.do_request(uow, actor, graph, employee_object_id=body.employee_object_id)


@bp.post("/handovers/<int:handover_id>/decision")
@endpoint(
    summary="Approve or decline a handover request (the employee only)",
    tags=RIGHTS,
    body=HandoverDecision,
    response=HandoverOut,
    errors=(403, 409),
)
def decide_handover(actor, handover_id: int, body: HandoverDecision, uow):
    return handover.do_decide(uow, actor, handover_id, body.decision)


@bp.get("/handovers/<int:handover_id>/history")
@endpoint(
    summary="The employee's earlier agreed conversations, for the new manager after approval (read-only)",
    tags=RIGHTS,
    response=HistoryOut,
    errors=(403,),
)
def handover_history(actor, handover_id: int, uow):
    return handover.get_history(uow, actor, handover_id)
