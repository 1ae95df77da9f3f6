"""The agreement (versions and both parties' approvals), the follow-up dates, and consent."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, after_this_request, current_app

from ..calendar_job import sync_calendars
from ..services import agreements as svc
from ..services import calendar_sync
from ..services import consent as consent_svc
from ..services.ics import follow_ups_ics
from ..storage.setup import new_unit_of_work
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
log = logging.getLogger(__name__)


def sync_calendar_after(conversation_id: int) -> None:
    """Once this request's change is committed and answered, try to send the conversation's pending
    calendar events right away (best effort: the calendar job retries whatever fails)."""

    @after_this_request
    def _sync(response: Response) -> Response:
        if response.status_code < 400:
            try:
                sync_conversation(conversation_id)
            except Exception:  # never the request's failure: the job tries again
                log.exception("calendar sync after the request failed")
        return response


def sync_conversation(conversation_id: int) -> calendar_sync.SyncReport | None:
    if not calendar_sync.has_pending(new_unit_of_work(), conversation_id):
        return None
    return sync_calendars(current_app._get_current_object(), conversation_id=conversation_id)


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
    sync_calendar_after(conversation_id)
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
    sync_calendar_after(conversation_id)
    return svc.do_edit_follow_up(
        uow, actor, conversation_id, follow_up_id, version=body.version, base=base, changes=changes
    )


@bp.delete(f"{CONVERSATION}/follow-ups/<int:follow_up_id>")
@endpoint(summary="Remove a follow-up date", tags="Follow-ups", response=None, status=204, errors=(403,))
def delete_follow_up(actor, conversation_id: int, follow_up_id: int, uow):
    sync_calendar_after(conversation_id)
    svc.do_delete_follow_up(uow, actor, conversation_id, follow_up_id)


@bp.get(f"{CONVERSATION}/follow-ups.ics")
@endpoint(
    summary="Download the follow-up dates as a calendar file (.ics)",
    tags="Follow-ups",
    stream="text/calendar",
    errors=(403,),
    description="One event per follow-up (09:00-09:30 in the organisation's time zone, Europe/"
    "Copenhagen), with a UID that stays the same for the follow-up and a SEQUENCE that rises with "
    "each change, so importing a newer file updates the events. Texts in the reader's language. "
    "Offered always; the way to the calendar when the organisation did not permit calendar access.",
)
def follow_ups_calendar(actor, conversation_id: int, uow):
    response = Response(follow_ups_ics(uow, actor, conversation_id), mimetype="text/calendar")
    response.headers["Content-Disposition"] = f'attachment; filename="mus-follow-ups-{conversation_id}.ics"'
    return response


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
    sync_calendar_after(conversation_id)  # when this approval locked the agreement
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
    from ..services import agreement_pdf  # reportlab: loaded when a PDF is first asked for

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
