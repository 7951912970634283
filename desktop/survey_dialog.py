"""SurveyImportDialog: File → Import… on a survey's page — the preview of a survey export
(Google Forms, Yandex, KoBo, a typed sheet) before it is imported, through the engine of
`esep survey import` (desktop/survey_jobs.py): the file's columns matched to the questions,
each with a drop-down to correct it (the file is read again), the columns matched to none,
the responses to add, the saved responses the sheet corrects (updated as the command line
does), the rows not saved and why, the findings; Import or Cancel. The import dialog's
widgets, reading off the GUI thread and progress are the list import's (ImportDialog)."""
from __future__ import annotations

from desktop.import_dialog import ImportDialog
from desktop.import_texts import problem_text
from desktop.survey_jobs import SurveyPlan, SurveySpec, commit_survey_plan, read_survey_plan


def survey_export(form_id: str, path: str) -> bool:
    """The file goes to the survey import: a survey's list or workbook (own_import)."""
    from reports.survey_import import SURVEY_FORMS
    return form_id in SURVEY_FORMS and own_import(form_id, path)


def own_import(form_id: str, path: str) -> bool:
    """The file goes to its form's own import (a survey's, the registry's: reports.io's
    LIST_COMMANDS): a list or workbook (not Esep's own table export, not JSON, which the
    list import reads), or one whose kind cannot be told (that import then says why)."""
    from reports.io import LIST_COMMANDS, form_export
    from reports.readers import FileProblem
    if form_id not in LIST_COMMANDS or str(path).lower().endswith(".json"):
        return False
    try:
        return form_export(form_id, path)
    except (FileProblem, OSError):
        return True


class SurveyImportDialog(ImportDialog):
    """`SurveyImportDialog(ctx, form_id, path)`; `start()` reads the preview."""

    def __init__(self, ctx, form_id: str, path: str, parent=None) -> None:
        super().__init__(ctx, form_id, path, parent)
        self.setObjectName("survey_import_dialog")

    def _lay_out(self) -> None:
        super()._lay_out()
        self.columns.setVisible(True)          # the questions the file's columns answer
        self.header_label.setWordWrap(True)    # how a response is known: a sentence
        self.layout().setStretch(0, 2)

    def _show_counts(self) -> None:
        plan = self.plan if isinstance(self.plan, SurveyPlan) else SurveyPlan()
        texts = [self.tr("To add: %1").replace("%1", str(len(plan.add))),
                 self.tr("To update: %1").replace("%1", str(len(plan.updates))),
                 self.tr("Skipped: %1").replace("%1", str(len(plan.unchanged)
                                                          + len(plan.skipped))),
                 self.tr("Findings: %1").replace("%1", str(len(plan.problems)))]
        for i, text in enumerate(texts):
            self.tabs.setTabText(i, text)

    # -- reading and importing -------------------------------------------------------------
    def spec(self) -> SurveySpec:
        return SurveySpec(self._store_path(), self.form.id, self.path, mapping=self.mapping,
                          lang=self.ctx.lang,
                          user=self.ctx.username or getattr(self.ctx.store, "user", ""))

    def _store_path(self) -> str:
        from desktop.review_models import worker_store_path
        return worker_store_path(self.ctx.store)

    def jobs(self) -> tuple:
        """The workers of the preview and of the import."""
        return read_survey_plan, commit_survey_plan

    def start(self) -> None:
        self._run(self.jobs()[0], self._on_plan)

    def commit(self) -> None:
        """Import: the saving cannot be stopped half-way, so Cancel waits for it."""
        self.committing = True
        self._run(self.jobs()[1], self._on_committed)
        self.cancel_button.setEnabled(False)

    def _on_error(self, exc: BaseException) -> None:
        self.cancel_button.setEnabled(True)
        super()._on_error(exc)

    def _on_plan(self, plan) -> None:
        super()._on_plan(plan)
        if plan is self.plan and not plan.errors and not (plan.add or plan.updates):
            self.status.setText(self.nothing_text())

    def nothing_text(self) -> str:
        return self.tr("Nothing to import: every response of the file was imported before.")

    def unmatched_text(self) -> str:
        return self.tr("Matched to no question (not imported): %1")

    def filled(self) -> set[str]:
        """The required fields the import fills itself (no column needed)."""
        return set()

    def unchanged_text(self) -> str:
        return self.tr("Row %1: imported before and unchanged; not saved again")

    # -- showing the preview ---------------------------------------------------------------
    def _fill(self, plan: SurveyPlan) -> None:
        from desktop.import_columns import choices_of
        self.header_label.setText(self._known_by(plan))
        self.values_label.setText(self.unmatched_text().replace(
            "%1", ", ".join(f"«{h}»" for h in plan.unmatched)) if plan.unmatched else "")
        self.columns.show_columns(plan.columns, choices_of(self.form.fields, self.ctx.lang),
                                  self.filled())
        self._fill_rows(plan)
        self.change_list.clear()
        self.change_list.addItems([line for row, old, new in plan.updates
                                   for line in self._changes(row, old, new)])
        self.skipped_list.clear()
        self.skipped_list.addItems(
            [self.unchanged_text().replace("%1", str(row)) for row in plan.unchanged]
            + [problem_text(p, self.ctx.lang) for p in plan.skipped])
        self.problem_list.clear()
        self.problem_list.addItems([problem_text(p, self.ctx.lang) for p in plan.problems])
        self._show_counts()

    def _known_by(self, plan: SurveyPlan) -> str:
        """How a response is known on a later import (its columns, or its whole row)."""
        from forms.messages import message_text
        if plan.identity is None:
            return ""
        columns = "; ".join(f"«{h}»" for h in plan.identity)
        code = "cli_survey_known_by" if columns else "cli_survey_known_by_row"
        text = message_text(code, self.ctx.lang, {"columns": columns})
        return text[:1].upper() + text[1:]      # the command line's line, said as a sentence

    def _changes(self, row: int, old: dict, new: dict) -> list[str]:
        """«Row 7: question: old → new», one line per answer the sheet corrects."""
        from desktop.record_diff import value_text
        from forms.messages import field_label
        lang, text = self.ctx.lang, self.tr("Row %1: %2: %3 → %4")
        return [text.replace("%1", str(row)).replace("%2", field_label(self.form, k, lang))
                .replace("%3", value_text(old.get(k), (k,), self.form, lang) or "—")
                .replace("%4", value_text(new.get(k), (k,), self.form, lang) or "—")
                for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k)]

    def _fill_rows(self, plan: SurveyPlan) -> None:
        """The responses to add: their row in the sheet and answers (the region's among them)."""
        from desktop.review_models import DictTableModel
        answers = [c for c in self._figure_columns(plan.add) if c[0] != "_row"]
        model = DictTableModel([("_row", self.tr("Row")), *answers], self.add_view)
        model.set_rows(self._shown(plan.add))
        self.add_view.setModel(model)
        self.add_view.resizeColumnsToContents()
