"""`esep template monthly_report ...` and `esep report summary|figures|quality|completeness|
coverage|questionnaire|focus-answers|rates` (logic in reports/; this module only parses, opens
the store and prints)."""
from __future__ import annotations

import argparse
import json
import sys

from cli.texts import lang_of as _lang_of
from cli.texts import say

LANGS = ("ru", "kk", "en")


def _lang(p) -> None:
    p.add_argument("--lang", dest="sub_lang", choices=LANGS, default=argparse.SUPPRESS,
                   help="labels: ru (default), kk or en")


def register(sub) -> None:
    tpl = sub.add_parser("template", help="write a pre-filled, protected Excel workbook")
    tpl.add_argument("form", choices=["monthly_report"])
    tpl.add_argument("--org-unit", required=True)
    tpl.add_argument("--period", required=True, help="YYYY-MM")
    tpl.add_argument("-o", "--output", required=True)
    _lang(tpl)
    tpl.set_defaults(func=cmd_template)
    rep = sub.add_parser("report", help="summary workbook, figures, quality, completeness, "
                                        "coverage")
    rsub = rep.add_subparsers(dest="report_command", required=True)
    summ = rsub.add_parser("summary", help="«Волонтёрство в цифрах» workbook with charts")
    fig = rsub.add_parser("figures", help="headline figures as JSON (stock / flow)")
    qual = rsub.add_parser("quality", help="data-quality review of the scope")
    comp = rsub.add_parser("completeness", help="expected vs received reports")
    cov = rsub.add_parser("coverage", help="events by data source and known to the RFO")
    ques = rsub.add_parser("questionnaire", help="civil-servant questionnaire: answers per "
                                                 "question, «нет ответа» included")
    fga = rsub.add_parser("focus-answers", help="focus-group answers per key question Q1-Q5, "
                                                "by participant category, with coded counts")
    for p in (cov, ques, fga):  # form summaries: any period unless given
        p.add_argument("--period", default=None, help="YYYY, YYYY-MM or YYYY-MM..YYYY-MM")
        p.add_argument("--region", default=None, help="region code, e.g. SHY")
        p.add_argument("--json", action="store_true")
        _lang(p)
    for p in (summ, fig, qual, comp):
        p.add_argument("--period", required=True, help="YYYY, YYYY-MM or YYYY-MM..YYYY-MM")
        p.add_argument("--region", default=None, help="region code, e.g. SHY")
        _lang(p)
    summ.add_argument("-o", "--output", required=True)
    summ.add_argument("--include-personal", action="store_true",
                      help="add participant lists with names (personal data)")
    for p in (summ, comp):
        p.add_argument("--due-day", type=int, default=None,
                       help="on time = by this day of the next month (default: setting or 10)")
    qual.add_argument("--rule", default=None)
    qual.add_argument("--severity", choices=["error", "warning", "info"], default=None)
    qual.add_argument("--org-unit", default=None)
    qual.add_argument("--json", action="store_true")
    rates = rsub.add_parser("rates", help="show or edit the hourly-rate table (₸/h)")
    rates.add_argument("--set", nargs=3, metavar=("REGION", "YEAR", "RATE"), default=None)
    rates.add_argument("--import", dest="import_csv", default=None, help="CSV to load")
    rates.add_argument("--export", dest="export_csv", default=None, help="CSV to write")
    summ.set_defaults(func=cmd_summary)
    fig.set_defaults(func=cmd_figures)
    qual.set_defaults(func=cmd_quality)
    comp.set_defaults(func=cmd_completeness)
    cov.set_defaults(func=cmd_coverage)
    ques.set_defaults(func=cmd_questionnaire)
    fga.set_defaults(func=cmd_focus_answers)
    rates.set_defaults(func=cmd_rates)
    _register_annual(rsub)


def _register_annual(rsub) -> None:
    ann = rsub.add_parser("annual", help="annual report «Волонтёрство в цифрах» (.docx, .xlsx "
                                         "or .pdf)")
    ann.add_argument("--year", type=int, required=True)
    ann.add_argument("--region", default=None, help="region code, e.g. SHY (default: country)")
    ann.add_argument("-o", "--output", required=True, help="report.docx, .xlsx or .pdf")
    _lang(ann)
    ann.set_defaults(func=cmd_annual)


