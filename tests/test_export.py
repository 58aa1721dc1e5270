"""The JSON export: exactly the fields of FACTS-MODEL.md, readable by the shared scorer."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import yamlio
from generator.cli import main
from generator.errors import FactsError
from generator.events import cluster_events
from generator.export import export_data, export_facts, export_model
from generator.store import FactsStore

# An invented Turkish–Iraqi story (no one from the seed articles), written as an editor would.
ENTITY_FILES = {
    "turkey": "id: turkey\nkind: country\nname: تركيا\n",
    "iraq": "id: iraq\nkind: country\nname: العراق\naliases: [جمهورية العراق]\n",
    "pkk": "id: pkk\nkind: group\nname: حزب العمال الكردستاني\naliases: [العمال الكردستاني]\n",
    "murat-aksoy": ("id: murat-aksoy\nkind: person\nname: مراد أقصوي\ncountry: turkey\n"
                    "roles:\n  - title: وزير الخارجية\n    country: turkey\n    article: 100-anadolu\n"),
    "sami-al-janabi": ("id: sami-al-janabi\nkind: person\nname: سامي الجنابي\ncountry: iraq\n"
                       "description: وزير الخارجية العراقي\n"),
}

ANADOLU = """\
id: 100-anadolu
source: seeds/100_anadolu.txt
title: أنقرة وبغداد تتفقان على تنسيق أمني ضد العمال الكردستاني
outlet: الأناضول
published: 2024-03-12
reviewed: true
mentions: [turkey, iraq, pkk, murat-aksoy, sami-al-janabi]
meetings:
  - participants: [murat-aksoy, sami-al-janabi]
    kind: talks
    place: iraq
    date: 2024-03-11
    evidence: أجرى وزير الخارجية التركي مراد أقصوي محادثات مع نظيره العراقي سامي الجنابي في بغداد.
visits:
  - visitor: murat-aksoy
    destination: iraq
    date: 2024-03-11
    evidence: وصل وزير الخارجية التركي مراد أقصوي إلى بغداد في زيارة رسمية.
agreements:
  - parties: [turkey, iraq]
    subject: تنسيق أمني ضد حزب العمال الكردستاني
    status: agreed
    date: 2024-03-11
    evidence: اتفق البلدان على تنسيق أمني لمواجهة حزب العمال الكردستاني.
strikes:
  - attacker: turkey
    targets: [pkk]
    place: iraq
    means: [مسيرات]
    date: 2024-03
    evidence: نفذت المسيرات التركية هذا الشهر ضربات على مواقع العمال الكردستاني شمالي العراق.
statements:
  - speaker: sami-al-janabi
    text: العراق لن يكون منطلقا للاعتداء على جيرانه.
    evidence: وقال الجنابي إن العراق لن يكون منطلقا للاعتداء على جيرانه.
"""

RUDAW = """\
id: 101-rudaw
source: seeds/101_rudaw.txt
outlet: null
mentions: [turkey, iraq, murat-aksoy, sami-al-janabi]
meetings:
  - participants: [sami-al-janabi, murat-aksoy]
    date: 2024-03-11
    evidence: التقى الجنابي بالوزير التركي أقصوي في العاصمة العراقية.
    event: aksoy-baghdad-talks-2024
