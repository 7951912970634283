"""GET /export: the caller's records of one form as CSV, XLSX or JSON, streamed."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query
from fastapi.responses import StreamingResponse

from server import export
from server.deps import Engine, RecordsUser, err, error_responses
from server.jsonbody import api_router
from server.models import RecordOut
from sync.protocol import API_PREFIX

router = api_router(prefix=API_PREFIX, tags=["export"], responses=error_responses(401, 403))


_FILES = {t.split(";")[0]: {"schema": {"type": "string", "format": "binary"}}
          for f, t in export.FORMATS.items() if f != "json"}


@router.get("/export", response_model=list[RecordOut],
            responses={200: {"content": _FILES, "description": "the records (JSON: as in "
                             "GET /records)"}, **error_responses(422)})
def get_export(user: RecordsUser, engine: Engine,
               form: Annotated[str, Query(min_length=1, max_length=64)],
               format: Annotated[Literal["csv", "xlsx", "json"], Query()] = "csv",
               ) -> StreamingResponse:
    """Every record of `form` the caller may see (deleted ones left out); personal fields
    only for the roles that may see them."""
    try:
        chunks = export.stream(engine, user, form, format)
    except export.ExportError as exc:
        raise err(422, "invalid_export", str(exc)) from None
    name = f"{form}.{format}"
    return StreamingResponse(chunks, media_type=export.FORMATS[format],
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})
