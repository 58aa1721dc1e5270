"""A small hand-written project (invented people, real countries and groups) for the
editors' workflow tests: check, merge, rename, alias and bad inputs.

Not a test module; imported by tests/test_validate.py, test_maintenance.py,
test_bad_inputs.py and test_cli.py.
"""
from __future__ import annotations

from pathlib import Path

ALPHA = """\
وزير الخارجية الباكستاني يلتقي نظيره الإيراني في طهران
طهران - 29 يناير 2024
التقى وزير الخارجية الباكستاني سامر الخطيب نظيره الإيراني كريم الهاشمي في طهران يوم الاثنين.
وقال الخطيب إن البلدين سيعملان معا ضد الإرهاب.
وأعلنت جماعة جيش العدل مسؤوليتها عن هجوم على مركز للشرطة في إيران.
"""

BETA = """\
زيارة مرتقبة لوزير الخارجية الإيراني إلى باكستان
أعلن المتحدث باسم الخارجية أن الوزير كريم الهاشمي سيزور باكستان الأسبوع المقبل.
وقال الهاشمي إن الزيارة تهدف إلى تعزيز التعاون الأمني.
"""

ENTITIES = {
    "pakistan": "id: pakistan\nkind: country\nname: باكستان\n",
    "iran": "id: iran\nkind: country\nname: إيران\naliases:\n  - ايران\n",
    "samer-al-khatib": (
        "id: samer-al-khatib\nkind: person\nname: سامر الخطيب\naliases:\n  - الخطيب\ncountry: pakistan\n"
        "roles:\n  - title: وزير الخارجية\n    country: pakistan\n    article: alpha\n"
    ),
    "karim-al-hashimi": (
        "id: karim-al-hashimi\nkind: person\nname: كريم الهاشمي\ncountry: iran\n"
        "roles:\n  - title: وزير الخارجية\n    country: iran\n    article: beta\n"
    ),
    "jaish-al-adl": "id: jaish-al-adl\nkind: group\nname: جيش العدل\ncountry: iran\n",
}

ARTICLES = {
    "alpha": """\
# yaml-language-server: $schema=../schema/article.schema.json
id: alpha
source: seeds/alpha.txt
title: وزير الخارجية الباكستاني يلتقي نظيره الإيراني في طهران
outlet: null
published: 2024-01-29
reviewed: false
mentions:
  - pakistan
  - iran
  - samer-al-khatib
  - karim-al-hashimi
  - jaish-al-adl
meetings:
  - participants:
      - samer-al-khatib
      - karim-al-hashimi
    kind: meeting
    place: iran
    date: 2024-01-29
    evidence: التقى وزير الخارجية الباكستاني سامر الخطيب نظيره الإيراني كريم الهاشمي في طهران يوم الاثنين.
statements:
  - speaker: samer-al-khatib
    text: البلدان سيعملان معا ضد الإرهاب
    evidence: وقال الخطيب إن البلدين سيعملان معا ضد الإرهاب.
strikes:
  - attacker: jaish-al-adl
    targets:
      - iran
    place: iran
    means: []
    date: null
    evidence: وأعلنت جماعة جيش العدل مسؤوليتها عن هجوم على مركز للشرطة في إيران.
""",
    "beta": """\
id: beta
source: seeds/beta.txt
title: زيارة مرتقبة لوزير الخارجية الإيراني إلى باكستان
published: null
reviewed: true
mentions:
  - karim-al-hashimi
  - pakistan
  - iran
visits:
  - visitor: karim-al-hashimi
    destination: pakistan
    status: planned
    date: null
    evidence: أعلن المتحدث باسم الخارجية أن الوزير كريم الهاشمي سيزور باكستان الأسبوع المقبل.
statements:
  - speaker: karim-al-hashimi
    text: الزيارة تهدف إلى تعزيز التعاون الأمني
    evidence: وقال الهاشمي إن الزيارة تهدف إلى تعزيز التعاون الأمني.
""",
}


def make_project(root: Path) -> Path:
    """root/seeds/{alpha,beta}.txt and root/facts/{articles,entities}/*.yaml; returns root/facts."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "seeds" / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (root / "seeds" / "beta.txt").write_text(BETA, encoding="utf-8")
    facts = root / "facts"
    for folder, files in (("entities", ENTITIES), ("articles", ARTICLES)):
        (facts / folder).mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (facts / folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return facts


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of a file's text (the test fails if it is not there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
