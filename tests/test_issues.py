"""find_issues: multilingual topic keywords."""

from __future__ import annotations

import pytest

from parleywatch.extract.issues import TOPICS, find_issues, load_topics

CASES = [
    ("ru", "Стороны обсудили работу посольств и выдачу виз", ["посольство", "виза"], ["embassies", "visas"]),
    ("ru", "возвращение дипсобственности и восстановление прямого авиасообщения", [],
     ["diplomatic_property", "flights"]),
    ("en", "talks on New START and the peace plan", [], ["strategic_stability", "peace_plan"]),
    ("uk", "переговори щодо гарантій безпеки та припинення вогню", [], ["security_guarantees", "ceasefire"]),
    ("ru", "погода в Москве хорошая", ["погода"], []),
]


@pytest.mark.parametrize(("language", "text", "lemmas", "topics"), CASES)
def test_find_issues(language: str, text: str, lemmas: list[str], topics: list[str]) -> None:
    assert find_issues(text, lemmas, language) == topics


def test_topics_are_the_fixed_ids() -> None:
    assert {c.topic for cues in load_topics().values() for c in cues} <= set(TOPICS)
