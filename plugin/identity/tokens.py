"""Validation of Teams single sign-on tokens (Entra ID access tokens for this app's API).

The checks: RS256 only, signature against the authority's JWKS (cached, refreshed once on an unknown
key id), issuer built from the token's own `tid` (v2 `{authority}/{tid}/v2.0` or v1
`https://sts.windows.net/{tid}/`), audience the client id or `api://<domain>/<client id>`,
`scp` containing `access_as_user`, an allowed tenant, expiry and not-before with a small leeway.
Demo mode uses the same validator; only the key source differs."""

from __future__ import annotations

import hashlib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import jwt

from ..domain.errors import Unauthorized

REQUIRED_SCOPE = "access_as_user"


class KeySource(Protocol):
    def key_for(self, kid: str) -> Any: ...


class JwksKeySource:
    """Keys from `{authority}/common/discovery/v2.0/keys`, cached, refetched on an unknown kid."""

    def __init__(self, url: str, *, ca_bundle: str | None = None, cooldown_seconds: float = 30) -> None:
        context = ssl.create_default_context(cafile=ca_bundle) if ca_bundle else None
        self._client = jwt.PyJWKClient(
            url,
            cache_keys=False,  # keys removed from the set must stop working at the next refresh
            lifespan=24 * 3600,
            timeout=10,
            ssl_context=context,
            cooldown_duration=cooldown_seconds,
        )

    def key_for(self, kid: str) -> Any:
        try:
            return self._client.get_signing_key(kid).key
        except (jwt.PyJWKClientError, jwt.PyJWKSetError) as exc:
            raise Unauthorized("token_invalid") from exc


class StaticKeySource:
    """Keys held in memory (the demo identity provider's)."""

    def __init__(self, keys: dict[str, Any]) -> None:
        self._keys = keys

    def key_for(self, kid: str) -> Any:
        try:
            return self._keys[kid]
        except KeyError:
            raise Unauthorized("token_invalid") from None


@dataclass(frozen=True)
class Identity:
    tenant_id: str
    object_id: str
    name: str
    email: str
    roles: tuple[str, ...]
    locale: str | None = None


class TokenValidator:
    def __init__(
        self,
        keys: KeySource,
        *,
        client_id: str,
        app_domain: str,
        allows_tenant,
        authority_host: str,
        v1_issuer_host: str = "https://sts.windows.net",
        leeway_seconds: int = 60,
        remember_seconds: float = 300,
        remember_size: int = 10_000,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._keys = keys
        self._audiences = [client_id, f"api://{app_domain}/{client_id}"]
        self._allows_tenant = allows_tenant
        self._authority = authority_host.rstrip("/")
        self._v1 = v1_issuer_host.rstrip("/")
        self._leeway = leeway_seconds
        # Tokens that passed every check, by their SHA-256, with until when they may be taken as
        # checked: their expiry (with the same leeway), at most `remember_seconds` from the check.
        self._checked: dict[bytes, tuple[Identity, float]] = {}
        self._remember, self._remember_size, self._clock = remember_seconds, remember_size, clock

    def issuers_for(self, tenant_id: str) -> set[str]:
        return {f"{self._authority}/{tenant_id}/v2.0", f"{self._v1}/{tenant_id}/"}

    def validate(self, token: str) -> Identity:
        """The token's person, after every check; a token that passed them lately is recognised by
        its hash until it expires (the tenant is asked again: a tenant removed from the allowed list
        is refused at once)."""
        digest = hashlib.sha256(token.encode()).digest()
        now = self._clock()
        checked = self._checked.get(digest)
        if checked is not None and now < checked[1] and self._allows_tenant(checked[0].tenant_id):
            return checked[0]
        expires, identity = self._check(token)
        if len(self._checked) >= self._remember_size:
            self._checked.clear()  # full: forget all at once (each is checked again once)
        self._checked[digest] = (identity, min(expires + self._leeway, now + self._remember))
        return identity

    def _check(self, token: str) -> tuple[float, Identity]:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise Unauthorized("token_invalid") from exc
        if header.get("alg") != "RS256" or not header.get("kid"):
            raise Unauthorized("token_invalid")
        key = self._keys.key_for(str(header["kid"]))
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                audience=self._audiences,
                leeway=self._leeway,
                options={
                    "require": ["exp", "iat", "iss", "aud", "tid", "oid"],
                    "verify_iss": False,
                },
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthorized("token_expired") from exc
        except jwt.ImmatureSignatureError as exc:
            raise Unauthorized("token_invalid") from exc
        except jwt.InvalidAudienceError as exc:
            raise Unauthorized("token_audience") from exc
        except jwt.PyJWTError as exc:
            raise Unauthorized("token_invalid") from exc
        tenant_id = str(claims["tid"]).lower()
        # Multi-tenant: the issuer is built from the token's own tenant; only then is that tenant
        # checked against the allowed list.
        if claims["iss"] not in self.issuers_for(tenant_id):
            raise Unauthorized("token_issuer")
        if not self._allows_tenant(tenant_id):
            raise Unauthorized("tenant_not_allowed")
        if REQUIRED_SCOPE not in str(claims.get("scp", "")).split():
            raise Unauthorized("scope_missing")
        roles = claims.get("roles") or []
        return float(claims["exp"]), Identity(
            tenant_id=tenant_id,
            object_id=str(claims["oid"]).lower(),
            name=str(claims.get("name") or ""),
            email=str(claims.get("preferred_username") or claims.get("upn") or claims.get("email") or ""),
            roles=tuple(str(r) for r in roles) if isinstance(roles, list) else (),
        )
