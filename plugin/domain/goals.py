"""Goals, development actions, feedback and the wellbeing pulse: their kinds and rules."""

from __future__ import annotations

from enum import StrEnum

from .errors import Conflict, InvalidInput
from .paging import MAX_LIMIT


class GoalStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


class ActionKind(StrEnum):
    COURSE = "course"
    WORKSHOP = "workshop"
    ON_THE_JOB = "on_the_job_training"
    MENTORING = "mentoring"
    CROSS_TRAINING = "cross_training"
    JOB_ROTATION = "job_rotation"
    OTHER = "other"


class ActionStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class FeedbackDirection(StrEnum):
    TO_EMPLOYEE = "to_employee"
    TO_MANAGER = "to_manager"


class FeedbackKind(StrEnum):
    RECOGNITION = "recognition"
    IMPROVEMENT = "improvement"


# Fields of a goal whose changes are kept in its history.
GOAL_TRACKED_FIELDS = (
    "title",
    "specific",
    "measure",
    "achievable",
    "relevance",
    "deadline",
    "status",
)


# The goals set in one conversation: far more than a MUS sets (a handful), and one page of the goals
# list, so the agreement shows them all from one page (`?set_here=true&limit=100`).
MAX_GOALS_PER_CONVERSATION = MAX_LIMIT


def check_goal_room(goals_set_here: int) -> None:
    """Room for one more goal in a conversation that has `goals_set_here` (409 goal_limit_reached)."""
    if goals_set_here >= MAX_GOALS_PER_CONVERSATION:
        raise Conflict("goal_limit_reached", params={"max": MAX_GOALS_PER_CONVERSATION})


def check_progress(percent: int) -> None:
    if not 0 <= percent <= 100:
        raise InvalidInput("progress_out_of_range", field="percent")


def check_pulse(score: int) -> None:
    if not 1 <= score <= 5:
        raise InvalidInput("pulse_out_of_range", field="score")


def feedback_direction_for(author_is_manager: bool) -> FeedbackDirection:
    return FeedbackDirection.TO_EMPLOYEE if author_is_manager else FeedbackDirection.TO_MANAGER
