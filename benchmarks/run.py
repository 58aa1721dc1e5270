#!/usr/bin/env python3
"""Performance at newsroom scale: extraction, incremental re-runs, site builds,
and the `mkdocs serve` edit-to-page latency, measured on real processes.

    .venv/bin/python benchmarks/run.py            # gsr + 1k + 5k + 10k (long: tens of minutes)
    .venv/bin/python benchmarks/run.py --quick    # the 1,000-article corpus only
    .venv/bin/python benchmarks/run.py --sizes 1000 5000 --no-gsr --no-serve

For each corpus (the 3,068 one-sentence articles of the ASSAULT gold standard,
and synthetic corpora of 1,000 / 5,000 / 10,000 full articles from
make_corpus.py), in a project folder benchmarks/work/runs/<corpus>/ laid out
like the repository (mkdocs.yml copied from it, docs/ and generator/ linked):

- `python -m generator extract` from an empty facts folder with --jobs 1 and
  with --jobs <all cores>: wall seconds, articles/s and peak RSS (ru_maxrss of
  the process and its workers, from wait4); both outputs are compared byte for byte;
- a second `extract` over the unchanged articles (incremental run): seconds;
- `mkdocs build` of the site from those facts: seconds, peak RSS, pages,
  site bytes, largest page, search index size;
- the floor: plain MkDocs + Material (search plugin, no factsheets plugin,
  a short nav) building as many simple Markdown pages of comparable size;
  ratio = our build / plain build;
- at 1,000 articles: `mkdocs serve` (with livereload), change the title in one
  article's YAML file, poll the served page until the new title is there.

Medians of --repeats runs (--big-repeats for corpora of 5,000 articles and
more). Every step records the machine's 1-minute load average before it,
because the machine may be shared. Results go to benchmarks/results.json
(written after each corpus, so a stopped run keeps what it measured) and,
through report.py, to docs/performance.md and docs/assets/performance.svg.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402

PY = sys.executable
GSR_TOOL = REPO.parent / "shared" / "eval" / "gsr.py"
RESULTS = HERE / "results.json"
LINKED = ("docs", "generator")  # what mkdocs.yml points at, besides facts/ and seeds/
# Where each project's links point. `python -m generator` and `python -m mkdocs` run with the
# project as working folder, so the `generator` link there is the code that runs: with --freeze
# (the default) a copy taken at the start, so that edits made while measuring (the code is being
# worked on) cannot change the code between a serial and a parallel run.
LINK_TARGETS = {name: REPO / name for name in LINKED}


def freeze_code(work: Path) -> str:
    """Copy generator/ to work/frozen/generator; point the projects at it; return its digest."""
    frozen = work / "frozen" / "generator"
    shutil.rmtree(frozen, ignore_errors=True)
    shutil.copytree(REPO / "generator", frozen, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    LINK_TARGETS["generator"] = frozen
    return tree_digest(frozen)


# --- running and measuring one process ------------------------------------------------------

def run_measured(cmd: list[str], cwd: Path, log: Path, timeout: float = 3600) -> dict:
    """Run cmd; wall seconds, exit code, peak RSS (MB) of the largest single process among it and
    its waited-for children (wait4), and the peak of the whole process tree's summed RSS
    (sampled from /proc every 0.2 s: parent and workers together). The previous step's dirty
    pages are flushed first (os.sync), so that its writes are not paid for by this one."""
    os.sync()
    load = os.getloadavg()[0]
    tree_peak = 0
    with log.open("wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        deadline = started + timeout
        next_sample = started
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            now = time.perf_counter()
            if now > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            if now >= next_sample:
                tree_peak = max(tree_peak, tree_rss_kb(proc.pid))
                next_sample = now + 0.2
            time.sleep(0.01)
        seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"seconds": round(seconds, 3), "rc": proc.returncode,
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "peak_tree_rss_mb": round(tree_peak / 1024, 1),
            "load1": round(load, 2)}


def tree_rss_kb(root: int) -> int:
    """Summed resident memory (kB) of root and all its descendants, from /proc."""
    parent, rss = {}, {}
    page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
            fields = stat[stat.rindex(b")") + 2:].split()
            parent[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * page_kb
        except (OSError, ValueError, IndexError):
            continue
    total, todo = 0, [root]
    children: dict[int, list[int]] = {}
    for pid, ppid in parent.items():
        children.setdefault(ppid, []).append(pid)
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def median(values):
    return round(statistics.median(values), 3) if values else None


def tree_digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.name != ".lock":
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]


# --- project folders ----------------------------------------------------------------------

def make_project(run_dir: Path, corpus: Path) -> Path:
    """run_dir laid out like the repository: mkdocs.yml (copied), docs/ generator/ (linked),
    seeds/ (the corpus, linked), facts/ (this run's, real)."""
    run_dir.mkdir(parents=True, exist_ok=True)
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(\s*facts_dir:).*$", r"\1 facts", text)
    text = re.sub(r"(?m)^(\s*seeds_dir:).*$", r"\1 seeds", text)
    (run_dir / "mkdocs.yml").write_text(text, encoding="utf-8")
    for name in LINKED:
        _link(run_dir / name, LINK_TARGETS[name])
    _link(run_dir / "seeds", corpus.resolve())
    return run_dir


def _link(link: Path, target: Path) -> None:
    if link.is_symlink() or link.exists():
        if link.is_symlink() and Path(os.readlink(link)) == target:
            return
        link.unlink()
    link.symlink_to(target, target_is_directory=True)


def extract_cmd(project: Path, jobs: int) -> list[str]:
    return [PY, "-m", "generator", "extract", "--seeds", "seeds", "--facts", "facts", "-q", "--jobs", str(jobs)]


def summary_line(log: Path) -> str:
    lines = [ln for ln in log.read_text(encoding="utf-8", errors="replace").splitlines() if "article file(s)" in ln]
    return lines[-1] if lines else ""


def count_failed(log: Path) -> int:
    m = re.search(r"(\d+) failed", summary_line(log))
    return int(m.group(1)) if m else -1


# --- extraction -------------------------------------------------------------------------------

def bench_extraction(project: Path, n: int, repeats: int, jobs_all: int, logs: Path) -> dict:
    out: dict = {}
    facts = project / "facts"
    digests = {}
    for jobs in sorted({1, jobs_all}):
        runs = []
        for r in range(repeats):
            shutil.rmtree(facts, ignore_errors=True)
            m = run_measured(extract_cmd(project, jobs), project, logs / f"extract-j{jobs}-{r}.log")
            m["failed"] = count_failed(logs / f"extract-j{jobs}-{r}.log")
            runs.append(m)
            print(f"  extract --jobs {jobs}: {m['seconds']:.1f} s ({n / m['seconds']:.0f} articles/s), "
                  f"rc {m['rc']}, peak {m['peak_rss_mb']:.0f} MB, load {m['load1']}", flush=True)
            if m["rc"] not in (0, 1):
                raise SystemExit(f"extract failed, see {logs / f'extract-j{jobs}-{r}.log'}")
        digests[jobs] = tree_digest(facts)
        secs = median([m["seconds"] for m in runs])
        out[f"jobs{jobs}"] = {"jobs": jobs, "runs": runs, "median_s": secs,
                              "articles_per_s": round(n / secs, 1),
                              "peak_rss_mb": max(m["peak_rss_mb"] for m in runs),
                              "peak_tree_rss_mb": max(m["peak_tree_rss_mb"] for m in runs),
                              "failed": runs[-1]["failed"], "summary": summary_line(logs / f"extract-j{jobs}-{r}.log")}
    out["identical_output"] = len(set(digests.values())) == 1
    out["articles_written"] = len(list((facts / "articles").glob("*.yaml")))
    out["entities_written"] = len(list((facts / "entities").glob("*.yaml")))
    inc = incremental_runs(project, jobs_all, logs, repeats, "extract-incremental", "  incremental re-run")
    out["incremental"] = {"runs": inc, "median_s": median([m["seconds"] for m in inc]),
                          "unchanged_after": tree_digest(facts) == digests[jobs_all]}
    return out


def incremental_runs(project: Path, jobs_all: int, logs: Path, repeats: int, log_stem: str, label: str) -> list[dict]:
    """`repeats` measured extract runs over a project already extracted, each with its summary line."""
    runs = []
    for r in range(repeats):
        log = logs / f"{log_stem}-{r}.log"
        m = run_measured(extract_cmd(project, jobs_all), project, log)
        m["summary"] = summary_line(log)
        runs.append(m)
        print(f"{label}: {m['seconds']:.2f} s — {m['summary']}", flush=True)
    return runs


def bench_incremental(name: str, work: Path, repeats: int, jobs_all: int) -> dict:
    """Re-measure the incremental run alone on a project already extracted: one run first brings
    the facts up to date (the rules may have changed since), then `repeats` measured runs,
    which must find every article unchanged."""
    project = work / "runs" / name
    logs = project / "logs"
    warm = run_measured(extract_cmd(project, jobs_all), project, logs / "extract-uptodate.log")
    runs = incremental_runs(project, jobs_all, logs, repeats, "extract-incremental-only",
                            f"  {name}: incremental re-run")
    unchanged = all(re.match(r"0 article file\(s\) written", m["summary"]) for m in runs)
    return {"runs": runs, "median_s": median([m["seconds"] for m in runs]), "all_unchanged": unchanged,
            "bring_up_to_date_s": warm["seconds"], "separate_run": True}


def bench_startup(logs: Path) -> float:
    """Fixed cost of one `extract`: interpreter, imports, rules digest, on an empty folder."""
    tmp = logs / "startup"
    (tmp / "seeds").mkdir(parents=True, exist_ok=True)
    _link(tmp / "generator", LINK_TARGETS["generator"])
    times = [run_measured(extract_cmd(tmp, 1), tmp, logs / "startup.log")["seconds"] for _ in range(3)]
    return median(times)


# --- sites ------------------------------------------------------------------------------------

_CONTENT = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)


