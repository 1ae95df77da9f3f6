"""Building blocks shared by the area schemas."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

# Limits: a note or any free text at most 64 KB (UTF-8), titles short. The whole request is
# capped at 1 MB by MAX_CONTENT_LENGTH.
MAX_TEXT_BYTES = 64 * 1024


def _limit_bytes(value: str) -> str:
    if len(value.encode("utf-8")) > MAX_TEXT_BYTES:
        raise PydanticCustomError("too_large", "text longer than {limit} bytes", {"limit": MAX_TEXT_BYTES})
    return value


LongText = Annotated[str, AfterValidator(_limit_bytes)]
ShortText = Annotated[str, Field(max_length=300)]
Title = Annotated[str, Field(min_length=1, max_length=300)]
Version = Annotated[int, Field(ge=1, description="The version the change is based on (optimistic locking).")]


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class PersonOut(Output):
    object_id: str
    display_name: str
    email: str


class PersonRef(Input):
    object_id: Annotated[
        str,
        Field(pattern=r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$", description="Entra object id"),
    ]
    display_name: Annotated[str, Field(max_length=256)] = ""
    email: Annotated[str, Field(max_length=320)] = ""


class Localised(BaseModel):
    da: str | None = None
    en: str | None = None


Timestamp = datetime
AwareTimestamp = AwareDatetime
