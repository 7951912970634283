"""Planting the benchmark's problems into clean monthly reports; returns the key.

Each planted problem gets its own org unit (the pair of an identical-figures plant takes two),
so the months after a plant are clean months that the review must leave alone.
"""
from __future__ import annotations

import copy
import math
import random

from bench.quality_set import AGES, OCCS, _split


def _shift(period: str, months: int) -> str:
    y, m = int(period[:4]), int(period[5:]) + months
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return f"{y:04d}-{m:02d}"


def _resplit(d: dict, total: int, rng) -> None:
    """Set volunteers_total and re-split its breakdowns consistently."""
    old = max(1, d["volunteers_total"])
    d["volunteers_total"] = total
    female = round(total * d["gender"].get("F", 0) / old)
    d["gender"] = {"F": min(female, total), "M": total - min(female, total)}
    for fid, codes in (("age", AGES), ("occupation", OCCS)):
        weights = [d[fid].get(c, 0) + 0.01 for c in codes]
        d[fid] = dict(zip(codes, _split(total, weights, rng)))


def _busy(d: dict, events: int = 3, hours: float = 20) -> bool:
    return d["events_total"] >= events and d["volunteer_hours"] >= hours


class Planter:
    def __init__(self, records, units, rng):
        self.rng = rng
        self.at = {(r["org_unit"], r["period"]): r for r in records}
        self.units = {u["id"]: u for u in units if u["kind"] == "district"}
        self.free = set(self.units)
        self.key: list[dict] = []

    def candidates(self, test, second_year=False):
        out = [(u, p) for (u, p), r in self.at.items()
               if u in self.free and (not second_year or p >= "2024-01") and test(u, p, r)]
        out.sort()
        self.rng.shuffle(out)
        seen: set[str] = set()
        return [(u, p) for u, p in out if not (u in seen or seen.add(u))]

    def take(self, kind, unit, period, fields, **extra):
        self.free.discard(unit)
        self.key.append({"kind": kind, "org_unit": unit, "period": period,
                         "fields": fields, **extra})

    def source(self, unit, period, months):
        return self.at.get((unit, _shift(period, months)))


def _copy(pl: Planter, n: int, kind: str, months: int) -> None:
    def ok(u, p, r):
        src = pl.source(u, p, months)
        return src is not None and _busy(src["data"])
    for u, p in pl.candidates(ok, second_year=months == -12)[:n]:
        rec = pl.at[(u, p)]
        rec["data"] = copy.deepcopy(pl.source(u, p, months)["data"])
        if kind == "near_copy":
            d = rec["data"]
            d["volunteer_hours"] = round(d["volunteer_hours"] * pl.rng.uniform(1.05, 1.2))
            d["volunteer_positions"] += pl.rng.randint(1, 3)
            fields = ["volunteer_hours", "volunteer_positions"]
        else:
            fields = ["volunteers_total", "events_total", "volunteer_hours"]
        pl.take(kind, u, p, fields, other=_shift(p, months))


def _scale(pl: Planter, n: int, kind: str, factor: float) -> None:
    def ok(u, p, r):
        d = r["data"]
        return pl.source(u, p, -1) is not None and (
            d["volunteers_total"] >= 30 or (d["volunteer_positions"] >= 5 and
                                            d["volunteer_hours"] >= 30))
    for i, (u, p) in enumerate(pl.candidates(ok)[:n]):
        d = pl.at[(u, p)]["data"]
        use_hours = d["volunteer_positions"] >= 5 and d["volunteer_hours"] >= 30 and (
            i % 2 or d["volunteers_total"] < 30)
        if use_hours:
            d["volunteer_hours"] = round(d["volunteer_hours"] * factor, 1)
            pl.take(kind, u, p, ["volunteer_hours"])
        else:
            _resplit(d, round(d["volunteers_total"] * factor), pl.rng)
            pl.take(kind, u, p, ["volunteers_total"])


def _simple(pl: Planter, plants: dict) -> None:
    rng = pl.rng
    for u, p in pl.candidates(lambda u, p, r: r["data"]["volunteers_total"] >= 5)[
            :plants["sum_mismatch"]]:
        d = pl.at[(u, p)]["data"]
        fid = rng.choice(["gender", "age", "occupation"])
        cell = max(d[fid], key=d[fid].get)
        d[fid][cell] += rng.randint(1, max(1, d["volunteers_total"] // 20))
        pl.take("sum_mismatch", u, p, [fid, "volunteers_total"])
    for u, p in pl.candidates(lambda u, p, r: True)[:plants["support_no_type"]]:
        d = pl.at[(u, p)]["data"]
        d["rfo_support_provided"], d["rfo_support_types"] = "YES", []
        pl.take("support_no_type", u, p, ["rfo_support_types"])
    for u, p in pl.candidates(lambda u, p, r: r["data"]["volunteer_positions"] >= 3)[
            :plants["implausible_hours"]]:
        d = pl.at[(u, p)]["data"]
        d["volunteer_hours"] = round(d["volunteer_positions"] * rng.uniform(30, 60))
        pl.take("implausible_hours", u, p, ["volunteer_hours", "volunteer_positions"])


def _target(pl: Planter, n: int) -> None:
    def ok(u, p, r):
        src = pl.source(u, p, -12)
        return src is not None and src["data"]["volunteers_total"] >= 50
    for u, p in pl.candidates(ok, second_year=True)[:n]:
        old = pl.source(u, p, -12)["data"]["volunteers_total"]
        _resplit(pl.at[(u, p)]["data"], round(old * 1.3), pl.rng)
        pl.take("target_growth", u, p, ["volunteers_total"], other=_shift(p, -12))


def _rounded(pl: Planter, n: int) -> None:
    def ok(u, p, r):
        d = r["data"]
        return (d["volunteers_total"] >= 100 and d["volunteer_hours"] >= 100
                and d["volunteer_positions"] >= 40)
    up = lambda v: int(math.ceil(v * 1.2 / 100) * 100)
    for u, p in pl.candidates(ok)[:n]:
        d = pl.at[(u, p)]["data"]
        _resplit(d, up(d["volunteers_total"]), pl.rng)
        d["volunteer_hours"], d["volunteer_positions"] = (up(d["volunteer_hours"]),
                                                          up(d["volunteer_positions"]))
        pl.take("round_inflation", u, p, ["volunteers_total", "volunteer_hours",
                                          "volunteer_positions"])


def _identical(pl: Planter, n: int) -> None:
    done = 0
    for u, p in pl.candidates(lambda u, p, r: _busy(r["data"])):
        if done == n or u not in pl.free:
            continue
        region, size = pl.units[u]["region"], pl.units[u]["size"]
        mates = sorted(b for b in pl.free if b != u and pl.units[b]["region"] == region
                       and pl.units[b]["size"] == size and (b, p) in pl.at)
        if not mates:
            continue
        b = pl.rng.choice(mates)
        src, dst = pl.at[(u, p)], pl.at[(b, p)]
        dst["data"] = copy.deepcopy(src["data"])
        dst["created_at"] = max(dst["created_at"], src["created_at"])
        pl.free.discard(u)
        pl.take("identical_across", b, p, ["volunteers_total", "events_total",
                                           "volunteer_hours"], other_unit=u)
        done += 1


def _bulk(pl: Planter, n: int) -> None:
    full = sorted(u for u in pl.free
                  if all((u, f"2023-{m:02d}") in pl.at for m in range(1, 13)))
    for u in pl.rng.sample(full, n):
        day = pl.rng.randint(3, 6)
        for m in range(1, 13):
            rec = pl.at[(u, f"2023-{m:02d}")]
            stamp = f"2024-01-{day:02d}T16:{10 + 3 * m:02d}:00Z"
            rec["created_at"] = rec["updated_at"] = stamp
            pl.take("bulk_entry", u, rec["period"], [])


def plant(records: list[dict], units: list[dict], rng: random.Random, plants: dict) -> list[dict]:
    pl = Planter(records, units, rng)
    _bulk(pl, plants["bulk_entry"])
    _identical(pl, plants["identical_across"])
    _copy(pl, plants["copy_last_year"], "copy_last_year", -12)
    _copy(pl, plants["copy_prev"], "copy_prev", -1)
    _copy(pl, plants["near_copy"], "near_copy", -1)
    _scale(pl, plants["jump_x10"], "jump_x10", 10)
    _scale(pl, plants["drop_tenth"], "drop_tenth", 0.1)
    _target(pl, plants["target_growth"])
    _rounded(pl, plants["round_inflation"])
    _simple(pl, plants)
    return pl.key
