"""The local database's passphrase asked on a terminal (store/keys.py's prompt for the CLI)."""
from __future__ import annotations

import getpass
import sys
from pathlib import Path

ATTEMPTS = 3


def ask_on_terminal(path: Path, new: bool, retry: bool) -> str | None:
    """Ask with getpass; None without a terminal (then --passphrase-stdin or ESEP_PASSPHRASE
    is the way). A new passphrase is typed twice."""
    if not sys.stdin.isatty():
        return None
    if retry:
        print("esep: that passphrase does not open the local database; try again",
              file=sys.stderr)
    if not new:
        return getpass.getpass(f"Passphrase for {path}: ")
    print(f"esep: no keyring on this computer: the local database {path} is encrypted with a "
          "passphrase. Choose one and keep it: without it the data cannot be opened.",
          file=sys.stderr)
    for _ in range(ATTEMPTS):
        first = getpass.getpass("New passphrase: ")
        if first == getpass.getpass("Once more: "):
            return first
        print("esep: the two passphrases differ", file=sys.stderr)
    return None
