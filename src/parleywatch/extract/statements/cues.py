"""Cue words of indirect statements, and their speakers from the dependency parse.

A cue is a speech verb ("заявил, что"), an opinion word ("считает", "уверен") or a stance act
("осудил", "выступил против"). Its speaker is its grammatical subject, also when the cue shares
the subject of another predicate ("заявил и потребовал", "решил поддержать", "заявив, что") or
hangs on the speaker's noun ("эксперт, считающий, что"; "эксперты, которые считают, что"); a
verb with no subject speaks for the issuer of the document it is said in ("В заявлении МИД
говорится") or for the place ("В Кремле считают").
Indexes here are positions in the sentence's token list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from parleywatch.extract.statements.lexicon import SpeechLexicon
from parleywatch.nlp import Token

PHRASE_WINDOW = 4  # "выразил глубокую обеспокоенность": the phrase word may follow an adjective or two
SHARED_SUBJECT = {"conj", "xcomp", "advcl"}  # "заявил и потребовал", "решил поддержать", "заявив, что"
PARTICIPLE = {"acl"}  # "эксперт, считающий, что ..."
RELATIVE_CLAUSE = {"acl:relcl"}  # "эксперты, которые считают, что ..."
SUBJECT = {"nsubj"}
PREDICATES = {"VERB", "ADJ", "AUX"}
NOUNS = {"NOUN", "PROPN"}
NAME_RELS = {"appos", "flat", "flat:name", "flat:foreign"}  # "министр иностранных дел Сергей Лавров": the core
PHRASE_RELS = NAME_RELS | {"nmod", "amod", "det", "nummod", "nummod:gov", "case", "compound", "fixed"}  # no clauses
CUE_POS = {"VERB", "ADJ", "AUX"}  # "заключённый" (NOUN) is no cue for "заключить"
MAX_HOPS = 3


@dataclass(slots=True, frozen=True)
class Cue:
    """A cue word at ``index`` and the kind of act it reports: speech, opinion or stance."""

    index: int
    act: str


def cue_act(tokens: list[Token], i: int, lexicon: SpeechLexicon, first: int | None = None) -> str | None:
    """What the word at ``i`` reports, if it is a cue; a phrase verb needs its word after it.

    Opinion first: "считать" is also a speech verb for the events stage.
    """
    if tokens[i].pos is not None and tokens[i].pos not in CUE_POS:
        return None
    if i > 0 and tokens[i - 1].lemma.lower() in lexicon.noun_markers:  # "exchanged the notes", "declined to say"
        return None
    lemma = tokens[i].lemma.lower()
    words = lexicon.phrases.get(lemma)
    if words and any(t.lemma.lower() in words for t in _phrase_words(tokens, i, first)):
        return "stance"
    if lemma in lexicon.opinion or (lemma in lexicon.negated_opinion and i > 0
                                     and tokens[i - 1].lemma.lower() in lexicon.negations):
        return "opinion"
    if lemma in lexicon.naming:  # "назвал цифру" names, it states nothing
        return "stance" if _predicated(tokens, i, first, lexicon.as_words) else None
    if lemma in lexicon.evaluative:
        return "stance"
    if lemma in lexicon.speech and i > 0 and tokens[i - 1].lemma.lower() in lexicon.negations:
        return None  # "не уточнил, когда": what was not said is no statement
    return "speech" if lemma in lexicon.speech else None


def _phrase_words(tokens: list[Token], i: int, first: int | None) -> list[Token]:
    """The words after a phrase verb and, with a parse (``first`` the analysis index of
    ``tokens[0]``), the words under it ("в защиту дипломатов выступил МИД")."""
    window = tokens[i + 1 : i + 1 + PHRASE_WINDOW]
    if first is None:
        return window
    tree = Tree(tokens, first)
    return window + [tokens[k] for c in tree.children(i) for k in [c, *tree.children(c)]]


def _predicated(tokens: list[Token], i: int, first: int | None, as_words: frozenset[str]) -> bool:
    """"назвал X Y-ом", "охарактеризовал X как Y": a second complement in the instrumental, an
    open predicate or an ``as_words`` word ("как"); without a parse every naming verb counts."""
    if first is None:
        return True
    tree = Tree(tokens, first)
    return any(tokens[c].rel == "xcomp" or tokens[c].feats.get("Case") == "Ins"
               or any(tokens[k].lemma.lower() in as_words for k in tree.children(c)) for c in tree.children(i))


def find_cues(tokens: list[Token], lexicon: SpeechLexicon, first: int | None = None) -> list[Cue]:
    """Every cue of a sentence, in text order (``first``: see ``Tree``)."""
    found = ((i, cue_act(tokens, i, lexicon, first)) for i in range(len(tokens)))
    return [Cue(i, act) for i, act in found if act and not _unsaid(tokens, i, act, first)]


def _unsaid(tokens: list[Token], i: int, act: str, first: int | None) -> bool:
    """An infinitive is no act performed: "право ответить", "может заявить"; only a stance or
    opinion under a predicate counts ("решил поддержать")."""
    if tokens[i].feats.get("VerbForm") != "Inf":
        return False
    if act == "speech" or first is None:
        return True
    head = Tree(tokens, first).head(i)
    return tokens[i].rel != "xcomp" or head is None or tokens[head].pos not in PREDICATES


# ---------------------------------------------------------------- the parse of one sentence


@dataclass(slots=True, frozen=True)
class Tree:
    """The tokens of one sentence; ``first`` is the analysis index of ``tokens[0]``."""

    tokens: list[Token]
    first: int

    def head(self, i: int) -> int | None:
        head = self.tokens[i].head
        local = None if head is None else head - self.first
        return local if local is not None and 0 <= local < len(self.tokens) and local != i else None

    def children(self, i: int) -> list[int]:
        return [k for k in range(len(self.tokens)) if self.head(k) == i]

    def descendants(self, i: int, rels: set[str] | None = None) -> list[int]:
        """``i`` and every word under it (through ``rels`` only, when given), in text order."""
        found, todo = {i}, [i]
        while todo:
            for child in self.children(todo.pop()):
                if child not in found and (rels is None or self.tokens[child].rel in rels):
                    found.add(child)
                    todo.append(child)
        return sorted(found)

    @property
    def parsed(self) -> bool:
        return any(t.head is not None for t in self.tokens)


# ---------------------------------------------------------------- subject rules


def passive(tree: Tree, i: int) -> bool:
    return tree.tokens[i].feats.get("Voice") == "Pass"


def own_subject(tree: Tree, i: int, lexicon: SpeechLexicon) -> int | None:
    """"Эксперты считают": the cue's own subject; of two, a noun before a participle, then the
    nearest. A relative pronoun stands for its noun ("эксперты, которые считают")."""
    subjects = [k for k in tree.children(i) if tree.tokens[k].rel in SUBJECT]
    if not subjects or passive(tree, i):
        return None
    subject = min(subjects, key=lambda k: (tree.tokens[k].pos not in NOUNS, abs(k - i)))
    if tree.tokens[subject].pos in {"ADV", "NUM"}:  # "более 20 депутатов заявили": the noun of the quantity
        subject = next((k for k in tree.children(subject) if tree.tokens[k].pos in NOUNS), subject)
    if tree.tokens[subject].lemma.lower() in lexicon.relatives:
        return antecedent(tree, subject, tree.head(i)) if tree.tokens[i].rel in RELATIVE_CLAUSE else None
    return subject


def antecedent(tree: Tree, pronoun: int, attached: int | None) -> int | None:
    """The noun a relative pronoun stands for: the one the clause hangs on if it agrees in
    number, else the nearest agreeing noun before it ("дипломатов и экспертов, которые")."""
    number = tree.tokens[pronoun].feats.get("Number")
    candidates = ([attached] if attached is not None else []) + list(range(pronoun - 1, -1, -1))
    for k in candidates:
        token = tree.tokens[k]
        if token.pos in NOUNS and (number is None or token.feats.get("Number") in {None, number}):
            return k
    return None


def agent(tree: Tree, i: int, lexicon: SpeechLexicon) -> int | None:
    """"раскритикованный властями США": a passive cue's speaker is its agent, if named."""
    if not passive(tree, i):
        return None
    return next((k for k in tree.children(i) if tree.tokens[k].rel == "obl:agent"
                 or (tree.tokens[k].rel == "obl" and tree.tokens[k].feats.get("Case") == "Ins"
                     and tree.tokens[k].pos in NOUNS)), None)


