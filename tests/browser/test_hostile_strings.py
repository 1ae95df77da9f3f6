"""Hostile strings in every text field, opened on every surface: script payloads with a canary
(`window.__canary_hit`), a `javascript:` URL, right-to-left override characters, emoji with
zero-width joiners and a very long text are written through the API by the two parties, then the
side panels during the meeting, the stage, the personal tab with the locked agreement and its
check-ins, the conversation in a plain browser and the simulator around them are opened. Nothing
runs (no canary, no dialog, no element with an event handler or a `javascript:` link, no CSP
violation in the console) and the text is shown literally."""

from __future__ import annotations

import uuid

import pytest

from .meeting_helpers import Panel, in_days, section_id
from .mymus_data import person_ref, wait_loaded
from .support import Simulator, wait_until

CANARY = "window.__canary_hit=1"
PAYLOADS = (
    f'<img src=x onerror="{CANARY}">',
    f"<script>{CANARY}</script>",
    f'"><svg onload="{CANARY}">',
    f"javascript:{CANARY}",
    "\u202egnp.exe\u202c",  # right-to-left override
    "👩\u200d👩\u200d👧 🏳️\u200d🌈",  # emoji joined by zero-width joiners
    "{{7*7}} ${7*7}",
)
HOSTILE = " ".join(PAYLOADS)
LONG = "Ø" * 5000  # a very long text without spaces

# Every element of a page and its attributes: none may carry an event handler, a javascript: URL, or be
# a script written by a person (the page's own scripts have a src, the boot data is JSON).
DOM_CHECK = """() => {
    const found = [];
    for (const element of document.querySelectorAll("*")) {
        for (const attribute of element.attributes) {
            const name = attribute.name.toLowerCase();
            if (name.startsWith("on")) found.push(`${element.tagName} ${name}`);
            if (["href", "src", "action", "formaction", "xlink:href"].includes(name) &&
                attribute.value.trim().toLowerCase().startsWith("javascript:")) {
                found.push(`${element.tagName} ${name}=${attribute.value}`);
            }
        }
        if (element.tagName === "SCRIPT" && !element.src && element.type !== "application/json") {
            found.push("inline script");
        }
        if (element.tagName === "IMG" && element.getAttribute("src") === "x") found.push("img src=x");
    }
    return {found, canary: window.__canary_hit === undefined ? null : String(window.__canary_hit)};
}"""


SHOWN = """() => [document.body.innerText,
    ...[...document.querySelectorAll("textarea, input")].map((field) => field.value)].join(" ")"""


# What each agenda item shows once its content has loaded (seen in Mette's panel).
LOADED_WITH = {
    "work_situation": ("point-mette", "point-jonas"),
    "expectations_goals": ("goal-title",),
    "development": ("action-title",),
    "feedback": ("feedback-mette", "feedback-jonas"),
    "wellbeing": ("wellbeing-mette", "wellbeing-jonas"),
}


# A conversation's title holds at most 200 characters: the script payloads and the right-to-left
# override fit, the rest are in every other field.
TITLE_TAGS = ("agreed-title-", "checkin-title-", "meeting-title-")
HOSTILE_TITLE = " ".join(PAYLOADS[:5])


def hostile(tag: str) -> str:
    """The payloads with a tag naming the field, so each field's text can be found on the page."""
    text = f"{HOSTILE_TITLE if tag.startswith(TITLE_TAGS) else HOSTILE} #{tag}"
    assert not tag.startswith(TITLE_TAGS) or len(text) <= 200
    return text


