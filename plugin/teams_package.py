"""The Teams app package: `manifest.json`, its Danish localization and the two icons in one zip.

The sources live in the repository's `manifest/` folder: `manifest.template.json` holds placeholders
(`{{app_id}}`, `{{client_id}}`, `{{domain}}`, `{{version}}`, and the publisher's `{{publisher_name}}`,
`{{publisher_website}}`, `{{privacy_url}}`, `{{terms_url}}`) that are filled in the parsed JSON,
string by string, so a value can never break the document. Every argument is checked before anything
is written, the filled manifest and its localization files are validated against Microsoft's
schemas (`manifest/schemas/`, with jsonschema), and the zip is written to a temporary file in the
target folder and then renamed over the target, so a failure leaves no file (or the previous one
untouched).
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import sys
import sysconfig
import tempfile
import zipfile
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

TEMPLATE = "manifest.template.json"
SCHEMAS = "schemas"
MANIFEST_SCHEMA = "MicrosoftTeams.schema.v1.29.json"
LOCALIZATION_SCHEMA = "MicrosoftTeams.Localization.schema.v1.29.json"
MANIFEST = "manifest.json"
PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed, so the same arguments give the same bytes

_GUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
_VERSION_PART = r"(?:0|[1-9][0-9]{0,4})"  # 0 to 99999, no leading zeros
_VERSION = re.compile(rf"{_VERSION_PART}\.{_VERSION_PART}\.{_VERSION_PART}")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")

DOMAIN_RULE = (
    "give the bare host name the app is served from, e.g. mus.example.dk: no scheme (https://), "
    "port, path, query, spaces or wildcard, and not an IP address, because Teams lists it in "
    "validDomains, loads the tabs from https://<domain>/ and signs in with the SSO resource "
    "api://<domain>/<client id>"
)


class PackageError(ValueError):
    """An argument or a source file is not usable; the message says which and why."""


@dataclass(frozen=True)
class Publisher:
    """Who publishes the app to the organisation's people: the manifest's `developer` block, shown
    in the Teams app store and on the app's details. The URLs default to the app's own home,
    privacy and terms pages (`https://<domain>/`, `/privacy`, `/terms`)."""

    name: str
    website_url: str | None = None
    privacy_url: str | None = None
    terms_url: str | None = None
    mpn_id: str | None = None  # Microsoft Partner Network id, only for members of the network


def build_package(
    *,
    app_id: str,
    domain: str,
    client_id: str,
    version: str,
    publisher: Publisher,
    output: str | os.PathLike,
) -> Path:
    """Write the Teams app package to `output` and return its path."""
    values, target = _checked(
        app_id=app_id, domain=domain, client_id=client_id, version=version, publisher=publisher, output=output
    )
    members = package_members(values)
    _write_zip(target, members)
    return target


def package_members(values: dict[str, str]) -> dict[str, bytes]:
    """The files of the package by name (all at the zip root), from checked values, each valid
    against Microsoft's schema."""
    source = manifest_source()
    mpn_id = values.get("mpn_id")
    manifest = _fill(_read_json(source / TEMPLATE), {k: v for k, v in values.items() if k != "mpn_id"})
    if mpn_id:
        manifest["developer"]["mpnId"] = mpn_id
    _validate(manifest, source / SCHEMAS / MANIFEST_SCHEMA, MANIFEST)
    members = {MANIFEST: _dump_json(manifest)}
    for name in _referenced_files(manifest):
        path = source / name
        if not path.is_file():
            raise PackageError(f"the manifest refers to {name}, which is missing from {source}")
        if name.endswith(".json"):
            localization = _read_json(path)
            _validate(localization, source / SCHEMAS / LOCALIZATION_SCHEMA, name)
            members[name] = _dump_json(localization)
        else:
            members[name] = path.read_bytes()
    return members


def schema_errors(document: Any, schema_path: Path) -> list[str]:
    """Every way `document` breaks the schema at `schema_path`, as "path: message" lines.

    Microsoft's schemas declare draft-04 but use later keywords, and jsonschema's newer drafts read
    `$ref` differently (draft 7 ignores keywords beside a `$ref`, e.g. the localization schema's
    `maxLength` on name.short; 2019-09 reads them), so a document is checked under both."""
    from jsonschema import Draft7Validator, Draft201909Validator

    schema = _read_json(schema_path)
    errors = set()
    for draft in (Draft7Validator, Draft201909Validator):
        for error in draft(schema, format_checker=draft.FORMAT_CHECKER).iter_errors(document):
            errors.add(f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}")
    return sorted(errors)


