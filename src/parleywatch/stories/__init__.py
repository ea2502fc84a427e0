"""Story stage: near-duplicate detection and incremental clustering of articles into stories."""

from parleywatch.stories.clusterer import StoryClusterer
from parleywatch.stories.features import Lemmatizer, story_input_from_article
from parleywatch.stories.records import Assignment, Story, StoryInput
from parleywatch.stories.settings import StorySettings, StorySettingsError

__all__ = [
    "Assignment",
    "Lemmatizer",
    "Story",
    "StoryClusterer",
    "StoryInput",
    "StorySettings",
    "StorySettingsError",
    "story_input_from_article",
]
