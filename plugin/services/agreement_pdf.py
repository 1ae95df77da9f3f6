"""One agreement version as a PDF, in the reader's language: what both approved (or have not yet
approved), to print, sign or bring to next year's conversation.

The content is the version's snapshot, the same the screen shows ("See what you agreed" in My MUS and
the agreement in the meeting tab): every agenda item with its summary and talking points, the goals
with every SMART field, deadline and status, the development plan, the follow-up dates, and both
decisions with name, time (in the reader's time zone), comment and a recorded disagreement. A
version not approved by both is marked "DRAFT" at the top and says who has not approved it yet.

Readers: the two parties, and a new manager the employee handed their history over to (agreed
versions only). Every fetch is audited as a read of the agreement."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reportlab.platypus import KeepTogether, Paragraph

from ..domain.actor import Actor
from ..domain.agreement import Decision, Party, VersionState
from ..domain.errors import InvalidInput, NotFound
from ..i18n import translate
from ..storage import Conversation, Person
from ..storage.unit_of_work import UnitOfWork
from . import agreements, audit_log, lookups, pdf_layout
from .pdf_layout import Writer, text

SMART = ("specific", "measure", "achievable", "relevance")
PARTIES = (Party.EMPLOYEE, Party.MANAGER)


@dataclass(frozen=True)
class AgreementPdf:
    filename: str
    body: bytes


def time_zone_of(name: str | None) -> str:
    """The reader's IANA time zone (as the tab reads it from the browser), checked; Danish time when
    none is given."""
    if not name:
        return pdf_layout.DEFAULT_TIME_ZONE
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput("invalid_time_zone", field="tz") from None
    return name


def do_agreement_pdf(
    uow: UnitOfWork, actor: Actor, conversation_id: int, number: int, *, language: str, time_zone: str
) -> AgreementPdf:
    with uow:
        conversation, handover = lookups.agreement_reader_for(uow, actor, conversation_id)
        view = agreements.version_view(uow, conversation_id, number)
        if handover is not None and view.locked_at is None:
            raise NotFound()  # a handover shows what was agreed, never drafts
        audit_log.record_read(uow, actor, conversation, "agreement.read")
        document = {**_document(conversation, view, language), "made_at": uow.now()}
    body = render_agreement_pdf(document, language, time_zone)
    name = translate("agreement.pdf.filename", language, id=conversation_id, number=number)
    return AgreementPdf(filename=_safe_filename(name), body=body)


def _name(person: Person | None, language: str) -> str:
    if person is None:
        return translate("ui.common.unknown_person", language)
    if person.erased_at is not None:
        return translate("erasure.person.erased", language)
    return person.display_name or translate("ui.common.unknown_person", language)


def _document(conversation: Conversation, view: agreements.VersionView, language: str) -> dict[str, Any]:
    """Everything the PDF shows, read inside the transaction, as plain values."""
    return {
        "title": conversation.title,
        "kind": conversation.kind,
        "held": conversation.scheduled_at or conversation.meeting_ended_at or view.created_at,
        "names": {
            Party.EMPLOYEE: _name(conversation.employee, language),
            Party.MANAGER: _name(conversation.manager, language),
        },
        "number": view.number,
        "state": view.state,
        "created_at": view.created_at,
        "locked_at": view.locked_at,
        "snapshot": view.snapshot,
        "decisions": {
            d.party: {
                "name": _name(d.person, language),
                "decision": d.decision,
                "comment": d.comment,
                "disagreement": d.disagreement,
                "decided_at": d.decided_at,
            }
            for d in view.decisions
        },
    }


def _safe_filename(name: str) -> str:
    """A file name that is safe in a quoted Content-Disposition header on every system."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "agreement.pdf"


# --- Rendering ---------------------------------------------------------------------------------


def _localised(title: dict[str, str], language: str) -> str:
    return title.get(language) or title.get("da") or next(iter(title.values()), "")


