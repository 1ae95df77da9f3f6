"""The review afterwards shows what was agreed: "See what you agreed" in My MUS holds the locked
version exactly as both approved it: every agenda item (also one with only talking points, and one
with nothing), every talking point, the notes, each goal with every SMART field and its deadline,
the development plan, the follow-up dates and both approvals; and each goal's check-ins show their
notes beside their values."""

from __future__ import annotations

import uuid

from plugin.demo.people import DEMO_BY_KEY
from plugin.i18n import catalogue

from .meeting_helpers import in_days
from .mymus_data import person_ref, wait_loaded
from .support import Simulator

FORMAT = """([value, tag, kind]) => {
    if (kind === "percent") return new Intl.NumberFormat(tag, {style: "percent"}).format(value / 100);
    const [y, m, d] = value.split("-").map(Number);
    return new Intl.DateTimeFormat(tag, {dateStyle: "medium"}).format(new Date(y, m - 1, d));
}"""


def _text(locator) -> str:
    return " ".join(locator.inner_text().replace("\xa0", " ").split())


def _words(text: str) -> str:
    return " ".join(text.split())


def _agreed(live, suffix: str) -> tuple[dict, dict, list[dict]]:
    """A MUS between Mette and Jonas with content in every part of the agreement, agreed by both;
    the goals get check-ins with notes. Returns the conversation, the locked version and the goals."""
    conversation = live.api(
        "mette",
        "POST",
        "/api/conversations",
        {"kind": "mus", "title": f"Gennemgang {suffix}", "employee": person_ref("jonas")},
    )
    cid = conversation["id"]
    conversation = live.api(
        "mette",
        "POST",
        f"/api/conversations/{cid}/transition",
        {"status": "in_meeting", "version": conversation["version"]},
    )
    agenda = {item["section_key"]: item for item in conversation["agenda"]}
    points = {
        "work_situation": [
            ("jonas", f"Mange opgaver på én gang {suffix}"),
            ("mette", f"Godt samarbejde {suffix}"),
        ],
        "challenges": [("jonas", f"Færre møder {suffix}")],  # talking points and no notes
        "development": [("mette", f"Mere ansvar for drift {suffix}")],
    }
    for section, entries in points.items():
        for person, text in entries:
            live.api(
                person,
                "POST",
                f"/api/conversations/{cid}/agenda/{agenda[section]['id']}/talking-points",
                {"text": text},
            )
    for person in ("jonas", "mette"):  # both keep the notes: the agreement's summaries start from them
        live.api(
            person, "PUT", f"/api/conversations/{cid}/consent", {"kind": "keep_shared_notes", "value": True}
        )
    for section, notes in (
        ("work_situation", f"Vi aftalte at prioritere {suffix}."),
        ("wellbeing", f"Trives, men travlt i perioder {suffix}."),
    ):
        item = live.api("jonas", "GET", f"/api/conversations/{cid}")["agenda"]
        item = next(i for i in item if i["section_key"] == section)
        live.api(
            "jonas",
            "PATCH",
            f"/api/conversations/{cid}/agenda/{item['id']}",
            {"version": item["version"], "notes": notes},
        )
    goals = []
    for index, name in enumerate(("Cloud", "Mentor")):
        goals.append(
            live.api(
                "mette",
                "POST",
                f"/api/conversations/{cid}/goals",
                {
                    "title": f"{name} {suffix}",
                    "specific": f"Specifikt {name} {suffix}",
                    "measure": f"Målbart {name} {suffix}",
                    "achievable": f"Opnåeligt {name} {suffix}",
                    "relevance": f"Relevant {name} {suffix}",
                    "deadline": in_days(100 + index * 30),
                    "status": "active",
                },
            )
        )
    live.api(
        "mette",
        "POST",
        f"/api/conversations/{cid}/actions",
        {
            "kind": "course",
            "title": f"Cloud-kursus {suffix}",
            "goal_id": goals[0]["id"],
            "resources": f"Betalt af afdelingen {suffix}",
            "due_date": in_days(60),
        },
    )
    live.api(
        "mette",
        "POST",
        f"/api/conversations/{cid}/follow-ups",
        {"title": f"Status på kurset {suffix}", "due_on": in_days(30)},
    )
    version = live.api("mette", "POST", f"/api/conversations/{cid}/agreement")
    for person in ("jonas", "mette"):
        live.api(
            person,
            "POST",
            f"/api/conversations/{cid}/agreement/{version['number']}/decision",
            {"decision": "approved"},
        )
    locked = next(v for v in live.api("jonas", "GET", f"/api/conversations/{cid}/agreement")["items"])
    assert locked["state"] == "agreed", locked
    # Check-ins after the meeting: each value with a note.
    for goal, entries in zip(
        goals, ((20, "Tilmeldt kurset"), (60, "Halvvejs gennem materialet")), strict=True
    ):
        live.api(
            "jonas", "POST", f"/api/goals/{goal['id']}/progress", {"percent": 10, "note": f"Startet {suffix}"}
        )
        live.api(
            "jonas",
            "POST",
            f"/api/goals/{goal['id']}/progress",
            {"percent": entries[0], "note": f"{entries[1]} {suffix}"},
        )
    return live.api("mette", "GET", f"/api/conversations/{cid}"), locked, goals


