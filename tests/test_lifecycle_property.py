"""The store and the server reach the same verdict on the same record (issue: one lifecycle).

For random monthly reports (values of the wrong type, fields the form does not have, blanks,
numbers out of bounds, copies of an earlier month), random histories, roles and moves
(create as draft or submitted, correct a submitted record, approve or return it), a real
SQLite `Store` and the server's own push / review code on a real SQLite server database
decide alike: both accept, or both refuse with the same code and the same blocking findings.
So a record the desktop lets you submit is never rejected by the server, and the reverse.
A few examples also go through a real HTTP server on 127.0.0.1."""
from __future__ import annotations

import itertools
import uuid

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from forms import load_form
from server import push as server_push
from server import records as server_records
from server.auth import User
from server.db import open_db
from server.rules import OpError
from store import StoreError, SubmitBlocked, open_store
from tests.server_fixtures import (
    USERS,
    api_session,
    make_op,
    monthly_report,
    push_acks,
    run_server,
    seed_world,
)

UNIT = "SHY-ABAY"
ROLES = {"district": "d1", "region": "r1", "central": "c1"}
FORM = load_form("monthly_report")
FIELDS = [f.id for f in FORM.fields]
ODD_VALUES = st.one_of(
    st.none(), st.just(""), st.just("12"), st.just(6.5), st.booleans(), st.just(-1),
    st.just(10**16), st.just({"X": 1}), st.just({"F": "many"}), st.just([1]),
    st.just("MAYBE"), st.integers(0, 3000))
_YEARS = itertools.count(1100, 4)  # each example in its own years: histories never meet


def user(role: str) -> User:
    name = ROLES[role]
    _role, region, district = USERS[name]
    return User(name, role, region, district)


@st.composite
def cases(draw):
    mutations = draw(st.dictionaries(st.sampled_from(FIELDS + ["volunteers_totl", "x"]),
                                     ODD_VALUES, max_size=3))
    return {
        "move": draw(st.sampled_from(["draft", "submitted", "correct", "approve", "return"])),
        "role": draw(st.sampled_from(["district", "district", "region", "region", "central"])),
        "mutations": mutations,
        "history": draw(st.lists(st.sampled_from([-30, -13, -12, -1, 1, 11, 13]),
                                 max_size=3, unique=True)),
        "copy_of": draw(st.sampled_from([None, None, None, -12, -1])),  # VR-01: a copy
        "justification": draw(st.sampled_from([None, "", "checked with the district"])),
        "reason": draw(st.sampled_from([None, " ", "typo in the journal"])),
        "comment": draw(st.sampled_from([None, "", "fix the hours"])),
    }


def periods(year: int, offset: int) -> str:
    n = year * 12 + 5 + offset
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


def build(case: dict, year: int) -> tuple[list[dict], dict, dict | None]:
    """(history records, the base record, the changed record or None for a create)."""
    period = periods(year, 0)
    base = monthly_report(UNIT, period, status="submitted")
    base["justification"] = "figures checked"  # a copy of a month may still be submitted
    offsets = set(case["history"]) | ({case["copy_of"]} - {None})
    history = [monthly_report(UNIT, periods(year, off),
                              **(base["data"] if off == case["copy_of"] else {}))
               for off in sorted(offsets)]
    data = dict(base["data"], **case["mutations"])
    changed = dict(base, data=data, justification=case["justification"])
    return history, base, changed


def store_outcome(exc: Exception | None) -> tuple:
    if exc is None:
        return ("ok",)
    step = (getattr(exc, "step", "move"),)
    if isinstance(exc, SubmitBlocked):
        return step + ("refused", frozenset((f.message_code, tuple(f.fields))
                                            for f in exc.findings))
    if isinstance(exc, StoreError) and exc.problems:
        return step + ("refused", frozenset((p["code"], (p["field"],)) for p in exc.problems))
    return step + ("code", exc.code)


def server_outcome(errors: list[dict] | None) -> tuple:
    if not errors:
        return ("ok",)
    step = ("move",)
    if errors[0].get("step"):
        step, errors = (errors[0]["step"],), errors[1:]
    if "message_code" in errors[0]:
        return step + ("refused", frozenset((e["message_code"], tuple(e["fields"]))
                                            for e in errors))
    return step + ("code", errors[0]["code"])


