"""The organisation's settings (HR/admin): cadence defaults, the preparation reminder's lead time,
retention and the default MUS template. One row per tenant; a tenant without one has the defaults
(`plugin.domain.org_settings`), its notes' retention being the installation's `retention_days`.

`settings_for` is what other parts of the app read (cadence, reminders, retention, planning)."""

from __future__ import annotations

from sqlalchemy import select

from ..domain.actor import Actor
from ..domain.errors import Forbidden, InvalidInput, StaleVersion
from ..domain.lifecycle import ConversationKind
from ..domain.org_settings import OrgSettings, check_settings
from ..domain.permissions import can_manage_organisation
from ..storage import OrgSettingsRecord
from ..storage.unit_of_work import UnitOfWork
from . import audit, templates

FIELDS = (
    "mus_interval_months",
    "checkin_interval_weeks",
    "reminder_lead_days",
    "agreement_retention_months",
    "notes_retention_days",
    "default_mus_template",
)


def defaults(uow: UnitOfWork) -> OrgSettings:
    return OrgSettings(notes_retention_days=uow.settings.retention_days)


def _from_record(record: OrgSettingsRecord) -> OrgSettings:
    return OrgSettings(**{name: getattr(record, name) for name in FIELDS}, version=record.version)


def settings_for(uow: UnitOfWork, tenant_id: str) -> OrgSettings:
    """The organisation's settings, or the defaults where it has saved none (one statement)."""
    record = uow.session.get(OrgSettingsRecord, tenant_id)
    return defaults(uow) if record is None else _from_record(record)


def settings_by_tenant(uow: UnitOfWork) -> dict[str, OrgSettings]:
    """Every organisation that saved settings (one statement; the others have `defaults`)."""
    return {r.tenant_id: _from_record(r) for r in uow.session.scalars(select(OrgSettingsRecord))}


def get_settings(uow: UnitOfWork, actor: Actor) -> OrgSettings:
    if not can_manage_organisation(actor):
        raise Forbidden("admin_only")
    with uow:
        return settings_for(uow, actor.tenant_id)


def do_update_settings(uow: UnitOfWork, actor: Actor, *, version: int, **values) -> OrgSettings:
    """Replaces the settings. `version` is the one the admin started from (0: none saved yet);
    another admin's save in between answers 409 `stale_version` with the current settings."""
    if not can_manage_organisation(actor):
        raise Forbidden("admin_only")
    values = {name: values[name] for name in FIELDS}
    check_settings(**{k: v for k, v in values.items() if k != "default_mus_template"})
    with uow:
        record = uow.session.get(OrgSettingsRecord, actor.tenant_id, with_for_update=True)
        current = defaults(uow) if record is None else _from_record(record)
        if version != current.version:
            raise StaleVersion(current=current)
        if values["default_mus_template"] is not None:
            _check_template(uow, actor.tenant_id, values["default_mus_template"])
        if record is None:
            record = OrgSettingsRecord(tenant_id=actor.tenant_id, **values)
            uow.session.add(record)
        else:
            for name, value in values.items():
                setattr(record, name, value)
        record.updated_by_id = actor.person_id
        record.updated_at = uow.now()
        uow.session.flush()
        audit.record(uow, actor, "organisation.settings_changed", version=record.version)
        return _from_record(record)


def _check_template(uow: UnitOfWork, tenant_id: str, key: str) -> None:
    template = templates.find(uow, tenant_id, key)
    if template is None or template.retired:
        raise InvalidInput("template_unknown", field="default_mus_template", params={"key": key})
    if template.kind is not ConversationKind.MUS:
        raise InvalidInput("template_kind", field="default_mus_template", params={"key": key})


__all__ = ["OrgSettings", "do_update_settings", "get_settings", "settings_by_tenant", "settings_for"]
