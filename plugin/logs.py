"""Logging: no tokens, codes or secrets in log lines, whatever level the host sets."""

from __future__ import annotations

import logging

from flask import Flask

# MSAL's DEBUG output includes authorization codes and PKCE verifiers; never let it through.
QUIET_LIBRARIES = {"msal": logging.INFO}


def init_app(app: Flask) -> None:
    for name, level in QUIET_LIBRARIES.items():
        logging.getLogger(name).setLevel(level)
