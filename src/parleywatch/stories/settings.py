"""Every knob of the story stage in one object, checked before any article is read."""

from __future__ import annotations

from dataclasses import dataclass, fields

from parleywatch.errors import ParleyError


class StorySettingsError(ParleyError, ValueError):
    """A story setting is out of its allowed range; the message names it and the range."""


@dataclass(slots=True, frozen=True)
class StorySettings:
    """Thresholds, windows and weights; defaults were tuned on tgcontest, BSNLP and ParaPhraser.

    A candidate story's score is ``(text_weight * cosine + entity_weight * entity_overlap
    + issue_weight * issue_overlap) * time_decay``; the article joins the best story when the
    score reaches ``join_threshold``. When the story has no article in the new article's
    language, the score is ``(crosslingual_entity_weight * entity_overlap + issue_weight *
    issue_overlap) * time_decay`` instead. Stories whose last article is older than
    ``window_days`` (before the newest date seen) leave the index and can no longer be joined.
    Either score is multiplied by the factor of each contradiction that holds (``signals.py``).
    """

    # Near duplicates (MinHash LSH over lemma shingles).
    shingle_size: int = 3
    num_perm: int = 128
    duplicate_threshold: float = 0.55
    # Story clustering.
    join_threshold: float = 0.34
    text_weight: float = 1.0
    entity_weight: float = 0.25
    issue_weight: float = 0.2
    entity_min_shared: int = 2
    # Across languages lemmas never match, so entities carry the decision alone.
    crosslingual_entity_weight: float = 1.0
    crosslingual_min_shared: int = 3
    # Contradictions (``signals.py``): the score is multiplied by the factor of each that holds.
    # Ledes naming different days are different happenings whatever the words share.
    day_conflict_factor: float = 0.0
    # A headline name the other report never mentions: twice the evidence is needed. Only key
    # names count: those in at most ``key_name_max_share`` of the documents seen (a newly appointed
    # minister, not "Британия" in a Brexit feed).
    headline_name_factor: float = 0.5
    key_name_max_share: float = 0.05
    window_days: float = 3.0
    decay_half_life_days: float = 2.0
    # Index sizes that bound the cost per article.
    index_terms: int = 12
    max_candidates: int = 24
    centroid_terms: int = 200
    idf_prior_docs: int = 50

    def __post_init__(self) -> None:
        for name, low, high in _RANGES:
            value = getattr(self, name)
            if not low <= value <= high:
                raise StorySettingsError(f"{name} must be in [{low}, {high}], got {value!r}")


_RANGES: tuple[tuple[str, float, float], ...] = (
    ("shingle_size", 1, 10),
    ("num_perm", 16, 1024),
    ("duplicate_threshold", 0.05, 1.0),
    ("join_threshold", 0.0, 10.0),
    ("text_weight", 0.0, 10.0),
    ("entity_weight", 0.0, 10.0),
    ("issue_weight", 0.0, 10.0),
    ("entity_min_shared", 1, 100),
    ("crosslingual_entity_weight", 0.0, 10.0),
    ("crosslingual_min_shared", 1, 100),
    ("day_conflict_factor", 0.0, 1.0),
    ("headline_name_factor", 0.0, 1.0),
    ("key_name_max_share", 0.0, 1.0),
    ("window_days", 0.0, 365.0),
    ("decay_half_life_days", 0.01, 365.0),
    ("index_terms", 1, 1000),
    ("max_candidates", 1, 10_000),
    ("centroid_terms", 10, 100_000),
    ("idf_prior_docs", 0, 1_000_000),
)

assert {f.name for f in fields(StorySettings)} == {r[0] for r in _RANGES}, "every setting needs a range"
