"""The authorisation matrix: EVERY operation of the OpenAPI document x every role x bad tokens.

The operations are read from the served document, so a new operation without a case here fails
`test_every_operation_has_a_case`. Roles: the conversation's employee and manager (allowed: the
operation's success status, on records made fresh for the call), a colleague and an HR admin of the
same organisation (403/404), a person of another organisation (404), anonymous and every kind of bad
token (401). An outsider's answer never carries any of the conversation's canary strings, and a
refused call changes nothing (a digest of the conversation's tables before and after).

One app and one set of people per module (module scope), so the whole matrix stays fast."""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import jwt
import pytest
from sqlalchemy import text

from plugin.config import RateLimits
from plugin.storage.db import db
from tests.conftest import built_app, make_settings
from tests.support.directory import person_oid
from tests.support.idp import CLIENT_ID, TENANT_A, TENANT_B, TENANT_OTHER
from tests.support.live import NotesClient, b64
from tests.support.openapi_check import OpenApiChecker

CANARY = "Kanariefugl"  # every piece of content of the matrix's conversations carries it
METHODS = ("get", "post", "put", "patch", "delete")
PARTIES = ("employee", "manager")
OUTSIDERS = ("colleague", "admin", "outsider")
ROLES = (*PARTIES, *OUTSIDERS, "anonymous")
# Tables whose rows a refused call must leave exactly as they were.
UNTOUCHED_EXCLUDE = {"audit_events", "people", "alembic_version", "readiness_probes"}


# --- the app, the people, the requests -------------------------------------------------------------


@dataclass
class World:
    app: object
    client: object
    checker: OpenApiChecker
    tokens: dict[str, str]
    authority: object
    base: dict = field(default_factory=dict)  # the shared conversation's ids (for refused calls)

    def call(self, who: str | None, method: str, path: str, json_body=None, *, token: str | None = None):
        headers = {}
        bearer = token if token is not None else (self.tokens.get(who) if who else None)
        if bearer is not None:
            headers["Authorization"] = bearer if " " in bearer else f"Bearer {bearer}"
        if path.endswith("/live"):  # a stream: only its status and headers are read
            response = self.client.open(path, method=method.upper(), headers=headers, buffered=False)
            if response.status_code == 200:
                response.close()
                return response
        else:
            response = self.client.open(path, method=method.upper(), json=json_body, headers=headers)
        self.checker.check(method.upper(), path, response.status_code, response.get_json(silent=True))
        return response

    def ok(self, who, method, path, body=None) -> dict:
        response = self.call(who, method, path, body)
        assert response.status_code in (200, 201), (method, path, response.get_json())
        return response.get_json()

    def digest(self) -> str:
        with self.app.app_context():
            names = sorted(t.name for t in db.metadata.sorted_tables if t.name not in UNTOUCHED_EXCLUDE)
            h = hashlib.sha256()
            for name in names:
                rows = db.session.execute(text(f'SELECT * FROM "{name}"')).all()
                h.update(name.encode())
                for row in sorted(repr(tuple(r)) for r in rows):
                    h.update(row.encode())
            db.session.remove()
            return h.hexdigest()


@pytest.fixture(scope="module")
def world(authority, postgres_url, tmp_path_factory):
    folder = tmp_path_factory.mktemp("matrix")
    url = postgres_url or f"sqlite:///{folder / 'mus.sqlite3'}"
    # One automated client makes thousands of calls as the same few people here: the rate limits stay
    # on, set above what the matrix needs (they have tests of their own in test_rate_limits.py).
    many = "100000 per minute"
    limits = RateLimits(
        writes_person=many,
        writes_tenant=many,
        reads_person=many,
        conversations_person=many,
        conversations_tenant=many,
        graph_person=many,  # the team's operations ask the directory too: many calls per minute here
    )
    settings = make_settings(authority, url, folder / "instance").with_changes(rate_limits=limits)
    with built_app(settings, postgres_url) as app:
        client = app.test_client()
        checker = OpenApiChecker(client.get("/api/openapi.json").get_json())
        keys = {"employee": TENANT_A, "manager": TENANT_A, "colleague": TENANT_A, "admin": TENANT_A}
        tokens = {
            key: authority.mint(
                tenant=tenant,
                oid=person_oid(tenant, key),
                name=key.title(),
                roles=["MUS.Admin"] if key == "admin" else None,
            )
            for key, tenant in {**keys, "outsider": TENANT_B}.items()
        }
        w = World(app, client, checker, tokens, authority)
        for who in tokens:  # everyone signed in once, so a refused call creates nobody
            w.ok(who, "get", "/api/conversations")
        w.base = setup(w, "employee", full=True)
        # The manager asks for the employee's history, and the employee approves.
        handover = w.ok(
            "manager", "post", "/api/handovers", {"employee_object_id": person_oid(TENANT_A, "employee")}
        )
        w.ok("employee", "post", f"/api/handovers/{handover['id']}/decision", {"decision": "approved"})
        w.base["handover"] = handover["id"]
        w.ok("admin", "post", "/api/templates", MATRIX_TEMPLATE)  # for the edit and retire cases
        yield w


