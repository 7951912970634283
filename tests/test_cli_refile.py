"""A record the server refused is filed under another org unit from the CLI (`esep refile`),
through a real server on 127.0.0.1: a clerk types the monthly reports before the first login
(a fresh folder takes any unit) and copies a neighbour's district code; the first `esep sync`
is refused for those records and exits 2; every wrong `esep refile` is refused in the user's
language with exit 2 and changes nothing; refiled under the clerk's own district, the next
`esep sync` exits 0 and the server holds each record once, under the new unit."""
from __future__ import annotations

import json
import sqlite3

from test_sync_cli import memory_keyring
from test_sync_support import PASSWORD, server

__all__ = ["memory_keyring", "server"]  # fixtures

# As a clerk types it in a text editor, copying the district code from a neighbour's file
# (SHY-D10 is not hers: she works for SHY-D01). January was typed right.
CLERK_JSON = """{
  "form": "monthly_report",
  "records": [
    {"id": "7c0e5a4e-1b52-4f3e-9d7a-2f1c8b6a0d11", "form": "monthly_report",
     "form_version": 1, "org_unit": "SHY-D01", "period": "2024-01", "status": "draft",
     "data": {"volunteers_total": 12, "gender": {"F": 7, "M": 5}, "age": {"A18_28": 12},
              "occupation": {"STUDENT": 12}, "registered_orgs_count": 2,
              "initiative_groups_count": 5, "events_total": 3,
              "events_by_direction": {"MED": 3}, "events_by_format": {"OFFLINE": 3},
              "volunteer_hours": 24, "volunteer_positions": 4,
              "rfo_support_provided": "NO",
              "typical_events_text": "Акция «Чистый двор»: уборка дворов, субботник"}},
    {"id": "3f9b2d71-66c0-4a8e-b1f4-0e5d7c9a2b42", "form": "monthly_report",
     "form_version": 1, "org_unit": "SHY-D10", "period": "2024-02", "status": "draft",
     "data": {"volunteers_total": 14, "gender": {"F": 8, "M": 6}, "age": {"A18_28": 14},
              "occupation": {"STUDENT": 14}, "registered_orgs_count": 2,
              "initiative_groups_count": 5, "events_total": 3,
              "events_by_direction": {"MED": 3}, "events_by_format": {"OFFLINE": 3},
              "volunteer_hours": 28, "volunteer_positions": 4,
              "rfo_support_provided": "NO",
              "typical_events_text": "Помощь пожилым: доставка продуктов, «Қамқор» апталығы"}},
    {"id": "c4a81e0f-9d3b-4b27-8e65-5a0f3d2c7e93", "form": "monthly_report",
     "form_version": 1, "org_unit": "SHY-D10", "period": "2024-03", "status": "draft",
     "data": {"volunteers_total": 15, "gender": {"F": 8, "M": 7}, "age": {"A18_28": 15},
              "occupation": {"STUDENT": 15}, "registered_orgs_count": 2,
              "initiative_groups_count": 5, "events_total": 3,
              "events_by_direction": {"MED": 3}, "events_by_format": {"OFFLINE": 3},
              "volunteer_hours": 30, "volunteer_positions": 4,
              "rfo_support_provided": "NO",
              "typical_events_text": "Наурыз: концерт, уборка парка"}}
  ]
}
"""
JAN, FEB, MAR = ("7c0e5a4e-1b52-4f3e-9d7a-2f1c8b6a0d11", "3f9b2d71-66c0-4a8e-b1f4-0e5d7c9a2b42",
                 "c4a81e0f-9d3b-4b27-8e65-5a0f3d2c7e93")


def run(capsys, monkeypatch, folder, *argv, stdin: str = "") -> tuple[int, str, str]:
    import io

    from cli.main import main

    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--data-dir", str(folder), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _sync(capsys, monkeypatch, folder) -> tuple[int, dict]:
    code, out, err = run(capsys, monkeypatch, folder, "sync")
    lines = [json.loads(x) for x in out.splitlines() if x.startswith("{")]
    assert lines, err
    return code, lines[-1]


