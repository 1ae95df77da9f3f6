"""Liveness and readiness probes."""

from __future__ import annotations

import logging

from flask import Blueprint
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..domain.errors import Conflict, DomainError
from ..services import readiness
from ..storage.db import db
from .endpoint import endpoint

log = logging.getLogger(__name__)
bp = Blueprint("health", __name__)


class Health(BaseModel):
    status: str


class DatabaseUnavailable(DomainError):
    status = 503
    code = "database_unavailable"


class DatabaseNotWritable(DomainError):
    status = 503
    code = "database_not_writable"


@bp.get("/healthz")
@endpoint(summary="The process is up", tags="Operations", response=Health, auth=False)
def healthz(uow):
    return Health(status="ok")


@bp.get("/readyz")
@endpoint(
    summary="The database answers and accepts a write",
    tags="Operations",
    response=Health,
    auth=False,
    errors=(503,),
)
def readyz(uow):
    try:
        db.session.execute(text("SELECT 1"))
    except Exception as exc:
        db.session.rollback()
        raise DatabaseUnavailable() from exc
    try:
        readiness.do_write_probe(uow)  # a full disk or a read-only database answers SELECT 1 too
    except Conflict:
        pass  # another instance's probe wrote the row at the same moment: writes work
    except SQLAlchemyError as exc:
        db.session.rollback()
        log.warning("readiness: the database refused a write: %s", exc.__class__.__name__)
        raise DatabaseNotWritable() from exc
    return Health(status="ready")
