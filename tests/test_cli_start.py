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
