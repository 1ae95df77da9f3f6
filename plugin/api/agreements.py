"""The agreement (versions and both parties' approvals), the follow-up dates, and consent."""

from __future__ import annotations

from flask import Blueprint, Response

from ..services import agreement_pdf
from ..services import agreements as svc
from ..services import consent as consent_svc
from .endpoint import endpoint
from .schemas.agreements import (
    AgreementOut,
    AgreementPdfQuery,
    AgreementVersionOut,
    ConsentIn,
    ConsentOut,
    DecisionIn,
    FollowUpCreate,
    FollowUpEdit,
    FollowUpList,
    FollowUpOut,
    SummaryEdit,
    SummaryList,
    SummaryOut,
)

bp = Blueprint("agreements", __name__, url_prefix="/api")
CONVERSATION = "/conversations/<int:conversation_id>"


# --- Consent -----------------------------------------------------------------------------------


@bp.get(f"{CONVERSATION}/consent")
@endpoint(
    summary="Both parties' consent answers (confidentiality, keeping notes, recording)",
    tags="Consent",
    response=ConsentOut,
    errors=(403,),
)
def consent(actor, conversation_id: int, uow):
    return consent_svc.get_consent(uow, actor, conversation_id)


@bp.put(f"{CONVERSATION}/consent")
@endpoint(
    summary="Give or change my answer to one consent question",
    tags="Consent",
    body=ConsentIn,
    response=ConsentOut,
    errors=(403, 409),
)
def set_consent(actor, conversation_id: int, body: ConsentIn, uow):
    return consent_svc.do_set_consent(uow, actor, conversation_id, kind=body.kind, value=body.value)


# --- Follow-ups --------------------------------------------------------------------------------


@bp.get(f"{CONVERSATION}/follow-ups")
@endpoint(summary="The agreed follow-up dates", tags="Follow-ups", response=FollowUpList, errors=(403,))
def follow_ups(actor, conversation_id: int, uow):
    return {"items": svc.list_follow_ups(uow, actor, conversation_id)}


@bp.post(f"{CONVERSATION}/follow-ups")
@endpoint(
    summary="Add a follow-up date",
    tags="Follow-ups",
    body=FollowUpCreate,
    response=FollowUpOut,
    status=201,
    idempotent=True,
    errors=(403,),
)
def add_follow_up(actor, conversation_id: int, body: FollowUpCreate, uow):
    return svc.do_add_follow_up(uow, actor, conversation_id, title=body.title, due_on=body.due_on)


@bp.patch(f"{CONVERSATION}/follow-ups/<int:follow_up_id>")
@endpoint(
    summary="Change a follow-up's title or date (co-edited)",
    tags="Follow-ups",
    body=FollowUpEdit,
    response=FollowUpOut,
    errors=(403, 404, 409),
    description="Send the version the change started from and the values read then (`base`). A stale "
    "write is merged: the title character by character; a date both changed differently is 409 "
    "`edit_conflict` with the current follow-up and both values of each conflicting field, and "
    "nothing is applied. Once an agreement was drafted, a change opens a new version.",
)
def edit_follow_up(actor, conversation_id: int, follow_up_id: int, body: FollowUpEdit, uow):
    changes = body.model_dump(include={"title", "due_on"}, exclude_unset=True)
    changes = {k: v for k, v in changes.items() if v is not None}
    base = body.base.model_dump(exclude_unset=True)
    return svc.do_edit_follow_up(
        uow, actor, conversation_id, follow_up_id, version=body.version, base=base, changes=changes
    )


@bp.delete(f"{CONVERSATION}/follow-ups/<int:follow_up_id>")
@endpoint(summary="Remove a follow-up date", tags="Follow-ups", response=None, status=204, errors=(403,))
def delete_follow_up(actor, conversation_id: int, follow_up_id: int, uow):
    svc.do_delete_follow_up(uow, actor, conversation_id, follow_up_id)


# --- Agreement ---------------------------------------------------------------------------------


