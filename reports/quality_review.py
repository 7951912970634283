"""Data-quality review across a scope (DOMAIN §3): every finding, filterable, each linking to
its record.

Scope-level detectors live here, in `reports.quality_visits` and `reports.quality_population`
(they compare records with each other: copied periods VR-01, jumps VR-02, regional cells per
1,000 residents and against their own history VR-04, target-matching growth VR-14, registry gaps
VR-17, bulk entry VR-19, people across lists VR-20, focus-group audience VR-21, visit dates
VR-22, seminar departments VR-24, organizations written differently VR-18 in
`reports.quality_orgs`); the per-record rules of the forms engine
(`forms.validate_record` with history) are merged in, without repeating a rule already
reported for the same record. Thresholds are parameters (`Thresholds`).
"""
from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from forms import message_text
from forms.periods import shift_period
from forms.thresholds import th
from reports.aggregate import region_of

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _th(rule: str, key: str, scale: float = 1):
    """A default read from resources/quality.toml (forms.thresholds), the one place of the
    thresholds; `scale` turns a percentage there into the share used here."""
    return field(default_factory=lambda: th(rule, key) * scale)


@dataclass(frozen=True)
class Thresholds:
    """The scope-level detectors' thresholds (resources/quality.toml unless given)."""
    copy_share: float = _th("vr01", "near_identical_share")     # VR-01: identical non-zero cells
    copy_min_cells: int = _th("vr01", "min_nonzero_cells")
    jump_mm: float = _th("vr02", "mom_pct", 0.01)   # VR-02: vs the median of the last 3 months
    jump_yy: float = _th("vr02", "yoy_pct", 0.01)   # VR-02: vs the same month last year
    growth_low: float = _th("vr14", "yoy_low_pct", 0.01)        # VR-14
    growth_high: float = _th("vr14", "yoy_high_pct", 0.01)
    registry_share: float = _th("vr17", "registry_share_min")   # VR-17
    group_ratio: tuple = field(default_factory=lambda: (th("vr17", "ig_ratio_min"),
                                                        th("vr17", "ig_ratio_max")))
    bulk_share: float = _th("vr19", "late_share")        # VR-19
    bulk_min_rows: int = _th("vr19", "min_rows")
    visit_days: int = _th("vr22", "max_days_apart")             # VR-22
    state_share: float = _th("vr21", "state_share_max")         # VR-21
    percapita_pct: int = _th("vr04", "percapita_pct")           # VR-04 (quality.toml [vr04])
    percapita_ratio: float = _th("vr04", "percapita_ratio")
    percapita_min_regions: int = _th("vr04", "percapita_min_regions")
    history_ratio: float = _th("vr04", "history_ratio")
    history_min_months: int = _th("vr04", "history_min_months")
    history_min_base: float = _th("vr04", "history_min_base")
    org_fuzzy: int = _th("vr18", "fuzzy_ratio")                 # VR-18 (0 = off)


def finding(rec: dict, rule: str, severity: str, code: str, fields: list, params: dict,
            units=None) -> dict:
    return {"rule": rule, "severity": severity, "record_id": rec["id"], "form": rec["form"],
            "org_unit": rec["org_unit"], "region": region_of(rec["org_unit"], units),
            "period": rec["period"], "fields": fields, "message_code": code,
            "params": params, "source": "scope"}


def _vector(data: dict) -> dict:
    out = {}
    for k, v in data.items():
        if isinstance(v, bool):
            continue
        if isinstance(v, (int, float)):
            out[k] = v
        elif isinstance(v, dict):
            out.update({f"{k}.{c}": n for c, n in v.items() if isinstance(n, (int, float))})
    return out


def _copied(rec, other, t: Thresholds):
    a, b = _vector(rec["data"]), _vector(other["data"])
    cells = [k for k in a if a[k]]
    if len(cells) < t.copy_min_cells:
        return None
    same = sum(1 for k in cells if b.get(k) == a[k])
    share = same / len(cells)
    return share if share >= t.copy_share else None


