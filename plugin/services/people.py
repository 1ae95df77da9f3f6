"""People and tenants, created on first sight from the sign-in claims."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..domain.actor import Actor
from ..domain.errors import InvalidInput
from ..i18n import pick_language
from ..identity.tokens import Identity
from ..storage import Person, Tenant
from ..storage.unit_of_work import UnitOfWork

# Last sign-in is kept to the quarter hour, so an API call does not rewrite the person every time.
SIGN_IN_GRANULARITY = timedelta(minutes=15)


def _locale_for(language: str) -> str:
    return "da-dk" if language == "da" else "en-gb"


def do_sign_in(uow: UnitOfWork, identity: Identity, accept_language: str | None = None) -> Actor:
    # Most calls find the person as they were (same name and email, signed in this quarter hour):
    # then nothing is stored and no transaction of its own is committed; the request's work goes on
    # in the transaction the lookup began (one connection, one commit per request).
    known = _find(uow, identity.tenant_id, identity.object_id)
    if known is not None and not _changed(known, identity, uow.now()):
        return _actor(uow, known, identity)
    with uow:
        person = _find(uow, identity.tenant_id, identity.object_id)
        if person is None:
            # Two first sign-ins at the same moment (the same person, or two people of a new
            # organisation) may both try to insert: each insert gets its own savepoint.
            if uow.session.get(Tenant, identity.tenant_id) is None:
                try:
                    with uow.session.begin_nested():
                        uow.session.add(Tenant(id=identity.tenant_id))
                except IntegrityError:
                    pass
            try:
                with uow.session.begin_nested():
                    person = Person(
                        tenant_id=identity.tenant_id,
                        object_id=identity.object_id,
                        locale=_locale_for(pick_language(identity.locale, accept_language)),
                    )
                    uow.session.add(person)
            except IntegrityError:
                person = _find(uow, identity.tenant_id, identity.object_id)
                if person is None:
                    raise
        if identity.name and person.display_name != identity.name:
            person.display_name = identity.name
        if identity.email and person.email != identity.email:
            person.email = identity.email
        now = uow.now()
        if person.signed_in_at is None or now - person.signed_in_at > SIGN_IN_GRANULARITY:
            person.signed_in_at = now
        actor = _actor(uow, person, identity)
    return actor


def _changed(person: Person, identity: Identity, now) -> bool:
    return bool(
        (identity.name and person.display_name != identity.name)
        or (identity.email and person.email != identity.email)
        or person.signed_in_at is None
        or now - person.signed_in_at > SIGN_IN_GRANULARITY
    )


def _actor(uow: UnitOfWork, person: Person, identity: Identity) -> Actor:
    return Actor(
        person_id=person.id,
        tenant_id=person.tenant_id,
        object_id=person.object_id,
        display_name=person.display_name,
        locale=person.locale,
        is_admin=uow.settings.admin_role in identity.roles,
    )


def _find(uow: UnitOfWork, tenant_id: str, object_id: str) -> Person | None:
    return uow.session.scalar(
        select(Person).where(Person.tenant_id == tenant_id, Person.object_id == object_id)
    )


def person_in_tenant(
    uow: UnitOfWork, tenant_id: str, object_id: str, *, display_name: str = "", email: str = ""
) -> Person:
    """A colleague named by object id, made known before their first sign-in if need be.

    `display_name` and `email` must come from the directory (a Graph user lookup by object id), never
    from another person's request: they fill a record nobody has signed in to yet; after a sign-in,
    the person's own token names them."""
    object_id = object_id.strip().lower()
    if not object_id:
        raise InvalidInput(
            "field_invalid", field="object_id", params={"field": "object_id", "reason": "empty"}
        )
    person = _find(uow, tenant_id, object_id)
    if person is None:
        person = Person(tenant_id=tenant_id, object_id=object_id, display_name=display_name, email=email)
        uow.session.add(person)
        uow.session.flush()
    elif person.signed_in_at is None:
        person.display_name = display_name or person.display_name
        person.email = email or person.email
    return person


@dataclass(frozen=True)
class PersonView:
    """A person as a list shows them, read inside the transaction: nothing is loaded again after the
    commit (which expires the records), so a list costs no statement per person."""

    object_id: str
    display_name: str
    email: str
    left: bool
    erased_at: datetime | None


def person_view(person: Person) -> PersonView:
    return PersonView(
        object_id=person.object_id,
        display_name=person.display_name,
        email=person.email,
        left=person.left,
        erased_at=person.erased_at,
    )


def people_by_id(uow: UnitOfWork, ids: Iterable[int]) -> dict[int, PersonView]:
    """The people with these ids, in one statement (none for no ids)."""
    wanted = set(ids)
    if not wanted:
        return {}
    return {p.id: person_view(p) for p in uow.session.scalars(select(Person).where(Person.id.in_(wanted)))}
