"""The Teams simulator hosts the side panel for two participants: each initializes, signs in as its
own person, follows the theme and the language."""

from __future__ import annotations

from plugin.i18n import catalogue

from .support import Simulator, pick_person, pretty, wait_for_theme


def test_each_side_panel_initializes_as_its_own_participant(simulator: Simulator, console):
    simulator.open()
    for participant in ("mette", "jonas"):
        simulator.wait_initialized(participant, "sidePanel")
    mette = simulator.frame("mette").get_by_test_id("signed-in-name")
    jonas = simulator.frame("jonas").get_by_test_id("signed-in-name")
    assert mette.inner_text() == "Mette Sørensen"
    assert jonas.inner_text() == "Jonas Kjær Nielsen"
    # The left column is Mette's, the right one Jonas's.
    left, right = (simulator.column(p).bounding_box() for p in ("mette", "jonas"))
    assert left and right and left["x"] < right["x"]
    # Each frame was answered as its participant: context, then a token for that person.
    contexts = {e["participant"]: e["args"][0] for e in simulator.replies("getContext")}
    assert contexts["mette"]["userPrincipalName"] == "mette.sorensen@demo.example"
    assert contexts["jonas"]["userPrincipalName"] == "jonas.nielsen@demo.example"
    assert contexts["mette"]["meetingId"] == simulator.meeting_id
    assert len(simulator.entries("authentication.getAuthToken", "mette")) == 2  # request and reply
    assert simulator.unknown_messages() == [], pretty(simulator.unknown_messages())
    console.assert_clean(simulator.page)


def test_the_side_panel_tells_when_no_conversation_is_linked(simulator: Simulator, console):
    simulator.open(locale="en")
    simulator.wait_initialized("jonas", "sidePanel")
    # notifySuccess comes with the first content; the conversation lookup may still be loading.
    message = catalogue("en")["ui.conversation.none_in_meeting"]
    simulator.frame("jonas").get_by_text(message).wait_for()
    assert message in simulator.frame("jonas").locator("main").inner_text()
    console.assert_clean(simulator.page)


def test_the_theme_switch_reaches_every_tab(simulator: Simulator, console):
    simulator.open()
    for participant in ("mette", "jonas"):
        simulator.wait_initialized(participant, "sidePanel")
    frame = simulator.frame_object("mette")
    assert frame.evaluate("document.documentElement.dataset.theme") == "default"
    light = frame.evaluate("getComputedStyle(document.body).backgroundColor")
    simulator.set_theme("dark")
    for participant in ("mette", "jonas"):
        wait_for_theme(simulator.frame_object(participant), "dark")
    assert frame.evaluate("getComputedStyle(document.body).backgroundColor") != light
    assert simulator.page.evaluate("document.documentElement.dataset.theme") == "dark"
    simulator.set_theme("contrast")
    wait_for_theme(frame, "contrast")
    pushed = [e["args"] for e in simulator.entries("themeChange", "mette", "sidePanel")]
    assert pushed == [["dark"], ["contrast"]]
    console.assert_clean(simulator.page)


def test_the_language_switch_reloads_the_tabs_in_english(simulator: Simulator, console):
    da, en = catalogue("da"), catalogue("en")
    simulator.open(locale="da")
    simulator.wait_initialized("mette", "sidePanel")
    frame = simulator.frame("mette")
    frame.get_by_text(da["ui.conversation.none_in_meeting"]).wait_for()
    assert da["ui.conversation.none_in_meeting"] in frame.locator("main").inner_text()
    assert simulator.frame_object("mette").evaluate("document.documentElement.lang") == "da"
    since = simulator.log_size()
    simulator.set_language("en")
    simulator.wait_initialized("mette", "sidePanel", since=since)
    frame = simulator.frame("mette")
    frame.get_by_text(en["ui.conversation.none_in_meeting"]).wait_for()
    assert simulator.frame_object("mette").evaluate("document.documentElement.lang") == "en"
    contexts = [e["args"][0] for e in simulator.replies("getContext", "mette", since=since)]
    assert contexts and contexts[-1]["locale"] == "en-us"
    # The simulator's own chrome follows too.
    assert simulator.page.get_by_role("heading", name=en["ui.sim.title"]).is_visible()
    console.assert_clean(simulator.page)


def test_the_added_tab_outlives_a_reload_of_the_simulator(simulator: Simulator, live_app, console):
    da = catalogue("da")
    simulator.open()
    simulator.wait_initialized("mette", "sidePanel")
    since = simulator.log_size()
    simulator.open_view("mette", "config")
    simulator.wait_initialized("mette", "settings", since=since)
    pick_person(simulator.frame("mette", "settings"), "jon", "Jonas Kjær Nielsen")
    simulator.page.wait_for_function(
        "() => window.simulatorLog.some((e) => e.func === 'settings.setValidityState' && e.args[0] === true)"
    )
    simulator.column("mette").locator('[data-action="save"]').click()
    simulator.page.wait_for_function(
        "() => window.simulatorLog.some((e) => e.func === 'settings.save.success')"
    )
    conversation = live_app.conversations_in(simulator.meeting_id)[0]
    configured = f"/tab/content?conversation={conversation['id']}"
    added = da["ui.sim.tab_added"].format(name="MUS")
    simulator.page.get_by_text(added).wait_for()

    simulator.page.reload()
    for participant in ("mette", "jonas"):
        simulator.wait_initialized(participant, "sidePanel")
        assert simulator.frame_element(participant, "sidePanel").get_attribute("src") == configured
        assert simulator.frame_element(participant, "sidePanel").get_attribute("data-entity-id") == (
            f"mus-{conversation['id']}"
        )
        simulator.frame(participant).locator(
            f'article[data-conversation-id="{conversation["id"]}"]'
        ).wait_for()
    assert simulator.page.get_by_text(added).is_visible()
    assert simulator.page.get_by_text(da["ui.sim.tab_not_added"]).count() == 0
    console.assert_clean(simulator.page)


def test_a_fresh_meeting_starts_without_a_tab(simulator: Simulator, console):
    # The kept tab belongs to its meeting: another meeting in the same browser tab has none.
    simulator.page.goto(f"{simulator.live.url}/simulator/?meeting=other{simulator.meeting_key}")
    simulator.page.evaluate(
        "(key) => sessionStorage.setItem(key, JSON.stringify({contentUrl: '/tab/content?conversation=1'}))",
        "mus-simulator:tab:sim-meeting-other" + simulator.meeting_key,
    )
    simulator.open()
    simulator.wait_initialized("mette", "sidePanel")
    assert simulator.frame_element("mette", "sidePanel").get_attribute("src") == "/tab/sidepanel"
    assert simulator.page.get_by_text(catalogue("da")["ui.sim.tab_not_added"]).is_visible()
    console.assert_clean(simulator.page)
