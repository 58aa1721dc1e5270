"""Quality gate (as trafilatura has): a fresh extraction of the seed articles, scored
by ../shared/eval/score.py, must stay above pinned floors, with no noise at all."""
from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from generator.cli import main

# Pinned a little under what the extractor measures; raise them as it improves.
MACRO_F1_FLOOR = 0.95
TYPE_F1_FLOOR = 0.80
METADATA_FLOOR = 1.0


def test_seed_scores_stay_above_the_floors(tmp_path, shared_dir):
    facts, export = tmp_path / "facts", tmp_path / "export.json"
    runner = CliRunner()
    result = runner.invoke(main, ["extract", "--seeds", str(shared_dir / "seeds"), "--facts", str(facts), "-q"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["export", "--facts", str(facts), "--output", str(export)])
    assert result.exit_code == 0, result.output
    scored = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), "--export", str(export),
                             "--gold", str(shared_dir / "eval" / "gold"), "--json"],
                            capture_output=True, text=True, check=True)
    score = json.loads(scored.stdout)
    low = {k: round(v["f"], 2) for k, v in score["types"].items() if v["f"] < TYPE_F1_FLOOR}
    assert not score["missing"]
    assert score["noise"] == []
    assert score["metadata"] >= METADATA_FLOOR
    assert score["macro_f1"] >= MACRO_F1_FLOOR, score["types"]
    assert not low, f"fact types under the floor: {low}"