def _validate(document: Any, schema_path: Path, name: str) -> None:
    errors = schema_errors(document, schema_path)
    if errors:
        listed = "\n".join(f"  {error}" for error in errors)
        raise PackageError(f"{name} does not follow Microsoft's schema {schema_path.name}:\n{listed}")


def manifest_source() -> Path:
    """The folder with the template, localization files and icons: `manifest/` next to the `plugin`
    package (a checkout or an editable install), else where an installed wheel put its data files."""
    candidates = [
        Path(__file__).resolve().parent.parent / "manifest",
        Path(sysconfig.get_path("data")) / "share" / "mus-teams" / "manifest",
        Path(sys.prefix) / "share" / "mus-teams" / "manifest",
    ]
    for folder in candidates:
        if (folder / TEMPLATE).is_file():
            return folder
    searched = ", ".join(str(folder) for folder in candidates)
    raise PackageError(f"the Teams manifest sources ({TEMPLATE}, icons) are in none of: {searched}")


# --- checks ----------------------------------------------------------------------------------------


def _checked(
    *,
    app_id: str,
    domain: str,
    client_id: str,
    version: str,
    publisher: Publisher,
    output: str | os.PathLike,
) -> tuple[dict[str, str], Path]:
    problems = []
    for label, value in (("app id", app_id), ("client id", client_id)):
        if not isinstance(value, str) or not _GUID.fullmatch(value):
            problems.append(
                f"{label} {value!r} is not a GUID (8-4-4-4-12 hexadecimal digits, "
                "e.g. 0b7c9a52-6f3e-4d1a-9c2b-5e8f7a6d4c3b)"
            )
    try:
        host = check_domain(domain)
    except PackageError as exc:
        problems.append(str(exc))
        host = ""
    if not isinstance(version, str) or not _VERSION.fullmatch(version):
        problems.append(
            f"version {version!r} must be X.Y.Z: three whole numbers from 0 to 99999 without leading "
            "zeros, e.g. 1.0.0 (every update of the app in Teams needs a higher version)"
        )
    developer = _checked_publisher(publisher, host, problems)
    target = Path(output)
    if target.is_dir():
        problems.append(f"output {str(target)!r} is a folder; give the path of the zip file to write")
    elif not target.parent.is_dir():
        problems.append(f"output folder {str(target.parent)!r} does not exist")
    if problems:
        raise PackageError("\n".join(problems))
    values = {"app_id": app_id.lower(), "client_id": client_id.lower(), "domain": host, "version": version}
    return {**values, **developer}, target


PUBLISHER_NAME_MAX = 32  # the schema's maxLength of developer.name
URL_MAX = 2048
_MPN_ID = re.compile(r"[0-9]{1,10}")


def _checked_publisher(publisher: Publisher, host: str, problems: list[str]) -> dict[str, str]:
    """The developer block's values, or the reasons they are unusable appended to `problems`."""
    name = " ".join((publisher.name or "").split())
    if not name:
        problems.append(
            "publisher name is empty: give the name of the organisation that publishes the app "
            "(--publisher-name or MUS_PUBLISHER_NAME), e.g. Eksempel Kommune; Teams shows it as "
            "the app's developer"
        )
    elif len(name) > PUBLISHER_NAME_MAX:
        problems.append(
            f"publisher name {name!r} has {len(name)} characters; Teams allows at most {PUBLISHER_NAME_MAX}"
        )
    defaults = {
        "website": f"https://{host}/",
        "privacy": f"https://{host}/privacy",
        "terms": f"https://{host}/terms",
    }
    urls = {}
    for key, label, value in (
        ("website", "publisher website", publisher.website_url),
        ("privacy", "privacy URL", publisher.privacy_url),
        ("terms", "terms of use URL", publisher.terms_url),
    ):
        if value is None or value == "":
            urls[key] = defaults[key] if host else ""
            continue
        try:
            urls[key] = check_https_url(label, value)
        except PackageError as exc:
            problems.append(str(exc))
    mpn_id = (publisher.mpn_id or "").strip()
    if mpn_id and not _MPN_ID.fullmatch(mpn_id):
        problems.append(
            f"MPN id {mpn_id!r} is not a Microsoft Partner Network id (1 to 10 digits); leave it "
            "out unless the publisher is a member of the network"
        )
    return {
        "publisher_name": name,
        "publisher_website": urls.get("website", ""),
        "privacy_url": urls.get("privacy", ""),
        "terms_url": urls.get("terms", ""),
        "mpn_id": mpn_id,
    }


