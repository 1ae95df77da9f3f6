"""The demo people and their Teams-SSO-shaped tokens, for the person picker and the simulator
(demo mode only, loopback only)."""

from __future__ import annotations

import ipaddress

from flask import Blueprint, current_app, request
from pydantic import BaseModel, ConfigDict

from ..api.endpoint import endpoint
from ..config import DEMO_TENANT_ID
from ..domain.errors import Forbidden, NotFound
from .people import DEMO_BY_KEY, DEMO_PEOPLE

bp = Blueprint("demo", __name__, url_prefix="/demo/idp")
TAG = "Demo identity provider"


class DemoPersonOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    key: str
    object_id: str
    name: str
    email: str
    role: str
    locale: str


class DemoPeople(BaseModel):
    tenant_id: str
    people: list[DemoPersonOut]


class DemoTokenIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    person: str


class DemoToken(BaseModel):
    access_token: str
    token_type: str = "Bearer"
    expires_in: int


@bp.before_request
def loopback_only():
    try:
        loopback = ipaddress.ip_address(request.remote_addr or "").is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise Forbidden("demo_only_loopback")


@bp.get("/people")
@endpoint(
    summary="The demo organisation's people",
    tags=TAG,
    response=DemoPeople,
    auth=False,
    errors=(403,),
)
def people(uow):
    return {"tenant_id": DEMO_TENANT_ID, "people": DEMO_PEOPLE}


@bp.post("/token")
@endpoint(
    summary="A Teams-SSO-shaped token for a demo person",
    tags=TAG,
    body=DemoTokenIn,
    response=DemoToken,
    auth=False,
    errors=(403, 404),
)
def token(body: DemoTokenIn, uow):
    person = DEMO_BY_KEY.get(body.person)
    if person is None:
        raise NotFound("demo_person_unknown", field="person", params={"key": body.person})
    settings = current_app.extensions["mus.settings"]
    token = current_app.extensions["mus.demo_cloud"].entra.mint_sso_token(
        DEMO_TENANT_ID, person.object_id, client_id=settings.client_id
    )
    return {"access_token": token, "expires_in": 3600}
