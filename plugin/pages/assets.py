"""The front end's built files: `web/build.mjs` writes content-hashed bundles, a `.br` and a `.gz`
beside each, and `manifest.json` ({page: {"js": [...], "preload": [...], "css": [...]}}) into
`plugin/static/build/`. Pages look their files up here; the files are served under /static/build/,
compressed as the request's Accept-Encoding allows (brotli, else gzip, else as they are), and cached
for a year (their names change with their content)."""

from __future__ import annotations

import json
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app, request, send_from_directory
from werkzeug.http import parse_accept_header
from werkzeug.security import safe_join

from ..domain.errors import NotFound

BUILD_DIR = Path(__file__).resolve().parent.parent / "static" / "build"
MANIFEST_NAME = "manifest.json"
URL_PREFIX = "/static/build"
IMMUTABLE = "public, max-age=31536000, immutable"
ONE_YEAR = 31536000
# The encodings the build writes beside each file (suffix), best first.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


@dataclass(frozen=True)
class EntryFiles:
    """The files one page loads first, as names relative to the build folder: its module scripts, the
    chunks they import (preloaded, so they are fetched at once rather than one after another) and
    its style sheets."""

    js: tuple[str, ...]
    css: tuple[str, ...]
    preload: tuple[str, ...] = ()

    @property
    def all(self) -> tuple[str, ...]:
        return self.css + self.js + self.preload

    def urls(self) -> dict[str, list[str]]:
        def url(names: tuple[str, ...]) -> list[str]:
            return [f"{URL_PREFIX}/{n}" for n in names]

        return {"js": url(self.js), "preload": url(self.preload), "css": url(self.css)}


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
                name: EntryFiles(
                    tuple(files.get("js", ())), tuple(files.get("css", ())), tuple(files.get("preload", ()))
                )
                for name, files in data.items()
            }
            self._stamp = stamp
        return self._entries

    def entry(self, name: str) -> EntryFiles | None:
        return self._load().get(name)

    def encoded_size(self, name: str, encoding: str) -> int:
        """The bytes the server sends for `name` with `encoding` ("br", "gzip"): its built files."""
        suffix = dict(ENCODINGS)[encoding]
        return sum((self.folder / f"{f}{suffix}").stat().st_size for f in self._files(name))

    def _files(self, name: str) -> tuple[str, ...]:
        entry = self.entry(name)
        if entry is None:
            manifest_path = self.folder / MANIFEST_NAME
            raise FileNotFoundError(f"no entry {name!r} in {manifest_path}: build the front end")
        return entry.all


def manifest() -> BuildManifest:
    return current_app.extensions["mus.assets"]


def best_encoding(accept_encoding: str | None, folder: Path, filename: str) -> tuple[str, str] | None:
    """The best built encoding of `filename` the request accepts, (encoding, suffix), or None for the
    file as it is. The client's q-values decide (0: not acceptable; an encoding named outright
    before `*`), then ours: brotli, the smaller, before gzip."""
    accepted = list(parse_accept_header(accept_encoding))
    best: tuple[float, str, str] | None = None
    for name, suffix in ENCODINGS:
        quality = _quality(accepted, name)
        if quality > 0 and (best is None or quality > best[0]) and (folder / f"{filename}{suffix}").is_file():
            best = (quality, name, suffix)
    return best and (best[1], best[2])


def _quality(accepted: list[tuple[str, float]], encoding: str) -> float:
    exact = [quality for value, quality in accepted if value.lower() == encoding]
    if exact:
        return exact[0]
    return next((quality for value, quality in accepted if value == "*"), 0)


def serve_build_file(filename: str):
    folder = manifest().folder
    # Anything outside the folder, the manifest and the compressed twins themselves: 404.
    path = safe_join(str(folder), filename)
    if path is None or filename == MANIFEST_NAME or filename.endswith(tuple(s for _, s in ENCODINGS)):
        raise NotFound()
    if not Path(path).is_file():
        raise NotFound()
    chosen = best_encoding(request.headers.get("Accept-Encoding"), folder, filename)
    if chosen is None:
        response = send_from_directory(folder, filename, max_age=ONE_YEAR, conditional=True)
    else:
        encoding, suffix = chosen
        # The body is the compressed twin's (its own length and ETag), the type the original's.
        mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        response = send_from_directory(
            folder, f"{filename}{suffix}", mimetype=mimetype, max_age=ONE_YEAR, conditional=True
        )
        response.headers["Content-Encoding"] = encoding
    response.vary.add("Accept-Encoding")
    response.headers["Cache-Control"] = IMMUTABLE
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def init_app(app: Flask, folder: Path = BUILD_DIR) -> None:
    app.extensions["mus.assets"] = BuildManifest(folder)
    app.add_url_rule(f"{URL_PREFIX}/<path:filename>", "build_asset", serve_build_file)