def participle_noun(tree: Tree, i: int, lexicon: SpeechLexicon) -> int | None:
    """"советник, утверждающий, что ...": the noun an active participle hangs on."""
    head = tree.head(i)
    if tree.tokens[i].rel not in PARTICIPLE or head is None or passive(tree, i):
        return None
    return head if tree.tokens[head].pos in NOUNS else None


def shared_subject(tree: Tree, i: int, lexicon: SpeechLexicon) -> int | None:
    """"Лавров призвал ... и предложил ...", "решил поддержать", "заявив": the head's subject;
    "убедили министра приехать и выступить": an infinitive after an object is the object's."""
    if passive(tree, i):
        return None
    for _ in range(MAX_HOPS):
        head = tree.head(i)
        if tree.tokens[i].rel not in SHARED_SUBJECT or head is None or tree.tokens[head].pos not in PREDICATES:
            return None
        if tree.tokens[i].rel == "xcomp":
            controller = next((k for k in tree.children(head) if tree.tokens[k].rel in {"obj", "iobj"}
                               and tree.tokens[k].pos in NOUNS), None)
            if controller is not None:
                return controller
        for rule in (own_subject, participle_noun):
            found = rule(tree, head, lexicon)
            if found is not None:
                return found
        i = head
    return None


def indefinite(tree: Tree, i: int, lexicon: SpeechLexicon) -> int | None:
    """"В Кремле считают, что ...", "из посольства сообщили": a plural verb with no subject
    speaks for the place it is said in."""
    token = tree.tokens[i]
    if token.feats.get("Number") != "Plur" or any(tree.tokens[k].rel in SUBJECT for k in tree.children(i)):
        return None
    return next((k for k in tree.children(i) if tree.tokens[k].rel == "obl" and tree.tokens[k].pos in NOUNS
                 and any(tree.tokens[c].rel == "case" and tree.tokens[c].lemma.lower() in lexicon.sources
                         for c in tree.children(k))), None)


