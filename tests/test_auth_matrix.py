"""Authentication and authorisation through the HTTP API.

First every kind of bad token against a representative set of endpoints: each is a 401 in the
JSON error shape with a `WWW-Authenticate` header and the specific code, and nothing changes.
Then who may do what on a conversation: its two parties may, a colleague or an admin of the same
organisation is refused (403), and someone from another organisation does not see it at all (404)."""

from __future__ import annotations

import base64
import json
import time
import uuid

import jwt
import pytest
from sqlalchemy import select

from plugin.storage import Person
from plugin.storage.db import db
from tests.support.directory import person_oid
from tests.support.idp import CLIENT_ID, TENANT_A, TENANT_B, TENANT_OTHER, LocalAuthority

STRANGER_OID = "5e5e5e5e-0000-4000-8000-000000000001"


def _segment(obj: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()


def _alg_none(authority: LocalAuthority) -> str:
    now = int(time.time())
    claims = {
        "aud": CLIENT_ID,
        "iss": f"{authority.url}/{TENANT_A}/v2.0",
        "iat": now,
        "nbf": now,
        "exp": now + 3600,
        "tid": TENANT_A,
        "oid": STRANGER_OID,
        "scp": "access_as_user",
    }
    return f"{_segment({'alg': 'none', 'typ': 'JWT', 'kid': authority.keys[0].kid})}.{_segment(claims)}."


def _wrong_signature(authority: LocalAuthority) -> str:
    token = authority.mint(tenant=TENANT_A, oid=STRANGER_OID)
    claims = jwt.decode(token, options={"verify_signature": False})
    return jwt.encode(
        claims, authority.unpublished.private, algorithm="RS256", headers={"kid": authority.keys[0].kid}
    )


# kind -> (Authorization header or None, expected code). A header of None sends no header at all.
BAD_TOKENS = {
    "no_header": (lambda a: None, "token_missing"),
    "basic_scheme": (lambda a: "Basic " + base64.b64encode(b"mette:secret").decode(), "token_missing"),
    "empty_bearer": (lambda a: "Bearer ", "token_missing"),
    "garbage": (lambda a: "Bearer not-a-token", "token_invalid"),
    "wrong_signature": (lambda a: "Bearer " + _wrong_signature(a), "token_invalid"),
    "alg_none": (lambda a: "Bearer " + _alg_none(a), "token_invalid"),
    "expired": (
        lambda a: "Bearer " + a.mint(tenant=TENANT_A, oid=STRANGER_OID, lifetime=-600),
        "token_expired",
    ),
    "wrong_audience": (
        lambda a: "Bearer " + a.mint(tenant=TENANT_A, oid=STRANGER_OID, aud="api://elsewhere/app"),
        "token_audience",
    ),
    "wrong_issuer": (
        lambda a: (
            "Bearer " + a.mint(tenant=TENANT_A, oid=STRANGER_OID, iss=f"https://evil.example/{TENANT_A}/v2.0")
        ),
        "token_issuer",
    ),
    "tenant_not_allowed": (
        lambda a: "Bearer " + a.mint(tenant=TENANT_OTHER, oid=STRANGER_OID),
        "tenant_not_allowed",
    ),
    "missing_scope": (
        lambda a: "Bearer " + a.mint(tenant=TENANT_A, oid=STRANGER_OID, scp="User.Read"),
        "scope_missing",
    ),
}


def _list(client, cid, headers):
    return client.get("/api/conversations", headers=headers)


def _create(client, cid, headers):
    body = {"employee": {"object_id": STRANGER_OID}, "title": "Hacked"}
    return client.post("/api/conversations", json=body, headers=headers)


def _show(client, cid, headers):
    return client.get(f"/api/conversations/{cid}", headers=headers)


def _patch(client, cid, headers):
    return client.patch(f"/api/conversations/{cid}", json={"version": 1, "title": "Hacked"}, headers=headers)


ENDPOINTS = {"list": _list, "create": _create, "show": _show, "patch": _patch}


def _people_count(app) -> int:
    with app.app_context():
        return len(db.session.scalars(select(Person)).all())


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
@pytest.mark.parametrize("kind", list(BAD_TOKENS))
def test_bad_token_is_401_and_changes_nothing(app, api, authority, people, conversation, kind, endpoint):
    make_header, code = BAD_TOKENS[kind]
    header = make_header(authority)
    people_before = _people_count(app)
    headers = {"Authorization": header} if header is not None else {}
    response = ENDPOINTS[endpoint](api.with_token(None), conversation["id"], headers)

    assert response.status_code == 401
    body = response.get_json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert body["error"]["message"] != code  # a human text from the catalogue, not the bare code
    assert response.headers["WWW-Authenticate"].startswith("Bearer")

    manager = api.as_(people["manager"])
    seen = manager.get(f"/api/conversations/{conversation['id']}").get_json()
    assert seen["title"] == conversation["title"]
    assert seen["version"] == conversation["version"]
    assert [c["id"] for c in manager.get("/api/conversations").get_json()["items"]] == [conversation["id"]]
    # A rejected token never creates the person it names (the manager's read above is not new).
    assert _people_count(app) == people_before


def test_bad_token_message_follows_accept_language(api, authority):
    danish = api.with_token(None).get("/api/conversations", headers={"Accept-Language": "da-DK"})
    english = api.with_token(None).get("/api/conversations", headers={"Accept-Language": "en-GB"})
    assert danish.get_json()["error"]["code"] == english.get_json()["error"]["code"] == "token_missing"
    assert danish.get_json()["error"]["message"] != english.get_json()["error"]["message"]


# --- who may do what ------------------------------------------------------------------------------


def _get_conversation(client, conv):
    return client.get(f"/api/conversations/{conv['id']}"), 200


def _patch_conversation(client, conv):
    return client.patch(
        f"/api/conversations/{conv['id']}", json={"version": conv["version"], "title": "Ny titel"}
    ), 200


def _patch_notes(client, conv):
    item = conv["agenda"][0]
    return client.patch(
        f"/api/conversations/{conv['id']}/agenda/{item['id']}",
        json={"version": item["version"], "notes": "Fælles noter"},
    ), 200


def _add_talking_point(client, conv):
    item = conv["agenda"][0]
    return client.post(
        f"/api/conversations/{conv['id']}/agenda/{item['id']}/talking-points",
        json={"text": "Hjemmearbejde"},
    ), 201


def _transition(client, conv):
    return client.post(
        f"/api/conversations/{conv['id']}/transition",
        json={"status": "preparing", "version": conv["version"]},
    ), 200


ACTIONS = {
    "get_conversation": _get_conversation,
    "patch_conversation": _patch_conversation,
    "patch_notes": _patch_notes,
    "add_talking_point": _add_talking_point,
    "transition": _transition,
}
REFUSED = {"colleague": (403, "not_a_party"), "admin": (403, "not_a_party"), "outsider": (404, "not_found")}


def _assert_unchanged(api, people, conversation):
    seen = api.as_(people["manager"]).get(f"/api/conversations/{conversation['id']}").get_json()
    assert seen["title"] == conversation["title"]
    assert seen["status"] == "planned"
    assert seen["version"] == conversation["version"]
    first = seen["agenda"][0]
    assert first["notes"] == ""
    assert first["talking_points"] == []
    assert first["version"] == conversation["agenda"][0]["version"]


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("who", ["employee", "manager"])
def test_parties_may(api, people, conversation, who, action):
    response, status = ACTIONS[action](api.as_(people[who]), conversation)
    assert response.status_code == status, response.get_json()
    body = response.get_json()
    if action == "patch_conversation":
        assert body["title"] == "Ny titel"
    elif action == "patch_notes":
        assert body["notes"] == "Fælles noter"
    elif action == "add_talking_point":
        assert [p["author"]["object_id"] for p in body["talking_points"]] == [people[who].oid]
    elif action == "transition":
        assert body["status"] == "preparing"
    else:
        assert body["id"] == conversation["id"]


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("who", list(REFUSED))
def test_others_may_not(api, people, conversation, who, action):
    status, code = REFUSED[who]
    response, _ = ACTIONS[action](api.as_(people[who]), conversation)
    assert response.status_code == status
    error = response.get_json()["error"]
    assert error["code"] == code
    assert "current" not in error  # nothing of the conversation leaks in the error
    _assert_unchanged(api, people, conversation)


def test_outsider_gets_the_same_404_as_for_a_missing_conversation(api, people, conversation):
    outsider = api.as_(people["outsider"])
    theirs = outsider.get(f"/api/conversations/{conversation['id']}")
    missing = outsider.get(f"/api/conversations/{conversation['id'] + 1000}")
    assert theirs.status_code == missing.status_code == 404
    assert theirs.get_json() == missing.get_json()


# --- people from the claims -----------------------------------------------------------------------


def _person(app, tenant, oid) -> Person | None:
    with app.app_context():
        return db.session.scalar(select(Person).where(Person.tenant_id == tenant, Person.object_id == oid))


def test_person_is_created_on_first_sight_from_the_claims(app, api, authority):
    oid = str(uuid.uuid4())
    assert _person(app, TENANT_B, oid) is None
    token = authority.mint(tenant=TENANT_B, oid=oid, name="Birgitte Ny")
    response = api.with_token(token).get("/api/conversations")
    assert response.status_code == 200
    person = _person(app, TENANT_B, oid)
    assert person is not None
    assert person.display_name == "Birgitte Ny"
    assert person.email == "birgitte@example.dk"
    assert person.signed_in_at is not None
    # A second request does not create a second person.
    api.with_token(token).get("/api/conversations")
    with app.app_context():
        assert len(db.session.scalars(select(Person).where(Person.object_id == oid)).all()) == 1


def test_changed_name_claim_updates_the_person(api, authority, people):
    oid = person_oid(TENANT_A, "staff3")
    manager = api.as_(people["manager"])
    # Known first only from the directory, from the manager's plan.
    planned = manager.post("/api/conversations", json={"employee": {"object_id": oid}}).get_json()
    assert planned["employee"]["display_name"] == "Staff3 Medarbejder"

    first = authority.mint(tenant=TENANT_A, oid=oid, name="Karen Jensen")
    assert api.with_token(first).get("/api/conversations").status_code == 200
    seen = manager.get(f"/api/conversations/{planned['id']}").get_json()
    assert seen["employee"]["display_name"] == "Karen Jensen"

    renamed = authority.mint(tenant=TENANT_A, oid=oid, name="Karen Jensen Holm")
    assert api.with_token(renamed).get("/api/conversations").status_code == 200
    seen = manager.get(f"/api/conversations/{planned['id']}").get_json()
    assert seen["employee"]["display_name"] == "Karen Jensen Holm"
    assert seen["employee"]["object_id"] == oid


def test_same_object_id_in_two_tenants_is_two_people(app, api, authority):
    oid = str(uuid.uuid4())
    for tenant, name in ((TENANT_A, "Ane A"), (TENANT_B, "Ane B")):
        assert (
            api.with_token(authority.mint(tenant=tenant, oid=oid, name=name))
            .get("/api/conversations")
            .status_code
            == 200
        )
    a, b = _person(app, TENANT_A, oid), _person(app, TENANT_B, oid)
    assert a is not None and b is not None
    assert a.id != b.id
    assert (a.display_name, b.display_name) == ("Ane A", "Ane B")
