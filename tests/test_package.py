"""`mus package`: the Teams app package is valid against Microsoft's v1.29 schemas (copied into
manifest/schemas, which `mus package` also checks against), names the publisher, points only at pages
the app serves (or the publisher's https pages), has proper icons, and bad arguments write nothing."""

from __future__ import annotations

import json
import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from jsonschema import Draft7Validator, Draft201909Validator
from werkzeug.exceptions import HTTPException

from plugin.cli import main
from plugin.teams_package import PackageError, Publisher, build_package
from tests.support.idp import APP_DOMAIN, CLIENT_ID

SOURCES = Path(__file__).resolve().parent.parent / "manifest"
DATA = SOURCES / "schemas"
APP_ID = "0b7c9a52-6f3e-4d1a-9c2b-5e8f7a6d4c3b"
DOMAIN = APP_DOMAIN  # the domain the `app` fixture is configured with
FILES = {"manifest.json", "da.json", "color.png", "outline.png"}
PAGES = {"/", "/privacy", "/terms", "/tab/config", "/tab/personal"}
MANIFEST_SCHEMA = "MicrosoftTeams.schema.v1.29.json"
LOCALIZATION_SCHEMA = "MicrosoftTeams.Localization.schema.v1.29.json"


def schema_errors(document: Any, schema_file: str) -> list[str]:
    """Validation errors against a schema of manifest/schemas. The schemas declare draft-04 but use
    `const`, which a draft-04 validator silently ignores, so Draft 7 checks them; Draft 7 in turn
    ignores keywords next to `$ref` (the localization schema's `maxLength` on name.short and the
    descriptions), which Draft 2019-09 applies, so both run."""
    schema = json.loads((DATA / schema_file).read_text(encoding="utf-8"))
    errors = set()
    for draft in (Draft7Validator, Draft201909Validator):
        for error in draft(schema, format_checker=draft.FORMAT_CHECKER).iter_errors(document):
            errors.add(f"{'/'.join(map(str, error.absolute_path))}: {error.message}")
    return sorted(errors)


PUBLISHER = "Eksempel Kommune"
PUBLISHER_FIELDS = {
    "publisher_name": "name",
    "publisher_website": "website_url",
    "privacy_url": "privacy_url",
    "terms_url": "terms_url",
    "mpn_id": "mpn_id",
}


def build(tmp_path: Path, name: str = "mus.zip", **changes: str) -> Path:
    arguments = {"app_id": APP_ID, "domain": DOMAIN, "client_id": CLIENT_ID, "version": "1.2.3"}
    publisher = {"name": PUBLISHER}
    for key, value in changes.items():
        if key in PUBLISHER_FIELDS:
            publisher[PUBLISHER_FIELDS[key]] = value
        else:
            arguments[key] = value
    return build_package(**arguments, publisher=Publisher(**publisher), output=tmp_path / name)


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture
def package(tmp_path) -> dict[str, bytes]:
    return members(build(tmp_path))


@pytest.fixture
def manifest(package) -> dict[str, Any]:
    return json.loads(package["manifest.json"])


@pytest.fixture
def danish(package) -> dict[str, Any]:
    return json.loads(package["da.json"])


# --- PNG -------------------------------------------------------------------------------------------


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR", "IHDR must be the first chunk"
    return struct.unpack(">II", data[16:24])


def png_pixels(data: bytes) -> list[list[tuple[int, ...]]]:
    """Decode an 8-bit, non-interlaced RGB or RGBA PNG into rows of pixel tuples."""
    position, idat, header = 8, b"", None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"bad CRC in {kind!r}"
        position += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    assert header is not None
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, header
    channels = 4 if colour_type == 6 else 3
    stride = width * channels
    raw = zlib.decompress(idat)
    assert len(raw) == height * (stride + 1)
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, up_left = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                line[i] = (line[i] + predictor) & 0xFF
            else:
                assert kind == 0, f"unknown filter {kind}"
        rows.append([tuple(line[x * channels : (x + 1) * channels]) for x in range(width)])
        previous = line
    return rows


