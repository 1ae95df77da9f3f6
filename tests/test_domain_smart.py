"""The SMART check of a goal (pure domain, no app), and the small rules of goals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugin.domain.errors import InvalidInput
from plugin.domain.goals import FeedbackDirection, check_progress, check_pulse, feedback_direction_for
from plugin.domain.smart import CRITERIA, Finding, Verdict, check_goal, is_smart

TODAY = date(2026, 3, 15)
GOOD = {
    "specific": "Kunne bygge og vedligeholde teamets dashboards i Power BI selv",
    "measure": "Mindst 3 dashboards er i drift inden deadline",
    "achievable": "Kursus på to dage plus en time om ugen med en mentor",
    "relevance": "Teamet mangler rapportering og det styrker min karriere",
    "deadline": TODAY + timedelta(days=180),
}


def check(**changes) -> dict[str, Finding]:
    findings = check_goal(**{**GOOD, **changes}, today=TODAY)
    assert [f.criterion for f in findings] == list(CRITERIA)
    return {f.criterion: f for f in findings}


def test_a_good_goal_is_smart():
    findings = check()
    assert {c: (f.verdict, f.reason) for c, f in findings.items()} == {
        "specific": (Verdict.OK, "smart.specific.ok"),
        "measurable": (Verdict.OK, "smart.measurable.ok"),
        "achievable": (Verdict.OK, "smart.achievable.ok"),
        "relevant": (Verdict.OK, "smart.relevant.ok"),
        "time_bound": (Verdict.OK, "smart.time_bound.ok"),
    }
    assert is_smart(list(findings.values()))


FIELD_OF = {
    "specific": "specific",
    "measurable": "measure",
    "achievable": "achievable",
    "relevant": "relevance",
}


@pytest.mark.parametrize("criterion", list(FIELD_OF))
@pytest.mark.parametrize("empty", [None, "", "   ", "\n\t "])
def test_empty_text_is_missing(criterion, empty):
    finding = check(**{FIELD_OF[criterion]: empty})[criterion]
    assert finding.verdict is Verdict.MISSING
    assert finding.reason == f"smart.{criterion}.missing"


@pytest.mark.parametrize(
    "criterion,short",
    [
        ("specific", "Lære Power BI"),  # 3 words, fewer than 5
        ("specific", "Lære Power BI grundigt"),  # 4 words
        ("measurable", "3 dashboards"),  # 2 words, fewer than 3 (a number, so not no_measure)
        ("achievable", "Kursus betalt"),
        ("relevant", "Teamets behov"),
    ],
)
def test_too_short_text_is_weak(criterion, short):
    finding = check(**{FIELD_OF[criterion]: short})[criterion]
    assert finding.verdict is Verdict.WEAK
    assert finding.reason == f"smart.{criterion}.too_short"


@pytest.mark.parametrize("criterion", ["achievable", "relevant"])
def test_three_words_are_enough_for_achievable_and_relevant(criterion):
    assert check(**{FIELD_OF[criterion]: "Tid er afsat"})[criterion].verdict is Verdict.OK


def test_five_words_are_enough_for_specific():
    assert check(specific="Lære Power BI rigtig grundigt")["specific"].verdict is Verdict.OK


@pytest.mark.parametrize(
    "vague",
    [
        "Blive bedre til at kommunikere",
        "Bedre til kundemøder end i dag",
        "Be better at writing reports",
        "More focus on the customers now",
        "Være mere synlig i afdelingen",
    ],
)
def test_vague_wish_is_weak(vague):
    finding = check(specific=vague)["specific"]
    assert (finding.verdict, finding.reason) == (Verdict.WEAK, "smart.specific.vague")


def test_vague_opening_with_enough_detail_is_specific():
    text = "Blive bedre til at præsentere kvartalstal for ledelsen på fem minutter"
    assert check(specific=text)["specific"].verdict is Verdict.OK


@pytest.mark.parametrize(
    "measure",
    [
        "Når jeg føler mig klar",
        "Det kan ses i teamet",
        "Feedback fra kollegerne bliver positiv",
    ],
)
def test_measure_without_anything_countable_is_weak(measure):
    finding = check(measure=measure)["measurable"]
    assert (finding.verdict, finding.reason) == (Verdict.WEAK, "smart.measurable.no_measure")


@pytest.mark.parametrize(
    "measure",
    [
        "Tre dashboards i drift 2026",
        "NPS over 40 i kvartalet",
        "Certificering som Azure Administrator bestået",
        "Passed the AZ-104 exam",
        "Ugentlig status med teamet holdt",
        "At least five customer visits",
        "Kurset er gennemført med eksamen",
        "Rapporten er leveret til ledelsen",
    ],
)
def test_measure_with_a_number_result_or_frequency_is_ok(measure):
    finding = check(measure=measure)["measurable"]
    assert (finding.verdict, finding.reason) == (Verdict.OK, "smart.measurable.ok")


def test_deadline_missing():
    finding = check(deadline=None)["time_bound"]
    assert (finding.verdict, finding.reason) == (Verdict.MISSING, "smart.time_bound.missing")


@pytest.mark.parametrize("days", [0, -1, -400])
def test_deadline_today_or_past_is_weak(days):
    finding = check(deadline=TODAY + timedelta(days=days))["time_bound"]
    assert (finding.verdict, finding.reason) == (Verdict.WEAK, "smart.time_bound.past")


@pytest.mark.parametrize("days", [1, 90, 3 * 366])
def test_deadline_within_three_years_is_ok(days):
    finding = check(deadline=TODAY + timedelta(days=days))["time_bound"]
    assert (finding.verdict, finding.reason) == (Verdict.OK, "smart.time_bound.ok")


@pytest.mark.parametrize("days", [3 * 366 + 1, 3650])
def test_deadline_too_far_is_weak(days):
    finding = check(deadline=TODAY + timedelta(days=days))["time_bound"]
    assert (finding.verdict, finding.reason) == (Verdict.WEAK, "smart.time_bound.too_far")


@pytest.mark.parametrize(
    "changes",
    [
        {"specific": None},
        {"measure": "Når jeg føler mig klar"},
        {"achievable": "Ja"},
        {"relevance": ""},
        {"deadline": TODAY},
    ],
)
def test_one_weak_or_missing_criterion_is_not_smart(changes):
    findings = check_goal(**{**GOOD, **changes}, today=TODAY)
    assert not is_smart(findings)
    assert sum(f.verdict is not Verdict.OK for f in findings) == 1


def test_an_empty_goal_is_missing_everything():
    findings = check_goal(
        specific=None, measure=None, achievable=None, relevance=None, deadline=None, today=TODAY
    )
    assert [f.verdict for f in findings] == [Verdict.MISSING] * 5
    assert not is_smart(findings)


texts = st.one_of(st.none(), st.text(), st.text(alphabet=" \t\n\r\u00a0\u2003\u3000"))


@settings(database=None, max_examples=300)
@given(
    specific=texts,
    measure=texts,
    achievable=texts,
    relevance=texts,
    deadline=st.one_of(st.none(), st.dates()),
    today=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
)
def test_never_crashes_and_missing_iff_blank(specific, measure, achievable, relevance, deadline, today):
    findings = check_goal(
        specific=specific,
        measure=measure,
        achievable=achievable,
        relevance=relevance,
        deadline=deadline,
        today=today,
    )
    assert [f.criterion for f in findings] == list(CRITERIA)
    by = {f.criterion: f for f in findings}
    for criterion, text in (
        ("specific", specific),
        ("measurable", measure),
        ("achievable", achievable),
        ("relevant", relevance),
    ):
        blank = not (text or "").strip()
        assert (by[criterion].verdict is Verdict.MISSING) is blank
        assert by[criterion].reason.startswith(f"smart.{criterion}.")
    assert (by["time_bound"].verdict is Verdict.MISSING) is (deadline is None)
    assert is_smart(findings) is all(f.verdict is Verdict.OK for f in findings)


# --- goals ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("percent", [0, 50, 100])
def test_progress_in_range(percent):
    check_progress(percent)


@pytest.mark.parametrize("percent", [-1, 101])
def test_progress_out_of_range(percent):
    with pytest.raises(InvalidInput) as caught:
        check_progress(percent)
    assert (caught.value.code, caught.value.field) == ("progress_out_of_range", "percent")


@pytest.mark.parametrize("score", [1, 5])
def test_pulse_in_range(score):
    check_pulse(score)


@pytest.mark.parametrize("score", [0, 6])
def test_pulse_out_of_range(score):
    with pytest.raises(InvalidInput) as caught:
        check_pulse(score)
    assert (caught.value.code, caught.value.field) == ("pulse_out_of_range", "score")


def test_feedback_direction():
    assert feedback_direction_for(True) is FeedbackDirection.TO_EMPLOYEE
    assert feedback_direction_for(False) is FeedbackDirection.TO_MANAGER
