"""Pictures made at build time as SVG (no JavaScript library, nothing fetched).

- `network_svg`: who met whom. Nodes are the entities that took part in
  meeting events (people, countries, bodies), edges the number of meeting
  EVENTS between two of them. Bounded: the TOP_NODES busiest nodes and the
  TOP_EDGES heaviest edges among them, so the picture stays readable at any
  corpus size. A small deterministic force layout places the nodes.
- `timeline_svg`: events per month, stacked by type; each month links to
  its page. Time runs right to left, as the page reads.

Labels are escaped text in `<text>` elements of an SVG whose direction is
rtl, so Arabic names shape and order correctly; every node links to its page.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

from .html import esc
from .index import SiteIndex

TOP_NODES = 40
TOP_EDGES = 150
WIDTH, HEIGHT = 960, 680
KIND_COLOURS = {"person": "#1e88e5", "country": "#43a047", "organization": "#8e24aa", "group": "#e53935"}
TYPE_COLOURS = {"meeting": "#1e88e5", "visit": "#43a047", "agreement": "#fb8c00", "strike": "#e53935",
                "statement": "#757575"}
TYPE_ORDER = ("meeting", "visit", "agreement", "strike", "statement")


def meeting_graph(ix: SiteIndex) -> tuple[Counter, Counter]:
    """(node → weighted degree, (a, b) → meeting events), over all meeting events."""
    return _graph(set(event.participants) for event in ix.events.values() if event.type == "meeting")


def country_graph(ix: SiteIndex) -> tuple[Counter, Counter]:
    """The same meetings between countries: each participant counts as its country (a
    country as itself; a group, or anyone without a country, is left out). One meeting
    event adds one to each pair of the different countries at it."""
    def countries(participants: list[str]) -> set[str]:
        out = set()
        for p in participants:
            entity = ix.entities.get(p)
            if entity is None or entity.kind == "group":
                continue
            country = p if entity.kind == "country" else entity.country
            if country and country in ix.entities:
                out.add(country)
        return out
    return _graph(countries(event.participants) for event in ix.events.values() if event.type == "meeting")


def _graph(meetings) -> tuple[Counter, Counter]:
    """Weighted degrees and edges: each meeting (a set of nodes) adds one to each pair at it."""
    edges: Counter = Counter()
    for nodes in meetings:
        members = sorted(nodes)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                edges[(a, b)] += 1
    degree: Counter = Counter()
    for (a, b), n in edges.items():
        degree[a] += n
        degree[b] += n
    return degree, edges


def _layout(nodes: list[str], edges: dict[tuple[str, str], int], iterations: int = 250) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold from a circle: deterministic, O(iterations · n²) for n ≤ TOP_NODES."""
    n = len(nodes)
    if n == 0:
        return {}
    pos = {v: [math.cos(2 * math.pi * i / n) * 0.4, math.sin(2 * math.pi * i / n) * 0.4] for i, v in enumerate(nodes)}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    k = math.sqrt(1.0 / n)
    temp = 0.1
    for _ in range(iterations):
        disp = {v: [0.0, 0.0] for v in nodes}
        for i, a in enumerate(nodes):
            pa = pos[a]
            for b in nodes[i + 1:]:
                pb = pos[b]
                dx, dy = pa[0] - pb[0], pa[1] - pb[1]
                d = math.hypot(dx, dy) or 1e-3
                f = k * k / d
                disp[a][0] += dx / d * f
                disp[a][1] += dy / d * f
                disp[b][0] -= dx / d * f
                disp[b][1] -= dy / d * f
        for (a, b), w in edges.items():
            pa, pb = pos[a], pos[b]
            dx, dy = pa[0] - pb[0], pa[1] - pb[1]
            d = math.hypot(dx, dy) or 1e-3
            f = d * d / k * (1 + math.log(w))
            disp[a][0] -= dx / d * f
            disp[a][1] -= dy / d * f
            disp[b][0] += dx / d * f
            disp[b][1] += dy / d * f
        for v in nodes:  # gravity keeps unconnected nodes on the picture
            disp[v][0] -= pos[v][0] * 0.5
            disp[v][1] -= pos[v][1] * 0.5
            dx, dy = disp[v]
            d = math.hypot(dx, dy) or 1e-9
            step = min(d, temp)
            pos[v][0] += dx / d * step
            pos[v][1] += dy / d * step
        temp *= 0.985
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    return {v: ((p[0] - min(xs)) / span_x, (p[1] - min(ys)) / span_y) for v, p in pos.items()}


