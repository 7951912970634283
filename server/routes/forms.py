"""Form definitions: every version of every form; forms and enumerations the centre publishes."""
from __future__ import annotations

from server import published
from server.deps import CurrentUser, Engine, PublisherUser, err, error_responses
from server.jsonbody import api_router
from server.models import DefinitionIn, DefinitionsOut, FormOut, PublishedOut
from sync.protocol import API_PREFIX

router = api_router(prefix=API_PREFIX, tags=["forms"], responses=error_responses(401))


@router.get("/forms", response_model=list[FormOut])
def list_forms(user: CurrentUser) -> list[FormOut]:
    """Every version of every form, shipped and published: a record keeps the version it was
    entered with."""
    from forms import all_forms

    return [FormOut(id=f.id, version=f.version, definition=f.definition_text)
            for f in all_forms()]


@router.get("/definitions", response_model=DefinitionsOut)
def get_definitions(user: CurrentUser, engine: Engine) -> dict:
    """The published forms and enumerations and their version (the one pull pages carry)."""
    return published.definitions(engine)


@router.put("/forms/{form_id}", response_model=PublishedOut,
            responses=error_responses(403, 422))
def put_form(form_id: str, body: DefinitionIn, user: PublisherUser, engine: Engine) -> dict:
    """admin / central: publish a new version of a form (422 with `file:line` errors)."""
    return _publish(published.publish_form, engine, body, user.username, form_id=form_id)


@router.put("/enums/{name}", response_model=PublishedOut, responses=error_responses(403, 422))
def put_enum(name: str, body: DefinitionIn, user: PublisherUser, engine: Engine) -> dict:
    """admin / central: publish a new version of an enumeration (every old code kept)."""
    return _publish(published.publish_enum, engine, body, user.username, name=name)


def _publish(fn, engine, body: DefinitionIn, by: str, **target) -> dict:
    file_name = body.file or f"{next(iter(target.values()))}.toml"
    try:
        return fn(engine, body.definition, file_name=file_name, by=by, **target)
    except published.PublishError as exc:
        raise err(422, exc.code, str(exc), errors=exc.errors) from None
