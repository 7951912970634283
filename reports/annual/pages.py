"""The annual report's pages as PNG images for the docs (`make screenshots`):
`python -m reports.annual.pages OUT_DIR` writes the demo year's report as PDF (LibreOffice)
in ru and kk and renders its first pages (sections 1-2) and the hotline's response-time page
with pdftoppm to OUT_DIR/annual_<lang>_<n>.png."""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

FIRST_PAGES = 11                        # the title, section 1 and the survey section
MARKER = "tab_hotline_response"         # the page holding this table's caption is added
DPI = 80


def _page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(next(x for x in info.stdout.splitlines() if x.startswith("Pages")).split()[1])


def _page_text(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def render(out: Path, langs=("ru", "kk"), year: int = 2023) -> list[Path]:
    from reports.annual import build_annual, write_report
    from reports.annual.text import t
    from reports.synthetic_visits import synthetic_national

    records, units = synthetic_national(year)
    made = []
    for old in out.glob("annual_*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        for lang in langs:
            pdf = write_report(build_annual(records, units, year, lang=lang),
                               Path(tmp) / f"annual_{lang}.pdf")
            n = _page_count(pdf)
            pages = list(range(1, min(FIRST_PAGES, n) + 1))
            pages += [p for p in range(FIRST_PAGES + 1, n + 1)
                      if t(MARKER, lang) in _page_text(pdf, p)][:1]
            for i, page in enumerate(pages, 1):
                target = out / f"annual_{lang}_{i}"
                subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", "-f",
                                str(page), "-l", str(page), str(pdf), str(target)], check=True)
                made.append(target.with_suffix(".png"))
    return made


if __name__ == "__main__":
    for path in render(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(path)
