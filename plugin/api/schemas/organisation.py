"""The HR/admin screen: organisation settings, coverage per unit, template edits."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ...domain.org_settings import (
    AGREEMENT_RETENTION_MONTHS,
    MUS_INTERVAL_MONTHS,
    NOTES_RETENTION_DAYS,
    REMINDER_LEAD_DAYS,
)
from .admin import SUPPRESSED, Key, LocalText, SectionIn
from .common import ROW_ID_MAX, Input, Output, Version

CheckinWeeks = Literal[2, 4, 6, 8, 12]


class OrgSettingsFields(Input):
    mus_interval_months: Annotated[
        int, Field(ge=MUS_INTERVAL_MONTHS[0], le=MUS_INTERVAL_MONTHS[1], description="Default MUS interval.")
    ]
    checkin_interval_weeks: CheckinWeeks | None = Field(
        description="Default check-in interval in weeks; null: no check-ins by default."
    )
    reminder_lead_days: Annotated[
        int,
        Field(
            ge=REMINDER_LEAD_DAYS[0],
            le=REMINDER_LEAD_DAYS[1],
            description="Days before a MUS that the parties are reminded to prepare.",
        ),
    ]
    agreement_retention_months: Annotated[
        int | None,
        Field(
            ge=AGREEMENT_RETENTION_MONTHS[0],
            le=AGREEMENT_RETENTION_MONTHS[1],
            description="Months an agreed conversation is kept after its last locked version; "
            "null: kept until a party is erased.",
        ),
    ]
    notes_retention_days: Annotated[
        int,
        Field(
            ge=NOTES_RETENTION_DAYS[0],
            le=NOTES_RETENTION_DAYS[1],
            description="Retention of working material: shared notes not kept, drafts, unfinished "
            "conversations, pulses and private preparation.",
        ),
    ]
    default_mus_template: Key | None = Field(
        description="The template a new MUS starts from; null: the built-in one."
    )


class OrgSettingsIn(OrgSettingsFields):
    version: Annotated[
        int,
        Field(ge=0, le=ROW_ID_MAX, description="The version the change is based on; 0: none saved yet."),
    ]


class OrgSettingsOut(Output):
    mus_interval_months: int
    checkin_interval_weeks: int | None
    reminder_lead_days: int
    agreement_retention_months: int | None
    notes_retention_days: int
    default_mus_template: str | None
    version: int = Field(description="0: the organisation has not saved settings (these are the defaults).")


class TemplateUpdate(Input):
    version: Version
    name: Annotated[dict[Annotated[str, Field(pattern="^(da|en)$")], LocalText], Field(min_length=1)]
    sections: Annotated[list[SectionIn], Field(min_length=1, max_length=30)]


class TemplateRetire(Input):
    version: Version


Figure = Annotated[int | None, Field(description=SUPPRESSED)]


class UnitFigures(Output):
    employees: Figure
    mus_held: Figure = Field(description="Employees with a MUS agreed in the last 12 months. " + SUPPRESSED)
    mus_planned: Figure = Field(description="Employees with a MUS planned ahead. " + SUPPRESSED)
    mus_overdue: Figure = Field(
        description="Employees without a MUS agreed within the MUS interval. " + SUPPRESSED
    )
    checkins_recent: Figure = Field(
        description="Employees with a check-in held in the last 90 days. " + SUPPRESSED
    )


class UnitCoverageOut(UnitFigures):
    unit: str | None = Field(description="The directory's department; null: none given.")


class UnitsCoverageOut(Output):
    tenant_id: str
    source: Literal["directory", "known_people"] = Field(
        description="directory: every user of the organisation's directory (Microsoft Graph); "
        "known_people: the people the app knows, without their units (the directory was not available)."
    )
    units: list[UnitCoverageOut]
    organisation: UnitFigures
    mus_interval_months: int
    min_group_size: int
