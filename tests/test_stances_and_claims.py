"""Claims and relations on short passages written for these tests."""

from datetime import date

from factions.model import Document


def _run(extractor, text, published=None):
    x = extractor.extract(Document(source="t", text=text, published=published))
    names = {a.id: a.name for a in x.actors}
    return x, names


def _relations(x, names):
    return {(r.type, names[r.source], names[r.target]) for r in x.relations}


def _claims(x, names):
    text = x.document.text
    return [(names[c.speaker], c.cue, text[c.content_span.start : c.content_span.end]) for c in x.claims]


def test_a_negated_cue_is_no_claim(extractor):
    x, names = _run(extractor, "The army said it had killed two commanders. Al-Shabaab did not confirm the deaths.")
    assert [c[1] for c in _claims(x, names)] == ["said"]


def test_each_coordinated_speaker_makes_the_claim(extractor):
    x, names = _run(extractor, "Hamas and Fatah accused each other of sabotaging the truce.")
    speakers = sorted(c[0] for c in _claims(x, names))
    assert speakers == ["Fatah", "Hamas"]


def test_stance_verbs_take_their_object_as_content(extractor):
    x, names = _run(extractor, "Ahrar al-Sham condemned the raids. Ankara rejected a claim it had armed the group.")
    claims = _claims(x, names)
    assert ("Ahrar al-Sham", "condemned", "the raids") in claims
    assert any(c[1] == "rejected" for c in claims)


def test_a_weekday_equal_to_the_publication_day_is_that_day(extractor):
    # 2021-04-10 was a Saturday.
    x, _ = _run(extractor, "The army said on Saturday that its troops had retaken the town.", date(2021, 4, 10))
    assert x.claims[0].said_on.start == "2021-04-10"
    x, _ = _run(extractor, "The army said on Friday that its troops had retaken the town.", date(2021, 4, 10))
    assert x.claims[0].said_on.start == "2021-04-09"


def test_a_headline_claim_stops_at_its_paragraph(extractor):
    text = "ISWAP denies attack on aid convoy\n\nMAIDUGURI, Nigeria, May 2, 2021 — The group said on Sunday it had not attacked the convoy."
    x, _ = _run(extractor, text)
    headline = x.claims[0]
    assert text[headline.content_span.start : headline.content_span.end] == "attack on aid convoy"


def test_the_channel_leaves_the_content(extractor):
    x, _ = _run(extractor, "The group claimed responsibility for the bombing on its radio station.")
    claim = x.claims[0]
    assert x.document.text[claim.content_span.start : claim.content_span.end] == "responsibility for the bombing"
    assert claim.channel == "television or radio"


def test_a_statement_carried_by_an_outlet_is_the_channel_not_a_claim(extractor):
    x, names = _run(extractor, "Hezbollah praised the Houthis and said it stood by them, according to a statement carried by Al-Manar.")
    claims = _claims(x, names)
    assert [c[1] for c in claims] == ["praised", "said"]
    for c in x.claims:
        assert c.channel == "press statement"
        assert [names[v] for v in c.via] == ["Al-Manar"]


def test_stance_relations(extractor):
    x, names = _run(extractor, 'The Jordanian foreign minister said: "We are appalled by the latest bombing by the Islamic State."')
    assert _relations(x, names) == {("opposes", "Jordanian foreign minister", "Islamic State")}
    x, names = _run(extractor, "The foreign ministry welcomed the Syrian Democratic Forces' capture of the town.")
    assert ("supports", "foreign ministry", "Syrian Democratic Forces") in _relations(x, names)
    assert not any(r.type == "controls" and names[r.source] == "foreign ministry" for r in x.relations)


def test_epithets_make_the_speaker_an_opponent(extractor):
    x, names = _run(extractor, "The minister said the brutal Assad regime must answer for the attack.")
    opposes = [r for r in x.relations if r.type == "opposes"]
    assert [(names[r.source], names[r.target]) for r in opposes] == [("minister", "Assad regime")]
    assert opposes[0].claim == x.claims[0].id


def test_control_of_a_place(extractor):
    x, names = _run(extractor, "Raqqa was captured by the Islamic State in 2014. The Syrian army claims full control of Aleppo.")
    assert {r for r in _relations(x, names) if r[0] == "controls"} == {
        ("controls", "Islamic State", "Raqqa"), ("controls", "Syrian Arab Army", "Aleppo")}


def test_parties_named_together_against_a_common_enemy_are_allies(extractor):
    x, names = _run(extractor, "The Peshmerga, the Iraqi army and the Global Coalition are determined to defeat the Islamic State.")
    allied = {frozenset((s, t)) for typ, s, t in _relations(x, names) if typ == "allied_with"}
    assert len(allied) == 3


def test_no_clash_with_the_place_it_happened_in(extractor):
    x, names = _run(extractor, "PKK fighters and Turkish troops clashed in northern Iraq on Monday.")
    fights = {frozenset((s, t)) for typ, s, t in _relations(x, names) if typ == "fights"}
    assert fights and all("Iraq" not in pair for pair in fights)
