"""The NEREL event-argument evaluation: reading brat relations and scoring by actor or span."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from parleywatch.evaluation.events import _figures, _score, gold_arguments, head_word
from parleywatch.nlp import Analysis, Token

ANN = """T1\tEVENT 0 7\tвстреча
T2\tPERSON 8 13\tИвана
T3\tCITY 16 21\tТвери
T4\tDATE 22 27\tвчера
R1\tPARTICIPANT_IN Arg1:T2 Arg2:T1
R2\tTAKES_PLACE_IN Arg1:T1 Arg2:T3
R3\tPOINT_IN_TIME Arg1:T1 Arg2:T4
"""


def test_gold_arguments_read_from_brat(tmp_path: Path) -> None:
    path = tmp_path / "doc.ann"
    path.write_text(ANN, "utf-8")
    assert gold_arguments(path) == {(0, 7): {"participants": [(8, 13)], "places": [(16, 21)], "times": [(22, 27)]}}


def test_head_word_of_a_trigger_phrase() -> None:
    # "из тюрем выпускают": the verb heads the phrase; the preposition does not
    tokens = [Token(0, 2, "из", "из", "ADP", head=1, rel="case"), Token(3, 8, "тюрем", "тюрьма", "NOUN", head=2,
                                                                            rel="obl"),
              Token(9, 18, "выпускают", "выпускать", "VERB", head=None, rel="root")]
    analysis = Analysis("ru", "t", tokens=tokens)
    assert head_word(analysis, (0, 18)) == 9


# gold spans | predicted arguments (each a list of spans) | found, predicted, correct
SCORE_CASES = [
    ([(0, 5)], [[(0, 5)]], (1, 1, 1)),
    ([(0, 5)], [[(20, 25), (0, 5)]], (1, 1, 1)),  # an actor matches through another of its mentions
    ([(0, 5), (10, 15)], [[(30, 35)]], (0, 1, 0)),
]


@pytest.mark.parametrize(("gold", "mine", "expected"), SCORE_CASES)
def test_score_counts_an_argument_once(gold: list[tuple[int, int]], mine: list[list[tuple[int, int]]],
                                       expected: tuple[int, int, int]) -> None:
    counts: dict[str, Counter[str]] = {n: Counter() for n in ("found", "gold", "predicted", "correct")}
    _score(counts, "k", gold, mine)
    figures = _figures(counts, "k")
    assert (figures["found"], figures["predicted"], figures["correct"]) == expected
