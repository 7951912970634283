"""Seeing the country and running the server, on SQLite and PostgreSQL: last push / pull
per user and device and the silent districts (API and CLI); the export in the caller's scope
(CSV, XLSX, JSON; personal fields only for central); JSON request logs; /healthz touching the
database; /metrics."""
from __future__ import annotations

import csv
import io
import json
import logging
import uuid

import sqlalchemy as sa
from openpyxl import load_workbook

from server.obs import JsonFormatter
from tests.ops_helpers import API, call, db_url, esep, seeded, token_of  # noqa: F401
from tests.server_fixtures import (
    PASSWORD,
    api_session,
    make_op,
    monthly_report,
    pull_all,
    push,
    push_acks,
)


def _focus_group(org_unit: str = "SHY-ABAY") -> dict:
    return {"id": str(uuid.uuid4()), "form": "focus_group", "form_version": 1,
            "org_unit": org_unit, "period": "2024-03", "status": "draft",
            "data": {"date": "2024-03-05", "city": "Шымкент", "participants": [
                {"no": 1, "full_name": "Иванов Иван", "participant_category": "STUDENT",
                 "consent": "YES", "phone": "+77010000000", "organization": "МРЦ"}]},
            "justification": None, "review_comment": None, "revision": 1, "version": None,
            "deleted": False, "updated_at": "2024-03-05T10:00:00Z", "updated_by": "x"}


def test_last_push_and_pull_per_device_and_silent_districts(seeded):
    d1 = api_session(seeded.url, "d1")
    push_acks(seeded, d1, "dev-abay", [make_op(1, monthly_report("SHY-ABAY"))])
    d2 = token_of(seeded.url, "d2", PASSWORD, device_id="dev-enb")
    assert call(seeded.url, "GET", API + "/sync/pull?cursor=0", token=d2)[0] == 200
    r1 = token_of(seeded.url, "r1", PASSWORD)
    status, body = call(seeded.url, "GET", API + "/status?silent_days=7", token=r1)
    assert status == 200, body
    units = {u["org_unit"]: u for u in body["units"]}
    assert set(units) == {"SHY-ABAY", "SHY-ENB"}  # a region sees its own districts
    abay, enb = units["SHY-ABAY"], units["SHY-ENB"]
    assert abay["last_push"] and not abay["silent"]
    assert [(d["username"], d["device_id"]) for d in abay["devices"]] == [("d1", "dev-abay")]
    assert enb["last_pull"] and enb["last_push"] is None and not enb["silent"]
    assert enb["devices"][0]["device_id"] == "dev-enb"
    c1 = token_of(seeded.url, "c1", PASSWORD)
    status, body = call(seeded.url, "GET", API + "/status?only_silent=true", token=c1)
    assert [u["org_unit"] for u in body["units"]] == ["AST-ESIL"]
    assert call(seeded.url, "GET", API + "/status", token=token_of(
        seeded.url, "d1", PASSWORD))[0] == 403
    r = esep("server", "admin", "status", "--db", seeded.db_url, "--silent-days", "7")
    assert r.returncode == 0, r.stderr
    assert [json.loads(line)["org_unit"] for line in r.stdout.splitlines()] == ["AST-ESIL"]
    assert "1 of 3 districts silent for 7 days" in r.stderr


def _export(url: str, token: str, fmt: str, form: str = "focus_group"):
    import requests

    r = requests.get(f"{url}{API}/export", params={"form": form, "format": fmt},
                     headers={"Authorization": "Bearer " + token}, timeout=60, stream=True)
    return r.status_code, b"".join(r.iter_content(65536)), r.headers


