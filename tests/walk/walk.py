"""`make walk`: a district's month under a real X server, by keyboard, in ru, kk and en.

First run offline → a monthly report typed with the keyboard (saved as a draft) → Settings →
Connect to a server (a local `esep server`) → log in → the local district mapped onto the
server's → sync → the report submitted and sent → the region returns it (API, as the region
user) → next start: the server asks for the password again (no keyring here) → the district
sees «1 отчёт возвращён» and opens the return comment. Each step is shot at 1024×700 and
1600×1000 into docs/screenshots/walk_<lang>_<n>_<step>_<size>.png.

Run: `make walk` (or `python -m tests.walk.walk [ru kk en]`). Needs Xvfb, xdotool, imagemagick.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from store.cipher import open_connection
from store.location import DB_FILENAME
from tests.walk.xwin import XServer

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
SIZES = ((1024, 700), (1600, 1000))
PASSWORD = "walk-password-1"
DISTRICTS = "id,region,name_ru,name_kk,name_en\n" \
            "SHY-ABAY,SHY,Абайский район,Абай ауданы,Abay district\n" \
            "SHY-ENB,SHY,Енбекшинский район,Еңбекші ауданы,Enbekshi district\n"
LOCAL_NAME = {"ru": "Абай (мой)", "kk": "Абай (менің)", "en": "Abay (mine)"}
NAV_KEYS = {"monthly": ("Home",), "sync": ("End", "Up", "Up"), "settings": ("End",)}
REGION_DOWN = 2
SETTINGS_TABS_TO_CONNECT = 8  # language, server, sync, folder, backup, restore, log out
LIST_TABS_TO_TABLE = 8  # search, period, units, statuses, New, Open, Export, the table
LIST_TABS_TO_NOTICE = 1  # the notice comes first  # forms/reference regions: Astana, Almaty, Shymkent, …
COMMENT = {"ru": "Проверьте число волонтёров: в прошлом месяце было больше.",
           "kk": "Волонтерлер санын тексеріңіз: өткен айда көбірек болды.",
           "en": "Please check the number of volunteers: last month had more."}
# the monthly report, field by field, as the keyboard walks it (tests/gui/test_form_editor)
VALUES = {
    "volunteers_total": "100", "registered_orgs_count": "5", "initiative_groups_count": "15",
    "events_total": "10", "volunteer_hours": "500", "volunteer_positions": "30",
    "gender": {"F": "60", "M": "40"},
    "age": {"A14_17": "20", "A18_28": "50", "A29_35": "20", "A36_50": "5", "A51_60": "3",
            "O60": "2"},
    "occupation": {"SCHOOL": "20", "STUDENT": "50", "EMPLOYED": "30"},
    "events_by_direction": {"MED": "5", "ECO": "5"}, "events_by_format": {"OFFLINE": "10"},
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def esep(data_dir: Path, *args: str, stdin: str | None = None, env=None, wait=True):
    cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args]
    if not wait:  # its output in the data folder's walk.log (read it when a step fails)
        data_dir.mkdir(parents=True, exist_ok=True)
        with (data_dir / "walk.log").open("ab") as log:
            return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log,
                                    stderr=subprocess.STDOUT)
    return subprocess.run(cmd, cwd=ROOT, input=stdin, text=True, check=True,
                          capture_output=True, env=env)


class Server:
    """A local `esep server` with two districts, a district user d1 and a region user r1."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "districts.csv").write_text(DISTRICTS, encoding="utf-8")
        esep(folder, "server", "admin", "import-orgunits", str(folder / "districts.csv"))
        for user, role, where in (("d1", "district", ("--district", "SHY-ABAY")),
                                  ("r1", "region", ("--region", "SHY"))):
            esep(folder, "server", "admin", "create-user", "--user", user, "--role", role,
                 *where, "--password-stdin", stdin=PASSWORD + "\n")
        self.url = f"http://127.0.0.1:{free_port()}"
        self.proc = esep(folder, "server", "--port", self.url.rsplit(":", 1)[1], wait=False)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url + "/healthz", timeout=1).ok:
                    return
            except requests.RequestException:
                time.sleep(0.2)
        raise RuntimeError("esep server did not start")

    def session(self, user: str) -> requests.Session:
        from sync.protocol import SCHEMA_HEADER, SCHEMA_VERSION
        s = requests.Session()
        s.headers[SCHEMA_HEADER] = str(SCHEMA_VERSION)
        token = s.post(self.url + "/api/v1/auth/login", timeout=30,
                       json={"username": user, "password": PASSWORD}).json()["token"]
        s.headers["Authorization"] = "Bearer " + token
        return s

    def return_report(self, rid: str, comment: str) -> dict:
        answer = self.session("r1").post(f"{self.url}/api/v1/records/{rid}/review",
                                         json={"action": "return", "comment": comment},
                                         timeout=30)
        answer.raise_for_status()
        return answer.json()

    def record(self, rid: str) -> dict | None:
        answer = self.session("r1").get(f"{self.url}/api/v1/records/{rid}", timeout=30)
        return answer.json() if answer.status_code == 200 else None

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


