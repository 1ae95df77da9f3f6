"""Fold JSON message catalogues (`plugin/messages/<lang>/*.json`) into the gettext catalogues
(`plugin/messages/<lang>/LC_MESSAGES/messages.po`), then remove the JSON files.

The catalogues are monolingual keyed PO files: the msgid is the key, the msgstr the text. Run it after
merging a branch that still added or changed texts in the JSON files; it is idempotent:

- a key that is not in the PO file is added;
- a key whose JSON text changed is updated, but only when the JSON text differs from the text the
  JSON files had when the catalogues were converted (the baseline: the JSON files at commit
  CONVERTED_FROM, read from git; whichever side of a merge is checked out), so a branch that
  still carries whole old JSON files does not undo texts changed since in the PO files (plural forms,
  fixes). A changed text for a key that has plural forms sets every form and is reported: check it;
- comments, flags and plural forms of entries already in the PO file are kept.

Merging a branch that changed JSON files gives a modify/delete conflict on them: leave the branch's
files in the tree, run this (`make i18n`), then `git add -A plugin/messages` and commit the merge.

    .venv/bin/python scripts/json_to_po.py             # fold in, then delete the JSON files
    .venv/bin/python scripts/json_to_po.py --check     # exit 1 when JSON files are left to fold in
    .venv/bin/python scripts/json_to_po.py --baseline REV   # the commit whose JSON texts are known
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
MESSAGES = ROOT / "plugin" / "messages"
LANGUAGES = ("da", "en")
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"
LANGUAGE_TEAM = {"da": "Danish", "en": "English"}
# The commit whose JSON catalogues the PO files were made from (the last one with only JSON files).
CONVERTED_FROM = "a2d52bfca8421057433e421a93ee48b310c8c347"


def po_path(language: str) -> Path:
    return MESSAGES / language / "LC_MESSAGES" / "messages.po"


def new_catalogue(language: str) -> Catalog:
    catalogue = Catalog(
        locale=language,
        domain="messages",
        project="mus-teams",
        version="",
        copyright_holder="",
        msgid_bugs_address="",
        language_team=LANGUAGE_TEAM[language],
        fuzzy=False,
    )
    return catalogue


def load(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return new_catalogue(language)
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def save(catalogue: Catalog, language: str) -> None:
    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    # No wrapping (width 0) and sorted by key: one line per text, so merges stay readable.
    write_po(buffer, catalogue, width=0, sort_output=True, omit_header=False, include_previous=False)
    text = buffer.getvalue().decode("utf-8")
    text = _fix_header(text)
    path.write_text(text, encoding="utf-8")


_DROPPED = (
    '"POT-Creation-Date:',
    '"PO-Revision-Date:',
    '"Generated-By:',
    "# FIRST AUTHOR",
    "# Copyright (C)",
    "# This file is distributed",
)


def _fix_header(text: str) -> str:
    """Babel writes its own plural rule for the locale; both our languages use `(n != 1)`, and a
    stable header keeps reruns byte-identical (no creation date that moves)."""
    lines = []
    for line in text.splitlines(keepends=True):
        if line.startswith('"Plural-Forms:'):
            lines.append(f'"Plural-Forms: {PLURAL_FORMS}\\n"\n')
        elif not line.startswith(_DROPPED):
            lines.append(line)
    return "".join(lines)


def json_files(language: str) -> list[Path]:
    return sorted((MESSAGES / language).glob("*.json"))


def read_json(paths: list[Path]) -> dict[str, tuple[str, str]]:
    """key -> (text, area): the area (the JSON file's name) becomes a comment for translators."""
    merged: dict[str, tuple[str, str]] = {}
    for path in paths:
        merged.update({key: (text, path.stem) for key, text in json.loads(path.read_text("utf-8")).items()})
    return merged


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def conversion_baseline() -> str | None:
    """CONVERTED_FROM when this repository has it (else every JSON text counts as changed)."""
    return CONVERTED_FROM if _git("cat-file", "-e", f"{CONVERTED_FROM}^{{commit}}") is not None else None


def baseline_texts(rev: str | None, language: str) -> dict[str, str]:
    if not rev:
        return {}
    listing = _git("ls-tree", "--name-only", f"{rev}:plugin/messages/{language}") or ""
    merged: dict[str, str] = {}
    for name in sorted(listing.split()):
        if name.endswith(".json"):
            merged.update(json.loads(_git("show", f"{rev}:plugin/messages/{language}/{name}") or "{}"))
    return merged


def fold(language: str, baseline: dict[str, str]) -> tuple[Catalog, list[str]]:
    catalogue = load(language)
    notes: list[str] = []
    for key, (text, area) in sorted(read_json(json_files(language)).items()):
        message = catalogue.get(key)
        if message is None:
            catalogue.add(key, text, auto_comments=[f"area: {area}"])
            notes.append(f"{language}: added {key}")
            continue
        if key in baseline and baseline[key] == text:
            continue  # the branch did not change this text: keep what the PO file says now
        if isinstance(message.string, tuple | list):
            if all(form == text for form in message.string):
                continue
            message.string = tuple(text for _ in message.string)
            notes.append(f"{language}: CHECK the plural forms of {key}: set every form to the JSON text")
        elif message.string != text:
            message.string = text
            notes.append(f"{language}: updated {key}")
    return catalogue, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only tell whether JSON files are left")
    parser.add_argument("--baseline", help="the commit whose JSON texts the PO files already hold")
    parser.add_argument("--keep-json", action="store_true", help="do not delete the JSON files")
    args = parser.parse_args(argv)

    left = [path for language in LANGUAGES for path in json_files(language)]
    if args.check:
        for path in left:
            print(f"not folded into the PO catalogues: {path}")
        return 1 if left else 0
    rev = args.baseline or conversion_baseline()
    for language in LANGUAGES:
        catalogue, notes = fold(language, baseline_texts(rev, language))
        save(catalogue, language)
        for note in notes:
            print(note)
    if not args.keep_json:
        for path in left:
            path.unlink()
            print(f"removed {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
