"""Data rights: erasure (preview and confirmation) and handover of an employee's history."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import Field

from .common import Input, ObjectId, Output, PersonOut


class ErasureLine(Output):
    kind: str
    count: int
    text: str = Field(description="What goes, in the reader's language.")


class KeptAgreementOut(Output):
    conversation_id: int
    title: str
    kind: str
    until: date
    text: str = Field(description="What stays and until when, in the reader's language.")


class ErasurePreview(Output):
    erased: bool = Field(description="True when there is nothing left to erase.")
    goes_now: list[ErasureLine]
    kept_until: list[KeptAgreementOut]
    kept_always: list[str] = Field(description="What is always kept (the audit log's entries, no content).")


class ErasureConfirm(Input):
    confirm: Literal[True] = Field(description="The person confirmed the erasure.")


class ErasureDone(ErasurePreview):
    erased_at: datetime


class HandoverOut(Output):
    id: int
    status: Literal["requested", "approved", "declined"]
    employee: PersonOut
    from_manager: PersonOut | None
    to_manager: PersonOut
    requested_by: Literal["employee", "manager"]
    created_at: datetime
    decided_at: datetime | None


class ReportOut(Output):
    object_id: str
    display_name: str
    handover: HandoverOut | None


class HandoverList(Output):
    as_employee: list[HandoverOut]
    as_manager: list[HandoverOut]
    reports: list[ReportOut]
    directory: Literal["ok", "unavailable"]


class HandoverCreate(Input):
    employee_object_id: ObjectId | None = Field(
        None, description="The new manager asks for this employee's history (they must be the manager)."
    )
    offer: bool = Field(False, description="The employee offers their history to their manager (approved).")


class HandoverDecision(Input):
    decision: Literal["approved", "declined"]


class HistoryItemOut(Output):
    conversation_id: int
    kind: str
    title: str
    scheduled_at: datetime | None
    manager: PersonOut
    agreed_at: datetime
    number: int = Field(description="The agreed version's number: its PDF is `.../agreement/{number}.pdf`.")
    agreement: dict[str, Any]


class HistoryOut(Output):
    handover: HandoverOut
    items: list[HistoryItemOut]
