"""The MUS app for Microsoft Teams. `create_app` reads like a table of contents."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from .config import Settings


def create_app(settings: Settings | Mapping[str, Any] | None = None) -> Flask:
    from . import api, cli, identity, live, pages, storage_setup

    settings = _as_settings(settings)
    app = Flask(__name__, instance_path=settings.instance_path, instance_relative_config=False)
    configure(app, settings)
    storage_setup.init_app(app)
    identity.init_app(app)
    live.init_app(app)
    api.init_app(app)
    pages.init_app(app)
    cli.init_app(app)
    return app


def _as_settings(settings: Settings | Mapping[str, Any] | None) -> Settings:
    if isinstance(settings, Settings):
        return settings
    if settings is None:
        from .config import settings_from_env

        return settings_from_env()
    return Settings(**dict(settings))


def configure(app: Flask, settings: Settings) -> None:
    from .storage.types import utcnow

    app.config.update(
        SECRET_KEY=settings.secret_key,
        SQLALCHEMY_DATABASE_URI=settings.database_url,
        SQLALCHEMY_ENGINE_OPTIONS={"pool_pre_ping": True},
        MAX_CONTENT_LENGTH=settings.max_request_bytes,
        TESTING=settings.testing,
        JSON_SORT_KEYS=False,
    )
    app.json.ensure_ascii = False  # æøå and emoji travel as UTF-8, not escapes
    app.extensions["mus.settings"] = settings
    app.extensions.setdefault("mus.clock", utcnow)
