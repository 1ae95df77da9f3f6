"""The Entra ID and Microsoft Graph stand-ins, driven by the real MSAL and `requests` over real TLS.

REQUESTS_CA_BUNDLE points at the stand-ins' test CA; MSAL makes its own calls through its own
`requests.Session`, so every call here crosses a real TLS connection. Note on MSAL: it remembers an
identical failed (HTTP 400) token request for 60 seconds per application object, so a retry after
the user consents uses a fresh SSO token (as the Teams client would)."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from types import SimpleNamespace
from urllib.parse import quote_plus

import jwt
import msal
import pytest
import requests
from m365_standins import Directory, EntraStandin, GraphStandin, LocalCA, SigningKey

TENANT = "d7c5b0a1-2f3e-4a5b-8c6d-0e1f2a3b4c5d"
OTHER_TENANT = "e8d6c1b2-3a4f-4b6c-9d7e-1f2a3b4c5d6e"
CLIENT_ID = "3f1b6c2e-9a7d-4e21-b8c4-1d2e3f4a5b6c"
APP_ID_URI = f"api://mus.test.example/{CLIENT_ID}"
SECRET = "s3cr+t/with=odd&chars~"  # characters that HTTP Basic must form-encode (RFC 6749 2.3.1)
REDIRECT = "https://mus.test.example/auth/callback"
GRAPH = "https://graph.microsoft.com"
USER_READ = [f"{GRAPH}/User.Read"]


@pytest.fixture(scope="session")
def ms(tmp_path_factory):
    ca = LocalCA(tmp_path_factory.mktemp("standins"))
    directory = Directory()
    directory.add_tenant(TENANT, "Testkommunen", "testkommune.example")
    directory.add_tenant(OTHER_TENANT, "Andenkommune", "andenkommune.example")
    directory.register_client(
        CLIENT_ID, secret=SECRET, display_name="MUS", app_id_uri=APP_ID_URI, redirect_uris=[REDIRECT]
    )
    entra = EntraStandin(directory, ca).start()
    graph = GraphStandin(directory, ca, entra).start()
    yield SimpleNamespace(ca=ca, directory=directory, entra=entra, graph=graph)
    graph.close()
    entra.close()


@pytest.fixture(autouse=True)
def trust_test_ca(ms, monkeypatch):
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", ms.ca.ca_file)


@pytest.fixture
def person(ms):
    """A fresh person in the test tenant for each call, so consent never leaks between tests."""

    def make(name: str = "Karen Holm", tenant: str = TENANT, **attributes):
        oid = str(uuid.uuid4())
        first, _, last = name.partition(" ")
        upn = f"{first.lower()}.{oid[:8]}@testkommune.example"
        return ms.directory.add_user(tenant, oid, name, upn, given_name=first, surname=last, **attributes)

    return make


def app(ms, secret: str = SECRET, tenant: str = TENANT) -> msal.ConfidentialClientApplication:
    return msal.ConfidentialClientApplication(
        CLIENT_ID, client_credential=secret, authority=f"{ms.entra.url}/{tenant}", instance_discovery=False
    )


def claims_of(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def assert_entra_error(body: dict, error: str, code: int) -> None:
    assert body["error"] == error, body
    assert body["error_codes"] == [code]
    assert body["error_description"].startswith(f"AADSTS{code}: ")
    assert "Trace ID: " in body["error_description"]
    for key in ("timestamp", "trace_id", "correlation_id"):
        assert body[key]
    datetime.strptime(body["timestamp"], "%Y-%m-%d %H:%M:%SZ")


def assert_graph_error(response: requests.Response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"]
    assert {"date", "request-id", "client-request-id"} <= set(error["innerError"])
    assert response.headers["request-id"] == error["innerError"]["request-id"]
    return error


def graph_get(ms, path: str, token: str | None, **params) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.get(f"{ms.graph.url}/v1.0{path}", headers=headers, params=params, timeout=10)


def obo_token(ms, user, scopes: str) -> str:
    """Consent to `scopes` for the person, then exchange a fresh Teams SSO token on their behalf."""
    ms.directory.grant(TENANT, user.object_id, CLIENT_ID, scopes)
    sso = ms.entra.mint_sso_token(TENANT, user.object_id, client_id=CLIENT_ID)
    result = app(ms).acquire_token_on_behalf_of(sso, [f"{GRAPH}/{s}" for s in scopes.split()])
    assert "access_token" in result, result
    return result["access_token"]


class _FormFields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.action = None
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "form":
            self.action = values.get("action")
        if tag == "input" and values.get("type") == "hidden":
            self.fields[values["name"]] = values.get("value") or ""


def authorize(ms, flow: dict) -> dict:
    """Follow MSAL's authorize URL like the browser would and read the form_post answer."""
    response = requests.get(flow["auth_uri"], allow_redirects=False, timeout=10)
    assert response.status_code == 200, response.text
    parser = _FormFields()
    parser.feed(response.text)
    assert parser.action == REDIRECT
    return parser.fields


