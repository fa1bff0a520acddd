"""Open the HTML status report in headless Chromium and take a screenshot, to see its layout.

Usage (from the repository root, with the project installed in .venv):

    .venv/bin/python scripts/screenshot_report.py [--out DIR] [--chromium PATH]

It runs ``ledarutveckling demo --out DIR --on 2026-11-27``, which writes the status report of
the bundled Stockholm example (with its coming sessions and evaluations) as
``DIR/statusrapport.html``, opens it from a ``file://`` URL
in Chromium (Debian's ``chromium`` package; ``.ci/run`` installs it when absent), and saves
``DIR/statusrapport.png`` (1280 × 2000 pixels) and a printed ``DIR/statusrapport.pdf``. It
checks that the screenshot is a PNG of that size that is not blank, and prints the paths.
Exit code 0 on success, 1 when the screenshot is missing or wrong, 2 when Chromium is absent.

Chromium runs with its own throw-away profile and without network features (no sync, no
component updates, no background networking); the page loads nothing from elsewhere.
"""

from __future__ import annotations

import argparse
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

WIDTH, HEIGHT = 1280, 2000


def _write_report(out: Path) -> Path:
    """Run the demo for 27 November 2026 into *out*; return its HTML report."""
    subprocess.run(
        [sys.executable, "-m", "ledarutveckling", "demo", "--out", str(out), "--on", "2026-11-27"],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out / "statusrapport.html"


def _chromium(path: str | None) -> str | None:
    if path:
        return path
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(chromium: str, profile: Path, *args: str) -> None:
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def _png_pixels(data: bytes) -> tuple[int, int, set[bytes]]:
    """Width, height and a sample of distinct pixels of an 8-bit RGB(A) PNG, no filters undone.

    Only the raw scanlines' bytes are sampled, which is enough to tell a blank page (one
    colour) from a rendered report (many).
    """
    width, height = struct.unpack(">II", data[16:24])
    chunks, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        if kind == b"IDAT":
            chunks.append(data[offset + 8 : offset + 8 + length])
        offset += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    sample = {raw[i : i + 3] for i in range(0, len(raw), 997)}
    return width, height, sample


def main(argv: list[str] | None = None) -> int:
    """Write the report, take the screenshot and the PDF, check them; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="report-screenshot", help="output folder")
    parser.add_argument("--chromium", help="the Chromium binary (default: found on PATH)")
    args = parser.parse_args(argv)
    chromium = _chromium(args.chromium)
    if chromium is None:
        print("Chromium not found: apt-get install chromium (or pass --chromium)", file=sys.stderr)
        return 2
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    page = _write_report(out)
    shot, pdf = out / "statusrapport.png", out / "statusrapport.pdf"
    with tempfile.TemporaryDirectory() as profile:
        _run(
            chromium,
            Path(profile),
            f"--screenshot={shot}",
            f"--window-size={WIDTH},{HEIGHT}",
            page.as_uri(),
        )
        _run(
            chromium,
            Path(profile),
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        )
    data = shot.read_bytes() if shot.exists() else b""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        print(f"No PNG screenshot at {shot}", file=sys.stderr)
        return 1
    width, height, sample = _png_pixels(data)
    if (width, height) != (WIDTH, HEIGHT) or len(sample) < 20:
        print(f"Unexpected screenshot: {width}×{height}, {len(sample)} colours", file=sys.stderr)
        return 1
    if not pdf.exists() or not pdf.read_bytes().startswith(b"%PDF"):
        print(f"No PDF at {pdf}", file=sys.stderr)
        return 1
    print(f"Report:     {page}")
    print(f"Screenshot: {shot} ({width}×{height})")
    print(f"Printed:    {pdf}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
