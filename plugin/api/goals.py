"""(placeholder: filled in by its area's work)"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("goals", __name__, url_prefix="/api")
