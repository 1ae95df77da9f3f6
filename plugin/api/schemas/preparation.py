"""Private preparation and its guided questions."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, computed_field, field_validator

from ...domain.agreement import Party
from .common import Input, LongText, Output, RowId, Version, not_null
from .conversations import AgendaItemOut

PromptKey = Annotated[
    str,
    Field(
        min_length=1,
        max_length=64,
        description="The guided question this answers, e.g. employee.past_period.",
    ),
]


class PreparationCreate(Input):
    prompt_key: PromptKey | None = None
    text: LongText = ""


class PreparationPatch(Input):
    version: Version
    prompt_key: PromptKey | None = Field(None, description="null clears the guided question.")
    text: LongText | None = None

    _no_nulls = field_validator("text")(not_null)


class PreparationOut(Output):
    id: int
    prompt_key: str | None
    text: str
    promoted_item_id: int | None = Field(description="The agenda item it became a talking point on.")
    created_at: datetime
    updated_at: datetime
    version: int

    @computed_field
    @property
    def promoted(self) -> bool:
        return self.promoted_item_id is not None


class PreparationList(Output):
    items: list[PreparationOut]


class PromoteIn(Input):
    agenda_item_id: RowId


class PromoteOut(Output):
    preparation: PreparationOut
    agenda_item: AgendaItemOut


class PromptQuery(Input):
    # A literal rather than the Party enum keeps the query parameter's schema self-contained.
    role: Literal["employee", "manager"]
    # The yearly MUS when left out; a check-in has questions of its own.
    kind: Literal["mus", "checkin"] = "mus"


class PromptOut(Output):
    key: str
    text: str


class PromptList(Output):
    role: Party
    kind: Literal["mus", "checkin"]
    items: list[PromptOut]
