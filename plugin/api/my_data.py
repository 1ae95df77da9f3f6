"""The person's own data: the export (JSON and PDF) and the audit log of what happened to it."""

from __future__ import annotations

import json

from flask import Blueprint, Response

from ..services import audit_log, data_export
from .endpoint import endpoint
from .schemas.my_data import AuditPageOut, AuditQuery, DataExport

bp = Blueprint("my_data", __name__, url_prefix="/api/me")
TAG = "My data"


def _download(body: bytes, mimetype: str, filename: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/export")
@endpoint(
    summary="Download all of my data (JSON)",
    tags=TAG,
    response=DataExport,
    description="Everything stored about the signed-in person: the person record, every conversation "
    "they are a party of with what both parties share there, their own private preparation and "
    "wellbeing pulses (never the other party's private ones), their consent choices and the audit "
    "events concerning them. Sent as an attachment (`Content-Disposition`); the export is recorded "
    "in the audit log.",
)
def export_json(actor, uow):
    data = DataExport.model_validate(data_export.do_export(uow, actor, fmt="json"))
    body = json.dumps(data.model_dump(mode="json"), ensure_ascii=False, indent=2).encode("utf-8")
    return _download(body, "application/json", f"mus-my-data-{data.exported_at[:10]}.json")


@bp.get("/export.pdf")
@endpoint(
    summary="Download all of my data as a readable PDF",
    tags=TAG,
    stream="application/pdf",
    description="The same content as the JSON export, laid out for reading, in the reader's language "
    "(`X-Teams-Locale`, then `Accept-Language`). Recorded in the audit log.",
)
def export_pdf(actor, uow):
    from ..services.export_pdf import render_pdf  # reportlab: loaded when a PDF is first asked for

    data = data_export.do_export(uow, actor, fmt="pdf")
    return _download(
        render_pdf(data, actor.language), "application/pdf", f"mus-my-data-{data['exported_at'][:10]}.pdf"
    )


@bp.get("/audit")
@endpoint(
    summary="The audit log of what happened to my data",
    tags=TAG,
    query=AuditQuery,
    response=AuditPageOut,
    description="Who read, approved, exported or erased what about the signed-in person: their own "
    "actions and what happened in conversations they are a party of, newest first, with the actor's "
    "name and a description in the reader's language. Paged with `before`.",
)
def audit(actor, query: AuditQuery, uow):
    return audit_log.list_events(uow, actor, before=query.before, limit=query.limit)
