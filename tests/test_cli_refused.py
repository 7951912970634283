"""A change the server refused is sent again unchanged (`esep resend`) or dropped (`esep drop
--yes`) from the CLI, through a real server on 127.0.0.1.

Resend: a region's coordinator types February's report for a district the centre opens this
year (SHY-D21) before the centre has added it; the server refuses it («unknown org unit»);
the centre's admin imports the new district from a CSV typed in a spreadsheet; `esep resend`
queues the same change again and the next `esep sync` is accepted — under a new op_seq, since
the server's ledger answers a replayed one with the refusal it gave.

Drop: a clerk's re-imported file moved February to the city's own unit (refused: the server
keeps its copy) and added a March report under it (refused: the server never had it); `esep drop` without --yes says what would happen and changes nothing; with --yes
March is removed here and February takes back the server's copy; the next `esep sync` sends
nothing and exits 0. Every wrong call exits 2 in the user's language and changes nothing."""
from __future__ import annotations

import json

from test_cli_refile import FEBRUARY, _local_state, _server_rows, _sync, run
from test_sync_cli import memory_keyring
from test_sync_support import PASSWORD, server

__all__ = ["memory_keyring", "server"]  # fixtures

OURS = "5e1d0c2b-8a7f-4e63-9b15-d4c3a2f10e77"
# The centre's list of new districts as its admin saves it from a spreadsheet (BOM, CRLF).
NEW_DISTRICTS = ("\ufeffid,region,name_ru,name_kk,name_en\r\n"
                 "SHY-D21,SHY,Район SHY-D21 (новый),SHY-D21 ауданы,SHY-D21 district\r\n")


def _report(rid: str, unit: str, period: str, text: str) -> str:
    return (FEBRUARY.replace("RID", rid).replace("UNIT", unit).replace("TEXT", text)
            .replace('"2024-02"', f'"{period}"'))