class App:
    """The desktop app under the X server, seen only through its windows and its database."""

    def __init__(self, x: XServer, data_dir: Path, lang: str) -> None:
        self.x, self.data_dir, self.lang = x, data_dir, lang
        self.proc = esep(data_dir, "--lang", lang, env=x.env, wait=False)

    def window(self, test=lambda w: True, timeout: float = 90.0) -> dict:
        return self.x.wait_window(self.proc.pid, test, timeout)

    def main(self) -> dict:
        return self.window(lambda w: w["w"] >= 1000)

    def records(self) -> list[dict]:
        db = open_connection(self.data_dir / DB_FILENAME, readonly=True)
        try:
            rows = db.execute("SELECT id, org_unit, period, status FROM records "
                              "WHERE form = 'monthly_report'").fetchall()
        finally:
            db.close()
        return [dict(zip(("id", "org_unit", "period", "status"), r)) for r in rows]

    def setting(self, key: str):
        db = open_connection(self.data_dir / DB_FILENAME, readonly=True)
        try:
            row = db.execute("SELECT value FROM kv WHERE key = ?", [key]).fetchone()
        finally:
            db.close()
        return json.loads(row[0]) if row else None

    def quit(self) -> None:
        self.x.key("ctrl+q")
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.terminate()
            self.proc.wait(10)


