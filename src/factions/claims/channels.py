"""How and when a claim was made: the channel (words in data/lexicons/speech.toml,
"told <outlet>", "in the recording" for the channel named before), the outlet told and
the outlet that carried a statement (both on the via chain), the date the statement
was made (a date on the cue's own phrase, else the publication date), and a
statement frame ("according to a statement carried by Al-Manar") folded into the
claims it carries."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from factions.actors.index import ActorIndex
from factions.claims.cues import _speech
from factions.dates import from_story, normalize, story_offset
from factions.model import Claim, Document, Span, When
from factions.nlp.components import anchored_by_label, label_day
from factions.nlp.patterns import matches
from factions.nlp.pipeline import sentence_of
from factions.nlp.tokens import semicolon_clause


def _words_pattern(words: list[str]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


@lru_cache(maxsize=1)
def _channel_patterns() -> tuple[re.Pattern, list[tuple[str, re.Pattern]]]:
    """The channel anaphors, and each channel's words, compiled once, in precedence order."""
    speech = _speech()
    return _words_pattern(speech["channel_anaphors"]), [(c["name"], _words_pattern(c["words"])) for c in speech["channel"]]


def _channel(sentence: str, content: Span, sent_start: int, cue: Token, via_outlet: str | None, previous: str | None = None) -> str | None:
    if cue.lemma_ == "tell" and via_outlet:
        return f"told {via_outlet}"
    # Words inside the content describe what was said, not how.
    lowered = (sentence[: max(0, content.start - sent_start)] + " " + sentence[max(0, content.end - sent_start) :]).lower()
    anaphors, channels = _channel_patterns()
    if previous and anaphors.search(lowered):
        return previous  # "In the recording, he said": the recording named before
    for name, pattern in channels:
        if pattern.search(lowered):
            return name
    if cue.lemma_ in ("tweet", "post"):
        return "social media"
    return None


def _previous_channel(claims: list[Claim]) -> str | None:
    return claims[-1].channel if claims else None


def _told_outlet(cue: Token, index: ActorIndex):
    for child in cue.children:
        if child.dep_ in ("dobj", "dative"):
            m = index.mention_for_token(child)
            if m and index.actors[m.actor].kind in ("media", "organization"):
                return index.actors[m.actor]
    return None


def _carried_by(subject: Token, index: ActorIndex) -> str | None:
    """The outlet that carried a statement: "a statement carried by Al-Manar",
    "a video released by Amaq" (data/patterns/claims.toml, carried-by). A party that
    is no outlet wrote it ("a report published by the Crisis Group"): it speaks."""
    for match in matches(subject.doc, "claims", "carried-by", at={"statement": subject.i}):
        m = index.mention_for_token(match["outlet"])
        if m is not None and m.actor and index.actors[m.actor].kind == "media":
            return m.actor
    return None


def _attached_to(token: Token, verb: Token) -> bool:
    """The date hangs on the cue itself ("accused X on Thursday of Y"), not on a
    clause below it."""
    head = token.head
    if head.dep_ == "prep":
        head = head.head
    return head.i == verb.i


def _dated(ent, document: Document) -> When | None:
    when = normalize(ent.text, document.published)
    if when:
        when.span = Span(ent.start_char, ent.end_char)
    return when


def _told_after(ent, date_spans: list, document: Document) -> When | None:
    """A date told relative to the story ("confirmed the strike the following day",
    "said in a statement that evening"): counted from the last day named before it."""
    if story_offset(ent.text) is None:  # most dates are not told that way: skip the search
        return None
    before = None
    for other in date_spans:
        if other.end_char > ent.start_char:
            break
        when = _dated(other, document)
        if when is not None and when.precision == "day":
            before = when
    found = from_story(ent.text, before)
    if found is not None:
        found.span = Span(ent.start_char, ent.end_char)
    return found


