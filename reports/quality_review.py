"""Data-quality review across a scope (DOMAIN §3): every finding, filterable, each linking to
its record.

Scope-level detectors live here, in `reports.quality_visits` and `reports.quality_population`
(they compare records with each other: copied periods VR-01, jumps VR-02, regional cells per
1,000 residents and against their own history VR-04, target-matching growth VR-14, registry gaps
VR-17, bulk entry VR-19, people across lists VR-20, focus-group audience VR-21, visit dates
VR-22, seminar departments VR-24, organizations written differently VR-18 in
`reports.quality_orgs`, one person listed under two organizations in a region's month VR-18
in `reports.people_once`); the per-record rules of the forms engine
(`forms.validate_record` with history) are merged in, without repeating a rule already
reported for the same record. Thresholds are parameters (`Thresholds`).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from operator import itemgetter

from forms import message_text
from forms.history import HistoryGroup
from forms.thresholds import th
from forms.validate import rule_family
from reports.aggregate import region_of
from store.codec import keyed

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _th(rule: str, key: str, scale: float = 1):
    """A default read from resources/quality.toml (forms.thresholds), the one place of the
    thresholds; `scale` turns a percentage there into the share used here."""
    return field(default_factory=lambda: th(rule, key) * scale)


@dataclass(frozen=True)
class Thresholds:
    """The scope-level detectors' thresholds (resources/quality.toml unless given)."""
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
    """One finding on `rec`: a dict sharing its key table with the others (a region's review
    has tens of thousands: store.codec.keyed)."""
    return keyed(None, ("finding",), (
        ("rule", rule), ("severity", severity), ("record_id", rec["id"]), ("form", rec["form"]),
        ("org_unit", rec["org_unit"]), ("region", region_of(rec["org_unit"], units)),
        ("period", rec["period"]), ("fields", fields), ("message_code", code),
        ("params", params), ("source", "scope")))


def monthly_findings(reports: list[dict], t: Thresholds, units=None) -> list[dict]:
    """VR-01, VR-02, VR-03, VR-06, VR-07, VR-08, VR-14, VR-19 over each org unit's whole
    series (reports.review)."""
    from reports.review import monthly_review

    return monthly_review(reports, units)


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
                               ["initiative_groups_count"], {
                                   "ratio": round(groups / orgs, 2), "min": t.group_ratio[0],
                                   "max": t.group_ratio[1]}, units))
    return out


def form_findings(records: list[dict], done: set, units=None,
                  span: tuple[str, str] = ("0000-00", "9999-99"), *,
                  raw=None) -> list[dict]:
    """The forms engine's per-record rules (`record_findings`, or `raw` computed before, or
    given when asked for: a callable, called once the scope detectors are done) minus the
    rules the scope review reported already for the same record."""
    raw = record_findings(records, units, span) if raw is None else \
        raw() if callable(raw) else raw
    return [f for f in raw if (f["record_id"], f["rule"]) not in done]


def group_of(record: dict) -> tuple[str, str]:
    """The (form, org unit) whose records form each other's history."""
    return record["form"], record["org_unit"]


def record_findings(records: list[dict], units=None,
                    span: tuple[str, str] = ("0000-00", "9999-99"), *,
                    only: set | None = None) -> list[dict]:
    """The forms engine's per-record rules with history, on monthly reports minus the rule
    families the scope review decides itself. Only the records of `span` (and, given `only`,
    of those (form, org unit) groups) are validated; a record's rules report on that record
    only and read only its group. One group at a time: its history index is dropped before
    the next is built (all of a region's at once were 30 MB at the peak); the findings come
    in the records' order."""
    try:
        from forms import load_form, validate_record
    except ImportError:
        return []
    groups: dict = defaultdict(list)
    for at, r in enumerate(records):
        group = group_of(r)
        if only is None or group in only:
            groups[group].append((at, r))
    forms: dict = {}
    out: list = []
    while groups:
        members = groups.popitem()[1]
        out += _group_findings(members, span, units, forms, load_form, validate_record)
    out.sort(key=itemgetter(0))
    return [f for _, f in out]


