"""A yargy parser that predicts only rules the next token can start.

Yargy's Earley parser predicts every rule of the grammar at every token, which for the date
grammars costs about a millisecond a token. Each production here gets a ``Gate``: a cheap
superset test of the tokens its first terminal accepts (words, integers, or anything). A
production whose gate refuses the next token could never scan it, so skipping it changes no
match; it only skips work. Productions that can match nothing (yargy keeps empty ones for
``optional()``) look past their nullable leading terms, or admit anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from yargy import Parser  # type: ignore[import-untyped]
from yargy.parser import Chart, Node, State  # type: ignore[import-untyped]
from yargy.predicates import (  # type: ignore[import-untyped]
    AndPredicate,
    OrPredicate,
    caseless,
    eq,
    gte,
    in_,
    in_caseless,
    lte,
)
from yargy.rule.bnf import is_rule  # type: ignore[import-untyped]

# Predicates whose ``value`` is the word (or words) a token must be.
WORD_PREDICATES = (eq, caseless)
WORDS_PREDICATES = (in_, in_caseless)
# Predicates that accept integer tokens only.
NUMBER_PREDICATES = (gte, lte)


@dataclass(slots=True, frozen=True)
class Gate:
    """Which tokens may start a production: a superset, never a subset."""

    words: frozenset[str] = frozenset()
    numbers: bool = False
    anything: bool = False

    def admits(self, token: Any) -> bool:
        return self.anything or (self.numbers and token.type == "INT") or token.value.lower() in self.words

    def __or__(self, other: Gate) -> Gate:
        return Gate(self.words | other.words, self.numbers or other.numbers, self.anything or other.anything)


ANYTHING = Gate(anything=True)


def predicate_gate(predicate: Any) -> Gate:
    """The gate of one terminal; unknown predicate types admit anything."""
    if isinstance(predicate, WORD_PREDICATES):
        return Gate(words=frozenset({str(predicate.value).lower()}))
    if isinstance(predicate, WORDS_PREDICATES):
        return Gate(words=frozenset(str(value).lower() for value in predicate.value))
    if isinstance(predicate, NUMBER_PREDICATES):
        return Gate(numbers=True)
    if isinstance(predicate, OrPredicate):
        return _union(predicate_gate(child) for child in predicate.predicates)
    if isinstance(predicate, AndPredicate):
        narrow = [gate for gate in map(predicate_gate, predicate.predicates) if not gate.anything]
        return min(narrow, key=lambda gate: len(gate.words), default=ANYTHING)
    return ANYTHING


def terminals(root: Any) -> list[Any]:
    """Every predicate a BNF grammar can scan."""
    seen, stack, found = set(), [root], []
    while stack:
        rule = stack.pop()
        if id(rule) in seen:
            continue
        seen.add(id(rule))
        for production in rule.productions:
            found += [term for term in production.terms if not is_rule(term)]
            stack += [term for term in production.terms if is_rule(term)]
    return found


def _union(gates: Any) -> Gate:
    result = Gate()
    for gate in gates:
        result = result | gate
    return result


class LookaheadParser(Parser):  # type: ignore[misc]
    """``yargy.Parser`` with gated prediction; same matches, a fraction of the states."""

    def __init__(self, rule: Any, tokenizer: Any = None) -> None:
        super().__init__(rule, tokenizer=tokenizer)
        self._gates: dict[int, Gate] = {}
        self._rule_gates: dict[int, Gate] = {}
        self._nullable: dict[int, bool] = {}
        self._scannable = _union(predicate_gate(term) for term in terminals(self.rule))
        self._whole = self.rule_gate(self.rule)
        self._single = frozenset(
            word for word in self._whole.words if any(map(self._matches_alone, (word, word.capitalize())))
        )

    def _matches_alone(self, word: str) -> bool:
        """Whether ``word`` by itself is a whole match ("вчера", "весной")."""
        chart = Parser.chart(self, word, all=False)
        return any(True for _ in chart.last_column.matches(self.rule))

    def may_start(self, tokens: list[Any], index: int) -> bool:
        """Two-token test for starting a match at ``tokens[index]``.

        A match is a single whole-match word, or its second token is one the grammar can scan;
        "в Женеве" fails at once instead of predicting every rule that starts with "в".
        """
        token = tokens[index]
        if not self._whole.admits(token):
            return False
        if token.value.lower() in self._single or index + 1 == len(tokens):
            return True
        return self._scannable.admits(tokens[index + 1])

    def chart(self, text: str, all: bool = True) -> Any:
        """Yargy's ``Parser.chart``, predicting the root only where ``may_start`` allows."""
        tokens = list(self.tagger(self.tokenizer(text)))
        chart = Chart(tokens)
        for column, next_column in chart:
            if (column.first or all) and next_column and self.may_start(tokens, column.index):
                self.predict(column, next_column, self.rule)
            for state in column:
                if state.completed:
                    self.complete(column, state)
                elif is_rule(state.next_term):
                    self.predict(column, next_column, state.next_term)
                elif next_column:
                    self.scan(next_column, state.next_term, state)
        return chart

    def rule_gate(self, rule: Any) -> Gate:
        """Tokens that can start a non-empty match of ``rule`` (memoised; recursion admits anything)."""
        key = id(rule)
        if key not in self._rule_gates:
            self._rule_gates[key] = ANYTHING  # guards left recursion
            self._rule_gates[key] = _union(self.first(p) for p in rule.productions)
        return self._rule_gates[key]

    def first(self, production: Any) -> Gate:
        """Tokens that can start a production, looking past leading terms that can match nothing."""
        gate = Gate()
        for term in production.terms:
            gate = gate | (self.rule_gate(term) if is_rule(term) else predicate_gate(term))
            if not (is_rule(term) and self.nullable(term)):
                break
        return gate

    def production_gate(self, production: Any) -> Gate:
        """What ``predict`` checks: ``first``, or anything for a production that can match nothing."""
        key = id(production)
        if key not in self._gates:
            empty = all(is_rule(term) and self.nullable(term) for term in production.terms)
            self._gates[key] = ANYTHING if empty else self.first(production)
        return self._gates[key]

    def nullable(self, rule: Any) -> bool:
        """Whether a rule can match no tokens (yargy keeps empty productions for optionals)."""
        key = id(rule)
        if key not in self._nullable:
            self._nullable[key] = False  # guards recursion
            self._nullable[key] = any(
                all(is_rule(term) and self.nullable(term) for term in production.terms)
                for production in rule.productions
            )
        return self._nullable[key]

    def predict(self, column: Any, next_column: Any, rule: Any) -> None:
        """Yargy's ``Parser.predict`` restricted to productions the next token can start.

        At the end of the text only productions that can match nothing are predicted, so a
        trailing ``optional()`` still completes ("весной" as the last word).
        """
        token = next_column.token if next_column else None
        for index, production in enumerate(rule.productions):
            gate = self.production_gate(production)
            if not (gate.anything if token is None else gate.admits(token)):
                continue
            node = Node(rule, production, rank=index, children=[])
            column.append(State(rule, production, 0, column, column, node))
