"""Language analysis: sentences, tokens with lemmas and syntax, named entities."""

from parleywatch.nlp.analyzer import ANALYZER_VERSION, Analyzer, pick_language
from parleywatch.nlp.records import Analysis, Entity, Sentence, Token

__all__ = ["ANALYZER_VERSION", "Analysis", "Analyzer", "Entity", "Sentence", "Token", "pick_language"]
