"""The personal data export as a readable PDF, in the reader's language.

Rendered with ReportLab's platypus (a maintained library; flowing paragraphs, page breaks, tables)
from the same dictionary as the JSON export. The text is set in DejaVu Sans, bundled under
`plugin/static/fonts` with its licence, so every Latin letter (æ ø å, and the names of colleagues
from anywhere) is embedded and extractable. Dates are formatted by Babel for the language."""

from __future__ import annotations

import io
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer

from ..i18n import catalogue, format_date, format_datetime, translate
from .preparation import prompt_message_key

FONT_DIR = Path(__file__).resolve().parent.parent / "static" / "fonts"
FONT = "MusDejaVuSans"
FONT_BOLD = "MusDejaVuSans-Bold"


@cache
def _fonts() -> None:
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


@cache
def _styles() -> dict[str, ParagraphStyle]:
    _fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, spaceAfter=3)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor="#444444"),
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=24, leading=30, spaceAfter=12
        ),
        "h1": ParagraphStyle("h1", parent=body, fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=6),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=FONT_BOLD, fontSize=12.5, leading=16, spaceBefore=8, spaceAfter=4
        ),
        "h3": ParagraphStyle("h3", parent=body, fontName=FONT_BOLD, fontSize=10.5, leading=14, spaceBefore=4),
        "quote": ParagraphStyle("quote", parent=body, leftIndent=6 * mm),
    }


def _text(value: Any) -> str:
    """Plain text made safe for a platypus paragraph (which reads a little markup)."""
    return escape(str(value or "")).replace("\n", "<br/>")


class _Writer:
    def __init__(self, language: str) -> None:
        self.language = language
        self.styles = _styles()
        self.flow: list[Any] = []

    def t(self, key: str, **params: Any) -> str:
        return translate(key, self.language, **params)

    def label(self, key: str, fallback: str) -> str:
        """A catalogue label for a stored code, or the code itself when there is none."""
        return self.t(key) if key in catalogue(self.language) else fallback

    def when(self, value: str | None, *, with_time: bool = True) -> str:
        if not value:
            return "\u2013"
        parsed = datetime.fromisoformat(value)
        if with_time and "T" in value:
            return format_datetime(parsed, self.language, "medium")
        return format_date(parsed.date() if isinstance(parsed, datetime) else parsed, self.language, "long")

    def day(self, value: str | None) -> str:
        return format_date(date.fromisoformat(value[:10]), self.language, "long") if value else "\u2013"

    def para(self, text: str, style: str = "body") -> None:
        self.flow.append(Paragraph(text, self.styles[style]))

    def field(self, key: str, value: Any) -> None:
        if value in (None, ""):
            return
        self.para(f"<b>{_text(self.t(key))}:</b> {_text(value)}")

    def heading(self, key: str, style: str = "h2") -> None:
        self.para(_text(self.t(key)), style)


def _title_page(w: _Writer, export: dict[str, Any]) -> None:
    person = export["person"]
    w.flow.append(Spacer(1, 40 * mm))
    w.para(_text(w.t("mydata.pdf.title")), "title")
    w.para(_text(person["display_name"]), "h1")
    w.field("mydata.pdf.email", person["email"])
    w.field("mydata.pdf.exported_at", w.when(export["exported_at"]))
    w.field("mydata.pdf.conversation_count", str(len(export["conversations"])))
    w.flow.append(Spacer(1, 8 * mm))
    w.para(_text(w.t("mydata.pdf.intro")))
    w.para(_text(w.t("mydata.pdf.private_note")), "small")
    w.flow.append(PageBreak())


