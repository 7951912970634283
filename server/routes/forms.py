"""Form definitions: every version of every form."""
from __future__ import annotations

from server.deps import CurrentUser, error_responses
from server.jsonbody import api_router
from server.models import FormOut
from sync.protocol import API_PREFIX

router = api_router(prefix=API_PREFIX, tags=["forms"], responses=error_responses(401))


@router.get("/forms", response_model=list[FormOut])
def list_forms(user: CurrentUser) -> list[FormOut]:
    """Every version of every form: a record keeps the version it was entered with."""
    from forms import all_forms

    return [FormOut(id=f.id, version=f.version, definition=f.definition_text)
            for f in all_forms()]
