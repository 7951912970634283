"""Issue 13 point 12 (server errors): what the server answers with a code reaches the screen
in the user's language — «не авторизованы (войдите снова)» in ru and kk, never the English
"not authorised (log in again)". Against a real server on 127.0.0.1."""
from __future__ import annotations

import pytest

from desktop.i18n import install_translators
from desktop.server_errors import code_text, error_message

pytestmark = pytest.mark.timeout(120)
LOG_IN_AGAIN = {"ru": "Не авторизованы: войдите снова.",
                "kk": "Авторизация жоқ: қайта кіріңіз.",
                "en": "Not authorised: log in again."}
WRONG_PASSWORD = {"ru": "Неверный пользователь или пароль.",
                  "kk": "Пайдаланушы немесе құпиясөз қате.",
                  "en": "Wrong user or password."}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from server_fixtures import run_server, seed_world
    path = tmp_path_factory.mktemp("srv") / "server.sqlite3"
    srv = run_server(f"sqlite:///{path}")
    seed_world(srv.db_url)
    yield srv
    srv.stop()


def raised(call) -> BaseException:
    with pytest.raises(Exception) as info:
        call()
    return info.value


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_server_codes_are_shown_in_the_users_language(qapp, server, lang):
    from sync.transport import SyncClient
    install_translators(lang)
    expired = raised(lambda: SyncClient(server.url, token="expired-token").me())
    assert expired.server_code == "invalid_token"
    assert error_message(expired, lang) == LOG_IN_AGAIN[lang]
    nobody = raised(lambda: SyncClient(server.url).me())        # no token at all
    assert error_message(nobody, lang) == LOG_IN_AGAIN[lang]
    wrong = raised(lambda: SyncClient(server.url).login("d1", "wrong password"))
    assert wrong.server_code == "bad_credentials"
    assert error_message(wrong, lang) == WRONG_PASSWORD[lang]
    if lang != "en":
        assert "not authorised" not in error_message(expired, lang)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_lifecycle_codes_use_the_message_catalog(qapp, lang):
    """A LifecycleError code (a refused move) has its text in resources/messages.toml."""
    from forms.lifecycle import LifecycleError, review
    from forms.messages import messages
    install_translators(lang)
    exc = raised(lambda: review("region", "submitted", "return", None))
    assert isinstance(exc, LifecycleError) and exc.code == "comment_required"
    assert code_text(exc.code, lang) == messages()["comment_required"][lang]
    assert code_text("forbidden", lang) == messages()["forbidden"][lang]


def test_an_unknown_code_is_a_sentence_in_the_language_with_the_code(qapp):
    install_translators("ru")
    assert code_text("brand_new_code", "ru") == "Сервер сообщил об ошибке (brand_new_code)."


def test_a_refused_plain_http_address_is_explained(qapp):
    from sync.transport import SyncClient
    install_translators("kk")
    exc = raised(lambda: SyncClient("http://esep.example.kz"))
    assert error_message(exc, "kk").startswith("Қорғалмаған http")
