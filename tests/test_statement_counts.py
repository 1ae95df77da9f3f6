"""The SQL statements each hot request sends do not grow with history (issue 16, goal 2).

A manager and an employee with a small history (1 MUS, 1 check-in, 5 goals with progress, one
of them achieved, 2 development actions), then ten times that (21 MUS, 10 check-ins, 50 goals, 20
actions): every hot request sends the same number of statements at both sizes, and at most the
bound stated here.
Counted with SQLAlchemy's before_cursor_execute (tests/support/statements.py)."""

from __future__ import annotations

import pytest

from tests.support.statements import recorded

# The most statements each request may send (its count in the steady state), the same at both sizes
# (main: goals list 13 and 58, My MUS list 16 and 70 at 1x and 10x).
BOUNDS = {
    "me": 2,
    "side panel conversation": 4,
    "notes of an agenda item": 6,
    "goals list": 7,
    "goals set in the conversation": 7,
    "My MUS list": 4,  # the page, its follow-ups and their calendar states
    "my check-ins": 4,
    "my successes": 4,
    "development actions": 5,
    "agreement": 5,
    "save notes": 12,  # SQLite 12, PostgreSQL 11 (its lock on the note is one statement)
    "save a goal": 8,
}


class History:
    """The pair's history, grown step by step: the first MUS (the side panel's) stays the same."""

    def __init__(self, api, people) -> None:
        self.manager = api.as_(people["manager"])
        self.employee = api.as_(people["employee"])
        self.people = people
        self.mus: list[int] = []
        self.goals: list[int] = []

    def grow(self, *, mus: int, checkins: int, goals: int, actions: int) -> None:
        for _ in range(mus):
            response = self.manager.post(
                "/api/conversations", json={"employee": {"object_id": self.people["employee"].oid}}
            )
            assert response.status_code == 201, response.get_json()
            self.mus.append(response.get_json()["id"])
            response = self.manager.post(  # My MUS shows each one's follow-up dates
                f"/api/conversations/{self.mus[-1]}/follow-ups",
                json={"title": "Opfølgning", "due_on": "2031-03-01"},
            )
            assert response.status_code == 201, response.get_json()
        for _ in range(checkins):
            response = self.employee.post(
                "/api/conversations",
                json={"kind": "checkin", "manager": {"object_id": self.people["manager"].oid}},
            )
            assert response.status_code == 201, response.get_json()
        first = self.mus[0]
        for n in range(goals):
            response = self.manager.post(f"/api/conversations/{first}/goals", json={"title": f"Mål {n}"})
            assert response.status_code == 201, response.get_json()
            goal = response.get_json()["id"]
            self.goals.append(goal)
            response = self.employee.post(
                f"/api/goals/{goal}/progress", json={"percent": 20, "note": "Godt i gang"}
            )
            assert response.status_code == 201, response.get_json()
            if len(self.goals) % 5 == 2:  # one goal in five achieved: a success
                response = self.employee.post(f"/api/goals/{goal}/success", json={"note": "Nået"})
                assert response.status_code == 201, response.get_json()
        for n in range(actions):
            response = self.manager.post(
                f"/api/conversations/{first}/actions",
                json={"kind": "course", "title": f"Kursus {n}", "goal_id": self.goals[n % len(self.goals)]},
            )
            assert response.status_code == 201, response.get_json()

    def requests(self) -> dict:
        """Each hot request as a call that asserts its answer (the counted part only)."""
        first = self.mus[0]
        item = self.manager.get(f"/api/conversations/{first}").get_json()["agenda"][0]
        goal = self.manager.get(f"/api/goals/{self.goals[0]}").get_json()

        def ok(call, status=200):
            def run():
                response = call()
                assert response.status_code == status, response.get_json()
                return response.get_json()

            return run

        return {
            "me": ok(lambda: self.manager.get("/api/me")),
            "side panel conversation": ok(lambda: self.manager.get(f"/api/conversations/{first}")),
            "notes of an agenda item": ok(
                lambda: self.manager.get(f"/api/conversations/{first}/agenda/{item['id']}/notes")
            ),
            "goals list": ok(lambda: self.manager.get(f"/api/conversations/{first}/goals")),
            "goals set in the conversation": ok(
                lambda: self.manager.get(f"/api/conversations/{first}/goals?set_here=true&limit=100")
            ),
            "My MUS list": ok(lambda: self.manager.get("/api/conversations")),
            "my check-ins": ok(lambda: self.manager.get("/api/me/checkins")),
            "my successes": ok(lambda: self.manager.get("/api/me/successes")),
            "development actions": ok(lambda: self.manager.get(f"/api/conversations/{first}/actions")),
            "agreement": ok(lambda: self.manager.get(f"/api/conversations/{first}/agreement")),
            "save notes": ok(
                lambda: self.manager.patch(
                    f"/api/conversations/{first}/agenda/{item['id']}",
                    json={"version": item["version"], "notes": f"Noter {len(self.goals)}"},
                )
            ),
            "save a goal": ok(
                lambda: self.manager.patch(
                    f"/api/goals/{goal['id']}",
                    json={"version": goal["version"], "title": f"Mål med {len(self.goals)}"},
                )
            ),
        }


