"""Request bodies parsed strictly, and validation errors answered safely.

Every route of the API is a `StrictJSONRoute` (server.routes builds its routers with
`api_router`): its JSON body is parsed by `strict_loads`, which refuses what the standard
parser lets through or chokes on, with a message:

- non-finite and malformed numbers: `NaN`, `Infinity`, `1e999` (a float beyond the double
  range), integers of more digits than Python converts;
- an object with more than MAX_KEYS keys, refused as the parser builds it (a 500,000-key
  `data` costs a quarter of a second, not the tens of seconds of checking every key);
- nesting deeper than the parser's recursion allows.

FastAPI answers such a body 422 (`json_invalid`). The 422 of any validation error goes
through `validation_error`, which echoes each offending input bounded and as strict JSON
(never `inf`, never a 10 MB object), so that answer itself cannot fail."""
from __future__ import annotations

import itertools
import json
import math
import reprlib

from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute

from sync.protocol import MAX_KEYS


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:40]} is out of range")
    return value


def _bounded_object(pairs: list) -> dict:
    if len(pairs) > MAX_KEYS:
        raise ValueError(f"an object with {len(pairs)} keys; at most {MAX_KEYS} are allowed")
    return dict(pairs)


_DECODER = json.JSONDecoder(parse_float=_finite_float, parse_constant=_no_constant,
                            object_pairs_hook=_bounded_object)


def strict_loads(body: bytes | str):
    """The JSON value of `body`, or json.JSONDecodeError saying what is wrong with it."""
    try:
        text = body.decode("utf-8") if isinstance(body, bytes) else body
        return _DECODER.decode(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise json.JSONDecodeError("the body is nested too deeply", "", 0) from None
    except ValueError as exc:  # incl. UnicodeDecodeError and the checks above
        raise json.JSONDecodeError(str(exc)[:200], "", 0) from None


class StrictJSONRequest(Request):
    async def json(self):
        if not hasattr(self, "_json"):
            self._json = strict_loads(await self.body())
        return self._json


class StrictJSONRoute(APIRoute):
    """An API route whose JSON body is parsed by strict_loads."""

    def get_route_handler(self):
        handler = super().get_route_handler()

        async def strict_handler(request: Request):
            return await handler(StrictJSONRequest(request.scope, request.receive))
        return strict_handler


def api_router(**kwargs) -> APIRouter:
    """An APIRouter whose routes parse their bodies strictly (every router of the API)."""
    return APIRouter(route_class=StrictJSONRoute, **kwargs)


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother, _REPR.maxlong = 2, 80, 80, 40
_ECHO_ITEMS = 20  # items of a list / keys of an object an error echoes


def safe_echo(value, depth: int = 0):
    """`value` as strict, small JSON: non-finite floats and huge ints as text, long strings,
    lists and objects cut short, anything else as a bounded repr."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value if len(value) <= 200 else value[:200] + "..."
    if isinstance(value, int):
        return value if abs(value) < 2**53 else _REPR.repr(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, (list, tuple)) and depth < 3:
        return [safe_echo(v, depth + 1) for v in value[:_ECHO_ITEMS]]
    if isinstance(value, dict) and depth < 3:
        return {str(k)[:100]: safe_echo(v, depth + 1)
                for k, v in itertools.islice(value.items(), _ECHO_ITEMS)}
    return _REPR.repr(value)


async def validation_error(_request: Request, exc: Exception) -> JSONResponse:
    """422 for a body, query or path value that does not validate (FastAPI's shape:
    {"detail": [{type, loc, msg, input?, ctx?}]}), every value echoed by safe_echo; a body
    that is not strict JSON says why in `msg`."""
    assert isinstance(exc, RequestValidationError)
    errors = []
    for e in itertools.islice(exc.errors(), 50):
        out = {"type": e.get("type"), "loc": [safe_echo(p) for p in e.get("loc", ())],
               "msg": str(e.get("msg"))[:300]}
        ctx = e.get("ctx") or {}
        if e.get("type") == "json_invalid" and ctx.get("error"):
            out["msg"] = f"the body is not valid JSON: {str(ctx['error'])[:200]}"
        if "input" in e:
            out["input"] = safe_echo(e["input"])
        if ctx:
            out["ctx"] = {str(k): safe_echo(v if isinstance(v, (int, float, str)) else str(v))
                          for k, v in ctx.items()}
        errors.append(out)
    return JSONResponse({"detail": errors}, status_code=422)