def document_issuer(tree: Tree, i: int, lexicon: SpeechLexicon) -> int | None:
    """"В заявлении МИД говорится, что ...", "на сайте Кремля отмечается": a cue with no subject
    speaks for whoever issued the document its place phrase names (the document's genitive)."""
    if any(tree.tokens[k].rel in SUBJECT for k in tree.children(i)):
        return None
    for k in tree.children(i):
        token = tree.tokens[k]
        if token.rel != "obl" or token.lemma.lower() not in lexicon.documents or not any(
                tree.tokens[c].rel == "case" and tree.tokens[c].lemma.lower() in lexicon.document_prepositions
                for c in tree.children(k)):
            continue
        return next((c for c in tree.children(k) if tree.tokens[c].rel == "nmod" and tree.tokens[c].pos in NOUNS
                     and tree.tokens[c].feats.get("Case") == "Gen"), None)
    return None


def run_on(tree: Tree, i: int, lexicon: SpeechLexicon) -> int | None:
    """"X прибыл в Женеву, заявил, что ...": a predicate after a comma that the parse left as a
    root of its own, with no subject, shares the subject of the predicate before it."""
    token = tree.tokens[i]
    if tree.head(i) is not None or i == 0 or tree.tokens[i - 1].text != "," or passive(tree, i):
        return None
    if token.feats.get("VerbForm") == "Part":  # a participle hangs on a noun, even when the parse lost it
        return None
    if any(tree.tokens[k].rel in SUBJECT for k in tree.children(i)):
        return None
    before = next((k for k in range(i - 2, -1, -1) if tree.head(k) is None and tree.tokens[k].pos in PREDICATES), None)
    return own_subject(tree, before, lexicon) if before is not None else None


