"""The annual report's survey section (and the hotline's response time) from the demo year:
DOMAIN §4's survey figures as the document prints them; «Нет данных опроса» only without
surveys. Every table is also checked against a direct aggregation in test_reports_annual."""
from __future__ import annotations

from statistics import median

from reports.annual import build_annual
from tests.annual_survey_checks import response_days
from tests.test_reports_annual import YEAR, by_label, demo, doc, lab  # noqa: F401 - fixtures


def test_survey_figures_of_domain_4(demo, doc):
    """H14, H16-H19, H21, H22, H25, H28, H29 as the document prints them; the hotline's
    response time from the closing dates."""
    tables, text, _ = doc
    kinds = by_label(tables["survey_orgs"])
    assert kinds[lab("org_kinds", "REGISTERED")] == [93, 71.0, 6, 1, 23]          # H14, H16
    assert kinds[lab("org_kinds", "INITIATIVE_GROUP")] == [38, 29.0, 5, 1, 17]
    assert [r[1] for r in tables["survey_size_bands"]] == [71, 49, 6, 4, 1]       # H17
    totals = by_label(tables["survey_org_totals"])
    assert totals["Привлечено волонтёров за 12 месяцев"][0] == 30_000
    assert totals["Вовлечено волонтёров сейчас"] == [59_835, 131]                # H28
    assert totals["Волонтёрских часов в месяц"][0] > 2_000_000
    assert "41,9 % упоминаний" in text and ": 20,9 %" in text and ": 16,3 %" in text  # H18
    ever = [r[2] for r in tables["survey_directions"]]                           # H19
    assert ever[:10] == [46.9, 45, 42.7, 37.3, 35.8, 31.5, 27.7, 26.9, 26.9, 24.6]
    assert ever[-3:] == [9.6, 5.4, 0.8] and all(10 <= x <= 20 for x in ever[10:-3])
    assert [r[3] for r in tables["survey_experience"]] == [51.5, 9.2]            # H21
    assert [r[2] for r in tables["survey_problems"]] == [35, 23, 14, 13, 10, 5]  # H22
    assert [r[3] for r in tables["survey_awareness"]] == [1, 25.3, 24, 12, 8.5]  # H25
    year = by_label(tables["survey_hours_totals"])["Часов за год"]                # H29
    assert year == [260, 93_642, 360.2, 1, 6_500]
    days = response_days(demo[0])
    response = by_label(tables["hotline_response"])
    assert response["Дней до ответа, медиана"] == [median(days)] and len(days) > 2_000
    assert 0 < response["Доля ответов в течение 3 дн., %"][0] < 100


def test_no_survey_words_only_without_surveys(demo):
    records, units = demo

    def said(recs):
        sec = next(s for s in build_annual(recs, units, YEAR).sections if s.id == "survey")
        return [b for b in sec.blocks if isinstance(b, str)], sec.tables()
    words, tables = said([r for r in records if r["form"] not in ("org_survey",
                                                                  "volunteer_survey")])
    assert any("Нет данных опроса" in w for w in words) and not tables
    words, tables = said([r for r in records if r["form"] != "volunteer_survey"])
    assert not any("Нет данных опроса" in w for w in words)
    assert any("Анкет волонтёров за 2023 год в Esep нет" in w for w in words)
    assert {t.id for t in tables} == {"survey_orgs", "survey_size_bands", "survey_org_totals",
                                      "survey_funding", "survey_org_directions"}


def test_composition_chart_without_monthly_reports_has_no_front_office_bars(demo):
    """The table says «нет данных» for the front offices' shares; its chart drew them as 0 %."""
    from reports.annual.model import Chart

    records, units = demo

    def diagram4(recs):
        sec = next(s for s in build_annual(recs, units, YEAR).sections if s.id == "survey")
        return next(b for b in sec.blocks if isinstance(b, Chart) and b.id == "diagram4")
    both = diagram4(records)
    assert len(both.series) == 2 and all(any(v) for v in both.series.values())
    alone = diagram4([r for r in records if r["form"] != "monthly_report"])
    assert len(alone.series) == 1
    survey = dict(zip(both.categories, list(both.series.values())[1]))
    assert dict(zip(alone.categories, next(iter(alone.series.values())))) == {
        c: v for c, v in survey.items() if v}
