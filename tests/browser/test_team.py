"""The team overview in Mette's personal tab, in the Teams simulator at 280 px: every direct report
the demo directory shows (also those never planned with), and the cadence set from a card, with a
refusal shown in the form when someone changed it meanwhile."""

from __future__ import annotations

import pytest

from plugin.config import DEMO_TENANT_ID
from plugin.demo.people import DEMO_BY_KEY
from plugin.i18n import catalogue
from plugin.identity.graph import GraphUnavailable

from .support import STATE_TIMEOUT_MS, Simulator
from .test_personal import NO_HORIZONTAL_SCROLL, _open_personal, _text

JONAS = DEMO_BY_KEY["jonas"].object_id
CADENCE = f"/api/team/{JONAS}/cadence"


def _reset_cadence(live_app, weeks: int | None) -> dict:
    current = live_app.api("mette", "GET", CADENCE)
    body = {"mus_interval_months": 12, "check_in_interval_weeks": weeks, "version": current["version"]}
    return live_app.api("mette", "PUT", CADENCE, body)


def _state(card) -> str | None:
    return card.locator('[data-fact="next-check-in"] [data-state]').get_attribute("data-state")


@pytest.mark.parametrize("locale", ["da", "en"])
def test_team_lists_every_report_and_sets_jonass_check_in_interval(
    simulator: Simulator, console, live_app, locale: str
):
    texts = catalogue(locale)
    _reset_cadence(live_app, None)  # no regular check-ins: nothing due
    directory = live_app.app.extensions["mus.demo_cloud"].directory
    reports = {
        u.object_id.lower() for u in directory.direct_reports(DEMO_TENANT_ID, DEMO_BY_KEY["mette"].object_id)
    }
    assert {JONAS, DEMO_BY_KEY["freja"].object_id} <= reports

    frame = _open_personal(simulator, "mette", locale)
    tab = simulator.frame("mette", "content")
    team = tab.get_by_test_id("mymus-team")
    team.get_by_test_id("team-members").wait_for()
    shown = team.locator("[data-employee]").evaluate_all("(cards) => cards.map((c) => c.dataset.employee)")
    assert set(shown) == reports  # every direct report in the directory, each once
    assert len(shown) == len(reports)

    jonas = team.locator(f'[data-employee="{JONAS}"]')
    assert _state(jonas) == "none"
    assert texts["ui.mymus.team.state.none"] in _text(jonas.locator('[data-fact="next-check-in"]'))

    # Set cadence: a form with labelled selects; meanwhile someone else changes it, so the first save
    # is refused in the reader's language, and the second (on what is stored now) is saved.
    jonas.get_by_role("button", name=texts["ui.mymus.team.set_cadence"]).click()
    form = jonas.get_by_test_id("cadence-form")
    assert frame.evaluate("() => document.activeElement.id") == f"cadence-{JONAS}-mus"  # focus moved in
    form.get_by_label(texts["ui.mymus.team.check_in_interval"]).select_option(
        label=texts["ui.mymus.team.weeks"].format(weeks=2)
    )
    assert form.get_by_label(texts["ui.mymus.team.mus_interval"]).input_value() == "12"
    _reset_cadence(live_app, 4)
    form.get_by_role("button", name=texts["ui.mymus.team.save"]).click()
    refusal = form.get_by_test_id("cadence-error")
    refusal.wait_for()
    assert refusal.get_attribute("role") == "alert"
    assert _text(refusal) == texts["stale_version"]
    assert live_app.api("mette", "GET", CADENCE)["check_in_interval_weeks"] == 4  # not overwritten
    # The refusal is the expected one, and the only one: the 409 and the browser's note of it.
    refused = [e for e in console.errors if "409" in e]
    assert any(e.startswith("HTTP 409: PUT") and e.endswith(CADENCE) for e in refused), console.errors
    console.errors[:] = [e for e in console.errors if e not in refused]

    # The team is read again meanwhile; the choice stays in the form, and saving now works.
    tab.locator(f'[data-employee="{JONAS}"] [data-fact="cadence"]').filter(
        has_text=texts["ui.mymus.team.cadence_check_in"].format(weeks=4)
    ).wait_for()
    assert form.get_by_label(texts["ui.mymus.team.check_in_interval"]).input_value() == "2"
    form.get_by_role("button", name=texts["ui.mymus.team.save"]).click()
    notice = jonas.get_by_test_id("cadence-notice")
    notice.wait_for()
    assert _text(notice) == texts["ui.mymus.team.saved"].format(name=DEMO_BY_KEY["jonas"].name)
    assert notice.get_attribute("role") == "status"
    frame.wait_for_function(  # the form closed: the keyboard is back on its button
        "(label) => document.activeElement?.textContent === label",
        arg=texts["ui.mymus.team.set_cadence"],
        timeout=STATE_TIMEOUT_MS,
    )
    stored = live_app.api("mette", "GET", CADENCE)
    assert stored["check_in_interval_weeks"] == 2
    expected = stored["status"]["check_in"]["state"]
    assert expected != "none"

    # The due state on the card changed to what the API says now.
    frame.wait_for_function(
        """([oid, state]) => document.querySelector(
            `[data-employee="${oid}"] [data-fact="next-check-in"] [data-state]`)?.dataset.state === state""",
        arg=[JONAS, expected],
        timeout=STATE_TIMEOUT_MS,
    )
    assert texts[f"ui.mymus.team.state.{expected}"] in _text(jonas.locator('[data-fact="next-check-in"]'))
    assert texts["ui.mymus.team.cadence_check_in"].format(weeks=2) in _text(
        jonas.locator('[data-fact="cadence"]')
    )

    # "Plan" opens the planning form with Mette as the manager and Jonas chosen, the keyboard on it.
    jonas.get_by_role(
        "button", name=texts["ui.mymus.team.plan_with"].format(name=DEMO_BY_KEY["jonas"].name)
    ).click()
    plan = tab.get_by_test_id("plan")
    frame.wait_for_function("() => document.querySelector('[data-testid=plan] details')?.open === true")
    assert plan.locator('input[name="plan-role"][value="manager"]').is_checked()
    plan.get_by_test_id("people-picker-chosen").get_by_text(DEMO_BY_KEY["jonas"].name).first.wait_for()
    assert frame.evaluate("() => document.activeElement.closest('[data-testid=plan]') !== null")

    assert frame.evaluate(NO_HORIZONTAL_SCROLL)
    console.assert_clean(simulator.page)
    _reset_cadence(live_app, None)


