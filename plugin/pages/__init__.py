"""The tab pages (side panel, stage, content, configuration, personal), their built assets, the
public pages (landing, privacy, terms)."""

from __future__ import annotations

from flask import Flask

from . import assets, headers, views


def init_app(app: Flask) -> None:
    assets.init_app(app)
    headers.init_app(app)  # security headers on every response, the API's included
    app.register_blueprint(views.bp)
