"""The SMART check of a goal: per criterion ok / weak / missing, with a reason code that the
message catalogue turns into Danish or English text (`smart.<criterion>.<reason>`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Verdict(StrEnum):
    OK = "ok"
    WEAK = "weak"
    MISSING = "missing"


@dataclass(frozen=True)
class Finding:
    criterion: str
    verdict: Verdict
    reason: str  # a catalogue key, e.g. "smart.measure.no_measure"


CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")

# Words that make a measure concrete even without a number: a count, a result that is either
# reached or not (passed, certified, delivered, launched), or a recurring frequency.
_MEASURE_WORDS = re.compile(
    r"\d|%|procent|percent|antal|number|gang|times|bestå|passed?|certific|certifi|gennemfør|"
    r"complet|afslut|finish|levere|deliver|lancer|launch|godkend|approv|ugentlig|weekly|månedlig|"
    r"monthly|hver|every|mindst|at least|max|min\b|kpi|score|nps",
    re.IGNORECASE,
)
# Words that on their own describe a wish, not a goal.
_VAGUE = re.compile(
    r"^\s*(blive |become |get |være |be )?(bedre|better|mere|more|god|good|dygtig|great)\b",
    re.IGNORECASE,
)
_MAX_HORIZON = timedelta(days=3 * 366)


def _words(text: str | None) -> int:
    return len((text or "").split())


def _text_finding(criterion: str, text: str | None, min_words: int) -> Finding:
    if not (text or "").strip():
        return Finding(criterion, Verdict.MISSING, f"smart.{criterion}.missing")
    if _words(text) < min_words:
        return Finding(criterion, Verdict.WEAK, f"smart.{criterion}.too_short")
    return Finding(criterion, Verdict.OK, f"smart.{criterion}.ok")


def check_goal(
    *,
    specific: str | None,
    measure: str | None,
    achievable: str | None,
    relevance: str | None,
    deadline: date | None,
    today: date,
) -> list[Finding]:
    findings = [_text_finding("specific", specific, 5)]
    if findings[0].verdict is Verdict.OK and _VAGUE.match(specific or "") and _words(specific) < 8:
        findings[0] = Finding("specific", Verdict.WEAK, "smart.specific.vague")

    measurable = _text_finding("measurable", measure, 3)
    if measurable.verdict is not Verdict.MISSING and not _MEASURE_WORDS.search(measure or ""):
        measurable = Finding("measurable", Verdict.WEAK, "smart.measurable.no_measure")
    findings.append(measurable)

    findings.append(_text_finding("achievable", achievable, 3))
    findings.append(_text_finding("relevant", relevance, 3))

    if deadline is None:
        findings.append(Finding("time_bound", Verdict.MISSING, "smart.time_bound.missing"))
    elif deadline <= today:
        findings.append(Finding("time_bound", Verdict.WEAK, "smart.time_bound.past"))
    elif deadline - today > _MAX_HORIZON:
        findings.append(Finding("time_bound", Verdict.WEAK, "smart.time_bound.too_far"))
    else:
        findings.append(Finding("time_bound", Verdict.OK, "smart.time_bound.ok"))
    return findings


def is_smart(findings: list[Finding]) -> bool:
    return all(f.verdict is Verdict.OK for f in findings)
