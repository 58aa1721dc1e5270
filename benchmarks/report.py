#!/usr/bin/env python3
"""benchmarks/results.json → the results block of docs/performance.md and the
plot docs/assets/performance.svg.

    .venv/bin/python benchmarks/report.py [results.json]

Only the text between the two `<!-- results -->` markers of performance.md is
rewritten; the rest of the page (method, profiles, suggestions) is written by hand.
The plot is a hand-written SVG (no plotting library needed; same results, same bytes).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PAGE = REPO / "docs" / "performance.md"
PLOT = REPO / "docs" / "assets" / "performance.svg"
START, END = "<!-- results:start -->", "<!-- results:end -->"

SKELETON = f"""# Performance

{START}
{END}
"""

ORDER = ("gsr", "1000", "5000", "10000")


def _corpora(results: dict) -> list[tuple[str, dict]]:
    corpora = results.get("corpora", {})
    known = [(k, corpora[k]) for k in ORDER if k in corpora]
    return known + sorted((k, v) for k, v in corpora.items() if k not in ORDER)


def _label(name: str, c: dict) -> str:
    return f"gold-standard sentences ({c['articles']:,})" if name == "gsr" else f"synthetic {c['articles']:,}"


def _fmt(x, spec=".1f", none="–"):
    return none if x is None else format(x, spec)


def _incremental(inc: dict) -> str:
    """Seconds of the re-run; flagged when it did not find every article unchanged (the rules
    changed under it, so it re-extracted and is no measure of an incremental run)."""
    if inc.get("median_s") is None:
        return "–"
    redone = [r for r in inc.get("runs", []) if not str(r.get("summary", "0 article")).startswith("0 article")]
    return f"{inc['median_s']:.2f}" + (" (re-extracted: rules changed)" if redone else "")


def _loads(c: dict) -> str:
    """The range of the 1-minute load average at the start of this corpus's measured runs."""
    runs = [r for k, v in c.get("extract", {}).items() if isinstance(v, dict) for r in v.get("runs", [])]
    runs += c.get("site", {}).get("runs", []) + c.get("plain", {}).get("runs", [])
    loads = [r["load1"] for r in runs if isinstance(r, dict) and r.get("load1") is not None]
    return f"{min(loads):.1f}–{max(loads):.1f}" if loads else "–"


def _ratio(c: dict) -> str:
    """The ratio of medians, and the range of the per-pair ratios when there are several pairs."""
    r, pairs = c.get("ratio"), c.get("ratio_per_pair") or []
    if r is None:
        return "–"
    return f"{r:.2f}" + (f" ({min(pairs):.2f}–{max(pairs):.2f})" if len(pairs) > 1 else "")


def table(results: dict) -> str:
    jobs_all = results.get("settings", {}).get("jobs_all", 2)
    head = ("| corpus | runs (extract / build) | extract --jobs 1 (articles/s) | extract --jobs {j} (articles/s) | same bytes | re-run unchanged (s) "
            "| entities | mkdocs build (s) | plain MkDocs, same pages (s) | ratio (pairs) | pages | largest page (KB) | site (MB) "
            "| search index (MB) | peak RSS extract (all processes) / build (MB) | load average (min–max) |").format(j=jobs_all)
    lines = [head, "|" + "|".join(["---"] * (head.count("|") - 1)) + "|"]
    for name, c in _corpora(results):
        ex = c.get("extract", {})
        j1, jn = ex.get("jobs1", {}), ex.get(f"jobs{jobs_all}", ex.get("jobs1", {}))
        site, plain = c.get("site", {}), c.get("plain", {})
        rss = max([(ex.get(k, {}).get("peak_tree_rss_mb") or ex.get(k, {}).get("peak_rss_mb") or 0)
                   for k in ex if k.startswith("jobs")] or [0])
        lines.append("| " + " | ".join([
            _label(name, c) + (" *" if c.get("site_from_earlier_run") else ""),
            f"{c.get('repeats', '–')} / {len(site.get('runs', [])) or '–'}",
            f"{_fmt(j1.get('articles_per_s'), '.0f')} ({_fmt(j1.get('median_s'))} s)",
            f"{_fmt(jn.get('articles_per_s'), '.0f')} ({_fmt(jn.get('median_s'))} s)",
            {True: "yes", False: "NO"}.get(ex.get("identical_output"), "–"),
            _incremental(ex.get("incremental", {})),
            f"{ex.get('entities_written', 0):,}",
            _fmt(site.get("median_s")), _fmt(plain.get("median_s")), _ratio(c),
            f"{site['pages']:,}" if site.get("pages") else "–",
            _fmt(site["largest_page"]["bytes"] / 1024 if site.get("largest_page") else None, ".0f"),
            _fmt(site["site_bytes"] / 1e6 if site.get("site_bytes") else None),
            _fmt(site["search_index_bytes"] / 1e6 if site.get("search_index_bytes") else None),
            f"{rss:.0f} / {_fmt(site.get('peak_rss_mb'), '.0f')}",
            _loads(c),
        ]) + " |")
    return "\n".join(lines)


