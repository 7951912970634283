"""Store errors carry a code that turns into translated text in every language."""
import pytest

from store import StoreError, error_text, open_store

RECORD = {"form": "monthly_report", "org_unit": "SHY", "period": "2024-03",
          "data": {"volunteers_total": 10}}


@pytest.mark.parametrize("lang, word", [("ru", "уже есть"), ("kk", "бар"), ("en", "already")])
def test_duplicate_period_is_translated(tmp_path, lang, word):
    store = open_store(tmp_path / "s.sqlite3")
    store.save_record(dict(RECORD), user="u")
    with pytest.raises(StoreError) as info:
        store.save_record(dict(RECORD), user="u")
    assert info.value.code == "duplicate_period"
    text = error_text(info.value, lang)
    assert word in text and "SHY" in text  # translated sentence, then the technical detail


def test_unknown_code_and_plain_exception_fall_back():
    assert error_text(StoreError("boom", code="no_such_code"), "ru") == "boom"
    assert error_text(ValueError("plain"), "kk") == "plain"


def test_a_blocked_approval_is_not_called_a_submission():
    """SubmitBlocked is raised by a submission, an approval and a correction alike: its text
    names none of them («Отчёт не подан» was printed for an approval)."""
    from store.errors import SubmitBlocked, error_text

    for lang, wrong in (("ru", "не подан"), ("kk", "тапсырылмады"), ("en", "not submitted")):
        text = error_text(SubmitBlocked([], record_id="r1"), lang)
        assert wrong not in text.lower() and "r1" in text, text