def site_stats(site: Path) -> dict:
    pages, total, largest, content = 0, 0, ("", 0), []
    for p in site.rglob("*"):
        if not p.is_file():
            continue
        size = p.stat().st_size
        total += size
        if p.suffix == ".html":
            pages += 1
            if size > largest[1]:
                largest = (p.relative_to(site).as_posix(), size)
            m = _CONTENT.search(p.read_text(encoding="utf-8", errors="replace"))
            if m:
                content.append(len(m.group(1).encode("utf-8")))
    index = site / "search" / "search_index.json"
    return {"pages": pages, "site_bytes": total, "largest_page": {"path": largest[0], "bytes": largest[1]},
            "search_index_bytes": index.stat().st_size if index.is_file() else None,
            "mean_content_bytes": round(statistics.mean(content)) if content else None,
            "median_content_bytes": round(statistics.median(content)) if content else None}


def count_warnings(log: Path) -> int:
    return sum(1 for ln in log.read_text(encoding="utf-8", errors="replace").splitlines() if ln.startswith("WARNING"))


def build_once(project: Path, logs: Path, tag: str) -> dict:
    shutil.rmtree(project / "site", ignore_errors=True)
    log = logs / f"build-{tag}.log"
    m = run_measured([PY, "-m", "mkdocs", "build", "-f", "mkdocs.yml", "-d", "site"], project, log)
    m["warnings"] = count_warnings(log)
    print(f"  mkdocs build ({tag}): {m['seconds']:.1f} s, rc {m['rc']}, peak {m['peak_rss_mb']:.0f} MB, "
          f"{m['warnings']} warnings, load {m['load1']}", flush=True)
    if m["rc"] != 0:
        raise SystemExit(f"mkdocs build failed, see {log}")
    return m