def test_directory_down_lists_the_team_from_conversations_with_a_notice(
    simulator: Simulator, console, live_app
):
    """Graph cannot be reached: the API answers 503 `directory_unavailable`, and the tab lists the
    employees of Mette's existing conversations instead, saying why."""
    texts = catalogue("en")
    app = live_app.app
    real = app.extensions["mus.graph_factory"]

    class Down:
        def __getattr__(self, name):
            def fail(*args, **kwargs):
                raise GraphUnavailable()

            return fail

    app.extensions["mus.graph_factory"] = lambda app_, actor, assertion: Down()
    try:
        frame = _open_personal(simulator, "mette", "en")
        tab = simulator.frame("mette", "content")
        team = tab.get_by_test_id("mymus-team")
        notice = team.get_by_test_id("team-fallback")
        notice.wait_for()
        assert notice.get_attribute("role") == "status"
        assert texts["ui.mymus.team.fallback"] in _text(notice)
        fallback = team.get_by_test_id("team-fallback-list")
        fallback.wait_for()
        led = {
            c["employee"]["object_id"]
            for c in live_app.api("mette", "GET", "/api/conversations")["items"]
            if c["manager"]["object_id"] == DEMO_BY_KEY["mette"].object_id
        }
        shown = fallback.locator("[data-employee]").evaluate_all(
            "(cards) => cards.map((c) => c.dataset.employee)"
        )
        assert set(shown) == led and JONAS in led
        assert frame.evaluate(NO_HORIZONTAL_SCROLL)
    finally:
        app.extensions["mus.graph_factory"] = real
    # The one refusal is the directory's: the 503 of the team overview.
    refused = [e for e in console.errors if "503" in e]
    assert any(e.startswith("HTTP 503: GET") and e.endswith("/api/team") for e in refused), console.errors
    console.errors[:] = [e for e in console.errors if e not in refused]
    console.assert_clean(simulator.page)
