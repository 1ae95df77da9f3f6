"""The conversation lifecycle and the agenda templates (pure domain, no app)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugin.domain.errors import Conflict
from plugin.domain.lifecycle import (
    REQUESTABLE,
    ConversationKind,
    Status,
    can_transition,
    check_transition,
)
from plugin.domain.templates import (
    BUILTIN,
    CHECKIN_DEFAULT,
    MUS_DEFAULT,
    Tool,
    default_for,
    title_for,
)

P, PR, M, R, A = (
    Status.PLANNED,
    Status.PREPARING,
    Status.IN_MEETING,
    Status.REVIEWING,
    Status.AGREED,
)

# The rules, written out independently of the module: (source, target) pairs. Agreed is entered
# when both approve a version and left (back to reviewing) when a changed version is drafted; a
# participant asks only for the other moves.
REQUESTED_ALLOWED = {(P, PR), (P, M), (PR, M), (M, R), (R, M)}
ONLY_BY_AGREEMENT = {(R, A), (A, R)}
ALL_ALLOWED = REQUESTED_ALLOWED | ONLY_BY_AGREEMENT
ALL_PAIRS = list(itertools.product(Status, Status))
REQUEST_PAIRS = [pytest.param(s, t, id=f"{s}->{t}") for s, t in ALL_PAIRS]


def test_there_are_exactly_five_statuses():
    assert [s.value for s in Status] == ["planned", "preparing", "in_meeting", "reviewing", "agreed"]


@pytest.mark.parametrize("source,target", REQUEST_PAIRS)
def test_every_pair_by_request(source, target):
    if (source, target) in REQUESTED_ALLOWED:
        check_transition(source, target)  # does not raise
        check_transition(source, target, requested=True)
        assert target in REQUESTABLE[source]
    else:
        with pytest.raises(Conflict) as caught:
            check_transition(source, target, requested=True)
        err = caught.value
        assert err.status == 409
        assert err.code == "invalid_transition"
        assert err.field == "status"
        assert err.params == {"source": source.value, "target": target.value}


@pytest.mark.parametrize("source,target", ALL_PAIRS, ids=[f"{s}->{t}" for s, t in ALL_PAIRS])
def test_every_pair_by_the_agreement(source, target):
    assert can_transition(source, target) is ((source, target) in ALL_ALLOWED)
    if (source, target) in ALL_ALLOWED:
        check_transition(source, target, requested=False)
    else:
        with pytest.raises(Conflict) as caught:
            check_transition(source, target, requested=False)
        assert caught.value.code == "invalid_transition"


def test_agreed_is_reached_only_without_a_request():
    for source in Status:
        with pytest.raises(Conflict):
            check_transition(source, A, requested=True)
    assert [s for s in Status if can_transition(s, A)] == [R]
    check_transition(R, A, requested=False)


def test_no_status_leads_to_itself():
    for status in Status:
        assert not can_transition(status, status)


@settings(database=None, max_examples=300)
@given(st.lists(st.tuples(st.sampled_from(list(Status)), st.booleans()), max_size=40))
def test_random_walks_only_reach_allowed_states(steps):
    status = P
    visited = [status]
    for target, requested in steps:
        try:
            check_transition(status, target, requested=requested)
        except Conflict:
            allowed = REQUESTED_ALLOWED if requested else ALL_ALLOWED
            assert (status, target) not in allowed
            continue
        allowed = REQUESTED_ALLOWED if requested else ALL_ALLOWED
        assert (status, target) in allowed
        status = target
        visited.append(status)
    # Every step was an allowed edge, and agreed is entered only from reviewing.
    for before, after in itertools.pairwise(visited):
        assert (before, after) in ALL_ALLOWED
        if after is A:
            assert before is R


@settings(database=None, max_examples=200)
@given(st.lists(st.sampled_from(list(Status)), max_size=40))
def test_requests_alone_never_agree(targets):
    status = P
    for target in targets:
        try:
            check_transition(status, target, requested=True)
        except Conflict:
            continue
        status = target
        assert status is not A


# --- templates ------------------------------------------------------------------------------------

MUS_SECTIONS = [
    ("work_situation", "Din arbejdssituation i dag", "Your work situation today"),
    ("expectations_goals", "Forventninger og mål", "Expectations and goals"),
    ("development", "Personlig og faglig udvikling", "Personal and professional development"),
    ("feedback", "Feedback og anerkendelse", "Feedback and recognition"),
    ("challenges", "Udfordringer og muligheder", "Challenges and opportunities"),
    ("wellbeing", "Trivsel og balance", "Wellbeing and work-life balance"),
    ("agreements", "Aftaler og opfølgning", "Agreements and follow-up"),
]


def test_mus_template_has_the_seven_core_elements_in_order():
    assert MUS_DEFAULT.kind is ConversationKind.MUS
    assert [(s.key, s.title["da"], s.title["en"]) for s in MUS_DEFAULT.sections] == MUS_SECTIONS
    assert all(set(s.title) == {"da", "en"} for s in MUS_DEFAULT.sections)


def test_mus_template_offers_its_tools_where_they_belong():
    tools = {s.key: s.tools for s in MUS_DEFAULT.sections}
    assert tools["expectations_goals"] == (Tool.GOALS,)
    assert tools["development"] == (Tool.DEVELOPMENT,)
    assert tools["feedback"] == (Tool.FEEDBACK,)
    assert tools["wellbeing"] == (Tool.WELLBEING,)
    assert tools["agreements"] == (Tool.AGREEMENT,)
    assert tools["work_situation"] == tools["challenges"] == ()


def test_checkin_template_and_defaults():
    assert CHECKIN_DEFAULT.kind is ConversationKind.CHECKIN
    assert [s.key for s in CHECKIN_DEFAULT.sections] == [
        "goal_progress",
        "blockers",
        "wellbeing",
        "next_steps",
    ]
    assert all(s.title.get("da") and s.title.get("en") for s in CHECKIN_DEFAULT.sections)
    assert default_for(ConversationKind.MUS) is MUS_DEFAULT
    assert default_for(ConversationKind.CHECKIN) is CHECKIN_DEFAULT
    assert BUILTIN == {"mus-default": MUS_DEFAULT, "checkin-default": CHECKIN_DEFAULT}
    assert all(t.builtin for t in BUILTIN.values())


@pytest.mark.parametrize(
    "title,locale,expected",
    [
        ({"da": "Trivsel", "en": "Wellbeing"}, "da-dk", "Trivsel"),
        ({"da": "Trivsel", "en": "Wellbeing"}, "en-gb", "Wellbeing"),
        ({"da": "Trivsel", "en": "Wellbeing"}, "EN-US", "Wellbeing"),
        ({"da": "Trivsel", "en": "Wellbeing"}, "fr-fr", "Trivsel"),  # unknown language: Danish
        ({"da": "Trivsel", "en": "Wellbeing"}, "", "Trivsel"),
        ({"en": "Wellbeing"}, "da-dk", "Wellbeing"),  # only English given
        ({"da": "Trivsel"}, "en-gb", "Trivsel"),  # only Danish given
        ({"de": "Wohlbefinden"}, "da-dk", "Wohlbefinden"),  # whatever there is
        ({"da": "", "en": "Wellbeing"}, "da-dk", "Wellbeing"),  # an empty text is no text
        ({}, "da-dk", ""),
    ],
)
def test_title_for_falls_back(title, locale, expected):
    assert title_for(title, locale) == expected
