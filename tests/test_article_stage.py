"""The per-article stage: new articles are processed once, outdated ones from stored analyses."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from parleywatch.article_stage import run_article_stage
from parleywatch.ingest import ingest
from parleywatch.process import ArticleResult
from parleywatch.records import Article
from parleywatch.store import Store


class CountingProcessor:
    """A stand-in processor that records what it was asked to do."""

    version = "toy-1"
    calls: ClassVar[list[tuple[str, bool]]] = []

    def __call__(self, article: Article, stored: dict[str, Any] | None = None) -> ArticleResult:
        CountingProcessor.calls.append((article.id, stored is not None))
        if "broken" in article.text:
            return ArticleResult(article.id, self.version, error="ValueError: cannot parse")
        actor = {"kind": "actor", "id": "rus", "name": "Russia", "names": [article.title[:5]], "type": "country",
                 "country": "RU", "provisional": False}
        mention = {"id": f"{article.id}:0-1", "article_id": article.id, "start": 0, "end": 1, "text": article.text[0],
                   "actor_id": "rus", "type": "LOC"}
        analysis = None if stored else {"tokens": len(article.text)}
        return ArticleResult(article.id, self.version, analysis=analysis,
                             records={"actor": [actor], "mention": [mention]})


def test_new_then_outdated_then_nothing(tmp_path: Path, fixtures: Path, store: Store) -> None:
    ingest([str(fixtures / "page.html"), str(fixtures / "articles.jsonl")], store)
    CountingProcessor.calls = []
    first = run_article_stage(store, CountingProcessor, "nlp-test")
    assert first.processed == 3 and all(not reused for _, reused in CountingProcessor.calls)
    assert store.count_records("mention") == 3
    assert len(next(iter(store.iter_records("actor")))["names"]) == 3  # aliases from every article kept

    CountingProcessor.calls = []
    assert run_article_stage(store, CountingProcessor, "nlp-test").processed == 0
    assert CountingProcessor.calls == []

    CountingProcessor.version = "toy-2"
    try:
        again = run_article_stage(store, CountingProcessor, "nlp-test")
    finally:
        CountingProcessor.version = "toy-1"
    assert again.processed == 3 and again.reused_analyses == 3
    assert all(reused for _, reused in CountingProcessor.calls)
    assert store.count_records("mention") == 3  # replaced, not added


def test_one_bad_article_does_not_stop_the_rest(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "two.jsonl"
    path.write_text('{"text": "A broken article that the processor refuses."}\n'
                    '{"text": "A good article about talks in Istanbul."}\n', "utf-8")
    ingest([str(path)], store)
    report = run_article_stage(store, CountingProcessor, "nlp-test")
    assert report.processed == 1
    assert len(report.errors) == 1 and "cannot parse" in report.errors[0]
