"""A cap of live streams per person (plugin/live/hub.py): one token cannot take the live slots of an
instance. The newest stream wins: one over the cap ends the person's oldest (so a tab reconnecting
after a network break gets through at once), the person never holds more than the cap, and the other
party of the conversation still gets a stream, also when others have filled the process."""

from __future__ import annotations

import time

import pytest

import plugin.live
from plugin.config import RateLimits
from tests.conftest import built_app
from tests.support.live import WAIT_SECONDS, SseParser, read_until


@pytest.fixture
def capped(settings, postgres_url):
    limits = RateLimits(live_streams_person=2)
    with built_app(settings.with_changes(rate_limits=limits), postgres_url) as app:
        app.config["MUS_LIVE_KEEPALIVE_SECONDS"] = 0.05
        yield app
        plugin.live.shutdown(app)


class Stream:
    def __init__(self, app, person, cid, language="da"):
        headers = {"Authorization": f"Bearer {person.token}", "Accept-Language": language}
        self.response = app.test_client().get(
            f"/api/conversations/{cid}/live", headers=headers, buffered=False
        )
        self.status = self.response.status_code

    def ready(self):
        parser, seen = SseParser(), []
        read_until(iter(self.response.response), parser, lambda s: any(e.event == "ready" for e in s), seen)
        return self

    def close(self):
        self.response.close()


def _plan(app, planner, employee, manager=None):
    body = {"employee": {"object_id": employee.oid}}
    if manager is not None:
        body |= {"manager": {"object_id": manager.oid}, "confirm_relationship": True}
    response = app.test_client().post(
        "/api/conversations",
        json=body,
        headers={"Authorization": f"Bearer {planner.token}"},
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


def _ends(stream: Stream) -> bool:
    """Reads the stream until the server ends it (keep-alives come every 50 ms meanwhile)."""
    deadline = time.monotonic() + WAIT_SECONDS
    return all(time.monotonic() <= deadline for _ in iter(stream.response.response))


def test_a_person_over_the_cap_ends_their_oldest_stream_and_the_other_party_still_connects(capped, people):
    manager, employee = people["manager"], people["employee"]
    cid = _plan(capped, manager, employee)
    hub = capped.extensions["mus.live"]
    first, second = (Stream(capped, employee, cid).ready() for _ in range(2))
    third = Stream(capped, employee, cid)  # e.g. the first tab again, after a network break
    assert third.status == 200
    third.ready()
    assert _ends(first)  # the oldest was ended: its tab, if still there, reconnects
    assert hub.count() == 2  # the person holds no more than the cap

    theirs = Stream(capped, manager, cid)
    assert theirs.status == 200
    theirs.ready()
    assert hub.count() == 3

    fourth = Stream(capped, employee, cid).ready()
    assert _ends(second)  # the next oldest of the person's, never the other party's
    assert hub.count() == 3
    for stream in (third, fourth, theirs):
        stream.close()
    assert hub.count() == 0


def test_the_last_slots_of_a_full_process_are_kept_for_the_other_party(capped, people):
    manager, employee, colleague = people["manager"], people["employee"], people["colleague"]
    cid = _plan(capped, manager, employee)
    # a conversation of two other people: the colleague confirms a manager the directory doesn't show
    other = _plan(capped, colleague, colleague, manager=people["admin"])
    hub = capped.extensions["mus.live"]
    hub.max_streams = 3  # one slot kept for a party whose counterpart is connected
    streams = [Stream(capped, employee, cid).ready()]
    streams += [Stream(capped, colleague, other).ready()]
    assert hub.count() == 2
    busy = Stream(capped, colleague, other)  # the colleague's second stream: not into the reserve
    assert (busy.status, busy.response.get_json()["error"]["code"]) == (503, "live_busy")
    busy = Stream(capped, employee, cid)  # nor the employee's second one
    assert busy.status == 503
    theirs = Stream(capped, manager, cid)  # the employee's counterpart gets the kept slot
    assert theirs.status == 200
    theirs.ready()
    full = Stream(capped, people["admin"], other)
    assert full.status == 503  # now the process is full
    for stream in [*streams, theirs]:
        stream.close()
    assert hub.count() == 0


def test_the_cap_is_configured_and_on_by_default(app):
    assert app.extensions["mus.live"].max_streams_per_person == RateLimits().live_streams_person == 8
