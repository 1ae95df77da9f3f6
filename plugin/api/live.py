"""(placeholder: the live channel, filled in by the live collaboration work)"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("live", __name__, url_prefix="/api")