def monthly_findings(reports: list[dict], t: Thresholds, units=None) -> list[dict]:
    """VR-01, VR-02, VR-03, VR-07, VR-08, VR-14 over each org unit's series."""
    out = []
    series = defaultdict(list)
    for r in reports:
        series[r["org_unit"]].append(r)
    for recs in series.values():
        recs.sort(key=lambda r: r["period"])
        by_period = {r["period"]: r for r in recs}
        for i, rec in enumerate(recs):
            out += _per_record(rec, units)
            out += _copies(rec, by_period, t, units)
            out += _jumps(rec, recs[max(0, i - 3):i], by_period, t, units)
    return out


def _per_record(rec, units) -> list[dict]:
    d, out = rec["data"], []
    total = d.get("volunteers_total")
    for fid in ("gender", "age", "occupation"):
        counts = d.get(fid)
        if isinstance(total, (int, float)) and isinstance(counts, dict) and counts:
            s = sum(v for v in counts.values() if isinstance(v, (int, float)))
            if s != total:
                out.append(finding(rec, "VR-03", "error", "review_sum_mismatch",
                                   [fid, "volunteers_total"],
                                   {"field": fid, "sum": s, "total": total}, units))
    provided = d.get("rfo_support_provided")
    text = str(d.get("rfo_support_text") or "").lower()
    if provided in (None, ""):
        out.append(finding(rec, "VR-08", "error", "review_support_blank",
                           ["rfo_support_provided"], {}, units))
    elif provided == "YES" and (not d.get("rfo_support_types") or "всесторонн" in text):
        out.append(finding(rec, "VR-07", "error", "review_support_type_missing",
                           ["rfo_support_types"], {}, units))
    return out


def _copies(rec, by_period, t, units) -> list[dict]:
    for months in (-12, -1):
        other = by_period.get(shift_period(rec["period"], months))
        share = _copied(rec, other, t) if other else None
        if share is not None:
            sev = "error" if share == 1.0 and months == -12 else "warning"
            return [finding(rec, "VR-01", sev, "review_copied_period", [],
                            {"other": other["period"], "share": round(100 * share),
                             "other_record": other["id"]}, units)]
    return []


def _jumps(rec, previous, by_period, t, units) -> list[dict]:
    value = rec["data"].get("volunteers_total")
    if not isinstance(value, (int, float)):
        return []
    out = []
    prev = [r["data"].get("volunteers_total") for r in previous]
    prev = [v for v in prev if isinstance(v, (int, float)) and v > 0]
    if prev:
        base = statistics.median(prev)
        if abs(value - base) > t.jump_mm * base:
            out.append(finding(rec, "VR-02", "warning", "review_jump", ["volunteers_total"],
                               {"field": "volunteers_total", "value": value, "base": base,
                                "basis": "median of previous months",
                                "limit": round(100 * t.jump_mm)}, units))
    year_ago = by_period.get(shift_period(rec["period"], -12))
    old = year_ago["data"].get("volunteers_total") if year_ago else None
    if isinstance(old, (int, float)) and old > 0:
        growth = (value - old) / old
        if not out and abs(growth) > t.jump_yy:
            out.append(finding(rec, "VR-02", "warning", "review_jump", ["volunteers_total"],
                               {"field": "volunteers_total", "value": value, "base": old,
                                "basis": year_ago["period"], "limit": round(100 * t.jump_yy)},
                               units))
        if t.growth_low <= growth <= t.growth_high:
            out.append(finding(rec, "VR-14", "info", "review_target_growth",
                               ["volunteers_total"], {"growth": round(100 * growth, 1)}, units))
    return out


def registry_findings(reports: list[dict], registry: dict | None, t: Thresholds,
                      units=None) -> list[dict]:
    """VR-17 per region on its latest reports: registry gap and group/org ratio."""
    from reports.aggregate import breakdown, latest_per_unit

    out = []
    latest = latest_per_unit(reports)
    per_region = breakdown(latest.values(), by="region", units=units)
    for region, fig in per_region.items():
        rec = max((r for r in latest.values() if region_of(r["org_unit"], units) == region),
                  key=lambda r: r["period"])
        orgs, groups = fig["registered_orgs_count"], fig["initiative_groups_count"]
        known = (registry or {}).get(region)
        if known and orgs < t.registry_share * known:
            out.append(finding(rec, "VR-17", "info", "review_registry_gap",
                               ["registered_orgs_count"], {"count": orgs, "registry": known},
                               units))
        if orgs and not t.group_ratio[0] <= groups / orgs <= t.group_ratio[1]:
            out.append(finding(rec, "VR-17", "info", "review_group_ratio",
                               ["initiative_groups_count"], {"ratio": round(groups / orgs, 2)},
                               units))
    return out


