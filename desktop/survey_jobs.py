"""Survey import work without widgets (File → Import… on a survey's page): the same engine as
`esep survey import` (reports.survey_import.import_survey), run by a task (desktop/tasks.py)
on its own SQLite connection — a dry run for the preview, then the real import, which saves
the new responses and updates the ones corrected in the sheet as the command line does."""
from __future__ import annotations

from dataclasses import dataclass, field

from desktop.import_jobs import ImportRefused
from desktop.review_models import open_worker_store

# the findings on a row that is not saved (a form sent twice, a repeated submission)
SKIP_CODES = ("survey_same_row", "survey_repeat_submission", "survey_same_submission")


@dataclass
class SurveySpec:
    """What to import: the export, its survey form and the person's corrections of the
    matching (column header text or 1-based number -> field id, None to skip the column)."""
    db_path: str
    form_id: str
    file: str
    mapping: dict | None = None
    lang: str = "ru"
    user: str = ""


@dataclass
class SurveyPlan:
    """The preview the dialog shows (and, after a commit, what was imported)."""
    kind: str = "survey"
    columns: list = field(default_factory=list)      # reports.intake.Column, one a header
    unmatched: list[str] = field(default_factory=list)    # headers matched to no question
    identity: list[str] | None = None   # the headers a response is known by (None: none)
    add: list[dict] = field(default_factory=list)         # {"_row", org_unit, period, data…}
    updates: list[tuple[int, dict, dict]] = field(default_factory=list)  # row, old, new data
    unchanged: list[int] = field(default_factory=list)    # rows imported before, as saved
    problems: list[dict] = field(default_factory=list)
    mapping: dict | None = None
    remembered: bool = False                 # (the list import's memory: not for surveys)
    sheet: str | None = None                 # the import window's Sheet box: not for surveys
    sheets: list[tuple[str, bool]] = field(default_factory=list)  # (the first visible is read)
    every_sheet: bool = False
    committed: bool = False

    @property
    def errors(self) -> list[dict]:
        return [p for p in self.problems if p.get("severity", "error") == "error"]

    @property
    def change(self) -> list[int]:
        """The rows whose saved response the import updates."""
        return [row for row, _old, _new in self.updates]

    @property
    def skipped(self) -> list[dict]:
        """The findings on rows not saved: a repeat of another row."""
        return [p for p in self.problems if p.get("code") in SKIP_CODES]


def read_survey_plan(spec: SurveySpec, *, progress=None, cancelled=None) -> SurveyPlan:
    """Worker: the preview (nothing is written)."""
    return _run(spec, dry_run=True, cancelled=cancelled)


def commit_survey_plan(spec: SurveySpec, *, progress=None, cancelled=None) -> SurveyPlan:
    """Worker: read the export again and import it in one transaction."""
    return _run(spec, dry_run=False, cancelled=cancelled)


def _run(spec: SurveySpec, *, dry_run: bool, cancelled) -> SurveyPlan:
    from reports.survey_import import import_survey

    def engine(store):
        result = import_survey(store, spec.form_id, spec.file, user=spec.user or store.user,
                               mapping=spec.mapping, lang=spec.lang, dry_run=dry_run)
        return result, lambda: plan_of(result, spec.mapping)
    return run_plan(spec, engine, dry_run=dry_run, cancelled=cancelled)


def run_plan(spec, engine, *, dry_run: bool, cancelled) -> SurveyPlan:
    """`engine(store)` -> (the engine's result, its preview's maker), on the worker's own
    connection to the store: a cancelled preview stops, a file the readers refuse and an
    import the store no longer takes (it changed since the preview) are ImportRefused."""
    from reports.intake import ImportCancelled
    from reports.readers import FileProblem
    store = open_worker_store(spec.db_path)
    try:
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        try:
            result, plan = engine(store)
        except FileProblem as exc:
            raise ImportRefused(exc.text(spec.lang), code=exc.code) from None
        if dry_run and cancelled is not None and cancelled():
            raise ImportCancelled()             # the preview nobody waits for any more
        if not dry_run and not result.committed:    # the store changed since the preview
            errors = [p for p in result.problems if p["severity"] == "error"]
            raise ImportRefused(errors[0]["message"] if errors else "", result.problems)
        return plan()
    finally:
        store.close()


def plan_of(result, mapping: dict | None) -> SurveyPlan:
    """The preview of a reports.survey_import.SurveyImport."""
    from reports.intake import Column
    columns = [Column(i, h, result.columns.get(i), "sure" if i in result.columns else "none")
               for i, h in enumerate(result.headers) if h]
    plan = SurveyPlan(columns=columns, unmatched=result.unmatched(), identity=result.identity,
                      unchanged=list(result.unchanged), problems=list(result.problems),
                      mapping=mapping, committed=result.committed)
    for rec in result.records:
        if rec.get("_old") is None:
            plan.add.append({"_row": rec["_row"], "org_unit": rec["org_unit"],
                             "period": rec["period"], **rec["data"]})
        else:
            plan.updates.append((rec["_row"], rec["_old"]["data"], rec["data"]))
    return plan
