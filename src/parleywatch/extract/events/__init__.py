"""Events: PLOVER-typed happenings with status, participants, place, date and evidence."""

from parleywatch.extract.events.extractor import EventContext, extract_events
from parleywatch.extract.events.lexicon import EVENT_TYPES, STATUSES, EventLexicon, load_event_lexicon
from parleywatch.extract.events.merge import merge_events

__all__ = ["EVENT_TYPES", "STATUSES", "EventContext", "EventLexicon", "extract_events", "load_event_lexicon",
           "merge_events"]