def check_https_url(label: str, value: str) -> str:
    """An absolute https URL with a public host name, or PackageError saying what is wrong."""

    def bad(reason: str) -> PackageError:
        return PackageError(
            f"{label} {value!r} {reason}; give an https address of a public page, e.g. "
            "https://www.example.dk/privatliv"
        )

    if not isinstance(value, str) or any(c.isspace() for c in value):
        raise bad("contains spaces")
    if len(value) > URL_MAX:
        raise bad(f"is longer than {URL_MAX} characters")
    if not value.isascii():
        raise bad("is not ASCII (write an internationalised host in its xn-- form and %-encode the path)")
    parts = urlsplit(value)
    if parts.scheme.lower() != "https":
        raise bad("is not https (Teams and the people reading it need an encrypted page)")
    if parts.username is not None or parts.password is not None:
        raise bad("has a user name or password")
    try:
        parts.port  # noqa: B018 (raises on a bad port)
    except ValueError:
        raise bad("has an invalid port") from None
    try:
        check_domain(parts.hostname or "")
    except PackageError:
        raise bad("has no valid public host name") from None
    return value


def check_domain(domain: str) -> str:
    """The host name in lower case, or PackageError saying what is wrong and what Teams needs."""

    def bad(reason: str) -> PackageError:
        return PackageError(f"domain {domain!r} {reason}; {DOMAIN_RULE}")

    if not isinstance(domain, str) or not domain:
        raise bad("is empty")
    if "://" in domain:
        raise bad("has a scheme")
    if any(c.isspace() for c in domain):
        raise bad("contains spaces")
    if "*" in domain:
        raise bad("is a wildcard (the tab URLs need one concrete host)")
    if "/" in domain or "\\" in domain:
        raise bad("has a path")
    if "?" in domain or "#" in domain:
        raise bad("has a query or fragment")
    if "@" in domain:
        raise bad("has a user name")
    if _is_ip(domain.strip("[]")):
        raise bad("is an IP address (Entra ID and Teams need a DNS name with a TLS certificate)")
    if ":" in domain:
        raise bad("has a port (the tabs are served on the standard HTTPS port 443)")
    if not domain.isascii():
        raise bad("is not ASCII (write an internationalised name in its xn-- form)")
    if domain.endswith("."):
        raise bad("ends with a dot")
    host = domain.lower()
    labels = host.split(".")
    if len(host) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        raise bad("is not a valid host name (letters, digits and hyphens in dot-separated labels)")
    if len(labels) < 2 or labels[-1].isdigit():
        raise bad("is not a fully qualified host name")
    return host


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


# --- template --------------------------------------------------------------------------------------


def _fill(node: Any, values: dict[str, str]) -> Any:
    """Replace `{{name}}` placeholders inside the JSON strings (never in keys or structure)."""
    if isinstance(node, str):

        def value(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in values:
                raise PackageError(f"{TEMPLATE} has an unknown placeholder {match.group(0)!r}")
            return values[name]

        filled = PLACEHOLDER.sub(value, node)
        if "{{" in filled or "}}" in filled:
            raise PackageError(f"{TEMPLATE} has a malformed placeholder in {node!r}")
        return filled
    if isinstance(node, list):
        return [_fill(item, values) for item in node]
    if isinstance(node, dict):
        return {key: _fill(item, values) for key, item in node.items()}
    return node


def _referenced_files(manifest: dict[str, Any]) -> list[str]:
    """The package files the manifest names: its icons and localization files."""
    icons = manifest.get("icons", {})
    languages = manifest.get("localizationInfo", {}).get("additionalLanguages", [])
    names = [icons.get("color"), icons.get("outline"), *(lang.get("file") for lang in languages)]
    found = []
    for name in names:
        if not name or "/" in name or "\\" in name or name in (MANIFEST, TEMPLATE):
            raise PackageError(f"the manifest names an unusable package file {name!r}")
        if name not in found:
            found.append(name)
    return found


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackageError(f"cannot read {path}: {exc}") from exc


def _dump_json(document: Any) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- writing ---------------------------------------------------------------------------------------


def _write_zip(target: Path, members: dict[str, bytes]) -> None:
    temporary = None
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        with os.fdopen(fd, "wb") as raw:
            with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for name, data in members.items():
                    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = 0o644 << 16
                    archive.writestr(info, data)
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException as exc:
        if temporary is not None:
            with suppress(OSError):
                os.unlink(temporary)
        if isinstance(exc, OSError):
            raise PackageError(f"cannot write {target}: {exc.strerror or exc}") from exc
        raise