# --- the package -----------------------------------------------------------------------------------


def test_the_zip_holds_exactly_the_four_files_at_its_root(tmp_path):
    path = build(tmp_path)
    assert path == tmp_path / "mus.zip"
    assert set(members(path)) == FILES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mus.zip"]  # no temporary file left


def test_the_manifest_is_valid_against_the_v1_29_schema(manifest):
    assert (
        manifest["$schema"]
        == "https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json"
    )
    assert manifest["manifestVersion"] == "1.29"
    assert schema_errors(manifest, MANIFEST_SCHEMA) == []


def test_the_danish_file_is_valid_against_the_localization_schema(danish):
    assert danish["$schema"].endswith("/v1.29/MicrosoftTeams.Localization.schema.json")
    assert schema_errors(danish, LOCALIZATION_SCHEMA) == []


def test_the_schema_validation_catches_mistakes(manifest, danish):
    assert "manifestVersion: '1.29' was expected" in schema_errors(
        {**manifest, "manifestVersion": "9.9"}, MANIFEST_SCHEMA
    )
    assert schema_errors({**manifest, "id": "mus"}, MANIFEST_SCHEMA)
    assert schema_errors({k: v for k, v in manifest.items() if k != "icons"}, MANIFEST_SCHEMA)
    assert schema_errors({**danish, "name.short": "x" * 31}, LOCALIZATION_SCHEMA) == [
        f"name.short: '{'x' * 31}' is too long"
    ]
    assert schema_errors({**danish, "configurableTabs[0].name": "Fane"}, LOCALIZATION_SCHEMA)


def test_the_manifest_says_what_the_app_is(manifest):
    assert manifest["id"] == APP_ID
    assert manifest["version"] == "1.2.3"
    assert manifest["developer"] == {
        "name": PUBLISHER,
        "websiteUrl": f"https://{DOMAIN}/",
        "privacyUrl": f"https://{DOMAIN}/privacy",
        "termsOfUseUrl": f"https://{DOMAIN}/terms",
    }
    assert manifest["icons"] == {"color": "color.png", "outline": "outline.png"}
    assert re.fullmatch(r"#[0-9A-Fa-f]{6}", manifest["accentColor"])
    assert manifest["configurableTabs"] == [
        {
            "configurationUrl": f"https://{DOMAIN}/tab/config",
            "canUpdateConfiguration": True,
            "scopes": ["groupChat"],
            "context": ["meetingChatTab", "meetingDetailsTab", "meetingSidePanel", "meetingStage"],
        }
    ]
    assert manifest["staticTabs"] == [
        {
            "entityId": "my-mus",
            "name": "My MUS",
            "contentUrl": f"https://{DOMAIN}/tab/personal",
            "scopes": ["personal"],
        }
    ]
    assert manifest["permissions"] == ["identity"]
    assert manifest["validDomains"] == [DOMAIN]
    assert manifest["showLoadingIndicator"] is True
    assert manifest["isFullScreen"] is False
    assert manifest.get("devicePermissions", []) == []
    assert manifest["meetingExtensionDefinition"] == {"supportsCustomShareToStage": True}
    assert manifest["localizationInfo"] == {
        "defaultLanguageTag": "en-us",
        "additionalLanguages": [{"languageTag": "da-dk", "file": "da.json"}],
    }


def test_single_sign_on_names_the_app_registration(manifest):
    assert manifest["webApplicationInfo"] == {"id": CLIENT_ID, "resource": f"api://{DOMAIN}/{CLIENT_ID}"}


def test_only_the_resource_specific_permissions_the_app_uses(manifest):
    # Sharing to the meeting stage (teams-js, on behalf of the signed-in user). Meeting details and
    # transcripts are read through Graph on behalf of the user, not with app-only RSC grants.
    assert manifest["authorization"]["permissions"]["resourceSpecific"] == [
        {"name": "MeetingStage.Write.Chat", "type": "Delegated"}
    ]


