from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ...domain.lifecycle import ConversationKind
from ...domain.templates import Tool
from .common import Input, Output


class DirectoryPersonOut(Output):
    object_id: str
    display_name: str
    email: str
    job_title: str | None = None


class Me(Output):
    object_id: str
    tenant_id: str
    display_name: str
    email: str
    locale: str
    is_admin: bool
    manager: DirectoryPersonOut | None
    directory: Literal["ok", "unavailable"]


class TemplateSection(Output):
    key: str
    title: dict[str, str]
    tools: list[Tool]


class TemplateOut(Output):
    key: str
    kind: ConversationKind
    name: dict[str, str]
    builtin: bool
    retired: bool = Field(description="No longer offered for new conversations (an organisation's own).")
    version: int = Field(description="An organisation's template: its edit version (0 for built-in ones).")
    sections: list[TemplateSection]


class TemplateList(Output):
    items: list[TemplateOut]


Key = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")]
LocalText = Annotated[str, Field(min_length=1, max_length=200)]


class SectionIn(Input):
    key: Key
    title: Annotated[dict[Annotated[str, Field(pattern="^(da|en)$")], LocalText], Field(min_length=1)]
    tools: list[Tool] = []


class TemplateCreate(Input):
    key: Key
    kind: ConversationKind
    name: Annotated[dict[Annotated[str, Field(pattern="^(da|en)$")], LocalText], Field(min_length=1)]
    sections: Annotated[list[SectionIn], Field(min_length=1, max_length=30)]


SUPPRESSED = "null when the group behind the figure is under `min_group_size` people (or the figure "
SUPPRESSED += "would let such a group be worked out): shown as 'fewer than 5'."


class KindCoverageOut(Output):
    kind: ConversationKind
    held: int | None = Field(description=SUPPRESSED)
    planned: int | None = Field(description=SUPPRESSED)
    overdue: int | None = Field(description=SUPPRESSED)


class CoverageOut(Output):
    tenant_id: str
    kinds: list[KindCoverageOut]
    follow_ups_overdue: int | None = Field(description=SUPPRESSED)
    employees_with_mus: int | None = Field(description=SUPPRESSED)
    min_group_size: int = Field(description="The smallest group a figure is shown for.")
