"""The tokens the parse gives a trigger as its parties: the subject (through
coordination and through relative, subordinate and infinitive clauses), "as part of"
a coalition, the object and the prepositions that name a recipient ("fired at",
"pledged allegiance to"), the agent of a passive, "between A and B", "alongside",
and for a noun trigger its possessor or the light verb's subject ("launched an
attack"). Tokens only; `participants.py` says which actors they stand for."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from factions.events.triggers import _is_object, _match_trigger, _person_heads, channel_preps, describes_protest, triggers
from factions.lexicons import lexicon
from factions.nlp import agent_phrase_subject, asked_of, describes_subject, relative_noun, sentence_of, stray_to
from factions.nlp.components import _kit_heads, _speech_cues
from factions.nlp.tokens import DATELINE_WORDS, entity_of, opens_dateline, spaced_dash


def _with_conjuncts(token: Token) -> list[Token]:
    out = [token]
    for t in token.children:
        if t.dep_ == "appos" and misparsed_apposition(token, t):
            continue
        # "A, B and C" is often parsed as A with the apposition "B and C"; not a person's
        # title with its portfolios ("X, Minister of Foreign Affairs, African Cooperation
        # and Moroccan Expatriates,")
        if t.dep_ == "conj" or (t.dep_ == "appos" and any(c.dep_ == "conj" for c in t.children) and not _title_of(token, t)):
            out.extend(_with_conjuncts(t))
        elif t.dep_ == "appos" and (inner := _list_item_in_name(t)) is not None:
            out.append(t)
            out.extend(_with_conjuncts(inner))
        elif t.dep_ == "appos" and (names := _names_in_list(t)):
            out.extend(names)
    stray = _stray_list_item(token)
    if stray is not None and stray not in out:
        out.extend(_with_conjuncts(stray))
    return out


def misparsed_apposition(token: Token, appos: Token) -> bool:
    """An apposition past the verb of the word it hangs on, or past a clause on that
    word, is a misparse: "It waged a campaign against A, B and C" is not "It, B and C";
    "the Accord, signed by the rebel chief, X, and the Russian chief, Y, ended the war"
    names the signers, not the accord."""
    return token.i < token.head.i < appos.left_edge.i or any(
        c.dep_ in ("acl", "relcl") and token.i < c.i < appos.i for c in token.children)


def _hyphen_piece(token: Token) -> bool:
    """A piece of a hyphenated word the parser split into objects of their own ("by the
    Vice-President": "Vice", "-", "President"): the hyphen, or a piece before it. The
    word stands at its last piece, unless that is a particle ("passers-by", "hangers-on":
    the noun is the first)."""
    doc = token.doc
    return token.text in ("-", "‐", "‑") or (token.i + 1 < len(doc) and doc[token.i + 1].text in ("-", "‐", "‑")
                                            and not token.whitespace_
                                            and not (token.i + 2 < len(doc) and doc[token.i + 2].pos_ in ("ADV", "ADP", "PART")
                                                     and token.pos_ == "NOUN"))


def _title_of(name: Token, appos: Token) -> bool:
    """Whether an apposition is a person's title: a singular word for a person's office
    after a person's name (nominals.toml [person] heads)."""
    return name.ent_type_ == "PERSON" and appos.tag_ in ("NN", "NNP") and appos.lower_ in _person_heads()


@lru_cache(maxsize=1)
def origin_people() -> frozenset[str]:
    """People a state's name after "from" says where they come from, not whom they
    serve ("recruits from Ethiopia", "kidnapped two students from Kenya";
    lexicons/relations.toml, possessor.origin_people)."""
    return frozenset(lexicon("relations")["possessor"]["origin_people"])


def _stray_list_item(token: Token) -> Token | None:
    """"formed on 12 June by Hurras al-Din, Ansar al-Islam and …": the parser may hang
    the name after a list's first comma on the verb (npadvmod, dep) instead of on the
    first name; a name there, hung on one of the first name's governors, is the list's
    next item."""
    doc, after = token.doc, token.right_edge.i + 1
    if token.ent_type_ not in ("ORG", "GPE", "NORP", "PERSON") or after + 1 >= len(doc) or doc[after].text != ",":
        return None
    nxt = doc[after + 1]
    if nxt.ent_type_ not in ("ORG", "GPE", "NORP", "PERSON"):
        return None
    root = next((e.root for e in doc.ents if e.start <= nxt.i < e.end), nxt)
    return root if root.dep_ in ("npadvmod", "dep") and root.head in token.ancestors else None


def _names_in_list(appos: Token) -> list[Token]:
    """"Uganda, the DRC and Southern Sudan": the parser may read what follows the first
    name as its apposition, the names in it hung on each other without "conj"; an
    apposition of nothing but names, determiners and one "and" is the list's rest (the
    root of each name in it)."""
    words = list(appos.subtree)
    if sum(1 for w in words if w.dep_ == "cc" and w.lower_ in ("and", "or")) != 1 or any(w.dep_ == "conj" and w.head.i == appos.i for w in words):
        return []
    described = {w.i for w in words if w.pos_ == "NOUN" and w.lower_ in _party_heads()}  # "… and loyalist paramilitaries"
    if any(not (w.ent_type_ in ("GPE", "ORG", "NORP") or w.dep_ in ("det", "cc", "punct") or w.i in described
                or (w.dep_ in ("amod", "compound") and w.head.i in described)) for w in words):
        return []
    doc = appos.doc
    names = [e.root for e in doc.ents if appos.left_edge.i <= e.start and e.end <= appos.right_edge.i + 1]
    return sorted([*names, *(doc[i] for i in described if not doc[i].ent_type_)], key=lambda t: t.i)


def _names_a_party(noun: Token) -> bool:
    """A noun that can stand for a party: a name, or a word for a body or for people
    ("a movement armed by the UAE"), not a thing ("the agreement signed by A and B")."""
    if noun.ent_type_ in ("ORG", "NORP", "GPE", "PERSON"):
        return True
    return noun.pos_ == "NOUN" and noun.lower_ in _party_heads()


@lru_cache(maxsize=1)
def _place_nouns() -> frozenset[str]:
    """Nouns of a kind of place (nominals.toml [place] heads)."""
    return frozenset(lexicon("nominals")["place"]["heads"])


@lru_cache(maxsize=1)
def _party_heads() -> frozenset[str]:
    """Words for a body or for people (data/lexicons/nominals.toml), read once."""
    nominals = lexicon("nominals")
    return frozenset((*nominals["group"]["heads"], *nominals["person"]["heads"]))


def _taken_from(taken: Token) -> list[Token]:
    """Whom ground or goods were taken from, when the parser hangs the "from" on what was
    taken, on its "of" phrase or on a parenthesis beside it: "captured the town of Kidal
    from the army", "recaptured Robotyne (Zaporizhzhia oblast) from Russian troops". A
    place there is a party only when ground was taken ("seized Crimea from Ukraine"); of
    people or goods it says where they were ("took 40 hostages from Chibok")."""
    holders = [taken, *(o for c in taken.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"),
               *(c for c in taken.children if c.dep_ in ("appos", "conj"))]
    ground = _is_object(taken, "place", triggers())
    return [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
            for o in c.children if o.dep_ == "pobj" and _names_a_party(o) and (ground or o.ent_type_ not in ("GPE", "LOC", "FAC"))
            for p in _with_conjuncts(o)]


def _list_item_in_name(appos: Token) -> Token | None:
    """"Ansar Dine, al-Qaeda in the Islamic Maghreb and the Movement for …": the
    parser hangs the list's last name on the name inside the middle one ("Maghreb"),
    a conjunct of a name that ends in "in"/"of" phrase; that last name is a list item."""
    for prep in (c for c in appos.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "for")):
        for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
            conj = next((c for c in pobj.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)
            if conj is not None:
                return conj
    return None


def _in_dateline(token: Token) -> bool:
    """Whether a token lies in the place name of a dateline ("Damascus, SANA – …"), or
    is the agency in its brackets ("OUAGADOUGOU, Dec 17 (Reuters) - …")."""
    doc = token.doc
    if token.ent_type_ in ("GPE", "LOC"):
        return opens_dateline(entity_of(token))
    opening = next((t for t in reversed(doc[max(token.i - 3, 0) : token.i]) if t.text == "("), None)
    if opening is None:
        return False
    start = opening.i
    while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
    return opening.i - start <= DATELINE_WORDS and doc[start].ent_iob_ == "B" and opens_dateline(entity_of(doc[start]))


def _fronted_before_subject(verb: Token, first: Token) -> bool:
    """Whether a verb's first subject is a phrase set before the real one and cut off by
    a comma, with no "and" between them ("Near Kolpur, militants blew up …")."""
    later = [c for c in verb.children if c.dep_ == "nsubj" and c.i > first.i]
    if not later:
        return False
    between = verb.doc[first.right_edge.i + 1 : later[0].left_edge.i]
    return len(between) > 0 and between[0].text == "," and not any(t.dep_ == "cc" for t in between)


def _joined_verbs(verb: Token) -> list[Token]:
    """The verbs of a list a verb opens, which may share its object: "invaded, looted and
    burned homes" (the parser may hang the second as a clause: "abducted, tortured and killed
    three farmers")."""
    joined = [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and c.pos_ == "VERB"] + list(verb.conjuncts)
    return joined + [k for j in joined for k in j.conjuncts if k not in joined]


def _names_a_place_of_the_act(name: Token, trigger: Token) -> bool:
    """Whether a place's name before an act's noun names the place of a noun of place between
    them ("the Moscow theatre siege", "the Kabul airport attack"): where, not who."""
    places = _place_nouns()
    return name.ent_type_ in ("GPE", "LOC", "FAC") and any(
        w.pos_ == "NOUN" and w.lower_ in places for w in trigger.doc[name.i + 1 : trigger.i])


def _subject_tokens(verb: Token) -> tuple[list[Token], bool]:
    """Subject tokens and whether the verb is passive (subject = recipient)."""
    for child in verb.children:
        noun = relative_noun(child) if child.dep_ in ("nsubj", "nsubjpass") else None
        if noun is not None:
            # "HTS, which split from al-Qaeda": the relative pronoun stands for the noun
            # ("Saudi Arabia and the UAE, which lead …": for each conjunct).
            own = noun
            if own.dep_ == "appos":
                return [own], child.dep_ == "nsubjpass"  # "a deserter, Captain X, who led the group": the name beside it
            while noun.dep_ == "conj":
                noun = noun.head
            items = _with_conjuncts(noun)
            if any(c.dep_ in ("appos", "relcl", "acl") and c.doc[c.left_edge.i - 1].text != "("  # (not an acronym: "the BLF (…)")
                   for item in items if item.i != own.i for c in item.children) \
                    or any(t.text == ";" for t in verb.doc[noun.i : own.i]):
                # "the Sea Tigers, a naval wing …; the Black Tigers, a suicide unit; and the Air
                # Tigers, which used light aircraft": each item described on its own, the clause is its own item's
                return [own], child.dep_ == "nsubjpass"
            return items, child.dep_ == "nsubjpass"
        if child.dep_ == "nsubj" and _fronted_before_subject(verb, child):
            continue  # "Near Kolpur, militants blew up …": the parser made the place a second subject
        if child.dep_ == "nsubj" and any(c.dep_ == "nsubj" and c.i > child.i and any(t.text == ":" for t in verb.doc[child.i : c.i])
                                         for c in verb.children):
            continue  # "Kidal (Kidal region): On Sunday, rebels began …": the place heading the note is no second subject
        if child.dep_ == "nsubj" and child.ent_type_ in ("DATE", "TIME") \
                and any(c.dep_ == "nsubj" and c.i > child.i and c.ent_type_ not in ("DATE", "TIME") for c in verb.children):
            continue  # "In mid-January 2015, Chad's army deployed …": a piece of the date read as a second subject
        if child.dep_ == "nsubj" and _in_dateline(child):
            # "SAN CRISTOBAL, Mexico, Jan 1 (Reuters) - Hundreds of rebels … seized": the parser
            # made the dateline the subject and the real one its apposition, after the dash
            # (nothing before the dash: "DAMASCUS, SANA - Units …" names the agency, no party)
            dash = next((w.i for w in verb.doc[child.i + 1 : child.i + DATELINE_WORDS + 2] if spaced_dash(w)), child.i)
            child = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > dash), None) or next(
                (c for c in child.children if c.dep_ == "appos" and c.i > dash and c.pos_ in ("NOUN", "PROPN", "NUM")), None)
            return (_with_conjuncts(child), False) if child is not None else ([], False)
        if child.dep_ == "nsubj":
            # "X and Y met", parsed as two subjects with "and" between them
            others = [c for c in verb.children if c.dep_ == "nsubj" and c.i > child.i
                      and any(t.dep_ == "cc" for t in verb.doc[child.i : c.left_edge.i])]
            before = _subject_under_opening_date(verb, joined_to=child)
            before = _with_conjuncts(before) if before is not None else []
            # "that 344 students abducted from the school have been freed", "with eleven
            # villagers killed": a past participle with no auxiliary and no object the parser gave a
            # subject describes what was done to it (a reduced relative), not who did it; not
            # one that names a side ("militias fought alongside his troops", "clashed with the
            # army") nor one hung on a noun ("members of X fought gunmen of Y", read as "fought
            # gunmen"): a past tense the tagger called a participle
            # ("sealed off the compound": the object the parser gave the particle is one)
            # (not a verb no one undergoes, a past tense: "Hundreds of students protested outside …")
            reduced = verb.tag_ == "VBN" and verb.dep_ != "amod" and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children) \
                and verb.lemma_.lower() not in lexicon("events")["participants"]["never_undergone"] \
                and not any((c.dep_ == "prt" or c.tag_ == "RP") and any(o.dep_ == "pobj" for o in c.children) for c in verb.children) \
                and not any(c.dep_ == "prep" and c.lower_ in ("with", "alongside", "against", "beside") for c in verb.children) \
                and not any(g.dep_ == "dobj" for c in _joined_verbs(verb) for g in c.children)  # ("invaded, looted and burned homes": shared)
            # ("The Radisson Blu hotel, stormed this morning by gunmen, was secured …": a verb with
            # an agent and no auxiliary is a participle, whatever the tagger says; its subject underwent it)
            reduced = reduced or (verb.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)
                                  and any(c.dep_ == "agent" and any(o.dep_ == "pobj" and _names_a_party(o) for o in c.children)
                                          for c in verb.children))  # (not "spoke by telephone")
            return before + _with_conjuncts(child) + [t for o in others for t in _with_conjuncts(o)] + _part_of(verb, child), reduced
        if child.dep_ == "nsubjpass":
            return _with_conjuncts(child), True
    opening = _subject_under_opening_date(verb)
    if opening is not None:
        return _with_conjuncts(opening), "auxpass" in {c.dep_ for c in verb.children}
    asked = asked_of(verb)  # "called on the government to work with Chad": the one asked, made or helped acts
    if asked:
        # ("sent troops to fight IS", "is providing 125 soldiers to assist the army": the
        # sender acts through its own forces, lexicons/relations.toml troop_contributors;
        # forces ordered or urged to act act themselves: "ordered the armed forces to retake the town")
        contributors = lexicon("relations")["troop_contributors"]
        forces = frozenset(contributors["force_nouns"])
        sent = verb.head.lemma_.lower() in contributors["verbs"]
        if asked and not (sent and all(a.lemma_.lower() in forces and not any(c.dep_ == "poss" for c in a.children) for a in asked)):
            return [t for a in asked for t in _with_conjuncts(a)], "auxpass" in {c.dep_ for c in verb.children}
    if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and verb.head.pos_ in ("VERB", "AUX"):
        subject, head_passive = _subject_tokens(verb.head)
        if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.dep_ == "advcl" and verb.head.head.pos_ in ("VERB", "AUX") \
                and subject and not any(c.dep_ == "nsubj" for c in verb.children) \
                and (all(_match_trigger(t, triggers()) is not None for t in subject)
                     or (_match_trigger(verb.head, triggers()) is None and any(c.dep_ == "mark" for c in verb.head.children)
                         and verb.doc[verb.i - 1].text == ",")):
            # "launched their biggest offensive since the war began, crossing the Nile and clashing
            # with the RSF": a participle the parser hung on a subordinate clause whose subject is
            # an event ("the war") is the main clause's; so is one hung on a clause that tells no
            # act, what was going on then ("Police opened fire in the square, as protesters gathered
            # outside the parliament, killing 12 people": the police's, not the protesters'); not
            # "after 100 dahalo raided a village, killing nine villagers": theirs
            subject, head_passive = _subject_tokens(verb.head.head)
        # The verb's own voice: "were killed and wounded" shares it; "are committed
        # to ... and have supported the army" and "was forced to attack" do not.
        own = {c.dep_ for c in verb.children}
        # ("were flown in and fought the guerrillas": a verb with an object of its own is active)
        passive = "auxpass" in own or (verb.dep_ == "conj" and head_passive and "aux" not in own and "dobj" not in own)
        # "Backed by China, the guerrillas fought on", "fled into the hills, chased by troops":
        # a participle with an agent that describes the subject is passive
        passive = passive or describes_subject(verb)
        # "The driver was found shot dead", "were found beaten to death": a participle said of the
        # passive's subject is what the subject underwent
        passive = passive or (verb.dep_ == "xcomp" and verb.tag_ == "VBN" and head_passive and "dobj" not in own)
        return subject, passive
    if verb.dep_ == "relcl":
        return [verb.head], False
    if verb.dep_ == "conj" and verb.head.pos_ in ("PROPN", "NOUN") and verb.tag_ in ("VB", "VBP", "VBZ", "VBD") \
            and verb.head.dep_ == "ROOT" and any(c.dep_ in ("dobj", "prep", "ccomp") for c in verb.children):
        # A headline the parser read as a list of names: "UPDF and FARDC launch joint
        # operation against ADF" hangs "launch" on "UPDF"; the names before it are its subject.
        return [n for n in (verb.head, *verb.head.conjuncts) if n.i < verb.i and n.pos_ in ("PROPN", "NOUN")], False
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [verb.head], False  # "the coalition fighting the Houthis"
    described = agent_phrase_subject(verb)
    if described is not None:
        return _with_conjuncts(described), False
    root = verb.sent.root
    # (or hung on a word of an apposition set off by commas: "Opposition supporters, more than
    # 100,000 by most estimates, rallied in Minsk";
    # or after the phrases that describe the noun, set off by commas: "Kurdish Peshmerga forces,
    # backed by coalition air strikes and joined by Yazidi fighters, pushed into Sinjar")
    on_root = verb.head.i == root.i or (root.i < verb.i and verb.i > 0 and verb.doc[verb.i - 1].text == ","
                                        and any(a.dep_ in ("appos", "acl") and a.head.i == root.i and a.i < verb.i
                                                for a in verb.ancestors))
    # (or on the noun of the root's "of": "A first contingent of 200 Kenyan police officers deployed to
    # Port-au-Prince", a participle of going somewhere; participants.gone_participles)
    parts = lexicon("events")["participants"]
    gone = verb.head.dep_ == "pobj" and verb.head.head.lower_ == "of" and verb.head.head.head.i == root.i \
        and verb.lemma_.lower() in parts["gone_participles"] and any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in verb.children)
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and root.pos_ in ("NOUN", "PROPN") and root.dep_ == "ROOT" \
            and (any(c.dep_ == "dobj" for c in verb.children) or (verb.tag_ == "VBD" and on_root)
                 or (on_root and verb.lemma_.lower() in parts["never_undergone"]) or gone) \
            and not any(c.dep_ == "agent" for c in verb.children):
        # "A mob of several thousand people torched 21 churches": a sentence the parser read as
        # a noun and a participle with an object; the participle is its verb, the noun its
        # subject. A past tense hung on the root noun is one too, object or not: "A delegation
        # of the Committee, a body of clerics, then negotiated with the gunmen"; so is a
        # participle no one undergoes: "Hundreds of students protested outside the university".
        return [root], False
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in lexicon("events")["participants"]["stative_participles"] \
            and not any(c.dep_ == "agent" for c in verb.children):
        return [verb.head], False  # "Russian fighters allied with Kyiv"
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ in ("acomp", "amod") and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject_tokens(verb.head.head)  # "it was ready to assist Nigeria"
    if verb.dep_ in ("acl", "xcomp") and verb.head.pos_ == "NOUN":
        # "the coalition's efforts to defeat ISIL", "its determination to defeat ISIL"
        owner = [c for c in verb.head.children if c.dep_ == "poss"]
        return (_with_conjuncts(owner[0]), False) if owner else ([], False)
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.dep_ == "pobj" and verb.head.head.head.dep_ == "agent" \
            and verb.head.head.head.head.pos_ == "VERB":
        # "Eritrea has been accused by rights groups of expelling …": the parse hangs "of"
        # on the accuser; the one accused does it
        accused = next((c for c in verb.head.head.head.head.children if c.dep_ == "nsubjpass"), None)
        return (_with_conjuncts(accused), False) if accused is not None else ([], False)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX", "ADJ"):
        governing = verb.head.head
        # (not after a preposition of time or manner: "seized Minova after fighting with the army" is the subject's)
        obj = next((c for c in governing.children if c.dep_ == "dobj"), None) if verb.head.lower_ not in _SUBJECTS_OWN_PREPS else None
        if obj is not None:  # "accused Tehran of arming the group": the object does it
            return _with_conjuncts(obj), False
        if any(c.dep_ in ("xcomp", "ccomp") and c.tag_ in ("VBD", "VBZ") and c.i > verb.i for c in verb.children):
            # "said shopkeeper X after shelling hit the market": the parser hangs the clause's verb on
            # its subject, a noun in "-ing" read as a gerund; no one the verb names shelled ("said
            # after meeting the ministers" is the speaker's)
            return [], False
        subjects, undergone = _subject_tokens(governing)
        if undergone and verb.head.lower_ in ("in", "during", "amid", "under"):
            return [], False  # "A soldier was wounded during shelling": whom the verb befell, no doer of the act it befell them in
        return subjects, "auxpass" in {c.dep_ for c in verb.children}  # "are committed to defeating ISIL"
    return [], False


