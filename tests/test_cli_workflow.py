"""`esep list / show / submit / review` on the local store, through the real CLI entry point."""
from __future__ import annotations

import json
import uuid

from test_forms_samples import monthly_data

from main import main


def _import_two_identical_months(tmp_path, capsys):
    recs = [{"id": str(uuid.uuid4()), "form": "monthly_report", "form_version": 1,
             "org_unit": "SHY-ABAY", "period": p, "status": "draft", "data": monthly_data()}
            for p in ("2024-01", "2024-02")]
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"form": "monthly_report", "records": recs}, ensure_ascii=False))
    assert main(["import", "monthly_report", str(path)]) == 0
    capsys.readouterr()
    return recs[0]["id"], recs[1]["id"]


def _statuses(capsys):
    assert main(["list", "monthly_report", "--json"]) == 0
    return {r["id"]: r for r in json.loads(capsys.readouterr().out)}


def test_submit_needs_justification_for_warnings_and_review_needs_comment(data_dir, tmp_path,
                                                                           capsys):
    jan, feb = _import_two_identical_months(tmp_path, capsys)
    assert main(["submit", jan]) == 0
    # February repeats January exactly: VR-01 warning blocks until explained, in Russian.
    assert main(["submit", feb]) == 1
    err = capsys.readouterr().err
    assert "VR-01" in err and "поясните предупреждения" in err
    assert _statuses(capsys)[feb]["status"] == "draft"
    assert main(["submit", feb, "--justification", "Проверено: состав не изменился"]) == 0
    capsys.readouterr()

    assert main(["review", feb, "--return"]) == 1
    assert "комментарий" in capsys.readouterr().err
    assert main(["review", feb, "--return", "--comment", "Сверьте с январём"]) == 0
    assert main(["review", jan, "--approve"]) == 0
    capsys.readouterr()
    rows = _statuses(capsys)
    assert rows[feb]["status"] == "returned" and rows[feb]["review_comment"] == "Сверьте с январём"
    assert rows[jan]["status"] == "approved"


def test_show_prints_revisions_and_audit_and_unknown_id_is_an_error(data_dir, tmp_path, capsys):
    jan, _ = _import_two_identical_months(tmp_path, capsys)
    assert main(["submit", jan]) == 0
    capsys.readouterr()
    assert main(["show", jan]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["record"]["status"] == "submitted"
    assert [r["status"] for r in shown["revisions"]] == ["submitted"]
    assert any(a["field"] == "_status" or a["field"] == "status" for a in shown["audit"])
    assert main(["show", "no-such-id"]) == 1
    assert "нет записи no-such-id" in capsys.readouterr().err


def test_a_blocked_submission_names_fields_by_their_labels_in_the_chosen_language(
        data_dir, tmp_path, capsys):
    jan, _feb = _import_two_identical_months(tmp_path, capsys)
    data = {k: v for k, v in monthly_data().items() if k != "volunteer_hours"}
    path = tmp_path / "m.json"
    path.write_text(json.dumps([{"id": jan, "form": "monthly_report", "form_version": 1,
                                 "org_unit": "SHY-ABAY", "period": "2024-01",
                                 "status": "draft", "data": data}], ensure_ascii=False))
    assert main(["import", "monthly_report", str(path)]) == 0
    capsys.readouterr()
    for lang, label in (("en", "Field “Volunteer hours in the reporting month” is required"),
                        ("kk", "«Есепті айдағы волонтерлік сағаттар саны» өрісін толтыру"),
                        ("ru", "«Количество волонтёрских часов за отчётный месяц»")):
        assert main(["--lang", lang, "submit", jan]) == 1
        err = capsys.readouterr().err
        assert label in err and "“volunteer_hours”" not in err, err


def test_review_confirms_in_the_chosen_language(data_dir, tmp_path, capsys):
    jan, _feb = _import_two_identical_months(tmp_path, capsys)
    assert main(["submit", jan]) == 0
    capsys.readouterr()
    assert main(["--lang", "kk", "review", jan, "--approve"]) == 0
    out = capsys.readouterr().out
    assert f"{jan}: " in out and "жіберу үшін `esep sync` орындаңыз" in out
    assert "run `esep sync`" not in out
