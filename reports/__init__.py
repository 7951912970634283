"""Aggregation, completeness, economic contribution, Excel import/export (no Qt).

Modules (all functions take canonical records, CONTRACTS §3):
- aggregate:      select(records, "2023" | "2023-05" | "2023-01..2023-06", region=, units=),
                  headline(selected) -> figures (stock = latest report per org unit, flow =
                  sum over months), breakdown(by="region"|"org_unit"), trend(), summarize()
- completeness:   completeness(records, units, period, day=10) -> grid + totals;
                  due_day(store) reads kv `reports.due_day`
- economics:      RateTable (kv `reports.hourly_rates`, CSV), contribution(), scenarios()
- quality_review: review(records, units=, registry=) / review_store(store, spec=, region=)
                  -> findings {rule, severity, record_id, org_unit, region, period, message};
                  filter_findings(rule=, severity=, org_unit=, region=)
- io:             import_file(store, form_id, path, *, user, dry_run, lang, mapping=,
                  record_id=, org_unit=, period=) -> ImportResult; export_file(...)
- template:       write_template(store, org_unit, period, out, lang=) (monthly report)
- summary:        build_summary(records, units, period, out, region=, lang=,
                  include_personal=, rates=, due_day=, rosters=)
- synthetic:      synthetic_year(year, scale=) demo data reproducing the seed's totals
"""
