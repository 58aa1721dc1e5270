#!/usr/bin/env python3
"""The ASSAULT gold standard measured END TO END, the way the project is judged:
one article per sentence → `extract` → `export` → ../shared/eval/gsr.py.

    .venv/bin/python benchmarks/gsr_pipeline.py              # --jobs 1 and --jobs 2
    .venv/bin/python benchmarks/gsr_pipeline.py --jobs 1     # one core only
    .venv/bin/python benchmarks/gsr_pipeline.py --lost       # sentences detect_strike finds but the export lost

Steps (real processes, as a user runs them; work files in benchmarks/work/gsr_pipeline/, git-ignored):
1. `python ../shared/eval/gsr.py articles DIR` (one article file per sentence);
2. `python -m generator extract --seeds DIR --facts FACTS --jobs N -q` from an empty facts folder (timed);
3. `python -m generator export --facts FACTS --output X.json` (timed);
4. `python ../shared/eval/gsr.py score --export X.json` (its summary is printed as is).
Speed = articles / (extract + export wall seconds), once per --jobs value.
Also prints P/R/F1 on the two halves of benchmarks/gsr_detect.py (same counting).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from gsr_detect import GSR, half_of, load_rows, prf  # noqa: E402

GSR_TOOL = REPO.parent / "shared" / "eval" / "gsr.py"
WORK = HERE / "work" / "gsr_pipeline"
PY = sys.executable


CPU = {"last": 0.0}  # CPU seconds (user + system) of the last command and its workers


def run(cmd: list[str], label: str, ok=(0,)) -> tuple[float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU["last"] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if done.returncode not in ok:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"{label} failed (exit {done.returncode}): {' '.join(cmd)}")
    return elapsed, done.stdout + done.stderr


def detected_by_stem(export: Path) -> dict[str, bool]:
    data = json.loads(export.read_text(encoding="utf-8"))
    return {Path(str(a.get("source") or "")).stem: bool(a.get("strikes")) for a in data.get("articles", [])}


def safe(name: str) -> str:  # as ../shared/eval/gsr.py names the article files
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--lost", action="store_true",
                    help="list sentences where detect_strike fires but the exported article has no strike")
    args = ap.parse_args(argv)
    if not GSR_TOOL.is_file() or not GSR.is_file():
        print(f"{GSR_TOOL} or {GSR}: not found", file=sys.stderr)
        return 2
    articles = WORK / "articles"
    shutil.rmtree(WORK, ignore_errors=True)
    _, out = run([PY, str(GSR_TOOL), "articles", str(articles)], "gsr.py articles")
    print(out.strip())
    n = sum(1 for _ in articles.glob("*.txt"))
    rows = load_rows(GSR)
    first_export = None
    for jobs in args.jobs:
        facts, export = WORK / f"facts-j{jobs}", WORK / f"export-j{jobs}.json"
        # exit 1 = some articles refused (each named on stderr); the others are written
        t_extract, said = run([PY, "-m", "generator", "extract", "--seeds", str(articles), "--facts", str(facts),
                               "--jobs", str(jobs), "-q"], "extract", ok=(0, 1))
        cpu_extract = CPU["last"]
        t_export, _ = run([PY, "-m", "generator", "export", "--facts", str(facts), "--output", str(export)], "export")
        cpu_export = CPU["last"]
        _, summary = run([PY, str(GSR_TOOL), "score", "--export", str(export)], "gsr.py score")
        print(f"--jobs {jobs}:")
        refused = [line for line in said.splitlines() if line.startswith("error:")]
        print(f"  extract: {said.strip().splitlines()[-1] if said.strip() else '(silent)'}")
        for line in refused[:5]:
            print(f"    {line}")
        print("  " + summary.strip().replace("\n", "\n  "))
        print(f"  extract {t_extract:.2f} s ({n / t_extract:,.0f} articles/s), export {t_export:.2f} s; "
              f"extract+export {n / (t_extract + t_export):,.0f} articles/s")
        print(f"  CPU seconds: extract {cpu_extract:.2f}, export {cpu_export:.2f} "
              f"(load average before: {os.getloadavg()[0]:.2f}; the machine may be shared)")
        if first_export is None:
            first_export = export
        elif export.read_bytes() != first_export.read_bytes():
            print(f"  WARNING: {export.name} differs from {first_export.name}")
    detected = detected_by_stem(first_export)
    predicted = {r["id"]: detected.get(f"gsr_{safe(r['id'])}", False) for r in rows}
    for name, part in (("all", rows), ("half A", [r for r in rows if half_of(r["id"]) == "A"]),
                       ("half B", [r for r in rows if half_of(r["id"]) == "B"])):
        p, rc, f1, tp, fp, fn = prf(part, predicted)
        print(f"end to end {name:7} n={len(part):5}  P {p:.3f}  R {rc:.3f}  F1 {f1:.3f}  (tp {tp} fp {fp} fn {fn})")
    from generator.extract.strikes import detect_strike

    cues = {r["id"]: detect_strike(r["text"]) is not None for r in rows}
    lost = [r for r in rows if cues[r["id"]] and not predicted[r["id"]]]
    extra = [r for r in rows if predicted[r["id"]] and not cues[r["id"]]]
    print(f"detect_strike fires but no exported strike: {len(lost)} "
          f"({sum(r['label'] == 'yes' for r in lost)} of them attacks); "
          f"exported strike without detect_strike: {len(extra)}")
    if args.lost:
        for r in lost:
            print(f"LOST {r['label']} gsr_{safe(r['id'])} {r['text'].strip()[:200]}")
        for r in extra:
            print(f"EXTRA {r['label']} gsr_{safe(r['id'])} {r['text'].strip()[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
