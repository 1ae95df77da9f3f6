"""No dead ends: when Teams sign-in fails, the tab tells Teams (notifyFailure), shows why and offers
a retry that works once sign-in does."""

from __future__ import annotations

from plugin.i18n import catalogue

from .support import Simulator


def test_a_failed_sign_in_is_reported_shown_and_retried(simulator: Simulator, console):
    da = catalogue("da")
    simulator.open()
    simulator.wait_initialized("mette", "sidePanel")
    simulator.page.check("#sim-fail-sso")
    since = simulator.log_size()
    simulator.open_view("mette", "personal")
    simulator.page.wait_for_function(
        "(since) => window.simulatorLog.slice(since).some((e) => e.func === 'appInitialization.failure')",
        arg=since,
    )
    failure = simulator.entries("appInitialization.failure", "mette", "content")[-1]
    assert failure["args"][:2] == ["AuthFailed", da["ui.error.sso"]]
    assert simulator.entries("appInitialization.success", "mette", "content") == []
    tab = simulator.frame("mette", "content")
    error = tab.get_by_test_id("error")
    assert da["ui.error.sso"] in error.inner_text()

    simulator.page.uncheck("#sim-fail-sso")
    error.get_by_role("button", name=da["ui.common.retry"]).click()
    tab.get_by_test_id("signed-in-name").wait_for()
    assert tab.get_by_test_id("signed-in-name").inner_text() == "Mette Sørensen"
    tab.get_by_role("heading", name=da["ui.personal.heading"]).wait_for()
    console.assert_clean(simulator.page)
