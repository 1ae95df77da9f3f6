"""The MSAL side of sign-in: start a flow, finish it, get an API token for a browser session."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import msal
from cryptography.fernet import Fernet, InvalidToken

from ..config import Settings
from ..identity.msal_obo import MsalClients, SignInUnavailable, graph_scopes

# What the consent pop-up asks a person for (delegated, user-consentable). User.Read.All for
# managers is granted tenant-wide by an administrator (see the README).
CONSENT_SCOPES = ("User.Read", "OnlineMeetings.Read", "Calendars.ReadWrite")
FLOW_TTL_SECONDS = 600


class FlowError(Exception):
    """A sign-in that cannot be completed (expired, forged state or nonce, refused)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Completed:
    tenant_id: str
    object_id: str
    access_token: str | None
    token_cache: str


def api_scope(settings: Settings) -> str:
    return f"api://{settings.app_domain}/{settings.client_id}/access_as_user"


def sign_in_tenant(settings: Settings) -> str:
    """One allowed tenant signs in there; several (or any) use the multi-tenant endpoint."""
    tenants = settings.tenants - {"*"}
    return next(iter(tenants)) if len(settings.tenants) == 1 and tenants else "organizations"


def start(
    clients: MsalClients, settings: Settings, *, purpose: str, redirect_uri: str, login_hint: str | None
) -> tuple[str, dict[str, Any]]:
    """The authority URL to send the person to, and the flow to keep until they come back."""
    scopes = (
        [api_scope(settings)]
        if purpose == "login"
        else graph_scopes(settings.graph_url, list(CONSENT_SCOPES))
    )
    app = clients.client(sign_in_tenant(settings))
    flow = app.initiate_auth_code_flow(
        scopes, redirect_uri=redirect_uri, response_mode="form_post", login_hint=login_hint or None
    )
    return flow["auth_uri"], flow


def finish(
    clients: MsalClients, settings: Settings, flow: dict[str, Any], response: dict[str, str]
) -> Completed:
    cache = msal.SerializableTokenCache()
    app = clients.client(sign_in_tenant(settings), cache)
    try:
        result = app.acquire_token_by_auth_code_flow(flow, response)
    except (ValueError, RuntimeError) as exc:  # state or nonce mismatch (MSAL checks both)
        raise FlowError("invalid_response") from exc
    if "error" in result:
        raise FlowError(str(result.get("error")))
    claims = result.get("id_token_claims") or {}
    tenant_id, object_id = str(claims.get("tid", "")).lower(), str(claims.get("oid", "")).lower()
    if not tenant_id or not object_id:
        raise FlowError("invalid_response")
    return Completed(tenant_id, object_id, result.get("access_token"), cache.serialize())


def api_token(
    clients: MsalClients, settings: Settings, tenant_id: str, token_cache: str
) -> tuple[str, int, str]:
    """An access token for the app's own API from a browser session's cache (refreshed when due)."""
    cache = msal.SerializableTokenCache()
    cache.deserialize(token_cache)
    app = clients.client(tenant_id, cache)
    accounts = app.get_accounts()
    if not accounts:
        raise FlowError("sign_in_required")
    try:
        result = app.acquire_token_silent([api_scope(settings)], account=accounts[0])
    except ValueError as exc:
        raise SignInUnavailable() from exc
    if not result or "access_token" not in result:
        raise FlowError("sign_in_required")
    return result["access_token"], int(result.get("expires_in", 0)), cache.serialize()


def seal(fernet: Fernet, data: dict[str, Any]) -> str:
    return fernet.encrypt(json.dumps(data).encode()).decode()


def unseal(fernet: Fernet, token: str | None) -> dict[str, Any]:
    if not token:
        raise FlowError("expired")
    try:
        return json.loads(fernet.decrypt(token.encode(), ttl=FLOW_TTL_SECONDS))
    except (InvalidToken, ValueError) as exc:
        raise FlowError("expired") from exc
