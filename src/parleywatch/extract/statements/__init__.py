"""Statements: direct quotes and indirect speech with speaker, outlet chain, date and issues."""

from parleywatch.extract.statements.extractor import Context, extract_statements
from parleywatch.extract.statements.lexicon import SpeechLexicon, load_speech_lexicon

__all__ = ["Context", "SpeechLexicon", "extract_statements", "load_speech_lexicon"]
