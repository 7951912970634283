"""The summary workbook «Волонтёрство в цифрах»: one sheet per block with native charts,
per-region and per-district tables, completeness and economic contribution.

Personal fields (names in participant lists) appear only with include_personal=True.
"""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from reports import xlsx_util as X
from reports._ref import count_enums, enum_codes, label
from reports.aggregate import figures_form, parse_period, region_of, summarize
from reports.completeness import completeness
from reports.economics import RateTable, contribution, scenarios
from reports.labels import labels, t


def headline_rows() -> list[tuple[str, str]]:
    """(figure, "stock" | "flow") of the headline: the form's `headline` fields."""
    return [(f.id, f.aggregation) for f in figures_form().headline_fields]


def table_keys() -> list[str]:
    """The columns of the per-region and per-district tables."""
    return [f for f, _kind in headline_rows()] + ["reports"]


def figure_label(key: str, lang: str) -> str:
    """A figure's name: the workbook's own label, else the field's short label or label."""
    if key in labels():
        return t(key, lang)
    form = figures_form()
    fields = {f.id: f for f in form.figure_fields}
    return fields[key].name(lang) if key in fields else key


def _ordered(counts: dict, fid: str) -> list[str]:
    enums = count_enums()
    known = enum_codes(enums[fid]) if fid in enums else []
    return [c for c in known if c in counts] + sorted(c for c in counts if c not in known)


def _count_rows(counts: dict, fid: str, lang: str) -> list[list]:
    enum = count_enums().get(fid, "")
    return [[label(enum, c, lang), counts[c]] for c in _ordered(counts, fid)]


def build_summary(records: list[dict], units: list[dict], spec: str, out_path, *,
                  region: str | None = None, lang: str = "ru", include_personal: bool = False,
                  rates: RateTable | None = None, due_day: int = 10,
                  rosters: list[dict] | None = None) -> Path:
    umap = {u["id"]: u for u in units}
    s = summarize(records, spec, region=region, units=umap)
    comp = completeness(records, units, spec, day=due_day, region=region)
    wb = Workbook()
    _sheet_summary(wb.active, s, spec, region, lang)
    _sheet_volunteers(wb.create_sheet(t("volunteers", lang)), s["total"], lang)
    _sheet_orgs(wb.create_sheet(t("organizations", lang)), s, lang)
    _sheet_events(wb.create_sheet(t("events", lang)), s["total"], lang)
    _sheet_hours(wb.create_sheet(t("hours", lang)), s, lang)
    _sheet_support(wb.create_sheet(t("support", lang)), s["total"], lang)
    _sheet_development(wb.create_sheet(t("development", lang)), s, lang)
    _sheet_units(wb.create_sheet(t("regions", lang)), s["by_region"], "region", lang)
    _sheet_units(wb.create_sheet(t("districts", lang)), s["by_org_unit"], "org_unit", lang,
                 umap=umap)
    _sheet_completeness(wb.create_sheet(t("completeness", lang)), comp, lang)
    _sheet_economics(wb.create_sheet(t("economics", lang)), s, int(s["period"][0][:4]),
                     rates or RateTable(), lang)
    if include_personal and rosters:
        _sheet_people(wb.create_sheet(t("people", lang)), rosters, lang)
    X.print_setup(wb)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def _sheet_summary(ws, s, spec, region, lang):
    ws.title = t("summary", lang)
    X.widths(ws, 40, 18)
    start, end = s["period"]
    ws.append([t("period", lang), f"{start} … {end}" if start != end else start])
    ws.append([t("scope", lang), label("regions", region, lang) if region
               else t("all_regions", lang)])
    rows = [[figure_label(k, lang), s["total"][k], t(kind, lang)] for k, kind in headline_rows()]
    X.write_table(ws, 4, [t("figure", lang), t("value", lang), t("kind", lang)], rows)


