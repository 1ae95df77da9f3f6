"""The sign-in pages: /auth/login, /auth/consent (the Teams pop-up), /auth/callback, /auth/token,
/auth/logout."""

from __future__ import annotations

import logging
from urllib.parse import urlencode, urlsplit

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for

from ..domain.errors import Unauthorized
from ..i18n import request_language, translate
from ..identity.msal_obo import SignInUnavailable
from ..identity.token_cache import fernet_from_secret
from ..pages import assets
from ..services import browser_sessions, people
from ..storage.setup import new_unit_of_work
from . import flows

log = logging.getLogger(__name__)
bp = Blueprint("signin", __name__, url_prefix="/auth", template_folder="templates", static_folder="static")

FLOW_COOKIE = "mus_auth_flow"
SESSION_COOKIE = browser_sessions.COOKIE
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


def _ext(name: str):
    return current_app.extensions[name]


def _fernet():
    return fernet_from_secret(_ext("mus.settings").secret_key)


def _local_path(value: str | None, default: str = "/tab/personal") -> str:
    """Only same-site paths: no scheme, no host, no protocol-relative `//evil.example`."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return default
    return value


def _language() -> str:
    return request_language(request.headers, request.args.get("locale"))


def _page(template: str, status: int = 200, **context) -> Response:
    lang = _language()
    body = render_template(template, lang=lang, t=lambda key, **p: translate(key, lang, **p), **context)
    response = Response(body, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    return response


def _problem(status: int, reason: str, purpose: str, retry: str) -> Response:
    """No dead ends: every failed sign-in says why in the person's language and offers a retry."""
    lang = _language()
    key = f"signin.reason.{reason}"
    message = translate(key, lang)
    if message == key:
        message = translate("signin.reason.generic", lang)
    page = _page("signin/problem.html", status, reason=reason, message=message, purpose=purpose, retry=retry)
    page.delete_cookie(FLOW_COOKIE, path="/auth", secure=True, httponly=True, samesite="None")
    return page


def _start(purpose: str) -> Response:
    settings = _ext("mus.settings")
    try:
        auth_uri, flow = flows.start(
            _ext("mus.msal"),
            settings,
            purpose=purpose,
            redirect_uri=url_for("signin.callback", _external=True),
            login_hint=request.args.get("login_hint"),
        )
    except SignInUnavailable:
        return _problem(503, "sign_in_unavailable", purpose, request.url)
    pending = {"flow": flow, "purpose": purpose, "next": _local_path(request.args.get("next"))}
    response = redirect(auth_uri)
    # The authority posts back cross-site (form_post), so this short-lived cookie must be SameSite=None.
    response.set_cookie(
        FLOW_COOKIE,
        flows.seal(_fernet(), pending),
        max_age=flows.FLOW_TTL_SECONDS,
        path="/auth",
        secure=True,
        httponly=True,
        samesite="None",
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/login")
def login():
    return _start("login")


@bp.get("/consent")
def consent():
    """Opened by the tab with `authentication.authenticate` when the API answered consent_required."""
    return _start("consent")


@bp.route("/callback", methods=["GET", "POST"])
def callback():
    settings = _ext("mus.settings")
    response_params = request.form.to_dict() if request.method == "POST" else request.args.to_dict()
    purpose = "login"
    try:
        pending = flows.unseal(_fernet(), request.cookies.get(FLOW_COOKIE))
        purpose = pending.get("purpose", "login")
        done = flows.finish(_ext("mus.msal"), settings, pending["flow"], response_params)
        if not settings.allows_tenant(done.tenant_id):
            raise flows.FlowError("tenant_not_allowed")
    except flows.FlowError as exc:
        log.info("sign-in not completed: %s", exc.reason)
        return _problem(400, exc.reason, purpose, url_for(f"signin.{purpose}"))
    except SignInUnavailable:
        return _problem(503, "sign_in_unavailable", purpose, url_for(f"signin.{purpose}"))
    if purpose == "consent":
        page = _page("signin/consent_done.html", auth_end_script=_auth_end_script(), back=pending["next"])
        page.delete_cookie(FLOW_COOKIE, path="/auth", secure=True, httponly=True, samesite="None")
        return page
    # A browser sign-in: the access token for our API must pass the same checks as a Teams token.
    try:
        identity = _ext("mus.tokens").validate(done.access_token or "")
    except Unauthorized as exc:
        return _problem(400, exc.code, "login", url_for("signin.login"))
    people.do_sign_in(new_unit_of_work(), identity, request.headers.get("Accept-Language"))
    secret = browser_sessions.do_start(
        new_unit_of_work(),
        tenant_id=done.tenant_id,
        object_id=done.object_id,
        token_cache=_encrypt(done.token_cache),
    )
    response = redirect(pending["next"])
    response.delete_cookie(FLOW_COOKIE, path="/auth", secure=True, httponly=True, samesite="None")
    _set_session_cookie(response, secret)
    return response


def _set_session_cookie(response: Response, secret: str) -> None:
    """SameSite=None so that the cookie also travels inside Teams' frame; Partitioned (CHIPS) so that
    a browser keeps it per top-level site instead of blocking it as a third-party cookie. Every
    change made with it carries the session's CSRF token (see `logout`)."""
    response.set_cookie(
        SESSION_COOKIE,
        secret,
        max_age=int(browser_sessions.LIFETIME.total_seconds()),
        path="/",
        secure=True,
        httponly=True,
        samesite="None",
        partitioned=True,
    )


def _delete_session_cookie(response: Response) -> None:
    response.delete_cookie(
        SESSION_COOKIE, path="/", secure=True, httponly=True, samesite="None", partitioned=True
    )


def _csrf_refused() -> Response | None:
    """A change made with the session cookie must prove it comes from this app's own page: the
    session's CSRF token (a form field or header), and no foreign Origin. None when it does."""
    secret = request.cookies.get(SESSION_COOKIE)
    if not secret:
        return None  # nothing is authenticated by a cookie: nothing to forge
    origin = request.headers.get("Origin")
    # By host: behind a TLS-terminating proxy without MUS_PROXY_HOPS the request itself looks like http.
    same_origin = origin is None or urlsplit(origin).netloc == request.host
    token = request.form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER)
    if same_origin and browser_sessions.csrf_valid(_ext("mus.settings").secret_key, secret, token):
        return None
    log.info("cookie-authenticated change refused: %s", "foreign origin" if not same_origin else "no token")
    return _json_error(403, "csrf_refused", "edges.csrf_refused")


