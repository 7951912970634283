"""The local database's passphrase asked on a terminal (store/keys.py's prompt for the CLI),
in the language of the command line."""
from __future__ import annotations

import getpass
import sys
from pathlib import Path

from cli.texts import say

ATTEMPTS = 3


def ask_on_terminal(path: Path, new: bool, retry: bool, *, lang: str = "ru") -> str | None:
    """Ask with getpass; None without a terminal (then --passphrase-stdin or ESEP_PASSPHRASE
    is the way). A new passphrase is typed twice."""
    if not sys.stdin.isatty():
        return None
    if retry:
        print(say("cli_pass_retry", lang), file=sys.stderr)
    if not new:
        return getpass.getpass(say("cli_pass_prompt", lang, path=path))
    print(say("cli_pass_choose", lang, path=path), file=sys.stderr)
    for _ in range(ATTEMPTS):
        first = getpass.getpass(say("cli_pass_new", lang))
        if first == getpass.getpass(say("cli_pass_again", lang)):
            return first
        print(say("cli_pass_differ", lang), file=sys.stderr)
    return None
