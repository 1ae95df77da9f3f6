"""Identity: the SSO token validator, MSAL (on-behalf-of and sign-in), per-person token caches, and
a Microsoft Graph client for the acting person. The hosts of Entra ID and Graph come from the
settings (in demo mode, the local stand-ins that `plugin.demo` started)."""

from __future__ import annotations

import requests
from flask import Flask
from sqlalchemy.orm import Session

from ..config import Settings
from ..domain.actor import Actor
from ..storage.db import db
from .graph import Graph, GraphUnavailable, HttpGraph
from .msal_obo import MsalClients, SignInUnavailable
from .token_cache import DatabaseTokenCacheStore, RedisTokenCacheStore, fernet_from_secret
from .tokens import JwksKeySource, TokenValidator


def init_app(app: Flask) -> None:
    settings: Settings = app.extensions["mus.settings"]
    app.extensions["mus.tokens"] = TokenValidator(
        JwksKeySource(f"{settings.authority_host}/common/discovery/v2.0/keys", ca_bundle=settings.ca_bundle),
        client_id=settings.client_id,
        app_domain=settings.app_domain,
        allows_tenant=settings.allows_tenant,
        authority_host=settings.authority_host,
        v1_issuer_host=settings.v1_issuer_host,
        leeway_seconds=settings.token_leeway_seconds,
    )
    session = outgoing_session(settings)
    fernet = fernet_from_secret(settings.secret_key)
    if settings.redis_url:
        import redis

        store = RedisTokenCacheStore(
            # Short timeouts: an unreachable Redis is a cache miss quickly, not a hung request.
            redis.Redis.from_url(settings.redis_url, socket_connect_timeout=2, socket_timeout=2),
            fernet,
            prefix=settings.redis_prefix,
        )
    else:
        store = DatabaseTokenCacheStore(lambda: Session(db.engine), fernet)
    app.extensions["mus.msal"] = MsalClients(
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        authority_host=settings.authority_host,
        graph_url=settings.graph_url,
        cache_store=store,
        session=session,
    )
    app.extensions["mus.graph_session"] = session
    app.extensions["mus.graph_factory"] = _http_graph
    app.extensions["mus.app_graph_factory"] = _app_http_graph


def _http_graph(app: Flask, actor: Actor, assertion: str) -> Graph:
    msal_clients: MsalClients = app.extensions["mus.msal"]

    def token_for(scopes: list[str]) -> str:
        return msal_clients.graph_token_on_behalf_of(actor.tenant_id, actor.object_id, assertion, scopes)

    settings: Settings = app.extensions["mus.settings"]
    return HttpGraph(settings.graph_url, token_for, session=app.extensions["mus.graph_session"])


def _app_http_graph(app: Flask, tenant_id: str) -> Graph:
    msal_clients: MsalClients = app.extensions["mus.msal"]

    def token_for(_scopes: list[str]) -> str:  # app-only tokens carry every granted permission
        try:
            return msal_clients.graph_token_for_app(tenant_id)
        except SignInUnavailable as exc:  # for a job, no token is Graph being unavailable
            raise GraphUnavailable() from exc

    settings: Settings = app.extensions["mus.settings"]
    return HttpGraph(settings.graph_url, token_for, session=app.extensions["mus.graph_session"])


class _ConfiguredSession(requests.Session):
    """requests lets REQUESTS_CA_BUNDLE from the process environment override a session's own
    `verify`; the app's configured bundle must win (proxy settings still come from the environment)."""

    def merge_environment_settings(self, url, proxies, stream, verify, cert):
        merged = super().merge_environment_settings(url, proxies, stream, verify, cert)
        if verify is None and self.verify is not True:
            merged["verify"] = self.verify
        return merged


def outgoing_session(settings: Settings) -> requests.Session:
    """One session for outgoing HTTPS; the CA bundle comes from settings (REQUESTS_CA_BUNDLE)."""
    session = _ConfiguredSession()
    if settings.ca_bundle:
        session.verify = settings.ca_bundle
    return session


def graph_for(app: Flask, actor: Actor, assertion: str) -> Graph:
    """Microsoft Graph acting for this person: tokens by on-behalf-of from their own SSO token.
    (`mus.graph_factory` is the seam where a test suite without Microsoft 365 puts its directory.)"""
    return app.extensions["mus.graph_factory"](app, actor, assertion)


def app_graph_for(app: Flask, tenant_id: str) -> Graph:
    """Microsoft Graph acting as the app itself in this tenant (application permissions granted by an
    administrator: Calendars.ReadWrite, TeamsActivity.Send, Mail.Send, User.Read.All), for background
    jobs. Calls name the person they act on (`owner=`/the user id); a missing grant is `GraphDenied`,
    no token or no Graph is `GraphUnavailable`. (`mus.app_graph_factory` is the test seam.)"""
    return app.extensions["mus.app_graph_factory"](app, tenant_id)