def start_flow(ms, client, scopes, **kwargs) -> dict:
    return client.initiate_auth_code_flow(scopes, redirect_uri=REDIRECT, response_mode="form_post", **kwargs)


# -- discovery and keys ----------------------------------------------------------------------------


def test_discovery_document_for_a_tenant_and_for_common(ms):
    tenant_doc = requests.get(f"{ms.entra.url}/{TENANT}/v2.0/.well-known/openid-configuration", timeout=10)
    assert tenant_doc.status_code == 200
    doc = tenant_doc.json()
    assert doc["issuer"] == f"{ms.entra.url}/{TENANT}/v2.0"
    assert doc["authorization_endpoint"] == f"{ms.entra.url}/{TENANT}/oauth2/v2.0/authorize"
    assert doc["token_endpoint"] == f"{ms.entra.url}/{TENANT}/oauth2/v2.0/token"
    assert doc["jwks_uri"] == f"{ms.entra.url}/{TENANT}/discovery/v2.0/keys"
    assert doc["end_session_endpoint"] == f"{ms.entra.url}/{TENANT}/oauth2/v2.0/logout"
    assert "code" in doc["response_types_supported"]
    assert doc["subject_types_supported"] == ["pairwise"]
    assert doc["id_token_signing_alg_values_supported"] == ["RS256"]
    assert {"openid", "profile", "email", "offline_access"} <= set(doc["scopes_supported"])
    assert {"sub", "iss", "aud", "tid", "nonce"} <= set(doc["claims_supported"])
    by_domain = requests.get(f"{ms.entra.url}/testkommune.example/v2.0/.well-known/openid-configuration")
    assert by_domain.json()["issuer"] == doc["issuer"]
    for alias in ("common", "organizations"):
        common = requests.get(
            f"{ms.entra.url}/{alias}/v2.0/.well-known/openid-configuration", timeout=10
        ).json()
        assert common["issuer"] == f"{ms.entra.url}/{{tenantid}}/v2.0"
        assert common["token_endpoint"] == f"{ms.entra.url}/{alias}/oauth2/v2.0/token"


def test_unknown_tenant_is_a_400_with_the_entra_error_shape(ms):
    unknown = str(uuid.uuid4())
    response = requests.get(f"{ms.entra.url}/{unknown}/v2.0/.well-known/openid-configuration", timeout=10)
    assert response.status_code == 400
    assert_entra_error(response.json(), "invalid_tenant", 90002)
    with pytest.raises(ValueError, match="Unable to get authority configuration"):
        app(ms, tenant=unknown)


def test_jwks_publishes_rotated_keys_and_verifies_tokens(ms):
    keys = requests.get(f"{ms.entra.url}/common/discovery/v2.0/keys", timeout=10).json()["keys"]
    assert keys and {"kid", "kty", "use", "n", "e", "x5t"} <= set(keys[0])
    assert keys[0]["kty"] == "RSA" and keys[0]["use"] == "sig"
    old_kid = ms.entra.signing_key.kid
    new_kid = ms.entra.rotate_keys()
    tenant_keys = requests.get(f"{ms.entra.url}/{TENANT}/discovery/v2.0/keys", timeout=10).json()["keys"]
    assert {old_kid, new_kid} <= {k["kid"] for k in tenant_keys}
    token = ms.entra.mint_sso_token(TENANT, str(uuid.uuid4()), client_id=CLIENT_ID)
    assert jwt.get_unverified_header(token)["kid"] == new_kid
    client = jwt.PyJWKClient(f"{ms.entra.url}/common/discovery/v2.0/keys", ssl_context=ms.ca.client_context())
    key = client.get_signing_key_from_jwt(token)
    assert jwt.decode(token, key.key, algorithms=["RS256"], audience=CLIENT_ID)["ver"] == "2.0"


def test_sso_tokens_look_like_entra_v2_and_v1(ms, person):
    user = person("Lars Berg")
    v2 = claims_of(ms.entra.mint_sso_token(TENANT, user.object_id, client_id=CLIENT_ID))
    assert v2["aud"] == CLIENT_ID and v2["iss"] == f"{ms.entra.url}/{TENANT}/v2.0"
    assert v2["scp"] == "access_as_user" and v2["preferred_username"] == user.user_principal_name
    assert v2["tid"] == TENANT and v2["oid"] == user.object_id and v2["exp"] - v2["iat"] == 3600
    v1 = claims_of(ms.entra.mint_sso_token(TENANT, user.object_id, client_id=CLIENT_ID, version="1.0"))
    assert v1["aud"] == APP_ID_URI and v1["iss"] == f"https://sts.windows.net/{TENANT}/"
    assert v1["ver"] == "1.0" and v1["upn"] == user.user_principal_name


# -- on-behalf-of --------------------------------------------------------------------------------