def form_findings(records: list[dict], done: set, units=None) -> list[dict]:
    """The forms engine's per-record rules (with history), minus rules already reported."""
    try:
        from forms import load_form, validate_record
    except ImportError:
        return []
    history = defaultdict(list)
    for r in records:
        history[(r["form"], r["org_unit"])].append(r)
    out = []
    for r in records:
        try:
            form = load_form(r["form"], r.get("form_version"))
        except (KeyError, ValueError):  # unknown form or broken definition: not reviewable
            continue
        hist = [h for h in history[(r["form"], r["org_unit"])] if h["id"] != r["id"]]
        for f in validate_record(form, r, history=hist):
            rule = f.rule[:5] if f.rule.startswith("VR-") else f.rule
            if (r["id"], rule) in done:
                continue
            item = finding(r, rule, f.severity, f.message_code, list(f.fields), dict(f.params),
                           units)
            item.update(source="form", rule_detail=f.rule)
            out.append(item)
    return out


def review(records: list[dict], *, units: list[dict] | None = None,
           registry: dict | None = None, thresholds: Thresholds | None = None,
           use_forms: bool = True, lang: str = "ru") -> list[dict]:
    """Every finding across the given records (all forms), sorted by severity, unit, period."""
    from reports.quality_orgs import organization_findings
    from reports.quality_population import population_findings
    from reports.quality_visits import event_findings, roster_findings, visit_findings

    t = thresholds or Thresholds()
    umap = {u["id"]: u for u in units or []} or None
    live = [r for r in records if not r.get("deleted")]
    reports = [r for r in live if r["form"] == "monthly_report"]
    out = monthly_findings(reports, t, umap)
    out += registry_findings(reports, registry, t, umap)
    out += population_findings(reports, t, umap)
    out += event_findings([r for r in live if r["form"] == "event"], t, umap)
    out += roster_findings(live, t, umap)
    out += visit_findings(live, t, umap)
    out += organization_findings(live, t, umap)
    if use_forms:
        out += form_findings(live, {(f["record_id"], f["rule"]) for f in out}, umap)
    for f in out:
        f["message"] = message_text(f["message_code"], lang, f["params"])
    out.sort(key=lambda f: (SEVERITY_ORDER.get(f["severity"], 3), f["region"], f["org_unit"],
                            f["period"], f["rule"]))
    return out


def review_store(store, *, spec: str | None = None, region: str | None = None,
                 registry: dict | None = None, use_forms: bool = True,
                 lang: str = "ru") -> list[dict]:
    """Review the store's records (with their created_at) in a period and region."""
    from reports.aggregate import parse_period

    created = {row["id"]: row["created_at"] for row in
               store.db.query("SELECT id, created_at FROM records")}
    records = []
    start, end = parse_period(spec) if spec else ("0000-00", "9999-99")
    for r in store.list_records(order_by="period asc"):
        if start <= r["period"] <= end and (not region or region_of(r["org_unit"]) == region):
            records.append(dict(r, created_at=r.get("created_at") or created.get(r["id"])))
    return review(records, units=store.org_units(), registry=registry, use_forms=use_forms,
                  lang=lang)


def filter_findings(findings: list[dict], *, rule: str | None = None,
                    severity: str | None = None, org_unit: str | None = None,
                    region: str | None = None) -> list[dict]:
    return [f for f in findings
            if (rule is None or f["rule"] == rule) and (severity is None or
                                                        f["severity"] == severity)
            and (org_unit is None or f["org_unit"] == org_unit)
            and (region is None or f["region"] == region)]
