"""Agenda templates. The built-in ones cover the seven core elements of a MUS and a short check-in.

Titles are kept per language; an organisation's own template may give only one language, and
`title_for` falls back to whichever it has."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .lifecycle import ConversationKind


class Tool(StrEnum):
    """The working tool an agenda item offers besides notes and talking points."""

    GOALS = "goals"
    DEVELOPMENT = "development"
    FEEDBACK = "feedback"
    WELLBEING = "wellbeing"
    GOAL_PROGRESS = "goal_progress"
    AGREEMENT = "agreement"


@dataclass(frozen=True)
class AgendaSection:
    key: str
    title: dict[str, str]
    tools: tuple[Tool, ...] = ()


@dataclass(frozen=True)
class Template:
    key: str
    kind: ConversationKind
    name: dict[str, str]
    sections: tuple[AgendaSection, ...] = field(default_factory=tuple)
    builtin: bool = True
    retired: bool = False  # an organisation's template no longer offered for new conversations
    version: int = 0  # an organisation's template: its edit version (built-in ones never change)


def title_for(title: dict[str, str], locale: str) -> str:
    lang = (locale or "da")[:2].lower()
    return title.get(lang) or title.get("da") or title.get("en") or next(iter(title.values()), "")


MUS_DEFAULT = Template(
    key="mus-default",
    kind=ConversationKind.MUS,
    name={"da": "MUS (standard)", "en": "MUS (standard)"},
    sections=(
        AgendaSection(
            "work_situation",
            {"da": "Din arbejdssituation i dag", "en": "Your work situation today"},
        ),
        AgendaSection(
            "expectations_goals",
            {"da": "Forventninger og mål", "en": "Expectations and goals"},
            (Tool.GOALS,),
        ),
        AgendaSection(
            "development",
            {"da": "Personlig og faglig udvikling", "en": "Personal and professional development"},
            (Tool.DEVELOPMENT,),
        ),
        AgendaSection(
            "feedback",
            {"da": "Feedback og anerkendelse", "en": "Feedback and recognition"},
            (Tool.FEEDBACK,),
        ),
        AgendaSection(
            "challenges",
            {"da": "Udfordringer og muligheder", "en": "Challenges and opportunities"},
        ),
        AgendaSection(
            "wellbeing",
            {"da": "Trivsel og balance", "en": "Wellbeing and work-life balance"},
            (Tool.WELLBEING,),
        ),
        AgendaSection(
            "agreements",
            {"da": "Aftaler og opfølgning", "en": "Agreements and follow-up"},
            (Tool.AGREEMENT,),
        ),
    ),
)

CHECKIN_DEFAULT = Template(
    key="checkin-default",
    kind=ConversationKind.CHECKIN,
    name={"da": "Opfølgning (kort)", "en": "Check-in (short)"},
    sections=(
        AgendaSection(
            "goal_progress",
            {"da": "Fremdrift på målene", "en": "Progress on goals"},
            (Tool.GOAL_PROGRESS,),
        ),
        AgendaSection("blockers", {"da": "Forhindringer", "en": "Blockers"}),
        AgendaSection("wellbeing", {"da": "Trivsel", "en": "Wellbeing"}, (Tool.WELLBEING,)),
        AgendaSection("next_steps", {"da": "Næste skridt", "en": "Next steps"}, (Tool.GOALS,)),
    ),
)

BUILTIN: dict[str, Template] = {t.key: t for t in (MUS_DEFAULT, CHECKIN_DEFAULT)}


def default_for(kind: ConversationKind) -> Template:
    return MUS_DEFAULT if kind is ConversationKind.MUS else CHECKIN_DEFAULT