def summarize_builds(runs: list[dict], stats: dict) -> dict:
    out = {"runs": runs, "median_s": median([m["seconds"] for m in runs]),
           "peak_rss_mb": max(m["peak_rss_mb"] for m in runs),
           "peak_tree_rss_mb": max(m["peak_tree_rss_mb"] for m in runs), "warnings": runs[-1]["warnings"]}
    out.update(stats)
    return out


def bench_sites(name: str, project: Path, work: Path, repeats: int, plain: bool, sentences: list[str]) -> dict:
    """Our build and the plain floor, alternated (ours, plain, ours, plain...) so that
    a change in the machine's load falls on both."""
    logs = project / "logs"
    plain_dir = work / "runs" / f"{name}-plain"
    ours, floor, stats, plain_stats = [], [], {}, {}
    for r in range(repeats):
        ours.append(build_once(project, logs, f"ours-{r}"))
        if r == 0:
            stats = site_stats(project / "site")
            if plain:
                make_plain_project(plain_dir, stats["pages"] - 1,  # the 404 page comes by itself
                                   stats["mean_content_bytes"] or 2000, sentences)
                (plain_dir / "logs").mkdir(exist_ok=True)
        if plain:
            floor.append(build_once(plain_dir, plain_dir / "logs", f"plain-{r}"))
            if r == 0:
                plain_stats = site_stats(plain_dir / "site")
    res = {"site": summarize_builds(ours, stats)}
    if plain:
        res["plain"] = summarize_builds(floor, plain_stats)
        res["ratio"] = round(res["site"]["median_s"] / res["plain"]["median_s"], 2)
        res["ratio_per_pair"] = [round(o["seconds"] / p["seconds"], 2) for o, p in zip(ours, floor)]
        print(f"  ratio ours / plain: {res['ratio']} (pairs {res['ratio_per_pair']})", flush=True)
    return res


