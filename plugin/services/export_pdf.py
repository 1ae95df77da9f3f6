"""The personal data export as a readable PDF, in the reader's language.

Rendered with ReportLab's platypus (a maintained library; flowing paragraphs, page breaks, tables)
from the same dictionary as the JSON export, with the building blocks every PDF of the app shares
(`pdf_layout`: the bundled DejaVu fonts, the styles, the A4 page with its footer)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer

from . import pdf_layout
from .pdf_layout import Writer as _Writer
from .pdf_layout import text as _text
from .preparation import prompt_message_key


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
    return pdf_layout.build(
        w.flow,
        language=language,
        title=title,
        author=export["person"]["display_name"],
        footer=f"{export['person']['display_name']} · {title}",
        page_label=lambda page, total: w.t("mydata.pdf.page", page=page),
    )