def test_obo_answers_consent_required_until_the_user_consents(ms, person):
    user = person("Mette Lund")
    client = app(ms)
    first = client.acquire_token_on_behalf_of(
        ms.entra.mint_sso_token(TENANT, user.object_id, client_id=CLIENT_ID), USER_READ
    )
    assert_entra_error(first, "invalid_grant", 65001)
    assert first["suberror"] == "consent_required"
    assert CLIENT_ID in first["error_description"]

    ms.directory.grant(TENANT, user.object_id, CLIENT_ID, "User.Read")
    result = client.acquire_token_on_behalf_of(
        ms.entra.mint_sso_token(TENANT, user.object_id, client_id=CLIENT_ID), USER_READ
    )
    assert result["token_type"] == "Bearer" and result["expires_in"] > 3000
    assert f"{GRAPH}/User.Read" in result["scope"].split()
    assert result["refresh_token"]
    token = claims_of(result["access_token"])
    assert token["aud"] == GRAPH
    assert token["iss"] == f"https://sts.windows.net/{TENANT}/"
    assert token["scp"] == "User.Read"
    assert (token["tid"], token["oid"], token["appid"]) == (TENANT, user.object_id, CLIENT_ID)
    assert token["upn"] == user.user_principal_name and token["ver"] == "1.0"
    assert 3500 <= token["exp"] - token["iat"] <= 3600

    ms.directory.revoke(TENANT, user.object_id, CLIENT_ID)
    again = app(ms).acquire_token_on_behalf_of(
        ms.entra.mint_sso_token(TENANT, user.object_id, client_id=CLIENT_ID), USER_READ
    )
    assert again["suberror"] == "consent_required"


def test_obo_accepts_a_v1_sso_token_and_admin_consent(ms, person):
    user = person("Ole Dam")
    ms.directory.grant_admin_consent(OTHER_TENANT, CLIENT_ID, "User.Read")  # another tenant: no effect
    sso = ms.entra.mint_sso_token(TENANT, user.object_id, client_id=CLIENT_ID, version="1.0")
    assert app(ms).acquire_token_on_behalf_of(sso, USER_READ)["suberror"] == "consent_required"
    ms.directory.grant_admin_consent(TENANT, CLIENT_ID, "User.Read")
    try:
        fresh = ms.entra.mint_sso_token(TENANT, user.object_id, client_id=CLIENT_ID, version="1.0")
        assert "access_token" in app(ms).acquire_token_on_behalf_of(fresh, USER_READ)
    finally:
        ms.directory.revoke_admin_consent(TENANT, CLIENT_ID)


def test_obo_asks_for_interaction_when_mfa_is_required(ms, person):
    user = person("Pia Skov", mfa_required=True)
    ms.directory.grant(TENANT, user.object_id, CLIENT_ID, "User.Read")
    result = app(ms).acquire_token_on_behalf_of(
        ms.entra.mint_sso_token(TENANT, user.object_id, client_id=CLIENT_ID), USER_READ
    )
    assert_entra_error(result, "interaction_required", 50076)
    assert "capolids" in json.loads(result["claims"])["access_token"]
    with_mfa = ms.entra.mint_sso_token(TENANT, user.object_id, client_id=CLIENT_ID, amr=["pwd", "mfa"])
    assert "access_token" in app(ms).acquire_token_on_behalf_of(with_mfa, USER_READ)


@pytest.mark.parametrize(
    ("mint", "error", "code"),
    [
        ({"lifetime": -3600}, "invalid_grant", 500133),
        ({"aud": "api://some-other-app"}, "invalid_grant", 500131),
        ({"key": "foreign"}, "invalid_grant", 50013),
        ({"iss": "https://evil.example/tenant/v2.0"}, "invalid_grant", 50013),
    ],
    ids=["expired", "other-audience", "unpublished-key", "foreign-issuer"],
)
def test_obo_rejects_bad_assertions(ms, person, mint, error, code):
    user = person()
    ms.directory.grant(TENANT, user.object_id, CLIENT_ID, "User.Read")
    if mint.get("key") == "foreign":
        mint = {**mint, "key": SigningKey()}
    sso = ms.entra.mint_sso_token(TENANT, user.object_id, client_id=CLIENT_ID, **mint)
    assert_entra_error(app(ms).acquire_token_on_behalf_of(sso, USER_READ), error, code)


def test_obo_rejects_unknown_scopes_and_several_resources(ms, person):
    user = person()
    sso = ms.entra.mint_sso_token(TENANT, user.object_id, client_id=CLIENT_ID)
    assert_entra_error(
        app(ms).acquire_token_on_behalf_of(sso, [f"{GRAPH}/Nonsense.Read"]), "invalid_scope", 70011
    )
    assert_entra_error(
        app(ms).acquire_token_on_behalf_of(sso, ["https://management.azure.com/user_impersonation"]),
        "invalid_resource",
        500011,
    )


# -- authorization code with PKCE ----------------------------------------------------------------


