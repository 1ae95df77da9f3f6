"""The erasure policy's rules and the handover grant, as pure functions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from plugin.domain.erasure import agreement_due, erased_agreement_expired, erased_object_id
from plugin.domain.permissions import can_read_handed_over

LOCKED = datetime(2030, 1, 1, tzinfo=UTC)
RETENTION = timedelta(days=30)


def test_an_erased_persons_agreement_goes_when_its_retention_has_passed():
    due = agreement_due(LOCKED, RETENTION)
    assert due == LOCKED + RETENTION
    rule = dict(erased_party=True, last_locked_at=LOCKED, retention=RETENTION)
    assert not erased_agreement_expired(now=due - timedelta(seconds=1), **rule)
    assert erased_agreement_expired(now=due, **rule)
    # Without an erased party the agreement is kept (the organisation's ordinary rule).
    assert not erased_agreement_expired(
        erased_party=False, last_locked_at=LOCKED, now=due, retention=RETENTION
    )
    assert not erased_agreement_expired(erased_party=True, last_locked_at=None, now=due, retention=RETENTION)


def test_an_erased_object_id_fits_the_column_and_is_no_account():
    oid = erased_object_id("f" * 64)
    assert len(oid) == 36 and oid.startswith("erased-")


@dataclass
class Thing:
    tenant_id: str = "t"
    employee_id: int = 1
    manager_id: int = 2
    to_manager_id: int = 3
    status: str = "approved"


@dataclass
class Who:
    person_id: int
    tenant_id: str = "t"
    is_admin: bool = False


def test_the_grant_needs_the_employees_approval_an_agreement_and_the_new_manager():
    conversation, handover = Thing(), Thing()
    assert can_read_handed_over(conversation, Who(3), handover, agreed=True)
    assert not can_read_handed_over(conversation, Who(3), handover, agreed=False)
    for status in ("requested", "declined"):
        assert not can_read_handed_over(conversation, Who(3), Thing(status=status), agreed=True)
    assert not can_read_handed_over(conversation, Who(2), handover, agreed=True)  # the old manager
    assert not can_read_handed_over(conversation, Who(3, tenant_id="x"), handover, agreed=True)
    assert not can_read_handed_over(Thing(employee_id=9), Who(3), handover, agreed=True)
