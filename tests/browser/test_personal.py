"""The personal tab "My MUS" in the Teams simulator, for Mette (manager) and Jonas (employee), in
Danish and English, at 280 px: conversations with status and date, the agreed one with its locked
agreement (both names and approval times) and each goal's progress, the coming follow-up dates,
and for Mette her team from the directory (last MUS, next planned, what is due, overdue follow-ups)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from plugin.demo.people import DEMO_BY_KEY
from plugin.i18n import catalogue

from .mymus_data import GoalSpec, Made, agreed_conversation, days_from_today, wait_loaded
from .support import SCREENSHOTS, Simulator, wait_for_theme

NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
LOCALE_TAGS = {"da": "da-DK", "en": "en-GB"}
FORMAT = """([value, tag, kind]) => {
    if (kind === "percent") return new Intl.NumberFormat(tag, {style: "percent"}).format(value / 100);
    if (kind === "day") {
        const [y, m, d] = value.split("-").map(Number);
        return new Intl.DateTimeFormat(tag, {dateStyle: "medium"}).format(new Date(y, m - 1, d));
    }
    return new Intl.DateTimeFormat(tag, {dateStyle: "medium", timeStyle: "short"}).format(new Date(value));
}"""


@dataclass
class Data:
    suffix: str
    jonas: Made
    jonas_held: datetime
    freja: Made
    freja_held: datetime

    def goal(self, name: str) -> dict:
        return self.jonas.goals[f"{name} {self.suffix}"]


@pytest.fixture(scope="module")
def data(live_app) -> Data:
    suffix = uuid.uuid4().hex[:6]
    now = datetime.now(UTC).replace(microsecond=0)
    jonas_held = now - timedelta(days=60)
    jonas = agreed_conversation(
        live_app,
        employee="jonas",
        title=f"Udviklingssamtale 2026 · Jonas {suffix}",
        held_at=jonas_held,
        notes="Jonas tager et kursus i Power BI.",
        goals=(
            GoalSpec(f"Power BI {suffix}", deadline=days_from_today(90), progress=40),
            GoalSpec(f"Mentor {suffix}", status="achieved", progress=100),
            GoalSpec(f"Oplæg {suffix}"),
        ),
        follow_ups=(
            (f"Status på Power BI {suffix}", days_from_today(20)),
            (f"Tidligere {suffix}", days_from_today(-30)),
        ),
        action=(f"Kursus i Power BI {suffix}", days_from_today(45)),
    )
    freja_held = now - timedelta(days=380)  # more recent than other tests' old MUS
    freja = agreed_conversation(
        live_app,
        employee="freja",
        title=f"MUS 2025 · Freja {suffix}",
        held_at=freja_held,
        follow_ups=((f"Kursusopfølgning {suffix}", days_from_today(-300)),),
    )
    return Data(suffix, jonas, jonas_held, freja, freja_held)


def _open_personal(simulator: Simulator, participant: str, locale: str, theme: str = "default"):
    simulator.open(locale=locale)
    wait_loaded(simulator, participant, "sidePanel")
    if theme != "default":
        simulator.set_theme(theme)
    since = simulator.log_size()
    simulator.open_view(participant, "personal")
    wait_loaded(simulator, participant, "content", since)
    simulator.frame_element(participant, "content").evaluate(
        "(element, style) => Object.assign(element.style, style)",
        {"boxSizing": "content-box", "flex": "0 0 280px", "width": "280px"},
    )
    frame = simulator.frame_object(participant, "content")
    frame.wait_for_function("() => document.documentElement.clientWidth === 280")
    frame.wait_for_function("() => !document.querySelector('.notice-loading')")
    return frame


def _text(locator) -> str:
    return " ".join(locator.inner_text().replace("\xa0", " ").split())


@pytest.mark.parametrize(
    "participant,locale", [("mette", "da"), ("mette", "en"), ("jonas", "da"), ("jonas", "en")]
)
def test_my_mus(simulator: Simulator, console, live_app, data: Data, participant: str, locale: str):
    texts = catalogue(locale)
    tag = LOCALE_TAGS[locale]
    frame = _open_personal(simulator, participant, locale)
    tab = simulator.frame(participant, "content")

    def fmt(value, kind: str = "datetime") -> str:
        return frame.evaluate(FORMAT, [value, tag, kind]).replace("\xa0", " ")

    assert _text(tab.get_by_role("heading", level=1)) == texts["ui.personal.heading"]
    assert frame.evaluate("document.documentElement.lang") == locale

    # The agreed conversation: status, date, the other party.
    card = tab.locator(f'[data-conversation-id="{data.jonas.conversation["id"]}"]')
    card.get_by_test_id("goals").wait_for()
    assert card.get_attribute("data-status") == "agreed"
    assert texts["ui.status.agreed"] in _text(card.locator(".meta").first)
    assert fmt(data.jonas_held.isoformat()) in _text(card.locator(".meta").first)
    role = "manager" if participant == "mette" else "employee"
    other = DEMO_BY_KEY["jonas" if participant == "mette" else "mette"].name
    assert texts[f"ui.mymus.with.{role}"].format(name=other) in _text(card)

    # The agreement: the locked version, both names and approval times.
    agreement = card.get_by_test_id("agreement")
    assert _text(agreement.locator("p").first) == texts["ui.mymus.agreement.version"].format(
        number=1, date=fmt(data.jonas_held.isoformat())
    )
    for party, key in (("employee", "jonas"), ("manager", "mette")):
        approval = agreement.locator(f'li[data-party="{party}"]')
        assert _text(approval) == texts["ui.mymus.agreement.approved_by"].format(
            name=DEMO_BY_KEY[key].name, role=texts[f"ui.role.{party}"], date=fmt(data.jonas_held.isoformat())
        )

    # Goals: the latest progress as a labelled progress bar, status, deadline in the locale.
    power_bi = data.goal("Power BI")
    bar = card.get_by_role(
        "progressbar", name=texts["ui.mymus.goal.progress_label"].format(title=power_bi["title"])
    )
    assert bar.get_attribute("value") == "40"
    goal = card.locator(f'[data-goal-id="{power_bi["id"]}"]')
    assert texts["ui.mymus.goal.progress"].format(percent=fmt(40, "percent")) in _text(goal)
    assert texts["ui.mymus.goal.status.active"] in _text(goal)
    assert f"{texts['ui.mymus.goal.deadline']}: {fmt(power_bi['deadline'], 'day')}" in _text(goal)
    assert power_bi["deadline"] not in _text(goal)  # not the raw ISO date
    achieved = card.locator(f'[data-goal-id="{data.goal("Mentor")["id"]}"]')
    assert texts["ui.mymus.goal.status.achieved"] in _text(achieved)
    assert achieved.get_by_role("progressbar").get_attribute("value") == "100"
    waiting = card.locator(f'[data-goal-id="{data.goal("Oplæg")["id"]}"]')
    assert texts["ui.mymus.goal.no_progress"] in _text(waiting)
    assert texts["ui.mymus.goal.no_deadline"] in _text(waiting)
    assert waiting.get_by_role("progressbar").count() == 0

    # The agreed content opens from the keyboard.
    card.get_by_role("link").first.focus()
    simulator.page.keyboard.press("Tab")
    assert frame.evaluate("() => document.activeElement.tagName") == "SUMMARY"
    simulator.page.keyboard.press("Enter")
    assert card.locator("details").get_attribute("open") is not None
    assert "Jonas tager et kursus i Power BI." in _text(card.locator("details"))
    assert f"Kursus i Power BI {data.suffix}" in _text(card.locator("details"))

    # Coming follow-ups: the one ahead with its date, not the one that passed.
    upcoming = _text(tab.get_by_test_id("mymus-followups"))
    assert f"Status på Power BI {data.suffix}" in upcoming
    assert fmt(days_from_today(20).isoformat(), "day") in upcoming
    assert f"Tidligere {data.suffix}" not in upcoming

    team = tab.get_by_test_id("mymus-team")
    if participant == "jonas":
        assert team.count() == 0  # not a manager of anyone
        assert tab.locator(f'[data-conversation-id="{data.freja.conversation["id"]}"]').count() == 0
    else:
        assert _text(team.get_by_role("heading", level=2)) == texts["ui.mymus.team.heading"]
        # The team comes from the directory; the facts shown are the API's (other tests add records).
        overview = {m["object_id"]: m for m in live_app.api("mette", "GET", "/api/team")["members"]}
        freja_oid = DEMO_BY_KEY["freja"].object_id
        freja = team.locator(f'[data-employee="{freja_oid}"]')
        assert _text(freja.get_by_role("heading")) == DEMO_BY_KEY["freja"].name
        assert _text(freja.locator('[data-fact="last-mus"] dd')) == fmt(
            data.freja_held.date().isoformat(), "day"
        )
        assert texts["ui.kind.checkin"] in _text(
            freja.locator('[data-fact="next"] dd')
        )  # the seeded check-in
        overdue = overview[freja_oid]["overdue_follow_ups"]
        assert overdue["count"] >= 1 and overdue["earliest"] <= days_from_today(-300).isoformat()
        assert _text(freja.locator(".mymus-overdue")) == texts["ui.mymus.team.overdue_summary"].format(
            count=overdue["count"], date=fmt(overdue["earliest"], "day")
        )
        # Her last MUS was 380 days ago: the next one is overdue (a year after).
        assert freja.locator('[data-fact="next-mus"] [data-state]').get_attribute("data-state") == "overdue"
        assert texts["ui.mymus.team.state.overdue"] in _text(freja.locator('[data-fact="next-mus"]'))
        jonas = team.locator(f'[data-employee="{DEMO_BY_KEY["jonas"].object_id}"]')
        assert _text(jonas.get_by_role("heading")) == DEMO_BY_KEY["jonas"].name
        # His MUS was 60 days ago (or one is planned): not due.
        assert jonas.locator('[data-fact="next-mus"] [data-state]').get_attribute("data-state") in (
            "ok",
            "planned",
        )
        # What needs attention first: Freja (overdue) before Jonas.
        order = team.locator("[data-employee]").evaluate_all(
            "(cards) => cards.map((c) => c.dataset.employee)"
        )
        assert order.index(freja_oid) < order.index(DEMO_BY_KEY["jonas"].object_id)

    assert frame.evaluate("document.documentElement.clientWidth") == 280
    assert frame.evaluate(NO_HORIZONTAL_SCROLL)
    console.assert_clean(simulator.page)


@pytest.mark.parametrize("theme", ["default", "dark"])
def test_my_mus_screenshots(simulator: Simulator, console, data: Data, theme: str):
    name = "light" if theme == "default" else "dark"
    frame = _open_personal(simulator, "mette", "da", theme)
    wait_for_theme(frame, theme)
    simulator.frame("mette", "content").locator(
        f'[data-conversation-id="{data.jonas.conversation["id"]}"] [data-testid="goals"]'
    ).wait_for()
    height = frame.evaluate("() => document.documentElement.scrollHeight")
    simulator.frame_element("mette", "content").evaluate(
        "(element, height) => { element.style.height = `${height}px`; element.style.maxHeight = 'none'; }",
        height,
    )
    assert frame.evaluate(NO_HORIZONTAL_SCROLL)
    path = simulator.screenshot_frame("mette", "content", f"personal-mymus-{name}")
    assert path == SCREENSHOTS / f"personal-mymus-{name}.png"
    assert path.stat().st_size > 10_000
    console.assert_clean(simulator.page)
