#!/usr/bin/env python3
"""cProfile of the hot paths, in one process, with the top functions printed.

    .venv/bin/python benchmarks/hotspots.py extract SEEDS [--limit N]   # clean + extract, no registry, no writes
    .venv/bin/python benchmarks/hotspots.py pipeline SEEDS FACTS        # `extract --jobs 1` end to end (FACTS is emptied)
    .venv/bin/python benchmarks/hotspots.py load FACTS                  # FactsStore.load()
    .venv/bin/python benchmarks/hotspots.py site FACTS                  # load + events + index + every page's Markdown
    .venv/bin/python benchmarks/hotspots.py build PROJECT               # a whole `mkdocs build` of PROJECT/mkdocs.yml
    .venv/bin/python benchmarks/hotspots.py build PROJECT --dirty       # the dirty rebuild `serve --dirty` does after an edit

Each prints the wall time, then the top --top functions by own time and by
cumulative time; --out FILE also writes the full listing there.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sys
import time
from pathlib import Path


def profiled(fn, top: int, out: Path | None, label: str):
    prof = cProfile.Profile()
    started = time.perf_counter()
    prof.enable()
    result = fn()
    prof.disable()
    wall = time.perf_counter() - started
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.strip_dirs()
    print(f"{label}: {wall:.2f} s under cProfile (profiling adds overhead)", file=buf)
    for key in ("tottime", "cumulative"):
        print(f"\n--- top {top} by {key} ---", file=buf)
        stats.sort_stats(key).print_stats(top)
    text = buf.getvalue()
    print(text)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("extract", "pipeline", "load", "site", "build"))
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--dirty", action="store_true", help="build: profile the dirty rebuild after one YAML edit")
    args = ap.parse_args(argv)

    if args.what == "extract":
        from generator.pipeline import Job, extract_one

        paths = sorted(args.paths[0].glob("*.txt"))[: args.limit]
        jobs = [Job(p.stem.lower().replace("_", "-"), p, p.name, "0" * 16) for p in paths]
        extract_one(jobs[0])  # imports and lexicons loaded outside the measure

        def work():
            failed = [r[3] for r in map(extract_one, jobs) if r[3]]
            print(f"{len(jobs)} articles, {len(failed)} failed")

        profiled(work, args.top, args.out, f"extract {len(jobs)} articles")
    elif args.what == "pipeline":
        from generator.pipeline import extract_all

        seeds, facts = args.paths[:2]
        shutil.rmtree(facts, ignore_errors=True)
        profiled(lambda: extract_all(seeds, facts, jobs=1, progress=False), args.top, args.out, "extract_all --jobs 1")
    elif args.what == "load":
        from generator.store import FactsStore

        profiled(lambda: FactsStore(args.paths[0]).load(), args.top, args.out, "FactsStore.load")
    elif args.what == "site":
        from generator.events import cluster_events
        from generator.site.index import SiteIndex
        from generator.site.loading import load_facts
        from generator.site.pages import site_pages

        def work():
            t = time.perf_counter()
            facts, _ = load_facts(args.paths[0])
            loaded = time.perf_counter()
            events = cluster_events(facts)
            clustered = time.perf_counter()
            ix = SiteIndex.build(facts, events, True)
            indexed = time.perf_counter()
            pages = site_pages(facts, events, ix, {})
            done = time.perf_counter()
            print(f"{len(facts.articles)} articles, {len(facts.entities)} entities, {len(events)} events → "
                  f"{len(pages)} files, {sum(len(c) for c in pages.values()) / 1e6:.1f} M characters; "
                  f"load {loaded - t:.1f} s, events {clustered - loaded:.1f} s, index {indexed - clustered:.1f} s, "
                  f"pages {done - indexed:.1f} s")

        profiled(work, args.top, args.out, "load + events + index + pages")
    else:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        project = args.paths[0].resolve()
        os.chdir(project)
        cfg = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site-profile"))
        cfg.plugins.on_startup(command="serve" if args.dirty else "build", dirty=args.dirty)
        try:
            if not args.dirty:
                profiled(lambda: build(cfg), args.top, args.out, f"mkdocs build {project.name}")
            else:  # what `mkdocs serve --dirty` does after an edit: a full build, one YAML edited, a dirty build
                build(cfg)
                target = sorted((project / "facts" / "articles").glob("*.yaml"))[len(list((project / "facts" / "articles").glob("*.yaml"))) // 2]
                original = target.read_text(encoding="utf-8")
                target.write_text(original.replace("title:", "title: تعديل للقياس", 1), encoding="utf-8")
                try:
                    cfg = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site-profile"))
                    cfg.plugins.on_startup(command="serve", dirty=True)
                    profiled(lambda: build(cfg, dirty=True), args.top, args.out, f"dirty rebuild after editing {target.name}")
                finally:
                    target.write_text(original, encoding="utf-8")
        finally:
            cfg.plugins.on_shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
