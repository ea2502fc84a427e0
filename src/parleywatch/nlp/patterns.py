"""Regexes and word lists of the light (English, Ukrainian) analyzer, in one place."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())

TOKEN = re.compile(r"\w+(?:[-'’ʼ]\w+)*|[^\w\s]", re.UNICODE)

# A sentence ends at . ! ? … followed by space and an upper-case letter, a quote or a dash.
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”)]?\s+(?=[\"«“(—–-]?[A-ZА-ЯІЇЄҐ0-9])")

# "Mr. Trump", "U.S. officials", "Jan. 5": a dot after these does not end a sentence.
ABBREVIATIONS = _words(
    "mr mrs ms dr st jr sr gen col lt sgt rep sen gov prof jan feb mar apr aug sep sept oct nov dec "
    "u.s u.k e.u no vs etc inc corp ltd co im ім т.ч ст р"
)

# Capitalised words that are not names by themselves (months, days, pronouns, sentence adverbs).
NOT_NAMES = _words(
    """
    i monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december the a an this that these those but and or if
    when while after before however meanwhile on in at for from with by of to as it he she they we
    понеділок вівторок середа четвер пятниця субота неділя січень лютий березень квітень травень
    червень липень серпень вересень жовтень листопад грудень він вона вони ми я це та і але
    later earlier yesterday today tomorrow now then also still so thus since although despite during
    under over asked speaking according пізніше раніше вчора сьогодні також тоді згодом водночас проте
    """
)

# Lower-case words allowed inside a capitalised name: "Ministry of Foreign Affairs", "von der Leyen".
NAME_JOINERS = frozenset({"of", "the", "for", "and", "de", "von", "der", "bin", "al", "la", "le"})

# A capitalised run ending in one of these names an organisation, not a person.
ORG_HEADS = _words(
    """
    ministry department council committee agency bank fund party union service office embassy
    commission parliament assembly court administration house government company corporation
    міністерство міністерства посольство рада комітет агентство банк фонд партія служба уряд
    офіс комісія парламент суд адміністрація
    """
)

# Titles and nationality adjectives written with a capital before a name ("Russian President
# Vladimir Putin"): a capitalised run never starts with them.
TITLE_WORDS = _words(
    """
    president prime minister secretary foreign state envoy special deputy chancellor king crown prince
    russian ukrainian american us turkish saudi european chinese german french british senator
    speaker spokesman spokeswoman ambassador general director chairman chief
    президент прем'єр-міністр міністр держсекретар посол речник спецпосланець
    """
)

# Case endings of Ukrainian names simplemma does not know, with their nominative replacement
# (instrumental "Віткоффом", dative "Віткоффові", genitive feminine "Коултерової"...).
UK_NAME_ENDINGS = (("ові", ""), ("еві", ""), ("ом", ""), ("ем", ""), ("ою", "а"), ("ої", "а"))
