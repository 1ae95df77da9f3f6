"""Who may see and do what, as pure predicates (no app, plain dataclass stand-ins)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from plugin.domain.agreement import Party
from plugin.domain.permissions import (
    can_change_conversation,
    can_manage_templates,
    can_plan_conversation,
    can_see_conversation,
    can_see_coverage,
    can_see_private,
    can_see_pulse,
    party_of,
    same_tenant,
)

TENANT = "tenant-a"
OTHER_TENANT = "tenant-b"


@dataclass(frozen=True)
class FakeActor:
    person_id: int
    tenant_id: str = TENANT
    is_admin: bool = False


@dataclass(frozen=True)
class FakeConversation:
    tenant_id: str = TENANT
    employee_id: int = 1
    manager_id: int = 2


CONV = FakeConversation()
EMPLOYEE = FakeActor(1)
MANAGER = FakeActor(2)
COLLEAGUE = FakeActor(3)
ADMIN = FakeActor(4, is_admin=True)
# Another organisation, with the very same person ids as the parties.
IMPOSTOR_EMPLOYEE = FakeActor(1, tenant_id=OTHER_TENANT)
IMPOSTOR_MANAGER = FakeActor(2, tenant_id=OTHER_TENANT, is_admin=True)

CASES = [
    ("employee", EMPLOYEE, Party.EMPLOYEE),
    ("manager", MANAGER, Party.MANAGER),
    ("colleague", COLLEAGUE, None),
    ("admin", ADMIN, None),
    ("other tenant, employee's id", IMPOSTOR_EMPLOYEE, None),
    ("other tenant, manager's id", IMPOSTOR_MANAGER, None),
]


@pytest.mark.parametrize("name,actor,party", CASES, ids=[c[0] for c in CASES])
def test_party_and_rights_on_a_conversation(name, actor, party):
    assert party_of(CONV, actor) is party
    assert can_see_conversation(CONV, actor) is (party is not None)
    assert can_change_conversation(CONV, actor) is (party is not None)


def test_same_tenant():
    assert same_tenant(CONV, EMPLOYEE)
    assert not same_tenant(CONV, IMPOSTOR_EMPLOYEE)


def test_a_conversation_with_oneself_counts_as_employee():
    odd = FakeConversation(employee_id=7, manager_id=7)
    assert party_of(odd, FakeActor(7)) is Party.EMPLOYEE


@pytest.mark.parametrize(
    "actor,employee_id,manager_id,allowed",
    [
        (EMPLOYEE, 1, 2, True),  # the employee plans with their manager
        (MANAGER, 1, 2, True),  # the manager plans for the employee
        (COLLEAGUE, 1, 2, False),  # nobody plans for two other people
        (ADMIN, 1, 2, False),  # not even an admin
        (EMPLOYEE, 1, 1, False),  # the two must be different people
    ],
)
def test_can_plan_conversation(actor, employee_id, manager_id, allowed):
    assert can_plan_conversation(actor, employee_id=employee_id, manager_id=manager_id) is allowed


def test_private_preparation_only_for_its_author():
    assert can_see_private(1, EMPLOYEE)
    assert not can_see_private(1, MANAGER)
    assert not can_see_private(1, ADMIN)


@pytest.mark.parametrize(
    "actor,author_id,shared,allowed",
    [
        (EMPLOYEE, 1, False, True),  # one's own pulse, not shared
        (EMPLOYEE, 1, True, True),
        (MANAGER, 1, False, False),  # the manager sees it only when shared
        (MANAGER, 1, True, True),
        (COLLEAGUE, 1, True, False),  # shared with the conversation, not with everyone
        (ADMIN, 1, True, False),
        (IMPOSTOR_MANAGER, 1, True, False),
    ],
)
def test_can_see_pulse(actor, author_id, shared, allowed):
    assert can_see_pulse(author_id=author_id, shared=shared, conversation=CONV, actor=actor) is allowed


@pytest.mark.parametrize("actor", [EMPLOYEE, MANAGER, COLLEAGUE, ADMIN, IMPOSTOR_MANAGER])
def test_coverage_and_templates_only_for_admins(actor):
    assert can_see_coverage(actor) is actor.is_admin
    assert can_manage_templates(actor) is actor.is_admin


def test_admin_sees_no_content():
    assert not can_see_conversation(CONV, ADMIN)
    assert not can_change_conversation(CONV, ADMIN)
