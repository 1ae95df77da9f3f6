"""The tab pages (side panel, stage, content, configuration, personal), their built assets, the
public pages (landing, privacy, terms)."""

from __future__ import annotations

from flask import Flask

from . import assets, views


def init_app(app: Flask) -> None:
    assets.init_app(app)
    app.register_blueprint(views.bp)