def _block(ws, top, fid, counts, lang, chart="bar", anchor_col="D"):
    rows = _count_rows(counts, fid, lang)
    h, f, last = X.write_table(ws, top, [t(fid, lang), t("count", lang)], rows,
                               title=t(fid, lang))
    if rows:
        if chart == "pie":
            X.pie(ws, f"{anchor_col}{top}", t(fid, lang), h, f, last)
        else:
            X.bar(ws, f"{anchor_col}{top}", t(fid, lang), h, f, last, horizontal=chart == "barh")
    return max(last + 2, top + 18)


def _sheet_volunteers(ws, total, lang):
    X.widths(ws)
    top = _block(ws, 1, "gender", total["gender"], lang, chart="pie")
    top = _block(ws, top, "age", total["age"], lang)
    _block(ws, top, "occupation", total["occupation"], lang)


def _sheet_orgs(ws, s, lang):
    X.widths(ws)
    rows = [[label("regions", r, lang), f["registered_orgs_count"], f["initiative_groups_count"]]
            for r, f in s["by_region"].items()]
    rows.append([t("all_regions", lang), s["total"]["registered_orgs_count"],
                 s["total"]["initiative_groups_count"]])
    h, f, last = X.write_table(ws, 1, [t("region", lang), t("registered_orgs_count", lang),
                                       t("initiative_groups_count", lang)], rows,
                               title=t("organizations", lang))
    X.bar(ws, "E2", t("organizations", lang), h, f, last - 1, val_cols=(2, 3), horizontal=True)


def _sheet_events(ws, total, lang):
    X.widths(ws)
    top = _block(ws, 1, "events_by_direction", total["events_by_direction"], lang, chart="barh")
    _block(ws, max(top, 30), "events_by_format", total["events_by_format"], lang, chart="pie")


def _sheet_hours(ws, s, lang):
    X.widths(ws)
    rows = [[label("regions", r, lang), f["volunteer_hours"], f["volunteer_positions"]]
            for r, f in s["by_region"].items()]
    heads = [t("region", lang), t("volunteer_hours", lang), t("volunteer_positions", lang)]
    h, f, last = X.write_table(ws, 1, heads, rows, title=t("hours", lang))
    X.bar(ws, "E2", t("volunteer_hours", lang), h, f, last, horizontal=True)
    top = max(last + 3, 26)
    rows = [[p, m["volunteer_hours"], m["volunteer_positions"], m["events_total"]]
            for p, m in s["by_month"].items()]
    h, f, last = X.write_table(ws, top, [t("month", lang), *heads[1:], t("events_total", lang)],
                               rows, title=t("trend", lang))
    X.line(ws, f"F{top}", t("trend", lang), h, f, last, val_cols=(2,))


def _sheet_support(ws, total, lang):
    X.widths(ws)
    top = _block(ws, 1, "rfo_support_provided", total["rfo_support_provided"], lang, chart="pie")
    rows = _count_rows(total["rfo_support_types"], "rfo_support_types", lang)
    h, f, last = X.write_table(ws, top, [t("support_types", lang), t("count", lang)], rows,
                               title=t("support_types", lang))
    X.bar(ws, f"D{top}", t("support_types", lang), h, f, last, horizontal=True)


def _sheet_development(ws, s, lang):
    X.widths(ws)
    total = s["total"]
    rows = [[label("dev_event_types", k, lang), v["dev_events_count"], v["dev_participants"],
             v["dev_hours"]] for k, v in sorted(total["dev_events_by_dev_event_type"].items())]
    h, f, last = X.write_table(ws, 1, [t("dev_type", lang), t("count", lang),
                                       t("participants", lang), t("dev_hours", lang)], rows,
                               title=t("development", lang))
    X.bar(ws, "F2", t("development", lang), h, f, last)
    n = total["dev_events_count"] or 1
    dec = sum(m["dev_events_count"] for p, m in s["by_month"].items() if p.endswith("-12"))
    award = total["dev_events_by_dev_event_type"].get("AWARD", {}).get("dev_events_count", 0)
    ws.cell(last + 2, 1, t("december_share", lang))
    ws.cell(last + 2, 2, round(100.0 * dec / n, 1))
    ws.cell(last + 3, 1, t("award_share", lang))
    ws.cell(last + 3, 2, round(100.0 * award / n, 1))