def _auth_end_script() -> str | None:
    """The built script that ends the consent pop-up (web/src/auth-end.ts), by its hashed URL."""
    files = assets.manifest().entry("auth-end")
    return files.urls()["js"][0] if files and files.js else None


def _encrypt(token_cache: str) -> str:
    return _fernet().encrypt(token_cache.encode()).decode()


def _decrypt(blob: str) -> str:
    return _fernet().decrypt(blob.encode()).decode() if blob else ""


@bp.get("/token")
def token():
    """A bearer token for the API, for a page signed in with the browser session cookie."""
    secret = request.cookies.get(SESSION_COOKIE)
    session = browser_sessions.find(new_unit_of_work(), secret)
    if session is None:
        return _json_error(401, "sign_in_required")
    try:
        access, expires_in, cache = flows.api_token(
            _ext("mus.msal"), _ext("mus.settings"), session.tenant_id, _decrypt(session.token_cache)
        )
    except flows.FlowError:
        return _json_error(401, "sign_in_required")
    except SignInUnavailable:
        return _json_error(503, "sign_in_unavailable")
    browser_sessions.do_update_cache(new_unit_of_work(), secret or "", _encrypt(cache))
    response = current_app.json.response(
        {"access_token": access, "token_type": "Bearer", "expires_in": expires_in}
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def _json_error(status: int, code: str, message_key: str | None = None) -> Response:
    lang = _language()
    message = translate(message_key or code, lang)
    response = current_app.json.response({"error": {"code": code, "message": message}})
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/logout")
def logout():
    refused = _csrf_refused()
    if refused is not None:
        return refused
    settings = _ext("mus.settings")
    browser_sessions.do_end(new_unit_of_work(), request.cookies.get(SESSION_COOKIE))
    after = url_for("signin.signed_out", _external=True)
    target = f"{settings.authority_host}/{flows.sign_in_tenant(settings)}/oauth2/v2.0/logout?" + urlencode(
        {"post_logout_redirect_uri": after}
    )
    response = redirect(target)
    _delete_session_cookie(response)
    return response


@bp.get("/signed-out")
def signed_out():
    return _page("signin/signed_out.html")
