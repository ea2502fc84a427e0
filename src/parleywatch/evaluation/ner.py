"""``parley eval ner``: precision, recall and F1 of names and actor linking on annotated corpora.

Readers turn FactRuEval, Collection5, NEREL (brat) and BSNLP into ``GoldDocument`` records with
PER/LOC/ORG spans (or, for BSNLP, document-level surface forms with cross-lingual ids). Each
document is analyzed and linked; both natasha's entities alone and the project's linked mentions
are scored, so the registry's contribution is visible. Scores are token-level per type (nested gold
spans flattened outermost first) and exact-span per type.

FactRuEval is also scored under the protocol natasha's published figures were computed with
(naeval): Person objects whole, Org objects by their ``org_name`` spans only, Location and
LocOrg by their ``loc_name`` spans only, overlapping and token-misaligned spans dropped, IO tags
over razdel tokens counted per type, micro over all documents. That is the ``naeval`` level.
"""

from __future__ import annotations

import bisect
import logging
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import razdel  # type: ignore[import-untyped]  # natasha's tokenizer, the one naeval counts tokens with

from parleywatch.actors import ActorRegistry, ArticleLinks, link_article
from parleywatch.actors.consolidate import consolidation_map, registry_surnames, relink
from parleywatch.actors.linking import EMBASSY, METONYMY
from parleywatch.nlp import Analysis, Analyzer
from parleywatch.records import Article

log = logging.getLogger(__name__)

TYPES = ("PER", "LOC", "ORG")
FACTRU_NAME_SPANS = frozenset({"name", "surname", "patronymic", "nickname", "loc_name", "org_name"})
FACTRU_TYPES = {"Person": "PER", "Location": "LOC", "LocOrg": "LOC", "Org": "ORG"}
BRAT_TYPES = {
    "PER": "PER", "PERSON": "PER", "LOC": "LOC", "GEOPOLIT": "LOC", "COUNTRY": "LOC", "CITY": "LOC",
    "STATE_OR_PROVINCE": "LOC", "LOCATION": "LOC", "DISTRICT": "LOC", "ORG": "ORG", "ORGANIZATION": "ORG",
    "MEDIA": "ORG",
}
MENTION_TO_NER = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "GOV": "LOC"}

Span = tuple[int, int, str]  # start, end, type


@dataclass(slots=True)
class GoldDocument:
    id: str
    text: str
    spans: list[Span] = field(default_factory=list)
    forms: list[tuple[str, str, str]] = field(default_factory=list)  # BSNLP: (form, type, entity id)
    published: str | None = None
    naeval: list[Span] | None = None  # FactRuEval: the gold spans of the naeval protocol


# --- readers -----------------------------------------------------------------------------------


def read_factrueval(path: Path) -> Iterator[GoldDocument]:
    """Objects of ``.objects`` files span from their first to their last name span; the naeval
    protocol's spans (``naeval_spans``) come along for the published-figure comparison."""
    for text_path in sorted(path.glob("*.txt")):
        spans = _factru_spans(text_path.with_suffix(".spans"))
        objects = _factru_objects(text_path.with_suffix(".objects"), spans)
        gold = []
        for kind, parts in objects:
            names = [(start, end) for span_kind, start, end in parts if span_kind in FACTRU_NAME_SPANS]
            if names:
                gold.append((min(p[0] for p in names), max(p[1] for p in names), FACTRU_TYPES[kind]))
        text = text_path.read_text(encoding="utf-8")
        yield GoldDocument(text_path.stem, text, gold, naeval=naeval_spans(objects, text))


FactruObject = tuple[str, list[tuple[str, int, int]]]  # object type, its (span type, start, end)


def _factru_spans(path: Path) -> dict[str, tuple[str, int, int]]:
    """Span id -> (span type, start, end), descriptors ("мэрии", "губернатора") included."""
    spans = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if len(fields) >= 4:
            spans[fields[0]] = (fields[1], int(fields[2]), int(fields[2]) + int(fields[3]))
    return spans


def _factru_objects(path: Path, spans: dict[str, tuple[str, int, int]]) -> list[FactruObject]:
    objects = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if len(fields) > 2 and fields[1] in FACTRU_TYPES:
            parts = [spans[s] for s in fields[2:] if s in spans]
            if parts:
                objects.append((fields[1], parts))
    return objects


