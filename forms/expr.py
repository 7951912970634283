"""A small, safe expression language for cross-field rules.

Parsed with `ast` in eval mode; only whitelisted nodes are accepted, so nothing can import,
call arbitrary functions, or reach attributes of Python objects. Examples:

    sum(gender) == volunteers_total
    rfo_support_provided == "YES"                     (a `when` guard)
    len(rfo_support_types) >= 1
    ratio(count(participants.participant_category, "STATE"), len(participants)) <= 0.5
    declared_total == len(participants) + unregistered_attendees

Functions: sum, len, count(xs[, value]), any, all, abs, min, max, ratio(a, b), round,
lower, present(x), blank(x), threshold("vr21.state_share_max") (resources/quality.toml),
key(a, b, ...) (a tuple; a missing value is None) and zip(xs, ys, ...) (the tuples of
parallel lists): `key(question, category) in zip(earlier.question, earlier.category)`.
Names are field ids. `roster.column` is the list of that column's values; `counts["F"]` is
one cell. A name whose value is missing makes the rule skip (Skip is raised), except inside
`present()` / `blank()`. Any runtime type problem also skips: field checks report bad types.
"""
from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

FUNCTIONS = ("sum", "len", "count", "any", "all", "abs", "min", "max", "ratio",
             "present", "blank", "threshold", "lower", "round", "key", "zip")

_CMP = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b,
}
_BIN = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
        ast.Div: operator.truediv, ast.Mod: operator.mod}
_ALLOWED = (
    ast.Expression, ast.BoolOp, ast.And, ast.Or, ast.UnaryOp, ast.Not, ast.USub, ast.UAdd,
    ast.BinOp, ast.Compare, ast.Call, ast.Name, ast.Load, ast.Constant, ast.List, ast.Tuple,
    ast.Attribute, ast.Subscript, ast.IfExp, *_CMP, *_BIN,
)


class ExprError(ValueError):
    """The expression text is not valid in the rule language."""


class Skip(Exception):
    """A value the rule needs is missing or unusable: the rule does not apply."""


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()


@dataclass
class Expr:
    text: str
    tree: ast.Expression
    names: set[str] = field(default_factory=set)
    attrs: set[tuple[str, str]] = field(default_factory=set)
    fn: Callable[[dict, dict], Any] | None = field(default=None, repr=False,
                                                   compare=False)  # compiled on first use


def compile_expr(text: str) -> Expr:
    """Parse and whitelist-check; raises ExprError naming the offending construct."""
    if not isinstance(text, str):
        raise ExprError(f"an expression must be text, got {text!r}")
    if not text.strip():
        raise ExprError("empty expression")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExprError(f"syntax error in {text!r}: {exc.msg}") from None
    expr = Expr(text, tree)
    for node in ast.walk(tree):
        _check_node(node, expr)
    return expr


def _check_node(node: ast.AST, expr: Expr) -> None:
    if not isinstance(node, _ALLOWED):
        raise ExprError(f"{type(node).__name__} is not allowed in {expr.text!r}")
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            name = getattr(node.func, "id", ast.unparse(node.func))
            raise ExprError(f"unknown function {name!r} in {expr.text!r}")
        if node.keywords:
            raise ExprError(f"keyword arguments are not allowed in {expr.text!r}")
    elif isinstance(node, ast.Attribute):
        if not isinstance(node.value, ast.Name):
            raise ExprError(f"only roster.column attributes are allowed in {expr.text!r}")
        expr.attrs.add((node.value.id, node.attr))
    elif isinstance(node, ast.Name) and not _is_func_name(node, expr.tree):
        expr.names.add(node.id)
    elif isinstance(node, ast.Constant) and not isinstance(node.value, (int, float, str, type(None))):
        raise ExprError(f"constant {node.value!r} is not allowed in {expr.text!r}")


def _is_func_name(name: ast.Name, tree: ast.AST) -> bool:
    return any(isinstance(n, ast.Call) and n.func is name for n in ast.walk(tree))


# --- evaluation -------------------------------------------------------------------------
# Each expression is compiled once (on first use) into a tree of closures, `fn(env, th)`:
# no AST walk and no method dispatch per record. The semantics are those of the language
# described above, node by node.

