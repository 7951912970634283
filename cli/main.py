"""Argument parsing and dispatch for `esep`. With no sub-command the desktop app starts."""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from forms import __version__

# Sub-command modules and the commands each registers (register(subparsers) sets `func` on its
# parsers). To run a command only its module is loaded; --help and an unknown command load all.
COMMANDS = {
    "cli.records": ("export", "forms", "import", "validate"),
    "cli.workflow_cmd": ("list", "review", "show", "submit"),
    "cli.server_cmd": ("server",),
    "cli.sync_cmd": ("login", "logout", "sync"),
    "cli.reports_cmd": ("report", "template"),
    "cli.bundle_cmd": ("bundle",),
    "cli.orgunits_cmd": ("orgunits",),
    "cli.demo_cmd": ("demo",),
    "cli.conflicts_cmd": ("conflicts",),
    "cli.refile_cmd": ("refile",),
    "cli.refused_cmd": ("resend", "drop"),
    "cli.survey_cmd": ("registry", "survey"),
    "cli.passwd_cmd": ("passwd",),
}
COMMAND_MODULES = tuple(COMMANDS)


# What only the central server needs (the `server` extra); the desktop build leaves it out.
SERVER_PACKAGES = frozenset({"server", "fastapi", "sqlalchemy", "alembic", "psycopg", "uvicorn",
                             "starlette", "pydantic", "prometheus_client"})


# Commands that only talk to the store and the server, and the desktop (None: no command).
# sqlite_utils (under the store) probes for numpy and pandas when imported, to map their types:
# ~0.2 s of start-up and ~20 MB these never use, so for them the probe finds nothing (a module
# already loaded is kept). The desktop's build leaves both out anyway (pyinstaller.spec): from a
# development install it now runs as built.
LIGHT_COMMANDS = frozenset({"sync", "login", "logout", "passwd", None})
OPTIONAL_PROBES = ("numpy", "pandas")


def skip_optional_probes(command: str | None) -> None:
    if command in LIGHT_COMMANDS:
        for name in OPTIONAL_PROBES:
            sys.modules.setdefault(name, None)  # `import numpy` raises ImportError


class CliError(Exception):
    """A user-facing error: printed without a traceback, exit code 1 unless given."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"esep {__version__}")
    parser.add_argument("--data-dir", default=None,
                        help="data folder (default: ESEP_DATA_DIR or the user's data folder)")
    parser.add_argument("--smoke", action="store_true",
                        help="open the main window, render it once and exit (packaging check)")
    parser.add_argument("--lang", default=None, choices=("ru", "kk", "en"), help="ru, kk or en")
    # its own dest: `esep server admin backup --passphrase-stdin` is the backup's passphrase
    parser.add_argument("--passphrase-stdin", action="store_true", dest="store_passphrase_stdin",
                        help="read the local database's passphrase from the first line of "
                             "standard input (only where the computer has no keyring; "
                             "or set ESEP_PASSPHRASE)")


def command_of(argv) -> str | None:
    """The sub-command named in ``argv`` (after the global options), or None."""
    pre = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    _global_options(pre)  # --version prints and exits here already
    pre.add_argument("command", nargs="?")
    try:
        known, _rest = pre.parse_known_args(argv)
    except argparse.ArgumentError:  # a malformed option: the full parser says so
        return None
    return known.command


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of `esep`; with ``command``, only the module of that command is loaded."""
    parser = argparse.ArgumentParser(prog="esep", description="Esep: volunteer statistics")
    _global_options(parser)
    sub = parser.add_subparsers(dest="command")
    wanted = [m for m, names in COMMANDS.items() if command in names] or list(COMMANDS)
    for name in wanted:
        importlib.import_module(name).register(sub)
    return parser


def use_store_keys(args) -> None:
    """The local database's key: kept in the OS keyring where there is one, else derived from a
    passphrase (store/keys.py): --passphrase-stdin, ESEP_PASSPHRASE, or asked on the terminal
    (the desktop asks in a dialog instead)."""
    import functools

    from cli.passphrase import ask_on_terminal
    from cli.texts import lang_of
    from store import keys
    from sync.credentials import use_for_store

    use_for_store()
    if args.store_passphrase_stdin:
        keys.use_passphrase(sys.stdin.readline().rstrip("\r\n"))
    keys.use_prompt(functools.partial(ask_on_terminal, lang=lang_of(args)))


def main(argv=None, *, own_process: bool = False, end: bool = False) -> int:
    """Run `esep`; ``own_process``: start-up may skip what the command does not need (main.py,
    the console script, tests of the entry point); ``end``: this process is the program and
    ends when a command is done (end_process), not a caller that goes on after it."""
    argv = sys.argv[1:] if argv is None else list(argv)
    command = command_of(argv)
    from cli.arg_lang import use_language

    use_language(argv, command)
    args = build_parser(command).parse_args(argv)
    if args.data_dir:
        os.environ["ESEP_DATA_DIR"] = os.path.abspath(args.data_dir)
    if own_process:
        skip_optional_probes(args.command)
    use_store_keys(args)
    if not getattr(args, "func", None):
        from desktop.app import run_gui

        return run_gui(smoke=args.smoke, lang=args.lang)
    code = _run(args)
    if end:
        end_process(code)
    return code


def end_process(code: int) -> None:
    """The command is done and this process is the program: flush what it printed and logged,
    then end without the interpreter's teardown of every module (~25 ms of a no-op `esep
    sync`, issue 18). Every store write is committed by then (store.db.transaction); SQLite
    needs no close to keep it."""
    import logging

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more to say
            pass
    os._exit(code)


def _run(args) -> int:
    """args.func, its refusals said on stderr (their hints name the CLI's options); the exit
    code."""
    from forms.messages import set_surface

    set_surface("cli")
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"esep: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except ModuleNotFoundError as exc:  # the desktop build carries no server packages
        if (exc.name or "").split(".")[0] not in SERVER_PACKAGES:
            raise
        print(f"esep: this build has no central server ({exc.name} is missing); install it "
              f"with `pip install 'esep[server]'`", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `esep ... | head`: the reader left; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # a file that cannot be read or written: say which and why
        from cli.texts import file_failure, lang_of

        print(f"esep: {file_failure(exc, lang_of(args))}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - only the store's own refusals are handled here
        return _known_refusal(exc, args)


def _known_refusal(exc: Exception, args) -> int:
    """A StoreError that reached the top (the data folder's store refused to open), said in
    the user's language, or a server command's database that cannot be reached; anything
    else is a bug and propagates."""
    from cli.texts import lang_of
    from store.errors import StoreError, error_text

    if isinstance(exc, StoreError):
        print(f"esep: {error_text(exc, lang_of(args))}", file=sys.stderr)
        return 1
    if getattr(args, "command", None) == "server":
        from cli.server_cmd import db_refusal

        text = db_refusal(exc, args)
        if text:
            print(f"esep: {text}", file=sys.stderr)
            return 1
    raise exc