def setup(
    w: World, role: str, *, full: bool = False, meeting: bool = False, agreed_draft: bool = False
) -> dict:
    """A fresh conversation of the pair with canary content; records of `role` where they are private
    (preparation, a talking point, feedback) so that `role` may change or delete them."""
    conv = w.ok(
        "manager", "post", "/api/conversations", {"employee": {"object_id": person_oid(TENANT_A, "employee")}}
    )
    cid = conv["id"]
    conv = w.ok(
        "manager",
        "patch",
        f"/api/conversations/{cid}",
        # A time, so that the conversation has a calendar file (invite.ics).
        {"version": conv["version"], "title": f"{CANARY} titel", "scheduled_at": "2030-01-07T09:00:00+00:00"},
    )
    item = conv["agenda"][0]
    item = w.ok(
        "manager",
        "patch",
        f"/api/conversations/{cid}/agenda/{item['id']}",
        {"version": item["version"], "notes": f"{CANARY} noter"},
    )
    ids = {"cid": cid, "item": item["id"], "item_version": item["version"], "version": conv["version"]}
    base = f"/api/conversations/{cid}"
    point = w.ok(role, "post", f"{base}/agenda/{item['id']}/talking-points", {"text": f"{CANARY} punkt"})
    ids["point"] = point["talking_points"][-1]["id"]
    prep = w.ok(role, "post", f"{base}/preparation", {"text": f"{CANARY} forberedelse"})
    ids.update(prep=prep["id"], prep_version=prep["version"])
    goal = w.ok("manager", "post", f"{base}/goals", {"title": f"{CANARY} mål"})
    ids.update(goal=goal["id"], goal_version=goal["version"])
    action = w.ok("manager", "post", f"{base}/actions", {"kind": "course", "title": f"{CANARY} kursus"})
    ids.update(action=action["id"], action_version=action["version"])
    feedback = w.ok(role, "post", f"{base}/feedback", {"kind": "recognition", "text": f"{CANARY} ros"})
    ids["feedback"] = feedback["id"]
    follow_up = w.ok(
        "manager", "post", f"{base}/follow-ups", {"title": f"{CANARY} opfølgning", "due_on": "2030-01-01"}
    )
    ids.update(
        follow_up=follow_up["id"], follow_up_version=follow_up["version"], follow_up_title=follow_up["title"]
    )
    w.ok(
        "employee", "post", f"{base}/wellbeing", {"score": 4, "shared": True, "comment": f"{CANARY} trivsel"}
    )
    w.ok(
        "employee", "post", f"{base}/wellbeing", {"score": 2, "shared": False, "comment": f"{CANARY} privat"}
    )
    if full or meeting or agreed_draft:
        current = w.ok("manager", "get", base)
        w.ok("manager", "post", f"{base}/transition", {"status": "in_meeting", "version": current["version"]})
        ids["version"] = w.ok("manager", "get", base)["version"]
    if full or agreed_draft:
        draft = w.call("manager", "post", f"{base}/agreement")
        assert draft.status_code == 201, draft.get_json()
        ids["number"] = draft.get_json()["number"]
        ids["summary"] = w.ok("manager", "get", f"{base}/agreement/summaries")["items"][0]
    return ids


# --- the cases: one per operation -------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    path: Callable[[dict], str]
    body: Callable[[dict], object] = lambda ids: None
    ok: int = 200
    # "party": the two parties succeed, outsiders are refused; "anyone": every signed-in person
    # succeeds (nothing of a conversation in it); "admin": HR only; "public": no sign-in at all.
    who: str = "party"
    needs: dict = field(default_factory=dict)  # what `setup` must make for an allowed call
    # Rules of their own (handovers, erasure): the statuses each signed-in role may get, on the
    # module's shared records; the service's tests (test_handover, test_erasure) cover the rest.
    expect: dict = field(default_factory=dict)


MATRIX_TEMPLATE = {
    "key": "matrix-template",
    "kind": "mus",
    "name": {"da": "Matrixskabelon"},
    "sections": [{"key": "status", "title": {"da": "Status"}}],
}


def conv(suffix: str = "") -> Callable[[dict], str]:
    return lambda ids: f"/api/conversations/{ids['cid']}{suffix}"


