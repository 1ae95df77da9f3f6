"""Agenda templates: the built-in ones and an organisation's own, which HR/admins add, edit and retire.

A conversation copies its template's sections into its own agenda when it is planned, so editing or
retiring a template never changes a conversation that used it; a retired template is only no longer
offered for new conversations (it stays listed, marked, so its readers still find its name)."""

from __future__ import annotations

from sqlalchemy import select

from ..domain.actor import Actor
from ..domain.errors import Conflict, Forbidden, InvalidInput, NotFound, StaleVersion
from ..domain.lifecycle import ConversationKind
from ..domain.permissions import can_manage_templates
from ..domain.templates import BUILTIN, AgendaSection, Template, Tool, default_for
from ..storage import OrgSettingsRecord, OrgTemplate
from ..storage.unit_of_work import UnitOfWork
from . import audit


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
        retired=record.retired_at is not None,
        version=record.version,
    )


def _record(uow: UnitOfWork, tenant_id: str, key: str) -> OrgTemplate | None:
    return uow.session.scalar(
        select(OrgTemplate).where(OrgTemplate.tenant_id == tenant_id, OrgTemplate.key == key)
    )


def find(uow: UnitOfWork, tenant_id: str, key: str) -> Template | None:
    """A built-in template or the organisation's own (retired ones too), by key."""
    if key in BUILTIN:
        return BUILTIN[key]
    record = _record(uow, tenant_id, key)
    return None if record is None else _from_record(record)


def resolve(uow: UnitOfWork, tenant_id: str, key: str | None, kind: ConversationKind) -> Template:
    """The template a new conversation starts from: the one asked for, else the organisation's
    default MUS template (when it set one), else the built-in one."""
    if key is None:
        if kind is ConversationKind.MUS:
            chosen = uow.session.scalar(
                select(OrgSettingsRecord.default_mus_template).where(OrgSettingsRecord.tenant_id == tenant_id)
            )
            template = find(uow, tenant_id, chosen) if chosen else None
            if template is not None and not template.retired and template.kind is kind:
                return template
        return default_for(kind)
    template = find(uow, tenant_id, key)
    if template is None:
        raise InvalidInput("template_unknown", field="template_key", params={"key": key})
    if template.retired:
        raise InvalidInput("template_retired", field="template_key", params={"key": key})
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


def _editable(uow: UnitOfWork, actor: Actor, key: str, version: int) -> OrgTemplate:
    if not can_manage_templates(actor):
        raise Forbidden("admin_only")
    if key in BUILTIN:
        raise Forbidden("template_builtin")
    record = _record(uow, actor.tenant_id, key)
    if record is None:
        raise NotFound("template_not_found")
    if record.version != version:
        raise StaleVersion(current=_from_record(record))
    return record


def do_update_template(
    uow: UnitOfWork, actor: Actor, key: str, *, version: int, name: dict, sections: list[dict]
) -> Template:
    """Replaces an organisation template's name and sections (its key and kind stay). Conversations
    already planned from it keep the agenda they were given."""
    with uow:
        record = _editable(uow, actor, key, version)
        if record.retired_at is not None:
            raise Conflict("template_retired", params={"key": key})
        record.name = name
        record.sections = sections
        record.updated_at = uow.now()
        uow.session.flush()
        audit.record(uow, actor, "template.changed", key=key, version=record.version)
        return _from_record(record)


def do_retire_template(uow: UnitOfWork, actor: Actor, key: str, *, version: int) -> Template:
    """No longer offered for new conversations; refused for the default MUS template (choose another)."""
    with uow:
        record = _editable(uow, actor, key, version)
        if record.retired_at is None:
            default = uow.session.scalar(
                select(OrgSettingsRecord.default_mus_template).where(
                    OrgSettingsRecord.tenant_id == actor.tenant_id
                )
            )
            if default == key:
                raise Conflict("template_is_default", params={"key": key})
            record.retired_at = uow.now()
            record.updated_at = uow.now()
            uow.session.flush()
            audit.record(uow, actor, "template.retired", key=key)
        return _from_record(record)
