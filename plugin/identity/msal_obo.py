"""MSAL: the on-behalf-of exchange (SSO token -> Graph token) and the confidential client used by
the sign-in pages.

An authority other than Microsoft's (a sovereign cloud, or a local stand-in in tests) needs
`instance_discovery=False`: otherwise MSAL asks Microsoft's public instance-discovery endpoint about
the host first. The authority is given as `{MUS_AUTHORITY_HOST}/{tenant id}`; MSAL then only reads
`{authority}/v2.0/.well-known/openid-configuration` and posts to the token endpoint it names.
Outgoing HTTPS goes through a `requests.Session`, which honours REQUESTS_CA_BUNDLE."""

from __future__ import annotations

import logging
import threading
from typing import Any

import msal
import msal.exceptions
import requests

from ..domain.errors import DomainError
from .token_cache import TokenCacheStore

log = logging.getLogger(__name__)

CONSENT_SUBERRORS = {"consent_required", "interaction_required", "basic_action", "additional_action"}
CONSENT_CODES = {65001, 65004, 50076, 50079, 50158, 53003}


class ConsentRequired(DomainError):
    """The person must consent (or sign in interactively) before the app may call Graph for them."""

    status = 403
    code = "consent_required"


class SignInUnavailable(DomainError):
    status = 503
    code = "sign_in_unavailable"


def graph_scopes(graph_url: str, names: list[str]) -> list[str]:
    return [f"{graph_url.rstrip('/')}/{name}" for name in names]


class DiscoveryCache(dict):
    """MSAL's `http_cache`, shared by the short-lived clients so that the authority's discovery
    document is fetched once, but without MSAL's memory of refused token requests: after a person
    consents in the pop-up, the very next on-behalf-of request must reach Entra again instead of
    replaying the cached `consent_required` for a minute. MSAL keys token POSTs "POST …"."""

    def __setitem__(self, key, value) -> None:
        if isinstance(key, str) and key.startswith("POST "):
            return
        super().__setitem__(key, value)


class MsalClients:
    """Builds confidential clients per tenant; each call gets the acting person's own token cache."""

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        authority_host: str,
        graph_url: str,
        cache_store: TokenCacheStore,
        session: requests.Session | None = None,
    ) -> None:
        self.client_id = client_id
        self._secret = client_secret
        self._host = authority_host.rstrip("/")
        self.graph_url = graph_url.rstrip("/")
        self._store = cache_store
        self._session = session or requests.Session()
        self._http_cache: dict[str, Any] = DiscoveryCache()
        self._lock = threading.Lock()
        self._app_clients: dict[str, msal.ConfidentialClientApplication] = {}

    def forget_cache(self, tenant_id: str, object_id: str) -> None:
        """Drop a person's token cache where it is not in the database (erasure; Redis)."""
        forget = getattr(self._store, "forget", None)
        if forget is not None:
            forget(tenant_id, object_id)

    def authority(self, tenant_id: str) -> str:
        return f"{self._host}/{tenant_id}"

    def client(
        self, tenant_id: str, cache: msal.TokenCache | None = None
    ) -> msal.ConfidentialClientApplication:
        try:
            with self._lock:
                return msal.ConfidentialClientApplication(
                    self.client_id,
                    client_credential=self._secret,
                    authority=self.authority(tenant_id),
                    instance_discovery=False,
                    token_cache=cache,
                    http_client=self._session,
                    http_cache=self._http_cache,
                )
        except (ValueError, requests.RequestException) as exc:
            log.warning("authority unavailable for tenant %s: %s", tenant_id, exc.__class__.__name__)
            raise SignInUnavailable() from exc

    def graph_token_on_behalf_of(
        self, tenant_id: str, object_id: str, assertion: str, scopes: list[str]
    ) -> str:
        """A Graph token for exactly these scopes, from the person's cache or by OBO."""
        cache = msal.SerializableTokenCache()
        stored = self._store.load(tenant_id, object_id)
        if stored:
            cache.deserialize(stored)
        app = self.client(tenant_id, cache)
        wanted = graph_scopes(self.graph_url, scopes)
        try:
            # MSAL's on-behalf-of always asks the authority; the person's own cache answers first
            # (a cached token, or one refreshed with the person's refresh token for a new scope).
            accounts = app.get_accounts()
            result = app.acquire_token_silent(wanted, account=accounts[0]) if accounts else None
            if not result or "access_token" not in result:
                result = app.acquire_token_on_behalf_of(assertion, wanted)
        except (ValueError, requests.RequestException, msal.exceptions.MsalServiceError) as exc:
            raise SignInUnavailable() from exc
        if cache.has_state_changed:
            self._store.save(tenant_id, object_id, cache.serialize())
        return access_token_or_raise(result)

    def graph_token_for_app(self, tenant_id: str) -> str:
        """An app-only Graph token for this tenant (client credentials, `.default`: the application
        permissions an administrator granted), for work done with no person present (the background
        jobs). One client per tenant keeps MSAL's in-memory cache of app tokens across calls."""
        with self._lock:
            app = self._app_clients.get(tenant_id)
        if app is None:
            app = self.client(tenant_id)
            with self._lock:
                app = self._app_clients.setdefault(tenant_id, app)
        try:
            result = app.acquire_token_for_client([f"{self.graph_url}/.default"])
        except (ValueError, requests.RequestException, msal.exceptions.MsalServiceError) as exc:
            raise SignInUnavailable() from exc
        return access_token_or_raise(result)


def access_token_or_raise(result: dict[str, Any]) -> str:
    if "access_token" in result:
        return result["access_token"]
    error = result.get("error", "")
    suberror = result.get("suberror", "")
    codes = set(result.get("error_codes") or [])
    # The description may name the person or the tenant: log the codes only.
    log.info("token request refused: %s %s %s", error, suberror, sorted(codes))
    if error in {"consent_required", "interaction_required"} or (
        error == "invalid_grant" and (suberror in CONSENT_SUBERRORS or codes & CONSENT_CODES)
    ):
        raise ConsentRequired()
    if error in {"invalid_grant"}:
        raise ConsentRequired()
    raise SignInUnavailable()
