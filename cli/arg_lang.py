"""argparse's own refusals (a wrong choice such as a misspelt form, a missing option, an
unknown flag, a value of the wrong type) in the user's language.

argparse looks each of its sentences up through gettext (`argparse._`); `use_language` puts
resources/messages.toml in its place for one run. The placeholders stay argparse's own
(%(value)r, %s); option names, the usage lines and --help stay English, as they are. The
server's administration commands keep argparse's English, like the rest of their output.
"""
from __future__ import annotations

import argparse

LANGS = ("ru", "kk", "en")
ENGLISH = argparse._  # type: ignore[attr-defined]  # argparse's own (gettext) lookup
# argparse's message ids (Python 3.11+) -> message codes of resources/messages.toml
TEXTS = {
    "%(prog)s: error: %(message)s\n": "cli_arg_error",
    "argument %(argument_name)s: %(message)s": "cli_arg_argument",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli_arg_invalid_choice",
    "the following arguments are required: %s": "cli_arg_required",
    "unrecognized arguments: %s": "cli_arg_unrecognized",
    "expected one argument": "cli_arg_expected_one",
    "invalid %(type)s value: %(value)r": "cli_arg_invalid_value",
    "not allowed with argument %s": "cli_arg_not_allowed_with",
    "one of the arguments %s is required": "cli_arg_one_required",
    "ambiguous option: %(option)s could match %(matches)s": "cli_arg_ambiguous",
}


def asked_language(argv: list[str]) -> str | None:
    """The language named on the command line (`--lang X` or `--lang=X`, the last one)."""
    found = None
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else (
            arg.partition("=")[2] if arg.startswith("--lang=") else None)
        if value in LANGS:
            found = value
    return found


def use_language(argv: list[str], command: str | None) -> None:
    """argparse speaks the language of this command line (Russian unless --lang says)."""
    lang = asked_language(argv) or ("en" if command == "server" else "ru")
    if lang == "en":  # also after another language earlier in this process (tests)
        argparse._ = ENGLISH  # type: ignore[attr-defined]
        return
    from forms.messages import message_text

    def translate(msgid: str) -> str:
        code = TEXTS.get(msgid)
        return message_text(code, lang) if code else msgid

    argparse._ = translate  # type: ignore[attr-defined]
