"""schemathesis against the live server's /openapi.json: no request may produce a 5xx.

Short budget here; `make fuzz` sets ESEP_FUZZ_EXAMPLES=500."""
from __future__ import annotations

import contextlib
import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.server_fixtures import (
    api_session,
    make_op,
    make_pg_database,
    monthly_report,
    push,
    run_server,
    seed_world,
)

schemathesis.experimental.OPEN_API_3_1.enable()  # FastAPI publishes OpenAPI 3.1
EXAMPLES = int(os.environ.get("ESEP_FUZZ_EXAMPLES", "8"))


@schemathesis.serializer("text/csv")
class _CsvBody:
    """POST /users/import takes a CSV file as its body: sent as the text generated."""

    def as_requests(self, context, value):
        return {"data": value if isinstance(value, bytes) else str(value).encode("utf-8")}

    def as_werkzeug(self, context, value):
        return {"data": value if isinstance(value, bytes) else str(value)}


@pytest.fixture(scope="module", params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def fuzz_server(request, tmp_path_factory):
    with contextlib.ExitStack() as stack:
        if request.param == "pg":
            url = stack.enter_context(make_pg_database(request.getfixturevalue("pg_url")))
        else:
            url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.sqlite3'}"
        yield from _serve(url)


def _serve(url: str):
    srv = run_server(url)
    seed_world(srv.db_url)
    d1 = api_session(srv.url, "d1")
    push(d1, srv.url, "fuzz-seed", [make_op(1, monthly_report("SHY-ABAY", "2024-03",
                                                               status="submitted"))])
    srv.tokens = {u: api_session(srv.url, u).headers["Authorization"]
                  for u in ("c1", "r1", "a1")}
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def api_schema(fuzz_server):
    return schemathesis.from_uri(fuzz_server.url + "/openapi.json", base_url=fuzz_server.url)


schema = schemathesis.from_pytest_fixture("api_schema")


@schema.parametrize()
@pytest.mark.timeout(300 + 10 * EXAMPLES)  # every endpoint runs in this one test item
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
          derandomize=True)
def test_no_server_errors(case, fuzz_server):
    for user in ("c1", "r1", "a1"):  # central, a scoped reviewer, and the admin
        headers = {"Authorization": fuzz_server.tokens[user]}
        if case.path.endswith("/auth/logout"):
            headers = {}  # keep the shared tokens alive
        response = case.call(headers=headers, timeout=30)
        assert response.status_code < 500, (user, case.method, case.path,
                                            response.status_code, response.text[:500])