def test_names_and_descriptions_fit_in_both_languages(manifest, danish):
    english = {
        "name.short": manifest["name"]["short"],
        "name.full": manifest["name"]["full"],
        "description.short": manifest["description"]["short"],
        "description.full": manifest["description"]["full"],
    }
    for texts in (english, danish):
        assert 0 < len(texts["name.short"]) <= 30
        assert 0 < len(texts["name.full"]) <= 100
        assert 0 < len(texts["description.short"]) <= 80
        assert 0 < len(texts["description.full"]) <= 4000
    assert danish["name.short"] == "MUS"
    assert danish["description.short"] != english["description.short"]
    assert danish["staticTabs[0].name"] == "Min MUS"


def test_every_danish_key_names_a_text_of_the_manifest(manifest, danish):
    for key in set(danish) - {"$schema"}:
        node: Any = manifest
        for part in key.split("."):
            name, *indexes = re.findall(r"[^\[\]]+", part)
            node = node[name]
            for index in indexes:
                node = node[int(index)]
        assert isinstance(node, str), key


def test_danish_letters_travel_as_utf8(package, danish):
    raw = package["da.json"]
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    assert "følg op på" in text
    assert all(letter in text for letter in "æøå")
    assert "\\u00" not in text
    source = json.loads((SOURCES / "da.json").read_text(encoding="utf-8"))
    assert danish == source
    assert "\N{EN DASH}" in package["manifest.json"].decode("utf-8")  # in name.full, unescaped


def test_no_placeholder_is_left(package):
    assert "{{" not in package["manifest.json"].decode("utf-8")


def test_every_app_url_is_a_page_the_app_serves(app, manifest):
    urls = []

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key != "$schema":
                    collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)
        elif isinstance(node, str) and re.match(r"(?i)https?://", node):
            urls.append(node)

    collect(manifest)
    assert all(urlsplit(url).scheme == "https" and urlsplit(url).netloc == DOMAIN for url in urls), urls
    paths = {urlsplit(url).path for url in urls}
    assert paths == PAGES
    routes = app.url_map.bind(DOMAIN, url_scheme="https")
    missing = []
    for path in sorted(paths):
        try:
            routes.match(path, method="GET")
        except HTTPException:  # NotFound, MethodNotAllowed, or a redirect (e.g. a missing slash)
            missing.append(path)
    assert missing == [], f"the manifest points at pages the app does not serve: {missing}"


def test_the_icons_have_the_sizes_teams_requires(package):
    assert png_size(package["color.png"]) == (192, 192)
    assert png_size(package["outline.png"]) == (32, 32)
    colour = png_pixels(package["color.png"])
    assert len(colour) == 192 and all(len(row) == 192 for row in colour)
    assert len({px[:3] for row in colour for px in row}) > 2  # a design, not a blank square


def test_the_outline_icon_is_white_on_transparent(package):
    pixels = png_pixels(package["outline.png"])
    assert all(len(px) == 4 for row in pixels for px in row), "the outline icon needs an alpha channel"
    border = [*pixels[0], *pixels[-1], *(row[0] for row in pixels), *(row[-1] for row in pixels)]
    assert all(px[3] == 0 for px in border), "the background must be transparent"
    assert all(px[:3] == (255, 255, 255) for row in pixels for px in row if px[3] > 0), "white only"
    assert sum(px[3] == 255 for row in pixels for px in row) > 100, "the symbol must be visible"


def test_the_same_arguments_give_the_same_bytes(tmp_path):
    assert build(tmp_path, "a.zip").read_bytes() == build(tmp_path, "b.zip").read_bytes()


def test_ids_and_domain_are_normalised_to_lower_case(tmp_path):
    manifest = json.loads(
        members(build(tmp_path, app_id=APP_ID.upper(), domain="MUS.Example.DK"))["manifest.json"]
    )
    assert manifest["id"] == APP_ID
    assert manifest["validDomains"] == ["mus.example.dk"]
    assert manifest["webApplicationInfo"]["resource"] == f"api://mus.example.dk/{CLIENT_ID}"


