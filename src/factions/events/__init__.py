"""Stage 4b, events: PLOVER events and the armed-group extensions, with participants,
time, place and modality, and the relations between participants each event implies
(the relations stage, `factions.relations`, adds the rest).

Entry point: `extract_events(document, doc, index, claims)`.
"""

from factions.events.extract import extract_events

__all__ = ["extract_events"]
