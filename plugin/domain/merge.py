"""Three-way merge of co-edited records: nothing either person wrote is lost.

Two people change the same record from the same starting point (the *base*). The server holds
*theirs* (the other person's saved change), the request brings *mine*. Per field:

- only one of the two changed it: that change wins;
- both changed a text field: the two edits are merged character by character (diff3 over
  `difflib`), and where both rewrote the same stretch, both versions are kept, theirs first;
- both changed a non-text field to different values: a conflict, for the person to choose.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any


@dataclass(frozen=True)
class _Edit:
    start: int  # in the base text
    end: int
    text: str
    mine: bool

    @property
    def is_insertion(self) -> bool:
        return self.start == self.end


def _edits(base: str, changed: str, *, mine: bool) -> list[_Edit]:
    matcher = SequenceMatcher(None, base, changed, autojunk=False)
    return [
        _Edit(i1, i2, changed[j1:j2], mine) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def _apply(base: str, start: int, end: int, edits: Iterable[_Edit]) -> str:
    out, at = [], start
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(base[at : edit.start])
        out.append(edit.text)
        at = edit.end
    out.append(base[at:end])
    return "".join(out)


def _clusters(edits: list[_Edit]) -> list[list[_Edit]]:
    """Edits grouped so that edits of the two people that touch the same stretch are together."""
    clusters: list[list[_Edit]] = []
    end = -1
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if clusters and (edit.start < end or edit.start == clusters[-1][0].start):
            clusters[-1].append(edit)
            end = max(end, edit.end)
        else:
            clusters.append([edit])
            end = edit.end
    return clusters


def merge_text(base: str, mine: str, theirs: str) -> str:
    """Both people's edits of one text from the same base, merged character by character."""
    if mine in (theirs, base):
        return theirs
    if theirs == base:
        return mine
    out, at = [], 0
    for cluster in _clusters(_edits(base, theirs, mine=False) + _edits(base, mine, mine=True)):
        start = cluster[0].start
        end = max(e.end for e in cluster)
        out.append(base[at:start])
        at = end
        ours = [e for e in cluster if e.mine]
        others = [e for e in cluster if not e.mine]
        if not ours or not others:
            out.append(_apply(base, start, end, cluster))
            continue
        theirs_part = _apply(base, start, end, others)
        mine_part = _apply(base, start, end, ours)
        if theirs_part == mine_part:
            out.append(theirs_part)
        elif all(e.is_insertion and e.start == start for e in ours):
            out.append("".join(e.text for e in ours) + theirs_part)
        elif all(e.is_insertion and e.start == start for e in others):
            out.append("".join(e.text for e in others) + mine_part)
        else:  # both rewrote the same words: keep both
            out.append(theirs_part + mine_part)
    out.append(base[at:])
    return "".join(out)


@dataclass(frozen=True)
class FieldConflict:
    """Both changed a non-text field to different values: the person chooses."""

    field: str
    theirs: Any
    mine: Any


@dataclass(frozen=True)
class MergeResult:
    changes: dict[str, Any]  # what to write now, field by field
    conflicts: list[FieldConflict]


def merge_record(
    base: Mapping[str, Any],
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
    *,
    text_fields: Iterable[str],
) -> MergeResult:
    """`mine` holds only the fields this person changed, `base` their values when the person
    started, `theirs` the record as it is now. A changed field without a starting point is a
    conflict: a stale copy cannot be told from a change."""
    texts = set(text_fields)
    changes: dict[str, Any] = {}
    conflicts: list[FieldConflict] = []
    for field, value in mine.items():
        current = theirs.get(field)
        if value == current:
            continue
        if field in base and base[field] == current:
            changes[field] = value
        elif field in base and field in texts and isinstance(value, str) and isinstance(current, str):
            changes[field] = merge_text(str(base[field] or ""), value, current)
        else:
            conflicts.append(FieldConflict(field, current, value))
    return MergeResult(changes, conflicts)
