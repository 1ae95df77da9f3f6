"""Choosing the other person of a conversation: suggestions, directory search."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator

from .common import Input, Output


class SuggestionsQuery(Input):
    meeting_id: Annotated[
        str | None,
        Field(
            max_length=512,
            description="The Teams meeting's Graph id (onlineMeeting): its participants come first.",
        ),
    ] = None


class SearchQuery(Input):
    q: Annotated[
        str,
        Field(
            min_length=2, max_length=64, description="Part of a name or e-mail address (2 to 64 characters)."
        ),
    ]

    @field_validator("q")
    @classmethod
    def _words(cls, value: str) -> str:
        if len(value.strip()) < 2:
            raise ValueError("type at least 2 characters")
        return value.strip()


class CandidateOut(Output):
    object_id: str
    display_name: str
    email: str
    job_title: str | None = None
    department: str | None = None
    relation: Literal["report", "manager", "participant"] | None = Field(
        None, description="How the person was found for the signed-in person; null: by a search."
    )
    in_meeting: bool = False
    confirmed_pair: bool = Field(
        description="The directory shows the two as manager and employee. Planning with anyone else "
        "needs the employee's explicit confirmation (`confirm_relationship`)."
    )


class CandidateList(Output):
    items: list[CandidateOut]
