"""The organisation's users with their units through Microsoft Graph, end to end over HTTPS against
the stand-ins: the app's own token (application User.Read.All) lists every user with `department`,
paged; without the permission Graph refuses (403), which the coverage turns into the people the app
knows."""

from __future__ import annotations

import pytest

from plugin.identity import app_graph_for
from plugin.identity.graph import GraphDenied
from tests.conftest import built_app, make_settings
from tests.support import m365
from tests.support.m365 import CLIENT_ID, TENANT, oid


@pytest.fixture(scope="module")
def cloud(tmp_path_factory):
    cloud = m365.start_cloud(tmp_path_factory.mktemp("m365-users"))
    for n in range(1005):  # more than one page of 999
        cloud.directory.add_user(
            TENANT,
            f"eeee{n:04d}-0000-4000-8000-000000000000",
            f"Ansat {n}",
            f"a{n}@test.example",
            department="Jura" if n % 2 else "Salg",
        )
    yield cloud
    cloud.close()


@pytest.fixture
def app(cloud, authority, tmp_path):
    settings = m365.cloud_settings(
        make_settings(authority, f"sqlite:///{tmp_path / 'users.sqlite3'}", tmp_path / "instance"), cloud
    )
    cloud.graph.outage(False)
    with built_app(settings, None, with_directory=False) as app:
        yield app


def test_the_app_lists_every_user_with_their_department(app, cloud):
    users = app_graph_for(app, TENANT).organisation_users()
    by_id = {u.object_id: u for u in users}
    assert len(by_id) == len(cloud.directory.users(TENANT))
    assert by_id["eeee0001-0000-4000-8000-000000000000"].department == "Jura"
    assert by_id["eeee0002-0000-4000-8000-000000000000"].department == "Salg"
    assert by_id[oid("manager")].display_name
    pages = [e for e in cloud.graph.log if e["path"].endswith("/v1.0/users")]
    assert len(pages) >= 2  # followed @odata.nextLink


def test_without_the_permission_graph_refuses(app, cloud):
    cloud.directory.revoke_app_roles(TENANT, CLIENT_ID, ["User.Read.All"])
    try:
        with pytest.raises(GraphDenied):
            app_graph_for(app, TENANT).organisation_users()
    finally:
        cloud.directory.grant_app_roles(TENANT, CLIENT_ID, ["User.Read.All"])
