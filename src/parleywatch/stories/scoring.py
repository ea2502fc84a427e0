"""The decision function: how much an article belongs to a story, from small named parts.

Each part is a pure function so it can be tested alone; ``story_score`` combines them.
"""

from __future__ import annotations

from parleywatch.stories.settings import StorySettings
from parleywatch.stories.weights import Vector, dot


def time_gap(day: float, first_day: float, last_day: float) -> float:
    """Days between an article and the nearest end of a story's span (0 inside it).

    >>> time_gap(5.0, 3.0, 4.0)
    1.0
    """
    if day < first_day:
        return first_day - day
    return max(0.0, day - last_day)


def time_decay(gap: float, settings: StorySettings) -> float:
    """Weight of a story ``gap`` days away: halves every half-life, 0 beyond the hard window.

    The hard cut is why background similarity alone never joins articles weeks apart.
    """
    if gap > settings.window_days:
        return 0.0
    return float(0.5 ** (gap / settings.decay_half_life_days))


def cosine(vector: Vector, centroid: Vector, centroid_norm: float) -> float:
    """Cosine of a unit vector and an un-normalised centroid."""
    return dot(vector, centroid) / centroid_norm if centroid_norm else 0.0


def entity_overlap(entities: Vector, centroid: Vector, centroid_norm: float, min_shared: int) -> float:
    """Rarity-weighted entity cosine, scaled down while fewer than ``min_shared`` keys are shared.

    One shared name ("Trump") says little; two or three rare ones (a minister and a city) say
    a lot even when the two articles are in different languages.
    """
    shared = len(entities.keys() & centroid.keys())
    if not shared:
        return 0.0
    return cosine(entities, centroid, centroid_norm) * min(1.0, shared / min_shared)


def issue_overlap(issues: frozenset[str], story_issues: dict[str, int]) -> float:
    """Share of the article's agenda topics the story already covers."""
    if not issues:
        return 0.0
    return sum(1 for issue in issues if issue in story_issues) / len(issues)


def story_score(text: float, entity: float, issue: float, decay: float, settings: StorySettings) -> float:
    """Weighted evidence, faded by the time gap."""
    evidence = settings.text_weight * text + settings.entity_weight * entity + settings.issue_weight * issue
    return evidence * decay


def crosslingual_score(entity: float, issue: float, decay: float, settings: StorySettings) -> float:
    """Evidence when the story has no article in the article's language: entities and issues only."""
    evidence = settings.crosslingual_entity_weight * entity + settings.issue_weight * issue
    return evidence * decay