# --- the naeval protocol (FactRuEval as natasha's published figures count it) -------------------

NAEVAL_PARTS = {"Org": frozenset({"org_name"}), "Location": frozenset({"loc_name"}), "LocOrg": frozenset({"loc_name"})}


def naeval_spans(objects: list[FactruObject], text: str) -> list[Span]:
    """Person: the whole object; Org: each ``org_name``; Location, LocOrg: each ``loc_name``.

    "мэрия Москвы" is an Org whose name part is missing, so only its LocOrg "Москвы" counts.
    """
    selected: list[Span] = []
    for kind, parts in objects:
        if kind == "Person":
            selected.append((min(p[1] for p in parts), max(p[2] for p in parts), FACTRU_TYPES[kind]))
            continue
        named = [(start, end, FACTRU_TYPES[kind]) for span_kind, start, end in parts if span_kind in NAEVAL_PARTS[kind]]
        selected += drop_overlapping(named)
    return aligned(drop_overlapping(selected), text)


def drop_overlapping(spans: list[Span]) -> list[Span]:
    """Left to right, longest first at a start; a span overlapping the last one kept is dropped.

    >>> drop_overlapping([(0, 9, "ORG"), (4, 9, "LOC"), (10, 12, "PER")])
    [(0, 9, 'ORG'), (10, 12, 'PER')]
    """
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or kept[-1][1] <= span[0]:
            kept.append(span)
    return kept


def aligned(spans: list[Span], text: str) -> list[Span]:
    """Spans whose both ends fall on razdel token boundaries."""
    bounds = razdel_bounds(text)
    return [s for s in spans if s[0] in bounds[0] and s[1] in bounds[1]]


def io_tags(spans: list[Span], text: str) -> set[tuple[int, str]]:
    """(token start, type) for every razdel token inside a span of that type, types apart.

    >>> sorted(io_tags([(0, 11, "PER")], "Юрий Лужков сказал"))
    [(0, 'PER'), (5, 'PER')]
    """
    tokens = razdel_tokens(text)
    starts = [start for start, _ in tokens]
    tags = set()
    for begin, end, kind in spans:
        for token_start, token_stop in tokens[bisect.bisect_left(starts, begin) :]:
            if token_stop > end:
                break
            tags.add((token_start, kind))
    return tags


@lru_cache(maxsize=8)
def razdel_tokens(text: str) -> list[tuple[int, int]]:
    return [(t.start, t.stop) for t in razdel.tokenize(text)]


def razdel_bounds(text: str) -> tuple[frozenset[int], frozenset[int]]:
    tokens = razdel_tokens(text)
    return frozenset(t[0] for t in tokens), frozenset(t[1] for t in tokens)


def read_brat(path: Path) -> Iterator[GoldDocument]:
    """Collection5 and NEREL: ``T1<TAB>TYPE start end[;start end]<TAB>text``, exact spans."""
    for text_path in sorted(path.glob("*.txt")):
        ann = text_path.with_suffix(".ann")
        if not ann.exists():
            continue
        lines = ann.read_text(encoding="utf-8").splitlines()
        text = text_path.read_text(encoding="utf-8")
        gold = [span for line in lines if (span := _brat_span(line))]
        yield GoldDocument(text_path.stem, text, _crlf_offsets(text, lines, gold))


def _crlf_offsets(text: str, lines: list[str], gold: list[Span]) -> list[Span]:
    r"""Offsets counted on the CRLF original of a text stored with LF (Collection5's copy): when
    the annotated strings only line up in the CRLF text, map every span back to the LF text.

    >>> _crlf_offsets("ТАСС\nМосква", ["T1\tLOC 6 12\tМосква"], [(6, 12, "LOC")])
    [(5, 11, 'LOC')]
    >>> _crlf_offsets("ТАСС\nМосква", ["T1\tLOC 5 11\tМосква"], [(5, 11, "LOC")])
    [(5, 11, 'LOC')]
    """
    surfaces = [line.split("\t")[2] for line in lines if line.startswith("T") and line.count("\t") >= 2]
    found = [(int(n[0]), int(n[-1])) for line in lines if line.startswith("T") and line.count("\t") >= 2
             if (n := line.split("\t")[1].partition(" ")[2].replace(";", " ").split())]
    crlf = text.replace("\n", "\r\n")

    def hits(body: str) -> int:
        return sum(body[a:b] == surface for (a, b), surface in zip(found, surfaces, strict=False))

    if hits(crlf) <= hits(text):
        return gold
    return [(_lf(crlf, a), _lf(crlf, b), kind) for a, b, kind in gold]


