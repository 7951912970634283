"""Import of an organization list (.xlsx / .csv) into the registry (issue 16).

The columns are matched like a survey export's (reports.survey_import: the organization
form's labels and the usual list headers «Наименование», «БИН», «ОПФ», «Регион»); a БИН with a
wrong check digit is an error naming the row and the column. Each row is then looked up among
the existing entries and the rows above it (reports.registry.find_duplicate: by БИН, else by
the normalised name in the region): a repeat is merged into that entry, its spelling kept as
an alias, and reported; a row of an entry already in the registry that adds nothing to it
(the same list imported again) is left as saved (`unchanged`). With any error nothing is
saved.
"""
from __future__ import annotations

from forms import message_text
from forms.orgnames import org_key
from forms.periods import current_period
from reports.registry import FORM, Entry, entries, find_duplicate, merged_data, names_of
from reports.survey_import import SurveyImport, check_before_saving, read_survey

FILLED = {"org_type"}    # the status: set by plan() from the БИН or the legal form
REQUIRED = {"name_ru", "region"}    # the form's required fields but FILLED


def _dup_problem(rec: dict, entry: Entry, how: str, lang: str) -> dict:
    code = "registry_duplicate_bin" if how == "bin" else "registry_duplicate_name"
    params = {"row": rec["_row"], "name": rec["data"].get("name_ru") or "",
              "match": entry.name, "bin": entry.bin or ""}
    return {"row": rec["_row"], "column": None, "code": code, "severity": "warning",
            "message": message_text(code, lang, params), "entry": entry.id}


def plan(store, result: SurveyImport, lang: str) -> tuple[list[dict], dict[str, dict]]:
    """(new records, existing id -> merged data): every row new, merged into an entry, or
    (its row in `result.unchanged`) an entry's as saved."""
    existing = {r["id"]: r for r in store.list_records(form=FORM)}
    pool = entries(list(existing.values()))
    new: dict[str, dict] = {}
    updates: dict[str, dict] = {}
    for rec in result.records:
        data = rec["data"]
        registered = data.get("bin") or data.get("legal_form")   # ОФ, ОО …: a legal entity
        data.setdefault("org_type", "REGISTERED" if registered else "INITIATIVE_GROUP")
        hit = find_duplicate(data, pool)
        if hit is None:
            rec.update(period=current_period(), org_unit=data.get("region") or "")
            new[rec["id"]] = rec
            pool.append(Entry(rec["id"], data.get("region") or "", data,
                              {k for k in map(org_key, names_of(data)) if k}))
            continue
        entry, how = hit
        target = new[entry.id]["data"] if entry.id in new else updates.get(
            entry.id, existing[entry.id]["data"])
        merged = merged_data(target, data)
        if merged == target and entry.id not in new:    # listed before, nothing new
            result.unchanged.append(rec["_row"])
            continue
        result.problems.append(_dup_problem(rec, entry, how, lang))
        entry.data = merged
        entry.keys |= {k for k in map(org_key, names_of(merged)) if k}
        if entry.id in new:
            new[entry.id]["data"] = merged
        else:
            updates[entry.id] = merged
    return list(new.values()), updates


def import_registry(store, path, *, user: str, mapping: dict | None = None,
                    sheet: str | None = None, lang: str = "ru",
                    dry_run: bool = False) -> tuple[SurveyImport, list[dict], dict]:
    """Read, de-duplicate and (with no error, unless `dry_run`) save an organization list.
    Returns the reading (problems: errors and the duplicates found), the new records and the
    merged data of existing entries."""
    result = read_survey(path, FORM, mapping=mapping, sheet=sheet, lang=lang,
                         required=REQUIRED)
    if result.errors:
        return result, [], {}
    new, updates = plan(store, result, lang)
    if not check_before_saving(store, result, new, lang) or dry_run:
        return result, new, updates
    with store.transaction():
        for rec in new:
            store.save_record({k: v for k, v in rec.items() if k != "_row"}, user=user)
        for rid, data in updates.items():
            store.save_record(dict(store.get_record(rid), data=data), user=user,
                              reason="registry import: another spelling")
    result.committed = True
    return result, new, updates
