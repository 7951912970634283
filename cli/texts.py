"""The CLI's own lines in the user's language: resources/messages.toml, plurals included."""
from __future__ import annotations


def say(code: str, lang: str, **params) -> str:
    """The message `code` in `lang` filled with `params` (forms/messages.py)."""
    from forms.messages import message_text

    return message_text(code, lang, params)


def status_text(status: str, lang: str) -> str:
    """A record status (forms/lifecycle.Status) as the CLI says it."""
    return say(f"cli_status_{status}", lang)


def lang_of(args) -> str:
    """The language asked for on the command line (`esep --lang` or the sub-command's)."""
    return getattr(args, "sub_lang", None) or getattr(args, "lang", None) or "ru"