def _lf(crlf: str, offset: int) -> int:
    return offset - crlf.count("\r", 0, offset)


def _brat_span(line: str) -> Span | None:
    fields = line.split("\t")
    if not line.startswith("T") or len(fields) < 2:
        return None
    kind, _, offsets = fields[1].partition(" ")
    numbers = offsets.replace(";", " ").split()
    if kind not in BRAT_TYPES or len(numbers) < 2:
        return None
    return int(numbers[0]), int(numbers[-1]), BRAT_TYPES[kind]


def read_bsnlp(path: Path, language: str = "ru") -> Iterator[GoldDocument]:
    """BSNLP: ``raw/<lang>/*`` (id, lang, date, url, title, text) paired by id with ``annotated/<lang>/*``."""
    for topic in sorted(p for p in path.iterdir() if (p / "raw" / language).is_dir()):
        annotated = _bsnlp_annotations(topic / "annotated" / language)
        for raw in sorted((topic / "raw" / language).iterdir()):
            header = raw.read_text(encoding="utf-8").split("\n", 5)
            forms = annotated.get(header[0].strip())
            if forms is None or len(header) < 5:
                continue
            text = header[4] + "\n" + (header[5] if len(header) > 5 else "")
            yield GoldDocument(f"{topic.name}/{header[0].strip()}", text, [], forms, header[2][:10] or None)


def _bsnlp_annotations(folder: Path) -> dict[str, list[tuple[str, str, str]]]:
    """Document id (first line) -> (lowercased form, type, cross-lingual id) for PER/LOC/ORG."""
    found = {}
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        if not lines:
            continue
        forms = []
        for line in lines[1:]:
            fields = line.split("\t")
            if len(fields) >= 4 and fields[2].strip() in TYPES:
                forms.append((fields[0].strip().lower(), fields[2].strip(), fields[3].strip()))
        found[lines[0].strip()] = forms
    return found


READERS: dict[str, Callable[[Path], Iterator[GoldDocument]]] = {
    "factrueval": read_factrueval,
    "collection5": read_brat,
    "nerel": read_brat,
    "bsnlp": read_bsnlp,
}


# --- scoring -----------------------------------------------------------------------------------


class Counts:
    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.fp: Counter[str] = Counter()
        self.fn: Counter[str] = Counter()

    def add(self, gold: set[tuple[Any, str]], predicted: set[tuple[Any, str]]) -> None:
        for item in gold & predicted:
            self.tp[item[-1]] += 1
        for item in predicted - gold:
            self.fp[item[-1]] += 1
        for item in gold - predicted:
            self.fn[item[-1]] += 1

    def table(self) -> dict[str, dict[str, float]]:
        return {kind: prf(self.tp[kind], self.fp[kind], self.fn[kind]) for kind in TYPES}


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def token_tags(spans: list[Span], analysis: Analysis) -> set[tuple[int, str]]:
    """(token index, type) for tokens inside a span; nested spans: the outermost wins."""
    tags: dict[int, str] = {}
    starts = sorted(spans, key=lambda s: (s[0], -(s[1] - s[0])))
    for index, token in enumerate(analysis.tokens):
        for start, end, kind in starts:
            if start <= token.start and token.end <= end and index not in tags:
                tags[index] = kind
    return {(index, kind) for index, kind in tags.items()}


