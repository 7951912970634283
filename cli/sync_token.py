"""Which store keeps this install's sync token: the OS keyring, or — opted in with
`esep login --keep-token-in-file` where there is no keyring — the token file in the data folder
(sync/credentials.py does the storing). The store remembers the opt-in (`sync.token_file`);
with a keyring the keyring wins and no file is written.
"""
from __future__ import annotations

import sys
from pathlib import Path

TOKEN_FILE_KEY = "sync.token_file"  # this install opted in to the token file


def folder_of(store) -> Path:
    """The data folder of this store (the token file lives beside the database)."""
    return Path(store.path).resolve().parent


def say(code: str, lang: str | None, **params) -> str:
    """A CLI message in the user's language (resources/messages.toml)."""
    from forms.messages import message_text

    return message_text(code, lang or "ru", params)


def keep_token(store, server: str, user: str, token: str, *, want_file: bool,
               lang: str | None) -> dict:
    """Store a fresh token; {token_saved, token_file} for the command's JSON line."""
    from sync import credentials

    folder = folder_of(store)
    try:
        credentials.save_token(server, user, token)
    except credentials.KeyringUnavailable:
        if want_file:
            path = credentials.save_file_token(folder, server, user, token)
            store.set_setting(TOKEN_FILE_KEY, True)
            print(f"esep: {say('token_file_kept', lang, file=path, user=user)}",
                  file=sys.stderr)
            return {"token_saved": True, "token_file": str(path)}
        forget_file(store)  # a login without the opt-in ends an earlier one
        print(f"esep: {say('cli_login_no_keyring', lang)}", file=sys.stderr)
        return {"token_saved": False}
    if forget_file(store) or want_file:  # the keyring wins
        print(f"esep: {say('token_file_keyring_wins', lang)}", file=sys.stderr)
    return {"token_saved": True}


def file_folder(store) -> Path | None:
    """The data folder when this install opted in to the token file, else None."""
    return folder_of(store) if store.get_setting(TOKEN_FILE_KEY) else None


def stored_token(store, server: str, user: str) -> str | None:
    """The token of an earlier login: the token file (opted in) or the keyring."""
    from sync import credentials

    return credentials.load_token(server, user, folder=file_folder(store))


def save_renewed(store, server: str, user: str, token: str) -> bool:
    """A token got with a password of this run: kept where the install keeps its token (store
    None: a carrier's login, the keyring only); False when there is nowhere (no keyring, no
    opt-in: it stays in this run's memory)."""
    from sync import credentials

    folder = file_folder(store) if store is not None else None
    if folder is not None:
        credentials.save_file_token(folder, server, user, token)
        return True
    try:
        credentials.save_token(server, user, token)
    except credentials.KeyringUnavailable:
        return False
    return True


def forget_file(store) -> bool:
    """Remove the token file and the opt-in; True when a file was removed."""
    from sync import credentials

    if store.get_setting(TOKEN_FILE_KEY):
        store.set_setting(TOKEN_FILE_KEY, False)
    return credentials.delete_file_token(folder_of(store))
