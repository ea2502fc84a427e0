"""Extraction of events, statements and dates from analysed articles."""
