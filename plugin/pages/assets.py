"""The front end's built files: `web/build.mjs` writes content-hashed bundles and `manifest.json`
({entry: {"js": [...], "css": [...]}}) into `plugin/static/build/`. Pages look their files up
here; the files are served under /static/build/ and cached for a year (their names change with
their content)."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app, send_from_directory

from ..domain.errors import NotFound

BUILD_DIR = Path(__file__).resolve().parent.parent / "static" / "build"
MANIFEST_NAME = "manifest.json"
URL_PREFIX = "/static/build"
IMMUTABLE = "public, max-age=31536000, immutable"
ONE_YEAR = 31536000


@dataclass(frozen=True)
class EntryFiles:
    """The files one entry loads, as names relative to the build folder."""

    js: tuple[str, ...]
    css: tuple[str, ...]

    @property
    def all(self) -> tuple[str, ...]:
        return self.css + self.js

    def urls(self) -> dict[str, list[str]]:
        return {"js": [f"{URL_PREFIX}/{n}" for n in self.js], "css": [f"{URL_PREFIX}/{n}" for n in self.css]}


class BuildManifest:
    """Reads manifest.json, again whenever the file changes (a rebuild needs no restart)."""

    def __init__(self, folder: Path = BUILD_DIR) -> None:
        self.folder = folder
        self._stamp: float | None = None
        self._entries: dict[str, EntryFiles] = {}

    def _load(self) -> dict[str, EntryFiles]:
        path = self.folder / MANIFEST_NAME
        try:
            stamp = path.stat().st_mtime
        except FileNotFoundError:
            self._stamp, self._entries = None, {}
            return self._entries
        if stamp != self._stamp:
            data = json.loads(path.read_text("utf-8"))
            self._entries = {
                name: EntryFiles(tuple(files.get("js", ())), tuple(files.get("css", ())))
                for name, files in data.items()
            }
            self._stamp = stamp
        return self._entries

    def entry(self, name: str) -> EntryFiles | None:
        return self._load().get(name)

    def gzipped_size(self, name: str) -> int:
        """The bytes a browser downloads for `name` with gzip (level 9), all files together."""
        entry = self.entry(name)
        if entry is None:
            manifest_path = self.folder / MANIFEST_NAME
            raise FileNotFoundError(f"no entry {name!r} in {manifest_path}: build the front end")
        return sum(len(gzip.compress((self.folder / f).read_bytes(), 9, mtime=0)) for f in entry.all)


def manifest() -> BuildManifest:
    return current_app.extensions["mus.assets"]


def serve_build_file(filename: str):
    if filename == MANIFEST_NAME:
        raise NotFound()
    # send_from_directory refuses anything outside the folder (404).
    response = send_from_directory(manifest().folder, filename, max_age=ONE_YEAR, conditional=True)
    response.headers["Cache-Control"] = IMMUTABLE
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def init_app(app: Flask, folder: Path = BUILD_DIR) -> None:
    app.extensions["mus.assets"] = BuildManifest(folder)
    app.add_url_rule(f"{URL_PREFIX}/<path:filename>", "build_asset", serve_build_file)
