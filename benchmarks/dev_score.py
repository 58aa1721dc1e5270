#!/usr/bin/env python3
"""Score the extractor on the held-out dev articles (benchmarks/dev/).

    .venv/bin/python benchmarks/dev_score.py              # the score table
    .venv/bin/python benchmarks/dev_score.py --details    # + what was extracted, per article
    .venv/bin/python benchmarks/dev_score.py --keep DIR   # keep the facts and export in DIR

The dev articles (benchmarks/dev/articles/*.txt) are hand-written articles on other
conflicts and outlets than the five seeds; their gold files (benchmarks/dev/gold/*.yaml,
same format as ../shared/eval/gold) were written before the extractor was run on them.
This runs `python -m generator extract` into a temporary facts folder, `export`s it,
and runs ../shared/eval/score.py on the export against the dev gold. score.py matches an
article to its gold file by the stem of the article's source path, so gold `article:`
is the article's file name without `.txt`.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEV = HERE / "dev"
SCORE = REPO.parent / "shared" / "eval" / "score.py"


def run(cmd: list[str]) -> None:
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stdout}{proc.stderr}")


def details(export_path: Path) -> None:
    """Per article: persons, groups and facts as names, for reading against the gold."""
    data = json.loads(export_path.read_text(encoding="utf-8"))
    ents = {e["id"]: e for e in data["entities"]}

    def name(eid):
        if eid is None:
            return "∅"
        e = ents.get(eid)
        return f"{e['name']}[{e['kind'][0]}]" if e else f"?{eid}"

    for art in sorted(data["articles"], key=lambda a: a["source"]):
        print(f"\n=== {Path(art['source']).stem}  published={art.get('published')}  title={art.get('title')!r}")
        kinds: dict[str, list[str]] = {}
        for eid in art.get("mentions") or []:
            e = ents.get(eid) or {}
            kinds.setdefault(e.get("kind", "?"), []).append(e.get("name", eid))
        for k, names in sorted(kinds.items()):
            print(f"  {k}: {' | '.join(names)}")
        for m in art.get("meetings") or []:
            print(f"  meeting: {' + '.join(name(p) for p in m['participants'])}  ({m.get('kind')})")
        for v in art.get("visits") or []:
            print(f"  visit: {name(v['visitor'])} -> {name(v['destination'])}  ({v.get('status')})")
        for a in art.get("agreements") or []:
            print(f"  agreement: {' + '.join(name(p) for p in a['parties'])}  ({a.get('status')})")
        for s in art.get("strikes") or []:
            print(f"  strike: {name(s.get('attacker'))} -> {', '.join(name(t) for t in s.get('targets') or [])}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=Path, default=DEV / "articles")
    ap.add_argument("--gold", type=Path, default=DEV / "gold")
    ap.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    ap.add_argument("--details", action="store_true", help="also print what was extracted per article")
    ap.add_argument("--json", action="store_true", help="score.py's JSON output")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="dev-score-") as tmp:
        work = args.keep.resolve() if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        facts, export = work / "facts", work / "export.json"
        py = sys.executable
        run([py, "-m", "generator", "extract", "--quiet", "--seeds", str(args.articles.resolve()),
             "--facts", str(facts)])
        run([py, "-m", "generator", "export", "--facts", str(facts), "--output", str(export)])
        cmd = [py, str(SCORE), "--export", str(export), "--gold", str(args.gold.resolve())]
        if args.json:
            cmd.append("--json")
        proc = subprocess.run(cmd, cwd=REPO)
        if args.details:
            details(export)
        return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
