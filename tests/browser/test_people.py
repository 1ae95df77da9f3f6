"""People by name in the configuration page: Mette finds a report by typing part of the name, picks
her with the keyboard and plans; people without a profile photo are shown with initials."""

from __future__ import annotations

from .support import Simulator, pick_person, wait_until


def _open_config(simulator: Simulator, person: str = "mette", **locales: str):
    simulator.open(**locales)
    simulator.wait_initialized(person, "sidePanel")
    since = simulator.log_size()
    simulator.open_view(person, "config")
    simulator.wait_initialized(person, "settings", since=since)
    return simulator.frame(person, "settings")


def test_mette_finds_a_report_by_name_picks_with_the_keyboard_and_plans(
    simulator: Simulator, live_app, console
):
    config = _open_config(simulator)
    box = config.get_by_role("combobox", name="Søg på navn eller e-mail")
    assert box.get_attribute("aria-expanded") == "false"
    # Suggestions first: Jonas is in the meeting; Mette's reports follow; never Mette herself.
    box.focus()
    assert box.get_attribute("aria-expanded") == "true"
    options = config.get_by_role("option")
    options.first.wait_for()
    listed = options.all_inner_texts()
    assert "Jonas Kjær Nielsen" in listed[0] and "Med i mødet" in listed[0]
    assert any("Line Andersen" in text for text in listed)
    assert not any("Mette Sørensen" in text for text in listed)

    # Typing searches the directory: "line" finds Line Andersen (a report never planned).
    pick_person(config, "line", "Line Andersen")
    assert box.get_attribute("aria-expanded") == "false"
    chosen = config.get_by_test_id("people-picker-chosen")
    assert "Sagsbehandler" in chosen.inner_text() and "line.andersen@demo.example" in chosen.inner_text()
    assert chosen.get_by_test_id("pair-unconfirmed").count() == 0  # her report in the directory

    # Line is chosen: the tab reports itself valid and plans with her.
    simulator.page.wait_for_function(
        "() => window.simulatorLog.some((e) => e.func === 'settings.setValidityState' && e.args[0] === true)"
    )
    simulator.column("mette").locator('[data-action="save"]').click()
    simulator.page.wait_for_function(
        "() => window.simulatorLog.some((e) => e.func === 'settings.save.success')"
    )
    [conversation] = live_app.conversations_in(simulator.meeting_id)
    assert conversation["employee"]["display_name"] == "Line Andersen"
    assert conversation["relationship_check"] == "directory"
    # Jonas is in the meeting but no party to Mette's conversation with Line: when his side panel asks
    # for the meeting's new conversation it is refused (403), as the access rules say. That refusal is
    # expected; nothing else may have gone wrong.
    refused = f"HTTP 403: GET {live_app.url}/api/conversations/{conversation['id']}"
    # Jonas's side panel loads the configured tab on its own time: wait for its refusal, then drop it.
    wait_until(
        simulator.page,
        lambda: refused in console.errors and any("status of 403 (FORBIDDEN)" in e for e in console.errors),
        what="Jonas's side panel to be refused",
    )
    console.errors[:] = [e for e in console.errors if e != refused and "status of 403 (FORBIDDEN)" not in e]
    console.assert_clean(simulator.page)


def test_search_states_and_escape(simulator: Simulator, live_app, console):
    config = _open_config(simulator, locale="en", mette="en")
    box = config.get_by_role("combobox", name="Search by name or e-mail")
    status = config.get_by_test_id("people-status")
    box.fill("q")
    status.get_by_text("Type at least 2 letters to search.").wait_for()
    box.fill("qzxw")
    status.get_by_text("Nobody in the directory matches “qzxw”.").wait_for()
    assert config.get_by_role("option").count() == 0
    # Someone of another department: found, and marked as not Mette's report in the directory.
    box.fill("ida po")
    option = config.get_by_role("option", name="Ida Poulsen")
    option.wait_for()
    assert "Not your report in the directory" in option.inner_text()
    assert "Ingeniør" in option.inner_text()
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert config.get_by_test_id("people-picker-chosen").count() == 0  # nothing was picked
    console.assert_clean(simulator.page)


def test_initials_without_a_photo_and_the_photo_where_there_is_one(simulator: Simulator, live_app, console):
    config = _open_config(simulator)
    config.get_by_role("combobox").focus()
    line = config.get_by_role("option").filter(has_text="Line Andersen")
    line.wait_for()
    initials = line.get_by_test_id("avatar-initials")
    assert initials.inner_text() == "LA"
    assert line.get_by_test_id("avatar-photo").count() == 0
    jonas = config.get_by_role("option").filter(has_text="Jonas Kjær Nielsen")
    jonas.get_by_test_id("avatar-photo").wait_for()  # Jonas has a profile photo in the directory
    assert jonas.get_by_test_id("avatar-photo").evaluate("img => img.naturalWidth") == 48
    console.assert_clean(simulator.page)  # the 404s of people without a photo are no error