def test_an_existing_package_is_replaced(tmp_path):
    target = tmp_path / "mus.zip"
    target.write_bytes(b"old")
    build(tmp_path, version="2.0.0")
    assert json.loads(members(target)["manifest.json"])["version"] == "2.0.0"


@pytest.mark.parametrize("error", [RuntimeError("disk gone"), OSError(28, "No space left on device")])
def test_a_failure_while_writing_leaves_the_old_file_and_no_partial_one(tmp_path, monkeypatch, error):
    target = tmp_path / "mus.zip"
    target.write_bytes(b"old")
    written = []

    def failing_writestr(self, info, data, *args, **kwargs):
        if written:
            raise error
        written.append(info)
        return original(self, info, data, *args, **kwargs)

    original = zipfile.ZipFile.writestr
    monkeypatch.setattr(zipfile.ZipFile, "writestr", failing_writestr)
    with pytest.raises(PackageError if isinstance(error, OSError) else RuntimeError):
        build(tmp_path)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mus.zip"]


# --- the command -----------------------------------------------------------------------------------


@pytest.fixture
def no_configuration(monkeypatch, tmp_path):
    """`mus package` needs no app configuration (no database, secrets or client id)."""
    for name in ("MUS_DEMO", "MUS_SECRET_KEY", "MUS_CLIENT_ID", "MUS_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MUS_INSTANCE_PATH", str(tmp_path / "instance"))


def cli_arguments(output: Path, **changes: str) -> list[str]:
    options = {
        "--app-id": APP_ID,
        "--domain": DOMAIN,
        "--client-id": CLIENT_ID,
        "--version": "1.0.0",
        "--publisher-name": PUBLISHER,
    }
    options.update(changes)
    return ["package", *(part for pair in options.items() for part in pair), "-o", str(output)]


def test_the_command_writes_a_valid_package(tmp_path, no_configuration):
    output = tmp_path / "out" / "mus.zip"
    output.parent.mkdir()
    result = CliRunner().invoke(main, cli_arguments(output))
    assert result.exit_code == 0, result.output
    assert str(output) in result.output
    files = members(output)
    assert set(files) == FILES
    manifest = json.loads(files["manifest.json"])
    assert manifest["version"] == "1.0.0"
    assert schema_errors(manifest, MANIFEST_SCHEMA) == []
    assert schema_errors(json.loads(files["da.json"]), LOCALIZATION_SCHEMA) == []


def test_the_version_defaults_to_1_0_0(tmp_path, no_configuration):
    output = tmp_path / "mus.zip"
    arguments = cli_arguments(output)
    del arguments[arguments.index("--version") : arguments.index("--version") + 2]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert json.loads(members(output)["manifest.json"])["version"] == "1.0.0"


