"""The reader's language, everywhere: a whole MUS in the Teams simulator in English and in Danish
(preparation, agenda, notes, a goal with SMART hints, a development action, feedback, wellbeing, a
refused write and a validation error, conclude, the agreement approved by both, My MUS), and on
every screen no text of the other language: not in the visible text, nor in `aria-label`, `title`,
`placeholder` or `alt`. The browser asks for Danish (Accept-Language da-DK) in both walks: the
English walk proves that the Teams locale the tab sends wins.

A leak is a text of the other language's catalogue (or of the built-in agenda) that this language
says differently; in the English walk, also a common Danish word or æ, ø, å outside what people
wrote (their names and texts, which are data, not the app's words)."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest

from plugin.demo.people import DEMO_PEOPLE
from plugin.domain.templates import BUILTIN
from plugin.i18n import catalogue

from .meeting_helpers import Panel, ResponseLog, in_days
from .mymus_data import wait_loaded
from .support import Simulator

if TYPE_CHECKING:
    from playwright.sync_api import Page, Route

SECTIONS = ("feedback", "challenges", "wellbeing", "agreements")
COLLECT = """() => {
    const texts = [document.title, document.body ? document.body.innerText : ""];
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
        for (const name of ["aria-label", "title", "placeholder", "alt"]) {
            const value = element.getAttribute(name);
            if (value) texts.push(value);
        }
    }
    return texts.join("\\n");
}"""
# Words a Danish text is made of and an English one is not (checked as whole words).
DANISH_WORDS = [
    *("og", "ikke", "på", "af", "det", "der", "som", "eller", "med", "til", "jeg", "du", "dig", "mig"),
    *("vi", "hvad", "hvordan", "hvorfor", "hvornår", "samtale", "samtalen", "samtaler", "medarbejder"),
    *("medarbejderen", "leder", "lederen", "aftale", "aftalen", "gemt", "gem", "tilføj", "noter", "ja"),
    *("nej", "mål", "udvikling", "trivsel", "opfølgning", "godkend", "godkendt", "ændringer", "næste"),
    *("forberedelse", "punkt", "punkter", "dagsorden", "luk", "vis", "skjul", "annuller", "fortryd"),
    *("indlæser", "venter", "sendt", "uge", "dage", "dag"),
]
DANISH = re.compile(r"\b(" + "|".join(DANISH_WORDS) + r")\b|[æøåÆØÅ]", re.IGNORECASE)
# What people write: the data, not the app's words (their names, titles, notes, comments).
USER_FIELDS = {
    "title",
    "text",
    "notes",
    "specific",
    "measure",
    "achievable",
    "relevance",
    "comment",
    "resources",
    "display_name",
    "name",
    "email",
    "note",
    "job_title",  # the directory's, as the organisation writes it (the team overview shows it)
}
# What the test writes, per language.
WRITTEN = {
    "en": {
        "conversation": "Yearly talk in the simulator",
        "prep_manager": "You led the onboarding of new colleagues",
        "prep_employee": "I would like to work more with architecture",
        "notes": "A busy period with two releases.",
        "goal": "Architecture",
        "specific": "Design and document the architecture of the new payment system with the team",
        "measure": "Three architecture decisions approved by the team",
        "achievable": "Four hours a week and sparring with Mette",
        "relevance": "The team needs an architect next year",
        "action": "Mentor from the architecture group",
        "feedback": "Thank you for the clear release plan",
        "pulse": "Good weeks lately",
        "follow_up": "Follow-up on the architecture goal",
    },
    "da": {
        "conversation": "Årlig samtale i simulatoren",
        "prep_manager": "Du har løftet onboardingen af nye kolleger",
        "prep_employee": "Jeg vil gerne arbejde mere med arkitektur",
        "notes": "Travl periode med to releases.",
        "goal": "Arkitektur",
        "specific": "Designe og dokumentere arkitekturen for den nye betalingsløsning sammen med teamet",
        "measure": "Tre arkitekturbeslutninger godkendt af teamet",
        "achievable": "Fire timer om ugen og sparring med Mette",
        "relevance": "Teamet mangler en arkitekt til næste år",
        "action": "Mentor fra arkitektgruppen",
        "feedback": "Tak for den klare releaseplan",
        "pulse": "Gode uger på det sidste",
        "follow_up": "Opfølgning på arkitekturmålet",
    },
}


def _forms(text) -> tuple[str, ...]:
    return text if isinstance(text, tuple) else (text,)


def _fragments(language: str) -> set[str]:
    """Pieces of the other language's texts (between placeholders) that this language never uses."""
    other = "da" if language == "en" else "en"
    mine = " ".join(form for text in catalogue(language).values() for form in _forms(text))
    theirs = [form for text in catalogue(other).values() for form in _forms(text)]
    theirs += [s.title[other] for t in BUILTIN.values() for s in t.sections if s.title.get(other)]
    theirs += [t.name[other] for t in BUILTIN.values() if t.name.get(other)]
    pieces = set()
    for text in theirs:
        for piece in re.split(r"\{\w+\}", text):
            piece = piece.strip(" .,:;()\u2013-\u201c\u201d\"'")
            if len(piece) >= 8 and piece not in mine and re.search(r"[a-zæøå]{3}", piece, re.IGNORECASE):
                pieces.add(piece)
    return pieces