def _sheet_units(ws, groups: dict, kind: str, lang: str, umap=None):
    X.widths(ws, 30, 13)
    keys = table_keys()
    heads = [t(kind, lang)] + ([t("region", lang)] if kind == "org_unit" else []) + \
        [figure_label(k, lang) for k in keys]
    rows = []
    for key, f in groups.items():
        name = label("regions", key, lang) if kind == "region" else \
            (umap or {}).get(key, {}).get(f"name_{lang}") or (umap or {}).get(key, {}).get(
                "name_ru") or key
        extra = [region_of(key, umap)] if kind == "org_unit" else []
        rows.append([name, *extra, *[f[k] for k in keys]])
    X.write_table(ws, 1, heads, rows, title=t("regions" if kind == "region" else "districts",
                                              lang))
    ws.freeze_panes = "B3"


def _sheet_completeness(ws, comp, lang):
    X.widths(ws, 28, 12)
    keys = ["expected", "received", "on_time", "late", "draft", "missing", "received_pct",
            "on_time_pct"]
    rows = [[label("regions", r, lang), *[v[k] for k in keys]] for r, v in
            comp["by_region"].items()]
    rows.append([t("all_regions", lang), *[comp["total"][k] for k in keys]])
    h, f, last = X.write_table(ws, 1, [t("region", lang), *[t(k, lang) for k in keys]], rows,
                               title=t("completeness", lang))
    X.bar(ws, "K2", t("received_pct", lang), h, f, last - 1, val_cols=(8, 9))
    top = max(last + 3, 24)
    units = sorted({u for u, _ in comp["grid"]})
    grid = [[u, *[t(comp["grid"][(u, m)], lang) for m in comp["months"]]] for u in units]
    X.write_table(ws, top, [t("org_unit", lang), *comp["months"]], grid)


def _sheet_economics(ws, s, year, rates, lang):
    X.widths(ws, 28, 18)
    hours = {r: f["volunteer_hours"] for r, f in s["by_region"].items()}
    res = contribution(hours, year, rates)
    rows = [[label("regions", r, lang), v["hours"], v["rate"], v["value"]]
            for r, v in res["by_region"].items()]
    rows.append([t("all_regions", lang), res["hours"], None, res["value"]])
    h, f, last = X.write_table(ws, 1, [t("region", lang), t("volunteer_hours", lang),
                                       t("rate", lang), t("contribution", lang)], rows,
                               title=t("economics", lang))
    X.bar(ws, "F2", t("contribution", lang), h, f, last - 1, val_cols=(4,), horizontal=True)
    sc = scenarios(hours, year, rates, likely_hours=25_000_000)
    rows = [[t(k, lang), v["hours"], v["value"]] for k, v in sc.items()]
    X.write_table(ws, max(last + 3, 26), [t("scenario", lang), t("volunteer_hours", lang),
                                          t("contribution", lang)], rows)


def _sheet_people(ws, rosters: list[dict], lang: str):
    from reports.headers import ROSTERS

    X.widths(ws, 30, 24)
    rows = []
    for rec in rosters:
        field = ROSTERS.get(rec["form"], (None,))[0]
        for row in (rec.get("data") or {}).get(field) or []:
            rows.append([rec["org_unit"], rec["period"], rec["form"], row.get("no"),
                         row.get("full_name"), row.get("organization") or row.get("department")])
    X.write_table(ws, 1, [t("org_unit", lang), t("period", lang), t("list", lang), "№",
                          t("name", lang), t("organizations", lang)], rows)


__all__ = ["build_summary", "headline_rows", "parse_period", "table_keys"]
