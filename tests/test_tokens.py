"""The Teams SSO token validator against the local HTTPS stand-in of the Entra key endpoint.

Every token here is validated by the production `TokenValidator` with a production `JwksKeySource`
that fetches the keys over real TLS; only the keys and the host are local."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

import jwt
import pytest
import time_machine
from cryptography.hazmat.primitives import serialization

from plugin.domain.errors import Unauthorized
from plugin.identity.tokens import Identity, JwksKeySource, TokenValidator
from tests.support.idp import APP_DOMAIN, CLIENT_ID, TENANT_A, TENANT_B, TENANT_OTHER, LocalAuthority

OID = "0f0e0d0c-0b0a-4909-8807-060504030201"
ALLOWED = frozenset({TENANT_A, TENANT_B})


def key_source(authority: LocalAuthority, *, ca: bool = True, cooldown_seconds: float = 30) -> JwksKeySource:
    return JwksKeySource(
        f"{authority.url}/common/discovery/v2.0/keys",
        ca_bundle=str(authority.ca_file) if ca else None,
        cooldown_seconds=cooldown_seconds,
    )


def make_validator(authority: LocalAuthority, keys: JwksKeySource | None = None) -> TokenValidator:
    return TokenValidator(
        keys or key_source(authority),
        client_id=CLIENT_ID,
        app_domain=APP_DOMAIN,
        allows_tenant=lambda tenant: tenant in ALLOWED,
        authority_host=authority.url,
        leeway_seconds=60,
    )


@pytest.fixture
def validator(authority) -> TokenValidator:
    return make_validator(authority)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def segment(obj: dict) -> str:
    return b64url(json.dumps(obj, separators=(",", ":")).encode())


def claims_for(authority: LocalAuthority, **overrides) -> dict:
    now = int(time.time())
    claims = {
        "aud": CLIENT_ID,
        "iss": f"{authority.url}/{TENANT_A}/v2.0",
        "iat": now,
        "nbf": now,
        "exp": now + 3600,
        "tid": TENANT_A,
        "oid": OID,
        "name": "Eve Mallory",
        "scp": "access_as_user",
    }
    claims.update(overrides)
    return claims


def rejected_code(validator: TokenValidator, token: str) -> str:
    with pytest.raises(Unauthorized) as caught:
        validator.validate(token)
    assert caught.value.status == 401
    return caught.value.code


# --- accepted tokens ------------------------------------------------------------------------------


def test_v2_token_is_accepted_and_mapped_to_an_identity(authority, validator):
    token = authority.mint(tenant=TENANT_A, oid=OID, name="Mette Sørensen", roles=["MUS.Admin", "Other"])
    identity = validator.validate(token)
    assert identity == Identity(
        tenant_id=TENANT_A,
        object_id=OID,
        name="Mette Sørensen",
        email="mette@example.dk",
        roles=("MUS.Admin", "Other"),
    )


def test_v1_token_is_accepted_with_the_api_audience_and_sts_issuer(authority, validator):
    token = authority.mint(
        tenant=TENANT_B,
        oid=OID,
        name="Jonas Nielsen",
        version="1.0",
        preferred_username=None,
        upn="jonas@b.example",
    )
    claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert claims["aud"] == f"api://{APP_DOMAIN}/{CLIENT_ID}"
    assert claims["iss"] == f"https://sts.windows.net/{TENANT_B}/"
    identity = validator.validate(token)
    assert identity.tenant_id == TENANT_B
    assert identity.object_id == OID
    assert identity.name == "Jonas Nielsen"
    assert identity.email == "jonas@b.example"
    assert identity.roles == ()


def test_object_id_is_lowercased_and_odd_roles_are_ignored(authority, validator):
    token = authority.mint(tenant=TENANT_A, oid=OID.upper(), roles=None, email="x@y.dk")
    identity = validator.validate(token)
    assert identity.object_id == OID
    assert identity.email == "test@example.dk"  # preferred_username wins over email
    odd = authority.mint(tenant=TENANT_A, oid=OID, roles="MUS.Admin")  # a string, not a list
    assert validator.validate(odd).roles == ()


def test_scope_list_may_hold_more_scopes(authority, validator):
    token = authority.mint(tenant=TENANT_A, oid=OID, scp="User.Read access_as_user offline_access")
    assert validator.validate(token).object_id == OID


# --- signatures and algorithms --------------------------------------------------------------------


def test_signature_by_an_unpublished_key_with_a_published_kid_is_rejected(authority, validator):
    claims = claims_for(authority)
    token = jwt.encode(
        claims, authority.unpublished.private, algorithm="RS256", headers={"kid": authority.keys[0].kid}
    )
    assert rejected_code(validator, token) == "token_invalid"


def test_signature_by_an_unpublished_key_with_an_unknown_kid_is_rejected(authority, validator):
    token = authority.mint(tenant=TENANT_A, oid=OID, key=authority.unpublished)
    assert rejected_code(validator, token) == "token_invalid"


def test_tampered_payload_is_rejected(authority, validator):
    token = authority.mint(tenant=TENANT_A, oid=OID)
    header, _, signature = token.split(".")
    forged = segment(claims_for(authority, oid="11111111-2222-4333-8444-555555555555"))
    assert rejected_code(validator, f"{header}.{forged}.{signature}") == "token_invalid"


@pytest.mark.parametrize("alg", ["none", "None", "NONE"])
def test_alg_none_is_rejected(authority, validator, alg):
    header = segment({"alg": alg, "typ": "JWT", "kid": authority.keys[0].kid})
    token = f"{header}.{segment(claims_for(authority))}."
    assert rejected_code(validator, token) == "token_invalid"


def _hs256_with_public_key(authority: LocalAuthority, header_alg: str) -> str:
    public_pem = (
        authority.keys[0]
        .private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    header = segment({"alg": header_alg, "typ": "JWT", "kid": authority.keys[0].kid})
    signing_input = f"{header}.{segment(claims_for(authority))}"
    mac = hmac.new(public_pem, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(mac)}"


@pytest.mark.parametrize("header_alg", ["HS256", "RS256"])
def test_hmac_signed_with_the_public_key_is_rejected(authority, validator, header_alg):
    # Algorithm confusion: the published RSA key used as an HMAC secret.
    assert rejected_code(validator, _hs256_with_public_key(authority, header_alg)) == "token_invalid"


def test_missing_kid_is_rejected(authority, validator):
    token = jwt.encode(claims_for(authority), authority.keys[0].private, algorithm="RS256")
    assert rejected_code(validator, token) == "token_invalid"


@pytest.mark.parametrize(
    "garbage",
    ["", "garbage", "a.b.c", "....", "eyJhbGciOiJSUzI1NiJ9.e30", "Bearer xyz", "ø🎉.æ.å"],
)
def test_garbage_is_rejected(validator, garbage):
    assert rejected_code(validator, garbage) == "token_invalid"


# --- time -----------------------------------------------------------------------------------------


def test_expired_beyond_the_leeway_is_token_expired(authority, validator):
    token = authority.mint(tenant=TENANT_A, oid=OID, lifetime=-90)
    assert rejected_code(validator, token) == "token_expired"


def test_expired_within_the_leeway_is_accepted(authority, validator):
    token = authority.mint(tenant=TENANT_A, oid=OID, lifetime=-30)
    assert validator.validate(token).object_id == OID


def test_not_yet_valid_beyond_the_leeway_is_rejected(authority, validator):
    token = authority.mint(tenant=TENANT_A, oid=OID, nbf=int(time.time()) + 300)
    assert rejected_code(validator, token) == "token_invalid"


def test_not_yet_valid_within_the_leeway_is_accepted(authority, validator):
    token = authority.mint(tenant=TENANT_A, oid=OID, nbf=int(time.time()) + 30)
    assert validator.validate(token).tenant_id == TENANT_A


def test_issued_in_the_future_is_rejected(authority, validator):
    token = authority.mint(tenant=TENANT_A, oid=OID, iat=int(time.time()) + 600)
    assert rejected_code(validator, token) == "token_invalid"


# --- audience, issuer, tenant, scope, claims ------------------------------------------------------


@pytest.mark.parametrize(
    "aud",
    [
        "00000003-0000-0000-c000-000000000000",  # Microsoft Graph
        f"api://{APP_DOMAIN}/someone-else",
        f"api://evil.example/{CLIENT_ID}",
        CLIENT_ID.upper() + "x",
    ],
)
def test_wrong_audience_is_rejected(authority, validator, aud):
    token = authority.mint(tenant=TENANT_A, oid=OID, aud=aud)
    assert rejected_code(validator, token) == "token_audience"


@pytest.mark.parametrize(
    "issuer",
    [
        "{url}/{other}/v2.0",  # another (allowed) tenant's issuer
        "https://evil.example/{tid}/v2.0",  # a different host
        "https://sts.windows.net/{other}/",  # v1 issuer of another tenant
        "{url}/{tid}",  # no version suffix
        "{url}/common/v2.0",
        "https://sts.windows.net.evil.example/{tid}/",
    ],
)
def test_wrong_issuer_is_rejected(authority, validator, issuer):
    iss = issuer.format(url=authority.url, tid=TENANT_A, other=TENANT_B)
    token = authority.mint(tenant=TENANT_A, oid=OID, iss=iss)
    assert rejected_code(validator, token) == "token_issuer"


def test_tenant_not_allowed_even_with_a_correct_issuer(authority, validator):
    v2 = authority.mint(tenant=TENANT_OTHER, oid=OID)
    v1 = authority.mint(tenant=TENANT_OTHER, oid=OID, version="1.0")
    assert rejected_code(validator, v2) == "tenant_not_allowed"
    assert rejected_code(validator, v1) == "tenant_not_allowed"


def test_any_tenant_is_allowed_with_a_wildcard(authority):
    from plugin.config import Settings

    settings = Settings(tenants=frozenset({"*"}))
    validator = TokenValidator(
        key_source(authority),
        client_id=CLIENT_ID,
        app_domain=APP_DOMAIN,
        allows_tenant=settings.allows_tenant,
        authority_host=authority.url,
    )
    assert validator.validate(authority.mint(tenant=TENANT_OTHER, oid=OID)).tenant_id == TENANT_OTHER


@pytest.mark.parametrize("scp", [None, "", "User.Read", "access_as_users", "User.Read offline_access"])
def test_missing_scope_is_rejected(authority, validator, scp):
    token = authority.mint(tenant=TENANT_A, oid=OID, scp=scp)
    assert rejected_code(validator, token) == "scope_missing"


@pytest.mark.parametrize("claim", ["oid", "tid", "exp", "iat", "aud", "iss"])
def test_missing_required_claim_is_rejected(authority, validator, claim):
    token = authority.mint(**{"tenant": TENANT_A, "oid": OID, claim: None})
    payload = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert claim not in payload
    assert rejected_code(validator, token) == "token_invalid"


# --- the key endpoint: caching, rotation, TLS -----------------------------------------------------


def test_keys_are_fetched_once_for_the_same_kid(authority, validator):
    before = authority.key_requests
    validator.validate(authority.mint(tenant=TENANT_A, oid=OID))
    validator.validate(authority.mint(tenant=TENANT_B, oid=OID, name="Another"))
    assert authority.key_requests - before == 1


def test_a_rotated_in_key_triggers_exactly_one_refetch(authority):
    validator = make_validator(authority, key_source(authority, cooldown_seconds=0))
    before = authority.key_requests
    validator.validate(authority.mint(tenant=TENANT_A, oid=OID))
    assert authority.key_requests - before == 1

    new_key = authority.rotate()
    token = authority.mint(tenant=TENANT_A, oid=OID, key=new_key)
    assert validator.validate(token).object_id == OID
    assert authority.key_requests - before == 2

    # Both keys are now known: neither the new nor the old one fetches again.
    validator.validate(authority.mint(tenant=TENANT_A, oid=OID, key=new_key))
    validator.validate(authority.mint(tenant=TENANT_A, oid=OID))
    assert authority.key_requests - before == 2


def test_unknown_kid_is_refetched_once_then_rejected(authority):
    validator = make_validator(authority, key_source(authority, cooldown_seconds=0))
    before = authority.key_requests
    token = authority.mint(tenant=TENANT_A, oid=OID, key=authority.unpublished)
    assert rejected_code(validator, token) == "token_invalid"
    assert authority.key_requests - before == 2  # the first fetch, and one refresh for the unknown kid


def test_unknown_kid_within_the_cooldown_does_not_refetch(authority, validator):
    before = authority.key_requests
    validator.validate(authority.mint(tenant=TENANT_A, oid=OID))
    token = authority.mint(tenant=TENANT_A, oid=OID, key=authority.unpublished)
    assert rejected_code(validator, token) == "token_invalid"
    assert rejected_code(validator, token) == "token_invalid"
    assert authority.key_requests - before == 1


def test_untrusted_certificate_fails_validation(authority):
    validator = make_validator(authority, key_source(authority, ca=False))
    before = authority.key_requests
    assert rejected_code(validator, authority.mint(tenant=TENANT_A, oid=OID)) == "token_invalid"
    assert authority.key_requests == before  # the TLS handshake failed: no request was served


def test_key_source_maps_fetch_errors_to_unauthorized(authority):
    source = JwksKeySource(f"{authority.url}/no/such/keys", ca_bundle=str(authority.ca_file))
    with pytest.raises(Unauthorized) as caught:
        source.key_for(authority.keys[0].kid)
    assert caught.value.code == "token_invalid"


class CountingKeys:
    def __init__(self, keys) -> None:
        self.keys, self.asked = keys, 0

    def key_for(self, kid: str):
        self.asked += 1
        return self.keys.key_for(kid)


def test_a_checked_token_is_recognised_until_it_expires_and_its_tenant_is_asked_again(authority):
    allowed = set(ALLOWED)
    keys = CountingKeys(key_source(authority))
    validator = TokenValidator(
        keys,
        client_id=CLIENT_ID,
        app_domain=APP_DOMAIN,
        allows_tenant=lambda tenant: tenant in allowed,
        authority_host=authority.url,
        leeway_seconds=60,
        remember_seconds=300,
    )
    token = authority.mint(tenant=TENANT_A, oid=OID, lifetime=200)
    first = validator.validate(token)
    assert validator.validate(token) == first
    assert keys.asked == 1  # the second time: recognised by its hash, not checked again
    # Another token (even one differing only in its signature) is checked in full.
    head, body, _ = token.split(".")
    with pytest.raises(Unauthorized):
        validator.validate(f"{head}.{body}.{b64url(b'x' * 256)}")
    assert keys.asked == 2
    # The tenant is asked every time.
    allowed.discard(TENANT_A)
    with pytest.raises(Unauthorized):
        validator.validate(token)
    allowed.add(TENANT_A)
    # Past the token's expiry and the leeway it is checked again, and refused.
    with time_machine.travel(time.time() + 200 + 61, tick=False), pytest.raises(Unauthorized) as refused:
        validator.validate(token)
    assert str(refused.value.code) == "token_expired"
