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
from dataclasses import dataclass, field

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

def evaluate(expr: Expr, env: dict, *, thresholds: dict | None = None):
    """Evaluate; raises Skip when a needed value is missing or of an unusable type."""
    ev = _Evaluator(env, thresholds or {})
    try:
        value = ev.visit(expr.tree.body)
    except Skip:
        raise
    except (TypeError, ValueError, ZeroDivisionError, KeyError, AttributeError,
            IndexError, OverflowError, RecursionError):
        raise Skip() from None
    if value is MISSING:
        raise Skip()
    return value


def _num(v):
    if v is MISSING or v is None:
        raise Skip()
    if isinstance(v, bool) or not isinstance(v, (int, float)):
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


class _Evaluator:
    def __init__(self, env: dict, thresholds: dict):
        self.env = env
        self.thresholds = thresholds

    def visit(self, node):
        return getattr(self, "v_" + type(node).__name__)(node)

    def v_Constant(self, node):
        return node.value

    def v_Name(self, node):
        v = self.env.get(node.id, MISSING)
        if v is None or (isinstance(v, float) and not math.isfinite(v)):
            return MISSING  # NaN / inf are reported by the field checks, not by rules
        return v

    def v_List(self, node):
        return [self.visit(e) for e in node.elts]

    v_Tuple = v_List

    def v_Attribute(self, node):
        rows = self.visit(node.value)
        if rows is MISSING:
            return []
        if not isinstance(rows, list):
            raise Skip()
        return [r.get(node.attr) for r in rows if isinstance(r, dict)]

    def v_Subscript(self, node):
        base = self.visit(node.value)
        key = self.visit(node.slice)
        if base is MISSING:
            raise Skip()
        if isinstance(base, dict):
            v = base.get(key, 0)
            return MISSING if v is None else v
        return base[key]

    def v_BoolOp(self, node):
        is_and = isinstance(node.op, ast.And)
        for sub in node.values:
            val = self.visit(sub)
            if val is MISSING:
                raise Skip()
            if is_and and not val:
                return False
            if not is_and and val:
                return True
        return is_and

    def v_UnaryOp(self, node):
        val = self.visit(node.operand)
        if isinstance(node.op, ast.Not):
            if val is MISSING:
                raise Skip()
            return not val
        val = _num(val)
        return -val if isinstance(node.op, ast.USub) else val

    def v_BinOp(self, node):
        left, right = self.visit(node.left), self.visit(node.right)
        if left is MISSING or right is MISSING:
            raise Skip()
        return _BIN[type(node.op)](left, right)

    def v_Compare(self, node):
        left = self.visit(node.left)
        for op, comp in zip(node.ops, node.comparators):
            right = self.visit(comp)
            if left is MISSING or right is MISSING:
                raise Skip()
            if not _CMP[type(op)](left, right):
                return False
            left = right
        return True

    def v_IfExp(self, node):
        test = self.visit(node.test)
        if test is MISSING:
            raise Skip()
        return self.visit(node.body if test else node.orelse)

    def v_Call(self, node):
        name = node.func.id
        args = [self.visit(a) for a in node.args]
        if name == "key":
            return tuple(None if a is MISSING else a for a in args)
        if name in ("present", "blank"):
            filled = bool(args) and _is_present(args[0])
            return filled if name == "present" else not filled
        if name == "threshold":
            if len(args) != 1 or args[0] not in self.thresholds:
                raise Skip()
            return self.thresholds[args[0]]
        return _FUNCS[name](*args)


def _is_present(v) -> bool:
    if v is MISSING or v is None:
        return False
    if isinstance(v, str):
        return bool(v.strip())
    if isinstance(v, (list, dict)):
        return bool(v)
    return True


def _f_sum(x):
    return sum(_num(v) for v in _values(x))


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
