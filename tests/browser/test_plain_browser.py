"""Outside Teams: app.initialize() has no parent window, so the pages run in plain browser mode;
in demo mode a person picker signs in with a demo token kept for this tab only."""

from __future__ import annotations

from plugin.i18n import catalogue


def test_personal_tab_in_a_plain_browser(page, live_app, console):
    da = catalogue("da")
    page.goto(f"{live_app.url}/tab/personal")
    picker = page.get_by_test_id("person-picker")
    picker.wait_for()
    picker.locator('[data-person="jonas"]').click()
    page.get_by_test_id("signed-in-name").wait_for()
    assert page.get_by_test_id("signed-in-name").inner_text() == "Jonas Kjær Nielsen"
    assert page.get_by_role("heading", level=1).inner_text() == da["ui.personal.heading"]
    page.get_by_test_id("conversation-list").wait_for()
    items = page.get_by_test_id("conversation-list").locator("li")
    assert any("MUS 2026: Jonas" in text for text in items.all_inner_texts())
    stored = page.evaluate("sessionStorage.getItem('mus.demo.session')")
    assert stored and '"person":"jonas"' in stored
    # Opening a conversation keeps the sign-in (sessionStorage) and shows its agenda.
    page.get_by_role("link", name="MUS 2026: Jonas").click()
    page.get_by_test_id("agenda").wait_for()
    assert page.get_by_test_id("agenda").locator("li").count() == 7
    # Switching person goes back to the picker.
    page.get_by_role("button", name=da["ui.signin.switch_person"]).click()
    page.get_by_test_id("person-picker").wait_for()
    console.assert_clean(page)


def test_landing_page_leads_to_the_simulator_in_demo_mode(page, live_app, console):
    page.goto(f"{live_app.url}/?locale=en")
    link = page.get_by_role("link", name=catalogue("en")["ui.landing.demo_link"])
    link.click()
    page.wait_for_url(f"{live_app.url}/simulator/")
    page.get_by_role("heading", name=catalogue("da")["ui.sim.title"]).or_(
        page.get_by_role("heading", name=catalogue("en")["ui.sim.title"])
    ).wait_for()
    console.assert_clean(page)
