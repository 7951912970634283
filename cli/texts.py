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
    """The language asked for on the command line (`esep --lang` or the sub-command's);
    `esep server …` speaks English, for the operator (README)."""
    default = "en" if getattr(args, "command", None) == "server" else "ru"
    return getattr(args, "sub_lang", None) or getattr(args, "lang", None) or default


def server_failure(exc, lang: str, server: str, user: str | None = None) -> str:
    """A sync.transport.SyncError said to a person: the server unreachable, too slow, too new,
    refusing the user's password (`user`) or answering an error (its status and code in
    brackets), never the raw exception."""
    code = getattr(exc, "code", "")
    if code == "auth_failed":
        return (say("login_refused", lang, server=server, user=user) if user
                else say("cli_server_auth", lang, server=server))
    if code == "offline":
        key = ("cli_server_timeout" if getattr(exc, "timeout", False) else
               "cli_server_tls" if "SSL" in str(exc) else "cli_server_unreachable")
        return say(key, lang, server=server)
    if code in ("upgrade_required", "insecure_url"):
        return say("cli_server_upgrade" if code == "upgrade_required" else "cli_server_insecure",
                   lang, server=server)
    if code == "demo_folder":
        return say("demo_folder", lang)
    if getattr(exc, "server_code", None) == "locked_out":
        # minutes, rounded up, of the Retry-After the server sends (else its default lockout)
        minutes = -(-(getattr(exc, "retry_after", None) or 900) // 60)
        return say("cli_server_locked_out", lang, server=server, minutes=minutes)
    status = getattr(exc, "status", None)
    if status == 413:
        from sync.protocol import MAX_BODY_BYTES

        return say("cli_server_too_large", lang, server=server, mb=MAX_BODY_BYTES >> 20)
    detail = " ".join(str(x) for x in (f"HTTP {status}" if status else None,
                                       getattr(exc, "server_code", None)) if x)
    return say("cli_server_failed", lang, server=server, detail=detail or str(exc)[:200])


def file_failure(exc: OSError, lang: str) -> str:
    """An OSError on a file the person named: which file and why, in their language."""
    import errno

    reasons = {errno.ENOENT: "cli_os_missing", errno.EACCES: "cli_os_denied",
               errno.EPERM: "cli_os_denied", errno.EROFS: "cli_os_denied",
               errno.EISDIR: "cli_os_is_folder", errno.ENOTDIR: "cli_os_not_a_folder",
               errno.EEXIST: "cli_os_not_a_folder", errno.ENOSPC: "cli_os_disk_full"}
    key = reasons.get(exc.errno or 0)
    reason = say(key, lang) if key else say("cli_os_other", lang,
                                           detail=exc.strerror or type(exc).__name__)
    return say("cli_cannot_use_file", lang, file=exc.filename2 or exc.filename or "",
               reason=reason)


BUNDLE_SAME = {"no_server_key": "no_device_key"}  # the same advice: log in once online


def bundle_failure(exc, lang: str, server: str = "", *, lead: str = "bundle_refused") -> str:
    """A refused sync file (sync.keys.BundleError) or its delivery's SyncError, said to a
    person (`lead`: refused, or not written when exporting); a code without a text of its
    own keeps the program's words in brackets."""
    from forms.messages import messages

    code = getattr(exc, "code", "")
    if not hasattr(exc, "status"):  # a BundleError: the file or the key
        key = "bundle_" + BUNDLE_SAME.get(code, code)
        reason = say(key, lang) if key in messages() else f"({exc})"
        return say(lead, lang, reason=reason)
    return server_failure(exc, lang, server)


def check_period(value: str | None, lang: str) -> None:
    """Refuse a --period that is not a month YYYY-MM (`2024-13`, `03.2024`), in `lang`."""
    from forms.periods import is_period

    if value and not is_period(value):
        from cli.main import CliError

        raise CliError(say("bad_period", lang, value=value))


def check_xlsx_output(path: str, lang: str) -> None:
    """Refuse an -o that is not .xlsx for a command that writes a workbook (a «.pdf» or
    «.docx» there made a workbook nobody could open by its name)."""
    from pathlib import Path

    if Path(path).suffix.lower() != ".xlsx" and not Path(path).is_dir():
        from cli.main import CliError

        raise CliError(say("cli_output_xlsx", lang, file=path))
