"""The live-event broker: in-process unless Redis is configured (see the live collaboration work)."""

from __future__ import annotations

from flask import Flask

from .adapters.events import InProcessBroker


def init_app(app: Flask) -> None:
    app.extensions.setdefault("mus.broker", InProcessBroker())
