"""Agreement versions and approvals.

A version is a snapshot of what was agreed. Each party approves it or asks for changes (with a
comment, optionally recording a disagreement). When both have approved, the version is locked.
Any later change opens a new version, which needs both approvals again; every version stays
readable to both parties."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from .errors import Conflict, InvalidInput


class ConsentKind(StrEnum):
    """The consent questions each party answers once: the confidentiality statement, whether the
    shared working notes are kept after the meeting, and whether a recording or transcript is used."""

    CONFIDENTIALITY = "confidentiality"
    KEEP_SHARED_NOTES = "keep_shared_notes"
    RECORDING = "recording"


class Party(StrEnum):
    EMPLOYEE = "employee"
    MANAGER = "manager"


class Decision(StrEnum):
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"


class VersionState(StrEnum):
    DRAFT = "draft"  # awaiting decisions
    CHANGES_REQUESTED = "changes_requested"  # at least one party asked for changes
    AGREED = "agreed"  # both approved: locked
    SUPERSEDED = "superseded"  # a newer version exists and this one was never agreed


def version_state(decisions: Mapping[Party, Decision], *, is_latest: bool) -> VersionState:
    if is_locked(decisions):
        return VersionState.AGREED
    if not is_latest:
        return VersionState.SUPERSEDED
    if Decision.CHANGES_REQUESTED in decisions.values():
        return VersionState.CHANGES_REQUESTED
    return VersionState.DRAFT


def is_locked(decisions: Mapping[Party, Decision]) -> bool:
    return all(decisions.get(p) is Decision.APPROVED for p in Party)


def check_decision(
    *,
    number: int,
    latest_number: int,
    decisions: Mapping[Party, Decision],
    decision: Decision,
    comment: str | None,
) -> None:
    """Raise unless this party may decide on this version now."""
    if number != latest_number:
        raise Conflict("agreement_version_superseded", params={"latest": latest_number})
    if is_locked(decisions):
        raise Conflict("agreement_version_locked", params={"number": number})
    if decision is Decision.CHANGES_REQUESTED and not (comment or "").strip():
        raise InvalidInput("comment_required", field="comment")


def check_new_version(latest_decisions: Mapping[Party, Decision] | None, changed: bool) -> None:
    """A new version is drafted when there is none, when the latest was not agreed, or when the
    content changed since the agreed one. Redrafting an unchanged agreed version is refused."""
    if latest_decisions is not None and is_locked(latest_decisions) and not changed:
        raise Conflict("agreement_unchanged")


def edit_opens_new_version(*, drafted: bool, changed: bool) -> bool:
    """An edit of the agreement's content (a summary, a follow-up) once a version was drafted opens
    a new version when the content changed: approvals given to the earlier content never count for
    the changed one (both approve again)."""
    return drafted and changed


def summary_prefill(notes: str, keep_votes: Mapping[str, bool]) -> str:
    """A summary starts from the item's notes only when both parties chose to keep the notes;
    otherwise it starts empty (the notes go when the agreement is locked)."""
    both_keep = keep_votes.get("employee") is True and keep_votes.get("manager") is True
    return notes if both_keep else ""