@bp.get(f"{CONVERSATION}/agreement")
@endpoint(
    summary="All agreement versions, newest first, with both parties' decisions",
    tags="Agreement",
    response=AgreementOut,
    errors=(403,),
)
def agreement(actor, conversation_id: int, uow):
    return svc.get_agreement(uow, actor, conversation_id)


@bp.post(f"{CONVERSATION}/agreement")
@endpoint(
    summary="Draft the next agreement version from the shared content",
    tags="Agreement",
    response=AgreementVersionOut,
    status=201,
    idempotent=True,
    errors=(403, 409),
    description="Allowed once the meeting has started. Drafting ends the meeting (in meeting -> "
    "reviewing); drafting after the agreement was approved reopens it (agreed -> reviewing), and "
    "is refused when nothing changed.",
)
def draft(actor, conversation_id: int, uow):
    return svc.do_draft(uow, actor, conversation_id)


@bp.post(f"{CONVERSATION}/agreement/<int:number>/decision")
@endpoint(
    summary="Approve an agreement version or ask for changes",
    tags="Agreement",
    body=DecisionIn,
    response=AgreementVersionOut,
    errors=(403, 409),
    description="Only the latest version can be decided on. When both parties have approved it, "
    "the version is locked and the conversation is agreed.",
)
def decide(actor, conversation_id: int, number: int, body: DecisionIn, uow):
    return svc.do_decide(
        uow,
        actor,
        conversation_id,
        number,
        decision=body.decision,
        comment=body.comment,
        disagreement=body.disagreement,
    )


@bp.get(f"{CONVERSATION}/agreement/<int:number>.pdf")
@endpoint(
    summary="One agreement version as a PDF to print or keep",
    tags="Agreement",
    query=AgreementPdfQuery,
    stream="application/pdf",
    errors=(403, 404),
    description="The version as the screen shows it, laid out on A4 in the reader's language (or "
    "`lang`): the agenda's summaries and talking points, the goals with every SMART field, deadline "
    "and status, the development plan, the follow-up dates and both decisions with name, time (in "
    "`tz`), comment and any recorded disagreement. A version not approved by both is marked as a "
    "draft and names who has not approved it. For the two parties, and for a new manager the "
    "employee handed their history over to (agreed versions only). Audited as a read of the "
    "agreement; sent as an attachment with `Cache-Control: no-store`.",
)
def agreement_pdf_view(actor, conversation_id: int, number: int, query: AgreementPdfQuery, uow):
    time_zone = agreement_pdf.time_zone_of(query.tz)
    language = query.lang or actor.language
    pdf = agreement_pdf.do_agreement_pdf(
        uow, actor, conversation_id, number, language=language, time_zone=time_zone
    )
    response = Response(pdf.body, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{pdf.filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


# --- Summaries ---------------------------------------------------------------------------------


@bp.get(f"{CONVERSATION}/agreement/summaries")
@endpoint(
    summary="The summary of each agenda item (part of the agreement)",
    tags="Agreement",
    response=SummaryList,
    errors=(403,),
    description="Created with the first draft: prefilled from the item's notes only when both parties "
    "chose to keep the notes, otherwise empty.",
)
def summaries(actor, conversation_id: int, uow):
    return svc.list_summaries(uow, actor, conversation_id)


@bp.put(f"{CONVERSATION}/agreement/summaries/<int:item_id>")
@endpoint(
    summary="Write an agenda item's summary (co-edited)",
    tags="Agreement",
    body=SummaryEdit,
    response=SummaryOut,
    errors=(403, 404, 409, 413),
    description="Send the version the change started from and its text (`base`): a stale write is "
    "merged character by character with what was saved since. While the agreement is reviewed or "
    "after it was agreed, a change opens a new version (both approve again).",
)
def edit_summary(actor, conversation_id: int, item_id: int, body: SummaryEdit, uow):
    return svc.do_edit_summary(
        uow, actor, conversation_id, item_id, version=body.version, base=body.base, text=body.text
    )
