"""A small Microsoft 365 organisation on the local Entra ID and Graph stand-ins, for the tests of
on-behalf-of, consent, browser sign-in and the directory."""

from __future__ import annotations

import html
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from m365_standins import Directory, EntraStandin, GraphStandin, LocalCA

CLIENT_ID = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
CLIENT_SECRET = "m365-test-secret"
DOMAIN = "mus.m365.example"
TENANT = "d1d2d3d4-1111-4222-8333-444455556666"
APP_ROLES = ("User.Read.All", "Calendars.ReadWrite", "TeamsActivity.Send", "Mail.Send")
CALLBACKS = ("http://localhost/auth/callback", "https://localhost/auth/callback")


def oid(name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_DNS, f"{name}.{TENANT}"))


@dataclass
class Cloud:
    ca: LocalCA
    directory: Directory
    entra: EntraStandin
    graph: GraphStandin

    def sso(self, name: str, **claims) -> str:
        return self.entra.mint_sso_token(TENANT, oid(name), client_id=CLIENT_ID, **claims)

    def close(self) -> None:
        self.graph.close()
        self.entra.close()


def start_cloud(folder: Path) -> Cloud:
    ca = LocalCA(folder)
    directory = Directory()
    directory.add_tenant(TENANT, "Testkommune", "test.example")
    directory.add_user(TENANT, oid("director"), "Dorte Direktør", "dorte@test.example", is_admin=True)
    directory.add_user(
        TENANT, oid("manager"), "Mette Leder", "mette@test.example", manager_id=oid("director")
    )
    for name, display in (("employee", "Jonas Medarbejder"), ("colleague", "Anders Kollega")):
        directory.add_user(TENANT, oid(name), display, f"{name}@test.example", manager_id=oid("manager"))
    directory.add_user(TENANT, oid("newcomer"), "Nina Ny", "nina@test.example", manager_id=oid("manager"))
    directory.register_client(
        CLIENT_ID,
        secret=CLIENT_SECRET,
        display_name="MUS",
        app_id_uri=f"api://{DOMAIN}/{CLIENT_ID}",
        redirect_uris=CALLBACKS,
        home_tenant=TENANT,
    )
    directory.grant_admin_consent(TENANT, CLIENT_ID, ["User.Read.All"])
    for name in ("manager", "employee", "colleague", "director"):
        directory.grant(
            TENANT, oid(name), CLIENT_ID, ["User.Read", "OnlineMeetings.Read", "Calendars.ReadWrite"]
        )
    # "newcomer" has given no consent of their own yet.
    # Application permissions for the background jobs (calendar entries, reminders).
    directory.grant_app_roles(TENANT, CLIENT_ID, APP_ROLES)
    entra = EntraStandin(directory, ca).start()
    graph = GraphStandin(directory, ca, entra).start()
    return Cloud(ca, directory, entra, graph)


def cloud_settings(base, cloud: Cloud, **changes):
    """`base` (settings from `tests.conftest.make_settings`) talking to this organisation on the
    Entra ID and Graph stand-ins of `cloud`."""
    return base.with_changes(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        app_domain=DOMAIN,
        tenants=frozenset({TENANT}),
        authority_host=cloud.entra.url,
        graph_url=cloud.graph.url,
        ca_bundle=cloud.ca.ca_file,
        **changes,
    )


def hidden_fields(page: str) -> dict[str, str]:
    """The fields of a form_post page (what the browser would post back)."""
    return {
        html.unescape(name): html.unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)"', page)
    }


def form_action(page: str) -> str:
    return html.unescape(re.search(r'<form method="POST" action="([^"]*)"', page).group(1))