# Prepositions before a gerund whose doer is the subject of the verb they hang on, whatever
# its object: "seized Minova after fighting with the army", "took the town without firing a
# shot" (not "by", whose gerund may tell how the object did something: "accused X of
# betraying jihad by seeking talks").
_SUBJECTS_OWN_PREPS = frozenset({"after", "before", "since", "upon", "while", "without", "despite", "following", "until"})


def _subject_under_opening_date(verb: Token, joined_to: Token | None = None) -> Token | None:
    """The subject the parser hung under a date that opens the sentence without a comma:
    "On 7 March 2004 Zimbabwean security forces seized the aircraft" reads "forces" as the
    object of "On" and leaves the verb without a subject (or joined to the source that opens
    it: "According to the army, Iraqi troops recaptured …"). With `joined_to`, the verb's own
    subject, the first of two joined by "and": "On 9 September units of the army and
    police units attacked the pocket" hangs "and" on "On" and makes only the second the subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ != "ROOT":
        return None
    opening = verb.sent[0]
    if joined_to is None and opening.lower_ == "according" and opening.head.i == verb.i:
        # "According to the Joint Operations Command, Iraqi army and CTS troops recaptured …":
        # the parser joins the subject to the source after its comma
        source = next((o for to in opening.children if to.lower_ == "to" for o in to.children if o.dep_ == "pobj"), None)
        joined = next((c for c in source.children if c.dep_ == "conj" and c.i < verb.i and c.left_edge.i > 0
                       and verb.doc[c.left_edge.i - 1].text == ","), None) if source is not None else None
        return joined if joined is not None and joined.pos_ in ("NOUN", "PROPN") else None
    if opening.dep_ != "prep" or opening.head.i != verb.i or opening.lower_ not in ("on", "in", "at", "by", "since", "after", "before"):
        return None
    if joined_to is not None and not any(c.dep_ == "cc" and c.lower_ == "and" and c.i < joined_to.left_edge.i for c in opening.children):
        return None
    # ("In the early hours of 18 April a large force of X crossed …": the date's own object first)
    noun = next((c for c in opening.children if c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME")), None)
    if noun is None and joined_to is None:
        # "On 12 March 2019, Chadian, Nigerien and Nigerian troops attacked …": the parser joins
        # the subject to the date after its comma
        date = next((c for c in opening.children if c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME")), None)
        joined = next((c for c in date.children if c.dep_ == "conj" and c.ent_type_ not in ("DATE", "TIME") and c.i < verb.i
                       and c.left_edge.i > 0 and verb.doc[c.left_edge.i - 1].text == ","), None) if date is not None else None
        if joined is not None and joined.pos_ in ("NOUN", "PROPN"):
            return joined
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.i > verb.i:
        return None
    between = verb.doc[opening.i + 1 : noun.left_edge.i + 1]
    if not any(t.ent_type_ in ("DATE", "TIME") for t in verb.doc[opening.i + 1 : noun.i]) or any(t.text == "," for t in between):
        return None
    return noun


def _part_of(verb: Token, subject: Token) -> list[Token]:
    """"the UK is working as part of the Global Coalition to defeat ISIL": the body
    the subject acts within acts too."""
    out = []
    for holder in (verb, subject):
        for as_ in (c for c in holder.children if c.dep_ == "prep" and c.lower_ == "as"):
            for part in (c for c in as_.children if c.dep_ == "pobj" and c.lower_ == "part"):
                out.extend(p for of in part.children if of.dep_ == "prep" and of.lower_ == "of"
                           for p in of.children if p.dep_ == "pobj")
    return out


def _alongside(verb: Token, lex: dict) -> list[Token]:
    """"fought alongside the Iraqi army", "in coordination with the Federal Government",
    "in support of Puntland forces", "together with X": those on the subject's side."""
    parts = lex["participants"]
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in parts["ally_preps"]]
    # "fought side by side with their Malian comrades"
    preps += [c for c in verb.subtree if c.dep_ == "prep" and c.lower_ == "with" and c.i >= 3
              and verb.doc[c.i - 3 : c.i].text.lower() == "side by side"]  # (the parse may hang "with" on "side")
    # "in coordination with X", "in support of X", "with support from X": the noun's own "with"/"of"/"from"
    preps += [q for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "with") for n in c.children
              if n.dep_ == "pobj" and n.lemma_.lower() in parts["ally_nouns"] for q in n.children
              if q.dep_ == "prep" and q.lower_ in ("with", "of", "from")]
    # "together with X", "jointly with X", "along with X", on the verb or on its subject (not of
    # a passive: "was arrested together with two pilots" names others it befell)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    holders = [] if passive else [verb, *(c for c in verb.children if c.dep_ == "nsubj")]
    preps += [q for h in holders for c in h.children if c.dep_ == "advmod" and c.lower_ in _JOINTLY
              for q in c.children if q.dep_ == "prep" and q.lower_ == "with"]
    # ("carried out the operation together with the police": the parse hangs "together" under the
    # verb's "with"; only where the verb has no object or its object is an act done, not after
    # "arrested the leader together with two aides" or "torched the village together with its
    # inhabitants", whose object they share)
    joint_act = verb.lemma_.lower() in parts["joint_act_verbs"] or not any(c.dep_ == "dobj" for c in verb.children)
    preps += [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with" and _jointly(c)] if joint_act else []
    # ("claimed the ambush together with X": the parse hangs the "with" on the act named, "together"
    # under it; not "met the envoys together with the ministers", whose object is people met too)
    acts = [o for o in verb.children if o.dep_ == "dobj" and not o.ent_type_ and o.lower_ not in _party_heads()]
    preps += [c for h in ([] if passive else acts) for c in h.children if c.dep_ == "prep" and c.lower_ == "with" and _jointly(c)]
    sided = [t for s in sides_taken(verb) for t in _with_conjuncts(s)]
    return [t for p in preps for pobj in p.children if pobj.dep_ == "pobj" for t in _with_conjuncts(pobj)] + sided


_JOINTLY = frozenset({"together", "jointly", "along"})


def _jointly(prep: Token) -> bool:
    """A "with" marked as done together: "together with X" read as the adverb under it."""
    return any(c.dep_ == "advmod" and c.lower_ in _JOINTLY and c.i < prep.i for c in prep.children)


def sides_taken(verb: Token) -> list[Token]:
    """"fighting on Ukraine's side", "fought on the side of the government": whose side."""
    sides = [n for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for n in c.children
             if n.dep_ == "pobj" and n.lemma_.lower() == "side"]
    return [o for n in sides for o in n.children if o.dep_ == "poss"] + \
        [o for n in sides for c in n.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]


def names_a_mutual_fight(token: Token) -> bool:
    """Whether a word names a fight whose co-actors fight each other, by its lemma or its
    form ("clashed", "fighting", "an exchange of fire": events.toml co_actors.reciprocal)."""
    words = lexicon("events")["co_actors"]["reciprocal"]
    return token.lemma_.lower() in words or token.lower_ in words


def _with_its_own(prep: Token) -> bool:
    """A "together with" whose object is the people of what the act was done to ("torched the
    village together with its inhabitants", "killed the commander along with his guards")."""
    return _jointly(prep) and any(o.dep_ == "pobj" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children)
                                  for o in prep.children)


