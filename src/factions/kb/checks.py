"""What the schema cannot say about a knowledge base: dates that are real dates, and
lineage and roles that point at actors the knowledge base knows.

Kept apart from `knowledge.py` (how the KB is read and looked up): these checks run
once per load, after the schema, and each failure is one line naming the file, the
actor and the field, as a `KBFileError`.
"""

from __future__ import annotations

from datetime import date


def date_problem(value: str) -> str | None:
    """Why an ISO date of reduced precision (YYYY, YYYY-MM, YYYY-MM-DD) is not a
    date, or None. The schema checked the shape; this checks the calendar."""
    parts = value.split("-")
    try:
        if len(parts) == 3:
            date.fromisoformat(value)
        elif len(parts) == 2 and not 1 <= int(parts[1]) <= 12:
            return "no such month"
    except ValueError as err:
        return str(err)
    return None


def _dated(entry: dict) -> list[tuple[str, str]]:
    return [(key, entry[key]) for key in ("from", "to") if isinstance(entry.get(key), str)]


def file_problems(data: dict) -> list[str]:
    """Each impossible date and each reversed range in one parsed, schema-valid file,
    as "actor <id>: <field>: <why>"."""
    problems = []
    for actor in data.get("actor", []):
        where = f"actor {actor.get('id')}"
        if isinstance(actor.get("ended"), str) and (why := date_problem(actor["ended"])):
            problems.append(f"{where}: ended: '{actor['ended']}' is not a date ({why})")
        for field in ("names", "lineage", "roles"):
            for i, entry in enumerate(actor.get(field, [])):
                for key, value in _dated(entry):
                    if why := date_problem(value):
                        problems.append(f"{where}: {field}[{i}].{key}: '{value}' is not a date ({why})")
                start, end = entry.get("from"), entry.get("to")
                if isinstance(start, str) and isinstance(end, str):
                    k = min(len(start), len(end))  # compare at the coarser precision
                    if end[:k] < start[:k]:
                        problems.append(f"{where}: {field}[{i}]: 'to' {end} is before 'from' {start}")
    return problems


def reference_problems(actors: dict) -> list[tuple[str, str]]:
    """(source file, problem) for each lineage target or role's group that is no
    known actor id, once all files are read (a user's file may point at a shipped
    actor, or at one in another of the user's files)."""
    problems = []
    for actor in actors.values():
        for i, entry in enumerate(actor.lineage):
            if entry.get("target") not in actors:
                problems.append((actor.source, f"actor {actor.id}: lineage[{i}].target: unknown actor id '{entry.get('target')}'"))
        for i, entry in enumerate(actor.roles):
            if entry.get("of") not in actors:
                problems.append((actor.source, f"actor {actor.id}: roles[{i}].of: unknown actor id '{entry.get('of')}'"))
    return problems
