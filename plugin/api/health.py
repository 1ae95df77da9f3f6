"""Liveness and readiness probes."""

from __future__ import annotations

from flask import Blueprint
from pydantic import BaseModel
from sqlalchemy import text

from ..domain.errors import DomainError
from ..storage.db import db
from .endpoint import endpoint

bp = Blueprint("health", __name__)


class Health(BaseModel):
    status: str


class DatabaseUnavailable(DomainError):
    status = 503
    code = "database_unavailable"


@bp.get("/healthz")
@endpoint(summary="The process is up", tags="Operations", response=Health, auth=False)
def healthz(uow):
    return Health(status="ok")


@bp.get("/readyz")
@endpoint(summary="The database answers", tags="Operations", response=Health, auth=False, errors=(503,))
def readyz(uow):
    try:
        db.session.execute(text("SELECT 1"))
    except Exception as exc:
        db.session.rollback()
        raise DatabaseUnavailable() from exc
    return Health(status="ready")
