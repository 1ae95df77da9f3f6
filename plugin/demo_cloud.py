"""Demo mode's Microsoft 365: the local Entra ID and Graph stand-ins, started on loopback with their
own test certificate authority, so `make run` shows names and managers without a Microsoft tenant.
The app talks to them exactly as it talks to Microsoft: only the hosts and the CA bundle differ."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .adapters.demo_idp import DEMO_PEOPLE
from .config import DEMO_CLIENT_ID, DEMO_TENANT_ID, Settings
from .standins import Directory, EntraStandin, GraphStandin, LocalCA

DEMO_CLIENT_SECRET = "demo-client-secret-not-for-production"
# What an administrator of the demo organisation consented to for everyone (tenant-wide), and what
# each demo person has consented to already, so the demo never stops at a consent pop-up (whose
# stand-in authority the browser would not trust). The tests exercise the consent flow itself.
DEMO_ADMIN_CONSENT = ("User.Read.All", "OnlineMeetingTranscript.Read.All")
DEMO_USER_CONSENT = ("User.Read", "OnlineMeetings.Read", "Calendars.ReadWrite")


@dataclass
class DemoCloud:
    ca: LocalCA
    directory: Directory
    entra: EntraStandin
    graph: GraphStandin

    def settings_for(self, settings: Settings) -> Settings:
        return settings.with_changes(
            authority_host=self.entra.url,
            graph_url=self.graph.url,
            ca_bundle=self.ca.ca_file,
            client_secret=DEMO_CLIENT_SECRET,
        )

    def close(self) -> None:
        self.graph.close()
        self.entra.close()


def start(settings: Settings, *, redirect_uris: tuple[str, ...] = ()) -> DemoCloud:
    folder = Path(settings.instance_path or ".") / "demo-cloud"
    ca = LocalCA(folder)
    directory = Directory.demo(client_secret=DEMO_CLIENT_SECRET, app_domain=settings.app_domain)
    for uri in redirect_uris:
        directory.add_redirect_uri(DEMO_CLIENT_ID, uri)
    directory.grant_admin_consent(DEMO_TENANT_ID, DEMO_CLIENT_ID, DEMO_ADMIN_CONSENT)
    for person in DEMO_PEOPLE:
        directory.grant(DEMO_TENANT_ID, person.object_id, DEMO_CLIENT_ID, DEMO_USER_CONSENT)
    entra = EntraStandin(directory, ca).start()
    graph = GraphStandin(directory, ca, entra).start()
    return DemoCloud(ca, directory, entra, graph)