def checkin(suffix: str = "") -> Callable[[dict], str]:
    return lambda ids: f"/api/conversations/{ids.get('checkin', ids['cid'])}/checkin{suffix}"


def notes_update() -> str:
    notes = NotesClient()
    return b64(notes.append(f"{CANARY} live"))


CASES: dict[tuple[str, str], Case] = {
    ("get", "/healthz"): Case(lambda ids: "/healthz", who="public"),
    ("get", "/readyz"): Case(lambda ids: "/readyz", who="public"),
    ("get", "/api/me"): Case(lambda ids: "/api/me", who="anyone"),
    # One's own data and audit log: every signed-in person has theirs (never the pair's content).
    ("get", "/api/me/export"): Case(lambda ids: "/api/me/export", who="anyone"),
    ("get", "/api/me/export.pdf"): Case(lambda ids: "/api/me/export.pdf", who="anyone"),
    ("get", "/api/me/audit"): Case(lambda ids: "/api/me/audit", who="anyone"),
    ("get", "/api/me/reminders"): Case(lambda ids: "/api/me/reminders", who="anyone"),
    ("get", "/api/me/erasure"): Case(lambda ids: "/api/me/erasure", who="anyone"),
    # Erasing oneself is never refused to a signed-in person; the matrix sends it unconfirmed (its
    # people must stay), so every signed-in role gets the validation error and nothing goes.
    ("post", "/api/me/erasure"): Case(
        lambda ids: "/api/me/erasure",
        lambda ids: {"confirm": False},
        who="rule",
        expect={role: (422,) for role in (*PARTIES, *OUTSIDERS)},
    ),
    ("get", "/api/handovers"): Case(lambda ids: "/api/handovers", who="anyone"),
    ("post", "/api/handovers"): Case(
        lambda ids: "/api/handovers",
        lambda ids: {"employee_object_id": person_oid(TENANT_A, "employee")},
        who="rule",
        # only the employee's manager in the directory may ask (again: 409, one request is open)
        expect={"manager": (201, 409), "employee": (403,), "colleague": (403,), "admin": (403,)}
        | {"outsider": (403, 404)},
    ),
    ("post", "/api/handovers/{handover_id}/decision"): Case(
        lambda ids: f"/api/handovers/{ids['handover']}/decision",
        lambda ids: {"decision": "declined"},
        who="rule",
        # only the employee decides (this one they approved already: 409, not 403)
        expect={"employee": (409,), "manager": (403,), "colleague": (403, 404), "admin": (403, 404)}
        | {"outsider": (404,)},
    ),
    ("get", "/api/handovers/{handover_id}/history"): Case(
        lambda ids: f"/api/handovers/{ids['handover']}/history",
        who="rule",
        expect={"manager": (200,), "employee": (403, 404), "colleague": (403, 404), "admin": (403, 404)}
        | {"outsider": (404,)},
    ),
    # The team: one's own direct reports in the directory (none: an empty list; test_team_api checks
    # that nobody sees another's); a cadence is read by the employee and their manager, set by the
    # manager (again with the same version: 409).
    ("get", "/api/team"): Case(lambda ids: "/api/team", who="anyone"),
    ("get", "/api/team/{employee_object_id}/cadence"): Case(
        lambda ids: f"/api/team/{person_oid(TENANT_A, 'employee')}/cadence",
        who="rule",
        expect={"manager": (200,), "employee": (200,), "colleague": (403,), "admin": (403,)}
        | {"outsider": (404,)},
    ),
    ("put", "/api/team/{employee_object_id}/cadence"): Case(
        lambda ids: f"/api/team/{person_oid(TENANT_A, 'employee')}/cadence",
        lambda ids: {"mus_interval_months": 12, "check_in_interval_weeks": 4, "version": 0},
        who="rule",
        expect={"manager": (200, 409), "employee": (403,), "colleague": (403,), "admin": (403,)}
        | {"outsider": (404,)},
    ),
    # People by name: everyone searches their own organisation's directory (never another's).
    ("get", "/api/people/suggestions"): Case(lambda ids: "/api/people/suggestions", who="anyone"),
    ("get", "/api/people/search"): Case(lambda ids: "/api/people/search?q=mette", who="anyone"),
    ("get", "/api/people/{object_id}/photo"): Case(
        lambda ids: f"/api/people/{person_oid(TENANT_A, 'manager')}/photo",
        who="rule",
        # Mette's photo, for her organisation; another organisation's directory does not have her.
        expect={role: (200,) for role in (*PARTIES, "colleague", "admin")} | {"outsider": (404,)},
    ),
    ("get", "/api/templates"): Case(lambda ids: "/api/templates", who="anyone"),
    ("post", "/api/templates"): Case(
        lambda ids: "/api/templates",
        lambda ids: {
            "key": f"t{time.monotonic_ns()}",
            "kind": "mus",
            "name": {"da": "Skabelon"},
            "sections": [{"key": "status", "title": {"da": "Status"}}],
        },
        ok=201,
        who="admin",
    ),
    ("get", "/api/coverage"): Case(lambda ids: "/api/coverage", who="admin"),
    ("get", "/api/coverage/units"): Case(lambda ids: "/api/coverage/units", who="admin"),
    ("get", "/api/organisation/settings"): Case(lambda ids: "/api/organisation/settings", who="admin"),
    # HR only; the admin's first save (from version 0) succeeds, a later one from 0 is stale.
    ("put", "/api/organisation/settings"): Case(
        lambda ids: "/api/organisation/settings",
        lambda ids: {
            "version": 0,
            "mus_interval_months": 12,
            "checkin_interval_weeks": 4,
            "reminder_lead_days": 7,
            "agreement_retention_months": 60,
            "notes_retention_days": 30,
            "default_mus_template": None,
        },
        who="rule",
        expect={"admin": (200, 409)} | {role: (403,) for role in (*PARTIES, "colleague", "outsider")},
    ),
    # The module's own template (made in `world`): HR edits and retires it (after the first change
    # its version 1 is stale: 409); nobody else may.
    ("put", "/api/templates/{key}"): Case(
        lambda ids: f"/api/templates/{MATRIX_TEMPLATE['key']}",
        lambda ids: {"version": 1, "name": MATRIX_TEMPLATE["name"], "sections": MATRIX_TEMPLATE["sections"]},
        who="rule",
        expect={"admin": (200, 409)} | {role: (403,) for role in (*PARTIES, "colleague", "outsider")},
    ),
    ("post", "/api/templates/{key}/retire"): Case(
        lambda ids: f"/api/templates/{MATRIX_TEMPLATE['key']}/retire",
        lambda ids: {"version": 1},
        who="rule",
        expect={"admin": (200, 409)} | {role: (403,) for role in (*PARTIES, "colleague", "outsider")},
    ),
    ("get", "/api/preparation/prompts"): Case(
        lambda ids: "/api/preparation/prompts?role=employee", who="anyone"
    ),
    ("post", "/api/goals/check"): Case(
        lambda ids: "/api/goals/check", lambda ids: {"specific": "Lære Python"}, who="anyone"
    ),
    ("get", "/api/conversations"): Case(lambda ids: "/api/conversations", who="anyone"),
    ("post", "/api/conversations"): Case(
        lambda ids: "/api/conversations",
        lambda ids: {
            "kind": "checkin",
            "employee": {"object_id": person_oid(TENANT_A, "employee")},
            "manager": {"object_id": person_oid(TENANT_A, "manager")},
        },
        ok=201,
    ),
    # Planning ahead: parties plan "another anyway" (the pair has the matrix's open conversations);
    # nobody else is a party of the pair, so it is refused before anything is stored.
    ("post", "/api/conversations/plan"): Case(
        lambda ids: "/api/conversations/plan",
        lambda ids: {
            "kind": "checkin",
            "employee": {"object_id": person_oid(TENANT_A, "employee")},
            "manager": {"object_id": person_oid(TENANT_A, "manager")},
            "starts_at": "2030-01-08T09:00:00+01:00",
            "allow_another": True,
        },
        who="rule",
        expect={"employee": (201,), "manager": (201,), "colleague": (403,), "admin": (403,)}
        | {"outsider": (403, 404)},
    ),
    ("get", "/api/conversations/{conversation_id}/invite.ics"): Case(conv("/invite.ics")),
    ("get", "/api/conversations/{conversation_id}"): Case(conv()),
    ("patch", "/api/conversations/{conversation_id}"): Case(
        conv(), lambda ids: {"version": ids["version"], "title": "Ny titel"}
    ),
    ("post", "/api/conversations/{conversation_id}/transition"): Case(
        conv("/transition"), lambda ids: {"status": "preparing", "version": ids["version"]}
    ),
    ("post", "/api/conversations/{conversation_id}/agenda"): Case(
        conv("/agenda"), lambda ids: {"title": "Nyt punkt"}, ok=201
    ),
    ("patch", "/api/conversations/{conversation_id}/agenda/{item_id}"): Case(
        lambda ids: f"/api/conversations/{ids['cid']}/agenda/{ids['item']}",
        lambda ids: {"version": ids["item_version"], "notes": "Nye noter"},
    ),
    ("get", "/api/conversations/{conversation_id}/agenda/{item_id}/notes"): Case(
        lambda ids: f"/api/conversations/{ids['cid']}/agenda/{ids['item']}/notes"
    ),
    ("post", "/api/conversations/{conversation_id}/agenda/{item_id}/notes/updates"): Case(
        lambda ids: f"/api/conversations/{ids['cid']}/agenda/{ids['item']}/notes/updates",
        lambda ids: {"update": notes_update()},
        ok=201,
    ),
    ("post", "/api/conversations/{conversation_id}/agenda/{item_id}/talking-points"): Case(
        lambda ids: f"/api/conversations/{ids['cid']}/agenda/{ids['item']}/talking-points",
        lambda ids: {"text": "Hjemmearbejde"},
        ok=201,
    ),
    ("delete", "/api/conversations/{conversation_id}/agenda/{item_id}/talking-points/{point_id}"): Case(
        lambda ids: f"/api/conversations/{ids['cid']}/agenda/{ids['item']}/talking-points/{ids['point']}",
        ok=204,
    ),
    ("get", "/api/conversations/{conversation_id}/agreement"): Case(conv("/agreement")),
    ("post", "/api/conversations/{conversation_id}/agreement"): Case(
        conv("/agreement"), ok=201, needs={"meeting": True}
    ),
    ("get", "/api/conversations/{conversation_id}/agreement/{number}.pdf"): Case(
        lambda ids: f"/api/conversations/{ids['cid']}/agreement/{ids['number']}.pdf",
        needs={"agreed_draft": True},
    ),
    ("get", "/api/conversations/{conversation_id}/agreement/summaries"): Case(conv("/agreement/summaries")),
    ("put", "/api/conversations/{conversation_id}/agreement/summaries/{item_id}"): Case(
        lambda ids: f"/api/conversations/{ids['cid']}/agreement/summaries/{ids['summary']['item_id']}",
        lambda ids: {"version": ids["summary"]["version"], "base": ids["summary"]["text"], "text": "Resumé"},
        needs={"agreed_draft": True},
    ),
    ("post", "/api/conversations/{conversation_id}/agreement/{number}/decision"): Case(
        lambda ids: f"/api/conversations/{ids['cid']}/agreement/{ids['number']}/decision",
        lambda ids: {"decision": "approved"},
        needs={"agreed_draft": True},
    ),
    ("get", "/api/conversations/{conversation_id}/consent"): Case(conv("/consent")),
    ("put", "/api/conversations/{conversation_id}/consent"): Case(
        conv("/consent"), lambda ids: {"kind": "confidentiality", "value": True}
    ),
    ("put", "/api/conversations/{conversation_id}/drafts/action/{key}"): Case(
        conv("/drafts/action/new-1"), lambda ids: {"fields": {"title": "Kursus"}}
    ),
    ("delete", "/api/conversations/{conversation_id}/drafts/action/{key}"): Case(
        conv("/drafts/action/new-1"), ok=204
    ),
    ("put", "/api/conversations/{conversation_id}/drafts/goal/{key}"): Case(
        conv("/drafts/goal/new-1"), lambda ids: {"fields": {"title": "Mål"}}
    ),
    ("delete", "/api/conversations/{conversation_id}/drafts/goal/{key}"): Case(
        conv("/drafts/goal/new-1"), ok=204
    ),
    ("get", "/api/conversations/{conversation_id}/feedback"): Case(conv("/feedback")),
    ("post", "/api/conversations/{conversation_id}/feedback"): Case(
        conv("/feedback"), lambda ids: {"kind": "improvement", "text": "Mere sparring"}, ok=201
    ),
    ("delete", "/api/conversations/{conversation_id}/feedback/{feedback_id}"): Case(
        lambda ids: f"/api/conversations/{ids['cid']}/feedback/{ids['feedback']}", ok=204
    ),
    ("get", "/api/conversations/{conversation_id}/follow-ups"): Case(conv("/follow-ups")),
    ("get", "/api/conversations/{conversation_id}/follow-ups.ics"): Case(conv("/follow-ups.ics")),
    ("post", "/api/conversations/{conversation_id}/follow-ups"): Case(
        conv("/follow-ups"), lambda ids: {"title": "Ring til HR", "due_on": "2030-02-01"}, ok=201
    ),
    ("patch", "/api/conversations/{conversation_id}/follow-ups/{follow_up_id}"): Case(
        lambda ids: f"/api/conversations/{ids['cid']}/follow-ups/{ids['follow_up']}",
        lambda ids: {
            "version": ids["follow_up_version"],
            "base": {"title": ids["follow_up_title"]},
            "title": "Ring til HR i morgen",
        },
    ),
    ("delete", "/api/conversations/{conversation_id}/follow-ups/{follow_up_id}"): Case(
        lambda ids: f"/api/conversations/{ids['cid']}/follow-ups/{ids['follow_up']}", ok=204
    ),
    ("get", "/api/conversations/{conversation_id}/goals"): Case(conv("/goals")),
    ("post", "/api/conversations/{conversation_id}/goals"): Case(
        conv("/goals"), lambda ids: {"title": "Nyt mål"}, ok=201
    ),
    ("get", "/api/conversations/{conversation_id}/actions"): Case(conv("/actions")),
    ("post", "/api/conversations/{conversation_id}/actions"): Case(
        conv("/actions"), lambda ids: {"kind": "course", "title": "Kursus", "goal_id": ids["goal"]}, ok=201
    ),
    ("get", "/api/conversations/{conversation_id}/live"): Case(conv("/live")),
    ("get", "/api/conversations/{conversation_id}/position"): Case(conv("/position")),
    ("put", "/api/conversations/{conversation_id}/position"): Case(
        conv("/position"), lambda ids: {"agenda_item_id": ids["item"]}
    ),
    ("get", "/api/conversations/{conversation_id}/presence"): Case(conv("/presence")),
    ("put", "/api/conversations/{conversation_id}/presence"): Case(
        conv("/presence"), lambda ids: {"agenda_item_id": ids["item"], "following": False}
    ),
    ("delete", "/api/conversations/{conversation_id}/presence"): Case(conv("/presence"), ok=204),
    ("get", "/api/conversations/{conversation_id}/preparation"): Case(conv("/preparation")),
    ("post", "/api/conversations/{conversation_id}/preparation"): Case(
        conv("/preparation"), lambda ids: {"text": "Mine tanker"}, ok=201
    ),
    ("patch", "/api/conversations/{conversation_id}/preparation/{item_id}"): Case(
        lambda ids: f"/api/conversations/{ids['cid']}/preparation/{ids['prep']}",
        lambda ids: {"version": ids["prep_version"], "text": "Rettede tanker"},
    ),
    ("delete", "/api/conversations/{conversation_id}/preparation/{item_id}"): Case(
        lambda ids: f"/api/conversations/{ids['cid']}/preparation/{ids['prep']}", ok=204
    ),
    ("post", "/api/conversations/{conversation_id}/preparation/{item_id}/promote"): Case(
        lambda ids: f"/api/conversations/{ids['cid']}/preparation/{ids['prep']}/promote",
        lambda ids: {"agenda_item_id": ids["item"]},
        ok=201,
    ),
    ("get", "/api/conversations/{conversation_id}/wellbeing"): Case(conv("/wellbeing")),
    ("post", "/api/conversations/{conversation_id}/wellbeing"): Case(
        conv("/wellbeing"), lambda ids: {"score": 3}, ok=201
    ),
    ("patch", "/api/actions/{action_id}"): Case(
        lambda ids: f"/api/actions/{ids['action']}",
        lambda ids: {"version": ids["action_version"], "title": "Andet kursus"},
    ),
    ("delete", "/api/actions/{action_id}"): Case(lambda ids: f"/api/actions/{ids['action']}", ok=204),
    ("get", "/api/goals/{goal_id}"): Case(lambda ids: f"/api/goals/{ids['goal']}"),
    ("patch", "/api/goals/{goal_id}"): Case(
        lambda ids: f"/api/goals/{ids['goal']}",
        lambda ids: {"version": ids["goal_version"], "title": "Andet mål"},
    ),
    ("delete", "/api/goals/{goal_id}"): Case(
        lambda ids: f"/api/goals/{ids['goal']}", ok=204, needs={"bare_goal": True}
    ),
    ("get", "/api/goals/{goal_id}/history"): Case(lambda ids: f"/api/goals/{ids['goal']}/history"),
    ("post", "/api/goals/{goal_id}/progress"): Case(
        lambda ids: f"/api/goals/{ids['goal']}/progress", lambda ids: {"percent": 40}, ok=201
    ),
    # Asynchronous check-ins: on a check-in of the pair (`needs`); outsiders are refused on the
    # module's conversation before its kind is looked at.
    ("get", "/api/me/checkins"): Case(lambda ids: "/api/me/checkins", who="anyone"),
    ("get", "/api/me/successes"): Case(lambda ids: "/api/me/successes", who="anyone"),
    ("get", "/api/conversations/{conversation_id}/checkin"): Case(checkin(), needs={"checkin": True}),
    ("put", "/api/conversations/{conversation_id}/checkin/mine"): Case(
        checkin("/mine"),
        lambda ids: {"version": 0, "goals": [{"goal_id": ids["goal"], "percent": 30}], "blockers": "Tid"},
        needs={"checkin": True},
    ),
    ("post", "/api/conversations/{conversation_id}/checkin/mine/done"): Case(
        checkin("/mine/done"), lambda ids: {"version": 0}, needs={"checkin": True}
    ),
    ("post", "/api/conversations/{conversation_id}/checkin/close"): Case(
        checkin("/close"), needs={"checkin": True, "checkin_done": True}
    ),
    ("post", "/api/goals/{goal_id}/adjustments"): Case(
        lambda ids: f"/api/goals/{ids['goal']}/adjustments",
        lambda ids: {"version": ids["goal_version"], "measure": "Tre om ugen"},
    ),
    ("post", "/api/goals/{goal_id}/success"): Case(
        lambda ids: f"/api/goals/{ids['goal']}/success", lambda ids: {"note": "Nået"}, ok=201
    ),
}


