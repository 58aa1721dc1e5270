"""JSON Schemas of the facts files, for editors' YAML tooling.

Every file the generator writes starts with
`# yaml-language-server: $schema=../schema/<kind>.schema.json`, so an editor
with a YAML extension (VS Code, etc.) gets completion, hover help and red
underlines for typos. The schemas are generated from the pydantic models and
given Arabic titles and descriptions (with the English field meaning), so the
help shown while typing is in the editors' language.

`write_schemas(facts_dir)` writes facts/schema/article.schema.json and
entity.schema.json, only when their content differs, atomically.
"""
from __future__ import annotations

import copy
import json
from pathlib import Path

from . import yamlio
from .model import Article, Entity
from .store import SCHEMA_DIR

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"  # [0-9]: \d is any digit in Python, ASCII in editors
DAY_OR_MONTH_PATTERN = r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"

# (title, description) of each model, shown by the editor on hover.
MODEL_HELP: dict[str, tuple[str, str]] = {
    "Article": ("خبر (Article)",
                "وقائع خبر واحد. كل واقعة تشير إلى الكيانات بمعرّفاتها (id) وتحمل الجملة التي تستند إليها من نص الخبر."),
    "Entity": ("كيان (Entity)",
               "شخص أو دولة أو هيئة رسمية أو جماعة: ملف واحد لكل كيان، تشترك فيه كل الأخبار."),
    "Role": ("صفة (Role)", "منصب الشخص كما ورد في الخبر، والدولة التي يمثلها، والخبر الذي ورد فيه."),
    "Meeting": ("لقاء (Meeting)", "من التقى بمن: لقاء أو محادثات أو اتصال هاتفي أو مؤتمر."),
    "Visit": ("زيارة (Visit)", "من زار أين."),
    "Agreement": ("اتفاق (Agreement)", "ما اتُّفق عليه وبين من."),
    "Strike": ("هجوم (Strike)",
               "هجوم مسلح من أي نوع: ضربة صاروخية أو بمسيّرة أو جوية، قصف، مداهمة، تفجير، اغتيال."),
    "Statement": ("تصريح (Statement)", "من قال ماذا."),
}

_ID_HELP = "معرّف كيان: حروف لاتينية صغيرة وأرقام وشرطات، مثل iran أو jaish-al-adl (اسم ملفه في facts/entities/)."
_EVIDENCE = ("الدليل (evidence)", "الجملة التي تستند إليها الواقعة، منسوخة حرفيًا من نص الخبر. "
             "إن لم تعد موجودة في الخبر يبلّغ عنها أمر check.")
_DATE = ("التاريخ (date)", "بصيغة YYYY-MM-DD أو YYYY-MM (مثل 2024-01-29 أو 2024-01)، أو null إن لم يذكره الخبر.")
_EVENT = ("الحدث (event)",
          "اختياري، للمحرر: معرّف حدث يجمع هذه الواقعة مع وقائع أخبار أخرى عن الحدث نفسه، "
          "أو يفصلها عنها إن أُعطيت معرّفًا خاصًا بها. اتركه فارغًا ليجمع المولّد الأحداث بنفسه.")

