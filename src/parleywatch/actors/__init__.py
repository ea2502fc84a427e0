"""Actors: the registry of known actors and the linking of mentions in articles to them."""

from parleywatch.actors.linking import link_article
from parleywatch.actors.records import Actor, ArticleLinks, Mention, merge_actors
from parleywatch.actors.registry import ActorRegistry, RegistryError
from parleywatch.actors.rules import RULES

__all__ = [
    "RULES",
    "Actor",
    "ActorRegistry",
    "ArticleLinks",
    "Mention",
    "RegistryError",
    "link_article",
    "merge_actors",
]