def _words(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


class Surfaces:
    """Every frame visited, checked for the canary and foreign elements; their texts collected."""

    def __init__(self, page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.texts: dict[str, str] = {}
        page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def check(self, name: str) -> str:
        text = ""
        for frame in self.page.frames:
            if frame.is_detached():  # replaced meanwhile (a panel reloading)
                continue
            result = frame.evaluate(DOM_CHECK)
            assert result == {"found": [], "canary": None}, (name, frame.url, result)
            text += " " + _words(frame.evaluate(SHOWN))  # what is shown, and what stands in the fields
        self.texts[name] = text
        assert self.dialogs == [], (name, self.dialogs)
        return text


def _shown(text: str, tag: str) -> bool:
    return _words(hostile(tag)) in text


@pytest.fixture(scope="module")
def written(live_app):
    """An agreed MUS between Mette and Jonas with a hostile string in every field, check-ins after it,
    and a new MUS bound to a meeting with hostile strings in every field of the meeting."""
    live = live_app
    suffix = uuid.uuid4().hex[:6]
    # --- the agreed conversation ------------------------------------------------------------------
    agreed = live.api(
        "mette",
        "POST",
        "/api/conversations",
        {"kind": "mus", "title": hostile(f"agreed-title-{suffix}"), "employee": person_ref("jonas")},
    )
    cid = agreed["id"]
    agreed = live.api(
        "mette",
        "POST",
        f"/api/conversations/{cid}/transition",
        {"status": "in_meeting", "version": agreed["version"]},
    )
    _fill_meeting(live, agreed, f"agreed-{suffix}")
    live.api(
        "mette",
        "POST",
        f"/api/conversations/{cid}/follow-ups",
        {"title": hostile(f"follow-up-{suffix}"), "due_on": in_days(30)},
    )
    first = live.api("mette", "POST", f"/api/conversations/{cid}/agreement")
    live.api(
        "mette",
        "POST",
        f"/api/conversations/{cid}/agreement/{first['number']}/decision",
        {"decision": "changes_requested", "comment": hostile(f"changes-{suffix}")},
    )
    number = first["number"]
    summaries = live.api("mette", "GET", f"/api/conversations/{cid}/agreement/summaries")["items"]
    for index, entry in enumerate(summaries[:2]):
        number = live.api(
            "mette",
            "PUT",
            f"/api/conversations/{cid}/agreement/summaries/{entry['item_id']}",
            {"version": entry["version"], "base": entry["text"], "text": hostile(f"summary{index}-{suffix}")},
        )["agreement_number"]
    for person in ("jonas", "mette"):
        live.api(
            person,
            "POST",
            f"/api/conversations/{cid}/agreement/{number}/decision",
            {"decision": "approved", "comment": hostile(f"approval-{person}-{suffix}")},
        )
    # (the list also holds the pair's goals of earlier conversations, made by other tests)
    goals = [
        goal
        for goal in live.api("jonas", "GET", f"/api/conversations/{cid}/goals")["items"]
        if goal["conversation_id"] == cid
    ]
    for goal in goals:  # check-ins after the meeting, each with a note
        live.api(
            "jonas",
            "POST",
            f"/api/goals/{goal['id']}/progress",
            {"percent": 30, "note": hostile(f"check-in-{goal['id']}-{suffix}")},
        )
    checkin = live.api(
        "mette",
        "POST",
        "/api/conversations",
        {"kind": "checkin", "title": hostile(f"checkin-title-{suffix}"), "employee": person_ref("jonas")},
    )
    return {"suffix": suffix, "agreed": cid, "checkin": checkin["id"], "goals": goals}


def _fill_meeting(live, conversation: dict, tag: str) -> None:
    """Every text of a meeting written by the parties, each a hostile string."""
    cid = conversation["id"]
    for person in ("mette", "jonas"):
        for kind, value in (("confidentiality", True), ("keep_shared_notes", True), ("recording", False)):
            live.api(person, "PUT", f"/api/conversations/{cid}/consent", {"kind": kind, "value": value})
    live.api("mette", "POST", f"/api/conversations/{cid}/agenda", {"title": hostile(f"agenda-{tag}")})
    work = section_id(conversation, "work_situation")
    for person in ("mette", "jonas"):
        live.api(
            person,
            "POST",
            f"/api/conversations/{cid}/agenda/{work}/talking-points",
            {"text": hostile(f"point-{person}-{tag}")},
        )
        live.api(
            person,
            "POST",
            f"/api/conversations/{cid}/preparation",
            {"prompt_key": None, "text": hostile(f"preparation-{person}-{tag}")},
        )
        live.api(
            person,
            "POST",
            f"/api/conversations/{cid}/wellbeing",
            {"score": 3, "shared": True, "comment": hostile(f"wellbeing-{person}-{tag}")},
        )
    live.api(
        "mette",
        "POST",
        f"/api/conversations/{cid}/feedback",
        {"kind": "recognition", "text": hostile(f"feedback-mette-{tag}")},
    )
    live.api(
        "jonas",
        "POST",
        f"/api/conversations/{cid}/feedback",
        {"kind": "improvement", "text": hostile(f"feedback-jonas-{tag}")},
    )
    item = next(i for i in live.api("jonas", "GET", f"/api/conversations/{cid}")["agenda"] if i["id"] == work)
    live.api(
        "jonas",
        "PATCH",
        f"/api/conversations/{cid}/agenda/{work}",
        {"version": item["version"], "notes": f"{hostile(f'notes-{tag}')}\n{LONG}"},
    )
    goal = live.api(
        "mette",
        "POST",
        f"/api/conversations/{cid}/goals",
        {
            "title": hostile(f"goal-title-{tag}"),
            "specific": hostile(f"goal-specific-{tag}"),
            "measure": hostile(f"goal-measure-{tag}"),
            "achievable": hostile(f"goal-achievable-{tag}"),
            "relevance": hostile(f"goal-relevance-{tag}"),
            "deadline": in_days(120),
            "status": "active",
        },
    )
    live.api(
        "mette",
        "POST",
        f"/api/conversations/{cid}/actions",
        {
            "kind": "course",
            "title": hostile(f"action-title-{tag}"),
            "resources": hostile(f"action-resources-{tag}"),
            "goal_id": goal["id"],
            "due_date": in_days(60),
        },
    )
    live.api(
        "jonas",
        "POST",
        f"/api/goals/{goal['id']}/progress",
        {"percent": 10, "note": hostile(f"progress-{tag}")},
    )


def test_hostile_strings_in_the_meeting_run_nowhere_and_read_literally(
    simulator: Simulator, live_app, console, written
):
    suffix = written["suffix"]
    tag = f"live-{suffix}"
    conversation = live_app.plan_for_meeting(simulator.meeting_id, hostile(f"meeting-title-{suffix}"))
    conversation = live_app.api(
        "mette",
        "POST",
        f"/api/conversations/{conversation['id']}/transition",
        {"status": "in_meeting", "version": conversation["version"]},
    )
    _fill_meeting(live_app, conversation, tag)
    live_app.api(
        "mette",
        "PUT",
        f"/api/conversations/{conversation['id']}/position",
        {"agenda_item_id": section_id(conversation, "work_situation")},
    )
    surfaces = Surfaces(simulator.page)
    simulator.open()
    simulator.wait_initialized("mette", "sidePanel")
    simulator.wait_initialized("jonas", "sidePanel")
    for person in ("mette", "jonas"):
        panel = simulator.frame(person)
        panel.locator("article.conversation").wait_for()
        panel.get_by_text(hostile(f"meeting-title-{suffix}"), exact=True).first.wait_for()
        panel.get_by_text(hostile(f"point-{person}-{tag}"), exact=False).first.wait_for()
    text = surfaces.check("side panels during the meeting")
    # Every agenda item in turn: both panels follow the shared position.
    panels = [Panel(simulator, person) for person in ("mette", "jonas")]
    for item in conversation["agenda"]:
        if not item["section_key"]:
            continue
        live_app.api(
            "mette",
            "PUT",
            f"/api/conversations/{conversation['id']}/position",
            {"agenda_item_id": item["id"]},
        )
        for panel in panels:
            panel.wait_open(item["section_key"])
        for part in LOADED_WITH.get(item["section_key"], ()):  # the item's content has come
            panels[0].frame.get_by_text(hostile(f"{part}-{tag}")).first.wait_for()
        text += " " + surfaces.check(f"side panels on {item['section_key']}")
    for panel in panels:  # each one's private preparation, folded away during the meeting
        panel.frame.get_by_test_id("preparation-during").locator(".disclosure-button").click()
        panel.frame.get_by_text(hostile(f"preparation-{panel.participant}-{tag}")).first.wait_for()
    text += " " + surfaces.check("side panels with the preparation")
    expected = [
        f"meeting-title-{suffix}",
        f"agenda-{tag}",
        f"point-mette-{tag}",
        f"point-jonas-{tag}",
        f"notes-{tag}",
        f"goal-title-{tag}",
        f"goal-specific-{tag}",
        f"goal-measure-{tag}",
        f"action-title-{tag}",
        f"action-resources-{tag}",
        f"feedback-mette-{tag}",
        f"feedback-jonas-{tag}",
        f"wellbeing-mette-{tag}",
        f"wellbeing-jonas-{tag}",
        f"preparation-mette-{tag}",
        f"preparation-jonas-{tag}",
        # the pair's previous (agreed) conversation, shown during the meeting
        f"goal-title-agreed-{suffix}",
    ]
    missing = [part for part in expected if not _shown(text, part)]
    assert missing == [], missing
    assert LONG[:200] in text.replace(" ", "")  # the long text is there too

    # The stage, shared from Mette's panel.
    since = simulator.log_size()
    simulator.frame("mette").get_by_role("button", name="Del på mødets scene").click()
    simulator.stage().wait_for()
    simulator.wait_initialized("mette", "meetingStage", since=since)
    stage = simulator.frame("mette", "meetingStage")
    stage.get_by_text(hostile(f"meeting-title-{suffix}"), exact=True).first.wait_for()
    assert _shown(surfaces.check("stage"), f"meeting-title-{suffix}")
    console.assert_clean(simulator.page)


def test_hostile_strings_in_the_agreement_and_check_ins_run_nowhere_and_read_literally(
    simulator: Simulator, live_app, console, written
):
    suffix, cid = written["suffix"], written["agreed"]
    tag = f"agreed-{suffix}"
    surfaces = Surfaces(simulator.page)
    simulator.open(locale="da")
    wait_loaded(simulator, "jonas", "sidePanel")
    since = simulator.log_size()
    simulator.open_view("jonas", "personal")
    wait_loaded(simulator, "jonas", "content", since)
    tab = simulator.frame("jonas", "content")
    card = tab.locator(f'[data-conversation-id="{cid}"]')
    card.get_by_test_id("goals").wait_for()
    content = card.get_by_test_id("agreement-content")
    content.locator("summary").click()
    content.get_by_test_id("agreed-version").wait_for()
    # the check-ins' notes come with the goals' progress, one request after the card: wait for this one
    check_in = f"check-in-{written['goals'][0]['id']}-{suffix}"
    wait_until(simulator.page, lambda: _shown(_words(card.inner_text()), check_in), what="the check-in note")
    text = surfaces.check("personal tab with the locked agreement")
    expected = [
        f"agreed-title-{suffix}",
        f"goal-title-{tag}",
        f"goal-specific-{tag}",
        f"goal-measure-{tag}",
        f"goal-achievable-{tag}",
        f"goal-relevance-{tag}",
        f"action-title-{tag}",
        f"action-resources-{tag}",
        f"summary0-{suffix}",
        f"summary1-{suffix}",
        f"approval-jonas-{suffix}",
        f"approval-mette-{suffix}",
        f"progress-{tag}",
        f"agenda-{tag}",
        f"follow-up-{suffix}",
        f"point-jonas-{tag}",
        check_in,
    ]
    missing = [part for part in expected if not _shown(text, part)]
    locked = live_app.api("jonas", "GET", f"/api/conversations/{cid}/agreement")["items"][0]
    assert missing == [], (
        missing,
        [(i["section_key"], i["summary"][150:260]) for i in locked["snapshot"]["agenda"]],
    )
    console.assert_clean(simulator.page)


def test_hostile_strings_in_a_plain_browser_run_nowhere(page, live_app, console, written):
    suffix = written["suffix"]
    surfaces = Surfaces(page)
    page.goto(f"{live_app.url}/tab/personal")
    page.get_by_test_id("person-picker").locator('[data-person="jonas"]').click()
    page.get_by_test_id("conversation-list").wait_for()
    page.get_by_text(hostile(f"checkin-title-{suffix}"), exact=True).first.wait_for()
    text = surfaces.check("personal tab in a plain browser")
    assert _shown(text, f"agreed-title-{suffix}")
    assert _shown(text, f"checkin-title-{suffix}")
    page.get_by_role("link", name=hostile(f"agreed-title-{suffix}")).first.click()
    page.get_by_role("heading", name=hostile(f"agreed-title-{suffix}")).first.wait_for()
    assert _shown(surfaces.check("the conversation in a plain browser"), f"agreed-title-{suffix}")
    console.assert_clean(page)
