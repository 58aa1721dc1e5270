"""Quality gate (as trafilatura pins its scores): strike detection on the
Arabic ASSAULT gold standard (../shared/bench/arabic_event_gsr) must not fall
below the floors measured when the rules were last tuned (measured − 0.02).
Same counting as benchmarks/gsr_detect.py and ../shared/eval/gsr.py: "yes" is an
attack, "ambiguous" is left out."""
from __future__ import annotations

import csv
import time

import pytest

from generator.extract.strikes import detect_strike

# measured on all 3068 sentences when last tuned: P 0.722, R 0.713, F1 0.718 (half A 0.745/0.750/0.748;
# half B 0.700/0.680/0.690), after the full-article rules (named attacker as subject, claims,
# announced strikes, raids). Before them: P 0.727, R 0.693, F1 0.709. End to end through
# extract + export + ../shared/eval/gsr.py: benchmarks/gsr_pipeline.py.
FLOOR_PRECISION = 0.70
FLOOR_F1 = 0.69
FLOOR_RECALL = 0.69
FLOOR_SPEED = 500  # sentences per second on one core


@pytest.fixture(scope="module")
def gsr_rows(shared_dir):
    path = shared_dir / "bench" / "arabic_event_gsr" / "assault_gsr.csv"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    with path.open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r["label"] != "ambiguous"]


def test_gsr_precision_recall_f1(gsr_rows):
    tp = fp = fn = 0
    t0 = time.perf_counter()
    for r in gsr_rows:
        truth, pred = r["label"] == "yes", detect_strike(r["text"]) is not None
        tp += truth and pred
        fp += pred and not truth
        fn += truth and not pred
    elapsed = time.perf_counter() - t0
    p, rc = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * p * rc / (p + rc)
    summary = f"P {p:.3f} R {rc:.3f} F1 {f1:.3f} (tp {tp} fp {fp} fn {fn})"
    assert p >= FLOOR_PRECISION, summary
    assert rc >= FLOOR_RECALL, summary
    assert f1 >= FLOOR_F1, summary
    assert len(gsr_rows) / elapsed >= FLOOR_SPEED, f"{len(gsr_rows) / elapsed:.0f} sentences/s"