def operations(document: dict) -> list[tuple[str, str]]:
    return sorted(
        (method, path) for path, ops in document["paths"].items() for method in ops if method in METHODS
    )


def _document(world) -> dict:
    return world.client.get("/api/openapi.json").get_json()


def test_every_operation_has_a_case(world):
    ops = operations(_document(world))
    assert len(ops) >= 60  # the document is read, not empty
    missing = [op for op in ops if op not in CASES]
    assert missing == [], f"operations without an authorisation case: {missing}"
    stale = [op for op in CASES if op not in ops]
    assert stale == [], f"cases for operations the API no longer has: {stale}"


# --- who may ----------------------------------------------------------------------------------------


def _fresh(world: World, case: Case, role: str) -> dict:
    if case.needs.get("bare_goal"):  # a goal nothing refers to, which may be deleted
        ids = setup(world, role)
        goal = world.ok("manager", "post", f"/api/conversations/{ids['cid']}/goals", {"title": "Løst mål"})
        return {**ids, "goal": goal["id"]}
    ids = setup(
        world,
        role,
        meeting=case.needs.get("meeting", False),
        agreed_draft=case.needs.get("agreed_draft", False),
    )
    if case.needs.get("checkin"):  # a check-in of the same pair (it follows up the goal just set)
        planned = world.ok(
            "manager",
            "post",
            "/api/conversations",
            {"kind": "checkin", "employee": {"object_id": person_oid(TENANT_A, "employee")}},
        )
        ids["checkin"] = planned["id"]
        if case.needs.get("checkin_done"):
            for who in PARTIES:
                world.ok(who, "post", f"/api/conversations/{planned['id']}/checkin/mine/done", {"version": 0})
    return ids


