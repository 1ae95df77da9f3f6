"""Microsoft 365 through the real MSAL and requests over TLS, against the local Entra ID and Graph
stand-ins: on-behalf-of, consent, per-person token caches, Graph errors, the directory check."""

from __future__ import annotations

import json
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import msal
import pytest
import requests
from sqlalchemy import select

from plugin.config import Settings
from plugin.identity import outgoing_session
from plugin.identity.graph import GraphUnavailable, HttpGraph
from plugin.identity.token_cache import DatabaseTokenCacheStore, fernet_from_secret
from plugin.storage import AuditEvent, Conversation, TokenCacheEntry
from plugin.storage.db import db
from tests.conftest import built_app, make_settings
from tests.support import m365
from tests.support.m365 import CLIENT_ID, TENANT, oid


@pytest.fixture(scope="module")
def cloud(tmp_path_factory):
    cloud = m365.start_cloud(tmp_path_factory.mktemp("m365"))
    yield cloud
    cloud.close()


@pytest.fixture
def m365_app(cloud, authority, postgres_url, tmp_path):
    url = postgres_url or f"sqlite:///{tmp_path / 'm365.sqlite3'}"
    settings = m365.cloud_settings(make_settings(authority, url, tmp_path / "instance"), cloud)
    cloud.graph.outage(False)
    with built_app(settings, postgres_url, with_directory=False) as app:
        yield app


def call(app, token, method="GET", path="/api/me", **kwargs):
    return app.test_client().open(path, method=method, headers={"Authorization": f"Bearer {token}"}, **kwargs)


def test_me_returns_the_person_and_manager_through_on_behalf_of(m365_app, cloud):
    before = cloud.entra.counts.get("urn:ietf:params:oauth:grant-type:jwt-bearer", 0)
    token = cloud.sso("employee")
    response = call(m365_app, token)
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["display_name"] == "Jonas Medarbejder"
    assert body["manager"]["object_id"] == oid("manager")
    assert body["manager"]["display_name"] == "Mette Leder"
    assert body["directory"] == "ok"
    obo = cloud.entra.counts.get("urn:ietf:params:oauth:grant-type:jwt-bearer", 0) - before
    assert obo >= 1
    # The same SSO token again: MSAL answers from the person's cache, no new exchange.
    assert call(m365_app, token).status_code == 200
    assert cloud.entra.counts.get("urn:ietf:params:oauth:grant-type:jwt-bearer", 0) - before == obo


def test_token_caches_are_per_person_and_encrypted(m365_app, cloud):
    assert call(m365_app, cloud.sso("employee")).get_json()["manager"]["object_id"] == oid("manager")
    assert call(m365_app, cloud.sso("manager")).get_json()["manager"]["object_id"] == oid("director")
    fernet = fernet_from_secret(m365_app.extensions["mus.settings"].secret_key)
    with m365_app.app_context():
        rows = db.session.scalars(select(TokenCacheEntry)).all()
    assert {r.object_id for r in rows} == {oid("employee"), oid("manager")}
    for row in rows:
        cache = json.loads(fernet.decrypt(row.blob.encode()))
        tokens = cache.get("AccessToken", {}).values()
        assert tokens
        for entry in tokens:
            assert entry["secret"] not in row.blob  # encrypted at rest
        owners = {entry["home_account_id"].split(".")[0] for entry in tokens}
        assert owners == {row.object_id}  # only this person's tokens in this person's cache


def test_parallel_first_calls_of_one_person_share_one_token_cache(m365_app, cloud, monkeypatch):
    """A tab's first requests arrive together: every one exchanges the SSO token and saves the
    person's new token cache. All of them reach the save with an empty cache before any writes (a
    barrier), so each must create the row at the same moment: none may answer 500."""
    callers = 4
    barrier = threading.Barrier(callers, timeout=30)
    first = threading.local()
    save = DatabaseTokenCacheStore.save

    def save_together(self, tenant_id, object_id, serialized):
        if not getattr(first, "done", False):
            first.done = True
            barrier.wait()  # every caller holds a new cache and none has stored it yet
        save(self, tenant_id, object_id, serialized)

    monkeypatch.setattr(DatabaseTokenCacheStore, "save", save_together)
    token = cloud.sso("colleague")
    with ThreadPoolExecutor(callers) as pool:
        answers = list(pool.map(lambda _: call(m365_app, token), range(callers)))
    assert [a.status_code for a in answers] == [200] * callers, [a.get_json() for a in answers]
    assert all(a.get_json()["manager"]["object_id"] == oid("manager") for a in answers)
    with m365_app.app_context():
        rows = db.session.scalars(
            select(TokenCacheEntry).where(TokenCacheEntry.object_id == oid("colleague"))
        ).all()
    assert len(rows) == 1
    assert json.loads(
        fernet_from_secret(m365_app.extensions["mus.settings"].secret_key).decrypt(rows[0].blob.encode())
    )["AccessToken"]


