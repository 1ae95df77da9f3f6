"""Checks responses against the app's own OpenAPI document."""

from __future__ import annotations

import re

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DOC_URI = "urn:mus:openapi"


class OpenApiChecker:
    def __init__(self, document: dict) -> None:
        self.document = document
        self.registry = Registry().with_resource(
            DOC_URI, Resource.from_contents(document, default_specification=DRAFT202012)
        )
        self.routes = [
            (re.compile("^" + re.sub(r"\{[^}]+\}", r"[^/]+", path) + "$"), path) for path in document["paths"]
        ]
        self.seen: set[tuple[str, str, str]] = set()

    def template_for(self, path: str) -> str | None:
        # Prefer literal matches over templated ones (e.g. /goals/check before /goals/{id}).
        matches = [t for rx, t in self.routes if rx.match(path)]
        return min(matches, key=lambda t: t.count("{")) if matches else None

    def check(self, method: str, path: str, status: int, body) -> None:
        path = path.split("?", 1)[0]
        template = self.template_for(path)
        assert template is not None, f"{path} is not in the OpenAPI document"
        operation = self.document["paths"][template].get(method.lower())
        assert operation is not None, f"{method} {template} is not in the OpenAPI document"
        response = operation["responses"].get(str(status))
        assert response is not None, f"{method} {template} answered {status}, not documented"
        self.seen.add((method.lower(), template, str(status)))
        content = response.get("content")
        if content is None:
            assert body in (None, b"", ""), f"{method} {template} {status} has an undocumented body"
            return
        if "application/json" not in content:  # a file (e.g. the PDF export): not JSON, nothing to validate
            assert body is None or isinstance(body, bytes), f"{method} {template} {status} answered JSON"
            return
        schema = {"$ref": DOC_URI + content["application/json"]["schema"]["$ref"]}
        Draft202012Validator(schema, registry=self.registry).validate(body)
