"""``parley eval ner``: precision, recall and F1 of names and actor linking on annotated corpora.

Readers turn FactRuEval, Collection5, NEREL (brat) and BSNLP into ``GoldDocument`` records with
PER/LOC/ORG spans (or, for BSNLP, document-level surface forms with cross-lingual ids). Each
document is analyzed and linked; both natasha's entities alone and the project's linked mentions
are scored, so the registry's contribution is visible. Scores are token-level per type (the
natasha/naeval convention, nested gold spans flattened outermost first) and exact-span per type.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parleywatch.actors import ActorRegistry, ArticleLinks, link_article
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


# --- readers -----------------------------------------------------------------------------------


def read_factrueval(path: Path) -> Iterator[GoldDocument]:
    """Objects of ``.objects`` files span from their first to their last name span."""
    for text_path in sorted(path.glob("*.txt")):
        spans = _factru_spans(text_path.with_suffix(".spans"))
        gold = []
        for line in text_path.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
            fields = line.split("#")[0].split()
            if len(fields) > 2 and fields[1] in FACTRU_TYPES:
                parts = [spans[s] for s in fields[2:] if s in spans]
                if parts:
                    gold.append((min(p[0] for p in parts), max(p[1] for p in parts), FACTRU_TYPES[fields[1]]))
        yield GoldDocument(text_path.stem, text_path.read_text(encoding="utf-8"), gold)


def _factru_spans(path: Path) -> dict[str, tuple[int, int]]:
    """Name spans only: descriptors ("мэрии", "губернатора") are not part of a named entity."""
    spans = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if len(fields) >= 4 and fields[1] in FACTRU_NAME_SPANS:
            spans[fields[0]] = (int(fields[2]), int(fields[2]) + int(fields[3]))
    return spans


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


def predicted_spans(links: ArticleLinks) -> list[Span]:
    return [(m.start, m.end, MENTION_TO_NER[m.type]) for m in links.mentions if m.type in MENTION_TO_NER]


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
    counts = {name: (Counts(), Counts()) for name in ("natasha", "parleywatch")}
    for document in documents:
        analysis, links = _process(document, analyzer, registry)
        gold = [s for s in document.spans if s[2] in TYPES]
        for name, spans in (("natasha", natasha_spans(analysis)), ("parleywatch", predicted_spans(links))):
            tokens, exact = counts[name]
            tokens.add(token_tags(gold, analysis), token_tags(spans, analysis))
            exact.add({(s[:2], s[2]) for s in gold}, {(s[:2], s[2]) for s in spans})
    scores = {name: {"tokens": t.table(), "spans": e.table()} for name, (t, e) in counts.items()}
    return {"documents": len(documents), "scores": scores}


def _score_bsnlp(documents: list[GoldDocument], analyzer: Analyzer, registry: ActorRegistry) -> dict[str, Any]:
    counts = {"natasha": Counts(), "parleywatch": Counts()}
    pairs: list[tuple[str, str]] = []
    for document in documents:
        analysis, links = _process(document, analyzer, registry)
        gold = {(form, kind) for form, kind, _ in document.forms}
        actors = {m.text.lower(): m.actor_id for m in links.mentions if m.type in MENTION_TO_NER}
        mine = {(m.text.lower(), MENTION_TO_NER[m.type]) for m in links.mentions if m.type in MENTION_TO_NER}
        counts["natasha"].add(gold, {(e.text.lower(), e.type) for e in analysis.entities})
        counts["parleywatch"].add(gold, mine)
        pairs += [(f"{kind}:{gid}", actors[form]) for form, kind, gid in set(document.forms) if form in actors]
    scores = {name: {"forms": c.table()} for name, c in counts.items()}
    return {"documents": len(documents), "scores": scores, "linking": b_cubed(pairs)}


def format_report(result: dict[str, Any]) -> str:
    lines = [f"{result['dataset']}: {result['documents']} documents, {result['seconds']} s ({result['path']})"]
    for system, levels in result["scores"].items():
        for level, table in levels.items():
            lines.append(f"  {system:<12} {level:<7} " + "  ".join(
                f"{kind} P {row['precision']:.3f} R {row['recall']:.3f} F1 {row['f1']:.3f}"
                for kind, row in table.items()
            ))
    if "linking" in result:
        link = result["linking"]
        lines.append(
            f"  linking B-cubed over {link['items']} matched forms: P {link['precision']:.3f} "
            f"R {link['recall']:.3f} F1 {link['f1']:.3f}"
        )
    return "\n".join(lines)
