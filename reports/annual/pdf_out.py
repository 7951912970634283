"""PDF through LibreOffice: the .docx converted by `soffice --headless --convert-to pdf`."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from reports.annual.docx_out import write_docx


class PdfUnavailable(RuntimeError):
    """LibreOffice (soffice) is not installed, or it failed to convert."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: Path, out_dir: Path, timeout: float = 180) -> Path:
    exe = soffice()
    if not exe:
        raise PdfUnavailable("LibreOffice (soffice) is not installed: write .docx or .xlsx")
    with tempfile.TemporaryDirectory() as profile:
        cmd = [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)]
        done = subprocess.run(cmd, check=False, capture_output=True, text=True,
                              timeout=timeout)
    pdf = out_dir / (docx.stem + ".pdf")
    if done.returncode or not pdf.exists():
        raise PdfUnavailable(f"LibreOffice could not convert {docx.name}: "
                             f"{(done.stderr or done.stdout).strip()[:300]}")
    return pdf


def write_pdf(report, path, *, progress=None, cancelled=None, renderer=None) -> None:
    path = Path(path)
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / (path.stem + ".docx")
        write_docx(report, docx, progress=progress, cancelled=cancelled, renderer=renderer)
        pdf = docx_to_pdf(docx, Path(tmp))
        shutil.move(str(pdf), str(path))
