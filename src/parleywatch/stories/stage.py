"""The story stage over the store: new articles join stories incrementally; ``rebuild`` starts over.

The clusterer's index is kept in the store's state between runs, so a run costs what its new
articles cost, not what the store holds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from parleywatch.records import Article
from parleywatch.settings import Settings
from parleywatch.store import Store
from parleywatch.stories.clusterer import StaleStateError, StoryClusterer
from parleywatch.stories.features import Lemmatizer, story_input_from_article
from parleywatch.stories.records import StoryInput
from parleywatch.stories.settings import StorySettings

log = logging.getLogger(__name__)

STATE_KEY = "stories.clusterer"

InputBuilder = Callable[[Article], StoryInput]


def fallback_inputs() -> InputBuilder:
    """Story inputs from simplemma lemmas and name keys, for stores without language analysis."""
    lemmatizer = Lemmatizer()
    return lambda article: story_input_from_article(article, lemmatizer)


def saved_clusterer(store: Store) -> StoryClusterer | None:
    """The clusterer the last run saved; None when there is none or it is of an older version."""
    blob = store.get_state(STATE_KEY)
    if not blob:
        return None
    try:
        return StoryClusterer.loads(blob)
    except StaleStateError as error:
        log.info("rebuilding every story: %s", error)
        return None


def run_stories(
    store: Store,
    settings: Settings | None = None,
    rebuild: bool = False,
    inputs: InputBuilder | None = None,
    story_settings: StorySettings | None = None,
) -> str:
    """Cluster the articles that have no story yet (all of them with ``rebuild``), in ingest order."""
    clusterer = None if rebuild else saved_clusterer(store)
    if clusterer is None:  # first run, ``rebuild``, or a state this code cannot continue: start over
        clusterer, rebuild = StoryClusterer(story_settings), True
    build = inputs or fallback_inputs()
    pending = [a for a in store.iter_articles() if rebuild or a.story_id is None]
    assignments = [clusterer.add(build(article)) for article in pending]
    store.set_story_links(a.as_link() for a in assignments)
    stories = clusterer.stories()
    store.delete_records("story")
    store.put_records("story", (s.as_record() for s in stories))
    store.put_state(STATE_KEY, clusterer.dumps())
    duplicates = sum(1 for a in assignments if a.duplicate_of)
    return f"{len(pending)} articles clustered, {duplicates} near-duplicates, {len(stories)} stories"
