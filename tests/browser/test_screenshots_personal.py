"""Screenshots of the personal tab's planning and follow-through in a plain browser (demo mode): the
plan form with a person found by name, the team overview, the check-ins, and the HR screen; in
test-artifacts/screenshots/ (the README shows copies from docs/screenshots/)."""

from __future__ import annotations

import pytest

from plugin.i18n import catalogue

from .support import SCREENSHOTS, demo_app_served


@pytest.fixture(scope="module")
def live_app(tmp_path_factory):
    with demo_app_served(tmp_path_factory.mktemp("screenshots-personal"), "screenshots-personal") as live:
        yield live


def sign_in(page, live_app, person: str) -> None:
    page.goto(f"{live_app.url}/tab/personal")
    page.get_by_test_id("person-picker").locator(f'[data-person="{person}"]').click()
    page.get_by_test_id("mymus").wait_for()


def shot(locator, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    locator.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    assert (SCREENSHOTS / f"{name}.png").stat().st_size > 1000


def test_screenshots_of_planning_the_team_and_the_hr_screen(page, live_app, console):
    da = catalogue("da")
    page.set_viewport_size({"width": 420, "height": 1000})
    sign_in(page, live_app, "mette")

    page.get_by_text(da["ui.plan.heading"]).click()
    form = page.get_by_test_id("plan")
    box = form.get_by_role("combobox")
    box.click()
    box.fill("Li")
    form.get_by_role("option").first.wait_for()
    shot(form, "personal-plan")
    box.press("Escape")

    team = page.get_by_test_id("mymus-team")
    team.locator(".mymus-card").first.wait_for()
    box = team.bounding_box()
    assert box is not None
    scroll = page.evaluate("() => window.scrollY")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    clip = {"x": box["x"], "y": box["y"] + scroll, "width": box["width"], "height": min(box["height"], 900)}
    page.screenshot(path=str(SCREENSHOTS / "personal-team.png"), full_page=True, clip=clip)

    # Camilla (HR, the app's admin role) in a browser of her own.
    context = page.context.browser.new_context(viewport={"width": 420, "height": 1000}, locale="da-DK")
    try:
        hr = context.new_page()
        sign_in(hr, live_app, "camilla")
        units = hr.get_by_test_id("organisation").get_by_test_id("org-units")
        units.locator("table").wait_for()
        shot(units, "personal-hr")
    finally:
        context.close()