def _one_sided_attack(trigger: Token, lex: dict) -> bool:
    """An attack on an object named, not a fight between two: its "with" is an
    instrument or a companion ("attacked the base with rockets"), not a second party."""
    return trigger.lemma_.lower() not in lex["co_actors"]["reciprocal"] and any(c.dep_ == "dobj" for c in trigger.children) \
        and _is_assault(trigger)


def _is_assault(trigger: Token) -> bool:
    matched = _match_trigger(trigger, triggers())
    return matched is not None and matched[0].type == "ASSAULT"


def _is_talk(trigger: Token) -> bool:
    matched = _match_trigger(trigger, triggers())
    return matched is not None and matched[0].type == "CONSULT"


def _with_as(prep: Token) -> bool:
    """"with Dagalo as its commander", "with the militia as its ally": a "with" followed by
    "as" says what someone is to the doer, no party of the act (but of talks: "with X as
    mediator" takes part in them)."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in pobj.children):
        return True  # the parse hangs "as" on the one named
    after = pobj.right_edge.i + 1  # or on the verb, right after the one named
    return after < len(prep.doc) and prep.doc[after].lower_ == "as"


def with_and_against(holders: list[Token]) -> tuple[list[Token], list[Token]]:
    """The objects of "with" on `holders`, and of "against" on them or on those objects
    (the parse often hangs "against" on the partner: "with the coalition against IS")."""
    preps = [c for h in holders for c in h.children if c.dep_ == "prep" and not any(n.dep_ == "neg" for n in c.children)]
    partners = [p for c in preps if c.lower_ == "with" for pobj in c.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj)]
    preps += [c for h in partners for c in h.children if c.dep_ == "prep"]
    enemies = [p for c in preps if c.lower_ == "against" for pobj in c.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj)]
    return partners, enemies


def joining_idiom(obj: Token) -> bool:
    """Whether a verb's object is the bare object of an idiom of joining ("joined forces with
    the militia", "joined hands with"; relations.toml serves_with joining_idioms): no body
    joined nor party acted on ("joined the forces of the coalition" is one)."""
    return obj.lower_ in lexicon("relations")["serves_with"]["joining_idioms"] \
        and not any(d.dep_ in ("det", "poss", "amod", "compound", "prep") for d in obj.children)


def taking_part(trigger: Token, phrases: list[str]) -> Token | None:
    """The verb by which its subject takes part in a noun trigger ("took part in a rally",
    "set off on a march", "participated in protests"), if the trigger is the object of
    one of `phrases` (verb lemma, its particle or object, the preposition)."""
    if trigger.dep_ != "pobj" or trigger.head.dep_ != "prep":
        return None
    prep = trigger.head
    verb = prep.head
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj":  # ("took part in": the parse may hang "in" on "part")
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    # (the particle may be read as an adverb: "walked out in a strike"; participation_particles)
    particles = lexicon("events")["participants"]["participation_particles"]
    words = [verb.lemma_.lower(), *(c.lower_ for c in verb.children if c.i < prep.i and (c.dep_ in ("dobj", "prt")
                                                                                        or (c.dep_ == "advmod" and c.lower_ in particles))), prep.lower_]
    return verb if " ".join(words) in phrases else None


def _partners_against(trigger: Token, holders: list[Token], actors: list[Token], recipients: list[Token]) -> None:
    """"conducted an operation with the Malian army against the ISGS", "fought with the
    rebels against the regime": beside an enemy named by "against", the "with" of an
    assault names a partner, not a second enemy. Moves those partners from the
    recipients to the actors, and adds the enemy to the recipients (it may hang on the
    light verb rather than on the noun)."""
    partners, enemies = with_and_against(holders)
    if not enemies or not _is_assault(trigger):  # (the trigger's type last: it costs most)
        return
    for partner in partners:
        if partner in recipients:
            recipients.remove(partner)
        if partner not in actors:
            actors.append(partner)
    recipients.extend(e for e in enemies if e not in recipients and e not in actors)


def _between(prep: Token) -> list[Token]:
    """The parties of "between A and B": the parse does not always join A and B, so
    take the words from "between" up to the next verb or clause break."""
    out, doc = [], prep.doc
    end = sentence_of(prep).end
    k = prep.i + 1
    while k < end:
        t = doc[k]
        if t.text == "," and k + 1 < end and doc[k + 1].tag_ in ("VBN", "VBG") and doc[k + 1].dep_ in ("acl", "advcl", "relcl"):
            # "between A, led by X, and B, represented by Y": a participle set off by commas says who
            # they are; the list goes on after it
            close = next((j for j in range(k + 2, end) if doc[j].text in (",", ";", ".")), end)
            if close < end and doc[close].text == "," and close + 1 < end and doc[close + 1].lower_ == "and":
                k = close + 2
                continue
            break
        if (t.dep_ == "amod" and t.tag_ in ("VBN", "VBG")) or (t.dep_ == "npadvmod" and t.head.dep_ == "amod"):
            k += 1  # "between UAE-backed Yemeni forces and …": a participle of a name, and its backer, no party
            continue
        if t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ".") or t.dep_ == "mark":
            break
        if t.lower_ == "against" and out:
            break  # "cooperation between their police forces and judicial authorities against mafia organisations": the foe, no side
        if t.pos_ in ("PROPN", "NOUN", "PRON") and not _inside_of_phrase(t, prep) and not _modifies_next(t):
            out.append(t)
        k += 1
    return out


def blamed_act(trigger: Token) -> bool:
    """Whether an act is named as what someone is blamed for ("blamed for the killing",
    "accused X of the attack", "blamed the attack on X"): told before, its doer named
    by the blaming (events.toml blame_verbs)."""
    head = trigger.head
    if trigger.dep_ == "pobj":
        return head.lower_ in ("for", "of", "in") and head.head.lemma_ in lexicon("events")["participants"]["blame_verbs"]
    return trigger.dep_ == "dobj" and head.lemma_ == "blame"


def _modifies_next(t: Token) -> bool:
    """A word of the name or description of the noun after it ("the Chapitos faction"),
    not one set off from it ("the Islamic State (IS)"); so is each word coordinated with
    such a word ("Awajun and Wampis protesters": one side, the protesters)."""
    first = t
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return first.dep_ in ("compound", "amod", "nmod") and first.head.i > t.i and not any(w.is_punct for w in t.doc[t.i + 1 : first.head.i])


def _inside_of_phrase(t: Token, prep: Token) -> bool:
    """Whether a word after "between" lies in the "of" phrase of another party ("between
    the government of Prime Minister Sharif and the TTP": the title is no third side)."""
    node = t
    while node.head.i != node.i and node.i > prep.i:
        if node.dep_ == "conj":
            return False  # a side the parse coordinated inside the phrase ("the faction of X and followers of Y")
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.i > prep.i:
            return True
        node = node.head
    return False


def _put_down_by_others(clause: Token, blaming: frozenset) -> bool:
    """Whether a relative clause on an act puts it down to a party, told by others: "an air
    strike that local volunteers attributed to the army" (its relative pronoun the object, a
    subject of its own, the verb's "to" or "on")."""
    return clause.dep_ == "relcl" and any(c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in clause.children) \
        and any(c.dep_ == "prep" and (clause.lemma_.lower(), c.lower_) in blaming for c in clause.children)


@lru_cache(maxsize=1)
def _blaming_pairs() -> frozenset[tuple[str, str]]:
    """(verb, preposition) pairs that lay an act at a party's door: "blamed on", "attributed
    to" (events.toml participants.doer_blaming_participles), read once."""
    return frozenset(tuple(pair.split()) for pair in lexicon("events")["participants"]["doer_blaming_participles"])


@lru_cache(maxsize=1)
def _on_orders() -> dict:
    return lexicon("stances")["on_orders"]


def _repeated_prep(prep: Token) -> list[Token]:
    """The same preposition said again in a list after this one's phrase: "in contact with
    the Navy and with the families", "with the Ministry, with our embassy and with the
    families" (the parser hangs the later ones anywhere). Read on the words: a comma or
    "and" (or both) and the same preposition, each time right after the last phrase."""
    doc = prep.doc
    out = [c for c in prep.conjuncts if c.lower_ == prep.lower_ and c.i > prep.i]  # (when the parse got it)
    last = out[-1] if out else prep
    pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
    end = (pobj.right_edge.i if pobj is not None else last.i) + 1
    while end < len(doc):
        k = end
        while k < len(doc) and doc[k].text == ",":
            k += 1
        if k < len(doc) and doc[k].lower_ == "and":
            k += 1
        if k == end or k >= len(doc) or doc[k].lower_ != prep.lower_ or doc[k] in out:
            break
        pobj = next((c for c in doc[k].children if c.dep_ == "pobj"), None)
        if pobj is None:
            break
        out.append(doc[k])
        end = pobj.right_edge.i + 1
    return out


def _makers_of(act: Token, verb: Token) -> list[Token]:
    """Who made an act a verb puts down: its possessor, its "of" or its "by" (which the parse
    may hang on the verb after the object: "quelled the mutiny by the paratroopers")."""
    makers = []
    for c in (*act.children, *(c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > act.i)):
        if c.dep_ == "poss":
            makers.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("by", "of"):
            makers += [o for o in c.children if o.dep_ == "pobj"]
    return [p for m in makers for p in _with_conjuncts(m)]


def _helped(support: Token) -> list[Token]:
    """Who acted "with the support of X": the doer of the verb the "with" hangs on
    ("was liberated by the SNA with the support of AMISOM", "the army, with the help of
    militias, retook the town"), the party it is said of, or who has it ("the rebels
    have the support of Rwanda")."""
    if support.dep_ == "dobj" and support.head.lemma_ in lexicon("events")["participants"]["having_verbs"]:
        return _subject_tokens(support.head)[0]  # "the rebels have the support of Rwanda"
    prep = support.head
    if support.dep_ != "pobj" or prep.lower_ != "with":
        return []
    if prep.head.pos_ in ("NOUN", "PROPN") and _names_a_party(prep.head):
        return _with_conjuncts(prep.head)  # "Government forces, with the support of Chad, retook Gao"
    done = prep.head
    if done.pos_ in ("NOUN", "PROPN") and done.dep_ == "dobj":
        done = done.head  # "seized power with the support of army officers": the parse hangs "with" on the object
    if done.pos_ != "VERB":
        return []
    subj, passive = _subject_tokens(done)
    if passive:
        return [p for c in done.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj" for p in _with_conjuncts(o)]
    return subj


def _causer(verb: Token) -> Token | None:
    """The subject of "have" or "get" when the verb is the act it had done ("had the
    prisoners executed", "got him arrested"), else None."""
    if verb.dep_ != "ccomp" or verb.tag_ not in ("VBN", "VBD") or verb.head.lemma_ not in ("have", "get"):
        return None
    if not any(c.dep_ == "nsubj" for c in verb.children) or any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)


@lru_cache(maxsize=None)
def _needed_preps(verb: str) -> frozenset[str]:
    """The prepositions a verb is an act only with (events.toml only_with: "charged him with
    murder"): what follows them is the act's matter, not a party."""
    return frozenset(p for kind in triggers().by_object.get(verb, ()) for p in (kind.only_with or {}).get(verb, {}).get("preps", ()))


def _place_or_name(token: Token) -> bool:
    """Whether a word is a place or a name ("towns", "Labé"; not "protest")."""
    return token.pos_ == "PROPN" or _is_object(token, "place", triggers())


def _nominal_phrase(noun: Token) -> list[Token]:
    """The words of a noun's phrase reached through nouns and prepositions only, not
    through a clause on it ("dozens of towns across the country against X"; not "towns
    that rose against X")."""
    out, stack = [], [noun]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in ("prep", "pobj", "conj", "cc", "compound", "amod", "det", "nummod", "poss", "punct", "appos", "quantmod", "nmod") \
                    and c.pos_ not in ("VERB", "AUX"):
                out.append(c)
                stack.append(c)
    return out


def _charges_set_off(trigger: Token, parts: dict) -> list[Token] | None:
    """The charges a verb sets off, with their conjuncts (participants.explosive_heads: "set off
    a car bomb and two devices"), or the charge that went off as its subject ("a bomb exploded",
    participants.blast_verbs), or [] for a bomber who blew himself up; None for no blast."""
    objects = [o for o in trigger.children if o.dep_ == "dobj"]
    if any(_is_object(o, "explosive", triggers()) for o in objects):
        return [c for o in objects for c in _with_conjuncts(o)]
    if trigger.lemma_.lower() not in parts["blast_verbs"]:
        return None
    if any(o.lower_ in ("himself", "herself", "themselves") for o in objects):
        return []
    told = [s for s in trigger.children if s.dep_ in ("nsubj", "nsubjpass")]
    if not told and trigger.dep_ == "conj" and trigger.head.pos_ in ("VERB", "AUX"):
        # a verb joined to one whose subject it shares: "an ambulance packed with explosives was
        # driven through a checkpoint and blew up at a second one"
        told = [s for s in trigger.head.children if s.dep_ in ("nsubj", "nsubjpass")]
    subjects = [s for s in told if _is_object(s, "explosive", triggers())]
    return subjects or None


def _blast_site(prep: Token, parts: dict) -> bool:
    """Whether a preposition of a charge set off names what it struck: "at", "outside", "inside"
    … (participants.blast_sites), or "in" and "on" a building, a venue or a vehicle
    (blast_sites_within, blast_site_heads: "in the departures hall", "on a metro train"; not
    "in Makassar")."""
    if prep.dep_ not in ("prep", "advmod"):
        return False
    if _second_word(prep, parts) is not None:
        return True  # ("next to a police patrol")
    # ("in and around the temple complex": the object hangs on the second, joined to the first)
    return prep.lower_ in parts["blast_sites"] or (prep.lower_ in parts["blast_sites_within"] and any(
        o.dep_ == "pobj" and o.lemma_.lower() in parts["blast_site_heads"] and o.ent_type_ != "GPE"
        for q in (prep, *(c for c in prep.conjuncts if c.pos_ == "ADP")) for o in q.children))


def _second_word(prep: Token, parts: dict) -> Token | None:
    """The preposition on a word that makes a blast site of two words with it ("next to":
    the parser hangs "to" on "next"), else None."""
    return next((c for c in prep.children if c.dep_ == "prep" and f"{prep.lower_} {c.lower_}" in parts["blast_sites"]), None)


def _sites_of_charge(charge: Token, parts: dict) -> list[Token]:
    """What a charge struck as its own phrase tells: "two devices outside the school", or
    where it was hidden ("a bomb hidden in a toilet at the shopping centre", "a device
    planted outside the barracks": participants.charge_placing_verbs) or carried ("cars
    packed with explosives outside a complex": charge_carrying_words), one phrase deep
    ("in a toilet at the centre": the "at" on the toilet)."""
    # (or the participle of what carries it: "cars packed with explosives outside a complex")
    holders = [charge, *(v for v in charge.children if v.dep_ == "acl"
                         and v.lemma_.lower() in parts["charge_placing_verbs"] + parts["charge_carrying_words"])]
    preps = [c for h in holders for c in h.children if c.dep_ == "prep"]
    preps += [c for prep in preps for o in prep.children if o.dep_ == "pobj" for c in o.children if c.dep_ == "prep"]
    return [p for c in preps if _blast_site(c, parts) for p in _blast_site_objects(c, parts)]


def _blast_site_objects(prep: Token, parts: dict) -> list[Token]:
    """What a blast site's preposition names, with its conjuncts, and the building of a part
    of one ("at the gate of the cathedral": the gate and the cathedral; blast_site_parts)."""
    # ("inside and at the entrance of the cathedral": the parser joins the second to the first)
    prep = _second_word(prep, parts) or prep  # ("next to a patrol": the object of "to")
    sites = [p for q in (prep, *(c for c in prep.conjuncts if c.pos_ == "ADP"))
             for pobj in q.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj)]
    return sites + [b for p in sites if p.lemma_.lower() in parts["blast_site_parts"] for of in p.children
                    if of.dep_ == "prep" and of.lower_ == "of" for o in of.children if o.dep_ == "pobj" for b in _with_conjuncts(o)]


