"""The surveys and the registry sync like every record (issue 16), through the real client
engine and server: central's imported survey answers reach the region they belong to and no
district; a region's registry list reaches central and the region's districts (read-only)."""
from __future__ import annotations

import openpyxl
from server_fixtures import create_user, import_orgunits
from test_reports_registry import BIN_A
from test_reports_survey_import import RU_HEADERS, RU_ROWS
from test_sync_support import PASSWORD, make_client, new_store, seeded_server

from reports.registry_import import import_registry
from reports.survey_import import import_survey
from sync.engine import sync_once


def _xlsx(path, rows):
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def test_surveys_and_registry_travel_by_scope(tmp_path):
    srv = seeded_server(tmp_path / "server.sqlite3")
    try:
        import_orgunits(srv.db_url, [{"id": "AST-ESIL", "region": "AST", "name_ru": "Есиль"}])
        create_user(srv.db_url, "cen1", PASSWORD, "central")
        central, region = new_store(tmp_path, "c", "cen1"), new_store(tmp_path, "r", "reg1")
        district = new_store(tmp_path, "d", "dist1")
        clients = {s: make_client(srv.url, u) for s, u in
                   ((central, "cen1"), (region, "reg1"), (district, "dist1"))}
        res = import_survey(central, "volunteer_survey",
                            _xlsx(tmp_path / "s.xlsx", [RU_HEADERS, *RU_ROWS]), user="cen1")
        assert res.committed and len(res.records) == 2
        assert sync_once(central, clients[central]).pushed == 2
        res, new, _ = import_registry(region, _xlsx(tmp_path / "r.xlsx", [
            ["Наименование", "БИН", "Регион"], ["ОО «Жубанов жылуы»", BIN_A, "Шымкент"]]),
            user="reg1")
        assert res.committed and len(new) == 1
        sync_once(region, clients[region])
        sync_once(central, clients[central])
        sync_once(district, clients[district])
        shy = [r for r in central.list_records(form="volunteer_survey")
               if r["org_unit"] == "SHY"]
        assert [r["id"] for r in region.list_records(form="volunteer_survey")] == [
            shy[0]["id"]]
        assert region.list_records(form="volunteer_survey")[0]["data"] == shy[0]["data"]
        assert [r["data"]["name_ru"] for r in central.list_records(form="organization")] == [
            "ОО «Жубанов жылуы»"]
        # a district never holds survey answers; it holds its region's registry (read-only),
        # so its organizers and roster organizations can be linked on its own machine
        assert district.count_records(form=["volunteer_survey", "org_survey"]) == 0
        assert [r["data"]["name_ru"] for r in district.list_records(form="organization")] == [
            "ОО «Жубанов жылуы»"]
    finally:
        srv.stop()
