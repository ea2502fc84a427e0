"""PLOVER typing of English sentences: the main event of a sentence and its PLOVER category."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parleywatch.evaluation.plover import load_gold, run_plover
from parleywatch.extract.article import Pipeline, text_article
from parleywatch.extract.events.lexicon import load_event_lexicon
from parleywatch.extract.events.triggers import by_salience, find_triggers
from parleywatch.extract.plover import plover_type, to_plover
from parleywatch.nlp.light import LightAnalyzer


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    pipe = Pipeline.load()
    pipe.lexicons.keep_bare = True
    return pipe


def main_type(pipeline: Pipeline, text: str) -> str:
    events = pipeline.run(text_article(text, "en", "2020-03-01"))[2]
    return plover_type(events[0]["type"], events[0]["status"]) if events else "NONE"


SENTENCES = [
    ("Kenya and Uganda agreed to reopen their shared border crossing.", "AGREE"),
    ("Brazil said it is willing to withdraw its police from the region.", "AGREE"),
    ("The foreign ministers of Peru and Chile met in Lima on Monday.", "CONSULT"),
    ("Ghana and Togo signed a treaty on fishing rights.", "SUPPORT"),
    ("Norway apologized to Sweden for the border incident.", "SUPPORT"),
    ("Russia and China held joint military exercises in the Pacific.", "COOPERATE"),
    ("Japan granted a loan of two billion yen to Vietnam.", "AID"),
    ("The government lifted the curfew in the capital.", "CONCEDE"),
    ("The militia freed twelve hostages on Sunday.", "RETREAT"),
    ("The president said that the army must leave the capital.", "REQUEST"),
    ("Police opened an investigation into the bombing.", "ACCUSE"),
    ("Iran said it would not accept the new inspection regime.", "REJECT"),
    ("The rebels vowed to attack the capital.", "THREATEN"),
    ("The government will impose a curfew unless the protests stop.", "THREATEN"),
    ("Thousands of students staged a march to demand free elections.", "PROTEST"),
    ("The United States imposed sanctions on the shipping company.", "SANCTION"),
    ("Turkey deployed tanks along the border.", "MOBILIZE"),
    ("The junta declared martial law on Friday.", "COERCE"),
    ("Gunmen killed five soldiers in an ambush near the border.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "kind"), SENTENCES)
def test_main_event_type(pipeline: Pipeline, text: str, kind: str) -> None:
    assert main_type(pipeline, text) == kind


def test_a_light_verb_yields_to_its_noun() -> None:
    analysis = LightAnalyzer("en").analyze("The union staged a strike to demand higher wages.", "t")
    hits = by_salience(find_triggers(analysis.tokens, 0, load_event_lexicon("en")), analysis.tokens, 0)
    assert [h.trigger.type for h in hits] == ["PROTEST", "REQUEST"]


def test_a_longer_trigger_beats_an_ignored_phrase() -> None:
    analysis = LightAnalyzer("en").analyze("The union called off the strike.", "t")
    assert [h.trigger.type for h in find_triggers(analysis.tokens, 0, load_event_lexicon("en"))] == ["CONCEDE"]


def test_other_languages_have_no_english_roles() -> None:
    lexicon = load_event_lexicon("ru")
    assert not (lexicon.frames or lexicon.light_verbs or lexicon.intents)


PLOVER_TYPES = [
    ("CONSULT", "occurred", "CONSULT"),
    ("CONSULT", "planned", "AGREE"),  # "will visit": an intention to cooperate
    ("AID", "hypothetical", "AGREE"),
    ("COERCE", "planned", "THREATEN"),  # "will impose martial law"
    ("CONSULT", "denied", "REJECT"),  # "will not meet"
    ("CONSULT", "cancelled", "SANCTION"),  # "cancelled the visit"
    ("PROTEST", "cancelled", "CONCEDE"),  # "called off the strike"
    ("REJECT", "planned", "REJECT"),
    ("ACCUSE", "hypothetical", "ACCUSE"),
]


@pytest.mark.parametrize(("kind", "status", "plover"), PLOVER_TYPES)
def test_plover_type(kind: str, status: str, plover: str) -> None:
    assert plover_type(kind, status) == plover


def test_export_writes_the_plover_type(pipeline: Pipeline) -> None:
    events = pipeline.run(text_article("Turkey will send aid to the flooded villages.", "en", "2020-03-01"))[2]
    record = to_plover(events[0])
    assert (events[0]["type"], record["event"]) == ("AID", "AGREE")


def gold_file(tmp_path: Path) -> Path:
    records = [
        {"event": "DOCUMENT", "text": "About this file."},
        {"event": "DEMAND", "text": "The opposition demanded the resignation of the minister."},
        {"event": "FIGHT", "text": "The two armies clashed along the frontier."},
        {"event": "DISAPPROVE", "text": "Nothing of note happened in the village."},
    ]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(records), "utf-8")
    return path


def test_gold_uses_the_16_type_names(tmp_path: Path) -> None:
    assert [kind for _, kind in load_gold(gold_file(tmp_path))] == ["REQUEST", "ASSAULT", "ACCUSE"]


def test_a_sentence_without_event_counts_as_wrong(tmp_path: Path, pipeline: Pipeline) -> None:
    result = run_plover(gold_file(tmp_path), pipeline=pipeline)
    assert (result["correct"], result["sentences"]) == (2, 3)
    assert result["per_type"]["ACCUSE"]["recall"] == 0.0
