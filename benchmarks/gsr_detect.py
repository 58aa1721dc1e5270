#!/usr/bin/env python3
"""P/R/F1 of detect_strike on the Arabic ASSAULT gold standard, sentence by sentence.

Same rule as ../shared/eval/gsr.py: label "yes" = attack, "ambiguous" left
out, a detection = detect_strike(sentence) is not None. Prints the whole set
and two halves split by a hash of the sentence id (to see that the rules
generalise), and the speed of detect_strike on one core.

    python benchmarks/gsr_detect.py [--csv FILE] [--errors fp|fn|both] [--half A|B]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.extract.strikes import detect_strike  # noqa: E402

GSR = REPO.parent / "shared" / "bench" / "arabic_event_gsr" / "assault_gsr.csv"


def load_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r["label"] != "ambiguous"]


def half_of(sentence_id: str) -> str:
    """A or B, fixed by a hash of the id: a split no rule was written against."""
    return "A" if hashlib.md5(sentence_id.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def prf(rows: list[dict], predicted: dict[str, bool]) -> tuple[float, float, float, int, int, int]:
    tp = fp = fn = 0
    for r in rows:
        truth, pred = r["label"] == "yes", predicted[r["id"]]
        tp += truth and pred
        fp += pred and not truth
        fn += truth and not pred
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    return p, rc, f1, tp, fp, fn


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=GSR)
    ap.add_argument("--errors", choices=("fp", "fn", "both"))
    ap.add_argument("--half", choices=("A", "B"))
    args = ap.parse_args(argv)
    if not args.csv.is_file():
        print(f"{args.csv}: benchmark file not found", file=sys.stderr)
        return 2
    rows = load_rows(args.csv)
    detect_strike("تمهيد")  # load the lexicon before timing
    t0 = time.perf_counter()
    cues = {r["id"]: detect_strike(r["text"]) for r in rows}
    elapsed = time.perf_counter() - t0
    predicted = {k: v is not None for k, v in cues.items()}
    for name, part in (("all", rows), ("half A", [r for r in rows if half_of(r["id"]) == "A"]),
                       ("half B", [r for r in rows if half_of(r["id"]) == "B"])):
        p, rc, f1, tp, fp, fn = prf(part, predicted)
        print(f"{name:7} n={len(part):5}  P {p:.3f}  R {rc:.3f}  F1 {f1:.3f}  (tp {tp} fp {fp} fn {fn})")
    print(f"speed: {len(rows) / elapsed:,.0f} sentences/s ({elapsed * 1000 / len(rows):.3f} ms each, one core)")
    if args.errors:
        for r in rows:
            if args.half and half_of(r["id"]) != args.half:
                continue
            truth, cue = r["label"] == "yes", cues[r["id"]]
            if cue is not None and not truth and args.errors in ("fp", "both"):
                print(f"FP {r['label']} {r['accept']}/{r['total']} [{cue.trigger}] {r['text'].strip()[:300]}")
            if cue is None and truth and args.errors in ("fn", "both"):
                print(f"FN {r['text'].strip()[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