def predicted_spans(links: ArticleLinks, analysis: Analysis) -> list[Span]:
    """Our mentions as NER spans. A government or an embassy named by a description
    ("правительства США", "российские власти", "посольство США") is not a name itself: the names
    natasha found inside it count; a place name standing for its government ("Москва заявила") is
    a location name."""
    spans: list[Span] = []
    for mention in links.mentions:
        if (mention.type == "GOV" and mention.rule != METONYMY) or mention.rule == EMBASSY:
            spans += [s for s in natasha_spans(analysis) if mention.start <= s[0] and s[1] <= mention.end]
        elif mention.type in MENTION_TO_NER:
            spans.append((mention.start, mention.end, MENTION_TO_NER[mention.type]))
    return spans


def natasha_spans(analysis: Analysis) -> list[Span]:
    return [(e.start, e.end, e.type) for e in analysis.entities if e.type in TYPES]


def b_cubed(items: list[tuple[str, str]]) -> dict[str, float]:
    """B-cubed over (gold id, predicted id) pairs, one per matched mention form."""
    by_gold: dict[str, list[str]] = defaultdict(list)
    by_pred: dict[str, list[str]] = defaultdict(list)
    for gold, pred in items:
        by_gold[gold].append(pred)
        by_pred[pred].append(gold)
    precision = sum(Counter(by_pred[p])[g] / len(by_pred[p]) for g, p in items) / len(items) if items else 0.0
    recall = sum(Counter(by_gold[g])[p] / len(by_gold[g]) for g, p in items) / len(items) if items else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "items": len(items)}


# --- running -----------------------------------------------------------------------------------


def run_ner_eval(dataset: str, path: Path, limit: int | None = None) -> dict[str, Any]:
    """Score one dataset; ``path`` is its folder (e.g. ``../shared/eval/factrueval/devset``)."""
    if dataset not in READERS:
        raise ValueError(f"dataset must be one of {sorted(READERS)}, got {dataset!r}")
    if limit is not None and limit < 1:
        raise ValueError("limit must be a positive number of documents")
    registry = ActorRegistry.load()
    analyzer = Analyzer()
    scorer = _score_bsnlp if dataset == "bsnlp" else _score_spans
    started = time.perf_counter()
    result = scorer(_documents(READERS[dataset](path), limit), analyzer, registry)
    result.update(dataset=dataset, path=str(path), seconds=round(time.perf_counter() - started, 1))
    return result


def _documents(documents: Iterator[GoldDocument], limit: int | None) -> list[GoldDocument]:
    return [d for i, d in enumerate(documents) if limit is None or i < limit]


def _process(document: GoldDocument, analyzer: Analyzer, registry: ActorRegistry) -> tuple[Analysis, ArticleLinks]:
    article = Article(document.id, document.id, None, None, "", document.published, "ru", document.text)
    analysis = analyzer.analyze(article)
    return analysis, link_article(article, analysis, registry)


def _score_spans(documents: list[GoldDocument], analyzer: Analyzer, registry: ActorRegistry) -> dict[str, Any]:
    protocol = any(d.naeval is not None for d in documents)
    levels = (("naeval",) if protocol else ()) + ("tokens", "spans")
    counts = {name: {level: Counts() for level in levels} for name in ("natasha", "parleywatch")}
    for document in documents:
        analysis, links = _process(document, analyzer, registry)
        gold = [s for s in document.spans if s[2] in TYPES]
        for name, spans in (("natasha", natasha_spans(analysis)), ("parleywatch", predicted_spans(links, analysis))):
            counts[name]["tokens"].add(token_tags(gold, analysis), token_tags(spans, analysis))
            counts[name]["spans"].add({(s[:2], s[2]) for s in gold}, {(s[:2], s[2]) for s in spans})
            if document.naeval is not None:
                mine = aligned(drop_overlapping(spans), document.text)
                counts[name]["naeval"].add(io_tags(document.naeval, document.text), io_tags(mine, document.text))
    scores = {name: {level: c.table() for level, c in by_level.items()} for name, by_level in counts.items()}
    return {"documents": len(documents), "scores": scores}