def _agenda(w: _Writer, conversation: dict[str, Any]) -> None:
    if not conversation["agenda"]:
        return
    w.heading("mydata.pdf.agenda")
    for item in conversation["agenda"]:
        title = item["title"].get(w.language) or next(iter(item["title"].values()), "")
        block = [Paragraph(_text(title), w.styles["h3"])]
        if item["shared_notes"]:
            block.append(Paragraph(f"<b>{_text(w.t('mydata.pdf.shared_notes'))}:</b>", w.styles["body"]))
            block.append(Paragraph(_text(item["shared_notes"]), w.styles["quote"]))
        for point in item["talking_points"]:
            block.append(Paragraph(f"• {_text(point['text'])} ({_text(point['author'])})", w.styles["quote"]))
        if item["summary"]:
            block.append(Paragraph(f"<b>{_text(w.t('mydata.pdf.summary'))}:</b>", w.styles["body"]))
            block.append(Paragraph(_text(item["summary"]), w.styles["quote"]))
        w.flow.append(KeepTogether(block))


def _goals(w: _Writer, conversation: dict[str, Any]) -> None:
    if not conversation["goals"]:
        return
    w.heading("mydata.pdf.goals")
    for goal in conversation["goals"]:
        w.para(_text(goal["title"]), "h3")
        w.field("field.status", w.label(f"ui.meeting.goal.status.{goal['status']}", goal["status"]))
        w.field("mydata.pdf.goal.specific", goal["specific"])
        w.field("mydata.pdf.goal.measure", goal["measure"])
        w.field("mydata.pdf.goal.achievable", goal["achievable"])
        w.field("mydata.pdf.goal.relevance", goal["relevance"])
        w.field("mydata.pdf.goal.deadline", w.day(goal["deadline"]) if goal["deadline"] else None)
        for progress in goal["progress"]:
            line = w.t(
                "mydata.pdf.progress",
                percent=progress["percent"],
                author=progress["author"] or "",
                date=w.when(progress["created_at"]),
            )
            w.para(_text(line) + (f": {_text(progress['note'])}" if progress["note"] else ""), "quote")


def _actions(w: _Writer, conversation: dict[str, Any]) -> None:
    if not conversation["development_actions"]:
        return
    w.heading("mydata.pdf.actions")
    for action in conversation["development_actions"]:
        kind = w.label(f"ui.meeting.action.kind.{action['kind']}", action["kind"])
        status = w.label(f"ui.meeting.action.status.{action['status']}", action["status"])
        w.para(f"<b>{_text(action['title'])}</b> ({_text(kind)}, {_text(status)})")
        w.field("mydata.pdf.action.owner", action["owner"])
        w.field("mydata.pdf.action.resources", action["resources"])
        w.field("mydata.pdf.action.due", w.day(action["due_date"]) if action["due_date"] else None)


def _feedback(w: _Writer, conversation: dict[str, Any]) -> None:
    if not conversation["feedback"]:
        return
    w.heading("mydata.pdf.feedback")
    for entry in conversation["feedback"]:
        kind = w.label(f"ui.meeting.feedback.kind.{entry['kind']}", entry["kind"])
        key = "mydata.pdf.feedback.given" if entry["given_by_me"] else "mydata.pdf.feedback.received"
        w.para(f"<b>{_text(w.t(key, author=entry['author'] or '', kind=kind))}</b>")
        w.para(_text(entry["text"]), "quote")


def _wellbeing(w: _Writer, conversation: dict[str, Any]) -> None:
    if not conversation["wellbeing"]:
        return
    w.heading("mydata.pdf.wellbeing")
    for pulse in conversation["wellbeing"]:
        key = "mydata.pdf.wellbeing.mine" if pulse["mine"] else "mydata.pdf.wellbeing.shared_by"
        shared = w.t("mydata.pdf.wellbeing.shared" if pulse["shared"] else "mydata.pdf.wellbeing.private")
        w.para(_text(w.t(key, score=pulse["score"], author=pulse["author"] or "", shared=shared)))
        if pulse["comment"]:
            w.para(_text(pulse["comment"]), "quote")


