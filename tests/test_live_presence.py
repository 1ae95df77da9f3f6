"""Presence (who is here, on which item, following or not; with a time to live) and the shared
'follow' position, in process memory and in Redis."""

from __future__ import annotations

from datetime import timedelta

import pytest
import redis
from sqlalchemy import select

import plugin.live
from plugin.storage import LiveEvent
from plugin.storage.db import db
from plugin.storage.types import utcnow
from tests.conftest import built_app
from tests.support.live import REDIS_URL, SseParser, forget_prefix, new_prefix, read_until


@pytest.fixture(params=["memory", "redis"])
def live_app(request, settings, postgres_url):
    prefix = new_prefix()
    if request.param == "redis":
        settings = settings.with_changes(redis_url=REDIS_URL, redis_prefix=prefix)
    with built_app(settings, postgres_url) as app:
        app.config["MUS_LIVE_KEEPALIVE_SECONDS"] = 0.05
        yield app
        plugin.live.shutdown(app)
    if request.param == "redis":
        forget_prefix(prefix)


@pytest.fixture
def meeting(live_app, people):
    from tests.conftest import ApiClient
    from tests.support.openapi_check import OpenApiChecker

    client = live_app.test_client()
    api = ApiClient(client, OpenApiChecker(client.get("/api/openapi.json").get_json()), None)
    planned = api.as_(people["manager"]).post(
        "/api/conversations",
        json={"employee": {"object_id": people["employee"].oid}},
    )
    assert planned.status_code == 201
    return api, planned.get_json()


def test_presence_shows_who_is_here_on_which_item_and_expires(live_app, people, meeting):
    api, conversation = meeting
    cid = conversation["id"]
    first, second = (item["id"] for item in conversation["agenda"][:2])
    path = f"/api/conversations/{cid}/presence"
    mine = api.as_(people["manager"]).put(path, json={"agenda_item_id": first, "following": False})
    assert mine.status_code == 200, mine.get_json()
    assert [(p["display_name"], p["agenda_item_id"], p["following"]) for p in mine.get_json()["items"]] == [
        ("Mette Sørensen", first, False)
    ]
    assert mine.get_json()["ttl_seconds"] == 45
    api.as_(people["employee"]).put(path, json={"agenda_item_id": second})
    settings = live_app.extensions["mus.settings"]
    if settings.redis_url:  # shared by every process: in Redis, under this deployment's prefix
        client = redis.Redis.from_url(settings.redis_url)
        assert client.hlen(f"{settings.redis_prefix}presence:{cid}") == 2
        client.close()
    seen = api.as_(people["manager"]).get(path).get_json()["items"]
    assert [(p["object_id"], p["agenda_item_id"], p["following"]) for p in seen] == [
        (people["employee"].oid, second, True),
        (people["manager"].oid, first, False),
    ]
    # Not refreshed within the time to live: gone.
    live_app.extensions["mus.clock"] = lambda: utcnow() + timedelta(seconds=46)
    assert api.as_(people["manager"]).get(path).get_json()["items"] == []
    live_app.extensions["mus.clock"] = utcnow
    api.as_(people["employee"]).put(path, json={"agenda_item_id": None, "following": True})
    assert api.as_(people["employee"]).delete(path).status_code == 204
    assert api.as_(people["manager"]).get(path).get_json()["items"] == []


def test_presence_is_for_the_parties_and_items_of_this_conversation(live_app, people, meeting):
    api, conversation = meeting
    path = f"/api/conversations/{conversation['id']}/presence"
    assert api.as_(people["colleague"]).put(path, json={}).status_code == 403
    assert api.as_(people["outsider"]).get(path).status_code == 404
    other = api.as_(people["manager"]).post(
        "/api/conversations", json={"employee": {"object_id": people["colleague"].oid}}
    )
    foreign_item = other.get_json()["agenda"][0]["id"]
    refused = api.as_(people["manager"]).put(path, json={"agenda_item_id": foreign_item})
    assert (refused.status_code, refused.get_json()["error"]["code"]) == (422, "agenda_item_unknown")
    assert api.as_(people["manager"]).put(path, json={"following": "maybe"}).status_code == 422


def test_presence_and_position_reach_the_other_party_live(live_app, people, meeting):
    api, conversation = meeting
    cid = conversation["id"]
    item = conversation["agenda"][3]["id"]
    headers = {"Authorization": f"Bearer {people['employee'].token}"}
    response = live_app.test_client().get(f"/api/conversations/{cid}/live", headers=headers, buffered=False)
    chunks, parser, seen = iter(response.response), SseParser(), []
    read_until(chunks, parser, lambda s: any(e.event == "ready" for e in s), seen)

    api.as_(people["manager"]).put(f"/api/conversations/{cid}/presence", json={"agenda_item_id": item})
    moved = api.as_(people["manager"]).put(
        f"/api/conversations/{cid}/position", json={"agenda_item_id": item}
    )
    assert moved.status_code == 200
    assert (
        moved.get_json()["agenda_item_id"],
        moved.get_json()["by"]["object_id"],
        moved.get_json()["seq"],
    ) == (
        item,
        people["manager"].oid,
        1,
    )
    read_until(chunks, parser, lambda s: any(e.event == "position.changed" for e in s), seen)
    presence = next(e for e in seen if e.event == "presence.changed")
    assert presence.id is None  # not logged: a reconnecting tab asks for the list
    assert presence.json["data"]["object_id"] == people["manager"].oid
    assert presence.json["data"]["agenda_item_id"] == item and presence.json["data"]["present"] is True
    position = next(e for e in seen if e.event == "position.changed")
    assert (position.id, position.json["data"]) == (
        "1",
        {"agenda_item_id": item, "by": people["manager"].oid},
    )
    response.close()

    shown = api.as_(people["employee"]).get(f"/api/conversations/{cid}/position").get_json()
    assert (shown["agenda_item_id"], shown["by"]["display_name"], shown["seq"]) == (item, "Mette Sørensen", 1)
    cleared = api.as_(people["employee"]).put(
        f"/api/conversations/{cid}/position", json={"agenda_item_id": None}
    )
    assert (cleared.get_json()["agenda_item_id"], cleared.get_json()["seq"]) == (None, 2)
    with live_app.app_context():
        logged = db.session.scalars(select(LiveEvent.kind).where(LiveEvent.conversation_id == cid)).all()
        assert logged == ["position.changed", "position.changed"]


def test_position_rules(live_app, people, meeting):
    api, conversation = meeting
    cid = conversation["id"]
    fresh = api.as_(people["manager"]).get(f"/api/conversations/{cid}/position").get_json()
    assert fresh == {"agenda_item_id": None, "by": None, "at": None, "seq": 0}
    refused = api.as_(people["manager"]).put(
        f"/api/conversations/{cid}/position", json={"agenda_item_id": 999999}
    )
    assert (refused.status_code, refused.get_json()["error"]["code"]) == (422, "agenda_item_unknown")
    assert api.as_(people["manager"]).put(f"/api/conversations/{cid}/position", json={}).status_code == 422
    assert api.as_(people["colleague"]).get(f"/api/conversations/{cid}/position").status_code == 403