def test_missing_consent_gets_the_consent_code_then_the_popup_then_success(m365_app, cloud, caplog):
    caplog.set_level(logging.DEBUG)
    token = cloud.sso("newcomer")
    refused = call(m365_app, token)
    assert refused.status_code == 403
    assert refused.get_json()["error"]["code"] == "consent_required"

    client = m365_app.test_client()
    start = client.get("/auth/consent?login_hint=nina@test.example", base_url="https://localhost")
    assert start.status_code == 302
    authorize = start.headers["Location"]
    assert authorize.startswith(cloud.entra.url) and "code_challenge=" in authorize
    cloud.directory.next_sign_in = cloud.directory.user(TENANT, oid("newcomer"))
    page = requests.get(authorize, verify=cloud.ca.ca_file, allow_redirects=False, timeout=10)
    assert page.status_code == 200
    fields = m365.hidden_fields(page.text)
    assert set(fields) >= {"code", "state"}
    done = client.post("/auth/callback", data=fields, base_url="https://localhost")
    assert done.status_code == 200, done.get_data(as_text=True)
    assert 'data-auth-result="success"' in done.get_data(as_text=True)

    # The same SSO token, right away: the exchange now succeeds.
    again = call(m365_app, token)
    assert again.status_code == 200, again.get_json()
    assert again.get_json()["manager"]["object_id"] == oid("manager")
    # No token in any log line, ours or the libraries' (at DEBUG level): not the SSO token, not the
    # authorization code, not a Graph token in an Authorization header.
    assert token.split(".")[2] not in caplog.text
    assert fields["code"] not in caplog.text
    assert "Bearer ey" not in caplog.text


def _browser_sign_in(client, cloud, name: str, next_path: str = "/tab/personal"):
    start = client.get(f"/auth/login?next={next_path}", base_url="https://localhost")
    assert start.status_code == 302
    cloud.directory.next_sign_in = cloud.directory.user(TENANT, oid(name))
    page = requests.get(start.headers["Location"], verify=cloud.ca.ca_file, allow_redirects=False, timeout=10)
    return m365.hidden_fields(page.text)


def test_browser_sign_in_session_token_and_sign_out(m365_app, cloud):
    client = m365_app.test_client()
    fields = _browser_sign_in(client, cloud, "employee", "/tab/personal")
    done = client.post("/auth/callback", data=fields, base_url="https://localhost")
    assert done.status_code == 302
    assert done.headers["Location"] == "/tab/personal"
    cookie = done.headers.getlist("Set-Cookie")
    session_cookie = next(c for c in cookie if c.startswith("mus_session="))
    for attribute in ("Secure", "HttpOnly", "SameSite=None", "Partitioned"):
        assert attribute in session_cookie
    issued = client.get("/auth/token", base_url="https://localhost")
    assert issued.status_code == 200
    access = issued.get_json()["access_token"]
    mine = client.get(
        "/api/conversations", headers={"Authorization": f"Bearer {access}"}, base_url="https://localhost"
    )
    assert mine.status_code == 200
    # The API itself takes no cookies: without the bearer header the session does not count.
    assert client.get("/api/conversations", base_url="https://localhost").status_code == 401

    # Signing out is a change made with the cookie: it carries the session's CSRF token from the page.
    csrf = boot_data(client.get("/tab/personal", base_url="https://localhost"))["csrfToken"]
    assert csrf
    out = client.post("/auth/logout", data={"csrf_token": csrf}, base_url="https://localhost")
    assert out.status_code == 302
    assert out.headers["Location"].startswith(f"{cloud.entra.url}/{TENANT}/oauth2/v2.0/logout")
    assert client.get("/auth/token", base_url="https://localhost").status_code == 401


def boot_data(page) -> dict:
    html = page.get_data(as_text=True)
    start = html.index('id="mus-boot"')
    body = html[html.index(">", start) + 1 : html.index("</script>", start)]
    return json.loads(body)


def test_forged_state_is_refused_and_no_session_starts(m365_app, cloud):
    client = m365_app.test_client()
    fields = _browser_sign_in(client, cloud, "employee")
    fields["state"] = "forged-" + fields["state"]
    response = client.post("/auth/callback", data=fields, base_url="https://localhost")
    assert response.status_code == 400
    assert 'data-reason="invalid_response"' in response.get_data(as_text=True)
    assert not any(c.startswith("mus_session=") for c in response.headers.getlist("Set-Cookie"))
    assert client.get("/auth/token", base_url="https://localhost").status_code == 401


