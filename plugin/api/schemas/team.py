"""The team overview and per-employee cadences."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from ...domain.cadence import CHECK_IN_INTERVALS_WEEKS, MUS_INTERVAL_MAX_MONTHS, MUS_INTERVAL_MIN_MONTHS
from .common import ROW_ID_MAX, Input, Output, PersonOut

DueStateOut = Literal["ok", "due", "overdue", "planned", "none"]


class DueOut(Output):
    due_on: date | None = Field(description="When the next one is due (none: no check-in interval set).")
    state: DueStateOut = Field(
        description="`planned`: one is planned; `overdue`: the date passed; `due`: within 14 days (MUS) "
        "or 3 days (check-in); `ok`: later; `none`: no check-in interval."
    )


class CadenceStatusOut(Output):
    mus: DueOut
    check_in: DueOut


class CadenceOut(Output):
    employee_object_id: str
    mus_interval_months: int
    check_in_interval_weeks: int | None
    is_default: bool = Field(description="True when the manager has set none: the defaults apply.")
    version: int = Field(description="Send it back with a change; 0 while the defaults apply.")
    updated_at: datetime | None
    set_by: PersonOut | None
    status: CadenceStatusOut


class CadenceIn(Input):
    mus_interval_months: int = Field(
        ge=MUS_INTERVAL_MIN_MONTHS,
        le=MUS_INTERVAL_MAX_MONTHS,
        description=f"Months between MUS ({MUS_INTERVAL_MIN_MONTHS} to {MUS_INTERVAL_MAX_MONTHS}).",
    )
    check_in_interval_weeks: Literal[CHECK_IN_INTERVALS_WEEKS] | None = Field(  # type: ignore[valid-type]
        description="Weeks between check-ins (2, 4, 6, 8 or 12), or null for none."
    )
    version: int = Field(
        ge=0, le=ROW_ID_MAX, description="The version the change is based on (0: the defaults, never set)."
    )


class NextConversationOut(Output):
    id: int
    kind: Literal["mus", "checkin"]
    scheduled_at: datetime | None


class OverdueFollowUpsOut(Output):
    count: int
    earliest: date | None


class GoalGlanceOut(Output):
    total: int = Field(description="Goals of the pair, dropped ones left out.")
    achieved: int
    open: int
    average_percent: int | None = Field(description="The open goals' latest progress on average.")


class PulsePointOut(Output):
    score: int
    at: datetime


class TeamMemberOut(Output):
    object_id: str
    display_name: str
    email: str
    job_title: str | None
    signed_in: bool = Field(description="False for a report who has never opened the app.")
    cadence: CadenceOut
    last_mus: date | None = Field(description="When the last MUS of the pair was held.")
    next_conversation: NextConversationOut | None
    overdue_follow_ups: OverdueFollowUpsOut
    goals: GoalGlanceOut
    wellbeing: list[PulsePointOut] = Field(
        description="The last pulses (at most 3, oldest first) the employee chose to share."
    )


class TeamOut(Output):
    today: date
    members: list[TeamMemberOut] = Field(
        description="What needs attention first: overdue, due, then by name."
    )
