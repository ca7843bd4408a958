"""Stage 4b, events: PLOVER events and the armed-group extensions, with participants,
time, place and modality, and the relations between participants each event implies
(the relations stage, `factions.relations`, adds the rest).

Entry point: `extract_events(document, doc, index, claims)`; once the relations are
read, `leaders_killed(events, relations)` retypes the killings of those the text says lead.
"""

from factions.events.extract import extract_events, leaders_killed

__all__ = ["extract_events", "leaders_killed"]
