"""Bundle budget: everything the meeting side panel loads first (/tab/sidepanel: all JS and CSS of
the `tab` entry, teams-js included) must stay within 200 KB gzipped.

    .venv/bin/python scripts/check_bundle.py          # after `npm run build` in web/

Exits 1 past the budget or without a build, printing the measured size either way."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from plugin.pages.assets import BUILD_DIR, BuildManifest

BUDGET_BYTES = 200 * 1000
SIDE_PANEL_ENTRY = "tab"  # /tab/sidepanel loads the `tab` entry's files (see plugin/pages/views.py)


@dataclass(frozen=True)
class Measurement:
    entry: str
    files: tuple[str, ...]
    gzipped_bytes: int
    budget_bytes: int = BUDGET_BYTES

    @property
    def within_budget(self) -> bool:
        return self.gzipped_bytes <= self.budget_bytes

    def report(self) -> str:
        verdict = "within" if self.within_budget else "OVER"
        return (
            f"side panel first load: {self.gzipped_bytes / 1000:.1f} KB gzipped, {verdict} the budget of "
            f"{self.budget_bytes / 1000:.0f} KB ({', '.join(self.files)})"
        )


def measure(build_dir: Path = BUILD_DIR, entry: str = SIDE_PANEL_ENTRY) -> Measurement:
    manifest = BuildManifest(build_dir)
    files = manifest.entry(entry)
    if files is None:
        manifest_path = build_dir / "manifest.json"
        raise FileNotFoundError(f"{manifest_path} has no entry {entry!r}: run `npm run build` in web/")
    return Measurement(entry, files.all, manifest.gzipped_size(entry))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    build_dir = Path(args[0]) if args else BUILD_DIR
    try:
        result = measure(build_dir)
    except FileNotFoundError as exc:
        print(f"bundle budget: {exc}", file=sys.stderr)
        return 1
    print(result.report())
    return 0 if result.within_budget else 1


if __name__ == "__main__":
    sys.exit(main())
