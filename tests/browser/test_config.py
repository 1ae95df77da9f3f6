"""Adding the app to a meeting: the configuration page plans the conversation and binds the tab."""

from __future__ import annotations

import re

from .support import Simulator, pick_person


def test_the_config_page_creates_the_conversation_and_sets_the_tab(simulator: Simulator, live_app, console):
    simulator.open()
    simulator.wait_initialized("mette", "sidePanel")
    since = simulator.log_size()
    simulator.open_view("mette", "config")
    simulator.wait_initialized("mette", "settings", since=since)
    config = simulator.frame("mette", "settings")
    save = simulator.column("mette").locator('[data-action="save"]')
    assert save.is_disabled()  # nobody picked yet: the tab reported itself invalid
    pick_person(config, "jon", "Jonas Kjær Nielsen")
    config.get_by_label("Titel (valgfri)").fill("MUS 2026 med Jonas")
    simulator.page.wait_for_function(
        "() => window.simulatorLog.some((e) => e.func === 'settings.setValidityState' && e.args[0] === true)"
    )
    save.click()
    simulator.page.wait_for_function(
        "() => window.simulatorLog.some((e) => e.func === 'settings.save.success')"
    )

    created = live_app.conversations_in(simulator.meeting_id)
    assert len(created) == 1
    conversation = created[0]
    assert conversation["title"] == "MUS 2026 med Jonas"
    assert conversation["manager"]["display_name"] == "Mette Sørensen"
    assert conversation["employee"]["display_name"] == "Jonas Kjær Nielsen"
    assert conversation["meeting"]["chat_id"] == f"19:meeting_{simulator.meeting_key}@thread.v2"

    sent = simulator.entries("settings.setSettings", "mette")
    settings = [e["args"][0] for e in sent if e["direction"] == "app→host"]
    assert len(settings) == 1
    assert re.search(rf"/tab/content\?conversation={conversation['id']}$", settings[0]["contentUrl"])
    assert settings[0]["entityId"] == f"mus-{conversation['id']}"
    assert settings[0]["suggestedDisplayName"] == "MUS"

    # Both side panels now load the configured tab and show the new conversation.
    for participant in ("mette", "jonas"):
        panel = simulator.frame(participant)
        panel.get_by_role("heading", name="MUS 2026 med Jonas").wait_for()
        assert panel.get_by_test_id("agenda").locator("li").count() == 7
    console.assert_clean(simulator.page)


def test_an_employee_confirms_a_manager_the_directory_does_not_show(simulator: Simulator, live_app, console):
    """Jonas plans his MUS with Freja (a deputy; the directory names Mette): the refusal says why and
    where it was made, and the confirmation it asks for is right there; confirmed, it is planned."""
    simulator.open(locale="en", jonas="en")
    simulator.wait_initialized("jonas", "sidePanel")
    since = simulator.log_size()
    simulator.open_view("jonas", "config")
    simulator.wait_initialized("jonas", "settings", since=since)
    config = simulator.frame("jonas", "settings")
    save = simulator.column("jonas").locator('[data-action="save"]')
    config.locator('input[name="my-role"][value="employee"]').check()
    pick_person(config, "freja", "Freja Østergaard")
    # The directory shows Mette as Jonas's manager, not Freja: the picker marks it before planning.
    config.get_by_test_id("people-picker-chosen").get_by_text("Not your report in the directory").wait_for()
    assert config.get_by_test_id("confirm-manager").count() == 0  # nothing to confirm yet
    save.click()
    simulator.page.wait_for_function(
        "() => window.simulatorLog.some((e) => e.func === 'settings.save.failure')"
    )
    config.get_by_text("The directory shows Mette Sørensen as the employee's manager").wait_for()
    assert live_app.conversations_in(simulator.meeting_id, "jonas") == []  # nothing planned

    config.get_by_label("Yes, this person leads my conversation").check()
    save.click()
    simulator.page.wait_for_function(
        "() => window.simulatorLog.some((e) => e.func === 'settings.save.success')"
    )
    [conversation] = live_app.conversations_in(simulator.meeting_id, "jonas")
    assert conversation["manager"]["display_name"].startswith("Freja")
    assert conversation["employee"]["display_name"] == "Jonas Kjær Nielsen"
    assert conversation["relationship_check"] == "confirmed"
    # Jonas's panel shows the conversation marked: the pair is his confirmation, not the directory's.
    mark = simulator.frame("jonas").get_by_test_id("conversation-header").get_by_test_id("pair-confirmed")
    mark.wait_for()
    assert mark.inner_text() == "Pair confirmed by the employee"
    # Mette is in the meeting but no party of Jonas's MUS with Freja: her panel is refused, and says so.
    simulator.frame("mette").get_by_text("You do not have access to this.").wait_for()
    # The refusal asked for (409) and Mette's panel (in the meeting, not a party of Jonas's MUS with
    # Freja: refused, as it must be) are the only errors the browser saw.
    refused = [e for e in console.errors if "409" in e or "403" in e]
    assert any("409" in e for e in refused), console.errors
    console.errors[:] = [e for e in console.errors if e not in refused]
    console.assert_clean(simulator.page)
