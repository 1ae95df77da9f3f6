"""The HR/admin screen: organisation settings, coverage per unit, and editing the organisation's
own templates. Admins only (the app role); everyone else gets 403."""

from __future__ import annotations

from flask import Blueprint, current_app

from ..identity import app_graph_for
from ..services import coverage_units, org_settings, templates
from .endpoint import endpoint
from .schemas.admin import TemplateOut
from .schemas.organisation import (
    OrgSettingsIn,
    OrgSettingsOut,
    TemplateRetire,
    TemplateUpdate,
    UnitsCoverageOut,
)

bp = Blueprint("organisation", __name__, url_prefix="/api")

ORGANISATION = "Organisation"


@bp.get("/organisation/settings")
@endpoint(
    summary="The organisation's settings (HR/admin)",
    tags=ORGANISATION,
    response=OrgSettingsOut,
    errors=(403,),
    description="`version` 0: the organisation has saved none, these are the defaults.",
)
def show_settings(actor, uow):
    return org_settings.get_settings(uow, actor)


@bp.put("/organisation/settings")
@endpoint(
    summary="Change the organisation's settings (HR/admin)",
    tags=ORGANISATION,
    body=OrgSettingsIn,
    response=OrgSettingsOut,
    errors=(403, 409),
    description="Send every setting and the `version` read. Another admin's change since answers 409 "
    "`stale_version` with the current settings in `current`.",
)
def change_settings(actor, body: OrgSettingsIn, uow):
    return org_settings.do_update_settings(uow, actor, **body.model_dump())


@bp.get("/coverage/units")
@endpoint(
    summary="Coverage per unit and for the organisation (HR/admin; counts of people only)",
    tags="Coverage",
    response=UnitsCoverageOut,
    errors=(403,),
    description="Units are the directory's departments (Microsoft Graph, the app's own permission "
    "User.Read.All); without the directory, the people the app knows, without units.",
)
def show_unit_coverage(actor, uow):
    return coverage_units.get_unit_coverage(uow, actor, app_graph_for(current_app, actor.tenant_id))


@bp.put("/templates/<key>")
@endpoint(
    summary="Change an organisation template's name and sections (HR/admin)",
    tags="Templates",
    body=TemplateUpdate,
    response=TemplateOut,
    errors=(403, 404, 409),
    description="Conversations already planned from it keep their agenda. Built-in templates cannot "
    "be changed (403); a retired one neither (409).",
)
def change_template(actor, key: str, body: TemplateUpdate, uow):
    return templates.do_update_template(
        uow,
        actor,
        key,
        version=body.version,
        name=body.name,
        sections=[s.model_dump(mode="json") for s in body.sections],
    )


@bp.post("/templates/<key>/retire")
@endpoint(
    summary="Retire an organisation template: no longer offered for new conversations (HR/admin)",
    tags="Templates",
    body=TemplateRetire,
    response=TemplateOut,
    errors=(403, 404, 409),
    description="Conversations that used it keep their agenda. The default MUS template cannot be "
    "retired (409 template_is_default).",
)
def retire_template(actor, key: str, body: TemplateRetire, uow):
    return templates.do_retire_template(uow, actor, key, version=body.version)
