"""The centre's hourly-rate table (DOMAIN decision 7) through real HTTP, on SQLite and (when
ESEP_TEST_PG_URL is set) PostgreSQL: GET / PUT, the version bump (also in pull pages), who
may change what, bad values refused with a message naming the row, and the admin CLI."""
from __future__ import annotations

import pytest

from cli.main import main as esep
from server.db import open_db
from server.rates import RatesError, check_rows, get_rates
from tests.server_fixtures import (
    live_server_any,  # noqa: F401 - fixture
    pull_all,
    world,  # noqa: F401 - fixture
)

RATES = "/api/v1/rates"


def put(session, url: str, rows: list[dict]):
    return session.put(url + RATES, json={"rates": rows}, timeout=30)


def table(session, url: str) -> dict:
    r = session.get(url + RATES, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


def as_dict(answer: dict) -> dict:
    return {(r["region"], r["year"]): r["rate"] for r in answer["rates"]}


def test_get_put_clear_and_the_version(world):
    srv, sess = world
    empty = table(sess("d1"), srv.url)
    assert empty == {"version": 0, "default": 1728, "rates": [], "updated_at": None}
    r = put(sess("c1"), srv.url, [{"region": "PAV", "year": 2024, "rate": 2000},
                                  {"region": "SHY", "year": 2024, "rate": 1900.5}])
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 1
    assert as_dict(r.json()) == {("PAV", 2024): 2000, ("SHY", 2024): 1900.5}
    for user in ("d1", "t1", "a1", "r2"):  # every signed-in user reads the same table
        assert table(sess(user), srv.url)["rates"] == r.json()["rates"]
    _, cursor, _ = pull_all(sess("d1"), srv.url)
    page = sess("d1").get(srv.url + "/api/v1/sync/pull", params={"cursor": cursor},
                          timeout=30).json()
    assert page["rates_version"] == 1 and page["changes"] == []
    same = put(sess("c1"), srv.url, [{"region": "PAV", "year": 2024, "rate": 2000}])
    assert same.json()["version"] == 1  # nothing changed: no new version, no client GET
    cleared = put(sess("c1"), srv.url, [{"region": "PAV", "year": 2024, "rate": None}])
    assert cleared.json()["version"] == 2 and as_dict(cleared.json()) == {("SHY", 2024): 1900.5}
    page = sess("d1").get(srv.url + "/api/v1/sync/pull", timeout=30).json()
    assert page["rates_version"] == 2


def test_who_may_change_which_region(world):
    srv, sess = world
    for user in ("d1", "t1"):
        r = put(sess(user), srv.url, [{"region": "SHY", "year": 2024, "rate": 1800}])
        assert r.status_code == 403 and r.json()["detail"]["code"] == "forbidden", user
    r = put(sess("r1"), srv.url, [{"region": "SHY", "year": 2024, "rate": 1800}])
    assert r.status_code == 200 and as_dict(r.json()) == {("SHY", 2024): 1800}
    r = put(sess("r1"), srv.url, [{"region": "SHY", "year": 2025, "rate": 1850},
                                  {"region": "AST", "year": 2024, "rate": 1}])
    assert r.status_code == 403 and "AST" in r.json()["detail"]["message"]
    assert as_dict(table(sess("r1"), srv.url)) == {("SHY", 2024): 1800}  # nothing of it saved
    for user, region in (("c1", "AST"), ("a1", "PAV")):
        r = put(sess(user), srv.url, [{"region": region, "year": 2024, "rate": 2100}])
        assert r.status_code == 200, (user, r.text)
    got = table(sess("d3"), srv.url)
    assert as_dict(got) == {("SHY", 2024): 1800, ("AST", 2024): 2100, ("PAV", 2024): 2100}
    assert got["version"] == 3
    assert sess("d1").get(srv.url + RATES, timeout=30, headers={"Authorization": ""}) \
        .status_code == 401


@pytest.mark.parametrize("row,words", [
    ({"region": "XXX", "year": 2024, "rate": 1800}, ["row 2", "region", "'XXX'"]),
    ({"region": "PAV", "year": 1999, "rate": 1800}, ["row 2", "1999", "2000..2100"]),
    ({"region": "PAV", "year": 2101, "rate": 1800}, ["row 2", "2101"]),
    ({"region": "PAV", "year": 2024, "rate": 0}, ["row 2", "PAV 2024", "positive"]),
    ({"region": "PAV", "year": 2024, "rate": -5}, ["row 2", "positive"]),
    ({"region": "PAV", "year": 2024, "rate": 5e7}, ["row 2", "PAV 2024", "1,000,000"]),
    ({"region": "SHY", "year": 2024, "rate": 10}, ["row 2", "SHY 2024", "twice"]),
])
def test_bad_rows_are_refused_with_the_row_and_why(world, row, words):
    srv, sess = world
    rows = [{"region": "SHY", "year": 2024, "rate": 1700}, row]
    r = put(sess("c1"), srv.url, rows)
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert detail["code"] == "invalid_rates"
    for word in words:
        assert word in detail["message"], (word, detail)
    got = table(sess("c1"), srv.url)
    assert got["rates"] == [] and got["version"] == 0  # the good row is not saved either


def test_infinite_rate_is_refused(world):
    srv, sess = world
    body = '{"rates": [{"region": "PAV", "year": 2024, "rate": Infinity}]}'
    r = sess("c1").put(srv.url + RATES, data=body, timeout=30,
                       headers={"Content-Type": "application/json"})
    assert r.status_code == 422, r.text
    assert table(sess("c1"), srv.url)["rates"] == []


def test_admin_cli_set_rates_from_csv(world, tmp_path, capsys):
    srv, sess = world
    csv_file = tmp_path / "rates.csv"
    csv_file.write_text("region,year,rate_kzt,source\nPAV,2024,2000,stat\n"
                        "SHY,2024,1900.5,\n", encoding="utf-8")
    assert esep(["server", "admin", "set-rates", "--db", srv.db_url, str(csv_file)]) == 0
    assert "rates version 1" in capsys.readouterr().out
    got = table(sess("d1"), srv.url)
    assert as_dict(got) == {("PAV", 2024): 2000, ("SHY", 2024): 1900.5}
    csv_file.write_text("region,year,rate_kzt\nAST,2023,1500\n", encoding="utf-8")
    assert esep(["server", "admin", "set-rates", "--db", srv.db_url, "--replace",
                 str(csv_file)]) == 0
    assert as_dict(table(sess("d1"), srv.url)) == {("AST", 2023): 1500}
    bad = tmp_path / "bad.csv"
    bad.write_text("region,year,rate_kzt\nAST,2023,1600\nQQQ,2024,1500\n", encoding="utf-8")
    assert esep(["server", "admin", "set-rates", "--db", srv.db_url, str(bad)]) != 0
    assert "line 3: region: 'QQQ'" in capsys.readouterr().err  # the file's line
    bad.write_text("region,year,rate_kzt\nAST,2023,-1\n", encoding="utf-8")
    assert esep(["server", "admin", "set-rates", "--db", srv.db_url, str(bad)]) != 0
    assert "line 2: rate for AST 2023" in capsys.readouterr().err
    bad.write_text("region,year,rate_kzt\nAST,2023,1600\nAST,2023,1700\n", encoding="utf-8")
    assert esep(["server", "admin", "set-rates", "--db", srv.db_url, str(bad)]) != 0
    assert "line 3: AST 2023 appears twice" in capsys.readouterr().err
    engine = open_db(srv.db_url)
    try:
        assert get_rates(engine)["version"] == 2  # the refused files changed nothing
    finally:
        engine.dispose()


def test_local_table_and_server_refuse_the_same_rates():
    """One check (forms.rates.check_rate) for the local table, the CLI and the server."""
    from reports.economics import RateError, RateTable

    for value, year in ((0, 2024), (-1, 2024), ("abc", 2024), (float("inf"), 2024),
                        (2_000_000, 2024), (1728, 1999), (1728, 2024.5)):
        with pytest.raises(RateError):
            RateTable().set("PAV", year, value)
        with pytest.raises(RatesError):
            check_rows([{"region": "PAV", "year": year, "rate": value}])
    RateTable().set("PAV", 2024, "1900.5")
    assert check_rows([{"region": "PAV", "year": 2024, "rate": "1900.5"}])[0]["rate"] == 1900.5


def test_concurrent_changes_each_get_their_own_version(world):
    """Writers queue on the version counter's row: no lost update, no 5xx, one bump each."""
    from concurrent.futures import ThreadPoolExecutor

    srv, sess = world
    tokens = [sess(u).headers["Authorization"] for u in ("c1", "a1")]

    def one(i: int):
        import requests

        from sync.protocol import SCHEMA_HEADER, SCHEMA_VERSION
        headers = {"Authorization": tokens[i % 2], SCHEMA_HEADER: str(SCHEMA_VERSION)}
        return requests.put(srv.url + RATES, headers=headers, timeout=60, json={
            "rates": [{"region": "PAV", "year": 2024, "rate": 1000 + i},
                      {"region": "SHY", "year": 2000 + i, "rate": 1500}]})

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(one, range(8)))
    assert all(a.status_code == 200 for a in answers), [a.text for a in answers]
    assert sorted(a.json()["version"] for a in answers) == list(range(1, 9))
    got = table(sess("c1"), srv.url)
    assert got["version"] == 8 and len(got["rates"]) == 9
    last = max(answers, key=lambda a: a.json()["version"]).json()
    assert as_dict(got)[("PAV", 2024)] == as_dict(last)[("PAV", 2024)]
