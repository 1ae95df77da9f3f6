from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, field_validator

from ...domain.lifecycle import ConversationKind, Status
from ...domain.templates import Tool
from .common import Input, LongText, Output, PersonOut, PersonRef, Title, Version, not_null

# A conversation's title: the column holds 200 characters (PostgreSQL refuses more with an error).
ConversationTitle = Annotated[str, Field(max_length=200)]


class MeetingRef(Input):
    meeting_id: Annotated[str | None, Field(max_length=512)] = None
    chat_id: Annotated[str | None, Field(max_length=512)] = None
    join_url: Annotated[str | None, Field(max_length=2048)] = None

    @field_validator("join_url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("https://"):
            raise ValueError("the join URL must start with https://")
        return value


class ConversationCreate(Input):
    kind: ConversationKind = ConversationKind.MUS
    employee: PersonRef | None = Field(None, description="Defaults to the signed-in person.")
    manager: PersonRef | None = Field(None, description="Defaults to the signed-in person.")
    template_key: Annotated[str | None, Field(max_length=64)] = None
    title: ConversationTitle = ""
    scheduled_at: AwareDatetime | None = None
    meeting: MeetingRef | None = None
    confirm_relationship: bool = Field(
        False,
        description="The pair is always checked against the directory's manager relation; a pair the "
        "directory does not show is accepted only when the employee plans it with this confirmation, "
        "and recorded. 503 `directory_unconfirmed` when the directory cannot be asked.",
    )


class ConversationPatch(Input):
    version: Version
    title: ConversationTitle | None = None
    scheduled_at: AwareDatetime | None = Field(None, description="null clears the time.")
    meeting: MeetingRef | None = Field(None, description="null unlinks the meeting.")

    _no_nulls = field_validator("title")(not_null)


class TransitionIn(Input):
    status: Status
    version: Version


class ConversationQuery(Input):
    kind: ConversationKind | None = None
    status: Status | None = None
    role: Annotated[str | None, Field(pattern="^(employee|manager)$")] = None
    meeting_id: Annotated[str | None, Field(max_length=512)] = None


class TalkingPointOut(Output):
    id: int
    author: PersonOut
    text: str
    from_preparation: bool
    created_at: datetime


class AgendaItemOut(Output):
    id: int
    position: int
    section_key: str
    title: dict[str, str]
    tools: list[Tool]
    notes: str
    notes_removed: bool
    version: int
    updated_at: datetime
    talking_points: list[TalkingPointOut]


class AgendaItemPatch(Input):
    version: Version
    notes: LongText


class AgendaItemCreate(Input):
    title: Title


class TalkingPointCreate(Input):
    text: Annotated[LongText, Field(min_length=1)]


class MeetingOut(Output):
    meeting_id: str | None
    chat_id: str | None
    join_url: str | None


class ConversationSummary(Output):
    id: int
    kind: ConversationKind
    status: Status
    title: str
    template_key: str
    employee: PersonOut
    manager: PersonOut
    scheduled_at: datetime | None
    meeting: MeetingOut
    meeting_ended_at: datetime | None
    relationship_check: Literal["directory", "confirmed", "unchecked"]
    created_at: datetime
    updated_at: datetime
    version: int


class ConversationOut(ConversationSummary):
    agenda: list[AgendaItemOut]


class ConversationList(Output):
    items: list[ConversationSummary]
