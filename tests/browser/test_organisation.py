"""The HR / admin area of My MUS in the Teams simulator, at 280 px: an admin (Mette, made HR admin in
this module's own demo app: the demo organisation's own HR person comes with the `people` work) sees
coverage per unit with suppressed figures as "fewer than 5", changes a setting and sees a refusal in
her language; a non-admin (Jonas) never sees the area, and its API answers him 403."""

from __future__ import annotations

import pytest
import requests

from plugin.config import DEMO_TENANT_ID
from plugin.demo.people import DEMO_BY_KEY
from plugin.i18n import catalogue

from .mymus_data import wait_loaded
from .support import REQUEST_TIMEOUT_S, Simulator, demo_app_served

NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"


@pytest.fixture(scope="module")
def hr_app(tmp_path_factory):
    """A demo app of this module's own, in which Mette also holds the app's admin role."""
    with demo_app_served(tmp_path_factory.mktemp("hr-app"), "hr-browser-app") as live:
        directory = live.app.extensions["mus.demo_cloud"].directory
        directory.update_user(DEMO_TENANT_ID, DEMO_BY_KEY["mette"].object_id, app_roles=("MUS.Admin",))
        yield live


def open_personal(simulator: Simulator, participant: str, locale: str):
    simulator.open(locale=locale)
    wait_loaded(simulator, participant, "sidePanel")
    since = simulator.log_size()
    simulator.open_view(participant, "personal")
    wait_loaded(simulator, participant, "content", since)
    simulator.frame_element(participant, "content").evaluate(
        "(element, style) => Object.assign(element.style, style)",
        {"boxSizing": "content-box", "flex": "0 0 280px", "width": "280px"},
    )
    frame = simulator.frame_object(participant, "content")
    frame.wait_for_function("() => document.documentElement.clientWidth === 280")
    return frame


@pytest.mark.parametrize("locale", ["da", "en"])
def test_an_admin_sees_coverage_and_changes_a_setting(page, console, hr_app, locale):
    texts = catalogue(locale)
    simulator = Simulator(page, hr_app)
    frame = open_personal(simulator, "mette", locale)
    tab = simulator.frame("mette", "content")
    area = tab.get_by_test_id("organisation")
    area.get_by_role("heading", name=texts["ui.mymus.org.heading"]).wait_for()

    # Coverage per unit: a table named by its caption; the demo's small units (all but Mette's
    # Borgerservice) show their figures as "fewer than 5", never as numbers.
    table = area.get_by_role("table", name=texts["ui.mymus.org.units.caption"])
    table.locator("tfoot tr").wait_for()
    header = [" ".join(h.split()) for h in table.locator("thead th").all_inner_texts()]
    assert header == [texts["ui.mymus.org.units.unit"]] + [
        texts[f"ui.mymus.org.units.{n}"]
        for n in ("employees", "mus_held", "mus_planned", "mus_overdue", "checkins_recent")
    ]
    units = table.locator("tbody tr")
    assert units.count() >= 1
    suppressed = texts["ui.mymus.coverage.suppressed"].format(min=5)
    small = table.locator("tbody tr", has_text="Teknik og Miljø").locator('td[data-figure="employees"]')
    assert small.inner_text().strip() == suppressed
    assert small.locator("[data-suppressed]").get_attribute("data-suppressed") == "true"
    # The table scrolls inside its own region, the page does not.
    assert frame.evaluate(NO_HORIZONTAL_SCROLL)
    region = area.get_by_role("region", name=texts["ui.mymus.org.units.caption"], exact=False)
    assert region.get_attribute("tabindex") == "0"

    # Settings: a value out of bounds is refused next to the form, in the reader's language.
    settings = area.get_by_test_id("org-settings")
    months = settings.get_by_label(texts["ui.mymus.org.field.mus_interval_months"], exact=True)
    months.wait_for()
    months.fill("30")
    settings.get_by_role("button", name=texts["ui.mymus.org.settings.save"]).click()
    error = settings.get_by_test_id("org-settings-error")
    error.wait_for()
    assert texts["ui.mymus.org.field.mus_interval_months"] in error.inner_text()
    assert months.get_attribute("aria-invalid") == "true"
    assert "org-settings-error" in (months.get_attribute("aria-describedby") or "")

    # A valid change is saved, and the API has it.
    before = hr_app.api("mette", "GET", "/api/organisation/settings")
    new_value = "18" if before["mus_interval_months"] != 18 else "9"
    months.fill(new_value)
    settings.get_by_label(texts["ui.mymus.org.field.checkin_interval_weeks"]).select_option("4")
    settings.get_by_role("button", name=texts["ui.mymus.org.settings.save"]).click()
    status = settings.get_by_test_id("org-settings-status")
    tab.locator(
        f'[data-testid="org-settings-status"]:has-text("{texts["ui.mymus.org.settings.saved"]}")'
    ).wait_for()
    assert status.inner_text().strip() == texts["ui.mymus.org.settings.saved"]
    after = hr_app.api("mette", "GET", "/api/organisation/settings")
    assert after["mus_interval_months"] == int(new_value)
    assert after["checkin_interval_weeks"] == 4
    assert after["version"] == before["version"] + 1
    # The refusal above (422, and the browser's console line about it) is the page's only failure.
    assert len(console.errors) == 2 and all("422" in e for e in console.errors), console.errors
    assert frame.evaluate(NO_HORIZONTAL_SCROLL)


