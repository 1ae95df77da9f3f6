"""Bundle budgets: what each tab surface loads first (its page's module script, the chunks it
preloads and its style sheets: manifest entry `tab:<surface>`), in the bytes the server sends with
gzip and with brotli (the .gz and .br the build writes beside each file). Each surface has a budget
in gzipped bytes.

    .venv/bin/python scripts/check_bundle.py          # after `npm run build` in web/

Prints one line per surface; exits 1 when one is past its budget, or without a build."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from plugin.pages.assets import BUILD_DIR, BuildManifest

# Gzipped bytes per surface. The side panel was 87.9 KB with one bundle for every surface (Yjs in it).
BUDGETS = {
    "sidepanel": 80_000,
    "stage": 80_000,
    "content": 110_000,
    "config": 55_000,
    "personal": 75_000,
}
SIDE_PANEL = "sidepanel"


@dataclass(frozen=True)
class Measurement:
    surface: str
    files: tuple[str, ...]
    gzipped_bytes: int
    brotli_bytes: int
    budget_bytes: int

    @property
    def entry(self) -> str:
        return f"tab:{self.surface}"

    @property
    def within_budget(self) -> bool:
        return self.gzipped_bytes <= self.budget_bytes

    def report(self) -> str:
        verdict = "within" if self.within_budget else "OVER"
        return (
            f"{self.surface:<10} first load: {self.gzipped_bytes / 1000:6.1f} KB gzipped, "
            f"{self.brotli_bytes / 1000:6.1f} KB brotli, {verdict} the budget of "
            f"{self.budget_bytes / 1000:.0f} KB gzipped ({len(self.files)} files)"
        )


def measure(build_dir: Path = BUILD_DIR, surface: str = SIDE_PANEL, budget: int | None = None) -> Measurement:
    manifest = BuildManifest(build_dir)
    entry = f"tab:{surface}"
    files = manifest.entry(entry)
    if files is None:
        manifest_path = build_dir / "manifest.json"
        raise FileNotFoundError(f"{manifest_path} has no entry {entry!r}: run `npm run build` in web/")
    return Measurement(
        surface,
        files.all,
        manifest.encoded_size(entry, "gzip"),
        manifest.encoded_size(entry, "br"),
        BUDGETS[surface] if budget is None else budget,
    )


def measure_all(build_dir: Path = BUILD_DIR) -> list[Measurement]:
    return [measure(build_dir, surface) for surface in BUDGETS]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    build_dir = Path(args[0]) if args else BUILD_DIR
    try:
        results = measure_all(build_dir)
    except FileNotFoundError as exc:
        print(f"bundle budget: {exc}", file=sys.stderr)
        return 1
    for result in results:
        print(result.report())
    return 0 if all(result.within_budget for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
