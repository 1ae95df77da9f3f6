"""The tab pages (side panel, stage, content, configuration, personal), their built assets, and in
demo mode the Teams simulator. (placeholder: filled in by the Teams app work)"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:  # noqa: ARG001
    return None
