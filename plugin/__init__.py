"""The MUS app for Microsoft Teams. `create_app` reads like a table of contents."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from .config import Settings


def create_app(settings: Settings | Mapping[str, Any] | None = None) -> Flask:
    from . import api, identity, live, logs, pages, signin
    from .storage import setup as storage

    settings = _as_settings(settings)
    app = Flask(__name__, instance_path=settings.instance_path, instance_relative_config=False)
    configure(app, settings)
    logs.init_app(app)
    storage.init_app(app)
    if settings.demo:  # the local Microsoft 365, demo people, simulator; before identity uses its hosts
        from . import demo

        demo.init_app(app)
    identity.init_app(app)
    live.init_app(app)
    api.init_app(app)
    signin.init_app(app)
    pages.init_app(app)
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

    configure_data_keys(settings)

    app.config.update(
        SECRET_KEY=settings.secret_key,
        SQLALCHEMY_DATABASE_URI=settings.database_url,
        SQLALCHEMY_ENGINE_OPTIONS=engine_options(settings),
        MAX_CONTENT_LENGTH=settings.max_request_bytes,
        TESTING=settings.testing,
    )
    app.json.ensure_ascii = False  # æøå and emoji travel as UTF-8, not escapes
    app.json.sort_keys = False
    if settings.proxy_hops:  # behind a load balancer: trust its X-Forwarded-* for https redirect URIs
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = settings.proxy_hops
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops)
    app.extensions["mus.settings"] = settings
    app.extensions.setdefault("mus.clock", utcnow)


def engine_options(settings: Settings) -> dict[str, Any]:
    """Database errors and SQL logging never print statement parameters (they may hold content). A
    server database gets a pool sized for the worker's concurrent requests (SQLAlchemy's default of
    5 + 10 is fewer than gunicorn's threads: requests queued for a connection)."""
    options: dict[str, Any] = {"pool_pre_ping": True, "hide_parameters": True}
    if not settings.database_url.startswith("sqlite"):
        options.update(pool_size=settings.db_pool_size, max_overflow=settings.db_max_overflow)
    return options


def configure_data_keys(settings: Settings) -> None:
    """The process's keyring for content at rest: MUS_DATA_KEYS, or in demo mode and tests a key
    derived from the app's secret (still real encryption)."""
    from .config import ConfigError
    from .storage import sealed

    keys = settings.data_keys
    if not keys:
        if not (settings.demo or settings.testing):
            raise ConfigError("MUS_DATA_KEYS must be set (outside demo mode)")
        keys = (sealed.key_from_secret(settings.secret_key),)
    try:
        sealed.configure(sealed.parse_keys(keys))
    except sealed.DataKeyError as exc:
        raise ConfigError(str(exc)) from exc