def _user_texts(responses: ResponseLog) -> set[str]:
    found: set[str] = set()

    def walk(value, key=None):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key in USER_FIELDS and value.strip():
            found.add(value.strip())

    for _, response in responses.complete():
        if "json" not in (response.headers.get("content-type") or ""):
            continue
        try:
            walk(json.loads(response.text()))
        except Exception:  # no body (204), or gone
            continue
    return found


class LeakCheck:
    def __init__(self, page: Page, language: str, responses: ResponseLog) -> None:
        self.page = page
        self.language = language
        self.responses = responses
        self.fragments = _fragments(language)
        self.people = {p.name for p in DEMO_PEOPLE} | {n for p in DEMO_PEOPLE for n in p.name.split()}
        self.written = {text for texts in WRITTEN.values() for text in texts.values()}
        self.screens: list[str] = []

    def screen(self, name: str) -> str:
        """Every frame's text now (the simulator and each participant's tab): no other language."""
        texts, langs = [], set()
        for frame in self.page.frames:
            try:
                texts.append(frame.evaluate(COLLECT))
                if frame.url.startswith(self.page.url.split("/simulator")[0]):
                    langs.add(frame.evaluate("() => document.documentElement.lang"))
            except Exception:  # a frame that is navigating away: its next state is checked later
                continue
        assert langs == {self.language}, f"screen '{name}': the pages say they are in {langs}"
        text = " ".join("\n".join(texts).replace("\xa0", " ").split("\n"))
        self.screens.append(name)
        # What people wrote is data, whatever its language (earlier runs' goals follow the pair).
        cleaned = text
        for value in sorted(self.written | _user_texts(self.responses) | self.people, key=len, reverse=True):
            cleaned = cleaned.replace(value, " ")
        leaks = sorted(f for f in self.fragments if f in cleaned)
        assert leaks == [], f"{self.language} screen '{name}' shows the other language: {leaks}"
        if self.language == "en":
            words = sorted({m.group(0) for m in DANISH.finditer(cleaned)})
            context = [cleaned[max(0, m.start() - 40) : m.end() + 40] for m in DANISH.finditer(cleaned)][:5]
            assert words == [], f"English screen '{name}' has Danish: {words} in {context}"
        return text


