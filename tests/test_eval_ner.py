"""`parley eval ner`: the naeval protocol for FactRuEval, BSNLP's topic-local ids, NER spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from parleywatch.actors import ArticleLinks, Mention
from parleywatch.evaluation.ner import (
    GoldDocument,
    _linking_pairs,
    aligned,
    drop_overlapping,
    io_tags,
    naeval_spans,
    predicted_spans,
    read_factrueval,
)
from parleywatch.nlp import Analysis, Entity

TEXT = "Глава мэрии Москвы Иван Петров и ОАО «Рога» встретились в Тверской области."


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


OBJECTS = [
    ("Org", [("org_descr", *at("мэрии")), ("loc_name", *at("Москвы"))]),  # no org_name: nothing
    ("LocOrg", [("loc_name", *at("Москвы"))]),
    ("Person", [("name", *at("Иван")), ("surname", *at("Петров"))]),
    ("Org", [("org_descr", *at("ОАО")), ("org_name", *at("Рога"))]),
    ("Location", [("loc_name", *at("Тверской")), ("loc_descr", *at("области"))]),
]


def test_naeval_spans_take_name_parts_only() -> None:
    spans = {(TEXT[a:b], kind) for a, b, kind in naeval_spans(OBJECTS, TEXT)}
    assert spans == {("Москвы", "LOC"), ("Иван Петров", "PER"), ("Рога", "ORG"), ("Тверской", "LOC")}


@pytest.mark.parametrize(
    ("spans", "kept"),
    [
        ([(0, 9, "ORG"), (4, 9, "LOC")], [(0, 9, "ORG")]),
        ([(5, 9, "LOC"), (0, 4, "PER")], [(0, 4, "PER"), (5, 9, "LOC")]),
    ],
)
def test_drop_overlapping(spans: list[tuple[int, int, str]], kept: list[tuple[int, int, str]]) -> None:
    assert drop_overlapping(spans) == kept


def test_misaligned_spans_are_dropped_and_tokens_counted_by_type() -> None:
    assert aligned([(0, 3, "ORG"), (0, 5, "ORG")], TEXT) == [(0, 5, "ORG")]
    assert io_tags([(*at("Иван Петров"), "PER")], TEXT) == {(at("Иван")[0], "PER"), (at("Петров")[0], "PER")}


def test_factrueval_reader_gives_both_protocols(tmp_path: Path) -> None:
    (tmp_path / "doc_1.txt").write_text(TEXT, encoding="utf-8")
    spans = [f"{i} {kind} {a} {b - a} 0 1" for i, (kind, a, b) in enumerate(
        [("org_descr", *at("ОАО")), ("org_name", *at("Рога"))], start=1)]
    (tmp_path / "doc_1.spans").write_text("\n".join(spans) + "\n", encoding="utf-8")
    (tmp_path / "doc_1.objects").write_text("10 Org 1 2 # ОАО Рога\n", encoding="utf-8")
    document = next(read_factrueval(tmp_path))
    assert [TEXT[a:b] for a, b, _ in document.spans] == ["Рога"]
    assert [TEXT[a:b] for a, b, _ in document.naeval or []] == ["Рога"]


def test_numeric_bsnlp_ids_are_local_to_their_topic() -> None:
    documents = [GoldDocument("ec/1", "", forms=[("сша", "LOC", "11")]),
                 GoldDocument("trump/1", "", forms=[("китай", "LOC", "11"), ("мэй", "PER", "PER-Theresa-May")])]
    mentions = [[{"text": "США", "actor_id": "cty:us"}],
                [{"text": "Китай", "actor_id": "cty:cn"}, {"text": "Мэй", "actor_id": "prov:per:мэй"}]]
    golds = {gold for _, gold, _ in _linking_pairs(documents, mentions)}
    assert golds == {"ec/LOC:11", "trump/LOC:11", "PER:PER-Theresa-May"}


def test_a_government_named_by_description_scores_the_names_inside() -> None:
    text = "Правительство США и Москва заявили."
    entities = [Entity(14, 17, "США", "LOC", "США"), Entity(20, 26, "Москва", "LOC", "Москва")]
    analysis = Analysis("ru", "v", entities=entities)
    links = ArticleLinks([Mention("a", 0, 17, text[:17], "gov:us", "GOV", 0, 35, rule="registry_name"),
                          Mention("a", 20, 26, "Москва", "gov:ru", "GOV", 0, 35, rule="metonymy")])
    assert predicted_spans(links, analysis) == [(14, 17, "LOC"), (20, 26, "LOC")]
