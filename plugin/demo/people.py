"""The demo organisation's people. In demo mode the local Entra ID stand-in signs them in and issues
their Teams-SSO-shaped tokens; these are the people one can sign in as. The rest of the organisation
(Mette's other reports, her director, colleagues in another department) is only in the directory
(`plugin.demo.cloud.demo_directory`): they are found by name when planning."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoPerson:
    key: str
    object_id: str
    name: str
    email: str
    role: str  # "manager", "employee" or "hr", shown at the demo sign-in
    locale: str = "da-dk"


def demo_oid(number: int) -> str:
    return f"0b8a6f2e-1c3d-4e5f-8a9b-{number:012d}"


DEMO_PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson("mette", demo_oid(1), "Mette Sørensen", "mette.sorensen@demo.example", "manager"),
    DemoPerson("jonas", demo_oid(2), "Jonas Kjær Nielsen", "jonas.nielsen@demo.example", "employee"),
    DemoPerson(
        "freja", demo_oid(3), "Freja Østergaard", "freja.ostergaard@demo.example", "employee", "en-gb"
    ),
    DemoPerson("camilla", demo_oid(8), "Camilla Holm", "camilla.holm@demo.example", "hr"),
)
DEMO_BY_KEY = {p.key: p for p in DEMO_PEOPLE}