# (model, field) -> (title, description)
FIELD_HELP: dict[tuple[str, str], tuple[str, str]] = {
    ("Article", "id"): ("المعرّف (id)", "معرّف الخبر، وهو اسم الملف نفسه دون .yaml."),
    ("Article", "source"): ("المصدر (source)", "مسار ملف نص الخبر بالنسبة إلى جذر المشروع، مثل seeds/002_….txt."),
    ("Article", "title"): ("العنوان (title)", "عنوان الخبر كما ورد، أو null إن لم يكن للنص عنوان (لا تخترع عنوانًا)."),
    ("Article", "outlet"): ("الوسيلة (outlet)", "اسم الموقع أو الصحيفة الناشرة كما ورد في النص، أو null."),
    ("Article", "published"): ("تاريخ النشر (published)",
                               "بصيغة YYYY-MM-DD إن ذكره النص، وإلا null (لا تخمّن التاريخ)."),
    ("Article", "reviewed"): ("رُوجع (reviewed)",
                              "false لمسودة الآلة؛ اجعلها true بعد مراجعة كل الوقائع."),
    ("Article", "mentions"): ("الكيانات المذكورة (mentions)", "معرّفات كل الكيانات التي يذكرها متن الخبر."),
    ("Article", "meetings"): ("اللقاءات (meetings)", "من التقى بمن."),
    ("Article", "visits"): ("الزيارات (visits)", "من زار أين."),
    ("Article", "agreements"): ("الاتفاقات (agreements)", "ما اتُّفق عليه."),
    ("Article", "strikes"): ("الهجمات (strikes)", "من هاجم من. احذف البند كله إن لم يكن هجومًا حقيقيًا."),
    ("Article", "statements"): ("التصريحات (statements)", "من قال ماذا."),
    ("Entity", "id"): ("المعرّف (id)", "معرّف الكيان، وهو اسم الملف وعنوان صفحته. لتغييره استعمل أمر rename."),
    ("Entity", "kind"): ("النوع (kind)",
                         "person شخص، country دولة، organization هيئة رسمية (وزارة، جيش، مجلس)، "
                         "group جماعة غير حكومية (جماعة مسلحة، حركة، حزب)."),
    ("Entity", "name"): ("الاسم (name)", "الاسم المعتمد بالعربية، دون ألقاب (\"علي أحمد\" لا \"الوزير علي أحمد\")."),
    ("Entity", "aliases"): ("أسماء أخرى (aliases)", "كل طريقة أخرى لكتابة الاسم، تُستعمل في المطابقة والبحث."),
    ("Entity", "country"): ("الدولة (country)", "معرّف دولة الشخص أو الهيئة، أو مقرّ الجماعة الرئيسي، أو null."),
    ("Entity", "roles"): ("الصفات (roles)", "مناصب الشخص كما وردت في الأخبار."),
    ("Entity", "description"): ("الوصف (description)", "سطر واحد يكتبه المحرر أو يستخرجه المولّد، أو null."),
    ("Role", "title"): ("المنصب (title)", "كما ورد في الخبر، مثل \"وزير الخارجية\"."),
    ("Role", "country"): ("الدولة (country)", "معرّف الدولة التي يخدمها في هذا المنصب، أو null."),
    ("Role", "article"): ("الخبر (article)", "معرّف الخبر الذي ورد فيه المنصب."),
    ("Meeting", "participants"): ("المشاركون (participants)", "معرّفا كيانين على الأقل. " + _ID_HELP),
    ("Meeting", "kind"): ("النوع (kind)", "meeting لقاء، talks محادثات، call اتصال هاتفي، conference مؤتمر."),
    ("Meeting", "place"): ("المكان (place)", "معرّف مكان اللقاء، أو null."),
    ("Visit", "visitor"): ("الزائر (visitor)", _ID_HELP),
    ("Visit", "destination"): ("الوجهة (destination)", _ID_HELP),
    ("Visit", "status"): ("الحالة (status)", "done تمّت، planned مقرّرة."),
    ("Agreement", "parties"): ("الأطراف (parties)", "معرّفا طرفين على الأقل. " + _ID_HELP),
    ("Agreement", "subject"): ("الموضوع (subject)", "موضوع الاتفاق بالعربية."),
    ("Agreement", "status"): ("الحالة (status)", "agreed اتُّفق عليه، signed وُقّع، planned مقرّر."),
    ("Strike", "attacker"): ("المهاجم (attacker)", "معرّف الجهة المهاجمة، أو null إن لم يذكرها الخبر."),
    ("Strike", "targets"): ("الأهداف (targets)", "معرّفات الجهات المستهدفة."),
    ("Strike", "place"): ("المكان (place)", "معرّف مكان الهجوم، أو null."),
    ("Strike", "means"): ("الوسائل (means)", "كيف وقع الهجوم، بكلمات الخبر: صواريخ، مسيّرات، قصف…"),
    ("Statement", "speaker"): ("المتحدث (speaker)", _ID_HELP),
    ("Statement", "text"): ("النص (text)", "نص التصريح أو خلاصته بالعربية."),
}
for _model in ("Meeting", "Visit", "Agreement", "Strike", "Statement"):
    FIELD_HELP[(_model, "evidence")] = _EVIDENCE
    FIELD_HELP[(_model, "event")] = _EVENT
    if _model != "Statement":
        FIELD_HELP[(_model, "date")] = _DATE


def _annotate(schema: dict, model_name: str) -> None:
    """Give one model's schema (top level or a $defs entry) its Arabic help."""
    if model_name in MODEL_HELP:
        schema["title"], schema["description"] = MODEL_HELP[model_name]
    for field_name, prop in schema.get("properties", {}).items():
        help_ = FIELD_HELP.get((model_name, field_name))
        if help_:
            prop["title"], prop["description"] = help_
        if field_name == "date":  # the model checks it in code; tell the editor's tooling too
            _add_pattern(prop, DAY_OR_MONTH_PATTERN)
        if (model_name, field_name) == ("Article", "published"):
            _add_pattern(prop, DATE_PATTERN)


def _add_pattern(prop: dict, pattern: str) -> None:
    for option in prop.get("anyOf", [prop]):
        if option.get("type") == "string":
            option["pattern"] = pattern


def _schema_of(model, kind: str) -> dict:
    schema = copy.deepcopy(model.model_json_schema())
    _annotate(schema, model.__name__)
    for name, sub in schema.get("$defs", {}).items():
        _annotate(sub, name)
    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{kind}.schema.json",
    }
    out.update(schema)
    return out


def article_schema() -> dict:
    """The JSON Schema of facts/articles/<id>.yaml."""
    return _schema_of(Article, "article")


def entity_schema() -> dict:
    """The JSON Schema of facts/entities/<id>.yaml."""
    return _schema_of(Entity, "entity")


def schema_text(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(facts_dir: Path | str) -> list[Path]:
    """Write facts/schema/{article,entity}.schema.json when their content differs.

    Returns the paths written (empty when both were up to date)."""
    folder = Path(facts_dir) / SCHEMA_DIR
    written = []
    for kind, schema in (("article", article_schema()), ("entity", entity_schema())):
        path = folder / f"{kind}.schema.json"
        text = schema_text(schema)
        try:
            if path.read_text(encoding="utf-8") == text:
                continue
        except (OSError, UnicodeDecodeError):
            pass
        yamlio.atomic_write(path, text)
        written.append(path)
    return written