BAD_ARGUMENTS = [
    ("app_id", "not-a-guid", "app id 'not-a-guid' is not a GUID"),
    ("app_id", "{0b7c9a52-6f3e-4d1a-9c2b-5e8f7a6d4c3b}", "is not a GUID"),
    (
        "client_id",
        "3f1b6c2e9a7d4e21b8c41d2e3f4a5b6c",
        "client id '3f1b6c2e9a7d4e21b8c41d2e3f4a5b6c' is not a GUID",
    ),
    ("domain", "https://mus.example.dk", "domain 'https://mus.example.dk' has a scheme"),
    ("domain", "mus.example.dk/path", "domain 'mus.example.dk/path' has a path"),
    ("domain", "mus example.dk", "domain 'mus example.dk' contains spaces"),
    ("domain", "*.example.dk", "is a wildcard"),
    ("domain", "mus.example.dk:8443", "has a port"),
    ("domain", "mus.example.dk?x=1", "has a query"),
    ("domain", "10.0.0.5", "is an IP address"),
    ("domain", "[::1]", "is an IP address"),
    ("domain", "localhost", "is not a fully qualified host name"),
    ("domain", "-mus.example.dk", "is not a valid host name"),
    ("domain", "", "is empty"),
    ("version", "1.0", "version '1.0' must be X.Y.Z"),
    ("version", "01.0.0", "without leading zeros"),
    ("version", "1.0.100000", "from 0 to 99999"),
    ("version", "1.0.0-beta", "must be X.Y.Z"),
    ("publisher_name", "   ", "publisher name is empty"),
    ("publisher_name", "E" * 33, "has 33 characters; Teams allows at most 32"),
    (
        "publisher_website",
        "http://www.example.dk/",
        "publisher website 'http://www.example.dk/' is not https",
    ),
    ("privacy_url", "www.example.dk/privatliv", "privacy URL 'www.example.dk/privatliv' is not https"),
    ("privacy_url", "https://www.example.dk/privat liv", "contains spaces"),
    ("terms_url", "https://user:secret@www.example.dk/vilkår", "is not ASCII"),
    ("terms_url", "https://user:secret@www.example.dk/terms", "has a user name or password"),
    ("terms_url", "https://10.0.0.5/terms", "has no valid public host name"),
    ("terms_url", "https://www.example.dk:99999/terms", "has an invalid port"),
    ("terms_url", "javascript:alert(1)", "is not https"),
    ("mpn_id", "ABC-123", "MPN id 'ABC-123' is not a Microsoft Partner Network id"),
    ("mpn_id", "12345678901", "1 to 10 digits"),
]


@pytest.mark.parametrize("field,value,message", BAD_ARGUMENTS)
def test_bad_arguments_are_refused_and_nothing_is_written(tmp_path, field, value, message):
    with pytest.raises(PackageError) as raised:
        build(tmp_path, **{field: value})
    assert isinstance(raised.value, ValueError)
    assert message in str(raised.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("field,value,message", BAD_ARGUMENTS)
def test_the_command_shows_the_error_and_writes_nothing(tmp_path, no_configuration, field, value, message):
    output = tmp_path / "mus.zip"
    option = "--" + field.replace("_", "-")
    result = CliRunner().invoke(main, cli_arguments(output, **{option: value}))
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not output.exists()


def test_the_publisher_is_the_developer_in_the_manifest(tmp_path):
    manifest = json.loads(
        members(
            build(
                tmp_path,
                publisher_name="  Region   Eksempel ",
                publisher_website="https://www.region-eksempel.dk/",
                privacy_url="https://www.region-eksempel.dk/privatlivspolitik",
                terms_url="https://www.region-eksempel.dk/vilkaar?app=mus",
                mpn_id="1234567",
            )
        )["manifest.json"]
    )
    assert manifest["developer"] == {
        "name": "Region Eksempel",
        "websiteUrl": "https://www.region-eksempel.dk/",
        "privacyUrl": "https://www.region-eksempel.dk/privatlivspolitik",
        "termsOfUseUrl": "https://www.region-eksempel.dk/vilkaar?app=mus",
        "mpnId": "1234567",
    }
    assert schema_errors(manifest, MANIFEST_SCHEMA) == []


def test_the_command_reads_the_publisher_from_the_environment(tmp_path, no_configuration, monkeypatch):
    monkeypatch.setenv("MUS_PUBLISHER_NAME", "Eksempel A/S")
    monkeypatch.setenv("MUS_PUBLISHER_WEBSITE", "https://eksempel.dk/")
    monkeypatch.setenv("MUS_PUBLISHER_PRIVACY_URL", "https://eksempel.dk/privatliv")
    monkeypatch.setenv("MUS_PUBLISHER_TERMS_URL", "https://eksempel.dk/vilkaar")
    monkeypatch.setenv("MUS_PUBLISHER_MPN_ID", "7654321")
    output = tmp_path / "mus.zip"
    arguments = cli_arguments(output)
    del arguments[arguments.index("--publisher-name") : arguments.index("--publisher-name") + 2]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert json.loads(members(output)["manifest.json"])["developer"] == {
        "name": "Eksempel A/S",
        "websiteUrl": "https://eksempel.dk/",
        "privacyUrl": "https://eksempel.dk/privatliv",
        "termsOfUseUrl": "https://eksempel.dk/vilkaar",
        "mpnId": "7654321",
    }
    # An option given on the command line wins over the environment.
    result = CliRunner().invoke(main, [*arguments, "--publisher-name", "Andet Navn"])
    assert result.exit_code == 0, result.output
    assert json.loads(members(output)["manifest.json"])["developer"]["name"] == "Andet Navn"


def test_the_command_needs_a_publisher_name(tmp_path, no_configuration, monkeypatch):
    monkeypatch.delenv("MUS_PUBLISHER_NAME", raising=False)
    output = tmp_path / "mus.zip"
    arguments = cli_arguments(output)
    del arguments[arguments.index("--publisher-name") : arguments.index("--publisher-name") + 2]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 2
    assert "--publisher-name" in result.output
    assert not output.exists()


def test_a_manifest_against_the_schema_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    """A source the schema refuses (here an accent colour that is no colour) is reported with the
    schema's words, and no package is written."""
    import shutil

    import plugin.teams_package as teams_package

    source = tmp_path / "manifest"
    shutil.copytree(SOURCES, source)
    template = json.loads((source / "manifest.template.json").read_text(encoding="utf-8"))
    template["accentColor"] = "blue"
    (source / "manifest.template.json").write_text(json.dumps(template), encoding="utf-8")
    monkeypatch.setattr(teams_package, "manifest_source", lambda: source)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PackageError) as raised:
        build(out)
    text = str(raised.value)
    assert "manifest.json does not follow Microsoft's schema MicrosoftTeams.schema.v1.29.json" in text
    assert "accentColor: 'blue' does not match" in text
    assert list(out.iterdir()) == []


