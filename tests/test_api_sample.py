"""The sample store the API, web and browser tests share: the demo corpus plus records we wrote.

The records (rounds, issue statuses, events, statements, a story, actors, mentions with labels)
cut their evidence out of the real demo articles, so every offset is checked like real output.
One extra article is hostile: markup and event handlers that must never execute.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from parleywatch.ingest import ingest
from parleywatch.nlp.light import split_sentences
from parleywatch.records import Article
from parleywatch.store import Store

REPO = Path(__file__).parent.parent
DEMO = REPO / "demo" / "corpus"
XSS = '<script>window.__xss = "script"</script><img src=x onerror="window.__xss=\'img\'">'
HOSTILE = {
    "title": f"Переговоры {XSS}",
    "text": f"Переговоры о посольствах продолжились. {XSS} <svg onload=\"window.__xss='svg'\"></svg> Конец.",
    "url": "javascript:window.__xss='url'",
    "outlet": "hostile<b>",
    "published": "2025-06-01",
    "language": "ru",
}
PROCESS = "ru-us-normalization"
STORY = "s-envoys"


def evidence(article: Article, needle: str) -> dict[str, Any]:
    """The sentence of ``article`` containing ``needle``, as an evidence object."""
    at = article.text.index(needle)
    start, end = next((s, e) for s, e in split_sentences(article.text) if s <= at < e)
    return {"article_id": article.id, "start": start, "end": end, "text": article.text[start:end]}


def mention(article: Article, needle: str, actor: str, label: str | None) -> dict[str, Any]:
    at = article.text.index(needle)
    ident = f"m-{article.id}-{at}"
    end = at + len(needle)
    return {"id": ident, "article_id": article.id, "start": at, "end": end, "text": needle, "actor_id": actor,
            "type": "PER", "label": label}


def by_outlet(store: Store) -> dict[str, Article]:
    found: dict[str, Article] = {}
    for article in store.iter_articles():
        found.setdefault(article.outlet or "", article)
    return found


def build_sample(store: Store, tmp: Path) -> dict[str, Any]:
    """Ingest the demo corpus and the hostile article, write every record kind; return handy ids."""
    hostile = tmp / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE, ensure_ascii=False) + "\n", encoding="utf-8")
    ingest([str(DEMO), str(hostile)], store)
    arts = by_outlet(store)
    records = sample_records(arts)
    for kind, items in records.items():
        store.put_records(kind, items)
    store.set_story_links([(arts[o].id, STORY, None) for o in ("unian", "svoboda", "ap")])
    return {"articles": arts, "records": records, "hostile": arts["hostile<b>"]}


def sample_records(a: dict[str, Article]) -> dict[str, list[dict[str, Any]]]:
    return {
        "actor": ACTORS,
        "round": rounds(a),
        "issue_status": issues(a),
        "event": events(a),
        "statement": statements(a),
        "story": [{"id": STORY, "title": "Putin's envoys meet Witkoff", "article_ids": [a["unian"].id, a["svoboda"].id,
                   a["ap"].id], "first_published": "2025-10-27", "last_published": "2025-12-22"}],
        "mention": [
            mention(a["unian"], "російського диктатора Володимира Путіна", "putin", "російський диктатор"),
            mention(a["ap"], "Russian President Vladimir Putin", "putin", "президент РФ"),
            mention(a["svoboda"], "Vladimir Putin", "putin", None),
            mention(a["hostile<b>"], "Переговоры", "putin", '<img src=x onerror="window.__xss=\'label\'">'),
        ],
    }


ACTORS = [
    {"id": "putin", "name": "Vladimir Putin", "names": ["Путин"], "type": "person", "country": "RU"},
    {"id": "witkoff", "name": "Steve Witkoff", "names": ["Уиткофф"], "type": "person", "country": "US"},
    {"id": "dmitriev", "name": "Kirill Dmitriev", "names": ["Дмитриев"], "type": "person", "country": "RU"},
    {"id": "ryabkov", "name": "Sergei Ryabkov", "names": ["Рябков"], "type": "person", "country": "RU"},
    {"id": "RU", "name": "Russia", "names": ["Россия"], "type": "country", "country": "RU"},
    {"id": "US", "name": "United States", "names": ["США"], "type": "country", "country": "US"},
]


def _round(ident: str, track: str, ordinal: int, status: str, day: str, place: str, ev: list[Any]) -> dict[str, Any]:
    return {"id": ident, "process": PROCESS, "track": track, "ordinal": ordinal, "status": status,
            "date": {"start": day, "end": day, "precision": "day", "text": day}, "location": {"actor_id": None,
            "name": place}, "participants": ["RU", "US"], "outcome": None, "evidence": ev}


def rounds(a: dict[str, Article]) -> list[dict[str, Any]]:
    hostile = _round("r-hostile", "embassies", 9, "postponed", "2025-06-01", XSS, [evidence(a["hostile<b>"], "Конец")])
    hostile["outcome"] = XSS
    return [
        _round("r-emb-1", "embassies", 1, "occurred", "2025-02-27", "Стамбул", [
            evidence(a["interfax"], "первый раунд"), evidence(a["rbc"], "первые консультации")]),
        _round("r-emb-2", "embassies", 2, "occurred", "2025-04-10", "Стамбул", [evidence(a["tass"], "Второй раунд")]),
        _round("r-emb-3", "embassies", 3, "planned", "2026-03-01", "", [evidence(a["kommersant"], "начале весны")]),
        _round("r-ukr-1", "ukraine", 1, "occurred", "2025-02-18", "Эр-Рияд", [evidence(a["ukrinform"], "Ер-Ріяді")]),
        _round("r-ukr-2", "ukraine", 2, "occurred", "2025-12-20", "Майами", [evidence(a["unian"], "Маямі")]),
        hostile,
    ]


def issues(a: dict[str, Article]) -> list[dict[str, Any]]:
    base = {"process": PROCESS, "track": "embassies", "history": []}
    return [
        {**base, "id": "i-staff", "issue": "embassy staffing", "status": "stalled", "date": "2025-11-11",
         "evidence": [evidence(a["lenta"], "приостановлены")]},
        {**base, "id": "i-banking", "issue": "diplomats' banking", "status": "agreed", "date": "2025-04-10",
         "evidence": [evidence(a["tass"], "нотами")]},
    ]


def events(a: dict[str, Article]) -> list[dict[str, Any]]:
    date = {"start": "2025-10-25", "end": "2025-10-26", "precision": "day", "text": "weekend"}
    return [
        {"id": "e-dmitriev-witkoff", "type": "CONSULT", "mode": "meet", "status": "occurred", "date": date,
         "location": {"actor_id": None, "name": "USA"}, "participants": ["dmitriev", "witkoff"], "issues": ["ukraine"],
         "summary": "Dmitriev meets Witkoff", "evidence": [evidence(a["svoboda"], "Kirill Dmitriev"),
                                                            evidence(a["unian"], "Дмитрієв")]},
        {"id": "e-putin-witkoff", "type": "CONSULT", "mode": "meet", "status": "occurred",
         "date": {"start": "2025-12-02", "end": "2025-12-02", "precision": "day", "text": "Tuesday"},
         "location": {"actor_id": None, "name": "Kremlin"}, "participants": ["putin", "witkoff"], "issues": ["ukraine"],
         "summary": "Putin meets Witkoff and Kushner",
         "evidence": [evidence(a["ap"], "Russian President Vladimir Putin")]},
    ]


def statements(a: dict[str, Article]) -> list[dict[str, Any]]:
    def said(ident: str, actor: str, art: Article, needle: str, day: str) -> dict[str, Any]:
        ev = evidence(art, needle)
        return {"id": ident, "speaker": {"actor_id": actor, "name": actor, "type": "person"}, "text": ev["text"],
                "direct": False, "date": {"start": day, "end": day, "precision": "day", "text": day},
                "via": [art.outlet], "issues": ["embassies"], "evidence": [ev]}
    return [
        said("st-ryabkov", "ryabkov", a["kommersant"], "начале весны", "2025-12-23"),
        said("st-putin-new-start", "putin", a["ria"], "Россия готова", "2025-09-22"),
        said("st-putin-ap", "putin", a["ap"], "Russian President Vladimir Putin", "2025-12-02"),
    ]


def test_sample_evidence_cuts_real_sentences(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "s.db")) as store:
        sample = build_sample(store, tmp_path)
        arts = {a.id: a for a in sample["articles"].values()}
        for kind in ("round", "event", "statement", "issue_status"):
            for record in sample["records"][kind]:
                for ev in record["evidence"]:
                    assert arts[ev["article_id"]].text[ev["start"] : ev["end"]] == ev["text"]