def make_plain_project(plain: Path, pages: int, content_bytes: int, sentences: list[str]) -> None:
    """Plain MkDocs + Material: `pages` Markdown pages (index included) of about content_bytes each."""
    shutil.rmtree(plain, ignore_errors=True)
    docs = plain / "docs"
    (docs / "p").mkdir(parents=True)
    ours = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    search = re.search(r"(?m)^  - search:\n(?:      .*\n)+", ours)
    search_block = search.group(0) if search else "  - search\n"
    (plain / "mkdocs.yml").write_text(
        "site_name: plain\ndocs_dir: docs\nsite_dir: site\n"
        "theme:\n  name: material\n  language: ar\n  direction: rtl\n  font: false\n"
        "  features:\n    - navigation.tabs\n"
        f"plugins:\n{search_block}"
        "markdown_extensions:\n  - tables\n  - toc:\n      permalink: true\n"
        "nav:\n  - index.md\n" + "".join(f"  - p/{i}.md\n" for i in range(min(8, pages - 1))),
        encoding="utf-8")
    target = max(200, int(content_bytes * 0.8))  # Markdown text grows a little as HTML
    k = 0
    for i in range(pages - 1):
        parts = [f"# صفحة {i}\n"]
        size = 0
        while size < target:
            s = sentences[k % len(sentences)]
            k += 1
            parts.append(s + "\n")
            size += len(s.encode("utf-8")) + 10
        links = "".join(f"- [صفحة {j}]({j}.md)\n" for j in ((i + d) % (pages - 1) for d in (1, 2, 3)))
        (docs / "p" / f"{i}.md").write_text("\n".join(parts) + "\n" + links, encoding="utf-8")
    (docs / "index.md").write_text("# plain\n\n" + "".join(f"- [صفحة {j}](p/{j}.md)\n" for j in range(min(50, pages - 1))),
                                   encoding="utf-8")


def bench_floor(n: int, work: Path, repeats: int, content_bytes: int, sentences: list[str]) -> dict:
    """The floor alone (before the factsheets site exists, or to re-measure it): plain MkDocs +
    Material building n simple pages (index included) of about content_bytes of text each."""
    plain_dir = work / "runs" / f"floor-{n}"
    make_plain_project(plain_dir, n, content_bytes, sentences)
    (plain_dir / "logs").mkdir(exist_ok=True)
    print(f"== floor: plain MkDocs + Material, {n} pages of ~{content_bytes} bytes", flush=True)
    runs = [build_once(plain_dir, plain_dir / "logs", f"plain-{r}") for r in range(repeats)]
    res = summarize_builds(runs, site_stats(plain_dir / "site"))
    res.update({"pages_requested": n, "content_bytes": content_bytes, "repeats": repeats})
    return res


