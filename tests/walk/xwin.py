"""A real X server for the walk: Xvfb, xdotool keystrokes and `import` screenshots."""
from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

SCREEN = (1600, 1000)


class XServer:
    """Xvfb on a free display; ``run`` calls an X tool on it."""

    def __init__(self) -> None:
        self.display = next(f":{n}" for n in range(91, 140)
                            if not Path(f"/tmp/.X{n}-lock").exists())
        self.proc = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24",
             "-nolisten", "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # No keyring here: the local database's passphrase as an unattended install gives it
        # (the start-up dialog itself is tests/gui/test_passphrase_dialog.py's)
        self.env = dict(os.environ, DISPLAY=self.display,
                        ESEP_PASSPHRASE=os.environ.get("ESEP_PASSPHRASE", "walk, not a secret"))
        self.env.pop("QT_QPA_PLATFORM", None)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if subprocess.run(["xdotool", "getdisplaygeometry"], env=self.env,
                              capture_output=True, check=False).returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError(f"Xvfb {self.display} did not start")

    def run(self, *args: str) -> str:
        out = subprocess.run(list(args), env=self.env, capture_output=True, text=True,
                             check=False)
        return out.stdout.strip()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)

    # -- windows ---------------------------------------------------------------------------
    def windows(self, pid: int) -> list[dict]:
        """The visible windows of process ``pid``: {id, name, x, y, w, h}, largest first."""
        found = []
        for wid in self.run("xdotool", "search", "--onlyvisible", "--pid", str(pid)).split():
            geo = self.run("xdotool", "getwindowgeometry", "--shell", wid)
            info = dict(line.split("=", 1) for line in geo.splitlines() if "=" in line)
            found.append({"id": wid, "name": self.run("xdotool", "getwindowname", wid),
                          "x": int(info["X"]), "y": int(info["Y"]),
                          "w": int(info["WIDTH"]), "h": int(info["HEIGHT"])})
        return sorted(found, key=lambda w: -w["w"] * w["h"])

    def wait_window(self, pid: int, test, timeout: float = 30.0) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for win in self.windows(pid):
                if test(win):
                    return win
            time.sleep(0.2)
        raise TimeoutError(f"no such window of {pid}: {[w['name'] for w in self.windows(pid)]}")

    def place(self, wid: str, x: int, y: int, w: int | None = None, h: int | None = None):
        if w is not None:
            self.run("xdotool", "windowsize", "--sync", wid, str(w), str(h))
        self.run("xdotool", "windowmove", "--sync", wid, str(x), str(y))

    # -- input -----------------------------------------------------------------------------
    def focus(self, wid: str) -> None:
        self.run("xdotool", "windowfocus", "--sync", wid)  # no window manager: no activate

    def key(self, *keys: str, pause: float = 0.15) -> None:
        for key in keys:
            self.run("xdotool", "key", "--clearmodifiers", key)
            time.sleep(pause)

    def type(self, text: str) -> None:
        """Type ``text``. Cyrillic and Kazakh letters go through the Kazakh layout: xdotool
        remapping a spare key per letter loses letters now and then."""
        if text.isascii():
            self.run("xdotool", "type", "--delay", "60", text)
        else:
            self.run("setxkbmap", "kz")
            self.run("xdotool", "type", "--delay", "60", text)
            self.run("setxkbmap", "us")
        time.sleep(0.15)

    def click(self, x: int, y: int) -> None:
        self.run("xdotool", "mousemove", "--sync", str(x), str(y), "click", "1")
        time.sleep(0.3)

    def shot(self, path: Path, x: int, y: int, w: int, h: int) -> None:
        self.run("import", "-window", "root", "-crop", f"{w}x{h}+{x}+{y}", "+repage",
                 str(path))
