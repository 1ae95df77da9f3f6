"""One fixture builds the app on a fresh database: SQLite by default, PostgreSQL when
MUS_TEST_DATABASE_URL names a server (the suite then creates and drops its own database)."""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from plugin import create_app
from plugin.config import Settings
from plugin.storage.db import db
from tests.support import directory
from tests.support.idp import APP_DOMAIN, CLIENT_ID, TENANT_A, TENANT_B, LocalAuthority
from tests.support.openapi_check import OpenApiChecker


@pytest.fixture(scope="session")
def authority(tmp_path_factory):
    local = LocalAuthority(tmp_path_factory.mktemp("authority"))
    yield local
    local.close()


@pytest.fixture(scope="session")
def postgres_url():
    admin = os.environ.get("MUS_TEST_DATABASE_URL")
    if not admin:
        yield None
        return
    name = f"mus_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    schema_engine = create_engine(url)
    db.metadata.create_all(schema_engine)
    schema_engine.dispose()
    yield url
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def make_settings(authority: LocalAuthority, database_url: str, instance: Path, **changes) -> Settings:
    base = Settings(
        database_url=database_url,
        secret_key="test-secret",
        client_id=CLIENT_ID,
        client_secret="test-client-secret",
        app_domain=APP_DOMAIN,
        tenants=frozenset({TENANT_A, TENANT_B}),
        authority_host=authority.url,
        ca_bundle=str(authority.ca_file),
        instance_path=str(instance),
        testing=True,
    )
    return base.with_changes(**changes)


@pytest.fixture
def settings(authority, postgres_url, tmp_path):
    url = postgres_url or f"sqlite:///{tmp_path / 'mus.sqlite3'}"
    return make_settings(authority, url, tmp_path / "instance")


@contextmanager
def built_app(settings: Settings, postgres_url: str | None, *, with_directory: bool = True):
    """An app on a fresh database: new SQLite tables, or emptied PostgreSQL tables. Its people and
    manager look-ups come from the test directory (`tests.support.directory`) unless told not to."""
    app = create_app(settings)
    if with_directory:
        app.extensions["mus.test_directory"] = directory.install(app, directory.test_directory())
    with app.app_context():
        if postgres_url:
            tables = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
            db.session.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            db.session.commit()
        else:
            db.create_all()
    try:
        yield app
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def app(settings, postgres_url):
    with built_app(settings, postgres_url) as app:
        yield app


@pytest.fixture
def events(app):
    captured = []
    app.extensions["mus.broker"].subscribe(captured.append)
    return captured


@dataclass(frozen=True)
class TestPerson:
    key: str
    tenant: str
    oid: str
    name: str
    token: str


@pytest.fixture
def people(authority) -> dict[str, TestPerson]:
    def person(key, tenant, name, roles=None):
        oid = directory.person_oid(tenant, key)
        token = authority.mint(tenant=tenant, oid=oid, name=name, roles=roles)
        return TestPerson(key, tenant, oid, name, token)

    return {
        p.key: p
        for p in (
            person("manager", TENANT_A, "Mette Sørensen"),
            person("employee", TENANT_A, "Jonas Nielsen"),
            person("colleague", TENANT_A, "Anders Holm"),
            person("admin", TENANT_A, "Hanne HR", roles=["MUS.Admin"]),
            person("outsider", TENANT_B, "Olga Other"),
        )
    }


class ApiClient:
    """The Flask test client, signed in as one person, checking each response against the
    OpenAPI document."""

    def __init__(self, client, checker: OpenApiChecker, token: str | None) -> None:
        self.client = client
        self.checker = checker
        self.token = token

    def as_(self, person: TestPerson | None) -> ApiClient:
        return ApiClient(self.client, self.checker, person.token if person else None)

    def with_token(self, token: str | None) -> ApiClient:
        return ApiClient(self.client, self.checker, token)

    def open(self, method: str, path: str, *, json=None, headers=None, **kwargs):
        headers = dict(headers or {})
        if self.token is not None:
            headers.setdefault("Authorization", f"Bearer {self.token}")
        response = self.client.open(path, method=method, json=json, headers=headers, **kwargs)
        self.checker.check(method, path, response.status_code, response.get_json(silent=True))
        return response

    def get(self, path, **kw):
        return self.open("GET", path, **kw)

    def post(self, path, **kw):
        return self.open("POST", path, **kw)

    def patch(self, path, **kw):
        return self.open("PATCH", path, **kw)

    def put(self, path, **kw):
        return self.open("PUT", path, **kw)

    def delete(self, path, **kw):
        return self.open("DELETE", path, **kw)


@pytest.fixture
def api(app) -> ApiClient:
    client = app.test_client()
    document = client.get("/api/openapi.json").get_json()
    return ApiClient(client, OpenApiChecker(document), None)


@pytest.fixture
def conversation(api, people):
    """A MUS planned by the manager for the employee."""
    response = api.as_(people["manager"]).post(
        "/api/conversations",
        json={
            "employee": {"object_id": people["employee"].oid},
        },
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()
