"""RegistryImportDialog: File → Import… on the registry's page — the preview of a list of
organizations (a ministry's list, a district's own table: «Наименование», «БИН», «Регион» …)
before it is imported, through the engine of `esep registry import` (desktop/registry_jobs.py):
the file's columns matched to the registry's fields, each with a drop-down to correct it, the
entries to add, the existing entries the list gives another spelling (or a blank filled), the
rows of entries already in the registry as the list has them, the findings (a БИН with a
wrong check digit, the repeats merged); Import or Cancel. The survey import's window
(SurveyImportDialog) with the registry's engine and words."""
from __future__ import annotations

from desktop.import_dialog import ImportDialog
from desktop.registry_jobs import commit_registry_plan, read_registry_plan
from desktop.survey_dialog import SurveyImportDialog, own_import


def dialog_for(form_id: str, path: str) -> type[ImportDialog]:
    """The import window for this file on this form's page: a list of organizations on the
    registry's page, a survey's export on a survey's page (each read by its own import, as
    the command line's `esep registry import` / `esep survey import`), else the list import."""
    from reports.registry import FORM
    if not own_import(form_id, path):
        return ImportDialog
    return RegistryImportDialog if form_id == FORM else SurveyImportDialog


class RegistryImportDialog(SurveyImportDialog):
    """`RegistryImportDialog(ctx, "organization", path)`; `start()` reads the preview."""

    def __init__(self, ctx, form_id: str, path: str, parent=None) -> None:
        super().__init__(ctx, form_id, path, parent)
        self.setObjectName("registry_import_dialog")

    def jobs(self) -> tuple:
        return read_registry_plan, commit_registry_plan

    def nothing_text(self) -> str:
        return self.tr("Nothing to import: every organization of the list is in the registry "
                       "already.")

    def filled(self) -> set[str]:
        from reports.registry_import import FILLED
        return set(FILLED)

    def unmatched_text(self) -> str:
        return self.tr("Matched to no field of the registry (not imported): %1")

    def unchanged_text(self) -> str:
        return self.tr("Row %1: in the registry already, as the list has it; not saved again")
