"""Acceptance (1): a synthetic year for 20 regions reproduces the seed's headline figures."""
from __future__ import annotations

import copy

import pytest

from reports.aggregate import PeriodError, breakdown, headline, parse_period, select, summarize
from reports.completeness import completeness
from reports.economics import RateError, RateTable, contribution, scenarios
from reports.synthetic import REGIONS, synthetic_year


@pytest.fixture(scope="module")
def year():
    return synthetic_year(2023)


def test_headline_reproduces_seed_totals_exactly(year):
    records, _units = year
    fig = headline(select(records, "2023"))
    assert fig["volunteers_total"] == 217_391
    assert fig["volunteer_hours"] == 1_161_613
    assert fig["volunteer_positions"] == 64_799
    assert fig["registered_orgs_count"] == 609
    assert fig["initiative_groups_count"] == 1_882
    assert fig["dev_events_count"] == 127
    assert fig["dev_participants"] == 5_180
    assert fig["dev_hours"] == 463
    assert sum(fig["gender"].values()) == 217_391
    assert sum(fig["age"].values()) == 217_391
    assert sum(fig["occupation"].values()) == 217_391
    assert sum(fig["events_by_direction"].values()) == fig["events_total"]
    assert len(breakdown(select(records, "2023"), by="region")) == 20 == len(REGIONS)


def test_stock_is_latest_report_per_unit_not_december_nor_sum(year):
    records, _ = year
    december = headline(select(records, "2023-12"))["volunteers_total"]
    summed = sum(r["data"]["volunteers_total"] for r in select(records, "2023"))
    assert december < 217_391 < summed
    # a unit whose last report is October still counts with its October figure
    assert headline(select(records, "2023-01..2023-10"))["volunteers_total"] != 217_391


def test_development_events_december_share(year):
    records, _ = year
    assert headline(select(records, "2023-12"))["dev_events_count"] == 29
    assert headline(select(records, "2023-01..2023-11"))["dev_events_count"] == 98


def test_region_is_its_districts_plus_region_level_report(year):
    records, units = year
    umap = {u["id"]: u for u in units}
    regional = [u["id"] for u in units if u["kind"] == "region" and u["reports"]
                and any(d["region"] == u["id"] and d["kind"] == "district" for d in units)]
    assert regional, "the synthetic year must have a region reporting beside its districts"
    code = regional[0]
    per_region = breakdown(select(records, "2023"), by="region", units=umap)[code]
    per_unit = breakdown(select(records, "2023", region=code, units=umap), by="org_unit")
    assert code in per_unit and len(per_unit) > 1
    assert per_region["volunteers_total"] == sum(f["volunteers_total"] for f in per_unit.values())
    assert per_region["volunteer_hours"] == sum(f["volunteer_hours"] for f in per_unit.values())


def test_deleted_and_other_forms_are_ignored(year):
    records, _ = year
    extra = copy.deepcopy(records[0])
    extra.update(id="x", deleted=True)
    other = dict(copy.deepcopy(records[1]), id="y", form="event")
    fig = headline(select(records + [extra, other], "2023"))
    assert fig["volunteers_total"] == 217_391 and fig["reports"] == len(records)


def test_economic_contribution_seed_figures(year):
    records, _ = year
    hours = {r: f["volunteer_hours"] for r, f in breakdown(select(records, "2023")).items()}
    sc = scenarios(hours, 2023, likely_hours=25_000_000)
    assert sc["minimum"] == {"hours": 2_000_000, "value": 3_456_000_000}
    assert sc["likely"]["value"] == 43_200_000_000
    assert sc["recorded"]["value"] == 2_007_267_264
    assert contribution({"AST": 2_000_000}, 2023)["value"] == 3_456_000_000


def test_rate_table_per_region_and_storage(tmp_path):
    table = RateTable()
    table.set("ALA", 2023, 2000, "stat.gov.kz")
    res = contribution({"ALA": 10, "AST": 10}, 2023, table)
    assert res["by_region"]["ALA"]["value"] == 20_000
    assert res["by_region"]["AST"]["value"] == 17_280 and res["value"] == 37_280
    assert contribution({"ALA": 10}, 2024, table)["value"] == 17_280  # other year: default
    table.to_csv(tmp_path / "rates.csv")
    assert RateTable.from_csv(tmp_path / "rates.csv").rate("ALA", 2023) == 2000
    with pytest.raises(RateError, match="ALA 2023"):
        table.set("ALA", 2023, "abc")
    with pytest.raises(RateError, match="positive"):
        table.set("ALA", 2023, -5)


def test_completeness_and_timeliness(year):
    records, units = year
    recs = copy.deepcopy(records)
    late = next(r for r in recs if r["period"] == "2023-03")
    late["updated_at"] = "2023-04-25T10:00:00Z"
    draft = next(r for r in recs if r["period"] == "2023-05")
    draft["status"] = "draft"
    res = completeness(recs, units, "2023", day=10)
    assert res["grid"][(late["org_unit"], "2023-03")] == "late"
    assert res["grid"][(draft["org_unit"], "2023-05")] == "draft"
    stopped = [k for k, v in res["grid"].items() if v == "missing"]
    assert stopped and all(p in ("2023-11", "2023-12") for _, p in stopped)
    t = res["total"]
    assert t["expected"] == t["received"] + t["draft"] + t["missing"]
    assert t["late"] == 1 and t["received"] == len(recs) - 1
    region = late["org_unit"].split("-")[0]
    assert res["by_region"][region]["late"] == 1
    strict = completeness(recs, units, "2023", day=1)["total"]
    assert strict["on_time"] < t["on_time"]


def test_period_parsing():
    assert parse_period("2024") == ("2024-01", "2024-12")
    assert parse_period("2024-03") == ("2024-03", "2024-03")
    assert parse_period("2024-02..2024-05") == ("2024-02", "2024-05")
    for bad in ("24", "2024-13", "2024-05..2024-02", "abc"):
        with pytest.raises(PeriodError):
            parse_period(bad)


def test_summarize_scope(year):
    records, units = year
    s = summarize(records, "2023", region="ALA", units={u["id"]: u for u in units})
    assert list(s["by_region"]) == ["ALA"]
    assert len(s["by_month"]) == 12


def test_stocks_alone_are_the_headline_stocks(year):
    """`flows=False` (VR-04 reads stock cells only) leaves the flows at zero and every stock
    as the full headline has it."""
    records, _units = year
    chosen = select(records, "2023")
    full, stocks = breakdown(chosen, by="region"), breakdown(chosen, by="region", flows=False)
    from reports.aggregate import figures_form
    form = figures_form()
    assert list(full) == list(stocks)
    for region, fig in full.items():
        assert {f.id: fig[f.id] for f in form.stock_fields} == {
            f.id: stocks[region][f.id] for f in form.stock_fields}
        assert stocks[region]["reports"] == 0 and stocks[region]["volunteer_hours"] == 0
