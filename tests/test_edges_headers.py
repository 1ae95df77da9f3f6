"""Security headers on every response and CSRF protection of the changes made with the browser session
cookie (which is `SameSite=None; Partitioned`, so it travels with other sites' requests too)."""

from __future__ import annotations

import pytest
import requests

from plugin import create_app
from plugin.config import settings_from_env
from plugin.pages.headers import FRAME_ANCESTORS
from tests.support import m365
from tests.support.m365 import TENANT, oid
from tests.test_m365 import boot_data

HTTPS = "https://localhost"


def _csp(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return {part.split(" ", 1)[0]: part.split(" ", 1)[1] for part in policy.split("; ")}


def test_api_answers_are_never_stored_and_never_sniffed(api, people, conversation):
    manager = api.as_(people["manager"])
    for response in (
        manager.get("/api/conversations"),
        manager.get(f"/api/conversations/{conversation['id']}"),
        manager.post(f"/api/conversations/{conversation['id']}/agenda", json={"title": "Trivsel"}),
        manager.get("/api/conversations/999999"),  # an error answer too
        api.as_(None).get("/api/conversations"),  # and a refusal
    ):
        assert response.headers["Cache-Control"] == "no-store", response.status_code
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        csp = _csp(response)
        assert csp["frame-ancestors"].split() == list(FRAME_ANCESTORS)
        assert "'self'" not in csp["frame-ancestors"]


def test_every_other_response_carries_the_policy_too(app):
    client = app.test_client()
    for path in ("/healthz", "/readyz", "/auth/signed-out", "/no-such-page"):
        response = client.get(path)
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
        assert "Strict-Transport-Security" in response.headers, path
        assert "'self'" not in _csp(response)["frame-ancestors"], path


def test_microsofts_frame_hosts_are_those_of_the_tab_requirements():
    assert set(FRAME_ANCESTORS) >= {
        "https://teams.microsoft.com",
        "https://*.teams.microsoft.com",
        "https://*.cloud.microsoft",
        "https://*.microsoft365.com",
        "https://*.office.com",
        "https://outlook.office.com",
        "https://outlook.office365.com",
    }
    assert all(host.startswith("https://") for host in FRAME_ANCESTORS)


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-headers")
    environ = {"MUS_DEMO": "1", "MUS_DATABASE_URL": f"sqlite:///{folder / 'mus.sqlite3'}"}
    app = create_app(settings_from_env(environ, instance_path=str(folder)))
    yield app
    app.extensions["mus.demo_cloud"].close()


def test_demo_mode_lets_the_simulator_frame_the_app_and_sends_no_hsts(demo_app):
    client = demo_app.test_client()
    for path in ("/healthz", "/api/openapi.json"):
        response = client.get(path)
        assert _csp(response)["frame-ancestors"].split() == ["'self'", *FRAME_ANCESTORS], path
        assert "Strict-Transport-Security" not in response.headers  # http://127.0.0.1
        assert response.headers["X-Content-Type-Options"] == "nosniff"


# --- the browser session cookie and CSRF ------------------------------------------------------------


@pytest.fixture(scope="module")
def cloud(tmp_path_factory):
    cloud = m365.start_cloud(tmp_path_factory.mktemp("m365-csrf"))
    yield cloud
    cloud.close()


@pytest.fixture
def m365_app(cloud, authority, postgres_url, tmp_path):
    from tests.conftest import built_app, make_settings

    url = postgres_url or f"sqlite:///{tmp_path / 'csrf.sqlite3'}"
    settings = m365.cloud_settings(make_settings(authority, url, tmp_path / "instance"), cloud)
    with built_app(settings, postgres_url, with_directory=False) as app:
        yield app


def _signed_in(app, cloud, name: str):
    client = app.test_client()
    start = client.get("/auth/login", base_url=HTTPS)
    cloud.directory.next_sign_in = cloud.directory.user(TENANT, oid(name))
    page = requests.get(start.headers["Location"], verify=cloud.ca.ca_file, allow_redirects=False, timeout=10)
    done = client.post("/auth/callback", data=m365.hidden_fields(page.text), base_url=HTTPS)
    assert done.status_code == 302
    cookie = next(c for c in done.headers.getlist("Set-Cookie") if c.startswith("mus_session="))
    return client, cookie


def _session_alive(client) -> bool:
    return client.get("/auth/token", base_url=HTTPS).status_code == 200


def _csrf(client) -> str:
    return boot_data(client.get("/tab/personal", base_url=HTTPS))["csrfToken"]


def test_the_session_cookie_travels_in_teams_frame(m365_app, cloud):
    _, cookie = _signed_in(m365_app, cloud, "employee")
    attributes = {part.strip().split("=")[0].lower(): part.strip() for part in cookie.split(";")[1:]}
    assert attributes["samesite"] == "SameSite=None"
    assert {"secure", "httponly", "partitioned", "path"} <= set(attributes)


def test_sign_out_without_the_csrf_token_is_refused_and_changes_nothing(m365_app, cloud):
    client, _ = _signed_in(m365_app, cloud, "employee")
    refused = client.post("/auth/logout", base_url=HTTPS, headers={"Accept-Language": "en"})
    assert refused.status_code == 403
    error = refused.get_json()["error"]
    assert error["code"] == "csrf_refused"
    assert "did not come from the app's own page" in error["message"]
    assert refused.headers["Cache-Control"] == "no-store"
    assert _session_alive(client)  # still signed in: nothing changed

    danish = client.post("/auth/logout", data={"csrf_token": "forged"}, base_url=HTTPS)
    assert danish.status_code == 403
    assert "appens egen side" in danish.get_json()["error"]["message"]
    assert _session_alive(client)


def test_a_token_from_another_session_or_a_foreign_origin_is_refused(m365_app, cloud):
    mine, _ = _signed_in(m365_app, cloud, "employee")
    theirs, _ = _signed_in(m365_app, cloud, "manager")
    assert mine.post("/auth/logout", data={"csrf_token": _csrf(theirs)}, base_url=HTTPS).status_code == 403
    foreign = mine.post(
        "/auth/logout",
        data={"csrf_token": _csrf(mine)},
        headers={"Origin": "https://evil.example"},
        base_url=HTTPS,
    )
    assert foreign.status_code == 403
    assert _session_alive(mine) and _session_alive(theirs)


def test_sign_out_with_the_pages_token_ends_the_session(m365_app, cloud):
    client, _ = _signed_in(m365_app, cloud, "employee")
    token = _csrf(client)
    assert token
    out = client.post("/auth/logout", data={"csrf_token": token}, headers={"Origin": HTTPS}, base_url=HTTPS)
    assert out.status_code == 302
    assert not _session_alive(client)
    # Without a session, the page carries no token.
    assert _csrf(client) is None


def test_bearer_requests_need_no_csrf_token_and_the_cookie_alone_changes_nothing(m365_app, cloud):
    client, _ = _signed_in(m365_app, cloud, "manager")
    body = {"employee": {"object_id": oid("employee")}, "manager": {"object_id": oid("manager")}}
    cookie_only = client.post("/api/conversations", json=body, base_url=HTTPS)
    assert cookie_only.status_code == 401  # the API takes no cookies
    access = client.get("/auth/token", base_url=HTTPS).get_json()["access_token"]
    bearer = client.post(
        "/api/conversations",
        json=body,
        headers={"Authorization": f"Bearer {access}", "Origin": "https://teams.microsoft.com"},
        base_url=HTTPS,
    )
    assert bearer.status_code == 201, bearer.get_json()
    listed = client.get("/api/conversations", headers={"Authorization": f"Bearer {access}"}, base_url=HTTPS)
    assert len(listed.get_json()["items"]) == 1  # only the bearer request created one


def test_sign_in_pages_need_no_inline_style_under_the_policy(app):
    client = app.test_client()
    page = client.get("/auth/signed-out")
    html = page.get_data(as_text=True)
    assert "<style" not in html and " style=" not in html
    assert _csp(page)["style-src"] == "'self'"
    with client.get("/auth/static/signin.css") as stylesheet:
        assert stylesheet.status_code == 200
        assert stylesheet.mimetype == "text/css"
    assert '/auth/static/signin.css"' in html
