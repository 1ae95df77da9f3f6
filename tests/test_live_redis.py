"""The Redis broker: two app instances (here in one process, each with its own broker, hub and
connections) on one database and one Redis prefix share one live view; a lost subscription is
restored and the streams catch up from the log; Redis down never fails a committed change."""

from __future__ import annotations

import json
import threading
import time

import pytest
import redis

import plugin.live
from plugin import create_app
from plugin.live.redis import RedisBroker
from tests.conftest import ApiClient, built_app
from tests.support.live import REDIS_URL, NotesClient, SseParser, b64, forget_prefix, new_prefix, read_until
from tests.support.openapi_check import OpenApiChecker


@pytest.fixture
def prefix():
    value = new_prefix()
    yield value
    forget_prefix(value)


@pytest.fixture
def two_instances(settings, postgres_url, prefix):
    shared = settings.with_changes(redis_url=REDIS_URL, redis_prefix=prefix)
    with built_app(shared, postgres_url) as first:
        second = create_app(shared)
        for app in (first, second):
            app.config["MUS_LIVE_KEEPALIVE_SECONDS"] = 0.05
        try:
            yield first, second
        finally:
            plugin.live.shutdown(second)
            plugin.live.shutdown(first)
            with second.app_context():
                from plugin.storage.db import db

                db.session.remove()
                db.engine.dispose()


def _api(app) -> ApiClient:
    client = app.test_client()
    return ApiClient(client, OpenApiChecker(client.get("/api/openapi.json").get_json()), None)


def _open(app, person, cid):
    headers = {"Authorization": f"Bearer {person.token}"}
    response = app.test_client().get(f"/api/conversations/{cid}/live", headers=headers, buffered=False)
    stream = (response, iter(response.response), SseParser(), [])
    read_until(stream[1], stream[2], lambda s: any(e.event == "ready" for e in s), stream[3])
    return stream


def _plan(api, people):
    planned = api.as_(people["manager"]).post(
        "/api/conversations", json={"employee": {"object_id": people["employee"].oid}}
    )
    assert planned.status_code == 201
    return planned.get_json()


def test_an_edit_on_one_instance_reaches_a_stream_on_the_other(two_instances, people):
    first, second = two_instances
    assert isinstance(first.extensions["mus.broker"], RedisBroker)
    conversation = _plan(_api(first), people)
    cid, item = conversation["id"], conversation["agenda"][0]["id"]
    response, chunks, parser, seen = _open(first, people["employee"], cid)

    update = NotesClient().append("Skrevet på instans B")
    sent = (
        _api(second)
        .as_(people["manager"])
        .post(f"/api/conversations/{cid}/agenda/{item}/notes/updates", json={"update": b64(update)})
    )
    assert sent.status_code == 201
    read_until(chunks, parser, lambda s: any(e.event == "notes.update" for e in s), seen)
    event = next(e for e in seen if e.event == "notes.update")
    jonas = NotesClient()
    jonas.apply(event.json["data"]["update"])
    assert str(jonas) == "Skrevet på instans B"
    # An edit on the same instance arrives once (locally at once, and not again from Redis).
    _api(first).as_(people["employee"]).post(
        f"/api/conversations/{cid}/agenda/{item}/notes/updates", json={"update": b64(jonas.append("!"))}
    )
    read_until(chunks, parser, lambda s: sum(e.event == "notes.update" for e in s) >= 2, seen)
    end = time.monotonic() + 0.4
    while time.monotonic() < end:
        seen.extend(parser.feed(next(chunks)))
    assert [e.id for e in seen if e.event == "notes.update"] == ["1", "2"]
    response.close()


def test_a_lost_subscription_is_restored_and_the_stream_catches_up_from_the_log(
    two_instances, people, prefix
):
    first, second = two_instances
    first.extensions["mus.live"].watchdog_seconds = 3600  # only the resync may deliver it
    conversation = _plan(_api(first), people)
    cid = conversation["id"]
    response, chunks, parser, seen = _open(first, people["employee"], cid)
    broker: RedisBroker = first.extensions["mus.broker"]
    # Pub/sub loses a message while the connection is broken...
    deliver, lost = broker._deliver, threading.Event()

    def lose(raw: bytes) -> None:
        if json.loads(raw)["kind"] == "conversation.updated":
            lost.set()

    broker._deliver = lose
    try:
        current = _api(second).as_(people["manager"]).get(f"/api/conversations/{cid}").get_json()
        renamed = (
            _api(second)
            .as_(people["manager"])
            .patch(
                f"/api/conversations/{cid}",
                json={"title": "Mens forbindelsen var væk", "version": current["version"]},
            )
        )
        assert renamed.status_code == 200
        # Lost once it reached this instance's listener (not: after a fixed 0.2 s, when on a busy
        # machine it may still be on its way and then arrive normally).
        assert lost.wait(timeout=30), "the rename's publication never reached the first instance"
    finally:
        broker._deliver = deliver
    end = time.monotonic() + 0.3
    while time.monotonic() < end:
        seen.extend(parser.feed(next(chunks)))
    assert not any(e.event == "conversation.updated" for e in seen)
    # ...and the connection is restored: the stream reads what it missed from the log.
    admin = redis.Redis.from_url(REDIS_URL)
    listeners = [c for c in admin.client_list() if c.get("name", "").startswith(f"{prefix}live-listener")]
    assert listeners
    for client in listeners:
        admin.client_kill_filter(_id=client["id"])
    admin.close()
    read_until(chunks, parser, lambda s: any(e.event == "conversation.updated" for e in s), seen, timeout=30)
    assert [e.id for e in seen if e.event == "conversation.updated"] == ["1"]
    response.close()


def test_redis_down_never_fails_a_committed_change(settings, postgres_url, people, prefix):
    down = settings.with_changes(redis_url="redis://127.0.0.1:1/0", redis_prefix=prefix)
    with built_app(down, postgres_url) as app:
        api = _api(app)
        conversation = _plan(api, people)
        cid, item = conversation["id"], conversation["agenda"][0]["id"]
        sent = api.as_(people["manager"]).post(
            f"/api/conversations/{cid}/agenda/{item}/notes/updates",
            json={"update": b64(NotesClient().append("gemt alligevel"))},
        )
        assert sent.status_code == 201
        assert api.as_(people["employee"]).get(f"/api/conversations/{cid}/agenda/{item}/notes").get_json()[
            "text"
        ] == ("gemt alligevel")
        presence = api.as_(people["manager"]).put(f"/api/conversations/{cid}/presence", json={})
        assert (presence.status_code, presence.get_json()["error"]["code"]) == (503, "live_unavailable")
        plugin.live.shutdown(app)
