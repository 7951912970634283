"""`esep demo --year 2023`: load the synthetic national year (reports.synthetic_visits) into
the data folder, so that every report can be tried at once."""
from __future__ import annotations

from pathlib import Path

from cli.texts import lang_of, say
from store.settings import DEMO_KEY

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
        _refuse_real_work(store, args)
        store.set_setting(DEMO_KEY, True)  # before any record: nothing of it is ever sent
        store.upsert_org_units([{k: u[k] for k in UNIT_KEYS if k in u} for u in units])
        changed = store.import_records(records, user="demo", reason="esep demo")
    except StoreError as exc:
        raise CliError(error_text(exc, lang_of(args))) from None
    finally:
        store.close()
    print(say("cli_demo_loaded", lang_of(args), n=changed, first=args.year - 2, last=args.year,
              total=len(records)))
    return 0


def _refuse_real_work(store, args) -> None:
    """The demo goes only into a data folder of its own: not into one that holds records of
    its own or is linked to a server (the synthetic figures would mix with real ones)."""
    from cli.main import CliError
    from sync.engine import SERVER_ID_KEY

    if store.get_setting(DEMO_KEY):
        return
    if store.count_records() or store.get_setting(SERVER_ID_KEY) or \
            store.get_setting("server_url"):
        raise CliError(say("cli_demo_not_here", lang_of(args), folder=Path(store.path).parent))
