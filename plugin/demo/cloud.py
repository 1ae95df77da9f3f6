"""Demo mode's Microsoft 365: the local Entra ID and Graph stand-ins, started on loopback with their
own test certificate authority, so `make run` shows names and managers without a Microsoft tenant.
The app talks to them exactly as it talks to Microsoft: only the hosts and the CA bundle differ."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..config import DEMO_CLIENT_ID, DEMO_TENANT_ID, ConfigError, Settings
from ..services.reminders import ACTIVITY_TYPES
from .people import DEMO_PEOPLE, demo_oid

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
    # The Teams app, with the activity types its manifest declares, installed for everyone (reminders).
    graph.register_teams_app(DEMO_CLIENT_ID, list(ACTIVITY_TYPES.values()))
    graph.install_app(DEMO_TENANT_ID, DEMO_CLIENT_ID)
    return DemoCloud(ca, directory, entra, graph)


# The rest of the organisation, in the directory only: (number, name, job title, department,
# manager's number). Mette (1) has six reports; Henrik (10) is her director; Camilla (8) is HR with
# the app's admin role; Teknik og Miljø is another department.
DIRECTOR = 10
ORGANISATION = (
    (10, "Henrik Lund", "Direktør", "Direktionen", None),
    (1, "Mette Sørensen", "Afdelingsleder", "Borgerservice", 10),
    (2, "Jonas Kjær Nielsen", "Sagsbehandler", "Borgerservice", 1),
    (3, "Freja Østergaard", "Udviklingskonsulent", "Borgerservice", 1),
    (4, "Sofie Madsen", "Socialrådgiver", "Borgerservice", 1),
    (5, "Mads Christensen", "IT-supporter", "Borgerservice", 1),
    (6, "Line Andersen", "Sagsbehandler", "Borgerservice", 1),
    (7, "Kasper Thomsen", "Kommunikationsmedarbejder", "Borgerservice", 1),
    (8, "Camilla Holm", "HR-partner", "HR og Personale", 10),
    (9, "Peter Mortensen", "Teamleder", "Teknik og Miljø", 10),
    (11, "Ida Poulsen", "Ingeniør", "Teknik og Miljø", 9),
    (12, "Nikolaj Berg", "Byplanlægger", "Teknik og Miljø", 9),
)
# Who has a profile photo (the others are shown with initials), and its colours.
PHOTOS = {
    1: ((196, 90, 60), (250, 226, 214)),
    2: ((52, 110, 160), (214, 232, 248)),
    4: ((70, 140, 90), (222, 242, 226)),
}


def demo_directory(*, client_secret: str, app_domain: str) -> Directory:
    """A small Danish organisation matching the demo people (same tenant and object ids)."""
    directory = Directory()
    directory.add_tenant(DEMO_TENANT_ID, "Demo Kommune", "demo.example")
    signing_in = {p.object_id: p for p in DEMO_PEOPLE}
    for number, name, title, department, manager in ORGANISATION:
        oid = demo_oid(number)
        known = signing_in.get(oid)
        given, _, family = name.partition(" ")
        email = known.email if known else f"{given.lower()}.{family.split()[-1].lower()}@demo.example"
        english = known is not None and known.locale.startswith("en")
        directory.add_user(
            DEMO_TENANT_ID,
            oid,
            name,
            email,
            given_name=given,
            surname=family.split()[-1] if family else None,
            job_title=title,
            department=department,
            preferred_language="en-GB" if english else "da-DK",
            office_location="Rådhuset",
            manager_id=demo_oid(manager) if manager else None,
            is_admin=number == DIRECTOR,
            app_roles=("MUS.Admin",) if number == 8 else (),
        )
        if number in PHOTOS:
            directory.set_photo(DEMO_TENANT_ID, oid, portrait_png(*PHOTOS[number]), "image/png")
    people = {p.key: p for p in DEMO_PEOPLE}
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


def portrait_png(face: tuple[int, int, int], background: tuple[int, int, int], size: int = 48) -> bytes:
    """A small generated "photo" (a round face on a background) as PNG, so the demo has a few
    profile photos without shipping pictures of anyone."""
    rows = []
    centre, radius = (size - 1) / 2, size * 0.36
    for y in range(size):
        row = bytearray([0])  # filter: none
        for x in range(size):
            inside = (x - centre) ** 2 + (y - centre * 0.85) ** 2 <= radius**2
            shoulders = y > size * 0.78 and abs(x - centre) < size * 0.42
            row.extend(face if inside or shoulders else background)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )
