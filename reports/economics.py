"""Economic contribution of volunteer hours (DOMAIN decision 7, §4 H31-H32).

value = hours × hourly rate of the region for the year. The rate table is editable: it is
kept as JSON in the store's kv table (key `reports.hourly_rates`) and can be exchanged as
CSV (region,year,rate_kzt,source). Regions/years without a row use the default 1,728 ₸/h.

Scenarios (the seed's method): `recorded` = the hours in the reports; `minimum` = the
recorded hours rounded up to the next million (the seed's 1,161,613 h -> 2 M h) unless given;
`likely` = the given yearly hours (the seed used 25 M h), or survey monthly hours × 12.
Scenario hours are spread over regions in proportion to their recorded hours so that
regional rates apply. The `minimum` rounding is a method for national and regional totals only
(`MINIMUM_SCOPES`): for a district it would be a fiction (450 h -> 1,728,000,000 ₸).
"""
from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from forms.rates import DEFAULT_HOURLY_RATE as DEFAULT_RATE
from forms.rates import KV_KEY, check_rate


class RateError(ValueError):
    pass


@dataclass
class RateTable:
    default: float = DEFAULT_RATE
    rates: dict[tuple[str, int], float] = field(default_factory=dict)
    sources: dict[tuple[str, int], str] = field(default_factory=dict)

    def rate(self, region: str, year: int) -> float:
        return self.rates.get((region, int(year)), self.default)

    def set(self, region: str, year: int, rate, source: str = "") -> None:
        try:
            value = check_rate(region, year, rate)  # the rules the server applies too
        except ValueError as exc:
            raise RateError(str(exc)) from None
        self.rates[(region, int(year))] = value
        self.sources[(region, int(year))] = source

    def clear(self, region: str, year: int) -> None:
        """Drop the region's own rate for the year: the default applies again."""
        self.rates.pop((region, int(year)), None)
        self.sources.pop((region, int(year)), None)

    def rows(self) -> list[dict]:
        return [{"region": r, "year": y, "rate_kzt": v, "source": self.sources.get((r, y), "")}
                for (r, y), v in sorted(self.rates.items())]

    @classmethod
    def from_rows(cls, rows, default=DEFAULT_RATE, *, where: str = "rate table row",
                  first: int = 1) -> RateTable:
        """`where` and `first` name a refused row (a CSV file: its line, after the header)."""
        table = cls(default=default)
        for i, row in enumerate(rows, start=first):
            try:
                region, count = str(row["region"]).strip(), len(table.rates)
                table.set(region, row["year"], row["rate_kzt"], row.get("source") or "")
                if len(table.rates) == count:  # the same region and year again
                    raise ValueError(f"{region} {row['year']} appears twice")
            except KeyError as exc:
                raise RateError(f"{where} {i}: no column {exc}") from None
            except ValueError as exc:
                raise RateError(f"{where} {i}: {exc}") from None
        return table

    # storage -------------------------------------------------------------------------------
    @classmethod
    def load(cls, store) -> RateTable:
        raw = store.get_setting(KV_KEY)
        if not raw:
            return cls()
        data = json.loads(raw) if isinstance(raw, str) else raw
        return cls.from_rows(data.get("rows", []), default=data.get("default", DEFAULT_RATE))

    def save(self, store) -> None:
        store.set_setting(KV_KEY, json.dumps({"default": self.default, "rows": self.rows()}))

    @classmethod
    def from_csv(cls, path: str | Path) -> RateTable:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            return cls.from_rows(list(csv.DictReader(fh)), where="line", first=2)

    def to_csv(self, path: str | Path) -> None:
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=["region", "year", "rate_kzt", "source"])
            w.writeheader()
            w.writerows(self.rows())


def update_rates(store, changes: dict[tuple[str, int], object], source: str = "") -> RateTable:
    """Apply {(region, year): rate or None (= back to the default)} to the stored table and
    save it; every rate is checked first, so a bad one raises RateError and nothing is saved."""
    table = RateTable.load(store)
    for (region, year), rate in sorted(changes.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        if rate is None:
            table.clear(region, year)
        else:
            table.set(region, year, rate, source)
    table.save(store)
    return table


def hours_by_region(records, hours_field: str, region_of) -> dict[str, Fraction]:
    """Exact sums of `hours_field` per region (`region_of(record)`) over records."""
    out: dict[str, Fraction] = {}
    for r in records:
        value = (r.get("data") or {}).get(hours_field)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            region = region_of(r)
            out[region] = out.get(region, Fraction(0)) + Fraction(str(value))
    return out


def _money(value: Fraction) -> int | float:
    rounded = round(value, 2)
    return int(rounded) if rounded == int(rounded) else float(rounded)


def contribution(hours_by_region: dict[str, float], year: int,
                 table: RateTable | None = None) -> dict:
    """Per-region hours × rate and the total, in tenge."""
    table = table or RateTable()
    rows, total_value, total_hours = {}, Fraction(0), Fraction(0)
    for region, hours in sorted(hours_by_region.items()):
        h = Fraction(str(hours))
        value = h * Fraction(str(table.rate(region, year)))
        rows[region] = {"hours": hours, "rate": table.rate(region, year), "value": _money(value)}
        total_value += value
        total_hours += h
    return {"by_region": rows, "hours": _money(total_hours), "value": _money(total_value)}


def scenario_value(total_hours: float, hours_by_region: dict[str, float], year: int,
                   table: RateTable | None = None) -> int | float:
    """Value of `total_hours` spread over regions in proportion to their recorded hours."""
    table = table or RateTable()
    base = sum(Fraction(str(h)) for h in hours_by_region.values())
    total = Fraction(str(total_hours))
    if base == 0:
        return _money(total * Fraction(str(table.default)))
    value = sum((total * Fraction(str(h)) / base * Fraction(str(table.rate(r, year)))
                 for r, h in hours_by_region.items()), Fraction(0))
    return _money(value)


# Totals for which the report's "not less than" method (hours rounded up to a million) holds.
MINIMUM_SCOPES = ("national", "region")


def scenarios(hours_by_region: dict[str, float], year: int, table: RateTable | None = None, *,
              minimum_hours: float | None = None,
              survey_hours_per_month: float | None = None,
              likely_hours: float | None = None, scope: str = "national") -> dict:
    """The recorded / minimum / likely contributions (H31-H32); `minimum` only for a scope of
    MINIMUM_SCOPES ("national", "region"; not "district")."""
    recorded = sum(hours_by_region.values())
    out = {"recorded": {"hours": recorded,
                        "value": contribution(hours_by_region, year, table)["value"]}}
    if scope in MINIMUM_SCOPES:
        if minimum_hours is None:
            minimum_hours = max(1_000_000, math.ceil(recorded / 1_000_000) * 1_000_000)
        out["minimum"] = {"hours": minimum_hours,
                          "value": scenario_value(minimum_hours, hours_by_region, year, table)}
    if likely_hours is None and survey_hours_per_month is not None:
        likely_hours = survey_hours_per_month * 12
    if likely_hours is not None:
        likely = likely_hours
        out["likely"] = {"hours": likely,
                         "value": scenario_value(likely, hours_by_region, year, table)}
    return out
