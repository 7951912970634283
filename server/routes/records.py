"""One record: read it, its revisions, and review it (approve / return)."""
from __future__ import annotations

from server import records
from server.deps import Engine, RecordsUser, ReviewerUser, error_responses
from server.jsonbody import api_router
from server.models import RecordDetailOut, RecordOut, ReviewIn, RevisionOut
from sync.protocol import API_PREFIX

router = api_router(prefix=API_PREFIX + "/records", tags=["records"],
                   responses=error_responses(401, 403, 404))


@router.get("/{rid}", response_model=RecordDetailOut, response_model_exclude_unset=True)
def get_record(rid: str, user: RecordsUser, engine: Engine) -> dict:
    """The record as accepted now (+ `submitted`: the district's figures, once corrected)."""
    return records.get_record(engine, user, rid)


@router.get("/{rid}/revisions", response_model=list[RevisionOut])
def get_revisions(rid: str, user: RecordsUser, engine: Engine) -> list[dict]:
    return records.get_revisions(engine, user, rid)


@router.post("/{rid}/review", response_model=RecordOut, responses=error_responses(409))
def review(rid: str, body: ReviewIn, user: ReviewerUser, engine: Engine) -> dict:
    """approve | return a submitted record (region in its region, central anywhere)."""
    return records.review(engine, user, rid, body.action, body.comment)
