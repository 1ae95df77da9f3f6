"""Typed domain errors. Each carries an HTTP status and a machine code; the HTTP layer
renders the human message from the message catalogue, so the domain stays language-free."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    status = 400
    code = "bad_request"

    def __init__(
        self,
        code: str | None = None,
        *,
        field: str | None = None,
        params: dict[str, Any] | None = None,
        current: Any = None,
    ) -> None:
        if code:
            self.code = code
        self.field = field
        self.params = params or {}
        self.current = current
        super().__init__(self.code)


class Unauthorized(DomainError):
    status = 401
    code = "token_invalid"


class Forbidden(DomainError):
    status = 403
    code = "forbidden"


class NotFound(DomainError):
    status = 404
    code = "not_found"


class Conflict(DomainError):
    status = 409
    code = "conflict"


class StaleVersion(Conflict):
    """A write based on an old version of a co-edited record. `current` holds the fresh state."""

    code = "stale_version"


class InvalidInput(DomainError):
    status = 422
    code = "invalid"


class TooLarge(DomainError):
    status = 413
    code = "too_large"


class EditConflict(StaleVersion):
    """A write based on an old version that cannot be merged: both people changed the same field
    to different values (or the write did not say what it started from). `conflicts` names each
    field with their value (now stored) and mine (the refused one), as the API shows them."""

    code = "edit_conflict"

    def __init__(self, *, current: Any, conflicts: list[dict[str, Any]]) -> None:
        super().__init__(current=current)
        self.fields = [{"code": "edit_conflict_field", **conflict} for conflict in conflicts]
