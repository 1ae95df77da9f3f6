"""Demo mode: the same validator, only the key source differs; loopback only."""

from __future__ import annotations

import pytest

from plugin import create_app
from plugin.config import settings_from_env


@pytest.fixture
def demo_app(tmp_path):
    settings = settings_from_env(
        {"MUS_DEMO": "1", "MUS_DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}"},
        instance_path=str(tmp_path),
    )
    app = create_app(settings)
    with app.app_context():
        from plugin.storage.db import db

        db.create_all()
    return app


def test_demo_token_signs_in_through_the_production_validator(demo_app):
    client = demo_app.test_client()
    token = client.post("/demo/idp/token", json={"person": "jonas"}).get_json()["access_token"]
    me = client.get("/api/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200
    assert me.get_json()["display_name"] == "Jonas Kjær Nielsen"
    tampered = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    assert client.get("/api/me", headers={"Authorization": f"Bearer {tampered}"}).status_code == 401


def test_demo_people(demo_app):
    people = demo_app.test_client().get("/demo/idp/people").get_json()["people"]
    assert {p["role"] for p in people} == {"manager", "employee", "hr"}


def test_demo_keys_come_from_the_local_entra_over_tls(demo_app):
    settings = demo_app.extensions["mus.settings"]
    assert settings.authority_host.startswith("https://127.0.0.1:")
    assert settings.ca_bundle and settings.ca_bundle.endswith(".pem")
    cloud = demo_app.extensions["mus.demo_cloud"]
    before = cloud.entra.counts.get("keys", 0)
    client = demo_app.test_client()
    token = client.post("/demo/idp/token", json={"person": "freja"}).get_json()["access_token"]
    assert client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert cloud.entra.counts.get("keys", 0) == before + 1


def test_unknown_demo_person_is_404(demo_app):
    response = demo_app.test_client().post("/demo/idp/token", json={"person": "nobody"})
    assert response.status_code == 404
    assert response.get_json()["error"]["field"] == "person"


def test_demo_identity_provider_answers_loopback_only(demo_app):
    client = demo_app.test_client()
    remote = {"REMOTE_ADDR": "192.0.2.10"}
    assert client.post("/demo/idp/token", json={"person": "mette"}, environ_base=remote).status_code == 403
    assert client.get("/demo/idp/people", environ_base=remote).status_code == 403


def test_demo_routes_do_not_exist_outside_demo_mode(app):
    assert app.test_client().post("/demo/idp/token", json={"person": "mette"}).status_code == 404
