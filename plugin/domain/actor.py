"""The acting person: who a use case acts for, as established from their token."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """The signed-in person a use case acts for."""

    person_id: int
    tenant_id: str
    object_id: str
    display_name: str
    locale: str
    is_admin: bool = False