MISHUNG = {"appos", "flat", "flat:name", "nmod", "conj"}


def mishung_subject(tree: Tree, i: int, lexicon: SpeechLexicon) -> int | None:
    """"После спора с послом Рябков заявил ...": a nominative name right before a cue with no
    subject, hung by the parse on a noun in another case, is the cue's subject."""
    token = tree.tokens[i]
    if i == 0 or passive(tree, i) or token.feats.get("VerbForm") in {"Inf", "Part", "Conv"} or any(
            tree.tokens[k].rel in SUBJECT for k in tree.children(i)):
        return None
    name, head = i - 1, tree.head(i - 1)
    if tree.tokens[name].rel not in MISHUNG or tree.tokens[name].feats.get("Case") != "Nom":
        return None
    for _ in range(MAX_HOPS):  # "Сергей Рябков": climb the name parts to the first
        if head is None or tree.tokens[head].rel not in NAME_RELS or tree.tokens[head].pos != "PROPN":
            break
        name, head = head, tree.head(head)
    if head is None or tree.tokens[name].pos != "PROPN" or tree.tokens[head].feats.get("Case") in {None, "Nom"}:
        return None
    return name


SUBJECT_RULES: list[Callable[[Tree, int, SpeechLexicon], int | None]] = [
    agent, own_subject, participle_noun, shared_subject, document_issuer, indefinite, run_on, mishung_subject,
]


def subject_of(tree: Tree, i: int, lexicon: SpeechLexicon) -> int | None:
    """The index of the speaker's head word for the cue at ``i``, by the first rule that finds one."""
    for rule in SUBJECT_RULES:
        found = rule(tree, i, lexicon)
        if found is not None:
            return found
    return None


@dataclass(slots=True, frozen=True)
class Phrase:
    """A speaker's noun phrase: ``core`` is the head with its names and appositions ("Президент
    ... Сергей Лавров"), ``words`` adds the modifiers ("России"); sentence positions."""

    head: int
    core: list[int]
    words: list[int]


def noun_phrase(tree: Tree, i: int) -> Phrase:
    core = tree.descendants(i, NAME_RELS)
    core += [k for c in _asyndetic(tree, i) for k in tree.descendants(c, NAME_RELS)]
    if not any(tree.tokens[k].pos == "PROPN" for k in core):
        core += [k for c in _titles(tree, i) for k in tree.descendants(c, NAME_RELS)]
    return Phrase(i, sorted(set(core)), sorted(set(core) | set(tree.descendants(i, PHRASE_RELS))))


def _titles(tree: Tree, i: int) -> list[int]:
    """"Глава делегации и замминистра Сергей Рябков": a title without a name shares the name
    of the title joined to it."""
    return [c for c in tree.children(i) if tree.tokens[c].rel == "conj" and tree.tokens[c].pos == "NOUN"]


def _asyndetic(tree: Tree, i: int) -> list[int]:
    """"Посол, 60-летний Анатолий Антонов, ...": a name joined without "и" is an apposition the
    parse took for a conjunct."""
    return [c for c in tree.children(i) if tree.tokens[c].rel == "conj" and tree.tokens[c].pos == "PROPN"
            and not any(tree.tokens[k].rel == "cc" for k in tree.children(c))]


def speaker_phrase(tree: Tree, i: int, lexicon: SpeechLexicon) -> Phrase | None:
    """The noun phrase of the subject of the cue at ``i``, if the parse has one."""
    head = subject_of(tree, i, lexicon)
    return None if head is None else noun_phrase(tree, head)
