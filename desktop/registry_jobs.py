"""Registry import work without widgets (File → Import… on the registry's page): the same
engine as `esep registry import` (reports.registry_import.import_registry), run by a task
(desktop/tasks.py) on its own SQLite connection — a dry run for the preview, then the real
import, which saves the new entries and gives the existing ones the file's other spellings
as the command line does. The preview is a survey import's (desktop/survey_jobs.SurveyPlan):
the entries to add, the entries updated (row, old data, new data), the rows of entries
already in the registry as the file has them, the findings."""
from __future__ import annotations

from desktop.import_jobs import ImportRefused
from desktop.survey_jobs import SurveyPlan, SurveySpec, plan_of, run_plan


def read_registry_plan(spec: SurveySpec, *, progress=None, cancelled=None) -> SurveyPlan:
    """Worker: the preview (nothing is written)."""
    return _run(spec, dry_run=True, cancelled=cancelled)


def commit_registry_plan(spec: SurveySpec, *, progress=None, cancelled=None) -> SurveyPlan:
    """Worker: read the list again and import it in one transaction."""
    return _run(spec, dry_run=False, cancelled=cancelled)


def _run(spec: SurveySpec, *, dry_run: bool, cancelled) -> SurveyPlan:
    from reports.registry import RegistryError
    from reports.registry_import import import_registry

    def engine(store):
        try:
            result, new, updates = import_registry(
                store, spec.file, user=spec.user or store.user, mapping=spec.mapping,
                lang=spec.lang, dry_run=dry_run)
        except RegistryError as exc:      # two BINs for one name: the list says two things
            raise ImportRefused(str(exc)) from None
        return result, lambda: _plan(store, result, new, updates, spec.mapping)
    return run_plan(spec, engine, dry_run=dry_run, cancelled=cancelled)


def _plan(store, result, new: list[dict], updates: dict[str, dict],
          mapping: dict | None) -> SurveyPlan:
    """The reading as the preview shows it: each updated entry under the last row of the
    file merged into it (its finding names the entry)."""
    plan = plan_of(result, mapping)
    plan.add = [{"_row": r["_row"], "org_unit": r["org_unit"], "period": r["period"],
                 **r["data"]} for r in new]
    plan.updates = []
    rows = {p["entry"]: p["row"] for p in result.problems if p.get("entry")}
    for rid, data in updates.items():
        old = store.get_record(rid)
        plan.updates.append((rows.get(rid, 0), old["data"] if old else {}, data))
    plan.updates.sort(key=lambda u: u[0])
    return plan
