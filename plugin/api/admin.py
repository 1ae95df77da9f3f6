"""The signed-in person, agenda templates, and coverage figures for HR."""

from __future__ import annotations

from flask import Blueprint, current_app

from ..services import coverage, directory, templates
from .endpoint import endpoint
from .schemas.admin import CoverageOut, Me, TemplateCreate, TemplateList, TemplateOut

bp = Blueprint("admin", __name__, url_prefix="/api")


@bp.get("/me")
@endpoint(
    summary="The signed-in person and their manager (from Microsoft Graph)",
    tags="People",
    response=Me,
    graph=True,
    description="`directory` is `unavailable` when Microsoft Graph cannot be reached: the person is "
    "still returned, without a manager. Missing consent answers 403 `consent_required`.",
)
def me(actor, uow, graph):
    return directory.get_me(actor, graph, current_app.extensions["mus.directory_answers"])


@bp.get("/templates")
@endpoint(
    summary="Agenda templates: built-in and the organisation's own", tags="Templates", response=TemplateList
)
def list_templates(actor, uow):
    return {"items": templates.list_templates(uow, actor)}


@bp.post("/templates")
@endpoint(
    summary="Add an organisation template (HR/admin)",
    tags="Templates",
    body=TemplateCreate,
    response=TemplateOut,
    status=201,
    idempotent=True,
    errors=(403, 409),
)
def create_template(actor, body: TemplateCreate, uow):
    return templates.do_create_template(
        uow,
        actor,
        key=body.key,
        kind=body.kind,
        name=body.name,
        sections=[s.model_dump(mode="json") for s in body.sections],
    )


@bp.get("/coverage")
@endpoint(
    summary="Coverage figures: held, planned, overdue (HR/admin; counts only)",
    tags="Coverage",
    response=CoverageOut,
    errors=(403,),
)
def show_coverage(actor, uow):
    return coverage.get_coverage(uow, actor)