def test_auth_code_flow_with_pkce_through_msal(ms, person):
    user = person("Sofie Dahl")
    client = app(ms)
    flow = start_flow(ms, client, USER_READ, login_hint=user.user_principal_name)
    fields = authorize(ms, flow)
    assert set(fields) >= {"code", "state", "session_state", "client_info"}
    assert fields["state"] == flow["state"]
    assert ms.directory.granted(TENANT, user.object_id, CLIENT_ID) == {"User.Read"}  # accepted at the prompt

    result = client.acquire_token_by_auth_code_flow(flow, fields)
    assert "access_token" in result, result
    id_claims = result["id_token_claims"]
    assert id_claims["nonce"] == hashlib.sha256(flow["nonce"].encode()).hexdigest()  # what MSAL sent
    assert id_claims["aud"] == CLIENT_ID and id_claims["iss"] == f"{ms.entra.url}/{TENANT}/v2.0"
    assert (id_claims["oid"], id_claims["tid"]) == (user.object_id, TENANT)
    assert id_claims["preferred_username"] == user.user_principal_name and id_claims["ver"] == "2.0"
    client_info = json.loads(base64.urlsafe_b64decode(result["client_info"] + "=="))
    assert client_info == {"uid": user.object_id, "utid": TENANT}
    account = client.get_accounts()[0]
    assert account["home_account_id"] == f"{user.object_id}.{TENANT}"
    me = graph_get(ms, "/me", result["access_token"])
    assert me.status_code == 200 and me.json()["id"] == user.object_id

    refreshes = ms.entra.counts["refresh_token"]
    silent = client.acquire_token_silent(USER_READ, account=account, force_refresh=True)
    assert "access_token" in silent and ms.entra.counts["refresh_token"] == refreshes + 1

    replay = app(ms).acquire_token_by_auth_code_flow(flow, fields)
    assert_entra_error(replay, "invalid_grant", 54005)  # codes are single-use


def test_a_forged_state_is_rejected_by_msal(ms, person):
    user = person()
    client = app(ms)
    flow = start_flow(ms, client, USER_READ, login_hint=user.object_id)
    fields = authorize(ms, flow)
    with pytest.raises(ValueError, match="state mismatch"):
        client.acquire_token_by_auth_code_flow(flow, {**fields, "state": "forged-state"})


def test_a_wrong_code_verifier_is_rejected_by_entra(ms, person):
    user = person()
    client = app(ms)
    flow = start_flow(ms, client, USER_READ, login_hint=user.user_principal_name)
    fields = authorize(ms, flow)
    result = client.acquire_token_by_auth_code_flow({**flow, "code_verifier": "x" * 64}, fields)
    assert_entra_error(result, "invalid_grant", 501481)


def test_authorize_refuses_an_unregistered_redirect_uri(ms, person):
    user = person()
    params = {
        "client_id": CLIENT_ID,
        "response_type": "code",
        "redirect_uri": "https://attacker.example/cb",
        "scope": "openid User.Read",
        "login_hint": user.user_principal_name,
    }
    url = f"{ms.entra.url}/{TENANT}/oauth2/v2.0/authorize"
    page = requests.get(url, params=params, allow_redirects=False, timeout=10)
    assert page.status_code == 400 and "AADSTS50011" in page.text and "Location" not in page.headers
    as_json = requests.get(url, params=params, headers={"Accept": "application/json"}, timeout=10)
    assert_entra_error(as_json.json(), "invalid_request", 50011)


def test_authorize_consent_refused_and_silent_consent_required(ms, person):
    user = person("Nina Krog", refuses_consent=True)
    base = {
        "client_id": CLIENT_ID,
        "response_type": "code",
        "redirect_uri": REDIRECT,
        "scope": "openid offline_access https://graph.microsoft.com/Calendars.ReadWrite",
        "state": "abc",
        "login_hint": user.user_principal_name,
    }
    url = f"{ms.entra.url}/{TENANT}/oauth2/v2.0/authorize"
    refused = requests.get(url, params=base, allow_redirects=False, timeout=10)
    assert refused.status_code == 302
    location = requests.utils.urlparse(refused.headers["Location"])
    answer = dict(pair.split("=", 1) for pair in location.query.split("&"))
    assert (
        answer["error"] == "access_denied"
        and answer["error_subcode"] == "cancel"
        and answer["state"] == "abc"
    )
    assert "AADSTS65004" in requests.utils.unquote(answer["error_description"])
    assert ms.directory.granted(TENANT, user.object_id, CLIENT_ID) == frozenset()

    silent = requests.get(url, params={**base, "prompt": "none"}, allow_redirects=False, timeout=10)
    assert "error=consent_required" in silent.headers["Location"]


def test_admin_only_permissions_need_an_admin(ms, person):
    employee, admin = person("Anne Bak"), person("Hans Due", is_admin=True)
    scopes = [f"{GRAPH}/User.Read.All"]
    flow = start_flow(ms, app(ms), scopes, login_hint=employee.user_principal_name)
    assert authorize(ms, flow)["error"] == "access_denied"
    client = app(ms)
    flow = start_flow(ms, client, scopes, login_hint=admin.user_principal_name)
    assert "access_token" in client.acquire_token_by_auth_code_flow(flow, authorize(ms, flow))