def cmd_annual(args) -> int:
    from pathlib import Path

    from reports.annual import FORMATS, build_annual, write_report
    from reports.annual.pdf_out import PdfUnavailable
    from reports.completeness import due_day
    from reports.economics import RateTable

    if Path(args.output).suffix.lower() not in FORMATS:
        raise _error(say("cli_annual_extension", _lang_of(args), file=args.output))
    store = _store()
    try:
        args.period = str(args.year)
        _check(args, store)
        report = build_annual(store.list_records(), store.org_units(), args.year,
                              region=args.region, lang=_lang_of(args),
                              rates=RateTable.load(store), due_day=due_day(store))
    finally:
        store.close()
    try:
        out = write_report(report, args.output, renderer=_chart_renderer())
    except PdfUnavailable as exc:
        raise _error(say("cli_pdf_unavailable", _lang_of(args), file=args.output,
                         detail=exc)) from None
    print(say("cli_wrote", _lang_of(args), file=out))
    return 0


def _chart_renderer():
    """None (matplotlib draws: the command line run from source), or in the desktop build,
    which carries no matplotlib, the app's own charts drawn with Qt offscreen."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        from desktop.chart_png import offscreen_renderer
        return offscreen_renderer()
    return None


def _error(message: str):
    from cli.main import CliError

    return CliError(message)


def _store():
    """The data folder's store; a refusal to open it reaches cli.main, which says it in the
    user's language."""
    from store import open_store

    return open_store()


def _check(args, store) -> None:
    from forms.messages import message_text
    from reports.aggregate import PeriodError, parse_period

    try:
        if args.period is not None:
            parse_period(args.period)
    except PeriodError as exc:
        raise _error(message_text(exc.code, _lang_of(args), exc.params)) from None
    day = getattr(args, "due_day", None)
    if day is not None and not 1 <= day <= 28:  # as the stored setting is bounded
        raise _error(say("cli_bad_due_day", _lang_of(args), value=day))
    if args.region:
        from reports.synthetic import REGIONS

        known = {u["region"] for u in store.org_units()} | set(REGIONS)
        if args.region not in known:
            raise _error(message_text("unknown_region", _lang_of(args), {
                "region": args.region, "known": ", ".join(sorted(known))}))


def cmd_template(args) -> int:
    from cli.orgunits_cmd import check_org_unit
    from cli.texts import check_period, check_xlsx_output
    from reports.template import TemplateError, write_template

    check_period(args.period, _lang_of(args))
    check_xlsx_output(args.output, _lang_of(args))
    store = _store()
    try:
        if store.org_units():  # a fresh offline folder knows no units yet: any is taken
            check_org_unit(store, args.org_unit, lang=_lang_of(args))
        out = write_template(store, args.org_unit, args.period, args.output,
                             lang=_lang_of(args))
    except TemplateError as exc:
        raise _error(str(exc)) from None
    finally:
        store.close()
    print(say("cli_wrote", _lang_of(args), file=out))
    return 0


def cmd_summary(args) -> int:
    from cli.texts import check_xlsx_output
    from reports.completeness import due_day
    from reports.economics import RateTable
    from reports.summary import build_summary

    store = _store()
    try:
        _check(args, store)
        check_xlsx_output(args.output, _lang_of(args))
        records = store.list_records(form="monthly_report", order_by="period")
        rosters = None
        if args.include_personal:
            rosters = [r for f in ("focus_group", "seminar") for r in store.list_records(form=f)]
        out = build_summary(records, store.org_units(), args.period, args.output,
                            region=args.region, lang=_lang_of(args),
                            include_personal=args.include_personal, rates=RateTable.load(store),
                            due_day=args.due_day or due_day(store), rosters=rosters)
    finally:
        store.close()
    print(say("cli_wrote", _lang_of(args), file=out))
    return 0