class Sides:
    """One store and one server database; every example uses its own years."""

    def __init__(self, tmp_path):
        url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
        seed_world(url)
        self.engine = open_db(url)
        self.store = open_store(tmp_path / "esep.sqlite3")
        self.seq = itertools.count(1)

    def close(self):
        self.store.close()
        self.engine.dispose()

    # -- the server's own code paths ----------------------------------------------------
    def push(self, role: str, rec: dict, base_version=None, reason=None) -> dict:
        op = make_op(next(self.seq), rec, base_version, reason=reason)
        (ack,) = server_push.push(self.engine, user(role), "dev-prop", [op])
        return ack

    def server_move(self, case, base, changed) -> list[dict] | None:
        move, role = case["move"], case["role"]
        if move in ("draft", "submitted"):
            ack = self.push(role, dict(changed, status=move))
            return ack.get("errors") if ack["status"] != "applied" else None
        ack = self.push("district", base)
        if ack["status"] != "applied":
            return [{"step": "base"}, *ack["errors"]]
        if move == "correct":  # a correction changes values; the justification stays
            ack = self.push(role, dict(changed, justification=base["justification"]),
                            ack["version"], reason=case["reason"])
            return ack.get("errors") if ack["status"] != "applied" else None
        try:
            server_records.review(self.engine, user(role), base["id"], move, case["comment"])
        except OpError as exc:
            return exc.errors
        return None

    # -- the store ------------------------------------------------------------------------
    def store_move(self, case, base, changed) -> Exception | None:
        move, role, s = case["move"], case["role"], self.store
        try:
            if move in ("draft", "submitted"):
                saved = s.save_record(dict(changed, status="draft", id=None), user="u",
                                      role=role)
                if move == "submitted":
                    s.submit_record(saved["id"], user="u", role=role,
                                    justification=changed["justification"])
                return None
            try:
                saved = s.save_record(dict(base, status="draft", id=None), user="d",
                                      role="district")
                s.submit_record(saved["id"], user="d", role="district",
                                justification=base["justification"])
            except StoreError as exc:
                exc.step = "base"
                raise
            if move == "correct":
                changes = dict(changed["data"])
                changes.update({k: None for k in base["data"] if k not in changes})
                s.correct_record(saved["id"], changes, user="u", reason=case["reason"],
                                 role=role)
            else:
                s.set_review(saved["id"], move, user="u", comment=case["comment"], role=role)
        except StoreError as exc:
            return exc
        return None

    def seed_history(self, history: list[dict]) -> None:
        for rec in history:
            assert self.push("district", dict(rec, status="draft"))["status"] == "applied"
            self.store.save_record(dict(rec, status="draft"), user="d", role="district")


@pytest.fixture
def sides(tmp_path):
    s = Sides(tmp_path)
    yield s
    s.close()


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(case=cases())
def test_store_and_server_reach_the_same_verdict(sides, case):
    history, base, changed = build(case, next(_YEARS))
    base["id"] = str(uuid.uuid4())
    changed["id"] = base["id"] if case["move"] in ("correct",) else str(uuid.uuid4())
    sides.seed_history(history)
    ours = store_outcome(sides.store_move(case, base, changed))
    theirs = server_outcome(sides.server_move(case, base, changed))
    event(f"{case['move']}: {ours[:3] if ours[1:2] == ('code',) else ours[:2]}")
    assert ours == theirs, (case, ours, theirs)


def test_verdicts_agree_through_real_http(tmp_path):
    """The same agreement through the running server's HTTP push (a few fixed cases)."""
    srv = run_server(f"sqlite:///{tmp_path / 'http.sqlite3'}")
    store = open_store(tmp_path / "esep.sqlite3")
    try:
        seed_world(srv.db_url)
        session = api_session(srv.url, "d1")
        earlier = monthly_report(UNIT, "2031-02")
        assert push_acks(srv, session, "dev-h", [make_op(1, earlier)])[0]["status"] == "applied"
        store.save_record(dict(earlier, status="draft"), user="d", role="district")
        cases_ = [{}, {"volunteers_total": "12"}, {"volunteers_totl": 3},
                  {"volunteers_total": 1}, {"rfo_support_provided": None},
                  dict(earlier["data"])]  # the last: a copy of February (VR-01)
        for i, change in enumerate(cases_, start=2):
            # each case in its own years, but the copy next to February (a refused store
            # submission keeps its draft, which later cases must not see)
            period = "2031-03" if change == earlier["data"] else f"{2040 + 4 * i}-03"
            rec = monthly_report(UNIT, period, status="submitted", **change)
            (ack,) = push_acks(srv, session, "dev-h", [make_op(i, rec)])
            theirs = server_outcome(ack.get("errors") if ack["status"] != "applied" else None)
            exc = None
            try:
                saved = store.save_record(dict(rec, status="draft", id=None), user="d",
                                          role="district")
                store.submit_record(saved["id"], user="d", role="district")
            except StoreError as e:
                exc = e
            assert store_outcome(exc) == theirs, (change, theirs)
    finally:
        store.close()
        srv.stop()