"""


def write_project(root: Path, articles=(ANADOLU, RUDAW)) -> Path:
    facts_dir = root / "facts"
    for entity_id, text in ENTITY_FILES.items():
        yamlio.atomic_write(facts_dir / "entities" / f"{entity_id}.yaml", text)
    for text in articles:
        article_id = re.search(r"^id: (\S+)", text, re.M).group(1)
        yamlio.atomic_write(facts_dir / "articles" / f"{article_id}.yaml", text)
    return facts_dir


# --- the contract's field names, read from FACTS-MODEL.md itself ---------------------


def _top_level_keys(braces: str) -> set[str]:
    """Keys of a `{a: …, b, c: [x, y]}` description, ignoring nested brackets."""
    inner, depth, part, parts = braces.strip()[1:-1], 0, "", []
    for ch in inner:
        depth += ch in "[{"
        depth -= ch in "]}"
        if ch == "," and depth == 0:
            parts.append(part)
            part = ""
        else:
            part += ch
    parts.append(part)
    return {p.split(":")[0].strip() for p in parts if p.strip()}


def contract(model_text: str) -> dict[str, set[str]]:
    def table(after: str) -> set[str]:
        section = model_text.split(after, 1)[1].split("\n## ", 1)[0]
        return set(re.findall(r"^\| `(\w+)` \|", section, re.M))

    def braces(name: str) -> str:
        m = re.search(r"\*\*" + name + r"\*\*[^`]*`(\{.*?\})`", model_text, re.S)
        return m.group(1)

    out = {"entity": table("## Entities"), "article": table("## Articles")}
    for name in ("Meeting", "Visit", "Agreement", "Strike", "Statement", "Event"):
        out[name.lower()] = _top_level_keys(braces(name))
    out["role"] = _top_level_keys(re.search(r"list of `(\{title[^`]*\})`", model_text).group(1))
    out["fact_ref"] = _top_level_keys(re.search(r"facts: \[(\{article[^\]]*?\})\]", model_text).group(1))
    return out


@pytest.fixture(scope="module")
def contract_keys(shared_dir) -> dict[str, set[str]]:
    keys = contract((shared_dir / "FACTS-MODEL.md").read_text(encoding="utf-8"))
    assert keys["meeting"] == {"participants", "kind", "place", "date", "evidence"}  # the parser itself works
    assert "published" in keys["article"] and "roles" in keys["entity"]
    return keys


def test_every_record_has_exactly_the_contract_keys(tmp_path, contract_keys):
    data = export_facts(write_project(tmp_path))
    assert set(data) == {"entities", "articles", "events"}
    assert data["entities"] and data["articles"] and data["events"]
    for entity in data["entities"]:
        assert set(entity) == contract_keys["entity"]
        for role in entity["roles"]:
            assert set(role) == contract_keys["role"]
    fact_kinds = {"meetings": "meeting", "visits": "visit", "agreements": "agreement",
                  "strikes": "strike", "statements": "statement"}
    seen = set()
    for article in data["articles"]:
        assert set(article) == contract_keys["article"]
        for kind, record in fact_kinds.items():
            for fact in article[kind]:
                assert set(fact) == contract_keys[record], kind
                seen.add(kind)
    assert seen == set(fact_kinds)  # the fixture covers every type of fact
    for event in data["events"]:
        assert set(event) == contract_keys["event"]
        for ref in event["facts"]:
            assert set(ref) == contract_keys["fact_ref"]


def test_unknowns_are_null_dates_are_strings_and_the_editor_event_field_stays_out(tmp_path):
    data = export_facts(write_project(tmp_path))
    rudaw = next(a for a in data["articles"] if a["id"] == "101-rudaw")
    assert rudaw["title"] is None and rudaw["outlet"] is None and rudaw["published"] is None
    assert rudaw["reviewed"] is False and rudaw["strikes"] == []
    assert rudaw["meetings"][0]["place"] is None and rudaw["meetings"][0]["kind"] == "meeting"
    assert "event" not in rudaw["meetings"][0]
    anadolu = next(a for a in data["articles"] if a["id"] == "100-anadolu")
    assert anadolu["published"] == "2024-03-12"  # unquoted YAML dates become text
    assert anadolu["meetings"][0]["date"] == "2024-03-11" and anadolu["strikes"][0]["date"] == "2024-03"
    turkey = next(e for e in data["entities"] if e["id"] == "turkey")
    assert turkey["description"] is None and turkey["country"] is None and turkey["aliases"] == []
    # the override's effect is in events: the Rudaw meeting is its own event under the editor's id
    by_id = {e["id"]: e for e in data["events"]}
    assert by_id["aksoy-baghdad-talks-2024"]["facts"] == [{"article": "101-rudaw", "index": 0}]
    assert by_id["meeting-murat-aksoy-sami-al-janabi-2024-03-11"]["facts"] == [{"article": "100-anadolu", "index": 0}]
    json.dumps(data, ensure_ascii=False, allow_nan=False)  # plain JSON all the way down


def test_order_is_by_id_and_the_same_facts_give_the_same_json(tmp_path):
    one = export_facts(write_project(tmp_path / "one"))
    two = export_facts(write_project(tmp_path / "two", articles=(RUDAW, ANADOLU)))
    assert json.dumps(one, ensure_ascii=False) == json.dumps(two, ensure_ascii=False)
    assert [e["id"] for e in one["entities"]] == sorted(ENTITY_FILES)
    assert [a["id"] for a in one["articles"]] == ["100-anadolu", "101-rudaw"]
    assert [e["id"] for e in one["events"]] == sorted(e["id"] for e in one["events"])


def test_export_model_carries_the_events_of_cluster_events(tmp_path):
    facts = FactsStore(write_project(tmp_path)).load()
    model = export_model(facts)
    assert model.events == cluster_events(facts)
    assert export_data(model) == export_facts(tmp_path / "facts")
    facts.articles = dict(reversed(facts.articles.items()))  # whatever order they were read in
    facts.entities = dict(reversed(facts.entities.items()))
    assert export_data(export_model(facts)) == export_data(model)


def test_broken_files_raise_facts_error_with_every_problem_located(tmp_path):
    facts_dir = write_project(tmp_path)
    (facts_dir / "articles" / "100-anadolu.yaml").write_text(
        ANADOLU.replace("date: 2024-03-11\n    evidence: أجرى", "date: 2024-13-40\n    evidence: أجرى"), encoding="utf-8")
    (facts_dir / "articles" / "101-rudaw.yaml").write_text(RUDAW.replace("outlet: null", "outlet: [a"), encoding="utf-8")
    with pytest.raises(FactsError) as caught:
        export_facts(facts_dir)
    shown = [str(p) for p in caught.value.problems]
    assert len(shown) == 2
    assert re.search(r"articles/100-anadolu\.yaml:12:11: meetings\[0\]\.date: .*2024-13-40", shown[0]), shown
    assert re.search(r"articles/101-rudaw\.yaml:\d+:\d+: YAML does not parse", shown[1]), shown


def test_cli_export_writes_the_same_json(tmp_path, monkeypatch):
    facts_dir = write_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", "--facts", "facts", "--output", "out/facts.json"])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "out" / "facts.json").read_text(encoding="utf-8")) == export_facts(facts_dir)
    (facts_dir / "entities" / "pkk.yaml").write_text("id: pkk\nkind: militia\nname: x\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--facts", "facts"])
    assert result.exit_code == 1 and "facts/entities/pkk.yaml:2:7: kind: expected one of" in result.output


# --- the contract's types, checked value by value -------------------------------------------

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DAY_OR_MONTH = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


def contract_problems(data: dict) -> list[str]:
    """Every place where the export breaks FACTS-MODEL.md's types (empty when it keeps them)."""
    out: list[str] = []

    def need(ok: bool, where: str, what: str):
        if not ok:
            out.append(f"{where}: {what}")

    def slug(v, where, null=False):
        need((null and v is None) or (isinstance(v, str) and bool(SLUG.match(v))), where, f"not an id: {v!r}")

    def text(v, where, null=False):
        need((null and v is None) or (isinstance(v, str) and v != ""), where, f"not a text: {v!r}")

    def date(v, where, pattern=DAY_OR_MONTH):
        need(v is None or (isinstance(v, str) and bool(pattern.match(v))), where, f"not a date: {v!r}")

    def ids(v, where, at_least=0):
        need(isinstance(v, list) and len(v) >= at_least, where, f"not a list of ≥{at_least} ids: {v!r}")
        for i, x in enumerate(v if isinstance(v, list) else []):
            slug(x, f"{where}[{i}]")

    entity_ids = {e.get("id") for e in data["entities"]}
    for e in data["entities"]:
        w = f"entity {e.get('id')}"
        slug(e["id"], w)
        need(e["kind"] in ("person", "country", "organization", "group"), w, f"kind {e['kind']!r}")
        text(e["name"], w)
        need(isinstance(e["aliases"], list) and all(isinstance(a, str) and a for a in e["aliases"]), w, "aliases")
        slug(e["country"], w + ".country", null=True)
        need(e["description"] is None or isinstance(e["description"], str), w, "description")
        for r in e["roles"]:
            text(r["title"], w + ".role")
            slug(r["country"], w + ".role.country", null=True)
            slug(r["article"], w + ".role.article", null=True)
    lengths = {}
    for a in data["articles"]:
        w = f"article {a.get('id')}"
        slug(a["id"], w)
        text(a["source"], w + ".source")
        text(a["title"], w + ".title", null=True)
        text(a["outlet"], w + ".outlet", null=True)
        date(a["published"], w + ".published", DAY)
        need(isinstance(a["reviewed"], bool), w, "reviewed is not a bool")
        ids(a["mentions"], w + ".mentions")
        for kind in ("meetings", "visits", "agreements", "strikes", "statements"):
            need(isinstance(a[kind], list), w, f"{kind} is not a list")
            lengths[(a["id"], kind)] = len(a[kind])
            for i, f in enumerate(a[kind]):
                fw = f"{w}.{kind}[{i}]"
                text(f["evidence"], fw + ".evidence")
                if kind != "statements":
                    date(f["date"], fw + ".date")
                if kind == "meetings":
                    ids(f["participants"], fw + ".participants", 2)
                    need(f["kind"] in ("meeting", "talks", "call", "conference"), fw, f"kind {f['kind']!r}")
                    slug(f["place"], fw + ".place", null=True)
                elif kind == "visits":
                    slug(f["visitor"], fw + ".visitor")
                    slug(f["destination"], fw + ".destination")
                    need(f["status"] in ("done", "planned"), fw, f"status {f['status']!r}")
                elif kind == "agreements":
                    ids(f["parties"], fw + ".parties", 2)
                    text(f["subject"], fw + ".subject")
                    need(f["status"] in ("agreed", "signed", "planned"), fw, f"status {f['status']!r}")
                elif kind == "strikes":
                    slug(f["attacker"], fw + ".attacker", null=True)
                    ids(f["targets"], fw + ".targets")
                    slug(f["place"], fw + ".place", null=True)
                    need(isinstance(f["means"], list) and all(isinstance(m, str) and m for m in f["means"]),
                         fw, "means")
                else:
                    slug(f["speaker"], fw + ".speaker")
                    text(f["text"], fw + ".text")
    kind_of = {"meeting": "meetings", "visit": "visits", "agreement": "agreements", "strike": "strikes",
               "statement": "statements"}
    for ev in data["events"]:
        w = f"event {ev.get('id')}"
        slug(ev["id"], w)
        need(ev["type"] in kind_of, w, f"type {ev['type']!r}")
        ids(ev["participants"], w + ".participants")
        need(set(ev["participants"]) <= entity_ids, w, "participants that are not entities")
        date(ev["date"], w + ".date")
        need(isinstance(ev["facts"], list) and ev["facts"], w, "no facts")
        for ref in ev["facts"]:
            need(isinstance(ref["index"], int) and not isinstance(ref["index"], bool) and ref["index"] >= 0,
                 w, f"index {ref['index']!r}")
            need(ref["index"] < lengths.get((ref["article"], kind_of.get(ev["type"])), 0) if isinstance(ref["index"], int)
                 else False, w, f"refers to a missing fact {ref}")
    return out