def _local_state(folder) -> tuple:
    """Every record row, audit row and outbox row of the data folder's store."""
    from store import open_store

    with open_store(folder / "esep.sqlite3") as store:
        return tuple(store.db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                     for t in ("records", "audit", "outbox"))


def _server_rows(path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT id, org_unit, period, status, version FROM records "
                          "ORDER BY period").fetchall()


def _refused_sync(capsys, monkeypatch, folder, srv) -> None:
    (folder.parent / "отчёты.json").write_text(CLERK_JSON, encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, folder, "import", "monthly_report",
                       str(folder.parent / "отчёты.json"))
    assert code == 0, err
    code, _, err = run(capsys, monkeypatch, folder, "submit", MAR[:8],
                       "--justification", "проверено, данные из журнала")
    assert code == 0, err  # submitted offline: the server has never seen it
    code, _, err = run(capsys, monkeypatch, folder, "login", "--server", srv.url, "--user",
                       "dist1", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err
    code, summary = _sync(capsys, monkeypatch, folder)
    assert (code, summary["rejected"]) == (2, 2)


def test_refused_records_are_refiled_and_reach_the_server_once(
        server, tmp_path, capsys, monkeypatch, memory_keyring):
    folder = tmp_path / "clerk"
    _refused_sync(capsys, monkeypatch, folder, server)
    code, out, _ = run(capsys, monkeypatch, folder, "list")
    assert out.count("[ОТКЛОНЁН]") == 2 and "отклонено сервером: 2" in out
    assert "`esep refile ID --org-unit UNIT`" in out
    assert [r[0] for r in _server_rows(server.db_url.removeprefix("sqlite:///"))] == [JAN]

    before = _local_state(folder)
    wrong = [  # (argv, words the refusal must say)
        (["refile", "0000dead", "--org-unit", "SHY-D01"], ["нет записи 0000dead"]),
        (["refile", FEB[:8], "--org-unit", "SHY-D1"],
         ["«SHY-D1» нет среди организационных единиц, которые прислал вам сервер",
          "похожие: SHY-D01 (Район SHY-D01)", "допустимые: SHY-D01"]),
        (["refile", FEB[:8], "--org-unit", "SHY-D05"],  # the neighbour's: never sent here
         ["«SHY-D05» нет среди", "допустимые: SHY-D01"]),
        (["refile", FEB[:8], "--org-unit", "SHY"],  # the region's own unit: known, not hers
         [f"запись {FEB}: «SHY» вне вашей зоны доступа", "допустимые: SHY-D01"]),
        (["refile", FEB, "--org-unit", "SHY-D10"], ["уже числится за «SHY-D10»"]),
        (["refile", JAN[:8], "--org-unit", "SHY-D02"],
         [f"запись {JAN}: сервер не отклонял её изменений"]),
        (["refile", FEB[:8], "--org-unit", "SHY", "--lang", "en"],
         ["«SHY» is outside your scope", "allowed: SHY-D01"]),
        (["refile", FEB[:8], "--org-unit", "SHY", "--lang", "kk"],
         ["қолжетімділік аймағыңыздан тыс", "рұқсат етілгендері: SHY-D01"]),
    ]
    for argv, words in wrong:
        code, out, err = run(capsys, monkeypatch, folder, *argv)
        assert code == 2, (argv, out, err)
        assert all(w in err for w in words), (argv, err)
        assert "Traceback" not in err
    assert _local_state(folder) == before  # nothing changed by any refusal

    for rid in (FEB, MAR):
        code, out, err = run(capsys, monkeypatch, folder, "refile", rid[:8],
                             "--org-unit", "SHY-D01")
        assert code == 0, err
        assert f"{rid}: перенесена в «SHY-D01»" in out
    code, out, _ = run(capsys, monkeypatch, folder, "list", "--json")
    assert {r["id"]: (r["org_unit"], r["status"], r["sync_state"]) for r in json.loads(out)} == {
        JAN: ("SHY-D01", "draft", None), FEB: ("SHY-D01", "draft", None),
        MAR: ("SHY-D01", "submitted", None)}

    code, summary = _sync(capsys, monkeypatch, folder)
    assert (code, summary["pushed"], summary["rejected"], summary["conflicts"]) == (0, 2, 0, 0)
    assert _server_rows(server.db_url.removeprefix("sqlite:///")) == [
        (JAN, "SHY-D01", "2024-01", "draft", 1), (FEB, "SHY-D01", "2024-02", "draft", 1),
        (MAR, "SHY-D01", "2024-03", "submitted", 1)]
    code, summary = _sync(capsys, monkeypatch, folder)
    assert (code, summary["pushed"], summary["rejected"]) == (0, 0, 0)
    code, out, _ = run(capsys, monkeypatch, folder, "show", FEB[:8])
    moved = [a for a in json.loads(out)["audit"] if a["field"] == "_org_unit"]
    assert [(a["old"], a["new"], a["who"]) for a in moved] == [
        (None, "SHY-D10", moved[0]["who"]), ("SHY-D10", "SHY-D01", "dist1")]
    assert "refused" in moved[-1]["reason"]


FEBRUARY = """{"form": "monthly_report", "records": [
  {"id": "RID", "form": "monthly_report", "form_version": 1, "org_unit": "UNIT",
   "period": "2024-02", "status": "draft",
   "data": {"volunteers_total": 9, "gender": {"F": 5, "M": 4}, "age": {"A18_28": 9},
            "occupation": {"STUDENT": 9}, "registered_orgs_count": 1,
            "initiative_groups_count": 2, "events_total": 1,
            "events_by_direction": {"ECO": 1}, "events_by_format": {"OFFLINE": 1},
            "volunteer_hours": 18, "volunteer_positions": 2, "rfo_support_provided": "NO",
            "typical_events_text": "TEXT"}}]}
"""


def _report(rid: str, unit: str, text: str) -> str:
    """One February report as the region's coordinator or a clerk types it."""
    return FEBRUARY.replace("RID", rid).replace("UNIT", unit).replace("TEXT", text)


def test_a_region_refiles_within_its_region_and_a_taken_month_is_refused(
        server, tmp_path, capsys, monkeypatch, memory_keyring):
    district, region = tmp_path / "district", tmp_path / "region"
    ours, theirs = "5e1d0c2b-8a7f-4e63-9b15-d4c3a2f10e77", "a2b3c4d5-e6f7-4081-9a2b-3c4d5e6f7081"
    (tmp_path / "d.json").write_text(_report(theirs, "SHY-D01", "Субботник в микрорайоне"),
                                     encoding="utf-8")
    (tmp_path / "r.json").write_text(_report(ours, "SHY-D21", "Эко-акция «Таза өзен»"),
                                     encoding="utf-8")  # SHY-D21: no such district
    for folder, user, file in ((district, "dist1", "d.json"), (region, "reg1", "r.json")):
        code, _, err = run(capsys, monkeypatch, folder, "import", "monthly_report",
                           str(tmp_path / file))
        assert code == 0, err
        code, _, err = run(capsys, monkeypatch, folder, "login", "--server", server.url,
                           "--user", user, "--password-stdin", stdin=PASSWORD + "\n")
        assert code == 0, err
    assert _sync(capsys, monkeypatch, district)[0] == 0
    code, summary = _sync(capsys, monkeypatch, region)
    assert (code, summary["rejected"]) == (2, 1)
    code, out, _ = run(capsys, monkeypatch, region, "show", ours[:8])
    assert json.loads(out)["rejected"][0]["errors"][0]["code"] == "unknown_org_unit"

    before = _local_state(region)  # SHY-D01 has its February report already (pulled)
    code, out, err = run(capsys, monkeypatch, region, "refile", ours[:8], "--org-unit",
                         "SHY-D01", "--lang", "en")
    assert code == 2 and "A monthly report of this org unit for this period already " \
                         "exists" in err, err
    assert _local_state(region) == before
    code, out, err = run(capsys, monkeypatch, region, "refile", ours[:8], "--org-unit",
                         "SHY-D12")
    assert code == 0, err
    code, summary = _sync(capsys, monkeypatch, region)
    assert (code, summary["pushed"], summary["rejected"]) == (0, 1, 0)
    rows = _server_rows(server.db_url.removeprefix("sqlite:///"))
    assert sorted((r[0], r[1]) for r in rows) == sorted([(theirs, "SHY-D01"),
                                                         (ours, "SHY-D12")])
