"""Per-language speech cues from ``extract/data/speech_<lang>.yaml``, loaded once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from parleywatch.nlp.text import normalize

DATA_DIR = Path(__file__).parent.parent / "data"
NAME = r"(?:«[^»]{1,60}»|\"[^\"]{1,60}\"|“[^”]{2,60}”|[A-ZА-ЯЁІЇЄ][\w.-]*(?:\s+[A-ZА-ЯЁІЇЄ][\w.-]*){0,3})"
NEVER = re.compile(r"(?!)")


@dataclass(slots=True, frozen=True)
class SpeechLexicon:
    """Speech verbs, "according to" openers, outlet-chain patterns, anonymous and carry words.

    ``verbs`` is also read by the events stage (clause cuts); ``speech`` is every speech verb the
    statements use. ``opinion`` words state a belief ("считает"), ``evaluative`` verbs a stance
    ("осудил"), ``phrases`` are verbs that are a stance only with a word after them
    ("выступил против").
    """

    language: str
    verbs: frozenset[str]
    according: re.Pattern[str]
    via: re.Pattern[str]
    anonymous: frozenset[str]
    carry: frozenset[str]
    evaluative: frozenset[str] = frozenset()  # "раскритиковал": an opinion stated without "что" or a quote
    speech: frozenset[str] = frozenset()
    opinion: frozenset[str] = frozenset()
    according_opinion: re.Pattern[str] = NEVER
    phrases: dict[str, frozenset[str]] = field(default_factory=dict)
    complementizers: frozenset[str] = frozenset()  # "заявил, что ...": clause openers
    relatives: frozenset[str] = frozenset()  # "эксперты, которые считают": the pronoun stands for its noun
    bodies: frozenset[str] = frozenset()  # "прокуратура потребовала": inanimate nouns that speak
    about: frozenset[str] = frozenset()  # "объявил о заморозке контактов": what the speech is about
    negated_opinion: frozenset[str] = frozenset()  # "не исключил, что ...": an opinion only after "не"
    negations: frozenset[str] = frozenset()
    quantities: frozenset[str] = frozenset()  # "Тысячи жителей поддержали ...": the noun after it speaks
    sources: frozenset[str] = frozenset()  # "в Кремле считают": the place that speaks
    documents: frozenset[str] = frozenset()  # "в заявлении МИД говорится": the document's issuer speaks
    document_prepositions: frozenset[str] = frozenset()
    as_words: frozenset[str] = frozenset()  # "Как сообщают агентства со ссылкой на ..., ...": the content follows
    noun_markers: frozenset[str] = frozenset()  # "the notes", "to say": the cue word is a noun or an infinitive
    phrase_stops: frozenset[str] = frozenset()  # "Russian officials have suggested": the description ends
    naming: frozenset[str] = frozenset()  # "назвал X «параноиком»": a stance only with a predicate for X
    backward: re.Pattern[str] = NEVER  # "Об этом сообщил X": a sentence start pointing at the sentence before
    backward_clause: re.Pattern[str] = NEVER  # "..., о чем сообщил X": a clause pointing at the clause before

    cues: frozenset[str] = field(init=False)  # every lemma that can introduce a statement
    stops: frozenset[str] = field(init=False)  # the cues and ``phrase_stops``: a speaker's words end

    def __post_init__(self) -> None:
        cues = (self.speech | self.opinion | self.evaluative | self.negated_opinion | self.naming
                | frozenset(self.phrases))
        object.__setattr__(self, "cues", cues)
        object.__setattr__(self, "stops", cues | self.phrase_stops)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _words(data: dict[str, object], key: str) -> frozenset[str]:
    values = data.get(key) or []
    return frozenset(normalize(str(v)) for v in values) if isinstance(values, list) else frozenset()


def _openers(words: list[str] | None) -> re.Pattern[str]:
    """Openers as written or capitalised at a sentence start; not "Комитет по Оценке СМИ"."""
    if not words:
        return NEVER
    forms = [w for word in words for w in (word, word[:1].upper() + word[1:])]
    return re.compile(r"(?<!\w)(?:" + _alternation(forms) + r")(?!\w)")


def _leading(words: list[str] | None) -> re.Pattern[str]:
    """Openers at the very start of a sentence (after a dash or quotation mark), any case."""
    if not words:
        return NEVER
    return re.compile(r"^[\s«\"„“—–-]*(?:" + _alternation(words) + r")(?!\w)", re.IGNORECASE)


def _after_comma(words: list[str] | None) -> re.Pattern[str]:
    """Openers right after a comma: ", о чем сообщил МИД"."""
    if not words:
        return NEVER
    return re.compile(r",\s*(?:" + _alternation(words) + r")(?!\w)", re.IGNORECASE)


@cache
def load_speech_lexicon(language: str) -> SpeechLexicon:
    """The lexicon of ``language``; languages without a file fall back to English."""
    path = DATA_DIR / f"speech_{language}.yaml"
    if not path.exists():
        return load_speech_lexicon("en")
    data = yaml.safe_load(path.read_text("utf-8"))
    verbs = _words(data, "verbs")
    return SpeechLexicon(
        language=language,
        verbs=verbs,
        according=_openers(data["according"]),
        via=re.compile(r"(?<!\w)(?:" + _alternation(data["via"]) + r")\s+(?P<name>" + NAME + ")"),
        anonymous=_words(data, "anonymous"),
        carry=_words(data, "carry"),
        evaluative=_words(data, "evaluative"),
        speech=verbs | _words(data, "more_verbs"),
        opinion=_words(data, "opinion"),
        according_opinion=_openers(data.get("according_opinion")),
        phrases={normalize(k): frozenset(normalize(str(w)) for w in v) for k, v in (data.get("phrases") or {}).items()},
        complementizers=_words(data, "complementizers"),
        relatives=_words(data, "relatives"),
        bodies=_words(data, "bodies"),
        about=_words(data, "about"),
        negated_opinion=_words(data, "negated_opinion"),
        negations=_words(data, "negations"),
        quantities=_words(data, "quantities"),
        naming=_words(data, "naming"),
        as_words=_words(data, "as_words"),
        sources=_words(data, "sources"),
        documents=_words(data, "documents"),
        document_prepositions=_words(data, "document_prepositions"),
        noun_markers=_words(data, "noun_markers"),
        phrase_stops=_words(data, "phrase_stops"),
        backward=_leading(data.get("backward")),
        backward_clause=_after_comma(data.get("backward_clause")),
    )
