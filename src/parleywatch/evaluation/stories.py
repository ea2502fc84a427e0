"""``parley eval stories``: the story stage measured on tgcontest, BSNLP and ParaPhraser.

- tgcontest pairs: does the clustering decision put the two articles in one story (OK/BAD)?
- BSNLP: cluster every raw document in date order; documents of different topics must never
  share a story (cross-topic merges, target 0).
- ParaPhraser headline pairs: ROC AUC of the near-duplicate score (precise vs non-paraphrases,
  and precise or loose vs non-paraphrases).
"""

from __future__ import annotations

import csv
import logging
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from parleywatch.records import Article
from parleywatch.stories.clusterer import StoryClusterer
from parleywatch.stories.dedup import DuplicateIndex
from parleywatch.stories.features import Lemmatizer, story_input_from_article
from parleywatch.stories.records import StoryInput
from parleywatch.stories.settings import StorySettings

log = logging.getLogger(__name__)

TGCONTEST_FILES = {"en_train_pool.tsv": "en", "ru_train_pool.tsv": "ru", "ru_exam_pool.tsv": "ru"}
PARAPHRASER_FILES = {
    "gold": "paraphraser/utils/load_from_input_xml/paraphrases_gold.xml",
    "train": "paraphraser/utils/submission/paraphraser (1)/paraphrases.xml",
}
BSNLP_HEADER_LINES = 5


def run_story_eval(
    shared_eval_dir: Path, settings: StorySettings | None = None, lemmatizer: Lemmatizer | None = None
) -> dict[str, Any]:
    """All three measurements as one JSON-ready dict."""
    settings = settings or StorySettings()
    lemmatizer = lemmatizer or Lemmatizer()
    return {
        "tgcontest": eval_tgcontest(shared_eval_dir / "tgcontest-pairs", settings, lemmatizer),
        "bsnlp": eval_bsnlp(shared_eval_dir / "bsnlp", settings, lemmatizer),
        "paraphraser": eval_paraphraser(shared_eval_dir, settings, lemmatizer),
    }


# ---------------------------------------------------------------------- tgcontest


def eval_tgcontest(folder: Path, settings: StorySettings, lemmatizer: Lemmatizer) -> dict[str, Any]:
    """Pair accuracy and F1 per file and overall; IDF is warmed on the file's own articles."""
    results: dict[str, Any] = {}
    gold_all: list[bool] = []
    predicted_all: list[bool] = []
    for name, language in TGCONTEST_FILES.items():
        rows = _read_tsv(folder / name)
        pairs = [_pair_inputs(row, language, lemmatizer) for row in rows]
        clusterer = StoryClusterer(settings)
        for first, second in pairs:
            clusterer.observe(first)
            clusterer.observe(second)
        gold = [row["GOLDEN:quality"] == "OK" for row in rows]
        predicted = [clusterer.pair_score(a, b)[0] for a, b in pairs]
        results[name] = binary_scores(gold, predicted)
        gold_all += gold
        predicted_all += predicted
    results["all"] = binary_scores(gold_all, predicted_all)
    return results