def test_an_admin_adds_and_retires_a_template(page, console, hr_app):
    texts = catalogue("da")
    simulator = Simulator(page, hr_app)
    open_personal(simulator, "mette", "da")
    templates = simulator.frame("mette", "content").get_by_test_id("org-templates")
    templates.get_by_role("button", name=texts["ui.mymus.org.templates.new"]).click()
    editor = templates.get_by_test_id("org-template-editor")
    key = f"hr-{page.evaluate('Date.now()')}"
    editor.get_by_label(texts["ui.mymus.org.templates.key"]).fill(key)
    editor.get_by_label(texts["ui.mymus.org.templates.name_da"]).fill("Kort MUS")
    editor.get_by_label(texts["ui.mymus.org.templates.name_en"]).fill("Short MUS")
    editor.get_by_label(texts["ui.mymus.org.templates.title_da"]).fill("Status")
    editor.get_by_label(texts["ui.mymus.org.tool.goals"], exact=True).check()
    editor.get_by_role("button", name=texts["ui.mymus.org.templates.save"]).click()
    card = templates.locator(f'[data-template="{key}"]')
    card.wait_for()
    assert "Kort MUS" in card.inner_text()
    listed = {t["key"]: t for t in hr_app.api("mette", "GET", "/api/templates")["items"]}
    assert listed[key]["sections"][0]["tools"] == ["goals"]

    card.get_by_role("button", name=texts["ui.mymus.org.templates.retire"].format(name="Kort MUS")).click()
    card.get_by_role("button", name=texts["ui.mymus.org.templates.retire"].format(name="Kort MUS")).click()
    templates.locator(f'[data-template="{key}"][data-retired="true"]').wait_for()
    assert (
        texts["ui.mymus.org.templates.retired"] in templates.locator(f'[data-template="{key}"]').inner_text()
    )
    console.assert_clean(page)


def test_a_non_admin_does_not_see_the_area_and_its_api_refuses(page, console, hr_app):
    simulator = Simulator(page, hr_app)
    frame = open_personal(simulator, "jonas", "da")
    tab = simulator.frame("jonas", "content")
    tab.get_by_test_id("mymus").wait_for()
    frame.wait_for_function("() => !document.querySelector('.notice-loading')")
    assert tab.get_by_test_id("organisation").count() == 0
    assert tab.get_by_test_id("mymus-coverage").count() == 0
    for path in ("/api/organisation/settings", "/api/coverage/units"):
        response = requests.get(
            f"{hr_app.url}{path}",
            headers={"Authorization": f"Bearer {hr_app.token('jonas')}"},
            timeout=REQUEST_TIMEOUT_S,
        )
        assert response.status_code == 403
    console.assert_clean(page)