def evaluate(expr: Expr, env: dict, *, thresholds: dict | None = None):
    """Evaluate; raises Skip when a needed value is missing or of an unusable type."""
    value = outcome(expr, env, thresholds)
    if value is MISSING:
        raise Skip()
    return value


def outcome(expr: Expr, env: dict, thresholds: dict | None = None):
    """`evaluate`'s value, or MISSING where it raises Skip (the rule skips). Without the
    exception: most rules skip on most records (an optional field left empty)."""
    try:
        fn = expr.fn
        if fn is None:
            fn = expr.fn = _node(expr.tree.body, soft=True)
        return fn(env, thresholds or {})
    except (Skip, TypeError, ValueError, ZeroDivisionError, KeyError, AttributeError,
            IndexError, OverflowError, RecursionError):
        return MISSING


def _num(v):
    if v.__class__ is int and -1e15 < v < 1e15:  # the common case first
        return v
    if v is MISSING or v is None or isinstance(v, bool) or not isinstance(v, (int, float)):
        raise Skip()
    if isinstance(v, float) and not math.isfinite(v):
        raise Skip()
    if abs(v) >= 1e15:
        raise Skip()
    return v


def _values(v) -> list:
    if v is MISSING or v is None:
        raise Skip()
    if isinstance(v, dict):
        return [x for x in v.values() if x is not None]
    if isinstance(v, (list, tuple)):
        return [x for x in v if x is not None and x is not MISSING]
    raise Skip()


def _node(node, soft: bool = False):
    """The closure `fn(env, thresholds)` computing `node`. `soft`: where MISSING means
    Skip anyway (the whole expression, an operand of and / or), a comparison or and / or
    that would raise Skip returns MISSING instead (raising costs more than the rule)."""
    if soft and type(node) in _SOFT:
        return _SOFT[type(node)](node, soft)
    return _COMPILERS[type(node)](node)


def _c_constant(node):
    value = node.value
    return lambda env, th: value


def _c_name(node):
    name, finite = node.id, math.isfinite

    def name_value(env, th):
        v = env.get(name, MISSING)
        if v is None or (isinstance(v, float) and not finite(v)):
            return MISSING  # NaN / inf are reported by the field checks, not by rules
        return v
    return name_value


def _c_list(node):
    elts = [_node(e) for e in node.elts]
    return lambda env, th: [e(env, th) for e in elts]


def _c_attribute(node):
    base, attr = _node(node.value), node.attr

    def column(env, th):
        rows = base(env, th)
        if rows is MISSING:
            return []
        if not isinstance(rows, list):
            raise Skip()
        return [r.get(attr) for r in rows if isinstance(r, dict)]
    return column


def _c_subscript(node):
    base_fn, key_fn = _node(node.value), _node(node.slice)

    def item(env, th):
        base = base_fn(env, th)
        key = key_fn(env, th)
        if base is MISSING:
            raise Skip()
        if isinstance(base, dict):
            v = base.get(key, 0)
            return MISSING if v is None else v
        return base[key]
    return item


def _c_boolop(node, soft: bool = False):
    values = [_node(v, soft=True) for v in node.values]  # MISSING: Skip here
    is_and = isinstance(node.op, ast.And)

    def boolop(env, th):
        for sub in values:
            val = sub(env, th)
            if val is MISSING:
                if soft:
                    return MISSING
                raise Skip()
            if is_and and not val:
                return False
            if not is_and and val:
                return True
        return is_and
    return boolop


def _c_unaryop(node):
    operand = _node(node.operand)
    if isinstance(node.op, ast.Not):
        def not_(env, th):
            val = operand(env, th)
            if val is MISSING:
                raise Skip()
            return not val
        return not_
    negate = isinstance(node.op, ast.USub)
    return lambda env, th: -_num(operand(env, th)) if negate else _num(operand(env, th))


def _c_binop(node):
    left_fn, right_fn, op = _node(node.left), _node(node.right), _BIN[type(node.op)]

    def binop(env, th):
        left, right = left_fn(env, th), right_fn(env, th)
        if left is MISSING or right is MISSING:
            raise Skip()
        return op(left, right)
    return binop


