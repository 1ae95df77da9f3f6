"""Agreement versions and approvals (pure domain, no app)."""

from __future__ import annotations

import itertools

import pytest

from plugin.domain.agreement import (
    Decision,
    Party,
    VersionState,
    check_decision,
    check_new_version,
    is_locked,
    version_state,
)
from plugin.domain.errors import Conflict, InvalidInput

E, M = Party.EMPLOYEE, Party.MANAGER
OK, CH = Decision.APPROVED, Decision.CHANGES_REQUESTED

# (employee's decision, manager's decision, is_latest) -> state. None: no decision yet.
STATES = {
    (None, None, True): VersionState.DRAFT,
    (None, None, False): VersionState.SUPERSEDED,
    (OK, None, True): VersionState.DRAFT,
    (OK, None, False): VersionState.SUPERSEDED,
    (None, OK, True): VersionState.DRAFT,
    (None, OK, False): VersionState.SUPERSEDED,
    (CH, None, True): VersionState.CHANGES_REQUESTED,
    (CH, None, False): VersionState.SUPERSEDED,
    (None, CH, True): VersionState.CHANGES_REQUESTED,
    (None, CH, False): VersionState.SUPERSEDED,
    (OK, CH, True): VersionState.CHANGES_REQUESTED,
    (OK, CH, False): VersionState.SUPERSEDED,
    (CH, OK, True): VersionState.CHANGES_REQUESTED,
    (CH, OK, False): VersionState.SUPERSEDED,
    (CH, CH, True): VersionState.CHANGES_REQUESTED,
    (CH, CH, False): VersionState.SUPERSEDED,
    (OK, OK, True): VersionState.AGREED,
    (OK, OK, False): VersionState.AGREED,  # an agreed version stays agreed when a newer one exists
}


def decisions(employee: Decision | None, manager: Decision | None) -> dict[Party, Decision]:
    return {p: d for p, d in ((E, employee), (M, manager)) if d is not None}


def test_the_table_covers_every_combination():
    options = [None, OK, CH]
    assert set(STATES) == set(itertools.product(options, options, [True, False]))


@pytest.mark.parametrize("employee,manager,latest", list(STATES))
def test_version_state(employee, manager, latest):
    assert (
        version_state(decisions(employee, manager), is_latest=latest) is STATES[(employee, manager, latest)]
    )


@pytest.mark.parametrize("employee,manager", list(itertools.product([None, OK, CH], repeat=2)))
def test_locked_only_when_both_approved(employee, manager):
    assert is_locked(decisions(employee, manager)) is (employee is OK and manager is OK)


def test_locked_ignores_string_lookalikes():
    # Decisions are compared by identity of the enum member; a plain string is not an approval.
    assert not is_locked({E: "approved", M: "approved"})  # type: ignore[dict-item]


def test_decision_on_a_superseded_version_is_refused():
    with pytest.raises(Conflict) as caught:
        check_decision(number=1, latest_number=2, decisions={}, decision=OK, comment=None)
    assert caught.value.status == 409
    assert caught.value.code == "agreement_version_superseded"
    assert caught.value.params == {"latest": 2}


def test_superseded_is_reported_before_locked():
    with pytest.raises(Conflict) as caught:
        check_decision(number=1, latest_number=3, decisions={E: OK, M: OK}, decision=OK, comment=None)
    assert caught.value.code == "agreement_version_superseded"


@pytest.mark.parametrize("decision", list(Decision))
def test_decision_on_a_locked_version_is_refused(decision):
    with pytest.raises(Conflict) as caught:
        check_decision(number=2, latest_number=2, decisions={E: OK, M: OK}, decision=decision, comment="x")
    assert caught.value.code == "agreement_version_locked"
    assert caught.value.params == {"number": 2}


@pytest.mark.parametrize("comment", [None, "", "   ", "\n"])
def test_asking_for_changes_needs_a_comment(comment):
    with pytest.raises(InvalidInput) as caught:
        check_decision(number=1, latest_number=1, decisions={E: OK}, decision=CH, comment=comment)
    assert caught.value.status == 422
    assert caught.value.code == "comment_required"
    assert caught.value.field == "comment"


@pytest.mark.parametrize(
    "existing,decision,comment",
    [
        ({}, OK, None),
        ({}, OK, ""),
        ({E: OK}, OK, None),
        ({E: CH}, OK, None),  # the other party may approve after a request for changes
        ({M: OK}, CH, "Datoen skal rykkes"),
        ({}, CH, "Mere tid til kurset"),
    ],
)
def test_allowed_decisions(existing, decision, comment):
    check_decision(number=1, latest_number=1, decisions=existing, decision=decision, comment=comment)


@pytest.mark.parametrize(
    "latest,changed",
    [
        (None, False),  # no version yet
        (None, True),
        ({}, False),  # latest has no decisions: a redraft is fine
        ({E: OK}, False),  # not agreed yet
        ({E: CH, M: OK}, False),
        ({E: OK, M: OK}, True),  # agreed, and the content changed since
    ],
)
def test_new_version_allowed(latest, changed):
    check_new_version(latest, changed)


def test_redrafting_an_unchanged_agreed_version_is_refused():
    with pytest.raises(Conflict) as caught:
        check_new_version({E: OK, M: OK}, changed=False)
    assert caught.value.code == "agreement_unchanged"
    assert caught.value.status == 409
