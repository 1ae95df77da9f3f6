"""The OpenAPI document at /api/openapi.json: valid OpenAPI 3.1, complete (every route, every method),
and consistent (summaries, operation ids, success responses, one error schema)."""

from __future__ import annotations

import re

import pytest
from openapi_spec_validator import validate

from plugin import create_app
from plugin.api.schemas.common import OBJECT_ID_PATTERN
from plugin.config import DEMO_CLIENT_ID, DEMO_TENANT_ID, Settings

ERROR_REF = {"$ref": "#/components/schemas/ErrorBody"}
IGNORED_ENDPOINTS = {"static", "openapi.openapi_document"}
_CONVERTER = re.compile(r"<(?:[^<>:]+:)?([^<>]+)>")


def _document(app) -> dict:
    response = app.test_client().get("/api/openapi.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    return response.get_json()


@pytest.fixture
def demo_app(tmp_path):
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        secret_key="demo-test",
        client_id=DEMO_CLIENT_ID,
        tenants=frozenset({DEMO_TENANT_ID}),
        demo=True,
        instance_path=str(tmp_path),
        testing=True,
    )
    return create_app(settings)


@pytest.fixture(params=["regular", "demo"])
def any_app(request, app, demo_app):
    return app if request.param == "regular" else demo_app


@pytest.fixture
def document(any_app) -> dict:
    return _document(any_app)


def _operations(document: dict):
    for path, item in document["paths"].items():
        for method, op in item.items():
            yield path, method, op


def test_document_is_valid_openapi_3_1(document):
    assert document["openapi"] == "3.1.0"
    validate(document)


# The JSON API is documented; pages (tabs, sign-in redirects, the simulator) are not an API.
API_PREFIXES = ("/api/", "/healthz", "/readyz", "/demo/idp/")


def test_every_route_is_documented_with_each_method(any_app, document):
    expected = set()
    for rule in any_app.url_map.iter_rules():
        if rule.endpoint in IGNORED_ENDPOINTS or not rule.rule.startswith(API_PREFIXES):
            continue
        path = _CONVERTER.sub(lambda m: "{" + m.group(1) + "}", rule.rule)
        for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}:
            expected.add((path, method.lower()))
    documented = {(path, method) for path, method, _ in _operations(document)}
    assert expected - documented == set(), "routes missing from the document"
    assert documented - expected == set(), "documented operations without a route"
    assert ("/api/conversations/{conversation_id}", "patch") in documented
    assert not any(path == "/api/openapi.json" for path, _ in documented)


def test_every_operation_has_summary_id_and_success(document):
    ids = []
    for path, method, op in _operations(document):
        where = f"{method.upper()} {path}"
        assert isinstance(op.get("summary"), str) and op["summary"].strip(), where
        assert isinstance(op.get("operationId"), str) and op["operationId"], where
        ids.append(op["operationId"])
        success = [status for status in op["responses"] if status.startswith("2")]
        assert len(success) == 1, where
        assert op["responses"][success[0]]["description"], where
    assert len(ids) == len(set(ids)), "operation ids must be unique"


def test_every_error_response_uses_the_error_schema(document):
    schemas = document["components"]["schemas"]
    assert "ErrorBody" in schemas
    error_body = schemas["ErrorBody"]
    assert error_body["required"] == ["error"]
    detail_ref = error_body["properties"]["error"]["$ref"].rsplit("/", 1)[-1]
    assert set(schemas[detail_ref]["required"]) == {"code", "message"}
    count = 0
    for path, method, op in _operations(document):
        for status, response in op["responses"].items():
            if status.startswith("2"):
                continue
            count += 1
            assert response["content"]["application/json"]["schema"] == ERROR_REF, (method, path, status)
            assert response["description"]
    assert count > 0


def test_authenticated_operations_document_401_and_path_ids_404(document):
    assert "teamsSso" in document["components"]["securitySchemes"]
    for path, method, op in _operations(document):
        if op.get("security"):
            assert "401" in op["responses"], (method, path)
        if "{" in path:
            assert "404" in op["responses"], (method, path)
        if "requestBody" in op:
            assert {"400", "415", "422"} <= set(op["responses"]), (method, path)


def test_path_parameters_are_declared(document):
    for path, method, op in _operations(document):
        names = re.findall(r"\{(\w+)\}", path)
        declared = {p["name"]: p for p in op.get("parameters", []) if p["in"] == "path"}
        assert sorted(declared) == sorted(names), (method, path)
        assert all(p["required"] for p in declared.values())
        if names and names[0].endswith("object_id"):  # a person, by Entra object id
            assert declared[names[0]]["schema"] == {"type": "string", "pattern": OBJECT_ID_PATTERN}
        elif names and names[0].endswith("_id"):
            # ids: within the id columns' range (32-bit), as the URL converter bounds them
            assert declared[names[0]]["schema"] == {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
        elif names:  # a template's key: a bounded string
            assert names == ["key"], (method, path)
            assert declared["key"]["schema"]["type"] == "string" and declared["key"]["schema"]["pattern"]


def test_every_ref_outside_query_parameters_names_a_component(document):
    """All refs outside query parameters point at existing components."""
    schemas = document["components"]["schemas"]
    refs: list[str] = []

    def collect(node):
        if isinstance(node, dict):
            if "$ref" in node:
                refs.append(node["$ref"])
            for key, value in node.items():
                if key != "parameters":
                    collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(document)
    assert refs
    assert [r for r in refs if r.removeprefix("#/components/schemas/") not in schemas] == []


def test_demo_identity_provider_only_in_demo_mode(app, demo_app):
    regular, demo = _document(app), _document(demo_app)
    demo_paths = {"/demo/idp/people", "/demo/idp/token"}
    assert demo_paths <= set(demo["paths"])
    assert not any(path.startswith("/demo") for path in regular["paths"])
    for path in demo_paths:
        for op in demo["paths"][path].values():
            assert op["security"] == []  # the demo sign-in itself needs no token
    # Apart from the demo routes the two documents describe the same API.
    assert set(demo["paths"]) - demo_paths == set(regular["paths"])


def test_the_document_is_built_once(app):
    client = app.test_client()
    first = client.get("/api/openapi.json").get_json()
    assert app.extensions["mus.openapi"] == first
    assert client.get("/api/openapi.json").get_json() == first
