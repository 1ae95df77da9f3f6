"""Write the app's OpenAPI 3.1 document (what GET /api/openapi.json returns) as stable JSON: keys
sorted, two-space indents, one trailing newline. The front end's API types are generated from it
(`make api-types`).

    .venv/bin/python scripts/openapi_document.py [PATH]    # stdout without PATH

Builds a regular (non-demo) app with throwaway settings and asks it through Flask's test client:
no network, no database server, no servers started."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from plugin import create_app
from plugin.config import Settings


def document() -> dict:
    with tempfile.TemporaryDirectory(prefix="mus-openapi-") as tmp:
        settings = Settings(
            database_url=f"sqlite:///{Path(tmp) / 'unused.sqlite3'}",
            secret_key="openapi-document-only",
            client_id="00000000-0000-0000-0000-000000000000",
            demo=False,
            instance_path=tmp,
            testing=True,
        )
        app = create_app(settings)
        response = app.test_client().get("/api/openapi.json")
        if response.status_code != 200:
            raise SystemExit(f"GET /api/openapi.json answered {response.status_code}")
        return response.get_json()


def render(doc: dict) -> str:
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) > 2:
        print(f"usage: {argv[0]} [PATH]", file=sys.stderr)
        return 2
    text = render(document())
    if len(argv) == 2:
        Path(argv[1]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