def _login(capsys, monkeypatch, folder, srv, user: str) -> None:
    code, _, err = run(capsys, monkeypatch, folder, "login", "--server", srv.url, "--user", user,
                       "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err


def _import(capsys, monkeypatch, folder, path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, folder, "import", "monthly_report", str(path))
    assert code == 0, err


def _refused_wrongly(capsys, monkeypatch, folder, argv, words) -> None:
    before = _local_state(folder)
    code, out, err = run(capsys, monkeypatch, folder, *argv)
    assert code == 2, (argv, out, err)
    assert all(w in err for w in words), (argv, err)
    assert "Traceback" not in err
    assert _local_state(folder) == before  # nothing changed


def test_a_refusal_whose_cause_was_fixed_on_the_server_is_resent_and_accepted(
        server, tmp_path, capsys, monkeypatch, memory_keyring):
    region, db = tmp_path / "region", server.db_url.removeprefix("sqlite:///")
    _import(capsys, monkeypatch, region, tmp_path / "февраль.json",
            _report(OURS, "SHY-D21", "2024-02", "Эко-акция «Таза өзен», 9 волонтёров"))
    _login(capsys, monkeypatch, region, server, "reg1")
    code, summary = _sync(capsys, monkeypatch, region)
    assert (code, summary["rejected"]) == (2, 1)
    code, out, _ = run(capsys, monkeypatch, region, "list")
    assert "`esep resend ID`" in out and "`esep drop ID`" in out

    for argv, words in [
        (["resend", "0000dead"], ["нет записи 0000dead"]),
        (["resend", "0000dead", "--lang", "en"], ["no record 0000dead"]),
    ]:
        _refused_wrongly(capsys, monkeypatch, region, argv, words)

    (tmp_path / "новые районы.csv").write_text(NEW_DISTRICTS, encoding="utf-8", newline="")
    code, _, err = run(capsys, monkeypatch, region, "server", "admin", "import-orgunits",
                       "--db", server.db_url, str(tmp_path / "новые районы.csv"))
    assert code == 0, err
    code, out, err = run(capsys, monkeypatch, region, "resend", OURS[:8])
    assert code == 0, err
    assert f"{OURS}: поставлена в очередь заново без изменений" in out
    _refused_wrongly(capsys, monkeypatch, region, ["resend", OURS[:8], "--lang", "kk"],
                     [f"{OURS} жазбасы: сервер оның өзгерістерін қабылдамай қоймаған"])
    code, summary = _sync(capsys, monkeypatch, region)
    assert (code, summary["pushed"], summary["rejected"]) == (0, 1, 0), summary
    assert _server_rows(db) == [(OURS, "SHY-D21", "2024-02", "draft", 1)]
    code, out, _ = run(capsys, monkeypatch, region, "list", "--json")
    assert [(r["id"], r["sync_state"], r["version"]) for r in json.loads(out)] == [
        (OURS, None, 1)]


JAN, FEB, MAR = ("7c0e5a4e-1b52-4f3e-9d7a-2f1c8b6a0d11", "3f9b2d71-66c0-4a8e-b1f4-0e5d7c9a2b42",
                 "c4a81e0f-9d3b-4b27-8e65-5a0f3d2c7e93")


def _clerk_files(tmp_path) -> tuple[str, str]:
    """Her first file (January, February: right) and the re-import of the next week, where
    she typed the city's code (SHY) for the unit: February moved there, and March."""
    first = {"form": "monthly_report", "records": [
        json.loads(_report(JAN, "SHY-D01", "2024-01", "Субботник во дворе"))["records"][0],
        json.loads(_report(FEB, "SHY-D01", "2024-02", "Помощь пожилым"))["records"][0]]}
    second = {"form": "monthly_report", "records": [
        json.loads(_report(FEB, "SHY", "2024-02", "Помощь пожилым, «Қамқор»"))["records"][0],
        json.loads(_report(MAR, "SHY", "2024-03", "Наурыз мерекесі"))["records"][0]]}
    return (json.dumps(first, ensure_ascii=False, indent=1),
            json.dumps(second, ensure_ascii=False, indent=1))


def test_refused_changes_are_dropped_a_new_record_removed_a_known_one_restored(
        server, tmp_path, capsys, monkeypatch, memory_keyring):
    clerk, db = tmp_path / "clerk", server.db_url.removeprefix("sqlite:///")
    first, second = _clerk_files(tmp_path)
    _import(capsys, monkeypatch, clerk, tmp_path / "отчёты.json", first)
    _login(capsys, monkeypatch, clerk, server, "dist1")
    assert _sync(capsys, monkeypatch, clerk)[0] == 0
    on_server = _server_rows(db)
    assert [(r[0], r[1], r[4]) for r in on_server] == [(JAN, "SHY-D01", 1), (FEB, "SHY-D01", 1)]
    _import(capsys, monkeypatch, clerk, tmp_path / "отчёты (2).json", second)
    code, summary = _sync(capsys, monkeypatch, clerk)
    assert (code, summary["rejected"]) == (2, 2)

    for argv, words in [
        (["drop", MAR[:8]], [f"{MAR}: сервер этой записи никогда не получал",
                             "Ничего не изменено", "--yes"]),
        (["drop", FEB[:8], "--lang", "en"], [f"{FEB}: dropping discards the record's",
                                             "(version 1)", "repeat with --yes"]),
        (["drop", JAN[:8], "--yes"], [f"запись {JAN}: сервер не отклонял её изменений"]),
        (["drop", "0000dead", "--yes", "--lang", "kk"], ["0000dead жазбасы жоқ"]),
    ]:
        _refused_wrongly(capsys, monkeypatch, clerk, argv, words)

    code, out, err = run(capsys, monkeypatch, clerk, "drop", MAR[:8], "--yes")
    assert code == 0 and f"{MAR}: удалена из этой папки данных" in out, err
    code, out, err = run(capsys, monkeypatch, clerk, "drop", FEB[:8], "--yes", "--lang", "en")
    assert code == 0 and f"{FEB}: the refused change dropped" in out, err
    code, out, _ = run(capsys, monkeypatch, clerk, "list", "--json")
    assert {r["id"]: (r["org_unit"], r["version"], r["sync_state"])
            for r in json.loads(out)} == {JAN: ("SHY-D01", 1, None), FEB: ("SHY-D01", 1, None)}
    code, out, _ = run(capsys, monkeypatch, clerk, "show", FEB[:8])
    shown = json.loads(out)
    assert shown["record"]["data"]["typical_events_text"] == "Помощь пожилым"
    dropped = [(a["who"], a["field"], a["old"], a["new"]) for a in shown["audit"]
               if "dropped" in (a["reason"] or "")]
    assert dropped == [("dist1", "_org_unit", "SHY", "SHY-D01"),
                       ("dist1", "typical_events_text", "Помощь пожилым, «Қамқор»",
                        "Помощь пожилым")]
    code, out, _ = run(capsys, monkeypatch, clerk, "show", MAR)
    assert json.loads(out)["record"]["deleted"] is True

    code, summary = _sync(capsys, monkeypatch, clerk)
    assert (code, summary["pushed"], summary["rejected"]) == (0, 0, 0), summary
    assert _server_rows(db) == on_server  # the server never saw March, February unchanged