def _reroute(page: Page, path_end: str, change) -> list:
    """Lets the next POST to a path ending in `path_end` through with its JSON body changed once."""
    changed: list = []

    def handle(route: Route) -> None:
        request = route.request
        if request.method != "POST" or changed:
            route.continue_()
            return
        body = change(json.loads(request.post_data or "{}"))
        changed.append(body)
        route.continue_(post_data=json.dumps(body))

    page.route(re.compile(rf".*/api/conversations/\d+/{path_end}$"), handle)
    return changed


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_whole_mus_speaks_only_the_language_of_the_tab(simulator: Simulator, live_app, language: str):
    page = simulator.page
    words = WRITTEN[language]
    responses = ResponseLog()
    responses.attach(page)
    check = LeakCheck(page, language, responses)
    conversation = live_app.plan_for_meeting(simulator.meeting_id, words["conversation"])
    simulator.open(locale=language)
    for participant in ("mette", "jonas"):
        simulator.wait_initialized(participant, "sidePanel")
    mette, jonas = Panel(simulator, "mette", language=language), Panel(simulator, "jonas", language=language)
    for panel in (mette, jonas):
        panel.wait_phase("before")
        panel.frame.locator("[data-prompt]").first.wait_for()  # the server's prompts
    shown = check.screen("preparation")
    # The check reads what is there: this language's texts, the simulator's and both tabs'.
    for key in ("ui.meeting.prep.private", "ui.sim.language", "preparation.employee.past_period"):
        assert catalogue(language)[key] in shown, key

    # Preparation, shared as talking points.
    for panel, prompt, text in (
        (mette, "manager.contributions", words["prep_manager"]),
        (jonas, "employee.goals_needs", words["prep_employee"]),
    ):
        block = panel.frame.locator(f'[data-prompt="{prompt}"]')
        block.get_by_label(panel.t("ui.meeting.prep.add_label")).fill(text)
        panel.button("ui.meeting.prep.add", block).click()
        item = block.get_by_test_id("prep-item").filter(has_text=text)
        item.wait_for()
        panel.button("ui.meeting.prep.promote", item).click()
        item.get_by_test_id("promoted").wait_for()
    jonas.frame.get_by_test_id("preview-point").filter(has_text=words["prep_manager"]).wait_for()
    check.screen("agenda preview")

    # The meeting: the opening, the agenda, notes.
    mette.button("ui.meeting.lifecycle.to.in_meeting").click()
    for panel in (mette, jonas):
        panel.wait_phase("during")
    check.screen("opening")
    for panel in (mette, jonas):
        panel.button("ui.meeting.opening.confirm").click()
        panel.frame.get_by_test_id("consent-keep_shared_notes").get_by_label(
            panel.t("ui.meeting.yes")
        ).check()
        panel.frame.get_by_test_id("consent-recording").get_by_label(panel.t("ui.meeting.no")).check()
    for panel in (mette, jonas):
        panel.frame.locator('[data-testid="opening"][data-done="yes"]').wait_for()
    mette.button("ui.meeting.agenda.start").click()
    for panel in (mette, jonas):
        panel.wait_open("work_situation")
    mette.panel().get_by_label(mette.t("ui.meeting.notes.label")).fill(words["notes"])
    mette.wait_saved()
    check.screen("agenda and notes")

    # A goal, first vague (the SMART hints), then SMART.
    mette.frame.get_by_test_id("next-item").click()
    for panel in (mette, jonas):
        panel.wait_open("expectations_goals")
    jonas.frame.get_by_test_id("new-goal").click()
    editor = jonas.frame.get_by_test_id("goal-editor")
    editor.get_by_label(jonas.t("ui.meeting.goal.field.title"), exact=True).fill(words["goal"])
    editor.get_by_label(jonas.t("ui.meeting.goal.field.specific")).fill(
        "Bliv bedre" if language == "da" else "Be better"
    )
    editor.locator('[data-criterion="specific"][data-verdict="weak"]').first.wait_for()
    check.screen("SMART hints")
    for key in ("specific", "measure", "achievable", "relevance"):
        editor.get_by_label(jonas.t(f"ui.meeting.goal.field.{key}")).fill(words[key])
    editor.get_by_label(jonas.t("ui.meeting.goal.field.deadline")).fill(in_days(120))
    editor.locator('[data-testid="smart-check"][data-smart="yes"]').wait_for()
    check.screen("SMART ok")
    jonas.button("ui.meeting.goal.create", editor).click()
    mette.frame.locator('[data-testid="goal"][data-smart="yes"]').filter(has_text=words["goal"]).wait_for()

    # A development action.
    mette.frame.get_by_test_id("next-item").click()
    for panel in (mette, jonas):
        panel.wait_open("development")
    mette.frame.get_by_test_id("new-action").click()
    action = mette.frame.get_by_test_id("action-editor")
    action.get_by_label(mette.t("ui.meeting.action.field.kind")).select_option("mentoring")
    action.get_by_label(mette.t("ui.meeting.action.field.title"), exact=True).fill(words["action"])
    action.get_by_label(mette.t("ui.meeting.action.field.goal")).select_option(label=words["goal"])
    action.get_by_label(mette.t("ui.meeting.action.field.due")).fill(in_days(60))
    check.screen("action editor")
    mette.button("ui.meeting.action.create", action).click()
    jonas.frame.get_by_test_id("action").filter(has_text=words["action"]).wait_for()
    check.screen("development")

    # Feedback: first a request the server finds invalid (a kind it does not know), then a good one.
    mette.frame.get_by_test_id("next-item").click()
    for panel in (mette, jonas):
        panel.wait_open("feedback")
    feedback = mette.frame.get_by_test_id("feedback")
    feedback.get_by_label(mette.t("ui.meeting.feedback.text")).fill(words["feedback"])
    invalid = _reroute(page, "feedback", lambda body: {**body, "kind": "praise"})
    mette.button("ui.meeting.feedback.give", feedback).click()
    error = feedback.locator(".inline-error")
    error.wait_for()
    assert (
        invalid
        and error.inner_text()
        == {
            "en": "Choose one of the offered options for “Kind”.",
            "da": "Vælg en af de tilbudte muligheder for “Slags”.",
        }[language]
    )
    check.screen("validation error")
    page.unroute(re.compile(r".*/api/conversations/\d+/feedback$"))
    mette.button("ui.meeting.feedback.give", feedback).click()
    jonas.frame.get_by_test_id("feedback-entry").filter(has_text=words["feedback"]).wait_for()
    check.screen("feedback")

    # Wellbeing: the server refuses a pulse out of range (its own message), then takes a good one.
    for section in ("challenges", "wellbeing"):
        mette.frame.get_by_test_id("next-item").click()
        for panel in (mette, jonas):
            panel.wait_open(section)
    wellbeing = jonas.frame.get_by_test_id("wellbeing")
    wellbeing.locator('input[type="radio"][value="4"]').check()
    wellbeing.get_by_label(jonas.t("ui.meeting.wellbeing.comment")).fill(words["pulse"])
    refused = _reroute(page, "wellbeing", lambda body: {**body, "score": 9})
    jonas.button("ui.meeting.wellbeing.send", wellbeing).click()
    error = wellbeing.get_by_test_id("field-notice").locator(".field-notice-detail")
    error.wait_for()
    assert refused and error.inner_text() == catalogue(language)["pulse_out_of_range"]
    check.screen("refused write")
    page.unroute(re.compile(r".*/api/conversations/\d+/wellbeing$"))
    jonas.button("ui.meeting.wellbeing.send", wellbeing).click()
    wellbeing.get_by_test_id("pulse").first.wait_for()
    check.screen("wellbeing")

    # The agreements item: a follow-up date; conclude; both approve.
    mette.frame.get_by_test_id("next-item").click()
    for panel in (mette, jonas):
        panel.wait_open("agreements")
    follow_ups = mette.frame.get_by_test_id("follow-ups")
    follow_ups.get_by_label(mette.t("ui.meeting.follow_ups.title")).fill(words["follow_up"])
    follow_ups.get_by_label(mette.t("ui.meeting.follow_ups.date")).fill(in_days(45))
    mette.button("ui.meeting.follow_ups.add", follow_ups).click()
    jonas.frame.get_by_test_id("follow-up").filter(has_text=words["follow_up"]).wait_for()
    check.screen("agreements item")
    mette.frame.get_by_test_id("conclude").click()
    for panel in (mette, jonas):
        panel.wait_phase("after")
        panel.frame.locator('[data-testid="agreement-state"][data-state="draft"]').wait_for()
    check.screen("agreement review")
    jonas.frame.get_by_test_id("approve").click()
    mette.frame.locator(
        '[data-testid="decisions"] li[data-party="employee"][data-decision="approved"]'
    ).wait_for()
    mette.frame.get_by_test_id("approve").click()
    for panel in (mette, jonas):
        panel.frame.locator('[data-testid="agreement-state"][data-state="agreed"]').wait_for()
    check.screen("agreement approved")

    # The meeting tab, wide, and My MUS for both.
    since = simulator.log_size()
    simulator.open_view("jonas", "content")
    wait_loaded(simulator, "jonas", "content", since)
    simulator.frame("jonas", "content").locator(
        '[data-testid="agreement-state"][data-state="agreed"]'
    ).wait_for()
    check.screen("meeting tab")
    for participant in ("mette", "jonas"):
        since = simulator.log_size()
        simulator.open_view(participant, "personal")
        wait_loaded(simulator, participant, "content", since)
        tab = simulator.frame(participant, "content")
        tab.locator(f'[data-conversation-id="{conversation["id"]}"]').get_by_test_id("goals").wait_for()
        tab.locator(".notice-loading").first.wait_for(state="detached")
        check.screen(f"My MUS ({participant})")

    # The tab's set-up page (configuration) for the manager.
    since = simulator.log_size()
    simulator.open_view("mette", "config")
    wait_loaded(simulator, "mette", "settings", since)
    simulator.frame("mette", "settings").get_by_test_id("person-option").first.wait_for(state="attached")
    check.screen("configuration")
    assert len(check.screens) >= 19


