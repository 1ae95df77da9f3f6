"""The tab pages, the public pages and the simulator route: language, texts, built assets, headers;
and the side panel's bundle budget. (The pages in a real browser: tests/browser/.)"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape

from plugin import create_app
from plugin.config import settings_from_env
from plugin.i18n import catalogue, format_number, ngettext
from plugin.pages import assets
from plugin.pages.headers import FRAME_ANCESTORS
from plugin.pages.render import SIMULATOR_TEXTS, TAB_TEXTS

ROOT = Path(__file__).resolve().parent.parent
SURFACES = ("config", "sidepanel", "stage", "content", "personal")
PUBLIC_PAGES = ("/", "/privacy", "/terms")
DA, EN = catalogue("da"), catalogue("en")
UI_KEYS = {key for key in DA if key.startswith("ui.")}


def _load_check_bundle():
    spec = importlib.util.spec_from_file_location("check_bundle", ROOT / "scripts" / "check_bundle.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


class _Page(HTMLParser):
    """What the browser would load and see: stylesheets, scripts, the boot data, the <html> tag."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.html_attrs: dict[str, str | None] = {}
        self.metas: list[dict[str, str | None]] = []
        self.stylesheets: list[str] = []
        self.preloads: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.links: list[str] = []
        self._in_boot = False
        self.boot_text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "html":
            self.html_attrs = found
        elif tag == "meta":
            self.metas.append(found)
        elif tag == "link" and found.get("rel") == "stylesheet":
            self.stylesheets.append(found["href"] or "")
        elif tag == "link" and found.get("rel") == "modulepreload":
            self.preloads.append(found["href"] or "")
        elif tag == "script":
            self.scripts.append(found)
            self._in_boot = found.get("id") == "mus-boot"
        elif tag == "a":
            self.links.append(found.get("href") or "")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_boot = False

    def handle_data(self, data):
        if self._in_boot:
            self.boot_text += data

    @property
    def boot(self) -> dict:
        return json.loads(self.boot_text)

    @property
    def module_scripts(self) -> list[str]:
        return [s["src"] or "" for s in self.scripts if s.get("type") == "module"]


@pytest.fixture(scope="module")
def built() -> assets.BuildManifest:
    manifest = assets.BuildManifest(assets.BUILD_DIR)
    if manifest.entry("tab:sidepanel") is None or manifest.entry("simulator") is None:
        pytest.fail("the front end is not built: run `npm ci && npm run build` in web/ (make test does)")
    return manifest


@pytest.fixture
def client(app, built):
    return app.test_client()


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory, built):
    folder = tmp_path_factory.mktemp("demo-pages")
    environ = {"MUS_DEMO": "1", "MUS_DATABASE_URL": f"sqlite:///{folder / 'mus.sqlite3'}"}
    settings = settings_from_env(environ, instance_path=str(folder))
    app = create_app(settings)
    yield app
    app.extensions["mus.demo_cloud"].close()


@pytest.fixture
def demo_client(demo_app):
    return demo_app.test_client()


def _page(response) -> _Page:
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "text/html"
    return _Page(response.get_data(as_text=True))


