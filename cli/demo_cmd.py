"""`esep demo --year 2023`: load the synthetic national year (reports.synthetic_visits) into
the data folder, so that every report can be tried at once."""
from __future__ import annotations

from cli.texts import lang_of, say

UNIT_KEYS = ("id", "kind", "region", "name_ru", "name_kk", "name_en")


def register(sub) -> None:
    demo = sub.add_parser("demo", help="load a synthetic national year (monthly reports of "
                                       "three years, events, visits, hotline) for trying "
                                       "the reports")
    demo.add_argument("--year", type=int, default=2023)
    demo.add_argument("--events", type=int, default=3_000, help="event records (default 3000)")
    demo.set_defaults(func=cmd_demo)


def cmd_demo(args) -> int:
    from cli.main import CliError
    from reports.synthetic_visits import synthetic_national
    from store import StoreError, error_text, open_store

    records, units = synthetic_national(args.year, events=args.events)
    try:
        store = open_store(user="demo")
    except StoreError as exc:
        raise CliError(error_text(exc, lang_of(args))) from None
    try:
        store.upsert_org_units([{k: u[k] for k in UNIT_KEYS if k in u} for u in units])
        changed = store.import_records(records, user="demo", reason="esep demo")
    except StoreError as exc:
        raise CliError(error_text(exc, lang_of(args))) from None
    finally:
        store.close()
    print(say("cli_demo_loaded", lang_of(args), n=changed, first=args.year - 2, last=args.year,
              total=len(records)))
    return 0
