"""The one place where a server or sync error becomes text in the user's language.

The server answers with codes (`{"detail": {"code": …}}`, carried by sync.transport as
`SyncError.server_code`); the sync client's own failures have a `code` too (offline,
auth_failed, upgrade_required…). A lifecycle or permission code (forms.lifecycle.LifecycleError: locked,
forbidden, comment_required…) has its text in resources/messages.toml. Nothing in English
reaches a Russian or Kazakh screen: an unknown code gets a generic sentence with the code.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ServerErrors"
LOG_IN_AGAIN = QT_TRANSLATE_NOOP("ServerErrors", "Not authorised: log in again.")
TEXTS = {
    "auth_failed": LOG_IN_AGAIN,
    "invalid_token": LOG_IN_AGAIN,
    "not_authenticated": LOG_IN_AGAIN,
    "bad_credentials": QT_TRANSLATE_NOOP("ServerErrors", "Wrong user or password."),
    "locked_out": QT_TRANSLATE_NOOP("ServerErrors",
                                    "Too many attempts: wait a little and try again."),
    "offline": QT_TRANSLATE_NOOP("ServerErrors",
                                 "The server does not answer: check the connection."),
    "upgrade_required": QT_TRANSLATE_NOOP(
        "ServerErrors", "The server needs a newer Esep: install the update. "
                        "Your changes are kept."),
    "insecure_url": QT_TRANSLATE_NOOP(
        "ServerErrors", "Plain http is allowed only to this computer: use an https:// "
                        "address."),
    "too_large": QT_TRANSLATE_NOOP("ServerErrors", "Too much data in one request."),
    "sync_cancelled": QT_TRANSLATE_NOOP("ServerErrors", "Cancelled."),
}
GENERIC = QT_TRANSLATE_NOOP("ServerErrors", "The server reported an error (%1).")
BAD_URL = QT_TRANSLATE_NOOP("ServerErrors",
                            "This is not a server address (expected https://host)")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def code_of(exc: BaseException) -> str:
    """The most specific code an error carries (the server's own one first)."""
    return getattr(exc, "server_code", None) or getattr(exc, "code", None) or ""


def code_text(code: str, lang: str, detail: str = "") -> str:
    """The text of one error code in the installed language (`lang` for messages.toml)."""
    if code in TEXTS:
        return _tr(TEXTS[code])
    from forms.messages import messages
    if code in messages():
        from forms import message_text
        return message_text(code, lang)
    return _tr(GENERIC).replace("%1", detail or code or "?")


def error_message(exc: BaseException, lang: str) -> str:
    """An exception from a sync / login / server call as the user reads it."""
    code = code_of(exc)
    if code == "sync_failed" and "not a server URL" in str(exc):
        return _tr(BAD_URL)
    status = getattr(exc, "status", None)
    detail = f"HTTP {status}" if status else code
    return code_text(code, lang, detail)


def op_error_text(error: dict, lang: str) -> str:
    """A rejected operation's reason ({code, message, field} or a finding with
    message_code) in the user's language."""
    from forms import message_text
    if error.get("message_code"):
        return message_text(error["message_code"], lang, error.get("params"))
    return code_text(str(error.get("code") or ""), lang)