def test_two_languages_in_one_meeting_each_tab_is_answered_in_its_own(simulator: Simulator, live_app):
    """Mette's Teams runs in Danish, Jonas's in English: the same server answers each tab's requests
    in that tab's language (prompts, SMART hints, errors), at the same time."""
    live_app.plan_for_meeting(simulator.meeting_id, "Mixed languages")
    simulator.open(locale="da", jonas="en")
    for participant in ("mette", "jonas"):
        simulator.wait_initialized(participant, "sidePanel")
    mette, jonas = Panel(simulator, "mette", language="da"), Panel(simulator, "jonas", language="en")
    for panel, prompt in ((mette, "manager.contributions"), (jonas, "employee.goals_needs")):
        panel.wait_phase("before")
        block = panel.frame.locator(f'[data-prompt="{prompt}"]')
        block.wait_for()
        assert catalogue(panel.language)[f"preparation.{prompt}"] in block.inner_text()
    assert mette.frame_object.evaluate("() => document.documentElement.lang") == "da"
    assert jonas.frame_object.evaluate("() => document.documentElement.lang") == "en"
    mette.button("ui.meeting.lifecycle.to.in_meeting").click()
    for panel in (mette, jonas):
        panel.wait_phase("during")
        panel.button("ui.meeting.opening.confirm").click()
    mette.button("ui.meeting.agenda.start").click()
    mette.frame.get_by_test_id("next-item").click()
    for panel in (mette, jonas):
        panel.wait_open("expectations_goals")
        panel.frame.get_by_test_id("new-goal").click()
        editor = panel.frame.get_by_test_id("goal-editor")
        editor.get_by_label(panel.t("ui.meeting.goal.field.specific")).fill("Bliv bedre")
        editor.locator('[data-criterion="specific"][data-verdict="weak"]').first.wait_for()
        hints = editor.inner_text()  # the check and the hint at each field
        other = "en" if panel.language == "da" else "da"
        reasons = [key for key in catalogue("da") if key.startswith("smart.") and not key.endswith(".ok")]
        assert [k for k in reasons if catalogue(panel.language)[k] in hints], panel.participant
        assert [k for k in reasons if catalogue(other)[k] in hints] == [], panel.participant