def _aid_meant_for(trigger: Token, children: list[Token], parts: dict) -> list[Token]:
    """Those aid is sent "for" ("delivered 24 tonnes of medical supplies and generators for
    the besieged residents"): the "for" on the verb or on its object of supplies (events.toml
    participants aid_for_verbs, supplies_heads, supplies_containers), when it names a party
    ("supplies for the winter" names none; "for Venezuelan hospitals" a place, no party)."""
    if trigger.lemma_.lower() not in parts["aid_for_verbs"]:
        return []
    goods = frozenset(parts["supplies_heads"]) | frozenset(parts["supplies_containers"])
    objects = [o for c in children if c.dep_ == "dobj" and c.lemma_.lower() in goods for o in (c, *c.conjuncts)]
    if not objects:
        return []
    preps = [c for h in (trigger, *objects) for c in h.children if c.dep_ == "prep" and c.lower_ == "for"]
    return [p for prep in preps for o in prep.children if o.dep_ == "pobj" and _names_a_party(o) for p in _with_conjuncts(o)]


def _asked_to_act(verb: Token) -> list[Token]:
    """Whom a request's "that" clause asks to act: the clause's subject, its verb bare or with
    "should" or "must" ("demanded that the junta hand over power", "urged that the troops
    should leave"; not "demanded to know why the troops had left", nor a report of what was)."""
    return [t for clause in verb.children if clause.dep_ == "ccomp" and clause.i > verb.i and clause.tag_ in ("VB", "VBP")
            and all(a.lower_ in ("should", "must") for a in clause.children if a.dep_ == "aux")
            for s in clause.children if s.dep_ == "nsubj" for t in _with_conjuncts(s)]