def _header(w: Writer, doc: dict[str, Any]) -> None:
    kind = w.label(f"ui.kind.{doc['kind']}", doc["kind"])
    w.para(text(doc["title"] or kind), "title")
    w.para(text(w.t("agreement.pdf.heading", kind=kind, number=doc["number"])), "h2")
    if doc["state"] is not VersionState.AGREED:
        w.para(text(w.t("agreement.pdf.draft")), "stamp")
        w.para(text(w.t(f"agreement.pdf.state.{doc['state'].value}")))
    w.field("agreement.pdf.employee", doc["names"][Party.EMPLOYEE])
    w.field("agreement.pdf.manager", doc["names"][Party.MANAGER])
    w.field("agreement.pdf.held", w.day(doc["held"]))
    if doc["locked_at"] is not None:
        w.field("agreement.pdf.locked", w.when(doc["locked_at"]))


def _approvals(w: Writer, doc: dict[str, Any]) -> None:
    w.heading("agreement.pdf.approvals")
    for party in PARTIES:
        name = doc["names"][party]
        role = w.t(f"ui.role.{party.value}")
        decision = doc["decisions"].get(party)
        if decision is None:
            w.para(text(w.t("agreement.pdf.not_approved_by", name=name, role=role)), "h3")
            continue
        name = decision["name"]
        when = w.when(decision["decided_at"])
        if decision["decision"] is Decision.APPROVED:
            line = w.t("ui.mymus.agreement.approved_by", name=name, role=role, date=when)
        else:
            line = w.t("agreement.pdf.changes_requested_by", name=name, role=role, date=when)
        block = [Paragraph(text(line), w.styles["h3"])]
        if decision["decision"] is not Decision.APPROVED and doc["state"] is not VersionState.AGREED:
            block.append(
                Paragraph(text(w.t("agreement.pdf.not_approved_by", name=name, role=role)), w.styles["body"])
            )
        if decision["comment"]:
            comment = w.t("ui.mymus.agreement.comment", comment=decision["comment"])
            block.append(Paragraph(text(comment), w.styles["quote"]))
        if decision["disagreement"]:
            block.append(Paragraph(text(w.t("ui.mymus.agreement.disagreement")), w.styles["quote"]))
        w.flow.append(KeepTogether(block))


def _agenda(w: Writer, snapshot: dict[str, Any]) -> None:
    w.heading("ui.mymus.agreement.agenda")
    for index, item in enumerate(snapshot.get("agenda") or [], start=1):
        title = _localised(item.get("title") or {}, w.language)
        block = [Paragraph(f"{index}. {text(title)}", w.styles["h3"])]
        summary = (item.get("summary") or "").strip()
        points = item.get("talking_points") or []
        if summary:
            block.append(Paragraph(f"<b>{text(w.t('ui.mymus.agreement.summary'))}:</b>", w.styles["body"]))
            block.append(Paragraph(text(summary), w.styles["quote"]))
        if points:
            block.append(Paragraph(f"<b>{text(w.t('ui.mymus.agreement.points'))}:</b>", w.styles["body"]))
            block.extend(Paragraph(f"• {text(point)}", w.styles["quote"]) for point in points)
        if not summary and not points:
            block.append(Paragraph(text(w.t("ui.mymus.agreement.item_empty")), w.styles["small"]))
        w.flow.append(KeepTogether(block))


