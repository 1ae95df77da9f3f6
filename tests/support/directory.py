"""The test organisation's directory: who the people of `tests.conftest` are and who manages whom.

The suite's apps have no Microsoft 365 (their tokens come from `tests.support.idp`), so Graph's people
and manager look-ups are answered from this stand-in `Directory` in-process; everything else still
goes to the app's own Graph client (which, without Microsoft 365, is unavailable as before).
`tests/test_m365.py` exercises the real HTTPS path against the Graph stand-in."""

from __future__ import annotations

import base64
import uuid

from m365_standins import Directory

from plugin.demo.directory_graph import DirectoryGraph
from plugin.identity import _http_graph
from tests.support.idp import TENANT_A, TENANT_B

TINY_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)

# key -> (tenant, name, manager key)
PEOPLE = {
    "manager": (TENANT_A, "Mette Sørensen", None),
    "employee": (TENANT_A, "Jonas Nielsen", "manager"),
    "colleague": (TENANT_A, "Anders Holm", "manager"),
    "admin": (TENANT_A, "Hanne HR", None),
    "outsider": (TENANT_B, "Olga Other", None),
    "outsider_report": (TENANT_B, "Otto Other", "outsider"),
    # More of Mette's team, known only to the directory (for figures about groups of 5 and more).
    **{f"staff{n}": (TENANT_A, f"Staff{n} Medarbejder", "manager") for n in range(1, 8)},
}


def person_oid(tenant: str, key: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_DNS, f"{tenant}.{key}"))


def test_directory() -> Directory:
    directory = Directory()
    for key, (tenant, name, manager) in PEOPLE.items():
        directory.add_user(
            tenant,
            person_oid(tenant, key),
            name,
            f"{name.split()[0].lower()}@example.dk",
            manager_id=person_oid(tenant, manager) if manager else None,
        )
    # Mette has a profile photo (a tiny PNG); nobody else has one.
    directory.set_photo(TENANT_A, person_oid(TENANT_A, "manager"), TINY_PNG, "image/png")
    return directory


class _Overlay:
    def __init__(self, http, local: DirectoryGraph) -> None:
        self._http = http
        self._local = local

    def person(self, object_id):
        return self._local.person(object_id)

    def manager_of(self, object_id=None):
        return self._local.manager_of(object_id)

    def direct_reports(self, object_id=None):
        return self._local.direct_reports(object_id)

    def search_people(self, text, *, top=20):
        return self._local.search_people(text, top=top)

    def photo(self, object_id):
        return self._local.photo(object_id)

    def __getattr__(self, name):
        return getattr(self._http, name)


def install(app, directory: Directory) -> Directory:
    """Answer the app's people, manager and direct-report look-ups from `directory`."""

    def factory(app_, actor, assertion):
        return _Overlay(
            _http_graph(app_, actor, assertion), DirectoryGraph(directory, actor.tenant_id, actor.object_id)
        )

    app.extensions["mus.graph_factory"] = factory
    # The app acting as itself (background jobs): the directory's people; calendars, activity
    # notifications and mail are not there (as when Graph is down).
    app.extensions["mus.app_graph_factory"] = lambda app_, tenant_id: DirectoryGraph(directory, tenant_id, "")
    return directory