def _participants(trigger: Token, is_noun: bool, lex: dict, symmetric: bool = False) -> tuple[list[Token], list[Token]]:
    parts = lex["participants"]
    actors: list[Token] = []
    recipients: list[Token] = []
    if not is_noun and trigger.tag_ == "VBG" and trigger.dep_ in ("nsubj", "nsubjpass", "csubj") and not any(c.dep_ in ("dobj", "nsubj") for c in trigger.children):
        is_noun = True  # "fighting erupted between A and B", "fighting around Marib pitted A against B": a gerund subject is the fight named
    elif is_noun and trigger.dep_ == "advcl" and trigger.tag_ == "NN" and trigger.lower_.endswith("ing") and trigger.head.pos_ == "VERB" \
            and not any(c.dep_ == "det" for c in trigger.children):
        is_noun = False  # "Meeting in Addis Ababa on 2 November, A and B agreed …": a participle the tagger took for a noun, whose subject is the clause's
    if not is_noun:
        subj, passive = _subject_tokens(trigger)
        causer = _causer(trigger)
        if causer is not None:
            # "Pol Pot had the defence chief Son Sen killed": who had it done did it, and
            # the parser's subject of the participle is whom it was done to
            recipients.extend(t for c in trigger.children if c.dep_ == "nsubj" for t in _with_conjuncts(c))
            subj, passive = _with_conjuncts(causer), False
        if passive and trigger.lemma_.lower() in parts["stative_participles"] and not any(c.dep_ == "agent" for c in trigger.children):
            passive = False  # "Los Choneros are allied with the Sinaloa Cartel": a state the subject is in, no act done to it
        children = list(trigger.children)
        children += channel_preps(trigger)  # "spoke by telephone with X"
        # "marched in Lomé and other towns against President X": the "against" hung on the place
        # (or deeper in its phrase, or on a second place: "in the capital and in dozens of towns
        # across the country against X");
        # "marched under the slogan 'Enough' against the government": on the slogan's words
        children += [a for q in trigger.children if q.dep_ == "prep" for p in (q, *q.conjuncts) if p.lower_ in parts["place_preps_of_acts"]
                     for o in p.children if o.dep_ == "pobj" for n in (o, *o.conjuncts)
                     if p is q or _place_or_name(n)
                     for a in _nominal_phrase(n) if a.dep_ == "prep" and a.lower_ == "against" and a.i > trigger.i
                     and (a.head.i == n.i or _place_or_name(a.head))]
        # (on a second place, or deeper, only on a place or a name: not "in protest against X")
        children += [a for p in trigger.children if p.dep_ == "prep" and p.lower_ in parts["slogan_preps_of_acts"]
                     for o in p.children if o.dep_ == "pobj" for a in o.subtree
                     if a.dep_ == "prep" and a.lower_ == "against" and a.i > trigger.i and a.head.i != trigger.i]
        # "took to the streets, chanting slogans against President X": in what they chanted
        children += [a for p in trigger.children if p.dep_ in ("advcl", "xcomp", "acl", "conj") and p.tag_ == "VBG"
                     and p.lemma_.lower() in parts["slogan_participles"]
                     for a in p.subtree if a.dep_ == "prep" and a.lower_ == "against" and a.i > p.i]
        # "drove a vehicle packed with explosives into the offices": the "into" on the charge's participle
        children += [p for o in trigger.children if o.dep_ == "dobj" for a in o.children
                     if a.dep_ == "acl" and a.lemma_.lower() in parts["charge_carrying_words"]
                     for p in a.children if p.dep_ == "prep" and p.lower_ == "into"]
        # "spoke to X and to Y": the second preposition hangs on the first.
        children += [c for p in children if p.dep_ == "prep" for c in p.conjuncts if c.pos_ == "ADP"]
        topic_only = trigger.lemma_ in parts["topic_verbs"]  # "discussed the fight against ISIL"
        recipients.extend(_aid_meant_for(trigger, children, parts))
        if trigger.lemma_.lower() in parts["request_verbs"]:
            recipients.extend(_asked_to_act(trigger))  # "demanded that the government resign"
        charges = _charges_set_off(trigger, parts)
        if charges:
            # "set off a car bomb and two devices outside the school": the site may hang on a charge
            recipients.extend(p for o in charges for p in _sites_of_charge(o, parts))
            # "a truck bomb claimed by the Islamic State exploded": whom the charge is said to be of
            # (or "blamed on" it: participants.doer_blaming_participles)
            # (or who placed it, when the charge went off on its own: "an IED planted by separatist
            # fighters exploded"; not "the strike set off explosives placed by ISIL")
            naming = [*parts["doer_naming_verbs"], *(parts["charge_placing_verbs"] if any(o.dep_ in ("nsubj", "nsubjpass") for o in charges) else ())]
            blaming = _blaming_pairs()
            actors.extend(p for o in charges for v in o.children if v.dep_ == "acl" and v.tag_ == "VBN"
                          for a in v.children if (a.dep_ == "agent" and v.lemma_.lower() in naming)
                          or (a.dep_ == "prep" and (v.lemma_.lower(), a.lower_) in blaming)
                          for pobj in a.children if pobj.dep_ == "pobj" and _names_a_party(pobj) for p in _with_conjuncts(pobj))
        phrases = triggers().phrases  # "pledged allegiance", "declared a province": only this trigger's own
        # "Speaking after the fall of Mosul to ISIL": that "to" is the fall's, not the speaking's.
        stray = {t.i for p in children if p.dep_ == "prep" for n in p.children if n.dep_ == "pobj" and (t := stray_to(n)) is not None}
        children = [c for c in children if c.i not in stray]
        # "regrets to inform the diplomatic corps that … a gang of armed men landed": the parser may
        # make the clause's subject a second object, with "that" under it; it is no one told
        children = [c for c in children if not (c.dep_ == "dobj" and any(x.lower_ == "that" and x.i < c.i for x in c.children)
                                                and any(o.dep_ == "dobj" and o.i < c.i for o in children))]
        for child in children:
            if (trigger.lemma_.lower(), child.lower_) in phrases and child.dep_ == "prep":
                # "fired missiles at a destroyer": the phrase's preposition names the target
                # ("pulled out of Goma": or the "of" of a particle the parser made a preposition,
                # for a force that left; not "drove the rebels out of the town", whose place
                # is where others were driven from)
                driven = any(c.dep_ == "dobj" for c in trigger.children)
                objects = [o for o in child.children if o.dep_ == "pobj"] or [
                    o for c in child.children if child.lower_ == "out" and not driven and c.dep_ == "prep" and c.lower_ == "of"
                    for o in c.children if o.dep_ == "pobj"]
                recipients.extend(p for pobj in objects for p in _with_conjuncts(pobj))
            elif charges is not None and _blast_site(child, parts):
                # "detonated explosives at the gate of the cathedral", "set off a car bomb at a
                # checkpoint": where a charge goes off is what it was set off against
                recipients.extend(_blast_site_objects(child, parts))
            elif child.dep_ == "prep" and child.lower_ == "through" and trigger.lemma_.lower() in parts["impact_through_verbs"]:
                # "a suicide bomb tore through the shrine": what arms tear through they strike
                recipients.extend(p for o in child.children if o.dep_ == "pobj" for p in _with_conjuncts(o))
            elif charges is not None and child.dep_ == "prep" and child.lower_ in parts["blast_occasion_preps"]:
                # "a bomb exploded during a Sunday service at a church": the site of the occasion
                recipients.extend(p for o in child.children if o.dep_ == "pobj" for c in o.children
                                  if c.dep_ == "prep" and _blast_site(c, parts) for p in _blast_site_objects(c, parts))
            elif child.dep_ == "dobj" and child.lower_ in lexicon("relations")["captives"]["marks"] \
                    and (trigger.lemma_.lower(), child.lower_) in phrases and any(c.dep_ == "compound" for c in child.children):
                # "took several officers prisoner": the parser makes the people a word of the mark
                recipients.extend(p for c in child.children if c.dep_ == "compound" for p in _with_conjuncts(c))
            elif ((trigger.lemma_.lower(), child.lower_) in phrases or (child.dep_ == "dobj" and child.lemma_.lower() in parts["holding_nouns"])) \
                    and child.dep_ in ("dobj", "dative", "attr", "prt", "advmod"):
                # "pledged allegiance to al-Qaeda": the recipient hangs off the object ("took
                # control of the city": the place taken, participants.holding_nouns).
                holding = child.lemma_.lower() in parts["holding_nouns"]
                for prep in child.children:
                    if prep.dep_ == "prep" and (prep.lower_ in parts["recipient_preps"] or (holding and prep.lower_ == "of")):
                        recipients.extend(p for pobj in prep.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj))
            elif child.dep_ == "dobj" and trigger.lemma_.lower() in parts["forces_sent"] \
                    and any(c.dep_ == "prep" and c.lower_ == "against" for c in (*children, *child.children)):
                # "led his troops against the rebels": the force sent is on the subject's side
                # (its weapons, "used drones against X", are no party and drop out); the
                # "against" may hang on it
                own_against = [c for c in child.children if c.dep_ == "prep" and c.lower_ == "against"]
                if not own_against:  # ("led a coalition against the Houthis": the subject's fight; the noun is told by its foe)
                    actors.extend(_with_conjuncts(child))
                recipients.extend(p for c in own_against for o in c.children if o.dep_ == "pobj" for p in _with_conjuncts(o))
            elif child.dep_ == "dobj" and any(c.dep_ == "prep" and c.lower_ == "against" and any(
                    o.dep_ == "pobj" and _names_a_party(o) for o in c.children) for c in child.children) and _is_assault(trigger):
                # "fought alongside the ENDF and the Amhara special forces against the TPLF", the
                # parser taking the second ally for the object: no foe has an "against" of its own
                actors.extend(_with_conjuncts(child))
                recipients.extend(p for c in child.children if c.dep_ == "prep" and c.lower_ == "against"
                                  for o in c.children if o.dep_ == "pobj" for p in _with_conjuncts(o))
            elif child.dep_ == "dobj" and trigger.lemma_.lower() in parts["suppressing_verbs"] and not _names_a_party(child):
                # "quelled the mutiny by the paratroopers", "crushed the rebels' uprising": those
                # whose revolt was put down
                recipients.extend(_makers_of(child, trigger))
                recipients.append(child)
            elif child.dep_ in ("dobj", "dative", "attr") and not topic_only and child.pos_ != "ADP":
                recipients.extend(_with_conjuncts(child))  # (a dative "to" is read with the prepositions below)
            elif (child.dep_ == "prt" or (child.dep_ == "prep" and child.tag_ == "RP")) and not topic_only \
                    and child.lower_ not in parts["recipient_preps"] + parts["between"] \
                    and not any(c.dep_ == "dobj" for c in children):
                # "sealed off the compound": the object the parser gave the particle is the verb's
                recipients.extend(p for o in child.children if o.dep_ == "pobj" for p in _with_conjuncts(o))
            elif child.dep_ == "ccomp" and child.pos_ == "ADJ" and (trigger.lemma_.lower(), child.lower_) in phrases:
                # "holds the band responsible": the party is the subject the parser gave the adjective
                recipients.extend(t for c in child.children if c.dep_ == "nsubj" for t in _with_conjuncts(c))
            elif child.tag_ == "RP" and child.dep_ in ("prep", "prt") and agent_phrase_subject(trigger) is not None:
                # "Troops backed by helicopters sealed off the town": the object the parser hung on the particle
                recipients.extend(p for o in child.children if o.dep_ == "pobj" for p in _with_conjuncts(o))
            if child.dep_ == "dobj" and trigger.lemma_.lower() in parts["taken_from_verbs"]:
                recipients.extend(_taken_from(child))
            if child.dep_ == "dobj" and (trigger.lemma_.lower(), child.lower_) not in phrases:
                # "coordinate their operations with the HUR", "raised the matter with his
                # counterpart", "shares intelligence with Iran": the object's "with" is the
                # other side (not of an attack: "hit the base with rockets")
                withs = [p for c in child.children if c.dep_ == "prep" and c.lower_ == "with" and not _jointly(c)
                         for p in c.children if p.dep_ == "pobj"]
                if withs and not _is_assault(trigger):
                    recipients.extend(t for p in withs for t in _with_conjuncts(p))
            if child.dep_ == "prep" and child.lower_ == "with" and trigger.lemma_.lower() in parts["parting_verbs"] \
                    and any(c.dep_ in ("prt", "advmod") and c.lower_ in ("away", "off", "out") for c in children):
                # "broke away with his followers": those who left with him, not those left ("split
                # with X" is a split from X)
                actors.extend(p for o in child.children if o.dep_ == "pobj" for p in _with_conjuncts(o))
                continue
            if child.dep_ == "prep" and child.lower_ == "on" and any(n.dep_ == "pobj" and n.lemma_.lower() == "side" for n in child.children):
                continue  # "fighting on Ukraine's side": an ally (sides_taken), no target
            if child.dep_ == "prep" and child.lower_ == "on" and charges is not None and trigger.lemma_.lower() in parts["blast_verbs"] \
                    and not _blast_site(child, parts):
                continue  # "a bomb exploded on the outskirts of the capital": where it went off ("on a bus" strikes it)
            if child.dep_ == "prep" and child.lower_ == "on" and _is_assault(trigger) and child.i > trigger.i \
                    and (trigger.lemma_.lower(), "on") not in phrases \
                    and any(c.dep_ == "dobj" and c.i < child.i and c.lower_ not in _kit_heads() and c.lemma_.lower() not in parts["fire_nouns"]
                            and (trigger.lemma_.lower(), c.lower_) not in phrases for c in children):
                continue  # "struck insurgent camps on the border": where they were (not "fired rockets on the town")
            if child.dep_ == "prep" and any(c.dep_ == "neg" for c in child.children):
                continue  # "fighting against the regime, not against the Russian people"
            if child.dep_ == "prep" and child.lower_ == "from" and any(o.dep_ == "pobj" for o in child.children) \
                    and all(o.ent_type_ in ("GPE", "LOC", "FAC") for o in child.children if o.dep_ == "pobj") \
                    and any(c.dep_ == "dobj" and c.lower_ in origin_people() for c in children):
                continue  # "kidnapped two students from Kenya": where they come from, no party
            if child.dep_ == "prep" and child.lower_ in _on_orders()["preps"] \
                    and any(n.dep_ == "pobj" and n.lower_ in _on_orders()["nouns"] for n in child.children):
                continue  # "joined them on the orders of Colonel X": who gave the order (relations.on-orders-of), no party
            if child.dep_ == "prep" and child.lower_ in _needed_preps(trigger.lemma_.lower()):
                continue  # "charged them with membership of Akramiya": what the act needs said, no party to it
            if child.lower_ == "with" and child.i > 0 and child.doc[child.i - 1].lemma_.lower() in parts["border_nouns"]:
                continue  # "fighting the group along the border with Somalia": the country across it, the parser's "with" the verb's
            if child.dep_ in ("prep", "dative") and child.lower_ in ("to", "into", "toward", "towards") \
                    and trigger.lemma_.lower() in parts["forces_sent"] \
                    and not any(c.dep_ == "dobj" and ((trigger.lemma_.lower(), c.lower_) in phrases or c.lemma_.lower() in parts["supplies_heads"])
                                for c in children):
                continue  # "sent troops to Mali against the groups": where the force went, not whom it fought ("sent a message to X"
                # is to X, and "sent weapons to the rebels" to them: participants.supplies_heads)
            # ("dative": "paid tribute to the Iraqi Security Forces", the "to" hung on the verb)
            if child.dep_ == "prep" and child.lower_ in parts["topic_preps"] and child.i > trigger.i and _is_talk(trigger):
                continue  # "brief host governments on the IRA statement": what was said, not to whom
            # ("prt" with an object: "called on armed groups in Ituri to …", the "on" read as a particle)
            if (child.dep_ in ("prep", "conj", "dative") or (child.dep_ == "prt" and any(c.dep_ == "pobj" for c in child.children))) \
                    and child.lower_ in parts["recipient_preps"] + parts["between"] and not (
                    trigger.lemma_ in parts["beneficiary_words"] and child.lower_ in ("from", "against")) \
                    and not (child.lower_ == "with" and ((_one_sided_attack(trigger, lex) and not _with_its_own(child))
                                                         or (_with_as(child) and not _is_talk(trigger)))):
                # "defend X from Y": Y is no beneficiary; "freed the city with Iraqi forces",
                # "attacked the base with rockets": with an object named, "with" is no second
                # party, but for a fight between two ("fought a war with Amal") and for those
                # the object had with it ("torched the village together with its inhabitants")
                # "killed hundreds of mercenaries, among them foreign fighters": "among them"
                # names some of the object, not parties among whom the act took place.
                objects = [p for p in child.children if p.dep_ == "pobj" and not _hyphen_piece(p)]
                if child.lower_ in parts["between"] and any(p.pos_ == "PRON" for p in objects):
                    # "killed ten leaders, among them X and Y", "200 were wounded, among them
                    # women": some of those the act befell, no parties among whom it was done
                    if (passive or any(c.dep_ == "dobj" for c in children)) and _is_assault(trigger):
                        recipients.extend(t for p in objects if p.pos_ != "PRON" for t in _with_conjuncts(p))
                    continue
                # "a bomb exploded among shoppers", "opened fire among the worshippers": with a
                # one-sided assault those among whom it was done are whom it befell ("clashes
                # among rival factions" are between them)
                among_victims = child.lower_ == "among" and _is_assault(trigger) and not names_a_mutual_fight(trigger)
                for pobj in objects:
                    (actors if child.lower_ in parts["between"] and not among_victims else recipients).extend(_with_conjuncts(pobj))
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and not _hyphen_piece(pobj):
                        actors.extend(_with_conjuncts(pobj))
            if passive and child.dep_ == "prep" and child.lower_ in ("in", "on") and not any(c.dep_ == "agent" for c in children):
                # "was shot in the back by a gunman": the parser hangs the doer on the part of
                # the body (participants.body_parts)
                actors.extend(o for part in child.children if part.dep_ == "pobj" and part.lemma_.lower() in parts["body_parts"]
                              for by in part.children if by.dep_ == "prep" and by.lower_ == "by"
                              for pobj in by.children if pobj.dep_ == "pobj" and not _hyphen_piece(pobj) for o in _with_conjuncts(pobj))
            if passive and child.dep_ in ("agent", "prep") and child.lower_ in ("by", "in"):
                # "was killed by a US drone strike", "killed in an Israeli airstrike": the
                # force the strike is named for did it.
                actors.extend(o for pobj in child.children if pobj.dep_ == "pobj" and pobj.lemma_.lower() in parts["strike_nouns"]
                              for o in pobj.children if o.dep_ in ("compound", "amod", "poss", "nmod")
                              and (o.pos_ == "PROPN" or o.ent_type_ in ("NORP", "GPE", "ORG")))
            if child.dep_ == "prep" and child.lower_ in parts["ally_preps"]:
                # "fought alongside rebels against the army": the enemy hangs on the ally
                recipients.extend(p for pobj in child.children if pobj.dep_ == "pobj" for prep in pobj.children
                                  if prep.dep_ == "prep" and prep.lower_ == "against" for q in prep.children if q.dep_ == "pobj"
                                  for p in _with_conjuncts(q))
        if not subj and trigger.tag_ == "VBN" and any(c.dep_ == "agent" for c in trigger.children):
            # "a movement armed and funded by the UAE": the noun the participle describes
            # undergoes it (the first of coordinated participles hangs on the noun)
            described = trigger.head if trigger.dep_ == "acl" else trigger.head.head if (
                trigger.dep_ == "conj" and trigger.head.dep_ == "acl") else None
            listed = [c for c in described.conjuncts if c.i < trigger.i and _names_a_party(c)] if described is not None else []
            if described is not None and not _names_a_party(described) and listed:
                # "Detective and three civilians killed by two gunmen": a list whose first word
                # names no party (a title alone) still has its parties
                subj, passive, described = listed, True, None
            elif described is not None and not _names_a_party(described):
                # "offensives by government forces, backed by US air power": the doer of the act described
                doer_of_act = next((o for c in described.children if c.dep_ == "prep" and c.lower_ == "by"
                                    for o in c.children if o.dep_ == "pobj"), None)
                if doer_of_act is None and _is_assault(trigger) and described.pos_ in ("NOUN", "PROPN") \
                        and described.lemma_.lower() in _place_nouns():
                    recipients.append(described)  # "The hospital, shelled by government forces, …": the place struck
                described = doer_of_act
            if described is not None and _names_a_party(described):
                subj, passive = [described], True
                if all(c.i < trigger.i for c in described.conjuncts):
                    # "UNITA and the FNLA, supported by South Africa": set after the whole list, of each
                    # (an attack's from its first word on, when the parser hung it on the last:
                    # "Marine and 15 civilians killed by roadside bomb"; not "the army and the
                    # militias armed by Iran")
                    first = described
                    while first.dep_ == "conj" and _is_assault(trigger):
                        first = first.head
                    subj = _with_conjuncts(first)
        if passive and not any(c.dep_ == "agent" for c in trigger.children):
            # "was stabbed and beheaded near his school by a refugee": the agent hangs on the
            # last of passives that share one subject and one "was" (not "had been arrested and
            # would be tried by a military court")
            actors.extend(p for j in trigger.conjuncts if j.i > trigger.i and j.tag_ in ("VBN", "VBD")
                          and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in j.children)
                          for a in j.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                          and not _hyphen_piece(o) for p in _with_conjuncts(o))
        if passive and trigger.lemma_.lower() in parts["forces_sent"] and any(c.dep_ == "prep" and c.lower_ == "against" for c in children):
            passive = False  # "the army was sent against the rebels": the force sent fights them
        if passive:
            recipients = subj + recipients
        else:
            actors = subj + actors
        _partners_against(trigger, [trigger], actors, recipients)
        return actors, recipients
    backing = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "in" and _is_assault(trigger) else None
    if backing is not None and backing.pos_ in ("VERB", "AUX") and backing.lemma_.lower() not in parts["beneficiary_words"]:
        # ("reiterated UK support for Iraq in the fight": the parse hangs "in" on the verb)
        backing = next((c for c in backing.children if c.dep_ == "dobj" and c.lemma_.lower() in parts["beneficiary_words"]), None)
    if backing is not None and backing.lemma_.lower() in parts["beneficiary_words"]:
        # "UK support for Iraq in the fight against ISIL", "supported the army in its fight
        # against X": the fight is the one backed, not the backer's nor the speaker's
        backed = [o for c in backing.children if c.dep_ == "prep" and c.lower_ in ("for", "to") for o in c.children if o.dep_ == "pobj"] \
            if backing.pos_ in ("NOUN", "PROPN") else [c for c in backing.children if c.dep_ == "dobj"]
        actors.extend(p for o in backed for p in _with_conjuncts(o) if _names_a_party(p))
    backed_named = bool(actors)  # ("for Egypt in its war": "its" is Egypt, no second side)
    had = trigger.head if trigger.dep_ == "conj" and trigger.head.dep_ == "dobj" else trigger  # ("arms and training from X")
    if had.dep_ == "dobj" and had.head.lemma_ in parts["having_verbs"] and trigger.lemma_ in parts["beneficiary_words"]:
        # "the militia received support from Eritrea": the parse hangs the giver's "from" on the verb
        givers = [p for c in had.head.children if c.dep_ == "prep" and c.lower_ == "from" for o in c.children if o.dep_ == "pobj"
                  for p in _with_conjuncts(o)]
        if any(_names_a_party(g) for g in givers):
            actors.extend(givers)
            recipients.extend(_helped(had))
    # "the agreement reached between A and B", "talks held in Doha between A and B"
    reached = [p for c in trigger.children if c.dep_ == "acl" and c.tag_ == "VBN" for p in c.children
               if p.dep_ == "prep" and p.lower_ in parts["between"]]
    # "welcomed the agreement on 2 December between A and B": the parse hangs "between" on the date
    reached += [p for d in (*trigger.children, *(trigger.head.children if trigger.dep_ == "dobj" else ())) if d.dep_ == "prep" and d.i > trigger.i
                for o in d.children if o.dep_ == "pobj" and o.ent_type_ == "DATE"
                for p in o.children if p.dep_ == "prep" and p.lower_ in parts["between"]]
    # "Fighting broke out in Tripoli on 27 August between A and B", "Gunfights erupted across
    # Culiacan on 5 January between A and B": the act the subject of a verb with no object,
    # whose "between" the parse hangs on that verb or on its date or place
    told = trigger.head if trigger.dep_ == "nsubj" and trigger.head.pos_ == "VERB" \
        and not any(c.dep_ in ("dobj", "attr", "ccomp", "xcomp") for c in trigger.head.children) else None
    if told is not None:
        reached += [p for p in told.children if p.dep_ == "prep" and p.lower_ in parts["between"] and p.i > trigger.i]
        reached += [p for d in told.children if d.dep_ == "prep" and d.i > trigger.i
                    for o in d.children if o.dep_ == "pobj"
                    for p in o.children if p.dep_ == "prep" and p.lower_ in parts["between"]]
    pitting = trigger.head if trigger.dep_ in ("nsubj", "csubj") and trigger.head.lemma_.lower() in parts["pitting_verbs"] else None
    if pitting is not None:
        # "Fighting around Marib pitted Houthi fighters against government troops": the verb's
        # object and the "against" on it or on the verb are the fight's sides
        sides = [c for c in pitting.children if c.dep_ == "dobj"]
        actors.extend(p for c in sides for p in _with_conjuncts(c))
        # (those listed after "against" are one side: "against the FARDC and Wazalendo groups")
        recipients.extend(p for h in (pitting, *sides) for c in h.children if c.dep_ == "prep" and c.lower_ == "against"
                          for o in c.children if o.dep_ == "pobj" for p in _with_conjuncts(o))
    # "an opposition march led by X against the government": what a protest's own description is against
    reached += [p for c in trigger.children if c.dep_ == "acl" and c.tag_ == "VBN" and describes_protest(c, triggers())
                for p in c.children if p.dep_ == "prep" and p.lower_ == "against"]
    for child in [*trigger.children, *reached]:
        if child.dep_ == "poss" and trigger.lower_ in parts["undergone_by_possessor"] \
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in trigger.children):
            recipients.extend(_with_conjuncts(child))  # "the militia chief's killing", "his arrest": whom it befell
        elif child.dep_ == "poss" and not (backed_named and child.pos_ == "PRON"):
            actors.extend(_with_conjuncts(child))
        if child.dep_ in ("compound", "amod") and (child.pos_ == "PROPN" or child.ent_type_ == "NORP") \
                and not _names_a_place_of_the_act(child, trigger):
            actors.append(child)  # "a US strike", "an Israeli airstrike" (the state, actors/demonyms.py)
        if child.dep_ == "prep" and child.lower_ in parts["between"]:
            actors.extend(_between(child))
        if child.dep_ == "prep" and child.lower_ == "against" and trigger.lemma_ in parts["beneficiary_words"]:
            continue  # "support against ISIL"
        if child.dep_ == "prep" and child.lower_ == "from" and _is_assault(trigger):
            # "air strikes from the coalition", "mortar fire from al-Shabaab": who fired.
            # A place ("rocket fire from Lebanon") says where from, not who.
            actors.extend(p for pobj in child.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj)
                          if p.ent_type_ not in ("GPE", "LOC", "FAC") and _names_a_party(p))
            continue
        if child.dep_ == "prep" and child.lower_ in ("of", "from") and trigger.lemma_ in parts["beneficiary_words"] \
                and not (trigger.dep_ == "pobj" and trigger.head.lower_ == "in"):
            # "with the support of AMISOM", "the help of local militias", "with support from
            # the Red Cross", "receives support from the authorities": who gives it ("in support
            # of the Somali forces" names who receives it)
            givers = [p for pobj in child.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj)]
            actors.extend(givers)
            if any(_names_a_party(g) for g in givers):  # "with the support of the region": no one named gives it
                recipients.extend(_helped(trigger))
            continue
        if child.dep_ == "prep" and child.lower_ in parts["topic_preps"] and child.i > trigger.i and _is_talk(trigger) \
                and (trigger.lemma_.lower(), child.lower_) not in triggers().phrases:
            continue  # "talks on Syria": the topic ("its call on the international community" is a phrase's)
        if child.dep_ == "prep" and child.lower_ in parts["recipient_preps"] + ["of", "by", "for"]:  # "support for X"
            for prep in (child, *_repeated_prep(child)):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        # ("a march of students": the students march, events.toml participants.of_doer_nouns)
                        target = actors if child.lower_ == "by" or (child.lower_ == "of" and trigger.lemma_.lower() in parts["of_doer_nouns"]) \
                            else recipients
                        target.extend(_with_conjuncts(pobj))
                        if child.lower_ == "by" and (_is_assault(trigger) or trigger.lower_ in parts["undergone_by_possessor"]):
                            # "attacks by the militias on US troops", "the killing by police of a
                            # teenager": the parser hangs the act's target on its doer (its "of" only
                            # for an act undergone: "an offensive by the LNA of Khalifa Haftar" is his)
                            aims = ("on", "against", "upon", "of") if trigger.lower_ in parts["undergone_by_possessor"] else ("on", "against", "upon")
                            recipients.extend(p for c in pobj.children if c.dep_ == "prep" and c.lower_ in aims
                                              and c.i > pobj.i for o in c.children if o.dep_ == "pobj" for p in _with_conjuncts(o))
    # "the patrol came under fire from X", "our troops have been under attack by X": the
    # subject is attacked, the "from" or "by" of the verb names who attacked
    if trigger.dep_ == "pobj" and trigger.head.lower_ in parts["undergone_preps"] and _is_assault(trigger):
        undergoing = trigger.head.head
        if undergoing.pos_ not in ("VERB", "AUX") or undergoing.lemma_.lower() not in parts["undergoing_verbs"]:
            return actors, recipients  # "praised them for their calm under fire": no one else in the sentence fired
        subj, _ = _subject_tokens(undergoing)
        recipients = subj + recipients
        for prep in (c for c in undergoing.children if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by")):
            actors.extend(p for pobj in prep.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj)
                          if p.ent_type_ not in ("GPE", "LOC", "FAC"))  # ("fire from Lebanon": where from)
        return actors, recipients
    # "students took part in a rally", "farmers set off on a march": who takes part does it
    joined = taking_part(trigger, parts["participation"])
    if joined is not None:  # (none of these has a passive: a subject the parse calls one is the doer)
        actors = _subject_tokens(joined)[0] + actors
    # "IS launched an attack on ...": the light verb's subject acts.
    head = trigger.head
    light = parts["light_verbs"] + (parts["party_verbs"] if symmetric else [])
    phrase = trigger
    if trigger.dep_ == "pobj" and ((head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.lemma_.lower() != "state")
                                   or (head.lower_ == "in" and head.head.ent_type_ == "MONEY")):
        # "held a first round of talks with X": a measure noun stands between the verb
        # and the trigger, and may carry the other party ("declared a state of rebellion":
        # a condition declared, no act the declarer does); so may a sum, "announced $60
        # million in new assistance for the opposition".
        phrase = head.head
        for prep in phrase.children:
            if prep.dep_ == "prep" and prep.lower_ in parts["recipient_preps"]:
                recipients.extend(p for pobj in prep.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj))
    while phrase.dep_ == "conj" and phrase.head.pos_ in ("NOUN", "PROPN") and phrase.head.dep_ in ("dobj", "nsubjpass", "attr"):
        phrase = phrase.head  # "declared martial law and a general mobilisation": the list's verb carries each of its nouns
    verb = phrase.head
    if phrase.dep_ == "pobj" and verb.lower_ == "with" and verb.head.lemma_ in light \
            and verb.head.lemma_ in lexicon("relations")["equipment"]["giving_verbs"]:
        # "provide the government with military support": the verb's object receives it
        verb = verb.head
        recipients.extend(t for c in verb.children if c.dep_ in ("dobj", "dative") for t in _with_conjuncts(c))
        phrase = trigger.head
    # (an object the parse made a bare adverbial noun: "joined a march through the capital")
    # ("have" only with whom: "had a telephone conversation with X", "has had clashes with the
    # rebels"; not "it will have war", nor what one has none of, "we have no quarrel with them")
    ended = parts["ended_by_others"]
    if phrase.dep_ in ("dobj", "nsubjpass", "attr", "prep", "npadvmod") and verb.lemma_ in light \
            and not (verb.lemma_ in ended["verbs"] and trigger.lemma_.lower() in ended["nouns"]) \
            and not (verb.lemma_ == "have" and (any(c.dep_ == "det" and c.lower_ == "no" for c in phrase.children)
                                                or not any(c.dep_ == "prep" and c.lower_ == "with" for c in (*phrase.children, *verb.children)))):
        if phrase.dep_ == "nsubjpass":  # "the attack was claimed by JNIM", "was carried out by X": the agent
            subj = [t for c in verb.children if c.dep_ == "agent" and not any(n.dep_ == "neg" for n in c.children)
                    for o in c.children if o.dep_ == "pobj" for t in _with_conjuncts(o)]  # (not "not by government forces")
        else:
            subj, _ = _subject_tokens(verb)
        actors = subj + actors
        _partners_against(trigger, [trigger, verb], actors, recipients)
        if not recipients:  # "applying pressure to the regime", "provided support to Hamas"
            preps = [c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "on", "for", "against")]
            withs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
            if withs and not _is_assault(trigger):
                # "held telephone conversations this evening with X and with Y": the other
                # side hangs on the verb (an attack's "with" is its means: "launched an attack with drones")
                preps += [w for c in withs for w in (c, *c.conjuncts) if w.pos_ == "ADP"]
            for prep in preps:
                recipients.extend(p for pobj in prep.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj))
            # "gave the guerrillas training and arms": the indirect object receives it
            recipients.extend(p for c in verb.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON")
                              for p in _with_conjuncts(c))
    # "the attacks that the Houthis have launched on Saudi Arabia": a light verb in a clause
    # on the trigger, with a subject of its own, names who acted and on whom
    for clause in (c for c in trigger.children if c.dep_ == "relcl" and c.lemma_ in light):
        own = [c for c in clause.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")]
        aimed = [p for c in clause.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "at")
                 for pobj in c.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj)]
        if own and aimed and not any(c.dep_ == "auxpass" for c in clause.children):  # ("the talks that X had opened": no side named)
            actors.extend(t for c in own for t in _with_conjuncts(c))
            recipients.extend(aimed)
    # "the group killed ten peacekeepers in an attack on a MINUSMA camp": the attack in
    # which an act was done is the act's doer's (not in a passive: "were killed in an attack",
    # nor what befell the subject: "died in the gunfight", "fled during the fighting", but
    # "died in combat with our forces" names the other side)
    # (nor who said it: "…, officials said on Thursday, in the deadliest attack on French forces")
    if trigger.dep_ == "pobj" and head.lower_ in ("in", "during") and head.head.pos_ == "VERB" and not actors and _is_assault(trigger) \
            and head.head.lemma_.lower() not in _speech_cues() \
            and (head.head.lemma_.lower() not in parts["befallen_verbs"]
                 or any(c.dep_ == "prep" and c.lower_ in ("with", "against") and c.i > trigger.i
                        for c in (*trigger.children, *head.head.children))):  # (the parser may hang the "with" on the verb)
        subj, passive = _subject_tokens(head.head)
        if not passive:
            actors.extend(subj)
            if head.head.lemma_ in parts["beneficiary_words"]:
                # "supports the Federal Government in the fight against al-Shabaab": the one supported fights too
                actors.extend(t for c in head.head.children if c.dep_ == "dobj" for t in _with_conjuncts(c))
    # "took control of al-Hazm after weeks of fighting with government troops", "seized Rubaya
    # after clashes with Wazalendo militiamen": a fight with the other side named, told as when
    # a clause's act was done, is its subject's (not a fight with no side named: "retook the
    # town after the attack" may tell the enemy's)
    when = head.head if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ == "pobj" else trigger  # "weeks of fighting"
    if when.dep_ == "pobj" and when.head.lower_ in ("after", "following", "amid") and when.head.head.pos_ == "VERB" and not actors \
            and _is_assault(trigger) and any(c.dep_ == "prep" and c.lower_ in ("with", "against")
                                             and any(o.dep_ == "pobj" and (_names_a_party(o) or o.lower_ in _party_heads())
                                                     for o in c.children) for c in trigger.children):
        subj, passive = _subject_tokens(when.head.head)
        if not passive:
            actors.extend(t for t in subj if _names_a_party(t))
    # "Wagner deployed to Libya in support of Haftar's forces", "carried out an airstrike in
    # support of the Somali forces": who acts so gives the support
    if trigger.dep_ == "pobj" and head.lower_ == "in" and trigger.lemma_ in parts["beneficiary_words"] and not actors \
            and head.head.pos_ == "VERB":
        subj, passive = _subject_tokens(head.head)
        if not passive:
            actors.extend(subj)
    # "whom the United States placed under sanctions": the verb's subject acts on its object
    if trigger.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_ in ("place", "put", "bring") and not actors:
        placing = head.head
        subj, passive = _subject_tokens(placing)
        objects = [t for c in placing.children if c.dep_ == "dobj" for t in _with_conjuncts(c)]
        if passive:  # "X was placed under sanctions by Y"
            recipients.extend(subj)
            actors.extend(o for c in placing.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj")
        else:
            actors.extend(subj)
            recipients.extend(objects)
    # "RSF fighters were blamed for the killing of protesters", "accused the militia of the
    # massacre": the one blamed did the act
    blamed = blamed_act(trigger)
    if blamed and trigger.dep_ == "pobj" and not actors:
        blaming = head.head
        subj, passive = _subject_tokens(blaming)
        actors.extend(subj if passive else [t for c in blaming.children if c.dep_ == "dobj" for t in _with_conjuncts(c)])
    # "the army blamed the attack on al-Shabaab": who it is blamed on did it
    if blamed and trigger.dep_ == "dobj":
        blamed = [p for h in (head, trigger) for c in h.children if c.dep_ == "prep" and c.lower_ == "on"
                  for o in c.children if o.dep_ == "pobj" for p in _with_conjuncts(o)]
        actors.extend(b for b in blamed if b not in actors)
        recipients[:] = [r for r in recipients if r not in blamed]
    # "went to war with the army": the war is the subject's, and so is its enemy
    if trigger.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ == "go" and _is_assault(trigger):
        going = head.head
        subj, passive = _subject_tokens(going)
        if not passive:
            actors.extend(subj)
        recipients.extend(p for c in (*going.children, *trigger.children) if c.dep_ == "prep" and c.lower_ in ("with", "against")
                          for pobj in c.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj))
    # "a drone strike attributed to the Ethiopian military", "an attack carried out by X",
    # "the attack, which was carried out by X"
    # ("air strikes blamed by the opposition on government aircraft": who blames is no doer;
    # the party it is put down to is, participants.doer_blaming_participles)
    blaming = _blaming_pairs()
    for acl in (c for c in trigger.children if c.dep_ in ("acl", "relcl") and c.lemma_ in parts["doer_participles"]
                and (c.dep_ == "acl" or any(a.dep_ == "auxpass" for a in c.children) or _put_down_by_others(c, blaming))):
        # (the parser may hang the "on" on the blamer: "blamed by the opposition on …")
        put_down_to = [c for h in (acl, *(o for a in acl.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"))
                       for c in h.children if c.dep_ == "prep" and (acl.lemma_.lower(), c.lower_) in blaming]
        for prep in put_down_to or [c for c in acl.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "to")]:
            actors.extend(p for pobj in prep.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj))
    # "Police attributed the bombing to Jamaat-ul-Ahrar", "blamed the attack on the rebels":
    # the party an act is put down to (participants.doer_blaming_participles)
    if trigger.dep_ == "dobj" and not actors:
        # (the parser may hang the "to" on the act: "ascribed the ambush of peacekeepers near Beni to ADF rebels")
        actors.extend(p for c in (*head.children, *trigger.children) if c.dep_ == "prep" and (head.lemma_.lower(), c.lower_) in blaming
                      for pobj in c.children if pobj.dep_ == "pobj" and _names_a_party(pobj) for p in _with_conjuncts(pobj))
    # "the attack on the compound was the work of AQAP", "the shelling was the work of army
    # units": whose work an act is did it
    if trigger.dep_ == "nsubj" and head.lemma_ == "be" and not actors:
        actors.extend(p for a in head.children if a.dep_ == "attr" and a.lemma_.lower() == "work"
                      for c in a.children if c.dep_ == "prep" and c.lower_ == "of"
                      for pobj in c.children if pobj.dep_ == "pobj" and _names_a_party(pobj) for p in _with_conjuncts(pobj))
    # "a drone strike hit a minibus", "the blast killed four worshippers": what the
    # attack named as the subject hits is its target; "a blast ripped through a mosque"
    # (participants.impact_through_verbs)
    if trigger.dep_ == "nsubj" and head.lemma_ in parts["impact_verbs"] and not recipients \
            and not (symmetric and len(actors) >= 2):  # "clashes between A and B killed four civilians": A and B are the sides
        recipients.extend(p for c in head.children if c.dep_ == "dobj" for p in _with_conjuncts(c))
    if trigger.dep_ == "nsubj" and head.lemma_ in parts["impact_through_verbs"] and not recipients:
        recipients.extend(p for c in head.children if c.dep_ == "prep" and c.lower_ == "through"
                          for pobj in c.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj))
    # "Fighting erupted between A and B", "clashes broke out between A and B": the
    # fight's parties hang on the verb it is the subject of. "Fighting pitted A against B".
    if trigger.dep_ == "nsubj" and head.lemma_ in parts["onset_verbs"]:
        # the parse may hang "between" on the place: "erupted in Culiacán between A and B"
        places = [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "near", "around") for p in c.children if p.dep_ == "pobj"]
        for child in [*head.children, *(c for p in places for c in p.children if c.lower_ in parts["between"])]:
            if child.dep_ == "prep" and child.lower_ in parts["between"]:
                actors.extend(_between(child))
            elif child.dep_ == "dobj" and head.lemma_ == "pit":
                actors.extend(_with_conjuncts(child))
                # "against B" hangs on the verb or, in the parse, on A
                for prep in (c for c in [*head.children, *child.children] if c.dep_ == "prep" and c.lower_ == "against"):
                    recipients.extend(p for pobj in prep.children if pobj.dep_ == "pobj" for p in _with_conjuncts(pobj))
    # "it was in direct contact with X", "the two are at war with Y", "remained in close contact with X".
    if trigger.dep_ == "pobj" and head.lower_ in ("in", "at") and head.head.lemma_ in ("be", "remain", "stay", "keep"):
        subj, _ = _subject_tokens(head.head)
        actors = subj + actors
    return actors, recipients
