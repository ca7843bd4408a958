"""What was said: the content span of a cue, from its clausal complement, object
clause, object with infinitive, "for"/"of" phrase or the clause the cue hangs on
("The talks have begun, he said"), or a statement set out after "said:". The span is
trimmed of punctuation and "that", kept in the cue's paragraph, cleared of the
channel ("on its radio station") and of the cue's own date, and marked direct, mixed
or indirect by the quotations it covers."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from factions.claims.channels import _channel_patterns
from factions.claims.cues import _aside, _cue_words, _speech
from factions.model import Span
from factions.nlp.pipeline import span_over
from factions.nlp.tokens import semicolon_between


_QUOTE = re.compile(r"“[^”]{3,}”|\"[^\"\n]{3,}\"|«[^»]{3,}»")
CONTENT_DEPS = ("ccomp",)


def quote_regions(text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def _tokens_span(tokens: list[Token]) -> Span:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return Span(start, end)


def _edges(*heads: Token) -> Span:
    """The span of the heads' subtrees (contiguous: spaCy's parses are projective)."""
    start = min(h.left_edge.idx for h in heads)
    last = max((h.right_edge for h in heads), key=lambda t: t.i)
    return Span(start, last.idx + len(last.text))


def _trim(doc: Doc, span: Span, text: str) -> Span:
    start, end = span.start, span.end
    while start < end and text[start] in " ,;:\n\"“”'":
        start += 1
    while True:
        while end > start and text[end - 1] in " ,;:.\n\"“”'":
            end -= 1
        # "said it would continue its attacks, and in a speech … vowed": a conjunction the
        # parse left on the content joins the cue's next act, not the content's
        word = next((w for w in (" and", " but", " or") if text[start:end].endswith(w)), None)
        if word is None:
            break
        end -= len(word)
    # A quotation that ends the content keeps its closing mark: he was "cautiously optimistic".
    inner = text[start:end]
    if (inner.count('"') % 2 == 1 and text[end : end + 1] == '"') or (inner.count("“") > inner.count("”") and text[end : end + 1] == "”"):
        end += 1
    if text[start : start + 5].lower() == "that ":
        first = doc.char_span(start, start + 4)
        if first is None or first[0].dep_ != "det":  # "rejected that view": a determiner stays
            start += 5
    return Span(start, end)


def _without_relative_claim(doc: Doc, cue: Token, span: Span) -> Span:
    """A content ends before an apposition that holds someone else's claim: "accused the
    detainees of spying, an accusation the Secretary-General has rejected as baseless"
    (that rejection is a claim of its own)."""
    cues = frozenset(_speech()["cue_verbs"])
    for t in span_over(doc, span.start, span.end) or ():
        if t.i > cue.i and t.dep_ in ("relcl", "acl") and t.lemma_ in cues and t.head.dep_ in ("appos", "npadvmod") \
                and any(c.dep_ == "nsubj" for c in t.children):
            start = t.head.left_edge
            return Span(span.start, max(span.start, start.idx))
        # "blamed Kataib Hezbollah, which announced two days later that …": a relative
        # clause set off by a comma whose verb reports a clause is its noun's own claim
        # (not "…, which claimed the lives of 11 soldiers")
        if t.i > cue.i and t.dep_ == "relcl" and t.lemma_ in cues and t.left_edge.tag_ in ("WDT", "WP") \
                and any(c.dep_ == "ccomp" for c in t.children) \
                and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == "," and t.left_edge.idx > span.start:
            return Span(span.start, doc[t.left_edge.i - 1].idx)
    return span


def _second_cue(clause: Token) -> Token | None:
    """A cue verb conjoined to the reported clause with no subject of its own ("denied
    that it had supplied weapons and told the Panel that …", "…, saying …"): the parser
    hangs the speaker's second act inside the first one's content; it ends that content."""
    words = _cue_words()
    # also a participle after the clause: "denied that its fighters had killed civilians,
    # saying the dead were members of the dissident faction"
    for conj in (c for c in clause.children if (c.dep_ == "conj" and c.pos_ == "VERB")
                 or (c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > clause.i and c.lemma_.lower() not in _speech()["citing_verbs"])):
        if conj.lemma_.lower() in words and not any(g.dep_ in ("nsubj", "nsubjpass") for g in conj.children):
            return conj
    return None


def _across_semicolon(clause: Token, verb: Token) -> bool:
    """Whether a semicolon stands between a clause and the cue: "X announced a merger;
    al-Julani rejected it" and "He died in May 2021; ISWAP said …" join two sentences,
    and the parse that hangs one on the other's verb does not make it what was said."""
    near = clause.right_edge.i if clause.right_edge.i < verb.i else clause.left_edge.i + 1 if clause.i > verb.i else clause.i
    return semicolon_between(verb.doc, near, verb.i)


def _relative_opening(clause: Token) -> bool:
    """A clause the parser hung on the cue as its complement that opens with a relative
    word is no reported clause: "condemns the attack on Monday, in which five police
    officials were martyred" ("explained why the talks failed", "asked what it wanted"
    say what was said; a relative clause inside the subject, "militias, which fought …,
    had become …", is the clause's own)."""
    for c in (c for c in clause.children if c.i < clause.i):
        if c.tag_ in ("WDT", "WP", "WRB") and c.dep_ != "det" and c.lower_ in ("which", "when", "where", "whom", "whose"):
            return True
        if c.dep_ == "prep" and any(p.dep_ == "pobj" and p.tag_ in ("WDT", "WP") for p in c.children):  # "in which", "by whom"
            return True
    return False


def _content(verb: Token, speaker: Token | None) -> Span | None:
    aside = _aside(verb)
    children = [c for c in verb.children if aside is None or c.i != aside.i]
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if len(subjects) > 1 and not _across_semicolon(subjects[0], verb):  # the first "subject" is the reported clause the parser broke up
        return _edges(subjects[0])
    for child in children:
        # ("which Kinshasa says is backed by Rwanda": a cue inside a relative clause keeps it)
        if child.dep_ in CONTENT_DEPS and not _across_semicolon(child, verb) and not (verb.dep_ != "relcl" and _relative_opening(child)):
            cue = _second_cue(child)
            if cue is not None:  # "denied that it had supplied weapons and told the Panel that …"
                before = [t for t in child.subtree if t.i < cue.i and not (t.dep_ == "cc" and t.head.i == child.i and t.i == cue.i - 1)]
                return _tokens_span(before) if before else _edges(child)
            return _edges(child)
    # "telling a news conference in Kabul that Afghan soil would not be used": a
    # "that" clause the parser hung on the object as a relative clause. In a true
    # relative clause "that" is a pronoun argument, not a marker.
    for obj in (c for c in children if c.dep_ in ("dobj", "dative")):
        for t in obj.subtree:
            if t.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
                return _edges(t)
    if verb.lemma_.lower() in _speech()["clause_only_cues"]:
        return None  # "agreed to release ten hostages" is an agreement, not a statement
    # "urged the two groups to unite": object and infinitive together.
    # "vowed in a televised speech to keep attacking": an infinitive the parser made an
    # adverbial clause is the vow's content all the same.
    xcomp = [c for c in children if c.dep_ == "xcomp" or (c.dep_ == "advcl" and c.i > verb.i and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and not any(a.dep_ in ("nsubj", "mark") for a in c.children))]
    if xcomp:  # "calls on the parties to agree": the addressee in "on" too
        objs = [c for c in children if c.dep_ in ("dobj", "dative")]
        objs += [o for c in children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i < xcomp[0].i
                 for o in c.children if o.dep_ == "pobj"]
        span = _edges(*objs, *xcomp)
        cue = _second_cue(xcomp[0])
        if cue is not None:  # "urged all States to respect the embargo and called on the parties to …"
            cc = next((t for t in xcomp[0].children if t.dep_ == "cc" and t.i == cue.i - 1), None)
            last = verb.doc[(cc or cue).i - 1]
            span = Span(span.start, last.idx + len(last.text))
        return span
    speech = _speech()
    # ("which Macron announced the following month": a date the parser made the object is none)
    objs = [c for c in children if c.dep_ == "dobj" and c.ent_type_ not in ("DATE", "TIME")]
    # "vowed in a televised address to widen the campaign", "announced in a video message
    # that the group had cut its ties": the infinitive or "that" clause the parser hung on
    # the channel's noun is what was said. (In a relative clause "that" is a pronoun
    # argument, not a marker: "a statement that was posted online".)
    hung = [a for p in children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj" for a in o.children
            if a.dep_ == "acl" and any((x.dep_ == "aux" and x.lower_ == "to") or (x.dep_ == "mark" and x.lower_ == "that")
                                       for x in a.children)]
    if hung and (not objs or verb.lemma_ in speech["recipient_cues"]):
        return _edges(hung[0])  # "told the Security Council on 22 August that …": the one told is no content
    wanted = speech["prep_content_cues"].get(verb.lemma_, ())
    preps = [c for c in children if c.dep_ == "prep" and c.lower_ in wanted]
    on_object = [(o, c) for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ in wanted]
    if on_object and not preps:
        # "accuse his men of massacres": the parser hung the "of" on the object; what was
        # said ends with it (not with an apposition after: ", an accusation X rejected")
        obj, prep = on_object[0]
        return Span(obj.left_edge.idx, prep.right_edge.idx + len(prep.right_edge.text))
    if preps:  # "called for unity", "warned of a merger", "accused IS of betrayal"
        return _edges(*objs, *preps)
    if objs and (clause := _that_misread_as_determiner(objs[0], children)) is not None:
        return clause
    if verb.lemma_ in speech["object_content_cues"]:
        if objs:  # "condemned the arrests", "called its commanders apostates", "calling it a violation"
            complements = [c for c in children if c.dep_ in ("oprd", "attr") and c.i > objs[-1].i]
            named = [o for o in objs if o.tag_ not in ("WP", "WDT")]  # "in what it called a support front": the front
            if named or complements:
                return _edges(*named, *complements)
            if verb.dep_ == "relcl" and verb.head.i < verb.i:  # "an operation that Macron announced": the relative is the noun
                return _tokens_span([t for t in verb.head.subtree if t.i <= verb.head.i])
            return _edges(*objs)
        complements = [c for c in children if c.dep_ in ("oprd", "attr") and c.i > verb.i]
        if verb.dep_ in ("relcl", "acl") and complements:  # "an allegation HTS called "lies spread by its enemies"": what it called it
            return _edges(*complements)
        if verb.dep_ == "relcl" and verb.head.i < verb.i:  # "a charge Ankara rejected"
            return _tokens_span([t for t in verb.head.subtree if t.i <= verb.head.i])
    # "The talks have begun, he said.": the cue hangs off the content's verb (as it does
    # "as he said"; not a clause it opens in time or cause: "Soon after the president
    # declared martial law, troops entered the assembly" says nothing of the troops)
    subordinate = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ != "as" for c in verb.children)
    if subordinate and objs:
        return _edges(*objs)  # "until the government declared victory over IS", "while 73 percent said the same": what was said
    if (verb.dep_ in ("parataxis", "advcl") or (verb.dep_ == "ccomp" and verb.i > verb.head.i)) and not subordinate \
            and not _across_semicolon(verb.head, verb):
        head = verb.head
        skip = set(t.i for t in verb.subtree)
        if verb.dep_ == "parataxis" and verb.i < head.i:
            # "By Thursday, local sources said, HTS had taken …", "If X is killed, one of
            # them said, the rank and file would …": the cue set inside the clause says
            # the main clause after it; what comes before is the clause's adjunct.
            after = [t for t in head.subtree if t.i > verb.right_edge.i and not t.is_punct]
            if after and head.i > verb.right_edge.i:
                return _tokens_span(after)
        tokens = [t for t in head.subtree if t.i not in skip and not t.is_punct]
        if tokens:
            return _tokens_span(tokens)
    return None