# --- serve ------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 5.0) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError, TimeoutError):
        return None


def article_page(site: Path, article_id: str) -> str:
    """The URL path of an article's page in a built site: a folder or file named by its id."""
    for p in sorted(site.rglob("*.html")):
        rel = p.relative_to(site).as_posix()
        if p.name == "index.html" and p.parent.name == article_id:
            return rel[: -len("index.html")]
        if p.stem == article_id:
            return rel
    raise SystemExit(f"no page for article {article_id} in {site}")


def bench_serve(project: Path, edits: int, logs: Path, dirty: bool = False) -> dict:
    """Edit one article's title; seconds until the served page shows it (livereload on).
    dirty: `mkdocs serve --dirty` (MkDocs rebuilds only the pages whose file is_modified())."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    articles = sorted((project / "facts" / "articles").glob("*.yaml"))
    target = articles[len(articles) // 2]
    original = target.read_bytes()
    url = f"{base}/{article_page(project / 'site', target.stem)}"
    log = logs / ("serve-dirty.log" if dirty else "serve.log")
    started = time.perf_counter()
    load = os.getloadavg()[0]
    with log.open("wb") as out:
        proc = subprocess.Popen([PY, "-m", "mkdocs", "serve", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}",
                                 *(["--dirty"] if dirty else [])],
                                cwd=project, stdout=out, stderr=subprocess.STDOUT)
    latencies = []
    try:
        page = None
        while time.perf_counter() - started < 900:
            page = fetch(url)
            if page:
                break
            if proc.poll() is not None:
                raise SystemExit(f"mkdocs serve exited ({proc.returncode}), see {log}")
            time.sleep(0.2)
        first = time.perf_counter() - started
        if not page:
            raise SystemExit(f"mkdocs serve did not serve {url} within 900 s, see {log}")
        print(f"  serve: first page after {first:.1f} s; editing {target.name}", flush=True)
        time.sleep(3)
        for k in range(edits):
            marker = f"عنوان معدل للقياس {k}-{int(time.time() * 1000) % 100000}"
            text = original.decode("utf-8")
            new, n = re.subn(r"(?m)^title:.*$", f"title: {marker}", text, count=1)
            if not n:
                new = re.sub(r"(?m)^(id:.*)$", rf"\1\ntitle: {marker}", text, count=1)
            t0 = time.perf_counter()
            target.write_text(new, encoding="utf-8")
            seen = None
            while time.perf_counter() - t0 < 300:
                page = fetch(url, timeout=30)
                if page and marker in page:
                    seen = time.perf_counter() - t0
                    break
                time.sleep(0.05)
            latencies.append(round(seen, 3) if seen is not None else None)
            print(f"  serve edit {k}: {'%.2f s' % seen if seen is not None else 'not seen in 300 s'}", flush=True)
            time.sleep(2)
    finally:
        target.write_bytes(original)
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    seen = [x for x in latencies if x is not None]
    return {"articles": len(articles), "dirty": dirty, "first_page_s": round(first, 2), "latencies_s": latencies,
            "median_s": median(seen), "edits": edits, "load1": round(load, 2)}


# --- the machine --------------------------------------------------------------------------------

def machine() -> dict:
    mem = {}
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            k, v = line.split(":", 1)
            mem[k] = int(v.split()[0])
    except OSError:
        pass
    cpu = ""
    try:
        cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                    if ln.startswith("model name")), "")
    except OSError:
        pass
    from importlib.metadata import version

    def git(*args):
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, timeout=10).stdout.strip()
        except OSError:
            return ""

    return {"nproc": os.cpu_count(), "usable_cpus": len(os.sched_getaffinity(0)), "cpu": cpu,
            "ram_gb": round(mem.get("MemTotal", 0) / 1024 / 1024, 1), "python": platform.python_version(),
            "platform": platform.platform(), "mkdocs": version("mkdocs"), "mkdocs_material": version("mkdocs-material"),
            "commit": git("rev-parse", "--short", "HEAD"), "uncommitted_changes": bool(git("status", "--porcelain")),
            "load_at_start": [round(x, 2) for x in os.getloadavg()]}


# --- corpora --------------------------------------------------------------------------------------

def gsr_corpus(work: Path) -> Path:
    folder = work / "gsr_articles"
    if not folder.is_dir() or len(list(folder.glob("*.txt"))) < 3000:
        subprocess.run([PY, str(GSR_TOOL), "articles", str(folder)], check=True)
    return folder


def synthetic_corpus(work: Path, n: int) -> Path:
    folder = work / f"corpus-{n}"
    m = make_corpus.write_corpus(n, folder)
    print(f"corpus {n}: {m['bytes'] / 1e6:.1f} MB, sha256 {m['sha256']}", flush=True)
    return folder


def bench_corpus(name: str, corpus: Path, work: Path, repeats: int, jobs_all: int, site: bool,
                 plain: bool, sentences: list[str]) -> dict:
    n = len(list(corpus.glob("*.txt")))
    project = make_project(work / "runs" / name, corpus)
    logs = project / "logs"
    logs.mkdir(exist_ok=True)
    print(f"== {name}: {n} articles, {repeats} run(s) per measure", flush=True)
    res = {"articles": n, "corpus_bytes": sum(p.stat().st_size for p in corpus.glob("*.txt")), "repeats": repeats}
    res["extract"] = bench_extraction(project, n, repeats, jobs_all, logs)
    if site:
        res.update(bench_sites(name, project, work, repeats, plain, sentences))
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="the 1,000-article corpus only")
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 10000])
    ap.add_argument("--no-gsr", dest="gsr", action="store_false", help="skip the gold-standard corpus")
    ap.add_argument("--repeats", type=int, default=3, help="runs per measure (median reported)")
    ap.add_argument("--big-repeats", type=int, default=1, help="runs per measure for corpora of 5,000+ articles")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="'all cores' for the parallel runs")
    ap.add_argument("--no-site", dest="site", action="store_false", help="skip mkdocs builds")
    ap.add_argument("--no-plain", dest="plain", action="store_false", help="skip the plain MkDocs floor")
    ap.add_argument("--no-serve", dest="serve", action="store_false", help="skip the mkdocs serve latency")
    ap.add_argument("--serve-size", type=int, default=1000)
    ap.add_argument("--serve-modes", nargs="+", choices=("full", "dirty"), default=["full", "dirty"],
                    help="`mkdocs serve` as is (full rebuilds) and/or with --dirty")
    ap.add_argument("--no-freeze", dest="freeze", action="store_false",
                    help="run the live generator/ instead of a copy taken at the start")
    ap.add_argument("--site-only", action="store_true",
                    help="only the site builds (and the floor) for --sizes, on projects already extracted")
    ap.add_argument("--incremental-only", action="store_true",
                    help="re-measure only the incremental run for --sizes (projects already extracted)")
    ap.add_argument("--serve-only", action="store_true",
                    help="only the serve latency, on the --serve-size project already extracted and built")
    ap.add_argument("--serve-edits", type=int, default=5)
    ap.add_argument("--work", type=Path, default=HERE / "work")
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--merge", action="store_true", help="keep corpora already in --out that this run does not measure")
    ap.add_argument("--floor-only", action="store_true",
                    help="only the plain MkDocs floor, with as many pages as articles in --sizes")
    ap.add_argument("--floor-bytes", type=int, default=4000, help="text per page for --floor-only")
    ap.add_argument("--no-docs", dest="docs", action="store_false", help="do not rewrite docs/performance.md")
    args = ap.parse_args(argv)
    if args.quick:
        args.sizes, args.gsr = [1000], False
    args.work.mkdir(parents=True, exist_ok=True)
    results = {"machine": machine(), "started": dt.datetime.now().isoformat(timespec="seconds"),
               "settings": {"repeats": args.repeats, "big_repeats": args.big_repeats, "jobs_all": args.jobs},
               "corpora": {}}
    if args.merge and args.out.is_file():
        old = json.loads(args.out.read_text(encoding="utf-8"))
        results["corpora"] = old.get("corpora", {})
        results["started"] = min(results["started"], old.get("started", results["started"]))
        results["machine"]["load_at_start"] = old.get("machine", {}).get("load_at_start", results["machine"]["load_at_start"])
        for key in ("serve", "serve_dirty", "floor", "startup_s"):
            if key in old:
                results[key] = old[key]
    sentences = make_corpus.real_sentences()
    if args.freeze and not (args.incremental_only or args.serve_only or args.floor_only):
        # (--site-only included: the builds run the frozen copy too)
        results["machine"]["frozen_code_digest"] = freeze_code(args.work)

    def save():
        results["finished"] = dt.datetime.now().isoformat(timespec="seconds")
        results["machine"]["load_at_end"] = [round(x, 2) for x in os.getloadavg()]
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    if args.site_only:
        for n in args.sizes:
            name = str(n)
            project = make_project(args.work / "runs" / name, args.work / f"corpus-{n}")
            c = results["corpora"].setdefault(name, {"articles": n})
            for k in ("site_from_earlier_run",):
                c.pop(k, None)
            c.update(bench_sites(name, project, args.work, args.repeats if n < 5000 else args.big_repeats,
                                 args.plain, sentences))
            c["site_code_digest"] = results["machine"].get("frozen_code_digest")
            c["site_measured"] = dt.datetime.now().isoformat(timespec="seconds")
            save()
        if args.docs:
            import report

            report.write(results)
        return 0
    if args.incremental_only:
        for n in args.sizes:
            c = results["corpora"].setdefault(str(n), {"articles": n})
            c.setdefault("extract", {})["incremental"] = bench_incremental(str(n), args.work, args.repeats, args.jobs)
            save()
        if args.docs:
            import report

            report.write(results)
        return 0
    if args.serve_only:
        run_dir = args.work / "runs" / str(args.serve_size)
        if "full" in args.serve_modes:
            results["serve"] = bench_serve(run_dir, args.serve_edits, run_dir / "logs")
            save()
        if "dirty" in args.serve_modes:
            results["serve_dirty"] = bench_serve(run_dir, args.serve_edits, run_dir / "logs", dirty=True)
            save()
        if args.docs:
            import report

            report.write(results)
        return 0
    if args.floor_only:
        results.setdefault("floor", {})
        for n in args.sizes:
            results["floor"][str(n)] = bench_floor(n, args.work, args.repeats if n < 5000 else args.big_repeats,
                                                   args.floor_bytes, sentences)
            save()
        if args.docs:
            import report

            report.write(results)
        return 0
    results["startup_s"] = bench_startup(args.work / "runs")
    todo = ([("gsr", gsr_corpus(args.work), args.repeats)] if args.gsr else [])
    for n in args.sizes:
        todo.append((str(n), synthetic_corpus(args.work, n), args.repeats if n < 5000 else args.big_repeats))
    for name, corpus, repeats in todo:
        before = results["corpora"].get(name, {})
        results["corpora"][name] = bench_corpus(name, corpus, args.work, repeats, args.jobs, args.site,
                                                args.plain, sentences)
        results["corpora"][name]["code_digest"] = results["machine"].get("frozen_code_digest")
        results["corpora"][name]["measured"] = dt.datetime.now().isoformat(timespec="seconds")
        if not args.site:  # keep the site measures of an earlier run (--merge), saying so
            kept = {k: before[k] for k in ("site", "plain", "ratio", "ratio_per_pair") if k in before}
            if kept:
                results["corpora"][name].update(kept, site_from_earlier_run=True)
        save()
        if args.serve and args.site and name == str(args.serve_size):
            run_dir = args.work / "runs" / name
            if "full" in args.serve_modes:
                results["serve"] = bench_serve(run_dir, args.serve_edits, run_dir / "logs")
                save()
            if "dirty" in args.serve_modes:
                results["serve_dirty"] = bench_serve(run_dir, args.serve_edits, run_dir / "logs", dirty=True)
                save()
    save()
    if args.docs:
        import report

        report.write(results)
    print(f"results: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