def until(test, timeout: float = 60.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if test():
            return
        time.sleep(0.3)
    raise TimeoutError(f"waited {timeout} s for {what}")


class Walk:
    """One language's walk; ``shots`` lists the files written."""

    def __init__(self, x: XServer, folder: Path, lang: str) -> None:
        self.x, self.folder, self.lang = x, folder, lang
        self.server = Server(folder / "server")
        self.app = App(x, folder / "client", lang)
        self.shots: list[Path] = []
        self.n = 0

    # -- screenshots -------------------------------------------------------------------------
    def shoot(self, step: str, dialog: dict | None = None) -> None:
        """The main window (and a dialog over it) at each size."""
        self.n += 1
        main = self.app.main()
        for w, h in SIZES:
            self.x.place(main["id"], 0, 0, w, h)
            if dialog is not None:
                self.x.place(dialog["id"], max((w - dialog["w"]) // 2, 0),
                             max((h - dialog["h"]) // 2, 0))
            time.sleep(0.8)
            path = OUT / f"walk_{self.lang}_{self.n}_{step}_{w}x{h}.png"
            self.x.shot(path, 0, 0, w, h)
            self.shots.append(path)
        self.x.place(main["id"], 0, 0, *SIZES[0])
        if dialog is not None:
            self.x.place(dialog["id"], (SIZES[0][0] - dialog["w"]) // 2,
                         (SIZES[0][1] - dialog["h"]) // 2)
            self.x.focus(dialog["id"])
        else:
            self.x.focus(main["id"])
        time.sleep(0.4)

    def shoot_alone(self, step: str, win: dict) -> None:
        """A window shown before the main window (the first-run dialog), as it is."""
        self.n += 1
        path = OUT / f"walk_{self.lang}_{self.n}_{step}.png"
        self.x.shot(path, win["x"], win["y"], win["w"], win["h"])
        self.shots.append(path)

    # -- the steps ---------------------------------------------------------------------------
    def first_run_offline(self) -> None:
        x = self.x
        dialog = self.app.window()
        x.focus(dialog["id"])
        time.sleep(0.5)
        self.shoot_alone("first_run", dialog)
        x.key("Return")                               # Next (the language given by --lang)
        x.key("Return")                               # Work offline
        x.key(*["Down"] * REGION_DOWN)                # region: Shymkent (3rd in the list)
        x.key("Tab")
        x.type(LOCAL_NAME[self.lang])                 # a district the list lacks: local
        x.key("Tab", "ctrl+a")
        x.type("Aigerim")
        time.sleep(0.3)
        self.shoot_alone("offline_district", self.app.window())
        x.key("Return")                               # Enter on the last field: Start
        main = self.app.main()
        x.place(main["id"], 0, 0, *SIZES[0])
        x.focus(main["id"])
        time.sleep(1.5)
        self.shoot("main_window")

    def monthly_report_by_keyboard(self) -> str:
        """Ctrl+N, the month now due (Enter), every figure typed and Enter, then Ctrl+S."""
        from forms import load_form
        x = self.x
        x.key("ctrl+n")
        time.sleep(1.5)
        x.key("Return")                               # the period: the month now due
        for field in load_form("monthly_report").fields:
            value = VALUES.get(field.id, "")
            if field.type in ("integer", "decimal"):
                self._enter(value)
            elif field.type == "counts":
                from forms.reference import get_enum
                for item in get_enum(field.choices).items:
                    self._enter((value or {}).get(item.code, ""))
            elif field.type == "choice":
                x.key("Down", "Down", "Return")      # "—" -> first -> second answer
            elif field.type == "roster":
                break
            else:
                x.key("Tab")
            if field.id == "occupation":
                self.shoot("report_typed")
        x.key("ctrl+s")
        until(lambda: len(self.app.records()) == 1, 30, "the draft saved")
        time.sleep(0.5)
        self.shoot("report_saved")
        x.key("Escape")                               # back to the list
        return self.app.records()[0]["id"]

    def _enter(self, text: str) -> None:
        if text:
            self.x.type(text)
        self.x.key("Return")

    def go_to(self, page: str) -> None:
        """The navigation list: click its first row, then End (Settings) or End, Up, Up
        (Sync) — the same rows in every language."""
        self.x.click(40, 27)
        self.x.key(*NAV_KEYS[page])
        time.sleep(0.8)

    def connect_to_server(self, rid: str) -> None:
        """Settings → Connect to a server…: address, user, password → which district →
        Move my records there → the sync runs."""
        x = self.x
        self.go_to("settings")
        x.key(*["Tab"] * SETTINGS_TABS_TO_CONNECT, "space")
        dialog = self.app.window(lambda w: w["w"] < 1000)
        x.focus(dialog["id"])
        x.type(self.server.url)
        x.key("Tab")
        x.type("d1")
        x.key("Tab")
        x.type(PASSWORD)
        self.shoot("connect", dialog)
        x.key("Return")                               # Log in
        time.sleep(3)
        dialog = self.app.window(lambda w: w["w"] < 1000)
        self.shoot("map_district", dialog)
        x.key("space")                                # Move my records there
        until(lambda: self.app.records()[0]["org_unit"] == "SHY-ABAY", 30, "records moved")
        until(lambda: self.server.record(rid) is not None, 60, "the draft on the server")
        time.sleep(1)
        self.shoot("connected")
        self.go_to("sync")
        self.shoot("synced")

    def submit(self, rid: str) -> None:
        """The list: open the report (Enter), Ctrl+Enter, confirm (Enter); the automatic
        sync sends it."""
        x = self.x
        self.go_to("monthly")
        x.key(*["Tab"] * LIST_TABS_TO_TABLE, "Return")      # the first row
        time.sleep(1.5)
        x.key("ctrl+Return")
        time.sleep(1)
        question = self.app.window(lambda w: w["w"] < 1000)
        self.shoot("submit_question", question)
        x.key("Return")
        until(lambda: (self.server.record(rid) or {}).get("status") == "submitted", 90,
              "the submitted report on the server")
        time.sleep(1)
        self.shoot("submitted")

    def region_returns(self, rid: str) -> None:
        """The region coordinator returns the report on the server (the API, as r1)."""
        self.server.return_report(rid, COMMENT[self.lang])

    def restart_and_log_in(self) -> None:
        """Next start: no keyring on this machine, so the automatic sync meets a 401 and the
        login dialog asks for the password; the sync goes on after it."""
        x = self.x
        self.app.quit()
        self.app = App(x, self.folder / "client", self.lang)
        main = self.app.main()
        x.place(main["id"], 0, 0, *SIZES[0])
        dialog = self.app.window(lambda w: w["w"] < 1000, timeout=60)
        x.focus(dialog["id"])
        x.type(PASSWORD)
        self.shoot("login_again", dialog)
        x.key("Return")
        until(lambda: self.app.records()[0]["status"] == "returned", 90,
              "the returned report pulled")
        time.sleep(1.5)

    def returned_notice_and_comment(self) -> None:
        """The list says «1 отчёт возвращён на доработку — открыть»; it opens the report with
        the region's comment, author and date."""
        x = self.x
        self.go_to("monthly")
        self.shoot("returned_notice")
        x.key(*["Tab"] * LIST_TABS_TO_NOTICE, "space")
        time.sleep(1.5)
        self.shoot("return_comment")

    def run(self) -> list[Path]:
        self.first_run_offline()
        rid = self.monthly_report_by_keyboard()
        self.connect_to_server(rid)
        self.submit(rid)
        self.region_returns(rid)
        self.restart_and_log_in()
        self.returned_notice_and_comment()
        assert self.app.records()[0]["status"] == "returned"
        assert "token" not in json.dumps(self.app.setting("profile"))
        return self.shots

    def close(self) -> None:
        for proc in (self.app.proc, self.server.proc):
            if proc.poll() is None:
                proc.terminate()
                proc.wait(10)


def main(langs: list[str]) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("ESEP_PASSPHRASE", "walk, not a secret")  # no keyring: xwin.py
    for lang in langs:  # the languages walked now are shot again; the others stay
        for old in OUT.glob(f"walk_{lang}_*.png"):
            old.unlink()
    x = XServer()
    try:
        for lang in langs:
            with tempfile.TemporaryDirectory() as tmp:
                walk = Walk(x, Path(tmp), lang)
                try:
                    shots = walk.run()
                except Exception:
                    for log in Path(tmp).rglob("walk.log"):
                        print(f"--- {log.relative_to(tmp)}\n{log.read_text(errors='replace')}",
                              file=sys.stderr)
                    raise
                finally:
                    walk.close()
            print(f"walk {lang}: {len(shots)} screenshots in {OUT.relative_to(ROOT)}")
    finally:
        x.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["ru", "kk", "en"]))
