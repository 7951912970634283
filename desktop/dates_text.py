"""Dates and reporting months as a person reads them («10 ноября 2026», «2026 ж. қараша»,
"November 2026") instead of the ISO text the records keep ("2026-11-10", "2026-11")."""
from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QDateTime, QLocale

QT_LANGUAGE = {"ru": QLocale.Language.Russian, "kk": QLocale.Language.Kazakh,
               "en": QLocale.Language.English}
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
ISO_PERIOD = re.compile(r"^(\d{4})-(\d{2})$")
# finding params that hold a date or a reporting month (forms' messages.toml names them so)
DATE_PARAMS = ("date", "start", "end", "period")
DATE_FORMAT = {"ru": "d MMMM yyyy", "kk": "yyyy 'ж'. d MMMM", "en": "d MMMM yyyy"}
# a moment in a list's column: the month's short name, then the local time («5 нояб. 2024, 10:30»)
MOMENT_FORMAT = {"ru": "d MMM yyyy", "kk": "yyyy 'ж'. d MMM", "en": "d MMM yyyy"}


def locale_of(lang: str) -> QLocale:
    return QLocale(QT_LANGUAGE.get(lang, QLocale.Language.Russian))


def month_name(month: int, lang: str) -> str:
    """The month on its own, as in a list of months: «Ноябрь», «Қараша», "November"."""
    name = locale_of(lang).standaloneMonthName(month)
    return name[:1].upper() + name[1:]


def short_month(period: str, lang: str) -> str:
    """«янв.», «қаң.», "Jan" for "2026-01" (a chart's axis); anything else stays as it is."""
    m = ISO_PERIOD.match(str(period))
    if not m or not 1 <= int(m.group(2)) <= 12:
        return str(period)
    return locale_of(lang).standaloneMonthName(int(m.group(2)), QLocale.FormatType.ShortFormat)


def period_text(period: str, lang: str) -> str:
    """«ноябрь 2026», «2026 ж. қараша» for "2026-11"; anything else stays as it is (the words
    are forms.periods', which the reports and the CLI say too)."""
    from forms.periods import period_words
    return period_words(str(period), lang)


def date_text(value: str, lang: str) -> str:
    """«10 ноября 2026», «2026 ж. 10 қараша» for "2026-11-10"; anything else stays as it is."""
    m = ISO_DATE.match(str(value))
    if not m:
        return str(value)
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return str(value)
    return locale_of(lang).toString(QDate(day.year, day.month, day.day),
                                    DATE_FORMAT.get(lang, DATE_FORMAT["ru"]))


def when_text(value: str, lang: str) -> str:
    """A reporting month or a date in words (`period_text`, `date_text`); anything else (a
    span, a year) stays as it is."""
    value = str(value)
    return period_text(value, lang) if ISO_PERIOD.match(value) else date_text(value, lang)


def moment_text(value: str, lang: str) -> str:
    """«5 нояб. 2024, 15:30», «2024 ж. 5 қар., 15:30», "5 Nov 2024, 3:30 PM" for the UTC
    stamp "2024-11-05T10:30:00Z": the day in words, the time the computer's clock shows;
    anything else stays as it is."""
    text = str(value)
    if ISO_DATE.match(text):  # a day without a time
        return date_text(text, lang)
    try:
        stamp = dt.datetime.fromisoformat(text) if text else None
    except ValueError:
        stamp = None
    if stamp is None:
        return text
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)  # the store's stamps are UTC (CONTRACTS §0)
    # the computer's clock, through QDateTime without Qt's namespace (its first use costs
    # ~12 ms of the app's start)
    return local_moment_text(QDateTime.fromSecsSinceEpoch(int(stamp.timestamp())), lang)


def local_moment_text(moment: QDateTime, lang: str | None = None) -> str:
    """«5 нояб. 2024, 15:30» for a moment of the computer's clock; `lang` None: the interface
    language (QLocale's default, desktop.i18n sets it)."""
    if lang is None:
        lang = next((k for k, v in QT_LANGUAGE.items() if v == QLocale().language()), "ru")
    locale = locale_of(lang)
    day = locale.toString(moment.date(), MOMENT_FORMAT.get(lang, MOMENT_FORMAT["ru"]))
    return f"{day}, {locale.toString(moment.time(), locale.timeFormat(QLocale.FormatType.ShortFormat))}"


ISO_IN_TEXT = re.compile(r"(?<![\w-])(\d{4}-\d{2}(?:-\d{2})?)(?![\w-])")


def dates_in_words(text: str, lang: str) -> str:
    """A finding's text made elsewhere (reports' review: «за 2024-09», «(2026-12-06)») with
    its months and days in words; any other text (an id, a figure) stays as it is."""
    return ISO_IN_TEXT.sub(lambda m: when_text(m.group(1), lang), str(text))


def human_params(params: dict | None, lang: str) -> dict:
    """A finding's params with its dates and reporting months said in words."""
    out = dict(params or {})
    for key in DATE_PARAMS:
        value = out.get(key)
        if isinstance(value, str):
            out[key] = when_text(value, lang)
    return out