def test_export_keeps_the_contract_types_and_every_fact_is_in_one_event(tmp_path):
    data = export_facts(write_project(tmp_path))
    assert contract_problems(data) == []
    refs = [(e["type"], r["article"], r["index"]) for e in data["events"] for r in e["facts"]]
    told = [(t, a["id"], i) for a in data["articles"]
            for t, k in (("meeting", "meetings"), ("visit", "visits"), ("agreement", "agreements"),
                         ("strike", "strikes"), ("statement", "statements")) for i in range(len(a[k]))]
    assert sorted(refs) == sorted(told)
    assert len({e["id"] for e in data["events"]}) == len(data["events"])


def test_the_type_check_finds_broken_values(tmp_path):
    data = export_facts(write_project(tmp_path))
    data["articles"][0]["meetings"][0]["date"] = "11/03/2024"
    data["articles"][0]["reviewed"] = "yes"
    data["events"][0]["type"] = "meetings"
    data["events"][-1]["facts"].append({"article": "101-rudaw", "index": 7})
    data["entities"][0]["country"] = "Turkey"
    found = "\n".join(contract_problems(data))
    for broken in ("not a date: '11/03/2024'", "reviewed is not a bool", "type 'meetings'",
                   "refers to a missing fact {'article': '101-rudaw', 'index': 7}", "not an id: 'Turkey'"):
        assert broken in found, found


