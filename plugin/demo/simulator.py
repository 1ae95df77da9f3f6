"""The Teams simulator (demo mode only): a meeting with Mette (manager) and Jonas (employee) side
by side, each with their own Teams client hosting the tab. It is served by the app itself because
teams-js only talks to a host on the tab's own origin (or Microsoft's)."""

from __future__ import annotations

import re

from flask import Blueprint, current_app, request

from ..config import DEMO_TENANT_ID
from ..pages.render import SIMULATOR_TEXTS, page_language, render_page, texts_for
from .idp import loopback_only
from .people import DEMO_BY_KEY, DemoPerson

bp = Blueprint("simulator", __name__, url_prefix="/simulator", template_folder="templates")
bp.before_request(loopback_only)

PARTICIPANTS = ("mette", "jonas")
MEETING_KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def meeting_for(key: str | None) -> dict[str, str]:
    """`?meeting=<key>` gives a fresh simulated meeting (tests use one per test); default "demo"."""
    key = key if key and MEETING_KEY.match(key) else "demo"
    return {"id": f"sim-meeting-{key}", "chatId": f"19:meeting_{key}@thread.v2"}


def _participant(person: DemoPerson) -> dict[str, str]:
    return {
        "key": person.key,
        "name": person.name,
        "objectId": person.object_id,
        "email": person.email,
        "role": person.role,
    }


def _graph_meeting(meeting: dict[str, str]) -> None:
    """The simulated meeting as a Teams online meeting in the demo directory (Mette organizes, Jonas
    is invited), under the id the tab's context carries, so its participants are found by name."""
    cloud = current_app.extensions.get("mus.demo_cloud")
    if cloud is None or cloud.directory.meeting(meeting["id"]) is not None:
        return
    mette, jonas = DEMO_BY_KEY["mette"], DEMO_BY_KEY["jonas"]
    cloud.directory.add_meeting(
        DEMO_TENANT_ID, mette.object_id, "MUS", attendee_ids=[jonas.object_id], meeting_id=meeting["id"]
    )


@bp.get("/")
def simulator():
    meeting = meeting_for(request.args.get("meeting"))
    _graph_meeting(meeting)
    boot = {
        "language": page_language(),
        "texts": texts_for(SIMULATOR_TEXTS),
        "tenantId": DEMO_TENANT_ID,
        "participants": [_participant(DEMO_BY_KEY[key]) for key in PARTICIPANTS],
        "meeting": meeting,
    }
    if request.args.get("baseline") == "teams-js":
        # The side panels load the page that only initializes teams-js (bench/web.py's baseline).
        boot["sidePanelUrl"] = "/simulator/teams-js"
    return render_page(
        "demo/simulator.html", surface="simulator", title_key="ui.sim.title", entry="simulator", boot=boot
    )


@bp.get("/teams-js")
def teams_js_only():
    """The baseline of the tab's start (bench/web.py): a page that only initializes teams-js and
    reports it loaded, served like the tab (the same headers, compression and cache)."""
    return render_page(
        "demo/teams_js_only.html", surface="baseline", title_key="ui.sim.title", entry="teams-js-only"
    )
