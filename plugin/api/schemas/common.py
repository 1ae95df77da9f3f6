"""Building blocks shared by the area schemas."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from flask import g, has_request_context
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ...domain.paging import DEFAULT_LIMIT, MAX_LIMIT, PageInvalid, check_limit
from ...i18n import translate

# Limits: free text (a note, a comment) at most `Settings.max_text_bytes` of UTF-8, handed to the
# validation as context by the endpoint; titles short. The whole request is capped by
# `Settings.max_request_bytes` (MAX_CONTENT_LENGTH).
TEXT_LIMIT = "max_text_bytes"


def _limit_bytes(value: str, info: ValidationInfo) -> str:
    limit = (info.context or {}).get(TEXT_LIMIT)  # None: a response built from stored data
    if limit is not None and len(value.encode("utf-8")) > limit:
        raise PydanticCustomError("too_large", "text longer than {limit} bytes", {"limit": limit})
    return value


LongText = Annotated[str, AfterValidator(_limit_bytes)]
ShortText = Annotated[str, Field(max_length=300)]
Title = Annotated[str, Field(min_length=1, max_length=300)]
# Ids, versions and sequence numbers: within the columns' range (32-bit INTEGER on PostgreSQL).
ROW_ID_MAX = 2**31 - 1
RowId = Annotated[int, Field(ge=1, le=ROW_ID_MAX)]
Version = Annotated[
    int, Field(ge=1, le=ROW_ID_MAX, description="The version the change is based on (optimistic locking).")
]


def not_null(value):
    """A field that may be left out but not set to null (a value is required when it is sent).
    Use as `_no_nulls = field_validator("title", ...)(not_null)`."""
    if value is None:
        raise PydanticCustomError("not_null", "may not be null; leave the field out to keep it")
    return value


def erased_name() -> str:
    actor = g.get("actor") if has_request_context() else None
    return translate("erasure.person.erased", actor.language if actor else "da")


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class PersonOut(Output):
    object_id: str
    display_name: str
    email: str
    left: bool = Field(False, description="The directory no longer knows the person (they left).")

    @model_validator(mode="before")
    @classmethod
    def _pseudonym(cls, data: Any) -> Any:
        """An erased person (`Person.erased_at`) is shown as "Erased person" in the reader's language."""
        if getattr(data, "erased_at", None) is None:
            return data
        return {"object_id": data.object_id, "display_name": erased_name(), "email": ""}


OBJECT_ID_PATTERN = r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$"
ObjectId = Annotated[str, Field(pattern=OBJECT_ID_PATTERN, description="Entra object id")]


class PersonRef(Input):
    """Another person, by their directory id only: the server takes the name and e-mail address from
    the directory (Microsoft Graph), never from the request."""

    object_id: ObjectId


class Localised(BaseModel):
    da: str | None = None
    en: str | None = None


Timestamp = datetime
AwareTimestamp = AwareDatetime


class PageQuery(Input):
    """Cursor pagination of a list that grows with history: `limit` items at most, from where the
    previous page's `next_cursor` says. A cursor not made by this list, or a limit out of range, is
    a 400 (cursor_invalid, page_limit_invalid)."""

    cursor: Annotated[
        str | None,
        Field(
            max_length=512, description="The previous page's `next_cursor` (opaque); none: the first page."
        ),
    ] = None
    limit: Annotated[
        int,
        Field(ge=1, le=MAX_LIMIT, description=f"Items per page, 1 to {MAX_LIMIT}; default {DEFAULT_LIMIT}."),
    ] = DEFAULT_LIMIT

    @field_validator("limit", mode="before")
    @classmethod
    def _limit(cls, value: Any) -> int:
        return check_limit(value)  # a 400 in the one error shape, not a validation error (422)

    @field_validator("cursor", mode="before")
    @classmethod
    def _cursor(cls, value: Any) -> Any:
        if isinstance(value, str) and (not value or len(value) > 512):
            raise PageInvalid(field="cursor")
        return value


class PageOut(Output):
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null on the last page.",
    )