def _group_findings(members: list, span, units, forms: dict, load_form,
                    validate_record) -> list[tuple[int, dict]]:
    """(place, finding) of one group's records in `span`: `validate_record` with the
    history from the group's index (one per form version, built on first need)."""
    from reports.review import OWNED_RULES

    indexed: dict = {}
    out = []
    for at, r in members:
        if not span[0] <= str(r.get("period") or "") <= span[1]:
            continue
        form = _form(forms, load_form, r)
        if form is None:  # unknown form or broken definition: not reviewable
            continue
        owned = OWNED_RULES if r["form"] == "monthly_report" else ()
        hist = None if owned else _history(indexed, members, form, r)
        for f in validate_record(form, r, history=hist, skip=owned):
            rule = rule_family(f.rule)
            if rule in owned or f.rule in owned:
                continue
            item = finding(r, rule, f.severity, f.message_code, list(f.fields), dict(f.params),
                           units)
            item.update(source="form", rule_detail=f.rule)
            out.append((at, item))
    return out


def _form(forms: dict, load_form, r: dict):
    key = (r["form"], r.get("form_version"))
    if key not in forms:
        try:
            forms[key] = load_form(*key)
        except (KeyError, ValueError):
            forms[key] = None
    return forms[key]


def _history(indexed: dict, members: list, form, r: dict):
    """`r`'s history (forms.history.HistoryView, the one entry-time validation sees), from
    its group's index for its form version, built once."""
    group = indexed.get(form.version)
    if group is None:
        group = indexed[form.version] = HistoryGroup(form, [m for _, m in members])
    return group.view(r)


def review(records: list[dict], *, units: list[dict] | None = None,
           registry: dict | None = None, thresholds: Thresholds | None = None,
           use_forms: bool = True, lang: str = "ru", period: str | None = None,
           region: str | None = None, form_raw=None) -> list[dict]:
    """Every finding across the given records (all forms), sorted by severity, unit, period.

    Every rule sees all the records given (each unit's whole history); `period` (YYYY,
    YYYY-MM or a range) and `region` only choose which findings are returned, so reviewing a
    month finds exactly what reviewing the year finds for that month. `form_raw`: the
    `record_findings` of these records, computed before (the desktop's incremental review),
    or a callable giving them after the scope detectors ran (reports/review_parallel.py)."""
    from reports.aggregate import parse_period

    t = thresholds or Thresholds()
    umap = {u["id"]: u for u in units or []} or None
    live = [r for r in records if not r.get("deleted")]
    start, end = parse_period(period) if period else ("0000-00", "9999-99")
    out = _all_findings(live, registry, t, umap, use_forms, (start, end), form_raw)
    out = [f for f in out if start <= str(f.get("period") or "") <= end
           and (not region or f["region"] == region)]
    _texts(out, lang)
    sort_findings(out)
    return out


def sort_findings(findings: list[dict]) -> None:
    """In the review's order: severity, region, org unit, period, rule (ties as they came).
    One stable sort per key, the last first — the same order as one sort by the tuple of
    them, but no step holds the GIL for long: the tuples' comparisons of a region's 36,000
    findings were one C call of ~0.1 s, and the desktop's GUI thread waited for it. A missing
    period sorts as an empty one (the tuple's comparison would have failed on it)."""
    findings.sort(key=lambda f: f["rule"])
    findings.sort(key=lambda f: f["period"] or "")
    findings.sort(key=itemgetter("org_unit"))
    findings.sort(key=itemgetter("region"))
    findings.sort(key=lambda f: SEVERITY_ORDER.get(f["severity"], 3))


