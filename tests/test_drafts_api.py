"""Drafts: a goal or development action being written reaches the other party field by field before
it is saved, over the live channel only: nothing of it is stored (database, event log)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

import plugin.live
from plugin.storage import Goal, LiveEvent
from plugin.storage.db import db
from tests.conftest import built_app
from tests.support.live import REDIS_URL, SseParser, forget_prefix, new_prefix, read_until


def drafts(events) -> list:
    return [e for e in events if e.kind.startswith("draft.")]


def stored_counts(app) -> tuple[int, int]:
    with app.app_context():
        logged = db.session.scalar(select(func.count()).select_from(LiveEvent))
        goals = db.session.scalar(select(func.count()).select_from(Goal))
        db.session.remove()
        return logged, goals


def test_a_new_goal_being_written_reaches_the_other_party_and_is_stored_nowhere(
    api, app, people, conversation, events
):
    cid = conversation["id"]
    before = stored_counts(app)
    sent = api.as_(people["manager"]).put(
        f"/api/conversations/{cid}/drafts/goal/new-1a2b",
        json={"id": None, "fields": {"title": "Automatisere rap", "deadline": "2026-06-01"}},
    )
    assert sent.status_code == 200, sent.get_json()
    assert sent.get_json() == {"ttl_seconds": 30}
    [draft] = drafts(events)
    assert (draft.kind, draft.conversation_id, draft.seq, draft.audience) == (
        "draft.changed",
        cid,
        None,
        None,
    )
    assert draft.data == {
        "record": "goal",
        "key": "new-1a2b",
        "id": None,
        "by": people["manager"].oid,
        "display_name": "Mette Sørensen",
        "fields": {"title": "Automatisere rap", "deadline": "2026-06-01"},
        "ttl_seconds": 30,
    }
    assert stored_counts(app) == before  # neither logged nor saved
    listed = api.as_(people["employee"]).get(f"/api/conversations/{cid}/goals").get_json()["items"]
    assert listed == []

    cleared = api.as_(people["manager"]).delete(f"/api/conversations/{cid}/drafts/goal/new-1a2b")
    assert cleared.status_code == 204
    assert [(e.kind, e.data) for e in drafts(events)][-1] == (
        "draft.cleared",
        {"record": "goal", "key": "new-1a2b", "by": people["manager"].oid},
    )
    assert stored_counts(app) == before


def test_a_draft_of_an_existing_action_names_it(api, people, conversation, events):
    cid = conversation["id"]
    action = api.as_(people["employee"]).post(
        f"/api/conversations/{cid}/actions", json={"kind": "course", "title": "Python-kursus"}
    )
    assert action.status_code == 201
    action_id = action.get_json()["id"]
    sent = api.as_(people["employee"]).put(
        f"/api/conversations/{cid}/drafts/action/a{action_id}",
        json={"id": action_id, "fields": {"resources": "Kursusgebyr", "owner": "manager"}},
    )
    assert sent.status_code == 200, sent.get_json()
    [draft] = drafts(events)
    assert (draft.data["record"], draft.data["id"], draft.data["fields"]) == (
        "action",
        action_id,
        {"resources": "Kursusgebyr", "owner": "manager"},
    )


@pytest.mark.parametrize(
    "path,body,status,code",
    [
        ("goal/k1", {"fields": {"specific": "x" * 70_000}}, 413, "text_too_large"),
        ("goal/k1", {"fields": {"title": "x" * 301}}, 422, "field_invalid"),
        ("goal/k1", {"fields": {"colour": "red"}}, 422, "unknown_field"),
        ("goal/k1", {"fields": {"deadline": "soon"}}, 422, "field_invalid"),
        ("goal/k1", {"id": 9999, "fields": {"title": "x"}}, 422, "draft_record_unknown"),
        ("action/k1", {"fields": {"status": "maybe"}}, 422, "field_invalid"),
        ("goal/bad%20key", {"fields": {}}, 422, "draft_key_invalid"),
        ("note/k1", {"fields": {}}, 404, "not_found"),
    ],
)
def test_bad_drafts_are_a_clear_4xx_and_announce_nothing(
    api, people, conversation, events, path, body, status, code
):
    cid = conversation["id"]
    client = api.client  # also paths outside the OpenAPI document
    response = client.put(
        f"/api/conversations/{cid}/drafts/{path}",
        json=body,
        headers={"Authorization": f"Bearer {people['manager'].token}"},
    )
    assert response.status_code == status
    assert response.get_json()["error"]["code"] == code
    assert drafts(events) == []


def test_a_goal_of_another_pair_cannot_be_drafted_here(api, people, conversation, events):
    other = api.as_(people["manager"]).post(
        "/api/conversations", json={"employee": {"object_id": people["colleague"].oid}}
    )
    goal = api.as_(people["manager"]).post(
        f"/api/conversations/{other.get_json()['id']}/goals", json={"title": "Anders' mål"}
    )
    response = api.as_(people["manager"]).put(
        f"/api/conversations/{conversation['id']}/drafts/goal/g1",
        json={"id": goal.get_json()["id"], "fields": {"title": "x"}},
    )
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "draft_record_unknown"
    assert drafts(events) == []


@pytest.mark.parametrize("who,status", [("colleague", 403), ("outsider", 404), (None, 401)])
def test_only_the_two_parties_send_drafts(api, people, conversation, events, who, status):
    cid = conversation["id"]
    client = api.as_(people[who] if who else None)
    put = client.put(f"/api/conversations/{cid}/drafts/goal/k1", json={"fields": {"title": "Hemmeligt"}})
    assert put.status_code == status
    delete = client.delete(f"/api/conversations/{cid}/drafts/goal/k1")
    assert delete.status_code == status
    assert drafts(events) == []


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


def test_the_other_party_hears_the_draft_on_the_live_channel_without_an_id(live_app, people):
    from tests.conftest import ApiClient
    from tests.support.openapi_check import OpenApiChecker

    client = live_app.test_client()
    api = ApiClient(client, OpenApiChecker(client.get("/api/openapi.json").get_json()), None)
    planned = api.as_(people["manager"]).post(
        "/api/conversations", json={"employee": {"object_id": people["employee"].oid}}
    )
    cid = planned.get_json()["id"]
    headers = {"Authorization": f"Bearer {people['employee'].token}"}
    response = live_app.test_client().get(f"/api/conversations/{cid}/live", headers=headers, buffered=False)
    chunks, parser, seen = iter(response.response), SseParser(), []
    read_until(chunks, parser, lambda s: any(e.event == "ready" for e in s), seen)
    api.as_(people["manager"]).put(
        f"/api/conversations/{cid}/drafts/goal/k1", json={"fields": {"title": "Lære SQL"}}
    )
    read_until(chunks, parser, lambda s: any(e.event == "draft.changed" for e in s), seen)
    draft = next(e for e in seen if e.event == "draft.changed")
    assert draft.id is None  # not logged: nothing to replay, nothing kept
    assert draft.json["data"]["fields"] == {"title": "Lære SQL"}
    assert draft.json["data"]["display_name"] == "Mette Sørensen"
    response.close()