def _goals(w: Writer, snapshot: dict[str, Any]) -> None:
    w.heading("ui.mymus.agreement.goals")
    goals = snapshot.get("goals") or []
    if not goals:
        w.para(text(w.t("ui.mymus.agreement.goals_empty")))
    for goal in goals:
        status = w.label(f"ui.mymus.goal.status.{goal['status']}", goal["status"])
        block = [Paragraph(f"{text(goal['title'])} ({text(status)})", w.styles["h3"])]
        for name in SMART:
            value = (goal.get(name) or "").strip() or w.t("ui.mymus.agreement.not_filled")
            label = text(w.t(f"ui.meeting.goal.field.{name}"))
            block.append(Paragraph(f"<b>{label}:</b> {text(value)}", w.styles["quote"]))
        deadline = w.day(goal["deadline"]) if goal.get("deadline") else w.t("ui.mymus.goal.no_deadline")
        label = text(w.t("ui.meeting.goal.field.deadline"))
        block.append(Paragraph(f"<b>{label}:</b> {text(deadline)}", w.styles["quote"]))
        w.flow.append(KeepTogether(block))


def _actions(w: Writer, snapshot: dict[str, Any], names: dict[Party, str]) -> None:
    w.heading("ui.mymus.agreement.actions")
    actions = snapshot.get("development_actions") or []
    if not actions:
        w.para(text(w.t("ui.mymus.agreement.actions_empty")))
    goals = {goal["id"]: goal["title"] for goal in snapshot.get("goals") or []}
    for action in actions:
        facts = [
            w.label(f"ui.meeting.action.kind.{action['kind']}", action["kind"]),
            w.label(f"ui.meeting.action.status.{action['status']}", action["status"]),
        ]
        if action.get("owner_role"):
            facts.append(w.t("ui.meeting.action.owned_by", name=names[Party(action["owner_role"])]))
        if action.get("due_date"):
            facts.append(w.t("ui.mymus.agreement.due", date=w.day(action["due_date"])))
        block = [
            Paragraph(text(action["title"]), w.styles["h3"]),
            Paragraph(text(" · ".join(facts)), w.styles["quote"]),
        ]
        if (action.get("resources") or "").strip():
            block.append(Paragraph(text(action["resources"]), w.styles["quote"]))
        if action.get("goal_id") in goals:
            line = w.t("ui.mymus.agreement.for_goal", title=goals[action["goal_id"]])
            block.append(Paragraph(text(line), w.styles["quote"]))
        w.flow.append(KeepTogether(block))


def _follow_ups(w: Writer, snapshot: dict[str, Any]) -> None:
    w.heading("ui.mymus.agreement.follow_ups")
    follow_ups = snapshot.get("follow_ups") or []
    if not follow_ups:
        w.para(text(w.t("ui.mymus.agreement.follow_ups_empty")))
    for follow_up in follow_ups:
        w.para(f"• <b>{text(w.day(follow_up['due_on']))}</b> · {text(follow_up['title'])}", "quote")


def render_agreement_pdf(doc: dict[str, Any], language: str, time_zone: str) -> bytes:
    """The agreement version `doc` (from `_document`) as an A4 PDF in `language`."""
    w = Writer(language, time_zone, day_style="medium")  # days as the screen shows them
    _header(w, doc)
    _approvals(w, doc)
    snapshot = doc["snapshot"]
    _agenda(w, snapshot)
    _goals(w, snapshot)
    _actions(w, snapshot, doc["names"])
    _follow_ups(w, snapshot)
    w.para(text(w.t("agreement.pdf.made", when=w.when(doc["made_at"]))), "small")

    kind = w.label(f"ui.kind.{doc['kind']}", doc["kind"])
    title = doc["title"] or kind
    names = f"{doc['names'][Party.EMPLOYEE]} · {doc['names'][Party.MANAGER]}"
    stamp = f"{w.t('agreement.pdf.draft')} · " if doc["state"] is not VersionState.AGREED else ""
    version = w.t("agreement.pdf.version", number=doc["number"])
    return pdf_layout.build(
        w.flow,
        language=language,
        title=f"{title} · {version}",
        author=names,
        header=f"{stamp}{title} · {names} · {w.day(doc['held'])}",
        footer=f"{stamp}{version}",
        page_label=lambda page, total: w.t("agreement.pdf.page", page=page, total=total),
    )