def _c_compare(node, soft: bool = False):
    first = _node(node.left)
    steps = [(_CMP[type(op)], _node(comp)) for op, comp in zip(node.ops, node.comparators)]
    if len(steps) == 1:
        return _compare_one(first, *steps[0], soft)

    def compare(env, th):
        left = first(env, th)
        for op, comp in steps:
            right = comp(env, th)
            if left is MISSING or right is MISSING:
                if soft:
                    return MISSING
                raise Skip()
            if not op(left, right):
                return False
            left = right
        return True
    return compare


def _compare_one(first, op, second, soft: bool):
    """`_c_compare`'s closure for one operator (`a >= b`, nearly every rule)."""
    def compare(env, th):
        left, right = first(env, th), second(env, th)
        if left is MISSING or right is MISSING:
            if soft:
                return MISSING
            raise Skip()
        return bool(op(left, right))
    return compare


def _c_ifexp(node):
    test_fn, body, orelse = _node(node.test), _node(node.body), _node(node.orelse)

    def ifexp(env, th):
        test = test_fn(env, th)
        if test is MISSING:
            raise Skip()
        return body(env, th) if test else orelse(env, th)
    return ifexp


def _c_call(node):
    name, args = node.func.id, [_node(a) for a in node.args]
    if name == "key":
        return lambda env, th: tuple(None if a is MISSING else a
                                     for a in [f(env, th) for f in args])
    if name in ("present", "blank"):
        present = name == "present"

        def filled(env, th):
            vals = [f(env, th) for f in args]
            is_filled = bool(vals) and _is_present(vals[0])
            return is_filled if present else not is_filled
        return filled
    if name == "threshold":
        def threshold(env, th):
            vals = [f(env, th) for f in args]
            if len(vals) != 1 or vals[0] not in th:
                raise Skip()
            return th[vals[0]]
        return threshold
    func = _FUNCS[name]
    if len(args) == 1:
        only = args[0]
        return lambda env, th: func(only(env, th))
    return lambda env, th: func(*[f(env, th) for f in args])


_COMPILERS = {
    ast.Constant: _c_constant, ast.Name: _c_name, ast.List: _c_list, ast.Tuple: _c_list,
    ast.Attribute: _c_attribute, ast.Subscript: _c_subscript, ast.BoolOp: _c_boolop,
    ast.UnaryOp: _c_unaryop, ast.BinOp: _c_binop, ast.Compare: _c_compare,
    ast.IfExp: _c_ifexp, ast.Call: _c_call,
}
_SOFT = {ast.BoolOp: _c_boolop, ast.Compare: _c_compare}


def _is_present(v) -> bool:
    if v is MISSING or v is None:
        return False
    if isinstance(v, str):
        return bool(v.strip())
    if isinstance(v, (list, dict)):
        return bool(v)
    return True


def _f_sum(x):
    return sum([_num(v) for v in _values(x)])


def _f_len(x):
    if x is MISSING or x is None:
        return 0
    if isinstance(x, (list, dict, str, tuple)):
        return len(x)
    raise Skip()


def _f_count(x, value=MISSING):
    vals = _values(x) if x is not MISSING else []
    if value is MISSING:
        return sum(1 for v in vals if v)
    return sum(1 for v in vals if v == value)


def _f_minmax(fn):
    def inner(*args):
        vals = _values(args[0]) if len(args) == 1 else list(args)
        nums = [_num(v) for v in vals]
        if not nums:
            raise Skip()
        return fn(nums)
    return inner


def _f_ratio(a, b):
    a, b = _num(a), _num(b)
    if b == 0:
        raise Skip()
    return a / b


def _f_lower(x):
    if not isinstance(x, str):
        raise Skip()
    return x.casefold()


_FUNCS = {
    "sum": _f_sum, "len": _f_len, "count": _f_count,
    "any": lambda x: any(_values(x)), "all": lambda x: all(_values(x)),
    "abs": lambda x: abs(_num(x)), "min": _f_minmax(min), "max": _f_minmax(max),
    "ratio": _f_ratio, "lower": _f_lower,
    "round": lambda x, n=0: round(_num(x), int(_num(n))),
    "zip": lambda *xs: list(zip(*xs, strict=True)),
}