def test_next_sign_in_and_logout(ms, person):
    user = person("Ida Juul")
    previous = ms.directory.next_sign_in
    ms.directory.next_sign_in = user
    try:
        client = app(ms)
        flow = start_flow(ms, client, USER_READ)
        result = client.acquire_token_by_auth_code_flow(flow, authorize(ms, flow))
        assert result["id_token_claims"]["oid"] == user.object_id
    finally:
        ms.directory.next_sign_in = previous
    out = requests.get(
        f"{ms.entra.url}/{TENANT}/oauth2/v2.0/logout",
        params={"post_logout_redirect_uri": "https://mus.test.example/bye"},
        allow_redirects=False,
        timeout=10,
    )
    assert out.status_code == 302 and out.headers["Location"] == "https://mus.test.example/bye"


# -- client credentials and client authentication ------------------------------------------------


def test_client_credentials_gives_an_app_only_token_with_roles(ms, person):
    target = person("Jens Holt")
    ms.directory.grant_app_roles(TENANT, CLIENT_ID, ["User.Read.All"])
    result = app(ms).acquire_token_for_client([f"{GRAPH}/.default"])
    assert "access_token" in result and "refresh_token" not in result
    token = claims_of(result["access_token"])
    assert token["roles"] == ["User.Read.All"] and token["idtyp"] == "app" and "scp" not in token
    assert token["appid"] == CLIENT_ID and token["tid"] == TENANT
    user = graph_get(ms, f"/users/{target.user_principal_name}", result["access_token"])
    assert user.status_code == 200 and user.json()["displayName"] == "Jens Holt"
    assert_graph_error(graph_get(ms, "/me", result["access_token"]), 400, "BadRequest")
    scoped = app(ms).acquire_token_for_client([f"{GRAPH}/User.Read"])
    assert_entra_error(scoped, "invalid_scope", 1002012)


def test_wrong_client_secret_is_invalid_client(ms):
    result = app(ms, secret="not-the-secret").acquire_token_for_client([f"{GRAPH}/.default"])
    assert_entra_error(result, "invalid_client", 7000215)
    token_url = f"{ms.entra.url}/{TENANT}/oauth2/v2.0/token"
    form = {"grant_type": "client_credentials", "scope": f"{GRAPH}/.default"}
    basic = requests.post(token_url, data=form, auth=(CLIENT_ID, "wrong"), timeout=10)
    assert basic.status_code == 401 and basic.json()["error_codes"] == [7000215]
    in_body = requests.post(
        token_url, data={**form, "client_id": CLIENT_ID, "client_secret": SECRET}, timeout=10
    )
    assert in_body.status_code == 200 and in_body.json()["token_type"] == "Bearer"
    encoded = (quote_plus(CLIENT_ID), quote_plus(SECRET))  # RFC 6749 2.3.1: form-encode, then Basic
    assert requests.post(token_url, data=form, auth=encoded, timeout=10).status_code == 200
    raw = requests.post(token_url, data=form, auth=(CLIENT_ID, SECRET), timeout=10)  # '+' would mean ' '
    assert raw.status_code == 401


@pytest.mark.parametrize(
    ("form", "status", "error", "code"),
    [
        ({"client_id": CLIENT_ID, "client_secret": SECRET}, 400, "invalid_request", 900144),
        ({"grant_type": "password", "client_id": CLIENT_ID}, 400, "unsupported_grant_type", 70003),
        ({"grant_type": "client_credentials", "client_secret": SECRET}, 400, "invalid_request", 900144),
        ({"grant_type": "client_credentials", "client_id": CLIENT_ID}, 401, "invalid_client", 7000218),
        (
            {"grant_type": "authorization_code", "client_id": CLIENT_ID, "client_secret": SECRET},
            400,
            "invalid_request",
            900144,
        ),
        (
            {"grant_type": "client_credentials", "client_id": str(uuid.uuid4()), "client_secret": "x"},
            400,
            "unauthorized_client",
            700016,
        ),
    ],
    ids=["no-grant-type", "unknown-grant", "no-client-id", "no-secret", "no-code", "unknown-client"],
)
def test_token_endpoint_request_errors(ms, form, status, error, code):
    response = requests.post(f"{ms.entra.url}/{TENANT}/oauth2/v2.0/token", data=form, timeout=10)
    assert response.status_code == status
    assert_entra_error(response.json(), error, code)


def test_entra_outage_reaches_msal_as_an_error(ms):
    ms.entra.fail_next(1, status=503, endpoint="token")
    with pytest.raises(msal.exceptions.MsalServiceError, match="503"):  # MSAL raises on a 5xx
        app(ms).acquire_token_for_client([f"{GRAPH}/.default"])
    failed = [e for e in ms.entra.log if e["endpoint"] == "token" and e["status"] == 503]
    assert failed and failed[-1]["grant_type"] == "client_credentials"
    assert "access_token" in app(ms).acquire_token_for_client([f"{GRAPH}/.default"])