def _that_misread_as_determiner(obj: Token, children: list[Token]) -> Span | None:
    """"reaffirmed that terrorism in all its forms constitutes a threat": the parser read
    "that" as the object's determiner and hung the clause's verb on the cue. A finite
    verb after the object, with no marker or subject of its own, says the "that" was
    the clause's marker: the content runs from the object to that verb's end."""
    if not any(c.dep_ == "det" and c.lower_ == "that" and c.i == obj.left_edge.i for c in obj.children):
        return None
    verb = next((c for c in children if c.dep_ in ("advcl", "conj") and c.i > obj.i and c.tag_ in ("VBZ", "VBD", "VBP", "MD")
                 and not any(a.dep_ in ("nsubj", "nsubjpass", "mark") for a in c.children)), None)
    if verb is None:
        return None
    # ", and underlined the need …": a verb coordinated with it is the cue's next act
    end = min([c.left_edge.i for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")], default=verb.right_edge.i + 1)
    last = obj.doc[end - 1]
    while last.i > verb.i and (last.is_punct or last.dep_ == "cc"):
        last = last.doc[last.i - 1]
    return Span(obj.doc[obj.left_edge.i + 1].idx, last.idx + len(last.text))


def _after_colon(cue: Token, text: str) -> Span | None:
    """"The minister said:" then the statement in the next paragraph, as press
    releases quote their principals."""
    doc = cue.doc
    nxt = cue.i + 1
    while nxt < len(doc) and doc[nxt].is_space:
        nxt += 1
    if nxt >= len(doc) or doc[nxt].text != ":":
        return None
    start = doc[nxt].idx + 1
    while start < len(text) and text[start] in " \t\r\n\"“":
        start += 1
    end = text.find("\n\n", start)
    end = len(text) if end == -1 else end
    return Span(start, end) if end - start > 10 else None


def _own_paragraph(content: Span, cue_at: int, text: str) -> Span:
    """A claim's content stays in its cue's paragraph: a headline's parse can run on
    into the dateline below it."""
    if content.start >= cue_at:
        cut = text.find("\n\n", content.start, content.end)
        return Span(content.start, cut) if cut != -1 else content
    cut = text.rfind("\n\n", content.start, content.end)
    return Span(cut + 2, content.end) if cut != -1 else content


def _without_channel(cue: Token, content: Span, text: str) -> Span:
    """"claimed responsibility for the attack on its radio station": the parse hangs
    the channel on the content; it is how the claim was made, so it leaves the content."""
    doc = cue.doc
    _, channels = _channel_patterns()
    said = text[content.start : content.end].lower()
    if not any(pattern.search(said) for _, pattern in channels):
        return content  # no channel word in it: nothing to take out
    words = {w for channel in _speech()["channel"] for w in channel["words"] if " " not in w}
    for token in doc[cue.i + 1 :]:
        if token.idx >= content.end:
            break
        if token.idx <= content.start or token.dep_ != "prep" or token.lower_ not in ("on", "in", "via", "through"):
            continue
        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.right_edge.idx + len(pobj.right_edge.text) < content.end - 1:
            continue
        if any(t.lower_ in words for t in pobj.subtree):  # "on its radio station", "in a video"
            return Span(content.start, token.idx)
    return content


def _without_leading_date(cue: Token, content: Span, text: str, date_spans: list) -> Span:
    """"said on Thursday it had reached a deal": with no "that", the parser takes the
    cue's date into the clause. A date right after the cue is the cue's."""
    if text[cue.idx + len(cue.text) : content.start].strip() or not text.startswith("on ", content.start):
        return content
    for ent in date_spans:
        if ent.start_char == content.start + 3 and ent.end_char < content.end:
            rest = text[ent.end_char : content.end]
            skipped = len(rest) - len(rest.lstrip(" ,"))
            if rest.lstrip(" ,").startswith("that "):
                skipped += 5
            return Span(ent.end_char + skipped, content.end)
    return content


def without_trailing_date(doc: Doc, content: Span, text: str, date_spans: list) -> Span:
    """"claimed the attack the next day", "condemned the bombing on Monday": a date the
    parse hung on the object of a cue is the cue's (said_on), not what was said. Only a
    content with no verb of its own: in a clause ("said it attacked the base on Monday")
    the date is the clause's."""
    for ent in date_spans:
        if content.start < ent.start_char and abs(ent.end_char - content.end) <= 1:
            words = span_over(doc, content.start, ent.start_char)
            if words is None or any(t.pos_ in ("VERB", "AUX") for t in words):
                return content
            cut = ent.start_char
            while cut > content.start and text[cut - 1] in " ,":
                cut -= 1
            for word in (" on", " in", " at"):  # "on Monday"
                if text[content.start:cut].endswith(word):
                    cut -= len(word)
            return Span(content.start, cut) if cut > content.start else content
    return content


@lru_cache(maxsize=1)
def _wire_dateline() -> re.Pattern:
    return re.compile(_speech()["dateline"]["wire_pattern"])


def without_wire_dateline(content: Span, text: str) -> Span:
    """"BAMAKO, 12 May (AFP) - Jihadists killed …, the army said": the agency's dateline
    heads the story, not what was said."""
    found = _wire_dateline().match(text, content.start, min(content.end, content.start + 120))
    return Span(found.end(), content.end) if found and found.end() < content.end else content


def split_quote_rest(cue: Token, content: Span, quotes: list[Span], text: str) -> Span | None:
    """The rest of a quotation split around its cue: "“A,” he said, “B.”" or "“A,” he
    said. “B.”" (B may run over several sentences). A quotation before the cue is the
    content; the next one is its rest when only the cue's clause stands between them
    (no line break, no other quotation), it opens right after that clause, and nothing
    after it says whose it is ("“B,” she added" is a claim of its own)."""
    first = next((q for q in quotes if q.start <= content.start and content.end <= q.end and q.end <= cue.idx), None)
    rest = next((q for q in quotes if q.start > cue.idx), None)
    if first is None or rest is None:
        return None
    between = text[first.end : rest.start]
    if "\n" in between or len(between) > 250:
        return None
    clause_end = between.rstrip()
    if not clause_end or clause_end[-1] not in ",.:;":
        return None  # "… he said of “B”": the quotation is part of the clause
    after_cue = text[cue.idx : rest.start].rstrip()[:-1]
    if any(mark in after_cue for mark in (". ", "? ", "! ")):
        return None  # a sentence of its own stands between
    inner = text[rest.start + 1 : rest.end - 1].rstrip()
    if not inner or inner[-1] not in ".?!":
        # the quotation does not end its sentence: what follows in it may say whose it is
        line_end = text.find("\n", rest.end)
        tail = text[rest.end : line_end if line_end >= 0 else len(text)]
        stop = tail.find(".")
        if tail[: stop if stop >= 0 else len(tail)].strip(" ,;:\"”'’"):
            return None  # "“B,” she added": a claim of its own
    start, end = rest.start + 1, rest.end - 1
    while end > start and text[end - 1] in " ,;.":
        end -= 1
    return Span(start, end) if end > start else None


def _quoted(content: Span, quotes: list[Span], text: str) -> tuple[Span, str]:
    """Direct when the content is a quotation (all of it, across sentences); mixed
    when a quotation is part of a paraphrase; indirect otherwise."""
    for q in quotes:
        if not q.overlaps(content):
            continue
        inner = Span(q.start + 1, q.end - 1)
        if q.start - 1 <= content.start and content.end <= q.end + 1:
            end = inner.end
            while end > inner.start and text[end - 1] in ",; ":
                end -= 1
            return Span(inner.start, end), "direct"
        if content.start <= q.start and q.end <= content.end + 1:
            outside = (content.end - content.start) - (q.end - q.start)
            return content, "direct" if outside <= 3 else "mixed"
        return Span(min(q.start, content.start), max(q.end, content.end)), "mixed"
    return content, "indirect"