def test_a_domain_error_explains_the_rule(tmp_path):
    with pytest.raises(PackageError) as raised:
        build(tmp_path, domain="https://mus.example.dk/")
    text = str(raised.value)
    assert "bare host name" in text and "validDomains" in text and "api://<domain>/<client id>" in text


def test_all_problems_are_reported_at_once(tmp_path):
    with pytest.raises(PackageError) as raised:
        build(tmp_path, app_id="x", domain="https://x", version="1")
    assert len(str(raised.value).splitlines()) == 3


def test_the_output_folder_must_exist(tmp_path):
    with pytest.raises(PackageError, match="does not exist"):
        build_package(
            app_id=APP_ID,
            domain=DOMAIN,
            client_id=CLIENT_ID,
            version="1.0.0",
            publisher=Publisher(PUBLISHER),
            output=tmp_path / "no" / "x.zip",
        )
    with pytest.raises(PackageError, match="is a folder"):
        build_package(
            app_id=APP_ID,
            domain=DOMAIN,
            client_id=CLIENT_ID,
            version="1.0.0",
            publisher=Publisher(PUBLISHER),
            output=tmp_path,
        )
    assert list(tmp_path.iterdir()) == []


def test_a_wheel_of_the_product_holds_no_stand_ins(tmp_path):
    """A production install (`pip install .`, or the built wheel) has neither the local Microsoft 365
    stand-ins nor their TLS helper."""
    import shutil
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(root / name, source / name)
    for folder in ("plugin", "manifest", "standins"):
        shutil.copytree(root / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), "."],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = tmp_path.glob("mus_teams-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = next(archive.read(n).decode() for n in names if n.endswith(".dist-info/METADATA"))
    assert any(n.startswith("plugin/demo/") for n in names)  # demo mode's own code ships
    assert any(n.startswith("plugin/storage/migrations/versions/") for n in names)
    # The message catalogues: gettext PO files, one per language.
    assert {
        "plugin/messages/da/LC_MESSAGES/messages.po",
        "plugin/messages/en/LC_MESSAGES/messages.po",
    } <= set(names)
    assert not [n for n in names if "standins" in n or n.startswith("m365")]
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    assert requires and not [line for line in requires if "trustme" in line or "standins" in line]
