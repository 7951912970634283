"""The command line walked as a new user walks it (README "The command line", "Server and
sync, by hand"), in real `esep` processes: the mistakes people make are refused in the chosen
language with exit code != 0 and no traceback; a year under way gives an annual report; a sync
killed in the middle of its push leaves no duplicate on the server."""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import docx
import openpyxl
import pytest
from faultproxy import FaultProxy
from test_sync_support import DISTRICTS, PASSWORD, monthly, server

from forms import list_forms
from forms.lifecycle import STATUSES
from reports.headers import ROSTERS

__all__ = ["server"]  # fixtures

ROOT = Path(__file__).resolve().parents[1]
ENGLISH_WORD = re.compile(r"\b[a-z]{3,}\b")
IDS = ({f.id for f in list_forms()} | set(STATUSES) | set(ROSTERS["focus_group"][1])
       | set(ROSTERS["seminar"][1])
       | {"json", "xlsx", "csv", "_ignore"})  # form, status, column ids, formats: as typed


def esep(data: Path, *argv: str, stdin: str = "", wait: bool = True):
    """`esep --data-dir DATA argv...` in its own process; (exit code, stdout, stderr)."""
    env = {**os.environ, "HOME": str(data.parent), "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "main.py", "--data-dir", str(data), *argv]
    if not wait:
        return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
    res = subprocess.run(cmd, cwd=ROOT, env=env, input=stdin, capture_output=True, text=True,
                         timeout=120, check=False)
    return res.returncode, res.stdout, res.stderr


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "empty.json").write_text("", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    wb = openpyxl.Workbook()
    wb.active.append(["№", "ФИО", "Организация", "Согласие"])
    wb.active.append([1, "Иванов Иван", "ТОО Ромашка", "да"])
    wb.save(tmp_path / "list.xlsx")
    return tmp_path


def _mistakes(tmp: Path) -> list[list[str]]:
    down = f"http://127.0.0.1:{_closed_port()}"
    return [
        ["template", "monthly_reprt", "--org-unit", "SHY", "--period", "2024-03", "-o",
         str(tmp / "t.xlsx")],                                         # a misspelt form
        ["export", "monthly_report", "--format", "pdf", "-o", str(tmp / "x.pdf")],
        ["template", "monthly_report", "--org-unit", "SHY", "--period", "2024-03", "-o",
         str(tmp / "t.pdf")],                                          # a workbook as .pdf
        ["review", "--approve"],                                       # the id forgotten
        ["list", "monthly_reprt"],
        ["list", "--status", "done"],
        ["list", "--period", "03.2024"],
        ["export", "monthly_report", "--period", "2024-13", "-o", str(tmp / "x.json")],
        ["export", "monthly_report", "--format", "xlsx", "-o", str(tmp)],  # a folder
        ["import", "monthly_report", str(tmp / "empty.json")],
        ["import", "monthly_report", str(tmp / "none.json")],
        ["validate", "monthly_report", str(tmp / "scan.pdf")],         # not JSON records
        ["import", "focus_group", str(tmp / "list.xlsx"), "--org-unit", "SHY", "--period",
         "2024-03", "--map", "ФИО=fio"],                               # a field it lacks
        ["import", "focus_group", str(tmp / "list.xlsx"), "--org-unit", "SHY", "--period",
         "2024-03", "--map", "Ф.И.О.=full_name"],                      # a column it lacks
        ["import", "seminar", str(tmp / "list.xlsx"), "--org-unit", "SHY", "--period",
         "2023-09", "--set", "participant_category=STUDENT"],          # a focus-group field
        ["bundle", "import", str(tmp / "scan.pdf")],
        ["login", "--server", down, "--user", "aigerim", "--password-stdin"],  # server down
        ["sync", "--server", down, "--user", "aigerim", "--password-stdin"],
    ]


def _refusal(err: str) -> str:
    """The refusal without argparse's usage lines (the command's syntax) before it."""
    lines = err.splitlines()
    start = next((i for i, line in enumerate(lines) if re.match(r"esep[\w ]*: ", line)), 0)
    return "\n".join(lines[start:])


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_mistakes_are_refused_in_the_language(folder, lang):
    data = folder / "data"
    said = []
    for argv in _mistakes(folder):
        code, _out, err = esep(data, "--lang", lang, *argv, stdin="secret-1\n")
        text = _refusal(err)
        words = re.sub(r"(https?://|/)\S+|\S*\.(xlsx|docx|pdf|json|csv)\b|--?[a-z-]+|«[^»]*»|'[^']*'|\besep( [a-z]+)?|"
                       r"\b(id|form)\b|\b[A-Z]{2,}\b", "", text)  # addresses, files, options,
        #                            quoted values, commands to type, argument names, codes
        words = " ".join(w for w in words.split() if w.strip(",;:()") not in IDS)
        assert code != 0 and "Traceback" not in err, (argv, err)
        assert not ENGLISH_WORD.search(words), (lang, argv, err)
        assert re.search("[а-яәіңғүұқө]", text, re.IGNORECASE), (lang, argv, err)
        said.append(text)
    assert len(set(said)) == len(said) - 1    # each mistake its own sentence; the server
    assert said[-1] == said[-2]               # that is down is said alike by login and sync
    argvs = _mistakes(folder)
    for wrong in (["list", "monthly_reprt"], ["template", "monthly_reprt"]):
        at = next(i for i, a in enumerate(argvs) if a[:2] == wrong)
        assert "monthly_report" in said[at]                           # what is allowed


def test_the_same_mistakes_in_english(folder):
    data = folder / "data"
    for argv in _mistakes(folder):
        code, _out, err = esep(data, "--lang", "en", *argv, stdin="secret-1\n")
        assert code != 0 and "Traceback" not in err, (argv, err)
        own = re.sub(r"«[^»]*»|found: .*", "", err)       # the person's own words, quoted
        assert not re.search("[а-яә]", own, re.IGNORECASE), (argv, err)
        assert "HTTPConnectionPool" not in err and "Errno" not in err, (argv, err)


def test_annual_report_of_a_year_under_way(tmp_path):
    """One district's March, half filled in: the report is written, not a KeyError (a month
    without reports) or a ValueError (a pie chart of zeros)."""
    data = tmp_path / "data"
    record = {"id": "5b1f0c2e-8f8e-4a53-9d0e-3f1f6b6f2c11", "form": "monthly_report",
              "form_version": 1, "org_unit": "SHY", "period": "2024-03", "status": "draft",
              "data": {"volunteers_total": 120, "gender": {"F": 70, "M": 50}}}
    (tmp_path / "march.json").write_text(json.dumps([record]), encoding="utf-8")
    assert esep(data, "import", "monthly_report", str(tmp_path / "march.json"))[0] == 0
    for name in ("year.docx", "year.xlsx"):
        code, out, err = esep(data, "--lang", "kk", "report", "annual", "--year", "2024",
                              "-o", str(tmp_path / name))
        assert code == 0 and "Traceback" not in err, err
        assert name in out
    assert docx.Document(str(tmp_path / "year.docx")).paragraphs
    assert openpyxl.load_workbook(tmp_path / "year.xlsx").sheetnames


def _server_rows(db_url: str) -> tuple[int, int, int]:
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as db:
        return db.execute("SELECT count(*), count(DISTINCT id), count(DISTINCT org_unit || "
                          "period) FROM records").fetchone()


def _until(check, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_sync_killed_mid_push_leaves_no_duplicate(server, tmp_path):
    """`esep sync` killed (SIGKILL, as a pulled plug) once the server has applied the push
    but before the answer is back; the next sync sends the same changes again and the server
    still holds each record once."""
    proxy = FaultProxy("127.0.0.1", int(server.url.rsplit(":", 1)[1])).start()
    try:
        data = tmp_path / "district"
        recs = [monthly(DISTRICTS[0], f"{y}-{m:02d}", 10 + m) for y in (2021, 2022, 2023)
                for m in range(1, 13)]
        (tmp_path / "in.json").write_text(json.dumps(recs), encoding="utf-8")
        assert esep(data, "import", "monthly_report", str(tmp_path / "in.json"))[0] == 0
        code, _out, err = esep(data, "login", "--server", proxy.url, "--user", "dist1",
                               "--password-stdin", "--keep-token-in-file",
                               stdin=PASSWORD + "\n")
        assert code == 0, err
        proxy.delay = 3.0                        # answers come back late: time to kill
        child = esep(data, "sync", wait=False)
        _until(lambda: _server_rows(server.db_url)[0] >= len(recs))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        proxy.delay = 0.0
        code, out, err = esep(data, "sync")
        assert code == 0, err
        assert _server_rows(server.db_url) == (len(recs),) * 3
        code, out, _ = esep(data, "list", "--json")
        assert all(r["version"] for r in json.loads(out))    # every record acknowledged
        _killed_while_sending(data, proxy, server, tmp_path, len(recs))
    finally:
        proxy.stop()


def _killed_while_sending(data: Path, proxy, server, tmp_path: Path, before: int) -> None:
    """Killed while the push's body is still going up: the line is cut 600 bytes into it (the
    proxy would otherwise deliver what it has already read from a killed client), the client
    killed; the server holds none of the batch or all of it (the client's own retry may
    have sent it again before the kill), never a part, and after the next sync each record
    once."""
    recs = [monthly(DISTRICTS[0], f"2020-{m:02d}", 60 + m) for m in range(1, 13)]
    (tmp_path / "more.json").write_text(json.dumps(recs), encoding="utf-8")
    assert esep(data, "import", "monthly_report", str(tmp_path / "more.json"))[0] == 0
    cuts = proxy.cuts
    proxy.cut_after(600, "up")
    child = esep(data, "sync", wait=False)
    _until(lambda: proxy.cuts > cuts)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert _server_rows(server.db_url)[0] in (before, before + len(recs))  # never a part
    code, _out, err = esep(data, "sync")
    assert code == 0, err
    assert _server_rows(server.db_url) == (before + len(recs),) * 3


def test_template_filled_by_hand_then_imported(tmp_path):
    """`esep template`, then the workbook typed in like a person does: numbers as text with
    a thousands space, blanks, a label cell typed over; a copy whose _meta names a unit this
    folder does not know is refused, naming it and the nearest one."""
    data = tmp_path / "data"
    assert esep(data, "orgunits", "add", "SHY-ABAY", "--region", "SHY", "--name-ru",
                "Абайский район")[0] == 0
    book = tmp_path / "март.xlsx"
    code, _, err = esep(data, "--lang", "kk", "template", "monthly_report", "--org-unit",
                        "SHY-ABAY", "--period", "2024-03", "-o", str(book))
    assert code == 0, err
    wb = openpyxl.load_workbook(book)
    sheet = wb.worksheets[0]
    rows = {sheet.cell(r, 4).value: r for r in range(1, sheet.max_row + 1)}
    sheet.cell(rows["volunteers_total"], 2).value = "1 200"
    sheet.cell(rows["gender.F"], 2).value = "700 "
    sheet.cell(rows["gender.M"], 2).value = 500
    sheet.cell(rows["volunteers_total"], 1).value = "Волонтёров (мой подсчёт)"  # protected
    wb.save(book)
    code, out, err = esep(data, "--lang", "kk", "import", "monthly_report", str(book))
    assert code == 0 and "Traceback" not in err, err
    code, out, _ = esep(data, "list", "--json")
    [rec] = json.loads(out)
    code, out, _ = esep(data, "show", rec["id"])
    assert json.loads(out)["record"]["data"] == {"volunteers_total": 1200,
                                                "gender": {"F": 700, "M": 500}}
    wb["_meta"]["B3"] = "SHY-ABAI"                          # typed over in the hidden sheet
    wb.save(tmp_path / "other.xlsx")
    code, _, err = esep(data, "--lang", "kk", "import", "monthly_report",
                        str(tmp_path / "other.xlsx"))
    assert code == 1 and "белгісіз ұйымдық бірлік «SHY-ABAI»" in err and "SHY-ABAY" in err
    rec = {"id": "5b1f0c2e-8f8e-4a53-9d0e-3f1f6b6f2c12", "form": "monthly_report",
           "form_version": 1, "org_unit": "SHY-ABAI", "period": "2024-04", "status": "draft",
           "data": {"volunteers_total": 5}}              # the same typo in a JSON file
    (tmp_path / "april.json").write_text(json.dumps([rec]), encoding="utf-8")
    code, _, err = esep(data, "import", "monthly_report", str(tmp_path / "april.json"))
    assert code == 1 and "неизвестная организационная единица «SHY-ABAI»" in err, err
    assert len(json.loads(esep(data, "list", "--json")[1])) == 1   # nothing else saved


def test_a_district_cannot_approve_its_own_report(server, tmp_path):
    """Seen by hand: `esep review ID --approve` in a district's folder said «approved»; the
    next sync sent the approval instead of the submission and the server refused it (parked,
    the report never submitted). The role of `esep login` now decides, before anything."""
    data = tmp_path / "district"
    rec = monthly(DISTRICTS[0], "2025-02", 41)
    (tmp_path / "r.json").write_text(json.dumps([rec]), encoding="utf-8")
    assert esep(data, "import", "monthly_report", str(tmp_path / "r.json"))[0] == 0
    code, _, err = esep(data, "login", "--server", server.url, "--user", "dist1",
                        "--password-stdin", "--keep-token-in-file", stdin=PASSWORD + "\n")
    assert code == 0, err
    assert esep(data, "submit", rec["id"], "--justification", "проверено")[0] == 0
    code, _, err = esep(data, "--lang", "kk", "review", rec["id"], "--approve")
    assert code == 1 and "рөліңіз үшін қолжетімсіз" in err, err
    code, out, err = esep(data, "sync")
    summary = json.loads(out.splitlines()[-1])
    assert code == 0 and (summary["pushed"], summary["rejected"]) == (1, 0), err
    code, out, _ = esep(data, "list", "--json")
    assert json.loads(out)[0]["status"] == "submitted"
    code, out, _ = esep(data, "show", rec["id"][:8])   # as `esep report quality` prints it
    assert code == 0 and json.loads(out)["record"]["id"] == rec["id"]


def test_orgunits_from_a_cp1251_csv(tmp_path):
    """Excel's «CSV» on a Russian Windows is cp1251 with «;»: it was a UnicodeDecodeError
    traceback; a PDF given instead is refused in the user's language."""
    data = tmp_path / "data"
    (tmp_path / "units.csv").write_bytes("id;region;name_ru\nSHY-NEW;SHY;Новый район\n"
                                         .encode("cp1251"))
    code, out, err = esep(data, "orgunits", "import", str(tmp_path / "units.csv"))
    assert code == 0 and "SHY-NEW" in out, err
    assert "Новый район" in esep(data, "orgunits", "list")[1]
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n\x00\x9c\x81")
    code, _, err = esep(data, "--lang", "kk", "orgunits", "import", str(tmp_path / "scan.pdf"))
    assert code == 1 and "Traceback" not in err and "scan.pdf" in err, err
    assert re.search("өңір коды емес|кодтауында емес", err) and "None" not in err, err


def test_an_old_blank_workbook_does_not_wipe_what_is_saved(tmp_path):
    """Seen by hand: a workbook made by `esep template` before the report existed, imported
    after values were saved, cleared every field it left blank («120 → —»). Now its blanks
    are «not filled in»; a workbook written from the record still clears a cell emptied."""
    data = tmp_path / "data"
    assert esep(data, "orgunits", "add", "SHY-ABAY", "--region", "SHY", "--name-ru",
                "Абайский район")[0] == 0

    def template(name: str) -> Path:
        book = tmp_path / name
        assert esep(data, "template", "monthly_report", "--org-unit", "SHY-ABAY", "--period",
                    "2024-03", "-o", str(book))[0] == 0
        return book

    def fill(book: Path, **cells) -> None:
        wb = openpyxl.load_workbook(book)
        sheet = wb.worksheets[0]
        rows = {sheet.cell(r, 4).value: r for r in range(1, sheet.max_row + 1)}
        for key, value in cells.items():
            sheet.cell(rows[key.replace("__", ".")], 2).value = value
        wb.save(book)

    def stored() -> dict:
        rec = json.loads(esep(data, "list", "--json")[1])[0]
        return json.loads(esep(data, "show", rec["id"])[1])["record"]["data"]

    old, first = template("old.xlsx"), template("first.xlsx")   # both before any report
    fill(first, volunteers_total=120, gender__F=70, gender__M=50)
    assert esep(data, "import", "monthly_report", str(first))[0] == 0
    fill(old, gender__F=80)                    # the colleague's copy, one cell typed in
    code, _out, err = esep(data, "import", "monthly_report", str(old))
    assert code == 0, err
    assert stored() == {"volunteers_total": 120, "gender": {"F": 80, "M": 50}}
    again = template("again.xlsx")             # written from the record: values shown
    fill(again, volunteers_total=None)         # emptied by hand: meant
    assert esep(data, "import", "monthly_report", str(again))[0] == 0
    assert stored() == {"gender": {"F": 80, "M": 50}}


def test_https_to_a_plain_server_names_the_certificate(server, tmp_path):
    """https:// typed for a server that speaks http (or whose certificate is unknown): said
    as a secure-connection failure with --cacert, not as «cannot be reached»."""
    url = server.url.replace("http://", "https://")
    code, _, err = esep(tmp_path / "d", "--lang", "kk", "login", "--server", url, "--user",
                        "dist1", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 1 and "https" in err and "--cacert" in err and "Traceback" not in err, err
    assert "SSLError" not in err and "HTTPSConnectionPool" not in err
