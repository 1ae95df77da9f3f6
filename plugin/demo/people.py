"""The demo organisation's people. In demo mode the local Entra ID stand-in signs them in and issues
their Teams-SSO-shaped tokens; these are the names a person picks from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoPerson:
    key: str
    object_id: str
    name: str
    email: str
    role: str  # "manager" or "employee", for the person picker
    locale: str = "da-dk"


DEMO_PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson(
        "mette",
        "0b8a6f2e-1c3d-4e5f-8a9b-000000000001",
        "Mette Sørensen",
        "mette.sorensen@demo.example",
        "manager",
    ),
    DemoPerson(
        "jonas",
        "0b8a6f2e-1c3d-4e5f-8a9b-000000000002",
        "Jonas Kjær Nielsen",
        "jonas.nielsen@demo.example",
        "employee",
    ),
    DemoPerson(
        "freja",
        "0b8a6f2e-1c3d-4e5f-8a9b-000000000003",
        "Freja Østergaard",
        "freja.ostergaard@demo.example",
        "employee",
        "en-gb",
    ),
)
DEMO_BY_KEY = {p.key: p for p in DEMO_PEOPLE}