ALL = [(m, p) for (m, p) in CASES]


@pytest.mark.parametrize("role", PARTIES)
@pytest.mark.parametrize("op", ALL, ids=[f"{m.upper()} {p}" for m, p in ALL])
def test_parties_may(world, op, role):
    case = CASES[op]
    if case.expect:
        response = world.call(role, op[0], case.path(world.base), case.body(world.base))
        assert response.status_code in case.expect[role], (op, role, response.get_json(silent=True))
        return
    expected = 403 if case.who == "admin" else case.ok
    ids = _fresh(world, case, role) if case.who == "party" else world.base
    response = world.call(role, op[0], case.path(ids), case.body(ids))
    assert response.status_code == expected, (op, role, response.get_json(silent=True))


def test_hr_admin_may_what_is_theirs(world):
    for op, case in CASES.items():
        if case.who == "admin":
            response = world.call("admin", op[0], case.path(world.base), case.body(world.base))
            assert response.status_code == case.ok, (op, response.get_json())
            assert CANARY not in response.get_data(as_text=True)


# --- who may not ------------------------------------------------------------------------------------

REFUSED = {"colleague": (403, 404), "admin": (403, 404), "outsider": (404,)}


@pytest.mark.parametrize("role", OUTSIDERS)
@pytest.mark.parametrize("op", ALL, ids=[f"{m.upper()} {p}" for m, p in ALL])
def test_others_may_not_and_learn_nothing(world, op, role):
    case = CASES[op]
    ids = world.base
    before = world.digest() if op[0] != "get" else None
    response = world.call(role, op[0], case.path(ids), case.body(ids))
    body = response.get_data().decode("utf-8", "replace")  # a PDF is bytes
    assert CANARY not in body, (op, role)
    if case.expect:
        assert response.status_code in case.expect[role], (op, role, response.get_json(silent=True))
        if before is not None and response.status_code >= 400:
            assert world.digest() == before, f"{op} by {role} changed something"
        return
    if case.who in ("anyone", "public") or (case.who == "admin" and role == "admin"):
        assert response.status_code in (200, 201), (op, role, response.get_json(silent=True))
        return
    if op == ("post", "/api/conversations"):
        # Planning with someone else's employee: not their report (403), or unknown to another
        # organisation's directory (404).
        assert response.status_code in (403, 404), (op, role, response.get_json())
        return
    if case.who == "admin":
        assert response.status_code == 403, (op, role, response.get_json())
    else:
        assert response.status_code in REFUSED[role], (op, role, response.get_json(silent=True))
    assert set(response.get_json()) == {"error"}
    if before is not None:
        assert world.digest() == before, f"{op} by {role} changed something"