def _statement_dateline(verb: Token, document: Document, date_spans: list, quotes: list[Span]) -> When | None:
    """"We strongly condemn …", "I urge …" in a statement headed "Amman, 21 March 2025":
    the issuer speaks in the present, on the day its dateline gives. The dateline is a
    date on a short line at the head of the document; first person, present tense,
    outside quotation marks (a quoted "we" spoke elsewhere, on a day its own cue says)."""
    if verb.tag_ not in ("VBP", "VBZ") or not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children):
        return None
    if any(q.start <= verb.idx < q.end for q in quotes):
        return None
    text = document.text
    head = _speech()["dateline"]
    for ent in date_spans:
        if ent.start_char > head["within_chars"]:
            break
        line_start = text.rfind("\n", 0, ent.start_char) + 1
        line_end = text.find("\n", ent.end_char)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if len(line.split()) <= head["max_line_words"] and (when := _dated(ent, document)) and when.precision == "day":
            return when
    return None


def _said_on(verb: Token, content: Span, document: Document, date_spans: list, quotes: list[Span] = ()) -> tuple[When | None, str]:
    published = document.published
    # a note with no publication date is read from its label's day ("Mogadishu, 14 March
    # 2024: … said on Thursday"), as its events are (nlp.components.anchored_by_label)
    document = anchored_by_label(document, date_spans)
    subtree = set(range(verb.left_edge.i, verb.right_edge.i + 1))  # parses are projective
    # "X accused Y, and their fighters clashed in 2014": the clash's date is not the accusation's.
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            subtree -= set(range(child.left_edge.i, child.right_edge.i + 1))
    # "Between 26 and 28 January rebels captured Goma; officials said …": a clause past a
    # semicolon is a sentence of its own, whatever the parse hangs on the cue
    clause = semicolon_clause(verb.doc, verb.i)
    subtree = {i for i in subtree if i in clause}
    sent = sentence_of(verb)
    for ent in date_spans:
        if ent.start < sent.start or ent.end > sent.end:
            continue
        inside_content = content.start <= ent.start_char and ent.end_char <= content.end
        if ent.root.i in subtree and (not inside_content or _attached_to(ent.root, verb)) and \
                (when := _told_after(ent, date_spans, document) or _dated(ent, document)):
            return when, "text"
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        # "praised Hamas on Sunday and said ...": the verbs share the occasion.
        for ent in date_spans:
            if sent.start <= ent.start and _attached_to(ent.root, verb.head) and (when := _dated(ent, document)):
                return when, "text"
    if (dateline := _statement_dateline(verb, document, date_spans, quotes)) is not None:
        return dateline, "text"
    if published is not None and (day := label_day(date_spans)) is not None and day <= published:
        # a note's label gives the day of its report, which a statement in it with no day of
        # its own was made on ("Washington, 16 June 2014: President X notified Congress
        # that …", published the next day)
        return When(day.isoformat(), day.isoformat(), "day"), "text"
    if document.published:
        day = document.published.isoformat()
        # the label's day is read in the text; the publication date is the document's
        return When(day, day, "day"), ("publication date" if published else "text")
    return None, "unknown"


def _statements_carried(claims: list[Claim], index: ActorIndex) -> None:
    """"X praised Y and said Z, according to a statement carried by Al-Manar": the
    statement is the channel of X's own claims inside it, not a claim of its own."""
    statement_nouns = set(_speech()["statement_nouns"])
    for frame in [c for c in claims if c.cue == "according to"]:
        noun = frame.speaker_span
        words = index.document.text[noun.start : noun.end].lower().split()
        if not words or words[-1] not in statement_nouns:
            continue
        inner = [c for c in claims if c is not frame and frame.content_span.contains(c.cue_span)]
        if not inner:
            continue
        claims.remove(frame)
        for claim in inner:
            claim.channel = claim.channel or frame.channel
            for actor in frame.via:
                if actor not in claim.via and actor != claim.speaker:
                    claim.via.insert(len(claim.via) - (1 if claim.via and claim.via[-1] == frame.via[-1] else 0), actor)
