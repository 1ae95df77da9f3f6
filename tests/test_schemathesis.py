"""Schemathesis on the app's own OpenAPI document, through the WSGI app, signed in as the manager of a
real conversation (a token from the local Entra stand-in, as every test): every generated request,
valid or not, is answered without a server error, with a documented status code, content type and
body. Bounded (derandomized, a few dozen examples per operation and mode) so that it runs in minutes.

The database is the suite's (SQLite, or PostgreSQL with MUS_TEST_DATABASE_URL), so text with NUL
bytes and ids beyond a 32-bit column reach the database that refuses them."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

import plugin.live
from scripts.openapi_document import document

SCHEMA = schemathesis.openapi.from_dict(document())
OPERATIONS = sorted(result.ok().label for result in SCHEMA.get_all_operations())
# Negative data needs something to break: a parameter or a body.
WITH_INPUT = {
    f"{method.upper()} {path}"
    for path, item in SCHEMA.raw_schema["paths"].items()
    for method, op in item.items()
    if op.get("parameters") or op.get("requestBody")
}
CASES = [(label, GenerationMode.POSITIVE) for label in OPERATIONS] + [
    (label, GenerationMode.NEGATIVE) for label in OPERATIONS if label in WITH_INPUT
]
EXAMPLES = 40
# Not checked: that the app accepts every schema-valid request (it also refuses by its rules: a state,
# a SMART check, a NUL byte) and refuses every schema-invalid one (the test replaces the generated
# sign-in header, and a query string's "false" is a valid string on the wire).
NOT_CHECKED = [positive_data_acceptance, negative_data_rejection]


@pytest.fixture
def attacked_app(app):
    """A live stream of a real conversation ends within a second (not at the 30-minute cap)."""
    app.config["MUS_LIVE_KEEPALIVE_SECONDS"] = 0.05
    app.config["MUS_LIVE_MAX_SECONDS"] = 0.5
    yield app
    plugin.live.shutdown(app)


def _created(response) -> int:
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


@pytest.fixture
def real_ids(api, people, conversation) -> dict[str, int]:
    """A conversation with a goal, an action, a follow-up, feedback and a preparation item: generated
    ids are swapped for these (by their parity) so that half the requests reach real records."""
    manager = api.as_(people["manager"])
    cid = conversation["id"]
    base = f"/api/conversations/{cid}"
    goal_id = _created(manager.post(f"{base}/goals", json={"title": "Lære Python"}))
    return {
        "conversation_id": cid,
        "item_id": conversation["agenda"][0]["id"],
        "goal_id": goal_id,
        "action_id": _created(
            manager.post(f"{base}/actions", json={"kind": "course", "title": "Kursus", "goal_id": goal_id})
        ),
        "follow_up_id": _created(
            manager.post(f"{base}/follow-ups", json={"title": "Opfølgning", "due_on": "2030-06-01"})
        ),
        "feedback_id": _created(
            manager.post(f"{base}/feedback", json={"kind": "recognition", "text": "Godt arbejde"})
        ),
        "number": 1,
    }


@pytest.mark.parametrize(("label", "mode"), CASES, ids=[f"{label} {mode.value}" for label, mode in CASES])
def test_no_server_error_and_every_answer_as_documented(attacked_app, people, real_ids, label, mode):
    app = attacked_app
    operation = schemathesis.openapi.from_wsgi("/api/openapi.json", app).find_operation_by_label(label)
    positive = mode is GenerationMode.POSITIVE
    auth = {"Authorization": f"Bearer {people['manager'].token}"}

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def attack(case):
        for name, value in list((case.path_parameters or {}).items()):
            if positive and name in real_ids and isinstance(value, int) and value % 2 == 0:
                case.path_parameters[name] = real_ids[name]
        response = case.call(headers=auth)
        statuses.add(response.status_code)
        assert response.status_code < 500, (response.status_code, response.text[:500])
        case.validate_response(response, headers=auth, excluded_checks=NOT_CHECKED)

    statuses: set[int] = set()
    attack()
    assert statuses - {401}, "every request was refused as not signed in"
