"""Agenda templates: the built-in ones and an organisation's own."""

from __future__ import annotations

from sqlalchemy import select

from ..domain.actor import Actor
from ..domain.errors import Conflict, Forbidden, InvalidInput
from ..domain.lifecycle import ConversationKind
from ..domain.permissions import can_manage_templates
from ..domain.templates import BUILTIN, AgendaSection, Template, Tool, default_for
from ..storage import OrgTemplate
from ..storage.unit_of_work import UnitOfWork


def _from_record(record: OrgTemplate) -> Template:
    return Template(
        key=record.key,
        kind=ConversationKind(record.kind),
        name=record.name,
        sections=tuple(
            AgendaSection(s["key"], s["title"], tuple(Tool(t) for t in s.get("tools", ())))
            for s in record.sections
        ),
        builtin=False,
    )


def resolve(uow: UnitOfWork, tenant_id: str, key: str | None, kind: ConversationKind) -> Template:
    if key is None:
        return default_for(kind)
    template = BUILTIN.get(key)
    if template is None:
        record = uow.session.scalar(
            select(OrgTemplate).where(OrgTemplate.tenant_id == tenant_id, OrgTemplate.key == key)
        )
        if record is None:
            raise InvalidInput("template_unknown", field="template_key", params={"key": key})
        template = _from_record(record)
    if template.kind is not kind:
        raise InvalidInput("template_kind", field="template_key", params={"key": key})
    return template


def list_templates(uow: UnitOfWork, actor: Actor) -> list[Template]:
    with uow:
        records = uow.session.scalars(
            select(OrgTemplate).where(OrgTemplate.tenant_id == actor.tenant_id).order_by(OrgTemplate.key)
        )
        return [*BUILTIN.values(), *(_from_record(r) for r in records)]


def do_create_template(
    uow: UnitOfWork,
    actor: Actor,
    *,
    key: str,
    kind: ConversationKind,
    name: dict,
    sections: list[dict],
) -> Template:
    if not can_manage_templates(actor):
        raise Forbidden("admin_only")
    with uow:
        taken = key in BUILTIN or uow.session.scalar(
            select(OrgTemplate.id).where(OrgTemplate.tenant_id == actor.tenant_id, OrgTemplate.key == key)
        )
        if taken:
            raise Conflict("template_exists", field="key", params={"key": key})
        record = OrgTemplate(
            tenant_id=actor.tenant_id,
            key=key,
            kind=kind.value,
            name=name,
            sections=sections,
            created_by_id=actor.person_id,
        )
        uow.session.add(record)
        uow.session.flush()
        return _from_record(record)
