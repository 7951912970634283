"""The centre's hourly-rate table: read (any role), change (central, admin, region)."""
from __future__ import annotations

from server import rates
from server.deps import CurrentUser, Engine, err, error_responses
from server.jsonbody import api_router
from server.models import RatesIn, RateTableOut
from sync.protocol import API_PREFIX

router = api_router(prefix=API_PREFIX, tags=["rates"], responses=error_responses(401))


@router.get("/rates", response_model=RateTableOut)
def get_rates(user: CurrentUser, engine: Engine) -> dict:
    """The centre's hourly-rate table and its version (the one pull pages carry)."""
    return rates.get_rates(engine)


@router.put("/rates", response_model=RateTableOut, responses=error_responses(403, 422))
def put_rates(body: RatesIn, user: CurrentUser, engine: Engine) -> dict:
    """central / admin: any region; region: its own; null clears a row."""
    try:
        return rates.put_rates(engine, user, [r.model_dump() for r in body.rates])
    except rates.RatesForbidden as exc:
        raise err(403, "forbidden", str(exc)) from None
    except rates.RatesError as exc:
        raise err(422, "invalid_rates", str(exc), errors=exc.errors) from None