def cmd_figures(args) -> int:
    from reports.aggregate import headline, select

    store = _store()
    try:
        _check(args, store)
        units = {u["id"]: u for u in store.org_units()}
        fig = headline(select(store.list_records(form="monthly_report"), args.period,
                              region=args.region, units=units or None))
    finally:
        store.close()
    print(json.dumps(fig, ensure_ascii=False, sort_keys=True))
    return 0


def cmd_quality(args) -> int:
    from reports.quality_review import distinct_lines, filter_findings, review_store

    store = _store()
    try:
        _check(args, store)
        found = review_store(store, spec=args.period, region=args.region,
                             lang=_lang_of(args))
    finally:
        store.close()
    found = filter_findings(found, rule=args.rule, severity=args.severity,
                            org_unit=args.org_unit)
    if args.json:
        print(json.dumps(found, ensure_ascii=False))
    else:
        found = distinct_lines(found, _lang_of(args))
        for f in found:
            print(f"{say('cli_severity_' + f['severity'], _lang_of(args)):8} {f.get('rule_detail') or f['rule']:12} {f['org_unit']:10} "
                  f"{f['period']} "
                  f"{f['record_id'][:8]}  {f['message']}")
        print(say("cli_findings_total", _lang_of(args), n=len(found)), file=sys.stderr)
    return 0


def cmd_completeness(args) -> int:
    from reports.completeness import completeness, due_day

    store = _store()
    try:
        _check(args, store)
        res = completeness(store.list_records(form="monthly_report"), store.org_units(),
                           args.period, day=args.due_day or due_day(store), region=args.region)
    finally:
        store.close()
    missing = [{"org_unit": unit, "period": period}
               for (unit, period), state in sorted(res["grid"].items()) if state == "missing"]
    print(json.dumps({"total": res["total"], "by_region": res["by_region"],
                      "missing": missing}, ensure_ascii=False))
    return 0


def _form_summary(args, form: str, compute, format_text) -> int:
    """A summary of one form's local records: compute(records, region=, period_spec=, units=)
    printed as JSON (--json) or as text."""
    store = _store()
    try:
        _check(args, store)
        units = {u["id"]: u for u in store.org_units()}
        res = compute(store.list_records(form=form), region=args.region,
                      period_spec=args.period, units=units or None)
    finally:
        store.close()
    if args.json:
        print(json.dumps(res, ensure_ascii=False, sort_keys=True))
    else:
        print(format_text(res, _lang_of(args)))
    return 0


def cmd_coverage(args) -> int:
    from reports.coverage import FORM, coverage, format_text

    return _form_summary(args, FORM, coverage, format_text)


def cmd_questionnaire(args) -> int:
    from reports.questionnaire import FORM, format_text, tally

    return _form_summary(args, FORM, tally, format_text)


def cmd_focus_answers(args) -> int:
    from reports.focus_answers import FORM, focus_answers, format_text

    return _form_summary(args, FORM, focus_answers, format_text)


def _refuse_synced_rates(store, args) -> None:
    """A table that came from the centre is not edited here: the next change there would
    overwrite the edit without a word."""
    from sync.rates import stored_version

    if (args.import_csv or args.set) and stored_version(store) is not None:
        raise _error(say("cli_rates_synced", _lang_of(args)))


def cmd_rates(args) -> int:
    from reports.economics import RateError, RateTable

    store = _store()
    try:
        table = RateTable.load(store)
        _refuse_synced_rates(store, args)
        try:
            if args.import_csv:
                table = RateTable.from_csv(args.import_csv)
            if args.set:
                table.set(args.set[0], int(args.set[1]), args.set[2], "esep report rates")
        except (RateError, ValueError, OSError) as exc:
            raise _error(say("cli_rates_not_changed", _lang_of(args), detail=exc)) from None
        if args.import_csv or args.set:
            table.save(store)
        if args.export_csv:
            table.to_csv(args.export_csv)
    finally:
        store.close()
    print(say("cli_rates_default", _lang_of(args), rate=table.default))
    for row in table.rows():
        print(f"{row['region']:6} {row['year']} " + say("cli_rates_row", _lang_of(args),
                                                         rate=row["rate_kzt"],
                                                         source=row["source"]))
    return 0