def _csp(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return {part.split(" ", 1)[0]: part.split(" ", 1)[1] for part in policy.split("; ")}


# --- the tab surfaces ---------------------------------------------------------------------------


@pytest.mark.parametrize("surface", SURFACES)
def test_each_surface_is_the_tab_shell_with_the_hashed_build(client, built, surface):
    page = _page(client.get(f"/tab/{surface}"))
    entry = built.entry(f"tab:{surface}")
    assert page.html_attrs["lang"] == "da"
    assert {"name": "viewport", "content": "width=device-width, initial-scale=1"} in page.metas
    assert page.stylesheets == [f"/static/build/{name}" for name in entry.css]
    assert page.module_scripts == [f"/static/build/{name}" for name in entry.js]
    # Every chunk the entry and the surface import is preloaded (no waterfall of imports).
    assert page.preloads == [f"/static/build/{name}" for name in entry.preload]
    assert len(page.preloads) >= 2
    urls = page.stylesheets + page.module_scripts + page.preloads
    assert all(re.search(r"-[A-Z0-9]{8}\.(js|css)$", url) for url in urls)
    boot = page.boot
    assert boot["surface"] == surface
    assert boot["demo"] is False
    assert boot["language"] == "da"
    assert boot["signInUrl"] == "/auth/login"


def test_unknown_surface_is_404(client):
    assert client.get("/tab/elsewhere").status_code == 404


def test_the_page_embeds_both_languages_of_the_tab_texts_only(client):
    texts = _page(client.get("/tab/sidepanel")).boot["texts"]
    assert set(texts) == {"da", "en"}
    assert set(texts["da"]) == set(texts["en"])
    expected = {key for key in UI_KEYS if key.startswith(TAB_TEXTS)}
    assert set(texts["da"]) == expected
    assert texts["en"]["ui.personal.heading"] == EN["ui.personal.heading"]
    assert not any(key.startswith(("ui.privacy.", "ui.sim.", "ui.landing.")) for key in texts["da"])


@pytest.mark.parametrize(
    "query,accept,expected",
    [
        ("", None, "da"),
        ("", "en-US,en;q=0.9", "en"),
        ("", "fr-FR,fr;q=0.9", "da"),
        ("?locale=en-us", None, "en"),
        ("?locale=da-dk", "en-US", "da"),  # the Teams locale wins over the browser
        ("?locale=sv-se", "en-GB", "en"),
    ],
)
def test_page_language(client, query, accept, expected):
    headers = {"Accept-Language": accept} if accept else {}
    page = _page(client.get(f"/tab/personal{query}", headers=headers))
    assert page.html_attrs["lang"] == expected
    assert page.boot["language"] == expected


def test_theme_from_the_url(client):
    assert _page(client.get("/tab/stage?theme=dark")).html_attrs["data-theme"] == "dark"
    assert "data-theme" not in _page(client.get("/tab/stage?theme=neon")).html_attrs


def test_html_headers(client):
    for path in (*(f"/tab/{s}" for s in SURFACES), *PUBLIC_PAGES):
        response = client.get(path)
        assert response.headers["Cache-Control"] == "no-cache", path
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        csp = _csp(response)
        # Only Microsoft's hosts frame the app in production; this origin itself only in demo mode.
        assert csp["frame-ancestors"].split() == list(FRAME_ANCESTORS)
        assert "'self'" not in csp["frame-ancestors"]
        assert {"https://teams.microsoft.com", "https://*.cloud.microsoft"} <= set(FRAME_ANCESTORS)
        assert response.headers["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert csp["script-src"] == "'self'"
        assert csp["default-src"] == "'self'"
        assert csp["object-src"] == "'none'"
        assert "unsafe" not in response.headers["Content-Security-Policy"]
        assert "X-Frame-Options" not in response.headers  # frame-ancestors decides


def test_no_inline_scripts_or_styles(client, demo_client):
    for response in (client.get("/tab/sidepanel"), demo_client.get("/simulator/"), client.get("/")):
        page = _Page(response.get_data(as_text=True))
        for script in page.scripts:
            assert script.get("src") or script.get("type") == "application/json", script
        assert " style=" not in response.get_data(as_text=True)
        assert "<style" not in response.get_data(as_text=True)


# --- the built assets --------------------------------------------------------------------------


def test_built_assets_are_served_immutable(client, built):
    for entry in ("tab:content", "simulator"):
        for name in built.entry(entry).all:
            with client.get(f"/static/build/{name}") as response:
                assert response.status_code == 200, name
                assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
                assert response.mimetype in ("text/javascript", "application/javascript", "text/css")
                assert "Content-Encoding" not in response.headers  # none asked for
                assert "Accept-Encoding" in response.headers["Vary"]
                assert response.get_data() == (assets.BUILD_DIR / name).read_bytes()


def _decoded(response) -> bytes:
    body = response.get_data()
    encoding = response.headers.get("Content-Encoding")
    if encoding == "br":  # no brotli in Python's standard library: Node's zlib (it built the files)
        node = shutil.which("node")
        assert node, "Node.js is needed (it builds the front end)"
        script = "process.stdout.write(require('zlib').brotliDecompressSync(require('fs').readFileSync(0)))"
        return subprocess.run([node, "-e", script], input=body, capture_output=True, check=True).stdout
    if encoding == "gzip":
        return gzip.decompress(body)
    assert encoding is None, encoding
    return body


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("gzip, deflate, br, zstd", "br"),  # Chromium's
        ("br", "br"),
        ("gzip", "gzip"),
        ("deflate, gzip;q=0.8", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("br;q=0.5, gzip", "gzip"),  # the client's preference first
        ("*", "br"),
        ("*;q=0.5, br;q=0", "gzip"),  # named outright: not acceptable, whatever `*` says
        ("gzip;q=0, br;q=0", None),
        ("identity", None),
        ("*;q=0", None),
        ("", None),
        ("nonsense;;q=x, ,", None),
    ],
)
def test_built_assets_are_sent_compressed_as_the_request_allows(client, built, accept, expected):
    names = built.entry("tab:sidepanel").all
    assert any(name.endswith(".css") for name in names) and any(name.endswith(".js") for name in names)
    for name in names:
        original = (assets.BUILD_DIR / name).read_bytes()
        with client.get(f"/static/build/{name}", headers={"Accept-Encoding": accept}) as response:
            assert response.status_code == 200, name
            assert response.headers.get("Content-Encoding") == expected
            assert response.mimetype == ("text/css" if name.endswith(".css") else "text/javascript")
            assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
            assert "Accept-Encoding" in response.headers["Vary"]
            assert int(response.headers["Content-Length"]) == len(response.get_data())
            if expected:
                assert len(response.get_data()) < len(original)
            assert _decoded(response) == original


def test_compressed_assets_answer_conditional_requests_per_encoding(client, built):
    name = built.entry("tab:sidepanel").js[0]
    url = f"/static/build/{name}"
    tags = {}
    for accept in ("br", "gzip", "identity"):
        with client.get(url, headers={"Accept-Encoding": accept}) as response:
            tags[accept] = response.headers["ETag"]
        with client.get(url, headers={"Accept-Encoding": accept, "If-None-Match": tags[accept]}) as response:
            assert response.status_code == 304
    assert len(set(tags.values())) == 3  # a cache never mixes up one encoding's body with another's


@pytest.mark.parametrize(
    "path",
    [
        "/static/build/manifest.json",
        "/static/build/manifest.json.gz",
        "/static/build/nothing-here.js",
        "/static/build/../../i18n.py",
        "/static/build/../../i18n.py.gz",
    ],
)
def test_manifest_and_unknown_files_are_not_served(client, path):
    with client.get(path, headers={"Accept-Encoding": "gzip, br"}) as response:
        assert response.status_code == 404


def test_a_missing_build_says_how_to_build(app, tmp_path):
    app.extensions["mus.assets"] = assets.BuildManifest(tmp_path)
    response = app.test_client().get("/tab/sidepanel")
    assert response.status_code == 200
    assert "npm run build" in response.get_data(as_text=True)


# --- the public pages --------------------------------------------------------------------------


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_need_no_script(client, built, path):
    page = _page(client.get(path))
    assert page.stylesheets == [f"/static/build/{name}" for name in built.entry("tab").css]
    assert page.scripts == [] and page.preloads == []
    assert {"/", "/privacy", "/terms"} <= set(page.links)


def test_landing_links_the_simulator_in_demo_mode_only(client, demo_client):
    assert "/simulator/" not in _page(client.get("/")).links
    page = _page(demo_client.get("/?locale=en"))
    assert "/simulator/" in page.links
    body = demo_client.get("/?locale=en").get_data(as_text=True)
    assert "Mette Sørensen" in body and "Jonas Kjær Nielsen" in body


@pytest.mark.parametrize("language", ["da", "en"])
def test_privacy_is_honest_about_the_legal_basis(client, app, language):
    body = client.get(f"/privacy?locale={language}").get_data(as_text=True)
    texts = catalogue(language)
    for key in ("ui.privacy.basis", "ui.privacy.safeguard"):
        assert str(escape(texts[key])) in body
    days = app.extensions["mus.settings"].retention_days
    assert (
        str(escape(ngettext("ui.privacy.retention", days, language, days=format_number(days, language))))
        in body
    )
    assert f"{days} " in body


def test_terms(client):
    body = client.get("/terms?locale=en").get_data(as_text=True)
    assert str(escape(EN["ui.terms.title"])) in body and str(escape(EN["ui.terms.agreements"])) in body


# --- the simulator -----------------------------------------------------------------------------


def test_the_teams_js_only_baseline_page_is_in_demo_mode_only(client, demo_client, built):
    """bench/web.py's baseline: the simulator with a teams-js-only page in its side panels."""
    assert client.get("/simulator/teams-js").status_code == 404
    page = _page(demo_client.get("/simulator/teams-js"))
    entry = built.entry("teams-js-only")
    assert page.module_scripts == [f"/static/build/{name}" for name in entry.js]
    assert page.preloads == [f"/static/build/{name}" for name in entry.preload]
    assert page.boot_text == ""
    assert (
        _page(demo_client.get("/simulator/?baseline=teams-js")).boot["sidePanelUrl"] == "/simulator/teams-js"
    )
    assert "sidePanelUrl" not in _page(demo_client.get("/simulator/")).boot


def test_the_simulator_exists_in_demo_mode_only(client, demo_client, built):
    assert client.get("/simulator/").status_code == 404
    page = _page(demo_client.get("/simulator/"))
    assert page.module_scripts == [f"/static/build/{name}" for name in built.entry("simulator").js]
    boot = page.boot
    assert [p["name"] for p in boot["participants"]] == ["Mette Sørensen", "Jonas Kjær Nielsen"]
    assert [p["role"] for p in boot["participants"]] == ["manager", "employee"]
    assert boot["meeting"] == {"id": "sim-meeting-demo", "chatId": "19:meeting_demo@thread.v2"}
    assert set(boot["texts"]["en"]) == {key for key in UI_KEYS if key.startswith(SIMULATOR_TEXTS)}
    assert _csp(demo_client.get("/simulator/"))["frame-src"] == "'self'"


def test_the_simulator_meeting_key_is_checked(demo_client):
    boot = _page(demo_client.get("/simulator/?meeting=t-42")).boot
    assert boot["meeting"]["id"] == "sim-meeting-t-42"
    boot = _page(demo_client.get("/simulator/?meeting=%3Cscript%3E")).boot
    assert boot["meeting"]["id"] == "sim-meeting-demo"


def test_the_simulator_answers_loopback_only(demo_client):
    response = demo_client.get("/simulator/", environ_base={"REMOTE_ADDR": "192.0.2.10"})
    assert response.status_code == 403


# --- texts used by the front end and the templates exist -------------------------------------


def _front_end_sources() -> list[Path]:
    return sorted((ROOT / "web" / "src").rglob("*.ts*"))


def test_every_text_the_front_end_uses_exists_in_both_languages():
    literal = re.compile(r"[\"'](ui\.[a-z0-9_.]+)[\"']")
    templated = re.compile(r"`(ui\.[a-z0-9_.]+\.)\$\{")
    used, prefixes = set(), set()
    for path in _front_end_sources():
        text = path.read_text("utf-8")
        used |= set(literal.findall(text))
        prefixes |= set(templated.findall(text))
    assert len(used) > 50 and "ui.stage.share" in used and "ui.status." in prefixes
    assert sorted(used - UI_KEYS) == []
    assert sorted(p for p in prefixes if not any(k.startswith(p) for k in UI_KEYS)) == []
    embedded = TAB_TEXTS + SIMULATOR_TEXTS
    assert sorted(key for key in used if not key.startswith(embedded)) == []


def test_every_text_the_templates_use_exists():
    folder = ROOT / "plugin" / "pages" / "templates"
    used = set()
    for path in folder.rglob("*.html"):
        used |= set(re.findall(r"t\([\"'](ui\.[a-z0-9_.]+)[\"']", path.read_text("utf-8")))
    assert "ui.privacy.basis" in used
    assert sorted(used - UI_KEYS) == []


def test_ui_texts_are_in_both_languages():
    assert sorted(k for k in EN if k.startswith("ui.")) == sorted(UI_KEYS)


# --- the bundle budget -------------------------------------------------------------------------


def test_each_surface_first_load_is_within_its_budget(client, built, capsys):
    check_bundle = _load_check_bundle()
    measured = check_bundle.measure_all(assets.BUILD_DIR)
    assert {m.surface for m in measured} == set(SURFACES)
    for measurement in measured:
        # What the check measures is exactly what the surface's page loads first.
        page = _page(client.get(f"/tab/{measurement.surface}"))
        loaded = sorted(
            url.removeprefix("/static/build/")
            for url in page.stylesheets + page.module_scripts + page.preloads
        )
        assert sorted(measurement.files) == loaded
        assert measurement.gzipped_bytes > 20_000  # teams-js and Preact are in it
        assert 0 < measurement.brotli_bytes < measurement.gzipped_bytes
        assert measurement.within_budget, measurement.report()
    side_panel = next(m for m in measured if m.surface == "sidepanel")
    assert side_panel.budget_bytes < 87_900  # one bundle for every surface weighed 87.9 KB
    assert check_bundle.main([]) == 0
    out = capsys.readouterr().out
    assert out.count("KB brotli") == len(SURFACES)


def test_yjs_loads_only_with_the_shared_notes(built):
    """Yjs (and lib0) are in a chunk of their own, imported when an item's notes are shown."""
    marker = b"Yjs was already imported"
    with_yjs = [p.name for p in assets.BUILD_DIR.glob("*.js") if marker in p.read_bytes()]
    assert len(with_yjs) == 1
    for surface in SURFACES:
        assert with_yjs[0] not in built.entry(f"tab:{surface}").all, surface


def test_the_budget_check_fails_past_the_budget_and_without_a_build(tmp_path, capsys):
    check_bundle = _load_check_bundle()
    big = os.urandom(300_000)  # random bytes do not compress
    (tmp_path / "big.js").write_bytes(big)
    (tmp_path / "big.js.gz").write_bytes(gzip.compress(big))
    (tmp_path / "big.js.br").write_bytes(big)
    entries = {f"tab:{surface}": {"js": ["big.js"], "css": []} for surface in SURFACES}
    (tmp_path / "manifest.json").write_text(json.dumps(entries))
    assert check_bundle.main([str(tmp_path)]) == 1
    assert "OVER" in capsys.readouterr().out
    assert check_bundle.main([str(tmp_path / "missing")]) == 1