# --- the shared scorer reads it -------------------------------------------------------------

GOLD = """\
article: 100_anadolu
published: 2024-03-12
title: أنقرة وبغداد تتفقان على تنسيق أمني ضد العمال الكردستاني
people:
  aksoy:   {names: [مراد أقصوي], country: TR}
  janabi:  {names: [سامي الجنابي], country: IQ}
groups:
  pkk: {names: [حزب العمال الكردستاني, العمال الكردستاني]}
meetings:
  - [aksoy, janabi]
visits:
  - [aksoy, IQ]
agreements:
  - parties: [TR, IQ]
strikes:
  - {attacker: TR, target: pkk}
"""


def run_scorer(shared_dir: Path, export: dict, tmp_path: Path) -> dict:
    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "gold" / "100_anadolu.yaml").write_text(GOLD, encoding="utf-8")
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), "--export", str(path),
                           "--gold", str(tmp_path / "gold"), "--json"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_shared_scorer_reads_the_export_and_finds_every_fact(tmp_path, shared_dir):
    export = export_facts(write_project(tmp_path))
    scores = run_scorer(shared_dir, export, tmp_path)
    assert scores["missing"] == [] and scores["noise"] == []
    assert {k: v["f"] for k, v in scores["types"].items()} == {
        "people": 1.0, "groups": 1.0, "meetings": 1.0, "visits": 1.0, "agreements": 1.0, "strikes": 1.0}
    assert scores["metadata"] == 1.0


def test_the_scorer_check_can_fail_a_wrong_field_name(tmp_path, shared_dir):
    export = export_facts(write_project(tmp_path))
    for article in export["articles"]:
        for m in article["meetings"]:
            m["members"] = m.pop("participants")
    scores = run_scorer(shared_dir, export, tmp_path)
    assert scores["types"]["meetings"]["f"] == 0.0