def _all_findings(live, registry, t, umap, use_forms, span, form_raw=None) -> list[dict]:
    from reports.people_once import person_findings
    from reports.quality_orgs import organization_findings
    from reports.quality_orgs import registry_findings as registry_entry_findings
    from reports.quality_population import population_findings
    from reports.quality_visits import event_findings, roster_findings, visit_findings
    from reports.registry import registry_counts
    from reports.review.events_match import event_mismatch_findings

    reports = [r for r in live if r["form"] == "monthly_report"]
    if registry is None:                    # VR-17 against the synced registry (issue 16)
        registry = registry_counts(live) or None
    out = monthly_findings(reports, t, umap)
    out += registry_findings(reports, registry, t, umap)
    out += population_findings(reports, t, umap)
    out += event_findings([r for r in live if r["form"] == "event"], t, umap)
    out += roster_findings(live, t, umap)
    out += visit_findings(live, t, umap)
    out += organization_findings(live, t, umap)
    out += person_findings(live, umap)
    out += registry_entry_findings(live, umap)
    out += event_mismatch_findings(live, umap)
    if use_forms:
        out += form_findings(live, {(f["record_id"], f["rule"]) for f in out}, umap, span,
                             raw=form_raw)
    return out


def _texts(findings: list[dict], lang: str) -> None:
    """Each finding's text in `lang`, its field ids shown as the form's labels. Findings
    with the same code, form and parameters share one text (a third of a region's review:
    a text made once, held once)."""
    from forms import load_form

    forms: dict = {}
    made: dict = {}
    for f in findings:
        if f["form"] not in forms:
            try:
                forms[f["form"]] = load_form(f["form"])
            except (KeyError, ValueError):
                forms[f["form"]] = None
        key = (f["message_code"], f["form"], repr(f["params"]))
        text = made.get(key)
        if text is None:
            text = made[key] = message_text(f["message_code"], lang, f["params"],
                                            form=forms[f["form"]])
        f["message"] = text


def review_store(store, *, spec: str | None = None, region: str | None = None,
                 registry: dict | None = None, use_forms: bool = True,
                 lang: str = "ru") -> list[dict]:
    """Review the store's records (with their created_at): findings in a period and region,
    each judged against the whole history the store holds."""
    return review(store_records(store), units=store.org_units(), registry=registry,
                  use_forms=use_forms, lang=lang, period=spec, region=region)


STORE_ORDER = "period asc"  # the order of `store_records` (store.query.order_clause)
LISTED = ("created_at",)    # the columns it adds to each record (store.codec.EXTRA_COLUMNS)


def store_records(store, ids: list[str] | None = None) -> list[dict]:
    """The store's records (or those of `ids`), oldest period first (`store_order`), each
    with its created_at, and those changed after submission with what they were
    (reports.review.corrections)."""
    from reports.review.corrections import attach_corrections

    return attach_corrections(store.db, store.list_records(order_by=STORE_ORDER, extra=LISTED,
                                                           id=ids))


def store_order(record: dict) -> tuple:
    """A record's place in `store_records` (SQLite's `ORDER BY period, id`: no period
    first)."""
    return record["period"] is not None, record["period"] or "", record["id"]


def filter_findings(findings: list[dict], *, rule: str | None = None,
                    severity: str | None = None, org_unit: str | None = None,
                    region: str | None = None) -> list[dict]:
    return [f for f in findings
            if (rule is None or f["rule"] == rule) and (severity is None or
                                                        f["severity"] == severity)
            and (org_unit is None or f["org_unit"] == org_unit)
            and (region is None or f["region"] == region)]


def distinct_lines(findings: list[dict], lang: str = "ru") -> list[dict]:
    """The findings a list shows: one of those with the same org unit, rule and text. VR-19
    names a whole batch of months on each of them (one line, not one per month); any other
    text said alike on several months (a field left empty all year) is one line on its first
    month naming the others («то же за 2025-02 – 2025-12»)."""
    from reports.review.records import month_runs

    groups: dict[tuple, list[dict]] = {}
    for f in findings:
        key = (f["org_unit"], f.get("rule_detail") or f["rule"], f["message"])
        groups.setdefault(key, []).append(f)
    out = []
    for same in groups.values():
        first = same[0]
        others = sorted({f["period"] for f in same} - {first["period"]} - {None})
        if others and first["rule"] != "VR-19":
            text = first["message"].rstrip()
            first = dict(first, message=text + (" " if text.endswith((".", "!", "?")) else ". ")
                         + message_text("review_same_months", lang, {"months": month_runs(others)}))
        out.append(first)
    return out
