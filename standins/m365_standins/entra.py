"""A local stand-in for the Microsoft identity platform (Entra ID), v2.0 endpoints, over real TLS.

It serves what MSAL Python and this app use, shaped as Microsoft documents it:

- `GET /{tenant}/v2.0/.well-known/openid-configuration` (tenant: GUID, verified domain,
  `common` or `organizations`; the tenant-independent issuer is the template
  `{url}/{tenantid}/v2.0`);
- `GET /{tenant}/discovery/v2.0/keys` (and the v1 `/{tenant}/discovery/keys`): the JWKS;
- `GET|POST /{tenant}/oauth2/v2.0/authorize`: the authorization code flow with PKCE. Nobody is
  there to click, so the person named by `login_hint` (or else `directory.next_sign_in`) signs in and
  accepts the consent prompt, unless the directory says that person refuses;
- `POST /{tenant}/oauth2/v2.0/token`: `authorization_code`, `refresh_token`, `client_credentials`
  and the on-behalf-of `jwt-bearer` grant, with client secrets in the body or HTTP Basic;
- `GET /{tenant}/oauth2/v2.0/logout`.

Errors have Microsoft's shape: `error`, `error_description` (starting `AADSTSnnnn:` and ending with
the trace id, correlation id and timestamp), `error_codes`, `timestamp`, `trace_id`,
`correlation_id`, `error_uri`, and where Microsoft sends them `suberror` and `claims`. Unknown request
parameters (MSAL's `client_info`, `x-client-*` headers, `claims`, ...) are accepted and ignored.

Tokens are RS256 JWTs signed with the stand-in's keys (published in the JWKS). Microsoft Graph access
tokens are v1.0 tokens (`iss` `https://sts.windows.net/{tid}/`) as Graph gets them from Entra.
Refresh tokens and authorization codes are opaque and kept in memory.

The request log holds method, path, endpoint, status, the grant type and the NAMES of the parameters;
never their values, so no secret, code, assertion or token ends up in it."""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import re
import secrets
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import unquote, unquote_plus, urlencode, urlsplit

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from .directory import (
    ADMIN_CONSENT_SCOPES,
    GRAPH_APP_ID,
    OIDC_SCOPES,
    ClientApp,
    Directory,
    User,
    canonical_scope,
)
from .tls import HTTPSService, LocalCA, Request, Response

DEFAULT_GRAPH = "https://graph.microsoft.com"
V1_ISSUER_HOST = "https://sts.windows.net"
JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
GRANT_TYPES = ("authorization_code", "refresh_token", "client_credentials", JWT_BEARER)
TEAMS_DESKTOP_CLIENT_ID = "1fec8e78-bce4-4aaf-ab1b-5451cc387264"  # Teams desktop/mobile: the SSO `azp`
CODE_LIFETIME = 600  # seconds; Microsoft: "typically, they expire after about 10 minutes"
ACCESS_TOKEN_LIFETIME = 3600
REFRESH_TOKEN_LIFETIME = 90 * 24 * 3600
CLOCK_SKEW = 300  # seconds of tolerance on assertion times (the usual five minutes)
_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _pairwise(object_id: str, audience: str) -> str:
    """Entra's `sub` is pairwise: the same person has a different subject for every application."""
    return _b64url(hashlib.sha256(f"{object_id}|{audience}".encode()).digest())[:43]


