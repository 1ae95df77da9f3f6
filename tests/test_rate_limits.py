"""Rate limits per person and per tenant (plugin/api/limits.py): a refused request is 429 in the one
error shape with Retry-After, in the reader's language, and changes nothing; limits of one person do
not touch another; limits are counted in Redis when the app has it, and a Redis that is away never
fails a request. The limits are small here (set through Settings) so that the tests are quick."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta

import pytest
import redis
import time_machine
from cryptography.fernet import Fernet

import plugin.live
from plugin import create_app
from plugin.config import ConfigError, RateLimits, settings_from_env
from plugin.storage.db import db
from tests.conftest import ApiClient, built_app
from tests.support.directory import person_oid
from tests.support.idp import TENANT_A, TENANT_B
from tests.support.live import REDIS_URL, forget_prefix, new_prefix
from tests.support.openapi_check import OpenApiChecker

GENEROUS = "1000 per hour"


def _limits(**changes) -> RateLimits:
    values = {name: GENEROUS for name in RateLimits.__dataclass_fields__ if name != "live_streams_person"}
    return RateLimits(**{**values, **changes})


@pytest.fixture
def limited(settings, postgres_url):
    """An app factory: an app on a fresh database with the given limits (and other settings)."""
    apps = []

    def make(limits: RateLimits, **changes):
        context = built_app(settings.with_changes(rate_limits=limits, **changes), postgres_url)
        app = context.__enter__()
        apps.append(context)
        client = app.test_client()
        return app, ApiClient(client, OpenApiChecker(client.get("/api/openapi.json").get_json()), None)

    yield make
    for context in reversed(apps):
        context.__exit__(None, None, None)


def _plan(api, manager, employee):
    return api.as_(manager).post(
        "/api/conversations",
        json={"employee": {"object_id": employee.oid}},
    )


def _add_item(api, person, cid, title, **kw):
    return api.as_(person).post(f"/api/conversations/{cid}/agenda", json={"title": title}, **kw)


def _assert_refused(response, language="da"):
    assert response.status_code == 429, response.get_json()
    seconds = int(response.headers["Retry-After"])
    assert 1 <= seconds <= 3600
    error = response.get_json()["error"]
    assert error["code"] == "rate_limited"
    wait = {"da": ("Vent ", "sekund", "minut"), "en": ("Wait ", "second", "minute")}[language]
    assert wait[0] in error["message"], error["message"]  # "Vent 60 minutter", "Wait 45 seconds"
    assert wait[1] in error["message"] or wait[2] in error["message"], error["message"]
    return seconds


def _titles(api, person, cid):
    conversation = api.as_(person).get(f"/api/conversations/{cid}").get_json()
    return [item["title"] for item in conversation["agenda"]]


def test_writes_beyond_the_persons_limit_are_refused_with_retry_after_and_change_nothing(limited, people):
    _, api = limited(_limits(writes_person="4 per hour"))
    manager, employee = people["manager"], people["employee"]
    created = _plan(api, manager, employee)  # write 1
    assert created.status_code == 201
    cid = created.get_json()["id"]
    for n in range(3):  # writes 2-4
        assert _add_item(api, manager, cid, f"Item {n}").status_code == 201
    before = _titles(api, manager, cid)

    refused = _add_item(api, manager, cid, "One too many")
    _assert_refused(refused)
    english = _add_item(api, manager, cid, "One too many", headers={"Accept-Language": "en"})
    _assert_refused(english, "en")

    assert _titles(api, manager, cid) == before  # the refused writes changed nothing
    assert "One too many" not in str(before)
    # another person of the same tenant has a limit of their own
    assert _add_item(api, employee, cid, "The employee's item").status_code == 201


def test_the_limit_opens_again_when_its_window_has_passed(limited, people):
    _, api = limited(_limits(writes_person="2 per minute"))
    manager, employee = people["manager"], people["employee"]
    with time_machine.travel(datetime.now(UTC), tick=False) as clock:
        cid = _plan(api, manager, employee).get_json()["id"]
        assert _add_item(api, manager, cid, "First").status_code == 201
        _assert_refused(_add_item(api, manager, cid, "Second"))
        clock.shift(timedelta(seconds=61))
        assert _add_item(api, manager, cid, "Second").status_code == 201


def test_reads_have_their_own_limit_and_do_not_use_up_writes(limited, people):
    _, api = limited(_limits(reads_person="3 per hour", writes_person="3 per hour"))
    manager, employee = people["manager"], people["employee"]
    cid = _plan(api, manager, employee).get_json()["id"]
    for _ in range(3):
        assert api.as_(manager).get(f"/api/conversations/{cid}").status_code == 200
    _assert_refused(api.as_(manager).get(f"/api/conversations/{cid}"))
    assert _add_item(api, manager, cid, "Still allowed").status_code == 201


def test_a_tenant_limit_counts_everyone_of_the_tenant_and_no_other_tenant(limited, people):
    _, api = limited(_limits(writes_tenant="3 per hour"))
    manager, employee, outsider = people["manager"], people["employee"], people["outsider"]
    cid = _plan(api, manager, employee).get_json()["id"]
    assert _add_item(api, manager, cid, "Two").status_code == 201
    assert _add_item(api, employee, cid, "Three").status_code == 201
    _assert_refused(_add_item(api, employee, cid, "Four"))
    _assert_refused(_add_item(api, manager, cid, "Four"))
    # another organisation is not held back by this one
    other = {"object_id": person_oid(TENANT_B, "outsider_report")}
    response = api.as_(outsider).post("/api/conversations", json={"employee": other})
    assert response.status_code == 201, response.get_json()


def test_planning_conversations_has_a_stricter_limit(limited, people):
    _, api = limited(_limits(conversations_person="2 per hour"))
    manager = people["manager"]

    def plan(key):
        employee = {"object_id": person_oid(TENANT_A, key)}
        return api.as_(manager).post("/api/conversations", json={"employee": employee})

    assert plan("staff1").status_code == 201
    assert plan("staff2").status_code == 201
    mine = api.as_(manager).get("/api/conversations").get_json()
    _assert_refused(plan("staff3"))
    assert api.as_(manager).get("/api/conversations").get_json() == mine  # no third conversation
    # other changes by the same person go on
    cid = mine["items"][0]["id"]
    assert _add_item(api, manager, cid, "Still allowed").status_code == 201
    # and a colleague may still plan
    # (with their own manager, as the directory has it)
    body = {"employee": {"object_id": people["colleague"].oid}, "manager": {"object_id": manager.oid}}
    response = api.as_(people["colleague"]).post("/api/conversations", json=body)
    assert response.status_code == 201


def test_sign_in_is_limited_per_address(limited):
    app, _ = limited(_limits(signin_address="2 per hour"))
    client = app.test_client()
    here = {"REMOTE_ADDR": "192.0.2.10"}
    for _ in range(2):
        assert client.get("/auth/token", environ_base=here).status_code == 401
    refused = client.get("/auth/token", environ_base=here, headers={"Accept-Language": "en"})
    _assert_refused(refused, "en")
    page = client.get("/auth/login?next=/tab/personal", environ_base=here, headers={"Accept-Language": "en"})
    assert (page.status_code, page.mimetype) == (429, "text/html")  # a person sees a page, not JSON
    assert int(page.headers["Retry-After"]) >= 1
    text = page.get_data(as_text=True)
    assert "Too many changes or requests in a short time. Wait " in text
    assert 'href="/auth/login?next=/tab/personal"' in text  # and can try again from there
    # another address is not affected
    assert client.get("/auth/token", environ_base={"REMOTE_ADDR": "192.0.2.11"}).status_code == 401


def test_requests_without_a_valid_token_count_by_address(limited, people):
    _, api = limited(_limits(writes_person="2 per hour"))
    anonymous = api.with_token("not-a-token")
    for _ in range(2):
        assert anonymous.post("/api/conversations", json={}).status_code == 401
    _assert_refused(anonymous.post("/api/conversations", json={}))
    # a signed-in person (from the same address) has their own count
    assert _plan(api, people["manager"], people["employee"]).status_code == 201


def test_openapi_documents_429_with_retry_after(app):
    document = app.test_client().get("/api/openapi.json").get_json()
    operation = document["paths"]["/api/conversations"]["post"]
    assert "Retry-After" in operation["responses"]["429"]["headers"]
    for path, methods in document["paths"].items():
        if path.startswith("/api/"):
            for method, op in methods.items():
                assert "429" in op["responses"], (method, path)


def test_limits_are_configured_from_the_environment():
    env = {
        "MUS_DEMO": "1",
        "MUS_RATE_LIMIT_WRITES_PERSON": "5 per minute",
        "MUS_RATE_LIMIT_LIVE_STREAMS_PERSON": "2",
    }
    limits = settings_from_env(env, instance_path="/tmp/x").rate_limits
    assert (limits.writes_person, limits.live_streams_person) == ("5 per minute", 2)
    assert limits.writes_tenant == RateLimits().writes_tenant
    assert limits.conversations_person == "1000 per hour"  # demo mode: one person trying the app
    production = {
        "MUS_SECRET_KEY": "s",
        "MUS_CLIENT_ID": "c",
        "MUS_DATA_KEYS": Fernet.generate_key().decode(),
    }
    assert settings_from_env(production, instance_path="/tmp/x").rate_limits == RateLimits()
    with pytest.raises(ConfigError, match="MUS_RATE_LIMIT_WRITES_TENANT"):
        settings_from_env({"MUS_DEMO": "1", "MUS_RATE_LIMIT_WRITES_TENANT": "lots"}, instance_path="/tmp/x")


# --- shared through Redis, and Redis away ---------------------------------------------------------


@pytest.fixture
def prefix():
    value = new_prefix()
    yield value
    forget_prefix(value)


def test_limits_are_counted_in_redis_and_shared_by_every_instance(limited, people, prefix):
    app, api = limited(_limits(writes_person="3 per hour"), redis_url=REDIS_URL, redis_prefix=prefix)
    manager, employee = people["manager"], people["employee"]
    cid = _plan(api, manager, employee).get_json()["id"]
    assert _add_item(api, manager, cid, "Two").status_code == 201
    with redis.Redis.from_url(REDIS_URL) as client:
        keys = client.keys(f"{prefix}limits*")
    assert keys, "the limiter keeps its counts under the app's Redis prefix"

    second = create_app(app.extensions["mus.settings"])  # another instance: same Redis, same prefix
    try:
        client = second.test_client()
        other = ApiClient(client, OpenApiChecker(client.get("/api/openapi.json").get_json()), None)
        assert _add_item(other, manager, cid, "Three").status_code == 201
        _assert_refused(_add_item(api, manager, cid, "Four"))  # the first saw the second's write
        _assert_refused(_add_item(other, manager, cid, "Four"))
    finally:
        plugin.live.shutdown(second)
        with second.app_context():
            db.session.remove()
            db.engine.dispose()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_with_redis_away_requests_succeed_and_limits_count_in_memory(limited, people, prefix):
    away = f"redis://127.0.0.1:{_closed_port()}/0"
    _, api = limited(_limits(writes_person="3 per hour"), redis_url=away, redis_prefix=prefix)
    manager, employee = people["manager"], people["employee"]
    created = _plan(api, manager, employee)
    assert created.status_code == 201, created.get_json()
    cid = created.get_json()["id"]
    assert _add_item(api, manager, cid, "Two").status_code == 201
    assert api.as_(manager).get(f"/api/conversations/{cid}").status_code == 200
    assert _add_item(api, manager, cid, "Three").status_code == 201
    _assert_refused(_add_item(api, manager, cid, "Four"))  # still limited, in this process's memory


def test_the_default_limits_stop_a_flood_of_writes_from_one_token(api, people):
    """As measured on the unlimited app: 200 writes in a few seconds were all accepted."""
    manager = api.as_(people["manager"])
    with time_machine.travel(datetime.now(UTC), tick=False):  # one window, however slow the machine
        conversation = _plan(api, people["manager"], people["employee"]).get_json()  # write 1
        cid, item = conversation["id"], conversation["agenda"][0]["id"]
        path = f"/api/conversations/{cid}/position"
        answers = [manager.put(path, json={"agenda_item_id": item}).status_code for _ in range(199)]
    assert answers.index(429) == 150 - 1  # writes 2-150 accepted, then refused
    assert set(answers[149:]) == {429}
    assert api.as_(people["employee"]).get(f"/api/conversations/{cid}").status_code == 200


def test_only_the_api_and_the_sign_in_pages_consult_the_limiter(limited, people, monkeypatch):
    app, api = limited(_limits())
    from flask import request

    manager = app.extensions["mus.limiter"].limit_manager
    consulted: list[str] = []
    resolve = manager.resolve_limits  # the limits that apply to a request, resolved and parsed

    def counting(*args, **kwargs):
        consulted.append(request.path)
        return resolve(*args, **kwargs)

    monkeypatch.setattr(manager, "resolve_limits", counting)
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    assert client.get("/api/openapi.json").status_code == 200
    assert api.as_(people["manager"]).get("/api/me").status_code == 200
    # /healthz is outside every limit: the limiter is not consulted; the API's requests are
    assert "/healthz" not in consulted
    assert "/api/openapi.json" in consulted
    assert "/api/me" in consulted
