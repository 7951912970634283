"""`esep` loads only the module of the command it runs: the command map in cli/main.py must
say what each module really registers."""
from __future__ import annotations

import argparse
import importlib

import pytest

from cli.main import COMMANDS, build_parser, command_of


@pytest.mark.parametrize("module", sorted(COMMANDS))
def test_the_command_map_matches_what_each_module_registers(module):
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    importlib.import_module(module).register(sub)
    assert sorted(sub.choices) == sorted(COMMANDS[module])


def test_each_command_has_one_module():
    names = [n for names in COMMANDS.values() for n in names]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("argv", "command"), [
    (["sync"], "sync"),
    (["--data-dir", "sync", "--lang", "en", "sync", "--server", "x"], "sync"),
    (["--passphrase-stdin", "report", "summary"], "report"),
    (["--help"], None),
    ([], None),
    (["--data-dir"], None),
])
def test_the_command_is_found_after_the_global_options(argv, command):
    assert command_of(argv) == command


def test_a_command_parser_has_only_its_module():
    sub = next(a for a in build_parser("sync")._actions
               if isinstance(a, argparse._SubParsersAction))
    assert sorted(sub.choices) == ["login", "logout", "sync"]
    full = next(a for a in build_parser(None)._actions
                if isinstance(a, argparse._SubParsersAction))
    assert set(full.choices) == {n for names in COMMANDS.values() for n in names}


def test_the_program_ends_with_everything_printed_and_saved(tmp_path):
    """main.py ends the process without the interpreter's teardown (cli.main.end_process):
    a large listing still arrives whole through a pipe, the exit code is the command's, and
    what the command wrote is in the store for the next process."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, ESEP_PASSPHRASE="end process test passphrase")
    env.pop("ESEP_DATA_DIR", None)

    def esep(*args):
        return subprocess.run([sys.executable, "main.py", "--data-dir", str(tmp_path), *args],
                              cwd=root, env=env, capture_output=True, text=True, timeout=300,
                              check=False)

    assert esep("demo").returncode == 0
    listed = esep("list", "--json")
    assert listed.returncode == 0
    rows = json.loads(listed.stdout)
    assert len(listed.stdout) > 256 * 1024 and len(rows) > 1000  # more than a pipe buffer
    bad = esep("show", "no-such-record")
    assert bad.returncode != 0 and bad.stderr.strip()
