"""The demo organisation's directory read in-process, for work done without a signed-in person (the
demo seed plans its conversations through the same use case, which checks every pair against the
directory). It reads the very `Directory` the Graph stand-in serves; only the HTTPS hop is skipped.
Anything but people, managers, the search and photos is not there, as when Graph is down."""

from __future__ import annotations

from typing import Any

from ..identity.graph import DirectoryPerson, GraphUnavailable, Photo


def _person(user: Any) -> DirectoryPerson | None:
    if user is None:
        return None
    return DirectoryPerson(
        object_id=user.object_id.lower(),
        display_name=user.display_name,
        email=user.mail or user.user_principal_name,
        job_title=user.job_title,
        preferred_language=user.preferred_language,
        department=user.department,
    )


class DirectoryGraph:
    """The directory part of the `Graph` interface over a stand-in `Directory`, for one tenant."""

    def __init__(self, directory: Any, tenant_id: str, object_id: str) -> None:
        self._directory = directory
        self._tenant = tenant_id
        self._me = object_id

    def me(self) -> DirectoryPerson:
        found = _person(self._directory.user(self._tenant, self._me))
        if found is None:
            raise GraphUnavailable()
        return found

    def person(self, object_id: str) -> DirectoryPerson | None:
        return _person(self._directory.user(self._tenant, object_id))

    def manager_of(self, object_id: str | None = None) -> DirectoryPerson | None:
        return _person(self._directory.manager_of(self._tenant, object_id or self._me))

    def direct_reports(self, object_id: str | None = None) -> list[DirectoryPerson]:
        reports = self._directory.direct_reports(self._tenant, object_id or self._me)
        return [p for p in map(_person, reports) if p is not None]

    def organisation_users(self) -> list[DirectoryPerson]:
        return [p for p in map(_person, self._directory.users(self._tenant)) if p is not None]

    def search_people(self, text: str, *, top: int = 20) -> list[DirectoryPerson]:
        return [p for p in map(_person, self._directory.search(self._tenant, text)) if p is not None][:top]

    def photo(self, object_id: str) -> Photo | None:
        found = self._directory.photo(self._tenant, object_id)
        return Photo(*found) if found else None

    def __getattr__(self, name: str):  # meetings, calendar, transcripts: not in a directory
        def unavailable(*args, **kwargs):
            raise GraphUnavailable()

        return unavailable
