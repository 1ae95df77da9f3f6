# ruff: noqa: F811  (the fixtures of tests/test_standins.py are imported by name and used as arguments)
"""The Graph stand-in's people search (`GET /users?$search=…`) and profile photos, over real TLS,
with tokens from the Entra stand-in, as Microsoft documents them."""

from __future__ import annotations

import uuid

import pytest

from tests.test_standins import (  # noqa: F401  (fixtures)
    OTHER_TENANT,
    TENANT,
    assert_graph_error,
    graph_get,
    ms,
    obo_token,
    person,
    trust_test_ca,
)

EVENTUAL = {"ConsistencyLevel": "eventual"}


def search(ms, token, expression, headers=EVENTUAL, **params):
    import requests

    return requests.get(
        f"{ms.graph.url}/v1.0/users",
        headers={"Authorization": f"Bearer {token}", **headers},
        params={"$search": expression, **params},
        timeout=10,
    )


@pytest.fixture
def team(person):
    marker = uuid.uuid4().hex[:6]  # the session's directory is shared: names unique to this test
    return {
        "searcher": person(f"Søren {marker}sen", department="IT"),
        "ase": person(f"Åse Qvist{marker}", job_title="Jurist", department="Jura"),
        "jonas": person(f"Jonas Kjær{marker}", department="Borgerservice"),
        "camel": person(f"Peter VanDer{marker}"),
        "outsider": person(f"Åse Qvist{marker}", tenant=OTHER_TENANT),
        "marker": marker,
    }


def test_search_is_a_tokenised_prefix_match_on_name_and_mail(ms, team):
    token = obo_token(ms, team["searcher"], "User.Read.All")
    marker = team["marker"]
    found = search(ms, token, f'"displayName:qvist{marker[:3]}" OR "mail:qvist{marker[:3]}"')
    assert found.status_code == 200, found.text
    names = [u["displayName"] for u in found.json()["value"]]
    assert names == [team["ase"].display_name]  # the other tenant's Åse is never found
    assert found.json()["value"][0]["id"] == team["ase"].object_id
    # Accents and case do not matter; every word must start a word of the name.
    assert [u["id"] for u in search(ms, token, f'"displayName:ase qvist{marker}"').json()["value"]] == [
        team["ase"].object_id
    ]
    assert search(ms, token, f'"displayName:qvist{marker} jonas"').json()["value"] == []
    # The middle of a word is not a match; a camel-cased word is two words.
    assert search(ms, token, f'"displayName:{marker[2:]}sen"').json()["value"] == []
    camel = search(ms, token, f'"displayName:der{marker}"', **{"$count": "true"}).json()
    assert [u["id"] for u in camel["value"]] == [team["camel"].object_id]
    assert camel["@odata.count"] == 1
    # The e-mail address is searched by its words too (first name and domain).
    by_mail = search(ms, token, f'"mail:jonas.{team["jonas"].user_principal_name.split(".")[1][:4]}"')
    assert [u["id"] for u in by_mail.json()["value"]] == [team["jonas"].object_id]
    picked = search(ms, token, f'"displayName:qvist{marker}"', **{"$select": "id,department"}).json()
    assert picked["value"] == [{"id": team["ase"].object_id, "department": "Jura"}]


def test_search_needs_the_consistency_level_header(ms, team):
    token = obo_token(ms, team["searcher"], "User.Read.All")
    refused = search(ms, token, '"displayName:jonas"', headers={})
    error = assert_graph_error(refused, 400, "Request_UnsupportedQuery")
    assert "ConsistencyLevel" in error["message"]
    assert_graph_error(search(ms, token, "displayName:jonas"), 400, "Request_UnsupportedQuery")
    assert_graph_error(search(ms, token, '"shoeSize:42"'), 400, "Request_UnsupportedQuery")


def test_search_needs_a_directory_permission(ms, team):
    marker = team["marker"]
    own_only = obo_token(ms, team["searcher"], "User.Read")
    assert_graph_error(
        search(ms, own_only, f'"displayName:qvist{marker}"'), 403, "Authorization_RequestDenied"
    )
    basic = obo_token(ms, team["searcher"], "User.ReadBasic.All")
    [ase] = search(ms, basic, f'"displayName:qvist{marker}"').json()["value"]
    assert ase["displayName"] == team["ase"].display_name
    assert ase["jobTitle"] is None  # basic properties only


def test_profile_photo_or_image_not_found(ms, team):
    token = obo_token(ms, team["searcher"], "User.ReadBasic.All")
    png = b"\x89PNG\r\n\x1a\nnot-really"
    ms.directory.set_photo(TENANT, team["ase"].object_id, png, "image/png")
    photo = graph_get(ms, f"/users/{team['ase'].object_id}/photo/$value", token)
    assert photo.status_code == 200
    assert photo.content == png and photo.headers["Content-Type"] == "image/png"
    assert_graph_error(
        graph_get(ms, f"/users/{team['jonas'].object_id}/photo/$value", token), 404, "ImageNotFound"
    )
    # Another tenant's person is not there at all.
    assert_graph_error(
        graph_get(ms, f"/users/{team['outsider'].object_id}/photo/$value", token),
        404,
        "Request_ResourceNotFound",
    )
    own = obo_token(ms, team["jonas"], "User.Read")
    assert_graph_error(
        graph_get(ms, f"/users/{team['ase'].object_id}/photo/$value", own), 403, "Authorization_RequestDenied"
    )