def test_see_what_you_agreed_shows_every_part_of_the_locked_version(simulator: Simulator, live_app, console):
    suffix = uuid.uuid4().hex[:6]
    conversation, locked, goals = _agreed(live_app, suffix)
    snapshot = locked["snapshot"]
    texts = catalogue("da")
    simulator.open(locale="da")
    wait_loaded(simulator, "jonas", "sidePanel")
    since = simulator.log_size()
    simulator.open_view("jonas", "personal")
    wait_loaded(simulator, "jonas", "content", since)
    frame = simulator.frame_object("jonas", "content")
    tab = simulator.frame("jonas", "content")

    def fmt(value, kind: str = "day") -> str:
        return frame.evaluate(FORMAT, [value, "da-DK", kind]).replace("\xa0", " ")

    card = tab.locator(f'[data-conversation-id="{conversation["id"]}"]')
    card.get_by_test_id("goals").wait_for()
    content = card.get_by_test_id("agreement-content")
    content.locator("summary").click()
    version = content.get_by_test_id("agreed-version")
    version.wait_for()
    assert version.get_attribute("data-number") == str(locked["number"])

    # Every agenda item of the version, in its order, with every talking point and the summary.
    items = version.get_by_test_id("agreed-item")
    assert items.count() == len(snapshot["agenda"])
    for index, item in enumerate(snapshot["agenda"]):
        shown = items.nth(index)
        assert shown.get_attribute("data-section") == item["section_key"]
        assert item["title"]["da"] in _text(shown)
        assert [_words(p) for p in shown.get_by_test_id("agreed-point").all_inner_texts()] == item[
            "talking_points"
        ]
        if item["summary"]:
            assert _words(item["summary"]) in _text(shown.get_by_test_id("agreed-summary"))
        if not item["summary"] and not item["talking_points"]:
            assert texts["ui.mymus.agreement.item_empty"] in _text(shown)
    assert sum(1 for item in snapshot["agenda"] if item["summary"]) == 2  # started from the kept notes
    assert sum(len(item["talking_points"]) for item in snapshot["agenda"]) == 4
    assert version.get_by_test_id("agreed-point").count() == 4
    challenges = version.locator('[data-testid="agreed-item"][data-section="challenges"]')
    assert f"Færre møder {suffix}" in _text(challenges)  # an item with talking points and no notes

    # Every goal with every SMART field and its deadline.
    assert version.get_by_test_id("agreed-goal").count() == len(snapshot["goals"]) == 2
    for goal in snapshot["goals"]:
        shown = version.locator(f'[data-testid="agreed-goal"][data-agreed-goal-id="{goal["id"]}"]')
        assert goal["title"] in _text(shown)
        for field in ("specific", "measure", "achievable", "relevance"):
            cell = shown.locator(f'[data-field="{field}"]')
            assert _text(cell.locator("dt")) == _words(texts[f"ui.meeting.goal.field.{field}"])
            assert _text(cell.locator("dd")) == goal[field]
        assert _text(shown.locator('[data-field="deadline"] dd')) == fmt(goal["deadline"])

    # The development plan, the follow-up dates, both approvals with names and times.
    action = version.get_by_test_id("agreed-action")
    assert action.count() == 1
    for part in (
        f"Cloud-kursus {suffix}",
        f"Betalt af afdelingen {suffix}",
        texts["ui.meeting.action.kind.course"],
        texts["ui.mymus.agreement.for_goal"].format(title=goals[0]["title"]),
        texts["ui.mymus.agreement.due"].format(date=fmt(snapshot["development_actions"][0]["due_date"])),
    ):
        assert part in _text(action), part
    follow_up = version.get_by_test_id("agreed-follow-up")
    assert follow_up.count() == 1
    # The date and title, as agreed (beside them, whether the date is in one's calendar).
    shown = _text(follow_up.get_by_test_id("agreed-follow-up-text"))
    assert shown == f"{fmt(snapshot['follow_ups'][0]['due_on'])} · Status på kurset {suffix}"
    approvals = card.get_by_test_id("approvals")
    for party, key in (("employee", "jonas"), ("manager", "mette")):
        assert DEMO_BY_KEY[key].name in _text(approvals.locator(f'li[data-party="{party}"]'))

    # Each check-in's note beside its value, newest first.
    for goal, (percent, note) in zip(
        goals, ((20, "Tilmeldt kurset"), (60, "Halvvejs gennem materialet")), strict=True
    ):
        check_ins = card.locator(f'[data-goal-id="{goal["id"]}"]').get_by_test_id("check-in")
        assert check_ins.count() == 2
        latest, first = check_ins.nth(0), check_ins.nth(1)
        assert latest.get_attribute("data-percent") == str(percent)
        assert _text(latest.locator(".check-in-value")) == fmt(percent, "percent")
        assert _text(latest.get_by_test_id("check-in-note")) == f"{note} {suffix}"
        assert _text(first.get_by_test_id("check-in-note")) == f"Startet {suffix}"
        assert DEMO_BY_KEY["jonas"].name in _text(latest)
    console.assert_clean(simulator.page)


def test_the_next_conversation_calls_the_last_agreement_a_summary_and_shows_check_in_notes(
    simulator: Simulator, live_app, console
):
    suffix = uuid.uuid4().hex[:6]
    earlier, _, goals = _agreed(live_app, suffix)
    live_app.plan_for_meeting(simulator.meeting_id, f"Næste MUS {suffix}")
    simulator.open()
    simulator.wait_initialized("jonas", "sidePanel")
    texts = catalogue("da")
    previous = simulator.frame("jonas").get_by_test_id("previous")
    link = previous.get_by_test_id("previous-full")
    link.wait_for()
    assert _text(link) == texts["ui.meeting.previous.summary_link"]
    assert link.get_attribute("href") == f"/tab/content?conversation={earlier['id']}"
    card = previous.locator(".card").filter(has_text=goals[0]["title"])
    notes = card.get_by_test_id("check-in-note")
    notes.first.wait_for()
    assert [_words(n) for n in notes.all_inner_texts()] == [f"Tilmeldt kurset {suffix}", f"Startet {suffix}"]
    console.assert_clean(simulator.page)
