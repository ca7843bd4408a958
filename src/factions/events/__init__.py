"""Stage 4b, events and relations: PLOVER events and the armed-group extensions,
with participants, time, place and modality; relations derived from them and from
role titles.

Entry point: `extract_events(document, doc, index, claims)`.
"""

from factions.events.extract import extract_events

__all__ = ["extract_events"]
