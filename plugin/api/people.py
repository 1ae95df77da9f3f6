"""People by name: the people to offer first, a directory search, profile photos (Microsoft Graph)."""

from __future__ import annotations

from flask import Blueprint, Response
from pydantic import TypeAdapter, ValidationError

from ..domain.errors import InvalidInput
from ..services import people_finder
from .endpoint import endpoint
from .schemas.common import ObjectId
from .schemas.people import CandidateList, SearchQuery, SuggestionsQuery

bp = Blueprint("people", __name__, url_prefix="/api/people")
TAG = "People"
UNAVAILABLE = "503 `directory_unavailable` when Microsoft Graph cannot be reached."
# Photos change seldom; a short private cache keeps a list of faces from asking Graph every time.
PHOTO_CACHE = "private, max-age=300"


@bp.get("/suggestions")
@endpoint(
    summary="The people to offer first: the meeting's participants, my reports and my manager",
    tags=TAG,
    query=SuggestionsQuery,
    response=CandidateList,
    graph=True,
    errors=(403, 503),
    description="From the directory (Microsoft Graph). " + UNAVAILABLE,
)
def suggestions(actor, query: SuggestionsQuery, uow, graph):
    return {"items": people_finder.suggestions(uow, actor, graph, meeting_id=query.meeting_id)}


@bp.get("/search")
@endpoint(
    summary="Search my organisation's directory by name or e-mail address",
    tags=TAG,
    query=SearchQuery,
    response=CandidateList,
    graph=True,
    errors=(403, 503),
    description="At most 20 people, the signed-in person left out; 2 to 64 characters (else 422). "
    + UNAVAILABLE,
)
def search(actor, query: SearchQuery, uow, graph):
    return {"items": people_finder.search(actor, graph, query.q)}


@bp.get("/<object_id>/photo")
@endpoint(
    summary="A colleague's profile photo",
    tags=TAG,
    graph=True,
    stream="image/*",
    errors=(403, 404, 422, 503),
    description="The image as the directory has it; 404 `photo_not_found` when there is none (show "
    "initials). " + UNAVAILABLE,
)
def photo(actor, object_id: str, uow, graph):
    oid = _object_id(object_id)
    found = people_finder.photo(graph, oid)
    response = Response(found.content, mimetype=found.content_type)
    response.headers["Cache-Control"] = PHOTO_CACHE
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


_OBJECT_ID = TypeAdapter(ObjectId)


def _object_id(value: str) -> str:
    try:
        return _OBJECT_ID.validate_python(value).lower()
    except ValidationError as exc:
        raise InvalidInput(
            "field_invalid", field="object_id", params={"field": "object_id", "reason": "not an object id"}
        ) from exc