def test_the_request_log_holds_no_secrets(ms, person):
    user = person()
    sso = ms.entra.mint_sso_token(TENANT, user.object_id, client_id=CLIENT_ID)
    access = obo_token(ms, user, "User.Read")
    graph_get(ms, "/me", access)
    logged = json.dumps(ms.entra.log) + json.dumps(ms.graph.log)
    for secret in (SECRET, sso, access, user.user_principal_name):
        assert secret not in logged
    obo = [e for e in ms.entra.log if e["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer"]
    assert obo and "assertion" in obo[-1]["params"]
    assert ms.entra.counts["urn:ietf:params:oauth:grant-type:jwt-bearer"] >= 1


# -- Microsoft Graph -----------------------------------------------------------------------------


def test_graph_me_with_select_and_other_users(ms, person):
    user = person("Maja Friis", job_title="Sagsbehandler", preferred_language="da-DK")
    colleague = person("Kim Vestergaard")
    token = obo_token(ms, user, "User.Read")
    me = graph_get(ms, "/me", token)
    body = me.json()
    assert me.status_code == 200 and body["@odata.context"].endswith("/v1.0/$metadata#users/$entity")
    assert body["displayName"] == "Maja Friis" and body["jobTitle"] == "Sagsbehandler"
    assert body["preferredLanguage"] == "da-DK" and body["userPrincipalName"] == user.user_principal_name
    picked = graph_get(ms, "/me", token, **{"$select": "displayName,preferredLanguage"}).json()
    assert set(picked) == {"@odata.context", "displayName", "preferredLanguage"}
    assert picked["@odata.context"].endswith("$metadata#users(displayName,preferredLanguage)/$entity")
    assert_graph_error(graph_get(ms, "/me", token, **{"$select": "shoeSize"}), 400, "Request_BadRequest")
    assert graph_get(ms, f"/users/{user.object_id}", token).status_code == 200  # oneself needs User.Read
    denied = graph_get(ms, f"/users/{colleague.object_id}", token)
    assert_graph_error(denied, 403, "Authorization_RequestDenied")
    basic = obo_token(ms, user, "User.ReadBasic.All")
    other = graph_get(ms, f"/users/{colleague.user_principal_name}", basic).json()
    assert other["displayName"] == "Kim Vestergaard" and other["jobTitle"] is None


def test_graph_manager_and_missing_manager(ms, person):
    boss = person("Bente Graa")
    worker = person("Emil Hviid", manager_id=boss.object_id)
    token = obo_token(ms, worker, "User.Read User.Read.All")
    manager = graph_get(ms, "/me/manager", token)
    assert manager.status_code == 200
    assert manager.json()["@odata.type"] == "#microsoft.graph.user"
    assert manager.json()["@odata.context"].endswith("$metadata#directoryObjects/$entity")
    assert manager.json()["id"] == boss.object_id
    assert graph_get(ms, f"/users/{worker.user_principal_name}/manager", token).json()["id"] == boss.object_id
    assert_graph_error(
        graph_get(ms, f"/users/{boss.object_id}/manager", token), 404, "Request_ResourceNotFound"
    )
    only_me = obo_token(ms, person(), "User.Read")
    assert_graph_error(graph_get(ms, "/me/manager", only_me), 403, "Authorization_RequestDenied")


def test_graph_direct_reports_are_paged_with_a_skiptoken(ms, person):
    boss = person("Rikke Bonde")
    reports = [person(f"Medarbejder {n}", manager_id=boss.object_id) for n in range(5)]
    token = obo_token(ms, boss, "User.Read.All")
    url = f"{ms.graph.url}/v1.0/me/directReports?$top=2&$select=id,displayName"
    seen, pages = [], 0
    with requests.Session() as session:
        session.headers["Authorization"] = f"Bearer {token}"
        while url:
            page = session.get(url, timeout=10)
            assert page.status_code == 200
            body = page.json()
            assert body["@odata.context"].endswith("$metadata#directoryObjects(id,displayName)")
            assert len(body["value"]) <= 2
            seen += [item["id"] for item in body["value"]]
            url = body.get("@odata.nextLink")
            if url:
                assert "$skiptoken=" in url and "$top=2" in url
            pages += 1
    assert pages == 3 and seen == [r.object_id for r in reports]
    assert_graph_error(graph_get(ms, "/me/directReports", token, **{"$top": "0"}), 400, "Request_BadRequest")
    forged = graph_get(ms, "/me/directReports", token, **{"$skiptoken": "made-up"})
    assert_graph_error(forged, 400, "Request_BadRequest")


def test_graph_throttling_answers_429_with_retry_after(ms, person):
    token = obo_token(ms, person(), "User.Read")
    ms.graph.throttle(2, retry_after_seconds=7)
    for _ in range(2):
        throttled = graph_get(ms, "/me", token)
        error = assert_graph_error(throttled, 429, "TooManyRequests")
        assert throttled.headers["Retry-After"] == "7"
        assert error["innerError"]["status"] == "429"
    assert graph_get(ms, "/me", token).status_code == 200


def test_graph_outage_and_failures(ms, person):
    token = obo_token(ms, person(), "User.Read")
    ms.graph.outage(True)
    try:
        for _ in range(2):
            assert_graph_error(graph_get(ms, "/me", token), 503, "serviceNotAvailable")
    finally:
        ms.graph.outage(False)
    ms.graph.fail(1, status=500)
    assert_graph_error(graph_get(ms, "/me", token), 500, "generalException")
    assert graph_get(ms, "/me", token).status_code == 200
    assert ms.graph.counts[503] >= 2 and ms.graph.counts[500] >= 1


def test_graph_demands_a_valid_graph_token(ms, person):
    user = person()
    missing = graph_get(ms, "/me", None)
    assert_graph_error(missing, 401, "InvalidAuthenticationToken")
    assert missing.headers["WWW-Authenticate"].startswith("Bearer ")
    sso = ms.entra.mint_sso_token(
        TENANT, user.object_id, client_id=CLIENT_ID
    )  # a token for the app, not Graph
    assert (
        "Invalid audience"
        in assert_graph_error(graph_get(ms, "/me", sso), 401, "InvalidAuthenticationToken")["message"]
    )
    expired = ms.entra.mint_graph_token(
        TENANT, user.object_id, client_id=CLIENT_ID, scopes="User.Read", lifetime=-900
    )
    assert (
        "expired"
        in assert_graph_error(graph_get(ms, "/me", expired), 401, "InvalidAuthenticationToken")["message"]
    )
    forged = ms.entra.mint_graph_token(
        TENANT, user.object_id, client_id=CLIENT_ID, scopes="User.Read", key=SigningKey()
    )
    assert_graph_error(graph_get(ms, "/me", forged), 401, "InvalidAuthenticationToken")
    assert_graph_error(graph_get(ms, "/me", "not-a-jwt"), 401, "InvalidAuthenticationToken")


def test_graph_online_meeting_by_join_url_and_its_transcript(ms, person):
    organizer, attendee, outsider = person("Tove Lind"), person("Ulla Krag"), person("Vagn Mose")
    meeting = ms.directory.add_meeting(
        TENANT, organizer.object_id, "MUS: Ulla", attendee_ids=[attendee.object_id]
    )
    vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n<v Tove Lind>Velkommen.</v>\n"
    transcript = ms.directory.add_transcript(meeting.id, vtt)
    scopes = "OnlineMeetings.Read OnlineMeetingTranscript.Read.All"
    token = obo_token(ms, organizer, scopes)

    found = graph_get(
        ms, "/me/onlineMeetings", token, **{"$filter": f"JoinWebUrl eq '{meeting.join_web_url}'"}
    )
    assert found.status_code == 200, found.text
    assert found.json()["@odata.context"].endswith(f"$metadata#users('{organizer.object_id}')/onlineMeetings")
    [item] = found.json()["value"]
    assert item["id"] == meeting.id and item["subject"] == "MUS: Ulla"
    assert item["participants"]["organizer"]["identity"]["user"]["id"] == organizer.object_id
    assert [a["identity"]["user"]["id"] for a in item["participants"]["attendees"]] == [attendee.object_id]
    single = graph_get(ms, f"/me/onlineMeetings/{meeting.id}", token).json()
    assert single["joinWebUrl"] == meeting.join_web_url and "@odata.context" in single

    listed = graph_get(ms, f"/me/onlineMeetings/{meeting.id}/transcripts", token).json()
    assert [t["id"] for t in listed["value"]] == [transcript.id]
    assert listed["value"][0]["meetingId"] == meeting.id and "@odata.context" in listed
    content = graph_get(
        ms,
        f"/me/onlineMeetings/{meeting.id}/transcripts/{transcript.id}/content",
        token,
        **{"$format": "text/vtt"},
    )
    assert content.status_code == 200 and content.headers["Content-Type"].startswith("text/vtt")
    assert content.text == vtt
    assert_graph_error(
        graph_get(
            ms,
            f"/me/onlineMeetings/{meeting.id}/transcripts/{transcript.id}/content",
            token,
            **{"$format": "docx"},
        ),
        400,
        "BadRequest",
    )

    attendee_token = obo_token(ms, attendee, scopes)
    assert graph_get(ms, f"/me/onlineMeetings/{meeting.id}", attendee_token).status_code == 200
    assert_graph_error(
        graph_get(ms, f"/me/onlineMeetings/{meeting.id}/transcripts", attendee_token), 403, "Forbidden"
    )
    outsider_token = obo_token(ms, outsider, scopes)
    assert_graph_error(graph_get(ms, f"/me/onlineMeetings/{meeting.id}", outsider_token), 404, "NotFound")
    no_scope = obo_token(ms, person(), "User.Read")
    assert_graph_error(graph_get(ms, f"/me/onlineMeetings/{meeting.id}", no_scope), 403, "Forbidden")


def test_graph_creates_calendar_events(ms, person):
    organizer, employee = person("Yrsa Holm"), person("Zakarias Ravn")
    token = obo_token(ms, organizer, "Calendars.ReadWrite OnlineMeetings.Read")
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    event = {
        "subject": "MUS 2026",
        "body": {"contentType": "HTML", "content": "<p>Forberedelse i appen.</p>"},
        "start": {"dateTime": start.strftime("%Y-%m-%dT10:00:00"), "timeZone": "Romance Standard Time"},
        "end": {"dateTime": start.strftime("%Y-%m-%dT11:00:00"), "timeZone": "Romance Standard Time"},
        "attendees": [
            {"emailAddress": {"address": employee.user_principal_name, "name": employee.display_name}}
        ],
        "isOnlineMeeting": True,
        "onlineMeetingProvider": "teamsForBusiness",
    }
    headers = {"Authorization": f"Bearer {token}", "Prefer": 'outlook.timezone="Romance Standard Time"'}
    created = requests.post(f"{ms.graph.url}/v1.0/me/events", json=event, headers=headers, timeout=10)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["@odata.context"].endswith(f"$metadata#users('{organizer.object_id}')/events/$entity")
    assert body["id"] and body["subject"] == "MUS 2026" and body["webLink"].startswith("https://outlook.")
    assert body["start"] == {
        "dateTime": start.strftime("%Y-%m-%dT10:00:00.0000000"),
        "timeZone": "Romance Standard Time",
    }
    assert body["end"]["timeZone"] == "Romance Standard Time"
    join_url = body["onlineMeeting"]["joinUrl"]
    [recorded] = ms.directory.events(organizer.object_id)
    assert recorded["id"] == body["id"]
    found = graph_get(ms, "/me/onlineMeetings", token, **{"$filter": f"JoinWebUrl eq '{join_url}'"}).json()
    assert found["value"][0]["participants"]["attendees"][0]["identity"]["user"]["id"] == employee.object_id

    utc = requests.post(
        f"{ms.graph.url}/v1.0/me/events",
        json={**event, "isOnlineMeeting": False},
        headers={"Authorization": f"Bearer {token}"},
    ).json()
    assert utc["start"]["timeZone"] == "UTC" and utc["onlineMeeting"] is None
    bad_zone = {**event, "start": {"dateTime": "2026-01-01T10:00:00", "timeZone": "Mars/Olympus"}}
    refused = requests.post(f"{ms.graph.url}/v1.0/me/events", json=bad_zone, headers=headers, timeout=10)
    assert_graph_error(refused, 400, "TimeZoneNotSupportedException")
    reader = obo_token(ms, person(), "User.Read")
    denied = requests.post(
        f"{ms.graph.url}/v1.0/me/events",
        json=event,
        headers={"Authorization": f"Bearer {reader}"},
        timeout=10,
    )
    assert_graph_error(denied, 403, "ErrorAccessDenied")


def test_the_graph_standin_url_names_microsoft_graph_too(ms, person):
    """Demo mode points MUS_GRAPH_URL at the stand-in, so scopes are written with its URL."""
    user = person()
    ms.directory.grant(TENANT, user.object_id, CLIENT_ID, "User.Read")
    sso = ms.entra.mint_sso_token(TENANT, user.object_id, client_id=CLIENT_ID)
    result = app(ms).acquire_token_on_behalf_of(sso, [f"{ms.graph.url}/User.Read"])
    assert claims_of(result["access_token"])["aud"] == ms.graph.url
    assert graph_get(ms, "/me", result["access_token"]).json()["id"] == user.object_id


def test_graph_unknown_segments_and_methods(ms, person):
    token = obo_token(ms, person(), "User.Read")
    assert_graph_error(graph_get(ms, "/me/drive", token), 400, "BadRequest")
    assert_graph_error(
        graph_get(ms, "/users/nobody@testkommune.example", token), 404, "Request_ResourceNotFound"
    )
    wrong_method = requests.delete(
        f"{ms.graph.url}/v1.0/me", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    assert wrong_method.status_code == 405


# -- the demo organisation -----------------------------------------------------------------------


def test_demo_directory_matches_the_demo_people(tmp_path):
    from plugin.config import DEMO_CLIENT_ID, DEMO_TENANT_ID
    from plugin.demo.cloud import demo_directory
    from plugin.demo.people import DEMO_PEOPLE

    directory = demo_directory(client_secret="s", app_domain="localhost")
    for person in DEMO_PEOPLE:
        user = directory.user(DEMO_TENANT_ID, person.object_id)
        assert user is not None and user.display_name == person.name
    mette = next(p for p in DEMO_PEOPLE if p.key == "mette")
    assert directory.next_sign_in.object_id == mette.object_id
    assert len(directory.direct_reports(DEMO_TENANT_ID, mette.object_id)) >= 2
    assert directory.manager_of(DEMO_TENANT_ID, mette.object_id).display_name == "Henrik Lund"
    assert directory.client(DEMO_CLIENT_ID).is_confidential
    [meeting] = directory.meetings(DEMO_TENANT_ID)
    assert directory.transcripts(meeting.id)[0].content.startswith("WEBVTT")


def test_standalone_servers_start_and_stop(tmp_path):
    ca = LocalCA(tmp_path)
    with EntraStandin(Directory(), ca) as entra:
        answer = requests.get(f"{entra.url}/common/discovery/v2.0/keys", verify=ca.ca_file, timeout=10)
        assert answer.status_code == 200
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(f"{entra.url}/common/discovery/v2.0/keys", verify=ca.ca_file, timeout=2)
