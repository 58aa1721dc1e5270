"""The benchmark tools (not timings): the synthetic corpus is deterministic and varied,
and report.py turns a results file into the performance page and its plot."""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str):
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def make_corpus():
    return _load("make_corpus")


@pytest.fixture(scope="module")
def report():
    return _load("report")


def test_corpus_is_deterministic_and_prefix_stable(tmp_path, make_corpus, tree_bytes):
    a = make_corpus.write_corpus(40, tmp_path / "a", seed=3)
    b = make_corpus.write_corpus(40, tmp_path / "b", seed=3)
    assert tree_bytes(tmp_path / "a") == tree_bytes(tmp_path / "b")
    assert a["sha256"] == b["sha256"] and a["articles"] == 40
    # article i depends only on (seed, i): a smaller corpus is a prefix of a bigger one
    make_corpus.write_corpus(15, tmp_path / "small", seed=3)
    small = {k: v for k, v in tree_bytes(tmp_path / "small").items() if k.endswith(".txt")}
    assert len(small) == 15
    assert all(tree_bytes(tmp_path / "a")[k] == v for k, v in small.items())
    # another seed, other articles
    c = make_corpus.write_corpus(40, tmp_path / "c", seed=4)
    assert c["sha256"] != a["sha256"]


def test_rewriting_to_a_smaller_size_removes_extra_files(tmp_path, make_corpus):
    make_corpus.write_corpus(12, tmp_path / "x")
    make_corpus.write_corpus(5, tmp_path / "x")
    assert sorted(p.name for p in (tmp_path / "x").glob("*.txt")) == [f"bench_{i:05d}.txt" for i in range(5)]


def test_articles_look_like_pasted_news_and_vary_their_names(tmp_path, make_corpus):
    make_corpus.write_corpus(200, tmp_path / "c", seed=1)
    texts = [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "c").glob("*.txt"))]
    for text in texts:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        assert 15 <= len(lines) <= 30
        assert re.search(r"\d{4}", lines[1])  # a date line under the headline
    joined = "\n".join(texts)
    # invented groups are quoted after a head word, as news texts write unknown names
    groups = set(re.findall(r'(?:جماعة|حركة|تنظيم|كتائب|لواء|سرايا|جبهة|فيلق|جيش|عصائب) "[^"]+"', joined))
    assert len(groups) > 100
    # people: "<title> <nationality> <name>, ..." with many distinct names
    people = set(re.findall(r"(?:وزير الخارجية|وزير الدفاع|رئيس الوزراء) ال\w+ (\w+ \w+)", joined))
    assert len(people) > 200


def _results() -> dict:
    site = {"median_s": 12.5, "peak_rss_mb": 300.0, "pages": 2400, "site_bytes": 90_000_000,
            "largest_page": {"path": "persons/index.html", "bytes": 80_000}, "search_index_bytes": 20_000_000,
            "runs": [{"seconds": 12.5, "load1": 1.0}]}
    return {
        "machine": {"nproc": 2, "cpu": "Test CPU", "ram_gb": 8.0, "python": "3.11", "mkdocs": "1.6.1",
                    "mkdocs_material": "9.8.1", "commit": "abc1234", "load_at_start": [0.5], "load_at_end": [0.7]},
        "started": "2025-01-01T10:00:00", "finished": "2025-01-01T10:30:00", "startup_s": 0.4,
        "settings": {"repeats": 3, "big_repeats": 1, "jobs_all": 2},
        "corpora": {
            "1000": {"articles": 1000, "repeats": 3,
                     "extract": {"jobs1": {"median_s": 10.0, "articles_per_s": 100.0, "peak_rss_mb": 120.0},
                                 "jobs2": {"median_s": 6.0, "articles_per_s": 166.7, "peak_rss_mb": 130.0},
                                 "incremental": {"median_s": 0.9}, "identical_output": True,
                                 "entities_written": 1873},
                     "site": site, "plain": dict(site, median_s=10.0), "ratio": 1.25},
        },
        "floor": {"1000": {"median_s": 2.8, "pages": 1001, "peak_rss_mb": 70.0, "site_bytes": 29_500_000,
                           "largest_page": {"path": "p/1/index.html", "bytes": 19_000}, "repeats": 3,
                           "runs": [{"seconds": 2.8, "load1": 0.14}]}},
        "serve": {"articles": 1000, "first_page_s": 14.2, "latencies_s": [1.5, 1.7, None], "median_s": 1.6},
    }


def test_report_renders_the_table_and_targets(report):
    text = report.block(_results())
    rows = [ln for ln in text.splitlines() if ln.startswith("| synthetic 1,000 |")]
    assert len(rows) == 1
    cells = [c.strip() for c in rows[0].strip("|").split("|")]
    assert cells[1] == "3 / 1" and cells[2] == "100 (10.0 s)" and cells[3] == "167 (6.0 s)" and cells[4] == "yes"
    assert "1.25" in cells and "1,873" in cells and "2,400" in cells
    assert "| 1,001 | 3 | 2.8 |" in text  # the floor table
    targets = {name: (measured, met) for name, measured, met in report.targets(_results())}
    assert targets["≥ 50 full articles/s per core (synthetic)"][1] is True
    assert targets["no page over 150 KB"][1] is True
    assert targets["`mkdocs serve` edit-to-page ≤ 2 s at 1,000 articles"] == ("median 1.60 s of 2 edits", True)
    assert targets["10,000-article site builds in ≤ 1.3× plain MkDocs + Material"][1] is None  # not measured


def test_report_keeps_the_hand_written_page_and_writes_a_plot(tmp_path, report):
    page = tmp_path / "performance.md"
    page.write_text(f"# Performance\n\nmethod text\n\n{report.START}\nSTALE-RESULTS\n{report.END}\n\nhotspots text\n",
                    encoding="utf-8")
    report.write_page(_results(), page)
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# Performance\n\nmethod text") and text.endswith("hotspots text\n")
    assert "STALE-RESULTS" not in text and "| synthetic 1,000 |" in text
    plot = tmp_path / "plot.svg"
    report.plot(_results(), plot)
    first = plot.read_bytes()
    assert first.startswith(b"<svg") and b"polyline" in first
    report.plot(json.loads(json.dumps(_results())), plot)
    assert plot.read_bytes() == first