def _counts(app, history: History) -> dict[str, int]:
    counts = {}
    for name, call in history.requests().items():
        if not name.startswith("save"):
            # Twice before, to the steady state: a first read may write (the audit log records it
            # once an hour), the next finds it logged and the process remembers it.
            call()
            call()
        with recorded(app) as statements:
            call()
        counts[name] = len(statements)
    return counts


@pytest.fixture
def history(api, people) -> History:
    pair = History(api, people)
    pair.grow(mus=1, checkins=1, goals=5, actions=2)
    first = pair.mus[0]
    item = pair.manager.get(f"/api/conversations/{first}").get_json()["agenda"][0]
    response = pair.manager.patch(  # the note's first save makes its document: not a hot save
        f"/api/conversations/{first}/agenda/{item['id']}", json={"version": item["version"], "notes": "Start"}
    )
    assert response.status_code == 200, response.get_json()
    return pair


def test_hot_requests_take_the_same_statements_at_ten_times_the_history(app, history):
    history.manager.get("/api/me")  # signed in once: the first sign-in writes
    small = _counts(app, history)
    history.grow(mus=20, checkins=9, goals=45, actions=18)
    large = _counts(app, history)
    assert large == small, {name: (small[name], large[name]) for name in small if small[name] != large[name]}
    over = {name: count for name, count in large.items() if count > BOUNDS[name]}
    assert over == {}, f"more statements than the bound: {over} (bounds {BOUNDS})"


def test_a_page_is_bounded_and_the_next_cursor_pages_through(app, history):
    history.grow(mus=4, checkins=0, goals=0, actions=0)  # 5 MUS and 1 check-in
    seen: list[int] = []
    cursor = None
    pages = 0
    while True:
        query = "/api/conversations?limit=2" + (f"&cursor={cursor}" if cursor else "")
        body = history.manager.get(query).get_json()
        assert len(body["items"]) <= 2
        seen += [c["id"] for c in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == 3
    everything = history.manager.get("/api/conversations?limit=100").get_json()
    assert everything["next_cursor"] is None
    assert seen == [c["id"] for c in everything["items"]]
    assert len(seen) == 6 and len(set(seen)) == 6


def test_the_goals_list_pages_by_goal(app, history):
    first = history.mus[0]
    page = history.manager.get(f"/api/conversations/{first}/goals?limit=3").get_json()
    assert [g["id"] for g in page["items"]] == history.goals[:3]
    rest = history.manager.get(f"/api/conversations/{first}/goals?cursor={page['next_cursor']}").get_json()
    assert [g["id"] for g in rest["items"]] == history.goals[3:]
    assert rest["next_cursor"] is None


@pytest.mark.parametrize(
    "query,code,field",
    [
        ("limit=0", "page_limit_invalid", "limit"),
        ("limit=101", "page_limit_invalid", "limit"),
        ("limit=ten", "page_limit_invalid", "limit"),
        ("cursor=not-a-cursor", "cursor_invalid", "cursor"),
        ("cursor=WyJnb2FscyIsNV0", "cursor_invalid", "cursor"),  # the goals list's cursor
        ("cursor=", "cursor_invalid", "cursor"),
    ],
)
def test_a_bad_cursor_or_limit_is_a_400(api, people, history, query, code, field):
    response = history.manager.get(f"/api/conversations?{query}")
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert (error["code"], error["field"]) == (code, field)
    assert error["message"]
