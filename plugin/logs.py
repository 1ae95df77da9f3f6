"""Logging: no tokens, codes or secrets in log lines, whatever level the host sets."""

from __future__ import annotations

import logging

from flask import Flask

# MSAL's DEBUG output includes authorization codes and PKCE verifiers; never let it through.
# SQLAlchemy's INFO output is every statement, its DEBUG output the result rows as loaded (content
# decrypted): only its warnings and errors are logged. (Database errors carry no statement
# parameters either: the engine option `hide_parameters`.)
QUIET_LIBRARIES = {
    "msal": logging.INFO,
    "sqlalchemy.engine": logging.WARNING,
    "sqlalchemy.orm": logging.WARNING,
}


def init_app(app: Flask) -> None:
    for name, level in QUIET_LIBRARIES.items():
        logging.getLogger(name).setLevel(level)
