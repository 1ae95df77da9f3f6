"""Demo mode's Microsoft 365: the local Entra ID and Graph stand-ins, started on loopback with their
own test certificate authority, so `make run` shows names and managers without a Microsoft tenant.
The app talks to them exactly as it talks to Microsoft: only the hosts and the CA bundle differ."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..config import DEMO_CLIENT_ID, DEMO_TENANT_ID, ConfigError, Settings
from .people import DEMO_PEOPLE

try:
    from m365_standins import Directory, EntraStandin, GraphStandin, LocalCA
except ImportError as exc:  # a production install: the stand-ins are a package of their own
    raise ConfigError(
        "demo mode needs the local Microsoft 365 stand-ins: pip install ./standins (make run installs them)"
    ) from exc

DEMO_CLIENT_SECRET = "demo-client-secret-not-for-production"
# What an administrator of the demo organisation consented to for everyone (tenant-wide), and what
# each demo person has consented to already, so the demo never stops at a consent pop-up (whose
# stand-in authority the browser would not trust). The tests exercise the consent flow itself.
DEMO_ADMIN_CONSENT = ("User.Read.All", "OnlineMeetingTranscript.Read.All")
DEMO_USER_CONSENT = ("User.Read", "OnlineMeetings.Read", "Calendars.ReadWrite")
# Application permissions, for the background jobs (calendar entries, reminders), admin-granted.
DEMO_APP_ROLES = ("User.Read.All", "Calendars.ReadWrite", "TeamsActivity.Send", "Mail.Send")


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
    directory = demo_directory(client_secret=DEMO_CLIENT_SECRET, app_domain=settings.app_domain)
    for uri in redirect_uris:
        directory.add_redirect_uri(DEMO_CLIENT_ID, uri)
    directory.grant_admin_consent(DEMO_TENANT_ID, DEMO_CLIENT_ID, DEMO_ADMIN_CONSENT)
    directory.grant_app_roles(DEMO_TENANT_ID, DEMO_CLIENT_ID, DEMO_APP_ROLES)
    for person in DEMO_PEOPLE:
        directory.grant(DEMO_TENANT_ID, person.object_id, DEMO_CLIENT_ID, DEMO_USER_CONSENT)
    entra = EntraStandin(directory, ca).start()
    graph = GraphStandin(directory, ca, entra).start()
    return DemoCloud(ca, directory, entra, graph)


def demo_directory(*, client_secret: str, app_domain: str) -> Directory:
    """A small Danish organisation matching the demo people (same tenant and object ids)."""
    directory = Directory()
    directory.add_tenant(DEMO_TENANT_ID, "Demo Kommune", "demo.example")
    director_id = "0b8a6f2e-1c3d-4e5f-8a9b-000000000010"
    directory.add_user(
        DEMO_TENANT_ID,
        director_id,
        "Henrik Lund",
        "henrik.lund@demo.example",
        given_name="Henrik",
        surname="Lund",
        job_title="Direktør",
        department="Direktionen",
        preferred_language="da-DK",
        office_location="Rådhuset",
        is_admin=True,
    )
    people = {p.key: p for p in DEMO_PEOPLE}
    details = {
        "mette": ("Afdelingsleder", director_id),
        "jonas": ("Sagsbehandler", people["mette"].object_id),
        "freja": ("Udviklingskonsulent", people["mette"].object_id),
    }
    for person in DEMO_PEOPLE:
        title, manager = details.get(person.key, ("Medarbejder", people["mette"].object_id))
        given, _, family = person.name.partition(" ")
        directory.add_user(
            DEMO_TENANT_ID,
            person.object_id,
            person.name,
            person.email,
            given_name=given,
            surname=family.split()[-1] if family else None,
            job_title=title,
            department="Borgerservice",
            preferred_language="en-GB" if person.locale.startswith("en") else "da-DK",
            office_location="Rådhuset",
            manager_id=manager,
        )
    for number, (name, title) in enumerate(
        [("Sofie Madsen", "Socialrådgiver"), ("Mads Christensen", "IT-supporter")], start=4
    ):
        given, family = name.split()
        directory.add_user(
            DEMO_TENANT_ID,
            f"0b8a6f2e-1c3d-4e5f-8a9b-{number:012d}",
            name,
            f"{given.lower()}.{family.lower()}@demo.example",
            given_name=given,
            surname=family,
            job_title=title,
            department="Borgerservice",
            preferred_language="da-DK",
            manager_id=people["mette"].object_id,
        )
    directory.register_client(
        DEMO_CLIENT_ID,
        secret=client_secret,
        display_name="MUS",
        app_id_uri=f"api://{app_domain}/{DEMO_CLIENT_ID}",
        redirect_uris=("http://localhost:5000/auth/callback", "http://127.0.0.1:5000/auth/callback"),
        home_tenant=DEMO_TENANT_ID,
    )
    mette, jonas = people["mette"], people["jonas"]
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
    meeting = directory.add_meeting(
        DEMO_TENANT_ID,
        mette.object_id,
        "MUS 2026: Jonas",
        attendee_ids=[jonas.object_id],
        start=tomorrow,
        end=tomorrow + timedelta(hours=1),
    )
    directory.add_transcript(
        meeting.id,
        "WEBVTT\n\n"
        "00:00:00.000 --> 00:00:04.000\n<v Mette Sørensen>Velkommen til din MUS, Jonas.</v>\n\n"
        "00:00:04.500 --> 00:00:09.000\n"
        "<v Jonas Kjær Nielsen>Tak. Jeg vil gerne tale om kompetenceudvikling.</v>\n",
    )
    directory.next_sign_in = directory.user(DEMO_TENANT_ID, mette.object_id)
    return directory
