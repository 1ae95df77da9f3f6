"""An organisation's settings and the rules they follow (bounds are checked here, not in the API alone,
so every way in refuses the same values).

- `mus_interval_months`: how often each employee has their MUS by default, 6 to 24 months.
- `checkin_interval_weeks`: the default check-in interval, one of 2, 4, 6, 8 or 12 weeks, or none.
- `reminder_lead_days`: how many days before a MUS the parties are reminded to prepare, 1 to 14.
- `agreement_retention_months`: how long an agreed conversation (its locked versions with what was
  agreed) is kept after its last version was locked, 12 to 120 months. The lower bound keeps the
  agreement for the next year's conversation, where it is followed up; the upper bound (10 years)
  keeps it from being held indefinitely (GDPR art. 5(1)(e), storage limitation). Not set: kept until
  a party is erased (the rule without organisation settings).
- `notes_retention_days`: the retention period of the working material (shared notes not chosen to
  be kept, drafts, unfinished conversations, wellbeing pulses, private preparation), 1 to 365 days;
  not set: the installation's `MUS_RETENTION_DAYS`.
- `default_mus_template`: the template a new MUS starts from when none is chosen.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime

from .errors import InvalidInput

MUS_INTERVAL_MONTHS = (6, 24)
CHECKIN_INTERVAL_WEEKS = (2, 4, 6, 8, 12)
REMINDER_LEAD_DAYS = (1, 14)
AGREEMENT_RETENTION_MONTHS = (12, 120)
NOTES_RETENTION_DAYS = (1, 365)

DEFAULT_MUS_INTERVAL_MONTHS = 12
DEFAULT_CHECKIN_INTERVAL_WEEKS = 6
DEFAULT_REMINDER_LEAD_DAYS = 7


@dataclass(frozen=True)
class OrgSettings:
    """What other parts of the app read (`plugin.services.org_settings.settings_for`)."""

    mus_interval_months: int = DEFAULT_MUS_INTERVAL_MONTHS
    checkin_interval_weeks: int | None = DEFAULT_CHECKIN_INTERVAL_WEEKS
    reminder_lead_days: int = DEFAULT_REMINDER_LEAD_DAYS
    agreement_retention_months: int | None = None  # None: kept until a party is erased
    notes_retention_days: int = 30
    default_mus_template: str | None = None  # None: the built-in MUS template
    version: int = 0  # 0: the organisation has not saved settings yet


def _within(name: str, value: int, bounds: tuple[int, int]) -> None:
    low, high = bounds
    if not low <= value <= high:
        raise InvalidInput(
            "setting_out_of_range", field=name, params={"field": name, "min": low, "max": high}
        )


def check_settings(
    *,
    mus_interval_months: int,
    checkin_interval_weeks: int | None,
    reminder_lead_days: int,
    agreement_retention_months: int | None,
    notes_retention_days: int,
) -> None:
    """Refuses (422, naming the field) a value outside its bounds."""
    _within("mus_interval_months", mus_interval_months, MUS_INTERVAL_MONTHS)
    if checkin_interval_weeks is not None and checkin_interval_weeks not in CHECKIN_INTERVAL_WEEKS:
        raise InvalidInput(
            "checkin_interval_choice",
            field="checkin_interval_weeks",
            params={
                "field": "checkin_interval_weeks",
                "choices": ", ".join(str(w) for w in CHECKIN_INTERVAL_WEEKS),
            },
        )
    _within("reminder_lead_days", reminder_lead_days, REMINDER_LEAD_DAYS)
    if agreement_retention_months is not None:
        _within("agreement_retention_months", agreement_retention_months, AGREEMENT_RETENTION_MONTHS)
    _within("notes_retention_days", notes_retention_days, NOTES_RETENTION_DAYS)


def months_before(moment: datetime, months: int) -> datetime:
    """The same day `months` calendar months earlier (the month's last day when it has fewer days)."""
    total = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))
