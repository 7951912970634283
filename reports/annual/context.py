"""What every section builder reads: the records by form, the org units, the scope."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from reports.aggregate import headline, select
from reports.annual.text import region_name, t
from reports.economics import RateTable

SURVEY_FORMS = ("volunteer_survey", "org_survey")


@dataclass
class Context:
    year: int
    region: str | None
    lang: str
    units: list[dict]
    by_form: dict[str, list[dict]]
    rates: RateTable | None = None
    due_day: int = 10
    _cache: dict = field(default_factory=dict)

    @classmethod
    def of(cls, records, units, year, *, region=None, lang="ru", rates=None, due_day=10):
        by_form: dict[str, list[dict]] = defaultdict(list)
        for r in records:
            by_form[r.get("form")].append(r)
        return cls(year, region, lang, list(units), dict(by_form), rates, due_day)

    @property
    def umap(self) -> dict[str, dict] | None:
        return {u["id"]: u for u in self.units} or None

    def t(self, key: str, **params) -> str:
        return t(key, self.lang, **params)

    def rname(self, code: str) -> str:
        return region_name(code, self.lang)

    def forms(self, form: str) -> list[dict]:
        return self.by_form.get(form, [])

    def monthly(self, year: int | None = None) -> list[dict]:
        """The monthly reports of the year (default: the report's) in scope."""
        key = ("monthly", year or self.year)
        if key not in self._cache:
            self._cache[key] = select(self.forms("monthly_report"), str(year or self.year),
                                      region=self.region, units=self.umap)
        return self._cache[key]

    def figures(self, year: int | None = None) -> dict | None:
        """headline() of the year's monthly reports; None when there are none."""
        key = ("figures", year or self.year)
        if key not in self._cache:
            chosen = self.monthly(year)
            self._cache[key] = headline(chosen) if chosen else None
        return self._cache[key]

    def years(self) -> list[int]:
        return [self.year - 2, self.year - 1, self.year]

    def no_data(self) -> str:
        return self.t("no_data")