def test_forged_nonce_is_refused(m365_app, cloud):
    client = m365_app.test_client()
    start = client.get("/auth/login", base_url="https://localhost")
    authorize = start.headers["Location"]
    forged = authorize.replace("nonce=", "nonce=forged", 1)
    assert forged != authorize
    cloud.directory.next_sign_in = cloud.directory.user(TENANT, oid("employee"))
    page = requests.get(forged, verify=cloud.ca.ca_file, allow_redirects=False, timeout=10)
    response = client.post("/auth/callback", data=m365.hidden_fields(page.text), base_url="https://localhost")
    assert response.status_code == 400
    assert client.get("/auth/token", base_url="https://localhost").status_code == 401


def test_callback_without_a_pending_flow_says_why(m365_app):
    response = m365_app.test_client().post(
        "/auth/callback", data={"code": "x", "state": "y"}, base_url="https://localhost"
    )
    assert response.status_code == 400
    assert 'data-reason="expired"' in response.get_data(as_text=True)
    assert "/auth/login" in response.get_data(as_text=True)  # a way on, not a dead end


def test_sign_in_only_redirects_to_local_paths(m365_app, cloud):
    client = m365_app.test_client()
    fields = _browser_sign_in(client, cloud, "employee", "//evil.example/steal")
    done = client.post("/auth/callback", data=fields, base_url="https://localhost")
    assert done.headers["Location"] == "/tab/personal"


def test_graph_outage_degrades_me_instead_of_failing(m365_app, cloud):
    cloud.graph.outage(True)
    try:
        response = call(m365_app, cloud.sso("colleague"))
    finally:
        cloud.graph.outage(False)
    assert response.status_code == 200
    body = response.get_json()
    assert body["directory"] == "unavailable"
    assert body["manager"] is None
    assert body["display_name"] == "Anders Kollega"


def test_me_asks_the_directory_once_per_person_while_its_answer_is_recent(m365_app, cloud):
    cloud.graph.outage(True)
    try:
        assert call(m365_app, cloud.sso("colleague")).get_json()["directory"] == "unavailable"
    finally:
        cloud.graph.outage(False)
    first = call(m365_app, cloud.sso("colleague")).get_json()  # an outage is not remembered
    assert first["directory"] == "ok" and first["manager"]["object_id"] == oid("manager")
    asked = cloud.graph.request_count
    again = call(m365_app, cloud.sso("colleague")).get_json()
    assert cloud.graph.request_count == asked  # answered from the recent answer, no Graph call
    assert again == first
    other = call(m365_app, cloud.sso("manager")).get_json()  # another person: asked for themself
    assert cloud.graph.request_count > asked
    assert other["manager"]["object_id"] == oid("director")


def test_recent_answers_expire():
    from plugin.identity.recent import RecentAnswers

    now = [0.0]
    recent = RecentAnswers(ttl_seconds=60, size=2, clock=lambda: now[0])
    one, two, three = (SimpleNamespace(tenant_id=TENANT, object_id=oid(n)) for n in ("a", "b", "c"))
    recent.put(one, "answer one")
    assert recent.get(one) == "answer one" and recent.get(two) is None
    now[0] = 60.0
    assert recent.get(one) is None  # expired
    recent.put(one, "1")
    recent.put(two, "2")
    recent.put(three, "3")  # full: the oldest go
    assert recent.get(one) is None and recent.get(three) == "3"
    recent.forget(TENANT, oid("c"))  # asked again next time
    assert recent.get(three) is None


MEETING = {"meeting_id": "MSo1N2Y5ZGFjYy1jY2U", "chat_id": "19:meeting_abc@thread.v2"}


def plan(app, token, manager_name: str, employee_name: str, **extra):
    body = {
        "employee": {"object_id": oid(employee_name)},
        "manager": {"object_id": oid(manager_name)},
        "meeting": MEETING,
        **extra,
    }
    return call(app, token, "POST", "/api/conversations", json=body)


def test_pair_matching_the_directory_is_recorded(m365_app, cloud):
    response = plan(m365_app, cloud.sso("manager"), "manager", "employee")
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["relationship_check"] == "directory"


def test_pair_not_in_the_directory_needs_the_employees_confirmation_and_is_audited(m365_app, cloud):
    # The employee names a manager the directory does not show (a deputy): refused until confirmed.
    refused = plan(m365_app, cloud.sso("employee"), "colleague", "employee")
    assert refused.status_code == 409
    error = refused.get_json()["error"]
    assert error["code"] == "manager_mismatch"
    assert "Mette Leder" in error["message"]
    confirmed = plan(m365_app, cloud.sso("employee"), "colleague", "employee", confirm_relationship=True)
    assert confirmed.status_code == 201
    assert confirmed.get_json()["relationship_check"] == "confirmed"
    # Names come from the directory, not from the request.
    assert confirmed.get_json()["manager"]["display_name"] == "Anders Kollega"
    with m365_app.app_context():
        actions = db.session.scalars(select(AuditEvent.action)).all()
    assert "conversation.relationship_confirmed" in actions