def floor_table(results: dict) -> str:
    """The floor measured alone (`run.py --floor-only`): plain MkDocs + Material, n simple pages."""
    floor = results.get("floor", {})
    if not floor:
        return ""
    lines = ["| pages (plain MkDocs + Material) | runs | build (s) | per 1,000 pages (s) | peak RSS (MB) | site (MB) "
             "| largest page (KB) | load average during runs |", "|---|---|---|---|---|---|---|---|"]
    for key in sorted(floor, key=int):
        f = floor[key]
        loads = [r.get("load1") for r in f.get("runs", []) if r.get("load1") is not None]
        lines.append("| " + " | ".join([
            f"{f.get('pages', int(key)):,}", str(f.get("repeats", len(f.get("runs", [])))),
            _fmt(f.get("median_s")), _fmt(f["median_s"] / f["pages"] * 1000 if f.get("pages") else None, ".2f"),
            _fmt(f.get("peak_rss_mb"), ".0f"), _fmt(f["site_bytes"] / 1e6 if f.get("site_bytes") else None),
            _fmt(f["largest_page"]["bytes"] / 1024 if f.get("largest_page") else None, ".0f"),
            ", ".join(f"{x:.2f}" for x in loads) or "–",
        ]) + " |")
    return "\n".join(lines)