class SigningKey:
    """An RSA key with a self-signed certificate, published as Entra publishes its keys (kid = x5t)."""

    def __init__(self) -> None:
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "accounts.accesscontrol.windows.net")])
        now = datetime.now(UTC)
        certificate = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(self.private.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=365))
            .sign(self.private, hashes.SHA256())
        )
        der = certificate.public_bytes(serialization.Encoding.DER)
        self.x5t = _b64url(hashlib.sha1(der).digest())
        self.kid = self.x5t
        self._x5c = base64.b64encode(der).decode("ascii")

    @property
    def public(self):
        return self.private.public_key()

    def jwk(self, issuer: str | None = None) -> dict:
        numbers = self.public.public_numbers()
        key = {
            "kty": "RSA",
            "use": "sig",
            "kid": self.kid,
            "x5t": self.x5t,
            "n": _b64url(numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")),
            "e": _b64url(numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big")),
            "x5c": [self._x5c],
        }
        if issuer:
            key["issuer"] = issuer
        return key


class EntraError(Exception):
    """An error answer of the identity platform (raised inside the handlers, rendered by `_error`)."""

    def __init__(
        self,
        status: int,
        error: str,
        code: int,
        description: str,
        *,
        suberror: str | None = None,
        claims: str | None = None,
        subcode: str | None = None,
    ) -> None:
        super().__init__(f"AADSTS{code}: {description}")
        self.status, self.error, self.code, self.description = status, error, code, description
        self.suberror, self.claims, self.subcode = suberror, claims, subcode


def _missing(name: str) -> EntraError:
    return EntraError(
        400, "invalid_request", 900144, f"The request body must contain the following parameter: '{name}'."
    )


def _invalid(name: str) -> EntraError:
    return EntraError(400, "invalid_request", 90100, f"{name} parameter is empty or not valid.")


@dataclass(frozen=True)
class _ScopeRequest:
    oidc: frozenset[str]  # openid, profile, email, offline_access as requested
    resource: str | None  # the resource identifier as the client wrote it (None: only OIDC scopes)
    permissions: tuple[str, ...]  # Graph permission names in Microsoft's spelling
    default: bool = False  # `{resource}/.default`: everything already consented


@dataclass
class _Code:
    client_id: str
    redirect_uri: str
    tenant_id: str
    object_id: str
    scopes: _ScopeRequest
    challenge: str | None
    challenge_method: str | None
    nonce: str | None
    amr: tuple[str, ...]
    expires: float


@dataclass
class _RefreshGrant:
    client_id: str
    tenant_id: str
    object_id: str
    amr: tuple[str, ...]
    expires: float
    issued: float = field(default_factory=time.time)


class EntraStandin(HTTPSService):
    def __init__(
        self,
        directory: Directory,
        ca: LocalCA,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        graph_url: str = DEFAULT_GRAPH,
        v1_issuer_host: str = V1_ISSUER_HOST,
    ) -> None:
        super().__init__(ca, host, port)
        self.directory = directory
        self.graph_url = graph_url.rstrip("/")
        self.v1_issuer_host = v1_issuer_host.rstrip("/")
        self._lock = threading.RLock()
        self._keys: list[SigningKey] = [SigningKey()]
        self._graph_resources: set[str] = {self.graph_url.lower(), DEFAULT_GRAPH, GRAPH_APP_ID}
        self._codes: dict[str, _Code] = {}
        self._redeemed: set[str] = set()
        self._refresh: dict[str, _RefreshGrant] = {}
        self._log: list[dict] = []
        self._counts: Counter[str] = Counter()
        self._failures: list[tuple[int, str | None]] = []

    # -- keys ----------------------------------------------------------------------------------

    @property
    def signing_key(self) -> SigningKey:
        with self._lock:
            return self._keys[-1]

    def rotate_keys(self, *, keep_old: bool = True) -> str:
        """Publish a new key and sign with it from now on; old keys stay published unless dropped."""
        key = SigningKey()
        with self._lock:
            self._keys = [*self._keys, key] if keep_old else [key]
        return key.kid

    def drop_key(self, kid: str) -> None:
        with self._lock:
            remaining = [k for k in self._keys if k.kid != kid]
            if not remaining:
                raise ValueError("the stand-in needs at least one signing key")
            self._keys = remaining

    def verification_key(self, kid: str):
        """The public key published under `kid`, or None (for the Graph stand-in's checks)."""
        with self._lock:
            for key in self._keys:
                if key.kid == kid:
                    return key.public
        return None

    def jwks(self, tenant_id: str | None = None) -> dict:
        issuer = f"{self.url}/{tenant_id or '{tenantid}'}/v2.0"
        with self._lock:
            return {"keys": [key.jwk(issuer) for key in self._keys]}

    # -- issuers and resources -----------------------------------------------------------------

    def issuer(self, tenant_id: str) -> str:
        return f"{self.url}/{tenant_id}/v2.0"

    def v1_issuer(self, tenant_id: str) -> str:
        return f"{self.v1_issuer_host}/{tenant_id}/"

    def add_graph_resource(self, identifier: str) -> None:
        """Accept another identifier (e.g. the Graph stand-in's own URL) as naming Microsoft Graph."""
        with self._lock:
            self._graph_resources.add(identifier.rstrip("/").lower())

    @property
    def graph_audiences(self) -> frozenset[str]:
        with self._lock:
            return frozenset(self._graph_resources)

    def _is_graph(self, resource: str) -> bool:
        return resource.rstrip("/").lower() in self.graph_audiences

    def _api_app(self, resource: str | None) -> ClientApp | None:
        """The app registration whose own API (`api://…` app id URI) a scope names, if any."""
        if not resource or not resource.lower().startswith("api://"):
            return None
        return self.directory.client_by_app_id_uri(resource)

    # -- observation and fault injection -------------------------------------------------------

    @property
    def log(self) -> list[dict]:
        with self._lock:
            return [dict(entry) for entry in self._log]

    @property
    def counts(self) -> Counter[str]:
        """Requests per endpoint (`discovery`, `keys`, `authorize`, `token`, `logout`) and per grant type."""
        with self._lock:
            return Counter(self._counts)

    def reset_log(self) -> None:
        with self._lock:
            self._log.clear()
            self._counts.clear()

    def fail_next(self, n: int = 1, status: int = 503, endpoint: str | None = None) -> None:
        """The next `n` requests (to `endpoint` only, when given) fail with `status`."""
        with self._lock:
            self._failures.extend([(status, endpoint)] * n)

    def _take_failure(self, endpoint: str) -> int | None:
        with self._lock:
            for index, (status, only) in enumerate(self._failures):
                if only is None or only == endpoint:
                    del self._failures[index]
                    return status
        return None

    # -- test helpers: tokens as Entra would issue them ----------------------------------------

    def mint_sso_token(
        self,
        tenant: str,
        oid: str,
        *,
        client_id: str,
        app_id_uri: str | None = None,
        scopes: str = "access_as_user",
        lifetime: int = 3600,
        version: str = "2.0",
        key: SigningKey | None = None,
        **claims: Any,
    ) -> str:
        """A Teams SSO token for the app's API, as Entra issues it to the Teams client.

        v2.0: `aud` is the client id and `iss` `{url}/{tid}/v2.0`; v1.0: `aud` is the app id URI and
        `iss` `https://sts.windows.net/{tid}/`. Keyword claims override or add (None removes one)."""
        tenant, oid = tenant.lower(), oid.lower()
        user = self.directory.user(tenant, oid)
        app = self.directory.client(client_id)
        now = int(time.time())
        common: dict[str, Any] = {
            "iat": now,
            "nbf": now,
            "exp": now + lifetime,
            "tid": tenant,
            "oid": oid,
            "sub": _pairwise(oid, client_id),
            "name": user.display_name if user else None,
            "scp": scopes,
            "uti": _b64url(secrets.token_bytes(16)),
        }
        if version == "2.0":
            token_claims = {
                "aud": client_id,
                "iss": self.issuer(tenant),
                **common,
                "azp": TEAMS_DESKTOP_CLIENT_ID,
                "azpacr": "0",
                "preferred_username": user.user_principal_name if user else None,
                "ver": "2.0",
            }
        else:
            audience = app_id_uri or (app.app_id_uri if app else None) or f"api://{client_id}"
            token_claims = {
                "aud": audience,
                "iss": self.v1_issuer(tenant),
                **common,
                "acr": "1",
                "amr": ["pwd"],
                "appid": TEAMS_DESKTOP_CLIENT_ID,
                "appidacr": "0",
                "given_name": user.given_name if user else None,
                "family_name": user.surname if user else None,
                "unique_name": user.user_principal_name if user else None,
                "upn": user.user_principal_name if user else None,
                "ver": "1.0",
            }
        if user and user.app_roles:
            token_claims["roles"] = list(user.app_roles)
        token_claims.update(claims)
        return self._sign(token_claims, key=key, x5t=version != "2.0")

    def mint_graph_token(
        self,
        tenant: str,
        oid: str | None = None,
        *,
        client_id: str,
        scopes: str | None = None,
        roles: list[str] | None = None,
        lifetime: int = ACCESS_TOKEN_LIFETIME,
        audience: str | None = None,
        key: SigningKey | None = None,
        **claims: Any,
    ) -> str:
        """A Microsoft Graph access token without going through a flow (no consent is checked):
        delegated when `oid` is given (`scp` = `scopes`), app-only otherwise (`roles`)."""
        tenant = tenant.lower()
        app = self.directory.client(client_id)
        if oid is None:
            token_claims = self._app_token_claims(
                tenant, client_id, app, list(roles or []), audience, lifetime
            )
        else:
            user = self.directory.user(tenant, oid)
            if user is None:
                raise KeyError(f"no user {oid} in tenant {tenant}")
            token_claims = self._graph_user_claims(
                user, client_id, app, (scopes or "").split(), audience or self.graph_url, ("pwd",), lifetime
            )
        token_claims.update(claims)
        return self._sign(token_claims, key=key, x5t=True)

    def _sign(self, claims: dict, *, key: SigningKey | None = None, x5t: bool = False) -> str:
        key = key or self.signing_key
        headers = {"typ": "JWT", "kid": key.kid}
        if x5t:
            headers["x5t"] = key.x5t
        payload = {name: value for name, value in claims.items() if value is not None}
        return jwt.encode(payload, key.private, algorithm="RS256", headers=headers)

    # -- HTTP ----------------------------------------------------------------------------------

    def handle(self, request: Request) -> Response:
        segments = [unquote(s) for s in request.path.strip("/").split("/")] if request.path != "/" else []
        endpoint, tenant_segment = _route(segments)
        params = request.form() if request.method == "POST" else {}
        names = sorted({*params, *request.query})
        grant_type = params.get("grant_type") if endpoint == "token" else None
        failure = self._take_failure(endpoint) if endpoint else None
        if failure is not None:
            response = self._error(
                request,
                EntraError(
                    failure,
                    "temporarily_unavailable" if failure == 503 else "server_error",
                    90033,
                    "A transient error has occurred. Please try again.",
                ),
            )
        elif endpoint is None:
            response = Response.json(404, {"error": "not_found", "error_description": "Unknown endpoint."})
        else:
            try:
                response = getattr(self, f"_endpoint_{endpoint}")(request, tenant_segment, params)
            except EntraError as exc:
                response = self._page(request, exc) if endpoint == "authorize" else self._error(request, exc)
        if request.headers.get("client-request-id"):
            response.headers.append(("client-request-id", request.headers["client-request-id"]))
        entry = {
            "method": request.method,
            "path": request.path,
            "endpoint": endpoint,
            "status": response.status,
            "grant_type": grant_type,
            "params": names,
        }
        with self._lock:
            self._log.append(entry)
            self._counts[endpoint or "unknown"] += 1
            if grant_type:
                self._counts[grant_type] += 1
        return response

    def internal_error(self, request: Request, exc: Exception) -> Response:
        return self._error(
            request, EntraError(500, "server_error", 90033, f"Internal error ({type(exc).__name__}).")
        )

    def _error(self, request: Request, exc: EntraError) -> Response:
        return Response.json(exc.status, self._error_body(request, exc), [("Cache-Control", "no-store")])

    def _error_body(self, request: Request, exc: EntraError) -> dict:
        now = datetime.now(UTC)
        stamp = now.strftime("%Y-%m-%d %H:%M:%SZ")
        trace_id = str(uuid.uuid4())
        correlation_id = request.headers.get("client-request-id") or str(uuid.uuid4())
        body: dict[str, Any] = {
            "error": exc.error,
            "error_description": (
                f"AADSTS{exc.code}: {exc.description}\r\nTrace ID: {trace_id}\r\n"
                f"Correlation ID: {correlation_id}\r\nTimestamp: {stamp}"
            ),
            "error_codes": [exc.code],
            "timestamp": stamp,
            "trace_id": trace_id,
            "correlation_id": correlation_id,
            "error_uri": f"{self.url}/error?code={exc.code}",
        }
        if exc.suberror:
            body["suberror"] = exc.suberror
        if exc.claims:
            body["claims"] = exc.claims
        return body

    def _page(self, request: Request, exc: EntraError) -> Response:
        """Errors the authorize endpoint cannot send back to the app: Entra shows them as a page.
        A client asking for JSON gets the error body instead."""
        body = self._error_body(request, exc)
        if "application/json" in request.headers.get("accept", ""):
            return Response.json(exc.status, body)
        text = (
            "<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body>"
            "<h1>Sorry, but we're having trouble signing you in.</h1>"
            f"<p>{html.escape(body['error_description'])}"
            "</p></body></html>"
        )
        return Response.text(exc.status, text, "text/html; charset=utf-8")

    # -- tenants -------------------------------------------------------------------------------

    def _tenant(self, segment: str) -> str | None:
        """The tenant id a path segment names, None for `common`/`organizations`; unknown: 400."""
        lowered = segment.lower()
        if lowered in ("common", "organizations"):
            return None
        tenant = self.directory.tenant(lowered)
        if tenant is None and not _GUID.match(lowered):
            tenant = next((t for t in self.directory.tenants() if t.domain.lower() == lowered), None)
        if tenant is None:
            raise EntraError(
                400,
                "invalid_tenant",
                90002,
                f"Tenant '{segment}' not found. Check to make sure you have the correct tenant ID and are "
                "signing into the correct cloud. Check with your subscription administrator, this may happen "
                "if there are no active subscriptions for the tenant.",
            )
        return tenant.id

    # -- discovery and keys --------------------------------------------------------------------

    def _endpoint_discovery(self, request: Request, segment: str, _params) -> Response:
        tenant_id = self._tenant(segment)
        path_tenant = tenant_id or segment.lower()
        base = f"{self.url}/{path_tenant}"
        document = {
            "token_endpoint": f"{base}/oauth2/v2.0/token",
            "token_endpoint_auth_methods_supported": [
                "client_secret_post",
                "private_key_jwt",
                "client_secret_basic",
            ],
            "jwks_uri": f"{base}/discovery/v2.0/keys",
            "response_modes_supported": ["query", "fragment", "form_post"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
            "scopes_supported": ["openid", "profile", "email", "offline_access"],
            "issuer": self.issuer(tenant_id or "{tenantid}"),
            "request_uri_parameter_supported": False,
            "userinfo_endpoint": f"{self.graph_url}/oidc/userinfo",
            "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
            "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
            "http_logout_supported": True,
            "frontchannel_logout_supported": True,
            "end_session_endpoint": f"{base}/oauth2/v2.0/logout",
            "claims_supported": [
                "sub",
                "iss",
                "cloud_instance_name",
                "cloud_instance_host_name",
                "cloud_graph_host_name",
                "msgraph_host",
                "aud",
                "exp",
                "iat",
                "auth_time",
                "acr",
                "nonce",
                "preferred_username",
                "name",
                "tid",
                "ver",
                "at_hash",
                "c_hash",
                "email",
            ],
            "kerberos_endpoint": f"{base}/kerberos",
            "tenant_region_scope": "EU",
            "cloud_instance_name": "microsoftonline.com",
            "cloud_graph_host_name": "graph.windows.net",
            "msgraph_host": urlsplit(self.graph_url).netloc,
            "rbac_url": "https://pas.windows.net",
        }
        return Response.json(200, document, [("Cache-Control", "max-age=86400, private")])

    def _endpoint_keys(self, request: Request, segment: str, _params) -> Response:
        tenant_id = self._tenant(segment)
        keys = self.jwks(tenant_id)
        if request.path.rstrip("/").endswith("/discovery/keys"):  # the v1 document has no issuer
            keys = {"keys": [{k: v for k, v in key.items() if k != "issuer"} for key in keys["keys"]]}
        return Response.json(200, keys, [("Cache-Control", "max-age=86400, private")])

    def _endpoint_logout(self, request: Request, segment: str, _params) -> Response:
        self._tenant(segment)
        target = request.arg("post_logout_redirect_uri")
        if target:
            state = request.arg("state")
            if state:
                target += ("&" if "?" in target else "?") + urlencode({"state": state})
            return Response.redirect(target)
        return Response.text(200, "<html><body>You signed out of your account.</body></html>", "text/html")

    # -- authorize -----------------------------------------------------------------------------

    def _endpoint_authorize(self, request: Request, segment: str, form: dict[str, str]) -> Response:
        q = {name: values[0] for name, values in request.query.items()}
        q.update(form)
        path_tenant = self._tenant(segment)
        client_id = q.get("client_id")
        if not client_id:
            raise _missing("client_id")
        app = self._client(client_id, path_tenant or segment)
        redirect_uri = q.get("redirect_uri")
        if not redirect_uri:
            if len(app.redirect_uris) != 1:
                raise _missing("redirect_uri")
            redirect_uri = app.redirect_uris[0]
        if redirect_uri not in app.redirect_uris:
            raise EntraError(
                400,
                "invalid_request",
                50011,
                f"The redirect URI '{redirect_uri}' specified in the request does not match the redirect "
                "URIs "
                f"configured for the application '{app.client_id}'. Make sure the redirect URI sent in the "
                "request matches one added to your application in the Azure portal. Navigate to "
                "https://aka.ms/redirectUriMismatchError to learn more about how to fix this.",
            )
        mode = q.get("response_mode") or "query"
        if mode not in ("query", "fragment", "form_post"):
            raise _invalid("response_mode")
        state = q.get("state")

        def reply(params: dict[str, str]) -> Response:
            if state is not None:
                params["state"] = state
            return _deliver(redirect_uri, mode, params)

        try:
            user, code = self._sign_in(q, app, path_tenant, redirect_uri)
        except EntraError as exc:
            body = self._error_body(request, exc)
            params = {"error": exc.error, "error_description": body["error_description"]}
            if exc.subcode:
                params["error_subcode"] = exc.subcode
            return reply(params)
        params = {"code": code, "session_state": str(uuid.uuid4())}
        if q.get("client_info") == "1":
            params["client_info"] = _client_info(user)
        return reply(params)

    def _sign_in(
        self, q: dict[str, str], app: ClientApp, path_tenant: str | None, redirect_uri: str
    ) -> tuple[User, str]:
        response_type = q.get("response_type")
        if not response_type:
            raise _missing("response_type")
        types = set(response_type.split())
        if "token" in types or "id_token" in types:
            raise EntraError(
                400,
                "unsupported_response_type",
                700054,
                f"response_type '{response_type}' is not enabled for the application.",
            )
        if types != {"code"}:
            raise EntraError(400, "unsupported_response_type", 90100, "response_type parameter is not valid.")
        if not q.get("scope"):
            raise _missing("scope")
        scopes = self._parse_scopes(q["scope"], for_authorize=True)
        challenge = q.get("code_challenge")
        method = q.get("code_challenge_method")
        if method and not challenge:
            raise _missing("code_challenge")
        if challenge:
            method = method or "plain"
            if method not in ("S256", "plain"):
                raise _invalid("code_challenge_method")
            if not 43 <= len(challenge) <= 128:
                raise EntraError(400, "invalid_request", 501491, "Invalid size of Code_Challenge parameter.")
        prompt = q.get("prompt")
        if prompt not in (None, "login", "none", "consent", "select_account"):
            raise _invalid("prompt")

        user = self._who_signs_in(q.get("login_hint"), path_tenant, silent=prompt == "none")
        wanted = set(scopes.permissions)
        missing = wanted - set(self.directory.granted(user.tenant_id, user.object_id, app.client_id))
        if prompt == "none":
            if missing:
                raise EntraError(
                    400,
                    "consent_required",
                    65001,
                    _consent_text(app),
                )
        elif missing or prompt == "consent":
            if user.refuses_consent:
                raise EntraError(
                    400,
                    "access_denied",
                    65004,
                    "User declined to consent to access the app.",
                    subcode="cancel",
                )
            if (missing & ADMIN_CONSENT_SCOPES) and not user.is_admin:
                raise EntraError(
                    400,
                    "access_denied",
                    90094,
                    "The grant requires admin permission. An administrator must consent to "
                    f"{', '.join(sorted(missing & ADMIN_CONSENT_SCOPES))} for this application.",
                )
            self.directory.grant(user.tenant_id, user.object_id, app.client_id, wanted)

        code = _b64url(secrets.token_bytes(48))
        grant = _Code(
            client_id=app.client_id,
            redirect_uri=redirect_uri,
            tenant_id=user.tenant_id,
            object_id=user.object_id,
            scopes=scopes,
            challenge=challenge,
            challenge_method=method if challenge else None,
            nonce=q.get("nonce"),
            amr=("pwd", "mfa") if user.mfa_required else ("pwd",),
            expires=time.time() + CODE_LIFETIME,
        )
        with self._lock:
            self._codes[code] = grant
        return user, code

    def _who_signs_in(self, hint: str | None, path_tenant: str | None, *, silent: bool) -> User:
        if hint:
            user = self.directory.find_user(hint)
            if user is None:
                raise EntraError(
                    400,
                    "invalid_request",
                    50034,
                    f"The user account {hint} does not exist in the "
                    f"{path_tenant or 'organizations'} directory. To sign into this application, the account "
                    "must be added to the directory.",
                )
        else:
            user = self.directory.next_sign_in
            if user is None:
                raise EntraError(
                    400,
                    "login_required",
                    50058,
                    "A silent sign-in request was sent but no user is signed in."
                    if silent
                    else "No user is signed in (set Directory.next_sign_in or send login_hint).",
                )
        if path_tenant and user.tenant_id != path_tenant:
            raise EntraError(
                400,
                "invalid_request",
                50020,
                f"User account '{user.user_principal_name}' from identity provider does not exist in tenant "
                f"'{path_tenant}' and cannot access the application in that tenant.",
            )
        return user

    # -- token ---------------------------------------------------------------------------------

    def _endpoint_token(self, request: Request, segment: str, form: dict[str, str]) -> Response:
        if request.method != "POST":
            raise EntraError(
                400,
                "invalid_request",
                900561,
                f"The endpoint only accepts POST, OPTIONS requests. Received a {request.method} request.",
            )
        path_tenant = self._tenant(segment)
        grant_type = form.get("grant_type")
        if not grant_type:
            raise _missing("grant_type")
        basic_id, basic_secret = _basic_credentials(request.headers.get("authorization"))
        client_id = basic_id or form.get("client_id")
        if not client_id:
            raise _missing("client_id")
        if basic_id and form.get("client_id") and form["client_id"].lower() != basic_id.lower():
            raise _invalid("client_id")
        app = self._client(client_id, path_tenant or segment)
        if grant_type not in GRANT_TYPES:
            raise EntraError(
                400,
                "unsupported_grant_type",
                70003,
                f"The app requested an unsupported grant type '{grant_type}'.",
            )
        self._authenticate(app, basic_secret if basic_id else form.get("client_secret"), form)
        handler = {
            "authorization_code": self._grant_code,
            "refresh_token": self._grant_refresh,
            "client_credentials": self._grant_client,
            JWT_BEARER: self._grant_obo,
        }[grant_type]
        return handler(request, app, path_tenant, form)

    def _client(self, client_id: str, tenant_label: str) -> ClientApp:
        app = self.directory.client(client_id)
        if app is None:
            raise EntraError(
                400,
                "unauthorized_client",
                700016,
                f"Application with identifier '{client_id}' was not found in the directory '{tenant_label}'. "
                "This can happen if the application has not been installed by the administrator of the "
                "tenant or consented to by any user in the tenant. You may have sent your authentication "
                "request to the wrong tenant.",
            )
        return app

    @staticmethod
    def _authenticate(app: ClientApp, secret: str | None, form: dict[str, str]) -> None:
        if not app.is_confidential:
            if secret is not None or form.get("client_assertion"):
                raise EntraError(
                    401,
                    "invalid_client",
                    700025,
                    "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
                )
            return
        if form.get("client_assertion"):
            raise EntraError(401, "invalid_client", 700027, "Client assertion failed signature validation.")
        if secret is None:
            raise _secret_required()
        if not hmac.compare_digest(secret.encode(), (app.secret or "").encode()):
            raise EntraError(
                401,
                "invalid_client",
                7000215,
                "Invalid client secret provided. Ensure the secret being sent in the request is the client "
                f"secret value, not the client secret ID, for a secret added to app '{app.client_id}'.",
            )

    def _grant_code(self, request: Request, app: ClientApp, path_tenant, form: dict[str, str]) -> Response:
        code = form.get("code")
        if not code:
            raise _missing("code")
        redirect_uri = form.get("redirect_uri")
        if not redirect_uri:
            raise _missing("redirect_uri")
        fingerprint = hashlib.sha256(code.encode()).hexdigest()
        with self._lock:
            grant = self._codes.pop(code, None)  # single use: the first attempt consumes it
            already = fingerprint in self._redeemed
            self._redeemed.add(fingerprint)
        if grant is None:
            if already:
                raise EntraError(
                    400,
                    "invalid_grant",
                    54005,
                    "OAuth2 Authorization code was already redeemed, please retry with a new valid code "
                    "or use an existing refresh token.",
                )
            raise EntraError(
                400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid."
            )
        if time.time() > grant.expires:
            raise EntraError(
                400,
                "invalid_grant",
                70008,
                "The provided authorization code or refresh token has expired due to inactivity. Send a new "
                "interactive authorization request for this user and resource.",
            )
        if grant.client_id != app.client_id:
            raise EntraError(
                400,
                "invalid_grant",
                70000,
                "The provided authorization code was issued to a different client.",
            )
        if path_tenant and path_tenant != grant.tenant_id:
            raise EntraError(
                400, "invalid_grant", 70000, "The provided authorization code was issued for another tenant."
            )
        if redirect_uri != grant.redirect_uri:
            raise EntraError(
                400,
                "invalid_grant",
                500112,
                f"The reply address '{redirect_uri}' does not match the reply address '{grant.redirect_uri}' "
                "provided when requesting Authorization code.",
            )
        if grant.challenge and not _pkce_matches(form.get("code_verifier"), grant):
            raise EntraError(
                400,
                "invalid_grant",
                501481,
                "The Code_Verifier does not match the code_challenge supplied in the authorization request.",
            )
        user = self._existing_user(grant.tenant_id, grant.object_id)
        scopes = self._parse_scopes(form["scope"]) if form.get("scope") else grant.scopes
        return self._user_tokens(
            request,
            app,
            user,
            scopes,
            grant.amr,
            nonce=grant.nonce,
            client_info=form.get("client_info") == "1",
        )

    def _grant_refresh(self, request: Request, app: ClientApp, path_tenant, form: dict[str, str]) -> Response:
        token = form.get("refresh_token")
        if not token:
            raise _missing("refresh_token")
        with self._lock:
            grant = self._refresh.get(token)
        if grant is None:
            raise EntraError(
                400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid."
            )
        if time.time() > grant.expires:
            issued = datetime.fromtimestamp(grant.issued, UTC).isoformat()
            raise EntraError(
                400,
                "invalid_grant",
                700082,
                f"The refresh token has expired due to inactivity. The token was issued on {issued}.",
            )
        if grant.client_id != app.client_id:
            raise EntraError(
                400, "invalid_grant", 70000, "The refresh token was issued to a different client."
            )
        if path_tenant and path_tenant != grant.tenant_id:
            raise EntraError(400, "invalid_grant", 70000, "The refresh token was issued for another tenant.")
        user = self._existing_user(grant.tenant_id, grant.object_id)
        scopes = self._parse_scopes(form["scope"]) if form.get("scope") else None
        if scopes is None:
            scopes = _ScopeRequest(frozenset({"openid", "profile", "offline_access"}), None, (), default=True)
        return self._user_tokens(
            request, app, user, scopes, grant.amr, client_info=form.get("client_info") == "1"
        )

    def _grant_client(self, request: Request, app: ClientApp, path_tenant, form: dict[str, str]) -> Response:
        if not app.is_confidential:
            raise _secret_required()
        if path_tenant is None:
            raise EntraError(
                400,
                "invalid_request",
                50059,
                "No tenant-identifying information found in either the request or implied by any provided "
                "credentials.",
            )
        raw = form.get("scope")
        if not raw:
            raise _missing("scope")
        parts = raw.split()
        if len(parts) != 1 or not parts[0].endswith("/.default"):
            raise EntraError(
                400,
                "invalid_scope",
                1002012,
                f"The provided value for scope {raw} is not valid. Client credential flows must have a scope "
                "value with /.default suffixed to the resource identifier (application ID URI).",
            )
        resource = parts[0][: -len("/.default")]
        if not self._is_graph(resource):
            raise _unknown_resource(resource, path_tenant)
        roles = sorted(self.directory.app_roles(path_tenant, app.client_id))
        now = int(time.time())
        claims = self._app_token_claims(
            path_tenant, app.client_id, app, roles, resource, ACCESS_TOKEN_LIFETIME
        )
        token = self._sign(claims, x5t=True)
        return _token_response(
            {
                "token_type": "Bearer",
                "expires_in": claims["exp"] - now - 1,
                "ext_expires_in": claims["exp"] - now - 1,
                "access_token": token,
            }
        )

    def _grant_obo(self, request: Request, app: ClientApp, path_tenant, form: dict[str, str]) -> Response:
        if not app.is_confidential:
            raise _secret_required()
        use = form.get("requested_token_use")
        if not use:
            raise _missing("requested_token_use")
        if use != "on_behalf_of":
            raise _invalid("requested_token_use")
        assertion = form.get("assertion")
        if not assertion:
            raise _missing("assertion")
        if not form.get("scope"):
            raise _missing("scope")
        claims = self._verify_assertion(assertion, app)
        tenant_id = str(claims["tid"]).lower()
        if path_tenant and path_tenant != tenant_id:
            raise EntraError(
                400,
                "invalid_grant",
                50013,
                "Assertion failed validation. [Reason - The issuer tenant is not this tenant.]",
            )
        user = self._existing_user(tenant_id, str(claims["oid"]))
        scopes = self._parse_scopes(form["scope"])
        if scopes.resource is None:
            raise EntraError(
                400,
                "invalid_scope",
                70011,
                "The provided value for the input parameter 'scope' is not valid. The on-behalf-of flow "
                "needs a scope of a resource (for example https://graph.microsoft.com/User.Read).",
            )
        amr = tuple(claims.get("amr") or ("pwd",))
        return self._user_tokens(request, app, user, scopes, amr, client_info=form.get("client_info") == "1")

    def _verify_assertion(self, assertion: str, app: ClientApp) -> dict:
        try:
            header = jwt.get_unverified_header(assertion)
        except jwt.PyJWTError:
            raise EntraError(400, "invalid_request", 50027, "JWT token is invalid or malformed.") from None
        if header.get("alg") != "RS256":
            raise EntraError(400, "invalid_request", 50027, "JWT token is invalid or malformed.")
        key = self.verification_key(str(header.get("kid")))
        if key is None:
            raise EntraError(
                400,
                "invalid_grant",
                50013,
                "Assertion failed signature validation. [Reason - The key was not found., Thumbprint of key "
                f"used by client: '{header.get('kid')}']",
            )
        try:
            claims = jwt.decode(
                assertion,
                key,
                algorithms=["RS256"],
                options={"verify_aud": False, "verify_exp": False, "verify_nbf": False, "verify_iat": False},
            )
        except jwt.InvalidSignatureError:
            raise EntraError(
                400,
                "invalid_grant",
                50013,
                "Assertion failed signature validation. [Reason - The provided signature value did not match "
                "the expected signature value.]",
            ) from None
        except jwt.PyJWTError:
            raise EntraError(400, "invalid_request", 50027, "JWT token is invalid or malformed.") from None
        now = time.time()
        exp, nbf = claims.get("exp"), claims.get("nbf", claims.get("iat"))
        if (
            not isinstance(exp, int | float)
            or now > exp + CLOCK_SKEW
            or (isinstance(nbf, int | float) and nbf > now + CLOCK_SKEW)
        ):
            stamp = datetime.fromtimestamp(now, UTC).strftime("%m/%d/%Y %H:%M:%S")
            expiry = datetime.fromtimestamp(exp, UTC).strftime("%m/%d/%Y %H:%M:%S") if exp else "none"
            raise EntraError(
                400,
                "invalid_grant",
                500133,
                "Assertion is not within its valid time range. Ensure that the access token is not expired "
                "before using it for user assertion, or request a new token. Current time: "
                f"{stamp}, expiry time of assertion {expiry}.",
            )
        audience = claims.get("aud")
        allowed = {app.client_id.lower(), (app.app_id_uri or "").lower()} - {""}
        if not isinstance(audience, str) or audience.lower() not in allowed:
            raise EntraError(
                400,
                "invalid_grant",
                500131,
                f"Assertion audience does not match the Client app presenting the assertion. The audience in "
                f"the assertion was '{audience}' and the expected audience is '{app.client_id}' or one of "
                f"the Application Ids of '{app.client_id}'.",
            )
        tenant_id = str(claims.get("tid", "")).lower()
        if not tenant_id or claims.get("iss") not in (self.issuer(tenant_id), self.v1_issuer(tenant_id)):
            raise EntraError(
                400,
                "invalid_grant",
                50013,
                "Assertion failed validation. [Reason - The issuer is not trusted.]",
            )
        if not claims.get("oid") or not claims.get("scp") or claims.get("idtyp") == "app":
            raise EntraError(
                400,
                "invalid_grant",
                50013,
                "Assertion failed validation. [Reason - The assertion is not a user token; the on-behalf-of "
                "flow works only for user principals.]",
            )
        return claims

    def _existing_user(self, tenant_id: str, object_id: str) -> User:
        user = self.directory.user(tenant_id, object_id)
        if user is None:
            raise EntraError(
                400,
                "invalid_grant",
                50034,
                f"The user account {object_id} does not exist in the {tenant_id} directory. To sign into "
                "this application, the account must be added to the directory.",
            )
        return user

    # -- scopes and issuance -------------------------------------------------------------------

    def _parse_scopes(self, raw: str, *, for_authorize: bool = False) -> _ScopeRequest:
        oidc: set[str] = set()
        resources: set[str] = set()
        shown_resource: str | None = None
        permissions: list[str] = []
        default = False
        for item in raw.split():
            if item.lower() in OIDC_SCOPES:
                oidc.add(item.lower())
                continue
            if "/" in item:
                resource, _, name = item.rpartition("/")
            else:
                resource, name = self.graph_url, item
            api = self._api_app(resource) if resource else None
            if not resource or not (api or self._is_graph(resource)):
                raise _unknown_resource(resource or item, "the directory")
            resources.add(resource.rstrip("/").lower())
            shown_resource = shown_resource or resource.rstrip("/")
            if name == ".default":
                default = True
                continue
            if api is not None:  # a scope the app registration exposes itself, e.g. access_as_user
                if name not in permissions:
                    permissions.append(name)
                continue
            canonical = canonical_scope(name)
            if canonical is None:
                raise EntraError(
                    400,
                    "invalid_scope",
                    70011,
                    "The provided value for the input parameter 'scope' is not valid. "
                    f"The scope '{item}' does not exist.",
                )
            if canonical not in permissions:
                permissions.append(canonical)
        if len(resources) > 1 and not for_authorize:
            raise EntraError(
                400,
                "invalid_scope",
                28000,
                "Provided value for the input parameter scope is not valid because it contains more than one "
                "resource. Scope "
                f"{raw} is not valid.",
            )
        if default and permissions:
            raise EntraError(
                400,
                "invalid_scope",
                70011,
                "The provided value for the input parameter 'scope' is not valid. "
                f"The scope {raw} is not valid. "
                "static scope limit exceeded.",
            )
        return _ScopeRequest(frozenset(oidc), shown_resource, tuple(permissions), default)

    def _user_tokens(
        self,
        request: Request,
        app: ClientApp,
        user: User,
        scopes: _ScopeRequest,
        amr: tuple[str, ...],
        *,
        nonce: str | None = None,
        client_info: bool = False,
    ) -> Response:
        api = self._api_app(scopes.resource)
        if api is not None:
            return self._api_tokens(app, api, user, scopes, nonce=nonce, client_info=client_info)
        granted = self.directory.granted(user.tenant_id, user.object_id, app.client_id)
        if scopes.default:
            permissions = sorted(granted)
            if not permissions and scopes.resource is not None:
                raise _consent_required(app)
        else:
            permissions = list(scopes.permissions)
            if set(permissions) - set(granted):
                raise _consent_required(app)
        if user.mfa_required and "mfa" not in amr:
            challenge = json.dumps(
                {
                    "access_token": {
                        "capolids": {
                            "essential": True,
                            "values": [str(uuid.uuid5(uuid.NAMESPACE_URL, "mfa"))],
                        }
                    }
                },
                separators=(",", ":"),
            )
            raise EntraError(
                400,
                "interaction_required",
                50076,
                "Due to a configuration change made by your administrator, or because you moved to a new "
                f"location, you must use multi-factor authentication to access '{GRAPH_APP_ID}'.",
                claims=challenge,
            )
        resource = scopes.resource or self.graph_url
        now = int(time.time())
        claims = self._graph_user_claims(
            user, app.client_id, app, permissions, resource, amr, ACCESS_TOKEN_LIFETIME
        )
        shown = [f"{resource}/{p}" for p in permissions] + sorted(scopes.oidc - {"offline_access"})
        body: dict[str, Any] = {
            "token_type": "Bearer",
            "scope": " ".join(shown),
            "expires_in": claims["exp"] - now - 1,
            "ext_expires_in": claims["exp"] - now - 1,
            "access_token": self._sign(claims, x5t=True),
        }
        if "offline_access" in scopes.oidc:
            refresh = _b64url(secrets.token_bytes(64))
            with self._lock:
                self._refresh[refresh] = _RefreshGrant(
                    app.client_id, user.tenant_id, user.object_id, amr, time.time() + REFRESH_TOKEN_LIFETIME
                )
            body["refresh_token"] = refresh
        if "openid" in scopes.oidc:
            body["id_token"] = self._id_token(app, user, scopes, nonce)
        if client_info:
            body["client_info"] = _client_info(user)
        return _token_response(body)

    def _api_tokens(
        self,
        app: ClientApp,
        api: ClientApp,
        user: User,
        scopes: _ScopeRequest,
        *,
        nonce: str | None,
        client_info: bool,
    ) -> Response:
        """Tokens for an app's own API (a v2 access token, as with accessTokenAcceptedVersion 2).
        An app signing a person in to its own API needs no further consent."""
        names = " ".join(scopes.permissions) or "access_as_user"
        access = self.mint_sso_token(
            user.tenant_id, user.object_id, client_id=api.client_id, scopes=names, azp=app.client_id
        )
        claims = jwt.decode(access, options={"verify_signature": False})
        now = int(time.time())
        body: dict[str, Any] = {
            "token_type": "Bearer",
            "scope": " ".join(f"{scopes.resource}/{n}" for n in names.split()),
            "expires_in": claims["exp"] - now - 1,
            "ext_expires_in": claims["exp"] - now - 1,
            "access_token": access,
        }
        if "offline_access" in scopes.oidc:
            refresh = _b64url(secrets.token_bytes(64))
            with self._lock:
                self._refresh[refresh] = _RefreshGrant(
                    app.client_id,
                    user.tenant_id,
                    user.object_id,
                    ("pwd",),
                    time.time() + REFRESH_TOKEN_LIFETIME,
                )
            body["refresh_token"] = refresh
        if "openid" in scopes.oidc:
            body["id_token"] = self._id_token(app, user, scopes, nonce)
        if client_info:
            body["client_info"] = _client_info(user)
        return _token_response(body)

    def _id_token(self, app: ClientApp, user: User, scopes: _ScopeRequest, nonce: str | None) -> str:
        now = int(time.time())
        claims = {
            "aud": app.client_id,
            "iss": self.issuer(user.tenant_id),
            "iat": now,
            "nbf": now,
            "exp": now + ACCESS_TOKEN_LIFETIME,
            "name": user.display_name if "profile" in scopes.oidc else None,
            "nonce": nonce,
            "oid": user.object_id,
            "preferred_username": user.user_principal_name if "profile" in scopes.oidc else None,
            "email": user.mail if "email" in scopes.oidc else None,
            "sub": _pairwise(user.object_id, app.client_id),
            "tid": user.tenant_id,
            "uti": _b64url(secrets.token_bytes(16)),
            "ver": "2.0",
        }
        return self._sign(claims)

    def _graph_user_claims(
        self,
        user: User,
        client_id: str,
        app: ClientApp | None,
        permissions: list[str],
        resource: str,
        amr: tuple[str, ...],
        lifetime: int,
    ) -> dict:
        now = int(time.time())
        return {
            "aud": resource,
            "iss": self.v1_issuer(user.tenant_id),
            "iat": now,
            "nbf": now,
            "exp": now + lifetime,
            "acct": 0,
            "acr": "1",
            "amr": list(amr),
            "app_displayname": app.display_name if app else None,
            "appid": client_id,
            "appidacr": "1",
            "family_name": user.surname,
            "given_name": user.given_name,
            "idtyp": "user",
            "name": user.display_name,
            "oid": user.object_id,
            "scp": " ".join(permissions),
            "sub": _pairwise(user.object_id, GRAPH_APP_ID),
            "tid": user.tenant_id,
            "unique_name": user.user_principal_name,
            "upn": user.user_principal_name,
            "uti": _b64url(secrets.token_bytes(16)),
            "ver": "1.0",
        }

    def _app_token_claims(
        self, tenant_id: str, client_id: str, app: ClientApp | None, roles: list[str], resource, lifetime: int
    ) -> dict:
        now = int(time.time())
        principal = str(uuid.uuid5(uuid.NAMESPACE_URL, f"serviceprincipal/{tenant_id}/{client_id.lower()}"))
        return {
            "aud": resource or self.graph_url,
            "iss": self.v1_issuer(tenant_id),
            "iat": now,
            "nbf": now,
            "exp": now + lifetime,
            "app_displayname": app.display_name if app else None,
            "appid": client_id.lower(),
            "appidacr": "1",
            "idp": self.v1_issuer(tenant_id),
            "idtyp": "app",
            "oid": principal,
            "roles": roles or None,
            "sub": principal,
            "tid": tenant_id,
            "uti": _b64url(secrets.token_bytes(16)),
            "ver": "1.0",
        }


# -- module helpers ------------------------------------------------------------------------------


def _route(segments: list[str]) -> tuple[str | None, str]:
    """(endpoint name, tenant segment) for a path, endpoint None when unknown."""
    if len(segments) == 4 and segments[1:] == ["v2.0", ".well-known", "openid-configuration"]:
        return "discovery", segments[0]
    if len(segments) == 4 and segments[1:3] == ["discovery", "v2.0"] and segments[3] == "keys":
        return "keys", segments[0]
    if len(segments) == 3 and segments[1:] == ["discovery", "keys"]:
        return "keys", segments[0]
    if (
        len(segments) == 4
        and segments[1:3] == ["oauth2", "v2.0"]
        and segments[3] in ("authorize", "token", "logout")
    ):
        return segments[3], segments[0]
    return None, ""


def _basic_credentials(header: str | None) -> tuple[str | None, str | None]:
    """Client id and secret from HTTP Basic (each form-urlencoded first, per RFC 6749 section 2.3.1)."""
    if not header or not header.lower().startswith("basic "):
        return None, None
    try:
        decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
    except ValueError:
        return None, None
    client_id, sep, secret = decoded.partition(":")
    if not sep:
        return None, None
    return unquote_plus(client_id), unquote_plus(secret)


def _pkce_matches(verifier: str | None, grant: _Code) -> bool:
    if not verifier or grant.challenge is None:
        return False
    if grant.challenge_method == "S256":
        expected = _b64url(hashlib.sha256(verifier.encode("ascii", "replace")).digest())
    else:
        expected = verifier
    return hmac.compare_digest(expected.encode(), grant.challenge.encode())


def _client_info(user: User) -> str:
    return _b64url(
        json.dumps({"uid": user.object_id, "utid": user.tenant_id}, separators=(",", ":")).encode()
    )


def _secret_required() -> EntraError:
    return EntraError(
        401,
        "invalid_client",
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    )


def _consent_text(app: ClientApp) -> str:
    return (
        f"The user or administrator has not consented to use the application with ID '{app.client_id}' named "
        f"'{app.display_name}'. Send an interactive authorization request for this user and resource."
    )


def _consent_required(app: ClientApp) -> EntraError:
    return EntraError(400, "invalid_grant", 65001, _consent_text(app), suberror="consent_required")


def _unknown_resource(resource: str, tenant_label: str) -> EntraError:
    return EntraError(
        400,
        "invalid_resource",
        500011,
        f"The resource principal named {resource} was not found in the tenant named {tenant_label}. This can "
        "happen if the application has not been installed by the administrator of the tenant or consented to "
        "by any user in the tenant. You might have sent your authentication request to the wrong tenant.",
    )


def _token_response(body: dict) -> Response:
    return Response.json(200, body, [("Cache-Control", "no-store, no-cache"), ("Pragma", "no-cache")])


def _deliver(redirect_uri: str, mode: str, params: dict[str, str]) -> Response:
    if mode == "form_post":
        fields = "".join(
            f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}"/>'
            for k, v in params.items()
        )
        page = (
            '<html><head><title>Working...</title></head><body onload="document.forms[0].submit()">'
            f'<form method="POST" action="{html.escape(redirect_uri)}">{fields}'
            "<noscript><p>Script is disabled. Click Submit to continue.</p>"
            '<input type="submit" value="Submit"/></noscript></form></body></html>'
        )
        return Response.text(200, page, "text/html; charset=utf-8")
    if mode == "fragment":
        return Response.redirect(f"{redirect_uri.split('#')[0]}#{urlencode(params)}")
    separator = "&" if "?" in redirect_uri else "?"
    return Response.redirect(f"{redirect_uri}{separator}{urlencode(params)}")