@pytest.mark.parametrize("confirm", [False, True])
@pytest.mark.parametrize("meeting", [True, False])
def test_a_colleague_cannot_lead_someone_elses_conversation(m365_app, cloud, confirm, meeting):
    body = {"employee": {"object_id": oid("employee")}, "confirm_relationship": confirm}
    if meeting:
        body["meeting"] = MEETING
    refused = call(m365_app, cloud.sso("colleague"), "POST", "/api/conversations", json=body)
    assert refused.status_code == 403
    assert refused.get_json()["error"]["code"] == "not_your_report"
    with m365_app.app_context():
        assert db.session.scalars(select(Conversation)).all() == []


def test_without_a_meeting_the_pair_is_checked_too(m365_app, cloud):
    response = call(
        m365_app,
        cloud.sso("manager"),
        "POST",
        "/api/conversations",
        json={"employee": {"object_id": oid("employee")}},
    )
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["relationship_check"] == "directory"
    assert response.get_json()["employee"]["display_name"] == "Jonas Medarbejder"


@pytest.mark.parametrize("meeting", [True, False])
def test_graph_outage_refuses_to_plan_in_the_error_shape(m365_app, cloud, meeting):
    cloud.graph.outage(True)
    try:
        body = {"employee": {"object_id": oid("employee")}, **({"meeting": MEETING} if meeting else {})}
        response = call(m365_app, cloud.sso("manager"), "POST", "/api/conversations", json=body)
    finally:
        cloud.graph.outage(False)
    assert response.status_code == 503
    error = response.get_json()["error"]
    assert error["code"] == "directory_unconfirmed"
    assert error["message"] and error["message"] != "directory_unconfirmed"
    with m365_app.app_context():
        assert db.session.scalars(select(Conversation)).all() == []
    # Back up: the same request plans the conversation.
    again = call(m365_app, cloud.sso("manager"), "POST", "/api/conversations", json=body)
    assert again.status_code == 201


# --- The Graph adapter: paging, throttling, server errors ---------------------------------------


@pytest.fixture
def graph(cloud):
    session = outgoing_session(Settings(ca_bundle=cloud.ca.ca_file))
    waits: list[float] = []

    def token_for(scopes):
        return cloud.entra.mint_graph_token(
            TENANT, oid("manager"), client_id=CLIENT_ID, scopes=" ".join(scopes)
        )

    adapter = HttpGraph(cloud.graph.url, token_for, session=session, sleep=waits.append, budget_seconds=8)
    adapter.waits = waits
    return adapter


def test_direct_reports_follow_paging(graph, cloud):
    for number in range(130):
        cloud.directory.add_user(
            TENANT,
            oid(f"report-{number}"),
            f"Rapport {number}",
            f"report{number}@test.example",
            manager_id=oid("director"),
        )
    before = cloud.graph.request_count
    reports = graph.direct_reports(oid("director"))
    assert len(reports) == 131  # the 130 and Mette
    assert cloud.graph.request_count - before == 2  # two pages


def test_throttling_is_retried_after_retry_after(graph, cloud):
    cloud.graph.throttle(2, retry_after_seconds=2)
    me = graph.me()
    assert me.object_id == oid("manager")
    assert graph.waits == [2.0, 2.0]


def test_throttling_beyond_the_budget_gives_up_without_waiting(graph, cloud):
    cloud.graph.throttle(1, retry_after_seconds=30)
    try:
        with pytest.raises(GraphUnavailable):
            graph.me()
        assert graph.waits == []
    finally:
        cloud.graph.throttle(0)


def test_server_errors_are_retried_a_bounded_number_of_times(graph, cloud):
    cloud.graph.fail(2, status=503)
    assert graph.me().display_name == "Mette Leder"
    cloud.graph.fail(3, status=503)
    with pytest.raises(GraphUnavailable):
        graph.me()
    assert len(graph.waits) == 4


def test_msal_talks_to_the_stand_in_with_instance_discovery_off(cloud):
    """The documented settings for a custom authority host, checked with MSAL itself."""
    session = outgoing_session(Settings(ca_bundle=cloud.ca.ca_file))
    app = msal.ConfidentialClientApplication(
        CLIENT_ID,
        client_credential=m365.CLIENT_SECRET,
        authority=f"{cloud.entra.url}/{TENANT}",
        instance_discovery=False,
        http_client=session,
    )
    result = app.acquire_token_on_behalf_of(cloud.sso("employee"), [f"{cloud.graph.url}/User.Read"])
    assert "access_token" in result, result
