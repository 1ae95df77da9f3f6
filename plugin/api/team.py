"""The manager's team from the directory, and each employee's cadence."""

from __future__ import annotations

from flask import Blueprint

from ..services import team
from .endpoint import endpoint
from .schemas.team import CadenceIn, CadenceOut, TeamOut

bp = Blueprint("team", __name__, url_prefix="/api")
TEAM = "Team"
OID = "<employee_object_id>"


@bp.get("/team")
@endpoint(
    summary="My direct reports in the directory, each with cadence, what is due and how it goes",
    tags=TEAM,
    response=TeamOut,
    graph=True,
    errors=(503,),
    description="Every direct report in Microsoft Graph, also those never planned with or never signed "
    "in, sorted by what needs attention first (none: an empty list). Only the pair's own records are "
    "read; the wellbeing trend holds only pulses the employee shared. 503 `directory_unavailable` when "
    "the directory cannot be asked.",
)
def get_team(actor, uow, graph):
    return team.team_overview(uow, actor, graph)


@bp.get(f"/team/{OID}/cadence")
@endpoint(
    summary="An employee's cadence (MUS and check-in intervals) and what is due",
    tags=TEAM,
    response=CadenceOut,
    graph=True,
    errors=(403, 404, 503),
    description="The employee reads their own; their manager in the directory reads it too "
    "(403 `not_your_report` for anyone else).",
)
def get_cadence(actor, employee_object_id: str, uow, graph):
    return team.get_cadence(uow, actor, graph, employee_object_id)


@bp.put(f"/team/{OID}/cadence")
@endpoint(
    summary="Set an employee's cadence (their current manager in the directory only)",
    tags=TEAM,
    body=CadenceIn,
    response=CadenceOut,
    graph=True,
    errors=(403, 404, 409, 422, 503),
    description="MUS every 6 to 24 months; check-ins every 2, 4, 6, 8 or 12 weeks, or none. A change "
    "based on an older `version` is refused with 409 `stale_version` and the current cadence.",
)
def put_cadence(actor, employee_object_id: str, body: CadenceIn, uow, graph):
    return team.set_cadence(
        uow,
        actor,
        graph,
        employee_object_id,
        mus_interval_months=body.mus_interval_months,
        check_in_interval_weeks=body.check_in_interval_weeks,
        version=body.version,
    )
