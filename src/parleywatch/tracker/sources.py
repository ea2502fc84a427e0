"""Where a record came from: its articles, outlets, publication dates and stories.

Events and statements carry evidence spans; the article records say who published them and when.
Every tracker output cites through these helpers so that a claim can always be traced back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

Record = dict[str, Any]


@dataclass(slots=True, frozen=True)
class Sources:
    """Articles and actors by id (plain export dicts), the context every derivation reads."""

    articles: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    actors: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def build(cls, articles: Iterable[Mapping[str, Any]], actors: Iterable[Mapping[str, Any]] = ()) -> Sources:
        return cls({str(a["id"]): a for a in articles}, {str(a["id"]): a for a in actors})

    def country(self, actor_id: str | None) -> str | None:
        actor = self.actors.get(actor_id or "")
        return str(actor["country"]) if actor and actor.get("country") else None


def article_ids(record: Mapping[str, Any]) -> list[str]:
    """The articles a record rests on, in evidence order, without repeats."""
    ids = [str(e["article_id"]) for e in record.get("evidence") or [] if e.get("article_id")]
    ids += [str(a) for a in record.get("article_ids") or []]
    if record.get("article_id"):
        ids.append(str(record["article_id"]))
    return list(dict.fromkeys(ids))


def outlets(record: Mapping[str, Any], sources: Sources) -> list[str]:
    """Outlets that reported the record: its own list when given, else its articles' outlets."""
    given = record.get("outlets") or record.get("via") or []
    found = [sources.articles.get(a, {}).get("outlet") for a in article_ids(record)]
    return list(dict.fromkeys([str(o) for o in [*given, *found] if o]))


def reported(record: Mapping[str, Any], sources: Sources) -> str | None:
    """When the record was first published (earliest article), ISO, or None when unknown."""
    dates = [sources.articles.get(a, {}).get("published") for a in article_ids(record)]
    known = sorted(str(d) for d in dates if d)
    return known[0] if known else None


def story_ids(record: Mapping[str, Any], sources: Sources) -> set[str]:
    found = {sources.articles.get(a, {}).get("story_id") for a in article_ids(record)}
    return {str(s) for s in found if s}


def citations(record: Mapping[str, Any], sources: Sources) -> list[Record]:
    """One citation per article: id, outlet, published, url, title (what a reader needs to check)."""
    return [_citation(a, sources.articles.get(a, {})) for a in article_ids(record)]


def _citation(article_id: str, article: Mapping[str, Any]) -> Record:
    keys = ("outlet", "published", "url", "title")
    return {"article_id": article_id, **{k: article.get(k) for k in keys}}
