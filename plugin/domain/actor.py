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
    locale: str  # stored at first sign-in; only for what is sent outside a request
    is_admin: bool = False
    # The reader's language for this request ("da" or "en"): the Teams locale the tab sends, then
    # the browser's languages, then Danish. Every text a use case makes is in this language.
    language: str = "da"
