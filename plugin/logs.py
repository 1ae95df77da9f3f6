"""Logging: no tokens, codes or secrets in log lines, whatever level the host sets."""

from __future__ import annotations

import logging

from flask import Flask

# MSAL's DEBUG output includes authorization codes and PKCE verifiers; SQLAlchemy's DEBUG output
# holds result rows as loaded, conversation content decrypted. Never let either through. (Statement
# parameters are hidden by the engine option `hide_parameters`.)
QUIET_LIBRARIES = {"msal": logging.INFO, "sqlalchemy.engine": logging.INFO, "sqlalchemy.orm": logging.INFO}


def init_app(app: Flask) -> None:
    for name, level in QUIET_LIBRARIES.items():
        logging.getLogger(name).setLevel(level)