def targets(results: dict) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met) for each target of the brief."""
    c = dict(_corpora(results))
    jobs_all = results.get("settings", {}).get("jobs_all", 2)
    out = []

    def ex(name, key="jobs1"):
        return c.get(name, {}).get("extract", {}).get(key, {})

    g = ex("gsr").get("articles_per_s")
    out.append(("extraction ≥ 500 articles/s on one core, gold-standard sentences",
                f"{_fmt(g, '.0f')} articles/s" if g else "not measured", None if g is None else g >= 500))
    synth = [(k, ex(k).get("articles_per_s")) for k in ("1000", "5000", "10000") if ex(k).get("articles_per_s")]
    if synth:
        worst = min(v for _, v in synth)
        per_core = [(k, (ex(k, f"jobs{jobs_all}").get("articles_per_s") or 0) / jobs_all) for k, _ in synth]
        out.append(("≥ 50 full articles/s per core (synthetic)",
                    ", ".join(f"{k}: {v:.0f}/s on 1 core" for k, v in synth)
                    + "; with all cores " + ", ".join(f"{k}: {v:.0f}/s per core" for k, v in per_core),
                    worst >= 50))
    else:
        out.append(("≥ 50 full articles/s per core (synthetic)", "not measured", None))
    pts = [(c[k]["articles"], ex(k).get("median_s")) for k in ("1000", "5000", "10000") if ex(k).get("median_s")]
    if len(pts) >= 2:
        per = [s / n * 1000 for n, s in pts]
        spread = max(per) / min(per)
        out.append(("extraction time linear in N",
                    "ms per article at " + ", ".join(f"{n:,}: {s / n * 1000:.1f}" for n, s in pts)
                    + f" (largest / smallest {spread:.2f})", spread <= 1.3))
    else:
        out.append(("extraction time linear in N", "needs two corpus sizes", None))
    big = c.get("10000", {})
    r = big.get("ratio")
    out.append(("10,000-article site builds in ≤ 1.3× plain MkDocs + Material",
                f"{r:.2f}× ({_fmt(big['site']['median_s'])} s vs {_fmt(big['plain']['median_s'])} s)" if r else "not measured",
                None if r is None else r <= 1.3))
    ex_rss = [(k, m) for k, v in c.items() for j, e in v.get("extract", {}).items() if j.startswith("jobs")
              if (m := e.get("peak_tree_rss_mb") or e.get("peak_rss_mb"))]
    site_rss = [(k, m) for k, v in c.items() if (m := v.get("site", {}).get("peak_rss_mb"))]
    for what, rss in (("extraction, all processes", ex_rss), ("mkdocs build", site_rss)):
        if rss:
            k, m = max(rss, key=lambda x: x[1])
            plain = c.get(k, {}).get("plain", {}).get("peak_rss_mb") if what == "mkdocs build" else None
            out.append((f"peak RSS ≤ 1 GB ({what})", f"{m:.0f} MB (corpus {k})"
                        + (f"; plain MkDocs, same pages: {plain:.0f} MB" if plain else ""), m <= 1024))
        else:
            out.append((f"peak RSS ≤ 1 GB ({what})", "not measured", None))
    pages = [(k, v["site"]["largest_page"]) for k, v in c.items() if v.get("site", {}).get("largest_page")]
    if pages:
        k, lp = max(pages, key=lambda x: x[1]["bytes"])
        out.append(("no page over 150 KB", f"largest {lp['bytes'] / 1024:.0f} KB ({lp['path']}, corpus {k})",
                    lp["bytes"] <= 150 * 1024))
    else:
        out.append(("no page over 150 KB", "not measured", None))
    for key, how in (("serve", "`mkdocs serve`"), ("serve_dirty", "`mkdocs serve --dirty`")):
        s = results.get(key, {})
        if key == "serve_dirty" and not s:
            continue
        out.append((f"{how} edit-to-page ≤ 2 s at 1,000 articles",
                    f"median {s['median_s']:.2f} s of {len([x for x in s['latencies_s'] if x is not None])} edits"
                    if s.get("median_s") is not None else "not measured",
                    None if s.get("median_s") is None else s["median_s"] <= 2.0))
    inc = big.get("extract", {}).get("incremental", {}).get("median_s")
    out.append(("second run over 10,000 unchanged articles takes seconds",
                f"{inc:.1f} s" if inc is not None else "not measured", None if inc is None else inc <= 10))
    return out


def machine_line(results: dict) -> str:
    m = results.get("machine", {})
    return (f"Machine: {m.get('nproc')} cores ({m.get('cpu') or 'unknown CPU'}), {m.get('ram_gb')} GB RAM, "
            f"Python {m.get('python')}, MkDocs {m.get('mkdocs')}, Material {m.get('mkdocs_material')}; "
            f"commit {m.get('commit')}{' with uncommitted changes' if m.get('uncommitted_changes') else ''}"
            f"{' (code frozen for the run: ' + m['frozen_code_digest'] + ')' if m.get('frozen_code_digest') else ''}; "
            f"measured {results.get('started', '?')} → {results.get('finished', '?')}; "
            f"1-minute load average {m.get('load_at_start', ['?'])[0]} at start, {m.get('load_at_end', ['?'])[0]} at end "
            f"(the machine was shared with other work; each step's load is in results.json).")


def block(results: dict) -> str:
    rows = ["| target | measured | met |", "|---|---|---|"]
    for name, measured, met in targets(results):
        rows.append(f"| {name} | {measured} | {'yes' if met else ('no' if met is False else '–')} |")
    settings = results.get("settings", {})
    parts = [
        machine_line(results), "",
        "Medians of the runs counted in the `runs` column (extraction / site build): three for the "
        "gold standard and 1,000 articles, fewer for 5,000 and 10,000 for lack of time. Extraction times are whole "
        f"`python -m generator extract` processes from an empty facts folder, including "
        f"{_fmt(results.get('startup_s'), '.2f')} s of start-up (interpreter, imports, rules digest).", "",
        table(results) if results.get("corpora") else "No factsheets corpus measured yet.", "",
        *(["\\* site build measured in an earlier invocation than the extraction (older code; see "
           "`results.json`).", ""] if any(c.get("site_from_earlier_run") for c in results.get("corpora", {}).values())
          else []),
        *(["### The floor alone", "",
           "Plain MkDocs + Material (search plugin with the site's settings, Arabic RTL theme, a nav of 9 "
           "entries) building simple pages of about the size of an article page:", "",
           floor_table(results), ""] if results.get("floor") else []),
        "![Extraction and build times against corpus size](assets/performance.svg)", "",
        "### Targets", "", *rows, "",
    ]
    for key, how in (("serve", "`mkdocs serve`"), ("serve_dirty", "`mkdocs serve --dirty`")):
        s = results.get(key, {})
        if s.get("latencies_s"):
            parts += [f"{how} at {s['articles']:,} articles: first page served after {s['first_page_s']} s; "
                      f"edit-to-page latencies " + ", ".join(_fmt(x, '.2f', 'not seen') for x in s["latencies_s"])
                      + f" s (median {_fmt(s['median_s'], '.2f')} s; load average {s.get('load1', '?')} at start).", ""]
    return "\n".join(parts)


def write_page(results: dict, page: Path = PAGE) -> None:
    text = page.read_text(encoding="utf-8") if page.is_file() else SKELETON
    if START not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"{head}{START}\n{block(results)}\n{END}{tail}", encoding="utf-8")


# --- the plot ---------------------------------------------------------------------------------

def series(results: dict) -> tuple[dict, dict]:
    """Two panels, each {label: [(x, seconds), ...]}: extraction and site build against corpus size."""
    jobs_all = results.get("settings", {}).get("jobs_all", 2)
    pts = sorted(((v["articles"], v) for k, v in _corpora(results) if k != "gsr"), key=lambda x: x[0])

    def col(f):
        return [(n, y) for n, v in pts if (y := f(v)) is not None]

    extract = {"extract --jobs 1": col(lambda v: v.get("extract", {}).get("jobs1", {}).get("median_s")),
               f"extract --jobs {jobs_all}": col(lambda v: v.get("extract", {}).get(f"jobs{jobs_all}", {}).get("median_s")),
               "re-run, unchanged": col(lambda v: v.get("extract", {}).get("incremental", {}).get("median_s"))}
    build = {"mkdocs build (factsheets)": col(lambda v: v.get("site", {}).get("median_s")),
             "plain MkDocs + Material, same page count": col(lambda v: v.get("plain", {}).get("median_s"))}
    floor = results.get("floor", {})
    if floor:
        build["plain MkDocs + Material, pages = articles"] = sorted(
            (int(k), f["median_s"]) for k, f in floor.items() if f.get("median_s") is not None)
    return ({k: v for k, v in extract.items() if v}, {k: v for k, v in build.items() if v})


def plot(results: dict, out: Path = PLOT) -> None:
    extract, build = series(results)
    if not extract and not build:
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(svg(extract, build), encoding="utf-8")


def svg(extract: dict, build: dict) -> str:
    """Two small line charts, written by hand (no plotting library; the same results give the same bytes)."""
    colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"]
    w, h, pad, legend = 440, 330, 48, 64
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * w}" height="{h}" viewBox="0 0 {2 * w} {h}" '
           'font-family="sans-serif" font-size="11">', '<rect width="100%" height="100%" fill="#fff"/>']
    for panel, (title, data) in enumerate((("Extraction", extract), ("Site build", build))):
        x0 = panel * w
        xs = sorted({x for v in data.values() for x, _ in v}) or [1]
        ys = [y for v in data.values() for _, y in v] or [1]
        ymax, xmax = max(ys) * 1.1 or 1, max(xs) * 1.05

        def px(n, y):
            return x0 + pad + (w - 2 * pad) * n / xmax, h - legend - pad - (h - legend - 2 * pad) * y / ymax

        out.append(f'<text x="{x0 + w / 2}" y="16" text-anchor="middle" font-weight="bold">'
                   f'{title}: seconds (median) against articles</text>')
        base = h - legend - pad
        out.append(f'<line x1="{x0 + pad}" y1="{base}" x2="{x0 + w - pad}" y2="{base}" stroke="#333"/>')
        out.append(f'<line x1="{x0 + pad}" y1="{pad}" x2="{x0 + pad}" y2="{base}" stroke="#333"/>')
        if not data:
            out.append(f'<text x="{x0 + w / 2}" y="{h / 2}" text-anchor="middle" fill="#777">not measured yet</text>')
            continue
        for n in xs:
            x, _ = px(n, 0)
            out.append(f'<text x="{x:.1f}" y="{base + 15}" text-anchor="middle">{n:,}</text>')
        for frac in (0.25, 0.5, 0.75, 1.0):
            v = ymax / 1.1 * frac
            _, y = px(0, v)
            out.append(f'<line x1="{x0 + pad}" y1="{y:.1f}" x2="{x0 + w - pad}" y2="{y:.1f}" stroke="#ddd"/>')
            out.append(f'<text x="{x0 + pad - 4}" y="{y + 4:.1f}" text-anchor="end">{v:.3g}</text>')
        for i, (label, pts) in enumerate(data.items()):
            c = colors[i % len(colors)]
            xy = [px(n, y) for n, y in pts]
            out.append(f'<polyline fill="none" stroke="{c}" stroke-width="2" points="'
                       + " ".join(f"{x:.1f},{y:.1f}" for x, y in xy) + '"/>')
            out += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{c}"/>' for x, y in xy]
            ly = base + 34 + 14 * i
            out.append(f'<line x1="{x0 + pad}" y1="{ly - 4}" x2="{x0 + pad + 18}" y2="{ly - 4}" stroke="{c}" stroke-width="2"/>')
            out.append(f'<text x="{x0 + pad + 24}" y="{ly}">{label}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write(results: dict) -> None:
    write_page(results)
    plot(results)
    print(f"wrote {PAGE.relative_to(REPO)} and {PLOT.relative_to(REPO)}")


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "results.json"
    write(json.loads(path.read_text(encoding="utf-8")))