def network_svg(ix: SiteIndex, href: Callable[[str], str], graph: tuple[Counter, Counter] | None = None,
                label: str = "شبكة اللقاءات") -> str:
    """The who-met-whom picture; `href(entity_id)` gives each node's link from where the SVG is shown.
    `graph` is (degree, edges), by default `meeting_graph(ix)`."""
    degree, edges = graph if graph is not None else meeting_graph(ix)
    nodes = [v for v, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_NODES]]
    keep = set(nodes)
    shown = dict(sorted(((e, w) for e, w in edges.items() if e[0] in keep and e[1] in keep),
                        key=lambda ew: (-ew[1], ew[0]))[:TOP_EDGES])
    pos = _layout(sorted(nodes), shown)
    margin_x, margin_y = 110, 50
    xy = {v: (margin_x + p[0] * (WIDTH - 2 * margin_x), margin_y + p[1] * (HEIGHT - 2 * margin_y)) for v, p in pos.items()}
    top = max(degree.values(), default=1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
             f'direction="rtl" role="img" aria-label="{label}" class="fs-network" '
             'font-family="Noto Naskh Arabic, Noto Sans Arabic, sans-serif">',
             f'<title>{label}: {len(nodes)} طرفاً و{len(shown)} صلة</title>',
             '<rect width="100%" height="100%" fill="#ffffff"/>', '<g class="fs-edges" stroke="#90a4ae">']
    for (a, b), w in shown.items():
        (x1, y1), (x2, y2) = xy[a], xy[b]
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke-width="{min(1 + w, 8)}" '
                     f'stroke-opacity="0.7"><title>{ix.name(a)} – {ix.name(b)}: {w}</title></line>')
    parts.append("</g><g class=\"fs-nodes\">")
    for v in sorted(nodes, key=lambda v: degree[v]):
        x, y = xy[v]
        entity = ix.entities.get(v)
        colour = KIND_COLOURS.get(entity.kind if entity else "", "#9e9e9e")
        r = 5 + 10 * math.sqrt(degree[v] / top)
        circle = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}" stroke="#fff" stroke-width="1.5"/>'
                  f'<text x="{x:.1f}" y="{y - r - 4:.1f}" text-anchor="middle" direction="rtl" font-size="14" '
                  f'fill="#212121" paint-order="stroke" stroke="#fff" stroke-width="3">{ix.name(v)}</text>')
        if entity is None:
            parts.append(f"<g>{circle}</g>")
        else:
            parts.append(f'<a href="{href(v)}"><title>{ix.name(v)}: {degree[v]}</title>{circle}</a>')
    parts.append("</g></svg>")
    return "".join(parts)


def timeline_svg(per_month: dict[str, Counter], href: Callable[[str], str], max_months: int = 120) -> str:
    """Events per month, stacked by type, newest on the left (time runs right to left)."""
    months = sorted(per_month)[-max_months:]
    if not months:
        return ""
    width, height, pad, legend = 960, 260, 30, 24
    top = max(sum(per_month[m].values()) for m in months) or 1
    bar = min(60.0, (width - 2 * pad) / len(months))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             'direction="rtl" role="img" aria-label="الأحداث حسب الشهر" class="fs-timeline" '
             'font-family="Noto Naskh Arabic, Noto Sans Arabic, sans-serif" font-size="12">',
             '<rect width="100%" height="100%" fill="#ffffff"/>']
    usable = height - 2 * pad - legend
    for i, month in enumerate(months):
        x = width - pad - (i + 1) * bar
        y = height - pad
        counts = per_month[month]
        rects = []
        for t in TYPE_ORDER:
            c = counts.get(t, 0)
            if not c:
                continue
            h = usable * c / top
            y -= h
            rects.append(f'<rect x="{x + bar * 0.1:.1f}" y="{y:.1f}" width="{bar * 0.8:.1f}" height="{h:.1f}" '
                         f'fill="{TYPE_COLOURS[t]}"/>')
        label = (f'<text x="{x + bar / 2:.1f}" y="{height - pad + 14}" text-anchor="middle">{esc(month)}</text>'
                 if len(months) <= 24 or i % max(1, len(months) // 12) == 0 else "")
        total = sum(counts.values())
        parts.append(f'<a href="{href(month)}"><title>{esc(month)}: {total}</title>{"".join(rects)}{label}</a>')
    from .render_facts import TYPE_NAMES
    lx = width - pad
    for t in TYPE_ORDER:
        parts.append(f'<rect x="{lx - 12}" y="8" width="12" height="12" fill="{TYPE_COLOURS[t]}"/>'
                     f'<text x="{lx - 16}" y="18" text-anchor="start" direction="rtl">{TYPE_NAMES[t]}</text>')
        lx -= 90
    parts.append("</svg>")
    return "".join(parts)