def _score_bsnlp(documents: list[GoldDocument], analyzer: Analyzer, registry: ActorRegistry) -> dict[str, Any]:
    """Forms per document; linking over the whole corpus after the pipeline's cross-article
    consolidation (``actors.consolidate``, the code the ``actors`` stage runs on a store)."""
    counts = {"natasha": Counts(), "parleywatch": Counts()}
    mentions: list[list[dict[str, Any]]] = []
    for document in documents:
        analysis, links = _process(document, analyzer, registry)
        gold = {(form, kind) for form, kind, _ in document.forms}
        mine = {(document.text[a:b].lower(), kind) for a, b, kind in predicted_spans(links, analysis)}
        counts["natasha"].add(gold, {(e.text.lower(), e.type) for e in analysis.entities})
        counts["parleywatch"].add(gold, mine)
        mentions.append([m.to_dict() for m in links.mentions if m.type in MENTION_TO_NER])
    per_article = _linking_pairs(documents, mentions)
    mapping = consolidation_map({m["actor_id"] for found in mentions for m in found}, registry_surnames())
    for found in mentions:
        for mention in found:
            relink(mention, mapping)
    pairs = _linking_pairs(documents, mentions)
    scores = {name: {"forms": c.table()} for name, c in counts.items()}
    linking = {"corpus": b_cubed([p[1:] for p in pairs]), "topics": b_cubed([_in_topic(p) for p in pairs]),
               "articles": b_cubed([p[1:] for p in per_article])}
    return {"documents": len(documents), "scores": scores, "linking": linking}


def _linking_pairs(documents: list[GoldDocument], mentions: list[list[dict[str, Any]]]) -> list[tuple[str, str, str]]:
    """(topic, gold entity, actor) per matched form and document.

    Numeric gold ids are local to their topic (BSNLP's ec and trump topics number their
    entities from 1: "11" is the USA in one, China in the other), so they carry the topic.
    """
    pairs = []
    for document, found in zip(documents, mentions, strict=True):
        topic = document.id.split("/")[0]
        actors = {m["text"].lower(): m["actor_id"] for m in found}
        for form, kind, gid in sorted(set(document.forms)):
            if form in actors:
                local = not any(c.isalpha() for c in gid)
                pairs.append((topic, f"{topic}/{kind}:{gid}" if local else f"{kind}:{gid}", actors[form]))
    return pairs


def _in_topic(pair: tuple[str, str, str]) -> tuple[str, str]:
    topic, gold, actor = pair
    return f"{topic}/{gold}", f"{topic}/{actor}"


# natasha's NER (slovnet news model) as its README reports it: naeval, FactRuEval dev + test sets.
PUBLISHED = {"factrueval": {"PER": 0.959, "LOC": 0.915, "ORG": 0.825}}

LEVEL_NOTES = {
    "naeval": "naeval: the protocol of natasha's published figures (per-token IO over razdel tokens)",
    "tokens": "tokens: per token, objects from their first to their last name span",
    "spans": "spans: exact spans, objects from their first to their last name span",
}


LINKING_NOTES = {
    "corpus": "whole corpus",
    "topics": "within each topic (the scope of BSNLP's ids)",
    "articles": "whole corpus, per-article linking alone (no consolidation)",
}


def format_report(result: dict[str, Any]) -> str:
    lines = [f"{result['dataset']}: {result['documents']} documents, {result['seconds']} s ({result['path']})"]
    levels = list(dict.fromkeys(level for table in result["scores"].values() for level in table))
    if "naeval" in levels:
        lines += [f"  {LEVEL_NOTES[level]}" for level in levels]
        published = PUBLISHED.get(result["dataset"], {})
        lines.append("  published    naeval  " + "  ".join(f"{k} F1 {v:.3f}" for k, v in published.items())
                     + "  (natasha's README, dev + test sets)")
    for level in levels:
        for system, tables in result["scores"].items():
            table = tables[level]
            lines.append(f"  {system:<12} {level:<7} " + "  ".join(
                f"{kind} P {row['precision']:.3f} R {row['recall']:.3f} F1 {row['f1']:.3f}"
                for kind, row in table.items()
            ))
    for scope, link in result.get("linking", {}).items():
        lines.append(
            f"  linking B-cubed, {LINKING_NOTES[scope]}, over {link['items']} matched forms: "
            f"P {link['precision']:.3f} R {link['recall']:.3f} F1 {link['f1']:.3f}"
        )
    return "\n".join(lines)
