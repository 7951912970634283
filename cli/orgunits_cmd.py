"""`esep orgunits list|add|import|map`: the org units a list may be filed under.

An org unit is a region of the reference data, a unit from the server (synced into the
store), or a local unit made here (`add`, `import FILE.csv` with columns id, region, name_ru
[, name_kk, name_en]). `map LOCAL SERVER` re-homes a local unit's records onto the server's
unit once its list has arrived (asks first unless --yes). `check_org_unit` is the one check
`esep import --org-unit` makes.
"""
from __future__ import annotations

import sys
from pathlib import Path

from cli.texts import lang_of, say


def _error(message: str):
    from cli.main import CliError

    return CliError(message)


def _regions() -> dict[str, str]:
    from forms.reference import get_enum

    return {item.code: item.labels.get("ru") or item.code for item in get_enum("regions").items}


def known_units(store) -> dict[str, str]:
    """id -> name of every unit a list may use: regions, server units, local units."""
    out = _regions()
    out.update({u["id"]: u["name_ru"] for u in store.org_units() if u.get("active", 1)})
    return out


def nearest_units(known: dict[str, str], unit: str) -> str:
    """Up to five of `known` (id -> name) that look like the typed `unit`, best first."""
    from rapidfuzz import fuzz

    scores: dict[str, float] = {}
    for uid, name in known.items():
        score = max(fuzz.ratio(unit.casefold(), uid.casefold()),
                    fuzz.WRatio(unit.casefold(), name.casefold()))
        if score >= 60:
            scores[f"{uid} ({name})"] = score
    return "; ".join(sorted(scores, key=scores.get, reverse=True)[:5])


def check_org_unit(store, unit: str, *, lang: str = "ru") -> None:
    known = known_units(store)
    if unit in known:
        return
    names = nearest_units(known, unit)
    lines = [say("cli_unit_unknown", lang, unit=unit)]
    if names:
        lines.append(say("cli_unit_nearest", lang, names=names))
    lines.append(say("cli_unit_hint", lang))
    raise _error("\n  ".join(lines))


def register(sub) -> None:
    p = sub.add_parser("orgunits", help="org units: list, add or import local ones, map")
    s = p.add_subparsers(dest="orgunits_command", required=True)
    lst = s.add_parser("list", help="regions, server units and local units")
    lst.set_defaults(func=cmd_list)
    add = s.add_parser("add", help="make a local org unit")
    add.add_argument("id")
    add.add_argument("--region", required=True, help="region code (e.g. SHY)")
    add.add_argument("--name-ru", required=True)
    add.add_argument("--name-kk", default=None)
    add.add_argument("--name-en", default=None)
    add.set_defaults(func=cmd_add)
    imp = s.add_parser("import", help="local org units from a CSV (id, region, name_ru, ...)")
    imp.add_argument("file")
    imp.set_defaults(func=cmd_import)
    mp = s.add_parser("map", help="re-home a local unit's records onto the server's unit")
    mp.add_argument("local")
    mp.add_argument("server")
    mp.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    mp.set_defaults(func=cmd_map)


def _store():
    from cli.records import _open_store

    return _open_store()


def cmd_list(args) -> int:
    from store.orgunits import local_ids

    store = _store()
    try:
        local = set(local_ids(store))
        units = [u for u in store.org_units() if u.get("active", 1)]
        lang = lang_of(args)
        for u in units:
            tag = say("cli_unit_tag_local" if u["id"] in local else "cli_unit_tag_server", lang)
            name = u.get(f"name_{lang}") or u["name_ru"]
            print(f"{u['id']:20} {u['region']:5} {tag:7} {name}")
    finally:
        store.close()
    if not units:
        print(say("cli_units_list_empty", lang, regions=", ".join(sorted(_regions()))))
    return 0


def _valid_unit(unit: dict, where: str, lang: str) -> dict:
    unit = dict(unit, region=(unit.get("region") or "").strip().upper() or None)  # «shy»
    if unit.get("region") not in _regions():
        raise _error(say("cli_unit_bad_region", lang, where=where,
                         region=unit.get("region") or "", allowed=", ".join(sorted(_regions()))))
    if not (unit.get("id") or "").strip() or not (unit.get("name_ru") or "").strip():
        raise _error(say("cli_unit_id_name_required", lang, where=where))
    return {k: (v.strip() if isinstance(v, str) else v) or None for k, v in unit.items()}


def _add(units: list[dict], lang: str) -> int:
    from store import StoreError, error_text
    from store.orgunits import add_local_units

    store = _store()
    try:
        ids = add_local_units(store, units)
    except StoreError as exc:
        raise _error(error_text(exc, lang)) from None
    finally:
        store.close()
    print(say("cli_units_saved", lang, n=len(ids), ids=", ".join(ids)))
    return 0


def cmd_add(args) -> int:
    unit = _valid_unit({"id": args.id, "region": args.region, "name_ru": args.name_ru,
                        "name_kk": args.name_kk, "name_en": args.name_en}, "orgunits add",
                       lang_of(args))
    return _add([unit], lang_of(args))


def cmd_import(args) -> int:
    path, lang = Path(args.file), lang_of(args)
    keys = ("id", "region", "name_ru", "name_kk", "name_en")
    rows = _csv_rows(path, lang)
    header = [str(c or "").strip() for c in rows[0]] if rows else []
    units = [_valid_unit({k: dict(zip(header, row)).get(k) for k in keys},
                         say("cli_unit_line", lang, file=path.name, line=n), lang)
             for n, row in enumerate(rows[1:], start=2) if any(row)]
    if not units:
        raise _error(say("cli_units_none", lang, file=path.name))
    return _add(units, lang)


def _csv_rows(path: Path, lang: str) -> list[tuple]:
    """The CSV's rows as the list import reads them: UTF-8 or cp1251 (Excel's «CSV» on a
    Russian Windows), «,» «;» or tabs; an unreadable file is said in `lang`."""
    from reports.readers import FileProblem
    from reports.readers_csv import csv_rows

    try:
        return list(csv_rows(path))
    except FileProblem as exc:
        if exc.code == "file_empty":
            return []
        raise _error(exc.text(lang)) from None


def cmd_map(args) -> int:
    from store import StoreError, error_text
    from store.orgunits import map_local_unit, records_of

    store = _store()
    try:
        n, lang = len(records_of(store, args.local)), lang_of(args)
        if not args.yes:
            answer = input(say("cli_units_map_ask", lang, n=n, local=args.local,
                               server=args.server))
            if answer.strip().lower() not in ("y", "yes", "д", "да", "и", "иә"):
                print(say("cli_nothing_changed", lang), file=sys.stderr)
                return 1
        out = map_local_unit(store, args.local, args.server, user=store.user)
    except StoreError as exc:
        raise _error(error_text(exc, lang_of(args))) from None
    finally:
        store.close()
    print(say("cli_units_moved", lang, n=len(out["moved"]), local=args.local,
              server=args.server))
    if out["kept"]:
        print(say("cli_units_kept", lang, n=len(out["kept"]), local=args.local,
                  ids=", ".join(out["kept"])))
    return 0