def _read_tsv(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _pair_inputs(row: dict[str, str], language: str, lemmatizer: Lemmatizer) -> tuple[StoryInput, StoryInput]:
    sides = []
    for side in ("first", "second"):
        article = _article(row[f"INPUT:{side}_url"], row[f"INPUT:{side}_title"], row[f"INPUT:{side}_text"],
                           language, None)
        sides.append(story_input_from_article(article, lemmatizer))
    return sides[0], sides[1]


def binary_scores(gold: list[bool], predicted: list[bool]) -> dict[str, float]:
    """Accuracy, precision, recall and F1 of the positive class."""
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    fp = sum(p and not g for g, p in zip(gold, predicted, strict=True))
    fn = sum(g and not p for g, p in zip(gold, predicted, strict=True))
    correct = sum(g == p for g, p in zip(gold, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = correct / len(gold) if gold else 0.0
    return {"pairs": len(gold), "accuracy": accuracy, "precision": precision, "recall": recall, "f1": f1}


def _article(article_id: str, title: str, text: str, language: str, published: str | None) -> Article:
    return Article(id=article_id, source_path=article_id, url=article_id, outlet=None, title=title,
                   published=published, language=language, text=text)


# ---------------------------------------------------------------------- BSNLP


def eval_bsnlp(folder: Path, settings: StorySettings, lemmatizer: Lemmatizer) -> dict[str, Any]:
    """Cluster all raw documents in date order; count stories spanning several topics."""
    documents = sorted(read_bsnlp(folder), key=lambda doc: (doc[1].published or "9999", doc[1].id))
    clusterer = StoryClusterer(settings)
    topic_of = {article.id: topic for topic, article in documents}
    assignments = [clusterer.add(story_input_from_article(article, lemmatizer)) for _, article in documents]
    stories = clusterer.stories()
    merged = [s for s in stories if len({topic_of[a] for a in s.article_ids}) > 1]
    per_topic: dict[str, int] = Counter(topic_of[s.article_ids[0]] for s in stories)
    documents_per_topic = Counter(topic for topic, _ in documents)
    return {
        "documents": len(documents),
        "stories": len(stories),
        "cross_topic_merges": len(merged),
        "articles_in_cross_topic_stories": sum(len(s.article_ids) for s in merged),
        "stories_per_topic": dict(sorted(per_topic.items())),
        "documents_per_topic": dict(sorted(documents_per_topic.items())),
        "duplicates": sum(a.duplicate_of is not None for a in assignments),
    }


def read_bsnlp(folder: Path) -> Iterator[tuple[str, Article]]:
    """``(topic, article)`` for every ``<topic>/raw/<lang>/*.txt`` file."""
    for path in sorted(folder.glob("*/raw/*/*.txt")):
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        if len(lines) < BSNLP_HEADER_LINES:
            log.info("skipping short BSNLP file %s", path)
            continue
        doc_id, language, date, _url, title = (line.strip() for line in lines[:BSNLP_HEADER_LINES])
        topic = path.parts[-4]
        text = "\n".join(lines[BSNLP_HEADER_LINES:])
        yield topic, _article(f"{topic}/{doc_id}", title, text, language or "ru", date or None)


# ---------------------------------------------------------------------- ParaPhraser


def eval_paraphraser(root: Path, settings: StorySettings, lemmatizer: Lemmatizer) -> dict[str, Any]:
    """ROC AUC of the MinHash near-duplicate score on headline pairs, per file."""
    index = DuplicateIndex(settings)
    results: dict[str, Any] = {}
    for name, relative in PARAPHRASER_FILES.items():
        path = root / relative
        if not path.is_file():
            continue
        scored = [(_dup_score(index, a, b, lemmatizer), label) for a, b, label in read_paraphraser(path)]
        precise = [s for s, label in scored if label == 1]
        loose_or_precise = [s for s, label in scored if label >= 0]
        negative = [s for s, label in scored if label == -1]
        results[name] = {
            "pairs": len(scored),
            "auc_precise_vs_non": roc_auc(precise, negative),
            "auc_paraphrase_vs_non": roc_auc(loose_or_precise, negative),
        }
    return results


def _dup_score(index: DuplicateIndex, a: str, b: str, lemmatizer: Lemmatizer) -> float:
    first = index.signature(story_input_from_article(_article("a", a, "", "ru", None), lemmatizer).lemmas)
    second = index.signature(story_input_from_article(_article("b", b, "", "ru", None), lemmatizer).lemmas)
    if first is None or second is None:
        return 0.0
    return float(first.jaccard(second))


def read_paraphraser(path: Path) -> Iterator[tuple[str, str, int]]:
    """``(text_1, text_2, class)``; the files declare an encoding name expat does not know."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("<?xml"):
        text = text.split("?>", 1)[1]
    for element in ET.fromstring(text).iter("paraphrase"):
        values = {v.get("name"): v.text or "" for v in element.iter("value")}
        yield values["text_1"], values["text_2"], int(values["class"])


def roc_auc(positive: list[float], negative: list[float]) -> float:
    """Probability a positive outscores a negative, ties counted half (Mann-Whitney U).

    >>> roc_auc([0.9, 0.5], [0.5, 0.1])
    0.875
    """
    if not positive or not negative:
        return float("nan")
    ranked = sorted([(s, 1) for s in positive] + [(s, 0) for s in negative])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        average_rank = (i + j + 1) / 2
        rank_sum += average_rank * sum(label for _, label in ranked[i:j])
        i = j
    n_pos, n_neg = len(positive), len(negative)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


# ---------------------------------------------------------------------- report


def format_report(results: dict[str, Any]) -> str:
    """Plain-text report of ``run_story_eval`` output."""
    lines = ["tgcontest pairs (same story?)"]
    for name, s in results["tgcontest"].items():
        lines.append(f"  {name:<20} n={s['pairs']:<4} acc={s['accuracy']:.3f} P={s['precision']:.3f} "
                     f"R={s['recall']:.3f} F1={s['f1']:.3f}")
    b = results["bsnlp"]
    lines.append(f"BSNLP: {b['documents']} documents -> {b['stories']} stories, "
                 f"{b['duplicates']} near duplicates")
    lines.append(f"  cross-topic merges: {b['cross_topic_merges']} "
                 f"({b['articles_in_cross_topic_stories']} articles)")
    for topic, n in b["stories_per_topic"].items():
        lines.append(f"  {topic:<12} {b['documents_per_topic'][topic]:>4} documents -> {n} stories")
    lines.append("ParaPhraser headline pairs (near-duplicate score ROC AUC)")
    for name, p in results["paraphraser"].items():
        lines.append(f"  {name:<6} n={p['pairs']:<5} precise vs non={p['auc_precise_vs_non']:.3f} "
                     f"precise+loose vs non={p['auc_paraphrase_vs_non']:.3f}")
    return "\n".join(lines)