def _preparation(w: _Writer, conversation: dict[str, Any]) -> None:
    if not conversation["my_preparation"]:
        return
    w.heading("mydata.pdf.preparation")
    for item in conversation["my_preparation"]:
        if item["prompt_key"]:
            w.para(_text(w.label(prompt_message_key(item["prompt_key"]), item["prompt_key"])), "h3")
        w.para(_text(item["text"]), "quote")


def _agreement(w: _Writer, conversation: dict[str, Any]) -> None:
    if not conversation["agreement_versions"] and not conversation["follow_ups"]:
        return
    w.heading("mydata.pdf.agreement")
    for version in conversation["agreement_versions"]:
        key = "mydata.pdf.version.locked" if version["locked_at"] else "mydata.pdf.version.draft"
        w.para(
            _text(
                w.t(key, number=version["number"], date=w.when(version["locked_at"] or version["created_at"]))
            ),
            "h3",
        )
        for approval in version["approvals"]:
            decision = w.label(f"ui.meeting.agreement.decision.{approval['decision']}", approval["decision"])
            line = w.t(
                "mydata.pdf.approval",
                person=approval["person"] or "",
                decision=decision,
                date=w.when(approval["decided_at"]),
            )
            w.para(_text(line) + (f": {_text(approval['comment'])}" if approval["comment"] else ""), "quote")
    if conversation["follow_ups"]:
        w.para(_text(w.t("mydata.pdf.follow_ups")), "h3")
        for follow_up in conversation["follow_ups"]:
            w.para(f"• {_text(follow_up['title'])} ({_text(w.day(follow_up['due_on']))})", "quote")


def _consents(w: _Writer, conversation: dict[str, Any]) -> None:
    if not conversation["my_consents"]:
        return
    w.heading("mydata.pdf.consents")
    for consent in conversation["my_consents"]:
        kind = w.label(f"mydata.pdf.consent.{consent['kind']}", consent["kind"])
        answer = w.t("mydata.pdf.yes" if consent["value"] else "mydata.pdf.no")
        w.para(f"{_text(kind)}: <b>{_text(answer)}</b> ({_text(w.when(consent['recorded_at']))})")


def _conversation(w: _Writer, conversation: dict[str, Any]) -> None:
    kind = w.label(f"ui.kind.{conversation['kind']}", conversation["kind"])
    title = conversation["title"] or kind
    w.para(_text(title), "h1")
    w.field("mydata.pdf.kind", kind)
    w.field("mydata.pdf.when", w.when(conversation["scheduled_at"]) if conversation["scheduled_at"] else None)
    w.field("field.status", w.label(f"ui.status.{conversation['status']}", conversation["status"]))
    w.field("mydata.pdf.my_role", w.label(f"ui.role.{conversation['my_role']}", conversation["my_role"]))
    w.field("ui.role.employee", conversation["employee"])
    w.field("ui.role.manager", conversation["manager"])
    for section in (_agenda, _goals, _actions, _feedback, _wellbeing, _preparation, _agreement, _consents):
        section(w, conversation)
    w.flow.append(PageBreak())


def _audit(w: _Writer, export: dict[str, Any]) -> None:
    w.heading("mydata.pdf.audit", "h1")
    if not export["audit_events"]:
        w.para(_text(w.t("mydata.pdf.audit.empty")))
    for event in export["audit_events"]:
        w.para(f"<b>{_text(w.when(event['at']))}</b> \u2013 {_text(event['description'])}")


def render_pdf(export: dict[str, Any], language: str) -> bytes:
    """The export as a PDF document in `language`."""
    w = _Writer(language)
    _title_page(w, export)
    if not export["conversations"]:
        w.para(_text(w.t("mydata.pdf.no_conversations")))
    for conversation in export["conversations"]:
        _conversation(w, conversation)
    _audit(w, export)

    title = w.t("mydata.pdf.title")
    footer = f"{export['person']['display_name']} · {title}"

    def decorate(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.drawString(18 * mm, 10 * mm, footer)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, w.t("mydata.pdf.page", page=doc.page))
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=export["person"]["display_name"],
        lang=language,
    )
    doc.build(w.flow, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()
