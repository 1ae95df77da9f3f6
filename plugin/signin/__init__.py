"""Sign-in with Microsoft outside Teams, and the consent pop-up inside Teams.

Both use MSAL's authorization code flow with PKCE (`initiate_auth_code_flow` /
`acquire_token_by_auth_code_flow`, which check state and nonce) and `form_post`, so no code or token
ever appears in a URL. The pending flow travels encrypted in a short-lived cookie (SameSite=None,
since the authority posts back cross-site); a browser sign-in then gets a server-side session behind
an opaque `Secure; HttpOnly; SameSite=None; Partitioned` cookie (so that it also travels inside
Teams' frame); signing out with it needs the session's CSRF token. The API itself keeps accepting
bearer tokens only: a signed-in browser page asks `/auth/token` for one."""

from __future__ import annotations

from flask import Flask

from .views import bp


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