def test_export_in_scope_with_personal_fields_only_for_central(seeded, tmp_path):
    t1 = api_session(seeded.url, "t1")
    recs = [_focus_group("SHY-ABAY"), _focus_group("AST-ESIL")]
    push_acks(seeded, t1, "dev-t1", [make_op(i + 1, r) for i, r in enumerate(recs)])
    c1, r1 = token_of(seeded.url, "c1", PASSWORD), token_of(seeded.url, "r1", PASSWORD)

    status, body, headers = _export(seeded.url, c1, "csv")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert sorted(r["id"] for r in rows) == sorted(r["id"] for r in recs)
    assert "Иванов Иван" in rows[0]["participants"] and rows[0]["city"] == "Шымкент"

    status, body, _ = _export(seeded.url, r1, "csv")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert [r["org_unit"] for r in rows] == ["SHY-ABAY"]  # the region's own records
    assert "Иванов" not in body.decode("utf-8-sig") and "МРЦ" in rows[0]["participants"]

    status, body, _ = _export(seeded.url, r1, "json")
    assert status == 200 and [r["id"] for r in json.loads(body)] == [recs[0]["id"]]
    assert "full_name" not in json.loads(body)[0]["data"]["participants"][0]
    from server.models import RecordOut
    RecordOut.model_validate(json.loads(body)[0], strict=False)
    assert set(json.loads(body)[0]) == set(RecordOut.model_fields)

    status, body, _ = _export(seeded.url, c1, "xlsx")
    assert status == 200
    ws = load_workbook(io.BytesIO(body), read_only=True)["records"]
    table = [list(r) for r in ws.iter_rows(values_only=True)]
    assert table[0][0] == "id" and len(table) == 3
    assert any("Иванов Иван" in str(cell) for cell in table[1])

    status, body, _ = _export(seeded.url, c1, "csv", form="nope")
    assert status == 422 and b"is not known" in body
    out = tmp_path / "fg.xlsx"
    r = esep("server", "admin", "export", "--db", seeded.db_url, "--form", "focus_group",
             "--format", "xlsx", "--region", "AST", "-o", str(out))
    assert r.returncode == 0, r.stderr
    rows = list(load_workbook(out, read_only=True)["records"].iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][3] == "AST-ESIL" and "Иванов" not in str(rows[1])


def test_monthly_counts_fields_become_columns(seeded):
    d1 = api_session(seeded.url, "d1")
    push_acks(seeded, d1, "dev-d1", [make_op(1, monthly_report("SHY-ABAY"))])
    status, body, _ = _export(seeded.url, token_of(seeded.url, "c1", PASSWORD), "csv",
                              form="monthly_report")
    assert status == 200
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == 1 and int(rows[0]["gender.F"]) + int(rows[0]["gender.M"]) == int(
        rows[0]["volunteers_total"])


def test_one_json_log_line_per_request_without_secrets(seeded, caplog):
    caplog.set_level(logging.INFO, logger="esep")
    token = token_of(seeded.url, "d1", PASSWORD)
    call(seeded.url, "GET", API + "/me", token=token)
    call(seeded.url, "POST", API + "/auth/login", {"username": "d1", "password": "wrong-pw"})
    lines = [json.loads(JsonFormatter().format(r)) for r in caplog.records]
    requests_ = [x for x in lines if x.get("event") == "request"]
    me = [x for x in requests_ if x["route"] == "/api/v1/me"]
    assert me and me[0]["user"] == "d1" and me[0]["status"] == 200
    assert me[0]["duration_ms"] >= 0 and len(me[0]["request_id"]) == 32
    assert me[0]["client"] == "127.0.0.1" and me[0]["method"] == "GET"
    events = [x["event"] for x in lines]
    assert "login" in events and "login_failed" in events
    text = "\n".join(JsonFormatter().format(r) for r in caplog.records)
    assert PASSWORD not in text and "wrong-pw" not in text and token not in text


def test_healthz_touches_the_database(db_url):
    from server.db import make_engine
    from tests.server_fixtures import run_server

    srv = run_server(db_url)
    try:
        status, body = call(srv.url, "GET", "/healthz")
        assert status == 200 and body["ok"] is True
        engine = make_engine(db_url)
        if engine.dialect.name == "postgresql":  # the database goes away
            engine.dispose()
            url = sa.engine.make_url(engine.url)
            root = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
            with root.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE "{url.database}" WITH (FORCE)')
            root.dispose()
        else:  # the file is replaced by one that is not this server's database
            with engine.begin() as conn:
                conn.exec_driver_sql("DROP TABLE server_meta")
            engine.dispose()
        status, body = call(srv.url, "GET", "/healthz")
        assert status == 503 and body["ok"] is False
    finally:
        srv.stop()


def test_metrics_in_prometheus_format(seeded):
    token = token_of(seeded.url, "c1", PASSWORD)
    call(seeded.url, "GET", API + "/me", token=token)
    status, text = call(seeded.url, "GET", "/metrics")
    assert status == 200 and isinstance(text, str)
    assert 'esep_http_requests_total{method="GET",route="/api/v1/me",status="200"}' in text
    assert "esep_http_request_duration_seconds_bucket" in text
    assert 'esep_logins_total{outcome="ok"}' in text


def test_pull_by_push_route_is_logged_with_its_route(seeded, caplog):
    caplog.set_level(logging.INFO, logger="esep")
    d1 = api_session(seeded.url, "d1")
    r = push(d1, seeded.url, "dev-x", [make_op(1, monthly_report("SHY-ABAY"))])
    assert r.status_code == 200
    pull_all(d1, seeded.url)
    routes = {r.route for r in caplog.records if getattr(r, "event", "") == "request"}
    assert {"/api/v1/sync/push", "/api/v1/sync/pull"} <= routes
