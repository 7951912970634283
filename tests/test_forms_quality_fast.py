"""The fast paths of forms.quality and forms.expr give what the general code gives (issue 18: the engine's
CPU per pushed record): cells of odd values, medians, the months before a period, VR-01's
inlined probe."""
from __future__ import annotations

import copy
import statistics

import pytest
from test_forms_samples import monthly_data, record

from forms import load_form, validate_record
from forms.expr import Skip, compile_expr, evaluate
from forms.periods import shift_period
from forms.quality import _all_cells, _median, _months_before, cell_value, is_num, numeric_cells

MR = "monthly_report"
ODD = [0, 1, -3, 2.5, True, False, None, "7", 10**15, -10**15, 10**15 - 1, 1e300,
       float("nan"), float("inf"), [1], {"x": 1}]


def _general_cells(form, data):
    """numeric_cells as written before the fast path."""
    cells = {}
    for f in form.numeric_fields:
        v = data.get(f.id)
        if f.type in ("integer", "decimal"):
            if is_num(v):
                cells[f.id] = v
        elif isinstance(v, dict):
            cells.update({f"{f.id}.{k}": n for k, n in v.items() if is_num(n)})
    return cells


@pytest.mark.parametrize("odd", ODD)
def test_cells_of_odd_values_match_the_general_code(odd):
    form = load_form(MR)
    data = monthly_data()
    data["volunteers_total"] = odd
    data["gender"] = {"F": odd, "M": 3, "X": odd}
    want = _general_cells(form, data)
    assert _all_cells(form, data) == want
    assert list(_all_cells(form, data)) == list(want)  # the same order (first cell: probe)
    assert numeric_cells(form, data) == want
    assert all(cell_value(data, k) == v for k, v in want.items())


@pytest.mark.parametrize("values", [[1], [3, 1], [5, 1, 4], [2.5, 1, 7, 7], [1, 1.5, 9, 2, 8, 3]])
def test_median_is_statistics_median(values):
    assert _median(sorted(values)) == statistics.median(values)
    assert type(_median(sorted(values))) is type(statistics.median(values))


def test_median_of_nothing_raises_as_statistics_does():
    with pytest.raises(statistics.StatisticsError, match="no median for empty data"):
        _median([])


@pytest.mark.parametrize("period", ["2024-03", "2024-01", "2024-12", "0000-05", "9999-12"])
@pytest.mark.parametrize("n", [0, 1, 12, 13, 30])
def test_months_before_counts_back_like_shift_period(period, n):
    assert _months_before(period, n) == tuple(shift_period(period, -i) for i in range(1, n + 1))


def _set(data: dict, cell: str, value) -> None:
    fid, dot, sub = cell.partition(".")
    if dot:
        data[fid][sub] = value
    else:
        data[fid] = value


def test_vr01_probe_is_not_fooled_by_a_bool():
    """An earlier month whose first non-zero cell is True (not a number) where this month
    has 1: no exact repeat (cell_value's test); the same figures: a repeat."""
    data = monthly_data()
    probe = next(k for k, v in _all_cells(load_form(MR), data).items() if v)
    _set(data, probe, 1)
    old = copy.deepcopy(data)
    _set(old, probe, True)
    for earlier, codes in ((old, []), (copy.deepcopy(data), ["repeat_of_period"])):
        hist = [record(MR, earlier, period="2023-01", rid="h1")]
        got = validate_record(MR, record(MR, data, period="2024-03"), history=hist)
        assert [f.message_code for f in got if f.rule == "VR-01"] == codes


@pytest.mark.parametrize("x", [0, 7, -7, 10**15 - 1, -(10**15) + 1, 10**15, -(10**15), 10**20,
                               True, False, 2.5, float("nan"), None, "3", [1]])
def test_expr_numbers_take_ints_in_range_only(x):
    """_num's int fast path: an int inside (-1e15, 1e15) is a number, a bigger one or a
    bool or text skips, as the general path decides; sum() of counts likewise (a None
    count is left out)."""
    sane = (type(x) is int and abs(x) < 10**15) or x == 2.5
    for text, env, want in (("abs(x)", {"x": x}, abs(x) if sane else None),
                            ("sum(c)", {"c": {"a": x, "b": 1}},
                             x + 1 if sane else 1 if x is None else None)):
        if want is None:
            with pytest.raises(Skip):
                evaluate(compile_expr(text), env)
        else:
            assert evaluate(compile_expr(text), env) == want


@pytest.mark.parametrize("v, want", [
    (0, 0), (2**53 - 1, 2**53 - 1), (2**53, str(2**53)), (-(2**53) + 1, -(2**53) + 1),
    (-(2**53), str(-(2**53))), (True, True), ("x", "x"), (None, None), (1.5, 1.5),
    (float("nan"), "nan"), ([1, 2**60], [1, str(2**60)]), ({"a": float("inf")}, {"a": "inf"})])
def test_finding_params_stay_strict_json(v, want):
    """_json_safe's fast path (a str, an int inside 2**53) decides as the general one."""
    from forms.validate import _json_safe

    got = _json_safe(v)
    assert got == want and type(got) is type(want)
