"""Chooses where signing keys come from: the authority's JWKS, or the demo identity provider."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from .adapters.demo_idp import DemoIdentityProvider
from .adapters.tokens import JwksKeySource, TokenValidator
from .config import Settings


def init_app(app: Flask) -> None:
    settings: Settings = app.extensions["mus.settings"]
    if settings.demo:
        key_path = Path(settings.instance_path) / "demo-signing-key.pem" if settings.instance_path else None
        demo = DemoIdentityProvider(
            client_id=settings.client_id, authority_host=settings.authority_host, key_path=key_path
        )
        app.extensions["mus.demo_idp"] = demo
        keys = demo.key_source
    else:
        keys = JwksKeySource(
            f"{settings.authority_host}/common/discovery/v2.0/keys", ca_bundle=settings.ca_bundle
        )
    app.extensions["mus.tokens"] = TokenValidator(
        keys,
        client_id=settings.client_id,
        app_domain=settings.app_domain,
        allows_tenant=settings.allows_tenant,
        authority_host=settings.authority_host,
        v1_issuer_host=settings.v1_issuer_host,
        leeway_seconds=settings.token_leeway_seconds,
    )