def test_outsiders_404_is_the_same_as_for_nothing(world):
    theirs = world.call("outsider", "get", f"/api/conversations/{world.base['cid']}")
    missing = world.call("outsider", "get", "/api/conversations/987654")
    assert theirs.status_code == missing.status_code == 404
    assert theirs.get_json() == missing.get_json()


# --- anonymous and bad tokens -------------------------------------------------------------------------

STRANGER = "5e5e5e5e-0000-4000-8000-000000000002"


def _segment(obj: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()


def bad_tokens(authority, tokens) -> dict[str, str | None]:
    now = int(time.time())
    claims = {
        "aud": CLIENT_ID,
        "iss": f"{authority.url}/{TENANT_A}/v2.0",
        "iat": now,
        "nbf": now,
        "exp": now + 3600,
        "tid": TENANT_A,
        "oid": STRANGER,
        "scp": "access_as_user",
    }
    valid = jwt.decode(tokens["employee"], options={"verify_signature": False})
    return {
        "anonymous": None,
        "basic": "Basic " + base64.b64encode(b"jonas:hemmelig").decode(),
        "garbage": "Bearer not-a-token",
        "expired": authority.mint(tenant=TENANT_A, oid=person_oid(TENANT_A, "employee"), lifetime=-600),
        "wrong_audience": authority.mint(
            tenant=TENANT_A, oid=person_oid(TENANT_A, "employee"), aud="api://elsewhere/x"
        ),
        "wrong_issuer": authority.mint(
            tenant=TENANT_A, oid=person_oid(TENANT_A, "employee"), iss=f"https://evil.example/{TENANT_A}/v2.0"
        ),
        "bad_signature": jwt.encode(
            valid, authority.unpublished.private, algorithm="RS256", headers={"kid": authority.keys[0].kid}
        ),
        "alg_none": f"{_segment({'alg': 'none', 'typ': 'JWT'})}.{_segment(claims)}.",
        "tenant_not_allowed": authority.mint(tenant=TENANT_OTHER, oid=person_oid(TENANT_A, "employee")),
        "missing_scope": authority.mint(
            tenant=TENANT_A, oid=person_oid(TENANT_A, "employee"), scp="User.Read"
        ),
    }


@pytest.fixture(scope="module")
def tokens_bad(world):
    return bad_tokens(world.authority, world.tokens)


BAD_NAMES = (
    "anonymous",
    "basic",
    "garbage",
    "expired",
    "wrong_audience",
    "wrong_issuer",
    "bad_signature",
    "alg_none",
    "tenant_not_allowed",
    "missing_scope",
)


@pytest.mark.parametrize("kind", BAD_NAMES)
def test_anonymous_and_bad_tokens_are_401_everywhere(world, tokens_bad, kind):
    token = tokens_bad[kind]
    before = world.digest()
    for op, case in CASES.items():
        path = case.path(world.base)
        if token is None:
            response = world.call(None, op[0], path, case.body(world.base))
        else:
            response = world.call(None, op[0], path, case.body(world.base), token=token)
        body = response.get_data().decode("utf-8", "replace")  # a PDF is bytes
        assert CANARY not in body, (op, kind)
        if case.who == "public":
            assert response.status_code in (200, 503), (op, kind)
            continue
        assert response.status_code == 401, (op, kind, response.status_code, body[:200])
        assert response.get_json()["error"]["code"].startswith(("token_", "tenant_", "scope_")), (op, kind)
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert world.digest() == before


def test_another_organisations_token_for_the_same_object_id_sees_nothing(world):
    token = world.authority.mint(tenant=TENANT_B, oid=person_oid(TENANT_A, "employee"), name="Dobbeltgænger")
    before = world.digest()
    for op, case in CASES.items():
        if case.who != "party" or op == ("post", "/api/conversations"):
            continue
        response = world.call(None, op[0], case.path(world.base), case.body(world.base), token=token)
        assert response.status_code == 404, (op, response.get_json(silent=True))
        assert CANARY not in response.get_data(as_text=True)
    assert world.digest() == before
