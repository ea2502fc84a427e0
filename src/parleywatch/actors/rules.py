"""Linking rules, tried in order on each name candidate; the first that answers wins.

Each rule is a small function ``(candidate, context) -> Link | None`` in ``RULES``, easy to test
alone and to switch off. Provisional actors are the last rule, so no name is ever dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from parleywatch.actors.consolidate import SPELLING
from parleywatch.actors.context import Candidate, Context, Link
from parleywatch.actors.fuzzy import close_place, close_surname
from parleywatch.actors.index import Entry, token_forms
from parleywatch.nlp import Token
from parleywatch.nlp.text import normalize

Rule = Callable[[Candidate, Context], Link | None]

PROVISIONAL_TYPES = {"PER": "per", "ORG": "org", "LOC": "loc"}
PLACE_TYPES = frozenset({"country", "place"})
QUOTES = frozenset("«»“”„\"")


def foreign_namesake(candidate: Candidate, context: Context) -> Link | None:
    """"МИД Польши", "ЦБ Турции": a registry organisation's name ("МИД", "ЦБ" are Russia's) right
    before another country's name is that country's organisation, a provisional actor keyed with
    the country (the key the NER span "ЦБ Турции" gets too); the country stays a mention."""
    registry, tokens = context.registry, context.analysis.tokens
    if candidate.ner_type != "ORG":
        return None
    ids = {e.actor_id for e in _exact_entries(candidate, context) if e.actor_id}
    if len(ids) != 1 or candidate.last >= len(tokens):
        return None
    actor = registry.actor(ids.pop())
    following = registry.names.match_at(tokens, candidate.last, len(tokens), context.forms or None)
    others = {e.actor_id for e in following.entries if e.actor_id} if following else set()
    if actor.type != "organization" or actor.country is None or following is None or len(others) != 1:
        return None
    other = registry.actor(others.pop())
    if other.type not in {"country", "government"} or other.country in {None, actor.country}:
        return None
    return Link(f"prov:org:{name_key(tokens[candidate.first : following.last])}", "foreign_namesake")


def registry_name(candidate: Candidate, context: Context) -> Link | None:
    """The whole span is a registry name or alias in any inflection ("Кириллом Дмитриевым")."""
    entries = _exact_entries(candidate, context)
    if candidate.size == 1 and candidate.ner_type == "PER" and _seen_surname(candidate, context):
        return None  # a surname alone: someone named in full earlier in the article comes first
    if _places_only(entries, context) and (_first_name(candidate, context) or _quoted_title(candidate, context)):
        return None
    return _pick(entries, context, "registry_name")


def article_memory(candidate: Candidate, context: Context) -> Link | None:
    """A surname, first name + surname or initial + surname ("Т. Мэй") of a person named in full
    earlier in the article."""
    if candidate.ner_type not in {"PER", ""}:
        return None
    tokens = [t for t in context.tokens(candidate) if t.text != "."]
    ids = context.surnames.get(tokens[-1].lemma) or context.surnames.get(tokens[-1].text.lower())
    if not ids:
        return None
    if len(tokens) > 1:
        ids = {i for i in ids if _same_first_name(tokens[0], context.first_names.get(i, set()))}
    return Link(next(iter(ids)), "article_memory") if len(ids) == 1 else None


def article_first_name(candidate: Candidate, context: Context) -> Link | None:
    """A first name alone ("поблагодарила Бориса") of the one person named in full earlier with it."""
    if candidate.ner_type != "PER" or candidate.size != 1:
        return None
    token = context.tokens(candidate)[0]
    ids = set().union(*(context.named.get(form, set()) for form in token_forms(token)))
    return Link(next(iter(ids)), "article_first_name") if len(ids) == 1 else None


def registry_person(candidate: Candidate, context: Context) -> Link | None:
    """First name (and patronymic) + a registry surname: "Сергея Алексеевича Рябкова"."""
    tokens = context.tokens(candidate)
    if candidate.ner_type != "PER" or len(tokens) < 2:
        return None
    first, last = set(token_forms(tokens[0])), set(token_forms(tokens[-1]))
    ids = [k.actor.id for k in context.registry.persons() if last & k.surnames and first & k.first_names]
    return Link(ids[0], "registry_person") if len(ids) == 1 else None


def misspelled_person(candidate: Candidate, context: Context) -> Link | None:
    """A registry person within a guarded edit distance ("Дональда Трапа"), never a real surname."""
    tokens = context.tokens(candidate)
    if candidate.ner_type != "PER" or len(tokens) > 3:
        return None
    if context.registry.variants.is_surname(tokens[-1].text, context.analysis.language):
        return None
    surnames, first = token_forms(tokens[-1]), set(token_forms(tokens[0])) if len(tokens) > 1 else set()
    ids = [
        k.actor.id
        for k in context.registry.persons()
        if (not first or first & k.first_names)
        and any(close_surname(surname, k.surnames, alone=not first) for surname in surnames)
    ]
    return Link(ids[0], "misspelled_person") if len(ids) == 1 else None


def misspelled_place(candidate: Candidate, context: Context) -> Link | None:
    """A registry place one edit away from a long one-word place name ("в Вашинтоне"); the tagger
    may call the odd word a person ("Москвы и Вашинтона") unless it is a known name."""
    if candidate.ner_type not in {"LOC", "PER"} or candidate.size != 1:
        return None
    token = context.tokens(candidate)[0]
    language, variants = context.analysis.language, context.registry.variants
    if candidate.ner_type == "PER" and (variants.is_surname(token.text, language)
                                        or variants.is_first_name(token.text, language)):
        return None
    forms = token_forms(token)
    ids = {actor_id for form in forms for name, actor_id in context.registry.place_words(form[:1])
           if close_place(form, name)}
    return Link(ids.pop(), "misspelled_place") if len(ids) == 1 else None


def provisional(candidate: Candidate, context: Context) -> Link | None:
    """A name the registry does not know: an actor keyed by the lemmas of its words, so every
    inflection of it ("Асии Биби", "Асию Биби") is one actor across articles."""
    kind = PROVISIONAL_TYPES.get(candidate.ner_type, "per")
    return Link(f"prov:{kind}:{name_key(context.tokens(candidate), kind == 'per')}", "provisional")


RULES: list[Rule] = [
    foreign_namesake, registry_name, article_memory, article_first_name, registry_person, misspelled_person,
    misspelled_place, provisional,
]


# --- helpers -----------------------------------------------------------------------------------


def name_key(tokens: list[Token], person: bool = False) -> str:
    """The lemmas of a name's words, punctuation and invisible characters left out:
    "Доминика Рааба" -> "доминик рааб"; a woman's surname keeps its gender ("Ксении Карелиной"
    -> "ксения карелина", where the lemmatizer gives "карелин")."""
    words = [t for t in tokens if any(c.isalnum() for c in t.text)]
    keys = ["".join(c for c in t.lemma if c.isprintable() and not c.isspace()) for t in words]
    if person and words and words[-1].feats.get("Gender") == "Fem":
        keys[-1] = SPELLING.feminine_surname(keys[-1])
    return " ".join(k for k in keys if k) or normalize(tokens[0].text)


def _same_first_name(token: Token, first_names: set[str]) -> bool:
    """The first name itself, or its initial ("Т." for "Тереза", "Дж." for "Джереми")."""
    forms = set(token_forms(token))
    if forms & first_names:
        return True
    initial = normalize(token.text)
    return len(initial) <= 2 and token.text[:1].isupper() and any(n.startswith(initial) for n in first_names)


def _exact_entries(candidate: Candidate, context: Context) -> tuple[Entry, ...]:
    match = context.registry.names.match_at(
        context.analysis.tokens, candidate.first, candidate.last, context.forms or None
    )
    if match is None or match.last != candidate.last:
        return ()
    return match.entries


def _places_only(entries: tuple[Entry, ...], context: Context) -> bool:
    kinds = {context.registry.actor(e.actor_id).type for e in entries if e.actor_id}
    return bool(kinds) and kinds <= PLACE_TYPES


def _first_name(candidate: Candidate, context: Context) -> bool:
    """"Диля", or "София" after "София Ротару", that the tagger calls a person is a first name
    (the dictionary's, or of a person named before), not Dili or Sofia."""
    if candidate.size != 1 or candidate.ner_type != "PER":
        return False
    token = context.analysis.tokens[candidate.first]
    named = any(form in context.named for form in token_forms(token))
    return named or context.registry.variants.is_first_name(token.text, context.analysis.language)


def _quoted_title(candidate: Candidate, context: Context) -> bool:
    """"гибель «Колумбии»" (a shuttle), "канал «Россия»": a name in quotes that the tagger calls
    an organisation is a title, not the country or city."""
    tokens = context.analysis.tokens
    if candidate.ner_type != "ORG" or candidate.first == 0 or candidate.last >= len(tokens):
        return False
    return tokens[candidate.first - 1].text in QUOTES and tokens[candidate.last].text in QUOTES


def _seen_surname(candidate: Candidate, context: Context) -> bool:
    token = context.analysis.tokens[candidate.first]
    return bool(context.surnames.get(token.lemma) or context.surnames.get(token.text.lower()))


def _pick(entries: tuple[Entry, ...], context: Context, rule: str) -> Link | None:
    """One actor among the entries: the only one, else the only one already seen in the article."""
    ids = list(dict.fromkeys(e.actor_id for e in entries if e.actor_id))
    if len(ids) > 1:
        ids = [i for i in ids if context.seen(i)]
    return Link(ids[0], rule) if len(ids) == 1 else None
