"""Storage: SQLAlchemy models and the column types they share. Importing this package registers
every table on the metadata that migrations compare against."""

from .agreements import AgendaSummary, AgreementDecision, AgreementVersion, Consent, FollowUp
from .cadence import CadenceSetting
from .calendar import CalendarSync
from .checkins import CheckinClosure, CheckinResponse, GoalAdjustment, GoalSuccess
from .conversations import AgendaItem, Conversation, PreparationItem, TalkingPoint
from .goals import DevelopmentAction, FeedbackEntry, Goal, GoalChange, GoalProgress, WellbeingPulse
from .live import LiveEvent, LiveStream, NoteDocument
from .organisation import OrgSettingsRecord
from .people import Person, Tenant
from .readiness import ReadinessProbe
from .records import (
    AuditEvent,
    BrowserSession,
    IdempotencyRecord,
    MaintenanceLease,
    OrgTemplate,
    TokenCacheEntry,
)
from .reminders import Reminder
from .rights import HandoverRequest

__all__ = [
    "AgendaItem",
    "AgendaSummary",
    "AgreementDecision",
    "AgreementVersion",
    "AuditEvent",
    "BrowserSession",
    "CadenceSetting",
    "CalendarSync",
    "CheckinClosure",
    "CheckinResponse",
    "Consent",
    "Conversation",
    "DevelopmentAction",
    "FeedbackEntry",
    "FollowUp",
    "Goal",
    "GoalAdjustment",
    "GoalChange",
    "GoalProgress",
    "GoalSuccess",
    "HandoverRequest",
    "IdempotencyRecord",
    "LiveEvent",
    "LiveStream",
    "MaintenanceLease",
    "NoteDocument",
    "OrgSettingsRecord",
    "OrgTemplate",
    "Person",
    "PreparationItem",
    "ReadinessProbe",
    "Reminder",
    "TalkingPoint",
    "Tenant",
    "TokenCacheEntry",
    "WellbeingPulse",
]
