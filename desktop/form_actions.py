"""FormEditorActions: loading, validating, saving, submitting and autosaving (FormEditor mixin)."""
from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from desktop import autosave
from desktop.editor_rights import actions_for, refusal_text
from desktop.findings_panel import cell_marks, field_of
from forms.lifecycle import Status, blocking
from forms.periods import period_from_text

# how a user leaves a field (Enter moves on as Tab does)
USER_MOVES = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
              Qt.FocusReason.MouseFocusReason, Qt.FocusReason.ShortcutFocusReason)


class FormEditorActions:
    """Expects the attributes FormEditor builds (inputs, panel, buttons, timers, ctx, form)."""

    # -- record <-> widgets ---------------------------------------------------------------
    def load(self, record: dict) -> None:
        self.record = copy.deepcopy(record)
        data = record.get("data") or {}
        for fid, widget in self.inputs.items():
            widget.blockSignals(True)
            widget.set_value(data.get(fid))
            widget.blockSignals(False)
        self.period_edit.setText(record.get("period") or "")
        self.org_combo.blockSignals(True)
        self.org_combo.setCurrentIndex(-1)  # the record's unit, not the one shown before
        self.org_combo.blockSignals(False)
        self._fill_org_units()
        self.comment.blockSignals(True)
        self.comment.setPlainText(record.get("justification") or "")
        self.comment.blockSignals(False)
        self._apply_rights()
        self.dirty = False
        self.history.update(self.current_record())
        self._show_status()
        self.validate()

    def current_record(self) -> dict:
        rec = copy.deepcopy(self.record)
        data = {}
        for fid, widget in self.inputs.items():
            value = widget.value()
            if value not in (None, "", [], {}):
                data[fid] = value
        rec["data"] = data
        rec["org_unit"] = self.org_combo.currentData() or rec.get("org_unit") or ""
        rec["justification"] = self.comment.toPlainText().strip() or None
        rec["period"] = self._period(rec)
        return rec

    def _period(self, rec: dict) -> str:
        if self.form.date_field:
            try:
                from forms import record_period
                return record_period(self.form, rec) or ""
            except Exception:  # noqa: BLE001 - no valid date yet
                return rec.get("period") or ""
        return period_from_text(self.period_edit.text()) or ""

    def _apply_rights(self) -> None:
        """Ask the lifecycle core what this user may do to this record (editor_rights): the
        inputs and Save follow its "save", Submit its "submit" (`_update_buttons`)."""
        self.actions = actions_for(self.ctx, self.form, self.record)
        refusal = self.actions["save"]
        self.correcting = False
        for widget in self.inputs.values():
            widget.setEnabled(refusal is None)
        for w in (self.org_combo, self.period_edit, self.comment, self.save_button):
            w.setEnabled(refusal is None)
        self.save_button.setToolTip(refusal_text(refusal, self.record.get("status")))
        self._show_correct_button()

    def refused(self, action: str) -> str:
        """Why the core refuses `action` ("save" / "submit") here, in words ("": allowed)."""
        return refusal_text(self.actions[action], self.record.get("status"))

    # -- change tracking and validation ----------------------------------------------------
    def _changed(self) -> None:
        self.dirty = True
        self._validate_timer.start()

    def _header_changed(self, *_args) -> None:
        self._changed()
        self.history.update(self.current_record())

    def validate_now(self) -> list:
        """Validate at once, the pending one dropped: it would repaint the message line after
        a message said with the result (Fill from events' «Filled from 3 events» was gone)."""
        self._validate_timer.stop()
        return self.validate()

    def validate(self) -> list:
        from forms import validate_record
        rec = self.current_record()
        try:
            self.findings = validate_record(self.form, rec, history=self.history.records)
        except Exception as exc:  # noqa: BLE001 - show, never crash the editor
            self.findings = []
            self.message.setText(str(exc))
        self._paint_findings()
        self._update_buttons()
        return self.findings

    def shown_findings(self) -> list:
        """The findings on screen: on fields the user has left, all after Submit."""
        if self.show_all:
            return list(self.findings)
        return [f for f in self.findings
                if any(field_of(p) in self.touched for p in f.fields or [])]

    def _left_field(self, obj) -> None:
        fid = self._owner.get(obj)
        if fid is not None and fid not in self.touched:
            self.touched.add(fid)
            self._paint_findings()
            self._update_buttons()  # the hint counts the errors not shown yet

    def reveal_findings(self) -> None:
        self.show_all = True
        self._paint_findings()
        self._update_buttons()

    def _paint_findings(self) -> None:
        from desktop.findings_panel import ORDER, finding_text, with_labels
        self.findings = without_shadowed_period(self.findings, self.form)
        shown = self.shown_findings()
        worst: dict[str, object] = {}
        for f in shown:
            for path in f.fields or []:
                fid = field_of(path)
                if fid not in worst or ORDER[f.severity] < ORDER[worst[fid].severity]:
                    worst[fid] = f
        labels = self.field_labels()
        cells = cell_marks(shown, lambda f: with_labels(
            finding_text(f, self.ctx.lang, self.form), labels))
        for fid, widget in self.inputs.items():
            f = worst.get(fid)
            widget.set_severity(f.severity if f else None,
                                with_labels(finding_text(f, self.ctx.lang, self.form), labels)
                               if f else "")
            widget.set_cell_findings(cells.get(fid, {}))
        self.panel.set_findings(shown, self.ctx.lang, labels, form=self.form)

    def field_labels(self) -> dict:
        lang = self.ctx.lang
        out = {}
        for f in self.form.fields:
            out[f.id] = f.label.get(lang) or f.id
            out.update({f"{f.id}.{c.id}": c.label.get(lang) or c.id for c in f.columns})
        return out

    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def has_warnings(self) -> bool:
        return any(f.severity == "warning" for f in self.findings)

    def _update_buttons(self) -> None:
        """Submit is enabled exactly when the core's `blocking` leaves nothing (the store
        and the server decide with the same function)."""
        refusal = self.refused("submit")
        blocked = blocking(self.findings, self.comment.toPlainText())
        needs_comment = bool(blocked) and not self.has_errors()
        self.submit_button.setEnabled(not refusal and not blocked)
        if refusal and not self.correcting:
            hint = refusal
        elif self.has_errors():
            hint = QCoreApplication.translate("FormEditor", "Fix the errors to submit.")
            hidden = self._hidden_errors()
            if hidden:  # a new form shows no errors yet: say they exist and how to reach them
                hint += " " + QCoreApplication.translate(
                    "FormEditor", "Not shown yet: %1; F8 goes to the next one.").replace(
                    "%1", str(hidden))
        elif needs_comment:
            hint = QCoreApplication.translate("FormEditor",
                                              "Warnings need a comment before you submit.")
        else:
            hint = self.correction_hint() if self.correcting else ""
        self.submit_button.setToolTip(hint)
        self.message.setText(hint)

    def _hidden_errors(self) -> int:
        """Errors on fields the user has not reached yet (not in the panel until Submit)."""
        shown = {id(f) for f in self.shown_findings()}
        return sum(1 for f in self.findings if f.severity == "error" and id(f) not in shown)

    def focus_field(self, fid: str) -> None:
        widget = self.inputs.get(fid)
        if widget is not None:
            self.scroll.ensureWidgetVisible(widget)
            self.scroll.horizontalScrollBar().setValue(0)
            widget.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)

    def next_finding(self) -> str | None:
        """F8: jump to the field of the next finding (errors first); returns its field id."""
        from desktop.findings_panel import ORDER
        ordered = sorted(self.findings, key=lambda f: ORDER.get(f.severity, 3))
        fids = [field_of(p) for f in ordered for p in f.fields[:1]]
        fids = [fid for fid in fids if fid in self.inputs]
        if not fids:
            return None
        current = next((fid for fid, w in self.inputs.items()
                        if w.isAncestorOf(self.focusWidget() or self)), None)
        later = fids[(fids.index(current) + 1) % len(fids)] if current in fids else fids[0]
        self.focus_field(later)
        return later

    def eventFilter(self, obj, event) -> bool:
        """Enter / Return in a single-line input moves to the next field, like Tab;
        F8 jumps to the next finding; leaving a field shows its findings."""
        if event.type() == QEvent.Type.FocusOut and event.reason() in USER_MOVES:
            self._left_field(obj)  # left by the user (not by a popup, a window, the app)
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_F8:
            self.next_finding()
            return True
        if event.type() == QEvent.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                isinstance(obj, (QLineEdit, QComboBox)) and \
                not (isinstance(obj, QComboBox) and obj.view().isVisible()):
            self.focusNextChild()
            return True
        return super().eventFilter(obj, event)

    # -- saving ---------------------------------------------------------------------------
    def save_draft(self) -> dict | None:
        if self.refused("save"):  # Ctrl+S and the menu's Save reach here past the button
            self.message.setText(self.refused("save"))
            return None
        rec = self.current_record()
        try:
            saved = self.ctx.store.save_record(rec, user=self.ctx.username, role=self.ctx.role)
        except Exception as exc:  # noqa: BLE001 - StoreError and friends: say why, keep input
            text = QCoreApplication.translate("FormEditor", "Not saved: %1")
            self.message.setText(text.replace("%1", str(exc)))
            return None
        return self._after_save(saved, QCoreApplication.translate("FormEditor", "Draft saved."))

    def _after_save(self, saved: dict, text: str) -> dict:
        autosave.clear_autosave(self.ctx.store, self.form.id, saved["id"])
        self.record, self.dirty = saved, False
        self.banner.hide()
        self._show_status()
        self._apply_rights()
        self.validate()
        self.message.setText(text)
        self.ctx.signals.sig_records_changed.emit(self.form.id)
        self.sig_saved.emit(saved)
        return saved

    def describe(self) -> str:
        """«Form title» (period, org unit): how questions name this record."""
        lang = self.ctx.lang
        rec = self.current_record()
        from desktop.dates_text import period_text
        period = period_text(rec["period"], lang) if rec.get("period") else ""
        where = ", ".join(x for x in (period, self.org_combo.currentText()) if x)
        title = f"«{self.form.title.get(lang) or self.form.id}»"
        return f"{title} ({where})" if where else title

    def request_submit(self) -> dict | None:
        """Submit button and Ctrl+Enter: submit after the user confirms."""
        from desktop.confirm import ask_submit
        self.validate()
        self.reveal_findings()
        if not self.submit_button.isEnabled() or not ask_submit(self, self.describe()):
            return None
        return self.submit()

    def confirm_leave(self) -> bool:
        """Before the record leaves the screen: unsaved edits are saved, discarded, or the
        user stays (False). A hidden editor (a window closed unseen) keeps them as autosave."""
        if not self.dirty or self.refused("save") or not self.window().isVisible():
            return True
        from desktop.confirm import ask_unsaved
        answer = ask_unsaved(self, self.describe())
        if answer == "save":
            return self.save_draft() is not None
        if answer == "discard":
            autosave.clear_autosave(self.ctx.store, self.form.id, self.record["id"])
            self.dirty = False
        return answer == "discard"

    def submit(self) -> dict | None:
        """Submit now (no question: request_submit asks first)."""
        self.validate()
        if not self.submit_button.isEnabled():
            return None
        if self.save_draft() is None:
            return None
        from store import SubmitBlocked
        try:
            rec, _findings = self.ctx.store.submit_record(
                self.record["id"], user=self.ctx.username, role=self.ctx.role,
                justification=self.comment.toPlainText().strip() or None)
        except SubmitBlocked as exc:
            self.findings = list(getattr(exc, "findings", []) or [])
            self._paint_findings()
            self.message.setText(QCoreApplication.translate(
                "FormEditor", "Submission blocked: see the findings."))
            return None
        except Exception as exc:  # noqa: BLE001
            text = QCoreApplication.translate("FormEditor", "Not submitted: %1")
            self.message.setText(text.replace("%1", str(exc)))
            return None
        title = f"«{self.form.title.get(self.ctx.lang) or self.form.id}»"
        return self._after_save(rec, QCoreApplication.translate(
            "FormEditor", "Submitted: %1.").replace("%1", title))

    def autosave_now(self) -> bool:
        if not self.dirty or self.ctx.store.closed:   # the app is closing: nothing to keep
            return False
        autosave.write_autosave(self.ctx.store, self.current_record())
        return True

    def _offer_autosave(self) -> None:
        entry = autosave.read_autosave(self.ctx.store, self.form.id, self.record["id"])
        stored_at = self.record.get("updated_at") or ""
        if entry and entry["saved_at"] >= stored_at:
            self.banner.offer(entry)

    def _restore_autosave(self, entry: dict) -> None:
        restored = dict(entry["record"])
        restored["status"] = self.record.get("status", Status.DRAFT.value)
        self.load(restored)
        self.dirty = True

    def close_editor(self) -> bool:
        """Close: unsaved edits are saved or discarded after a question (False: stay)."""
        if not self.confirm_leave():
            return False
        self.autosave_now()
        self._autosave_timer.stop()
        self.sig_closed.emit()
        return True

    def closeEvent(self, event) -> None:
        self.autosave_now()
        super().closeEvent(event)


def without_shadowed_period(findings: list, form) -> list:
    """Drop the derived-period finding when the date field it derives from has its own
    finding (an empty date also makes the period wrong: say it once, at the date)."""
    date_field = getattr(form, "date_field", None)
    if not date_field or not any(
            f.rule != "period" and date_field in {field_of(p) for p in f.fields or []}
            for f in findings):
        return findings
    return [f for f in findings if not (f.rule == "period" and "period" in (f.fields or []))]
