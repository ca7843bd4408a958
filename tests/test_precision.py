"""The error classes seen on real reporting (issue 11), each on sentences written for
these tests: what the rule must do, and the near miss it must leave alone."""

from datetime import date

import pytest

from conftest import relation_names as _relations
from conftest import run_text as _run
from factions.dates import is_clock_time


def _events(x):
    return [(e.type, e.trigger, e.modality) for e in x.events]


# --- claims: silences, topics of passives, no one -------------------------------------

@pytest.mark.parametrize("text", [
    "The ministry neither confirmed nor denied that Hamas had held talks with Fatah.",
    "The army declined to comment on the report.",
    "Officials refused to confirm the deaths.",
    "No one can deny that the Islamic State fought al-Qaeda in Syria.",
    "Nobody claimed responsibility for the blast.",
])
def test_a_silence_or_no_one_makes_no_claim(extractor, text):
    x, _ = _run(extractor, text)
    assert x.claims == []


def test_the_subject_of_a_reporting_passive_is_what_is_reported_not_the_speaker(extractor):
    x, names = _run(extractor, "Members of the Wagner Group are reported to have killed dozens of civilians in Moura.")
    assert x.claims == []
    assert ("ASSAULT", "killed", "reported") in _events(x)
    x, names = _run(extractor, "It was reported by Reuters that the militants had withdrawn.")
    assert [names[c.speaker] for c in x.claims] == ["Reuters"]


def _claim_spans(x):
    t = x.document.text
    return [(t[c.speaker_span.start:c.speaker_span.end], c.cue, t[c.content_span.start:c.content_span.end]) for c in x.claims]


@pytest.mark.parametrize("text, claim", [
    # what investigators and reports say
    ("The Panel documented a supply route through eastern Chad.", ("The Panel", "documented", "a supply route")),
    ("The Group identified at least 150 children recruited by armed groups.",
     ("The Group", "identified", "at least 150 children recruited by armed groups")),
    ("Investigators found that the drones had been assembled in Darfur.",
     ("Investigators", "found", "the drones had been assembled in Darfur")),
    # a second act of the same speaker, which the parse hangs inside the first one's content
    ("The United Arab Emirates denied that it had supplied weapons to either party and told the Panel that the flights carried aid.",
     ("The United Arab Emirates", "denied", "it had supplied weapons to either party")),
    ("The United Arab Emirates denied that it had supplied weapons to either party and told the Panel that the flights carried aid.",
     ("The United Arab Emirates", "told", "the flights carried aid")),
    ("The envoy urged all Member States to respect the embargo and called on the parties to allow humanitarian access.",
     ("The envoy", "urged", "all Member States to respect the embargo")),
    # a "that" clause the parser hung on the channel's noun
    ("Ahmed Hassan announced in a video message that the brigade had cut its ties with the army.",
     ("Ahmed Hassan", "announced", "the brigade had cut its ties with the army")),
    # a cue set inside the clause it reports: the main clause after it
    ("By Friday, local sources said, the militia had taken over the checkpoints near Marib.",
     ("local sources", "said", "the militia had taken over the checkpoints near Marib")),
    ("If the emir is killed, one of them said, the fighters would drift back to the Front.",
     ("one of them", "said", "the fighters would drift back to the Front")),
    # a report that speaks, with or without its author
    ("A report by the Omran Center estimates that the Front has 9,000 fighters.",
     ("A report by the Omran Center", "estimates", "the Front has 9,000 fighters")),
    ("The study concludes that the Front can win within weeks.", ("The study", "concludes", "the Front can win within weeks")),
    ("A report published in July by the International Crisis Group warned that the truce would fail.",
     ("A report published in July by the International Crisis Group", "warned", "the truce would fail")),
    # beliefs and expectations
    ("Western officials regard the Front as al-Qaeda's branch in Syria.",
     ("Western officials", "regard", "the Front as al-Qaeda's branch in Syria")),
    ("Rami Haddad expects the Front to move against the group.", ("Rami Haddad", "expects", "the Front to move against the group")),
    ("Angola hopes to bring the two presidents together.", ("Angola", "hopes", "to bring the two presidents together")),
    # a relative pronoun speaks for the noun its clause hangs on
    ("The ministry, which denied that troops had crossed the border, called for calm.",
     ("The ministry", "denied", "troops had crossed the border")),
    # a clause past a semicolon is no content of the cue after it
    ("In April the council announced a merger; the Front rejected the merger and renewed its pledge.",
     ("the Front", "rejected", "the merger")),
    ("He died in May 2021 during an assault on his base; the group said he had killed himself.",
     ("the group", "said", "he had killed himself")),
    # "of" hung on the object; a relative "what"; an apposition holding another's claim
    ("Rights groups accuse his men of massacres in poor districts.", ("Rights groups", "accuse", "his men of massacres")),
    ("Hezbollah began firing in what it called a support front for Gaza.", ("it", "called", "a support front for Gaza")),
    ("The Houthis accused the detainees of spying, an accusation the envoy has rejected as baseless.",
     ("The Houthis", "accused", "the detainees of spying")),
    ("The Front claimed the attack; the authorities acknowledged some losses.", ("the authorities", "acknowledged", "some losses")),
    # the speaker as written: whom a title serves, without what is said of a name inside it
    ("A spokesman for Jabhat al-Sahil denied the report.", ("A spokesman for Jabhat al-Sahil", "denied", "the report")),
    ("Veterans loyal to Abu Omar, the group's founder, accused the Front of betrayal.",
     ("Veterans loyal to Abu Omar", "accused", "the Front of betrayal")),
    ("A UN Monitoring Team report published last July estimated that the branch has 4,000 fighters.",
     ("A UN Monitoring Team report published last July", "estimated", "the branch has 4,000 fighters")),
    # a name speaks itself beside a title or an acronym; some of a group speak as written
    ('"The town has fallen," said Nadia Karim, a researcher at Ebuteli.', ("Nadia Karim", "said", "The town has fallen")),
    ("The Nile Liberation Front (NLF) denied the report.", ("The Nile Liberation Front", "denied", "the report")),
    ("Some in Hurras al-Din suspect HTS of passing information to the Americans.",
     ("Some in Hurras al-Din", "suspect", "HTS of passing information to the Americans")),
    # a participle after the reported clause is the speaker's second statement
    ("The ELN denied that its fighters had killed civilians, saying the dead were members of a dissident faction.",
     ("The ELN", "denied", "its fighters had killed civilians")),
    ("The ELN denied that its fighters had killed civilians, saying the dead were members of a dissident faction.",
     ("The ELN", "saying", "the dead were members of a dissident faction")),
    # a determiner "that" stays; a relative object stands for its noun, a date is no object
    ("The ELN rejected that view.", ("The ELN", "rejected", "that view")),
    ("France sent troops in an operation that President Emmanuel Macron announced the following month.",
     ("President Emmanuel Macron", "announced", "an operation")),
    # a relative clause the parser hung on the cue is no content; one inside the content is;
    # a semicolon ends what a broken parse gives as the cue's first subject
    ("Pakistan strongly condemns the attack on a police post on Monday, in which five officers were killed.",
     ("Pakistan", "condemns", "the attack on a police post")),
    ("James Swan also said that clan militias, which fought alongside the army in 2022, had become less willing to mobilise.",
     ("James Swan", "said", "clan militias, which fought alongside the army in 2022, had become less willing to mobilise")),
    ("In August 2016 IS named Abu Musab al-Barnawi, Yusuf's son, as governor of the province; Shekau rejected the decision.",
     ("Shekau", "rejected", "the decision")),
    # what a relative clause calls it; "told X on <date> that …"
    ('The group said spies had tracked his car, an allegation HTS called "lies spread by its enemies".',
     ("HTS", "called", "lies spread by its enemies")),
    ("Abu Omar told the council on 22 August that the leaders were not ready.",
     ("Abu Omar", "told", "the leaders were not ready")),
])
def test_a_claim_told_in_this_shape_is_read(extractor, text, claim):
    x, _ = _run(extractor, text)
    assert claim in _claim_spans(x)


@pytest.mark.parametrize("text", [
    "The council will consider the proposal next week.",  # a belief verb with nothing said
    "Residents fear reprisals.",
    "The Front is regarded as the strongest faction.",  # its passive subject is the topic
    "The brigade is expected to attack.",
    "Hezbollah praised Hamas, according to a statement carried by Al-Manar.",  # the outlet carries, the frame folds
    "Mogherini proposed the plan to EU leaders at the end of last year, who invited her to build on it.",  # a time is no speaker
    "Ayad Allawi said that talks had begun, citing Iraqi intelligence sources.",  # a source cited, no second statement
])
def test_a_near_miss_of_these_claim_shapes_adds_no_claim(extractor, text):
    x, _ = _run(extractor, text)
    assert [c for c in _claim_spans(x) if c[1] in ("consider", "fear", "regarded", "expected", "according to", "invited", "citing")] == []


def test_saying_nothing_is_a_silence(extractor):
    x, _ = _run(extractor, "The LAAF, which besieged the capital in 2019, said nothing at all.")
    assert [c for c in _claim_spans(x) if c[1] == "said"] == []


def test_a_relative_pronoun_speaker_is_the_noun_it_stands_for(extractor):
    x, names = _run(extractor, "Hezbollah leader Hassan Nasrallah, who said the group would retaliate, spoke on Sunday.")
    said = [c for c in x.claims if c.cue == "said"]
    assert [names[c.speaker] for c in said] == ["Hassan Nasrallah"]


def test_a_coordinated_verb_of_the_content_is_not_a_second_claim(extractor):
    x, _ = _run(extractor, "Hamas said Israel had attacked the camp and killed 20 people.")
    assert _claim_spans(x) == [("Hamas", "said", "Israel had attacked the camp and killed 20 people")]


# --- events: attacks in words ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hezbollah leader Hassan Nasrallah sharply attacked the Saudi crown prince in a televised speech.",
    "In an audio message, Ayman al-Zawahiri attacked the Islamic State for its brutality.",
    "The Taliban attacked the decision of the Pakistani government.",
])
def test_an_attack_in_words_is_an_accusation(extractor, text):
    x, names = _run(extractor, text)
    assert [e.type for e in x.events] == ["ACCUSE"] and x.events[0].rule == "events.verbal-attack"
    assert not any(r.type == "fights" for r in x.relations)


def test_an_armed_attack_stays_a_fight(extractor):
    x, names = _run(extractor, "Iraqi forces attacked Islamic State positions for hours.")
    assert [e.type for e in x.events] == ["ASSAULT"]
    assert ("fights", "Iraqi Security Forces", "Islamic State") in _relations(x, names)  # the KB's name


def test_an_attack_told_as_repeated_stays_a_fight(extractor):
    x, _ = _run(extractor, "The bombing bears the hallmarks of ISIS, which has repeatedly targeted ordinary Iraqis at markets.")
    assert ("ASSAULT", "targeted") in {(e.type, e.trigger) for e in x.events}


def test_we_is_not_a_party_named_after_it(extractor):
    """With no issuer named before it, "we" is the document's own voice, not the forces it supports."""
    x, names = _run(extractor, "We will keep supporting the Iraqi Security Forces and the Syrian Democratic Forces.")
    supports = {(names[r.source], names[r.target]) for r in x.relations if r.type == "supports"}
    assert ("Iraqi Security Forces", "Syrian Democratic Forces") not in supports
    assert {t for _, t in supports} == {"Iraqi Security Forces", "Syrian Democratic Forces"}


# --- co-actors of a fight ---------------------------------------------------------------

def test_parties_of_a_joint_offensive_are_allies_not_enemies(extractor):
    x, names = _run(extractor, "Army units, tribal fighters and Popular Mobilization Forces militiamen launched the offensive together.")
    types = {t for t, *_ in _relations(x, names)}
    assert "fights" not in types and "allied_with" in types


@pytest.mark.parametrize("text,a,b", [
    ("Ethiopia and Eritrea fought a three-week border war in 1999.", "Ethiopia", "Eritrea"),
    ("The Islamic State and al-Qaeda clashed near Deir ez-Zor.", "Islamic State", "al-Qaeda"),
    ("Al-Shabaab and the Islamic State attacked each other in Puntland.", "al-Shabaab", "Islamic State"),
    ("Hamas and Fatah fought one another in Gaza in 2007.", "Hamas", "Fatah"),  # nlp.tokens.reciprocal
])
def test_parties_of_a_mutual_fight_fight_each_other(extractor, text, a, b):
    x, names = _run(extractor, text)
    rels = _relations(x, names)
    assert ("fights", a, b) in rels or ("fights", b, a) in rels
    assert not any(t == "allied_with" for t, *_ in rels)


def test_accusing_one_another_opposes_both_ways(extractor):
    x, names = _run(extractor, "The army and the rebels accused one another of violating the truce.")
    assert {("The army", "the rebels"), ("the rebels", "The army")} <= _spans(x, "opposes")
    x, names = _run(extractor, "Hamas and Fatah fought one other group.")  # "one other" is no reciprocal
    assert not _spans(x, "fights") & {("Hamas", "Fatah"), ("Fatah", "Hamas")}


def test_fighting_for_a_group_is_membership_not_war_on_it(extractor):
    x, names = _run(extractor, "Foreign fighters fought for the Islamic State in Syria.")
    rels = _relations(x, names)
    assert ("member_of", "foreign fighters", "Islamic State") in {(t, s.lower(), o) for t, s, o in rels}
    assert not any(t == "fights" for t, *_ in rels)


@pytest.mark.parametrize("text, member, body", [
    ("Katibat al-Huda, which belongs to Jabhat al-Sahil, attacked the town.", "Katibat al-Huda", "Jabhat al-Sahil"),
    ("Katibat al-Huda now operates as part of Jabhat al-Sahil.", "Katibat al-Huda", "Jabhat al-Sahil"),
    # an acronym in a list with a body's name is a body too
    ("More than 20,000 guerrillas of ZANLA and ZIPRA are gathered in assembly points.", "guerrillas", "ZIPRA"),
    # the people a body has, after a quantifier too
    ("UNIFIL kept its personnel in protected spaces.", "its personnel", "United Nations Interim Force in Lebanon"),
    ("In its statement, the IRA said that all its units had been ordered to dump arms.", "all its units", "Provisional IRA"),
    # people of a body the text describes rather than names
    ("Officers of the regional police arrested him.", "Officers", "regional police"),
    # a person or a body "of" a body (relations.person-of-body, relations.body-of-body);
    # people "of" a unit and bodies "of" a coalition (relations.members-of-body)
    ("Ahmed Rashid of the International Crisis Group said the talks had stalled.", "Ahmed Rashid", "International Crisis Group"),
    ("The 4th Brigade of the Sudanese Armed Forces retook the bridge on Monday.", "4th Brigade", "Sudanese Armed Forces"),
    ("A garrison of 300 Portuguese soldiers held the fort for a month.", "Portuguese soldiers", "garrison"),
    ("A coalition of Hamas and Islamic Jihad rejected the plan.", "Palestinian Islamic Jihad", "coalition"),
])
def test_belonging_to_a_body_or_working_as_part_of_it_is_membership(extractor, text, member, body):
    x, names = _run(extractor, text)
    assert ("member_of", member, body) in _relations(x, names), _relations(x, names)


@pytest.mark.parametrize("text, a, b", [
    ("Liwa al-Nasr, operating jointly with Jabhat al-Sahil, took control of the port.", "Liwa al-Nasr", "Jabhat al-Sahil"),
    ("Liwa al-Nasr fighters crossed the river and linked up with Jabhat al-Sahil.", "Liwa al-Nasr", "Jabhat al-Sahil"),
])
def test_operating_jointly_or_linking_up_is_an_alliance(extractor, text, a, b):
    x, names = _run(extractor, text)
    rels = _relations(x, names)
    assert ("allied_with", a, b) in rels or ("allied_with", b, a) in rels


def test_a_headline_read_as_a_list_of_names_keeps_its_subject(extractor):
    # the parser hangs "launch" on "Liwa al-Nasr" as one more item of a list
    x, names = _run(extractor, "UPDF and FARDC launch joint operation against the ADF in Beni")
    rels = _relations(x, names)
    assert {("fights", "Uganda People's Defence Force", "Allied Democratic Forces"), ("fights", "Armed Forces of the Democratic Republic of the Congo", "Allied Democratic Forces")} <= rels
    # a section header is no clause: "Forces and support"
    x, _ = _run(extractor, "Forces and support\n\nRwandan troops arrived in July.")
    assert not [e for e in x.events if e.type == "SUPPORT"]


def test_operating_with_no_party_is_no_tie(extractor):
    x, _ = _run(extractor, "Liwa al-Nasr operates with impunity in the north.")
    assert not x.events and not x.relations


def test_founding_a_coalition_with_others_makes_members_and_allies(extractor):
    x, names = _run(extractor, "In 2019 Liwa al-Nasr formed the Northern Alliance with Jabhat al-Sahil and Katibat al-Huda.")
    rels = _relations(x, names)
    assert {("member_of", "Liwa al-Nasr", "Northern Alliance"), ("member_of", "Katibat al-Huda", "Northern Alliance")} <= rels
    assert ("allied_with", "Liwa al-Nasr", "Katibat al-Huda") in rels or ("allied_with", "Katibat al-Huda", "Liwa al-Nasr") in rels
    # co-founders lead what they founded
    x, names = _run(extractor, "Abu Omar al-Halabi founded the group with Khalid Mansour in 2002.")
    assert {("leads", "Abu Omar al-Halabi", "group"), ("leads", "Khalid Mansour", "group")} <= _relations(x, names)


def test_swearing_loyalty_is_a_pledge(extractor):
    x, names = _run(extractor, "Katibat al-Huda, which swore loyalty to the Islamic State in 2019, now operates in the south.")
    assert [e.type for e in x.events] == ["PLEDGE_ALLEGIANCE"]
    assert ("affiliate_of", "Katibat al-Huda", "Islamic State") in _relations(x, names)


# --- modality: doubt --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Old grudges make a truce between the Islamic State and al-Qaeda unlikely.",
    "A merger of al-Qaeda and the Islamic State looks impossible.",
])
def test_a_doubted_prospect_is_no_evidence_for_it(extractor, text):
    x, _ = _run(extractor, text)
    assert x.events and all(e.modality == "hypothetical" for e in x.events)
    assert all(r.modality == "hypothetical" for r in x.relations)


def test_hard_fighting_is_no_doubt(extractor):
    x, _ = _run(extractor, "The two groups fought hard for Raqqa in 2017.")
    assert all(e.modality == "asserted" for e in x.events)


# --- composition: members, service, succession, founding, holding ----------------------

@pytest.mark.parametrize("text,expected", [
    ("The Saudi-led coalition includes the UAE, Bahrain and Sudan.", ("member_of", "Bahrain", "Saudi-led coalition")),
    ("Hundreds of foreign fighters served with the Islamic State in Raqqa.", ("member_of", "foreign fighters", "Islamic State")),
    # The KB holds al-Qaeda in Iraq as an earlier name of the Islamic State: one actor.
    ("Abu Musab al-Zarqawi founded al-Qaeda in Iraq in 2004.", ("leads", "Abu Musab al-Zarqawi", "Islamic State")),
    ("Rebel-held districts of Aleppo were shelled by government forces.", ("controls", "rebel", "Aleppo")),
])
def test_composition_relations(extractor, text, expected):
    x, names = _run(extractor, text)
    assert expected in {(t, s if s[0].isupper() and s != "Rebel" else s.lower(), o) for t, s, o in _relations(x, names)}


def test_a_groups_forces_named_by_it_belong_to_it(extractor):
    x, names = _run(extractor, "Houthi forces shelled Saudi border posts. Taliban security forces detained a former officer.")
    rels = _relations(x, names)
    assert ("member_of", "Houthi forces", "Houthis") in rels
    assert ("member_of", "Taliban security forces", "Taliban") in rels
    # A coalition's forces do not belong to the state that leads it.
    x, names = _run(extractor, "US-led coalition forces retook the town.")
    assert not any(t == "member_of" and o == "United States" for t, _, o in _relations(x, names))


@pytest.mark.parametrize("text,expected", [
    ("Under Abubakar Shekau, Boko Haram turned to a sustained insurgency.", ("leads", "Abubakar Shekau", "Boko Haram")),
    ("In 2017 Ansar Dine merged with al-Mourabitoun to form JNIM under Iyad Ag Ghaly.",
     ("leads", "Iyad Ag Ghaly", "Jama'at Nusrat al-Islam wal-Muslimin")),
    ("Iyad Ag Ghaly is a Malian militant who has led JNIM since 2017.", ("leads", "Iyad Ag Ghaly", "Jama'at Nusrat al-Islam wal-Muslimin")),
    ("Qais al-Khazali, the secretary-general of Asaib Ahl al-Haq, took a harder line.", ("leads", "Qais al-Khazali", "Asa'ib Ahl al-Haq")),
    ("We spoke with Ansar Allah's chief negotiator, Mohammed Abdulsalam.", ("member_of", "Mohammed Abdulsalam", "Houthis")),
    ("Army spokesman Brigadier General Nabil Abdallah said the RSF attacked.", ("member_of", "Nabil Abdallah", "Army")),
    ("Lebanese President Joseph Aoun condemned the strike.", ("leads", "Joseph Aoun", "Lebanon")),
    ("Iraqi Vice President Ayad Allawi said talks had begun.", ("member_of", "Ayad Allawi", "Iraq")),
])
def test_leaders_and_members_named_by_titles_and_under(extractor, text, expected):
    x, names = _run(extractor, text)
    assert expected in _relations(x, names)


@pytest.mark.parametrize("text", [
    "The town fell under Houthi control in 2015.",
    "Syria under UN sanctions could not import the parts.",
    "Special Envoy of the Secretary-General for Yemen, Hans Grundberg, spoke in Amman.",  # an envoy leads nothing
])
def test_no_leader_without_a_person_leading(extractor, text):
    x, names = _run(extractor, text)
    assert not [r for r in _relations(x, names) if r[0] == "leads"]


def test_a_group_formed_from_two_others_succeeds_both(extractor):
    x, names = _run(extractor, "Jama'at Nusrat al-Islam wal-Muslimin was formed in 2017 through a merger of Ansar Dine and al-Mourabitoun.")
    successors = {(s, o) for t, s, o in _relations(x, names) if t == "successor_of"}
    assert {o for _, o in successors} == {"Ansar Dine", "al-Mourabitoun"}


def test_names_of_one_actor_over_time_are_no_succession(extractor):
    # The KB knows Jabhat Fateh al-Sham as a later name of the Nusra Front: one actor.
    x, names = _run(extractor, "Jabhat Fateh al-Sham was formed from the Nusra Front in 2016.")
    assert not any(r.type == "successor_of" for r in x.relations)


# --- time: the story's date ---------------------------------------------------------------

def test_an_event_note_dates_its_later_events_by_its_opening_date(extractor):
    text = ("On 23 January 2025, al-Shabaab detonated an IED targeting a Somali army convoy near Afgooye. "
            "Three soldiers were killed. The group claimed responsibility for the attack the following day.")
    x, _ = _run(extractor, text, date(2025, 1, 27))
    when = {e.trigger: (e.when.start if e.when else None) for e in x.events}
    assert when["killed"] == "2025-01-23"
    assert when["claimed"] == "2025-01-24"  # counted from the story's date, not the publication date


def test_a_clause_without_a_subject_takes_its_governing_clause_date(extractor):
    x, _ = _run(extractor, "On 14 February 2025, JNIM militants attacked a military detachment in Djibo, killing at least 12 soldiers.",
                date(2025, 2, 18))
    assert {e.trigger: e.when.start for e in x.events} == {"attacked": "2025-02-14", "killing": "2025-02-14"}


def test_a_date_that_opens_the_sentence_dates_each_clause_of_it(extractor):
    text = ("On Friday 2 August 2024, an al-Shabaab suicide bomber blew himself up at the entrance of a restaurant "
            "and gunmen then stormed the premises, killing at least 32 people.")
    x, _ = _run(extractor, text, date(2024, 8, 5))
    when = {e.trigger: (e.when.start if e.when else None) for e in x.events}
    assert when == {"blew": "2024-08-02", "stormed": "2024-08-02", "killing": "2024-08-02"}
    # a date inside the sentence stays with its own clause
    x, _ = _run(extractor, "The militants attacked the post, and troops retook it on 3 May 2024.", date(2024, 5, 6))
    assert {e.trigger: (e.when.start if e.when else None) for e in x.events}["attacked"] is None


@pytest.mark.parametrize("text, published, trigger, day", [
    # a date that opens the sentence frames it when the parser reads a noun and its participle
    ("On 3 April 2021, armed herders abducted 40 passengers from a bus near Kachia, according to the police.",
     date(2021, 4, 6), "abducted", "2021-04-03"),
    # a report's date is not the event's: "as reported on"
    ("As reported on 12 June 2022, ADF fighters attacked a health centre in Beni on the night of 9 June.",
     date(2022, 6, 13), "attacked", "2022-06-09"),
    # a clause that happens at the same time shares its date
    ("The mayor was shot dead by gunmen as he left his office in Celaya on 4 May 2023.", date(2023, 5, 6), "shot", "2023-05-04"),
    # "suspected" is no verb of saying, whatever the tagger makes of it
    ("On or around 2 July 2023, suspected ISWAP fighters ambushed a militia patrol near Monguno.", date(2023, 7, 5), "ambushed", "2023-07-02"),
    # a time of day in an incident log is no date
    ("Incident log, Kumba, 14 Feb 2023, 0930 hrs: an IED planted by separatist fighters exploded under a police vehicle.",
     date(2023, 2, 16), "exploded", "2023-02-14"),
    # the most precise of the trigger's dates, and its own clause's before another clause's
    ("Lagos: Hundreds of students marched against the Budget Act 2023 in Ikeja on Monday 5 June 2023 before police dispersed them.",
     date(2023, 6, 7), "marched", "2023-06-05"),
    ("Contesting the results of the 2 May vote, opposition supporters clashed with police in Kinshasa on 4 May 2024.",
     date(2024, 5, 6), "clashed", "2024-05-04"),
    # a sentence the parser reads as a noun and a participle with an object
    ("A crowd of several hundred men torched two police stations in Jos on 9 April 2022.", date(2022, 4, 11), "torched", "2022-04-09"),
    ("A grenade was hurled at a police picket in Sopore by militants on 2 May 2022.", date(2022, 5, 4), "hurled", "2022-05-02"),
    # time.toml decision_verbs: what is decided is done on the day of the note's label
    ("Addis Ababa, 3 May 2019: The AU Peace and Security Council voted to suspend Sudan.", date(2019, 5, 4), "suspend", "2019-05-03"),
    # events.time._one_kind_of_act: a date on another kind of act, parsed as the verb's object, is that act's
    ("Lusaka, 9 March 2020: Hundreds of miners marched in Lusaka and Ndola against the union and the 2 March deal that ended the strike.",
     date(2020, 3, 10), "marched", "2020-03-09"),
    # events.time._in_own_phrase: a participle on an act before or after the verb's has its own time
    ("Lome, 15 November 2025: The government and the rebels signed a framework agreement in Lome, following a declaration of "
     "principles agreed in July.", date(2025, 11, 16), "signed", "2025-11-15"),
    # time.toml attempt_verbs: what is tried is tried on the day of the note's label
    ("BISHKEK, 5 October: Hundreds of protesters tried to storm the government building.", date(2020, 10, 6), "storm", "2020-10-05"),
])
def test_the_date_of_a_coded_note_is_the_event_s(extractor, text, published, trigger, day):
    x, _ = _run(extractor, text, published)
    when = {e.trigger: (e.when.start if e.when else None) for e in x.events}
    assert when.get(trigger) == day, when


def test_a_date_the_statement_has_stays_the_statement_s(extractor):
    x, _ = _run(extractor, "On Monday the army said militants had attacked a base in Gao.", date(2024, 5, 8))
    assert {e.trigger: (e.when.start if e.when else None) for e in x.events}.get("attacked") is None


def test_verbs_under_one_subject_share_a_date(extractor):
    x, _ = _run(extractor, "Houthi forces shelled and launched drones at government positions in Harib on 23 December 2023.",
                date(2023, 12, 27))
    assert {e.trigger: e.when.start for e in x.events if e.when}.get("shelled") == "2023-12-23"


def test_a_range_of_days_dates_an_event_by_its_first_day(extractor):
    x, _ = _run(extractor, "Between 10 and 12 July 2024, gunmen attacked several villages in Shinkafi, killing 19 people.",
                date(2024, 7, 15))
    attacked = next(e for e in x.events if e.trigger == "attacked")
    assert (attacked.when.start, attacked.when.end) == ("2024-07-10", "2024-07-12")


def test_a_list_of_days_dates_an_event_from_the_first_to_the_last(extractor):
    # time.toml date_spans: "29, 30 and 31 May 2021" is one date, not "29" and "30 and 31 May 2021"
    x, _ = _run(extractor, "On 29, 30 and 31 May 2021, gunmen attacked three villages in Borno.", date(2021, 6, 2))
    attacked = next(e for e in x.events if e.trigger == "attacked")
    assert (attacked.when.start, attacked.when.end) == ("2021-05-29", "2021-05-31")


def test_things_said_and_present_events_take_no_story_date(extractor):
    text = "On 3 April 2025, clashes broke out near Dhiban. The group accused the SDF of torture. The SDF controls the town."
    x, _ = _run(extractor, text, date(2025, 4, 8))
    accused = next(e for e in x.events if e.trigger == "accused")
    assert accused.when is None


# --- participants: the owner of a place attacked; "among them" ---------------------------

def test_the_group_whose_base_is_attacked_is_the_party(extractor):
    x, names = _run(extractor, "ISWAP fighters overran a Nigerian Army base in Marte, killing five soldiers.")
    overran = next(e for e in x.events if e.trigger == "overran")
    assert "Nigerian Army" in [x.document.text[s.start:s.end] for s in overran.recipient_spans]
    # a place named by no group is still no party
    x, names = _run(extractor, "ISWAP fighters overran a base in Marte.")
    assert not [r for r in x.relations if r.type == "fights"]


def test_among_them_names_some_of_the_object_not_parties(extractor):
    x, names = _run(extractor, "Government forces killed hundreds of mercenaries, among them foreign fighters from neighbouring countries.")
    assert not any(r.type == "allied_with" for r in x.relations)
    killed = next(e for e in x.events if e.trigger == "killed")
    assert [x.document.text[s.start:s.end] for s in killed.actor_spans] == ["Government forces"]


@pytest.mark.parametrize("text, trigger", [
    ("Three female suicide bombers detonated explosives at a market in Gwoza.", "detonated"),
    ("A suicide bomber blew himself up at a checkpoint in Mogadishu.", "blew"),
    ("Residents lynched two suspected gang members in Port-au-Prince.", "lynched"),
    ("Ukrainian forces recaptured Robotyne from Russian troops.", "recaptured"),
    ("Somali army forces took control of Adan Yabaal without a fight.", "took"),
])
def test_attacks_as_event_notes_word_them(extractor, text, trigger):
    x, _ = _run(extractor, text)
    assert ("ASSAULT", trigger) in {(e.type, e.trigger) for e in x.events}


@pytest.mark.parametrize("text, pair", [
    ("Fighting erupted between the ELN and FARC dissidents in Catatumbo.", ("National Liberation Army", "Revolutionary Armed Forces of Colombia")),
    ("Clashes broke out between the 444 Brigade and the Special Deterrence Force in Tripoli.", ("444 Brigade", "Special Deterrence Force")),
    # (FARDC, the DRC's army, is known to the knowledge base: its name there)
    ("Heavy fighting pitted M23 rebels against the FARDC around Sake.", ("M23", "Armed Forces of the Democratic Republic of the Congo")),
])
def test_a_fight_that_breaks_out_between_two_parties(extractor, text, pair):
    x, names = _run(extractor, text)
    fights = {frozenset((names[r.source], names[r.target])) for r in x.relations if r.type == "fights"}
    assert frozenset(pair) in fights


def test_a_fight_named_as_a_subject_takes_its_verbs_date_and_parties(extractor):
    x, names = _run(extractor, "In early September 2024, fighting erupted in Culiacán between the Sinaloa Cartel and the CJNG.", date(2024, 9, 20))
    fight = next(e for e in x.events if e.trigger == "fighting")
    assert fight.when.start == "2024-09"
    x, names = _run(extractor, "Fighting between the ELN and FARC dissidents broke out in Catatumbo on 16 January 2025.", date(2025, 1, 20))
    fight = next(e for e in x.events if e.trigger == "Fighting")
    assert fight.when.start == "2025-01-16"
    assert fight.recipient_spans == []  # both sides are named; none is taken from nearby


@pytest.mark.parametrize("text, trigger, actor", [
    ("On 11 April 2023, Myanmar military aircraft bombed a ceremony in Pazigyi village.", "bombed", "Myanmar"),
    ("On 13 November 2024, a drone strike attributed to the Ethiopian military hit a minibus near Gerba.", "strike", "the Ethiopian military"),
    ("An airstrike carried out by the Saudi-led coalition hit a school bus in Dahyan.", "airstrike", "Saudi-led coalition"),
])
def test_the_force_behind_a_weapon_or_a_strike_is_the_attacker(extractor, text, trigger, actor):
    x, _ = _run(extractor, text)
    event = next(e for e in x.events if e.trigger == trigger)
    assert actor in [x.document.text[s.start:s.end] for s in event.actor_spans]


def test_what_a_strike_named_as_subject_hits_is_its_target(extractor):
    x, _ = _run(extractor, "On 3 May 2024, a drone strike by the Nigerian Air Force hit ISWAP fighters near Marte.")
    strike = next(e for e in x.events if e.trigger == "strike")
    assert "ISWAP" in [x.document.text[s.start:s.end] for s in strike.recipient_spans]  # the group its fighters belong to


# --- members, units and places: near misses --------------------------------------------

def test_a_unit_stationed_in_a_place_is_not_the_places(extractor):
    x, names = _run(extractor, "JNIM militants attacked a military detachment in Djibo, killing 12 soldiers.")
    assert not [r for r in x.relations if r.type == "member_of" and names[r.target] == "Djibo"]


def test_an_acronym_for_a_thing_or_trade_names_no_group(extractor):
    x, names = _run(extractor, "IED experts and NGO workers met in Kabul.")
    assert not [r for r in x.relations if r.type == "member_of"]
    assert not {"IED", "NGO"} & set(names.values())


@pytest.mark.parametrize("text", ["The two sides held talks in Doha.", "Hamas took part in the talks."])
def test_taking_and_holding_what_is_no_place_is_no_control(extractor, text):
    x, names = _run(extractor, text)
    assert not [r for r in x.relations if r.type == "controls"]


def test_each_place_of_a_coordinated_object_is_held(extractor):
    x, names = _run(extractor, "In 2012 the Islamists took control of Gao and Kidal.")
    assert {("controls", "Islamists", "Gao"), ("controls", "Islamists", "Kidal")} <= _relations(x, names)
    x, names = _run(extractor, "HTS captured Aleppo and then Damascus.")
    assert {"Aleppo", "Damascus"} <= {names[r.target] for r in x.relations if r.type == "controls"}


@pytest.mark.parametrize("text, relations", [
    ("Al-Shabab said in a statement on its Radio Andalus that its fighters had killed 41 soldiers.",
     {("member_of", "Radio Andalus", "al-Shabaab"), ("member_of", "its fighters", "al-Shabaab")}),
    # the fighters are the speaker's, not the group whose outlet carried the statement
    ("ISWAP said in a statement carried by the Islamic State's Amaq news agency that its fighters had killed 20 soldiers.",
     {("member_of", "Amaq News Agency", "Islamic State"), ("member_of", "its fighters", "Islamic State West Africa Province")}),
])
def test_a_groups_outlet_and_the_fighters_its_statement_names(extractor, text, relations):
    x, names = _run(extractor, text)
    assert relations <= _relations(x, names)


def test_an_outlet_named_alone_belongs_to_no_one(extractor):
    x, names = _run(extractor, "Reuters said its reporters had seen the bodies.")
    assert not [r for r in x.relations if r.rule == "relations.outlet-of"]


# --- members, holders and leaders told in shapes of real reporting ---------------------

@pytest.mark.parametrize("text, relation", [
    # members named by a group's acronym, or its name with another in brackets; units and remnants
    ("On 3 May 2023, FAMa soldiers killed 12 civilians in Boni.", ("member_of", "FAMa soldiers", "Malian Armed Forces")),
    ("ISSP fighters attacked the village.", ("member_of", "ISSP fighters", "ISSP")),
    ("Rapid Support Forces (RSF) fighters looted the market.", ("member_of", "Rapid Support Forces (RSF) fighters", "Rapid Support Forces")),
    ("Houthi (Ansar Allah) forces shelled government positions.", ("member_of", "Houthi (Ansar Allah) forces", "Houthis")),
    ("Islamic State remnants ambushed a Popular Mobilization Forces (PMF) patrol near Tarmiyah.",
     ("member_of", "Popular Mobilization Forces (PMF) patrol", "Popular Mobilization Forces")),
    ("An al-Shabaab suicide bomber blew himself up.", ("member_of", "al-Shabaab suicide bomber", "al-Shabaab")),
    # who holds a place
    ("The Houthis, who control Sanaa and much of the north, have attacked ships.", ("controls", "Houthis", "Sanaa")),
    ("The rebels took Goma in January.", ("controls", "rebels", "Goma")),
    ("The RSF controls the rest of Darfur.", ("controls", "Rapid Support Forces", "Darfur")),
    # "held" a portion of a named place; a place named after "the town of" with modifiers
    ("At its height in 2012 al-Shabaab held most of Baidoa.", ("controls", "al-Shabaab", "Baidoa")),
    ("M23 rebels captured the gold-mining town of Walikale.", ("controls", "M23", "Walikale")),
    # the place set beside the one held, and the places it includes
    ("The Houthis seized the capital, Sanaa, in September 2014.", ("controls", "Houthis", "Sanaa")),
    ("Al-Shabaab controls much of southern Somalia, including the towns of Jilib and Jamaame.", ("controls", "al-Shabaab", "Jamaame")),
    # who leads a group: passives, pronouns, "whose", ordinals in titles, "the party"
    ("Al-Shabaab is led by Ahmed Diriye.", ("leads", "Ahmed Diriye", "al-Shabaab")),
    # the group its fighters are of
    ("Liwa al-Nasr fighters, led by Abu Omar al-Halabi, stormed the town.", ("leads", "Abu Omar al-Halabi", "Liwa al-Nasr")),
    ("The Houthis control Sanaa. They are led by Abdul-Malik al-Houthi.", ("leads", "Abdul-Malik al-Houthi", "Houthis")),
    # "It" is the group, not the description after "is"
    ("Al-Shabaab is a Somali militant group. It is currently led by Ahmed Diriye.", ("leads", "Ahmed Diriye", "al-Shabaab")),
    ("The Islamic State, whose chief Abu Bakr al-Baghdadi declared a caliphate in 2014, lost Mosul.",
     ("leads", "Abu Bakr al-Baghdadi", "Islamic State")),
    # an ordinal inside a hyphenated title; "the party" for the party named before
    ("Hezbollah was founded in 1982. Its second secretary-general, Abbas al-Musawi, was killed in February 1992.",
     ("leads", "Abbas al-Musawi", "Hezbollah")),
    ("Hezbollah was founded in 1982. Hassan Nasrallah led the party for 32 years.", ("leads", "Hassan Nasrallah", "Hezbollah")),
    # a post held in a body named by a description, after a preposition, or set before the name
    ('"The convoy was hit," Omar Haidari, spokesman for the Herat police, told reporters.', ("member_of", "Omar Haidari", "Herat police")),
    ("The shift is real, said Amina Bello, a researcher at the Lagos-based Institute for Security Studies.",
     ("member_of", "Amina Bello", "Institute for Security Studies")),
    ("A spokesman for Egypt's foreign ministry, Tamer Farouk, said on Monday that Cairo was neutral.",
     ("member_of", "Tamer Farouk", "Egypt's foreign ministry")),
    # "a senior X commander" is one of its commanders, not its leader
    ("An airstrike killed Abu Hamza al-Tikriti, a senior Kataib Hezbollah commander.", ("member_of", "Abu Hamza al-Tikriti", "Kata'ib Hezbollah")),
    # the force a strike is named for did the killing; a leader killed is fought
    ("Ayman al-Zawahiri was killed by a US drone strike in Kabul in July 2022.", ("fights", "United States", "Ayman al-Zawahiri")),
    ("Three soldiers were wounded in an al-Shabaab ambush near Afgoye.", ("fights", "al-Shabaab", "Three soldiers")),
    # a list whose middle name has an "in" phrase: the parse hangs the last name inside it
    ("In January 2013 Ansar Dine, al-Qaeda in the Islamic Maghreb and the Movement for Oneness and Jihad in West Africa "
     "attacked the Malian army at Konna.", ("fights", "Movement for Oneness and Jihad in West Africa", "Malian army")),
    # a sponsor before "-backed": of the group named in the phrase, or of the group described
    ("Rwanda-backed M23 rebels captured the town of Masisi.", ("supports", "Rwanda", "M23")),
    ("US forces struck Iran-backed Houthi radar sites.", ("supports", "Iran", "Houthis")),
    ("An Iran-backed militia attacked the base.", ("supports", "Iran", "Iran-backed militia")),
    # a demonym sponsor the model took into the group's name
    ("Turkish-backed Syrian National Army factions took Tal Rifaat.", ("supports", "Turkey", "Syrian National Army factions")),
    # a party named by its tie to another
    ("The junta and its Russian partners in the Africa Corps attacked a camp near Kidal.", ("allied_with", "junta", "Wagner Group")),
    ("Congolese troops and allied Wazalendo militias retreated from Sake.", ("allied_with", "Congolese troops", "Wazalendo militias")),
    ("The Houthis and their Iranian patrons deny it.", ("supports", "their Iranian patrons", "Houthis")),
    # designations and sanctions are hostility; the status given is no actor
    ("The United States designated al-Shabaab a Foreign Terrorist Organization in March 2008.", ("opposes", "United States", "al-Shabaab")),
    ("The Gulf Cooperation Council labelled Hezbollah a terrorist organisation in 2016.", ("opposes", "Gulf Cooperation Council", "Hezbollah")),
    ("The United States imposed sanctions on Abdel Rahim Dagalo in September 2023.", ("opposes", "United States", "Abdel Rahim Dagalo")),
    # who governs a place; a group's governor of a place belongs to the group
    ("Borno state governor Babagana Zulum said the roads were unsafe.", ("leads", "Babagana Zulum", "Borno")),
    ("A bombing killed the Taliban governor of Kunduz province, Abdul Sattar Mirzakwal.", ("leads", "Abdul Sattar Mirzakwal", "Kunduz province")),
    ("A bombing killed the Taliban governor of Kunduz province, Abdul Sattar Mirzakwal.", ("member_of", "Abdul Sattar Mirzakwal", "Taliban")),
    # a title before the comma, the parse missing the apposition, an honorific between
    ("The envoy met the President of the Presidential Leadership Council, Dr. Rashad al-Alimi.",
     ("leads", "Rashad al-Alimi", "Presidential Leadership Council")),
    # a body named as a person's; a title after the copula; chairing and leading verbs
    ("The Joint Forces include the Justice and Equality Movement of Gibril Ibrahim.", ("leads", "Gibril Ibrahim", "Justice and Equality Movement")),
    ("Asaib Ahl al-Haq broke away from Moqtada al-Sadr's Mahdi Army in 2006.", ("leads", "Muqtada al-Sadr", "Mahdi Army")),
    ("The M23 was founded in 2012. Bertrand Bisimwa is the group's president.", ("leads", "Bertrand Bisimwa", "M23")),
    ("The Presidential Leadership Council is an eight-member body chaired by Rashad al-Alimi.",
     ("leads", "Rashad al-Alimi", "Presidential Leadership Council")),
    ("The AFC is a coalition of rebels. Corneille Nangaa leads the alliance.", ("leads", "Corneille Nangaa", "AFC")),
    # a past form the tagger misreads ("retook") still triggers; "from" names the loser
    ("In 2023 the army and the Wagner Group retook the northern town of Kidal from Tuareg rebels.", ("controls", "Wagner Group", "Kidal")),
    # a description beside a name, armed and funded by a backer: the name is backed
    ("The STC, a separatist movement armed and funded by the United Arab Emirates, controls Aden.",
     ("supports", "United Arab Emirates", "Southern Transitional Council")),
    ("The United Wa State Army, close to China, has stayed neutral.", ("allied_with", "United Wa State Army", "China")),
    # backing in a fight makes a side of it
    ("Government forces, backed by US air power, launched offensives against ISKP in Nangarhar.", ("allied_with", "United States", "Government forces")),
    # "it" continues the last group that was a subject, past the nearer object; a
    # platform named as the channel ("on Telegram") is never the group
    ("The RSF, at war with the army since April 2023, denied targeting civilians. In a statement on Telegram, "
     "it said its forces had responded to fire.", ("member_of", "its forces", "Rapid Support Forces")),
    # copular affiliation; a merger told with a pronoun; a fronted "Led by"; succession by replacement
    ("JNIM is al-Qaeda's affiliate in the Sahel.", ("affiliate_of", "Jama'at Nusrat al-Islam wal-Muslimin", "al-Qaeda")),
    ("JNIM is active in the Sahel. It was formed in March 2017 through a merger of Ansar Dine and al-Mourabitoun.",
     ("successor_of", "Jama'at Nusrat al-Islam wal-Muslimin", "al-Mourabitoun")),
    ("The ADF began as a Ugandan rebel group. Led by Musa Baluku, it pledged allegiance to the Islamic State.",
     ("leads", "Musa Baluku", "Allied Democratic Forces")),
    ("An African Union mission, AUSSOM, replaced the previous force, ATMIS, on 1 January 2025.",
     ("successor_of", "African Union Support and Stabilization Mission in Somalia", "African Union Transition Mission in Somalia")),
    ("The MNDAA went on to capture Lashio in August 2024.", ("controls", "Myanmar National Democratic Alliance Army", "Lashio")),
    ("The federal government of President Hassan Sheikh Mohamud relies on clan militias.", ("leads", "Hassan Sheikh Mohamud", "federal government")),
    # the last "of" of a body's name; a name the parser hangs beside the body; a title the model took into the body
    ("The accord bound the Government of National Unity of General Paul Koroma and the rebels.",
     ("leads", "Paul Koroma", "Government of National Unity")),
    ("They struck when the government of President Anselmo Vidal refused to negotiate.", ("leads", "Anselmo Vidal", "government")),
    ("The rebels fought alongside the Black Division of General Karl von Haller in Courland.", ("leads", "General Karl von Haller", "Black Division")),
    ("The Popular Council of Bishop Samuel Ndlovu won ten seats.", ("leads", "Bishop Samuel Ndlovu", "Popular Council")),
    # a commander over one region is one of the body's commanders; a body formed as another's wing belongs to it
    ("The RSF is at war with the army. Abdel Rahman Juma Barakallah, its commander in West Darfur, was designated in 2024.",
     ("member_of", "Abdel Rahman Juma Barakallah", "Rapid Support Forces")),
    ("M23 is commanded by Sultani Makenga and forms the armed wing of the Alliance Fleuve Congo (AFC).", ("member_of", "M23", "Alliance Fleuve Congo")),
    # a name the model took for a body, beside a person's title
    ('"The junta should act," said Ilaria Allegrozzi, senior Sahel researcher at Human Rights Watch.',
     ("member_of", "Ilaria Allegrozzi", "Human Rights Watch")),
    # a strike carried out in coordination with, or in support of, another party: its side
    ("AFRICOM carried out the strike in support of Puntland security forces.", ("allied_with", "United States Africa Command", "Puntland security forces")),
    ("In coordination with the Somali National Army, AFRICOM conducted an airstrike against al-Shabaab near Jilib.",
     ("allied_with", "United States Africa Command", "Somali National Army")),
    # the party a place attacked is "of"
    ("JNIM fighters stormed the camp of the Malian army and its Russian mercenaries in Boulkessi.", ("fights", "Jama'at Nusrat al-Islam wal-Muslimin", "Malian army")),
    # the body a title is "at" before a state named as its subject; a body named after its place
    ('"Both sides are exhausted," said Sarah al-Hashimi, an Iraq researcher at Chatham House in London.',
     ("member_of", "Sarah al-Hashimi", "Chatham House")),
    ('"Both groups see each other as a threat," said Moussa Diallo, a researcher at the Timbuktu Institute in Dakar.',
     ("member_of", "Moussa Diallo", "Timbuktu Institute")),
    # "whose members include"
    ("The Joint Force, whose members include the Justice and Equality Movement, joined the army.",
     ("member_of", "Justice and Equality Movement", "Joint Force")),
    # what is signed by two parties is no party: the signatories negotiate
    ("We welcome the agreement signed in Doha by the Government of Congo and the M23.", ("negotiates_with", "Government of Congo", "M23")),
    # a stance on what two parties signed is a stance on both
    ("Qatar welcomed the Declaration of Principles signed in Doha by the Government of Congo and the M23.", ("supports", "Qatar", "M23")),
    ("Qatar welcomed the Declaration of Principles signed in Doha by the Government of Congo and the M23.", ("supports", "Qatar", "Government of Congo")),
    # two names of one actor the knowledge base does not hold as one
    ("The Mountain Lions, also known as Liwa Usud al-Jabal, attacked the town.", ("same_as", "Mountain Lions", "Liwa Usud al-Jabal")),
    ("The Front for Liberation (FFL), also called the FLN, attacked a base.", ("same_as", "Front for Liberation", "FLN")),
    ("In May 2021 Jaysh al-Wadi renamed itself Liwa al-Wadi.", ("same_as", "Jaysh al-Wadi", "Liwa al-Wadi")),
    ("In 2019 the Nile Front changed its name to the Nile Liberation Army.", ("same_as", "Nile Front", "Nile Liberation Army")),
    # a bare definite description and its name; "known by its acronym"; "or" between commas
    ("The Congolese army, known by its French acronym FARDC, is fighting the rebels.", ("same_as", "Congolese army", "Armed Forces of the Democratic Republic of the Congo")),
    ("The Nile Front, or NLF, took the town.", ("same_as", "Nile Front", "NLF")),
    # control told in a relative clause on the holder
    ("Al-Shabaab, which holds much of southern Somalia, attacked the base.", ("controls", "al-Shabaab", "Somalia")),
    # those named by whom they are loyal to
    ("Federal troops clashed with forces loyal to Ahmed Madobe near Ras Kamboni.", ("leads", "Ahmed Madobe", "forces")),
    ("Fighters loyal to the Southern Transitional Council seized the palace.", ("member_of", "Fighters", "Southern Transitional Council")),
    ("ISWAP remains loyal to the Islamic State.", ("affiliate_of", "Islamic State West Africa Province", "Islamic State")),
    # groups that formed a coalition belong to it and are allies
    ("JNIM was formed in 2017 by Ansar Dine and al-Mourabitoun.", ("member_of", "Ansar Dine", "Jama'at Nusrat al-Islam wal-Muslimin")),
    ("JNIM was formed in 2017 by Ansar Dine and al-Mourabitoun.", ("allied_with", "Ansar Dine", "al-Mourabitoun")),
    # a group's leaders, described: they lead it
    ("STC leaders accused the Islah party of complicity.", ("leads", "STC leaders", "Southern Transitional Council")),
    # a title beside a name: set off by a participle ("acting"), in a relative clause, or
    # with its body after the name; a founder in a relative clause; "his" own army
    ("Amir Khan Muttaqi, Afghanistan's acting foreign minister, said the talks would resume.", ("member_of", "Amir Khan Muttaqi", "Afghanistan")),
    ("Noor Wali Mehsud, who became the TTP's emir in 2018, rebuilt the movement.", ("leads", "Noor Wali Mehsud", "Tehrik-i-Taliban Pakistan")),
    ("The mediation was led by President Faure Gnassingbe of Togo.", ("leads", "Faure Gnassingbe", "Togo")),
    ("Both factions descend from the Nile Front, which Musa Ibrahim founded in 2012.", ("leads", "Musa Ibrahim", "Nile Front")),
    ("The east is run by Khalifa Haftar and his Libyan National Army.", ("leads", "Khalifa Haftar", "Libyan National Army")),
    ("Rwanda has long accused Kinshasa of working with the FDLR.",
     ("allied_with", "Democratic Republic of the Congo", "Democratic Forces for the Liberation of Rwanda")),  # the capital acts: its state
    # a possessive in the object is the subject's, people described in the plural too
    ("The Ministers reaffirmed their support for the Government of Iraq.", ("supports", "Ministers", "Iraq")),
    ("The Ministers paid tribute to the Iraqi Security Forces.", ("supports", "Ministers", "Iraqi Security Forces")),
    # a side that helps in a fight; a place freed is held; "continues to control"
    ("Iraqi forces retook Tikrit with support from a US-led coalition.", ("allied_with", "Iraqi Security Forces", "US-led coalition")),
    ("Iraqi Security Forces freed Tal Afar in August.", ("controls", "Iraqi Security Forces", "Tal Afar")),
    ("Al-Shabaab continues to control much of southern Somalia.", ("controls", "al-Shabaab", "Somalia")),
    # a list of places the parser split into two objects
    ("Iraqi troops moved into Kirkuk on Monday. They seized the governor's office, the K1 military base and the Baba Gurgur oil field.",
     ("controls", "Iraqi troops", "Baba Gurgur")),
    # a title given by a naming verb; a founder in a subject relative clause; "whose"
    ("Abu Jaber was named general leader of Jabhat al-Sahil in 2017.", ("leads", "Abu Jaber", "Jabhat al-Sahil")),
    ("Abu Omar, who had founded Jabhat al-Sahil in 2012, took command of its military wing.", ("leads", "Abu Omar", "Jabhat al-Sahil")),
    ("Analysts point to commanders close to Maher al-Assad, whose 4th Armoured Division is closer to Iran.",
     ("leads", "Maher al-Assad", "4th Armoured Division")),
    ("Abu Omar told the Security Council on Monday that the ceasefire was holding.",
     ("communicates_with", "Abu Omar", "United Nations Security Council")),
    # a statement to an outlet addresses it, no contact (the outlet is on the via chain as well)
    ("Abu Omar, a commander of Jabhat al-Sahil, told Reuters that the group had attacked the base.", ("addresses", "Abu Omar", "Reuters")),
    ("The minister asked the Security Council to extend the mission.", ("communicates_with", "minister", "United Nations Security Council")),
    # a list the parser breaks after its first comma ("by A, B and C" with B hung on the verb)
    ("The operations room was formed on 12 June by Hurras al-Din, Ansar al-Islam and the Coordination of Jihad.",
     ("allied_with", "Ansar al-Islam", "Coordination of Jihad")),
    # people of a body named by their work ("medics", relations.toml possessor members); what a
    # verb of firing was fired at, hung by the parser on where the fire came from
    ("Medics of the Kenyan army treated the wounded.", ("member_of", "Medics", "Kenyan army")),
    ("Insurgents fired mortars and rockets from the old town at the airport.", ("attacks", "Insurgents", "airport")),
    # what a party said, turned down, answers that party (speech.toml denied_words); a boycott a
    # refusal (CAMEO 125); a protest against a party opposes it; a sanction voted is the voter's
    ("Kenya rejected Somalia's claims.", ("opposes", "Kenya", "Somalia")),
    # who reports or translates "for" a body is one of its own (relations.toml possessor works_for)
    ("A correspondent for Reuters was wounded in Gao.", ("member_of", "correspondent", "Reuters")),
    ("Among the dead was Daniel Okello, a translator for the BBC.", ("member_of", "Daniel Okello", "BBC")),
    # a unit of the armed people told of is theirs (relations.toml possessor units_of_people)
    ("On Wednesday a unit of the rebels blew up the bridge.", ("member_of", "unit", "rebels")),
    # relations.run-by: a place a body runs is held by it
    ("Displaced families live in camps run by the provincial government.", ("controls", "provincial government", "camps")),
    ("Nicaragua rejects the Permanent Council resolution.", ("opposes", "Nicaragua", "Permanent Council")),
    ("The Democratic Party boycotted the Parliament.", ("opposes", "Democratic Party", "Parliament")),
    ("Students held protests against the governor.", ("opposes", "Students", "governor")),
    ("The Security Council voted sanctions against the Libyan leader.", ("opposes", "United Nations Security Council", "Libyan leader")),
    # a state's formal name with "Union" is the state (actor_kinds.toml state_forms), no merger
    ("The Government of the Union of Myanmar protested the bombing of Myawaddy by the Karen army.", ("opposes", "Myanmar", "Karen army")),
    # a head's title after its state's possessive ("Kenya's President"); a governor "of" a body
    # heads it ("the Taliban governor" of a place is the place's: unchanged)
    ("Kenya's President visited Garissa on Monday.", ("leads", "Kenya's President", "Kenya")),
    ("The Governor of the Reserve Bank said rates would rise.", ("leads", "Governor", "Reserve Bank")),
    # deminers are people (nominals.toml), a body's own by its "of"
    ("Deminers of the State Emergency Service cleared the road.", ("member_of", "Deminers", "State Emergency Service")),
    # a party's name the model cut at its "of" is one name (nlp.components._body_names_the_model_missed)
    ("Armed supporters of the Socialist Party of Albania seized the town hall.",
     ("supports", "Armed supporters", "Socialist Party of Albania")),
    # a list's first plural read as its last noun's modifier heads the list; a part of the day
    # after its preposition is no part of the subject's name
    ("The rebels have blown up bridges and power pylons.", ("attacks", "rebels", "bridges")),
    ("In the afternoon gunmen fired rockets at soldiers guarding the pipeline.", ("fights", "gunmen", "soldiers")),
    ("On 12 March Olena Kovalenko, who headed the regional administration, said the town had fallen.",
     ("leads", "Olena Kovalenko", "regional administration")),
    # a place's own head (events.toml place_titles); a commander "in the region" heads the whole
    # theatre's forces (whole_theatre_words), no sector of them
    ('"We will hold," said the President of the Kurdistan Region, who spoke in Erbil.', ("leads", "President", "Kurdistan Region")),
    ("General John Carter, the commander of US forces in the region, said the strikes would go on.",
     ("leads", "John Carter", "US forces")),
    # "thanks" read as a noun in a sentence with no verb (nlp.components._thanks_read_as_a_noun)
    ("Ukraine thanks Germany and Britain.", ("supports", "Ukraine", "Germany")),
    # supplies sent "to" a party are sent to it (participants.supplies_heads; forces sent "to" a
    # place still go there)
    ("Iran has sent weapons to the Houthis.", ("supports", "Iran", "Houthis")),
    ("The Red Crescent sent food and medicine to the displaced families.", ("supports", "Red Crescent", "displaced families")),
    # a place the model missed in a list of places (nlp.components._places_listed_with_places); a
    # subject read into an opening phrase ("To the south, …": _subject_read_into_an_opening_phrase)
    ("Rebels attacked Bama, Dikwa and Gwoza.", ("attacks", "Rebels", "Gwoza")),
    ("To the south, rebel units backed by artillery are attacking the town of Lysychansk.", ("attacks", "rebel units", "town")),
])
def test_a_relation_told_in_this_shape_is_found(extractor, text, relation):
    x, names = _run(extractor, text)
    assert relation in _relations(x, names)


@pytest.mark.parametrize("text, wrong", [
    # a clause after the name is no apposition: Jolani is not one of the officials
    ("Its leader, Abu Mohammad al-Jolani, has met Turkish intelligence officials several times.",
     ("member_of", "Abu Mohammad al-Julani", "National Intelligence Organization")),
    # the sponsor before "-backed" does not hold what its proxies take
    ("Rwanda-backed M23 rebels captured the town of Masisi on Tuesday.", ("controls", "Rwanda", "Masisi")),
    # "held most of" what is no place
    ("The delegation of the Houthis held most of the meetings in Muscat.", ("controls", "Houthis", "Muscat")),
    # who killed a leader, when the sentence does not say, is no side of a fight
    ("ISWAP clashes with Boko Haram fighters loyal to Abubakar Shekau, who was killed in 2021.", ("fights", "Boko Haram", "Abubakar Shekau")),
    # the fighters are loyal to him: his title is not "fighter"
    ("ISWAP clashes with Boko Haram fighters loyal to Abubakar Shekau.", ("member_of", "Abubakar Shekau", "Boko Haram")),
    # "their" is not the singular subject's: the coordinated parties before it
    ("The UK remains steadfast in its support of the Government of Iraq and the Iraqi people in their fight against ISIL.",
     ("fights", "United Kingdom", "Islamic State")),
    # a state's proxies act for themselves: the fight is theirs
    ("Iran's proxies in Iraq attacked US bases.", ("fights", "Iran", "United States")),
    # a participle closing a clause of its own leads nothing of the first clause
    ("The Government of National Unity, led by Abdul Hamid Dbeibah, is recognised by the UN, while the east is run by Khalifa Haftar.",
     ("leads", "Khalifa Haftar", "Government of National Unity")),
    # "a former leader of X" led it
    ("Hashem Qasim, a former leader of Ahrar al-Sham, joined the new group.", ("member_of", "Hashem Qasim", "Ahrar al-Sham")),
    # verbs of their own, not aliases: "called", "named"
    ("US President Joe Biden called Vladimir Putin a killer.", ("same_as", "Joe Biden", "Vladimir Putin")),
    # calling someone a name is no call to them
    ("US President Joe Biden called Vladimir Putin a killer.", ("communicates_with", "Joe Biden", "Vladimir Putin")),
    # "or" after a list is a choice, not another name
    ("The Nile Front, the Desert Brigade, or the Valley Brigade, may attack.", ("same_as", "Desert Brigade", "Valley Brigade")),
    # a description and the name it goes by are one mention, not two names
    ("The Islamic State's Afghan branch, known as ISIS-K, attacked Kabul.", ("same_as", "Afghan branch", "Islamic State Khorasan Province")),
    # one among its leaders is a member; a title across a verb is the subject's, not the object's
    ("A senior IS leader was killed in Idlib.", ("leads", "senior IS leader", "Islamic State")),
    ("Hurras al-Din's leaders regard Jolani as a traitor.", ("member_of", "Abu Mohammad al-Julani", "Hurras al-Din")),
    # merged groups are no members of what they formed
    ("On 2 March 2017 Ansar Dine merged with al-Mourabitoun to form JNIM.", ("member_of", "Ansar Dine", "Jama'at Nusrat al-Islam wal-Muslimin")),
    # the group named inside the victim's own phrase did not kill him
    ("Wagner chief Yevgeny Prigozhin was killed in a plane crash.", ("fights", "Wagner Group", "Yevgeny Prigozhin")),
    ("Munir al-Yafei, a commander of the Security Belt, was killed in Aden.", ("fights", "Security Belt Forces", "Munir al-Yafei")),
    # "they" for people named in a phrase outside the clause: not the nearest plural
    ('President Felix Tshisekedi has called the M23 "terrorists" and has repeatedly refused to negotiate with them.',
     ("negotiates_with", "Félix Tshisekedi", "terrorists")),
    # what an act is "from" is no one it stands for: the liberation of Iraq from ISIS is no praise of ISIS
    ("The Ministers welcomed the liberation of Iraq from ISIS and paid tribute to the Iraqi Security Forces.",
     ("supports", "Ministers", "Islamic State")),
    # the "with" of an attack on an object named is no second party
    ("Hezbollah leader Hassan Nasrallah discussed operations to free the city of Mosul with Iraqi officials.",
     ("fights", "Hassan Nasrallah", "Iraqi officials")),
    # a place aimed at is not held
    ("Hezbollah leader Hassan Nasrallah discussed planning for forthcoming operations to free the city of Mosul.",
     ("controls", "Hassan Nasrallah", "Mosul")),
    # working with someone described, not named, is no alliance
    ("Jordan condemned ISIS and will work with its allies.", ("allied_with", "Jordan", "its allies")),
    # a minister after the state's possessive is one of its government, not its head
    ("Kenya's Interior Minister visited Garissa on Monday.", ("leads", "Kenya's Interior Minister", "Kenya")),
])
def test_a_near_miss_of_these_shapes_is_not_found(extractor, text, wrong):
    x, names = _run(extractor, text)
    assert x.relations, text  # the sentence is read: other relations are there
    assert wrong not in _relations(x, names)
    if wrong[0] == "same_as":
        assert not [r for r in x.relations if r.type == "same_as"]


def test_a_status_given_is_no_actor(extractor):
    x, names = _run(extractor, "The State Department designated the group a Foreign Terrorist Organization and a Specially Designated Global Terrorist.")
    assert not {"Foreign Terrorist Organization", "Specially Designated Global Terrorist"} & set(names.values())


def test_a_bodys_name_the_model_missed_or_cut_at_its_of_is_one_name(extractor):
    # nlp.components._body_names_the_model_missed: capitalised words after "the" ending in a
    # word that ends a body's name, with a proper name after "of", are one body's name; not a
    # person's after "of" (his), nor a known name (its link stays)
    x, names = _run(extractor, "The Democratic Party of Albania and the Patriotic Front of Joshua Nkomo welcomed the European Union's offer.")
    named = set(names.values())
    assert "Democratic Party of Albania" in named
    assert {"Patriotic Front", "Joshua Nkomo"} <= named and "Patriotic Front of Joshua Nkomo" not in named
    assert any(a.kb_id and a.name == "European Union" for a in x.actors)


def test_a_known_surname_after_another_name_is_someone_else(extractor):
    # the model found "Abdel Rahim"; the knowledge base's "Dagalo" is the RSF leader's surname
    x, names = _run(extractor, "The United States imposed sanctions on Abdel Rahim Dagalo in September 2023.")
    assert "Abdel Rahim Dagalo" in names.values()
    assert "Mohamed Hamdan Dagalo" not in names.values()


def test_a_meeting_to_discuss_is_one_meeting(extractor):
    x, _ = _run(extractor, "The foreign ministers of Egypt and Saudi Arabia met in Washington to discuss the war in Sudan.")
    assert [e.trigger for e in x.events if e.type == "CONSULT"] == ["met"]


def test_a_phrase_event_is_one_event(extractor):
    x, _ = _run(extractor, "The Houthis imposed a curfew on Sanaa.")
    assert [e.trigger for e in x.events] == ["imposed"]


@pytest.mark.parametrize("text", ["The family of Ahmed Shah said he was innocent.", "The supporters of Imran Khan marched on Islamabad."])
def test_people_of_a_person_are_no_body_the_person_leads(extractor, text):
    x, _ = _run(extractor, text)
    assert not [r for r in x.relations if r.rule == "relations.group-of-person"]


def test_a_person_succeeding_a_person_is_no_succession_of_bodies(extractor):
    x, _ = _run(extractor, "Hassan Nasrallah succeeded Abbas al-Musawi as secretary-general in 1992.")
    assert not [r for r in x.relations if r.type == "successor_of"]


@pytest.mark.parametrize("text, holder, held", [
    ("Jabhat al-Sahil regards Liwa al-Nasr and Katibat al-Huda as apostates.", "al-Sahil", "Liwa al-Nasr"),
    ("Jabhat al-Sahil regards Liwa al-Nasr and Katibat al-Huda as apostates.", "al-Sahil", "Katibat al-Huda"),
    ("The Northern Front has long regarded Liwa al-Nasr with suspicion.", "Northern Front", "Liwa al-Nasr"),
    ("Abu Omar al-Halabi has called the M23 terrorists.", "Abu Omar al-Halabi", "M23"),
])
def test_who_holds_a_party_to_be_an_enemy_opposes_it(extractor, text, holder, held):
    x, names = _run(extractor, text)
    found = {(names[r.source], names[r.target]) for r in x.relations if r.type == "opposes" and r.rule == "relations.hostile-label"}
    assert any(a.endswith(holder) and b.endswith(held) for a, b in found), found
    assert not [e for e in x.events if e.type == "CONSULT"]  # a label is no call


def test_a_friendly_label_or_a_call_is_no_enmity(extractor):
    x, names = _run(extractor, "Jabhat al-Sahil regards Liwa al-Nasr as an ally.")
    assert not [r for r in x.relations if r.rule == "relations.hostile-label"]
    x, names = _run(extractor, "Erdogan called Putin on Tuesday.")
    assert [e.type for e in x.events] == ["CONSULT"]


@pytest.mark.parametrize("text, trigger, modality", [
    ("Abu Omar al-Halabi has refused to negotiate with the M23.", "negotiate", "negated"),
    ("The army failed to retake Goma in May.", "retake", "negated"),
    ("The army tried to retake Goma in May.", "retake", "asserted"),
    # a negated future is evidence against, whenever it is set
    ("The Taliban will never fight the TTP, she said.", "fight", "negated"),
    ("The Taliban will fight the TTP, she said.", "fight", "future"),
    # a source named by "according to" reports what follows, speaker or not
    ("According to reports received by my office, Liwa al-Nasr forces attacked government positions.", "attacked", "reported"),
])
def test_an_act_refused_or_failed_did_not_happen(extractor, text, trigger, modality):
    # speech.toml refusal_verbs: the infinitive after them is negated, so no evidence for it
    x, _ = _run(extractor, text)
    assert [e.modality for e in x.events if e.trigger == trigger] == [modality]


def test_a_vow_or_warning_of_a_hostile_act_is_a_threat(extractor):
    # events.toml THREATEN by_complement: the act's own object is the one threatened
    x, names = _run(extractor, "Abu Omar al-Halabi warned that the group would retaliate against Liwa al-Nasr and Jabhat al-Sahil.")
    threats = [e for e in x.events if e.type == "THREATEN"]
    assert [e.trigger for e in threats] == ["warned"]
    assert {names[r] for r in threats[0].recipients} == {"Liwa al-Nasr", "Jabhat al-Sahil"}
    # a warning of no hostile act, or a promise of a good one, threatens no one
    for text in ("Abu Omar al-Halabi warned that the economy would collapse.", "Abu Omar al-Halabi promised to protect the town."):
        x, _ = _run(extractor, text)
        assert not [e for e in x.events if e.type == "THREATEN"], text


def test_talks_with_one_side_named_are_talks(extractor):
    # a meeting takes two; "talks with X" names the other side
    x, names = _run(extractor, "This is not the first time talks with Jabhat al-Sahil have collapsed.")
    assert [(e.type, [names[r] for r in e.recipients]) for e in x.events] == [("CONSULT", ["Jabhat al-Sahil"])]
    assert not x.relations  # one party makes no pair
    x, _ = _run(extractor, "Abu Omar al-Halabi has called its commanders apostates.")
    assert not [e for e in x.events if e.type == "CONSULT"]


def test_a_channel_after_through_or_via_is_no_party_to_the_fight(extractor):
    x, names = _run(extractor, "Jabhat al-Sahil claimed the attack on Monday through its Amaq news agency.")
    assert not [r for r in x.relations if r.type == "fights"]


def test_the_nearest_party_is_sought_inside_a_clause_of_time_or_cause(extractor):
    # events.toml separate_clause_marks: the main clause's subject did not do it
    x, names = _run(extractor, "Wagner moved quickly after Wagner chief Yevgeny Prigozhin was killed in a plane crash.")
    assert not [r for r in _relations(x, names) if r[0] == "fights"]
    # an aim ("until") is the main clause's own
    x, names = _run(extractor, "We will keep supporting Liwa al-Nasr until Jabhat al-Sahil is defeated.")
    assert [(a, b) for t, a, b in _relations(x, names) if t == "fights"] == [("Liwa al-Nasr", "al-Sahil")]


def test_its_in_an_of_phrase_keeps_the_nearest_group(extractor):
    x, names = _run(extractor, "Katibat al-Nour has pledged allegiance to the Islamic State. Its leader said his fighters "
                               "recognised the authority of the Islamic State and would fight under the banner of its Sahel branch.")
    its = [m for m in x.mentions if m.text == "its"]
    assert its and names[its[-1].actor] == "Islamic State"
    leader = [m for m in x.mentions if m.text == "Its"]
    assert leader and names[leader[0].actor] == "Katibat al-Nour"


def test_a_body_is_no_member_of_itself(extractor):
    x, _ = _run(extractor, "Security forces killed nine protesters, the Central Committee of Sudanese Doctors said.")
    assert not [r for r in x.relations if r.type == "member_of" and x.document.text[r.source_span.start:r.source_span.end].lower().lstrip("the ")
                == x.document.text[r.target_span.start:r.target_span.end].lower().lstrip("the ")]


def test_a_tie_to_a_party_not_named_makes_no_relation(extractor):
    x, names = _run(extractor, "The regime and its backers must allow the United Nations access to Aleppo.")
    assert not [r for r in x.relations if r.rule == "relations.ally-description"]


@pytest.mark.parametrize("text", [
    "The attack was led by Abu Yahya.",  # an act is led, not a group
    "The talks were led by Qatar.",
])
def test_what_is_led_must_be_a_group(extractor, text):
    x, names = _run(extractor, text)
    assert not [r for r in x.relations if r.type == "leads"]


# --- titles: the group's name, the title's own modifiers, then the person -----------

@pytest.mark.parametrize("text, relation", [
    ("Houthi military spokesman Yahya Saree said the drones hit a ship.", ("member_of", "Yahya Saree", "Houthis")),
    ("Hezbollah senior commander Fuad Shukr was killed in a strike.", ("leads", "Fuad Shukr", "Hezbollah")),
])
def test_a_title_with_its_own_modifiers_still_names_the_group(extractor, text, relation):
    x, names = _run(extractor, text)
    assert relation in _relations(x, names)


def test_a_word_between_a_group_and_a_title_that_names_something_else_breaks_the_link(extractor):
    # "Hezbollah" is the subject; "Israeli" names another side: no title of Hezbollah.
    x, names = _run(extractor, "Hezbollah fired at Israeli army commander David Barak on Monday.")
    assert not {r for r in _relations(x, names) if r[0] in ("leads", "member_of") and r[2] == "Hezbollah"}


def test_no_mention_runs_across_a_blank_line(extractor):
    # a page dump's share bar above a photo caption
    x, names = _run(extractor, "Facebook | Twitter | Email | Print\n\nFighters of Hayat Tahrir al-Sham man a checkpoint near Idlib.")
    text = x.document.text
    assert x.mentions and all("\n" not in text[m.span.start:m.span.end] for m in x.mentions)
    assert "Print" not in {text[r.target_span.start:r.target_span.end] for r in x.relations}


@pytest.mark.parametrize("text", [
    "Karim Haddad is the Observer's Senior Syria Analyst.",
    "Alessandro Ferri, the site's Libya correspondent, reported from Tripoli.",
])
def test_a_country_before_an_analysts_title_is_the_subject_not_the_employer(extractor, text):
    x, names = _run(extractor, text)
    assert not [r for r in x.relations if r.type == "member_of" and names[r.target] in ("Syria", "Libya")]


def test_a_state_before_a_ministers_title_is_still_the_employer(extractor):
    x, names = _run(extractor, "Iraq's defence minister, Thabit al-Abbasi, visited the base.")
    assert ("member_of", "Thabit al-Abbasi", "Iraq") in _relations(x, names) or ("leads", "Thabit al-Abbasi", "Iraq") in _relations(x, names)


def test_an_operation_launched_or_against_someone_is_an_assault(extractor):
    x, names = _run(extractor, "Uganda and Congo launched joint operations against the ADF in November 2021.")
    assert [(e.type, e.trigger) for e in x.events] == [("ASSAULT", "operations")]
    assert ("allied_with", "Uganda", "Democratic Republic of the Congo") in _relations(x, names)
    for text in ("MONUSCO runs a peacekeeping operation in Ituri.", "The operation to rescue the hostages ended."):
        x, _ = _run(extractor, text)
        assert not [e for e in x.events if e.trigger.startswith("operation")], text



# --- events with no party named (rule events.no-participant) ------------------------------

@pytest.mark.parametrize("text, event", [
    ("Heavy fighting resumed near the airport on Sunday, residents said.", ("ASSAULT", "fighting")),
    ("Talks in Doha stalled over the release of prisoners.", ("CONSULT", "Talks")),
    ("The ceasefire collapsed within hours.", ("RETREAT", "ceasefire")),
    ("A roadside bomb exploded near a market in Kismayo on Tuesday.", ("ASSAULT", "exploded")),
])
def test_an_event_with_no_party_named_is_still_on_the_timeline(extractor, text, event):
    x, _ = _run(extractor, text, date(2025, 3, 4))
    found = [e for e in x.events if (e.type, e.trigger) == event]
    assert found and found[0].actors == [] and found[0].recipients == []
    assert found[0].rule == "events.no-participant"


@pytest.mark.parametrize("text, trigger", [
    ("The court charged him with war crimes.", "war"),  # a modifier
    ("The militia held its fighting positions.", "fighting"),
    ("These strikes degraded the network, the statement said.", "strikes"),  # a re-mention
    ("Prices rose during the war.", "war"),  # the period, not an occurrence
    ("Talks in Kabul, war at home", "Talks"),  # a headline without a verb
])
def test_a_trigger_word_with_no_party_that_tells_no_event(extractor, text, trigger):
    x, _ = _run(extractor, text, date(2025, 3, 4))
    assert trigger not in [e.trigger for e in x.events]


def test_a_truce_is_a_de_escalation_and_agreeing_it_an_agreement(extractor):
    # PLOVER RETREAT (CAMEO 0871, "declare truce, ceasefire"): the truce is its own act
    # beside the agreement that made it.
    x, _ = _run(extractor, "The army and the rebels agreed a ceasefire on Monday.", date(2025, 3, 4))
    assert sorted((e.type, e.trigger) for e in x.events) == [("AGREE", "agreed"), ("RETREAT", "ceasefire")]
    assert [e.mode for e in x.events if e.type == "RETREAT"] == ["ceasefire"]
    # between named parties it is evidence of talks between them, not of an alliance
    x, names = _run(extractor, "A truce between Liwa al-Nasr and Jabhat al-Sahil collapsed in June.", date(2025, 3, 4))
    assert [(e.type, e.trigger) for e in x.events] == [("RETREAT", "truce")]
    assert {r[0] for r in _relations(x, names)} == {"negotiates_with"}


# --- what the words around a trigger decide -----------------------------------------------

@pytest.mark.parametrize("text, event", [
    ("Rebels of the Northern Front seized the town of Hawija in May.", ("ASSAULT", "seized")),
    ("Tadmur was captured by the army after a week of shelling.", ("ASSAULT", "captured")),
    ("Police seized weapons and cash in a raid on the house.", ("COERCE", "seized")),
    ("The army captured three fighters near the border.", ("COERCE", "captured")),
    ("Liwa al-Nasr claimed the ambush the next day.", ("CLAIM_RESPONSIBILITY", "claimed")),
    ("A car bombing claimed by Jabhat al-Sahil killed nine people.", ("CLAIM_RESPONSIBILITY", "claimed")),
])
def test_the_object_decides_the_act(extractor, text, event):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert event in {(e.type, e.trigger) for e in x.events}


@pytest.mark.parametrize("text, event", [
    # what a part is of decides: a part of a place is a place
    ("Fano briefly seized parts of the town before withdrawing.", ("ASSAULT", "seized")),
    ("Jabhat al-Sahil has seized 14 of 17 townships since November.", ("ASSAULT", "seized")),
    ("Liwa al-Nasr captured most of the bases in the valley.", ("ASSAULT", "captured")),
    ("The army captured most of the fighters.", ("COERCE", "captured")),
    # what a relative clause took is its antecedent
    ("Saudi Arabia asked the council to leave the positions it seized in Aden.", ("ASSAULT", "seized")),
    ("Jabhat al-Sahil holds the checkpoints, which it captured in May.", ("ASSAULT", "captured")),
    # the lemmatizer reads "bases" as "basis"; the tagger reads "overrun" after "have" as a noun
    ("Liwa al-Nasr fighters have overrun at least five army bases.", ("ASSAULT", "overrun")),
    ("Captain Ibrahim Traore, who seized power in a coup, expanded the militia.", ("ASSAULT", "seized")),
    ("Jabhat al-Sahil said it had taken more than 200 hostages.", ("ASSAULT", "taken")),
    ("Between 27 June and 3 July, our troops neutralised 48 terrorists.", ("ASSAULT", "neutralised")),
    ("The Northern Front's takeover of Hawija was a test for its allies.", ("ASSAULT", "takeover")),
])
def test_what_is_taken_decides_the_act(extractor, text, event):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert event in {(e.type, e.trigger) for e in x.events}, [(e.type, e.trigger) for e in x.events]


@pytest.mark.parametrize("text, attacked", [
    ("Jabhat al-Sahil fighters stormed the hospital in Hawija on Monday.", {("Jabhat al-Sahil", "hospital")}),
    ("Liwa al-Nasr launched an assault on Hawija in May.", {("Liwa al-Nasr", "Hawija")}),
    ("The Northern Front attacked villages near Tadmur.", {("Northern Front", "villages")}),
    # seized: attacked, and held after (relations.control)
    ("Liwa al-Nasr seized Hawija in May.", {("Liwa al-Nasr", "Hawija")}),
    # overrun: the base attacked, and held after
    ("Liwa al-Nasr overran a Jabhat al-Sahil base near Hawija.", {("Liwa al-Nasr", "base")}),
    # counted: the places the count is of
    ("The Northern Front destroyed hundreds of villages near Tadmur.", {("Northern Front", "villages")}),
    # burned, razed or set on fire where it stands
    ("The Northern Front burned two villages near Tadmur.", {("Northern Front", "villages")}),
    ("Liwa al-Nasr set fire to the market in Tadmur.", {("Liwa al-Nasr", "market")}),
])
def test_an_attack_on_a_place_attacks_it(extractor, text, attacked):
    x, names = _run(extractor, text, date(2025, 6, 1))
    found = {(names[r.source], names[r.target]) for r in x.relations if r.type == "attacks"}
    assert {(a, p) for a, p in found if any(a.endswith(s) and p.endswith(t) for s, t in attacked)} == found and len(found) == len(attacked), found
    assert all(r.rule == "relations.attacked-place" for r in x.relations if r.type == "attacks")
    assert not [r for r in x.relations if r.type == "fights" and names[r.target].endswith("Hawija")]


def test_a_killing_of_a_leader_the_text_names_is_a_leaders_death(extractor):
    x, names = _run(extractor, "A drone strike killed Saraya al-Wadi's leader, Musa Ibrahim, in Manbij.", date(2025, 6, 1))
    assert ("LEADER_KILLED", "killed") in {(e.type, e.trigger) for e in x.events}
    assert ("leads", "Musa Ibrahim", "Saraya al-Wadi") in _relations(x, names)  # the place after the name is no region of command


def test_a_public_call_is_a_request_addressed_to_the_party_called_on(extractor):
    # re3d's CommWith ("communicated with") marks the calls on a party (in eleven blind
    # sets 33 of 33 such relations were right); no contact, so no talks
    x, names = _run(extractor, "The Security Council called on the Northern Front to withdraw from Hawija.", date(2025, 6, 1))
    assert ("REQUEST", "called") in {(e.type, e.trigger) for e in x.events}
    assert {(r.type, names[r.source], names[r.target]) for r in x.relations if r.type in ("communicates_with", "addresses")} == {
        ("addresses", "United Nations Security Council", "Northern Front")}
    x, names = _run(extractor, "Erdogan called Putin on Tuesday.", date(2025, 6, 1))
    assert ("CONSULT", "called") in {(e.type, e.trigger) for e in x.events}


def test_a_relative_clause_names_no_party_of_the_main_verb(extractor):
    x, names = _run(extractor, "The Northern Front, which Western officials say is backed by Iran, seized Hawija in May.", date(2025, 6, 1))
    seized = next(e for e in x.events if e.trigger == "seized")
    assert [names[a] for a in seized.actors] == ["Northern Front"]


@pytest.mark.parametrize("text, place", [
    ("Militants attacked Dar Salam, a town in Borno state, on Monday.", "Dar Salam"),
    ("Gunmen stormed Kafr Nabudah, the largest village in the district.", "Kafr Nabudah"),
])
def test_a_name_set_beside_a_place_noun_is_a_place(extractor, text, place):
    """The model takes unfamiliar place names for people; "a town in …" beside it says otherwise."""
    x, names = _run(extractor, text)
    actor = next(a for a in x.actors if a.name == place)
    assert actor.kind == "location"
    assert place not in [names[p] for e in x.events for p in e.actors + e.recipients]


def test_control_told_of_a_description_beside_a_name_is_the_names(extractor):
    x, names = _run(extractor, "The raids were blamed on JNIM, an al-Qaeda-linked armed group that controls large parts of the Mopti region.")
    assert ("controls", "Jama'at Nusrat al-Islam wal-Muslimin", "Mopti region") in _relations(x, names)


def _pair(rels: set, kind: str, a: str, b: str) -> bool:
    return (kind, a, b) in rels or (kind, b, a) in rels


def test_with_beside_against_names_a_partner_not_an_enemy(extractor):
    """"with X against Y": X fights on the subject's side (verb and noun triggers)."""
    x, names = _run(extractor, "Hezbollah fought with the Syrian army against the Free Syrian Army near Qusayr.")
    rels = _relations(x, names)
    assert _pair(rels, "fights", "Hezbollah", "Free Syrian Army") and _pair(rels, "fights", "Syrian Arab Army", "Free Syrian Army")
    assert _pair(rels, "allied_with", "Hezbollah", "Syrian Arab Army")
    assert not _pair(rels, "fights", "Hezbollah", "Syrian Arab Army")
    x, names = _run(extractor, "Hezbollah launched a joint offensive with the Syrian army against the Free Syrian Army in Qusayr.")
    rels = _relations(x, names)
    assert _pair(rels, "allied_with", "Hezbollah", "Syrian Arab Army") and not _pair(rels, "fights", "Hezbollah", "Syrian Arab Army")
    # near miss: no enemy named, the "with" of a fight is the other side
    x, names = _run(extractor, "ISIS fought with the Nusra Front in Deir ez-Zor.")
    assert _pair(_relations(x, names), "fights", "Islamic State", "Hayat Tahrir al-Sham")


def test_a_leader_named_in_a_partys_own_phrase_is_not_the_other_side(extractor):
    x, names = _run(extractor, "The campaign was an offensive by the Libyan National Army (LNA) of Field Marshal Khalifa Haftar to capture Tripoli.")
    rels = _relations(x, names)
    assert ("leads", "Khalifa Haftar", "Libyan National Army") in rels
    assert not _pair(rels, "fights", "Libyan National Army", "Khalifa Haftar")


def test_strikes_from_a_party_are_its_own(extractor):
    """"air strikes from the coalition": the coalition struck; it is nobody's target here."""
    x, names = _run(extractor, "Government forces, backed by tribal fighters and by air strikes from the Saudi-led coalition, repelled the Houthis.")
    strikes = next(e for e in x.events if e.trigger == "strikes")
    assert [names[a] for a in strikes.actors] == ["Saudi-led coalition"] and not strikes.recipients
    assert not [r for r in x.relations if r.type == "fights" and "Saudi-led coalition" in (names[r.source], names[r.target])]


@pytest.mark.parametrize("text, relation", [
    ("France is a close ally of Chad.", ("allied_with", "France", "Chad")),
    ("The UAE and Saudi Arabia are close partners of the United States.", ("allied_with", "Saudi Arabia", "United States")),
    ("The Wagner Group, a key backer of the Malian junta, sent more fighters.", ("supports", "Wagner Group", "Malian junta")),
    ("Hezbollah, an Iranian proxy, fired rockets at Haifa.", ("supports", "Iranian", "Hezbollah")),
    ("The SDF is Washington's main partner in Syria.", ("allied_with", "United States", "Syrian Democratic Forces")),
])
def test_a_tie_noun_after_a_copula_or_in_an_apposition_ties_the_party_described(extractor, text, relation):
    x, names = _run(extractor, text)
    rels = _relations(x, names)
    assert relation in rels or (relation[0] == "allied_with" and (relation[0], relation[2], relation[1]) in rels)


def test_a_member_of_an_alliance_is_not_its_ally(extractor):
    x, names = _run(extractor, "Turkey is a NATO ally.")
    assert not [r for r in x.relations if r.type == "allied_with"]


@pytest.mark.parametrize("text, members, body", [
    ("Burundi, Kenya and Uganda contribute troops to the African Union Mission in Somalia.",
     {"Burundi", "Kenya", "Uganda"}, "African Union Mission in Somalia"),
    ("The MNJTF brings together troops from Benin, Cameroon and Chad.", {"Benin", "Cameroon", "Chad"}, "Multinational Joint Task Force"),
    ("Egypt sent troops to the Saudi-led coalition in 2015.", {"Egypt"}, "Saudi-led coalition"),
])
def test_who_gives_forces_to_a_mission_belongs_to_it(extractor, text, members, body):
    x, names = _run(extractor, text)
    found = {(names[r.source], names[r.target]) for r in x.relations if r.type == "member_of" and r.rule == "relations.troop-contributors"}
    assert found == {(m, body) for m in members} | {("troops", body)}  # the troops serve in it too


@pytest.mark.parametrize("text", [
    "Chad sent 1,000 soldiers to Mali in 2013.",  # a place, no body
    "The conference brought together delegates from Iran and Turkey.",  # no forces: hosting
])
def test_forces_sent_to_a_place_or_people_gathered_make_no_member(extractor, text):
    x, names = _run(extractor, text)
    # (the soldiers are Chad's own: relations.forces-of-subject)
    assert not [r for r in x.relations if r.type == "member_of" and r.rule != "relations.forces-of-subject"]
    assert not [r for r in x.relations if names[r.target] in ("Mali", "Iran", "Turkey")]


def test_a_relative_clause_of_contributors_describes_its_own_noun_only(extractor):
    x, names = _run(extractor, "Britain will support the Nigerian army and the MNJTF, which brings together troops from Niger and Chad.")
    found = {(names[r.source], names[r.target]) for r in x.relations if r.rule == "relations.troop-contributors"}
    assert found == {("Niger", "Multinational Joint Task Force"), ("Chad", "Multinational Joint Task Force"),
                     ("troops", "Multinational Joint Task Force")}


@pytest.mark.parametrize("text, place", [
    ("Government troops recaptured Mabanda after heavy fighting.", "Mabanda"),
    ("Fighters loyal to the Northern Front overran Kafr Sabil on Saturday.", "Kafr Sabil"),
])
def test_a_name_that_is_retaken_or_overrun_is_a_place(extractor, text, place):
    """Only places are retaken or overrun; the model takes unfamiliar ones for people."""
    x, names = _run(extractor, text)
    assert next(a for a in x.actors if a.name == place).kind == "location"
    assert [r for r in x.relations if r.type == "controls" and names[r.target] == place]
    assert not [r for r in x.relations if r.type == "fights" and place in (names[r.source], names[r.target])]


@pytest.mark.parametrize("text", [
    "US drone strike kills two Hurras al-Din leaders in Idlib",
    "The group's founder, Abu Khallad al-Mohandes, had been killed by a car bomb in Idlib in August 2019.",
    "A US strike killed Khalid al-Aruri, a Jordanian who was the group's emir, in Idlib.",
])
def test_a_victim_the_sentence_calls_a_leader_makes_a_leaders_death(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert "LEADER_KILLED" in {e.type for e in x.events if e.trigger.lower().startswith("kill")}


@pytest.mark.parametrize("text", [
    "A drone strike killed three al-Shabaab fighters near Jilib.",
    "The Nigerian army said its troops had killed a senior ISWAP commander in Borno state.",  # one leader among several
    "Another founder, Abu Khallad al-Mohandes, had been killed by a car bomb in Idlib.",
])
def test_a_killing_of_fighters_or_of_one_leader_among_several_stays_an_assault(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert {e.type for e in x.events if e.trigger == "killed"} == {"ASSAULT"}


def test_a_headlines_bare_commander_is_one_among_several(extractor):
    x, _ = _run(extractor, "Israeli strike kills Hezbollah commander in south Lebanon", date(2025, 6, 1))
    assert {e.type for e in x.events if e.trigger == "kills"} == {"ASSAULT"}


STATEMENT = ("Statement by the Special Envoy for the Sahel\n\nBamako, 21 March 2025\n\n"
             "I am alarmed by the attacks on civilians in the Mopti region. I urge all parties to respect the ceasefire. "
             "We condemn the killing of aid workers.\n")


def test_the_issuers_present_statements_are_dated_by_the_statements_dateline(extractor):
    x, _ = _run(extractor, STATEMENT, date(2025, 3, 25))
    dated = {c.cue: (c.said_on.start, c.said_on_basis) for c in x.claims}
    assert dated["urge"] == ("2025-03-21", "text") and dated["condemn"] == ("2025-03-21", "text")


def test_a_dateline_dates_no_quoted_or_third_person_statement(extractor):
    # a quoted "we" spoke when its own cue says
    x, _ = _run(extractor, 'Bamako, 21 March 2025\n\n"We condemn the killing of aid workers," the envoy said on Sunday.\n', date(2025, 3, 25))
    assert [(c.cue, c.said_on.start) for c in x.claims] == [("said", "2025-03-23")]
    # a third person's "says" in a wire report: the report's day, not a date the text gives
    x, _ = _run(extractor, "BAMAKO, 21 March 2025 (Reuters) - The army says it repelled an attack on Boulkessi.\n", date(2025, 3, 25))
    assert [(c.cue, c.said_on_basis) for c in x.claims] == [("says", "publication date")]


@pytest.mark.parametrize("text, cue, content", [
    ("We affirm that there is no viable military solution to the conflict.", "affirm", "there is no viable military solution to the conflict"),
    ("The ministers agreed that the war in Sudan must end.", "agreed", "the war in Sudan must end"),
    ("I reiterate the Secretary-General's call for the release of all detainees.", "reiterate",
     "the Secretary-General's call for the release of all detainees"),
])
def test_affirming_agreeing_and_reiterating_a_position_are_statements(extractor, text, cue, content):
    x, _ = _run(extractor, text)
    assert [(c.cue, text[c.content_span.start:c.content_span.end]) for c in x.claims] == [(cue, content)]


def test_an_agreement_to_act_is_no_statement(extractor):
    x, _ = _run(extractor, "Hamas agreed on Tuesday to release ten hostages.")
    assert not x.claims


def test_a_that_the_parser_read_as_a_determiner_still_opens_the_clause(extractor):
    text = ("The members of the Security Council reaffirmed that terrorism in all its forms constitutes a serious threat to peace, "
            "and underlined the need to hold its sponsors to account.")
    x, _ = _run(extractor, text)
    assert [text[c.content_span.start:c.content_span.end] for c in x.claims] == [
        "terrorism in all its forms constitutes a serious threat to peace"]
    x, _ = _run(extractor, "The ministry rejected that view in a statement.")  # a true determiner
    assert [c.cue for c in x.claims] == ["rejected"] and "that view" in x.document.text[x.claims[0].content_span.start:x.claims[0].content_span.end]


@pytest.mark.parametrize("text, parts", [
    ('"We did not come to fight Muslims," its spokesman said in an audio recording on Thursday, "but we will not stand by."',
     ["We did not come to fight Muslims", "but we will not stand by"]),
    ('"Jolani does not want a war," he said. "He wants them contained, disarmed and quiet." Others disagree.',
     ["Jolani does not want a war", "He wants them contained, disarmed and quiet"]),
])
def test_a_quotation_split_around_its_cue_is_one_claim_in_two_parts(extractor, text, parts):
    x, _ = _run(extractor, text)
    assert len(x.claims) == 1
    claim = x.claims[0]
    assert [text[p.start:p.end] for p in claim.content_parts] == parts
    assert claim.content_span.start == claim.content_parts[0].start and claim.content_span.end == claim.content_parts[-1].end


@pytest.mark.parametrize("text", [
    '"The talks are over," the envoy said. "We tried," the minister added.',  # the next quotation has its own speaker
    '"The talks are over," the envoy said on Sunday.\n\n"We will try again."',  # another paragraph
    'The envoy said the talks were over. "We tried everything," she said.',  # the first is no quotation
])
def test_a_quotation_after_a_cue_that_is_not_the_rest_of_its_quote(extractor, text):
    x, _ = _run(extractor, text)
    assert x.claims and all(not c.content_parts for c in x.claims)


def test_a_conjunction_left_at_a_contents_end_is_trimmed(extractor):
    text = ("Not every faction accepted the pause. Harakat al-Nujaba, led by Akram al-Kaabi, said it would continue its attacks, "
            "and in a recorded speech broadcast last month al-Kaabi vowed that the resistance will not lay down its weapons.")
    x, _ = _run(extractor, text)
    said = next(c for c in x.claims if c.cue == "said")
    assert text[said.content_span.start:said.content_span.end] == "it would continue its attacks"


@pytest.mark.parametrize("text, content", [
    ("BAMAKO, 12 May (AFP) - Jihadists linked to Al-Qaeda killed at least 30 soldiers in an attack on a military camp in central Mali, "
     "the army said.", "Jihadists linked to Al-Qaeda killed at least 30 soldiers in an attack on a military camp in central Mali"),
    ("MAIDUGURI, Nigeria, March 24 (Reuters) - ISWAP fighters attacked a military base on Sunday night, two sources told Reuters.",
     "ISWAP fighters attacked a military base on Sunday night"),
])
def test_a_wire_dateline_is_not_what_was_said(extractor, text, content):
    x, _ = _run(extractor, text)
    assert [text[c.content_span.start:c.content_span.end] for c in x.claims] == [content]


@pytest.mark.parametrize("text, speaker", [
    ("The Panel of Experts on Yemen reported that the Houthis received drones.", "The Panel of Experts on Yemen"),
    ("The Group of Experts on the Democratic Republic of the Congo said in its final report that Rwanda controls M23.",
     "The Group of Experts on the Democratic Republic of the Congo"),
    ("Hezbollah in Lebanon said it fired rockets at the base.", "Hezbollah"),  # a name's place is not its remit
])
def test_a_bodys_remit_is_part_of_its_name_as_speaker(extractor, text, speaker):
    x, _ = _run(extractor, text)
    assert [text[c.speaker_span.start:c.speaker_span.end] for c in x.claims] == [speaker]


@pytest.mark.parametrize("text, content", [
    ("Insurgents overran an army base in Malam-Fatori on 24 March 2024. The militants looted weapons and burned the base "
     "before withdrawing. ISWAP claimed the attack the next day.", "the attack"),
    ("The army said it attacked the base on Monday.", "it attacked the base on Monday"),  # the clause's own date
])
def test_a_date_hung_on_a_cues_object_is_the_cues(extractor, text, content):
    x, _ = _run(extractor, text, date(2024, 3, 30))
    assert [text[c.content_span.start:c.content_span.end] for c in x.claims] == [content]


def test_a_relative_clause_that_reports_a_statement_is_its_nouns_own_claim(extractor):
    text = "The United States blamed Kataib Hezbollah, which announced two days later that it was suspending its operations."
    x, _ = _run(extractor, text)
    assert [(c.cue, text[c.content_span.start:c.content_span.end]) for c in x.claims] == [
        ("blamed", "Kataib Hezbollah"), ("announced", "it was suspending its operations")]
    text = "We condemn the attack against the camp in Mogadishu, which claimed the lives of at least 11 soldiers."
    x, _ = _run(extractor, text)  # an idiom, no statement: the content keeps it
    assert [c.cue for c in x.claims] == ["condemn"]


def test_the_one_called_on_to_act_is_the_actor(extractor):
    text = "Governor Babagana Zulum called on the federal government to send more troops and to work more closely with Chad and Niger."
    x, names = _run(extractor, text)
    work = next(e for e in x.events if e.trigger == "work")
    assert [names[a] for a in work.actors] != ["Babagana Zulum"]
    assert not [r for r in x.relations if "Babagana Zulum" in (names[r.source], names[r.target]) and r.type == "allied_with"]


def test_forces_sent_to_act_act_for_their_sender(extractor):
    x, names = _run(extractor, "The United Kingdom is providing 125 soldiers to assist the Iraqi army.")
    assist = next(e for e in x.events if e.trigger == "assist")
    assert [names[a] for a in assist.actors] == ["United Kingdom"]


@pytest.mark.parametrize("text, name", [
    ("Police recaptured Abu Omar al-Masri after his escape.", "Abu Omar al-Masri"),  # a fugitive's full name
    ("ISIS besieged the Yazidis on Mount Sinjar.", "Yazidis"),  # people are besieged too
])
def test_a_person_or_people_retaken_or_besieged_stay_people(extractor, text, name):
    x, _ = _run(extractor, text)
    assert all(a.kind != "location" for a in x.actors if name in a.name)


def test_what_lies_between_the_parts_of_a_split_quotation_is_not_said(extractor):
    text = '"We will not stop," the commander said after the attack on the base, "until the city is free."'
    x, _ = _run(extractor, text)
    claim = x.claims[0]
    attack = text.index("attack")
    assert len(claim.content_parts) == 2
    assert claim.content_span.contains(type(claim.content_span)(attack, attack + 6))  # the covering span runs over the cue
    assert not claim.says(type(claim.content_span)(attack, attack + 6))
    assert claim.says(type(claim.content_span)(text.index("city"), text.index("city") + 4))
    assert all(e.claim != claim.id for e in x.events if e.trigger == "attack")


def test_support_until_an_enemy_is_defeated_is_a_side_in_the_fight(extractor):
    x, names = _run(extractor, "The United States will keep supporting the Iraqi Security Forces until ISIL is defeated.")
    assert _pair(_relations(x, names), "allied_with", "United States", "Iraqi Security Forces")
    x, names = _run(extractor, "Iran will continue to support the Houthis until the aggression ends.")  # no enemy fought
    assert ("supports", "Iran", "Houthis") in _relations(x, names)


@pytest.mark.parametrize("text, a, b", [
    ("Two villagers died in a firefight between police and bandits near Gusau.", "police", "bandits"),
    ("A shootout between Sinaloa gunmen and the National Guard lasted two hours.", "Sinaloa", "National Guard"),
])
def test_a_firefight_between_two_sides_is_a_fight_between_them(extractor, text, a, b):
    x, names = _run(extractor, text)
    rels = {(t, s.lower(), o.lower()) for t, s, o in _relations(x, names)}
    assert any(t == "fights" and {a.lower(), b.lower()} <= {s, o} | {s.split()[-1], o.split()[-1]} for t, s, o in rels), rels
    assert not any(t == "allied_with" for t, *_ in rels)


def test_a_plural_title_after_one_name_is_not_that_names_title(extractor):
    x, names = _run(extractor, "Near Ali Kheyl, fighters of the Haqqani Network ambushed a patrol.")
    rels = _relations(x, names)
    assert not any(t == "member_of" and "Ali Kheyl" in s for t, s, o in rels)
    assert any(t == "member_of" and s.lower() == "fighters" and "Haqqani" in o for t, s, o in rels)  # the fighters are members
    # named one by one, holders of a plural title keep it
    x, names = _run(extractor, "Two al-Shabaab commanders, Abdi Warsame, its head of finance, and Hassan Gure, "
                               "its intelligence chief, were killed in Jilib.")
    assert ("member_of", "Abdi Warsame", "al-Shabaab") in _relations(x, names)


def test_a_description_is_not_a_member_of_the_name_beside_it(extractor):
    # "Its commander, <a name the model calls an organisation>,": the description is
    # who the name is (relations.structure._in_apposition), never a member of it
    from factions.relations.structure import _in_apposition

    doc = extractor.nlp("Its commander, Godfrey Otunge, said in February that the mission needed more helicopters.")
    assert _in_apposition(doc[0:2], doc[3:5])
    assert not _in_apposition(doc[0:2], doc[13:15])
    x, names = _run(extractor, "Its spokesman, Amadou Kone, said on Monday that the mission would stay in Gao.")
    assert not any(t == "member_of" and "Amadou Kone" in o for t, s, o in _relations(x, names))


def test_the_outlet_told_of_an_attack_is_no_party_to_it(extractor):
    x, names = _run(extractor, "A police spokesman told AFP that 12 militants had been killed near Maiduguri.")
    outlets = {a.id for a in x.actors if a.kind == "media"}
    # the only tie the outlet has is the statement made to it (rule relations.told)
    assert outlets and {(r.type, r.rule) for r in x.relations if r.source in outlets or r.target in outlets} == {
        ("addresses", "relations.told")}
    killed = next(e for e in x.events if e.trigger == "killed")
    assert not outlets & set(killed.actors)


def test_no_party_is_guessed_across_a_colon(extractor):
    # events.nearest-party stops at a colon: what stands before it is a speaker or a
    # label ("X, the UK Special Envoy for Yemen said: …", "CCTV: …"), not a party
    x, names = _run(extractor, "Responding to the report, Mark Dowell, the UK Special Envoy for Yemen said: "
                               "Hundreds of civilians have been killed in the strikes.")
    assert not any(t == "fights" for t, s, o in _relations(x, names))


def test_a_transcripts_speaker_label_is_not_the_subject_of_its_line(extractor):
    # nlp.pipeline._LINE_LABEL: with two labels or more, "Name:" opening a line ends
    # with a full stop in the model's view, so the parser does not make it the subject
    text = ("Xinhua: The Sudanese army met the Rapid Support Forces in Jeddah last week. Will they meet again?\n"
            "Spokesperson: Both sides agreed to meet again in March.")
    x, names = _run(extractor, text)
    rels = _relations(x, names)
    assert not any("Xinhua" in (s, o) for t, s, o in rels)
    met = next(e for e in x.events if e.trigger == "met")
    assert [names[a] for a in met.actors] != ["Xinhua"] and met.actors
    from factions.model import Document
    from factions.nlp import model_view

    assert model_view(Document(source="t", text=text))[6] == "."
    one = "Syria: Rebels took the town."  # one label alone: a headline's, kept
    assert model_view(Document(source="t", text=one)) == one


@pytest.mark.parametrize("text, leader, group", [
    ("Ibrahim Deby is a Chadian rebel leader who commands the Front for Change and Concord.", "Ibrahim Deby", "Front for Change"),
    ("Moussa Keita is a cleric and former teacher who heads the Katiba Macina.", "Moussa Keita", "Katiba Macina"),
])
def test_who_leads_after_a_predicate_noun_is_the_subject_described(extractor, text, leader, group):
    # nlp.tokens.relative_noun: "X is a Y who heads Z": X heads Z, not "Y"
    x, names = _run(extractor, text)
    rels = _relations(x, names)
    assert any(t == "leads" and s == leader and group in o for t, s, o in rels), rels
    assert not any(t == "leads" and s.lower() in ("leader", "teacher", "former teacher") for t, s, o in rels)


def test_support_for_a_party_taking_ground_by_force_is_an_alliance(extractor):
    # events.toml taken_by_force: "X, backed by Y, cleared two districts" is a fight, and the
    # support given in it makes allies (relations.support-in-fight)
    x, names = _run(extractor, "The Kurdish YPG, backed by Coalition aircraft, cleared two districts of Manbij.")
    rels = _relations(x, names)
    assert any(t == "allied_with" and "Coalition" in (s, o) for t, s, o in rels), rels
    # backing given outside any fight stays support
    x, names = _run(extractor, "The Kurdish YPG, backed by Coalition donors, opened a school in Manbij.")
    assert not any(t == "allied_with" for t, *_ in _relations(x, names))


def test_separatists_and_guerrillas_are_parties(extractor):
    # nominals.toml [person] heads: the sides of a civil war named by their cause
    x, names = _run(extractor, "Separatists ambushed an army convoy near Bamenda on Monday.")
    ambush = next(e for e in x.events if e.trigger == "ambushed")
    assert [names[a].lower() for a in ambush.actors] == ["separatists"]
    x, names = _run(extractor, "Hezbollah waged a guerrilla campaign against Israeli forces.")  # the singular modifies
    assert ("fights", "Hezbollah", "Israeli forces") in _relations(x, names)


def test_it_acting_on_something_is_the_group_before_it(extractor):
    # actors.index._acting_it: "it" as the subject of a verb acting on an object is a
    # group (re3d marks it too); "it is likely", "it takes time" are no one
    x, names = _run(extractor, "Al-Shabaab is a jihadist group in Somalia. It seized Kismayo in August 2008.")
    assert ("controls", "al-Shabaab", "Kismayo") in _relations(x, names)
    assert any(m.text == "It" and m.actor for m in x.mentions)
    x, _ = _run(extractor, "The Arakan Army is an ethnic armed group. It is likely that talks will resume, and it takes time.")
    assert not any(m.text.lower() == "it" for m in x.mentions)


def test_a_named_unit_after_its_is_the_owners_unit(extractor):
    # relations.structure._owned_unit: "its Majeed Brigade" belongs to the group "its"
    # stands for, never to itself
    x, names = _run(extractor, "Al-Shabaab claimed the raid, which its Amniyat unit had planned for months.")
    rels = _relations(x, names)
    assert any(t == "member_of" and "Amniyat" in s and o == "al-Shabaab" for t, s, o in rels), rels
    assert not any(t == "member_of" and "Amniyat" in s and "Amniyat" in o for t, s, o in rels)


def test_who_carried_out_an_attack_in_a_relative_clause_is_its_doer(extractor):
    # events.arguments: "the attack, which was carried out by X" names the doer, as
    # "an attack carried out by X" does; X is no enemy of the group claiming it
    x, names = _run(extractor, "Al-Shabaab claimed the bombing, which was carried out by its Amniyat unit.")
    bombing = next(e for e in x.events if e.trigger == "bombing")
    assert "Amniyat" in {names[a] for a in bombing.actors}
    assert not any(t == "fights" for t, *_ in _relations(x, names))


@pytest.mark.parametrize("text", [
    "Government troops and allied Mai-Mai fighters held the airport.",
    "A police spokesman said the army and allied Wazalendo militias still held parts of the town.",  # "allied" read as a verb
])
def test_the_allied_conjunct_is_the_others_ally_and_no_event(extractor, text):
    # relations.allied-conjunct (events.triggers.allied_adjective)
    x, names = _run(extractor, text)
    rels = _relations(x, names)
    assert any(t == "allied_with" for t, *_ in rels), rels
    assert not any(t == "allied_with" and "spokesman" in (s + o).lower() for t, s, o in rels)
    assert not any(e.trigger == "allied" for e in x.events)


# --- seventh session: forces, sides and heads as re3d relates them -----------------------

def _spans(x, kind):
    t = x.document.text
    return {(t[r.source_span.start:r.source_span.end], t[r.target_span.start:r.target_span.end]) for r in x.relations if r.type == kind}


def test_its_stands_for_a_singular_party_only(extractor):
    # actors.index._plural_mention: "its" never stands for "we", "they" or "armed groups";
    # _controller: in "urged X to withdraw its forces" it is X's
    x, names = _run(extractor, "We urge Niger to withdraw its forces from the border zone.")
    assert ("its forces", "Niger") in _spans(x, "member_of")
    x, names = _run(extractor, "The PSF counter-attacked, and armed groups from Tobruk and Derna joined its forces in the defence of the port.")
    assert ("its forces", "PSF") in _spans(x, "member_of")
    assert not any(o == "armed groups" for _, o in _spans(x, "member_of"))


def test_cooperation_against_an_enemy_makes_no_ally_of_it(extractor):
    # events.implied: the party named by "against" is the enemy of a cooperation
    x, names = _run(extractor, "Kenya cooperated with Somalia against al-Shabaab in Gedo.")
    rels = _relations(x, names)
    assert ("allied_with", "Kenya", "Somalia") in rels
    assert not any(t == "allied_with" and "al-Shabaab" in (s, o) for t, s, o in rels), rels
    x, names = _run(extractor, "We call on the regional community, including Kenya, to intensify its cooperation with Somalia against al-Shabaab.")
    assert not any(t == "allied_with" and "al-Shabaab" in (s, o) for t, s, o in _relations(x, names))


@pytest.mark.parametrize("text, forces, owner", [
    ("The FDLR, founded in 2000, has about 1,500 fighters in North Kivu.", "fighters", "FDLR"),
    ("The group says it has more than 20,000 members.", "members", "The group"),
])
def test_forces_a_party_has_are_its_members(extractor, text, forces, owner):
    # relations.forces-of-subject
    x, _ = _run(extractor, text)
    assert (forces, owner) in _spans(x, "member_of"), _spans(x, "member_of")


def test_forces_a_body_sends_are_commanded_by_it(extractor):
    # relations.forces-of-subject, lexicons/relations.toml commanding_verbs: not when only meant
    x, _ = _run(extractor, "The defence minister said the army had sent 3,000 troops to the province.")
    assert ("the army", "troops") in _spans(x, "leads"), x.relations
    y, _ = _run(extractor, "The government refused to send troops to the province.")
    assert not _spans(y, "leads"), y.relations


def test_forces_trained_or_owned_by_another_are_not_the_subjects(extractor):
    x, _ = _run(extractor, "Since 2022 Britain has trained more than 2,000 Kenyan troops in bomb disposal.")
    assert not any(s.endswith("troops") for s, _ in _spans(x, "member_of"))
    x, _ = _run(extractor, "Chad deployed its troops to the lake.")  # the possessive is read by relations.described-member
    assert [r.rule for r in x.relations if r.type == "member_of" and r.rule == "relations.forces-of-subject"] == []


def test_troops_contributed_to_a_mission_serve_in_it(extractor):
    # relations.troop-contributors; "the mission" and "the force" are bodies (nominals.toml),
    # "by force" is no one
    x, _ = _run(extractor, "Ghana and Senegal contribute troops to the mission.")
    members = _spans(x, "member_of")
    assert {("Ghana", "the mission"), ("Senegal", "the mission"), ("troops", "the mission")} <= members, members
    x, _ = _run(extractor, "The junta took the town by force, and the use of force was condemned.")
    assert not any("force" in m.text for m in x.mentions)
    x, _ = _run(extractor, "A Rwandan-led multinational force arrived in March.")
    assert any(m.text.endswith("multinational force") for m in x.mentions)


def test_operating_alongside_another_is_being_on_its_side(extractor):
    # relations.alongside
    x, names = _run(extractor, "Burundian soldiers were operating alongside the Wazalendo militias near Uvira.")
    assert ("Burundian soldiers", "the Wazalendo militias") in _spans(x, "allied_with")
    x, names = _run(extractor, "The minister sat alongside the ambassador at the ceremony.")
    assert _spans(x, "allied_with") == set()


@pytest.mark.parametrize("text, pair", [
    ("We condemn the rocket attacks that the PKK has launched on Turkish bases.", ("PKK", "Turkish bases")),
    ("In 2019 its forces went to war with the Libyan National Army.", ("its forces", "the Libyan National Army")),
    ("The rebels took up arms against the government in 2012.", ("The rebels", "the government")),
    ("The alliance launched Operation Red Dawn against the junta in Kayah State.", ("The alliance", "the junta")),
    # events.toml ASSAULT phrases and participants forces_sent
    ("The illegal formations have repeatedly opened fire on positions of the Azerbaijan Army.", ("The illegal formations", "the Azerbaijan Army")),
    ("Morocco has used drones against SPLA units and vehicles east of the wall.", ("Morocco", "SPLA")),
    ("Idriss Deby died of wounds suffered while leading his troops against rebels in the north.", ("his troops", "rebels")),
    ("The Houthis sent hundreds of fighters against government positions.", ("The Houthis", "government positions")),
    ("Government troops and the rebels exchanged fire near Goma.", ("Government troops", "the rebels")),
    ("The army exchanged fire with M23 rebels.", ("The army", "M23")),
])
def test_fights_named_in_other_words(extractor, text, pair):
    # events.arguments (a light verb in a relative clause on the attack; "went to war
    # with"; forces sent, participants forces_sent), events.toml ("took up arms", "opened
    # fire on", "exchanged fire"), events.triggers (a named operation launched)
    x, _ = _run(extractor, text)
    fought = _spans(x, "fights") | _spans(x, "attacks")
    assert pair in fought or pair[::-1] in fought, fought


def test_a_place_named_by_its_kind_of_noun_is_a_place(extractor):
    # nlp.components.make_nominals: a compound noun before a place head ("an education
    # centre", "a fuel depot"); a bare "centre" is none
    x, _ = _run(extractor, "The militants bombed a fuel depot outside Kandahar.")
    assert ("The militants", "a fuel depot") in _spans(x, "attacks")
    x, _ = _run(extractor, "The talks are at the centre of the dispute.")
    assert not any(m.text.endswith("centre") for m in x.mentions)
    x, _ = _run(extractor, "The alliance launched Operation Red Dawn against the junta.")  # an operation, no actor
    assert not any(m.text.startswith("Operation") and m.actor for m in x.mentions)


def test_heads_of_groups_in_encyclopedic_and_release_phrasing(extractor):
    # nlp.tokens._bracketed_subject; relations.led-by on a conjoined verb; a name after a
    # person's title is a person (nlp.components._titled_person); "under his leadership"
    x, names = _run(extractor, "Mokhtar Belmokhtar (born June 1972) was an Algerian jihadist who led al-Mourabitoun.")
    assert ("Mokhtar Belmokhtar", "al-Mourabitoun") in _spans(x, "leads")
    x, names = _run(extractor, "Al-Shabaab is a jihadist group in Somalia. It is an affiliate of al-Qaeda and is led by Ahmed Diriye.")
    assert ("leads", "Ahmed Diriye", "al-Shabaab") in _relations(x, names)
    x, names = _run(extractor, "The mission has 900 officers. Its commander, Peter Odhiambo, said the mission needed helicopters.")
    assert any(m.text == "Peter Odhiambo" and m.label == "PERSON" for m in x.mentions)
    assert ("Peter Odhiambo", "Its") in _spans(x, "leads")
    x, names = _run(extractor, "Mohammed Yusuf founded Boko Haram. Under his leadership the group built a mosque in Maiduguri.")
    assert ("his", "the group") in _spans(x, "leads")


def test_the_place_named_after_town_of_is_the_place_attacked(extractor):
    # events.participants.places: "the northern town of X" is X
    x, _ = _run(extractor, "Al-Shabaab militants attacked the coastal town of Kismayo.")
    assert any(t == "Kismayo" for _, t in _spans(x, "attacks")), _spans(x, "attacks")


def test_an_attack_in_which_an_act_was_done_is_the_doers(extractor):
    # events.arguments: "killed … in an attack on X" (not a passive: the killed did nothing)
    x, names = _run(extractor, "In March the group killed six Togolese soldiers in an attack on a MINUSMA post near Kidal.")
    attack = next(e for e in x.events if e.trigger == "attack")
    assert [names[a] for a in attack.actors] == ["group"]
    x, names = _run(extractor, "Six soldiers were killed in an attack on their post.")
    attack = next(e for e in x.events if e.trigger == "attack")
    assert attack.actors == []


def test_battling_is_fighting_and_a_known_town_captured_is_a_place(extractor):
    # events.toml (battle); nlp.components.entity_fixes (known_place_object_verbs)
    x, names = _run(extractor, "Government troops are battling the Taliban near Kunduz.")
    assert ("fights", "Government troops", "Taliban") in _relations(x, names) or \
        ("fights", "Taliban", "Government troops") in _relations(x, names)
    x, names = _run(extractor, "ISWAP fighters seized Marte on Monday.")
    assert ("controls", "Islamic State West Africa Province", "Marte") in _relations(x, names)
    x, names = _run(extractor, "Soldiers arrested the gang leader Musa Hilal on Monday and later captured Hilal's deputy.")
    assert not any(m.text == "Hilal" and m.label == "GPE" for m in x.mentions)


def test_the_sides_between_which_talks_or_clashes_run(extractor):
    # events.arguments._between: a title in the "of" phrase of one side is no third side;
    # events.implied: "clashes between A and B killed four" still pairs A and B
    x, names = _run(extractor, "Talks between the government of President Ruto and the Shabaab faction collapsed in May.")
    assert not any("President" in (s + o) for t, s, o in _relations(x, names) if t == "negotiates_with")
    x, names = _run(extractor, "Clashes between the Taliban and the ISKP killed four civilians.")
    assert ("fights", "Taliban", "Islamic State Khorasan Province") in _relations(x, names) or \
        ("fights", "Islamic State Khorasan Province", "Taliban") in _relations(x, names)


def test_fighting_side_by_side_is_being_allies(extractor):
    x, _ = _run(extractor, "Chadian soldiers fought side by side with their Nigerien comrades.")
    assert _spans(x, "allied_with") and not _spans(x, "fights")


@pytest.mark.parametrize("text, pair", [
    ("The ISGS, which Niger banned in 2018, has stepped up attacks.", ("Niger", "ISGS")),
    ("The group is led by Musa Baluku, whom Washington placed under sanctions in 2021.", ("Washington", "Musa Baluku")),
    ("The Security Council imposed an arms embargo on the RSF.", ("The Security Council", "RSF")),
    ("ISKP, which is hostile to both the Taliban and Hamas, claimed the attack.", ("ISKP", "Hamas")),
])
def test_sanctions_and_hostility_in_other_words(extractor, text, pair):
    # participants: a relative pronoun object is the noun described; "placed under
    # sanctions"; "embargo"; relations.stance-adjective ("hostile to both A and B")
    x, _ = _run(extractor, text)
    assert pair in _spans(x, "opposes"), _spans(x, "opposes")


def test_a_deputy_belongs_to_the_body_its_head_leads(extractor):
    # relations.title-of (events.toml second_in_command)
    x, names = _run(extractor, "After the coup, Hemedti became deputy chairman of the Sovereignty Council.")
    rels = _relations(x, names)
    assert ("member_of", "Mohamed Hamdan Dagalo", "Sovereignty Council") in rels, rels
    assert ("leads", "Mohamed Hamdan Dagalo", "Sovereignty Council") not in rels


def test_among_ones_partners_is_an_ally(extractor):
    # relations.ally-description: "X are among Y's closest allies"
    x, names = _run(extractor, "The Houthis are among Iran's closest allies.")
    assert ("allied_with", "Iran", "Houthis") in _relations(x, names) or ("allied_with", "Houthis", "Iran") in _relations(x, names)


def test_the_killing_of_people_is_an_assault_and_the_one_blamed_did_it(extractor):
    # events.extract (a killing of no person is no leader's death); events.arguments
    # (blame_verbs: "blamed for the killing of", "blamed the attack on X")
    x, names = _run(extractor, "Militia fighters were blamed for the killing of 40 villagers near Djugu.")
    killing = next(e for e in x.events if e.trigger == "killing")
    assert killing.type == "ASSAULT" and killing.actors
    x, names = _run(extractor, "The killing of Abu Bakr al-Baghdadi in 2019 weakened the group.")
    assert [e.type for e in x.events if e.trigger == "killing"] == ["LEADER_KILLED"]
    x, names = _run(extractor, "The army blamed the attack on the ADF.")
    attack = next(e for e in x.events if e.trigger == "attack")
    assert [names[a] for a in attack.actors] == ["Allied Democratic Forces"] and attack.recipients == []


def test_attacks_kept_up_and_fights_of_the_supported(extractor):
    # events.toml light_verbs (keep, sustain); events.arguments ("supports X in the fight
    # against Y": X fights Y too)
    x, names = _run(extractor, "The TNLA has kept up attacks on junta outposts.")
    assert any(e.trigger == "attacks" and e.actors for e in x.events)
    x, names = _run(extractor, "Rwanda supports the Mozambican army in the fight against the insurgents.")
    rels = _relations(x, names)
    assert any(t == "fights" and "Mozambican army" in s for t, s, o in rels), rels


def test_a_hostile_label_given_in_the_passive_by_several(extractor):
    # relations.hostile-label: "listed as a terrorist organisation by A, B and C" (the
    # parse hangs "by" on the label); each of them opposes the group
    x, names = _run(extractor, "Hamas is classified as a terrorist group by Israel, Canada and the European Union.")
    opposed = {s for t, s, o in _relations(x, names) if t == "opposes" and o == "Hamas"}
    assert {"Israel", "Canada", "European Union"} <= opposed, _relations(x, names)


def test_a_founder_of_two_groups_leads_both(extractor):
    # relations.founded-by: the founded objects' conjuncts
    x, names = _run(extractor, "Iyad Ag Ghaly is a Tuareg militant who founded Ansar Dine and the Popular Movement for the Liberation of Azawad.")
    led = {o for t, s, o in _relations(x, names) if t == "leads"}
    assert len(led) >= 2, _relations(x, names)


# --- equipment: weapons and vehicles are no parties, and belong to one ------------------

def test_equipment_belongs_to_who_names_owns_or_uses_it(extractor):
    # nominals.toml [equipment]; relations.equipment-of (owned_by, re3d BelongsTo)
    x, _ = _run(extractor, "The militants fired mortars at the base from their pickup trucks.")
    owned = _spans(x, "owned_by")
    assert ("mortars", "The militants") in owned and ("their pickup trucks", "The militants") in owned, owned
    x, _ = _run(extractor, "Grenades and rifles belonging to the gang were seized near the border.")
    assert {("Grenades", "the gang"), ("rifles", "the gang")} <= _spans(x, "owned_by")
    x, _ = _run(extractor, "Qatar provided the army with helicopters.")
    assert _spans(x, "owned_by") == {("helicopters", "the army")}


def test_equipment_is_no_party_and_no_modifier(extractor):
    x, names = _run(extractor, "Troops destroyed five trucks near the river.")
    # no party fought: the trucks are what was attacked (relations.attacked-equipment), as a place is
    assert not [r for r in x.relations if r.type == "fights"]
    assert {(r.type, names[r.target]) for r in x.relations} == {("attacks", "trucks")}, x.relations
    assert all(a.kind == "equipment" for a in x.actors if a.name.endswith("trucks"))
    x, _ = _run(extractor, "A drone strike killed three militants.")  # "drone" modifies the strike
    assert not any(m.label == "PRODUCT" for m in x.mentions)
    x, names = _run(extractor, "Unidentified aircraft struck a convoy of Hezbollah fighters near Tyre.")
    struck = next(e for e in x.events if e.trigger == "struck")
    assert [names[a] for a in struck.actors] == ["Unidentified aircraft"]  # of no one named: it acts itself


@pytest.mark.parametrize("text, pair", [
    ("Egypt announced, together with Qatar and the United States, a pause in the fighting.", ("Egypt", "Qatar")),
    ("Burundi, along with Rwanda, sent troops to the border.", ("Burundi", "Rwanda")),
])
def test_acting_together_with_another_is_being_on_its_side(extractor, text, pair):
    # relations.alongside (structure._together_with)
    x, _ = _run(extractor, text)
    allied = _spans(x, "allied_with")
    assert pair in allied or pair[::-1] in allied, allied


def test_along_with_after_an_object_adds_objects_not_allies(extractor):
    x, _ = _run(extractor, "We are targeting the smugglers of weapons, along with the businessmen who finance the militias.")
    assert not [r for r in x.relations if r.rule == "relations.alongside"]


# --- eighth session -------------------------------------------------------------------

@pytest.mark.parametrize("text, pair, kind", [
    ("AMISOM fights al-Shabaab, which is affiliated with al-Qaeda.", ("al-Shabaab", "al-Qaeda"), "affiliate_of"),
    ("ISWAP, which is loyal to the Islamic State group, is dominant.", ("ISWAP", "the Islamic State group"), "affiliate_of"),
    ("Armed fighters linked to ISIL stormed the town.", ("Armed fighters", "ISIL"), "affiliate_of"),
    ("Ugandan security agencies have linked the bombers to the ADF.", ("the bombers", "ADF"), "affiliate_of"),
])
def test_a_party_said_to_be_tied_to_a_group_belongs_to_it(extractor, text, pair, kind):
    # relations.affiliated-with and relations.loyal-to (relations.toml [affiliation]);
    # a relative pronoun stands for its noun, an active verb's object is the one tied
    x, _ = _run(extractor, text)
    assert pair in _spans(x, kind), x.relations


def test_a_tie_to_no_party_or_of_the_speaker_makes_no_membership(extractor):
    x, _ = _run(extractor, "The attack was linked to the Islamic State.")
    assert not [r for r in x.relations if r.rule == "relations.affiliated-with"]
    x, _ = _run(extractor, "Officials linked the bombers to the ADF.")
    assert ("Officials", "ADF") not in _spans(x, "member_of") | _spans(x, "affiliate_of")


@pytest.mark.parametrize("text, pair, kind", [
    # events.arguments._helped: "the support of X" is X's; who has it, or acts with it, receives it
    ("Awdheegle was liberated from al-Shabaab in 2019 by the SNA with the support of AMISOM.", ("AMISOM", "SNA"), "allied_with"),
    ("Government forces, with the support of Chad, retook Gao.", ("Chad", "Government forces"), "allied_with"),
    ("The rebels have the support of Rwanda.", ("Rwanda", "The rebels"), "supports"),
])
def test_the_support_of_a_party_is_given_by_it(extractor, text, pair, kind):
    x, _ = _run(extractor, text)
    found = _spans(x, kind)
    assert pair in found or (kind == "allied_with" and pair[::-1] in found), x.relations
    assert pair[::-1] not in _spans(x, "supports")


def test_the_support_of_no_party_gives_no_one_support(extractor):
    x, _ = _run(extractor, "I stand ready to work with all sides, with the support of the region.")
    assert not [e for e in x.events if e.type == "SUPPORT"]


def test_in_support_of_names_who_receives_it(extractor):
    x, _ = _run(extractor, "AFRICOM carried out an airstrike in support of the Somali forces.")
    assert not _spans(x, "supports") & {("the Somali forces", "AFRICOM")}
    assert ("AFRICOM", "the Somali forces") in _spans(x, "allied_with") | _spans(x, "supports")


@pytest.mark.parametrize("text", [
    "Five weeks later soldiers and police retook the town.",
    "Troops and gendarmes attacked the rebel camp on Monday.",
    "The Army and the Navy attacked the rebels near the coast.",
])
def test_one_states_services_side_by_side_are_no_allies(extractor, text):
    # events.implied.one_states_services (events.toml co_actors.state_services): for
    # relations.sides-of-a-fight and for relations.control's co-holders
    x, _ = _run(extractor, text)
    assert not _spans(x, "allied_with"), x.relations
    assert _spans(x, "attacks") | _spans(x, "controls") | _spans(x, "fights"), x.relations


def test_two_states_forces_or_a_force_and_a_group_side_by_side_are_allies(extractor):
    x, _ = _run(extractor, "Chadian troops and Nigerien soldiers attacked the Boko Haram camp.")
    assert ("Chadian troops", "Nigerien soldiers") in _spans(x, "allied_with") | {(b, a) for a, b in _spans(x, "allied_with")}, x.relations
    x, _ = _run(extractor, "Rebels and Rwandan troops captured Goma.")
    assert ("Rebels", "Rwandan troops") in _spans(x, "allied_with"), x.relations


def test_among_them_names_some_of_those_the_act_befell(extractor):
    # events.arguments._participants: "among them X" after an object or a passive
    x, _ = _run(extractor, "Troops killed ten senior LTTE leaders, among them Charles Anthony and Soosai.")
    assert not [r for r in x.relations if r.rule == "relations.sides-of-a-fight"], x.relations
    assert ("Troops", "Charles Anthony") in _spans(x, "fights")
    x, _ = _run(extractor, "More than 200 were wounded in the first hours, among them women and children.")
    assert not _spans(x, "allied_with")


def test_a_persons_title_and_its_portfolios_are_no_list_of_parties(extractor):
    # events.arguments._title_of; "Secretary-General" is one title (nlp.components nominals)
    x, names = _run(extractor, "Mr Nasser Bourita, Minister of Foreign Affairs, African Cooperation and Moroccan "
                               "Expatriates, informed the Secretary-General of the measures.")
    talks = _spans(x, "communicates_with")
    assert talks == {("Mr Nasser Bourita", "the Secretary-General")}, talks  # the courtesy title inside, as re3d marks it


def test_a_states_border_or_capital_is_no_party_attacked(extractor):
    # participants._geographic (nominals.toml [place] geographic)
    x, names = _run(extractor, "By May the army had pushed the remaining fighters back towards the Niger border.")
    assert ("the army", "fighters") in _spans(x, "fights")
    assert not [r for r in x.relations if names.get(r.target) == "Niger" or names.get(r.source) == "Niger"]


def test_no_group_is_no_party(extractor):
    x, _ = _run(extractor, "No group has said it carried out the attack, but Moroccan media blamed the Polisario Front.")
    assert not _spans(x, "fights")


@pytest.mark.parametrize("text, pair", [
    ("Russian volunteers fought on Ukraine's side.", ("Russian volunteers", "Ukraine")),  # arguments.sides_taken
    ("The militia fought on the side of the government against the rebels.", ("The militia", "the government")),
    ("Russian fighters allied with Kyiv crossed the border.", ("Russian fighters", "Kyiv")),  # stative_participles
    ("The units coordinate their operations with the army.", ("The units", "the army")),  # the object's "with"
])
def test_taking_a_side_or_working_with_another_is_an_alliance(extractor, text, pair):
    x, _ = _run(extractor, text)
    allied = _spans(x, "allied_with")
    assert pair in allied or pair[::-1] in allied, x.relations
    assert not _spans(x, "fights") & {pair, pair[::-1]}


def test_an_enemy_denied_with_not_is_no_enemy(extractor):
    x, _ = _run(extractor, "We are fighting against the Putin regime, not against the Russian people.")
    assert {t for _, t in _spans(x, "fights")} == {"the Putin regime"}


def test_an_ambassador_of_a_possessor_is_not_of_the_place_he_leaves(extractor):
    x, _ = _run(extractor, "Pakistan recalled its ambassador from Tehran.")
    assert not [r for r in x.relations if r.type == "member_of" and r.target_span.start > 30]


def test_the_commander_of_a_sector_is_a_member(extractor):
    # events.toml sector_modifiers (relations.structure._second_in_command)
    x, _ = _run(extractor, "In March 2004, the LTTE's eastern commander, Vinayagamoorthy Muralitharan, broke away.")
    assert ("Vinayagamoorthy Muralitharan", "LTTE") in _spans(x, "member_of")
    assert not _spans(x, "leads")


def test_who_killed_is_not_guessed_for_a_passive(extractor):
    x, _ = _run(extractor, "S. P. Thamilselvan led the political wing until he was killed in an air force strike in 2007.")
    assert not _spans(x, "fights")


@pytest.mark.parametrize("text, pair, kind", [
    ("Foreign Minister Jilani raised the matter with his Iranian counterpart.", ("Jilani", "his Iranian counterpart"), "communicates_with"),
    ("For years Pakistan has shared intelligence with Iran.", ("Pakistan", "Iran"), "communicates_with"),
    ("An Israeli airstrike killed three militants in Gaza.", ("Israeli", "three militants"), "fights"),  # demonyms.toml [heads]
    ("Its units led the assault on Bakhmut.", ("Its units", "Bakhmut"), "attacks"),  # "lead" as a light verb
    ("Wagner recruited tens of thousands of inmates from Russian prisons.", ("inmates", "Wagner"), "member_of"),
    ("Towns under the control of the RSF were shelled.", ("RSF", "Towns"), "controls"),
    ("Wagner deployed to Libya in support of the Libyan National Army.", ("Wagner", "the Libyan National Army"), "allied_with"),
    # relations.equipment-in-hand (armed or equipped with: in their hands, as most blind sets read it);
    # relations.members-include (made up of, composed of)
    ("An estimated 60 fighters armed with rocket-propelled grenades and machine guns attacked the base.", ("fighters", "machine guns"), "controls"),
    ("The gunmen were armed with assault rifles.", ("The gunmen", "assault rifles"), "controls"),
    ("The DRG, a force made up largely of local recruits and surrendered rebels, lost eight men.", ("local recruits", "DRG"), "member_of"),
    ("The coalition is composed of the TNLA and the MNDAA.", ("TNLA", "The coalition"), "member_of"),
    # relations.persons-forces; relations.founded-by (a fronted participle founds the main clause's subject)
    ("Haftar ordered his forces to advance on Tripoli.", ("Haftar", "his forces"), "leads"),
    ("Security forces entered the residence of Riek Machar and disarmed his guards.", ("Riek Machar", "his guards"), "leads"),
    ("The army said its aircraft had killed Abu Duaa al-Ansari and dozens of his fighters.", ("Abu Duaa al-Ansari", "his fighters"), "leads"),
    ("Founded by Abimael Guzmán in 1969, the Shining Path began an insurgency in 1980.", ("Abimael Guzmán", "the Shining Path"), "leads"),
])
def test_relations_said_in_other_words(extractor, text, pair, kind):
    x, _ = _run(extractor, text)
    found = _spans(x, kind)
    assert pair in found or (kind == "allied_with" and pair[::-1] in found), x.relations


def test_a_contested_region_the_kb_knows_is_a_place(extractor):
    # data/kb/locations.toml: regions the gazetteer does not hold
    x, _ = _run(extractor, "Azerbaijan launched an offensive in Nagorno-Karabakh.")
    kinds = {a.id: a.kind for a in x.actors}
    assert [kinds[m.actor] for m in x.mentions if m.text == "Nagorno-Karabakh"] == ["location"]


def test_the_government_of_a_prime_minister_is_his_even_when_it_stands_for_the_state(extractor):
    # relations.group-of-person: a generic led body that resolves to the state
    # (with the province named, "the government" stands for Pakistan itself)
    x, names = _run(extractor, "North Waziristan had for years served as a base for the TTP. Militants attacked Bannu in Khyber "
                               "Pakhtunkhwa. Peace talks between the government of Prime Minister Nawaz Sharif and the TTP "
                               "collapsed in early 2014.")
    assert names[next(r.target for r in x.relations if r.type == "leads")] == "Pakistan"
    assert ("Nawaz Sharif", "the government") in _spans(x, "leads")


def test_a_verb_before_a_title_is_no_part_of_it(extractor):
    # nlp.components nominals: "informed" is a modifier only as an adjective ("informed sources")
    x, _ = _run(extractor, "He also informed UN Secretary-General António Guterres. Informed sources said the talks failed.")
    texts = {m.text for m in x.mentions if m.basis == "nominal"}
    assert "UN Secretary-General" in texts and "Informed sources" in texts, texts


@pytest.mark.parametrize("text, pair", [
    # stances.toml [control] use/run/belong; nominals.toml ground held and fought from
    ("The hideouts belonged to the Balochistan Liberation Front.", ("the Balochistan Liberation Front", "The hideouts")),
    ("The strikes hit hideouts used by the BLF in Saravan.", ("BLF", "hideouts")),
    ("Artillery struck camps belonging to the Allied Democratic Forces.", ("the Allied Democratic Forces", "camps")),
    ("The Taliban were using civilian homes as shelters.", ("The Taliban", "homes")),
])
def test_ground_a_party_uses_runs_or_owns_is_held_by_it(extractor, text, pair):
    x, _ = _run(extractor, text)
    held = _spans(x, "controls")
    assert any(a in pair[0] and pair[1] in b for a, b in held), held


def test_ground_named_by_its_owners_word_is_one_place(extractor):
    # "an army post", "a Somali army base": the place (examples/expected 06-regional-wire)
    x, _ = _run(extractor, "JNIM fighters overran an army post near Solenzo.")
    held = _spans(x, "controls") | _spans(x, "attacks")
    assert any(b == "an army post" for _, b in held), held


def test_a_post_or_position_names_ground_only_with_its_kind(extractor):
    x, _ = _run(extractor, "He was appointed to the post of defence minister. Troops shelled border posts.")
    places = {m.text for m in x.mentions if m.label == "LOC"}
    assert "the post" not in places and "border posts" in places, places


def test_a_means_used_to_attack_is_the_subjects(extractor):
    # nlp.tokens.asked_of: "used drones to attack": the drones are no one asked
    x, _ = _run(extractor, "The militants used drones to attack the base.")
    assert ("The militants", "the base") in _spans(x, "attacks")
    x, _ = _run(extractor, "Its fighters had been stationed at the Jufra air base alongside Russian mercenaries of the Wagner Group.")
    allied = _spans(x, "allied_with")
    assert any("Russian mercenaries" in b or "Russian mercenaries" in a for a, b in allied), allied


def test_those_who_act_are_no_one_named(extractor):
    # nlp.tokens.INDEFINITE_PRONOUNS: relative_noun and pronoun resolution
    x, _ = _run(extractor, "The dialogue cannot go on while Serbia arms and shelters those who kill our police officers.")
    assert not _spans(x, "fights")


def test_a_nationality_the_model_took_for_a_body_leads_nothing(extractor):
    # nlp.components._demonyms: a one-word demonym is a NORP whatever the model says
    x, names = _run(extractor, "Joseph Kony is a Ugandan militant leader who founded and leads the Lord's Resistance Army.")
    assert {(names[r.source], names[r.target]) for r in x.relations if r.type == "leads"} == {("Joseph Kony", "Lord's Resistance Army")}


@pytest.mark.parametrize("text", [
    "Sergeant Afrim Bunjaku was killed and two other officers were wounded.",  # a counted passive: no doer guessed
    "In 1992 a car bomb in Tarata Street killed 25 people.",  # a bomb is no party (nominals.toml platforms)
    # "Criminal" of a name is no epithet ("wanted by the ICC" is sought for arrest: COERCE passive_only)
    "The International Criminal Court opened its session in The Hague.",
    "The talks were mediated by the Vice-President of the Government of Southern Sudan, Dr Riek Machar.",  # one person
])
def test_no_fight_or_stance_is_read_into_these(extractor, text):
    x, _ = _run(extractor, text)
    assert not [r for r in x.relations if r.type in ("fights", "opposes", "negotiates_with", "communicates_with")], x.relations
    assert not _spans(x, "leads")


def test_his_supporters_are_not_his_command(extractor):
    x, _ = _run(extractor, "The minister thanked his supporters.")
    assert not _spans(x, "leads")


def test_those_who_break_away_with_someone_leave_with_him(extractor):
    # events.toml participants parting_verbs
    x, _ = _run(extractor, "Shekau rejected the decision and broke away with his followers.")
    assert not _spans(x, "splinter_of")
    x, _ = _run(extractor, "Our forces repelled the attack.")
    assert not [r for r in x.relations if r.rule == "relations.persons-forces"]


def test_relying_on_a_party_is_an_alliance(extractor):
    # events.toml COOPERATE phrases rely on / depend on (weapons relied on are no party)
    x, _ = _run(extractor, "From 2017 the army relied increasingly on tribal auxiliaries.")
    assert ("the army", "tribal auxiliaries") in _spans(x, "allied_with")
    x, _ = _run(extractor, "The group relies on Russian weapons.")
    assert not _spans(x, "allied_with")


def test_a_coalition_led_against_a_foe_is_no_side_of_it(extractor):
    # participants forces_sent: the "against" of the object tells the subject's fight
    x, _ = _run(extractor, "It is backed by Saudi Arabia, which has led a military coalition against the Houthis since March 2015.")
    assert ("Saudi Arabia", "the Houthis") in _spans(x, "fights")
    assert not _spans(x, "allied_with") & {("Saudi Arabia", "the Houthis"), ("the Houthis", "Saudi Arabia")}
    x, _ = _run(extractor, "Corneille Nangaa, who once ran Congo's electoral commission, leads the alliance.")
    assert not _spans(x, "controls")



# --- ninth session: coded notes, fire undergone, members named by "of" ------------------------

@pytest.mark.parametrize("text, trigger, kind", [
    ("Two soldiers raped a woman at a checkpoint near Bunia.", "raped", "ASSAULT"),
    ("Hundreds of settlers rampaged through the village at night.", "rampaged", "ASSAULT"),
    ("Opposition supporters rioted in three towns after the verdict.", "rioted", "ASSAULT"),
    ("Fighters looted shops and a clinic in the market town.", "looted", "COERCE"),
    # property destroyed is an assault (PLOVER's CAMEO table, 1712 "destroy property"), and so
    # is property looted by a crowd, a riot (events.toml ASSAULT verbs_by_doer)
    ("A mob torched the police station in the town.", "torched", "ASSAULT"),
    ("Rebels set fire to the school.", "set", "ASSAULT"),
    ("Rioters looted shops and a clinic in the market town.", "looted", "ASSAULT"),
    ("Youths looted and burned shops in the market town.", "looted", "ASSAULT"),
    ("Mobs looted supermarkets across the capital overnight.", "looted", "ASSAULT"),
    ("Demonstrators sacked the outer offices of the embassy in the capital.", "sacked", "ASSAULT"),
    # a protest by people the text does not name as an actor is still a protest
    ("Hundreds of nurses demonstrated outside the ministry on 3 May 2023.", "demonstrated", "PROTEST"),
])
def test_violence_and_protest_as_coders_name_them(extractor, text, trigger, kind):
    x, _ = _run(extractor, text)
    assert (trigger, kind) in {(e.trigger, e.type) for e in x.events}, x.events


@pytest.mark.parametrize("text, doer, attacked", [
    # an attack undergone (events.toml participants undergone_preps; ASSAULT only_with fire)
    ("The patrol came under heavy fire from fighters of the ADF.", "ADF", "patrol"),
    ("Our troops have been under attack by hundreds of armed youth of the White Army since Monday.", "White Army", "Our troops"),
    # contact and hostages as armies report them
    ("The patrol was engaged by gunmen of the ADF near Beni.", "ADF", "The patrol"),
    ("Guards had been held hostage by inmates since Monday.", "inmates", "Guards"),
    # campaigns waged and forces sent
    # "waged" and "staged" were lemmatised "wag" and "stag" (model_view.toml [lemmas])
    ("The ELN waged a bombing campaign against the army in Arauca.", "ELN", "the army"),
    ("Gunmen staged an attack on the police in Tumaco.", "Gunmen", "the police"),
    # the force sent against a foe fights it
    ("The Colombian army was sent against the rebels in March 2002.", "army", "the rebels"),
    # armed struggles waged
    ("The ELN has waged an insurgency against the Colombian government since 1964.", "ELN", "government"),
])
def test_fights_as_armies_and_coders_tell_them(extractor, text, doer, attacked):
    x, _ = _run(extractor, text)
    assert any(doer in a and attacked in b for a, b in _spans(x, "fights")), x.relations


@pytest.mark.parametrize("text", ["A fire broke out in the market.", "The decision came under criticism."])
def test_fire_and_criticism_are_no_attack(extractor, text):
    x, _ = _run(extractor, text)
    assert not [e for e in x.events if e.type == "ASSAULT"], x.events


@pytest.mark.parametrize("text, member, body", [
    ("The troops came under fire from armed cadres of the PLGA.", "armed cadres", "PLGA"),
    ("They fought alongside elements of the SPLA-IO.", "elements", "SPLA-IO"),
    ("Thousands of armed youth of the White Army surrounded the town.", "armed youth", "White Army"),
])
def test_people_of_a_body_are_its_members(extractor, text, member, body):
    # nominals.toml [person] heads cadres, youth, elements (needs_of_party)
    x, _ = _run(extractor, text)
    assert any(member in a and body in b for a, b in _spans(x, "member_of")), x.relations


@pytest.mark.parametrize("text", ["Key elements of the deal were agreed in Doha.", "Its youth wing held a rally in the capital."])
def test_no_people_in_these(extractor, text):
    x, _ = _run(extractor, text)
    assert not [m for m in x.mentions if m.text.lower().endswith(("elements", "youth"))], x.mentions


def test_the_ministers_of_several_states_belong_to_each(extractor):
    x, _ = _run(extractor, "The minister called the foreign ministers of Qatar, Oman and Kuwait.")
    assert {("the foreign ministers", s) for s in ("Qatar", "Oman", "Kuwait")} <= _spans(x, "member_of"), x.relations


@pytest.mark.parametrize("text, member, bodies", [
    # relations.described-member, structure._bodies_listed_after: the parser hangs the later items on the verb
    ("Troops of the Army, the Navy and the Air Force have taken control of the prison.", "Troops", {"Army", "the Navy", "the Air Force"}),
    ("The governments of Malaysia and Thailand signed the accord.", "The governments", {"Malaysia", "Thailand"}),
    ("The presidents of Bosnia, Serbia and Croatia initialled the agreement.", "The presidents", {"Bosnia", "Serbia", "Croatia"}),
])
def test_people_of_a_list_of_bodies_belong_to_each(extractor, text, member, bodies):
    x, _ = _run(extractor, text)
    assert {b for a, b in _spans(x, "member_of") if a == member} == bodies, x.relations
    assert not {a for a, b in _spans(x, "member_of") if b == member}, x.relations  # the bodies are no members of the troops


@pytest.mark.parametrize("text, member, body, not_body", [
    # a list needs "and" before its last item, which must be a body named, not a party of its own
    ("It was signed by the Foreign Minister of Cuba, Isidoro Malmierca, in New York.", None, None, "Isidoro Malmierca"),
    ("Two companies of the 201st Motor Rifle Division and a Kazakh battalion held the road.", "Two companies", "the 201st Motor Rifle Division",
     "a Kazakh battalion"),
    ("The commission brings together senior officers of both armies and UNMEE staff.", "senior officers", "both armies", "UNMEE"),
    # "their governments" are only ever a state's
    ("The Ministry asked them to convey its thanks to their governments.", None, None, "The Ministry"),
])
def test_what_follows_a_body_is_not_always_a_list_of_bodies(extractor, text, member, body, not_body):
    x, _ = _run(extractor, text)
    members = _spans(x, "member_of")
    if member is not None:
        assert (member, body) in members, x.relations
    assert not {b for a, b in members if b == not_body}, x.relations


@pytest.mark.parametrize("text, document", [
    # actor_kinds.toml document_name_words: a document's name is no party
    ("The ministry welcomed the Comprehensive Peace Agreement signed in Accra by the government and the rebels.",
     "Comprehensive Peace Agreement"),
    ("The Kessary Accord of May 1996, signed by the rebel chief, ended the war.", "Kessary Accord"),
])
def test_a_named_agreement_is_no_actor(extractor, text, document):
    x, names = _run(extractor, text)
    assert not [n for n in names.values() if document in n], names


def test_the_foe_of_a_cooperation_between_parties_is_none_of_its_sides(extractor):
    # events.arguments _between: the list of sides ends at "against"
    text = "Ministers agreed to deepen cooperation between their police forces and prosecutors against drug cartels."
    x, names = _run(extractor, text)
    cooperation = next(e for e in x.events if e.trigger == "cooperation")
    assert "drug cartels" not in [text[s.start:s.end] for s in cooperation.actor_spans], x.events
    assert not [r for r in x.relations if r.type == "allied_with" and "cartels" in text[r.target_span.start:r.target_span.end] + text[r.source_span.start:r.source_span.end]], x.relations


def test_a_peoples_name_inside_a_longer_name_stays_in_it(extractor):
    x, names = _run(extractor, "The Karen National Union signed a ceasefire with the army.")
    assert any("Karen National Union" in n for n in names.values()) and "Karen" not in names.values(), names


def test_a_people_that_makes_up_a_group_does_not_lead_it(extractor):
    # relations.hyphenated-sponsor: "a Tutsi-led group" says who its people are
    x, names = _run(extractor, "The CNDP, a Tutsi-led rebel group, seized Rutshuru in October 2008.")
    assert not [r for r in x.relations if r.rule == "relations.hyphenated-sponsor"], x.relations


def test_a_given_name_of_two_syllables_is_not_cut_at_its_hyphen(extractor):
    # factions_entity_fixes _names_cut_at_a_hyphen (actor_kinds.toml name_compound_words)
    found = set()
    for text in ("Former president Moon Jae-in and his successor Yoon Suk-yeol met in Seoul.", "Sanctions hit a Kim Jong Un-led state."):
        found |= set(_run(extractor, text)[1].values())
    assert {"Moon Jae-in", "Yoon Suk-yeol"} <= found, found
    assert any(n.endswith("Kim Jong Un") for n in found) and not any(n.endswith("-led") for n in found), found


def test_an_abbreviated_rank_ends_no_sentence_and_no_name(extractor):
    # model_view.toml [abbreviations]: "Maj." and "Lt." stay one token with their full stop
    text = "The commander of the contingent, Maj. Gen. Paul Okello, said Lt. Col. Ahmed Musa was safe."
    assert len(list(extractor.nlp(text).sents)) == 1
    x, _ = _run(extractor, text)
    names = {m.text for m in x.mentions if m.label == "PERSON" and m.basis == "model"}
    assert {"Paul Okello", "Ahmed Musa"} <= names and not {"Maj", "Brig.", "Lt"} & names, x.mentions


@pytest.mark.parametrize("text, sentences", [
    # model_view.toml [full_stops] after_codes: a full stop after a code of digits and capitals ends the sentence
    ("The detainees were moved to block 7C. For three days guards fired on the yard.", 2),
    ("The company dug in on Hill 203B. Then the enemy shelled it.", 2),
    # (an abbreviation keeps its full stop: no digit in it)
    ("The convoy left the U.S. base at Bagram.", 1),
])
def test_a_code_before_a_full_stop_ends_the_sentence(extractor, text, sentences):
    assert len(list(extractor.nlp(text).sents)) == sentences


def test_a_sentence_after_a_code_has_its_own_doer(extractor):
    text = ("The prisoners resisted with knives, and the women fled through a tunnel to block 7C. "
            "For two days police officers, commandos and soldiers fired on the cell blocks.")
    x, _ = _run(extractor, text)
    fired = next(e for e in x.events if e.trigger == "fired")
    assert [text[s.start:s.end] for s in fired.actor_spans] == ["police officers", "commandos", "soldiers"], x.events


def test_the_commander_of_a_body_described_heads_it(extractor):
    # relations.described-leaders: "the commander of" a body described, no name beside the title
    x, _ = _run(extractor, "The brigadier met the commander of the Iranian force at the airfield.")
    assert ("the commander", "the Iranian force") in _spans(x, "leads"), x.relations


@pytest.mark.parametrize("text, holder, captives", [
    # relations.holds-captives (relations.toml [captives])
    ("The gunmen stormed the hotel and took 40 hostages.", "The gunmen", "hostages"),
    ("The rebels ambushed the convoy and took dozens of policemen prisoner.", "The rebels", "policemen"),
    ("The hostages held by the group were freed on Monday.", "the group", "The hostages"),
    ("Three soldiers were taken prisoner by the rebels.", "the rebels", "Three soldiers"),
    ("The raiders released their hostages at dawn.", "The raiders", "their hostages"),
    # detainees are held too, by whoever detained them (every blind re3d set marks it)
    ("Police detained 40 suspects in the capital.", "Police", "suspects"),
])
def test_who_takes_or_holds_captives_controls_them(extractor, text, holder, captives):
    x, _ = _run(extractor, text)
    assert (holder, captives) in _spans(x, "controls"), x.relations


@pytest.mark.parametrize("text", [
    "The government refused to free the prisoners.",  # no captor named
    "The rebels released 12 prisoners of war on Monday.",  # released, not taken or held
])
def test_no_captor_in_these(extractor, text):
    x, _ = _run(extractor, text)
    assert not [r for r in x.relations if r.rule == "relations.holds-captives"], x.relations


def test_the_armies_of_a_front_named_after_it_are_its(extractor):
    # relations.named-members: a list set off by commas after "the armies of X" names the armies
    x, _ = _run(extractor, "The war with the guerrilla armies of the Patriotic Alliance, KLF and DPF, has cost many lives.")
    assert {("KLF", "the guerrilla armies"), ("DPF", "the guerrilla armies")} <= _spans(x, "member_of"), x.relations
    assert not {b for a, b in _spans(x, "member_of") if a == "the guerrilla armies"} & {"KLF", "DPF"}, x.relations


def test_the_armies_of_several_states_each_fight(extractor):
    # events.arguments._with_conjuncts: "A, the B and C" read as A with an apposition
    x, _ = _run(extractor, "In March 2009 the armies of Uganda, the DRC and South Sudan attacked camps of the LRA.")
    fights = _spans(x, "fights")
    assert {a for a, b in fights if "LRA" in b} >= {"Uganda", "DRC", "South Sudan"}, fights


def test_a_weapon_list_after_armed_with_is_the_subject_s(extractor):
    # relations.equipment-in-hand: each weapon of "armed with A, B and C"; "armed with" is no aid given
    x, _ = _run(extractor, "The raiders, armed with AK-47 rifles, rocket-propelled grenades and mortars, stormed the post.")
    held = {b for a, b in _spans(x, "controls") if a == "The raiders"}
    assert held == {"rifles", "rocket-propelled grenades", "mortars"}, x.relations
    assert not [e for e in x.events if e.type == "AID"], x.events
    # a weapon's model is no owner
    x, _ = _run(extractor, "The attackers carried PKM machine guns.")
    assert not [r for r in x.relations if r.type == "owned_by" and x.document.text[r.target_span.start:r.target_span.end] == "PKM"]


def test_the_enemy_in_a_description_s_phrase_is_not_its_name(extractor):
    # events.toml participants other_party_preps
    x, _ = _run(extractor, "The force supports the armies of the member states in the fight against Boko Haram.")
    assert not _spans(x, "allied_with") & {("The force", "Boko Haram")}


def test_a_second_ally_the_parser_took_for_the_object_is_an_ally(extractor):
    x, _ = _run(extractor, "Militia units fought alongside the army and the regional special forces against the TPLF rebels.")
    fights = _spans(x, "fights")
    assert not any("special forces" in b for a, b in fights), fights


@pytest.mark.parametrize("text, pair, kind", [
    # a stative participle after a copula: the subject is in the state, not done to
    ("The Zetas were allied with the Gulf Cartel for a decade.", ("Zetas", "the Gulf Cartel"), "allied_with"),
    # "merged into X": part of X now (relations.merged-into); "merged with" stays an alliance
    ("In 2015 the brigade merged into Ahrar al-Sham.", ("the brigade", "Ahrar al-Sham"), "member_of"),
    # "such as" lists members, as "including" does
    ("Rebel groups such as the FDLR and the ADF attacked the town.", ("ADF", "Rebel groups"), "member_of"),
    # one of the people described
    ("Abu Hamza was among the group's senior commanders in Idlib.", None, None),
])
def test_states_and_memberships_said_in_these_words(extractor, text, pair, kind):
    x, _ = _run(extractor, text)
    if pair is not None:
        assert pair in _spans(x, kind), x.relations
    if "merged into" in text:
        assert not _spans(x, "allied_with"), x.relations


def test_one_among_a_group_s_commanders_is_its_member(extractor):
    x, _ = _run(extractor, "Ali Musa was among Hezbollah's senior commanders.")
    assert ("Ali Musa", "Hezbollah") in _spans(x, "member_of"), x.relations


def test_the_backing_of_a_party_is_its_support(extractor):
    # SUPPORT noun "backing"; "launched … with" is no giving ("provided X with support" is)
    x, _ = _run(extractor, "The NPFL launched its war from Ivory Coast in 1989 with the backing of Libya.")
    assert ("Libya", "NPFL") in _spans(x, "supports"), x.relations


@pytest.mark.parametrize("text, owner", [
    ("In 1986 the group received rifles and machine guns from Libya.", "the group"),
    ("A patrol boat operated by the Coast Guard was hit.", "the Coast Guard"),
])
def test_what_a_party_gets_or_operates_is_its_own(extractor, text, owner):
    x, _ = _run(extractor, text)
    assert owner in {b for a, b in _spans(x, "owned_by")}, x.relations


def test_aircraft_from_several_states_belong_to_each(extractor):
    x, _ = _run(extractor, "More than 40 aircraft from Denmark, Norway and the Netherlands took part.")
    assert {b for a, b in _spans(x, "owned_by")} >= {"Denmark", "Norway", "Netherlands"}, x.relations
    x, _ = _run(extractor, "Pilots from Denmark, Norway and the Netherlands flew the missions.")
    assert {b for a, b in _spans(x, "member_of")} >= {"Denmark", "Norway", "Netherlands"}, x.relations


@pytest.mark.parametrize("text", ["The government will engage with the armed groups.", "The movement engaged in talks with Kinshasa."])
def test_engaging_in_talks_is_no_fight(extractor, text):
    x, _ = _run(extractor, text)
    assert not [e for e in x.events if e.type == "ASSAULT"], x.events


def test_people_from_a_state_come_from_it_unless_they_serve_it(extractor):
    x, _ = _run(extractor, "Recruits from Kenya, Uganda and Tanzania have swelled its ranks.")
    assert not _spans(x, "member_of"), x.relations
    x, _ = _run(extractor, "He refused to merge it into the Islamic State.")
    assert not [r for r in x.relations if r.rule == "relations.merged-into"], x.relations


def test_officials_from_several_states_belong_to_each(extractor):
    # relations.toml [possessor] origin_people: recruits come from a state; counterparts serve it
    x, _ = _run(extractor, "The minister held talks with his counterparts from Mauritania, Spain and France.")
    assert {b for a, b in _spans(x, "member_of") if a == "his counterparts"} >= {"Mauritania", "Spain", "France"}, x.relations


def test_it_continues_the_subject_past_a_list_of_names(extractor):
    # actors.index.resolve_pronoun: the last group that was a subject, however many names stand between
    text = ("The task force, based in Niamey, brings together troops from Benin, Chad, Niger and Nigeria. "
            "It fights Boko Haram around the lake.")
    x, names = _run(extractor, text)
    it = next(m for m in x.mentions if m.text == "It")
    assert names[it.actor] != "Nigeria", names[it.actor]


def test_its_of_a_subject_s_own_group_is_that_group(extractor):
    text = ("The government did not reply. Two RSF commanders, Ali Musa, the group's head of operations, "
            "and Omar Bashir Adam, its commander in Nyala, were sanctioned in 2024.")
    x, names = _run(extractor, text)
    its = next(m for m in x.mentions if m.text == "its")
    assert names[its.actor] == "Rapid Support Forces", names[its.actor]


def test_he_after_a_description_said_of_someone_is_that_someone(extractor):
    # actors.index._predicated: "X is a jihadist. He …" is X, not "a jihadist"
    x, _ = _run(extractor, "Abu Talha is a Malian jihadist. A veteran of AQIM, he founded the Tariq Battalion in 2012.")
    assert ("he", "the Tariq Battalion") in _spans(x, "leads"), x.relations
    leads = [r for r in x.relations if r.type == "leads"]
    assert leads and all(x.document.text[r.source_span.start:r.source_span.end] == "he" for r in leads)


@pytest.mark.parametrize("text", [
    "Yesterday the Foreign Minister, Ana Lopes, spoke by telephone with her Angolan counterpart, Téte António.",
    "The envoy spoke over the phone with Ana Lopes on Monday.",
])
def test_speaking_by_telephone_with_someone_is_contact(extractor, text):
    # events.toml participants channel_nouns: the parser hangs the "with" on the channel
    x, _ = _run(extractor, text)
    assert _spans(x, "communicates_with"), x.relations


def test_he_as_a_subject_continues_the_last_person_who_was_one(extractor):
    text = ("Omar Ali (born 1961) is a Malian militant who has led the Front since 2017. A veteran of the "
            "Tuareg rebellions, he signed the Algiers accord with the government of Mali in 1991.")
    x, names = _run(extractor, text)
    he = next(m for m in x.mentions if m.text == "he")
    assert names[he.actor] == "Omar Ali", names[he.actor]


def test_an_event_with_no_date_of_its_own_is_dated_by_its_report(extractor):
    x, _ = _run(extractor, "Thousands of farmers blocked the highway near Lyon, as reported on 4 March 2024.", date(2024, 3, 6))
    assert {e.trigger: (e.when.start if e.when else None) for e in x.events}.get("blocked") in (None, "2024-03-04")
    x, _ = _run(extractor, "Thousands of demonstrators protested in Lyon, as reported on 4 March 2024.", date(2024, 3, 6))
    assert {e.trigger: (e.when.start if e.when else None) for e in x.events}["protested"] == "2024-03-04"


def test_a_quarrel_is_opposition_not_a_fight(extractor):
    x, _ = _run(extractor, "Belmokhtar quarrelled with Droukdel in 2012.")
    assert ("Belmokhtar", "Droukdel") in _spans(x, "opposes") and not _spans(x, "fights"), x.relations


def test_an_insurgency_with_no_party_is_a_period(extractor):
    x, _ = _run(extractor, "During the uprising, thousands fled to Cameroon.")
    assert not [e for e in x.events if e.type == "ASSAULT"], x.events


@pytest.mark.parametrize("text, trigger", [
    ("No: 88, 3 May 2025, Press Release Regarding the Attack in Gao\n\nWe condemn the attack.", "Attack"),
    ("On Tuesday, I met the minister in Riyadh, and I remain in regular contact with the Houthis.", "contact"),
])
def test_a_header_s_date_and_a_present_state_are_not_framed(extractor, text, trigger):
    x, _ = _run(extractor, text, date(2025, 5, 7))
    when = {e.trigger: (e.when.start if e.when else None) for e in x.events}
    assert when.get(trigger) is None, when


def test_combat_is_a_fight_only_as_a_noun_of_its_own(extractor):
    x, _ = _run(extractor, "Savimbi died in combat with government forces near Lucusse.")
    assert [e.trigger for e in x.events if e.type == "ASSAULT"] == ["combat"], x.events
    for text in ("He was dressed in combat fatigues.", "Combat operations continued in the north."):
        x, _ = _run(extractor, text)
        assert not [e for e in x.events if e.trigger.lower() == "combat"], x.events


# --- tenth session ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, full, acronym", [
    ("Elections were organised by the United Nations Transitional Authority in Cambodia (UNTAC) in 1993. UNTAC left.",
     "the United Nations Transitional Authority in Cambodia", "UNTAC"),
    ("Peacekeepers from the United Nations Operation in Burundi (ONUB) patrolled. ONUB troops left in 2006.",
     "the United Nations Operation in Burundi", "ONUB"),
    ("He was greeted by military observers of the United Nations Mission of Observers in Tajikistan (UNMOT). UNMOT left.",
     "the United Nations Mission of Observers in Tajikistan", "UNMOT"),
])
def test_a_body_named_with_its_place_is_one_name_and_its_acronym_a_body(extractor, text, full, acronym):
    x, _ = _run(extractor, text)
    labels = {m.text: m.label for m in x.mentions}
    assert labels.get(full) == "ORG" and labels[acronym] == "ORG", labels
    # the place is part of the name, not a mention beside it
    place = full.rsplit(" ", 1)[-1]
    assert place not in labels, labels


def test_an_acronym_after_a_place_alone_stays_the_place_s(extractor):
    x, _ = _run(extractor, "Fighting spread across the Democratic Republic of the Congo (DRC) in 1998. The DRC army withdrew.")
    assert {m.text: m.label for m in x.mentions}.get("DRC") == "GPE", x.mentions


@pytest.mark.parametrize("text, parties", [
    ("The minister held telephone conversations this evening with President Ndayizeye and with Mr Nkurunziza.",
     {("The minister", "Ndayizeye"), ("The minister", "Mr Nkurunziza")}),
    ("The army signed an agreement on Friday with the rebels.", {("The army", "the rebels")}),
])
def test_the_other_side_of_talks_may_hang_on_the_light_verb(extractor, text, parties):
    x, _ = _run(extractor, text)
    found = _spans(x, "communicates_with") | _spans(x, "negotiates_with")
    assert parties <= found, x.relations


def test_an_attack_s_with_on_the_light_verb_is_its_means_not_a_party(extractor):
    x, _ = _run(extractor, "The group launched an attack on Monday with drones.")
    assert not _spans(x, "fights") and not _spans(x, "communicates_with"), x.relations


def test_a_place_fired_from_is_no_party_and_owns_no_weapon(extractor):
    x, _ = _run(extractor, "Hezbollah fired rockets from Lebanon at Israeli towns.")
    assert not _spans(x, "fights") and ("rockets", "Hezbollah") in _spans(x, "owned_by"), x.relations
    assert ("Hezbollah", "Israeli towns") in _spans(x, "attacks"), x.relations
    x, _ = _run(extractor, "The rebels attacked Gao from bases in the desert.")
    assert _spans(x, "attacks") == {("The rebels", "Gao")}, x.relations
    # what a party receives is still its own, whoever it came from
    x, _ = _run(extractor, "The army received aircraft from the United States.")
    assert ("aircraft", "The army") in _spans(x, "owned_by"), x.relations


@pytest.mark.parametrize("text, backer, backed", [
    ("Backed by Rwanda, the M23 seized Goma.", "Rwanda", "M23"),
    ("Supported by Iran, the Houthis attacked Aden.", "Iran", "the Houthis"),
])
def test_a_participle_with_an_agent_opening_the_sentence_is_passive(extractor, text, backer, backed):
    x, _ = _run(extractor, text)
    assert (backer, backed) in _spans(x, "supports"), x.relations


def test_who_had_it_done_did_it(extractor):
    x, _ = _run(extractor, "In June 1997 Pol Pot had the defence chief Son Sen killed.")
    fights = _spans(x, "fights")
    assert ("Pol Pot", "Son Sen") in fights and ("Son Sen", "the defence chief") not in fights, x.relations
    x, _ = _run(extractor, "The general had the prisoners executed.")
    assert _spans(x, "fights") == {("The general", "the prisoners")}, x.relations


# --- eleventh session --------------------------------------------------------------------------


def test_an_object_pronoun_names_nothing_in_its_own_clause_s_subject(extractor):
    # actors.index._own_subject_phrase: "it" is told before, not the body the subject is under
    x, _ = _run(extractor, "The Danab brigade, under the command of the Somali National Army, leads raids against it.")
    assert not _spans(x, "fights"), x.relations
    x, _ = _run(extractor, "Al-Shabaab ambushed a convoy near Baidoa. The Danab brigade, under the command of the Somali "
                           "National Army, leads raids against it.")
    assert not any("Somali National Army" in t for _s, t in _spans(x, "fights")), x.relations
    # the subject itself stays a candidate, and relates nothing: the next name before it
    # would be the wrong one as often as the right one
    x, _ = _run(extractor, "Al-Shabaab has killed dozens of members of the Islamic State in Somalia since the smaller "
                           "group split from it in 2015.")
    assert not any(r.type == "splinter_of" and "Islamic State" in x.document.text[r.target_span.start:r.target_span.end]
                   for r in x.relations), x.relations


@pytest.mark.parametrize("text", [
    "Abu Hamza, who took over when Abu Bakr was killed in 2019, named a new deputy.",
    "We fought so that every citizen could elect his leaders, the commander told the crowd.",
    # the ones told, before the act they are told of
    "The nuncio told reporters that the general had feared being lynched.",
])
def test_no_enemy_is_guessed_across_a_clause_of_its_own(extractor, text):
    # events.participants._subordinate_clause ("when" as an adverb opens it too) and
    # _in_other_clause (after the trigger: a clause with its own subject)
    x, _ = _run(extractor, text)
    assert not _spans(x, "fights"), x.relations


@pytest.mark.parametrize("text, pair", [
    ("It waged a long armed campaign from 1970 until 1998, chiefly against the British Army, the Royal Ulster "
     "Constabulary (RUC) and loyalist paramilitaries, and formally ended it in 2005.", ("the Royal Ulster Constabulary", "the British Army")),
    ("The Khasavyurt Accord of August 1996, signed by the rebel chief of staff, Aslan Maskhadov, and the Russian "
     "security chief, Alexander Lebed, ended the war.", ("Aslan Maskhadov", "Alexander Lebed")),
])
def test_an_apposition_past_the_verb_or_a_clause_is_a_misparse(extractor, text, pair):
    # events.arguments.misparsed_apposition
    x, _ = _run(extractor, text)
    fights = _spans(x, "fights")
    assert pair not in fights and pair[::-1] not in fights, x.relations


def test_a_knowledge_base_name_in_lower_case_words_is_a_common_phrase(extractor):
    x, _ = _run(extractor, "Hundreds of mercenaries fought alongside the army on the southern front.")
    assert not any(m.text.lower() == "southern front" for m in x.mentions), x.mentions
    assert not _spans(x, "fights"), x.relations
    x, _ = _run(extractor, "The Southern Front attacked Daraa.")
    assert any(m.text == "The Southern Front" and m.actor for m in x.mentions), x.mentions


def test_a_state_whose_land_is_taken_is_not_fought(extractor):
    x, _ = _run(extractor, "Government forces took large areas of northern Mali from the rebels.")
    fights = _spans(x, "fights")
    assert ("Government forces", "the rebels") in fights and not any("Mali" in t for _s, t in fights), x.relations


def test_a_relative_clause_on_a_described_list_item_is_that_item_s(extractor):
    x, _ = _run(extractor, "Its units included the Sea Tigers, a naval wing; the Black Tigers, a suicide unit; and the "
                           "Air Tigers, which used light aircraft to bomb the airport.")
    assert not _spans(x, "allied_with"), x.relations
    assert {s for s, _t in _spans(x, "attacks")} == {"the Air Tigers"}, x.relations
    # an undescribed list shares the clause: "A and B, which lead the coalition"
    x, _ = _run(extractor, "Saudi Arabia and the UAE, which lead the coalition, attacked the Houthis.")
    assert {("Saudi Arabia", "the coalition"), ("UAE", "the coalition")} <= _spans(x, "leads"), x.relations


def test_inhabitants_are_no_side_of_a_fight(extractor):
    x, _ = _run(extractor, "Women and children held hostage in Gaza will be released by Hamas.")
    assert not _spans(x, "allied_with"), x.relations


@pytest.mark.parametrize("text, other, topic", [
    ("Officials briefed the ambassadors on the Hamas attack.", None, "Hamas"),
    ("The minister held talks on Syria with Jordan.", "Jordan", "Syria"),
    ("Iraq and Turkey talked about the PKK.", "Turkey", "PKK"),
])
def test_what_talks_are_about_is_no_party_to_them(extractor, text, other, topic):
    x, _ = _run(extractor, text)
    talks = _spans(x, "communicates_with") | _spans(x, "negotiates_with")
    assert not any(topic in s or topic in t for s, t in talks), x.relations
    if other:
        assert any(other in s or other in t for s, t in talks), x.relations


def test_a_participle_after_a_list_item_describes_that_item(extractor):
    # relations.structure._listed_before: the parser hangs "led by" on the list's first item
    x, _ = _run(extractor, "The alliance brought together the Popular Liberation Forces (FPL) of Salvador Cayetano Carpio, "
                           "the People's Revolutionary Army (ERP), led by Joaquin Villalobos, and the National Resistance.")
    leads = _spans(x, "leads")
    assert ("Joaquin Villalobos", "the People's Revolutionary Army") in leads or ("Joaquin Villalobos", "ERP") in leads, x.relations
    assert not any(s == "Joaquin Villalobos" and "Popular Liberation" in t for s, t in leads), x.relations
    # a description set off beside the body, not a list item, still describes it
    x, _ = _run(extractor, "ISIS, al-Qaeda's rival, led by Abu Bakr al-Baghdadi, seized Mosul.")
    assert ("Abu Bakr al-Baghdadi", "ISIS") in _spans(x, "leads"), x.relations


def test_who_leads_what_remains_of_a_group_leads_it(extractor):
    x, _ = _run(extractor, "After the split Ta Mok led what remained of the Khmer Rouge.")
    assert ("Ta Mok", "the Khmer Rouge") in _spans(x, "leads"), x.relations


def test_a_person_who_takes_control_of_a_body_leads_it(extractor):
    x, _ = _run(extractor, "Abu Ali took control of the brigade in 2019.")
    assert ("Abu Ali", "the brigade") in _spans(x, "leads"), x.relations
    assert [r.rule for r in x.relations if r.type == "leads"] == ["relations.control-of-body"], x.relations
    # a group taking a town controls it
    x, _ = _run(extractor, "The Islamic State took control of Mosul in 2014.")
    assert ("Islamic State", "Mosul") in _spans(x, "controls") and not _spans(x, "leads"), x.relations


@pytest.mark.parametrize("text, doer, target", [
    ("SAN CRISTOBAL DE LAS CASAS, Mexico, Jan 1 (Reuters) - Hundreds of armed rebels attacked three army posts.",
     "armed rebels", "three army posts"),
    ("N'Djamena (AFP) - Chadian troops attacked Boko Haram positions on Monday.", "Chadian troops", "Boko Haram"),
])
def test_a_dateline_is_no_party(extractor, text, doer, target):
    # nlp.components._capital_datelines, the nominals' start, events.arguments._in_dateline
    x, _ = _run(extractor, text)
    assert not any(m.text.startswith(("SAN CRISTOBAL", "N'Djamena (AFP)")) and m.basis == "nominal" for m in x.mentions), x.mentions
    parties = {x.document.text[s.start:s.end] for e in x.events for s in e.actor_spans}
    assert any(doer in p for p in parties) and not any(p in ("AFP", "Reuters", "CASAS") for p in parties), x.events
    places = [m for m in x.mentions if m.text == "SAN CRISTOBAL DE LAS CASAS"]
    assert not text.startswith("SAN") or (places and places[0].label == "GPE"), x.mentions


def test_a_title_alone_is_its_holder_not_a_place(extractor):
    x, _ = _run(extractor, "The Sultan thanked the men of the Dhofar Brigade.")
    assert not any(m.text in ("Sultan", "The Sultan") and m.label in ("GPE", "LOC") for m in x.mentions), x.mentions


@pytest.mark.parametrize("text, place", [
    ("Reinforcements were flown to Mirbat, where a small team held out.", "Mirbat"),
    ("Guerrillas killed three planters at Sungei Siput in June 1948.", "Sungei Siput"),
])
def test_a_name_the_model_took_for_a_person_is_a_place_by_where_and_at(extractor, text, place):
    # nlp.components: a name "where" follows; a person-labelled name after a verb's "at"
    x, _ = _run(extractor, text)
    assert {m.text: m.label for m in x.mentions}.get(place) == "GPE", x.mentions


@pytest.mark.parametrize("text, places", [
    ("The column fought its way through Tarnovel on Tuesday.", ["Tarnovel"]),
    ("The garrison at Dunmarsh and Kelvady surrendered on Friday.", ["Dunmarsh", "Kelvady"]),
])
def test_a_name_no_one_knows_after_a_preposition_of_place_is_a_place(extractor, text, places):
    # nlp.components._unknown_name_after_place_preposition (actor_kinds.toml unknown_place_preps):
    # the model took these for a body and for persons
    x, _ = _run(extractor, text)
    labels = {m.text: m.label for m in x.mentions}
    assert [labels.get(p) for p in places] == ["GPE"] * len(places), labels


@pytest.mark.parametrize("text, name", [
    ("A senior fellow at Chatham House, Sarah Okonkwo, said talks would fail.", "Chatham House"),  # where one works
    ("The envoy met Jonah Tarrant in Harare, and later sat beside Tarrant in Lusaka.", "Tarrant"),  # a surname
    ("Paratroopers landed at Velkoro before dawn and moved on to Brennick.", "Brennick"),  # "to" takes people too
])
def test_a_name_after_a_preposition_stays_what_it_is_where_it_may_not_be_a_place(extractor, text, name):
    x, _ = _run(extractor, text)
    labels = {m.label for m in x.mentions if m.text == name}
    assert labels and "GPE" not in labels, x.mentions


@pytest.mark.parametrize("text, person", [
    ("The soldiers fired at Ahmed Salim.", "Ahmed Salim"),
    ("Protesters hurled insults at Mugabe during the rally.", "Mugabe"),
    ("The minister met Ahmed Shah Massoud, where the two discussed the war.", "Ahmed Shah Massoud"),
])
def test_a_person_after_at_or_before_where_may_stay_a_person(extractor, text, person):
    # only a verb of what happens at a place makes its "at" a place (actor_kinds.toml place_at_verbs),
    # and "where" only after a place's preposition or a name the gazetteer knows
    x, _ = _run(extractor, text)
    assert {m.text: m.label for m in x.mentions}.get(person) == "PERSON", x.mentions


@pytest.mark.parametrize("text", [
    "Russia, Iran and Turkey - the guarantors of the Astana talks - agreed to create four de-escalation zones.",
    "Abdel Rahim Juma, the deputy commander of the local militia - a force of some 3,000 men - said the town was calm.",
])
def test_a_name_at_a_line_start_before_a_dash_is_no_dateline_unless_it_reads_as_one(extractor, text):
    # nlp.tokens.opens_dateline: before the dash only names, a date, a bracketed agency
    x, _ = _run(extractor, text)
    labels = {m.text: m.label for m in x.mentions}
    assert labels.get("Abdel Rahim Juma", "PERSON") == "PERSON", labels
    if text.startswith("Russia"):
        assert len(_spans(x, "negotiates_with")) == 3, x.relations


def test_capturing_a_unit_is_not_leading_it(extractor):
    x, _ = _run(extractor, "Massoud's capture of the Soviet garrison at Taloqan made him famous.")
    assert not _spans(x, "leads"), x.relations


@pytest.mark.parametrize("text, unit, body", [
    ("Contingents of the Royal Malay Regiment took part in the parade.", "Contingents", "the Royal Malay Regiment"),
    ("Two companies of the 3rd Battalion attacked the village.", "Two companies", "the 3rd Battalion"),
    ("A platoon of the Danab brigade cleared the road.", "A platoon", "the Danab brigade"),
])
def test_companies_contingents_and_platoons_of_a_body_are_its_members(extractor, text, unit, body):
    x, _ = _run(extractor, text)
    assert any(s.split()[-1] == unit.split()[-1] and t.split()[-1] in body for s, t in _spans(x, "member_of")), x.relations


def test_a_states_formal_name_is_the_state(extractor):
    # actor_kinds.toml state_forms: the whole name is the mention, the knowledge base's state the actor
    x, names = _run(extractor, "The State of Qatar announces, together with the Arab Republic of Egypt, a humanitarian pause.")
    said = {x.document.text[m.span.start:m.span.end]: names[m.actor] for m in x.mentions if m.actor}
    assert said.get("State of Qatar") == "Qatar" and said.get("Arab Republic of Egypt") == "Egypt", said
    # and the verb the tagger took for a noun still has its subject act together with the others
    assert ("allied_with", "Qatar", "Egypt") in _relations(x, names)
    # a group's name with a state's form in it is no state
    x, names = _run(extractor, "The Islamic State of Iraq claimed the attack on the police station in Mosul.")
    assert "Iraq" not in names.values() or not [m for m in x.mentions if names.get(m.actor) == "Iraq"
                                                and x.document.text[m.span.start:m.span.end].startswith("Islamic")]


@pytest.mark.parametrize("text, wrong", [
    # a review's misfires of this session's rules, kept: each must stay absent
    ("Jesse Jackson led the march in Jackson.", ("PERSON", "Jackson", 31)),  # a town named like the person
    ("Reinforcements were sent to Misrata and Khalid Sharif.", ("GPE", "Khalid Sharif", 0)),  # a full name is no place by a list
    ("Tom Ridge, the former homeland security secretary, visited Kabul.", ("LOC", "Tom Ridge", 0)),  # a surname that is a landform
    ("Port Authority police arrested two men in Manhattan.", ("LOC", "Port Authority", 0)),  # a body named after a port
    ("The group is armed with AKMs and an RPG.", ("ORG", "AKMs", 0)),  # weapons listed are no bodies
])
def test_a_name_keeps_its_kind_where_the_document_shows_nothing_else(extractor, text, wrong):
    label, name, at = wrong
    doc = extractor.nlp(text)
    assert not [e for e in doc.ents if e.label_ == label and e.text == name and (not at or e.start_char == at)], doc.ents


@pytest.mark.parametrize("text, wrong", [
    ("Reporters asked the spokesman whether NATO would intervene in Libya.", "addresses"),  # a question, no statement
    ("Victims of the militia were buried in Beni.", "member_of"),  # people an act was done to
    ("The followers of Pastor Daniel Okoro gathered in the square.", "leads"),  # a following is no force
    # events.toml co_actors.directed_kinds: a demand made together is made of another, not of each other
    ("Chad and Niger demanded that the junta free the president.", "communicates_with"),
    # events.triggers._holds_a_place: a place "held hostage" is held by no one
    ("The gangs held the capital hostage for a month.", "controls"),
    # speech.toml denied_words: only what a party said answers it when denied
    ("Kenya denied the group's involvement.", "opposes"),
    # events.toml co_actors.protest_against_preps: a protest lodged with a party, or a march to a
    # place, opposes no one there
    ("Venezuela protested to Colombia over the guerrilla attack.", "opposes"),
    ("A crowd of about 10,000 people marched on the House of Assembly.", "opposes"),
])
def test_a_near_miss_of_this_sessions_relation_shapes_is_not_found(extractor, text, wrong):
    x, names = _run(extractor, text)
    assert not [r for r in x.relations if r.type == wrong], _relations(x, names)


@pytest.mark.parametrize("text, member, other", [
    # nlp.components._of_on_the_first_of_a_list: an "of" right after a list's last item is that
    # item's, though the parser hangs it on the first
    ("Marines and soldiers of the Kenyan army returned fire.", "soldiers", "Marines"),
    ("Police and engineers of the Kenyan army cleared the road.", "engineers", "Police"),
])
def test_an_of_after_a_lists_last_item_is_that_items(extractor, text, member, other):
    x, names = _run(extractor, text)
    found = _relations(x, names)
    assert ("member_of", member, "Kenyan army") in found and ("member_of", other, "Kenyan army") not in found, found


@pytest.mark.parametrize("text, name", [
    # nlp.components._name_through_a_possessive: a name with "People's" in it is one name, not
    # a people and a shorter body the knowledge base knows for another group
    ("The Ogaden People's Defence Force attacked a base.", "Ogaden People's Defence Force"),
    ("Fighters of the Arakan People's Liberation Front attacked the town.", "Arakan People's Liberation Front"),
])
def test_a_name_with_a_possessive_inside_is_one_name(extractor, text, name):
    x, names = _run(extractor, text)
    assert name in names.values() and "People's Defence Force" not in names.values(), names


def test_a_name_set_beside_a_stronghold_is_a_place(extractor):
    # actor_kinds.toml place_beside: "X, a Hezbollah stronghold" is a place, whatever the model read
    x, _ = _run(extractor, "A car bomb exploded in Bir Hassan Jadid, a Hezbollah stronghold, killing four people.")
    assert {m.label for m in x.mentions if "Jadid" in m.text} == {"GPE"}, x.mentions
    x, names = _run(extractor, "The army shelled the stronghold of al-Shabaab.")
    assert "al-Shabaab" in names.values(), names  # (not before "of": the group's stronghold)


def test_a_places_name_run_on_into_a_bodys_head_names_the_body(extractor):
    # nlp.components.whole_names: "the Papua New Guinea Defence Force" is no state, nor a place
    x, names = _run(extractor, "The rebels fought the Papua New Guinea Defence Force (PNGDF) for eight years.")
    assert ("fights", "rebels", "Papua New Guinea Defence Force") in _relations(x, names), _relations(x, names)
    assert {m.label for m in x.mentions if m.text in ("Papua New Guinea Defence Force", "PNGDF")} == {"ORG"}, x.mentions


def test_a_places_name_run_on_into_a_buildings_word_is_that_building_not_the_place(extractor):
    # nlp.components.whole_names: no token of the longer name keeps the shorter name's link
    x, names = _run(extractor, "Jets struck the Gaza Tower on Friday.")
    tower = [m for m in x.mentions if m.text == "Gaza Tower"]
    assert tower and {names.get(m.actor) for m in tower} == {"Gaza Tower"} and {m.label for m in tower} == {"GPE"}, x.mentions


def test_a_name_with_a_possessive_inside_still_links_when_known_whole(extractor):
    x, names = _run(extractor, "The People's Defence Force attacked a base in Sagaing.")
    assert "People's Defence Force" in names.values(), names


def test_a_unit_of_people_counted_is_made_of_them(extractor):
    # not a part of them (relations.toml units_of_people wants a definite "of"): its men belong to it
    x, names = _run(extractor, "A company of soldiers entered the town.")
    assert ("member_of", "soldiers", "company") in _relations(x, names) and ("member_of", "company", "soldiers") not in _relations(x, names)


def test_two_people_each_counted_as_one_share_the_of_after_the_last(extractor):
    x, names = _run(extractor, "A general and a colonel of the Kenyan army were killed.")
    assert {("member_of", "general", "Kenyan army"), ("member_of", "colonel", "Kenyan army")} <= _relations(x, names)


def test_those_who_protest_together_oppose_whom_they_protest_not_each_other(extractor):
    # events.toml co_actors.directed_kinds
    x, names = _run(extractor, "Thousands of students and workers rallied in Asuncion against President Oviedo.")
    found = _relations(x, names)
    assert ("opposes", "students", "Oviedo") in found and not {("opposes", "students", "workers"), ("opposes", "workers", "students")} & found, found


def test_an_operation_completed_is_no_attack_by_that_word_alone(extractor):
    x, _ = _run(extractor, "The team completed an operation to remove a tumour at the hospital in Goma.")
    assert not [e for e in x.events if e.trigger == "operation"], x.events


def test_a_statement_to_one_person_described_is_a_contact(extractor):
    x, names = _run(extractor, "Lavrov told his Turkish counterpart that Moscow would continue strikes in Idlib.")
    assert {r.type for r in x.relations if r.rule == "relations.told"} == {"communicates_with"}, _relations(x, names)


def test_the_head_of_a_body_described_is_no_member_of_it(extractor):
    x, names = _run(extractor, "The commander of the Russian contingent said the bridge was open.")
    assert not [r for r in x.relations if r.type == "member_of"], x.relations


def test_forces_named_by_the_person_they_follow_are_led_by_that_person(extractor):
    x, names = _run(extractor, "After three days of fighting, the paratroopers of Captain Kong Le abandoned the city.")
    assert ("leads", "Kong Le", "paratroopers") in _relations(x, names), _relations(x, names)
    # a body "of" a state is no one's following
    x, names = _run(extractor, "The army of Uganda crossed the border into Congo.")
    assert not [r for r in x.relations if r.type == "leads"], x.relations


def test_a_place_in_a_partys_hands_is_held_by_it(extractor):
    x, names = _run(extractor, "The town is in the hands of the rebels, residents said.")
    assert any(r.type == "controls" and r.rule == "relations.control" and names[r.target] in ("town", "The town")
               for r in x.relations), _relations(x, names)
    x, names = _run(extractor, "The envoy shook hands with the minister in Kabul.")
    assert not [r for r in x.relations if r.type == "controls"], x.relations


@pytest.mark.parametrize("text", [
    "The enemies of the regime gathered in Idlib.",  # a tie, not a part
    "A group of pilgrims was trapped inside the church.",  # a number of people, no body
    "The Communist Party of Peru called a strike.",  # one name, not a party of the state
    "An alliance of armed groups attacked the town.",  # undescribed members
])
def test_an_of_that_names_no_part_makes_no_membership(extractor, text):
    x, names = _run(extractor, text)
    assert not [r for r in x.relations if r.type == "member_of"], _relations(x, names)


def test_a_rank_before_a_name_makes_it_a_person_whatever_the_model_said(extractor):
    x, names = _run(extractor, "The division, under Major General Ernst Podder, crossed the river.")
    kinds = {a.name: a.kind for a in x.actors}
    assert any("Ernst Podder" in n and k == "person" for n, k in kinds.items()), kinds
    # a body named with a rank's word is no person: "the General Staff"
    x, names = _run(extractor, "The General Staff announced that the capital was free.")
    assert not [m for m in x.mentions if m.text.lower() in ("the general", "general")], [m.text for m in x.mentions]


def test_a_name_never_ends_in_a_preposition(extractor):
    x, names = _run(extractor, "The Ministry of Foreign Affairs of the Republic of Estonia informs the Allied Powers.")
    assert x.mentions and not [m.text for m in x.mentions if m.text.split()[-1] in ("of", "the", "and")], [m.text for m in x.mentions]


def test_a_title_takes_the_body_after_the_name_not_the_one_listed_before_it(extractor):
    x, names = _run(extractor, "The envoy met President Julius Nyerere of Tanzania, President Kenneth Kaunda of Zambia "
                               "and President Samora Machel of Mozambique.")
    rels = _relations(x, names)
    assert ("leads", "Kenneth Kaunda", "Zambia") in rels and ("leads", "Kenneth Kaunda", "Tanzania") not in rels, rels


def test_the_title_of_a_bodys_office_is_one_re3d_mention_and_the_holder_leads_the_body(extractor):
    from factions.evaluate.re3d import re3d_units

    text = "The Force Commander, Major General Patrick Cammaert, informed the parties."
    x, names = _run(extractor, text)
    assert (0, len("The Force Commander"), "Person") in re3d_units(x), sorted(re3d_units(x))
    assert ("leads", "Patrick Cammaert", "Force") in _relations(x, names), _relations(x, names)


def test_those_listed_after_among_them_are_of_the_party_before(extractor):
    x, names = _run(extractor, "Police in the northern province, among them the Rapid Response Unit and the Border Guard, "
                               "arrested 40 smugglers.")
    rels = _relations(x, names)
    assert any(t == "member_of" and s in ("Rapid Response Unit", "the Rapid Response Unit") and o in ("Police",)
               for t, s, o in rels), rels
    x, names = _run(extractor, "The talks ended without agreement, among other things because of the weather.")
    assert not [r for r in x.relations if r.rule == "relations.among-them"], _relations(x, names)


@pytest.mark.parametrize("text", [
    "The new government of Mali expelled the French ambassador.",  # a state's own government
    "The financial network of Hezbollah was sanctioned on Tuesday.",  # not Hezbollah a member of it
    "A column of smoke rose over the town after the strike.",  # a thing, no unit
    "The army of the people marched on the capital.",  # no members named
])
def test_an_of_that_names_no_membership_of_this_kind(extractor, text):
    x, names = _run(extractor, text)
    assert not [r for r in x.relations if r.rule in ("relations.body-of-body", "relations.members-of-body")
                and not (r.type == "member_of" and "network" in names[r.source])], _relations(x, names)


def test_a_splinter_of_a_body_split_from_it(extractor):
    x, names = _run(extractor, "Ansaru, a splinter group of Boko Haram, claimed the kidnapping.")
    assert ("splinter_of", "Ansaru", "Boko Haram") in _relations(x, names), _relations(x, names)


def test_a_leader_titled_before_the_name_leads_and_is_no_mere_member(extractor):
    x, names = _run(extractor, "Chairman Moussa Faki of the African Union Commission spoke at the summit.")
    rels = _relations(x, names)
    assert any(t == "leads" and s == "Moussa Faki" for t, s, o in rels), rels
    assert not any(t == "member_of" and s == "Moussa Faki" for t, s, o in rels), rels
    # a title after a body's acronym in parentheses is still that body's
    x, names = _run(extractor, "The African National Congress (ANC) leader Cyril Ramaphosa addressed the rally.")
    assert any(t == "leads" and s == "Cyril Ramaphosa" for t, s, o in _relations(x, names)), _relations(x, names)


def test_a_ruler_of_a_state_leads_it(extractor):
    x, names = _run(extractor, "The King of Jordan met the envoy in Amman.")
    assert any(t == "leads" and o == "Jordan" for t, s, o in _relations(x, names)), _relations(x, names)
    x, names = _run(extractor, "The Taliban governor met the elders.")
    assert not any(t == "leads" for t, s, o in _relations(x, names)), _relations(x, names)


@pytest.mark.parametrize("text, not_a_party", [
    ("Ukraine received Bradley infantry fighting vehicles in January.", "infantry"),  # a kind of the kit
    ("Crown Prince Mohammed bin Salman ordered the inquiry.", "Prince"),  # the title of a name
    ("The King Fahd Causeway was closed to traffic.", "King"),  # a place named after a king
])
def test_a_word_for_a_unit_or_a_ruler_inside_another_name_is_no_party(extractor, text, not_a_party):
    x, names = _run(extractor, text)
    assert not [m.text for m in x.mentions if m.text.split()[-1] == not_a_party], [m.text for m in x.mentions]


def test_names_listed_after_a_plural_description_are_of_it(extractor):
    x, names = _run(extractor, "The alliance was formed by two rebel groups, the People's War Group and the Maoist Communist Centre.")
    rels = _relations(x, names)
    assert sum(1 for t, s, o in rels if t == "member_of" and o == "two rebel groups") == 2, rels
    # the list after "of" goes on naming owners; a tie is no part; victims are no body
    for text in ("JNIM has waged war on the armies of Mali, Burkina Faso and Niger.",
                 "Its allies, Russia and Iran, objected to the resolution.",
                 "Gunmen killed two soldiers, Ali Musa and Omar Bello, near the border."):
        x, names = _run(extractor, text)
        assert not [r for r in x.relations if r.rule == "relations.named-members"], (text, _relations(x, names))


@pytest.mark.parametrize("text", [
    "The RSF fought in Darfur, with Dagalo as its commander.",
    "The army fought the rebels with the militia as its ally.",
])
def test_with_someone_as_something_is_no_side_of_the_fight(extractor, text):
    # events/arguments.py _with_as: "with X as its commander" says what X is to the doer
    x, names = _run(extractor, text)
    rels = _relations(x, names)
    assert not any(t == "fights" and any("Dagalo" in n or "militia" in n for n in (s, o)) for t, s, o in rels), rels


def test_it_stands_for_the_group_named_before_it(extractor):
    # actors.index._group_it (nominals.toml [group_it]): a group's life in the passive, "it"
    # said to be a group, "it" as the object of what is done to a party
    x, _ = _run(extractor, "The Kessarine Brigade was founded in 2011. It was renamed in 2014. "
                           "Officials accused it of the bombing, and it is now the largest armed group in the hills.")
    brigade = next(m.actor for m in x.mentions if m.text == "The Kessarine Brigade")
    its = [m for m in x.mentions if m.basis == "pronoun" and m.text.lower() == "it"]
    assert len(its) == 3 and all(m.actor == brigade for m in its), its


@pytest.mark.parametrize("text", [
    "The Kessarine Brigade met the envoy. It is likely that the talks will fail, and it was reported that the envoy left.",
    "The Kessarine Brigade attacked the school. It was funded by the UN.",  # the thing named last
    "The junta expelled the envoy. France and Germany condemned it.",  # never the clause's own subject
])
def test_it_that_stands_for_no_group_is_no_mention(extractor, text):
    x, _ = _run(extractor, text)
    assert not [m for m in x.mentions if m.basis == "pronoun" and m.text.lower() == "it" and m.actor], x.mentions


@pytest.mark.parametrize("text, person", [
    ("The UFDD, a rebel movement led by Mahamat Nouri, attacked the town.", "Mahamat Nouri"),
    ("The party was led by Pushpa Kamal Dahal, known as Prachanda, until 2008.", "Prachanda"),
    ("Rebels seize town\nBy Helena Marques\nLUANDA (Reuters) - Rebels seized a town on Monday.", "Helena Marques"),
    # the one "his" stands for in its own clause
    ("Ta Prohm withdrew with his units to the Mekong in 1979.", "Ta Prohm"),
    ("Mbandazi and his followers were destroyed at the river.", "Mbandazi"),
])
def test_a_name_only_a_person_can_be_where_it_stands_is_a_person(extractor, text, person):
    # nlp.components._person_by_context: the model took these for bodies
    x, _ = _run(extractor, text)
    assert {m.text: m.label for m in x.mentions}.get(person) == "PERSON", x.mentions


@pytest.mark.parametrize("text, name", [
    ("A coalition led by Kenya intervened in March.", "Kenya"),  # a state the gazetteer knows
    ("The Islamic Front, known as Jabhat Kessar, attacked the base.", "Jabhat Kessar"),  # a group's other name
    ("The Kessar Front said his death was a loss.", "The Kessar Front"),  # "his" after a verb of saying is someone else's
    ("Every Burundian could choose his leaders.", "Burundian"),  # a nationality
])
def test_a_state_or_a_group_in_those_places_stays_what_it_is(extractor, text, name):
    x, _ = _run(extractor, text)
    labels = {m.label for m in x.mentions if m.text == name}
    assert labels and "PERSON" not in labels, x.mentions


def test_a_name_that_opens_with_a_common_given_name_is_a_person(extractor):
    # nlp.components._opens_with_given_name (names.toml given_names): the model took it for a body
    x, _ = _run(extractor, "Youssouf Kessaly Tondé addressed the assembly.")
    assert {m.text: m.label for m in x.mentions}.get("Youssouf Kessaly Tondé") == "PERSON", x.mentions


@pytest.mark.parametrize("text, name", [
    ("The 3rd Marine Division landed at dawn.", "3rd Marine Division"),  # a unit's words
    ("Ships docked in George Town on Monday.", "George Town"),  # a place's word, and the gazetteer's
])
def test_a_body_or_place_with_a_given_name_in_it_is_no_person(extractor, text, name):
    x, _ = _run(extractor, text)
    assert not [m for m in x.mentions if name in m.text and m.label == "PERSON"], x.mentions


def test_a_name_that_opens_with_a_group_word_is_a_group(extractor):
    # nlp.components.entity_fixes: "the Front Nord", as French, Spanish or Portuguese names have it
    x, _ = _run(extractor, "The Front Nord accepted the truce, while the Front Sud fought on beside the Forces Nouvelles.")
    labels = {m.text: m.label for m in x.mentions}
    assert [labels.get(n) for n in ("Front Nord", "Front Sud", "Forces Nouvelles")] == ["ORG"] * 3, labels


@pytest.mark.parametrize("text, title", [
    ("He met the head of UNMOT, Gerd Merrem, to agree the arrangements.", "the head"),
    ("Abdelaziz Bouteflika, the current chairman of the Organisation of African Unity, spoke.", "the current chairman"),
])
def test_who_heads_a_body_is_a_person_described(extractor, text, title):
    # nominals.toml [person] heads and modifiers: "head" only "of" a party (needs_of_party)
    x, _ = _run(extractor, text)
    assert {m.text: m.label for m in x.mentions}.get(title) == "PERSON", x.mentions


def test_a_head_that_is_no_one_is_no_person(extractor):
    x, _ = _run(extractor, "A head injury kept him away, and the talks are heading nowhere.")
    assert not [m for m in x.mentions if "head" in m.text.lower()], x.mentions


def test_a_named_building_attacked_is_the_place_attacked(extractor):
    # events.participants.places: "the Army Public School" is a body's name and a place's
    x, _ = _run(extractor, "Gunmen attacked the Kessar Public School in Peshawar.")
    t = x.document.text
    assert ("attacks", "Gunmen", "the Kessar Public School") in {
        (r.type, t[r.source_span.start:r.source_span.end], t[r.target_span.start:r.target_span.end]) for r in x.relations}, x.relations


def test_a_persons_pronoun_is_the_argument_the_sentence_gives(extractor):
    # relations.structure.named_arguments, events.participants: "he" stays the argument's span
    # (re3d relates it), its actor the person named before it in the sentence
    x, _ = _run(extractor, "Ahmed Kessar toured African capitals in 2023, during which he met Kenyan President William Ruto.")
    t = x.document.text
    comm = [r for r in x.relations if r.type == "communicates_with"]
    kessar = next(m.actor for m in x.mentions if m.text == "Ahmed Kessar")
    assert comm and all(t[r.source_span.start:r.source_span.end] == "he" and r.source == kessar for r in comm), comm


@pytest.mark.parametrize("text, name, not_label", [
    ("A split in Likud threatened the coalition.", "Likud", "GPE"),  # a body's insides
    ("She worked at Siemens for ten years.", "Siemens", "GPE"),  # where one works
    ("The council was founded by Interpol and Europol.", "Interpol", "PERSON"),  # one word: a body's name
    ("Rebels seize town\nBy Reuters Staff\nLUANDA - Rebels seized a town.", "Reuters Staff", "PERSON"),  # no one's byline
    ("The think tank accused the government of lying.", "The think tank", "PRODUCT"),  # no weapon
    ("Downing Street said the minister would travel.", "Street", "LOC"),  # a name's last word
])
def test_names_and_heads_the_new_rules_leave_alone(extractor, text, name, not_label):
    # the review of 2026-12-02: each rule's guard (nlp.components, nominals.toml, actor_kinds.toml)
    x, _ = _run(extractor, text)
    assert not [m for m in x.mentions if m.text == name and m.label == not_label], x.mentions


def test_a_title_before_its_noun_is_no_person(extractor):
    x, _ = _run(extractor, "The founder effect explains the pattern, and the premier league resumes.")
    assert not [m for m in x.mentions if m.label == "PERSON"], x.mentions


def test_the_headquarters_of_a_body_attacked_is_the_place_attacked(extractor):
    x, _ = _run(extractor, "The Taliban attacked the Police Headquarters.")
    t = x.document.text
    assert ("attacks", "the Police Headquarters") in {(r.type, t[r.target_span.start:r.target_span.end]) for r in x.relations}, x.relations


@pytest.mark.parametrize("text, kind, a, b", [
    # events.participants._named_before: a possessive taken up from a description of the body
    ("The militia was founded in 2015, and the movement says its fighters hold the hills.", "member_of", "its fighters", "the movement"),
    ("The coalition broke apart in May, when the alliance withdrew its brigades from the front.", "member_of", "its brigades", "the alliance"),
    # relations.persons-forces: the name, else "he", earlier in the sentence stands for the commander
    ("General Joseph Kamara fled in 2019. He later ordered his men to cross the river.", "leads", "He", "his men"),
    ("Colonel Peter Odhiambo said that he had sent his battalion north.", "leads", "Peter Odhiambo", "his battalion"),
    # relations.described-leaders: a head word after a possessive, the body named in the sentence
    ("Delegates founded the Ruvu Front and elected a lawyer as its chairman.", "leads", "its chairman", "the Ruvu Front"),
    ("The armed group has lost its top leader, a veteran strategist.", "leads", "its top leader", "The armed group"),
])
def test_a_possessive_relates_the_party_its_sentence_names(extractor, text, kind, a, b):
    x, _ = _run(extractor, text)
    assert (a, b) in _spans(x, kind), x.relations


def test_a_post_under_the_head_and_a_head_of_no_body_named_lead_nothing(extractor):
    x, _ = _run(extractor, "The Ruvu Front named its chief of staff in June. Its chairman is Ali Mkapa.")
    t = x.document.text
    assert not [r for r in x.relations if r.type == "leads" and t[r.source_span.start:r.source_span.end] in ("its chief", "Its chairman")], x.relations


@pytest.mark.parametrize("text, unit", [
    # nlp.components factions_numbered_units (actor_kinds.toml numbered_unit_words)
    ("Units of the 12th Division held the ridge on Monday.", "the 12th Division"),
    ("The 31st Special Forces Squadron landed at dawn.", "The 31st Special Forces Squadron"),
    ("Troops of the 4th Artillery fired on the camp.", "the 4th Artillery"),
    # a capitalised "The" after the unit opens its regiment's name, part of the unit's
    ("Men of 3rd Battalion The Wessex Regiment cleared the village.", "3rd Battalion The Wessex Regiment"),
    ("Soldiers of 1st Battalion, The Borderers, trained the recruits.", "1st Battalion, The Borderers"),
    ("The 2nd Battalion The Earl of Kendal's Regiment arrived by sea.", "The 2nd Battalion The Earl of Kendal's Regiment"),
    ("Soldiers of the 4th Battalion, Royal Tasman Regiment, held the bridge.", "the 4th Battalion, Royal Tasman Regiment"),
    # British units numbered without "-st"/"-th" (actor_kinds.toml cardinal_unit_words)
    ("Aircraft of 27 Squadron flew over the valley.", "27 Squadron"),
    ("Marines of 45 Commando cleared the village.", "45 Commando"),
    # a unit named by its own word after the words that open it (actor_kinds.toml named_unit_leads)
    ("Soldiers of Task Force Falcon cleared the village on Monday.", "Task Force Falcon"),
    ("Task Force 61 conducted a raid near the coast.", "Task Force 61"),
    ("Commandos of the Commando Jaubert freed the hostages.", "the Commando Jaubert"),
    ("Combat Team Delta secured the road.", "Combat Team Delta"),
])
def test_a_unit_named_by_its_number_is_one_body(extractor, text, unit):
    x, _ = _run(extractor, text)
    named = [m for m in x.mentions if m.text == unit and m.label == "ORG"]
    assert named, x.mentions
    kinds = {a.id: a.kind for a in x.actors}
    assert not [m for m in x.mentions if m.span.start >= named[0].span.start and m.span.end <= named[0].span.end
                and kinds.get(m.actor) == "equipment"], x.mentions


@pytest.mark.parametrize("text, not_a_unit", [
    ("About 300 Army soldiers and 40 Marines crossed the river.", "300 Army"),
    ("Twelve Company executives were held; 12 Company executives were freed.", "12 Company"),
    ("On 16 May Brigade commanders were briefed.", "16 May Brigade"),
    # a newspaper after a unit is its own name
    ("By the 2nd Battalion, The Guardian said, forty men had died.", "the 2nd Battalion, The Guardian"),
    # words that follow a unit's opening words but name no unit of their own
    ("The Task Force Commander said the road was open.", "The Task Force Commander"),
    ("Police Commando Said Ali was killed by Taliban fighters.", "Commando Said"),
    ("Task Force Kills 12 Taliban In Helmand Raid", "Task Force Kills"),  # a headline's capitals
    ("The Joint Task Force North East commander visited Maiduguri.", "Joint Task Force North"),
    ("The Task Force 2025 report was published in March.", "Task Force 2025"),
])
def test_a_count_a_date_or_a_speaker_is_no_unit(extractor, text, not_a_unit):
    doc = extractor.nlp(text)
    assert not_a_unit not in {e.text for e in doc.ents if e.label_ == "ORG"}, [(e.text, e.label_) for e in doc.ents]


def test_the_members_of_a_numbered_unit_are_its(extractor):
    x, _ = _run(extractor, "Units of the 12th Division held the ridge on Monday.")
    assert ("Units", "the 12th Division") in _spans(x, "member_of"), x.relations


def test_an_ordinal_before_a_common_word_is_no_unit(extractor):
    x, _ = _run(extractor, "In the 19th century the 3rd district grew quickly.")
    assert not [m for m in x.mentions if m.label == "ORG"], x.mentions


@pytest.mark.parametrize("text, met", [
    # nominals.toml [person] heads: the plurals of the titles, as statements name those met
    ("The Minister met the ambassadors of neighbouring countries on Monday.", "the ambassadors"),
    ("The army asked the elders of the clan to return to talks.", "the elders"),
])
def test_the_people_met_or_asked_are_named_by_their_plural_title(extractor, text, met):
    x, _ = _run(extractor, text)
    assert [m for m in x.mentions if m.text == met and m.actor], x.mentions


def test_the_weapons_a_party_is_with_are_in_its_hands(extractor):
    # relations.equipment-in-hand: "with" on a noun, and on a verb whose subject is people
    # ("militants attacked the base with a truck bomb"); a body's or a state's are its own
    # (relations.equipment-of: "the IRGC attacked the camps with drones")
    x, _ = _run(extractor, "Gunmen with rifles and grenades stormed the hotel. The militants attacked the base with a vehicle-borne improvised explosive device.")
    assert {("Gunmen", "rifles"), ("Gunmen", "grenades")} <= _spans(x, "controls"), x.relations
    assert ("The militants", "a vehicle-borne improvised explosive device") in _spans(x, "controls"), x.relations
    assert not [r for r in x.relations if r.type == "owned_by"], x.relations
    x, _ = _run(extractor, "The Islamic Revolutionary Guard Corps attacked the camps with drones and missiles.")
    assert {("drones", "The Islamic Revolutionary Guard Corps"), ("missiles", "The Islamic Revolutionary Guard Corps")} <= _spans(x, "owned_by"), \
        x.relations


def test_what_people_carry_throw_or_drive_is_in_their_hands(extractor):
    # relations.toml equipment.hand_verbs: carried, thrown, driven (not owned: whoever owns it)
    x, _ = _run(extractor, "The gunmen carried assault rifles. Youths threw petrol bombs at the police. The hijackers drove the bus towards the border.")
    assert {("The gunmen", "assault rifles"), ("Youths", "petrol bombs"), ("The hijackers", "the bus")} <= _spans(x, "controls"), x.relations
    assert not [r for r in x.relations if r.type == "owned_by"], x.relations


@pytest.mark.parametrize("text, held", [
    ("The army sent two battalions, tanks and helicopters to the border on Monday.", {("The army", "tanks"), ("The army", "helicopters")}),
    ("Riot police in armoured personnel carriers entered the market at dawn.", {("Riot police", "armoured personnel carriers")}),
    ("The navy withdrew three frigates from the gulf after the talks.", {("navy", "three frigates")}),
])
def test_who_moves_or_rides_in_kit_has_it_in_hand(extractor, text, held):
    # relations.equipment-in-hand: sent, withdrawn, ridden in
    x, _ = _run(extractor, text)
    assert held <= {pair for pair in _spans(x, "controls")}, x.relations
    assert not [r for r in x.relations if r.rule == "relations.equipment-of"], x.relations


def test_kit_a_party_may_send_or_names_as_its_own_is_not_asserted_in_hand(extractor):
    x, _ = _run(extractor, "The ministry may send tanks to the border. The rebels moved their rifles into the hills.")
    assert [r.modality for r in x.relations if r.rule == "relations.equipment-in-hand"] == ["hypothetical"], x.relations
    assert ("their rifles", "The rebels") in _spans(x, "owned_by"), x.relations


def test_setting_a_partys_property_on_fire_is_a_fight_with_it(extractor):
    x, names = _run(extractor, "Jabhat al-Sahil fighters torched the offices of Liwa al-Nasr in Hawija.", date(2025, 6, 1))
    assert ("ASSAULT", "torched") in {(e.type, e.trigger) for e in x.events}
    assert ("fights", "Jabhat al-Sahil", "Liwa al-Nasr") in _relations(x, names)
    looted, names = _run(extractor, "Jabhat al-Sahil fighters looted the offices of Liwa al-Nasr in Hawija.", date(2025, 6, 1))
    assert ("fights", "Jabhat al-Sahil", "Liwa al-Nasr") not in _relations(looted, names)  # looting stays hostility


@pytest.mark.parametrize("text, victims", [
    ("Bandits of the Northern Front killed three planters near Tadmur.", "planters"),
    ("The Northern Front killed dozens of suspected rustlers this year.", "rustlers"),
    ("The Northern Front has stepped up attacks on foreign nationals.", "nationals"),
])
def test_people_named_by_their_trade_or_origin_are_parties(extractor, text, victims):
    x, names = _run(extractor, text, date(2025, 6, 1))
    assert any(r.type == "fights" and names[r.target].endswith(victims) for r in x.relations), _relations(x, names)


@pytest.mark.parametrize("text, leader, led", [
    ("In 1988 landowners led by Musa Ibrahim attacked the mine.", "Musa Ibrahim", "landowners"),
    ("The mutinous officers, led by Major Musa Ibrahim, stormed the barracks.", "Musa Ibrahim", "officers"),
])
def test_people_led_by_a_named_person_are_led_by_him(extractor, text, leader, led):
    x, names = _run(extractor, text, date(2025, 6, 1))
    assert any(r.type == "leads" and r.rule == "relations.led-by" and names[r.source] == leader and names[r.target].endswith(led)
               for r in x.relations), _relations(x, names)


def test_people_led_by_no_one_named_are_not_led(extractor):
    x, names = _run(extractor, "Protesters led by students marched on the ministry.", date(2025, 6, 1))
    assert not [r for r in x.relations if r.type == "leads"]


@pytest.mark.parametrize("text, a, b", [
    ("The Government will continue to engage with Liwa al-Nasr on the return of the displaced.", "Government", "Liwa al-Nasr"),
    ("Envoy Musa Ibrahim has been in close touch with Liwa al-Nasr.", "Musa Ibrahim", "Liwa al-Nasr"),
])
def test_engaging_with_a_party_or_being_in_touch_is_contact(extractor, text, a, b):
    x, names = _run(extractor, text, date(2025, 6, 1))
    assert ("communicates_with", a, b) in _relations(x, names), _relations(x, names)


def test_a_patrol_that_engaged_the_enemy_fought_no_talks(extractor):
    x, names = _run(extractor, "A patrol of Liwa al-Nasr engaged Jabhat al-Sahil fighters near Hawija.", date(2025, 6, 1))
    assert not [r for r in x.relations if r.type == "communicates_with"]


def test_a_letterhead_names_the_body_and_its_office_one_name_a_line(extractor):
    text = ("Troops repel raid on depot\n\nMINISTRY OF DEFENCE OF NORTH MARAVIA\nPress and Information Office\n"
            "Vostrel, 12 May 2024\n\nPRESS RELEASE\n\nTroops of the 4th Brigade repelled a raid on the fuel depot at Kelm.")
    x, names = _run(extractor, text, date(2024, 5, 12))
    surfaces = {m.text for m in x.mentions}
    assert {"MINISTRY OF DEFENCE OF NORTH MARAVIA", "Press and Information Office"} <= surfaces, surfaces
    assert "PRESS RELEASE" not in surfaces  # the kind of text, no body
    assert [r for r in x.relations if r.rule == "relations.letterhead"] and \
        ("member_of", "Press and Information Office", "MINISTRY OF DEFENCE OF NORTH MARAVIA") in _relations(x, names)


def test_a_state_in_a_letterhead_is_the_whole_wherever_it_stands(extractor):
    text = "Statement on Kelm\n\nMinistry of External Affairs\nGovernment of North Maravia\n\nThe Government condemns the raid on Kelm."
    x, names = _run(extractor, text, date(2024, 5, 12))
    assert ("member_of", "Ministry of External Affairs", "Government of North Maravia") in _relations(x, names), _relations(x, names)


def test_capitalised_lines_of_running_text_are_no_letterhead(extractor):
    text = "Troops Repel Raid On Depot\n\nTroops of the 4th Brigade repelled a raid on the fuel depot at Kelm.\nThe Ministry said so."
    x, _ = _run(extractor, text, date(2024, 5, 12))
    assert not [r for r in x.relations if r.rule == "relations.letterhead"]


@pytest.mark.parametrize("text, holder, place", [
    ("Government forces hold the cities, while Liwa al-Nasr holds the countryside.", "Government forces", "cities"),
    ("Liwa al-Nasr still holds pockets of territory near Hawija.", "Liwa al-Nasr", "territory"),
])
def test_holding_a_place_described_is_control(extractor, text, holder, place):
    x, names = _run(extractor, text, date(2025, 6, 1))
    assert any(r.type == "controls" and names[r.source].endswith(holder.split()[-1]) and names[r.target].endswith(place)
               for r in x.relations), _relations(x, names)


def test_holding_talks_is_no_control(extractor):
    x, _ = _run(extractor, "Liwa al-Nasr held talks with the government in Hawija.", date(2025, 6, 1))
    assert not [r for r in x.relations if r.type == "controls"]


def test_who_seizes_weapons_holds_them_and_who_lost_them_owned_them(extractor):
    x, names = _run(extractor, "Liwa al-Nasr fighters captured two tanks and 40 rifles from Jabhat al-Sahil.", date(2025, 6, 1))
    held = {(names[r.source], names[r.target]) for r in x.relations if r.rule == "relations.seized-equipment"}
    assert {("Liwa al-Nasr fighters", "tanks"), ("Liwa al-Nasr fighters", "rifles")} <= held, held
    assert any(r.type == "owned_by" and names[r.target] == "Jabhat al-Sahil" for r in x.relations)


def test_a_person_who_joins_people_is_one_of_them(extractor):
    x, names = _run(extractor, "Musa Ibrahim joined the rebels in 1995.", date(2025, 6, 1))
    assert ("member_of", "Musa Ibrahim", "rebels") in {(r.type, names[r.source], names[r.target]) for r in x.relations}
    assert not [r for r in x.relations if r.type == "allied_with"]


def test_units_of_two_bodies_belong_to_each(extractor):
    x, names = _run(extractor, "Units of the army and the National Gendarmerie have been hunting the raiders since May.", date(2025, 6, 1))
    bodies = {names[r.target] for r in x.relations if r.type == "member_of" and names[r.source].lower() == "units"}
    assert {"army", "National Gendarmerie"} <= bodies, _relations(x, names)


@pytest.mark.parametrize("name", ["Malawi Defence Force", "Kenya Navy"])
def test_a_states_force_named_after_it_is_a_body_not_the_place(extractor, name):
    x, _ = _run(extractor, f"Soldiers of the {name} patrolled the streets of the capital on Tuesday.", date(2025, 6, 1))
    kinds = {a.name: a.kind for a in x.actors}
    assert kinds.get(name) not in (None, "location"), kinds


@pytest.mark.parametrize("text, kind", [
    ("Musa Ibrahim later served as chairman of Liwa al-Nasr.", "leads"),
    ("Musa Ibrahim later served as deputy chairman of Liwa al-Nasr.", "member_of"),
    ("Musa Ibrahim served as a member of Liwa al-Nasr until 1990.", "member_of"),
])
def test_serving_as_a_post_of_a_body_says_how_one_belongs_to_it(extractor, text, kind):
    x, names = _run(extractor, text, date(2025, 6, 1))
    found = {(r.type, names[r.target]) for r in x.relations if names[r.source] == "Musa Ibrahim"}
    assert found == {(kind, "Liwa al-Nasr")}, _relations(x, names)


def test_a_spokesman_for_a_body_is_one_of_its_own(extractor):
    x, names = _run(extractor, "A spokesman for Liwa al-Nasr said the fighters had withdrawn.", date(2025, 6, 1))
    assert any(r.type == "member_of" and names[r.target] == "Liwa al-Nasr" for r in x.relations), _relations(x, names)


def test_whom_a_party_arrests_it_holds(extractor):
    x, names = _run(extractor, "Police in Hawija arrested 12 protesters on Sunday.", date(2025, 6, 1))
    held = [r for r in x.relations if r.type == "controls" and r.rule == "relations.holds-captives"]
    assert [(names[r.source], names[r.target]) for r in held] == [("Police", "protesters")], _relations(x, names)
    assert ("opposes", "Police", "protesters") in _relations(x, names)  # the arrest itself stays coercion


def test_an_arrest_is_re3d_fighting(extractor):
    from factions.evaluate.re3d import predict_relations
    from factions.model import Document

    rels, _, _ = predict_relations({"d": extractor.extract(Document(source="t", text="Liwa al-Nasr detained several Jabhat al-Sahil commanders in Hawija."))})
    assert {"FightingAgainst", "InChargeOf"} <= {typ for typ, _, _ in rels["d"]}, rels


def test_a_wire_dateline_names_the_agency_not_a_party(extractor):
    text = ("Gunmen kill 12 soldiers\n\nKELMORA, Dec 17 (Reuters) - Dozens of gunmen stormed an army post near Kelm on Tuesday, "
            "killing 12 soldiers, the army said.")
    x, names = _run(extractor, text, date(2025, 12, 17))
    agency = {a.id for a in x.actors if a.name in ("Reuters", "Thomson Reuters")}
    assert agency, names  # the agency is known, not an acronym of the date before it
    assert not [r for r in x.relations if r.source in agency or r.target in agency], _relations(x, names)
    assert any(r.type == "fights" and names[r.source].lower() == "gunmen" for r in x.relations), _relations(x, names)


@pytest.mark.parametrize("text, leader, body", [
    ("Musa Ibrahim took command of Liwa al-Nasr in 2013.", "Musa Ibrahim", "Liwa al-Nasr"),
    ("Mokhtar Belmokhtar kept command of a battalion of fighters.", "Mokhtar Belmokhtar", "battalion"),
])
def test_a_person_who_takes_a_bodys_command_leads_it(extractor, text, leader, body):
    x, names = _run(extractor, text, date(2025, 6, 1))
    assert any(r.type == "leads" and names[r.source] == leader and names[r.target].endswith(body) for r in x.relations), _relations(x, names)


def test_a_list_of_seized_weapons_is_held_item_by_item(extractor):
    x, names = _run(extractor, "Liwa al-Nasr fighters recovered AK-47 rifles, a mortar, two machine guns and grenades.", date(2025, 6, 1))
    held = {names[r.target] for r in x.relations if r.rule == "relations.seized-equipment"}
    assert {"rifles", "machine guns", "grenades"} <= held, held


@pytest.mark.parametrize("text, member, groups", [
    ("Norway is one of the Friends of the Peace Process.", "Norway", {"Friends of the Peace Process"}),
    ("Musa Ibrahim was one of the founders of Liwa al-Nasr.", "Musa Ibrahim", {"founders", "Liwa al-Nasr"}),
])
def test_one_of_a_group_belongs_to_it(extractor, text, member, groups):
    x, names = _run(extractor, text, date(2025, 6, 1))
    found = {names[r.target] for r in x.relations if r.rule == "relations.one-of" and names[r.source] == member}
    assert found == groups, _relations(x, names)


def test_ranked_as_one_of_a_group_is_the_object_not_who_ranks(extractor):
    x, names = _run(extractor, "Officials of Liwa al-Nasr ranked the Northern Front as one of the strongest armed groups.", date(2025, 6, 1))
    assert {names[r.source] for r in x.relations if r.rule == "relations.one-of"} <= {"Northern Front"}, _relations(x, names)


def test_thanks_and_tribute_to_responders_and_jawans_name_them(extractor):
    x, names = _run(extractor, "Liwa al-Nasr thanked the first responders and paid tribute to the jawans.", date(2025, 6, 1))
    assert {"responders", "jawans"} <= {names[r.target].split()[-1] for r in x.relations if r.type == "supports"}, _relations(x, names)


def test_condolences_are_no_stance(extractor):
    x, _ = _run(extractor, "Liwa al-Nasr offered its sincere condolences to the families of the victims.", date(2025, 6, 1))
    assert not [r for r in x.relations if r.type == "supports"]


def test_the_fight_against_terrorist_groups_names_groups_no_status(extractor):
    x, names = _run(extractor, "Liwa al-Nasr leads the fight against terrorist groups in the north.", date(2025, 6, 1))
    assert ("fights", "Liwa al-Nasr", "terrorist groups") in _relations(x, names)
    designated, _ = _run(extractor, "The United States designated Liwa al-Nasr a terrorist group in 2013.", date(2025, 6, 1))
    assert "a terrorist group" not in {m.text for m in designated.mentions}  # a status given, no actor


@pytest.mark.parametrize("text", [
    "The rebels of the Northern Front rose against the Sultan in 1965.",
    "The garrison of Hawija mutinied against its officers.",
])
def test_rising_or_mutinying_against_a_ruler_is_a_fight(extractor, text):
    x, names = _run(extractor, text, date(2025, 6, 1))
    assert [r for r in x.relations if r.type == "fights"], _relations(x, names)


def test_units_of_a_body_and_a_definite_body_beside_it_belong_to_both(extractor):
    # relations.described-member, _bodies_listed_after: "the police" is a body like the first,
    # where "rebels" would be people (test_units_of_two_bodies_belong_to_each)
    x, _ = _run(extractor, "Units of the military police and the police had formed a cordon.", date(2025, 6, 1))
    assert {("Units", "the military police"), ("Units", "the police")} <= _spans(x, "member_of"), x.relations
    rebels, _ = _run(extractor, "Soldiers of the army and the rebels clashed near the bridge.", date(2025, 6, 1))
    assert ("Soldiers", "the rebels") not in _spans(rebels, "member_of")


def test_a_titled_person_leads_his_men_unless_a_name_stands_beside_the_title(extractor):
    # relations.persons-forces: "the commander" without a name is the person; beside a name the name is
    x, _ = _run(extractor, "The commander said his soldiers would stay in the town.", date(2025, 6, 1))
    assert ("The commander", "his soldiers") in _spans(x, "leads"), x.relations
    named, _ = _run(extractor, "General Maxwell Thurman, commander of the Southern Command, said his forces had lost 23 soldiers.",
                    date(2025, 6, 1))
    assert not [s for s in _spans(named, "leads") if s[0] == "commander"], named.relations


def test_a_bodys_men_are_its_members(extractor):
    x, _ = _run(extractor, "Police said their men had been attacked with stones.", date(2025, 6, 1))
    assert ("their men", "Police") in _spans(x, "member_of"), x.relations


@pytest.mark.parametrize("text, weapon, owner", [
    # nominals.toml [equipment]: what riot police and crowds use; relations.toml use_verbs "throw"
    ("Police fired tear gas at the rioters.", "tear gas", "Police"),
    ("Some of the protesters threw stones at the building.", "stones", "the protesters"),
    # (armed with them: in their hands, relations.equipment-in-hand)
    ("Police officers armed with batons charged the crowd.", "batons", "Police officers"),
])
def test_riot_weapons_belong_to_who_uses_them(extractor, text, weapon, owner):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert (weapon, owner) in _spans(x, "owned_by") or (owner, weapon) in _spans(x, "controls"), x.relations


def test_police_and_soldiers_who_fire_tear_gas_each_have_it(extractor):
    x, _ = _run(extractor, "Police and soldiers fired tear gas at rioters.", date(2025, 6, 1))
    assert {("tear gas", "Police"), ("tear gas", "soldiers")} <= _spans(x, "owned_by"), x.relations


@pytest.mark.parametrize("text, taker, kit", [
    # relations.toml equipment.measure_nouns: the kit after a measure's "of" is the verb's object
    ("Customs officers seized 200 kg of explosives at the port.", "Customs officers", "explosives"),
    ("The militia captured a number of tanks near the dam.", "The militia", "tanks"),
    # "find" is a taking verb when forces find: what they find is in their hands
    ("Soldiers found a cache of rifles in the forest.", "Soldiers", "rifles"),
    # riot weapons (nominals.toml equipment)
    ("Riot police confiscated slingshots and fireworks from the crowd.", "Riot police", "slingshots"),
    ("Officers found a knife in the car.", "Officers", "knife"),
])
def test_kit_measured_found_or_thrown_in_a_riot_is_held_by_who_took_it(extractor, text, taker, kit):
    x, names = _run(extractor, text, date(2024, 6, 1))
    held = {(names[r.source], names[r.target]) for r in x.relations if r.rule == "relations.seized-equipment"}
    assert any(s.endswith(taker) or taker.endswith(s) for s, k in held if k == kit), x.relations


@pytest.mark.parametrize("text", [
    # relations.toml equipment.finding_verbs: only forces take what they find; debris is no kit held
    "UN inspectors found Iranian-made missiles in the arsenal.",
    "Children found a grenade near the school and it exploded.",
    "Rescuers found the wreckage of the helicopter in the mountains.",
])
def test_what_is_only_found_is_not_held(extractor, text):
    x, names = _run(extractor, text, date(2024, 6, 1))
    assert not [r for r in x.relations if r.rule == "relations.seized-equipment"], x.relations


def test_who_is_armed_with_kit_has_it_in_hand(extractor):
    # relations.equipment-in-hand: "armed with" as "with" (most blind sets read it InChargeOf)
    x, names = _run(extractor, "Youths armed with machetes and slingshots attacked the convoy.", date(2024, 6, 1))
    held = {(names[r.source], names[r.target]) for r in x.relations if r.rule == "relations.equipment-in-hand"}
    assert {("Youths", "machetes"), ("Youths", "slingshots")} <= held, x.relations
    # an item with its own article is still the list's ("rifles, a rocket launcher and grenades")
    x, names = _run(extractor, "Gunmen armed with rifles, a rocket launcher and grenades attacked the hotel.", date(2024, 6, 1))
    held = {names[r.target] for r in x.relations if r.type == "controls"}
    assert {"rifles", "rocket launcher", "grenades"} <= held, x.relations
    # what is given stays the receiver's own ("provided the army with vehicles")
    x, names = _run(extractor, "The government provided the army with vehicles.", date(2024, 6, 1))
    assert any(r.type == "owned_by" and names[r.target] == "army" for r in x.relations), x.relations


def test_taking_up_arms_seizes_nothing(extractor):
    x, _ = _run(extractor, "The rebels took up arms against the government in 1976.", date(2025, 6, 1))
    assert not [r for r in x.relations if r.rule == "relations.seized-equipment"], x.relations


def test_stones_thrown_at_troops_are_an_attack_on_them(extractor):
    x, _ = _run(extractor, "Two soldiers were hurt when a crowd threw stones at the troops.", date(2025, 6, 1))
    assert ("a crowd", "the troops") in _spans(x, "fights"), x.relations


def test_everyone_a_list_names_before_the_mark_hostage_is_held(extractor):
    # the parser hangs "hostage" inside the last object; the mark closes the whole list
    x, _ = _run(extractor, "Gunmen stormed the Parliament and took the Prime Minister and most of his government hostage.",
                date(2025, 6, 1))
    assert {("Gunmen", "the Prime Minister"), ("Gunmen", "his government")} <= _spans(x, "controls"), x.relations
    assert ("Gunmen", "the Prime Minister") in _spans(x, "fights")  # taken hostage: an assault (events.toml phrases)


@pytest.mark.parametrize("text, person", [
    # nlp.components._honorific_names (actor_kinds.toml name_honorifics): the model found no name
    ("Police arrested Mr Speight on Monday.", "Mr Speight"),
    ("Ms Lu Hsiu-lien was detained at dawn.", "Ms Lu Hsiu-lien"),
    # or only the surname
    ("Mr. Speight was arrested on Monday.", "Mr. Speight"),
])
def test_a_courtesy_title_and_the_capitalised_words_after_it_are_a_person(extractor, text, person):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    people = {m.text for m in x.mentions if m.actor and next(a for a in x.actors if a.id == m.actor).kind == "person"}
    assert person in people, x.mentions


def test_a_bodys_name_after_a_courtesy_title_stays_the_bodys(extractor):
    x, _ = _run(extractor, "Mr Bradshaw's Labour Party won the election.", date(2025, 6, 1))
    assert "Labour Party" in {m.text for m in x.mentions}, x.mentions


def test_a_list_of_seized_weapons_with_counts_is_held_item_by_item(extractor):
    # the parser hangs "two Kalashnikov rifles" on the verb; one list, one taker (relations.seized-equipment)
    x, _ = _run(extractor, "Troops have seized hunting rifles, two Kalashnikov rifles, spears and ammunition.", date(2025, 6, 1))
    held = {t for s, t in _spans(x, "controls") if s == "Troops"}
    assert {"hunting rifles", "Kalashnikov rifles", "spears", "ammunition"} <= held, held


def test_who_guards_or_secures_a_place_holds_it(extractor):
    # stances.toml [control] verbs "guard", "secure"; funding secured is no place
    x, _ = _run(extractor, "The contingent will guard the airport and the port.", date(2025, 6, 1))
    assert {("The contingent", "the airport"), ("The contingent", "the port")} <= _spans(x, "controls"), x.relations
    funding, _ = _run(extractor, "The UN secured funding for the mission.", date(2025, 6, 1))
    assert not _spans(funding, "controls")


def test_every_place_a_list_names_after_an_attack_verb_was_attacked(extractor):
    # events.extract._places_listed_after: the parser hangs "the police station" anywhere
    x, _ = _run(extractor, "Armed terrorists attacked the army barracks, the police station and a security post in the town.",
                date(2025, 6, 1))
    hit = {t for _, t in _spans(x, "attacks")}
    assert {"the army barracks", "the police station", "a security post"} <= hit, hit
    apposed, _ = _run(extractor, "Rebels attacked Goma, the provincial capital, on Monday.", date(2025, 6, 1))
    assert {t for _, t in _spans(apposed, "attacks")} == {"Goma"}


def test_a_listed_place_may_say_where_it_stands(extractor):
    # events.extract._past_its_place: "the residence at X" is one item; "posts in A, B and C" lists where
    x, _ = _run(extractor, "The rebels attacked the palace, the presidential residence at La Casona and the air base at La Carlota.",
                date(2025, 6, 1))
    hit = {t for _, t in _spans(x, "attacks")}
    assert {"the air base"} <= hit and any("residence" in t for t in hit), hit
    where, _ = _run(extractor, "Nine days later the rebels attacked police posts in Rolpa, Rukum and Sindhuli.", date(2025, 6, 1))
    assert not {"Rukum", "Sindhuli"} & {t for _, t in _spans(where, "attacks")}


@pytest.mark.parametrize("text, pair", [
    # relations.described-leaders: the title beside a name heads a body described, not named
    ("The commander of the army, General Lundula, surrendered on Monday.", ("The commander", "the army")),
    ("The leader of the rebels, Hugo Chavez, surrendered on Monday.", ("The leader", "the rebels")),
    # a bare title before "of" ("named commander of the army")
    ("Lundula was named commander of the army.", ("commander", "the army")),
    # nominals.toml: a state's services and the state as its statements name it
    ("The head of the state intelligence service, Bashkim Gazidede, fled the country.", ("The head", "the state intelligence service")),
])
def test_a_leaders_title_heads_the_body_it_describes(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "leads"), x.relations
    assert pair not in _spans(x, "member_of")


@pytest.mark.parametrize("text, pair", [
    # a title written in two words without the hyphen is one title ("the Secretary General")
    ("The Minister has sent letters to the Secretary General of NATO.", ("the Secretary General", "NATO")),
    # relations.under-leader: the name set beside the description after "under"
    ("Before dawn, rebel units under a former major, Ould Hanenna, attacked the palace.", ("Ould Hanenna", "rebel units")),
])
def test_a_leader_named_by_a_two_word_title_or_beside_under(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "leads"), x.relations
    assert not [r for r in x.relations if r.type == "member_of" and "General" in x.document.text[r.source_span.start:r.source_span.end]]


def test_a_subject_the_parse_hung_under_an_opening_date_acts(extractor):
    # events.arguments._subject_under_opening_date: no comma after "On 7 March 2004"
    x, _ = _run(extractor, "On 7 March 2004 Zimbabwean security forces arrested Mann on the tarmac.", date(2025, 6, 1))
    assert ("Zimbabwean security forces", "Mann") in _spans(x, "opposes"), x.relations
    dated, _ = _run(extractor, "On Monday in Kabul the army said it would act.", date(2025, 6, 1))
    assert not [e for e in dated.events if "Kabul" in {dated.document.text[s.start:s.end] for s in e.actor_spans}]


def test_a_predicate_the_tagger_called_a_noun_is_read_as_a_verb(extractor):
    # events.triggers._verbal: "thanks" tagged NNS with a subject and an object
    x, _ = _run(extractor, "The Ministry thanks the South African authorities for their cooperation.", date(2025, 6, 1))
    assert ("The Ministry", "the South African authorities") in _spans(x, "supports"), x.relations
    noun, _ = _run(extractor, "Many thanks to the organisers of the conference.", date(2025, 6, 1))
    assert not _spans(noun, "supports")


@pytest.mark.parametrize("text, pair", [
    # relations.message-sent: a message sent, delivered or handed to a party; the name beside the title sends it
    ("The Minister of Foreign Affairs, Mr Pangalos, has sent letters to the Secretary General of NATO.", ("Mr Pangalos", "the Secretary General")),
    ("Our ambassador in Ankara delivered the same protest to the Turkish Foreign Ministry.", ("Our ambassador", "the Turkish Foreign Ministry")),
    ("The Secretary General of the Ministry handed the ambassador a protest against the landing.", ("The Secretary General", "the ambassador")),
    ("The minister had explained this to his Spanish counterpart on three occasions.", ("The minister", "his Spanish counterpart")),
])
def test_a_message_sent_to_a_party_is_a_contact(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "communicates_with"), x.relations


@pytest.mark.parametrize("text", [
    "Chad sent troops to the border with Sudan and to the capital.",
    "The Government has sent its condolences to their families.",
    "The minister did not write to the ambassador.",
])
def test_troops_sent_or_condolences_to_families_are_no_contact(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not [r for r in x.relations if r.rule == "relations.message-sent"], x.relations


def test_former_soldiers_from_a_state_are_no_members_of_it(extractor):
    # events.toml [participants] former_modifiers
    x, _ = _run(extractor, "The men are former soldiers from South Africa and Angola. Pilots from Denmark joined the mission.",
                date(2025, 6, 1))
    members = _spans(x, "member_of")
    assert ("Pilots", "Denmark") in members and not [p for p in members if p[0] == "former soldiers"], members


def test_an_object_it_after_a_sentence_about_a_thing_is_that_thing(extractor):
    # actors.index._thing_before: "it" is the attempt, no party named before
    x, _ = _run(extractor, "The coup attempt was an uprising by army officers against the President in the capital of Mauritania. "
                           "Loyal forces crushed it after two days.", date(2025, 6, 1))
    crushed = next(e for e in x.events if e.trigger == "crushed")
    assert crushed.recipients == [] and "Loyal forces" in {x.document.text[s.start:s.end] for s in crushed.actor_spans}
    house, _ = _run(extractor, "The legislature voted to remove him. Zelaya said soldiers had surrounded his house and fired at it.",
                    date(2025, 6, 1))
    assert "The legislature" in {m.text for m in house.mentions}


def test_a_passive_that_names_no_doer_takes_no_guess_from_another_victim(extractor):
    # events.extract unnamed_doer: "X was shot and several protesters were killed" (but "until ISIL is defeated" may guess)
    x, _ = _run(extractor, "After Vice-President Argana was shot dead and several protesters were killed in the square, Cubas resigned.",
                date(2025, 6, 1))
    assert not _spans(x, "fights"), x.relations
    # events.arguments._subject_under_opening_date: the date's own object is no subject
    force, _ = _run(extractor, "In the early hours of 18 April a large force of the Indian Border Security Force crossed the river "
                               "and attacked a camp of the frontier troops.", date(2025, 6, 1))
    assert any(e.trigger == "attacked" and e.rule == "events.trigger-verb" for e in force.events), force.events


@pytest.mark.parametrize("text, pair, kind", [
    # relations.joined-body: who joins a body becomes a member; who joins troops, people or someone in an act sides with them
    ("In 2012 Mali joined the coalition against the jihadists.", ("Mali", "the coalition"), "member_of"),
    ("Iceland joined the defence alliance in 1949.", ("Iceland", "the defence alliance"), "member_of"),
    ("Chad joined France in the fight against the jihadists.", ("Chad", "France"), "allied_with"),
])
def test_who_joins_a_body_is_a_member_who_joins_someone_an_ally(extractor, text, pair, kind):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, kind), x.relations


def test_a_demand_for_someones_fall_is_hostility_not_contact(extractor):
    # relations.hostile-demand (events.toml [participants] hostile_demands)
    x, _ = _run(extractor, "The rebels demanded the resignation of President Eduard Shevardnadze.", date(2025, 6, 1))
    assert ("The rebels", "President Eduard Shevardnadze") in _spans(x, "opposes") or ("The rebels", "Eduard Shevardnadze") in _spans(x, "opposes"), x.relations
    assert not _spans(x, "communicates_with")
    asked, _ = _run(extractor, "The rebels demanded talks with the government.", date(2025, 6, 1))
    assert not [r for r in asked.relations if r.rule == "relations.hostile-demand"]


def test_a_patrol_boat_is_one_kit_and_no_patrol_owns_it(extractor):
    # nominals.toml [group] kit_kinds: "patrol" before a kit names its kind
    x, _ = _run(extractor, "The Navy will keep a patrol boat in the waters around the island.", date(2025, 6, 1))
    assert "a patrol boat" in {m.text for m in x.mentions}
    assert not [r for r in x.relations if r.rule == "relations.equipment-of" and "patrol" == x.document.text[r.target_span.start:r.target_span.end].split()[-1]]


def test_a_service_is_a_body_only_with_its_kind(extractor):
    # nominals.toml [group] service_heads / service_kinds
    x, _ = _run(extractor, "He completed his military service and attended a memorial service. The security services arrested him.",
                date(2025, 6, 1))
    assert [m.text for m in x.mentions if m.text.lower().endswith(("service", "services"))] == ["The security services"]


@pytest.mark.parametrize("text, pair", [
    # events.toml ASSAULT when_object hunt/pursue/chase = "party"
    ("Soldiers and gendarmes are hunting cattle rustlers in the south.", ("Soldiers", "cattle rustlers")),
    ("Police pursued the raiders into the hills.", ("Police", "the raiders")),
])
def test_armed_pursuit_of_a_party_is_a_fight(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "fights"), x.relations
    assert not _spans(x, "attacks")  # "into the hills" is where they went, no place attacked


@pytest.mark.parametrize("text", ["The government is pursuing talks with the rebels.", "Investors are hunting for bargains."])
def test_pursuing_talks_or_bargains_is_no_assault(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not [e for e in x.events if e.type == "ASSAULT"], x.events


@pytest.mark.parametrize("text, relation", [
    # relations.whose
    ("We urge Eritrea, whose troops fought in Tigray, to withdraw.", ("member_of", "troops", "Eritrea")),
    ("Viv Ansanm, whose best-known leader is Jimmy Cherizier, led a wave of attacks.", ("leads", "Jimmy Cherizier", "Viv Ansanm")),
    ("Akramiya, a clandestine movement whose founder is serving a prison sentence, was blamed.", ("leads", "founder", "a clandestine movement")),
])
def test_whose_people_and_head_belong_to_or_lead_the_party(extractor, text, relation):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    kind, source, target = relation
    assert (source, target) in _spans(x, kind), x.relations


def test_whose_killing_is_no_member(extractor):
    x, _ = _run(extractor, "The journalist Jan Kuciak, whose killing set off protests, was buried.", date(2025, 6, 1))
    assert not [r for r in x.relations if r.rule == "relations.whose"]


@pytest.mark.parametrize("text, kind, pair", [
    # events.toml ASSAULT phrases "fire on", "fire upon"
    ("Troops fired on the crowd near the harbour.", "fights", ("Troops", "the crowd")),
    ("Police fired upon the protesters outside the ministry.", "fights", ("Police", "the protesters")),
    # a warship acts when it aims at someone (participants._AIMED_PREPS), as it does with an object
    ("The warship fired on the town at dawn.", "attacks", ("The warship", "the town")),
    # events.toml ASSAULT when_object surround/encircle = ["place", "party"]
    ("Army troops surrounded the rebel headquarters.", "attacks", ("Army", "the rebel headquarters")),
    ("Government forces encircled the militia in the valley.", "fights", ("Government forces", "the militia")),
    # nominals.toml: a flotilla is a body; a rank alone names an officer (a state's aircraft act
    # for it: demonyms.toml [heads] arms)
    ("Peruvian aircraft attacked the flotilla on the river.", "fights", ("Peruvian", "the flotilla")),
    ("The mutineers killed their captain.", "fights", ("The mutineers", "their captain")),
    # a phrase's object may be the parse's second object ("exchanged rifle and machine-gun fire")
    ("British troops exchanged rifle and machine-gun fire with mutinous sailors.", "fights", ("British troops", "mutinous sailors")),
    # events.toml ASSAULT verbs stone, crush
    ("Crowds stoned police and troops.", "fights", ("Crowds", "troops")),
    ("Government troops crushed the rebel units before dawn.", "fights", ("Government troops", "the rebel units")),
    # events.toml ASSAULT phrase "break into", aimed at a place only
    ("Looters broke into army depots in Tirana.", "attacks", ("Looters", "army depots")),
    # ASSAULT overthrow, topple, depose; resist a party (when_object); intruders are people
    ("In 1979 Vietnamese forces overthrew the regime.", "fights", ("Vietnamese forces", "the regime")),
    ("The frontier troops resisted the intruders.", "fights", ("The frontier troops", "the intruders")),
    # COERCE dissolve, disarm: force short of an attack
    ("The junta dissolved the government and the assembly.", "opposes", ("The junta", "the government")),
    ("Belgian troops disarmed the Congolese soldiers.", "opposes", ("Belgian troops", "the Congolese soldiers")),
])
def test_fire_aimed_at_and_encirclement_are_assaults(extractor, text, kind, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, kind), x.relations


@pytest.mark.parametrize("text", ["The controversy surrounding the deal deepened.", "The police fired the officer last week.",
                                  "The party broke into rival factions.", "The government resisted pressure to resign."])
def test_surrounding_a_deal_or_firing_an_employee_is_no_assault_on_anyone(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not _spans(x, "fights") and not _spans(x, "attacks"), x.relations


def test_agents_of_a_body_are_its_people_chemical_agents_are_none(extractor):
    # nominals.toml: "agents" is a person head only with a party in its "of" (needs_of_party)
    x, _ = _run(extractor, "Agents of the political police opened fire on a crowd.", date(2025, 6, 1))
    assert ("Agents", "a crowd") in _spans(x, "fights"), x.relations
    assert ("Agents", "the political police") in _spans(x, "member_of"), x.relations
    chemical, _ = _run(extractor, "The army used chemical agents against the town.", date(2025, 6, 1))
    assert not [m for m in chemical.mentions if m.text.lower().endswith("agents")]


def test_supporters_of_a_man_act_themselves(extractor):
    # events.toml [participants] others_of: the "of" names someone else
    x, _ = _run(extractor, "Supporters of Estrada marched through the capital.", date(2025, 6, 1))
    [march] = [e for e in x.events if e.type == "PROTEST"]
    assert [x.document.text[s.start:s.end] for s in march.actor_spans] == ["Supporters"]


def test_going_over_to_a_party_is_siding_with_it(extractor):
    # events.toml COOPERATE phrase "go over"
    x, _ = _run(extractor, "Two battalions went over to the rebels on Tuesday.", date(2025, 6, 1))
    assert ("Two battalions", "the rebels") in _spans(x, "allied_with"), x.relations
    plan, _ = _run(extractor, "The committee went over the budget.", date(2025, 6, 1))
    assert not plan.relations and not [e for e in plan.events if e.type == "COOPERATE"]


def test_a_courtesy_title_makes_a_person_of_a_name_the_model_read_as_a_body(extractor):
    # nlp/components._honorific_names; events.toml roles.leads "mayor"
    x, _ = _run(extractor, "In 1989 the mayor of Oka, Mr Ouellette, announced the plan.", date(2025, 6, 1))
    kinds = {a.id: a.kind for a in x.actors}
    assert "Mr Ouellette" in {m.text for m in x.mentions if m.actor and kinds[m.actor] == "person"}, x.mentions
    assert ("Mr Ouellette", "Oka") in _spans(x, "leads"), x.relations


def test_a_persons_own_object_pronoun_is_someone_else(extractor):
    # actors/index.resolve_pronoun: "him" as the object of a person's verb is not that person
    x, _ = _run(extractor, "General Spinola led the junta. Colonel Mobutu arrested him.", date(2025, 6, 1))
    [arrest] = [e for e in x.events if e.type == "COERCE"]
    [him] = [m for m in x.mentions if m.text == "him"]
    assert {a.name for a in x.actors if a.id == him.actor} == {"Spinola"}, x.mentions
    assert arrest.actors != [him.actor]


def test_a_name_after_a_rank_is_a_person_wherever_it_stands(extractor):
    # nlp/components._name_after_title, _places_by_kinship, _surnames_of_people
    x, _ = _run(extractor, "President Macky Sall met the rebels. Talks between the government of Macky Sall and the faction failed.",
                date(2025, 6, 1))
    kinds = {a.id: a.kind for a in x.actors}
    assert {kinds[m.actor] for m in x.mentions if m.text == "Macky Sall"} == {"person"}, x.mentions
    # an office before a body's name makes no person of it
    y, _ = _run(extractor, "The Director Defence Media Operations, Major General Edward Buba, said troops would stay.", date(2025, 6, 1))
    assert [c for c in y.claims if y.document.text[c.speaker_span.start:c.speaker_span.end].endswith("Edward Buba")], y.claims


def test_a_name_the_model_read_as_a_work_with_a_building_word_is_a_place(extractor):
    # nlp/components.entity_fixes: WORK_OF_ART or PRODUCT ending in (or before) a place head
    x, _ = _run(extractor, "The rebels attacked the Miraflores palace.", date(2025, 6, 1))
    assert ("The rebels", "the Miraflores palace") in _spans(x, "attacks"), x.relations
    song, _ = _run(extractor, "The band played the Moonlight Sonata.", date(2025, 6, 1))
    assert not [a for a in song.actors if a.kind == "location"]


@pytest.mark.parametrize("text, pair", [
    # relations.toml captives.custody_verbs "capture", "hold": people taken or held are in custody
    ("Eritrea said its navy had captured 196 Yemeni soldiers.", ("navy", "Yemeni soldiers")),
    ("About 180 Yemeni soldiers are now held by Eritrea.", ("Eritrea", "Yemeni soldiers")),
    ("The rebels still hold three aid workers.", ("The rebels", "three aid workers")),
])
def test_people_captured_or_held_are_in_custody(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "controls"), x.relations


@pytest.mark.parametrize("text", [
    "We hold the rebel leadership and its regional sponsors fully responsible for these crimes.",
    "The Houthis denied holding any crew.",
    "Police did not arrest anyone at the march.",
])
def test_a_judgement_or_a_denial_holds_no_one(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not [r for r in x.relations if r.rule == "relations.holds-captives"], x.relations


def test_a_states_navy_and_air_force_are_bodies_and_its_own(extractor):
    # nominals.toml modifiers "air", "naval"; group heads "navy"; relations.toml possessor.members_after_pronoun
    x, _ = _run(extractor, "Yemen has few warships, and its air force flies ageing jets. The navy shelled the port.", date(2025, 6, 1))
    assert ("its air force", "Yemen") in _spans(x, "member_of"), x.relations
    assert {"The navy", "its air force"} <= {m.text for m in x.mentions}, x.mentions
    named, _ = _run(extractor, "The U.S. Navy struck the base on Monday.", date(2025, 6, 1))
    assert not _spans(named, "member_of"), named.relations


# --- twenty-first session: set X's classes ---------------------------------------------

@pytest.mark.parametrize("text, pair", [
    # events.participants._people_named_by_nationality: a plural demonym names people
    ("Serbian gunners shelled the Dutch post and then opened fire on the Danes.", ("Serbian gunners", "Danes")),
    ("Kurds and Arabs clashed in the old market on Tuesday.", ("Kurds", "Arabs")),
])
def test_people_named_by_their_nationality_take_part(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "fights"), x.relations


def test_a_nationality_adjective_is_no_party(extractor):
    x, _ = _run(extractor, "Danish soldiers opened fire on the crowd.", date(2025, 6, 1))
    assert not [r for r in x.relations if x.document.text[r.source_span.start:r.source_span.end] == "Danish"], x.relations


@pytest.mark.parametrize("text, pair", [
    # relations.ordered-forces: whoever orders forces to act commands them; the forces act
    ("The Prime Minister ordered the army to clear the roadblocks.", ("The Prime Minister", "the army")),
    ("The colonel instructed his men to hold the bridge.", ("The colonel", "his men")),
    ("The governor directed the police to protect the consulate.", ("The governor", "the police")),
])
def test_who_orders_forces_to_act_commands_them(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "leads"), x.relations


@pytest.mark.parametrize("text", [
    "The court ordered the government to pay compensation to the families.",
    "Officials ordered residents to stay indoors.",
    "The President ordered an inquiry into the shooting.",
    "The minister did not order the army to fire.",
    "The envoy asked that the Security Council order the foreign troops to leave.",
    "The Supreme Court ordered the armed forces to arrest the former president.",
])
def test_an_order_to_others_than_forces_commands_no_one(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not [r for r in x.relations if r.rule == "relations.ordered-forces"], x.relations


def test_forces_ordered_to_attack_are_the_attackers(extractor):
    # events.arguments._subject_tokens: only troops sent (troop_contributors verbs) act through their sender
    x, _ = _run(extractor, "The President ordered the armed forces to retake Goma.", date(2025, 6, 1))
    assert ("the armed forces", "Goma") in _spans(x, "attacks"), x.relations
    x, _ = _run(extractor, "Chad sent troops to fight the rebels near Abeche.", date(2025, 6, 1))
    assert ("Chad", "the rebels") in _spans(x, "fights"), x.relations


@pytest.mark.parametrize("text, trigger", [
    # events.toml COERCE phrases with a preposition's object
    ("Six of the smugglers were taken into custody by border guards.", "taken"),
    ("Soldiers placed the mayor and two aides under arrest.", "placed"),
])
def test_an_arrest_said_with_a_preposition_is_one_coercion(extractor, text, trigger):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert [(e.type, e.trigger) for e in x.events] == [("COERCE", trigger)], x.events


def test_a_take_into_phrase_without_custody_is_no_arrest(extractor):
    x, _ = _run(extractor, "The commission took the report into account.", date(2025, 6, 1))
    assert not [e for e in x.events if e.type == "COERCE"], x.events


def test_captors_and_occupiers_are_people(extractor):
    x, _ = _run(extractor, "Two of the hostages were killed by their captors.", date(2025, 6, 1))
    assert any(e.type == "ASSAULT" and [x.document.text[s.start:s.end] for s in e.actor_spans] == ["their captors"] for e in x.events), x.events


def test_a_subject_before_an_opening_date_and_the_verbs_own_are_both_subjects(extractor):
    # events.arguments._subject_under_opening_date(joined_to=): "On <date> A and B attacked"
    x, _ = _run(extractor, "On 12 June 2004 troops of the national army, including the 3rd Battalion, and militia fighters stormed the rebel base.", date(2025, 6, 1))
    assault = next(e for e in x.events if e.trigger == "stormed")
    assert len(assault.actors) == 2, x.events


def test_the_accused_not_the_accuser_does_what_the_of_phrase_says(extractor):
    # events.arguments._subject_tokens: "accused by X of expelling" hangs "of" on X
    x, names = _run(extractor, "Uganda has been accused by aid groups of attacking refugees in the camps.", date(2025, 6, 1))
    attacking = next(e for e in x.events if e.trigger == "attacking")
    assert [names[a] for a in attacking.actors] == ["Uganda"], x.events


def test_soldiers_led_by_a_commander_did_what_the_sentence_says(extractor):
    # events.arguments._described_by_agent_phrase; relations.led-by with a leader described by role
    x, _ = _run(extractor, "GOMA, Congo, May 4 (Reuters) - Mutinous soldiers led by a former army colonel seized Uvira on Monday, "
                           "aid workers said.", date(2025, 6, 1))
    assert ("soldiers", "Uvira") in {(a.split()[-1], b) for a, b in _spans(x, "attacks")}, x.relations
    assert ("a former army colonel", "Mutinous soldiers") in _spans(x, "leads"), x.relations


def test_thousands_of_people_act_as_the_people(extractor):
    # claims.speakers: speech.toml counting_subjects
    x, _ = _run(extractor, "Thousands of students stoned the embassy, accusing the ambassador of lying.", date(2025, 6, 1))
    assert {s for s, _ in _spans(x, "opposes")} == {"students"}, x.relations


def test_hostage_parsed_as_a_clause_still_marks_the_taking(extractor):
    # events.triggers._match_trigger: the captive mark parsed as ccomp ("took several officials hostage")
    x, _ = _run(extractor, "The gunmen took four teachers and a nurse hostage.", date(2025, 6, 1))
    assert ("The gunmen", "four teachers") in _spans(x, "fights") or ("The gunmen", "teachers") in _spans(x, "fights"), x.relations


def test_an_unnamed_title_of_a_body_named_by_its_possessive_leads_nothing(extractor):
    # "the group's deputy leader" with no name beside it: no unnamed leader is made (the
    # re3d view joins "the group's leader" into one mention, evaluate.re3d.join_units)
    x, _ = _run(extractor, "The group's deputy leader was killed in the raid.", date(2025, 6, 1))
    assert not _spans(x, "member_of") and not _spans(x, "leads"), x.relations


@pytest.mark.parametrize("text, pair", [
    # relations.ally-description: supporters "of" a named person, or of one named by role
    ("Supporters of President Kamau marched on the palace.", ("Supporters", "Kamau")),
    ("Supporters of the president blocked the southern road.", ("Supporters", "the president")),
])
def test_supporters_of_a_person_support_him(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "supports"), x.relations


def test_supporters_of_an_unnamed_thing_support_no_one(extractor):
    x, _ = _run(extractor, "Supporters of the plan gathered in the square.", date(2025, 6, 1))
    assert not _spans(x, "supports"), x.relations


@pytest.mark.parametrize("text, speaker", [
    # claims.speakers._statement_formula (speech.toml statement_formulas): the formula's subject speaks
    ("The Ministry wishes to inform the heads of mission that rebels attacked the airport on Monday.", "The Ministry"),
    ("The Embassy has the honour to inform the Ministry that the delegation will arrive on Monday.", "The Embassy"),
    ("The Ministry is pleased to announce that the talks will resume in Geneva.", "The Ministry"),
])
def test_the_subject_of_a_statement_formula_speaks(extractor, text, speaker):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert [x.document.text[c.speaker_span.start:c.speaker_span.end] for c in x.claims] == [speaker], x.claims


def test_the_diplomatic_corps_is_a_body_told(extractor):
    x, _ = _run(extractor, "The Ministry informs the diplomatic corps that the border is closed.", date(2025, 6, 1))
    assert ("The Ministry", "the diplomatic corps") in _spans(x, "communicates_with"), x.relations


def test_a_sect_is_a_body_with_members(extractor):
    # nominals.toml [group] heads: sects and cults that arm themselves
    x, _ = _run(extractor, "Members of a little-known sect raided an army depot near the border.", date(2025, 6, 1))
    assert ("Members", "sect") in _spans(x, "member_of"), x.relations


def test_disbanding_a_party_is_force_and_disbanding_itself_is_not(extractor):
    # events.toml COERCE when_object disband; relation_types.toml re3d_by_trigger
    x, _ = _run(extractor, "President Kamau disbanded the army in 1995.", date(2025, 6, 1))
    assert [(e.type, e.trigger) for e in x.events] == [("COERCE", "disbanded")], x.events
    x, _ = _run(extractor, "The movement disbanded in 2003.", date(2025, 6, 1))
    assert x.events == [], x.events


def test_a_verb_inside_a_known_name_is_no_event(extractor):
    # events.triggers._match_trigger; kb armed_groups.toml jnim aliases
    x, names = _run(extractor, "The Group to Support Islam and Muslims claimed the attack on the camp.", date(2025, 6, 1))
    assert not [e for e in x.events if e.type == "SUPPORT"], x.events
    assert "Jama'at Nusrat al-Islam wal-Muslimin" in names.values(), names


# --- twenty-second session: people led, premises attacked --------------------------------

@pytest.mark.parametrize("text, pair", [
    # relations.leading-verb: a person leads the people he leads out, in or against
    ("Colonel Tamba Kollie led about 300 soldiers out of their barracks on Friday.", ("Tamba Kollie", "soldiers")),
    ("Marco Ferri led the legionaries into the port in September.", ("Marco Ferri", "the legionaries")),
    ("The general commanded 3,000 troops.", ("The general", "troops")),
])
def test_a_person_leads_the_people_he_leads(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "leads"), x.relations


def test_a_leading_verb_of_things_leads_no_one(extractor):
    x, _ = _run(extractor, "Minister Aline Dusabe led the talks with the donors in March.", date(2025, 6, 1))
    assert not _spans(x, "leads"), x.relations


@pytest.mark.parametrize("text, place", [
    # nominals.toml [place] premises; modifiers public, private, nearby
    ("Protesters attacked the police station and the offices of the ruling party.", "the offices"),
    ("Rioters looted shops and set fire to a store near the market.", "shops"),
    ("Supporters of the former president attacked courts and other public buildings in the capital.", "other public buildings"),
])
def test_premises_attacked_are_places(extractor, text, place):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert place in [t for _s, t in _spans(x, "attacks")], x.relations


@pytest.mark.parametrize("text, pair", [
    # speech.toml cue_verbs assure, notify; stances.toml [told] promise; donors are people told
    ("The Minister assured the diplomats that the Government would protect all residents.", ("The Minister", "the diplomats")),
    ("The Ministry notified the heads of foreign missions on Monday that rebels had shelled the port.", ("The Ministry", "the heads")),
    ("President Rakoto has promised donors that the army will restore order.", ("President Rakoto", "donors")),
])
def test_a_statement_made_to_those_assured_or_promised_addresses_them(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "addresses"), x.relations
    assert len(x.claims) == 1, x.claims


def test_a_promise_to_act_is_told_to_no_one(extractor):
    x, _ = _run(extractor, "President Rakoto promised to restore order before the vote.", date(2025, 6, 1))
    assert not _spans(x, "addresses") and not _spans(x, "communicates_with"), x.relations


@pytest.mark.parametrize("text, pair", [
    # events.toml ACCUSE when_object convict/sentence (a party tried), SANCTION when_object
    # suspend (a member shut out); nominals.toml courts, tribunals and blocs are bodies
    ("The military court sentenced the colonel to ten years in prison.", ("The military court", "the colonel")),
    ("The court convicted the colonel of treason.", ("The court", "the colonel")),
    ("The regional bloc has suspended Guinea from its meetings.", ("The regional bloc", "Guinea")),
])
def test_a_party_sentenced_or_suspended_is_opposed(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "opposes"), x.relations


@pytest.mark.parametrize("text", [
    "The government suspended the talks until March.",
    "The army prosecuted the war with vigour.",
])
def test_suspending_or_prosecuting_a_thing_is_no_act_on_a_party(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert x.events == [] and not _spans(x, "opposes"), (x.events, x.relations)


def test_a_side_named_by_its_kind_is_a_party_and_the_other_side_is_not(extractor):
    # nominals.toml [group] heads "side", needs_kind "side"
    x, _ = _run(extractor, "The Armenian side shelled the village of Aygepar on Monday.", date(2025, 6, 1))
    assert ("The Armenian side", "the village") in _spans(x, "attacks"), x.relations
    x, _ = _run(extractor, "The refugees fled to the other side of the river.", date(2025, 6, 1))
    assert not x.relations and all(e.recipients == [] for e in x.events), (x.events, x.relations)


@pytest.mark.parametrize("text, pair", [
    # events.toml ASSAULT phrases "turn on" (aimed at a party), "burst into" (aimed at a place)
    ("Soldiers of the garrison turned on the volunteers.", ("Soldiers", "the volunteers")),
])
def test_turning_on_a_party_is_an_assault(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "fights"), x.relations


def test_a_verb_with_its_own_object_is_no_aimed_phrase(extractor):
    # events.triggers._match_trigger: "turned his march on Tripoli" acts on the march
    x, _ = _run(extractor, "Foreign advisers turned the general's march on the capital into a rout.", date(2025, 6, 1))
    assert not [e for e in x.events if e.trigger == "turned"], x.events


def test_bursting_into_a_place_attacks_it(extractor):
    x, _ = _run(extractor, "Gunmen burst into the hospital in Ratchaburi on Monday.", date(2025, 6, 1))
    assert ("Gunmen", "the hospital") in _spans(x, "attacks"), x.relations


def test_who_after_a_title_of_a_body_is_the_titled_person(extractor):
    # nlp.tokens.relative_noun: "a retired chief of the army who leads X": the chief leads X
    x, _ = _run(extractor, "General Pieter Botha, a former chief of the army who leads the Volunteer Front, flew to the base.",
                date(2025, 6, 1))
    assert ("Pieter Botha", "the Volunteer Front") in _spans(x, "leads"), x.relations
    assert ("the army", "the Volunteer Front") not in _spans(x, "leads"), x.relations


def test_orders_of_a_title_with_a_name_beside_it_are_the_names(extractor):
    # relations.stances.name_beside: "The squadron commander, Major X, ordered …"
    x, _ = _run(extractor, "The squadron commander, Major Anders Holm, ordered his crews to open fire.", date(2025, 6, 1))
    assert [s for s, _t in _spans(x, "leads")] == ["Major Anders Holm"], x.relations


def test_a_persons_supporters_support_him_and_a_regimes_unnamed_backers_do_not(extractor):
    # relations.ally-description: "his supporters" of a person, as "supporters of Mr X"
    x, _ = _run(extractor, "President Kamau and his supporters left the palace on Monday.", date(2025, 6, 1))
    assert ("his supporters", "Kamau") in _spans(x, "supports"), x.relations
    x, _ = _run(extractor, "The regime and its backers deny it.", date(2025, 6, 1))
    assert not _spans(x, "supports"), x.relations


# Twenty-third session: people "from" and "in" a described body, conjoined ranks, a
# government named with its state, titles spelled in two words, cordons and targets.

@pytest.mark.parametrize("text, pair", [
    # nominals.toml people "servicemen"; relations.toml possessor members
    ("On Sunday servicemen of the armed forces of Ruritania crossed the river.", ("servicemen", "the armed forces")),
    # structure._body_described_of: "from" and "in" a body the text describes
    ("Officers from the battalion met the envoys on Tuesday.", ("Officers", "the battalion")),
    ("Soldiers in the squadron were unhurt after the shelling.", ("Soldiers", "the squadron")),
])
def test_people_of_from_or_in_a_described_body_belong_to_it(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "member_of"), x.relations


def test_people_from_countries_or_communities_belong_to_none(extractor):
    # relations.toml possessor origin_bodies: where they come from, not whose they are
    x, _ = _run(extractor, "About 5,000 troops from six countries landed at the port; young men from rival communities fought "
                "in the streets.", date(2025, 6, 1))
    assert not _spans(x, "member_of"), x.relations


def test_the_of_phrase_of_two_indefinite_ranks_is_both_of_theirs(extractor):
    x, _ = _run(extractor, "A sergeant and a corporal of the frontier battalion were wounded near the post.", date(2025, 6, 1))
    members = _spans(x, "member_of")
    assert ("A sergeant", "the frontier battalion") in members and ("a corporal", "the frontier battalion") in members, x.relations
    x, _ = _run(extractor, "The minister and the commanders of the army met in the capital.", date(2025, 6, 1))
    assert ("The minister", "the army") not in _spans(x, "member_of"), x.relations


def test_a_government_named_with_its_state_is_that_states(extractor):
    # actors.families.member_named_with: the state in the phrase, not the one the document is most about
    x, _ = _run(extractor, "The Government of Peru thanked Chile for its help. Peru and Chile signed a pact. "
                "The Government of Bolivia deployed troops to the border.", date(2025, 6, 1))
    names = {a.id: a.name for a in x.actors}
    second = next(m for m in x.mentions if m.text == "The Government" and m.span.start > 60)
    assert names[second.actor] == "Bolivia", (names, x.mentions)


@pytest.mark.parametrize("text, pair", [
    # events.toml roles.leads "director-general", "inspector-general", written without the hyphen
    ("The Director General of the Agency resigned on Monday.", ("The Director General", "Agency")),
    ("The Inspector General of the Frontier Corps visited the post.", ("The Inspector General", "Frontier Corps")),
])
def test_a_title_spelled_in_two_words_heads_its_body(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "leads"), x.relations


def test_a_general_secretary_is_no_general(extractor):
    x, _ = _run(extractor, "For the first time a general secretary of the party had been killed.", date(2025, 6, 1))
    assert not [r for r in x.relations if r.type in ("member_of", "leads")], x.relations


@pytest.mark.parametrize("text, pair", [
    # events.toml ASSAULT when_object ring, cordon
    ("Troops and police marksmen ringed the hill on Monday.", ("police marksmen", "the hill")),
    # nominals.toml place heads: roadblock, pocket, motorcade
    ("The mutineers opened fire on the roadblock in the afternoon.", ("The mutineers", "the roadblock")),
    ("Gunmen fired rockets at his motorcade near the bridge.", ("Gunmen", "his motorcade")),
])
def test_cordons_and_what_is_fired_on_are_attacks_on_places(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "attacks"), x.relations


def test_a_ringing_phone_attacks_nothing(extractor):
    x, _ = _run(extractor, "The phone rang twice in the office of the governor.", date(2025, 6, 1))
    assert not x.events and not x.relations, (x.events, x.relations)


@pytest.mark.parametrize("text, pair", [
    # nlp factions_letterheads: a state's own line, under a long headline
    ("Tanks return fire near the river after an observation post is shelled by artillery overnight\n\nNORWAY\n"
     "ARMY OPERATIONAL COMMAND\n30 April 1994\n\nThe Command reports that the tanks returned fire.",
     ("ARMY OPERATIONAL COMMAND", "NORWAY")),
    # an ordinal in a unit's name
    ("Troops recover the bodies\n\nRURITANIAN ARMY\n4TH INFANTRY DIVISION\nCamp Alder, 26 January 2015\n\nThe Division reports.",
     ("4TH INFANTRY DIVISION", "RURITANIAN ARMY")),
])
def test_letterhead_lines_name_the_body_above(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "member_of"), x.relations


def test_a_city_line_under_a_letterhead_is_no_body(extractor):
    x, _ = _run(extractor, "Forces take the town\n\nMINISTRY OF DEFENCE\nPress Service\nMoscow\n6 February 2000\n\nThe Ministry reports.",
                date(2025, 6, 1))
    assert ("Press Service", "MINISTRY OF DEFENCE") in _spans(x, "member_of"), x.relations
    assert not [r for r in x.relations if x.document.text[r.target_span.start : r.target_span.end] == "Moscow"], x.relations


def test_a_unit_of_a_named_police_is_the_polices(extractor):
    # relations.body-of-body, not relations.members-of-body: "police" here is a name's word
    x, _ = _run(extractor, "Commandos of the Rapid Action Force, an elite unit of the Ruritanian National Police, raided the village.",
                date(2025, 6, 1))
    assert ("the Rapid Action Force", "the Ruritanian National Police") in _spans(x, "member_of"), x.relations
    assert ("the Ruritanian National Police", "unit") not in _spans(x, "member_of"), x.relations


def test_the_director_of_a_body_heads_it_and_a_director_at_one_belongs(extractor):
    x, _ = _run(extractor, "The director of the Rapid Action Force, Tomas Ferreira, was relieved. Maria Lopez, a director at the "
                "Peace Institute, said the talks failed.", date(2025, 6, 1))
    assert ("Tomas Ferreira", "the Rapid Action Force") in _spans(x, "leads"), x.relations
    assert ("Maria Lopez", "the Peace Institute") in _spans(x, "member_of"), x.relations


def test_sides_named_by_between_do_not_hold_a_place_together(extractor):
    # relations.control: the relative clause is the nearest side's
    x, _ = _run(extractor, "The clashes took place near the town, between the National Police and protesters who had blocked a "
                "highway and occupied an oil pumping station.", date(2025, 6, 1))
    assert ("protesters", "pumping station") in _spans(x, "controls"), x.relations
    assert not _spans(x, "allied_with") and ("the National Police", "pumping station") not in _spans(x, "controls"), x.relations


@pytest.mark.parametrize("text, pair", [
    # events.toml SANCTION phrases: diplomatic relations broken off
    ("The Government of Colombia has severed diplomatic relations with Peru.", ("Colombia", "Peru")),
    ("Chad broke off diplomatic relations with Libya on Monday.", ("Chad", "Libya")),
])
def test_breaking_off_relations_is_a_sanction(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert [e.type for e in x.events] == ["SANCTION"] and pair in _spans(x, "opposes"), (x.events, x.relations)


def test_restoring_relations_or_breaking_news_is_no_sanction(extractor):
    x, _ = _run(extractor, "The two states restored relations; the minister broke the news to reporters.", date(2025, 6, 1))
    assert not [e for e in x.events if e.type == "SANCTION"], x.events


@pytest.mark.parametrize("text, pair", [
    # nominals.toml people: sappers, occupants
    ("Sappers blew up a bridge over the river.", ("Sappers", "a bridge")),
    ("The occupants fired on the soldiers from the roof.", ("The occupants", "the soldiers")),
])
def test_sappers_and_occupants_are_people_who_act(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "attacks") | _spans(x, "fights"), x.relations


def test_a_head_split_at_its_hyphen_is_one_mention(extractor):
    # nlp factions_nominals: "hostage-takers" is tokenised "hostage - takers"
    x, _ = _run(extractor, "Negotiators talked with the hostage-takers for six hours.", date(2025, 6, 1))
    assert ("Negotiators", "the hostage-takers") in _spans(x, "negotiates_with"), x.relations


def test_a_name_then_the_title_of_a_described_body_leads_it(extractor):
    # relations.described-leaders, the name first: "General X, the commander of the army,"
    x, _ = _run(extractor, "Brigadier General Tomas Ferreira, the head of the regional security bureau, fled on Monday.",
                date(2025, 6, 1))
    assert ("the head", "the regional security bureau") in _spans(x, "leads"), x.relations
    names = {a.id: a.name for a in x.actors}
    assert [names[r.source] for r in x.relations if r.type == "leads"] == ["Tomas Ferreira"], x.relations
    x, _ = _run(extractor, "Ali Musa, a commander of the rebels, surrendered.", date(2025, 6, 1))
    assert not _spans(x, "leads"), x.relations


@pytest.mark.parametrize("text, pair", [
    # relations.facility-of (lexicons/relations.toml [facility_of])
    ("Gunmen attacked the offices of the Labour Party on Sunday.", ("the offices", "the Labour Party")),
    ("The opposition leader took refuge in the Embassy of Nicaragua.", ("the Embassy", "Nicaragua")),
])
def test_a_facility_of_a_party_is_the_partys(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "owned_by"), x.relations


@pytest.mark.parametrize("text", [
    "Through the good offices of the Secretary-General, talks resumed in Geneva.",
    "Troops took the capital of Ukraine after a week.",
    "The building of a dam began in May.",
])
def test_ground_idioms_and_acts_are_no_facilities(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not _spans(x, "owned_by"), x.relations


# ---- Twenty-fourth session: whom an object pronoun stands for, and a judgement held to

def test_they_after_a_state_named_in_the_singular_is_a_plural_description(extractor):
    # actors.index.resolve_pronoun: "them" stands for the forces, not the state they came from
    x, names = _run(extractor, "His fighters, who came from Tanzania, held the market for two days "
                               "before the police drove them out.", date(2025, 6, 1))
    fought = {(s, t) for k, s, t in _relations(x, names) if k == "fights"}
    assert fought and all("Tanzania" not in (s, t) for s, t in fought), x.relations


def test_holding_a_party_to_its_word_is_no_control(extractor):
    # relations.control: "hold X to it", "held them to account" is a judgement
    x, _ = _run(extractor, "Ghana and the regional bloc will hold the rebels to it.", date(2025, 6, 1))
    assert not _spans(x, "controls") and not _spans(x, "allied_with"), x.relations


def test_a_list_misread_as_a_second_object_of_held_is_no_custody(extractor):
    # relations.holds-captives: the parser makes "alumni" a second object of "held"
    x, _ = _run(extractor, "The Minister also held meetings with British businesses, Uzbek alumni of British "
                           "universities and students.", date(2025, 6, 1))
    assert not _spans(x, "controls"), x.relations
    x, _ = _run(extractor, "Police arrested two journalists in the capital.", date(2025, 6, 1))
    assert ("Police", "two journalists") in _spans(x, "controls"), x.relations


@pytest.mark.parametrize("text, kind, pair", [
    # relations.described-leaders: a leader's title in the plural heads what its "of" names
    ("The minister briefed the heads of the diplomatic missions on Monday.", "leads", ("the heads", "the diplomatic missions")),
    ("The commanders of the border units refused the order.", "leads", ("The commanders", "the border units")),
    # relations.described-leaders (_people_led): a band of people named in the plural
    ("The leader of the pirates surrendered to the navy.", "leads", ("The leader", "the pirates")),
    ("The commander of the mutineers was arrested on Monday.", "leads", ("The commander", "the mutineers")),
    # nlp factions_nominals: a modifier written with a hyphen is one word of the mention
    ("Counter-intelligence officers of the Security Service boarded the ship.", "member_of",
     ("Counter-intelligence officers", "the Security Service")),
    # events.toml roles.member_of: a spokeswoman as a spokesman
    ("The spokeswoman of the Ministry said the sailors were safe.", "member_of", ("The spokeswoman", "the Ministry")),
    # events.participants._quantity_head: a number counts what its "of" names
    ("Government troops killed three of the rebels near the river.", "fights", ("Government troops", "the rebels")),
    ("Police shot 12 of the attackers.", "fights", ("Police", "the attackers")),
    # relations.attacked-equipment: craft and vehicles no party owns, aimed at
    ("Pirate gangs attacked two merchant ships off the coast.", "attacks", ("gangs", "merchant ships")),
    ("The air force shot down a drone over the valley.", "attacks", ("The air force", "a drone")),
])
def test_twenty_fourth_session_relations(extractor, text, kind, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, kind), x.relations


def test_plural_heads_of_states_and_posts_lead_nothing(extractor):
    # each president of "the presidents of A, B and C" heads one state: members, as the blind sets mark them
    x, _ = _run(extractor, "The presidents of Bosnia, Serbia and Croatia met in Ohio.", date(2025, 6, 1))
    assert not _spans(x, "leads"), x.relations
    x, _ = _run(extractor, "The minister held a briefing for heads of diplomatic missions.", date(2025, 6, 1))
    assert not _spans(x, "leads") and not _spans(x, "member_of"), x.relations


def test_agents_with_a_word_that_says_whose_are_people(extractor):
    # nominals.toml person whose_before: "federal agents" (not "nerve agents")
    x, _ = _run(extractor, "Federal agents arrested the occupation leader on a highway.", date(2025, 6, 1))
    assert ("Federal agents", "the occupation leader") in _spans(x, "controls"), x.relations


def test_an_arrest_said_with_a_custody_phrase_holds_the_arrested(extractor):
    # relations.holds-captives: lexicons/relations.toml custody_phrase_verbs and nouns
    x, _ = _run(extractor, "A soldier who crossed the river was taken into custody by the rebels.", date(2025, 6, 1))
    assert ("the rebels", "A soldier") in _spans(x, "controls"), x.relations
    x, _ = _run(extractor, "The gunmen placed snipers among the hostages.", date(2025, 6, 1))
    assert ("The gunmen", "snipers") not in _spans(x, "controls"), x.relations


def test_the_leader_of_the_people_leads_no_band(extractor):
    x, _ = _run(extractor, "The leader of the people spoke to the residents.", date(2025, 6, 1))
    assert not _spans(x, "leads"), x.relations


def test_what_is_fired_or_thrown_is_no_target(extractor):
    x, _ = _run(extractor, "Protesters threw stones at the troops and soldiers fired rockets at the hill.", date(2025, 6, 1))
    assert not [r for r in x.relations if r.rule == "relations.attacked-equipment"], x.relations


def test_a_that_clause_misread_as_relative_is_what_was_told(extractor):
    # nlp factions_clause_repairs: "that" fills no role in a clause that has its object
    x, names = _run(extractor, "Foreign Secretary Rao told reporters in the capital that the jets had hit the camp "
                               "near the town, and that many fighters had been killed.", date(2025, 6, 1))
    assert [names[c.speaker] for c in x.claims] == ["Rao"], x.claims
    x, _ = _run(extractor, "The minister visited the town that the rebels had held for a year.", date(2025, 6, 1))
    assert not x.claims, x.claims


@pytest.mark.parametrize("text, relation", [
    # actors.index.resolve_pronoun: an object "them" is never its own clause's subject (binding,
    # as for "him" and "her")
    ("The rebels of the Northern Front entered the town on Monday. Government troops later attacked them near the river.",
     ("fights", "Government troops", "Northern Front")),
    # relations.title-of (_window): a rank between the comma and the name
    ('"They bear full responsibility," said the commander of the Naval Forces, Vice Admiral Ihor Tarasenko.',
     ("leads", "Ihor Tarasenko", "Naval Forces")),
    # relations.described-member (_titled_head): a member's title of a described body beside a name
    ('"We will answer any attack," said the spokesman of the armed forces, Major General Tariq Aslam.',
     ("member_of", "Tariq Aslam", "armed forces")),
])
def test_whom_a_pronoun_or_a_title_stands_for(extractor, text, relation):
    x, names = _run(extractor, text, date(2025, 6, 1))
    assert relation in _relations(x, names), x.relations


# Twenty-fifth session: classes read on the misses of blind set AB, each checked on A–AB and
# re3d-dev.
@pytest.mark.parametrize("text, kind, pair", [
    # nlp factions_nominals: a body's own kind of noun before its head is part of it
    ("The relief force was commanded by Colonel Amadou Diallo.", "leads", ("Amadou Diallo", "The relief force")),
    # actors.resolve._name_parts: a given name alone, where the model missed it, is the person named in full
    ("Major General Joko Santoso planned the raid. In 1998 Joko commanded the Eastern Fleet.", "leads",
     ("Joko", "the Eastern Fleet")),
    # relations.control-of-body: taking charge of a state's body heads it
    ("Colonel Maria Gonzalez, who took charge of the national police in March, resigned.", "leads",
     ("Maria Gonzalez", "the national police")),
    # relations.facility-of: facilities "of" several owners are each one's
    ("The ministry briefed the embassies of Kenya, Uganda and Tanzania.", "owned_by", ("the embassies", "Tanzania")),
    # nlp _titled_person: a name beside a singular person's title is a person, so "their" is the guards'
    ("The chief prosecutor, Halima Osei, said that 14 guards had been detained and their rifles seized.", "owned_by",
     ("their rifles", "guards")),
    # relations.loyal-to: forces loyal to one named by title
    ("The army had stayed loyal to the President throughout the crisis.", "leads", ("the President", "The army")),
    # nlp factions_nominals (body_of_a_thing): a commission of inquiry is a body; relations.founded-by: one a person set up
    ("A commission of inquiry set up by President Amadou Sall found that the police had fired first.", "leads",
     ("Amadou Sall", "A commission")),
    # relations.attacked-equipment: buses and cars fired on (nominals.toml [equipment] vehicles)
    ("Gunmen opened fire on a bus on the highway near the border.", "attacks", ("Gunmen", "a bus")),
    # relations.led-by (_set_off_leading): "led by X" set off after the verb describes its subject
    ("The protesters marched to the square, led by Samuel Oduya, a union organiser.", "leads",
     ("Samuel Oduya", "The protesters")),
])
def test_twenty_fifth_session_relations(extractor, text, kind, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, kind), x.relations


def test_a_name_part_that_is_also_a_word_or_in_a_longer_name_is_no_repeat(extractor):
    # actors.resolve._name_parts and _in_longer_name
    x, _ = _run(extractor, "Sergio Marquez spoke on Monday. Later Ibrahim Marquez Vidal and Sergio Luis met.", date(2025, 6, 1))
    assert not [m for m in x.mentions if m.basis == "repeat" and m.text in ("Marquez", "Sergio")], x.mentions
    from factions.actors.resolve import _name_parts
    from factions.model import Mention, Span
    text = "Rose Kamau spoke. The rose garden burned, and Kamau left."
    parts = _name_parts(text, [Mention(Span(0, 10), "Rose Kamau", "PERSON", actor="a1", basis="model")], {})
    assert set(parts) == {"Kamau"}, parts


def test_charges_and_things_run_lead_nothing(extractor):
    x, _ = _run(extractor, "Prosecutors dropped the charge of murder against the guards.", date(2025, 6, 1))
    assert not _spans(x, "leads"), x.relations
    # a participle right after a party describes that party, not the verb's subject
    x, _ = _run(extractor, "The Government has worked closely with the commission, led by Judge Amina Bello.", date(2025, 6, 1))
    assert ("Amina Bello", "The Government") not in _spans(x, "leads"), x.relations


def test_a_doer_said_to_be_no_one_in_particular_is_no_party(extractor):
    # events.nearest-party: lexicons/events.toml indefinite_subjects
    x, _ = _run(extractor, '"Kenya will not allow anyone to destroy its institutions by force," the minister said.', date(2025, 6, 1))
    assert not _spans(x, "fights") and not _spans(x, "attacks"), x.relations


def test_what_is_fired_on_is_no_ones_ride_and_a_mine_is_no_kit(extractor):
    # relations.equipment-of (_fired_on): "opened fire on buses" names the target; "a platinum mine" is a place
    x, _ = _run(extractor, "Municipal police opened fire on buses near a platinum mine owned by a British company.", date(2025, 6, 1))
    assert not _spans(x, "owned_by"), x.relations


# Twenty-sixth session: classes read on the misses of blind set AC, each checked on A–AC and
# re3d-dev.
@pytest.mark.parametrize("text, kind, pair", [
    # nominals.toml person heads: kin are people ("killing a farmer and his wife")
    ("Militiamen attacked the farm, killing a farmer and his wife.", "fights", ("Militiamen", "his wife")),
    # nlp factions_clause_repairs (_rehang_fired_at): the target's "on" phrase hangs on the firing, not the last weapon
    ("At dawn the guards opened fire with pistols and shotguns on prisoners who tried to escape.", "fights",
     ("the guards", "prisoners")),
    # ... and "on passing cars" is the target, not a gerund's object
    ("The bandits blocked the highway and fired on passing trucks.", "attacks", ("The bandits", "passing trucks")),
])
def test_twenty_sixth_session_relations(extractor, text, kind, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, kind), x.relations


def test_a_gerund_after_on_is_rehung_only_under_a_firing_verb():
    # nlp factions_clause_repairs: "insisted on passing laws" keeps its gerund and object
    from factions.nlp.pipeline import load_pipeline
    doc = load_pipeline()("The council insisted on passing new laws, and the police fired on fleeing looters.")
    passing = next(t for t in doc if t.text == "passing")
    assert passing.dep_ == "pcomp" and passing.head.text == "on", [(t.text, t.dep_, t.head.text) for t in doc]
    looters = next(t for t in doc if t.text == "looters")
    assert looters.dep_ == "pobj" and looters.head.text == "on", [(t.text, t.dep_, t.head.text) for t in doc]


def test_members_who_speak_are_the_members_named(extractor):
    # claims.cue-subject (speakers: quantifier subjects): no second actor for "members of X"
    text = "Three members of the Presidential Guard walked into the embassy and asked the ambassador for asylum."
    x, _ = _run(extractor, text, date(2025, 6, 1))
    members = next(m for m in x.mentions if m.text == "Three members")
    assert [c.speaker for c in x.claims] == [members.actor], x.claims
    assert not [m for m in x.mentions if m.text.startswith("Three members of")], x.mentions
    # a body's formal name for itself stays one phrase
    x, _ = _run(extractor, "The Members of the Security Council urge all parties to respect the truce.", date(2025, 6, 1))
    assert [m for m in x.mentions if m.text == "The Members of the Security Council"], x.mentions


def test_they_stays_the_argument_as_the_text_has_it(extractor):
    # events.participants ARGUMENT_PRONOUNS: "they" after the name in one sentence is related as written
    x, _ = _run(extractor, "Rebel fighters held the bridge, and on Sunday they attacked the army.", date(2025, 6, 1))
    assert ("they", "the army") in _spans(x, "fights"), x.relations
    # "them" still gives way to the name (re3d-dev's annotators name whom it stands for)
    x, _ = _run(extractor, "The rebels ambushed a convoy, and soldiers later attacked them.", date(2025, 6, 1))
    assert ("soldiers", "The rebels") in _spans(x, "fights"), x.relations


def test_a_sea_named_after_a_state_is_a_place_not_the_state(extractor):
    # nlp factions_whole_names (_body_named_after, nominals.toml [place] waters_of)
    text = "Two frigates fired on a fishing boat in the Gulf of Oman on Monday."
    x, _ = _run(extractor, text, date(2025, 6, 1))
    gulf = [m for m in x.mentions if m.text == "Gulf of Oman"]
    assert gulf and gulf[0].label == "LOC", x.mentions
    assert not [r for r in x.relations if text[r.target_span.start:r.target_span.end] == "Oman"], x.relations


def test_the_war_an_act_of_fighting_happened_in_takes_no_enemy_from_the_main_clause(extractor):
    # events.nearest-party: the setting of a verb of fighting ("fought ... in the civil war") guesses no side
    text = "Kurbonzoda, who fought against the Government in the civil war of the 1990s, had joined the armed forces in 1997."
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert ("Kurbonzoda", "the Government") in _spans(x, "fights"), x.relations
    assert ("Kurbonzoda", "the armed forces") not in _spans(x, "fights"), x.relations


def test_what_a_sentence_calls_it_is_not_them(extractor):
    # actors.index.resolve_pronoun: "its" and "them" in one sentence are different parties
    text = "The militia seized 12 aid workers. The militia wants a ransom, and its commander threatened to kill them."
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert ("its commander", "The militia") not in _spans(x, "fights"), x.relations
    assert ("its commander", "them") in _spans(x, "fights"), x.relations


def test_a_rulers_title_of_a_place_runs_it(extractor):
    # relations.described-leaders (_place_ruled; lexicons/relations.toml possessor.place_rulers)
    x, _ = _run(extractor, "The governor of Helmand province said the road to the north was closed.", date(2025, 6, 1))
    assert ("The governor", "Helmand province") in _spans(x, "leads"), x.relations
    x, _ = _run(extractor, "The governor of the central bank resigned on Monday.", date(2025, 6, 1))
    assert not _spans(x, "leads"), x.relations


def test_a_prefix_before_a_common_word_is_part_of_the_description(extractor):
    # nlp factions_nominals: "non-governmental", "pro-government" whole; "anti-MONUSCO" leaves the name out
    x, _ = _run(extractor, "Pro-government militias and non-governmental organisations met anti-MONUSCO protesters.", date(2025, 6, 1))
    texts = {m.text for m in x.mentions}
    assert {"Pro-government militias", "non-governmental organisations", "MONUSCO protesters"} <= texts, texts


@pytest.mark.parametrize("text, kind, pair", [
    # relations.told (lexicons/speech.toml cue_verbs, stances.toml told.verbs): advice given reaches whom it advises
    ("The Foreign Ministry advises all citizens not to travel to the border districts.", "communicates_with",
     ("The Foreign Ministry", "all citizens")),
    # relations.message-sent (stances.toml told.to_verbs): a protest made to a state reaches it
    ("Chile has protested to Bolivia through its consulate in La Paz.", "communicates_with", ("Chile", "Bolivia")),
])
def test_advice_and_protests_reach_their_party(extractor, text, kind, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, kind) or pair in _spans(x, "addresses"), x.relations


# Twenty-seventh session: classes read on the misses of blind sets AA–AC and on set AD's
# first run, each checked on A–AD and re3d-dev.
def test_people_after_a_number_phrase_are_a_party(extractor):
    # nlp factions_nominals: "at least four" is the parse's number; the villagers after it are people
    for text in ("Soldiers killed at least four villagers near the border.",
                 "Soldiers killed at least 40 villagers near the border."):
        x, _ = _run(extractor, text, date(2025, 6, 1))
        assert ("Soldiers", "villagers") in _spans(x, "fights"), (text, x.relations)


@pytest.mark.parametrize("text, place", [
    # relations.control (stances.toml control.nouns_over, holding_verbs): "control over", the "over" hung on the verb
    ("Armed gangs extended their control over the capital and the roads around it.", "the capital"),
    ("The militia regained control over the port last week.", "the port"),
])
def test_control_over_a_place_is_held(extractor, text, place):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert place in {t for _, t in _spans(x, "controls")}, x.relations


def test_control_lost_is_not_held(extractor):
    # relations.control: only holding verbs keep what their control noun names
    x, _ = _run(extractor, "The government lost control over the north after the mutiny.", date(2025, 6, 1))
    assert not _spans(x, "controls"), x.relations


def test_a_subject_read_into_the_day_before_it_is_the_verbs(extractor):
    # nlp factions_clause_repairs (_subject_after_a_date): "on Thursday agents" is a date, then the subject
    text = "Late on Thursday agents of the secret police opened fire on a crowd, killing four people."
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert ("agents", "a crowd") in _spans(x, "fights"), x.relations
    assert not [p for p in _spans(x, "fights") if p[0] == "a crowd"], x.relations


@pytest.mark.parametrize("text, kind, pair", [
    # nominals.toml person heads: those who lived through an attack are people
    ("The President went to the camp and spoke with the survivors.", "communicates_with", ("The President", "the survivors")),
    # relations.stance-adjective: each "to" of "grateful to A and to B" names a party
    ("The Government is grateful to the UN mission and to the humanitarian agencies.", "supports",
     ("The Government", "the humanitarian agencies")),
    # events.arguments._alongside: "together with" hung on the act claimed names a partner, not a foe
    ("The NSCN-K has claimed the ambush together with the People's Liberation Army.", "allied_with",
     ("The NSCN-K", "the People's Liberation Army")),
    # relations.ordered-forces (stances.toml ordered.body_heads): a state's bodies, ordered by those who run it
    ("The President has instructed the Ministry to send a delegation to the capital.", "leads", ("The President", "the Ministry")),
])
def test_twenty_seventh_session_relations(extractor, text, kind, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, kind), x.relations


def test_a_noun_read_as_a_verb_after_and_is_part_of_the_object(extractor):
    # nlp factions_clause_repairs (_noun_read_as_verb): "and aid workers" is no act of aid
    text = "Soldiers at the roadblocks turned back journalists and aid workers on Friday."
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not [e for e in x.events if e.type == "AID"], x.events
    assert not _spans(x, "supports"), x.relations


def test_fire_undergone_in_a_noun_phrase_has_no_parties_from_the_sentence(extractor):
    # events.participants (undergone_preps): "their calm under fire" names no one who fired
    x, _ = _run(extractor, "The Minister of Defence praised the soldiers for their calm under fire.", date(2025, 6, 1))
    assert not _spans(x, "fights"), x.relations
    assert ("The Minister", "the soldiers") in _spans(x, "supports"), x.relations


def test_the_victims_of_a_condemned_act_are_not_condemned(extractor):
    # nlp factions_clause_repairs (_rehang_judged_act): "against migrants" is the crime's
    x, _ = _run(extractor, "The Government condemns this crime against migrants.", date(2025, 6, 1))
    assert not _spans(x, "opposes"), x.relations


def test_where_an_attack_struck_is_not_its_target(extractor):
    # events.arguments: with an object struck, "on the border" says where
    x, _ = _run(extractor, "Indian special forces struck insurgent camps on the border with Myanmar.", date(2025, 6, 1))
    targets = {t for _, t in _spans(x, "attacks")}
    assert "insurgent camps" in targets and "the border" not in targets, x.relations


@pytest.mark.parametrize("text", [
    # nlp.tokens.unrealised (relations.holds-captives): an arrest asked for holds no one
    "The minister called on the authorities to arrest the smugglers.",
    # ... (relations.seized-equipment): weapons ordered taken are not yet held
    "The President told the security services to take the weapons of every armed unit.",
])
def test_an_act_asked_for_holds_nothing(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not _spans(x, "controls"), x.relations
    # done, it does
    x, _ = _run(extractor, "Police arrested the smugglers and seized their weapons.", date(2025, 6, 1))
    assert ("Police", "the smugglers") in _spans(x, "controls"), x.relations


def test_a_units_name_the_recogniser_missed_is_whole(extractor):
    # nlp factions_nominals (unit_name): capitalised words on a capitalised unit head
    x, _ = _run(extractor, "Insurgents attacked a convoy of the 6th Battalion of the Dogra Regiment near the village.", date(2025, 6, 1))
    assert "the Dogra Regiment" in {m.text for m in x.mentions}, x.mentions
    assert ("the 6th Battalion", "the Dogra Regiment") in _spans(x, "member_of"), x.relations


# Twenty-eighth session: classes read on the blind sets A-AD, each checked on them and on re3d-dev.

@pytest.mark.parametrize("text, pair", [
    # relations.control (stances.toml control.verbs_taking_to): the subject is the place, "to" its new holder
    ("Mosul fell to the Islamic State in June 2014.", ("the Islamic State", "Mosul")),
    ("Kidal, which fell to Tuareg rebels in 2012, is quiet now.", ("Tuareg rebels", "Kidal")),
])
def test_a_place_that_fell_to_a_party_is_held_by_it(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "controls"), x.relations


@pytest.mark.parametrize("text", ["The rebels fell back to Goma.", "Prices fell to a record low in Goma."])
def test_falling_back_or_falling_to_a_level_holds_nothing(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not _spans(x, "controls"), x.relations


@pytest.mark.parametrize("text, pair", [
    # relations.control (stances.toml control.verbs_giving_to): the object is the place, "to" its new holder
    ("The Iraqi army lost Mosul to the Islamic State in June 2014.", ("the Islamic State", "Mosul")),
    ("Police lost control of the district to local gangs.", ("local gangs", "the district")),
    ("Government troops ceded Kidal to the rebels after a week.", ("the rebels", "Kidal")),
    ("Mosul was lost to the Islamic State in June 2014.", ("the Islamic State", "Mosul")),  # a passive: its subject the place
    ("Kidal, which was ceded to the rebels, is quiet now.", ("the rebels", "Kidal")),
    # (control.holding_verbs): who grabs or recovers control holds it
    ("The militia recovered control of the airport on Monday.", ("The militia", "the airport")),
])
def test_a_place_lost_or_won_back_is_held_by_who_took_it(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "controls"), x.relations


@pytest.mark.parametrize("text", ["The rebels refused to cede Kidal to the army.", "The unit lost two soldiers to sniper fire near Kidal.",
                                  "The minister said Mali will not yield Kidal to terrorists.",
                                  # an election, a risk, a denial, a question, a place given back
                                  "The ANC lost Cape Town to the Democratic Alliance in 2006.",
                                  "The army risks losing Kidal to the rebels.", "The army denied losing Kidal to the rebels.",
                                  "Did the army lose Kidal to the rebels?", "Israel restored control of Sinai to Egypt in 1982.",
                                  "The seat of Kidal was lost to the opposition in the election."])
def test_a_place_kept_or_people_lost_is_no_control(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not _spans(x, "controls"), x.relations


def test_an_operation_carried_out_together_with_a_party_has_it_on_the_same_side(extractor):
    # events.arguments._alongside: "together" hung under the verb's own "with" marks a partner
    x, _ = _run(extractor, "The army carried out the operation together with the police and the provincial government.", date(2025, 6, 1))
    assert ("The army", "the police") in _spans(x, "allied_with"), x.relations
    assert not _spans(x, "fights"), x.relations
    # not those acted on with the object: "arrested the leader together with two aides", "torched
    # the village together with its inhabitants"; nor the other side of a deal signed
    x, _ = _run(extractor, "Police arrested the rebel commander together with two aides.", date(2025, 6, 1))
    assert not _spans(x, "allied_with"), x.relations
    x, _ = _run(extractor, "The Janjaweed torched the village together with its inhabitants.", date(2025, 6, 1))
    assert ("Janjaweed", "its inhabitants") in _spans(x, "fights"), x.relations
    x, _ = _run(extractor, "The US signed the deal together with the Taliban in Doha.", date(2025, 6, 1))
    assert ("The US", "the Taliban") not in _spans(x, "allied_with"), x.relations


def test_names_listed_together_are_not_members_of_the_first(extractor):
    # relations.named-members: a name is no plural description, even when a nominal shares its span
    text = "The alliance brought together the Popular Liberation Forces, the People's Revolutionary Army and the National Resistance."
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not any(t == "the Popular Liberation Forces" for _, t in _spans(x, "member_of")), x.relations


@pytest.mark.parametrize("text, recipient", [
    # events.participants: a plural anaphor with no two groups named before is the party itself
    ("The Foreign Ministry called on the armed groups to respect the ceasefire.", "the armed groups"),
    # events.arguments: "on" read as a particle still names whom the call is addressed to
    ("The Foreign Ministry called on armed groups in Ituri to respect the ceasefire.", "armed groups"),
])
def test_a_call_on_groups_named_by_kind_reaches_them(extractor, text, recipient):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert ("The Foreign Ministry", recipient) in _spans(x, "addresses"), x.relations


@pytest.mark.parametrize("text, pair", [
    # nlp factions_nominals (nominals.toml): a bare plural of houses is a place set on fire
    ("The gunmen set fire to houses and cars.", ("The gunmen", "houses")),
    # ... and a hall with its kind before it (needs_kind): "the town hall"
    ("The gunmen opened fire on the town hall.", ("The gunmen", "the town hall")),
])
def test_places_set_on_fire_or_fired_on_are_attacked(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "attacks"), x.relations


def test_a_hall_without_its_kind_is_no_place(extractor):
    x, _ = _run(extractor, "He was voted into the hall of fame.", date(2025, 6, 1))
    assert "hall" not in {m.text.split()[-1] for m in x.mentions}, x.mentions


def test_the_staff_of_a_place_are_people(extractor):
    # nominals.toml person heads: "the cafe manager", "customers"
    x, _ = _run(extractor, "The gunman shot the cafe manager.", date(2025, 6, 1))
    assert ("The gunman", "the cafe manager") in _spans(x, "fights"), x.relations


@pytest.mark.parametrize("text, pair", [
    # relations.holds-captives: the people a number counts are the ones held
    ("The terrorists held dozens of residents through the night.", ("The terrorists", "residents")),
    ("The gunman held ten customers and eight employees for hours.", ("The gunman", "customers")),
    # a mark after the number's people still makes them captives, once
    ("The gunmen seized the plant and took hundreds of workers hostage.", ("The gunmen", "workers")),
])
def test_people_counted_by_a_number_are_held(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    held = [r for r in x.relations if r.type == "controls" and r.rule == "relations.holds-captives"]
    assert pair in _spans(x, "controls"), x.relations
    assert len(held) == len({(r.source_span, r.target_span) for r in held}), held


def test_the_next_item_of_a_list_is_no_title_of_the_name_before(extractor):
    # relations.title-of (_window): ", and officers of the unit" begins the list's next item
    text = "At dawn the gunman shot the cafe manager, Tori Johnson, and officers of the Tactical Operations Unit entered the cafe."
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not any(s == "Tori Johnson" for s, _ in _spans(x, "member_of") | _spans(x, "leads")), x.relations


def test_a_name_takes_the_title_nearest_before_it(extractor):
    # relations.title-of (_window): the parse hangs the second name on the first title
    text = ("On 4 March the President of the Republic of Cote d'Ivoire, Mr Laurent Gbagbo, and the Secretary-General of "
            "the Forces Nouvelles, Mr Guillaume Soro, signed the agreement.")
    x, _ = _run(extractor, text, date(2025, 6, 1))
    leads = _spans(x, "leads")
    assert ("Mr Guillaume Soro", "Forces Nouvelles") in leads, x.relations
    assert not any(s == "Mr Laurent Gbagbo" and t == "Forces Nouvelles" for s, t in leads), x.relations
    assert not any(s == "Mr Guillaume Soro" and "Ivoire" in t for s, t in leads), x.relations


def test_a_telegram_sent_to_a_party_is_a_contact(extractor):
    # relations.message-sent (stances.toml message_nouns)
    x, _ = _run(extractor, "Queen Victoria sent a telegram of thanks to the garrison from Windsor.", date(2025, 6, 1))
    assert ("Queen Victoria", "the garrison") in _spans(x, "communicates_with"), x.relations


@pytest.mark.parametrize("text, kind, pair", [
    # events.toml ASSAULT: an invasion is an attack on the place or state invaded
    ("Argentine forces invaded the Falkland Islands on 2 April.", "attacks", ("Argentine forces", "the Falkland Islands")),
    ("Russia invaded Ukraine in February 2022.", "fights", ("Russia", "Ukraine")),
])
def test_an_invasion_is_an_attack(extractor, text, kind, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, kind), x.relations


@pytest.mark.parametrize("text, pair", [
    # relations.forces-of-subject (relations.toml commanding_verbs): a person who sends or orders forces leads them
    ("The Commander of the Army has sent 2,500 soldiers to northern Cauca.", ("The Commander", "soldiers")),
    ("President Ivan Duque ordered 2,500 soldiers to the region.", ("Ivan Duque", "soldiers")),
])
def test_a_person_who_sends_forces_commands_them(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "leads"), x.relations


@pytest.mark.parametrize("text", [
    "President Nyusi has so far resisted calls to deploy foreign troops.",  # asked, not done
    "The villagers sent their sons to the city.",  # no forces, and no one person
])
def test_forces_not_sent_by_one_person_are_not_led(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not [r for r in x.relations if r.type == "leads" and r.rule == "relations.forces-of-subject"], x.relations


def test_a_past_verb_joined_to_a_bare_one_below_belongs_to_the_past_verb_above(extractor):
    # nlp factions_clause_repairs (_conjunct_of_its_tense): the officials accused, not the men seen crossing
    text = ("Russian security officials said their border guards had not seen any armed men cross from their side "
            "and accused the Georgian authorities of staging the clash.")
    x, _ = _run(extractor, text, date(2025, 6, 1))
    opposed = _spans(x, "opposes")
    assert ("Russian security officials", "the Georgian authorities") in opposed, x.relations
    assert not any(s == "armed men" for s, _ in opposed), x.relations


def test_a_possessive_deep_in_the_object_is_the_subjects(extractor):
    # actors.index._clause_subject: "their car" is the gunmen's (the subject of the joined verbs), not the company's
    text = ("The four gunmen opened fire at the offices of an oil company, then drove into a second compound "
            "and dragged the body of a British man behind their car.")
    x, _ = _run(extractor, text, date(2025, 6, 1))
    owners = {t for s, t in _spans(x, "owned_by") if s == "their car"}
    assert owners == {"four gunmen"}, x.relations


@pytest.mark.parametrize("text", [
    # relations.epithet (stances.toml classifying_epithets): "criminal" before a kind of body classifies it
    "The authorities have said that members of the criminal group Los Zetas killed the migrants.",
    "The prosecutor said the police handed the students over to a criminal gang known as Guerreros Unidos.",
])
def test_a_criminal_group_is_a_kind_of_body_not_an_epithet(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not [r for r in x.relations if r.rule == "relations.epithet"], x.relations


def test_a_criminal_regime_is_still_an_epithet(extractor):
    x, _ = _run(extractor, "The UK is committed to supporting the Iraqi government against the criminal regime of Assad.", date(2025, 6, 1))
    assert [r for r in x.relations if r.rule == "relations.epithet" and r.type == "opposes"], x.relations


@pytest.mark.parametrize("text, victim", [
    # relations.stance-verb (stances.toml acts_done_to): the "of" of an act done names whom it was done to
    ("The Minister for Foreign Affairs has condemned in the strongest terms the murder of two British soldiers.", "two British soldiers"),
    ("The Government welcomed the release of the hostages held by the rebels.", "the hostages"),
])
def test_a_stance_on_an_act_is_no_stance_on_its_victims(extractor, text, victim):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not any(t == victim for s, t in _spans(x, "opposes") | _spans(x, "supports")), x.relations


def test_a_stance_on_an_act_is_on_the_one_who_did_it(extractor):
    x, _ = _run(extractor, "The UK condemned the killing of 70 members of the tribe by ISIL.", date(2025, 6, 1))
    assert ("UK", "ISIL") in _spans(x, "opposes"), x.relations
    assert not any(t == "members" for s, t in _spans(x, "opposes")), x.relations


def test_the_object_of_reported_speech_is_not_its_speaker(extractor):
    # nlp factions_clause_repairs (_object_taken_for_subject): both shapes of the misparse
    for text in ("Two jihadist groups are still holding at least 19 soldiers and 17 members of the Internal Security "
                 "Forces, a security source told AFP.",
                 "The gunmen, from the Nusra Front and a rival jihadist group, are still holding at least 19 soldiers "
                 "and 17 members of the Internal Security Forces, a security source told AFP."):
        x, _ = _run(extractor, text, date(2025, 6, 1))
        speakers = {x.document.text[c.speaker_span.start:c.speaker_span.end] for c in x.claims if c.speaker_span}
        assert speakers == {"a security source"}, x.claims


def test_a_speaker_set_apart_by_commas_stays_the_speaker(extractor):
    x, _ = _run(extractor, "Fighting continues, the governor, Ali Musa, said.", date(2025, 6, 1))
    speakers = {x.document.text[c.speaker_span.start:c.speaker_span.end] for c in x.claims if c.speaker_span}
    assert speakers and not any("Fighting" in s for s in speakers), x.claims


@pytest.mark.parametrize("text, pair, giver", [
    # nlp.tokens.asked_of (events.toml participants.granting_verbs): the one given the means does what they are for
    ("Saudi Arabia on Wednesday granted the army one billion dollars to fight the jihadists.", ("the army", "the jihadists"), "Saudi Arabia"),
    ("The US provided the army with drones to fight the insurgents.", ("the army", "the insurgents"), "US"),
])
def test_the_one_given_the_means_does_what_they_are_for(extractor, text, pair, giver):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    fights = _spans(x, "fights")
    assert pair in fights, x.relations
    assert not any(s == giver for s, _ in fights), x.relations


def test_where_a_force_is_sent_is_not_whom_it_fights(extractor):
    # events.arguments: the "to" of a verb that sends a force (events.toml forces_sent) is where it went
    x, _ = _run(extractor, "In January 2013 France sent troops and aircraft to Mali against the groups that held the north.",
                date(2025, 6, 1))
    fights = _spans(x, "fights")
    assert ("France", "the groups") in fights, x.relations
    assert not any(t == "Mali" for _, t in fights), x.relations


@pytest.mark.parametrize("text", [
    # nlp factions_entity_fixes (actor_kinds.toml entity_fixes.fixed_titles): an office, no body
    "The Head of State has visited the wounded at Agadez.",
    "The Chief of the General Staff, General Ali Musa, resigned on Monday.",
])
def test_a_title_that_names_no_body_leads_nothing(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not any(t in ("State", "General Staff", "Staff") for _, t in _spans(x, "leads") | _spans(x, "member_of")), x.relations
    assert not [m for m in x.mentions if x.document.text[m.span.start:m.span.end] in ("State", "General Staff")], x.mentions


@pytest.mark.parametrize("text", [
    # nlp factions_nominals (nominals.toml equipment.workplaces): a mine run by a company, or named after one
    "Niger has two mines near Arlit run by subsidiaries of the French group Areva.",
    "Niger, one of the largest producers of uranium in the world, has two mines near Arlit run by subsidiaries of the French group Areva.",
])
def test_a_mine_run_by_a_company_is_no_weapon(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not _spans(x, "owned_by"), x.relations


def test_a_name_that_only_says_which_thing_does_nothing(extractor):
    # events.participants._nearest (_names_a_thing): "the Somair mine" names a place, not the one who killed
    x, _ = _run(extractor, "At about the same time a second car bomb exploded in the industrial area of the Somair mine at Arlit, "
                           "about 250 km to the north, killing one employee and wounding 14.", date(2025, 6, 1))
    assert not _spans(x, "fights"), x.relations


def test_a_subject_read_as_the_dates_apposition_is_the_subject(extractor):
    # nlp factions_clause_repairs (_subject_read_as_the_dates_apposition)
    x, _ = _run(extractor, "On 19 August the Northern Front 3-80, a band of re-armed former rebels, captured a government "
                           "commission close to Quilali.", date(2025, 6, 1))
    assert ("the Northern Front", "a government commission") in _spans(x, "opposes"), x.relations
    assert not any(s == "a band" for s, _ in _spans(x, "opposes")), x.relations


@pytest.mark.parametrize("text, pair", [
    # relations.holds-captives: people seized or kidnapped are held (relations.toml captives.custody_verbs) ...
    ("The rebels seized the 38 members of the commission.", ("The rebels", "members")),
    ("The gunmen kidnapped 12 workers near the border.", ("The gunmen", "workers")),
    # ... "took 12 workers hostage" read as one noun, or the mark read as a verb
    ("The gunmen took 12 workers hostage.", ("The gunmen", "workers")),
    ("About 40 armed men occupied the offices of the party and took Mr Godoy and some 30 other politicians hostage.",
     ("armed men", "other politicians")),
    # ... and those held by the ones "holding" them (nominals.toml: cadets)
    ("The last assailants holding cadets inside the military camp have been killed.", ("The last assailants", "cadets")),
])
def test_people_taken_are_held(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "controls"), x.relations


def test_a_place_read_as_a_person_too_is_no_captive(extractor):
    x, _ = _run(extractor, "Five gunmen seized the Embassy of Myanmar in the capital in October 1999.", date(2025, 6, 1))
    assert not [r for r in x.relations if r.rule == "relations.holds-captives"], x.relations


def test_the_subject_of_what_was_told_is_not_the_one_told(extractor):
    # events.arguments._participants: a second "object" with "that" under it is the clause's subject
    x, _ = _run(extractor, "The Ministry of Foreign Affairs regrets to inform the diplomatic corps that late on 17 February "
                           "a gang of about 20 heavily armed men landed by boat.", date(2025, 6, 1))
    told = _spans(x, "communicates_with")
    assert ("The Ministry of Foreign Affairs", "the diplomatic corps") in told, x.relations
    assert not any(t == "a gang" for _, t in told), x.relations


def test_sealing_off_a_place_is_a_cordon(extractor):
    # events.toml ASSAULT when_object: seal (as cordon, surround)
    x, _ = _run(extractor, "Police sealed off the area and moved residents out of their homes.", date(2025, 6, 1))
    assert ("Police", "the area") in _spans(x, "attacks"), x.relations
    y, _ = _run(extractor, "The two sides sealed the deal in Doha.", date(2025, 6, 1))
    assert not _spans(y, "attacks") and not _spans(y, "fights"), y.relations


@pytest.mark.parametrize("text, pair", [
    # relations.holds-captives: captors and captives named by a count of them
    ("Scores of gunmen then stormed army posts on the hills and took soldiers and members of the Internal Security Forces captive.",
     ("gunmen", "soldiers")),
    ("Thirty soldiers are missing. Most of them are held by the gunmen.", ("the gunmen", "them")),
])
def test_counted_captors_and_captives(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "controls"), x.relations


def test_who_declares_a_war_wages_it(extractor):
    # events.toml light_verbs "declare"; a declared "state of" something is no act of the declarer
    x, _ = _run(extractor, "The National Unity Government (NUG), formed by ousted lawmakers in April 2021, declared war on the junta "
                           "in September 2021.", date(2025, 6, 1))
    fights = _spans(x, "fights")
    assert ("The National Unity Government", "the junta") in fights, x.relations
    assert not any(s == "lawmakers" for s, _ in fights), x.relations
    y, _ = _run(extractor, "The President declared a state of rebellion and ordered the Chief of Staff to contain the group.", date(2025, 6, 1))
    assert not any(s == "The President" for s, _ in _spans(y, "fights")), y.relations


@pytest.mark.parametrize("text, kind, pair", [
    # nlp factions_clause_repairs (_subject_after_a_date): a part of the day read into the subject
    ("By the afternoon loyal units had retaken the station and surrounded the rebel base.", "attacks", ("loyal units", "the station")),
    ("In the morning rebel troops attacked the palace.", "attacks", ("rebel troops", "the palace")),
    # events.arguments._subject_tokens: a past tense the parser hung on the sentence's noun as a clause
    ("A delegation of the Committee of Muslim Scholars, a body of Sunni clerics, then negotiated with the gunmen.",
     "negotiates_with", ("the Committee of Muslim Scholars", "the gunmen")),
    # events.toml CONSULT verb "contact"
    ("The minister contacted his Turkish counterpart on Monday.", "communicates_with", ("The minister", "his Turkish counterpart")),
])
def test_subjects_the_parser_lost_are_found(extractor, text, kind, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, kind), x.relations


def test_the_backer_of_an_act_is_not_its_target(extractor):
    # events.participants._nearest (_agent_of_the_act): "a mutiny backed by Russia" names the mutiny's backer
    x, _ = _run(extractor, "Georgia says it ended a tank mutiny backed by Russia.", date(2025, 6, 1))
    assert not any(t == "Russia" for _, t in _spans(x, "fights")), x.relations


def test_street_by_street_is_how_not_where(extractor):
    # nlp factions_nominals: a place word repeated with "by" or "to" is a manner of fighting or searching
    x, _ = _run(extractor, "The rebels fought the army street by street and house by house.", date(2025, 6, 1))
    assert not _spans(x, "attacks"), x.relations
    assert ("rebels", "the army") in _spans(x, "fights") or ("The rebels", "the army") in _spans(x, "fights"), x.relations


@pytest.mark.parametrize("text, pair", [
    # relations.members-include: people named by what they are or did are a body of those they include
    ("The garrison's defenders included the Border Police and two companies of volunteers.", ("the Border Police", "defenders")),
    ("The 12 captives include officials of the Ministry of Mines and a journalist.", ("officials", "captives")),
])
def test_people_who_include_others_are_a_body_of_them(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    members = _spans(x, "member_of")
    assert any(a == pair[0] and b.endswith(pair[1]) for a, b in members), x.relations
    # each member as written: the officials, not the Ministry they are of
    assert not any(a == "the Ministry of Mines" and b.endswith("captives") for a, b in members), x.relations


@pytest.mark.parametrize("text, pair", [
    # events.toml ASSAULT phrases aimed at a quarry: a manhunt is pursuit of a party
    ("Gendarmes hunted down the escapees within a week.", ("Gendarmes", "the escapees")),
    ("Commandos combed the valley for the assassins on Friday.", ("Commandos", "the assassins")),
    ("Police are looking for the kidnappers near the border.", ("Police", "the kidnappers")),
    ("The army launched a manhunt for the bombers.", ("The army", "the bombers")),
])
def test_a_manhunt_is_pursuit_of_a_party(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "fights"), x.relations


@pytest.mark.parametrize("text", [
    "Navy ships searched the strait for the missing sailors.",
    "Volunteers looked for survivors in the rubble of the school.",
    "The envoys are looking for a compromise on the border.",
])
def test_a_search_for_those_to_be_saved_is_no_fight(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not _spans(x, "fights") and not _spans(x, "attacks"), x.relations


def test_a_party_barred_is_opposed(extractor):
    # events.toml SANCTION when_object bar = party; a road barred is no party. (nlp
    # factions_nominals, _described_by_adjectives: "the electoral commission" is a body, though
    # "commission" alone names none)
    x, _ = _run(extractor, "The electoral commission barred the former governor from standing in the vote.", date(2025, 6, 1))
    assert ("The electoral commission", "the former governor") in _spans(x, "opposes"), x.relations
    y, _ = _run(extractor, "Soldiers barred the road to the airport.", date(2025, 6, 1))
    assert not _spans(y, "opposes"), y.relations


def test_a_head_that_names_no_body_alone_needs_its_own_determiner(extractor):
    # nlp factions_nominals (_described_by_adjectives): "excessive force" is how, not who
    x, _ = _run(extractor, "Police used excessive force against the marchers.", date(2025, 6, 1))
    assert not any("force" in a or "force" in b for a, b in _spans(x, "fights")), x.relations


@pytest.mark.parametrize("text, pair", [
    # events.toml participants audiences: a ruler addresses the nation or the public, meets no one
    ("The Prime Minister spoke to the nation on radio on Sunday evening.", ("The Prime Minister", "the nation")),
    ("The Defence Staff informs the public that the bridge will stay closed.", ("The Defence Staff", "the public")),
])
def test_the_nation_and_the_public_are_addressed_not_met(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "addresses"), x.relations
    assert pair not in _spans(x, "communicates_with"), x.relations


@pytest.mark.parametrize("text, giver, helped", [
    # events.arguments: who gives help "from" as well as "of"; the parse's "with" on the verb's object
    ("In 1975 the general turned his guns on the militia, with backing from Uganda and Rwanda.", "Rwanda", "the general"),
    ("The colonel seized power with the support of army officers.", "army officers", "The colonel"),
    ("Observers say the militia receives support from Eritrea.", "Eritrea", "the militia"),
])
def test_help_given_with_an_act_sides_with_its_doer(extractor, text, giver, helped):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    sides = _spans(x, "allied_with") | _spans(x, "supports")
    assert (giver, helped) in sides or (helped, giver) in sides, x.relations


@pytest.mark.parametrize("text, pair", [
    # relations.under-leader: officers over a unit; a body a participle describes
    ("Three battalions under junior officers left their barracks before dawn.", ("junior officers", "Three battalions")),
    ("The National Army, rebuilt under General Tomas Ruiz, went on the offensive.", ("Tomas Ruiz", "The National Army")),
])
def test_who_a_unit_is_under_leads_it(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "leads"), x.relations


def test_a_name_one_acts_under_is_no_leader(extractor):
    # relations.toml under_leader names: "under the name X" is an alias
    x, _ = _run(extractor, 'The front, led by Mario Vega under the name "Comandante Luis", held the north.', date(2025, 6, 1))
    leads = _spans(x, "leads")
    assert not any(s == "Comandante Luis" for s, _ in leads), x.relations
    y, _ = _run(extractor, "Villagers under curfew stayed in their homes.", date(2025, 6, 1))
    assert not _spans(y, "leads"), y.relations


@pytest.mark.parametrize("text, pair", [
    # events.toml COERCE when_object stop/block/intercept: movement stopped by force (re3d FightingAgainst by trigger)
    ("Riot police stopped the marchers at the bridge.", ("Riot police", "the marchers")),
    ("Militiamen at the checkpoint turned back the observers.", ("Militiamen", "the observers")),
    ("Border guards intercepted the smugglers near the river.", ("Border guards", "the smugglers")),
])
def test_stopping_a_party_on_its_way_is_coercion(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "opposes"), x.relations
    assert any(e.type == "COERCE" for e in x.events), x.events


@pytest.mark.parametrize("text", [
    "The government stopped the talks in March.",
    "China blocked the resolution at the council.",
    "The aircraft turned back after an hour.",
])
def test_stopping_a_thing_is_no_coercion(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not any(e.type == "COERCE" for e in x.events), x.events


def test_a_preposition_said_again_continues_the_list(extractor):
    # events.arguments._repeated_prep: "in contact with A and with B"
    x, _ = _run(extractor, "Our ambassador is in contact with the police and with the families of the victims.", date(2025, 6, 1))
    told = _spans(x, "communicates_with")
    assert ("Our ambassador", "the families") in told and ("Our ambassador", "the police") in told, x.relations


@pytest.mark.parametrize("text, pair", [
    # events.toml AID when_object protect/shield = party: protection given to a party (CAMEO 074)
    ("Peacekeepers protected the displaced families in the camp.", ("Peacekeepers", "the displaced families")),
    ("Bodyguards shielded the minister with their bodies.", ("Bodyguards", "the minister")),
])
def test_protection_given_to_people_is_support(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "supports"), x.relations


@pytest.mark.parametrize("text", [
    "The battalion evacuated the base and protected the bridge.",
    # victims saved are no party one sides with
    "Commandos rescued the hostages and evacuated the residents.",
])
def test_a_place_protected_or_victims_saved_are_no_party_supported(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not _spans(x, "supports"), x.relations


def test_a_team_is_a_body(extractor):
    # nominals.toml group heads "team", "teams"; relations.members-include "made up of"
    x, _ = _run(extractor, "The monitoring team, made up of four officers of the gendarmerie, was stopped at a checkpoint.", date(2025, 6, 1))
    assert any(a == "four officers" and b.lower().endswith("team") for a, b in _spans(x, "member_of")), x.relations
    y, _ = _run(extractor, "Teams of the special forces attacked two rebel camps at dawn.", date(2025, 6, 1))
    assert any(a.startswith("Teams") for a, _ in _spans(y, "attacks")), y.relations


@pytest.mark.parametrize("text, place", [
    # nominals.toml place heads: homes and grounds of raids and sieges
    ("Gunmen stormed a farmhouse near the river and held two workers.", "a farmhouse"),
    ("Police surrounded the property before dawn.", "the property"),
])
def test_homes_and_grounds_are_places(extractor, text, place):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert any(t == place for _, t in _spans(x, "attacks")), x.relations


def test_the_speaker_of_an_assembly_leads_it(extractor):
    # events.toml roles leads "speaker"; nominals.toml person heads "speaker"
    x, _ = _run(extractor, "Maria Lopez, a former speaker of the National Assembly, left the country in 2019.", date(2025, 6, 1))
    assert ("Maria Lopez", "the National Assembly") in _spans(x, "leads"), x.relations


@pytest.mark.parametrize("text, pair", [
    # relations.described-leaders (_body_described_of): a leader's title "of" a body described, not named
    ("The leader of the armed gang was arrested in July.", ("The leader", "the armed gang")),
    ("The President of the Republic spoke to the nation on Monday.", ("The President", "the Republic")),
])
def test_a_title_of_a_body_leads_it(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "leads"), x.relations


@pytest.mark.parametrize("text, pair", [
    # events.toml ASSAULT when_object quell/suppress, participants suppressing_verbs: whose revolt was put down
    ("The army quelled the mutiny by the paratroopers.", ("The army", "the paratroopers")),
    ("Police suppressed the protests of the miners.", ("Police", "the miners")),
])
def test_who_puts_down_a_revolt_fights_its_makers(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "fights"), x.relations


def test_a_report_suppressed_is_no_fight(extractor):
    x, _ = _run(extractor, "The ministry suppressed the report for a year.", date(2025, 6, 1))
    assert not any(e.type == "ASSAULT" for e in x.events), x.events


def test_a_party_wanted_by_another_is_sought(extractor):
    # events.toml COERCE when_object want, passive_only: sought for arrest only in the passive with its agent
    x, _ = _run(extractor, "The rebel commander is wanted by the International Criminal Court.", date(2025, 6, 1))
    assert ("the International Criminal Court", "The rebel commander") in _spans(x, "opposes"), x.relations
    y, _ = _run(extractor, "The army wanted the president to resign.", date(2025, 6, 1))
    assert not any(e.type == "COERCE" for e in y.events), y.events


@pytest.mark.parametrize("text, pair", [
    # events.arguments: a fight one backs ("support for X in the fight against Y") is the backed party's
    ("The minister reiterated British support for Nigeria in the fight against Boko Haram.", ("Nigeria", "Boko Haram")),
    ("The coalition supported the Somali army in its fight against al-Shabaab.", ("Somali army", "al-Shabaab")),
])
def test_a_fight_backed_is_the_backed_partys(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    fights = _spans(x, "fights")
    assert pair in fights, x.relations
    assert not any(s in ("The minister", "The coalition") for s, _ in fights), x.relations


def test_parties_between_set_off_descriptions_are_both_sides(extractor):
    # events.arguments._between: "between A, led by X, and B, represented by Y"; "between" hung on a date
    x, _ = _run(extractor, "We welcome the agreement of 3 March between the Government of Chad, led by its Prime Minister, "
                           "and the Front for Change, represented by its chairman, on a ceasefire.", date(2025, 6, 1))
    talks = _spans(x, "negotiates_with")
    assert any("Chad" in a and "Front for Change" in b or "Front for Change" in a and "Chad" in b for a, b in talks), x.relations


@pytest.mark.parametrize("text, pair", [
    # events.toml ASSAULT nouns confrontation, standoff (reciprocal): a face-off between armed sides
    ("The siege became an armed confrontation between the state police and the miners.", ("the state police", "the miners")),
    ("The rancher began a standoff with federal agents over grazing fees.", ("The rancher", "federal agents")),
])
def test_an_armed_face_off_is_a_fight_between_its_sides(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    fights = _spans(x, "fights")
    assert pair in fights or pair[::-1] in fights, x.relations


def test_a_group_named_like_a_province_is_a_body(extractor):
    # actors.resolve: a description that is a group's knowledge-base name keeps a body's label,
    # though its last word reads as a place; re3d types it an Organisation
    from factions.evaluate.re3d import re3d_units
    text = "Fighters from the Islamic State West Africa Province stormed the town of Kukawa at dusk."
    x, _ = _run(extractor, text, date(2025, 6, 1))
    start = text.index("the Islamic State")
    units = {(a, b): t for a, b, t in re3d_units(x)}
    assert units.get((start, text.index(" stormed"))) == "Organisation", units


def test_those_a_fight_befalls_are_no_side_of_it(extractor):
    # events.arguments: the subject of "died in the gunfight" is no doer of it, unless the
    # fight names its other side ("died in combat with the army")
    x, _ = _run(extractor, "Two constables and the gunman's brother died in the gunfight that followed.", date(2025, 6, 1))
    assert not _spans(x, "fights") and not _spans(x, "allied_with"), x.relations
    y, _ = _run(extractor, "The rebel leader Ahmed Kassim died in combat with the national army.", date(2025, 6, 1))
    assert any("Kassim" in a and "army" in b for a, b in _spans(y, "fights")), y.relations


def test_adjectives_that_tell_people_apart_are_in_their_mention(extractor):
    # nlp factions_nominals: "mutinous soldiers" and "loyal soldiers" are two parties, each
    # mention with its adjective (re3d marks it inside); "excessive force" is still no body
    text = "Mutinous soldiers seized the radio station, and federal agents later arrested them. Police used excessive force."
    x, _ = _run(extractor, text, date(2025, 6, 1))
    surfaces = {m.text for m in x.mentions}
    assert {"Mutinous soldiers", "federal agents"} <= surfaces, surfaces
    assert not any("force" in s for s in surfaces), surfaces


def test_a_bare_title_with_an_adjective_still_leads(extractor):
    # relations.described-leaders: "national chief of X" is a title, no article needed; a
    # deputy's is not ("first deputy prime minister of X" belongs to it)
    x, _ = _run(extractor, "The congress elected Joseph Mbeki national chief of the Assembly of Tribes in 1991.", date(2025, 6, 1))
    assert any("chief" in a and "Assembly" in b for a, b in _spans(x, "leads")), x.relations
    y, _ = _run(extractor, "The president made Joseph Mbeki first deputy prime minister of the separatist government.", date(2025, 6, 1))
    assert not any("government" in b for a, b in _spans(y, "leads")), y.relations


@pytest.mark.parametrize("text, pair", [
    # nlp.tokens.describes_subject: a participle with an agent, opening the clause or set off
    # after a verb with no object, tells what was done to the subject
    ("The rebels fled into the hills, chased by government troops.", ("government troops", "The rebels")),
    ("Surrounded by government troops, the rebels surrendered.", ("government troops", "the rebels")),
])
def test_a_participle_with_an_agent_tells_what_befell_the_subject(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "fights"), x.relations
    assert not _spans(x, "allied_with"), x.relations


@pytest.mark.parametrize("text, pair", [
    # nlp.tokens.agent_phrase_subject: the parser reads the verb after "X backed by Y" as Y's participle
    ("Troops backed by helicopters sealed off the town.", ("Troops", "the town")),
    ("Soldiers and police supported by armoured personnel carriers sealed off the compound.", ("police", "the compound")),
    # nominals.toml place heads favela, shantytown
    ("Police sealed off the favela before dawn.", ("Police", "the favela")),
])
def test_a_cordon_after_a_backed_by_phrase_is_the_subjects(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "attacks"), x.relations


def test_attackers_driven_off_are_fought_not_a_drive(extractor):
    # events.toml ASSAULT phrases drive/fight/beat off, aimed at a party
    x, _ = _run(extractor, "The garrison drove off the attackers after two hours.", date(2025, 6, 1))
    assert ("The garrison", "the attackers") in _spans(x, "fights"), x.relations
    y, _ = _run(extractor, "The minister drove off in a black car.", date(2025, 6, 1))
    assert not any(e.type == "ASSAULT" for e in y.events), y.events


def test_a_party_and_its_own_people_are_one_side_of_a_fight(extractor):
    # events.implied._with_their_own: "A and his bodyguards", "B and their allies" never fight each other
    x, _ = _run(extractor, "The cartel boss and his bodyguards fought for two hours and threw grenades at the troops.", date(2025, 6, 1))
    fights = _spans(x, "fights")
    assert ("his bodyguards", "the troops") in fights, x.relations
    assert not any({a, b} == {"The cartel boss", "his bodyguards"} for a, b in fights), x.relations
    y, _ = _run(extractor, "Dozens died in the fighting between the Sikin tribe and the Kaekin tribe and their allies.", date(2025, 6, 1))
    fights = {frozenset(p) for p in _spans(y, "fights")}
    assert frozenset(("the Sikin tribe", "their allies")) in fights, y.relations
    assert frozenset(("the Kaekin tribe", "their allies")) not in fights, y.relations


def test_the_country_across_a_border_is_no_side_of_a_fight(extractor):
    # events.toml participants border_nouns: "the border with Somalia" names where, not whom
    x, _ = _run(extractor, "Kenyan forces are fighting the group along the border with Somalia.", date(2025, 6, 1))
    assert ("Kenyan forces", "the group") in _spans(x, "fights"), x.relations
    assert not any("Somalia" in b for _, b in _spans(x, "fights")), x.relations


@pytest.mark.parametrize("text, pair", [
    # relations.control-of-body: "in command of", "in charge of" a body, said of the subject, the object or a title
    ("Colonel Ruiz is in command of the garrison at Tumbes.", ("Ruiz", "the garrison")),
    ("The president put General Mosa in charge of the army.", ("Mosa", "the army")),
    ("From prison, the boss left his deputy, Carlos Mena, in charge of his men.", ("Carlos Mena", "his men")),
])
def test_who_is_in_command_of_a_body_leads_it(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "leads"), x.relations


def test_a_body_in_charge_of_an_inquiry_leads_no_one(extractor):
    x, _ = _run(extractor, "The police are in charge of the investigation into the attack.", date(2025, 6, 1))
    assert not _spans(x, "leads"), x.relations


@pytest.mark.parametrize("text, pair", [
    # events.toml ACCUSE: a charge brought (only with what it is for), blame laid, a falling-out
    ("A federal court charged the gang leader with hostage taking.", ("A federal court", "the gang leader")),
    ("The government holds the Patriotic Front responsible for the bombing.", ("The government", "the Patriotic Front")),
    ("The commander fell out with the AQIM leader in 2012.", ("The commander", "the AQIM leader")),
])
def test_charges_blame_and_falling_out_are_accusations(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    opposes = _spans(x, "opposes")
    assert any(a.split()[-1] == pair[0].split()[-1] and b.split()[-1] in pair[1] for a, b in opposes), x.relations


def test_a_crowd_charged_is_no_accusation_and_the_charge_no_party(extractor):
    x, _ = _run(extractor, "Police charged the crowd with batons.", date(2025, 6, 1))
    assert not any(e.type == "ACCUSE" for e in x.events), x.events
    y, _ = _run(extractor, "Prosecutors charged the businessmen with membership of the Patriotic Front.", date(2025, 6, 1))
    assert not any("Patriotic Front" in b for _, b in _spans(y, "opposes")), y.relations


def test_the_agency_credited_in_a_dateline_is_no_antecedent(extractor):
    # actors.index.resolve_pronoun: "(Reuters)" is who reports, no one "their" stands for
    x, _ = _run(extractor, "LAMITAN, Philippines, June 3 (Reuters) - Gunmen holding three Americans slipped out of a hospital "
                           "overnight with their captives, escaping hundreds of soldiers.", date(2025, 6, 1))
    held = _spans(x, "controls")
    assert ("Gunmen", "their captives") in held, x.relations
    assert not any(a == "Reuters" for a, _ in held), x.relations


def test_the_noun_that_says_whose_people_they_are_is_in_their_mention(extractor):
    # nlp factions_nominals: "gang members" and "party members" are two parties, not one "members"
    x, _ = _run(extractor, "Police arrested gang members and party members after the march.", date(2025, 6, 1))
    surfaces = {m.text for m in x.mentions}
    assert {"gang members", "party members"} <= surfaces, surfaces
    actors = {m.actor for m in x.mentions if m.text in ("gang members", "party members")}
    assert len(actors) == 2, x.mentions


def test_the_owner_named_before_a_vehicle_leaves_its_article_and_number_to_the_vehicle(extractor):
    # nlp factions_nominals: in "two army trucks" the number counts the trucks; the army's
    # mention is "army" alone (not a body called "two army"), owner of the trucks
    x, _ = _run(extractor, "Militants burned two army trucks and an army helicopter near Dara.", date(2025, 6, 1))
    surfaces = {m.text for m in x.mentions}
    assert "army" in surfaces and not surfaces & {"two army", "an army"}, surfaces
    names = {a.id: a.name for a in x.actors}
    owned = {(x.document.text[r.source_span.start:r.source_span.end], names[r.target]) for r in x.relations if r.type == "owned_by"}
    assert ("trucks", "army") in {(k, v.lower()) for k, v in owned}, owned


@pytest.mark.parametrize("text, pair", [
    # events.toml ASSAULT: "overwhelm", "overpower"; "drive X from" a place (aimed party_moved)
    ("Argentine troops landed at the port and overwhelmed a small garrison.", ("Argentine troops", "a small garrison")),
    ("Posing as officers, the raiders overpowered the sentries.", ("the raiders", "the sentries")),
    ("The army drove the rebels from the town.", ("The army", "the rebels")),
    # ASSAULT noun "violence", only against someone
    ("Militia violence against farmers displaced thousands.", ("Militia", "farmers")),
])
def test_overwhelming_and_driving_a_party_out_are_fights(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "fights"), x.relations


@pytest.mark.parametrize("text", [
    "The convoy drove from the capital to the coast.",
    "He drove the car from Kabul.",
    "Political violence in the capital worried the envoys.",
])
def test_driving_somewhere_and_violence_against_no_one_are_no_fights(extractor, text):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert not [e for e in x.events if e.type == "ASSAULT"], x.events


def test_a_statement_told_to_them_reaches_the_party_named_before(extractor):
    # relations.told: "told them" relates the ones "them" stands for; "told me" (the writer) no one
    x, names = _run(extractor, "Envoys of the African Union arrived in Goma on Monday. The Minister told them that the "
                               "city was calm. He told me that the talks would resume.", date(2025, 6, 1))
    told = [r for r in x.relations if r.rule == "relations.told"]
    assert [x.document.text[r.target_span.start:r.target_span.end] for r in told] == ["them"], told
    assert names[told[0].target] != names[told[0].source], told


def test_a_participle_set_after_a_list_of_parties_describes_each(extractor):
    # events.arguments: "A and B, supported by C," — C backs both; set after the first only, one
    x, _ = _run(extractor, "UNITA and the FNLA, supported by South Africa and Zaire, fought the MPLA.", date(2025, 6, 1))
    backed = {b for a, b in _spans(x, "allied_with") if a == "Zaire"} | {a for a, b in _spans(x, "allied_with") if b == "Zaire"}
    assert {"UNITA", "FNLA"} <= backed, x.relations
    x, _ = _run(extractor, "UNITA, supported by South Africa, and the FNLA fought the MPLA.", date(2025, 6, 1))
    pairs = _spans(x, "allied_with") | _spans(x, "supports")
    assert ("South Africa", "UNITA") in pairs and not {("South Africa", "FNLA"), ("FNLA", "South Africa")} & pairs, x.relations


def test_among_them_reads_past_a_misparse_to_the_ones_them_stands_for(extractor):
    # relations.among-them: when the walk back finds no party ("Militias opposed to
    # independence", "opposed" read as the verb), the ones "them" was resolved to; never past
    # a noun that names no one ("hold 100 seafarers, among them"); a count of people is no
    # body its members belong to ("ten people were killed, among them …")
    text = "Militias opposed to independence, among them Aitarak and Laksaur, then burned the capital."
    x, names = _run(extractor, text, date(2025, 6, 1))
    among = [r for r in x.relations if r.rule == "relations.among-them"]
    assert {names[r.source] for r in among} >= {"Aitarak"} and {names[r.target] for r in among} == {"Militias"}, among
    assert all(text[r.target_span.start:r.target_span.end] == "Militias" for r in among), among
    x, names = _run(extractor, "Ten people were killed, among them two police officers.", date(2025, 6, 1))
    assert not [r for r in x.relations if r.rule == "relations.among-them"], x.relations
    x, names = _run(extractor, "Pirates in Somalia still hold more than 100 seafarers, among them two Danish sailors.", date(2025, 6, 1))
    assert not [r for r in x.relations if r.rule == "relations.among-them" and names[r.target] == "Pirates"], x.relations


def test_a_commanding_officer_leads_the_ship_or_unit(extractor):
    # events.toml roles leads "commanding-officer"; nlp factions_nominals keeps "commanding" in the mention
    x, names = _run(extractor, "The commanding officer of the battalion was killed on Monday.", date(2025, 6, 1))
    assert "The commanding officer" in {m.text for m in x.mentions}, x.mentions
    assert ("leads", "The commanding officer", "the battalion") in {
        (r.type, x.document.text[r.source_span.start:r.source_span.end], x.document.text[r.target_span.start:r.target_span.end])
        for r in x.relations}, x.relations


def test_names_set_beside_a_description_that_undergoes_an_act_are_of_it(extractor):
    # relations.named-members: the subject of a passive ("The survivors, A and B, were driven")
    # keeps its apposed names; the object of an act does not ("killed two soldiers, A and B")
    x, names = _run(extractor, "The two survivors, Latavia McGee and Eric Williams, were driven to the border.", date(2025, 6, 1))
    members = {(names[r.source], names[r.target]) for r in x.relations if r.rule == "relations.named-members"}
    assert {n for n, _ in members} == {"Latavia McGee", "Eric Williams"}, x.relations
    x, names = _run(extractor, "Gunmen killed two soldiers, Ali Musa and Omar Yusuf, near the border.", date(2025, 6, 1))
    assert not [r for r in x.relations if r.rule == "relations.named-members"], x.relations


def test_people_led_by_a_body_or_a_title_are_led_by_it(extractor):
    # relations.led-by: a body or a title the model reads as one leads people too; "thousands
    # of demonstrators led by X": the demonstrators, not the number
    for text, pair in [("Thousands of demonstrators led by the Confederation of Indigenous Nationalities occupied the building.",
                        ("the Confederation of Indigenous Nationalities", "demonstrators")),
                       ("Thousands of demonstrators led by Antonio Vargas occupied the building.", ("Antonio Vargas", "demonstrators")),
                       ("The delegation was led by the National Security Adviser, Kim Kwan-jin.",
                        ("the National Security Adviser", "The delegation"))]:
        x, _ = _run(extractor, text, date(2025, 6, 1))
        assert pair in _spans(x, "leads"), (text, x.relations)
    x, _ = _run(extractor, "The talks were led by Qatar.", date(2025, 6, 1))
    assert not _spans(x, "leads"), x.relations


def test_a_list_among_them_after_a_clause_is_of_its_subject(extractor):
    # relations.among-them: "nine terrorists were killed, among them X, whom Baghdad describes as …":
    # X is one of the terrorists (not of the body named before), and the relative clause ends the list
    x, names = _run(extractor, "According to the Iraqi Joint Operations Command, at least nine terrorists were killed, among them "
                               "Abu Abdul Rahman al-Iraqi, whom Baghdad describes as the group's governor for Kirkuk.", date(2025, 6, 1))
    among = {(names[r.source], names[r.target]) for r in x.relations if r.rule == "relations.among-them"}
    assert {s for s, _ in among} == {"Abu Abdul Rahman al-Iraqi"} and {t for _, t in among} == {"terrorists"}, among


@pytest.mark.parametrize("text, pair", [
    # relations.on-orders-of: the order's giver commands the doer (the subject; in the passive, the agent)
    ("The soldiers guarding the building joined the protesters on the orders of Colonel Lucio Gutierrez.",
     ("Lucio Gutierrez", "The soldiers")),
    ("The judge had been taken from his home by soldiers on 16 January, on the orders of the former President.",
     ("the former President", "soldiers")),
    ("Acting on orders from the President, the commandos stormed the camp.", ("the President", "the commandos")),
])
def test_who_acts_on_the_orders_of_a_party_is_under_its_command(extractor, text, pair):
    x, _ = _run(extractor, text, date(2025, 6, 1))
    assert pair in _spans(x, "leads"), x.relations
    assert not [r for r in x.relations if r.type == "allied_with" and pair[0] in x.document.text[r.target_span.start:r.target_span.end]]


def test_an_order_denied_or_with_no_doer_commands_no_one(extractor):
    for text in ("The police officers who joined the protesters did so against the detention of the judge, not on the orders of any party.",
                 "Otti was killed on Kony's orders in 2007."):
        x, _ = _run(extractor, text, date(2025, 6, 1))
        assert not [r for r in x.relations if r.rule == "relations.on-orders-of"], x.relations


def test_an_exchange_of_fire_between_two_sides_is_a_fight_and_of_prisoners_none(extractor):
    # events.toml ASSAULT noun "exchange", only_with of_objects: fire, not prisoners
    x, _ = _run(extractor, "There were exchanges of fire between the army and the rebels near the border.", date(2025, 6, 1))
    assert ("the army", "the rebels") in _spans(x, "fights"), x.relations
    x, _ = _run(extractor, "The deal provided for an exchange of prisoners between the army and the rebels.", date(2025, 6, 1))
    assert not [e for e in x.events if e.type == "ASSAULT"] and not _spans(x, "fights"), x.relations


def test_an_envoy_summoned_is_a_contact(extractor):
    # events.toml CONSULT "summon" (relations_by_word communicates_with); nominals.toml person head "attache"
    x, _ = _run(extractor, "The Russian Foreign Ministry summoned the British defence attache on Wednesday.", date(2025, 6, 1))
    assert "the British defence attache" in {m.text for m in x.mentions}, x.mentions
    assert [r for r in x.relations if r.type == "communicates_with"
            and x.document.text[r.source_span.start:r.source_span.end] == "The Russian Foreign Ministry"], x.relations


def test_what_a_party_is_notified_of_is_a_claim_not_a_relative_clause(extractor):
    # nlp factions_clause_repairs: "notified the embassies that the office had reopened" — a
    # "that" object beside the clause's own subject, on the object of a verb of telling, is
    # what was told (the parser's relative clause on "embassies"); "rebuilt the bridges that
    # the rebels had destroyed" stays a relative clause
    x, _ = _run(extractor, "The Ministry notified the embassies that the office had reopened.", date(2025, 6, 1))
    assert [c for c in x.claims if x.document.text[c.cue_span.start:c.cue_span.end] == "notified"], x.claims
    x, _ = _run(extractor, "The army rebuilt the bridges that the rebels had destroyed.", date(2025, 6, 1))
    assert not x.claims, x.claims


def test_among_them_after_a_party_with_no_mention_is_not_guessed(extractor):
    # relations.among-them: the resolver's guess stands only for the subject of the verb the
    # walk ended under; "members of the Church" reached through "the help of" names no party
    x, names = _run(extractor, "Shih evaded arrest for 26 days with the help of members of the Presbyterian Church, among them "
                               "its general secretary, the Reverend Kao Chun-ming.", date(2025, 6, 1))
    assert not [r for r in x.relations if r.rule == "relations.among-them"], x.relations


def test_each_conjunct_of_a_led_by_phrase_leads(extractor):
    # relations.led-by: the agent's conjuncts lead too
    x, _ = _run(extractor, "Police said the attackers belong to a cell led by Karim Haddad and Yusuf Malouf.", date(2025, 6, 1))
    assert {("Karim Haddad", "a cell"), ("Yusuf Malouf", "a cell")} <= _spans(x, "leads"), x.relations
    # a conjunct of another kind is the list's next item, no leader
    x, _ = _run(extractor, "The alliance includes the Sudan Liberation Army faction led by Minni Minawi and the Justice and Equality "
                           "Movement.", date(2025, 6, 1))
    assert {lead for lead, _ in _spans(x, "leads")} == {"Minni Minawi"}, x.relations


def test_commanders_ordered_to_act_are_commanded(extractor):
    # stances.toml [ordered] force_heads: commander, officer
    x, _ = _run(extractor, "The defence minister ordered the commanders of the border units to hunt down the smugglers.", date(2025, 6, 1))
    assert [r for r in x.relations if r.rule == "relations.ordered-forces"
            and x.document.text[r.target_span.start:r.target_span.end] == "the commanders"], x.relations
    x, _ = _run(extractor, "The court ordered the officers to pay damages.", date(2025, 6, 1))
    assert not [r for r in x.relations if r.rule == "relations.ordered-forces"], x.relations


def test_a_reporter_for_a_newspaper_named_beside_its_description_belongs_to_it(extractor):
    # relations.title-of: the name set beside the title's object ("the newspaper X"); events.toml roles journalist
    x, _ = _run(extractor, "Karim Haddad, a reporter for the newspaper Al-Nahar, was wounded by shrapnel.", date(2025, 6, 1))
    assert ("Karim Haddad", "Al-Nahar") in _spans(x, "member_of"), x.relations
    x, _ = _run(extractor, "Karim Haddad, a journalist of the daily Al-Nahar, was wounded by shrapnel.", date(2025, 6, 1))
    assert ("Karim Haddad", "Al-Nahar") in _spans(x, "member_of"), x.relations


def test_a_place_the_model_reads_as_a_work_or_a_product_is_a_place(extractor):
    # nlp factions_entity_fixes: after a preposition of place, or named as a place elsewhere in
    # the document, a name the model tagged WORK_OF_ART is the place
    x, _ = _run(extractor, "Gangs have controlled large areas in Cite Soleil since 2004. Armed gangs controlled most of Cite Soleil.",
                date(2025, 6, 1))
    places = [m for m in x.mentions if m.text == "Cite Soleil"]
    assert len(places) == 2 and all(m.actor and m.label == "GPE" for m in places), places
    assert ("Armed gangs", "Cite Soleil") in _spans(x, "controls"), x.relations


def test_a_verb_with_its_own_object_after_a_passive_is_active(extractor):
    # events.arguments._subject_tokens: "were flown in and fought X" — the troops fought
    x, _ = _run(extractor, "Hundreds of special forces troops were flown in by helicopter and fought the rebels near the dam.", date(2025, 6, 1))
    assert _spans(x, "fights") == {("troops", "the rebels")}, x.relations


def test_the_nearest_party_is_not_taken_from_what_another_verb_acts_on(extractor):
    # events.participants._nearest: a party inside the object of an earlier verb is no doer
    x, _ = _run(extractor, "Artillery shelled the village, killing three farmers and Omar Said, a driver for the charity Oxfam, "
                           "and wounding two nurses.", date(2025, 6, 1))
    assert not _spans(x, "fights") and not [e for e in x.events if e.rule == "events.nearest-party"], x.relations


def test_victims_of_a_passive_shared_by_a_second_verb_have_no_guessed_killer(extractor):
    # events.extract unnamed_doer: "had been killed or wounded" names no doer for either verb
    x, _ = _run(extractor, "Officials said 12 soldiers had died and 20 insurgents had been killed or wounded.", date(2025, 6, 1))
    assert not _spans(x, "fights"), x.relations


def test_known_as_names_the_body_whose_name_ends_in_a_place(extractor):
    # relations.alias-of (_described_by_alias): "the X Mission in Haiti, known as Y" — Y is the mission's name
    x, _ = _run(extractor, "Troops of the United Nations Assistance Mission in Sudan, known as UNAMIS, patrolled the town.",
                date(2025, 6, 1))
    assert ("the United Nations Assistance Mission", "UNAMIS") in _spans(x, "same_as"), x.relations
    assert not [r for r in x.relations if r.type == "same_as" and x.document.text[r.source_span.start:r.source_span.end] == "Sudan"]


def test_a_state_agency_named_by_its_kind_is_a_body(extractor):
    # nominals.toml group heads and service_heads: agency, after a service kind only
    x, _ = _run(extractor, "Officers of the state security agency arrested two smugglers near the port.", date(2025, 6, 1))
    assert ("Officers", "the state security agency") in _spans(x, "member_of"), x.relations


def test_belonging_to_a_unit_of_people_is_membership_of_the_unit(extractor):
    # relations.serves-with: "a unit of young soldiers" — people are no body, the unit is
    x, _ = _run(extractor, "The soldiers killed belonged to a unit of young conscripts that was guarding the pass.", date(2025, 6, 1))
    assert ("The soldiers", "a unit") in _spans(x, "member_of"), x.relations


def test_a_body_that_includes_people_has_them_as_members(extractor):
    # relations.members-include: "The group includes …" with no owner is the group's own list;
    # "Member states include …" names no body
    x, _ = _run(extractor, "The group includes two deserters and fighters from the north.", date(2025, 6, 1))
    assert {("two deserters", "The group"), ("fighters", "The group")} <= _spans(x, "member_of"), x.relations
    x, _ = _run(extractor, "Member states include Chad, Niger and Mali.", date(2025, 6, 1))
    assert not _spans(x, "member_of"), x.relations


def test_words_coordinated_before_a_noun_are_one_side_between(extractor):
    # events.arguments._modifies_next: "between the police and Awajun and Wampis protesters" — two sides
    x, _ = _run(extractor, "Clashes broke out between the riot police and Aymara and Quechua farmers who had blocked the road.",
                date(2025, 6, 1))
    fights = _spans(x, "fights")
    assert fights and all("police" in a or "police" in b for a, b in fights), x.relations


@pytest.mark.parametrize("text, held", [
    ("Border guards set up checkpoints on every road into the valley.", ("Border guards", "checkpoints")),
    ("The army closed the road to the port after the attack.", ("The army", "the road")),
])
def test_who_sets_up_or_closes_a_place_holds_it(extractor, text, held):
    # relations.control: "set up" (with its particle) and "close"
    x, _ = _run(extractor, text)
    assert held in {(p, q) for p, q in _spans(x, "controls")}, x.relations


def test_setting_a_place_on_fire_holds_nothing(extractor):
    # relations.control: "set" holds a place only with its particle ("set up checkpoints")
    x, _ = _run(extractor, "Rebels set the town of Kidal on fire.")
    assert [m for m in x.mentions if m.text == "Kidal" and m.actor], x.mentions
    assert not [r for r in x.relations if r.type == "controls"], x.relations


def test_a_body_that_alone_sets_up_another_heads_it(extractor):
    # relations.founded-by: one body founding another; not when it founded it with others,
    # nor "launched an operation", nor what it will not set up (negated)
    x, _ = _run(extractor, "The interior ministry set up a commission of inquiry into the shootings.")
    assert ("The interior ministry", "a commission") in _spans(x, "leads"), x.relations
    joint, _ = _run(extractor, "The two parties merged with a smaller movement to form a new alliance.")
    assert [m for m in joint.mentions if m.text == "a new alliance" and m.actor], joint.mentions
    assert not [r for r in joint.relations if r.type == "leads"], joint.relations
    sponsor, _ = _run(extractor, "Iran established Hezbollah in 1982.")  # a state that founds an armed group sponsors it
    assert [m for m in sponsor.mentions if m.text == "Hezbollah" and m.actor], sponsor.mentions
    assert not [r for r in sponsor.relations if r.rule == "relations.founded-by"], sponsor.relations
    negated, _ = _run(extractor, "The government will not set up a commission of inquiry.")
    assert [r.modality for r in negated.relations if r.rule == "relations.founded-by"] == ["negated"], negated.relations


def test_divisions_are_units_only_when_counted_or_of_a_kind(extractor):
    # nlp factions_nominals (counted_heads); relations.forces-of-subject: a state that sends
    # its divisions commands them; "and then its air force" does not take the adverb in
    x, _ = _run(extractor, "Chad sent two divisions and then its air force against the rebels.")
    assert ("Chad", "two divisions") in _spans(x, "leads"), x.relations
    assert not [m for m in x.mentions if m.text.startswith("then")], x.mentions
    rift, _ = _run(extractor, "There are deep divisions within the ruling party over the talks.")
    assert not [m for m in rift.mentions if "divisions" in m.text], rift.mentions


def test_who_reports_an_attack_did_not_make_it(extractor):
    # events arguments: an attack "in" which a speech verb is said names no doer in its
    # speaker; the nearest-party guess takes no one from what was said
    x, _ = _run(extractor, "Three policemen died near the checkpoint, officials said on Friday, in the worst attack on the police this year.")
    assert not [r for r in x.relations if r.type == "fights"], x.relations
    kept, _ = _run(extractor, "The rebels killed ten soldiers in an attack on a border post, officials said.")
    assert ("The rebels", "soldiers") in _spans(kept, "fights"), kept.relations


def test_crewed_armour_that_fires_on_a_place_attacks_it(extractor):
    # events participants: tanks, like aircraft and warships, are crewed platforms that
    # may stand for the party no one names (nominals.toml [equipment] platforms)
    x, _ = _run(extractor, "The tanks fired forty rounds at the rebel positions on the ridge.")
    assert ("The tanks", "the rebel positions") in _spans(x, "attacks"), x.relations
    bomb, _ = _run(extractor, "A car bomb killed 25 people in the market.")
    assert not [r for r in bomb.relations if r.type in ("attacks", "fights")], bomb.relations


def test_who_is_given_support_receives_it(extractor):
    # events arguments: the indirect object of a light verb receives the aid ("gave the
    # rebels military support"), as "gave military support to the rebels" does
    x, _ = _run(extractor, "Russia gave the rebels military support last year.")
    assert ("Russia", "the rebels") in _spans(x, "supports"), x.relations


def test_a_relative_clause_is_about_the_name_right_before_it(extractor):
    # nlp.tokens.relative_noun: "sent to AFP, FACT, which is led by X" (the parser hangs the
    # clause on the first of two names in apposition); not a city's country ("in Peshawar,
    # Pakistan, which killed …" is no statement about Pakistan)
    text = ("The Northern Liberation Front (NLF) crossed the border in April. In a message sent to AFP, "
            "NLF, which is led by Idris Kaboro, rejected the council.")
    x, _ = _run(extractor, text)
    assert ("Idris Kaboro", "NLF") in _spans(x, "leads"), x.relations
    assert not [r for r in x.relations if r.type == "leads" and x.document.text[r.target_span.start:r.target_span.end] == "AFP"]


def test_kit_sent_to_a_party_is_given_not_held(extractor):
    # relations.equipment-in-hand: sent to a place, or to a state with the forces, it goes
    # there with its sender; sent to anyone else, or to a state alone, it is given
    x, _ = _run(extractor, "The neighbouring state has sent weapons to the rebels. France sent troops and aircraft to Mali. "
                           "The United States sent tanks and missiles to Ukraine.")
    held = _spans(x, "controls")
    assert ("France", "aircraft") in held and not [p for p in held if p[1] in ("weapons", "tanks", "missiles")], x.relations


def test_who_has_kit_in_hand_and_who_owns_it_are_both_told(extractor):
    # relations.equipment-in-hand beside relations.equipment-of: "warships of the navy" held by
    # the mutineers are the navy's and in the mutineers' hands; people riding in a bus crew nothing
    x, _ = _run(extractor, "The mutineers held warships of the navy in the port.")
    assert ("The mutineers", "warships") in _spans(x, "controls") and ("warships", "the navy") in _spans(x, "owned_by"), x.relations
    bus, _ = _run(extractor, "Five civilians in a bus were killed near the bridge.")
    assert [m for m in bus.mentions if m.text == "a bus" and m.actor], bus.mentions
    assert not [r for r in bus.relations if r.rule == "relations.equipment-in-hand"], bus.relations


@pytest.mark.parametrize("text, founded", [
    ("The militia is commanded by Colonel Ruto and forms the armed wing of the Popular Front.", "the Popular Front"),
    ("In 2023 the three governments formed the Alliance of Sahel States.", "the Alliance of Sahel States"),
])
def test_a_body_that_is_a_part_or_one_of_several_founds_nothing_alone(extractor, text, founded):
    # relations.founded-by: "forms the armed wing of Y" says what it is; a plural founds together
    x, _ = _run(extractor, text)
    assert [m for m in x.mentions if m.text == founded and m.actor], x.mentions
    assert not [r for r in x.relations if r.rule == "relations.founded-by"], x.relations


def test_a_clause_with_its_own_subject_keeps_its_own_mood_but_shares_a_condition(extractor):
    # events.modality._clause_chain: the first clause's negation is not the second's; a
    # condition over both is
    x, _ = _run(extractor, "The army did not attack the town, and the rebels killed three soldiers.")
    assert {(e.trigger, e.modality) for e in x.events} >= {("attack", "negated"), ("killed", "asserted")}, x.events
    x, _ = _run(extractor, "If the emir is killed, his men might flee, but the rival faction would kill them.")
    assert ("kill", "conditional") in {(e.trigger, e.modality) for e in x.events}, x.events


@pytest.mark.parametrize("text, member, body", [
    ("The peacekeepers of the UN mission withdrew from the town.", "The peacekeepers", "the UN mission"),
    ("A pilot of the air force was captured by the rebels.", "A pilot", "the air force"),
    ("The minister told the ambassadors of friendly states that the border was closed.", "the ambassadors", "friendly states"),
])
def test_forces_named_by_their_role_belong_to_the_body_they_are_of(extractor, text, member, body):
    # relations.described-member (relations.toml [possessor] members): peacekeepers,
    # instructors, a pilot, ambassadors "of" a body are its own, as soldiers are
    x, _ = _run(extractor, text)
    assert (member, body) in _spans(x, "member_of"), x.relations


@pytest.mark.parametrize("text", [
    "Chin Sen served as secretary-general of the Malayan Labour Party from 1947.",
    "Chin Sen was named secretary-general of the Malayan Labour Party in 1947.",
    "In May Chin Sen, who served as secretary-general of the Malayan Labour Party, left for Bangkok.",
])
def test_a_title_served_as_or_named_with_its_hyphen_is_the_subjects(extractor, text):
    # relations.title-of (events.toml serving_verbs; a hyphenated title is looked up whole)
    x, _ = _run(extractor, text)
    assert ("Chin Sen", "the Malayan Labour Party") in _spans(x, "leads"), x.relations


def test_a_force_counted_in_a_sequence_is_a_party(extractor):
    # nlp.components nominals: "a second force" keeps its ordinal (a mention the recogniser
    # marks as a number of its own) and names a body the leader is over
    x, _ = _run(extractor, "The column joined a second force led by Colonel Hal Brenner near the river.")
    assert ("Hal Brenner", "a second force") in _spans(x, "leads"), x.relations


def test_the_name_after_a_date_is_the_subject_of_a_verb_that_has_none(extractor):
    # nlp.components._subject_read_as_the_dates_apposition: the parser makes the name an
    # apposition of "12 June" and leaves "took" without a subject
    x, _ = _run(extractor, "On the night of 12 June the 4th Battalion, under Colonel Arun Mehra, took the ridge.")
    assert ("Arun Mehra", "the 4th Battalion") in _spans(x, "leads"), x.relations


def _parties(x, trigger):
    t = x.document.text
    return [([t[s.start:s.end] for s in e.actor_spans], [t[s.start:s.end] for s in e.recipient_spans])
            for e in x.events if e.trigger == trigger]


def _date_of(x, trigger):
    """The first start date of the event told by `trigger`, or None when it has no date
    (StopIteration when there is no such event)."""
    event = next(e for e in x.events if e.trigger == trigger)
    return event.when.start if event.when is not None else None


@pytest.mark.parametrize("text, trigger, actor, recipient, label", [
    # nlp.components.label_lead_end: a note's opening label is a sentence of its own
    ("Gao region: Gunmen ambushed a Malian army patrol near Ansongo on 4 May 2024.", "ambushed", "Gunmen",
     "a Malian army patrol", "Gao region"),
    ("Harar: Police officers were attacked by a crowd near the old market on 9 June 2021.", "attacked", "a crowd",
     "Police officers", "Harar"),
    ("Upper Nile (Nasir): White Army fighters overran a garrison of the national army on 4 March 2025.", "overran",
     "White Army fighters", "a garrison", "Upper Nile"),
])
def test_a_notes_opening_label_is_where_not_who(extractor, text, trigger, actor, recipient, label):
    x, names = _run(extractor, text, date(2025, 6, 1))
    (actors, recipients), = _parties(x, trigger)
    assert any(actor in a or a in actor for a in actors) and any(recipient in r or r in recipient for r in recipients), x.events
    assert all(label not in p for e in x.events for p in _parties(x, e.trigger)[0][0] + _parties(x, e.trigger)[0][1])
    # nor does a name run past the colon
    colon = x.document.text.index(":")
    assert not any(m.span.start < colon < m.span.end for m in x.mentions), x.mentions


def test_a_speaker_or_a_cue_before_a_colon_is_no_label(extractor):
    # not a label: a verb before the colon ("said:"), or a colon that ends its line
    x, names = _run(extractor, "The army said: our units repelled the attack on Bama.", date(2025, 6, 1))
    assert [names[c.speaker] for c in x.claims] == ["army"] or [x.document.text[c.speaker_span.start:c.speaker_span.end] for c in x.claims] == ["The army"]


@pytest.mark.parametrize("text, trigger, recipient", [
    # actors.demonyms (demonyms.toml heads): the posts a state's forces man stand for them
    ("Russian forces stormed Ukrainian positions east of Siversk overnight.", "stormed", "Ukrainian"),
    ("Militants shelled an Iraqi border outpost near Qaim.", "shelled", "Iraqi"),
    ("Gunmen ambushed a Turkish military convoy on the road to Afrin.", "ambushed", "Turkish"),
    # a post or a base with its kind before it (kind_posts, post_kinds)
    ("Militia fighters fired rockets at an Israeli army post near Shlomi.", "fired", "Israeli"),
    ("Drones attacked a Russian air base near Latakia.", "attacked", "Russian"),
])
def test_posts_named_by_a_nationality_stand_for_its_forces(extractor, text, trigger, recipient):
    x, names = _run(extractor, text, date(2025, 6, 1))
    (_, recipients), = _parties(x, trigger)
    assert recipient in recipients, x.events


@pytest.mark.parametrize("text", [
    "The European Union backed the British position on the talks.",
    "The families fled to a Syrian refugee camp near the border.",
    "Analysts said Chinese positions on trade had hardened.",
    "A Russian post on Telegram said the village had fallen.",
    "The American base rate of interest rose again.",
    "Settlers attacked a Jordanian aid convoy near Hebron.",
])
def test_a_view_or_a_refuge_named_by_a_nationality_is_no_state(extractor, text):
    x, names = _run(extractor, text, date(2025, 6, 1))
    assert not [m for m in x.mentions if m.label == "NORP" and m.kb_id], x.mentions


def test_a_convoy_is_a_body_attacked(extractor):
    # nominals.toml [group] heads: "convoy"
    x, names = _run(extractor, "Boko Haram fighters ambushed a military convoy near Damasak.", date(2025, 6, 1))
    (_, recipients), = _parties(x, "ambushed")
    assert recipients == ["a military convoy"], x.events
    # a convoy of people is the people (events.toml collective_heads); of troops, the convoy
    x, names = _run(extractor, "Gunmen fired on a convoy of refugees leaving Kalehe.", date(2025, 6, 1))
    (_, recipients), = _parties(x, "fired")
    assert recipients == ["refugees"], x.events
    # no one attacks their own convoy (events.nearest-party: the owner of what was hit is no candidate)
    x, names = _run(extractor, "The Red Cross will hold a briefing on the attack on its convoy in Darfur.", date(2025, 6, 1))
    (actors, _), = _parties(x, "attack")
    assert actors == [], x.events


def test_they_picks_up_an_indefinite_subject_not_an_object(extractor):
    # actors.index._indefinite_object: "a convoy" met as an object is not "them"
    x, names = _run(extractor, "The rebels ambushed a convoy, and soldiers later attacked them.", date(2025, 6, 1))
    assert ("soldiers", "The rebels") in _spans(x, "fights"), x.relations
    # ... "an armed group" as the subject is
    x, names = _run(extractor, "A militia raided the market, and police later arrested them.", date(2025, 6, 1))
    assert ("police", "A militia") in _spans(x, "opposes") | _spans(x, "fights"), x.relations


@pytest.mark.parametrize("text", [
    "Officials praised the commission's summary of its inquiry into the attack on the peacekeepers in Hajjah.",
    "Amnesty International published its report on the bombing of the market in Saada.",
])
def test_who_investigates_an_attack_did_not_make_it(extractor, text):
    # events.participants._reporter_of_the_act (events.toml reports_on_acts)
    x, names = _run(extractor, text, date(2025, 6, 1))
    attack = [e for e in x.events if e.type == "ASSAULT"]
    assert attack and all(not e.actors for e in attack), x.events


@pytest.mark.parametrize("text", [
    "The group's attack on the police station in Kousseri killed four officers.",
    "The militia's own footage of the attack on government soldiers was posted online.",
])
def test_a_groups_own_attack_is_still_its_own(extractor, text):
    x, names = _run(extractor, text, date(2025, 6, 1))
    assert any(e.type == "ASSAULT" and e.actors for e in x.events), x.events


@pytest.mark.parametrize("text, place", [
    # nlp.components entity_fixes (actor_kinds.toml place_nouns_after): a name before a place's noun names it
    ("Bandits attacked Kadawa village, killing the ward head.", "Kadawa"),
    ("Jihadists struck Gamboru market, killing 20 traders.", "Gamboru"),
    # an area or a crossing, and a place noun after a noun of its own
    ("Gunmen ambushed a convoy at the Zobe junction on 2 June 2021.", "Zobe"),
    ("Clashes erupted between the two armies in the al-Fashaga border area.", "al-Fashaga"),
])
def test_a_name_before_a_place_noun_is_that_place(extractor, text, place):
    x, names = _run(extractor, text, date(2025, 6, 1))
    assert [m.label for m in x.mentions if m.text == place] == ["GPE"], x.mentions
    assert not [e for e in x.events if any(x.document.text[s.start:s.end] == place for s in e.actor_spans + e.recipient_spans)]


@pytest.mark.parametrize("text, name", [
    ("Armed men attacked the Defence Force camp in Basseterre.", "Defence Force"),  # a body's head word
    ("Lendu militiamen attacked a Hema village in Djugu.", "Hema"),  # a kind of village, whose
    ("The Machar camp said it would not sign the deal.", "Machar"),  # a following ("camp" is not among the nouns)
])
def test_a_body_or_a_kind_before_a_place_noun_stays_what_it_was(extractor, text, name):
    x, names = _run(extractor, text, date(2025, 6, 1))
    assert not [m for m in x.mentions if m.text.endswith(name) and m.label == "GPE"], x.mentions


@pytest.mark.parametrize("trigger, kept", [("bombed", [("attacks", "a1", "a3")]), ("clashed", [])])
def test_a_fight_with_a_place_is_an_attack_on_it(trigger, kept):
    # places.parties (relations.place-not-party): an assault's party that is a place leaves
    # the fight, and the attacker attacks the place (relations.attacked-place); a two-sided
    # fight's place-like side is often a town's militia, and leaves no relation
    from factions.model import Actor, Event, Relation, Span
    from factions.places import places_not_parties

    text = "Gunmen %s Omagh. Omagh is a town." % trigger
    at = Span(0, 6), Span(len(trigger) + 8, len(trigger) + 13)
    actors = [Actor("a1", "Gunmen", "population"), Actor("a2", "Omagh", "organization"), Actor("a3", "Omagh", "location")]
    events = [Event("e1", "ASSAULT", trigger, Span(0, len(trigger) + 14), actors=["a1"], recipients=["a2"],
                    actor_spans=[at[0]], recipient_spans=[at[1]])]
    relations = [Relation("fights", "a1", "a2", at[0], at[1], Span(0, len(trigger) + 14), event="e1", rule="relations.event-parties")]
    out = places_not_parties(text, actors, events, relations)
    assert [(r.type, r.source, r.target) for r in out] == kept
    assert events[0].recipients == [] and events[0].where == "a3"


@pytest.mark.parametrize("text, trigger, recipient", [
    # events.arguments._subject_tokens: a participle with no auxiliary tells what was done to its "subject"
    ("The army said that 40 students abducted from a school in Kankara have been freed.", "abducted", "students"),
    ("The shelling went on all night, with eleven villagers killed near the border.", "killed", "villagers"),
])
def test_a_participle_without_auxiliary_is_done_to_its_noun(extractor, text, trigger, recipient):
    x, names = _run(extractor, text, date(2025, 6, 1))
    (actors, recipients), = _parties(x, trigger)
    assert recipient in recipients and recipient not in actors, x.events


def test_a_past_tense_naming_a_side_stays_active(extractor):
    x, names = _run(extractor, "Iranian-backed militias fought alongside his troops near Aleppo.", date(2025, 6, 1))
    assert not _spans(x, "fights"), x.relations
    # nor one whose object a verb joined to it takes ("invaded, looted and burned homes")
    x, names = _run(extractor, "Bandits invaded, looted and burned homes in Zamfara.", date(2025, 6, 1))
    (actors, recipients), = _parties(x, "invaded")
    assert actors == ["Bandits"] and recipients == [], x.events
    x, names = _run(extractor, "Bandits abducted, tortured and killed three farmers.", date(2025, 6, 1))
    (actors, _), = _parties(x, "abducted")
    assert actors == ["Bandits"], x.events


# --- coded notes: places shelled, blows struck by arms, the forces of a state by acronym,
# --- and the dates a note gives its act (blind set coded-notes-d, first run)


@pytest.mark.parametrize("text, trigger, place", [
    # actor_kinds.toml place_object_verbs shell/bombard/pound: what guns shell is a place
    ("Artillery units shelled Vuhledar overnight, the regional governor said.", "shelled", "Vuhledar"),
    # known_place_object_verbs strike/bomb/raid: a town the gazetteer knows, and its conjunct
    ("Government jets bombed Kramatorsk and Sloviansk on Sunday.", "bombed", "Kramatorsk"),
])
def test_a_name_shelled_or_bombed_is_a_place(extractor, text, trigger, place):
    x, names = _run(extractor, text, date(2025, 6, 1))
    (_, recipients), = _parties(x, trigger)
    assert place not in recipients, x.events
    assert any(a.name == place and a.kind == "location" for a in x.actors), x.actors
    # a group the knowledge base knows stays a party
    x, names = _run(extractor, "Israeli artillery shelled Hezbollah near the border.", date(2025, 6, 1))
    (_, recipients), = _parties(x, "shelled")
    assert recipients == ["Hezbollah"], x.events


@pytest.mark.parametrize("text, actor, recipient", [
    # events.toml ASSAULT when_subject hit: a party or a weapon strikes
    # (a state's arms that strike name the state: demonyms.toml [heads] arms)
    ("Ukrainian drones hit a Russian ammunition depot near Donetsk.", "Ukrainian", None),
    ("Militants hit two police posts manned by the Frontier Corps.", "Militants", None),
    ("Mortar shells hit the camp of the Mali army at dawn.", None, None),
    # in the passive, its agent
    ("The patrol was hit by a roadside bomb planted by the Taliban.", None, "The patrol"),
])
def test_a_blow_struck_by_arms_is_an_attack(extractor, text, actor, recipient):
    x, names = _run(extractor, text, date(2025, 6, 1))
    hits = [e for e in x.events if e.trigger == "hit"]
    assert [e.type for e in hits] == ["ASSAULT"], x.events
    (actors, recipients), = _parties(x, "hit")
    assert actor is None or actor in actors, x.events
    assert recipient is None or recipient in recipients, x.events


@pytest.mark.parametrize("text", [
    "Sanctions hit the country's oil exports last year.",
    "Thousands of students hit the streets of Belgrade on Saturday.",
    "The cyclone hit the coast near Beira overnight.",
    "The minister hit back at his critics in parliament.",
    # an attack that hits is the attack's own event
    "An air strike hit the market in the afternoon.",
    # what it is hit with (not_means), an explosive hit (not_objects), a vehicle (no weapon)
    "The EU hit Russia with a new package of sanctions.",
    "Soldiers hit a roadside bomb on the road to Djibo.",
    "A bus hit a soldier at a checkpoint in Bamako.",
])
def test_a_blow_of_no_arms_is_no_attack(extractor, text):
    x, names = _run(extractor, text, date(2025, 6, 1))
    assert not [e for e in x.events if e.trigger == "hit"], x.events


@pytest.mark.parametrize("text, trigger, acronym, body", [
    # data/kb/organizations.toml: state armed forces conflict reporting names by acronym
    ("JNIM fighters overran a FAMa outpost near Douentza.", "overran", "FAMa", "Malian Armed Forces"),
    ("M23 rebels clashed with FARDC units north of Goma.", "clashed", "FARDC", "Armed Forces of the Democratic Republic of the Congo"),
    # regional bodies
    ("ECOWAS imposed new sanctions on the junta in Conakry.", "sanctions", "ECOWAS", "Economic Community of West African States"),
])
def test_state_forces_and_regional_bodies_named_by_acronym_are_known(extractor, text, trigger, acronym, body):
    x, names = _run(extractor, text, date(2025, 6, 1))
    event = next(e for e in x.events if e.trigger == trigger)
    assert body in [names[a] for a in event.actors + event.recipients], x.events


@pytest.mark.parametrize("text, published, trigger, day", [
    # events.time._in_label: a date in a note's opening label dates what the note tells
    ("9 March: Gunmen attacked a bus station in Maiduguri, killing four people.", date(2024, 3, 11), "attacked", "2024-03-09"),
    ("Tillaberi, 2 May 2024: JNIM fighters ambushed an army patrol near Ayorou.", date(2024, 5, 4), "ambushed", "2024-05-02"),
    # events.time._FRAMING_PREPS: an act named by a noun in the verb's "in" or "under" phrase
    ("The garrison came under attack on 3 June 2023 by fighters of the Islamic State.", date(2023, 6, 5), "attack", "2023-06-03"),
    ("Nine soldiers died in clashes with the rebels near Bambari on 14 August 2022.", date(2022, 8, 16), "clashes", "2022-08-14"),
    # events.time._done_by_saying: a cue that performs the act dates it
    ("In a decree on 1 October 2024, the junta announced a general mobilisation.", date(2024, 10, 2), "mobilisation", "2024-10-01"),
])
def test_a_note_dates_its_act_by_its_label_its_frame_or_its_decree(extractor, text, published, trigger, day):
    x, names = _run(extractor, text, published)
    assert _date_of(x, trigger) == day, x.events


def test_an_act_named_again_lends_its_date(extractor):
    # rule events.date-by-later-mention: "the attack took place on …" dates the act told before it
    text = "Gunmen opened fire on worshippers at a mosque in Kano, killing seven. The attack took place on 12 May 2023."
    x, names = _run(extractor, text, date(2023, 5, 14))
    assert next(e for e in x.events if e.trigger == "opened").when.start == "2023-05-12", x.events
    # not a date of a clause on the later mention, nor of an indefinite one
    text = ("The government suspended negotiations with the rebels. The talks, launched in Oslo in March 2022, "
            "had produced a ceasefire.")
    x, names = _run(extractor, text, date(2025, 2, 1))
    assert next(e for e in x.events if e.trigger == "negotiations").when is None, x.events
    x, names = _run(extractor, "Rebels attacked the town. The army launched an attack on 3 May 2024.", date(2024, 5, 5))
    assert next(e for e in x.events if e.trigger == "attacked").when is None, x.events
    # nor another act of its kind
    text = "Gunmen attacked the village of Kpata, killing 12. The previous attack took place on 3 February 2024."
    x, names = _run(extractor, text, date(2024, 6, 15))
    assert next(e for e in x.events if e.trigger == "attacked").when is None, x.events
    # a claim tells of an act done before it, an announcement of a killing too: its date is not the act's
    x, names = _run(extractor, "The Islamic State claimed the bombings on 4 January 2024.", date(2024, 1, 5))
    assert all(e.when is None or e.when.start != "2024-01-04" for e in x.events if e.trigger == "bombings"), x.events
    x, names = _run(extractor, "The army announced the killing of a senior commander on 5 May 2024.", date(2024, 6, 15))
    assert all(e.when is None for e in x.events if e.trigger == "killing"), x.events


@pytest.mark.parametrize("text, trigger, day", [
    # events.time._names_another_act: the date of an act the verb is done over is that act's
    ("Police arrested six suspects over an attack on 3 May 2024 that killed a teacher.", "arrested", None),
    ("Police arrested six suspects over the 3 May attack on the market.", "arrested", None),
    # "for" after a verb names what is asked for: the date is the verb's
    ("The government called for a ceasefire on 2 May 2024.", "called", "2024-05-02"),
    # in_connection_verbs: "arrested … in the bombing" is in connection with it, not during it
    ("Five men were convicted on 3 May 2024 in the killing of a journalist.", "killing", None),
    # each label its own note's date (the splitter no longer cuts "6 | Apr:")
    ("5 Apr: Gunmen ambushed a convoy near Afgoye.\n6 Apr: Police arrested ten suspects in Mogadishu.", "arrested", "2024-04-06"),
])
def test_a_date_of_another_act_is_not_the_verbs(extractor, text, trigger, day):
    x, names = _run(extractor, text, date(2024, 6, 15))
    event = next(e for e in x.events if e.trigger == trigger)
    assert (event.when.start if event.when else None) == day, x.events


@pytest.mark.parametrize("text, published, trigger, day", [
    # events.time._names_a_thing: a date naming a noun is that thing's, so the label dates the march
    ("Lusaka, 4 March 2025: opposition supporters marched on parliament in protest at the results of the "
     "12 August election.", date(2025, 3, 5), "marched", "2025-03-04"),
    ("Soldiers detained the mayor under the 2019 emergency law.", date(2025, 3, 5), "detained", None),
    # ... but the act's own noun, a noun framing it and what the act made keep theirs
    ("Three guards were killed in the 14 May 2024 clashes at the depot.", date(2024, 6, 1), "killed", "2024-05-14"),
    ("The fighters had signed the 2016 peace accord.", date(2024, 6, 1), "signed", "2016"),
    # a label's date dates even an act that is done by saying it ("signed", "agreed")
    ("Nairobi, 9 June 2024: the two factions signed a power-sharing agreement.", date(2024, 6, 10), "signed", "2024-06-09"),
    # "the previous day" counts from the last date told, a report's too
    ("As reported on 20 March 2024, soldiers arrested a rebel commander in Goma the previous day.", date(2024, 3, 21),
     "arrested", "2024-03-19"),
    # a date of an infinitive on the act's object is that clause's ("to begin the next day")
    ("On 3 April 2024 the army and the rebels agreed to a truce to begin the next day.", date(2024, 4, 4), "agreed",
     "2024-04-03"),
    ("The envoy said the parties had agreed to a truce, to start at noon the next day.", date(2024, 4, 4), "agreed", None),
    # "at 1900 hrs" is a time of day, not the year 1900
    ("The rebels agreed to a ceasefire to take effect at 1900 hrs.", date(2024, 4, 4), "agreed", None),
    # time.toml narrative_offsets: counted from a statement's date too
    ("Officials said on 4 March 2024 that gunmen had killed nine herders two days earlier.", date(2024, 3, 5), "killed",
     "2024-03-02"),
    ("Police said on 5 August 2024 that a mob had torched the station the previous night.", date(2024, 8, 6), "torched",
     "2024-08-04"),
])
def test_what_a_date_dates(extractor, text, published, trigger, day):
    x, names = _run(extractor, text, published)
    event = next(e for e in x.events if e.trigger == trigger)
    assert (event.when.start if event.when else None) == day, x.events


@pytest.mark.parametrize("text, published, trigger, day", [
    # events.time._named_noun: a date opening a clause names no subject the parser hung it on,
    # so it stays the story's date for what follows it
    ("On 4 March militants attacked a base in Menaka. Three soldiers were killed.", date(2024, 3, 6), "killed", "2024-03-04"),
    ("On 14 February militants attacked the post, killing 12. The next day, troops retook it.", date(2024, 2, 20),
     "retook", "2024-02-15"),
    # a day's part, and an occasion the act took place at or during, keep the date
    ("Militants attacked a checkpoint on Monday morning near Gao.", date(2024, 6, 15), "attacked", "2024-06-10"),
    ("Gunmen attacked a polling station during the 9 October election in Nampula.", date(2023, 10, 12), "attacked",
     "2023-10-09"),
    ("Police arrested 40 people at Saturday's march in London.", date(2024, 6, 16), "arrested", "2024-06-15"),
    # a thing named at a sentence's opening is still named ("Under the 2010 law, …")
    ("Under the 2010 military service law, the army conscripted thousands of men.", date(2024, 6, 15), "conscripted", None),
    # a future clause's date is no date the story counts from
    ("On 3 May rebels attacked Goma. Talks are due to open on 20 May. The next day, the army shelled rebel positions.",
     date(2024, 5, 6), "shelled", "2024-05-04"),
    # a purpose told with the act keeps the act's date; a year before "local" is a year
    ("The army launched an offensive to retake Mosul on 17 October 2016.", date(2016, 10, 18), "offensive", "2016-10-17"),
    ("In 2019 local militias attacked the town of Djibo.", date(2024, 6, 15), "attacked", "2019"),
])
def test_what_a_date_dates_near_misses(extractor, text, published, trigger, day):
    x, names = _run(extractor, text, published)
    event = next(e for e in x.events if e.trigger == trigger)
    assert (event.when.start if event.when else None) == day, x.events


def test_a_time_of_day_is_no_date(extractor):
    # nlp.components factions_date_spans: "1900 hrs" becomes a TIME
    doc = extractor.nlp("The truce began at 1900 hrs on Friday.")
    assert "1900" not in [e.text for e in doc.ents if e.label_ == "DATE"], [(e.text, e.label_) for e in doc.ents]
    # ... but a year before "local" is a year unless "time" follows (dates.is_clock_time)
    assert is_clock_time("0630", ["local", "time"]) and not is_clock_time("2024", ["local", "elections"])


@pytest.mark.parametrize("text, trigger, kind", [
    # events.toml: conscription is a mobilisation (an airdrop is not aid by itself: troops and leaflets are airdropped)
    ("The junta said it would conscript 5,000 young men a month.", "conscript", "MOBILIZE"),
    ("The junta announced the conscription of all reservists.", "conscription", "MOBILIZE"),
])
def test_conscription_is_a_mobilisation(extractor, text, trigger, kind):
    x, names = _run(extractor, text, date(2024, 6, 1))
    assert any(e.trigger == trigger and e.type == kind for e in x.events), x.events


@pytest.mark.parametrize("text, trigger, actor, recipient", [
    # nlp.components._object_of_a_conjunct: the noun after a joined past verb is its object
    ("On 3 May 2024, soldiers forced the bus to stop near the border, citing a security alert, then detained "
     "opposition activist Omar Said, a passenger.", "detained", "soldiers", "Omar Said"),
    ("Gunmen forced the convoy to halt, then seized aid worker John Smith, a driver.", "seized", "Gunmen", "John Smith"),
    # factions_date_spans: an age is no date, so the person it describes is named
    ("The mayor was shot by a 41-year-old man outside the court.", "shot", "a 41-year-old man", "The mayor"),
    ("Militiamen abducted a 17-year-old student near the school.", "abducted", "Militiamen", "a 17-year-old student"),
    # events.toml: a stabbing is an attack
    ("A man stabbed three worshippers at the shrine.", "stabbed", "A man", "three worshippers"),
    # nominals.toml person heads: pupils, concertgoers and police as notes name them
    ("Bandits abducted 80 schoolchildren from a boarding school.", "abducted", "Bandits", "schoolchildren"),
    ("Gunmen opened fire on concertgoers outside the arena.", "opened", "Gunmen", "concertgoers"),
    ("Rioters clashed with gardaí in the city centre.", "clashed", "Rioters", "gardaí"),
])
def test_who_did_it_to_whom_in_notes(extractor, text, trigger, actor, recipient):
    x, names = _run(extractor, text, date(2024, 6, 1))
    event = next(e for e in x.events if e.trigger == trigger)
    spans = lambda ss: [text[s.start:s.end] for s in ss]
    assert actor in spans(event.actor_spans) and recipient in spans(event.recipient_spans), x.events


def test_a_joined_verb_that_takes_no_object_keeps_its_subject(extractor):
    # model_view.toml parse_repairs.inverting_verbs
    x, names = _run(extractor, "The rebels shelled the town and then came the reinforcements.", date(2024, 6, 1))
    assert not [e for e in x.events if e.trigger == "came" and e.recipients], x.events


def test_a_fate_shared_is_no_side_and_an_item_of_its_own_is_no_ones(extractor):
    # relations.toml alongside.fates: dying along with others is no alliance
    text = "Four tourists died in the blast at the hotel, along with the two bombers."
    x, names = _run(extractor, text, date(2024, 6, 1))
    assert not [r for r in x.relations if r.type == "allied_with"], x.relations
    # ... but acting along with them is (relations.alongside)
    x, names = _run(extractor, "Kenya, along with Uganda, sent troops to Somalia.", date(2024, 6, 1))
    assert any(r.type == "allied_with" for r in x.relations), x.relations
    # relations.equipment-of: "their cars and an armoured truck" - the truck is no more theirs
    text = "The officers returned fire from behind their cars and an armoured truck."
    x, names = _run(extractor, text, date(2024, 6, 1))
    owned = {names[r.source] for r in x.relations if r.type == "owned_by"}
    assert any("car" in o for o in owned) and not any("truck" in o for o in owned), x.relations


@pytest.mark.parametrize("text, place, attacked", [
    # events.extract._where_at: "at" on a verb with an object of its own says where, not what is aimed at
    ("Gunmen shot the guards at the gate of the embassy.", "the gate", False),
    ("Gunmen shot at the gate of the embassy.", "the gate", True),
    ("Ka-52 helicopters fired rockets at army positions near the runway.", "army positions", True),
    # sites named in the plural are places attacked (nominals.toml place heads), and what saboteurs blow up
    ("Militants blew up three residential compounds in the capital.", "compounds", True),
    ("Saboteurs blew up an oil pipeline near the border.", "pipeline", True),
])
def test_where_an_assault_was_done_and_what_it_was_aimed_at(extractor, text, place, attacked):
    x, names = _run(extractor, text, date(2024, 6, 1))
    hit = [r for r in x.relations if r.rule == "relations.attacked-place" and place in text[r.target_span.start:r.target_span.end]]
    assert bool(hit) == attacked, x.relations


def test_working_with_people_or_a_body_is_an_alliance_not_with_vague_company(extractor):
    # events.toml named_partners_only, vague_partner_heads
    x, names = _run(extractor, "Police will work with soldiers at checkpoints on the main roads.", date(2025, 6, 1))
    assert ("Police", "soldiers") in _spans(x, "allied_with"), x.relations
    x, names = _run(extractor, "The United Kingdom will work with its allies to end the war.", date(2025, 6, 1))
    assert not _spans(x, "allied_with"), x.relations


def test_people_of_two_parties_described_alike_are_two(extractor):
    # actors.resolve._party_of: "members of X" and "members of Y" are not one actor
    text = "Members of the G9 gang federation clashed with members of the rival G-Pep gang in Cite Soleil."
    x, names = _run(extractor, text, date(2022, 7, 10))
    event = next(e for e in x.events if e.trigger == "clashed")
    assert event.actors and event.recipients and set(event.actors).isdisjoint(event.recipients), x.events
    assert any(r.type == "fights" for r in x.relations), x.relations
    # the same people named again are still one
    x, names = _run(extractor, "Members of the militia attacked the village. The members later fled.", date(2022, 7, 10))
    (actor,), = [e.actors for e in x.events if e.trigger == "attacked"]
    assert [e.actors for e in x.events if e.trigger == "fled"] == [[actor]], x.events


@pytest.mark.parametrize("text, trigger, recipient", [
    # nominals.toml person heads: civilians named by what they were doing
    ("Militants opened fire on tourists near the lake, killing 25.", "opened", "tourists"),
    ("A car bomb exploded among commuters at the bus terminal, and gunmen then shot at motorists.", "shot", "motorists"),
])
def test_civilians_named_by_what_they_were_doing_are_attacked(extractor, text, trigger, recipient):
    x, names = _run(extractor, text, date(2025, 6, 1))
    (_, recipients), = _parties(x, trigger)
    assert recipient in recipients, x.events
    # not a kind of place ("the Mariri tourist camp")
    x, names = _run(extractor, "Rebels attacked the Mariri tourist camp on Sunday.", date(2025, 6, 1))
    assert not any(m.text.endswith("tourist") for m in x.mentions), x.mentions


@pytest.mark.parametrize("text, trigger, actor, recipient", [
    # nlp.components._party_after_a_duration: "with"/"against" after "for hours" is the act's
    ("Soldiers exchanged fire for several hours with armed smugglers near the border post.", "exchanged", "Soldiers", "smugglers"),
    ("Militia fighters clashed for two days with army troops in the hills.", "clashed", "fighters", "army troops"),
    ("Rebels fought over three nights against government troops around the airport.", "fought", "Rebels", "government troops"),
])
def test_the_other_side_after_a_span_of_time(extractor, text, trigger, actor, recipient):
    x, names = _run(extractor, text, date(2024, 6, 1))
    (actors, recipients), = _parties(x, trigger)
    assert any(actor in a for a in actors) and any(recipient in r for r in recipients), x.events
    # a "with" on a span of time that is no act's stays the span's ("a week with no fighting")
    x, names = _run(extractor, "The town had a week with no shelling, residents said.", date(2024, 6, 1))
    assert not any(e.type == "ASSAULT" and e.actors for e in x.events), x.events


@pytest.mark.parametrize("text, kind", [
    # events.toml phrases: "call up" a force is a mobilisation (aimed at participants.mobilised_heads);
    # "call on" is a request; calling up a person or a player is neither
    ("The army called up 20,000 reservists after the border clashes.", "MOBILIZE"),
    ("The government called up two reserve brigades.", "MOBILIZE"),
    ("The defence ministry called on reservists to report to their units.", "REQUEST"),
    ("The president called up the leader of the opposition to discuss the crisis.", "CONSULT"),
    ("The striker was called up to the national team.", None),
])
def test_calling_up_a_force(extractor, text, kind):
    x, names = _run(extractor, text, date(2024, 6, 1))
    assert [e.type for e in x.events if e.trigger == "called"] == ([kind] if kind else []), x.events


@pytest.mark.parametrize("text, trigger, day", [
    # events.time._when: a clause told as at the time of what it hangs on ("when", "as",
    # "while"), with no date of its own, is dated by it: the verb's clause or the day itself
    ("Four police officers died on 2 March 2023 when a roadside bomb struck their vehicle.", "struck", "2023-03-02"),
    ("Six people were wounded on 9 July 2022 as gunmen raided the market.", "raided", "2022-07-09"),
])
def test_a_clause_at_the_time_of_another_takes_its_date(extractor, text, trigger, day):
    x, names = _run(extractor, text, date(2024, 6, 1))
    assert _date_of(x, trigger) == day, x.events
    # not a clause told as at another time ("a week after militants attacked the base")
    x, names = _run(extractor, "The minister resigned on 4 May 2023, a week after militants attacked the base.", date(2024, 6, 1))
    assert _date_of(x, "attacked") != "2023-05-04", x.events


@pytest.mark.parametrize("text, trigger, recipient", [
    # actors.index._subject_kind_words: a clause's object is not its subject's own side
    ("Gunmen fired on police at the checkpoint, and a police sniper killed two of them.", "killed", "Gunmen"),
    ("Troops fought the rebels near the river, and a rebel fighter killed three of them.", "killed", "Troops"),
])
def test_an_object_pronoun_is_not_the_doers_own_side(extractor, text, trigger, recipient):
    x, names = _run(extractor, text, date(2024, 6, 1))
    (actors, recipients), = _parties(x, trigger)
    assert recipients == [recipient], x.events


@pytest.mark.parametrize("text, trigger, day", [
    # events.time._occurred (time.toml occurrence_verbs): the main verb that says an act named
    # before it happened dates it, even where the parser hung the act elsewhere in a long subject
    ("Fighting between members of the Red Star gang and rival inmates from the Blue Hand and the Iron Fist broke out "
     "inside the central prison in Port Vale on 28 September 2021.", "Fighting", "2021-09-28"),
    ("Clashes between army-backed militiamen and Free Valley Front fighters erupted near the airport on 13 June 2018.",
     "Clashes", "2018-06-13"),
])
def test_an_act_said_to_break_out_takes_its_date(extractor, text, trigger, day):
    x, names = _run(extractor, text, date(2024, 6, 1))
    assert _date_of(x, trigger) == day, x.events
    # not across a clause of its own ("Fighting that the army began in May continued on 3 June")
    x, names = _run(extractor, "The fighting that the army started on 2 May 2021 continued for weeks.", date(2024, 6, 1))
    assert _date_of(x, "fighting") in (None, "2021-05-02"), x.events
    # nor an act inside another subject: the trial began on 4 June, not the bombing
    x, names = _run(extractor, "The trial of the men accused of the 2019 bombing began on 4 June 2024.", date(2024, 6, 5))
    assert _date_of(x, "bombing") in (None, "2019"), x.events


@pytest.mark.parametrize("text, trigger, day", [
    # nlp.components.make_date_spans: a full date the model took for a name (a work, an
    # event; often a recent year's) is a date
    ("Before dawn on 14 March 2025, border guards seized a fishing boat off the cape.", "seized", "2025-03-14"),
    ("In the early hours of 3 June 2025, naval forces detained twelve fishermen near the strait.", "detained", "2025-06-03"),
    # events.time._dated_sentence: a span of time is no date of the sentence, so a note's label dates it
    ("Harbourtown, 12 May 2021: Rebel fighters seized the governor's office after three days of clashes.", "seized", "2021-05-12"),
    # events.time._same_time: an "after" or "before" close in time shares the day
    ("Shortly after shelling began at dawn on 6 May 2022, militia fighters stormed the border post.", "stormed", "2022-05-06"),
    # events.time._in_progress: what the victims were doing on the day dates the act on them
    ("Gunmen killed five farmers who were harvesting maize near the river on 19 August 2020.", "killed", "2020-08-19"),
    # events.time._going_on_when_said: an act told in the progressive as a cue's verb says it
    ("The army chief announced on 2 March 2023 that his troops were withdrawing from the hill town.", "withdrawing", "2023-03-02"),
    # events.time._in_own_phrase: a "when" clause read as an adverb, not a mark, still shares the act's time
    ("Nine people were killed when a bomber set off explosives on a bus near the market on 5 April 2019.", "killed", "2019-04-05"),
])
def test_dates_the_model_or_the_clause_hid(extractor, text, trigger, day):
    x, names = _run(extractor, text, date(2025, 6, 10))
    assert _date_of(x, trigger) == day, x.events


def test_dates_that_stay_apart(extractor):
    # long after, and a state said in the progressive of a plan, keep their own time
    x, names = _run(extractor, "Weeks after the floods ended on 2 May 2022, rebels attacked the relief camp.", date(2024, 6, 1))
    assert _date_of(x, "attacked") != "2022-05-02", x.events
    x, names = _run(extractor, "The minister said on 4 May 2023 that the troops will be withdrawing next year.", date(2024, 6, 1))
    assert _date_of(x, "withdrawing") != "2023-05-04", x.events
    # "who were" a relative clause's own act at another time ("who had fought") keeps its date
    x, names = _run(extractor, "Police arrested two men who had attacked the depot on 3 January 2021.", date(2024, 6, 1))
    assert _date_of(x, "arrested") != "2021-01-03", x.events


@pytest.mark.parametrize("text, trigger, kind", [
    # events.toml: "set off" an explosive is an attack (participants.explosive_heads); "launch … at"
    ("A suicide bomber set off a device outside the police station, killing four.", "set", "ASSAULT"),
    ("The group launched dozens of rockets at the city overnight.", "launched", "ASSAULT"),
    ("The arrests set off protests in the capital.", "set", None),
    ("The convoy set off for the border at dawn.", "set", None),
    # AID when_object supplies: goods handed over (participants.supplies_heads), not words
    ("The Red Cross delivered food and medicine to the besieged town.", "delivered", "AID"),
    ("Its backers sent weapons and ammunition to the rebels.", "sent", "AID"),
    ("The minister delivered a speech to parliament.", "delivered", None),
    ("The ministry sent a letter to the embassy.", "sent", None),
])
def test_charges_set_off_and_goods_delivered(extractor, text, trigger, kind):
    x, names = _run(extractor, text, date(2024, 6, 1))
    assert [e.type for e in x.events if e.trigger == trigger] == ([kind] if kind else []), x.events


@pytest.mark.parametrize("text", [
    # events.triggers.allied_adjective: "and allied X" read as a verb is the adjective still,
    # past the partner's bracketed acronym
    "On 3 May 2021, government troops and allied Sunrise Brigade fighters captured the airport.",
    "The Northern Liberation Army (NLA) and allied Hill Defence units overran two army bases.",
])
def test_allied_as_a_verb_is_the_adjective(extractor, text):
    x, names = _run(extractor, text, date(2024, 6, 1))
    assert not any(e.trigger == "allied" for e in x.events), x.events
    assert any(r.type == "allied_with" for r in x.relations), x.relations


@pytest.mark.parametrize("text, target", [
    # events.extract.protest_aims (rule events.protest-aim): a protest is against whom its demand names
    ("Thousands of people rallied outside parliament on Sunday to demand the resignation of Prime Minister Ana Ruiz.", "Ana Ruiz"),
    ("Students marched through the capital, demanding the removal of President Jon Varga.", "Jon Varga"),
    # the demand on a protest the march is held in
    ("Tens of thousands of teachers marched through the capital on Monday in a national strike demanding the resignation "
     "of Minister Jon Varga.", "Jon Varga"),
])
def test_a_protest_is_against_whom_its_demand_names(extractor, text, target):
    x, names = _run(extractor, text, date(2024, 6, 1))
    protest = next(e for e in x.events if e.type == "PROTEST")
    assert [names[r] for r in protest.recipients] == [target] and protest.rule == "events.protest-aim", x.events
    # not a demand with a subject of its own, nor one against a protest that names its target
    x, names = _run(extractor, "Thousands of people rallied outside parliament while the unions demanded the resignation of "
                    "Prime Minister Ana Ruiz.", date(2024, 6, 1))
    assert not any(e.rule == "events.protest-aim" for e in x.events), x.events


@pytest.mark.parametrize("text, trigger, actor, recipient", [
    # nlp.components._people_read_as_verb: a plural that names people, read as the verb after
    # "when" (model_view.toml parse_repairs subordinators), is the subject of the past verb after it
    ("The riot began on Monday, when prisoners overpowered guards in the kitchen of C wing.", "overpowered", "prisoners", "guards"),
    ("The siege started on Friday, when militants returning from the hills attacked soldiers at the gate.", "attacked", "militants", "soldiers"),
])
def test_people_read_as_the_verb_of_their_clause(extractor, text, trigger, actor, recipient):
    x, names = _run(extractor, text, date(2024, 6, 1))
    (actors, recipients), = _parties(x, trigger)
    assert any(actor in a for a in actors) and any(recipient in r for r in recipients), x.events


@pytest.mark.parametrize("text, trigger, actor, when", [
    # arguments.taking_part (participants.participation): who takes part in an act does it, on the verb's date
    ("Hundreds of students took part in a rally against the junta in Mandalay.", "rally", "students", None),
    ("On 26 November 2020, thousands of farmers set off on a march to the capital.", "march", "farmers", "2020-11-26"),
    ("Dock workers participated in protests outside the port authority.", "protests", "workers", None),
    # a march joined is the event, no cooperation with anyone (triggers: joining_verbs)
    ("On 11 November 2023, about 300,000 people joined a march through the capital.", "march", "people", "2023-11-11"),
])
def test_who_takes_part_in_a_protest_protests(extractor, text, trigger, actor, when):
    x, names = _run(extractor, text, date(2024, 6, 1))
    event = next(e for e in x.events if e.trigger == trigger)
    assert event.type == "PROTEST" and actor in [text[s.start:s.end] for s in event.actor_spans], x.events
    assert _date_of(x, trigger) == when
    assert not any(e.type == "COOPERATE" for e in x.events), x.events


@pytest.mark.parametrize("text, trigger, kind", [
    # events.toml CONCEDE: a party's own arms given up (participants.own_arms_heads), no aid
    ("The rebels laid down their arms in Bunia.", "laid", "CONCEDE"),
    ("Two hundred fighters handed over their weapons to UN monitors.", "handed", "CONCEDE"),
    ("About 30 fighters burned their weapons at a ceremony outside the cave.", "burned", "CONCEDE"),
    # captives handed over are released (the "over 20" of a count read back as the particle)
    ("Pakistan handed over the captured pilot to Indian officials.", "handed", "CONCEDE"),
    ("The rebels handed over 20 hostages to the Red Cross.", "handed", "CONCEDE"),
    # not arms of its own, nor arms at all
    ("The militia burned the depot near the river.", "burned", "ASSAULT"),
    ("The rebels destroyed three army tanks near Goma.", "destroyed", "ASSAULT"),
])
def test_arms_given_up_are_a_concession(extractor, text, trigger, kind):
    x, names = _run(extractor, text, date(2024, 6, 1))
    assert [e.type for e in x.events if e.trigger == trigger] == [kind], x.events
    assert not any(e.type == "AID" for e in x.events), x.events


@pytest.mark.parametrize("text, threatened", [
    # events.toml THREATEN by_complement nouns: a hostile act named by a noun
    ("The president vowed revenge against the United States.", "the United States"),
    ("The movement warned of retaliation against Israel if the evictions went ahead.", "Israel"),
    ("The Supreme Leader warned that Israel had prepared a harsh punishment for itself.", "Israel"),
])
def test_a_vow_of_revenge_is_a_threat(extractor, text, threatened):
    x, names = _run(extractor, text, date(2024, 6, 1))
    event = next(e for e in x.events if e.type == "THREATEN")
    assert threatened in [text[s.start:s.end] for s in event.recipient_spans], x.events


def test_a_warning_of_consequences_is_no_threat(extractor):
    x, names = _run(extractor, "The minister warned of the consequences of the drought.", date(2024, 6, 1))
    assert not any(e.type == "THREATEN" for e in x.events), x.events


@pytest.mark.parametrize("text, trigger, target", [
    # events.toml ASSAULT phrases aimed "vehicle": a vehicle driven into its target
    ("A man rammed a hijacked truck into the crowded market, killing 11 people.", "rammed", None),
    ("Three attackers drove a van into pedestrians on the bridge.", "drove", "pedestrians"),
    ("A suicide bomber rammed an explosives-laden car into the gate of the army base.", "rammed", None),
    # the vehicle as the subject, driven at people
    ("A van driven by a local man ploughed into pedestrians on the promenade.", "ploughed", "pedestrians"),
])
def test_a_vehicle_driven_into_a_crowd_is_an_attack(extractor, text, trigger, target):
    x, names = _run(extractor, text, date(2024, 6, 1))
    event = next(e for e in x.events if e.trigger == trigger)
    assert event.type == "ASSAULT", x.events
    spans = [text[s.start:s.end] for s in event.recipient_spans]
    assert (target in spans) if target else not any(w in " ".join(spans) for w in ("truck", "car")), x.events
    # the vehicle is the means, never a thing attacked
    assert not any(r.type == "attacks" and text[r.target_span.start:r.target_span.end].endswith(("truck", "car"))
                   for r in x.relations), x.relations


@pytest.mark.parametrize("text", [
    "He drove the car into the garage.",
    "The storm drove the ship into the harbour.",
])
def test_driving_into_no_party_is_no_attack(extractor, text):
    x, names = _run(extractor, text, date(2024, 6, 1))
    assert not any(e.type == "ASSAULT" for e in x.events), x.events


@pytest.mark.parametrize("text, place", [
    # participants.blast_sites: where a charge set off goes off is what it was aimed at
    ("Two suicide bombers detonated explosives at the gate of the cathedral, wounding 20 people.", "the gate"),
    ("A suicide bomber detonated his vest outside the police headquarters in Kandahar.", "the police headquarters"),
    ("Militants set off a car bomb at a checkpoint near the port.", "a checkpoint"),
])
def test_where_a_bomb_goes_off_is_attacked(extractor, text, place):
    x, names = _run(extractor, text, date(2024, 6, 1))
    assert any(r.type == "attacks" and text[r.target_span.start:r.target_span.end] == place for r in x.relations), x.relations


def test_a_bomb_set_off_in_a_town_attacks_no_town(extractor):
    text = "Militants detonated a bomb in Kandahar on Monday."
    x, names = _run(extractor, text, date(2024, 6, 1))
    assert not any(r.type == "attacks" for r in x.relations), x.relations


@pytest.mark.parametrize("text, trigger, kind", [
    # events.toml PROTEST nouns_by_modifier: a hunger or general strike is a protest, not a blow
    ("The activist embarked on a hunger strike on 2 April 2022 inside the prison.", "strike", "PROTEST"),
    ("Teachers began a general strike on 3 March 2023 over unpaid salaries.", "strike", "PROTEST"),
    ("US drones carried out a strike on a compound near the border.", "strike", "ASSAULT"),
    ("In February 1921 workers in Petrograd went on strike.", "went", "PROTEST"),
    ("In February 1921 workers in Petrograd went on strike.", "strike", None),
    # PROTEST not_by: armed forces on a march move, they do not protest
    ("Wagner Group fighters went on a march toward Moscow on 24 June 2023.", "march", None),
    ("The 93rd Mechanised Brigade set off on a march to positions near the front.", "march", None),
    # CONCEDE: bare "arms" handed to another side is no surrender
    ("Government soldiers handed over arms to the militia in the south.", "handed", None),
    # AID passive_needs_agent: arms carried, not given
    ("The hijackers were armed with knives and pistols.", "armed", None),
    ("The rebels were armed by a neighbouring government.", "armed", "AID"),
    # PROTEST verbs_by_doer: roads blocked by people protesting (troops block by force)
    ("Transport workers and other protesters blocked roads with burning tyres in the capital.", "blocked", "PROTEST"),
    ("Troops blocked the road to the airport.", "blocked", "COERCE"),
    ("Near the village, residents blocked a column of army vehicles.", "blocked", "COERCE"),
])
def test_strikes_marches_and_arms_by_who_does_them(extractor, text, trigger, kind):
    x, names = _run(extractor, text, date(2024, 6, 1))
    assert [e.type for e in x.events if e.trigger == trigger] == ([kind] if kind else []), x.events


def test_a_unit_of_a_described_force_is_its_member_not_its_body(extractor):
    # relations.members-of-body: "a tactical unit of the national police" (the body is described, not people)
    text = "Officers of an elite tactical unit of the national police stormed the flat."
    x, names = _run(extractor, text, date(2024, 6, 1))
    spans = {(r.type, text[r.source_span.start:r.source_span.end], text[r.target_span.start:r.target_span.end]) for r in x.relations}
    assert ("member_of", "an elite tactical unit", "the national police") in spans, spans
    assert ("member_of", "the national police", "an elite tactical unit") not in spans, spans


def test_arms_given_by_an_agent_of_joined_passives_are_aid(extractor):
    # AID passive_needs_agent: the agent may hang on the last of joined verbs
    text = "These groups are armed, funded and directed by the Revolutionary Guards."
    x, names = _run(extractor, text, date(2024, 6, 1))
    assert any(e.type == "AID" and e.trigger == "armed" for e in x.events), x.events


def test_a_note_without_a_publication_date_is_read_from_its_label(extractor):
    # events.time.anchored_by_label: the label's day anchors dates without a year and weekdays
    text = ("Mogadishu, 14 March 2024: Hundreds of students took part in a rally outside the parliament on Thursday. "
            "On 12 March, 40 fighters of the group laid down their arms in Baidoa.")
    x, names = _run(extractor, text, None)
    assert _date_of(x, "rally") == "2024-03-14" and _date_of(x, "laid") == "2024-03-12", x.events


def test_a_claim_in_a_note_without_a_publication_date_is_dated_from_its_label(extractor):
    # nlp.components.anchored_by_label, read by claims.channels._said_on as by the events
    text = ("Kismayo, 9 April 2024: The regional administration said on Monday that the road was open. "
            "Elders said the talks would resume.")
    x, _ = _run(extractor, text, None)
    dated = {x.document.text[c.content_span.start : c.content_span.end]: (c.said_on and c.said_on.start, c.said_on_basis) for c in x.claims}
    assert dated == {"the road was open": ("2024-04-08", "text"), "the talks would resume": ("2024-04-09", "text")}, x.claims
    # with no label, nothing dates an undated claim
    x, _ = _run(extractor, "The regional administration said on Monday that the road was open.", None)
    assert [(c.said_on, c.said_on_basis) for c in x.claims] == [(None, "unknown")]


def test_a_year_in_a_models_name_is_no_date(extractor):
    # nlp.components._designation: "Mirage 2000 jets" (time.toml date_spans.year_names keep "Christmas 2019")
    text = "Indian Air Force Mirage 2000 jets bombed a camp near Balakot on 26 February 2019."
    x, _ = _run(extractor, text, date(2019, 3, 1))
    assert _date_of(x, "bombed") == "2019-02-26", x.events
    assert not [m for m in x.mentions if m.text == "2000"], x.mentions
    x, _ = _run(extractor, "The Christmas 2019 attack on the market killed ten people.", date(2024, 6, 1))
    assert [m.text for m in x.mentions if m.label == "DATE"] == ["Christmas 2019"], x.mentions


def test_a_shot_fired_from_a_place_at_someone_is_aimed_at_them(extractor):
    # nlp.components._aimed_from_a_place: the "at" the parser hung on the rooftop is the verb's
    text = "A gunman, Thomas Crooks, fired eight rounds from a rooftop at former President Donald Trump."
    x, _ = _run(extractor, text, date(2024, 7, 14))
    event = next(e for e in x.events if e.trigger == "fired")
    assert event.type == "ASSAULT" and "Donald Trump" in [text[s.start:s.end] for s in event.recipient_spans], x.events
    # a place after the place fired from is where it is
    x, _ = _run(extractor, "Snipers fired from a house at the corner of the square.", date(2024, 7, 14))
    assert not [r for r in x.relations if r.type == "fights"], x.relations


def test_attackers_in_disguise_are_the_attackers(extractor):
    # nlp.components._disguise_read_as_clause: "dressed as police" is what they wore
    text = "Three gunmen dressed as police stormed the maternity ward of the hospital in western Kabul."
    x, _ = _run(extractor, text, date(2020, 5, 13))
    event = next(e for e in x.events if e.trigger == "stormed")
    assert [text[s.start:s.end] for s in event.actor_spans] == ["Three gunmen"], x.events
    assert ("Three gunmen", "the maternity ward") in _spans(x, "attacks"), x.relations


def test_people_taken_from_a_country_are_its_people_not_the_country(extractor):
    # events.arguments: "from" a state after people taken (relations.toml possessor.origin_people)
    x, _ = _run(extractor, "Gunmen kidnapped two students from Kenya near the border.", date(2024, 6, 1))
    event = next(e for e in x.events if e.trigger == "kidnapped")
    assert [x.document.text[s.start:s.end] for s in event.recipient_spans] == ["two students"], x.events
    assert not [r for r in x.relations if x.document.text[r.target_span.start:r.target_span.end] == "Kenya"], x.relations


def test_a_cue_in_a_clause_of_time_says_nothing_of_the_main_clause(extractor):
    # claims.content._content: "Soon after X declared …, Y happened" is no claim of X's about Y
    text = "Soon after the president declared martial law on 3 December 2024, the command deployed troops to the National Assembly."
    x, _ = _run(extractor, text, date(2024, 12, 4))
    assert not [c for c in x.claims if "deployed" in text[c.content_span.start:c.content_span.end]], x.claims
    assert _date_of(x, "deployed") == "2024-12-03", x.events  # told close after it (time.toml close_in_time)
    # "as he said" still says the main clause
    x, _ = _run(extractor, "The talks have begun, as the minister said.", date(2024, 12, 4))
    assert [x.document.text[c.content_span.start:c.content_span.end] for c in x.claims] == ["The talks have begun"], x.claims


def test_an_act_named_again_by_a_noun_is_dated_there(extractor):
    # events.time._dated_by_a_noun_again (time.toml remention_nouns)
    text = ("Two hikers were killed at their tent near Imlil by a group of local men, prosecutors said. "
            "The killings took place on the night of 16-17 December 2018; the bodies were found the next morning.")
    x, _ = _run(extractor, text, date(2018, 12, 20))
    assert _date_of(x, "killed") == "2018-12-16", x.events
    x, _ = _run(extractor, "Gunmen shot dead three teachers near the school. The previous killing took place on 3 May.", date(2018, 12, 20))
    assert _date_of(x, "shot") is None, x.events


def test_a_particle_given_the_object_leaves_it_the_verbs(extractor):
    # events.triggers._objects, events.arguments: "sealed off the compound" parsed with "off" as a preposition
    x, _ = _run(extractor, "Soldiers and police sealed off the compound.", date(2024, 6, 1))
    assert {("Soldiers", "the compound"), ("police", "the compound")} <= _spans(x, "attacks"), x.relations


def test_a_bracketed_name_after_a_list_names_its_last_item(extractor):
    # nlp.components._bracket_on_the_first_of_a_list: the parser hangs it on the first item
    text = "The Yemeni government and the Houthi movement (Ansar Allah) agreed at UN-led talks to a ceasefire."
    x, _ = _run(extractor, text, date(2018, 12, 14))
    event = next(e for e in x.events if e.trigger == "agreed")
    assert [text[s.start:s.end] for s in event.actor_spans] == ["The Yemeni government", "Houthi movement"], x.events


@pytest.mark.parametrize("text", [
    # events.toml CONCEDE "hand over" aimed at captives only; an act urged or persuaded is asked for
    "The outgoing commander handed over command of the 3rd Brigade to Colonel Amadou Diallo on 14 February 2022.",
    "Tribal elders persuaded the kidnappers on 7 March 2018 to hand over the two engineers.",
    "Mediators from Qatar urged Hamas on 2 November 2023 to hand over all remaining hostages.",
])
def test_no_handover_of_captives_where_none_was_made(extractor, text):
    x, _ = _run(extractor, text, date(2024, 6, 1))
    assert not [e for e in x.events if e.type == "CONCEDE"], x.events


def test_who_drove_a_vehicle_that_exploded_did_it_and_does_not_own_it(extractor):
    # events.participants._driving_participles (relations.toml equipment.driving_participles)
    text = "A car driven by a suicide bomber exploded at the gates of the parliament in Kabul on 22 June 2015."
    x, _ = _run(extractor, text, date(2015, 6, 23))
    event = next(e for e in x.events if e.trigger == "exploded")
    assert [text[s.start:s.end] for s in event.actor_spans] == ["a suicide bomber"], x.events
    assert not _spans(x, "owned_by"), x.relations


def test_who_an_act_named_as_a_passive_subject_was_claimed_by_did_it(extractor):
    # events.arguments: a light verb's agent ("the attack was claimed by JNIM", "was carried out by X")
    x, _ = _run(extractor, "A car bomb struck the camp on 22 July 2022. The attack was claimed by JNIM.", date(2022, 7, 23))
    event = next(e for e in x.events if e.trigger == "attack")
    assert [x.document.text[s.start:s.end] for s in event.actor_spans] == ["JNIM"], x.events
    # a denied agent is no doer, nor anyone's target (events.participants._nearest)
    text = "The army said that the shelling of Aleppo had been carried out by rebels, not by government forces."
    x, _ = _run(extractor, text, date(2016, 6, 9))
    event = next(e for e in x.events if e.trigger == "shelling")
    assert [text[s.start:s.end] for s in event.actor_spans] == ["rebels"] and not event.recipient_spans, x.events


def test_an_act_with_no_doer_takes_the_doers_of_its_later_mention(extractor):
    # rule events.doer-by-later-mention
    text = ("Two explosives-laden vehicles struck the military camp at Kati on 22 July 2022, killing a soldier. "
            "The attack was claimed by JNIM.")
    x, _ = _run(extractor, text, date(2022, 7, 23))
    struck = next(e for e in x.events if e.trigger == "struck")
    assert [text[s.start:s.end] for s in struck.actor_spans] == ["JNIM"], x.events
    assert ("JNIM", "a soldier") in _spans(x, "fights"), x.relations
    # another act of the kind names no doer of this one
    x, _ = _run(extractor, "Gunmen killed two soldiers near Gao. A bomb exploded at the market. The previous attack was claimed by ISGS.",
                date(2022, 7, 23))
    assert not next(e for e in x.events if e.trigger == "exploded").actor_spans, x.events


@pytest.mark.parametrize("text, doer, target", [
    # nlp.components._hedged_description_read_as_verb: "believed to be" read as the verb
    ("Gunmen, believed to be members of al-Shabaab, attacked a police patrol in Mogadishu on 1 March 2019.", "Gunmen", "a police patrol"),
    # ... or joined to it, and the rest of the sentence hung on "to be"
    ("A priest was abducted by armed men, thought to be jihadists, from his home in Bomoanga on 17 September 2018.", "armed men", "A priest"),
])
def test_a_hedged_description_of_a_noun_leaves_the_sentence_its_verb(extractor, text, doer, target):
    x, _ = _run(extractor, text, date(2019, 3, 2))
    event = next(e for e in x.events if e.type == "ASSAULT")
    assert [text[s.start:s.end] for s in event.actor_spans] == [doer], x.events
    assert [text[s.start:s.end] for s in event.recipient_spans] == [target], x.events
    assert event.when is not None and event.when.start.endswith(("-03-01", "-09-17")), x.events
    assert not [c for c in x.claims if c.cue in ("believed", "thought")], x.claims


def test_a_verb_read_as_joined_to_a_participle_on_its_subject_is_the_sentences(extractor):
    # nlp.components._main_verb_read_as_participle: "Investigators of X, backed by police, arrested Y"
    text = ("Investigators of the Corruption Investigation Office for High-ranking Officials (CIO), backed by police, "
            "arrested the former president at his residence early on 15 January 2025.")
    x, _ = _run(extractor, text, date(2025, 1, 16))
    event = next(e for e in x.events if e.trigger == "arrested")
    assert event.type == "COERCE" and event.when is not None and event.when.start == "2025-01-15", x.events


def test_a_closing_speaker_read_as_a_relative_clause_is_the_speaker(extractor):
    # nlp.components._speech_read_as_relative_clause
    text = ("The army drove the Derna Protection Force, an Islamist-led coalition, out of the centre of Derna, "
            "its last stronghold, the field marshal announced on 28 June 2018.")
    x, _ = _run(extractor, text, date(2018, 6, 29))
    claim = next(c for c in x.claims if c.cue == "announced")
    said = text[claim.content_span.start:claim.content_span.end]
    assert said.startswith("The army drove") and "announced" not in said, x.claims
    assert any(e.type == "ASSAULT" and e.trigger == "drove" for e in x.events), x.events  # "drove … out", the object described


@pytest.mark.parametrize("text, trigger, kind", [
    # model_view.toml past_forms: "overran" read as a name, not a verb
    ("Late on 28 May 2020, rioters overran and torched the police station.", "overran", "ASSAULT"),
    # events.toml: "pull back", "throw towards", a handover, aid in trucks
    ("On 7 October 2019, US troops pulled back from observation posts near the border.", "pulled", "RETREAT"),
    ("On 15 April 2023, a man threw a pipe bomb towards the prime minister at a fishing port.", "threw", "ASSAULT"),
    ("The guerrillas completed the handover of their weapons to the UN mission on 27 June 2017.", "handover", "CONCEDE"),
    ("On 21 August 2024, the World Food Programme sent 15 trucks of sorghum and salt into West Darfur.", "sent", "AID"),
])
def test_acts_of_the_classes_coders_code_are_found_and_dated(extractor, text, trigger, kind):
    x, _ = _run(extractor, text, date(2025, 1, 1))
    event = next((e for e in x.events if e.trigger == trigger), None)
    assert event is not None and event.type == kind and event.when is not None, x.events


def test_no_aid_in_a_partys_own_weapons_or_in_trucks_of_nothing_given(extractor):
    x, _ = _run(extractor, "The guerrillas completed the handover of their weapons to the UN mission on 27 June 2017.", date(2017, 6, 28))
    assert not [e for e in x.events if e.type == "AID"], x.events
    x, _ = _run(extractor, "The army sent 15 trucks of soldiers to the border on 3 May 2024.", date(2024, 5, 4))
    assert not [e for e in x.events if e.type == "AID"], x.events


def test_an_act_ordered_is_dated_by_the_order_and_a_named_days_night_dates_an_act(extractor):
    # time.toml ordered_acts; nlp.components date_spans: "Sunday night" tagged as a time
    text = "On Saturday (7 June), the president ordered 2,000 National Guard troops deployed to Los Angeles."
    x, _ = _run(extractor, text, date(2025, 6, 10))
    event = next(e for e in x.events if e.trigger == "deployed")
    assert event.when is not None and event.when.start == "2025-06-07", x.events
    text = ("MAIDUGURI, Nigeria, March 24 (Reuters) - Fighters attacked a military base in Borno state on Sunday night, "
            "two military sources told Reuters on Monday.")
    x, _ = _run(extractor, text, date(2025, 3, 24))
    event = next(e for e in x.events if e.trigger == "attacked")
    assert event.when is not None and event.when.start == "2025-03-23", x.events


def test_an_assault_with_no_doer_is_alleged_to_be_the_work_of_the_party_blamed(extractor):
    # rule events.doer-by-blame
    text = ("Missiles struck the airport in Aden on 30 December 2020, killing at least 22 people. "
            "The government blamed Houthi forces, saying the missiles had been fired from areas they control.")
    x, names = _run(extractor, text, date(2020, 12, 31))
    killing = next(e for e in x.events if e.trigger == "killing")
    assert killing.rule == "events.doer-by-blame" and killing.modality == "alleged", x.events
    assert "Houthi" in text[killing.actor_spans[0].start:killing.actor_spans[0].end], x.events
    assert any(r.type == "fights" and r.modality == "alleged" and r.event == killing.id for r in x.relations), x.relations
    # blamed for something else, or after an act whose doer is told: no doer given
    for text in ("Missiles struck the airport in Aden, killing 22 people. The government blamed the Houthis for the fuel shortage.",
                 "Gunmen killed five villagers near Gao. The government blamed al-Qaeda."):
        x, _ = _run(extractor, text, date(2020, 12, 31))
        assert not [e for e in x.events if e.rule == "events.doer-by-blame"], x.events


@pytest.mark.parametrize("text, trigger, doers", [
    # rule events.doer-by-claim: no "for" — the act told before it
    ("A roadside bomb killed four soldiers near Bardera on 9 May 2023. Al-Shabaab claimed responsibility.",
     "killed", ["Al-Shabaab"]),
    # "for" names the act, and what the phrase tells of it
    ("The Pakistani Taliban claimed responsibility for a suicide attack on a police post in Bannu that killed three officers.",
     "killed", ["Pakistani Taliban"]),
    # a definite noun names the earlier act again
    ("Rockets hit the perimeter of the airport in Erbil on 15 February 2021, killing two guards. "
     "Kataib Hezbollah, an Iran-backed militia, later claimed responsibility for the attack.", "killing", ["Kataib Hezbollah"]),
    # people told by a noun keep their place; the body named joins them
    ("A gunman opened fire on worshippers at a church in Owo on 5 June 2022. The Islamic State claimed credit for it.",
     "opened", ["A gunman", "Islamic State"]),
    # a pronoun for the act told before (events.toml when_object act_told)
    ("A car bomb tore through a market in Jowhar on 3 April 2023, killing eleven traders. Al-Shabaab claimed it in a radio broadcast.",
     "killing", ["Al-Shabaab"]),
    ("Two explosions ripped through a bus depot in Peshawar on 8 May 2023, killing six passengers. The Pakistani Taliban claimed both.",
     "killing", ["Pakistani Taliban"]),
])
def test_the_party_that_claims_an_act_with_no_named_doer_did_it_by_its_own_word(extractor, text, trigger, doers):
    # rule events.doer-by-claim
    x, _ = _run(extractor, text, date(2023, 6, 1))
    act = next(e for e in x.events if e.trigger == trigger)
    assert [text[s.start:s.end] for s in act.actor_spans] == doers, x.events
    drawn = [r for r in x.relations if r.event == act.id and r.type in ("fights", "attacks")
             and doers[-1] in text[r.source_span.start:r.source_span.end]]
    if len(doers) == 1:  # an act with no doer: the claimant's fights and attacks, alleged
        assert drawn and all(r.modality == "alleged" for r in drawn), x.relations
    else:  # beside people who did it ("A gunman … IS claimed credit"): the fights stay theirs
        assert drawn == [] and any(r.event == act.id and r.type == "fights" for r in x.relations), x.relations


@pytest.mark.parametrize("text", [
    "A roadside bomb killed four soldiers near Bardera on 9 May 2023. No group has claimed responsibility.",
    "A roadside bomb killed four soldiers near Bardera on 9 May 2023. Al-Shabaab denied responsibility.",
    # an act with a body as its doer between: the claim is of another act
    "A roadside bomb killed four soldiers near Bardera. The army shelled a village nearby. Al-Shabaab claimed responsibility.",
    # a pronoun for something else: what a party claims as its own, or says
    "A roadside bomb killed four soldiers near Bardera. Al-Shabaab claimed it as a victory for the faithful.",
    "A roadside bomb killed four soldiers near Bardera. Al-Shabaab claimed it was an accident.",
    "A roadside bomb killed four soldiers near Bardera. No group has claimed it.",
])
def test_a_claim_denied_or_of_another_act_names_no_doer(extractor, text):
    x, _ = _run(extractor, text, date(2023, 6, 1))
    killed = next(e for e in x.events if e.trigger == "killed")
    assert not killed.actors and killed.rule != "events.doer-by-claim", x.events


def test_kit_that_stood_for_the_doer_gives_way_to_the_party_named_later(extractor):
    # events.extract._give_doers: "a drone struck …", then "The Houthis claimed the attack"
    text = "A drone struck an apartment building in Tel Aviv, killing a man. The Houthis claimed the attack."
    x, _ = _run(extractor, text, date(2024, 7, 20))
    sources = {text[r.source_span.start:r.source_span.end] for r in x.relations if r.type in ("fights", "attacks")}
    assert sources == {"The Houthis"}, x.relations
    struck = next(e for e in x.events if e.trigger == "struck")
    assert [text[s.start:s.end] for s in struck.actor_spans] == ["The Houthis"], x.events


@pytest.mark.parametrize("text, body", [
    # nlp.components._command_area_names: a command named by its area, read as a place
    ('"The hostages came first," said the commander of the Fourth Military Region.', "Fourth Military Region"),
    # nlp.components._names_cut_at_and: a party's name cut at its "and"
    ("He spoke with the leader of the Social Democratic and Labour Party, John Hume.", "Social Democratic and Labour Party"),
])
def test_bodies_the_model_reads_as_places_or_cuts_in_two_lead_as_bodies(extractor, text, body):
    x, names = _run(extractor, text, date(2003, 5, 15))
    assert any(r.type == "leads" and body in text[r.target_span.start:r.target_span.end] for r in x.relations), x.relations


def test_a_crafts_name_is_kit_not_a_party(extractor):
    # actor_kinds.toml craft_before_names: "the tanker Stena Impero" is no body nor person
    text = "Iranian forces seized the British-flagged tanker Stena Impero in the Strait of Hormuz."
    x, _ = _run(extractor, text, date(2019, 7, 20))
    assert [a.kind for a in x.actors if a.name == "Stena Impero"] == ["equipment"], x.actors
    assert ("controls", "Stena Impero") in [(r.type, text[r.target_span.start:r.target_span.end]) for r in x.relations], x.relations
    # ... and what the act is aimed at, as coders code it
    seized = next(e for e in x.events if e.trigger == "seized")
    assert [text[s.start:s.end] for s in seized.recipient_spans] == ["Stena Impero"], x.events
    text = "On 24 February the patrol ship Vasily Bykov of the Russian navy approached the island."
    x, _ = _run(extractor, text, date(2022, 2, 25))
    assert [(r.type, text[r.target_span.start:r.target_span.end]) for r in x.relations] == [("owned_by", "the Russian navy")], x.relations
    # a weapon's word opening a sentence is no name either
    x, _ = _run(extractor, "Missiles struck the airport in Aden, killing 22 people.", date(2020, 12, 31))
    assert not [r for r in x.relations if r.type == "fights"], x.relations


@pytest.mark.parametrize("text", [
    # events.toml participants.left_without_retreat: a party leaves, no force draws back
    "The M23 pulled out of talks with the government on 3 March 2024.",
    "Burundi withdrew from the ICC in October 2017.",
    "The opposition candidate pulled out of the presidential race on 2 May 2021.",
])
def test_leaving_talks_a_court_or_a_race_is_no_retreat(extractor, text):
    x, _ = _run(extractor, text, date(2024, 6, 1))
    assert not [e for e in x.events if e.type == "RETREAT"], x.events


def test_troops_of_a_command_named_by_its_area_act_for_it(extractor):
    # nlp.components nominals: no place nominal inside the command's name
    text = "Soldiers of the Seventh Military Region clashed with Houthi fighters in Nihm district on 22 January 2020."
    x, _ = _run(extractor, text, date(2020, 1, 23))
    clash = next(e for e in x.events if e.trigger == "clashed")
    assert [text[s.start:s.end] for s in clash.actor_spans] == ["Seventh Military Region"], x.events


def test_a_relative_date_in_what_was_said_counts_from_the_day_it_was_said(extractor):
    # events.time._said_day
    text = "The defence ministry said on 3 May 2021 that its troops would begin pulling back from the border next week."
    x, _ = _run(extractor, text, date(2021, 6, 30))
    event = next(e for e in x.events if e.type == "RETREAT")
    assert event.when is not None and (event.when.start, event.when.end) == ("2021-05-10", "2021-05-16"), x.events
    assert event.modality != "asserted", x.events


def test_an_act_ordered_read_as_a_description_of_its_object_is_the_act(extractor):
    # nlp.components._ordered_act_read_as_description (model_view.toml ordering_verbs)
    text = "On Saturday (2 January), the president ordered 2,000 troops deployed to the port."
    x, _ = _run(extractor, text, date(2021, 1, 4))
    event = next(e for e in x.events if e.trigger == "deployed")
    assert event.type == "MOBILIZE" and event.when is not None and event.when.start == "2021-01-02", x.events
    # a participle with its agent describes the object
    x, _ = _run(extractor, "He ordered the weapons seized by the police destroyed.", date(2021, 1, 4))
    assert [e.trigger for e in x.events if e.type == "COERCE"] == ["seized"], x.events


def test_a_weekday_of_an_act_yet_to_come_is_the_next_one(extractor):
    # factions.dates.weekday_ahead, events.time._yet_to_come
    text = ("ISLAMABAD, Thursday 28 February 2019 - Prime Minister Imran Khan told parliament on Thursday that "
            "Pakistan would release the captured Indian pilot on Friday.")
    x, _ = _run(extractor, text, date(2019, 2, 28))
    event = next(e for e in x.events if e.type == "CONCEDE")
    assert event.when is not None and event.when.start == "2019-03-01", x.events
    # a past act's weekday stays the last one
    x, _ = _run(extractor, "The army said on Monday 28 February 2022 that rebels had attacked the town on Saturday.", date(2022, 3, 1))
    event = next(e for e in x.events if e.trigger == "attacked")
    assert event.when is not None and event.when.start == "2022-02-26", x.events


@pytest.mark.parametrize("text, trigger, kind, doer, target", [
    # events.toml ASSAULT phrases "to death": a killing told by its manner
    ("A crowd of villagers beat two cattle thieves to death near Mopti on 9 May 2022.", "beat", "ASSAULT", "crowd", "cattle thieves"),
    ("The activist was hacked to death by machete-wielding attackers near the market on 2 April 2016.", "hacked", "ASSAULT",
     "attackers", "activist"),
    # RETREAT nouns: "disengagement"
    ("The two armies began a disengagement along the river on 4 June 2021.", "disengagement", "RETREAT", "armies", None),
    # AID: arms handed to a party (participants.kit_given_verbs)
    ("Norway delivered eight howitzers to Ukraine on 12 March 2023.", "delivered", "AID", "Norway", "Ukraine"),
    # MOBILIZE by its doer (verbs_by_doer): troops moved in
    ("On 3 July 2019, Kenyan troops crossed into Somalia near the border town of Dhobley.", "crossed", "MOBILIZE", "Kenyan troops", None),
    ("The first Irish peacekeepers arrived at the base near Naqoura on 20 May 2021.", "arrived", "MOBILIZE", "peacekeepers", None),
])
def test_acts_told_by_manner_noun_gift_or_doer_are_found_with_their_parties(extractor, text, trigger, kind, doer, target):
    x, _ = _run(extractor, text, date(2025, 1, 1))
    event = next((e for e in x.events if e.trigger == trigger), None)
    assert event is not None and event.type == kind and event.when is not None, x.events
    assert any(doer in text[s.start:s.end] for s in event.actor_spans), x.events
    if target is not None:
        assert any(target in text[s.start:s.end] for s in event.recipient_spans), x.events


def test_no_act_in_words_that_only_look_like_one(extractor):
    for text in ("The court sentenced the two men to death on 4 May 2020.",  # a sentence, no violence
                 "Hackers hacked the ministry's website on 4 May 2020.",
                 "The committee hacked the health budget to death on 4 May 2020.",  # no one killed
                 "Nine pilgrims were trampled to death in a stampede at the shrine on 4 May 2020.",  # no one's act
                 "Russia sent tanks to the border on 4 May 2020.",  # deployed, not given
                 "The delegation arrived in Kabul on 4 May 2020."):  # no troops
        x, _ = _run(extractor, text, date(2020, 5, 5))
        assert not [e for e in x.events if e.type in ("ASSAULT", "AID", "MOBILIZE")], (text, x.events)


@pytest.mark.parametrize("text, site", [
    # participants.blast_sites, on a charge and its conjuncts as well as on the verb
    ("Gunmen set off a car bomb and two explosive devices outside the Al-Noor police station in Kirkuk on 2 May 2021.", "Al-Noor"),
    # (the bus is the army's: the army is what was attacked)
    ("The Red Cell set off a car bomb beside an army bus in Izmir on 2 May 2021.", "army"),
    # a run of charges (participants.explosive_runs)
    ("Insurgents set off a series of car bombs outside the Defence Ministry in Kabul on 2 May 2021.", "Defence Ministry"),
])
def test_where_a_charge_goes_off_is_what_it_was_set_off_against(extractor, text, site):
    x, _ = _run(extractor, text, date(2021, 5, 3))
    spans = _struck_by(x, text, "set")
    assert any(site in s for s in spans), (spans, x.events, x.relations)


def _struck_by(x, text, trigger):
    """What the event of a trigger word was aimed at: its recipients and its relations' targets."""
    event = next(e for e in x.events if e.trigger == trigger)
    return [text[s.start:s.end] for s in event.recipient_spans] + [
        text[r.target_span.start:r.target_span.end] for r in x.relations if r.event == event.id]


def test_an_assault_with_no_doer_is_the_work_of_those_its_when_clause_names(extractor):
    # rule events.doer-of-enclosing-act
    text = "Four policemen were killed on 8 March 2022 when militants ambushed their patrol near Bannu."
    x, _ = _run(extractor, text, date(2022, 3, 9))
    killed = next(e for e in x.events if e.trigger == "killed")
    assert killed.rule == "events.doer-of-enclosing-act", x.events
    assert [text[s.start:s.end] for s in killed.actor_spans] == ["militants"], x.events
    assert any(r.type == "fights" and r.event == killed.id and "policemen" in text[r.target_span.start:r.target_span.end]
               for r in x.relations), x.relations
    # a clause that is no assault, or one with no doer, gives none
    for text in ("Four policemen were killed on 8 March 2022 when their vehicle hit a mine.",
                 "Four policemen were killed on 8 March 2022 when the building collapsed."):
        x, _ = _run(extractor, text, date(2022, 3, 9))
        killed = next(e for e in x.events if e.trigger == "killed")
        assert not killed.actors and killed.rule != "events.doer-of-enclosing-act", x.events


def test_at_the_head_of_a_force_names_no_leader(extractor):
    # nominals.toml person.not_after_at
    text = "On 19 January 2017, Nigerian troops crossed into Niger at the head of an ECOWAS force."
    x, _ = _run(extractor, text, date(2017, 1, 20))
    assert not [r for r in x.relations if r.type == "leads"], x.relations
    assert not [m for m in x.mentions if m.text == "the head"], x.mentions


def test_a_persons_name_cut_short_by_the_model_is_read_whole(extractor):
    # nlp.components._person_name_cut_short
    text = "Mutineers detained President Jean Marie Pierre Okoko at a barracks on 3 March 2021."
    x, _ = _run(extractor, text, date(2021, 3, 4))
    detained = next(e for e in x.events if e.trigger == "detained")
    assert any(text[s.start:s.end].endswith("Okoko") for s in detained.recipient_spans), x.events
    # a building named after a person stays the person's name and the building
    x, _ = _run(extractor, "Donald Trump Tower is in New York.", date(2021, 3, 4))
    assert not [m for m in x.mentions if m.text.endswith("Tower") and m.label == "PERSON"], x.mentions


@pytest.mark.parametrize("text, target", [
    # participants.place_preps_of_acts: the "against" the parser hung on the place
    ("On 2 May 2019, tens of thousands of opposition supporters rallied in Kumasi and several towns against President Mahama, "
     "demanding new elections.", "Mahama"),
    # events.triggers.describes_protest: a protest described by who led it
    ("On 2 May 2019, thousands joined an opposition march led by Raila Odinga against the government.", "the government"),
])
def test_what_a_protest_is_against_is_found_where_the_parser_hangs_it(extractor, text, target):
    x, _ = _run(extractor, text, date(2019, 5, 3))
    protest = next(e for e in x.events if e.type == "PROTEST")
    assert any(target in text[s.start:s.end] for s in protest.recipient_spans), x.events
    assert not [e for e in x.events if e.type == "ASSAULT"], x.events  # "led … against": no assault led


def test_a_party_fought_alongside_is_no_foe_guessed_for_a_war(extractor):
    # events.participants._nearest: not one the sentence puts on someone's side (ally_preps)
    text = "The two men had gone to Bosnia during the war there and fought alongside foreign volunteers."
    x, _ = _run(extractor, text)
    assert not [r for r in x.relations if r.type == "fights"], x.relations


def test_those_included_in_what_a_verb_acted_on_belong_to_it(extractor):
    # relations.including, the phrase hung on the verb
    x, _ = _run(extractor, "Sixteen soldiers were killed, including two officers, and more than 50 others were wounded.")
    assert ("two officers", "soldiers") in _spans(x, "member_of"), x.relations
    # not the doer's, nor a whole too vague to be a body (relations.toml including.vague_wholes)
    for text in ("The rebels attacked the town on Monday, including the police.",
                 "At least 80 people were killed, including two nurses.",
                 "Gunmen killed 12 civilians, including a district officer."):
        x, _ = _run(extractor, text)
        assert not [r for r in x.relations if r.rule == "relations.including"], (text, x.relations)


def test_others_of_the_people_named_before_are_those_acted_on(extractor):
    # nlp.components._others_of_people (nominals.toml person.others_of_people)
    x, _ = _run(extractor, "Gunmen shot dead a police officer at the gate, wounded another and fled.")
    assert ("Gunmen", "another") in _spans(x, "fights"), x.relations
    x, _ = _run(extractor, "Police shot dead one of the men at a checkpoint and arrested the other.")
    assert ("Police", "the other") in _spans(x, "controls"), x.relations
    # no one new: "one another", or no people before
    x, _ = _run(extractor, "The rebels and the army accused one another. The storm destroyed one bridge and damaged another.")
    assert not [m for m in x.mentions if m.text in ("another", "one another")], x.mentions


@pytest.mark.parametrize("text, trigger, loser", [
    # events.toml participants.taken_from_verbs: the "from" the parser hangs on what was taken
    ("Rebels captured the town of Kidal from the army on Monday.", "captured", "the army"),
    ("Loyalist troops recaptured Tessit (Gao region) from Islamist fighters on 3 May 2021.", "recaptured", "Islamist fighters"),
    ("Insurgents seized the harbour of Pemba from the defence forces on 12 August 2020.", "seized", "the defence forces"),
    # a state that held the ground is a party to it
    ("Russia seized Crimea from Ukraine in 2014.", "seized", "Ukraine"),
])
def test_whom_ground_was_taken_from_is_the_party_attacked(extractor, text, trigger, loser):
    x, _ = _run(extractor, text, date(2021, 5, 4))
    assert any(loser in r for _, rs in _parties(x, trigger) for r in rs), x.events


def test_a_place_people_or_goods_were_taken_from_is_no_party(extractor):
    text = "Police seized a cache of rifles from Benghazi on 3 May 2021."
    x, _ = _run(extractor, text, date(2021, 5, 4))
    assert _parties(x, "seized") and not any("Benghazi" in r for _, rs in _parties(x, "seized") for r in rs), x.events


@pytest.mark.parametrize("text, trigger, sides", [
    # a fight that is the subject of a verb with no object: the "between" on the verb or its date
    ("Fighting broke out in central Sirte on 27 August 2022 between the Tenth Brigade and the Salam militia.", "Fighting",
     ["Tenth Brigade", "Salam militia"]),
    ("Gunfights erupted across Culiacan on 5 January 2023 between National Guard troops and Sinaloa Cartel gunmen.", "Gunfights",
     ["National Guard", "Sinaloa Cartel"]),
    # a participle of a name in the list, with its backer: no party
    ("Clashes between UAE-backed Yemeni forces and Houthi fighters erupted south of the airport on 13 June 2018.", "Clashes",
     ["Yemeni forces", "Houthi"]),
    # participants.pitting_verbs: the sides a fight pits against each other
    ("Fighting around Marib city on 7 February 2021 pitted Houthi fighters against government troops.", "Fighting",
     ["Houthi", "government troops"]),
])
def test_the_sides_of_a_fight_told_by_its_verb(extractor, text, trigger, sides):
    x, _ = _run(extractor, text, date(2023, 1, 6))
    actors, recipients = _parties(x, trigger)[0]
    found = actors + recipients
    assert all(any(side in f for f in found) for side in sides), x.events
    assert not any(f == "UAE" for f in found), x.events


def test_an_aligned_party_is_allied_with_the_name_before_its_hyphen_not_with_its_conjunct(extractor):
    # relations.ally-description
    text = "Talks between the government and Moscow-aligned rebels resumed in Doha on 3 May 2021."
    x, _ = _run(extractor, text, date(2021, 5, 4))
    assert not [r for r in x.relations if r.type == "allied_with"], x.relations
    text = "Congolese troops and allied Wazalendo militias retook the town on 3 May 2021."
    x, _ = _run(extractor, text, date(2021, 5, 4))
    assert [r for r in x.relations if r.type == "allied_with"], x.relations


def test_a_charge_claimed_by_a_group_is_set_off_by_it(extractor):
    text = "On 3 July 2016, a truck bomb claimed by the Islamic State exploded outside a shopping centre in Karrada."
    x, _ = _run(extractor, text, date(2016, 7, 4))
    assert _parties(x, "exploded")[0][0] == ["Islamic State"], x.events
    # a charge found is no doer's
    text = "On 3 July 2016, a truck bomb found by the police exploded outside a shopping centre in Karrada."
    x, _ = _run(extractor, text, date(2016, 7, 4))
    assert _parties(x, "exploded")[0][0] == [], x.events


def test_the_act_a_clause_was_done_in_is_named_on_its_last_participle(extractor):
    # rule events.doer-of-enclosing-act: the "in" on a conjunct participle
    text = ("A bomb exploded at a church in Kasindi on 15 January 2023, killing at least 14 worshippers and wounding "
            "more than 60, in an attack claimed by the Islamic State.")
    x, _ = _run(extractor, text, date(2023, 1, 16))
    for trigger in ("exploded", "killing", "wounding"):
        event = next(e for e in x.events if e.trigger == trigger)
        assert [text[s.start:s.end] for s in event.actor_spans] == ["Islamic State"], x.events


@pytest.mark.parametrize("text, gives", [
    # rule events.date-of-joined-act: the act of the clause takes the date of the act it is in
    ("Twelve people were killed in the early hours of 17 December 2023 when gunmen opened fire on guests at a party.",
     {"opened": "2023-12-17"}),
    ("Two soldiers were killed when rebels ambushed a patrol near Goma on 4 May 2021.", {"killed": "2021-05-04"}),
    # ... and verbs joined with one subject
    ("Six villagers were killed and several others wounded on the evening of Friday 9 June 2023 when masked gunmen "
     "opened fire on a crowd at a local festival held near the market.", {"killed": "2023-06-09"}),
])
def test_an_act_and_the_acts_told_with_it_share_a_date(extractor, text, gives):
    x, _ = _run(extractor, text, date(2024, 1, 2))
    for trigger, day in gives.items():
        assert _date_of(x, trigger) == day, x.events
    # an "after" clause tells another time
    x, _ = _run(extractor, "Two soldiers were killed after rebels ambushed a patrol near Goma on 4 May 2021.", date(2024, 1, 2))
    assert _date_of(x, "killed") != "2021-05-04"


@pytest.mark.parametrize("text, trigger, day", [
    # rule events.date-in-a-clause-on-it: the one day a clause or phrase on the act tells
    ("Kidnappers freed the two engineers, who were driven to the governor's office in Lokoja on 9 March 2022.",
     "freed", "2022-03-09"),
    ("Gunmen shot dead a local councillor as he left a mosque in Kano after evening prayers on 2 June 2023.",
     "shot", "2023-06-02"),
    ("Police arrested the union's leader at his sister's house on Tuesday (6 February), two days after the strike.",
     "arrested", "2024-02-06"),
])
def test_an_act_takes_the_one_day_told_in_a_clause_on_it(extractor, text, trigger, day):
    x, _ = _run(extractor, text, date(2024, 2, 10))
    assert _date_of(x, trigger) == day, x.events


@pytest.mark.parametrize("text, trigger", [
    # the day of an act told before it, of a clause of its own, of a party, or a month
    ("Rebels killed the district chief, who had been kidnapped on 3 May 2021.", "killed"),
    ("Police arrested six men after rebels ambushed a patrol near Goma on 4 May 2021.", "arrested"),
    ("Veterans accused the commander of treason, and several of them were arrested by the police on 4 May 2021.", "accused"),
    ("The militia, founded by former soldiers on 3 May 2013, attacked the town.", "attacked"),
    ("The group broke away and led an insurgency against the army, which withdrew in January 2009.", "broke"),
])
def test_no_day_is_taken_from_another_act_or_a_party(extractor, text, trigger):
    x, _ = _run(extractor, text, date(2024, 2, 10))
    assert _date_of(x, trigger) is None, x.events


@pytest.mark.parametrize("text, trigger", [
    # events.toml ASSAULT when_object: craft destroyed
    ("Naval drones sank the landing ship Tsezar Kunikov off Alupka on 14 February 2024.", "sank"),
    ("Air defence units of the army downed two drones over Kharkiv on 3 May 2024.", "downed"),
    # events.toml ASSAULT when_subject slam, crash, land (weapon): arms that come down on a place
    ("Three rockets slammed into the perimeter of the airport in Erbil on Friday night.", "slammed"),
    ("A cruise missile crashed into a shopping centre in Kremenchuk, killing 20 people.", "crashed"),
])
def test_craft_destroyed_and_arms_come_down_on_a_place_are_assaults(extractor, text, trigger):
    x, _ = _run(extractor, text, date(2024, 5, 4))
    assert ("ASSAULT", trigger, "asserted") in _events(x), x.events


@pytest.mark.parametrize("text", [
    "The ferry sank off Zanzibar on 3 May 2024.",
    "The opposition sank the government's budget plan on 3 May 2024.",
    "Dock workers downed tools on 3 May 2024.",
    "A bus crashed into a wall near the market in Kabul.",
    "The transport jet landed on the runway at Bagram on Monday.",
])
def test_no_craft_destroyed_and_no_arms_come_down_is_no_assault(extractor, text):
    x, _ = _run(extractor, text, date(2024, 5, 4))
    assert not [e for e in x.events if e.type == "ASSAULT"], x.events


@pytest.mark.parametrize("text, trigger, kind", [
    # a killing of no leader is an assault; a death of no leader is no event
    ("The Islamic State claimed the killings on 18 October 2023.", "killings", "ASSAULT"),
    ("Protests followed the killing of the journalist on 3 May 2023.", "killing", "ASSAULT"),
    ("Beijing acknowledged four PLA deaths in February 2021.", "deaths", None),
    ("The death of a 22-year-old woman in custody on 16 September 2022 sparked protests.", "death", None),
    # of a leader the knowledge base knows, a leader's death
    ("Hezbollah confirmed the death of Hassan Nasrallah on 28 September 2024.", "death", "LEADER_KILLED"),
    # of one titled leader, or of someone named, a leader's
    ("A truce held on 15 May 2025 after the militia chief's killing sparked clashes in Tripoli.", "killing", "LEADER_KILLED"),
])
def test_a_killing_or_death_is_a_leaders_only_of_a_leader(extractor, text, trigger, kind):
    x, _ = _run(extractor, text, date(2024, 10, 1))
    assert [e.type for e in x.events if e.trigger == trigger] == ([kind] if kind else []), x.events


def test_a_notes_label_dates_its_sentence_whatever_other_dates_it_tells(extractor):
    text = ("Havana, 9 June 2023: Colombian President Gustavo Petro and ELN commander Antonio Garcia signed an agreement "
            "on a bilateral ceasefire, to take full effect on 3 August, at the close of peace talks in Cuba.")
    x, _ = _run(extractor, text, date(2023, 6, 10))
    assert _date_of(x, "signed") == "2023-06-09", x.events


@pytest.mark.parametrize("text, trigger, place", [
    # nominals.toml place: a vague place told by its kind, and the heads of places struck
    ("Israeli aircraft struck a residential building in Haret Hreik on 30 July 2024.", "struck", "a residential building"),
    ("Turkish forces shelled a crowded mountain resort at Parakh on 20 July 2022.", "shelled", "mountain resort"),
    ("Russian forces struck port infrastructure in Odesa on 19 July 2023.", "struck", "port infrastructure"),
    ("Russian forces hit an apartment block in Dnipro on 14 January 2023.", "hit", "an apartment block"),
])
def test_a_place_struck_named_by_its_kind_is_attacked(extractor, text, trigger, place):
    x, _ = _run(extractor, text, date(2024, 8, 1))
    event = next(e for e in x.events if e.trigger == trigger)
    assert place in [text[r.target_span.start:r.target_span.end] for r in x.relations if r.event == event.id and r.type == "attacks"], x.relations


def test_a_block_or_a_building_with_no_kind_names_no_place(extractor):
    x, _ = _run(extractor, "The opposition formed a block in parliament on 3 May 2024.", date(2024, 5, 4))
    assert not [m for m in x.mentions if m.label == "LOC"], x.mentions


@pytest.mark.parametrize("text, trigger, actor", [
    # nominals.toml person: one person named by what they are
    ("History teacher Samuel Paty was stabbed near his school on 16 October 2020 by an 18-year-old refugee.", "stabbed",
     "an 18-year-old refugee"),
    # the agent of the last of passives that share a subject
    ("History teacher Samuel Paty was stabbed and beheaded near his school on 16 October 2020 by an 18-year-old refugee.",
     "stabbed", "an 18-year-old refugee"),
])
def test_one_person_named_by_what_they_are_does_the_act(extractor, text, trigger, actor):
    x, _ = _run(extractor, text, date(2020, 10, 17))
    assert _parties(x, trigger)[0][0] == [actor], x.events


@pytest.mark.parametrize("text, trigger, actor", [
    # rule events.doer-of-enclosing-act: the act that is the verb's subject
    ("Al-Shabaab said it carried out the two bombings that killed 74 football fans in Kampala on 11 July 2010.", "killed",
     "Al-Shabaab"),
    ("The bombing by the rebels killed 20 people in Goma on 3 May 2021.", "killed", "the rebels"),
])
def test_a_killing_done_by_an_act_is_the_work_of_its_doers(extractor, text, trigger, actor):
    x, _ = _run(extractor, text, date(2021, 5, 4))
    assert _parties(x, trigger)[0][0] == [actor], x.events


@pytest.mark.parametrize("text, trigger", [
    # events.toml ASSAULT when_object: ground wrested, parties dislodged
    ("Iraqi security forces wrested central Ramadi from Islamic State militants on 28 December 2015.", "wrested"),
    ("Nigerian troops dislodged Boko Haram from Gwoza on 27 March 2015.", "dislodged"),
])
def test_ground_wrested_and_parties_dislodged_are_assaults(extractor, text, trigger):
    x, _ = _run(extractor, text, date(2016, 1, 1))
    assert ("ASSAULT", trigger, "asserted") in _events(x), x.events
    x, _ = _run(extractor, "The union wrested a promise from the minister on 3 May 2021.", date(2021, 5, 4))
    assert not [e for e in x.events if e.type == "ASSAULT"], x.events


@pytest.mark.parametrize("text, trigger, day", [
    # a month and day with no year take the year the sentence told before them
    ("Hamas gunmen seized the Gaza Strip in June 2007, completing the takeover on 14 June.", "takeover", "2007-06-14"),
    ("On 3 January 2024 the army said rebels had attacked the base on 28 December.", "attacked", "2023-12-28"),
])
def test_a_date_with_no_year_takes_the_year_told_before_it(extractor, text, trigger, day):
    x, _ = _run(extractor, text, date(2026, 11, 30))
    assert _date_of(x, trigger) == day, x.events


@pytest.mark.parametrize("text, trigger, day", [
    # rule events.date-by-interval: that far from the clause it hangs on
    ("Harare, 21 November 2017: Robert Mugabe resigned as president, six days after the military seized the state broadcaster.",
     "seized", "2017-11-15"),
    ("Tbilisi, 12 August 2008: Russia's president ordered an end to operations, four days after Georgian forces launched an "
     "assault on Tskhinvali.", "assault", "2008-08-08"),
    ("Moscow, 25 June 2023: Wagner fighters returned to their bases, a day after seizing Rostov-on-Don.", "seizing", "2023-06-24"),
    # a span in years or months gives the year or the month
    ("Sarajevo, 11 July 2020: Relatives buried nine victims at Potocari, 25 years after Bosnian Serb forces overran Srebrenica.",
     "overran", "1995"),
    # no number, no date moved
    ("Harare, 21 November 2017: Robert Mugabe resigned as president, days after the military seized the state broadcaster.",
     "seized", "2017-11-21"),
])
def test_an_act_a_span_before_another_is_dated_that_far_from_it(extractor, text, trigger, day):
    x, _ = _run(extractor, text, None)
    assert _date_of(x, trigger) == day, x.events


def test_a_day_of_no_year_near_a_year_told_is_read_without_failing(extractor):
    # 29 February read beside a year that has none
    x, _ = _run(extractor, "The rebels attacked in February 2023, completing the takeover on 29 February.", date(2024, 3, 1))
    assert [e.type for e in x.events if e.trigger == "takeover"] == ["ASSAULT"], x.events


def test_a_match_that_pits_two_sides_is_no_fight(extractor):
    x, _ = _run(extractor, "The final on 3 May 2021 pitted Brazil against Argentina.", date(2021, 5, 4))
    assert not [e for e in x.events if e.type == "ASSAULT"], x.events


def test_the_target_of_an_attack_hung_on_its_doer_is_attacked(extractor):
    # the noun's "on" the parser hangs on the "by" phrase
    text = "Attacks by the militias on government troops intensified on 20 October 2023."
    x, _ = _run(extractor, text, date(2023, 10, 21))
    assert _parties(x, "Attacks") == [(["the militias"], ["government troops"])], x.events
    # and the one a killing befell: an assault, no leader's death
    text = "The killing by police of a teenager on 27 June 2023 sparked riots."
    x, _ = _run(extractor, text, date(2023, 6, 28))
    assert [(e.type, [text[s.start:s.end] for s in e.recipient_spans]) for e in x.events if e.trigger == "killing"] \
        == [("ASSAULT", ["a teenager"])], x.events


def test_those_a_fight_pits_against_one_side_are_one_side(extractor):
    text = "Heavy fighting pitted M23 rebels against the army and allied militias around Sake on 7 February 2024."
    x, names = _run(extractor, text, date(2024, 2, 8))
    fights = {(names[r.source], names[r.target]) for r in x.relations if r.type == "fights"}
    assert fights and not any({"army", "militias"} <= {a.split()[-1], b.split()[-1]} for a, b in fights), fights


@pytest.mark.parametrize("text, trigger, sides", [
    # adjectives joined before one noun: each nation's soldiers
    ("Indian and Chinese soldiers clashed in the Galwan Valley on 15 June 2020.", "clashed",
     {"Indian soldiers", "Chinese soldiers"}),
    # the parser's other reading: the first nationality the object of "between", the noun its conjunct
    ("On 14 September 2022, fighting broke out between Kyrgyz and Tajik border guards near the border.", "fighting",
     {"Kyrgyz border guards", "Tajik border guards"}),
    # a list of three
    ("Chadian, Nigerien and Nigerian troops attacked Boko Haram positions on 3 April 2020.", "attacked",
     {"Chadian troops", "Nigerien troops", "Nigerian troops"}),
])
def test_nationalities_that_share_a_noun_are_each_a_party(extractor, text, trigger, sides):
    x, names = _run(extractor, text, date(2024, 1, 1))
    event = next(e for e in x.events if e.trigger == trigger)
    assert sides <= {names[a] for a in event.actors}, (event, names)


def test_a_nation_named_by_its_people_shares_no_noun(extractor):
    # "the Kurds" are no troops of theirs; a nationality already inside a nominal gets no second
    x, names = _run(extractor, "The Kurds and Turkish troops clashed near Afrin on 2 March 2018.", date(2018, 3, 3))
    assert not any(n.endswith("troops") and n != "Turkish troops" for n in names.values()), names
    x, names = _run(extractor, "Russian warplanes and Syrian army troops struck Idlib on 2 March 2018.", date(2018, 3, 3))
    assert not any(n in ("Russian troops", "Russian army troops") for n in names.values()), names


def test_a_participle_read_as_a_noun_takes_the_clauses_subject(extractor):
    # the tagger made "Meeting" a noun; it opens the clause as a participle whose subject is the clause's
    text = "Meeting in Addis Ababa on 2 November 2022, the Ethiopian government and the TPLF agreed to a truce."
    x, _ = _run(extractor, text, date(2022, 11, 3))
    assert _parties(x, "Meeting") == [(["the Ethiopian government", "TPLF"], [])], x.events
    # a noun with its article stays a noun
    text = "The meeting in Addis Ababa on 2 November 2022 ended without a deal."
    x, _ = _run(extractor, text, date(2022, 11, 3))
    assert all(not actors for actors, _r in _parties(x, "meeting")), x.events


@pytest.mark.parametrize("text, doer, victim", [
    # the tagger reads "a motorcycle shot" as one noun; "shot dead" is the clause's verb
    ("Two men on a motorcycle shot dead a lawyer in Karachi on 3 March 2021.", "Two men", "a lawyer"),
    ("Unidentified assailants on a motorcycle shot dead journalist Gauri Lankesh at her home on 5 September 2017.",
     "Unidentified assailants", "Gauri Lankesh"),
    # read as a participle on the vehicle, the sentence's root a noun
    ("Taliban fighters in a pickup shot dead a former police commander in Ghazni on 3 October 2021.", "Taliban",
     "a former police commander"),
    # "dead" is how they were left, no word of the people's
    ("Gunmen in a car shot dead two guards outside a bank in Mogadishu on 19 July 2017.", "Gunmen", "two guards"),
])
def test_shot_dead_after_a_noun_is_the_verb(extractor, text, doer, victim):
    x, _ = _run(extractor, text, date(2024, 1, 1))
    assert any(doer in actors and victim in recipients for actors, recipients in _parties(x, "shot")), x.events


def test_a_participle_with_its_agent_between_commas_describes_the_subject(extractor):
    # the parser makes "claimed" the verb and joins "killed" to it; the claim's own time is no date of the bombing
    text = "Cairo, 11 December 2016: A suicide bombing, claimed two days later by the Islamic State, killed 29 worshippers."
    x, _ = _run(extractor, text, date(2016, 12, 14))
    assert _parties(x, "killed") == [(["Islamic State"], ["worshippers"])], x.events
    assert _date_of(x, "killed") == "2016-12-11" and _date_of(x, "bombing") == "2016-12-11", x.events


def test_gunfire_exchanged_is_a_fight(extractor):
    text = "Gang members exchanged gunfire with police officers near the airport on 4 March 2024."
    x, _ = _run(extractor, text, date(2024, 3, 5))
    assert [e.type for e in x.events if e.trigger == "exchanged"] == ["ASSAULT"], x.events
    # fire traded between two is a fight between them, no alliance
    text = "Pakistani and Afghan border forces traded fire at the Torkham crossing on 21 February 2024."
    x, names = _run(extractor, text, date(2024, 2, 22))
    assert {r.type for r in x.relations} == {"fights"}, _relations(x, names)


def test_those_among_whom_a_bomb_went_off_are_its_victims(extractor):
    x, _ = _run(extractor, "A bomb exploded among shoppers on the avenue on 13 November 2022, killing six people.", date(2022, 11, 14))
    assert _parties(x, "exploded") == [([], ["shoppers"])], x.events
    assert not any("shoppers" in actors for actors, _r in _parties(x, "killing")), x.events
    # a fight among factions is between them
    x, _ = _run(extractor, "Heavy fighting among rival militias erupted in Tripoli on 3 May 2022.", date(2022, 5, 4))
    assert _parties(x, "fighting") == [(["rival militias"], [])], x.events


def test_the_doer_hung_on_the_part_of_the_body_hit_is_the_doer(extractor):
    text = "Boris Nemtsov was shot four times in the back by a gunman on the bridge on 27 February 2015."
    x, _ = _run(extractor, text, date(2015, 2, 28))
    assert _parties(x, "shot") == [(["a gunman"], ["Boris Nemtsov"])], x.events


@pytest.mark.parametrize("text, target", [
    ("The IRGC fired about 180 ballistic missiles at Israel on 1 October 2024.", "Israel"),
    ("Russia launched drones at Ukraine overnight on 3 March 2025.", "Ukraine"),
])
def test_a_state_a_weapon_is_aimed_at_is_attacked(extractor, text, target):
    # a state after "at" is no place when a weapon is aimed at it; the weapon launched is no kit attacked
    x, names = _run(extractor, text, date(2025, 3, 4))
    assert any(target in recipients for _a, recipients in _parties(x, text.split()[2] if "fired" in text else "launched")), x.events
    assert not any(r.type == "attacks" and names[r.target] in ("drones", "ballistic missiles") for r in x.relations), x.relations


def test_a_state_where_a_fight_took_place_stays_where(extractor):
    x, names = _run(extractor, "Troops clashed with smugglers at the border with Iran on 3 March 2025.", date(2025, 3, 4))
    assert not any("Iran" in recipients for _a, recipients in _parties(x, "clashed")), x.events


def test_a_past_tense_tagged_as_a_participle_keeps_its_subject_as_doer(extractor):
    # the tagger called "protested" a participle; no one is protested
    x, _ = _run(extractor, "Hundreds of students protested outside the university on 11 January 2020.", date(2020, 1, 12))
    assert _parties(x, "protested") == [(["students"], [])], x.events


def test_a_gerund_after_a_preposition_of_time_is_the_subjects_act(extractor):
    x, _ = _run(extractor, "M23 rebels seized the town after fighting with FARDC troops on 3 May 2024.", date(2024, 5, 4))
    assert _parties(x, "fighting") == [(["M23"], ["FARDC"])], x.events
    # one accused of an act does it
    x, _ = _run(extractor, "The army accused Rwanda of arming the rebels on 3 May 2024.", date(2024, 5, 4))
    assert _parties(x, "arming") == [(["Rwanda"], ["the rebels"])], x.events


def test_a_noun_in_a_list_a_verb_carries_takes_its_subject(extractor):
    text = "Armenia's government declared martial law and a general mobilisation on 27 September 2020."
    x, names = _run(extractor, text, date(2020, 9, 28))
    event = next(e for e in x.events if e.trigger == "mobilisation")
    assert event.type == "MOBILIZE" and [names[a] for a in event.actors] == ["Armenia"], x.events


@pytest.mark.parametrize("text, doer", [
    ("Police said ETA was responsible for a car bomb that exploded outside a barracks in Burgos on 29 July 2009.", "ETA"),
    ("Islamic State claimed the bomb that exploded at a wedding in Kabul on 17 August 2019.", "Islamic State"),
    ("Officials said Jaish al-Adl set off the bomb that exploded near a bus on 13 February 2019.", "Jaish al-Adl"),
])
def test_the_party_that_planted_claimed_or_answers_for_a_bomb_set_it_off(extractor, text, doer):
    x, _ = _run(extractor, text, date(2020, 1, 1))
    assert [a for a, _r in _parties(x, "exploded")] == [[doer]], x.events


def test_the_party_said_to_be_behind_a_bomb_did_what_it_did(extractor):
    text = "Officials said the PKK was behind a bomb that exploded among shoppers on 13 November 2022, killing six people."
    x, _ = _run(extractor, text, date(2022, 11, 14))
    assert _parties(x, "exploded") == [(["PKK"], ["shoppers"])], x.events
    assert [e.rule for e in x.events if e.trigger == "exploded"] == ["events.doer-behind"]
    # not one said not to be
    text = "The PKK denied that it was behind a bomb that exploded among shoppers on 13 November 2022."
    x, _ = _run(extractor, text, date(2022, 11, 14))
    assert all(not actors for actors, _r in _parties(x, "exploded")), x.events


def test_a_number_between_commas_after_a_name_is_an_age_not_a_date(extractor):
    text = "Journalist Lyra McKee, 29, was shot dead by a gunman during rioting on the night of 18 April 2019."
    x, _ = _run(extractor, text, date(2019, 4, 29))
    assert _date_of(x, "shot") == "2019-04-18", x.events
    # after a word for a person too
    text = "Farmer Juan Ortega, 61, and his son, 30, were kidnapped by ELN guerrillas in Arauca on 22 February 2022."
    x, _ = _run(extractor, text, date(2022, 3, 30))
    assert _date_of(x, "kidnapped") == "2022-02-22", x.events


def test_a_lynching_named_again_dates_the_beating(extractor):
    text = "A crowd of men beat a woman to death near the shrine. The lynching took place on 19 March 2015 as police looked on."
    x, _ = _run(extractor, text, date(2015, 3, 25))
    assert _date_of(x, "beat") == "2015-03-19", x.events


@pytest.mark.parametrize("text, trigger, doer, done_to", [
    # those taken prisoner, whom the parser makes a word of "prisoner"
    ("The rebels took several officers prisoner on 30 March 2000.", "took", "The rebels", "several officers"),
    # driven back, as pushed back
    ("The mutineers drove the crowd back with tear gas on 30 September 2010.", "drove", "The mutineers", "the crowd"),
])
def test_those_taken_prisoner_or_driven_back_are_acted_on(extractor, text, trigger, doer, done_to):
    x, _ = _run(extractor, text, date(2010, 10, 1))
    assert any(doer in a and done_to in r for a, r in _parties(x, trigger)), x.events


@pytest.mark.parametrize("text", [
    "The army deployed attack helicopters to the border on 3 May 2024.",
    "The army deployed combat aircraft and attack helicopters to the border on 3 May 2024.",
])
def test_a_word_for_an_act_that_names_a_kind_of_kit_is_no_act(extractor, text):
    x, _ = _run(extractor, text, date(2024, 5, 4))
    assert not [e for e in x.events if e.type == "ASSAULT"], x.events
    # the act still is one: "a drone strike", "a rocket attack"
    x, _ = _run(extractor, "A rocket attack hit the base on 3 May 2024.", date(2024, 5, 4))
    assert [e.type for e in x.events if e.trigger == "attack"] == ["ASSAULT"], x.events


def test_a_charge_blamed_on_a_group_is_set_off_by_it(extractor):
    text = "A truck bomb blamed on suspected al-Shabaab militants exploded at a junction in Mogadishu on 14 October 2017."
    x, _ = _run(extractor, text, date(2017, 10, 15))
    assert [a for a, _r in _parties(x, "exploded")] == [["al-Shabaab"]], x.events


def test_a_description_with_a_name_right_after_it_relates_by_the_name(extractor):
    text = "The government hired a private company run by the American businessman Erik Prince on 3 May 2024."
    x, names = _run(extractor, text, date(2024, 5, 4))
    assert ("leads", "Erik Prince", "private company") in _relations(x, names), _relations(x, names)


@pytest.mark.parametrize("text, member, body", [
    # the people a party lost were its own (relations.toml troop_contributors forces_verbs)
    ("Federal forces have lost more than 1,500 men in Chechnya since October 1999.", "men", "Federal forces"),
    # rebels "of" a body the text describes
    ("Several thousand rebels of the separatist movement attacked both camps on 11 November 1993.", "rebels", "separatist movement"),
])
def test_people_a_party_lost_or_rebels_of_a_body_are_its_members(extractor, text, member, body):
    x, names = _run(extractor, text, date(2000, 1, 1))
    assert ("member_of", member, body) in _relations(x, names), _relations(x, names)


def test_losing_an_election_makes_no_members(extractor):
    x, names = _run(extractor, "The government lost the election on 3 May 2024.", date(2024, 5, 4))
    assert not [r for r in x.relations if r.type == "member_of"], x.relations


def test_those_killed_as_rivals_fought_each_other_are_no_sides_victims(extractor):
    text = "More than 2,500 people were killed in the city in 2009 as rival cartels fought for control of the border crossings."
    x, _ = _run(extractor, text, date(2010, 1, 1))
    assert _parties(x, "killed") == [([], ["people"])], x.events
    # a fight with a side named still gives the killing its doer
    x, _ = _run(extractor, "Two soldiers were killed on 3 May 2024 when rebels clashed with troops near Goma.", date(2024, 5, 4))
    assert _parties(x, "killed") == [(["rebels"], ["Two soldiers"])], x.events


def test_a_captive_named_by_the_word_for_one_is_no_taking(extractor):
    x, _ = _run(extractor, "The officers took the prisoner to court in Kampala on 3 August 2020.", date(2020, 8, 4))
    assert not [e for e in x.events if e.type == "ASSAULT"], x.events


def test_a_subject_the_parser_joined_to_an_opening_date_is_the_subject(extractor):
    text = "On 12 March 2019, Chadian, Nigerien and Nigerian troops attacked a Boko Haram camp near Lake Chad."
    x, names = _run(extractor, text, date(2019, 3, 13))
    event = next(e for e in x.events if e.trigger == "attacked")
    assert {"Chadian troops", "Nigerien troops", "Nigerian troops"} <= {names[a] for a in event.actors}, (event, names)
    assert "Boko Haram" in {names[r] for r in event.recipients}, event


def test_whom_a_passive_befell_does_not_do_the_act_it_befell_them_in(extractor):
    x, _ = _run(extractor, "A soldier was wounded during shelling near Bakhmut on 2 December 2022.", date(2022, 12, 3))
    assert all(not actors for actors, _r in _parties(x, "shelling")), x.events


@pytest.mark.parametrize("text, trigger, kind", [
    ("Militiamen set the village of Kanambo on fire on 2 March 2021, residents said.", "set", "ASSAULT"),
    ("Demonstrators pelted the convoy with stones in Sheikh Jarrah on 10 May 2021.", "pelted", "ASSAULT"),
])
def test_a_place_set_on_fire_or_a_convoy_pelted_is_an_act(extractor, text, trigger, kind):
    x, _ = _run(extractor, text, date(2021, 6, 1))
    assert [e.type for e in x.events if e.trigger == trigger] == [kind], x.events


def test_a_gerund_that_is_its_clauses_subject_is_no_act_of_the_verb_above(extractor):
    # the parser hangs "hit" on "shelling": the shelling hit the market, the speaker shelled nothing
    text = '"We have nothing left," said shopkeeper Ahmad Shah after shelling hit the market in Kunduz on 3 June 2016.'
    x, _ = _run(extractor, text, date(2016, 6, 4))
    assert all(not actors for actors, _r in _parties(x, "shelling")), x.events
    # one with an object of its own is the speaker's
    text = '"We pay tribute to all three governments," Secretary Shultz said after meeting the three ministers on 22 December 1988.'
    x, _ = _run(extractor, text, date(1988, 12, 23))
    assert _parties(x, "meeting") == [(["Shultz"], ["three ministers"])], x.events


def test_fighter_jets_are_the_armys_kit(extractor):
    x, names = _run(extractor, "Sudanese army fighter jets bombed RSF positions in Nyala on 28 October 2023.", date(2023, 10, 29))
    assert _parties(x, "bombed") == [(["Sudanese army"], ["RSF"])], x.events


def test_a_participle_opening_the_sentence_tells_what_befell_its_subject(extractor):
    x, _ = _run(extractor, "Ambushed on the road to Gao on 17 June 2018, the convoy lost two trucks and four soldiers.", date(2018, 6, 18))
    assert _parties(x, "Ambushed") == [([], ["the convoy"])], x.events
    # one with an object of its own does it
    x, _ = _run(extractor, "Having surrounded the town for a week, rebels attacked Bunia on 12 May 2003.", date(2003, 5, 13))
    assert all("rebels" in a for a, _r in _parties(x, "attacked")), x.events


def test_a_place_a_participle_describes_was_struck_and_a_verb_with_an_agent_is_passive(extractor):
    x, names = _run(extractor, "The hospital, shelled by government forces on 3 May 2016, stopped taking patients.", date(2016, 5, 4))
    assert _parties(x, "shelled") == [(["government forces"], [])], x.events
    assert ("attacks", "government forces", "hospital") in _relations(x, names), _relations(x, names)
    text = "The Radisson Blu hotel, stormed this morning by gunmen from al-Mourabitoun, was secured by special forces."
    x, _ = _run(extractor, text, date(2015, 11, 20))
    assert all("al-Mourabitoun" in a and "Radisson Blu" not in a for a, _r in _parties(x, "stormed")), x.events


@pytest.mark.parametrize("text, trigger, kind", [
    ("A car driven by a suicide bomber rammed a bus in a police convoy on 14 February 2019, killing 40 personnel.", "rammed", "ASSAULT"),
    ("Pirates hijacked a tanker off Somalia on 3 May 2011.", "hijacked", "COERCE"),
    ("Suicide bombers set off two explosions inside the cathedral on 27 January 2019, killing 20 people.", "set", "ASSAULT"),
])
def test_a_bus_rammed_a_tanker_hijacked_and_explosions_set_off_are_acts(extractor, text, trigger, kind):
    x, _ = _run(extractor, text, date(2020, 1, 1))
    assert [e.type for e in x.events if e.trigger == trigger] == [kind], x.events


def test_a_verb_read_as_the_modifier_of_its_object_is_the_verb(extractor):
    # "a motorbike detonated explosives" read as one noun phrase, the object of "on"
    text = "On Palm Sunday, 28 March 2021, two suicide bombers on a motorbike detonated explosives at the gate of the cathedral."
    x, _ = _run(extractor, text, date(2021, 3, 29))
    assert [(a, e.when.start if e.when else None) for e in x.events if e.trigger == "detonated"
            for a in [[x.document.text[s.start:s.end] for s in e.actor_spans]]] == [(["two suicide bombers"], "2021-03-28")], x.events
    # a sentence with a verb of its own keeps it: the explosives are detonated ones
    x, _ = _run(extractor, "The rebels seized detonated explosives near the gate on 3 May 2021.", date(2021, 5, 4))
    assert not [e for e in x.events if e.trigger == "detonated"], x.events


def test_a_vehicle_rammed_into_a_place_is_the_means_not_a_target(extractor):
    text = "Suicide bombers rammed a vehicle packed with explosives into the lobby of a hotel on 28 November 2002."
    x, names = _run(extractor, text, date(2002, 11, 29))
    assert [e.type for e in x.events if e.trigger == "rammed"] == ["ASSAULT"], x.events
    assert not [r for r in x.relations if names[r.target] == "vehicle"], _relations(x, names)


@pytest.mark.parametrize("text, doer", [
    ("A missile that was fired by Hezbollah hit a house in Metula on 3 May 2024.", "Hezbollah"),
    # the relative clause of a verb of saying
    ("On the night of 16-17 October 2020, a ballistic missile that Azerbaijani officials said was fired by Armenian forces hit "
     "a residential area of Ganja, killing 13 civilians.", "Armenian forces"),
])
def test_the_one_a_relative_clause_says_fired_a_weapon_did_what_it_did(extractor, text, doer):
    x, _ = _run(extractor, text, date(2024, 5, 4))
    assert [a for a, _r in _parties(x, "hit")] == [[doer]], x.events


@pytest.mark.parametrize("text, a, b", [
    ("The Minister received the diplomatic corps at the Ministry on 1 October 2010.", "Minister", "diplomatic corps"),
    ("The government apologised to the bereaved families on 2 March 2010.", "government", "bereaved families"),
    ("President John Magufuli sent a message of condolence to the families of the dead soldiers on 8 December 2017.",
     "John Magufuli", "families"),
])
def test_a_body_received_an_apology_or_a_message_sent_is_contact(extractor, text, a, b):
    x, names = _run(extractor, text, date(2018, 1, 1))
    assert ("communicates_with", a, b) in _relations(x, names), _relations(x, names)


def test_troops_sent_somewhere_are_no_message(extractor):
    x, names = _run(extractor, "The army sent troops to Mali against the jihadists on 3 May 2013.", date(2013, 5, 4))
    assert not [r for r in x.relations if r.type == "communicates_with"], _relations(x, names)


def test_the_one_charged_with_or_convicted_of_a_killing_did_it(extractor):
    text = "Walter Lübcke was shot in the head on his terrace on 2 June 2019. Stephan Ernst was arrested two weeks later and convicted of his murder."
    x, _ = _run(extractor, text, date(2021, 1, 1))
    assert _parties(x, "shot") == [(["Stephan Ernst"], ["Walter Lübcke"])], x.events
    # charged: alleged
    text = "A journalist was shot dead in Lagos on 3 May 2021. Police later charged a 27-year-old man with the killing."
    x, _ = _run(extractor, text, date(2021, 6, 1))
    assert [(e.modality, a) for e in x.events if e.trigger == "shot"
            for a in [[text[s.start:s.end] for s in e.actor_spans]]] == [("alleged", ["a 27-year-old man"])], x.events
    # a doer told stays
    text = "Gunmen shot dead a journalist in Lagos on 3 May 2021. Police later charged a 27-year-old man with the killing."
    x, _ = _run(extractor, text, date(2021, 6, 1))
    assert [a for a, _r in _parties(x, "shot")] == [["Gunmen"]], x.events


@pytest.mark.parametrize("text, trigger, day", [
    ("Gunmen attacked the village on 3 May 2021. Ten days later the army retook it.", "retook", "2021-05-13"),
    ("Walter Lübcke was shot in the head on 2 June 2019. Stephan Ernst was arrested two weeks later.", "arrested", "2019-06-16"),
])
def test_days_or_weeks_later_count_from_the_day_the_story_told(extractor, text, trigger, day):
    x, _ = _run(extractor, text, date(2024, 1, 1))
    assert _date_of(x, trigger) == day, x.events


@pytest.mark.parametrize("text, trigger, site", [
    # participants.blast_sites_within: "in" and "on" a building, a venue or a vehicle
    ("Two suicide bombers detonated nail bombs in the departures hall of the airport on 2 May 2021.", "detonated", "departures hall"),
    ("A suicide bomber set off a device on a metro train in the capital on 2 May 2021.", "set", "train"),
    # participants.blast_site_parts: the building of the part a charge went off at
    ("Two bombers detonated explosives at the gate of the Sacred Heart Cathedral in Makassar on 2 May 2021.", "detonated", "Cathedral"),
    # a site hung on the first of two joined prepositions
    ("Suicide bombers set off two explosions inside and at the entrance of the Cathedral of Saint Paul on 2 May 2021.", "set", "Cathedral"),
])
def test_a_charge_set_off_in_a_building_or_a_vehicle_strikes_it(extractor, text, trigger, site):
    x, _ = _run(extractor, text, date(2021, 5, 3))
    spans = _struck_by(x, text, trigger)
    assert any(site in s for s in spans), (spans, x.events, x.relations)


@pytest.mark.parametrize("text", [
    "Militants detonated a car bomb in Kirkuk on 2 May 2021.",
    # a vehicle that carries no charge is none (events.triggers _carries_a_charge)
    "A minibus loaded with grain blew up outside a police station in Quetta. The TTP claimed responsibility.",
])
def test_a_charge_set_off_in_a_town_or_no_charge_strikes_no_place(extractor, text):
    x, _ = _run(extractor, text, date(2021, 5, 3))
    assert not [r for r in x.relations if r.type == "attacks"], x.relations


def test_a_doer_found_later_attacks_the_place_the_act_struck(extractor):
    # events.extract aimed_at: the late doer (events.doer-by-blame) takes the place too
    text = "A car bomb exploded inside the police school in Bogota on 17 January 2019. The government blamed the ELN."
    x, _ = _run(extractor, text, date(2019, 1, 18))
    attacks = [(r.modality, text[r.target_span.start:r.target_span.end]) for r in x.relations
               if r.type == "attacks" and text[r.source_span.start:r.source_span.end] == "ELN"]
    assert attacks == [("alleged", "the police school")], x.relations


def test_an_act_put_down_to_a_party_is_alleged_its_work(extractor):
    # participants.doer_blaming_participles on the act's verb; events.toml doer_naming_verbs
    text = ("A suicide blast ripped through a mosque in Peshawar on 30 January 2023, killing 84 people. "
            "Police later attributed the bombing to Jamaat-ul-Ahrar.")
    x, _ = _run(extractor, text, date(2023, 1, 31))
    bombing = next(e for e in x.events if e.trigger == "bombing")
    assert [text[s.start:s.end] for s in bombing.actor_spans] == ["Jamaat-ul-Ahrar"] and bombing.modality == "alleged", x.events
    # the blast named again by it is its work too, and struck the mosque (impact_through_verbs)
    blast = next(e for e in x.events if e.trigger == "blast")
    assert [text[s.start:s.end] for s in blast.actor_spans] == ["Jamaat-ul-Ahrar"], x.events
    assert any(r.type == "attacks" and r.modality == "alleged" and text[r.target_span.start:r.target_span.end] == "a mosque"
               for r in x.relations), x.relations


@pytest.mark.parametrize("text, protesters", [
    # people by trade (nominals.toml [person] heads)
    ("Hundreds of contract lecturers demonstrated outside the governorate building on 12 March 2023.", "contract lecturers"),
    # a past tense the parser hung on a word of an apposition
    ("Opposition supporters, more than 100,000 by most estimates, rallied in central Minsk on 16 August 2020.", "Opposition supporters"),
    # a verb no one undergoes, read as a participle (participants.never_undergone)
    ("Truckers and their supporters converged on Parliament Hill on 29 January 2022 and demonstrated against the mandates.",
     "Truckers"),
])
def test_protesters_as_notes_name_them(extractor, text, protesters):
    x, _ = _run(extractor, text, date(2023, 3, 13))
    protest = next(e for e in x.events if e.type == "PROTEST")
    assert any(protesters in text[s.start:s.end] for s in protest.actor_spans), x.events


def test_a_named_day_is_no_place_attacked(extractor):
    # factions_date_spans: a named day the model tags as a place or a building is no entity
    text = "On Easter Sunday, militants attacked a church in Kafanchan."
    x, _ = _run(extractor, text, date(2024, 4, 1))
    assert [text[r.target_span.start:r.target_span.end] for r in x.relations if r.type == "attacks"] == ["a church"], x.relations


@pytest.mark.parametrize("text, trigger, doer, other", [
    # a participle the parser hung on a subordinate clause whose subject is no party
    ("The army launched its biggest offensive since the war began, crossing the river and clashing with the rebels.",
     "clashing", "army", "rebels"),
    # a past tense after the phrases that describe the sentence's noun, set off by commas
    ("Kurdish Peshmerga forces, backed by US-led coalition air strikes and joined by Yazidi fighters, pushed into Sinjar "
     "town and fought Islamic State militants.", "fought", "Kurdish Peshmerga forces", "Islamic State"),
    # a fight with the other side named, told as when the clause's act was done
    ("Houthi forces took control of al-Hazm, the provincial capital, on 1 March 2020 after weeks of fighting with government "
     "troops and allied tribesmen.", "fighting", "Houthi", "government troops"),
    ("M23 rebels took control of Rubaya after clashes with Wazalendo militiamen.", "clashes", "M23", "Wazalendo militiamen"),
    # the subject the parser joined to the source that opens the sentence
    ("According to the Joint Operations Command, Iraqi army and Counter-Terrorism Service troops recaptured the complex from "
     "Islamic State fighters.",
     "recaptured", "Iraqi army", "Islamic State"),
])
def test_doers_the_parse_hides(extractor, text, trigger, doer, other):
    x, _ = _run(extractor, text, date(2020, 3, 2))
    event = next(e for e in x.events if e.trigger == trigger)
    assert any(doer in text[s.start:s.end] for s in event.actor_spans), x.events
    assert any(other in text[s.start:s.end] for s in event.recipient_spans), x.events


def test_fighters_withdraw_from_ground_a_state_from_a_body(extractor):
    # events.toml participants.retreating_heads: a single unknown name the model took for a body
    x, _ = _run(extractor, "M23 rebels withdrew from Kibumba on 23 December 2022.", date(2022, 12, 24))
    assert [e.type for e in x.events] == ["RETREAT"], x.events
    x, _ = _run(extractor, "Burundi withdrew from the International Criminal Court in 2017.", date(2018, 1, 1))
    assert not [e for e in x.events if e.type == "RETREAT"], x.events


@pytest.mark.parametrize("text, threatener, threatened", [
    # events.toml THREATEN by_complement harms: a warning to a party named that harm will come
    ("The militia's leader warned Cyprus on 3 May 2024 that it would be treated as part of the war.", "leader", "Cyprus"),
    ("The president warned North Korea on 3 May 2024 that further threats would be met with fire and fury.", "president",
     "North Korea"),
])
def test_a_warning_of_harm_to_a_party_is_a_threat(extractor, text, threatener, threatened):
    x, _ = _run(extractor, text, date(2024, 5, 4))
    threat = next(e for e in x.events if e.type == "THREATEN")
    assert any(threatened in text[s.start:s.end] for s in threat.recipient_spans), x.events


def test_a_warning_of_harm_to_no_party_is_no_threat(extractor):
    x, _ = _run(extractor, "The UN warned the government on 3 May 2024 that famine would spread.", date(2024, 5, 4))
    assert not [e for e in x.events if e.type == "THREATEN"], x.events


@pytest.mark.parametrize("text, hands", [
    # relations.toml [equipment] means_of_assault: the parser hangs "with" on the object
    ("Rebels pursued the attackers with helicopter gunships and artillery.",
     [("Rebels", "helicopter gunships"), ("Rebels", "artillery")]),
    # ... or on the object of the assault's preposition; a list with heavy kit in it is the means, every item
    ("For three days police officers, commandos and soldiers fired on the pavilions with rifles, grenades and rockets.",
     [(who, kit) for kit in ("rifles", "grenades", "rockets") for who in ("police officers", "commandos", "soldiers")]),
    # ... and heavy kit by the words of its name
    ("Gunmen shot down two Mi-17 helicopters with rocket-propelled grenades.", [("Gunmen", "rocket-propelled grenades")]),
    # (what the people attacked hold is theirs: "with sticks" names no means of the assault)
    ("Police fired on protesters with sticks.", []),
])
def test_the_means_of_an_assault_hung_on_its_object_are_the_doers(extractor, text, hands):
    x, _ = _run(extractor, text)
    found = [(text[r.source_span.start:r.source_span.end], text[r.target_span.start:r.target_span.end])
             for r in x.relations if r.type == "controls"]
    assert found == hands, x.relations


def test_a_when_clause_hung_on_a_noun_of_the_object_dates_the_act(extractor):
    # events.time when_clauses_on_nouns (events.date-of-joined-act, events.doer-of-enclosing-act)
    text = ("Israeli troops killed 15 emergency workers, eight Palestine Red Crescent medics, six Civil Defence rescuers and a "
            "UN staff member, when they fired on a convoy of marked ambulances before dawn on 23 March 2025.")
    x, _ = _run(extractor, text, date(2025, 3, 30))
    killed = next(e for e in x.events if e.trigger == "killed")
    assert killed.when is not None and killed.when.start == "2025-03-23", x.events
    x, _ = _run(extractor, "Rebels attacked the town on the day when the army left.", date(2025, 3, 30))
    assert next(e for e in x.events if e.trigger == "attacked").when is None, x.events


@pytest.mark.parametrize("text, doer", [
    # events.doer-behind through the act named again (events.extract _told_before)
    ("A bomb exploded at a bus stop in Jerusalem on 23 November 2022, killing two people. Police said a Hamas cell was behind "
     "the blast.", "Hamas cell"),
    # events.doer-by-charge, the charge "over" a blast (participants.crime_nouns)
    ("A car bomb exploded outside a bank in Gondar on 3 May 2021. Prosecutors later charged the Fano militia over the blast.",
     "Fano"),
])
def test_the_doer_named_of_an_act_told_again_did_the_act_told_first(extractor, text, doer):
    x, _ = _run(extractor, text, date(2022, 11, 24))
    exploded = next(e for e in x.events if e.trigger == "exploded")
    assert any(doer in text[s.start:s.end] for s in exploded.actor_spans), x.events
    assert exploded.modality in ("reported", "alleged"), x.events  # as the phrase that names the doer tells it


def test_a_blame_for_another_act_names_no_doer(extractor):
    # events.extract _blames_for_something: the "for" the parser hung on the one blamed
    text = ("A grenade exploded in a bar in Bujumbura on 9 September 2015. The interior ministry blamed the opposition for "
            "last month's violent protests.")
    x, _ = _run(extractor, text, date(2015, 9, 10))
    assert next(e for e in x.events if e.trigger == "exploded").actors == [], x.events


@pytest.mark.parametrize("text, trigger, doer", [
    # participants.doer_blaming_participles "ascribe to", the "to" hung on the act
    ("A UN panel ascribed the 2 September 2016 ambush of peacekeepers near Beni to ADF rebels.", "ambush", "ADF"),
    # whose work an act was
    ("Rwanda's government said the shelling of Gisenyi on 7 November 2012 was the work of Congolese army units.", "shelling",
     "Congolese army units"),
    # PROTEST phrases: "took to the streets"
    ("Students of Makerere University, carrying placards, took to the streets of Kampala on 22 October 2019.", "took", "Students"),
])
def test_doers_named_by_the_words_around_an_act(extractor, text, trigger, doer):
    x, _ = _run(extractor, text, date(2019, 10, 23))
    event = next(e for e in x.events if e.trigger == trigger)
    assert any(doer in text[s.start:s.end] for s in event.actor_spans), x.events


@pytest.mark.parametrize("text, retreat", [
    # events.toml RETREAT verbs_by_doer: troops that leave or vacate ground
    ("The last US combat troops left Iraq on 18 December 2011, crossing into Kuwait.", True),
    ("Armenian forces vacated the Kalbajar district on 25 November 2020.", True),
    ("The delegation left Doha on 3 May 2020.", False),
    # participants.withdrawn_without_retreat: what is withdrawn that is no force
    ("The rebels withdrew their demand for a federal system on 6 November 2022.", False),
    ("Russia withdrew its troops from the border on 6 November 2022.", True),
])
def test_forces_that_leave_retreat_and_demands_withdrawn_do_not(extractor, text, retreat):
    x, _ = _run(extractor, text, date(2022, 11, 7))
    assert bool([e for e in x.events if e.type == "RETREAT"]) is retreat, x.events


def test_a_party_named_to_say_what_something_is_like_is_no_party(extractor):
    # participants._nearest: nothing from a "like" phrase
    text = ("The gunmen, some dressed in uniforms like those of federal agents, shot at police patrol cars and abducted "
            "police officers and civilians.")
    x, _ = _run(extractor, text)
    assert not [e for e in x.events if any("agents" in text[s.start:s.end] for s in e.actor_spans)], x.events


def test_officials_suspended_from_their_duties_are_no_sanction(extractor):
    # participants.office_words
    text = ("The government has suspended the Minister of Defence, Mr Al-Mahdi al-Barghathi, and the commander of the Third "
            "Force, Mr Jamal al-Treiki, from their duties.")
    x, _ = _run(extractor, text)
    assert not [e for e in x.events if e.type == "SANCTION"], x.events
    x, _ = _run(extractor, "The African Union suspended Guinea from its activities on 3 May 2021.", date(2021, 5, 4))
    assert [e.type for e in x.events] == ["SANCTION"], x.events


def test_kit_counted_in_dozens_is_in_the_hands_of_those_who_came_in_it(extractor):
    # relations.toml [equipment] measure_nouns: "dozens", "hundreds"
    text = "Witnesses said the attackers arrived in dozens of pick-up trucks mounted with anti-aircraft guns."
    x, _ = _run(extractor, text)
    assert ("the attackers", "trucks") in [(text[r.source_span.start:r.source_span.end], text[r.target_span.start:r.target_span.end])
                                           for r in x.relations if r.type == "controls"], x.relations


def test_a_clause_read_as_its_objects_modifier_is_the_sentences(extractor):
    # factions_clause_repairs _clause_read_as_a_modifier: "fought" read as the adjective of
    # "rebels", the sentence's root, with its own subject
    text = ("Chad's army fought rebels of the Front for Change and Concord in Chad (FACT) in Kanem province on 17 and 18 "
            "April 2021, and said on 19 April that it had killed more than 300 rebels.")
    x, _ = _run(extractor, text, date(2021, 4, 20))
    fought = next(e for e in x.events if e.trigger == "fought")
    assert fought.when is not None and (fought.when.start, fought.when.end) == ("2021-04-17", "2021-04-18"), x.events
    assert fought.rule == "events.trigger-verb", x.events


def test_a_base_fired_at_from_ships_is_attacked(extractor):
    # factions_clause_repairs _aimed_from_a_place: the "at" hung on a craft fired from
    text = "US forces fired 59 cruise missiles from two destroyers in the eastern Mediterranean at Shayrat air base on 7 April 2017."
    x, _ = _run(extractor, text, date(2017, 4, 8))
    assert any(r.type == "attacks" and "air base" in text[r.target_span.start:r.target_span.end] for r in x.relations), x.relations


def test_a_body_that_claims_an_act_done_by_people_told_by_a_noun_did_it_too(extractor):
    # events.doer-by-later-mention: the group beside the bomber (events.extract _co_doers)
    text = ("A suicide bomber blew himself up inside a mosque in Peshawar on 4 March 2022, killing 63 worshippers. "
            "The Islamic State claimed the attack.")
    x, names = _run(extractor, text, date(2022, 3, 5))
    blew = next(e for e in x.events if e.trigger == "blew")
    assert [text[s.start:s.end] for s in blew.actor_spans] == ["A suicide bomber", "Islamic State"], x.events
    assert any(r.type == "attacks" and names[r.source] == "Islamic State" and r.modality == "alleged" for r in x.relations), x.relations
    # (people named as doers join no one: "the attack was carried out by bandits")
    x, _ = _run(extractor, "Gunmen killed five people in Kano. Police said the attack was carried out by bandits.", date(2022, 3, 5))
    assert len(next(e for e in x.events if e.trigger == "killed").actors) == 1, x.events


@pytest.mark.parametrize("text,doer,undergone", [
    # factions_clause_repairs _verb_read_as_a_modifier: the act read inside a participle's phrase
    ("A man armed with an axe attacked shoppers in a market in Lyon on 3 May 2019, wounding four.", "A man", "shoppers"),
    ("A group of men dressed in police uniforms stormed the offices of the electoral commission.", "A group", None),
    ("A man armed with a shotgun shot two guards outside the embassy.", "A man", "two guards"),
])
def test_an_act_after_a_participle_describing_its_doer_is_the_sentences(extractor, text, doer, undergone):
    x, _ = _run(extractor, text, date(2019, 5, 4))
    act = next(e for e in x.events if e.type == "ASSAULT" and e.rule == "events.trigger-verb")
    assert text[act.actor_spans[0].start:act.actor_spans[0].end] == doer, x.events
    if undergone:
        assert undergone in [text[s.start:s.end] for s in act.recipient_spans], x.events
    x, _ = _run(extractor, "A man armed with a modified rifle.")
    assert not x.events


@pytest.mark.parametrize("text,undergone", [
    # nominals.toml person heads: people at a place of leisure, and a gathering of people
    ("A gunman shot three clubgoers in Bratislava on 12 October 2022.", "three clubgoers"),
    ("A driver rammed his car into festival-goers in Volkmarsen on 24 February 2020.", "festival-goers"),
    # (the word whole, as the tokenizer splits it at its hyphen)
    ("A grenade thrown at a police post in Bujumbura wounded three passers-by on 14 May 2016.", "three passers-by"),
    ("A suicide bomber struck a Shia procession in Karachi on 28 December 2009.", "a Shia procession"),
    ("Jets struck a gathering of tribal elders in Datta Khel on 17 March 2011.", "a gathering"),
])
def test_people_gathered_or_at_leisure_are_parties_attacked(extractor, text, undergone):
    x, _ = _run(extractor, text, date(2022, 12, 1))
    assert undergone in [text[s.start:s.end] for e in x.events if e.type == "ASSAULT" for s in e.recipient_spans], x.events


def test_diplomatic_ties_cut_are_a_sanction_and_ties_alone_a_split(extractor):
    # events.toml SANCTION phrases "diplomatic ties" (an object with its kind: triggers._match_trigger)
    x, names = _run(extractor, "Bahrain cut diplomatic ties with Iran on 4 January 2016.", date(2016, 1, 5))
    assert [(e.type, [names[a] for a in e.actors], [names[a] for a in e.recipients]) for e in x.events] \
        == [("SANCTION", ["Bahrain"], ["Iran"])], x.events
    x, _ = _run(extractor, "The militia cut ties with the Islamic State in 2017.")
    assert [e.type for e in x.events] == ["SPLIT"], x.events


def test_asset_freezes_imposed_are_a_sanction_and_a_freeze_on_hiring_is_not(extractor):
    # factions_clause_repairs _object_read_as_clause; events.toml SANCTION only_with freeze compounds
    text = "The European Union imposed asset freezes on twelve officials on 2 March 2020."
    x, names = _run(extractor, text, date(2020, 3, 3))
    sanction = next(e for e in x.events if e.type == "SANCTION")
    assert [names[a] for a in sanction.actors] == ["European Union"], x.events
    x, _ = _run(extractor, "The government announced a freeze on hiring.")
    assert not [e for e in x.events if e.type == "SANCTION"], x.events


def test_a_warning_to_a_party_of_an_attack_on_it_is_a_threat(extractor):
    # events.toml THREATEN by_complement harms: "attack"
    text = "The defence minister warned Kosovo that Serbia would answer any provocation with an attack."
    x, names = _run(extractor, text)
    threat = next(e for e in x.events if e.type == "THREATEN")
    assert [names[a] for a in threat.recipients] == ["Kosovo"], x.events


def test_fighters_counted_in_hundreds_that_leave_retreat(extractor):
    # triggers._headed_by: the doer's head in the "of" of a count (events.toml participants quantity_heads)
    text = "Hundreds of Taliban fighters and their families left the district on 3 May 2021."
    x, _ = _run(extractor, text, date(2021, 5, 4))
    assert [e.type for e in x.events] == ["RETREAT"], x.events


def test_aid_sent_for_people_is_aid_to_them(extractor):
    # events.arguments _aid_meant_for (events.toml participants aid_for_verbs)
    text = "The ICRC delivered 12 tonnes of medicine and blankets for displaced families in Aden on 4 May 2016."
    x, _ = _run(extractor, text, date(2016, 5, 5))
    aid = next(e for e in x.events if e.type == "AID")
    assert [text[s.start:s.end] for s in aid.recipient_spans] == ["displaced families"], x.events
    x, _ = _run(extractor, "Qatar sent fuel for the winter.")
    assert not [s for e in x.events for s in e.recipient_spans], x.events


def test_a_party_identified_as_the_bombers_did_the_bombing(extractor):
    # events.doer-by-identification
    text = ("A car bomb exploded outside a police station in Bilbao on 3 June 1995, killing two officers. "
            "Police identified the Basque group ETA as the bombers.")
    x, names = _run(extractor, text, date(1995, 6, 4))
    exploded = next(e for e in x.events if e.trigger == "exploded")
    assert exploded.rule == "events.doer-by-identification" and exploded.modality == "alleged", x.events
    assert "ETA" in [names[a] for a in exploded.actors], x.events
    x, _ = _run(extractor, "Gunmen killed five guards. Police identified the victims as students.")
    assert next(e for e in x.events if e.trigger == "killed").rule == "events.trigger-verb", x.events


def test_a_name_that_ends_in_a_country_is_one_with_its_acronym(extractor):
    # factions_text_acronyms _name_ending_in_place
    text = "The attack was claimed by Jaish-e-Nasr Pakistan (JNP), a little-known group. JNP said it would strike again."
    x, names = _run(extractor, text)
    jnp = [names[m.actor] for m in x.mentions if m.text == "JNP"]
    assert jnp == ["Jaish-e-Nasr Pakistan", "Jaish-e-Nasr Pakistan"], [(m.text, names.get(m.actor)) for m in x.mentions]


@pytest.mark.parametrize("text,area", [
    # factions_entity_fixes: an area in brackets after a place, an area's acronym, and an
    # administrative noun after a hyphenated name
    ("A bomb exploded at a market in Marawi City (Lanao del Sur) on Sunday.", "Lanao del Sur"),
    ("Gunmen attacked Dansadau (Maru LGA, Zamfara state) on 3 May.", "Maru LGA"),
    ("Rebels attacked troops in Fotokol (Logone-et-Chari department) on 4 May.", "Logone-et-Chari"),
])
def test_areas_that_coded_notes_bracket_are_places(extractor, text, area):
    x, _ = _run(extractor, text, date(2021, 5, 10))
    assert area in [a.name for a in x.actors if a.kind == "location"], [(a.name, a.kind) for a in x.actors]
    assert not [s for e in x.events for s in e.actor_spans + e.recipient_spans if text[s.start:s.end] == area], x.events


@pytest.mark.parametrize("text,trigger,start", [
    # factions_clause_repairs _main_clause_read_as_conjunct; events.time _same_time ("hours after")
    ("Hours after rebel fighters overran the presidential palace on 21 March 2013, the president and the rebels "
     "signed a ceasefire agreement.", "signed", "2013-03-21"),
    # factions_clause_repairs _phrases_of_an_aside
    ("Soldiers opened fire on supporters of the opposition, most of them students from the capital, at a bridge "
     "near Kasese on 14 November 2020 as they marched on the town.", "opened", "2020-11-14"),
])
def test_the_date_the_parse_hides_is_the_acts(extractor, text, trigger, start):
    x, _ = _run(extractor, text, date(2020, 11, 20))
    assert _date_of(x, trigger) == start, x.events


@pytest.mark.parametrize("text,trigger,role,spans", [
    # actors.index _subject_of_object: "them" after a joined verb is not the subject it shares
    ("Islamic State militants rounded up shepherds near Palmyra on Saturday and killed them.", "killed", "recipient",
     ["shepherds"]),
    # factions_clause_repairs _preposition_read_as_modifier
    ("Gunmen opened fire on worshippers outside churches in Kaduna.", "opened", "recipient", ["worshippers"]),
    # actors.index resolve_pronoun: "them" after a preposition on the verb is not its subject
    ("Police chased protesters through the streets and fired at them as they ran.", "fired", "recipient", ["protesters"]),
    # nominals.toml person heads: "parolee"
    ("A parolee shot dead two police officers in Oakland.", "shot", "actor", ["A parolee"]),
])
def test_parties_the_parse_or_the_lexicon_hid(extractor, text, trigger, role, spans):
    x, _ = _run(extractor, text, date(2020, 11, 20))
    event = next(e for e in x.events if e.trigger == trigger)
    found = event.recipient_spans if role == "recipient" else event.actor_spans
    assert [text[s.start:s.end] for s in found] == spans, x.events


def test_a_body_that_claimed_the_attack_an_act_was_done_in_did_it_too(extractor):
    # events.doer-of-enclosing-act, for an act done by people told by a noun (_co_doers)
    text = ("A suicide bomber blew himself up at a rally in Bajaur on 30 July 2023, killing 63 people, many of them party "
            "workers, in an attack claimed by the Islamic State.")
    x, names = _run(extractor, text, date(2023, 7, 31))
    killing = next(e for e in x.events if e.trigger == "killing")
    assert [names[a] for a in killing.actors] == ["suicide bomber", "Islamic State"], x.events


@pytest.mark.parametrize("text,place", [
    # events.toml participants occasions_attacked (participants.places: a place described)
    ("A suicide bomber struck an election rally in Mastung on 13 July 2018, killing 128 people.", "an election rally"),
    ("Army aircraft bombed a wedding in Wedinba on 8 March 2023.", "a wedding"),
    ("Drones struck a military parade at the base on 10 January 2019.", "a military parade"),
])
def test_an_occasion_attacked_is_the_place_attacked(extractor, text, place):
    x, _ = _run(extractor, text, date(2023, 3, 10))
    assert place in [text[r.target_span.start:r.target_span.end] for r in x.relations if r.type == "attacks"], x.relations
    x, _ = _run(extractor, "Protesters held a rally in the capital.")
    assert not [r for r in x.relations if r.type == "attacks"], x.relations


def test_a_named_school_read_as_a_product_is_the_place_attacked(extractor):
    # factions_entity_fixes: a work's or product's name ending in a building's word is a building
    text = "Gunmen attacked the Saint Joseph Bilingual Academy in Bamenda on 4 November 2021."
    x, _ = _run(extractor, text, date(2021, 11, 5))
    assert "the Saint Joseph Bilingual Academy" in [text[r.target_span.start:r.target_span.end] for r in x.relations
                                                   if r.type == "attacks"], x.relations


def test_a_believers_adjective_on_a_place_is_no_doer(extractor):
    # participants._names_a_thing: a name as the adjective of a place ("a Pentecostal church")
    text = "A bomb exploded at a Pentecostal church in Kasindi on 15 January 2023, killing 14 worshippers."
    x, names = _run(extractor, text, date(2023, 1, 16))
    assert not [a for e in x.events for a in e.actors if names[a] == "Pentecostal"], x.events


def test_a_piece_of_a_date_read_as_a_subject_is_no_subject(extractor):
    # events.arguments _subject_tokens: "mid-January" read as a second subject
    text = "In mid-January 2015, Chad's army deployed a convoy of troops into northern Cameroon."
    x, names = _run(extractor, text, date(2015, 2, 1))
    deployed = next(e for e in x.events if e.trigger == "deployed")
    assert deployed.actors and all(names[a] != "mid" for a in deployed.actors), x.events


def test_a_count_of_people_deployed_somewhere_is_the_deployment(extractor):
    # events.toml participants gone_participles: the participle after a count's "of" is the verb
    text = "A first contingent of 400 Kenyan police officers deployed to the capital on 25 June 2024."
    x, _ = _run(extractor, text, date(2024, 6, 26))
    assert [(e.type, [text[s.start:s.end] for s in e.actor_spans]) for e in x.events] == [("MOBILIZE", ["A first contingent"])], x.events


def test_a_groups_province_is_its_branch(extractor):
    # factions_entity_fixes _possessed_by_a_body; factions_nominals: no place nominal on it
    text = "The Islamic State's self-styled Sinai Province claimed the bombing."
    x, names = _run(extractor, text)
    claim = next(e for e in x.events if e.type == "CLAIM_RESPONSIBILITY")
    assert [names[a] for a in claim.actors] == ["Islamic State Sinai Province"], x.events  # (the knowledge base's name)
    assert "Sinai Province" not in [a.name for a in x.actors if a.kind == "location"], x.actors


def test_joined_subjects_cut_into_sentences_after_a_label_are_joined_again(extractor):
    # factions_clause_repairs _subjects_split_into_sentences
    text = "Doha: Israel and Hamas agreed on 15 January 2025 to a ceasefire in Gaza."
    x, names = _run(extractor, text, date(2025, 1, 16))
    agreed = next(e for e in x.events if e.type == "AGREE")
    assert [names[a] for a in agreed.actors] == ["Israel", "Hamas"], x.events


@pytest.mark.parametrize("text,trigger,doers,undergone", [
    # events.arguments _subject_tokens: a piece of a date read as a subject beside a name
    ("At around 2000 hrs on 19 December 2016, Tunisian national Anis Amri rammed a truck into a market in Berlin.",
     "rammed", ["Anis Amri"], []),
    # events.arguments: a participle said of a passive's subject ("was found shot dead")
    ("The driver of the truck was found shot dead in the cab.", "shot", [], ["The driver"]),
    # nominals.toml person heads: a family
    ("A man rammed his pickup truck into a Muslim family out for an evening walk.", "rammed", ["A man"], ["a Muslim family"]),
    # factions_clause_repairs _clause_read_as_an_object: "as" read as a preposition
    ("Dozens killed as Wagner-backed troops overrun Moura\n\nThe army said on Monday that order had been restored.",
     "overrun", ["Wagner-backed troops"], []),
    # events.arguments: a list under a participle whose first word is a bare title keeps its parties
    ("Sheriff and three civilians killed by two gunmen in Salt Lake City; both suspects dead after shootout\n\n"
     "The police said on Monday that the attackers had been identified.", "killed", ["two gunmen"], ["three civilians"]),
    # factions_entity_fixes _peoples (actor_kinds.toml peoples), events.participants: a people named
    # alone is one, what the model made of it (a place, a body, nothing) and however it is tagged
    ("Gunmen attacked Hazaras at a market in Kabul on Sunday.", "attacked", ["Gunmen"], ["Hazaras"]),
    ("Security forces detained hundreds of Uyghurs in Kashgar.", "detained", ["Security forces"], ["Uyghurs"]),
    ("Militiamen killed dozens of Yazidis near Sinjar.", "killed", ["Militiamen"], ["Yazidis"]),
])
def test_doers_and_those_who_underwent_the_act_the_parse_confused(extractor, text, trigger, doers, undergone):
    x, _ = _run(extractor, text, date(2021, 6, 8))
    event = next(e for e in x.events if e.trigger == trigger)
    assert [text[s.start:s.end] for s in event.actor_spans] == doers, x.events
    assert [text[s.start:s.end] for s in event.recipient_spans] == undergone, x.events


@pytest.mark.parametrize("text,trigger,kind,doers,undergone", [
    # events.toml ASSAULT phrases: a weapon thrown (not "threw its support behind")
    ("An unidentified attacker threw a hand grenade into the crowd at the rally.", "threw", "ASSAULT", ["An unidentified attacker"], ["the crowd"]),
    # nominals.toml person heads: pupils and classmates
    ("A 15-year-old pupil stabbed a classmate at a school in Nantes.", "stabbed", "ASSAULT", ["A 15-year-old pupil"], ["a classmate"]),
    # factions_clause_repairs _party_after_a_duration: "against" hung on the time of the march
    ("Thousands of students marched on the morning of 3 May against the governor.", "marched", "PROTEST", ["students"], ["the governor"]),
    # events.toml MOBILIZE when_object: forces moved or sent somewhere
    ("The army moved two battalions into the buffer zone on 13 November.", "moved", "MOBILIZE", ["The army"], ["two battalions"]),
    # events.toml PROTEST nouns_by_modifier: a strike told by how long it lasts
    ("Dockers held a 48-hour strike at the port.", "strike", "PROTEST", ["Dockers"], []),
    # events.toml ASSAULT when_object beat (people beaten)
    ("Riot police beat protesters with batons outside parliament on 3 May.", "beat", "ASSAULT", ["Riot police"], ["protesters"]),
    # events.toml PROTEST verbs_by_doer occupy, phrases "walk off the job", "down tools"
    ("Thousands of protesters occupied the main roads around the parliament on Sunday.", "occupied", "PROTEST", ["protesters"], []),
    ("Workers at the port walked off the job on Monday.", "walked", "PROTEST", ["Workers"], []),
    # events.toml CONCEDE phrases: power ceded
    ("The outgoing president ceded power to the opposition leader on 21 January.", "ceded", "CONCEDE", ["The outgoing president"],
     ["the opposition leader"]),
    # events.toml AID when_object drop, supplies_heads meal: aid dropped from the air (by the
    # state whose aircraft they are: demonyms.toml [heads] arms)
    ("Jordanian aircraft dropped meals and medicine to civilians in northern Gaza.", "dropped", "AID", ["Jordanian"],
     ["civilians"]),
])
def test_acts_told_with_words_of_their_own(extractor, text, trigger, kind, doers, undergone):
    x, _ = _run(extractor, text, date(2021, 6, 8))
    event = next(e for e in x.events if e.trigger == trigger)
    assert event.type == kind, x.events
    assert [text[s.start:s.end] for s in event.actor_spans] == doers, x.events
    assert [text[s.start:s.end] for s in event.recipient_spans] == undergone, x.events


@pytest.mark.parametrize("text", [
    "The party threw its support behind the president.",
    "The ministry moved the talks to Geneva.",
    "The government dropped the charges against the two journalists.",
    "Warplanes dropped leaflets over the town on Sunday.",
    "Fans poured onto the streets of Lima to celebrate the title.",
    # events.triggers: a participle with an article names people, no act
    "A helicopter of the air force carried the most seriously injured to the military hospital.",
    "The wounded were taken to a clinic in Gao.",
    # events.triggers _describes_a_place: a participle that says where a place lies
    "In the capital, thousands of people gathered in surrounding streets on Sunday.",
])
def test_words_of_acts_in_other_senses_make_none(extractor, text):
    x, _ = _run(extractor, text)
    assert [e for e in x.events if e.type in ("ASSAULT", "MOBILIZE", "AID", "PROTEST")] == [], x.events


def test_the_owner_named_in_a_doers_phrase_is_not_the_other_side(extractor):
    # events.extract _owners: "Iran's" is the doer's, not the party attacked (events.nearest-party)
    text = "The air base was targeted by Iran's Revolutionary Guards on 23 June 2025."
    x, names = _run(extractor, text, date(2025, 6, 24))
    event = next(e for e in x.events if e.trigger == "targeted")
    assert [text[s.start:s.end] for s in event.actor_spans] == ["Revolutionary Guards"] and event.recipient_spans == [], x.events


def test_where_a_charge_was_hidden_is_what_it_struck(extractor):
    # events.arguments _sites_of_charge (participants.charge_placing_verbs)
    text = "A bomb hidden in a toilet at the Meridian shopping centre exploded on 17 June. Police blamed the Revolutionary Cells."
    x, names = _run(extractor, text, date(2021, 6, 20))
    assert any(t == "attacks" and target.endswith("shopping centre") for t, _, target in _relations(x, names)), _relations(x, names)


@pytest.mark.parametrize("text, site", [
    # events.triggers _carries_a_charge (participants.charge_carrying_words)
    ("A minibus packed with explosives blew up outside a police station in Quetta. The TTP claimed responsibility.", "police station"),
    ("An explosives-laden lorry exploded at a checkpoint near Mogadishu airport. Al-Shabaab claimed responsibility.", "checkpoint"),
    # events.arguments _charges_set_off: a verb sharing the subject of the verb it is joined to
    ("A van packed with explosives was driven past a roadblock and blew up outside a police station in Kandahar. "
     "The Taliban claimed responsibility.", "police station"),
])
def test_a_vehicle_carrying_a_charge_is_the_charge_and_strikes_where_it_goes_off(extractor, text, site):
    x, names = _run(extractor, text, date(2021, 6, 20))
    assert any(t == "attacks" and target.endswith(site) for t, _, target in _relations(x, names)), _relations(x, names)


@pytest.mark.parametrize("text, trigger, doers", [
    # events.arguments _subject_tokens: a participle hung on a clause that tells no act, what was
    # going on then, is the main clause's
    ("Police opened fire in the square on 3 May, as protesters gathered outside the parliament, killing 12 people.", "killing",
     ["Police"]),
    ("Soldiers shelled the village on Monday, while residents slept in their homes, killing nine civilians.", "killing", ["Soldiers"]),
    # one hung on a clause that tells an act is that act's
    ("Troops were deployed to the area after gunmen raided a village, killing nine villagers.", "killing", ["gunmen"]),
])
def test_a_result_told_after_a_clause_of_what_went_on_is_the_main_acts(extractor, text, trigger, doers):
    x, _ = _run(extractor, text, date(2019, 5, 4))
    act = next(e for e in x.events if e.trigger == trigger)
    assert [text[s.start:s.end] for s in act.actor_spans] == doers, x.events


def test_a_past_verb_after_an_aside_is_the_sentences_verb(extractor):
    # factions_clause_repairs _verb_after_an_aside; factions_entity_fixes: no name opens with a finite verb
    text = "Fighters of the Shura Council, the local arm of the Northern Front (NF), overran army positions near Kumbo on 4 March 2012."
    x, names = _run(extractor, text, date(2012, 3, 6))
    event = next(e for e in x.events if e.trigger == "overran")
    assert event.type == "ASSAULT" and [names[a] for a in event.actors] == ["Shura Council"], x.events
    assert "overran army" not in [m.text for m in x.mentions], x.mentions
    assert (event.when.start, event.when.end) == ("2012-03-04", "2012-03-04")


def test_a_regular_past_read_as_a_participle_after_an_aside_is_the_verb(extractor):
    # factions_clause_repairs _verb_after_an_aside: "hacked" read as the adjective of "shopkeeper"
    text = "Two men, Arjun Singh and Vikram Rao, hacked tailor Mohan Lal to death in his shop on 2 May 2023."
    x, names = _run(extractor, text, date(2023, 5, 4))
    event = next(e for e in x.events if e.trigger == "hacked")
    assert event.type == "ASSAULT" and [names[a] for a in event.recipients] == ["Mohan Lal"], x.events
    assert {names[a] for a in event.actors} == {"Arjun Singh", "Vikram Rao"}, x.events


def test_a_labels_words_in_brackets_do_not_count_against_its_length(extractor):
    # nlp.components.label_lead_end: the aside in brackets is no part of the label's seven words
    text = "Kenya weekly security digest (Mon 3 Jun 2024): On Friday (31 May), nurses of the Kenyatta hospital held a protest."
    x, names = _run(extractor, text, date(2024, 6, 3))
    protest = next(e for e in x.events if e.type == "PROTEST")
    assert protest.actor_spans and "Kenya" not in text[protest.actor_spans[0].start:protest.actor_spans[0].end], x.events
    assert (protest.when.start, protest.when.end) == ("2024-05-31", "2024-05-31"), x.events


def test_a_bracket_before_a_colon_is_no_emoticon(extractor):
    # model_view.toml [emoticons]: "):" splits, so a bracketed place label ends before its note
    text = "Gao (Mali): Gunmen shot two traders near the market on 3 May 2023."
    assert [t.text for t in extractor.nlp.tokenizer(text)][:5] == ["Gao", "(", "Mali", ")", ":"]
    x, names = _run(extractor, text, date(2023, 5, 4))
    event = next(e for e in x.events if e.trigger == "shot")
    assert [text[s.start:s.end] for s in event.actor_spans] == ["Gunmen"], x.events


@pytest.mark.parametrize("headline,trigger,doers,undergone", [
    # factions_clause_repairs _headline_verb_read_as_noun: a headline's verb read as a noun
    ("Rioters attack gendarmerie units in Tizi Ouzou; 47 gendarmes injured", "attack", ["Rioters"], ["units"]),
    ("Joint forces of Chad and Niger attack Boko Haram camps near Diffa", "attack", ["Joint forces"], ["Boko Haram"]),
    ("Soldiers storm rebel stronghold in Kidal", "storm", ["Soldiers"], []),
])
def test_a_headlines_verb_read_as_a_noun_is_its_verb(extractor, headline, trigger, doers, undergone):
    text = headline + "\n\nThe ministry said on Monday that order had been restored."
    x, _ = _run(extractor, text, date(2021, 6, 8))
    event = next(e for e in x.events if e.trigger == trigger)
    assert [text[s.start:s.end] for s in event.actor_spans] == doers, x.events
    assert [text[s.start:s.end] for s in event.recipient_spans] == undergone, x.events


@pytest.mark.parametrize("headline", ["Camp Chapman attack", "The attack on the Kidal base", "Kidal ambush: what we know"])
def test_a_headlines_noun_stays_a_noun(extractor, headline):
    x, _ = _run(extractor, headline + "\n\nThe ministry said on Monday that order had been restored.", date(2021, 6, 8))
    assert not [e for e in x.events if e.trigger_span and e.trigger_span.start < len(headline) and e.actors], x.events


def test_a_name_before_a_buildings_kind_is_the_building(extractor):
    # factions_entity_fixes (actor_kinds.toml entity_fixes facility_nouns_after): not a party
    text = "Militants attacked the al-Nasr tower in the city centre on 15 May 2021."
    x, names = _run(extractor, text, date(2021, 5, 16))
    assert ("attacks", "Militants", "al-Nasr tower") in _relations(x, names), _relations(x, names)
    assert not [r for r in x.relations if r.type == "fights"], x.relations


def test_the_agent_of_a_participle_on_the_doer_is_not_the_other_side(extractor):
    # events.participants _agent_of_the_act (rule events.nearest-party)
    text = "Offensives by government forces, backed by US air power, pushed the rebels back."
    x, _ = _run(extractor, text)
    fought = [text[r.target_span.start:r.target_span.end] for r in x.relations if r.type == "fights"]
    assert fought == ["the rebels"], x.relations


def test_troops_occupying_a_town_are_no_protest(extractor):
    x, _ = _run(extractor, "Troops occupied the town of Kidal on Sunday.")
    assert [e for e in x.events if e.type == "PROTEST"] == [], x.events


def test_a_hedged_description_without_commas_leaves_the_verb_its_subject_and_date(extractor):
    # factions_clause_repairs _hedge_without_commas
    text = "On 7 September 2023, gunmen believed to belong to the Islamic State Sahel Province fired rockets at a ferry near Gao."
    x, _ = _run(extractor, text, date(2023, 9, 9))
    event = next(e for e in x.events if e.trigger == "fired")
    assert [text[s.start:s.end] for s in event.actor_spans] == ["gunmen"], x.events
    assert (event.when.start, event.when.end) == ("2023-09-07", "2023-09-07"), x.events


def test_a_claim_followed_by_a_clause_of_its_own_stays_a_claim(extractor):
    # factions_clause_repairs _hedge_without_commas leaves "claimed … , but he reappeared" alone
    text = "The army claimed several times to have killed the commander, but he reappeared in videos each time."
    x, _ = _run(extractor, text)
    event = next(e for e in x.events if e.trigger == "killed")
    assert [text[s.start:s.end] for s in event.actor_spans] == ["The army"] and event.modality == "alleged", x.events


def test_an_adjective_read_as_the_subject_describes_the_noun_before_it(extractor):
    # factions_clause_repairs _adjective_read_as_subject
    text = ("In the early hours of 9 September 2013, about 200 fighters of the Moro National Liberation Front (MNLF) "
            "loyal to its founder Nur Misuari landed near Zamboanga and clashed with government troops.")
    x, names = _run(extractor, text, date(2013, 9, 10))
    event = next(e for e in x.events if e.trigger == "clashed")
    assert [names[a] for a in event.actors] == ["Moro National Liberation Front"], x.events


@pytest.mark.parametrize("text", ["Ireland beat Italy in the World Cup.", "The contractors beat the deadline by a week."])
def test_a_state_or_a_thing_beaten_is_no_assault(extractor, text):
    # events.toml ASSAULT when_object beat = foe: people or a body, not a state
    x, _ = _run(extractor, text)
    assert [e for e in x.events if e.type == "ASSAULT"] == [], x.events


def test_the_initiative_ceded_is_no_concession(extractor):
    # events.toml CONCEDE: power, control or ground ceded, not the initiative
    x, _ = _run(extractor, "Analysts said that the army had ceded the initiative on the southern front.")
    assert [e for e in x.events if e.type == "CONCEDE"] == [], x.events


@pytest.mark.parametrize("text, trigger, doer, place", [
    # events.toml ASSAULT phrases fire/shoot "into" a place or a party (triggers._fired: what is
    # fired is no object acted on)
    ("A teenager fired a hunting rifle into the packed town hall of Vorden on 2 March 2019.", "fired", "A teenager", "town hall"),
    ("Masked men sprayed bullets into a crowded nightclub in Orlu on 2 March 2019.", "sprayed", "Masked men", "nightclub"),
    # when_object drop = explosive_on: a charge let fall on something
    ("Government helicopters dropped barrel bombs on a crowded market in Kafr Nabl on 4 May 2016.", "dropped", "Government", "market"),
])
def test_arms_fired_into_or_bombs_dropped_on_a_place_are_an_assault_on_it(extractor, text, trigger, doer, place):
    x, _ = _run(extractor, text, date(2019, 3, 3))
    act = next(e for e in x.events if e.trigger == trigger)
    assert act.type == "ASSAULT" and doer in text[act.actor_spans[0].start:act.actor_spans[0].end], x.events
    assert any(r.type == "attacks" and place in text[r.target_span.start:r.target_span.end] for r in x.relations if r.event == act.id), x.relations


@pytest.mark.parametrize("text", [
    "Riot police fired into the air to scatter the crowd.",
    "The prosecutor dropped the charges against the two journalists.",
    "Prosecutors dropped all charges on Tuesday.",
    "The farmers mowed down the long grass by the river.",
    "The president sacked the defence minister on Friday.",
])
def test_shots_into_the_air_charges_dropped_and_grass_mowed_are_no_assault(extractor, text):
    x, _ = _run(extractor, text)
    assert [e for e in x.events if e.type == "ASSAULT"] == [], x.events


@pytest.mark.parametrize("text, trigger, undergone", [
    # events.toml ASSAULT phrases "gun down", "mow down" (a party)
    ("A motorcyclist gunned down two traffic wardens outside the depot.", "gunned", "two traffic wardens"),
    ("The lorry driver mowed down pedestrians on the seafront.", "mowed", "pedestrians"),
    # the mark right after the verb, the parse's modifier of the object (triggers._match_trigger)
    ("An armed man took hostage nine clerks at a post office in Lyon.", "took", "clerks"),
])
def test_people_gunned_down_or_taken_hostage_undergo_an_assault(extractor, text, trigger, undergone):
    x, _ = _run(extractor, text)
    act = next(e for e in x.events if e.trigger == trigger)
    assert act.type == "ASSAULT" and any(undergone in text[s.start:s.end] for s in act.recipient_spans), x.events


def test_people_of_wealth_are_the_parties_sanctions_fall_on(extractor):
    # nominals.toml person heads "oligarchs", "tycoons"
    text = "The British government imposed sanctions on five Belarusian tycoons on 9 March 2022."
    x, _ = _run(extractor, text, date(2022, 3, 10))
    sanction = next(e for e in x.events if e.type == "SANCTION")
    assert any("tycoons" in text[s.start:s.end] for s in sanction.recipient_spans), x.events


@pytest.mark.parametrize("text", [
    "Canada delivered the first of the Leopard tanks to Ukraine in February 2023.",
    "Norway delivered eight of the twelve howitzers to Ukraine in May 2023.",
])
def test_a_part_of_the_arms_handed_over_is_aid(extractor, text):
    # triggers._portion_of: what a number or an ordinal is part of
    x, names = _run(extractor, text, date(2023, 6, 1))
    assert [(e.type, [names[a] for a in e.actors]) for e in x.events][:1] == [("AID", [text.split()[0]])], x.events


def test_a_name_that_locates_a_place_is_no_side_of_the_act(extractor):
    # participants._beyond_a_place (events.toml participants.place_relating_preps)
    text = "The Malian army post at Tessit, near the border with Niger, came under attack on 7 August 2021. JNIM claimed the attack."
    x, names = _run(extractor, text, date(2021, 8, 8))
    attack = next(e for e in x.events if e.trigger == "attack")
    assert [text[s.start:s.end] for s in attack.actor_spans] == ["JNIM"], x.events


def test_an_assault_aimed_at_a_place_takes_no_party_after_it_as_its_other_side(extractor):
    # events.extract: no nearest party for an act aimed at a place; nlp.components
    # _areas_bracketed_after: a name with its areas bracketed after it is a place
    text = ("Russian forces began a large-scale assault on Marinka (Pokrovsk raion, Donetsk oblast) on 3 March 2023, "
            "sending two battalions with tanks against the defenders of the town.")
    x, names = _run(extractor, text, date(2023, 3, 4))
    assault = next(e for e in x.events if e.trigger == "assault")
    assert assault.recipients == [], x.events
    assert any(r.type == "attacks" and names[r.target] == "Marinka" for r in x.relations if r.event == assault.id), x.relations


def test_fire_thrown_by_hand_is_arms_in_hand(extractor):
    # nominals.toml equipment heads "cocktails", "firebombs" (relations.equipment-in-hand)
    text = "Youths threw Molotov cocktails and firebombs at the police station in Tottenham."
    x, _ = _run(extractor, text)
    held = {text[r.target_span.start:r.target_span.end] for r in x.relations if r.rule == "relations.equipment-in-hand"}
    assert any("cocktails" in h for h in held) and "firebombs" in held, x.relations


def test_property_set_on_fire_is_arson(extractor):
    # events.extract._mode: by the phrase first ("set fire" is arson, "set off" a bombing)
    for text, mode in (("Rebels set fire to the market in Kidal.", "arson"), ("Rebels set off a bomb in the market in Kidal.", "bombing"),
                       ("Soldiers torched houses in the village.", "arson"), ("A mob set ablaze two churches in the town.", "arson")):
        x, _ = _run(extractor, text)
        assert [e.mode for e in x.events if e.type == "ASSAULT"] == [mode], (text, x.events)


def test_travellers_named_by_how_they_go_are_the_people_attacked(extractor):
    # nominals.toml person heads "hikers", "cyclists"
    text = "Gunmen attacked four hikers near the pass on 17 December 2018."
    x, _ = _run(extractor, text, date(2018, 12, 18))
    attack = next(e for e in x.events if e.trigger == "attacked")
    assert [text[s.start:s.end] for s in attack.recipient_spans] == ["four hikers"], x.events


@pytest.mark.parametrize("text, trigger, doer, undergone", [
    # events.triggers._objects: a passive joined to another shares its subject
    ("The driver was dragged from his cab and beaten for an hour by a crowd of strikers.", "beaten", "a crowd", "The driver"),
    # events.toml THREATEN by_complement: the passive's subject is whom the threat is aimed at
    ("The defence minister warned that the rebels would be crushed.", "warned", "The defence minister", "the rebels"),
])
def test_whom_a_passive_act_befalls_is_the_one_it_is_done_to(extractor, text, trigger, doer, undergone):
    x, _ = _run(extractor, text)
    act = next(e for e in x.events if e.trigger == trigger)
    assert [text[s.start:s.end] for s in act.actor_spans] == [doer], x.events
    assert undergone in [text[s.start:s.end] for s in act.recipient_spans], x.events


def test_a_fear_for_people_is_no_threat_against_them(extractor):
    # events.toml THREATEN by_complement passive_targets: only a punishment's passive subject
    x, _ = _run(extractor, "The UN envoy warned that civilians would be killed if the fighting reached Rafah.")
    assert all(not e.recipients for e in x.events if e.type == "THREATEN"), x.events


@pytest.mark.parametrize("text, trigger", [
    # events.toml AGREE when_object initial, ink: an agreement initialled or inked
    ("The foreign ministers of Armenia and Azerbaijan initialled a peace agreement in Washington.", "initialled"),
    ("The rebels inked an agreement with the government in Nairobi.", "inked"),
])
def test_agreements_initialled_or_inked_are_agreed(extractor, text, trigger):
    x, _ = _run(extractor, text)
    assert ("AGREE", trigger) in {(e.type, e.trigger) for e in x.events}, x.events
    for other in ("The officer initialled the page of the register.", "The singer inked a record contract with a London label."):
        x, _ = _run(extractor, other)
        assert not [e for e in x.events if e.type == "AGREE"], x.events


def test_where_a_carried_charge_went_off_is_what_it_struck_not_the_vehicle(extractor):
    # events.arguments._sites_of_charge (participants.charge_carrying_words); the charge set off is
    # no kit attacked (events.extract, relations.attacked-equipment)
    text = "Two suicide bombers detonated trucks packed with explosives outside a police training complex in Hillah."
    x, _ = _run(extractor, text)
    targets = {(r.rule, text[r.target_span.start:r.target_span.end]) for r in x.relations if r.type == "attacks"}
    assert ("relations.attacked-place", "a police training complex") in targets, x.relations
    assert not [t for rule, t in targets if rule == "relations.attacked-equipment"], x.relations


@pytest.mark.parametrize("text, protest", [
    # events.toml PROTEST verbs_by_purpose: gathered to demand, assembled denouncing
    ("Thousands of nurses gathered outside the health ministry to demand higher pay.", True),
    ("Hundreds of farmers assembled in the main square, denouncing the new land law.", True),
    ("Foreign ministers gathered in Oslo to discuss the crisis.", False),
    ("Troops gathered near the border to attack the town.", False),
])
def test_people_gathered_to_demand_or_denounce_protest(extractor, text, protest):
    x, _ = _run(extractor, text)
    assert any(e.type == "PROTEST" and e.trigger in ("gathered", "assembled") for e in x.events) == protest, x.events


@pytest.mark.parametrize("text", [
    "Callixte Nsabimana, who used the name Sankara, became the spokesman of the coalition.",
    "The commander took the title of emir in 2015.",
])
def test_a_name_used_or_taken_is_no_place_held(extractor, text):
    # stances.toml [control] name_nouns (relations.control)
    x, _ = _run(extractor, text)
    assert not [r for r in x.relations if r.rule == "relations.control"], x.relations
    x, _ = _run(extractor, "The militants used the school as a base.")
    assert [r for r in x.relations if r.rule == "relations.control"], x.relations


def test_a_release_demanded_beside_a_resignation_is_no_hostility_to_the_one_released(extractor):
    # events.implied._whose_fall: the fall asked of each party, not of the nouns joined to it
    text = "The protesters demand the resignation of President Daniel Ortega and the release of Felix Maradiaga."
    x, _ = _run(extractor, text)
    opposed = {text[r.target_span.start:r.target_span.end] for r in x.relations if r.rule == "relations.hostile-demand"}
    assert any("Ortega" in t for t in opposed) and not any("Maradiaga" in t for t in opposed), x.relations


def test_a_repeated_preposition_adds_to_the_same_phrase(extractor):
    # factions_clause_repairs _repeated_preposition_read_apart: "with A in the north and with B
    # in the south", the second "with" parsed as a conjunct of the first's "in"
    text = "Government troops fought with the rebels in the north and with the militia in the south."
    x, _ = _run(extractor, text)
    fought = next(e for e in x.events if e.trigger == "fought")
    assert [text[s.start:s.end] for s in fought.recipient_spans] == ["the rebels", "the militia"], x.events


def _attacked(x, text, trigger):
    """The places the act with this trigger is aimed at: relations `attacks` of its event, or
    of none when its doer was found later (the story's one act)."""
    event = next(e for e in x.events if e.trigger == trigger)
    return [text[r.target_span.start:r.target_span.end] for r in x.relations if r.type == "attacks" and r.event in (event.id, None)]


def test_a_claim_in_a_recording_released_later_names_the_doer(extractor):
    # factions_clause_repairs _object_read_as_a_participles_subject: "claimed the attack in a video
    # …, released on 2 May" parsed as a clause whose subject is "the attack"
    text = ("A bomb exploded at the central bus park in Maiduguri on 27 April, killing 12 people. "
            "Boko Haram claimed the attack in an audio message of its spokesman, Abu Zinnira, released on 2 May.")
    x, names = _run(extractor, text, date(2015, 5, 3))
    assert any(e.type == "CLAIM_RESPONSIBILITY" and "Boko Haram" in [names[a] for a in e.actors] for e in x.events), x.events
    exploded = next(e for e in x.events if e.trigger == "exploded")
    assert "Boko Haram" in [names[a] for a in exploded.actors], x.events
    assert _attacked(x, text, "exploded") == ["bus park"], x.relations


@pytest.mark.parametrize("text, aimed", [
    # events.toml participants: where a charge goes off "on" is what it strikes only for a
    # building, venue or vehicle (blast_site_heads); the site of an occasion it goes off during
    ("A bomb exploded on the outskirts of Quetta on 3 May. The Taliban claimed the attack.", []),
    ("A bomb exploded on the outskirts of the city on 3 May. The Taliban claimed the attack.", []),
    ("A bomb exploded on a minibus in Quetta on 3 May. The Taliban claimed the attack.", ["a minibus"]),
    ("A bomb exploded during a wedding at a hotel in Quetta on 3 May. The Taliban claimed the attack.", ["a hotel"]),
    ("Militants detonated a bomb on the railway bridge near Quetta on 3 May.", ["the railway bridge"]),
    ("A bomb exploded near a crowded market in Quetta on 3 May. The Taliban claimed the attack.", ["market"]),
    ("A bomb exploded near the border with Iran on 3 May. The Taliban claimed the attack.", []),
    ("Militants detonated a bomb next to a busy hotel in Quetta on 3 May.", ["hotel"]),
])
def test_where_a_charge_went_off(extractor, text, aimed):
    x, _ = _run(extractor, text, date(2020, 5, 4))
    trigger = "exploded" if "exploded" in text else "detonated"
    assert _attacked(x, text, trigger) == aimed, (x.events, x.relations)
    if not aimed:  # (nor a party: "the outskirts of Quetta" is where)
        assert not next(e for e in x.events if e.trigger == trigger).recipients, x.events


def test_a_charge_set_off_minutes_apart_strikes_the_places_after(extractor):
    # factions_clause_repairs _phrase_after_a_gap_in_time: "minutes apart outside the X and the Y"
    # parsed with the phrase hung on "minutes"
    text = "Militants detonated two car bombs minutes apart outside the governor's office and the central mosque in Mardan."
    x, _ = _run(extractor, text)
    assert "mosque" in _attacked(x, text, "detonated"), x.relations


def test_a_truck_packed_with_explosives_that_detonated_is_the_sentence_s_verb(extractor):
    # factions_clause_repairs _intransitive_verb_read_as_a_modifier: "detonated at" parsed as a
    # participle describing "explosives"; not after an aside ("troops, backed by jets, clashed
    # with fighters dug into the hills")
    text = "A lorry packed with explosives detonated at the gate of the Sheraton Hotel on 4 March. The Taliban claimed the attack."
    x, names = _run(extractor, text, date(2020, 3, 5))
    detonated = next(e for e in x.events if e.trigger == "detonated")
    assert "Taliban" in [names[a] for a in detonated.actors] and _attacked(x, text, "detonated"), (x.events, x.relations)
    x, _ = _run(extractor, "Malian troops, backed by French jets, clashed with rebels dug into the hills on 3 March.")
    assert next(e for e in x.events if e.trigger == "clashed").actors, x.events


@pytest.mark.parametrize("text, doer", [
    # events.doer-by-identification: the body the doers are said to belong to; the one a charge
    # that went off is put down to; the one who planted it
    ("A bomb exploded on a tram in Volgograd on 30 December, killing 14. Investigators said the perpetrators "
     "belonged to Imarat Kavkaz.", "Imarat Kavkaz"),
    ("A roadside bomb killed four policemen near Diyarbakir on 9 May. The governor attributed the device to the PKK.", "PKK"),
    ("A mine planted by Houthi fighters exploded under a bus near Taiz on 9 May, killing six.", "Houthi"),
])
def test_the_doer_of_a_charge_that_went_off_named_after_it(extractor, text, doer):
    x, names = _run(extractor, text, date(2020, 5, 10))
    blast = next(e for e in x.events if e.trigger in ("exploded", "bomb", "killed") and e.type == "ASSAULT" and e.actors)
    assert any(doer in names[a] or doer in text[s.start:s.end] for a, s in zip(blast.actors, blast.actor_spans)), x.events


def test_the_doers_said_not_to_belong_to_a_body_name_no_doer(extractor):
    text = "A bomb exploded on a tram in Volgograd, killing 14. Investigators said the perpetrators were not members of Imarat Kavkaz."
    x, _ = _run(extractor, text)
    assert not next(e for e in x.events if e.trigger == "exploded").actors, x.events
    # nor a body told by a noun only
    x, _ = _run(extractor, "A bomb exploded on a tram in Volgograd, killing 14. The bombers belonged to a cell of local jihadists.")
    assert not next(e for e in x.events if e.trigger == "exploded").actors, x.events


def test_an_adjective_of_faith_read_as_a_body_is_no_party(extractor):
    # factions_entity_fixes: a one-adjective ORG on the noun after it ("a Pentecostal church")
    text = "Gunmen attacked a Pentecostal church in Butembo on Sunday."
    x, _ = _run(extractor, text)
    assert not next(e for e in x.events if e.trigger == "attacked").recipients
    assert _attacked(x, text, "attacked") == ["a Pentecostal church"], x.relations


def test_people_read_as_the_verb_of_a_plural_before_them_are_the_object(extractor):
    # factions_clause_repairs _people_read_as_verb_of_a_plural: "killed 12 women prisoners" with
    # "prisoners" tagged as a verb whose subject is "women"
    text = "Gang members killed 12 women inmates at the jail in Comayagua."
    x, _ = _run(extractor, text)
    killed = next(e for e in x.events if e.trigger == "killed")
    assert [text[s.start:s.end] for s in killed.recipient_spans] == ["women inmates"], x.events


@pytest.mark.parametrize("text, day", [
    # time.toml [fixed_holidays] (factions_date_spans makes them dates; dates.normalize reads them)
    ("On New Year's Day 2016, gunmen attacked a hotel in Gao.", "2016-01-01"),
    ("On Christmas Eve, rebels attacked the village of Kamango.", "2019-12-24"),
    ("Rebels attacked the village of Kamango on Christmas Day, 2013.", "2013-12-25"),
])
def test_a_day_named_for_what_falls_on_it_dates_the_act(extractor, text, day):
    x, _ = _run(extractor, text, date(2020, 1, 10))
    assert next(e for e in x.events if e.trigger == "attacked").when.start == day, x.events


@pytest.mark.parametrize("text, day", [
    # "Christmas" alone is no fixed holiday: "the Christmas market" dates nothing
    ("Gunmen attacked the Christmas market in Strasbourg.", None),
    ("Gunmen attacked the Christmas market in Strasbourg on 11 December 2018.", "2018-12-11"),
])
def test_the_christmas_market_is_no_date(extractor, text, day):
    x, _ = _run(extractor, text, date(2019, 1, 10))
    attacked = next(e for e in x.events if e.trigger == "attacked")
    assert (attacked.when.start if attacked.when else None) == day, x.events


def test_a_post_overrun_by_fighters_was_attacked_by_them(extractor):
    # factions_clause_repairs _participle_read_as_a_noun: "was overrun by" tagged as a noun
    text = "The Malian army (FAMa) post in the town was overrun at dawn by jihadist fighters, who held it for hours."
    x, _ = _run(extractor, text, date(2020, 6, 2))
    overrun = next(e for e in x.events if e.trigger == "overrun")
    assert [text[s.start:s.end] for s in overrun.actor_spans] == ["jihadist fighters"], x.events
    for control in ("The budget for the new stadium was overrun by 40 per cent, the ministry admitted.",
                    "The hospital in Goma was overrun with patients after the outbreak."):
        x, _ = _run(extractor, control)
        assert not x.events, x.events


def test_an_act_in_a_when_clause_read_as_a_conjunct_takes_the_clauses_date(extractor):
    # factions_clause_repairs _subordinate_clause_read_as_conjunct: "broke out … on Sunday (13 July)
    # when militias, most of them from X, attacked …", the when clause joined to the first
    text = ("Fighting erupted around the harbour early on Saturday (9 May) when Salafist-leaning brigades, most of them "
            "from Zawiya, attacked the coastguard units that had held the port since 2012.")
    x, _ = _run(extractor, text, date(2015, 5, 11))
    assert next(e for e in x.events if e.trigger == "attacked").when.start == "2015-05-09", x.events


def test_a_span_of_time_hides_no_date(extractor):
    # events.time._when: "two days after seizing X" names no date; the sentence's own dates it
    text = "On 25 March 2020 (reported 27 March), insurgents overran the barracks, two days after seizing Macomia."
    x, _ = _run(extractor, text, date(2020, 3, 28))
    assert next(e for e in x.events if e.trigger == "overran").when.start == "2020-03-25", x.events


def test_people_answering_a_call_are_the_doers_of_the_verb_after(extractor):
    # factions_clause_repairs _participle_read_as_the_main_verb: "answering" parsed as the
    # sentence's verb (or its clausal subject), "demonstrated" as what it reports
    text = ("On Monday (14 October), thousands of teachers answering a call by the National Union of Teachers (NUT) "
            "demonstrated in the capital's suburbs against the new law.")
    x, _ = _run(extractor, text)
    demonstrated = next(e for e in x.events if e.trigger == "demonstrated")
    assert [text[s.start:s.end] for s in demonstrated.actor_spans] == ["teachers"], x.events


def test_groups_of_youths_who_loot_riot(extractor):
    # events.triggers._headed_by: a counting head read by its lemma ("groups of", as "group of")
    text = "Groups of youths looted shops in the market district of Kisumu."
    x, _ = _run(extractor, text)
    assert next(e for e in x.events if e.trigger == "looted").type == "ASSAULT", x.events


def test_aircraft_that_resupplied_fighters_gave_them_aid(extractor):
    # model_view.toml [lemmas]: "resupplied" lemmatised as "resupplie"
    text = "French transport aircraft resupplied Malian army units defending the town of Konna."
    x, _ = _run(extractor, text)
    assert next(e for e in x.events if e.trigger == "resupplied").type == "AID", x.events


def test_delegations_of_two_sides_are_both_parties(extractor):
    # factions_clause_repairs _repeated_of_read_apart
    text = "Military delegations of the Sovereign Council (SC) and of the Rapid Support Forces (RSF) signed a truce in Jeddah."
    x, names = _run(extractor, text)
    signed = next(e for e in x.events if e.trigger == "signed")
    assert "Rapid Support Forces" in [names[a] for a in signed.actors] and len(signed.actors) == 2, x.events


def test_workers_who_walk_out_in_a_strike_are_its_doers(extractor):
    # events.toml participants participation ("walk out in"), its particle read as an adverb
    text = "Workers walked out in a general strike on Wednesday (24 January)."
    x, _ = _run(extractor, text, date(2024, 1, 26))
    strike = next(e for e in x.events if e.trigger == "strike")
    assert strike.type == "PROTEST" and [text[s.start:s.end] for s in strike.actor_spans] == ["Workers"], x.events


@pytest.mark.parametrize("text, trigger, day", [
    # events.time._when: a past act told with no date of its own by an announcement dated to its
    # day takes its day, as coders date it (time.toml announcing_cues); its own date wins; what is
    # yet to come takes none
    ("The UN envoy announced on 3 June 2021 that the two factions had agreed to a truce.", "agreed", "2021-06-03"),
    ("Government troops retook the port of Mocha, the defence ministry announced on 8 November.", "retook", "2020-11-08"),
    # "said" sums up acts of weeks as often: no date from it
    ("The defence ministry said on Sunday (8 November) that troops had killed 150 fighters.", "killed", None),
    ("The defence ministry said on 9 November that government troops retook the port of Mocha on 2 November.", "retook", "2020-11-02"),
    ("The defence ministry said on 9 November that government troops would retake the port of Mocha.", "retake", None),
    ("Gunmen stormed a police post in Mocha, killing four. The UN on Monday (9 November) condemned the attack.", "attack", None),
])
def test_an_act_told_with_no_date_of_its_own_takes_its_statement_s_day(extractor, text, trigger, day):
    x, _ = _run(extractor, text, date(2021, 6, 5) if "2021" in text else date(2020, 11, 10))
    event = next(e for e in x.events if e.trigger == trigger)
    assert (event.when.start if event.when else None) == day, x.events


@pytest.mark.parametrize("text, kind", [
    # events.extract._described_as_no_leader: the killing of someone named and described as one
    # of the people is an assault; of a leader, or of a name alone, a leader's death
    ("Police named a suspect in the killing of Patrick Braxton, a teacher from Ohio.", "ASSAULT"),
    ("Police arrested three men over the killing of the journalist Daphne Galizia.", "ASSAULT"),
    ("Police arrested three men over the killing of Abu Bakr, the group's leader.", "LEADER_KILLED"),
])
def test_the_killing_of_someone_described_as_one_of_the_people_is_an_assault(extractor, text, kind):
    x, _ = _run(extractor, text)
    assert next(e for e in x.events if e.trigger == "killing").type == kind, x.events


def test_one_wanted_for_a_killing_is_its_alleged_doer(extractor):
    # events.toml participants blame_verbs "want"; speech.toml allegation_cues
    text = "The gang's local chief, Jose Portillo, was wanted for the killing of Patrick Braxton, a teacher."
    x, _ = _run(extractor, text)
    killing = next(e for e in x.events if e.trigger == "killing")
    assert [text[s.start:s.end] for s in killing.actor_spans] == ["Jose Portillo"] and killing.modality == "alleged", x.events


def test_a_march_under_a_slogan_against_someone_is_against_them(extractor):
    # events.toml participants slogan_preps_of_acts: the "against" hung on the slogan's words
    text = "Thousands of people marched in Lisbon under the slogan 'Enough' against the government of Prime Minister Pedro Passos Coelho."
    x, names = _run(extractor, text)
    marched = next(e for e in x.events if e.trigger == "marched")
    assert "Pedro Passos Coelho" in [names[a] for a in marched.recipients], x.events


@pytest.mark.parametrize("text, coerce", [
    # events.toml COERCE phrases: a state of emergency or martial law declared or imposed (CAMEO 1723)
    ("Prime Minister James Marape declared a 14-day state of emergency in the capital on 11 January 2024.", True),
    ("The junta imposed martial law in three northern regions.", True),
    ("The rebels declared a ceasefire in the north.", False),
    ("The state of emergency declared last year was lifted on Monday.", False),
])
def test_a_state_of_emergency_or_martial_law_declared_coerces(extractor, text, coerce):
    x, _ = _run(extractor, text)
    assert any(e.type == "COERCE" for e in x.events) == coerce, x.events


def test_a_name_after_the_parish_of_is_a_place(extractor):
    # actor_kinds.toml entity_fixes place_before "parish": no party the emergency is declared against
    text = "The government declared a state of emergency in Kingston and the neighbouring parish of St Andrew."
    x, _ = _run(extractor, text)
    declared = next(e for e in x.events if e.trigger == "declared")
    assert declared.type == "COERCE" and not declared.recipients, x.events


def test_whom_parties_cooperate_against_is_no_partner(extractor):
    # events.extract: a COOPERATE event's "against" object, and the bare object of an idiom
    # ("joined forces with"), are no recipients
    text = "Kenya cooperated with Somalia against al-Shabaab."
    x, names = _run(extractor, text)
    assert [names[a] for a in next(e for e in x.events if e.trigger == "cooperated").recipients] == ["Somalia"], x.events
    text = "The rebels joined forces with the militia."
    x, _ = _run(extractor, text)
    assert [text[s.start:s.end] for s in next(e for e in x.events if e.trigger == "joined").recipient_spans] == ["the militia"], x.events
    assert not [r for r in x.relations if r.type == "member_of"], x.relations


def test_one_who_had_a_conversation_with_another_talked_to_them(extractor):
    # events.toml participants light_verbs "have"
    text = "This evening the Minister had a telephone conversation with his Algerian counterpart, Ramtane Lamamra."
    x, _ = _run(extractor, text)
    conversation = next(e for e in x.events if e.trigger == "conversation")
    assert [text[s.start:s.end] for s in conversation.actor_spans] == ["the Minister"], x.events
    # not one who has none, nor "will have war" with no one named
    for control, trigger in (("We have no quarrel with the people of Assam.", "quarrel"),
                             ("The ELN has chosen the path of war, and it will have war, the president wrote.", "war")):
        x, _ = _run(extractor, control)
        assert not [e.actors for e in x.events if e.trigger == trigger and e.actors], x.events


@pytest.mark.parametrize("text, doer, target", [
    # events.toml ASSAULT phrase "go off" with a charge as its subject (aimed explosive_gone_off)
    ("Two car bombs planted by Ansaru fighters went off near the crowded cattle market in Dutse on 9 June 2019.",
     "Ansaru", "cattle market"),
    ("A roadside device went off outside the district police station in Quetta. The BLA claimed the attack.",
     "Balochistan Liberation Army", "the district police station"),
])
def test_a_charge_that_went_off_is_an_assault_on_its_site(extractor, text, doer, target):
    x, names = _run(extractor, text, date(2019, 6, 10))
    went = next(e for e in x.events if e.trigger == "went")
    assert went.type == "ASSAULT" and doer in [names[a] for a in went.actors], x.events
    assert target in _attacked(x, text, "went"), x.relations


@pytest.mark.parametrize("text", [
    "The fire alarm went off at the station.",
    "The ceremony went off without a hitch and the guests went off to lunch.",
])
def test_what_is_no_charge_goes_off_with_no_act(extractor, text):
    x, _ = _run(extractor, text)
    assert x.events == []


@pytest.mark.parametrize("text, against", [
    # the "against" deep in the phrase of a second place the march went through
    ("Thousands of students marched in the capital and in dozens of towns across the country against President Omar Daud.",
     "Omar Daud"),
    ("Crowds rallied in squares of several cities in the north against the Taliban.", "the Taliban"),
])
def test_a_protest_is_against_whom_the_phrase_of_its_places_names(extractor, text, against):
    x, _ = _run(extractor, text)
    protest = next(e for e in x.events if e.type == "PROTEST")
    assert against in [text[s.start:s.end] for s in protest.recipient_spans], x.events


def test_a_clause_on_the_place_keeps_its_own_against(extractor):
    text = "Thousands marched in towns that had risen against the governor."
    x, _ = _run(extractor, text)
    protest = next(e for e in x.events if e.type == "PROTEST")
    assert "the governor" not in [text[s.start:s.end] for s in protest.recipient_spans], x.events
    # nor a protest's "against" told beside the place: the clash is with the police
    text = ("Retirees clashed with police in the Plaza de Mayo, in front of the Casa Rosada, in protest against "
            "President Javier Milei's pension cuts.")
    x, _ = _run(extractor, text)
    clash = next(e for e in x.events if e.trigger == "clashed")
    assert "Javier Milei" not in [text[s.start:s.end] for s in clash.recipient_spans], x.events


@pytest.mark.parametrize("text, street", [
    # actor_kinds.toml place_name_prefixes (streets in their cities' languages) and street_suffixes
    ("Hundreds of thousands of people marched on Avenida Paulista against President Dilma Rousseff.", "Avenida Paulista"),
    ("Several thousand people protested outside the party's offices on Calle Ferraz.", "Calle Ferraz"),
    ("Crowds gathered on Nevsky Prospekt and on Rue de Rivoli.", "Rue de Rivoli"),
    ("Police detained dozens of anti-war demonstrators on Nevsky Prospekt in St Petersburg.", "Nevsky Prospekt"),
    ("Retirees clashed with police in the Plaza de Mayo.", "Plaza de Mayo"),
    ("Thousands marched from Karl-Marx-Allee to the Brandenburg Gate.", "Karl-Marx-Allee"),
])
def test_a_street_named_in_its_citys_language_is_a_place(extractor, text, street):
    x, _ = _run(extractor, text)
    kinds = {a.name: a.kind for a in x.actors}
    assert kinds.get(street) == "location", x.actors
    assert all(street not in [text[s.start:s.end] for s in e.recipient_spans] for e in x.events), x.events


def test_the_side_of_a_place_is_a_part_of_it_and_no_party(extractor):
    # nominals.toml group none_of_a_place
    text = "Israeli troops seized the Palestinian side of the Rafah crossing on 7 May 2024."
    x, names = _run(extractor, text)
    assert "Palestinian side" not in names.values(), x.actors
    assert not any(r.type in ("fights", "opposes") for r in x.relations), x.relations
    x, names = _run(extractor, "Border guards sealed their side of the border.")
    assert not any(r.type in ("fights", "opposes", "attacks") for r in x.relations), x.relations
    for text in ("Russian forces shelled the right-bank side of the Dnipro around Kherson.",
                 "Indian troops dismantled bunkers on their side of the Line of Actual Control."):
        x, names = _run(extractor, text)
        assert not any("side" in n for n in names.values()), x.actors
    # a side named as a party stays one
    x, names = _run(extractor, "The Azerbaijani side shelled the villages.")
    assert "Azerbaijani side" in names.values(), x.actors


@pytest.mark.parametrize("text, given_to", [
    # events.toml AID phrase "hand out" with supplies
    ("Volunteers handed out blankets and water to families at the camp.", "families"),
    # a container of goods named by a compound (participants.supplies_containers)
    ("The foundation's staff began handing out food parcels to Palestinians in Rafah.", "Palestinians"),
])
def test_goods_handed_out_are_aid(extractor, text, given_to):
    x, _ = _run(extractor, text)
    aid = next(e for e in x.events if e.type == "AID")
    assert given_to in [text[s.start:s.end] for s in aid.recipient_spans], x.events
    for other in ("Activists handed out leaflets.", "The court handed out long sentences."):
        x, _ = _run(extractor, other)
        assert x.events == [], x.events


def _doers_and_modality(x, names, trigger):
    """The doers' names and the modality of the first event told by `trigger`."""
    event = next(e for e in x.events if e.trigger == trigger)
    return [names[a] for a in event.actors], event.modality


def test_the_doer_named_beside_a_definite_doer_noun_did_the_act(extractor):
    # rule events.doer-by-identification: "Her attacker, X, was arrested"
    text = ("A local councillor was stabbed outside a library in Dewsbury on 3 May 2019. "
            "Her attacker, Darren Pike, a 40-year-old man, was arrested nearby.")
    x, names = _run(extractor, text)
    assert _doers_and_modality(x, names, "stabbed") == (["Darren Pike"], "alleged"), x.events
    # a doer noun with no name beside it names no one
    x, names = _run(extractor, "A man was stabbed at a bus stop in Leeds. Police arrested the attacker, a local man, an hour later.")
    assert next(e for e in x.events if e.trigger == "stabbed").actors == [], x.events


def test_a_state_blamed_for_an_act_told_with_its_kit_only_is_its_alleged_doer(extractor):
    # rule events.doer-by-blame: a state is a party, not a place
    text = "Drones struck the tanker Mercer Street off Oman on 29 July 2021, killing two crew. Britain blamed Iran."
    x, names = _run(extractor, text)
    assert _doers_and_modality(x, names, "struck") == (["Iran"], "alleged"), x.events


@pytest.mark.parametrize("text, holder, weapon", [
    # relations.toml equipment hand_verbs: draw, brandish, wield
    ("The man drew a pistol and opened fire on the officers.", "The man", "a pistol"),
    ("Galesi drew a handgun and fired twice.", "Galesi", "a handgun"),
])
def test_a_weapon_drawn_is_in_the_hands_of_who_drew_it(extractor, text, holder, weapon):
    x, _ = _run(extractor, text)
    t = x.document.text
    assert (holder, weapon) in {(t[r.source_span.start:r.source_span.end], t[r.target_span.start:r.target_span.end])
                                for r in x.relations if r.type == "controls"}, x.relations
    x, _ = _run(extractor, "The plan drew criticism from the army and the minister drew a line under the affair.")
    assert not any(r.type == "controls" for r in x.relations), x.relations


def test_miscreants_who_pelt_a_police_station_are_its_attackers(extractor):
    # nominals.toml person heads: miscreants, thugs, hooligans
    text = "Miscreants pelted a police station with stones and thugs set fire to two buses."
    x, _ = _run(extractor, text)
    assert _attacked(x, text, "pelted") == ["a police station"], x.relations
    pelted = next(e for e in x.events if e.trigger == "pelted")
    assert [text[s.start:s.end] for s in pelted.actor_spans] == ["Miscreants"], x.events


def test_who_acted_in_a_clause_of_its_own_did_not_do_the_main_acts_toll(extractor):
    # factions_clause_repairs _toll_read_on_a_subordinate_clause; events.participants._nearest
    text = "A van packed with explosives blew up at a checkpoint as soldiers stopped it for inspection, killing ten people."
    x, _ = _run(extractor, text)
    killing = next(e for e in x.events if e.trigger == "killing")
    assert "soldiers" not in [text[s.start:s.end] for s in killing.actor_spans], x.events
    text = "Police opened fire as protesters marched on the palace, killing four."
    x, _ = _run(extractor, text)
    assert [text[s.start:s.end] for s in next(e for e in x.events if e.trigger == "killing").actor_spans] == ["Police"], x.events


@pytest.mark.parametrize("text, doer", [
    # rule events.doer-by-identification, the other way round
    ("A bomb hidden in a backpack wounded 11 people at a bus stop. Police later named the suspected bomber as Omar Khalil.",
     "Omar Khalil"),
    ("A policeman was shot in a bar in Belfast on Wednesday; the shooter, named by police as Declan Moore, was charged on Saturday.",
     "Declan Moore"),
])
def test_the_doer_named_as_the_person_after_as_did_the_act(extractor, text, doer):
    x, names = _run(extractor, text)
    trigger = next(e.trigger for e in x.events if e.type == "ASSAULT")
    assert _doers_and_modality(x, names, trigger) == ([doer], "alleged"), x.events
    x, names = _run(extractor, "A man was stabbed in Leeds. Police named the victim as John Hart.")
    assert next(e for e in x.events if e.trigger == "stabbed").actors == [], x.events


def test_a_party_held_responsible_for_an_act_told_by_its_kit_is_its_alleged_doer(extractor):
    # rule events.doer-by-blame: doer_blaming_verbs "hold" (the accusation "held X responsible")
    text = "An explosive-laden boat hit an oil terminal at Jizan; Riyadh held the Houthis responsible."
    x, names = _run(extractor, text)
    assert _doers_and_modality(x, names, "hit") == (["Houthis"], "alleged"), x.events
    # held responsible for something named: that act, maybe another
    text = ("A car bomb in Lima killed 25 people in 1992. The commission held the Shining Path responsible for "
            "more than half of the deaths in the war.")
    x, names = _run(extractor, text)
    assert next(e for e in x.events if e.trigger == "killed").actors == [], x.events


@pytest.mark.parametrize("text, person, body", [
    # rule relations.title-of: a hyphenated age in the apposition counts as one word of six
    ("Colonel Assimi Goita, a 38-year-old officer of the Malian army, led the mutiny.", "Assimi Goita", "Malian army"),
    # a title "in" a body that is no place (events.toml roles title_links_of_bodies)
    ("Colonel Assimi Goita, an officer in the Malian army, led the mutiny.", "Assimi Goita", "Malian army"),
    ("Sergeant Ali Musa, a soldier in the 3rd Brigade, was wounded.", "Ali Musa", "3rd Brigade"),
])
def test_a_title_in_an_apposition_with_an_age_or_in_a_body_makes_a_member(extractor, text, person, body):
    x, _ = _run(extractor, text)
    assert any(r.type == "member_of" and person in text[r.source_span.start:r.source_span.end]
               and body in text[r.target_span.start:r.target_span.end] for r in x.relations), x.relations


def test_a_title_in_a_place_is_no_membership(extractor):
    x, _ = _run(extractor, "Ali Musa, a commander in Syria, was wounded.")
    assert not [r for r in x.relations if r.type in ("member_of", "leads")], x.relations


def test_a_sit_in_is_one_word_and_a_protest(extractor):
    # lexicons/model_view.toml [whole_words]; events.toml PROTEST nouns
    x, names = _run(extractor, "Workers held a sit-in at the factory on 3 May 2021.", published=date(2021, 5, 4))
    protest = next(e for e in x.events if e.trigger == "sit-in")
    assert protest.type == "PROTEST" and [names[a] for a in protest.actors] == ["Workers"], x.events
    assert "sit" not in [e.trigger for e in x.events]


@pytest.mark.parametrize("text, trigger", [
    # events.toml AGREE when_object "accord": an agreement or a truce approved or ratified
    ("On 20 May, Israel's security cabinet approved an Egyptian-brokered ceasefire with Hamas.", "approved"),
    ("The parliament of Colombia ratified the peace accord with the FARC on 30 November.", "ratified"),
])
def test_an_accord_approved_or_ratified_is_an_agreement(extractor, text, trigger):
    x, _ = _run(extractor, text)
    assert ("AGREE", trigger, "asserted") in _events(x), x.events


@pytest.mark.parametrize("text", [
    "The parliament approved the budget on 3 May.",
    "The cabinet approved the withdrawal of troops from the border on 3 May.",
])
def test_other_things_approved_are_no_agreement(extractor, text):
    x, _ = _run(extractor, text)
    assert "AGREE" not in [e.type for e in x.events], x.events


def test_arms_that_hit_a_street_struck_it_and_people_who_hit_the_streets_did_not(extractor):
    # events.triggers._struck_by: arms speak in no figures
    text = "A ballistic missile with a cluster warhead hit a residential street in Kryvyi Rih on 4 April 2025, killing 20 people."
    x, _ = _run(extractor, text)
    assert "hit" in [e.trigger for e in x.events if e.type == "ASSAULT"], x.events
    x, _ = _run(extractor, "Protesters hit the streets of Lima on 4 April 2025.")
    assert "hit" not in [e.trigger for e in x.events], x.events


def test_fighters_sent_abroad_are_a_deployment(extractor):
    # events.toml participants.mobilised_heads "fighter" (MOBILIZE's when_object "send")
    x, _ = _run(extractor, "Harakat al-Nujaba sent fighters to Syria in 2013.")
    assert "MOBILIZE" in [e.type for e in x.events if e.trigger == "sent"], x.events
    x, _ = _run(extractor, "Harakat al-Nujaba sent a letter to the prime minister.")
    assert "sent" not in [e.trigger for e in x.events], x.events


def test_the_place_a_force_pulled_out_of_is_what_it_left(extractor):
    # events.arguments._participants: the "of" of a particle the parser made a preposition
    from factions.events.arguments import _participants
    from factions.lexicons import lexicon

    doc = extractor.nlp("M23 rebels pulled out of Goma on 1 December 2012.")
    pulled = next(t for t in doc if t.text == "pulled")
    assert doc[pulled.i + 1].dep_ == "prep"  # the parse this reads ("out" as a preposition)
    _actors, recipients = _participants(pulled, False, lexicon("events"))
    assert "Goma" in [t.text for t in recipients]


@pytest.mark.parametrize("text, trigger, parties", [
    # events.participants._names_hung_on: names before a nominal, joined to its own
    ("Hamas and Fatah officials met in Cairo on 3 May 2021.", "met", {"Hamas", "Fatah"}),
    ("Hezbollah, Amal and Hamas leaders met in Beirut on 3 May 2021.", "met", {"Hezbollah", "Amal Movement", "Hamas"}),
    # the first of two coordinated names, read as a modifier of the second
    ("Omar al-Bashir and Salva Kiir met in Khartoum on 3 May 2011.", "met", {"Omar al-Bashir", "Salva Kiir"}),
    # hung on a title before the second name
    ("Sudan's Abdel Fattah al-Burhan and RSF commander Mohamed Hamdan Dagalo signed a truce in Jeddah on 20 May 2023.",
     "signed", {"Abdel Fattah al-Burhan", "Mohamed Hamdan Dagalo"}),
])
def test_names_hung_on_a_head_by_the_parser_take_part(extractor, text, trigger, parties):
    x, names = _run(extractor, text)
    event = next(e for e in x.events if e.trigger == trigger)
    assert {names[a] for a in event.actors} == parties, x.events


def test_a_group_fighting_beside_another_named_on_its_fighters_is_a_doer(extractor):
    x, names = _run(extractor, "Taliban and al-Qaeda fighters clashed with Afghan troops near Kunduz on 3 May 2015.")
    clash = next(e for e in x.events if e.trigger == "clashed")
    assert {"Taliban", "al-Qaeda"} <= {names[a] for a in clash.actors}, x.events
    # a name alone before a nominal is no second party
    x, names = _run(extractor, "The Kabul Taliban fighters attacked the town on 3 May 2015.")
    attack = next(e for e in x.events if e.trigger == "attacked")
    assert [names[a] for a in attack.actors] == ["Taliban"], x.events


@pytest.mark.parametrize("text, trigger", [
    # data/demonyms.toml heads: a state's arms named by its demonym act for it
    ("A Russian missile hit a hospital in Kharkiv on 4 April 2024.", "hit"),
    ("Russian drones struck Odesa's port on 4 April 2024.", "struck"),
])
def test_arms_named_by_a_demonym_strike_for_the_state(extractor, text, trigger):
    x, names = _run(extractor, text)
    event = next(e for e in x.events if e.trigger == trigger)
    assert [names[a] for a in event.actors] == ["Russia"], x.events


@pytest.mark.parametrize("text", [
    "Ukraine fired American missiles at Crimea on 4 April 2024.",  # arms used: not whom they struck
    "The Houthis fired Russian-made missiles at Saudi Arabia on 4 April 2024.",  # made there, fired by others
])
def test_arms_named_by_a_demonym_used_by_another_are_not_its_party(extractor, text):
    x, names = _run(extractor, text)
    fired = next(e for e in x.events if e.trigger == "fired")
    parties = {names[a] for a in fired.actors + fired.recipients}
    assert not parties & {"United States", "Russia"}, x.events


@pytest.mark.parametrize("text, aimed", [
    # events.toml participants.holding_nouns: the place "of" a control taken was attacked
    ("Rebels seized control of the airport on 3 May 2021.", "the airport"),
    ("Wagner fighters took control of the town of Soledar on 11 January 2023.", "the town"),
    # nominals.toml place heads "jail"
    ("Gunmen stormed the jail in Kuje on 5 July 2022.", "the jail"),
])
def test_a_place_taken_or_stormed_is_what_was_attacked(extractor, text, aimed):
    x, _ = _run(extractor, text)
    assert aimed in [text[r.target_span.start : r.target_span.end] for r in x.relations if r.type == "attacks"], x.relations


def test_control_of_no_place_aims_at_nothing(extractor):
    x, _ = _run(extractor, "The army took control of the situation on 3 May 2021.")
    assert not [r for r in x.relations if r.type == "attacks"], x.relations


def test_the_place_others_were_driven_out_of_is_not_what_was_attacked(extractor):
    # events.arguments._participants: "out of" read as left only for a force that left
    from factions.events.arguments import _participants
    from factions.lexicons import lexicon

    doc = extractor.nlp("Government troops drove the rebels out of the town on 3 May 2015.")
    drove = next(t for t in doc if t.text == "drove")
    _actors, recipients = _participants(drove, False, lexicon("events"))
    assert "town" not in [t.text for t in recipients] and "rebels" in [t.text for t in recipients]


def test_an_object_pronoun_in_a_relative_clause_is_not_its_noun(extractor):
    # actors.index._own_subject_phrase: "X, who assured him": "him" is someone else (binding)
    text = "The minister phoned his Kenyan counterpart, Mr Moses Wetangula, who assured him of Kenya's support."
    x, names = _run(extractor, text)
    him = next(m for m in x.mentions if m.text == "him")
    assert names[him.actor] != "Mr Moses Wetangula", names[him.actor]


def test_an_assurance_given_is_communication(extractor):
    # events.toml CONSULT verbs "assure"
    x, names = _run(extractor, "The Kenyan foreign minister assured the Somali president of Nairobi's support on 3 May 2011.")
    assert "CONSULT" in [e.type for e in x.events if e.trigger == "assured"], x.events


def test_an_asylum_seeker_is_a_person_who_acts(extractor):
    # nominals.toml person heads "seeker", "seekers"
    x, names = _run(extractor, "A 31-year-old asylum seeker stabbed two shoppers in Aschaffenburg on 22 January 2025.")
    stab = next(e for e in x.events if e.trigger == "stabbed")
    assert any("seeker" in names[a] for a in stab.actors), x.events


@pytest.mark.parametrize("text", [
    # events.toml REQUEST when_object press = party: a party pressed is urged
    "The envoy pressed Rwanda to rein in the M23 on 3 May 2023.",
    "The envoy pressed the government on reforms on 3 May 2016.",
])
def test_a_party_pressed_is_urged(extractor, text):
    x, _ = _run(extractor, text)
    assert "REQUEST" in [e.type for e in x.events if e.trigger == "pressed"], x.events


@pytest.mark.parametrize("text", [
    "The prosecutor pressed charges against the commander on 3 May 2016.",
    "The army pressed ahead with the offensive on 3 May 2016.",
])
def test_pressing_no_party_is_no_request(extractor, text):
    x, _ = _run(extractor, text)
    assert "REQUEST" not in [e.type for e in x.events if e.trigger == "pressed"], x.events


def test_a_place_told_by_its_rank_is_a_place(extractor):
    # nlp factions_nominals: a superlative before a place head ("the largest city in the north")
    x, _ = _run(extractor, "Rebels captured the second-largest city in the north on 3 May 2021.")
    assert ("the second-largest city", "LOC") in [(m.text, m.label) for m in x.mentions], x.mentions
    # a state's own city is the place attacked, not the state (events.participants places)
    text = "Rebels took control of Syria's third-largest city on 8 December 2024."
    x, _ = _run(extractor, text)
    assert "Syria's third-largest city" in [text[r.target_span.start : r.target_span.end] for r in x.relations if r.type == "attacks"]
    # (not where others were pushed towards)
    x, _ = _run(extractor, "Troops pushed the fighters back towards the Niger border on 8 December 2024.")
    assert not [r for r in x.relations if r.type == "attacks"], x.relations


def test_a_name_beside_what_place_it_is_is_a_place_taken(extractor):
    # events.triggers._is_object "place": an untyped name with a place in apposition
    text = "Taliban fighters captured Pul-i-Khumri, the largest town in the province, from government forces on 3 May 2021."
    x, _ = _run(extractor, text)
    assert [e.type for e in x.events if e.trigger == "captured"] == ["ASSAULT"], x.events
    # a person in apposition is still a capture of a person
    x, _ = _run(extractor, "Police captured Abu Umar, a commander of the group, on 3 May 2021.")
    assert [e.type for e in x.events if e.trigger == "captured"] == ["COERCE"], x.events


def test_a_bracketed_report_date_is_not_read_as_the_verb(extractor):
    # model_view.toml [[aside]]: "(reported 9 June)" is blanked in the model's view
    from factions.model import Document
    from factions.nlp import model_view

    text = "On 6 June 2019 (reported 9 June), gunmen on motorbikes killed 12 herders near Dinangourou."
    view = model_view(Document(source="t", text=text))
    assert len(view) == len(text) and "reported" not in view and "gunmen" in view
    x, names = _run(extractor, text)
    kill = next(e for e in x.events if e.trigger == "killed")
    assert [names[a] for a in kill.actors] == ["gunmen"] and kill.when.start == "2019-06-06", x.events
    # an aside that names who reported stays in the text the model reads
    assert "(reported by AFP)" in model_view(Document(source="t", text="Gunmen killed 12 herders (reported by AFP)."))


@pytest.mark.parametrize("text, doer", [
    # nlp.components._aged_nouns: a noun told with a person's age is a person
    ("A 44-year-old plumber shot three police officers in Dortmund on 3 May 2019.", "A 44-year-old plumber"),
    ("A 19-year-old apprentice stabbed two guards at the station on 3 May 2019.", "A 19-year-old apprentice"),
])
def test_a_noun_told_with_a_persons_age_is_a_person(extractor, text, doer):
    x, _ = _run(extractor, text)
    event = next(e for e in x.events if e.type == "ASSAULT")
    assert [text[s.start : s.end] for s in event.actor_spans] == [doer], x.events


def test_a_thing_with_an_age_is_no_person(extractor):
    x, _ = _run(extractor, "The 40-year-old conflict has displaced millions.")
    assert not [m for m in x.mentions if "conflict" in m.text], x.mentions


@pytest.mark.parametrize("text, doer", [
    # time.toml [festivals]: a holy day named beside the date is a time, no party
    ("On 14 May 2021, Eid al-Fitr, a gunman opened fire on worshippers outside a mosque in Kabul.", "a gunman"),
    ("On 10 September 2019, Ashura, a suicide bomber attacked a procession in Karbala.", "a suicide bomber"),
])
def test_a_festival_named_beside_the_date_is_no_party(extractor, text, doer):
    x, _ = _run(extractor, text)
    event = next(e for e in x.events if e.type == "ASSAULT")
    assert [text[s.start : s.end] for s in event.actor_spans] == [doer], x.events
    assert not [m for m in x.mentions if m.text in ("Eid al-Fitr", "Ashura") and m.actor], x.mentions


def test_a_longer_name_holding_a_festival_is_left_to_the_model(extractor):
    doc = extractor.nlp("On the first day of Eid al-Adha, a bomb exploded in the market.")
    assert [e.text for e in doc.ents if e.label_ == "DATE"] == ["the first day of Eid al-Adha"]


def test_an_act_named_by_the_noun_that_struck_takes_the_doer_of_the_attack_it_was_in(extractor):
    # events.extract._enclosing_acts: the "in" on the verb its noun is the subject of
    text = "On 3 May 2017, a suicide blast ripped through a crowd of mourners in Jalalabad, in an attack claimed by the Islamic State."
    x, names = _run(extractor, text)
    blast = next(e for e in x.events if e.trigger == "blast")
    assert [names[a] for a in blast.actors] == ["Islamic State"], x.events


def test_an_act_named_again_after_a_semicolon_takes_its_claimed_doer(extractor):
    # events.time.named_again: a definite noun after a semicolon names the same act
    text = ("On 3 May 2017, a truck bomb exploded outside the interior ministry in Mogadishu, killing nine people; "
            "the attack was claimed by al-Shabaab.")
    x, names = _run(extractor, text)
    exploded = next(e for e in x.events if e.trigger == "exploded")
    assert [names[a] for a in exploded.actors] == ["al-Shabaab"], x.events


@pytest.mark.parametrize("text, trigger, doer, recipient", [
    # events.toml light_verbs "tighten", "pledge", "approve", "lay"; a sum's "in" (arguments._participants)
    ("The European Union voted to tighten sanctions on Belarus on 3 May 2021.", "sanctions", "European Union", "Belarus"),
    ("Japan pledged humanitarian aid to Myanmar on 3 May 2021.", "aid", "Japan", "Myanmar"),
    ("Canada announced $40 million in new assistance for the Haitian National Police on 3 May 2023.", "assistance", "Canada",
     "the Haitian National Police"),
    ("Government troops laid siege to the rebels in the old town on 3 May 2017.", "siege", "Government troops", "the rebels"),
])
def test_a_verb_that_carries_an_act_named_by_its_noun_gives_its_parties(extractor, text, trigger, doer, recipient):
    x, names = _run(extractor, text)
    event = next(e for e in x.events if e.trigger == trigger)
    assert [names[a] for a in event.actors] == [doer], x.events
    assert recipient in [text[s.start : s.end] for s in event.recipient_spans], x.events


def test_a_human_chain_is_a_protest(extractor):
    # events.toml PROTEST nouns_by_modifier chain = human (a noun that is an act only with its modifier)
    x, _ = _run(extractor, "Thousands of teachers formed a human chain around the ministry on 3 May 2021.")
    assert [e.type for e in x.events if e.trigger == "chain"] == ["PROTEST"], x.events
    x, _ = _run(extractor, "The supply chain to the front broke down on 3 May 2021.")
    assert not [e for e in x.events if e.trigger == "chain"], x.events


def test_a_past_act_is_not_dated_by_what_is_scheduled(extractor):
    # events.time._scheduled (time.toml scheduling_words)
    text = "Soldiers arrested the opposition leader, the favourite in the election due on 29 June, late on Friday (12 June)."
    x, _ = _run(extractor, text, published=date(2015, 6, 13))
    arrest = next(e for e in x.events if e.trigger == "arrested")
    assert arrest.when.start == "2015-06-12", arrest.when
    # what is planned keeps its date
    x, _ = _run(extractor, "Talks scheduled for 29 June were held in Doha.", published=date(2015, 6, 30))
    talks = next(e for e in x.events if e.trigger == "Talks")
    assert talks.when.start == "2015-06-29", talks.when


@pytest.mark.parametrize("text, trigger, doer", [
    # nlp.components._quantified_aside_read_as_subject
    ("Dozens of gunmen, some wearing police uniforms, attacked the checkpoint on 3 May 2021.", "attacked", "gunmen"),
    ("Hundreds of students, many carrying banners, marched to the ministry on 3 May 2021.", "marched", "students"),
])
def test_a_quantified_aside_is_no_second_subject(extractor, text, trigger, doer):
    x, names = _run(extractor, text)
    event = next(e for e in x.events if e.trigger == trigger)
    assert [names[a] for a in event.actors] == [doer], x.events


def test_who_ends_a_siege_is_no_besieger(extractor):
    # events.toml participants.ended_by_others
    x, names = _run(extractor, "Special forces ended the siege of the hotel on 3 May 2021.")
    siege = next(e for e in x.events if e.trigger == "siege")
    assert not siege.actors, x.events


def test_a_place_named_on_the_noun_of_place_before_an_act_is_no_doer(extractor):
    # events.arguments._names_a_place_of_the_act: "the Moscow theatre attack" names where
    x, names = _run(extractor, "The group claimed the Moscow theatre attack of October 2002.")
    attack = next(e for e in x.events if e.trigger == "attack")
    assert [names[a] for a in attack.actors] == ["group"], x.events
    # a state named on the act itself still did it
    x, names = _run(extractor, "A US drone strike killed two commanders on 26 August 2021.")
    strike = next(e for e in x.events if e.trigger == "strike")
    assert [names[a] for a in strike.actors] == ["United States"], x.events


@pytest.mark.parametrize("text, backer, backed", [
    # demonyms.toml [heads] arms "aircraft"; participants.mentions: the party named on an agent noun
    ("Government forces, backed by Russian aircraft, retook the airbase on 3 May 2016.", "Russia", "Government forces"),
    ("Army units backed by Turkish air strikes entered the town on 3 May 2016.", "Turkey", "Army"),
])
def test_a_force_backed_by_a_states_aircraft_or_strikes_is_its_ally(extractor, text, backer, backed):
    x, names = _run(extractor, text)
    assert ("allied_with", backer, backed) in _relations(x, names), x.relations


def test_a_states_aircraft_shot_down_do_not_act_for_it(extractor):
    x, names = _run(extractor, "Rebels shot down a Russian aircraft near Idlib on 3 May 2016.")
    shot = next(e for e in x.events if e.trigger == "shot")
    assert [names[a] for a in shot.actors] == ["Rebels"], x.events
    assert "Russia" not in [names[a] for a in shot.actors], x.events


def test_a_name_told_with_an_age_is_a_person_and_the_age_no_date(extractor):
    # nlp.components._names_told_with_an_age, _age_after_name: "X, 25," is an age
    text = "On 4 March 2019, Davit Hakobian, 31, drove a lorry into shoppers at the market in Lodz."
    x, names = _run(extractor, text)
    drove = next(e for e in x.events if e.trigger == "drove")
    assert drove.when.start == "2019-03-04", drove.when
    assert [text[s.start : s.end] for s in drove.actor_spans] == ["Davit Hakobian"], x.events
    # a month or a weekday before a number is a date
    x, _ = _run(extractor, "Gunmen killed two guards in Lodz on Monday, 4 March 2019.", published=date(2019, 3, 5))
    assert next(e for e in x.events if e.trigger == "killed").when.start == "2019-03-04"


def test_unions_are_bodies_not_mergers(extractor):
    # events.toml MERGE only_with union; nominals.toml group heads "union", "unions"
    x, names = _run(extractor, "Dockers' unions began an indefinite strike against the port authority on 2 June 2022.")
    assert "MERGE" not in [e.type for e in x.events], x.events
    strike = next(e for e in x.events if e.trigger == "strike")
    assert [text for text in (x.document.text[s.start : s.end] for s in strike.actor_spans)] == ["unions"], x.events
    # a name ending in "Union" stays the name the model and the knowledge base read (group.lower_case_only),
    # with its article as the model found it, and no union of people beside it
    x, _ = _run(extractor, "The African Union condemned the coup in Niamey on 27 July 2023.")
    assert [m.basis for m in x.mentions if m.text == "The African Union"] == ["kb"], x.mentions


@pytest.mark.parametrize("text, aimed", [
    # events.toml participants.quantity_heads "cluster", "string": the places are in the "of" phrase
    ("Militants attacked a cluster of police checkpoints near El Arish on 7 July 2017.", "police checkpoints"),
    ("The rebels overran a string of villages north of Beni on 3 May 2021.", "villages"),
])
def test_a_measure_of_places_attacked_aims_at_the_places(extractor, text, aimed):
    x, _ = _run(extractor, text)
    assert aimed in [text[r.target_span.start : r.target_span.end] for r in x.relations if r.type == "attacks"], x.relations


def test_an_agreement_is_dated_by_its_day_not_by_the_term_agreed(extractor):
    # events.time._term_of_an_agreement (time.toml agreeing_verbs, term_openers)
    text = "On 2 March 2019, the government and the rebels agreed to a ceasefire from 15 March to 30 June."
    x, _ = _run(extractor, text)
    agreed = next(e for e in x.events if e.trigger == "agreed")
    assert agreed.when.start == "2019-03-02", agreed.when
    # an act that lasts from one day to another keeps its term
    x, _ = _run(extractor, "Rebels fought the army in Beni from 3 May to 5 May 2019.")
    assert next(e for e in x.events if e.trigger == "fought").when.start == "2019-05-03"


@pytest.mark.parametrize("text", [
    # events.toml participants.ending_nouns: what ends a fight names a truce
    "The two sides agreed to a cessation of hostilities in Geneva on 3 May 2016.",
    "The envoy called for an end to the fighting in Tripoli on 3 May 2016.",
])
def test_an_end_to_a_fight_is_no_fight(extractor, text):
    x, _ = _run(extractor, text)
    assert "ASSAULT" not in [e.type for e in x.events], x.events


def test_a_fight_that_ended_was_a_fight(extractor):
    x, _ = _run(extractor, "At the end of the fighting in Tripoli on 3 May 2016, thirty soldiers were dead.")
    assert "fighting" in [e.trigger for e in x.events if e.type == "ASSAULT"], x.events


def test_a_model_of_arms_is_no_party(extractor):
    # nlp.components._model_of_arms: "Grad rockets", "Storm Shadow missiles" name the arms' model
    text = "A minibus was hit by Grad rockets fired by rebels near Debaltseve on 13 January 2015."
    x, names = _run(extractor, text)
    assert "Grad" not in names.values(), names
    assert "A minibus" in [text[r.target_span.start : r.target_span.end] for r in x.relations if r.type == "attacks"], x.relations
    # a party named before its arms owns them
    x, names = _run(extractor, "Hamas rockets hit Ashkelon on 3 May 2014.")
    assert "Hamas" in [names[a] for e in x.events for a in e.actors], x.events


@pytest.mark.parametrize("text, taken", [
    # nlp.components._captive_read_as_a_compound: "a Kenyan nurse hostage" read as one noun
    ("On 7 February 2023, rebels took a Kenyan nurse hostage near Paro.", "a Kenyan nurse"),
    ("Gunmen took the Swiss engineer hostage in Kidal on 3 May 2016.", "the Swiss engineer"),
    # and a captive's adjective read as a clause
    ("On 7 February 2023, rebels took a Kenyan nurse captive in Paro.", "a Kenyan nurse"),
])
def test_one_taken_hostage_is_taken(extractor, text, taken):
    x, _ = _run(extractor, text)
    event = next(e for e in x.events if e.trigger == "took")
    assert event.type == "ASSAULT"
    assert taken in [text[s.start : s.end] for s in event.recipient_spans], event


def test_a_prisoner_taken_somewhere_is_no_one_taken_hostage(extractor):
    x, _ = _run(extractor, "Police took the prisoner to court in Kidal on 3 May 2016.")
    assert "ASSAULT" not in [e.type for e in x.events], x.events


def test_one_held_hostage_by_a_group_and_freed_was_held_by_it(extractor):
    # nlp.components._description_by_agent_read_as_the_verb_before_a_passive: "held" was the
    # sentence's verb, with the nurse as the one who held
    text = "On 7 February 2023, a Kenyan nurse held hostage by rebels was freed."
    x, names = _run(extractor, text)
    held = next(e for e in x.events if e.trigger == "held")
    assert [names[a] for a in held.actors] == ["rebels"], held
    assert "a Kenyan nurse" in [text[s.start : s.end] for s in held.recipient_spans], held
    freed = next(e for e in x.events if e.trigger == "freed")
    assert "a Kenyan nurse" in [text[s.start : s.end] for s in freed.recipient_spans], freed
    # (a description by an agent and a verb joined by "and" are left as read)
    text = "On 7 February 2023, rebels attacked a convoy escorted by soldiers and were repelled."
    x, names = _run(extractor, text)
    attacked = next(e for e in x.events if e.trigger == "attacked")
    assert [names[a] for a in attacked.actors] == ["rebels"], attacked


def test_a_verb_after_a_participles_agents_is_the_sentences_verb(extractor):
    # nlp.components._verb_read_as_a_modifier, through an agent: "artillery laid siege" was
    # read as a noun phrase joined to "air strikes"
    text = "On 9 May 2016, troops backed by air strikes and artillery laid siege to the town of Mora."
    x, names = _run(extractor, text)
    siege = next(e for e in x.events if e.trigger == "siege")
    assert [names[a] for a in siege.actors] == ["troops"], siege
    assert "the town" in [text[r.target_span.start : r.target_span.end] for r in x.relations if r.type == "attacks"], x.relations
    # (with the verb read as a verb, nothing changes)
    x, names = _run(extractor, "On 9 May 2016, militias backed by drones and artillery shelled the town of Mora.")
    assert [names[a] for e in x.events if e.trigger == "shelled" for a in e.actors] == ["militias"], x.events


@pytest.mark.parametrize("text, trigger", [
    # nlp.components._people_read_as_verb: after a headline's colon, "inmates" was the verb
    ("Jailbreak: inmates overpowered guards at the prison on 9 May 2016.", "overpowered"),
    # ... or only tagged as one, the parse right
    ("Prison riot: inmates set fire to cells in Mora on 9 May 2016.", "set"),
])
def test_people_read_as_a_verb_after_a_colon_are_the_doers(extractor, text, trigger):
    x, names = _run(extractor, text)
    event = next(e for e in x.events if e.trigger == trigger)
    assert [names[a] for a in event.actors] == ["inmates"], event


@pytest.mark.parametrize("text, trigger, doer", [
    # nlp.tokens.asked_of: the opening "On <date>" was read as "called on <date> to …", and the
    # date as the one asked to act
    ("On 3 May 2014, the rebels began shelling the town of Kidal.", "shelling", "the rebels"),
    ("On 3 May 2014, FARC guerrillas began to withdraw from the valley.", "withdraw", "FARC"),
    ("On Monday, militants tried to storm the prison in Bannu.", "storm", "militants"),
])
def test_an_act_begun_or_tried_after_an_opening_date_is_its_subjects(extractor, text, trigger, doer):
    x, _ = _run(extractor, text)
    event = next(e for e in x.events if e.trigger == trigger)
    assert [text[s.start : s.end] for s in event.actor_spans] == [doer], event


def test_one_called_on_to_act_still_acts(extractor):
    text = "On 3 May 2014, the envoy called on the rebels to free the hostages."
    x, _ = _run(extractor, text)
    called = next(e for e in x.events if e.trigger == "called")
    assert [text[s.start : s.end] for s in called.recipient_spans] == ["the rebels"], called


@pytest.mark.parametrize("text, trigger, held", [
    # events.toml COERCE verbs: people held by order of a court
    ("On 3 May 2014, a court remanded the blogger Ali Hassan in custody for a month.", "remanded", "Ali Hassan"),
    ("On 3 May 2014, a court in Cairo jailed two opposition leaders for five years.", "jailed", "two opposition leaders"),
])
def test_people_held_by_a_court_are_coerced(extractor, text, trigger, held):
    x, _ = _run(extractor, text)
    event = next(e for e in x.events if e.trigger == trigger)
    assert event.type == "COERCE"
    assert held in [text[s.start : s.end] for s in event.recipient_spans], event


def test_a_plural_demonym_the_tagger_calls_singular_names_people(extractor):
    # events.participants._people_named_by_nationality: "Zimbabweans" tagged NNP
    text = "On 3 May 2014, thousands of Zimbabweans marched in Harare."
    x, _ = _run(extractor, text)
    marched = next(e for e in x.events if e.trigger == "marched")
    assert [text[s.start : s.end] for s in marched.actor_spans] == ["Zimbabweans"], marched
    # (the adjective names no one)
    text = "On 3 May 2014, Zimbabwean police dispersed a march in Harare."
    x, _ = _run(extractor, text)
    dispersed = next(e for e in x.events if e.trigger == "dispersed")
    assert "Zimbabwean" not in [text[s.start : s.end] for s in dispersed.actor_spans], dispersed


def test_a_call_hung_on_a_place_is_the_marchers(extractor):
    # nlp.components._call_read_as_a_places
    text = "On 3 May 2014, thousands of students marched through the capital calling on the president to resign."
    x, _ = _run(extractor, text)
    calling = next(e for e in x.events if e.trigger == "calling")
    assert [text[s.start : s.end] for s in calling.actor_spans] == ["students"], calling
    marched = next(e for e in x.events if e.trigger == "marched")
    assert "the president" in [text[s.start : s.end] for s in marched.recipient_spans], marched
    # (a road leading somewhere is described by its participle)
    x, _ = _run(extractor, "On 3 May 2014, rebels seized the road leading to the airport.")
    assert [e.trigger for e in x.events] == ["seized"], x.events


def test_a_participle_read_as_the_root_leaves_the_sentence_its_date(extractor):
    # nlp.components._participle_read_as_the_root_before_the_clause
    text = "On 17 February 2023, after a rally against tax rises agreed with the IMF, a crowd stormed the parliament in Lima."
    x, _ = _run(extractor, text)
    stormed = next(e for e in x.events if e.trigger == "stormed")
    assert stormed.when is not None and stormed.when.start == "2023-02-17", stormed.when
    assert [text[s.start : s.end] for s in stormed.actor_spans] == ["a crowd"], stormed


def test_a_bare_number_counting_things_is_no_day(extractor):
    # nlp.components._count_of_things: "14" tagged as a date by the model
    text = "Geneva, 19 June 2017: The government and 13 of the country's 14 recognised armed groups signed a peace deal."
    x, _ = _run(extractor, text)
    signed = next(e for e in x.events if e.trigger == "signed")
    assert signed.when is not None and signed.when.start == "2017-06-19", signed.when
    # (units of time stay dates)
    doc = extractor.nlp("The siege lasted 14 days.")
    assert [e.text for e in doc.ents if e.label_ == "DATE"] == ["14 days"]


def test_a_place_heading_a_note_is_no_second_subject(extractor):
    # events.arguments._subject_tokens: the parser may make the place before a note's colon
    # a second subject of the verb after it (seen with "Plaine du Cul-de-Sac (…): On Sunday, …")
    from spacy.tokens import Doc

    from factions.events.arguments import _subject_tokens

    words = ["Gao", ":", "On", "Sunday", ",", "rebels", "began", "fighting", "soldiers", "."]
    heads = [6, 6, 6, 2, 6, 6, 6, 6, 7, 6]
    deps = ["nsubj", "punct", "prep", "pobj", "punct", "nsubj", "ROOT", "xcomp", "dobj", "punct"]
    pos = ["PROPN", "PUNCT", "ADP", "PROPN", "PUNCT", "NOUN", "VERB", "VERB", "NOUN", "PUNCT"]
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    subject, passive = _subject_tokens(doc[7])
    assert [t.text for t in subject] == ["rebels"] and not passive
    # (two subjects joined by "and", no colon between, stay two)
    words = ["Rebels", "and", "bandits", "began", "fighting", "soldiers", "."]
    doc = Doc(extractor.nlp.vocab, words=words, heads=[3, 0, 0, 3, 3, 4, 3],
              deps=["nsubj", "cc", "conj", "ROOT", "xcomp", "dobj", "punct"], pos=["NOUN", "CCONJ", "NOUN", "VERB", "VERB", "NOUN", "PUNCT"])
    assert [t.text for t in _subject_tokens(doc[4])[0]] == ["Rebels", "bandits"]


def test_the_main_subject_joined_to_a_subordinate_clause_is_the_main_verbs(extractor):
    # nlp.components._main_subject_read_as_a_conjunct: "Imran Khan, taxi drivers and …" read
    # as one list, and "blocked" hung on "lost"
    text = ("On Sunday, a day after Prime Minister Nawaz Sharif lost the vote to Imran Khan, taxi drivers and other Sharif "
            "supporters blocked roads in dozens of towns.")
    x, _ = _run(extractor, text)
    blocked = next(e for e in x.events if e.trigger == "blocked")
    assert "taxi drivers" in [text[s.start : s.end] for s in blocked.actor_spans], blocked
    assert "Nawaz Sharif" not in [text[s.start : s.end] for s in blocked.actor_spans], blocked
    doc = extractor.nlp(text)
    assert [t.text for t in doc if t.dep_ == "ROOT"] == ["blocked"]
    # (or the main verb left the root with no subject: "the rebels, farmers and other residents")
    doc = extractor.nlp("On Friday, a week after the army took the town from the rebels, farmers and other residents blocked the road.")
    assert [t.text for t in doc if t.dep_ == "ROOT"] == ["blocked"]
    assert [t.text for t in doc if t.dep_ == "nsubj"] == ["army", "farmers"]
    # (a list after a subordinate clause's comma with the main verb's own subject stays a list)
    doc = extractor.nlp("After the army took Gao, Timbuktu and Kidal, the rebels fled north.")
    assert [t.text for t in doc if t.dep_ == "nsubj"] == ["army", "rebels"]


def test_a_single_shell_that_hits_is_an_attack(extractor):
    # nominals.toml [equipment] heads "shell", "projectile": one round, as "shells" were
    text = "On 3 May 2014, a mortar shell fired from across the border hit a school in Akcakale. Ankara blamed the Syrian army."
    x, _ = _run(extractor, text)
    hit = next(e for e in x.events if e.trigger == "hit")
    assert hit.type == "ASSAULT"
    assert "a school" in [text[r.target_span.start : r.target_span.end] for r in x.relations if r.type == "attacks"], x.relations
    # (a vehicle that hits is an accident, as before)
    x, _ = _run(extractor, "On 3 May 2014, a bus hit a school wall in Akcakale.")
    assert "ASSAULT" not in [e.type for e in x.events], x.events


@pytest.mark.parametrize("text, victims", [
    # events.participants.group_inside: a state named on one who serves no state says where
    # they are from ("a UK aid worker"); its forces and officials serve it
    ("On 21 September 2014, gunmen kidnapped a UK aid worker near Kirkuk.", "a UK aid worker"),
    ("On 21 September 2014, gunmen kidnapped two US journalists near Kirkuk.", "two US journalists"),
    ("On 21 September 2014, gunmen killed two US soldiers near Kirkuk.", "US"),
])
def test_a_states_name_on_a_civilian_is_no_party(extractor, text, victims):
    x, _ = _run(extractor, text)
    event = next(e for e in x.events if e.type == "ASSAULT")
    assert [text[s.start : s.end] for s in event.recipient_spans] == [victims], event


def test_a_trade_names_one_person_but_not_before_a_noun(extractor):
    # nominals.toml person heads "engineer", "surveyor", …; not_before_a_noun for the trades
    # that name a kind of thing ("an engineer battalion", "merchant ships")
    text = "On 3 May 2016, gunmen shot dead a surveyor near Kidal."
    x, _ = _run(extractor, text)
    shot = next(e for e in x.events if e.trigger == "shot")
    assert [text[s.start : s.end] for s in shot.recipient_spans] == ["a surveyor"], shot
    text = "On 3 May 2016, rebels ambushed an engineer battalion near Kidal."
    x, _ = _run(extractor, text)
    ambushed = next(e for e in x.events if e.trigger == "ambushed")
    assert [text[s.start : s.end] for s in ambushed.recipient_spans] == ["an engineer battalion"], ambushed


def test_harm_by_poison_is_an_attack(extractor):
    # events.toml ASSAULT verbs "poison", nouns "poisoning"
    text = "On 3 May 2018, the opposition leader Ivan Petrov was poisoned with a nerve agent by two FSB officers in Tomsk."
    x, names = _run(extractor, text)
    poisoned = next(e for e in x.events if e.trigger == "poisoned")
    assert poisoned.type == "ASSAULT" and "Ivan Petrov" in [text[s.start : s.end] for s in poisoned.recipient_spans], poisoned


def test_an_ultimatum_issued_is_a_threat_and_its_addressee_is_to_act(extractor):
    # light verb "issue"; nlp.tokens.asked_of with events.toml participants demand_nouns
    text = "On 22 November 2020, the army issued a 48-hour ultimatum to the rebels to surrender."
    x, _ = _run(extractor, text)
    ultimatum = next(e for e in x.events if e.trigger == "ultimatum")
    assert ultimatum.type == "THREATEN"
    assert [text[s.start : s.end] for s in ultimatum.actor_spans] == ["the army"], ultimatum
    assert [text[s.start : s.end] for s in ultimatum.recipient_spans] == ["the rebels"], ultimatum
    surrender = next(e for e in x.events if e.trigger == "surrender")
    assert [text[s.start : s.end] for s in surrender.actor_spans] == ["the rebels"], surrender
    # (a statement issued is no act)
    x, _ = _run(extractor, "On 22 November 2020, the ministry issued a statement in Addis Ababa.")
    assert x.events == []


def test_the_main_subject_set_beside_a_subordinate_clauses_last_noun_is_the_main_verbs(extractor):
    # nlp _main_subject_read_as_a_conjunct: the subject set as an apposition of the
    # subordinate clause's last noun, the main verb a clause on it
    text = "On 4 March 2019, as the prime minister met with the Secretary of State Tom Ridley, masked gunmen set off two bombs near the parliament."
    x, _ = _run(extractor, text)
    bombs = next(e for e in x.events if e.trigger == "set")
    assert [text[s.start : s.end] for s in bombs.actor_spans] == ["gunmen"], bombs


def test_people_read_as_the_root_after_an_opening_phrase_are_the_subject(extractor):
    # nlp _people_read_as_verb: a plural of people read as the root after an opening phrase's comma
    text = "In the early hours of Sunday (5 March), inmates belonging to a rival gang killed 12 prisoners at the jail."
    x, _ = _run(extractor, text)
    killed = next(e for e in x.events if e.trigger == "killed")
    assert [text[s.start : s.end] for s in killed.actor_spans] == ["inmates"], killed


def test_a_participle_root_with_a_past_verb_on_its_objects_last_noun(extractor):
    # nlp _participle_read_as_the_main_verb: "gathered" hung on "movement" as a clause on it
    text = "On 9 May 2015, several thousand protesters answering a call by the Enough movement gathered in the square against the government."
    x, _ = _run(extractor, text)
    gathered = next(e for e in x.events if e.trigger == "gathered")
    assert gathered.type == "PROTEST" and [text[s.start : s.end] for s in gathered.actor_spans] == ["protesters"], gathered


def test_a_blast_near_a_seat_of_government_or_in_and_around_a_site_strikes_it(extractor):
    # events.toml participants blast_site_heads "palace", "complex", …; blast_sites_within "around",
    # and a second preposition joined to the first
    for text, site in [("On 23 February 2018, a car bomb exploded near the presidential palace in the capital. The Sahel Front claimed it.", "palace"),
                       ("On 7 July 2013, a series of bombs exploded in and around the temple complex in Gaya. The Sahel Front claimed it.", "complex")]:
        x, _ = _run(extractor, text)
        exploded = next(e for e in x.events if e.trigger == "exploded")
        aimed = [text[r.target_span.start : r.target_span.end] for r in x.relations if r.type == "attacks" and r.event == exploded.id]
        assert any(a.endswith(site) for a in aimed), (aimed, x.relations)
    # (near a border says where)
    text = "On 23 February 2018, a roadside bomb exploded near the border. The Sahel Front claimed it."
    x, _ = _run(extractor, text)
    assert not [r for r in x.relations if r.type == "attacks"], x.relations


def test_a_truce_agreed_is_dated_by_the_agreeing(extractor):
    # events.time.date_of_joined_act: the object of an AGREE verb takes its date
    text = "CAIRO, 21 November 2012: Israel and Hamas agreed to a ceasefire, the foreign minister announced."
    x, _ = _run(extractor, text)
    ceasefire = next(e for e in x.events if e.trigger == "ceasefire")
    assert ceasefire.when is not None and str(ceasefire.when.start) == "2012-11-21", ceasefire


def test_a_second_to_joined_to_an_of_is_the_verbs(extractor):
    # nlp.components._repeated_preposition_read_apart: "to" after "and", joined to the "of"
    # before it (as the parser reads "spoke last night to the families of the four men and to
    # the companies"), hangs where the first "to" does
    from spacy.tokens import Doc

    from factions.nlp.components import _repeated_preposition_read_apart

    words = ["He", "spoke", "to", "the", "families", "of", "the", "men", "and", "to", "the", "companies", "."]
    heads = [1, 1, 1, 4, 2, 4, 7, 5, 5, 5, 11, 9, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "det", "pobj", "cc", "conj", "det", "pobj", "punct"]
    pos = ["PRON", "VERB", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "CCONJ", "ADP", "DET", "NOUN", "PUNCT"]
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=[True] + [False] * 12)
    _repeated_preposition_read_apart(doc)
    assert (doc[9].head.i, doc[9].dep_) == (1, "prep")
    # (a "to" on a verb of its own stays there)
    words = ["He", "spoke", "to", "the", "families", "and", "went", "to", "the", "companies", "."]
    doc = Doc(extractor.nlp.vocab, words=words, heads=[1, 1, 1, 4, 2, 1, 1, 6, 9, 7, 1],
              deps=["nsubj", "ROOT", "prep", "det", "pobj", "cc", "conj", "prep", "det", "pobj", "punct"],
              pos=["PRON", "VERB", "ADP", "DET", "NOUN", "CCONJ", "VERB", "ADP", "DET", "NOUN", "PUNCT"], sent_starts=[True] + [False] * 10)
    _repeated_preposition_read_apart(doc)
    assert doc[7].head.i == 6


def test_a_states_body_named_on_its_kit_keeps_the_states_adjective(extractor):
    # nlp nominals: "Russian army helicopters" names Russia's army as their owner (the
    # article and the count before a body on kit stay the kit's: "the two army trucks")
    text = "On 4 March 2016, Russian army helicopters attacked a convoy near Palmyra."
    x, _ = _run(extractor, text)
    attacked = next(e for e in x.events if e.trigger == "attacked")
    assert [text[s.start : s.end] for s in attacked.actor_spans] == ["Russian army"], attacked
    text = "On 4 March 2016, two army trucks hit a mine near Palmyra."
    x, _ = _run(extractor, text)
    assert "army" in [text[m.span.start : m.span.end] for m in x.mentions], x.mentions


def test_a_vehicle_driven_by_someone_is_in_their_hands(extractor):
    # relations.equipment_relations: relations.toml driving_participles on the kit (rule
    # relations.equipment-in-hand); nominals.toml equipment heads "sedan", "motorbike", …
    text = "On 7 September 1996, the rapper sat in a black sedan driven by Marion Knight."
    x, _ = _run(extractor, text)
    held = [(text[r.source_span.start : r.source_span.end], text[r.target_span.start : r.target_span.end])
            for r in x.relations if r.type == "controls"]
    assert ("Marion Knight", "a black sedan") in held, x.relations


def test_a_shooting_read_as_a_noun_in_a_sentence_with_no_verb(extractor):
    # nlp.components._killing_read_as_a_noun with no "dead": "a motorcycle shot" read as one noun
    text = "On 3 May 2019, two men on a motorcycle shot the journalist outside her home."
    x, _ = _run(extractor, text)
    shot = next(e for e in x.events if e.trigger == "shot")
    assert [text[s.start : s.end] for s in shot.actor_spans] == ["two men"], shot
    assert [text[s.start : s.end] for s in shot.recipient_spans] == ["the journalist"], shot


def test_an_opening_the_parser_split_off_dates_the_main_clause(extractor):
    # events.time.date_of_a_split_opening (rule events.date-of-a-split-opening): "Per his
    # lawyers, on Friday (12 May 2023)" read as a sentence of its own, with no verb
    text = "Bamako: Per his lawyers, on Friday (12 May 2023) Malian security forces detained the opposition leader Issa Kone at his home."
    x, _ = _run(extractor, text)
    detained = next(e for e in x.events if e.trigger == "detained")
    assert detained.when is not None and str(detained.when.start) == "2023-05-12", detained


def test_a_participle_on_the_object_tells_the_objects_past_not_the_acts_date(extractor):
    # events.time._in_own_phrase: "hostages kidnapped in March 2021" dates the kidnapping
    text = "The army freed 20 hostages kidnapped in March 2021."
    x, _ = _run(extractor, text)
    freed = next(e for e in x.events if e.trigger == "freed")
    assert freed.when is None, freed
    text = "On 3 May 2021, the army freed 20 hostages kidnapped in March."
    x, _ = _run(extractor, text)
    freed = next(e for e in x.events if e.trigger == "freed")
    assert str(freed.when.start) == "2021-05-03", freed


def test_what_a_crowd_chants_against_is_what_it_protests_against(extractor):
    # events.toml participants slogan_participles; nlp _call_hung_on_a_place and
    # _toll_read_on_a_subordinate_clause with chant_participles
    for text in ["On 23 September 2013, hundreds of students marched in the capital chanting slogans against the president.",
                 "On 23 September 2013, hundreds of students took to the streets a day after the government lifted fuel subsidies, "
                 "chanting slogans against the president."]:
        x, _ = _run(extractor, text)
        protest = next(e for e in x.events if e.type == "PROTEST")
        assert [text[s.start : s.end] for s in protest.recipient_spans] == ["the president"], protest


@pytest.mark.parametrize("text, trigger, kind, role, spans", [
    # events.toml AID nouns_by_modifier: a package of aid or assistance
    ("On 1 June 2022, Japan announced a $70 million security assistance package for Ukraine's armed forces.",
     "package", "AID", "actor", ["Japan"]),
    # ... and support of a material kind
    ("On 13 June 2013, the United States said it would provide military support to the Free Syrian Army.",
     "support", "AID", "actor", ["the United States"]),
    # PROTEST verbs_by_doer gather, assemble, converge
    ("On 9 May 2015, several thousand protesters gathered in the main square against the government.",
     "gathered", "PROTEST", "actor", ["protesters"]),
    # THREATEN by_complement responses, response_verbs
    ("On 17 May 2016, regional leaders warned President Adama Kone that they would take all necessary measures.",
     "warned", "THREATEN", "recipient", ["Adama Kone"]),
    # participants light_verbs "order"
    ("On 23 August 2019, President Tomas Herrera ordered the deployment of the armed forces to the border.",
     "deployment", "MOBILIZE", "actor", ["Tomas Herrera"]),
    # ASSAULT phrase run over, aimed at a party
    ("On 28 August 2025, police officers driving an armoured vehicle ran over Adi Prasetyo, a 21-year-old driver.",
     "ran", "ASSAULT", "recipient", ["Adi Prasetyo"]),
    # CONCEDE verbs "pardon"
    ("On 6 January 2023, the transitional president pardoned 49 soldiers held in Bamako.",
     "pardoned", "CONCEDE", "recipient", ["soldiers"]),
    # events.arguments._participants: an act "blamed by A on B" was B's (participants.doer_blaming_participles) …
    ("On 27 April 2016, an attack blamed by the army on al-Shabaab killed 12 villagers.",
     "attack", "ASSAULT", "actor", ["al-Shabaab"]),
    # … and one carried out by a group still theirs
    ("On 27 April 2016, an attack carried out by al-Shabaab killed 12 villagers.",
     "attack", "ASSAULT", "actor", ["al-Shabaab"]),
    # ASSAULT phrases plough, drive … through a crowd
    ("On 28 October 2013, a man ploughed a van through crowds of shoppers in the old town.", "ploughed", "ASSAULT", "recipient", ["crowds"]),
    # when_subject tear, rip with arms for the subject (what they tear through: the test below)
    ("On 30 January 2015, a suicide bomb tore through the Imam Hussain mosque in the old town, killing 40.", "tore", "ASSAULT", "actor", []),
    # RETREAT when_object abandon = "place": ground given up
    ("On 5 October 2014, rebel fighters abandoned the port town as troops closed in.", "abandoned", "RETREAT", "actor", ["rebel fighters"]),
    # nlp.components._verb_after_then_read_apart: ", then stormed" hung as a bare dependent
    ("Two gunmen shot at a checkpoint near the bridge on 4 March 2019, then stormed the district office.",
     "stormed", "ASSAULT", "actor", ["Two gunmen"]),
    # nlp.components._joined_subject_read_as_the_dates_apposition
    ("Between 15 and 16 October 2020, Libya's Tebu movement (Tebu Front) and the Turkish-backed government released 300 prisoners.",
     "released", "CONCEDE", "actor", ["Tebu Front", "the Turkish-backed government"]),
    # events.arguments._put_down_by_others: put down to a party in a relative clause (the
    # participle, "attributed to the army", was read already) …
    ("An air strike that residents attributed to the army hit a market on Sunday.", "strike", "ASSAULT", "actor", ["the army"]),
    # … and not a relative clause that puts it down to no one
    ("An air strike that residents saw on Sunday hit a market.", "strike", "ASSAULT", "actor", []),
    # events.participants._nearest: the nearest party is not what an act before went through or
    # was thrown into …
    ("On Sunday, a bomb tore through a minibus packed with commuters, killing seven people.", "killing", "ASSAULT", "actor", []),
    ("On Sunday, a grenade was thrown into a crowd of traders, killing four people.", "killing", "ASSAULT", "actor", []),
    # … while the doer of the act before still is
    ("On Sunday, rebels detonated a bomb near the market, killing seven people.", "killing", "ASSAULT", "actor", ["rebels"]),
    # events.extract._doer_by_claim: an attack the claimant names is not the one told before, done by another
    ("On 6 January 2020, JNIM fighters attacked a base. On 7 January, ISSP claimed the attack on a convoy near Menaka.",
     "attacked", "ASSAULT", "actor", ["JNIM"]),
    # nlp.components._relative_clause_read_across_the_main_verb: those who blamed it did not kill
    ("An ambush that police blamed on the ELN killed four soldiers near Arauca on 2 May 2021.", "killed", "ASSAULT", "actor", ["ELN"]),
    ("Witnesses said a bombing which officials blamed on the Taliban killed nine people in Quetta.", "killed", "ASSAULT", "actor",
     ["the Taliban"]),
    ("The convoy which rebels attacked near the bridge on 3 May 2021 carried food.", "attacked", "ASSAULT", "actor", ["rebels"]),
    # events.extract._claimed_act_told_before: "the attack" a claim names is the act told by its own word,
    # not the answer to it; and an act told as an answer ("in reprisal attacks") is no act claimed
    ("Two gunmen attacked the Indian consulate in Herat on 23 May 2014, but police killed both of them in a gunfight. "
     "A guard was wounded. The Haqqani network claimed the attack.", "attacked", "ASSAULT", "actor", ["Two gunmen", "Haqqani network"]),
    ("A suicide bomber struck a church in Kaduna on 17 June 2012, killing 12 worshippers. Angry youths later killed three "
     "Muslims in reprisal attacks. Boko Haram claimed the bombing.", "killed", "ASSAULT", "actor", ["Angry youths"]),
    # events.toml SANCTION when_object "AID": aid cut off is a sanction, for whom the aid was
    ("On 14 March 2016, the EU suspended aid to Burundi.", "suspended", "SANCTION", "recipient", ["Burundi"]),
    ("On 3 April 2018, the World Bank froze funding to Mali.", "froze", "SANCTION", "actor", ["the World Bank"]),
    # events.arguments._asked_to_act: whom a "that" clause asks to act is asked, and a protest's aim
    ("On 2 May 2020, the opposition demanded that President Kabila step down.", "demanded", "REQUEST", "recipient", ["Kabila"]),
    ("On 2 May 2020, crowds marched through Khartoum, demanding that the army return to its barracks.", "marched", "PROTEST",
     "recipient", ["the army"]),
    ("On 2 May 2020, the minister demanded to know why the rebels had attacked.", "demanded", "REQUEST", "recipient", []),
    # events.toml participants.inquiry_verbs: who looks into an act is no side of it
    ("On 4 June 2021, the mission investigated attacks on aid workers in Ituri.", "attacks", "ASSAULT", "actor", []),
    ("On 4 June 2021, the UN cited reports of assaults on women protesters.", "assaults", "ASSAULT", "actor", []),
    # events.toml CONCEDE "resign": a leader yields office
    ("On 2 April 2019, President Bouteflika resigned after weeks of protests.", "resigned", "CONCEDE", "actor", ["Bouteflika"]),
    # events.toml MOBILIZE when_object: forces flown or airlifted in are deployed
    ("On 23 March 2019, Russia flew about 100 troops into Venezuela.", "flew", "MOBILIZE", "actor", ["Russia"]),
    # ... and where forces go or come from is no party deployed
    ("On 3 May 2020, troops were moved from Kenya to Somalia.", "moved", "MOBILIZE", "recipient", ["troops"]),
    # events.toml COERCE phrases: people taken for questioning
    ("On 3 May 2022, soldiers took four men for questioning at the school.", "took", "COERCE", "recipient", ["four men"]),
    # events.arguments: a headline's participle hung on a list's last word is said of the whole list
    ("Police officer and two teachers wounded by grenade in Baramulla", "wounded", "ASSAULT", "recipient",
     ["Police officer", "two teachers"]),
    # events.triggers._with_arms: a weapon after "with" is the means of engaging, no partner talked with
    ("On 3 May 2021, a helicopter of the brigade engaged the militants with a Hellfire missile.", "engaged", "ASSAULT", "recipient",
     ["the militants"]),
    # events.toml COERCE when_object expel: people sent out of a country (participants.expelled_heads)
    ("On 3 May 2020, the junta expelled the French ambassador.", "expelled", "COERCE", "actor", ["the junta"]),
    # events.extract: an enemy named by "against" on the last of the allies a fight names
    ("On 4 May 2021, Fano fought alongside the army and the police against the Oromo Liberation Army.", "fought", "ASSAULT",
     "recipient", ["the Oromo Liberation Army"]),
    # events.triggers: a captive mark after a party's "of" phrase still marks the party taken
    ("On 5 May 2020, the gunmen took several officials of the ministry hostage.", "took", "ASSAULT", "recipient", ["several officials"]),
    # events.triggers.hostile_complement: an ultimatum, a party warned to act "or" else, is threatened
    ("On 3 May 2020, the president warned the group to release the hostages or face attack.", "warned", "THREATEN", "recipient",
     ["the group"]),
    # events.extract doer-by-identification: an act told before, put down to a party as "it"
    ("On 3 May 2020, a bomb exploded at the market in Maiduguri. Police attributed it to Boko Haram.", "exploded", "ASSAULT",
     "actor", ["Boko Haram"]),
    # nominals.toml person heads: lawmakers named by their office are people acted on
    ("On 3 May 2020, guerrillas kidnapped a senator on the road to the coast.", "kidnapped", "ASSAULT", "recipient", ["a senator"]),
    # events.toml MOBILIZE verbs_by_doer advance: troops moved forward
    ("On 12 May 2021, Ruritanian troops advanced about 3 km into the border district.", "advanced", "MOBILIZE", "actor",
     ["Ruritanian troops"]),
    # nlp.components._dates_apposition_read_as_a_second_subject: a day's name set off after the
    # date is no party ("Nigeria's Independence Day" is the day, the gunmen attack)
    ("On the morning of 1 October 2020, Nigeria's Independence Day, two gunmen armed with rifles attacked worshippers in a church.",
     "attacked", "ASSAULT", "actor", ["two gunmen"]),
    # nominals.toml person heads: "participants" are people attacked; events.toml verbal_attack
    # armed_subjects: gunmen attack with arms, even people at a rally
    ("On 3 May 2021, gunmen attacked participants in a peace rally in the town.", "attacked", "ASSAULT", "recipient",
     ["participants"]),
    # nlp.components._name_read_as_the_subject_of_the_verb_after: a name ending the object's phrase
    # of a participle read as the verb is no subject of the real verb after it
    ("On 4 June 2016, thousands of farmers answering a call by the opposition National Farmers Union rallied outside parliament.",
     "rallied", "PROTEST", "actor", ["farmers"]),
    # nlp.components._participle_hung_on_an_absolute_phrase: who abstains imposes nothing
    ("On 14 April 2015, the Security Council adopted the resolution by 12 votes to none, with China abstaining, imposing an arms "
     "embargo on the rebel leader.", "embargo", "SANCTION", "actor", ["the Security Council"]),
    # events.toml MOBILIZE when_object order: forces ordered somewhere are deployed
    ("On 3 May 2021, the president ordered 2,000 soldiers to the border.", "ordered", "MOBILIZE", "actor", ["the president"]),
])
def test_acts_named_by_these_words(extractor, text, trigger, kind, role, spans):
    x, _ = _run(extractor, text)
    event = next(e for e in x.events if e.trigger == trigger)
    found = event.actor_spans if role == "actor" else event.recipient_spans
    assert event.type == kind and [text[s.start : s.end] for s in found] == spans, event


@pytest.mark.parametrize("text, kind", [
    ("On 1 June 2022, the EU agreed a reform package with Greece.", "AID"),  # a package of reforms
    ("On 13 June 2013, the United States said it would provide political support to the Free Syrian Army.", "AID"),  # a stance
    ("On 9 May 2015, crowds gathered in the main square to mourn the dead.", "PROTEST"),  # crowds may mourn
    ("On 17 May 2016, the ministry warned that the government would take measures against the flooding.", "THREATEN"),  # no one warned
    ("On 23 August 2019, President Tomas Herrera ordered an inquiry into the fire.", None),  # an inquiry is no act
    ("On 28 August 2025, the bridge project ran over budget.", None),  # no party run over
    ("On 5 October 2014, the government abandoned the plan.", "RETREAT"),  # a plan is no ground
    ("On 2 May 2019, the United States halted military aid to Pakistan.", "AID"),  # aid cut off is none given
    ("On 5 May 2019, the army suspended its offensive on the town.", "SANCTION"),  # an act of its own halted
    ("On 3 May 2022, the ambulance took the wounded to hospital.", "COERCE"),  # carried, not seized
    ("On 3 May 2022, the bishops took the students away in church buses.", "COERCE"),  # rescued, not seized
    ("On 3 May 2020, the army flew the wounded to Nairobi.", "MOBILIZE"),  # the wounded are no force
    ("On 3 May 2021, the president ordered the troops to withdraw from the town.", "MOBILIZE"),  # an act asked for, no move made
    ("On 3 May 2022, the gangs held whole towns hostage.", "ASSAULT"),  # a figure of speech, no one held
    ("On 3 May 2021, the envoy engaged with the rebels in Doha.", "ASSAULT"),  # talks, no fight
    ("On 4 May 2016, the group led mass street protests against the governor.", "ASSAULT"),  # the protests' "against"
    ("On 4 May 2016, the Government of the Union of Myanmar protested.", "MERGE"),  # a state's name, no union made
    ("On 3 May 2020, the army expelled the militants from the town.", "COERCE"),  # forces driven out: an assault
    ("On 12 May 2021, the talks advanced in Geneva.", "MOBILIZE"),  # no troops moved
    ("On 3 May 2020, the gunmen marched their prisoners to a waiting truck.", "PROTEST"),  # people made to walk
    ("On 23 March 2018, the officer took the place of a female hostage.", "ASSAULT"),  # a hostage named, none taken
    ("On 3 May 2020, the ministry warned citizens to avoid the border area.", "THREATEN"),  # advice, no ultimatum
    ("On 3 May 2020, the president warned the group to release the hostages or face attack.", "CONCEDE"),  # asked, not done
])
def test_near_misses_of_those_words_name_no_such_act(extractor, text, kind):
    x, _ = _run(extractor, text)
    if kind is None:
        assert x.events == [], x.events
    else:
        assert kind not in [e.type for e in x.events], x.events


def test_a_charge_driven_into_a_place_strikes_it(extractor):
    # events.toml ASSAULT phrase drive into: into a party or a crowd, or, for a charge, into a
    # place ("a car bomb", "a vehicle packed with explosives": the "into" may hang on "packed")
    for text, site in [("On 26 April 2012, a suicide bomber drove a car bomb into the gate of the barracks.", "the gate"),
                       ("On 26 April 2012, a suicide bomber drove a vehicle packed with explosives into the offices of the newspaper.",
                        "the offices")]:
        x, _ = _run(extractor, text)
        drove = next(e for e in x.events if e.trigger == "drove")
        aimed = [text[r.target_span.start : r.target_span.end] for r in x.relations if r.type == "attacks" and r.event == drove.id]
        assert drove.type == "ASSAULT" and aimed == [site], (drove, x.relations)
    # (a car driven into a garage, or a truck of food into a camp, strikes nothing)
    for text in ["On 26 April 2012, he drove the car into the garage.", "On 26 April 2012, he drove a truck loaded with food into the camp."]:
        x, _ = _run(extractor, text)
        assert x.events == [], x.events


def test_a_by_after_the_object_of_an_active_verb_is_the_objects(extractor):
    # nlp.components._agent_of_an_active_verb: "by students" read as the agent of "attacked"
    text = "On 5 December 2012, police attacked a march by students in the capital."
    x, _ = _run(extractor, text)
    attacked = next(e for e in x.events if e.trigger == "attacked")
    assert [text[s.start : s.end] for s in attacked.actor_spans] == ["police"], attacked
    march = next(e for e in x.events if e.trigger == "march")
    assert [text[s.start : s.end] for s in march.actor_spans] == ["students"], march
    # (a passive's agent stays the doer; "by night" is no one)
    x, _ = _run(extractor, "On 5 December 2012, the town was attacked by rebels.")
    assert [e.actor_spans for e in x.events if e.trigger == "attacked"] != [[]], x.events


def test_the_of_of_a_protest_names_its_protesters(extractor):
    # events.toml participants.of_doer_nouns: "a march of students" (not "the killing of two soldiers")
    text = "On 5 December 2012, police dispersed a march of students in the capital."
    x, _ = _run(extractor, text)
    march = next(e for e in x.events if e.trigger == "march")
    assert [text[s.start : s.end] for s in march.actor_spans] == ["students"] and not march.recipient_spans, march
    text = "On 5 December 2012, gunmen claimed the killing of two soldiers."
    x, _ = _run(extractor, text)
    killing = next(e for e in x.events if e.trigger == "killing")
    assert [text[s.start : s.end] for s in killing.recipient_spans] == ["two soldiers"], killing


def test_a_shooting_read_as_a_noun_before_dead_and_a_name_opening_with_a_participle(extractor):
    # nlp.components._noun_phrase_head_after: the object after "dead" may open with a
    # participle on its noun ("Rising Kashmir", "armed guards"), as names and descriptions do
    for text, victim in [("On 2 March 2017, two men on a motorcycle shot dead Rising Star editor Amal Haddad outside his office.", "Amal Haddad"),
                         ("On 2 March 2017, gunmen on a motorbike shot dead armed guards at the gate.", "armed guards")]:
        x, _ = _run(extractor, text)
        shot = next(e for e in x.events if e.trigger == "shot")
        assert shot.type == "ASSAULT" and victim in [text[s.start : s.end] for s in shot.recipient_spans], shot


def test_a_body_blamed_for_an_act_done_by_people_told_by_a_noun_is_its_doer_too(extractor):
    # events.extract._doer_by_blame: gunmen's act takes the body blamed beside them
    for text in ["On 4 April 2016, gunmen killed five soldiers near the border. The army blamed the Free Tribes Front.",
                 "On 4 April 2016, gunmen stormed the prison and killed two guards. Police blamed the Free Tribes Front."]:
        x, _ = _run(extractor, text)
        act = next(e for e in x.events if e.type == "ASSAULT" and e.trigger in ("killed", "stormed"))
        assert [text[s.start : s.end] for s in act.actor_spans][0] == "gunmen" and "Free Tribes Front" in text[act.actor_spans[-1].start : act.actor_spans[-1].end], act
    # (not a body blamed for something else, nor more people told by a noun)
    for text in ["On 4 April 2016, gunmen killed five soldiers near the border. The army blamed the Free Tribes Front for the drought.",
                 "On 4 April 2016, gunmen killed five soldiers near the border. The army blamed militants."]:
        x, _ = _run(extractor, text)
        act = next(e for e in x.events if e.trigger == "killed")
        assert [text[s.start : s.end] for s in act.actor_spans] == ["gunmen"], act


def test_a_claim_of_the_act_itself_names_its_doer(extractor):
    # events.extract._doer_by_claim: "claimed the attack" (the act named again, events.toml
    # CLAIM_RESPONSIBILITY when_object ASSAULT), also "both attacks" after a second act the
    # claimant was already given
    text = ("On 1 February 2013, a bomb was detonated at the gate of the ministry, killing a guard. "
            "The People's Liberation Front claimed the attack.")
    x, _ = _run(extractor, text)
    detonated = next(e for e in x.events if e.trigger == "detonated")
    assert [text[s.start : s.end].removeprefix("The ") for s in detonated.actor_spans] == ["People's Liberation Front"], detonated
    text = ("On 17 September 2019, a suicide bomber blew himself up outside a rally, killing 26 people. "
            "An hour later a second bomb killed 22 in the capital. The Free Tribes Front claimed both attacks.")
    x, _ = _run(extractor, text)
    blew = next(e for e in x.events if e.trigger == "blew")
    assert "The Free Tribes Front" in [text[s.start : s.end] for s in blew.actor_spans], blew
    # (nor is an act named again whose doer its own sentence tells given it once more; an attack the
    # claimant names that is not the one told before: the table of acts and their parties)
    text = "On 6 January 2020, JNIM fighters attacked a base near Dori. The group claimed responsibility for the attack."
    x, _ = _run(extractor, text)
    assert [e.actor_spans for e in x.events if e.trigger == "attack"] == [[]], x.events


def test_arms_tearing_through_a_place_strike_it_and_other_things_do_not(extractor):
    text = ("On 30 January 2015, a suicide bomb tore through the Imam Hussain mosque in the old town, killing 40. "
            "The Free Tribes Front claimed the attack.")
    x, _ = _run(extractor, text)
    tore = next(e for e in x.events if e.trigger == "tore")
    assert "Imam Hussain" in " ".join(text[r.target_span.start : r.target_span.end] for r in x.relations
                                      if r.type == "attacks" and r.event == tore.id), x.relations
    for text in ["On 30 January 2015, the fire tore through the warehouse.", "On 30 January 2015, he drove a truck through the night.",
                 "On 30 January 2015, the news ripped through the town."]:
        x, _ = _run(extractor, text)
        assert [e.type for e in x.events if e.type == "ASSAULT"] == [] and all(not e.recipient_spans for e in x.events), x.events


def test_a_place_named_before_a_word_of_a_kind_of_place_is_the_place_attacked(extractor):
    # events.participants._Participants._name_on_place_word: "stormed Tawori village" (the
    # village word is the parse's object, the name its compound)
    text = "On 12 March 2019, Boko Haram fighters stormed Tawori village in Bama LGA."
    x, _ = _run(extractor, text)
    aimed = [text[r.target_span.start : r.target_span.end] for r in x.relations if r.type == "attacks"]
    assert aimed == ["Tawori"], x.relations
    # (a place word with no name before it is the place itself: "stormed the village at dawn")
    text = "On 12 March 2019, Boko Haram fighters stormed the village at dawn."
    x, _ = _run(extractor, text)
    assert [text[r.target_span.start : r.target_span.end] for r in x.relations if r.type == "attacks"] == ["the village"], x.relations


def test_a_verb_joined_after_an_object_read_as_the_next_objects_adjective(extractor):
    # nlp.components._joined_verb_read_as_a_modifier: "searched hundreds of houses, seized
    # firearms" (the parser: "seized firearms" a second object of "searched")
    text = "On 20 January 2020, Gardai searched hundreds of houses, seized firearms, pipe bombs and drugs, and arrested dozens of people."
    x, _ = _run(extractor, text)
    held = sorted(text[r.target_span.start : r.target_span.end] for r in x.relations
                  if r.type == "controls" and r.rule == "relations.seized-equipment")
    assert held == ["firearms", "pipe bombs"], x.relations
    # (a participle before its noun stays one: "displayed seized weapons")
    x, _ = _run(extractor, "On 20 January 2020, police displayed seized weapons at the station.")
    assert [r for r in x.relations if r.rule == "relations.seized-equipment"] == [], x.relations


def test_blades_are_kit(extractor):
    # nominals.toml equipment heads: swords, sickles, daggers, axes
    text = "On 7 December 2020, gunmen opened fire on the officers with handguns and attacked them with swords."
    x, _ = _run(extractor, text)
    held = sorted(text[r.target_span.start : r.target_span.end] for r in x.relations if r.type == "controls")
    assert held == ["handguns", "swords"], x.relations


def test_a_notes_label_dates_its_statements_and_the_acts_done_or_going_on_as_said(extractor):
    # claims.channels._said_on: a note's label gives the day of its report (published a day later);
    # events.time._day_said: an act going on as it was said is dated by that day
    text = "Washington, 12 May 2019: The president said that 1,500 troops were deploying to the Gulf."
    x, _ = _run(extractor, text, published=date(2019, 5, 13))
    assert [c.said_on.start for c in x.claims] == ["2019-05-12"], x.claims
    deploying = next(e for e in x.events if e.trigger == "deploying")
    assert deploying.when is not None and deploying.when.start == "2019-05-12", deploying
    # (without a label, the statement is the publication's and the act is undated)
    x, _ = _run(extractor, "The president said that 1,500 troops were deploying to the Gulf.", published=date(2019, 5, 13))
    assert [c.said_on_basis for c in x.claims] == ["publication date"] and [e.when for e in x.events] == [None], x


def test_aid_announced_in_an_amount_is_given_on_the_day_announced(extractor):
    # events.time._cue_of_the_act_named: the act an amount is given in; time.toml performative_acts aid
    text = "On 12 May 2019, the president announced an additional $50 million in military aid for Kenya."
    x, _ = _run(extractor, text, published=date(2019, 5, 14))
    aid = next(e for e in x.events if e.type == "AID")
    assert aid.when is not None and aid.when.start == "2019-05-12", aid
    # (an act announced that was done before is told that day, not done)
    x, _ = _run(extractor, "On 12 May 2019, the army announced the killing of 50 fighters.", published=date(2019, 5, 14))
    killing = next(e for e in x.events if e.trigger == "killing")
    assert killing.when is None or killing.when.start != "2019-05-12", killing


def test_a_body_named_after_a_day_is_one_name_and_no_date(extractor):
    # nlp.components._names_opening_with_a_date
    for text, name in [("Members of the 14 March Alliance marched in Beirut on 3 May 2009.", "14 March Alliance"),
                       ("Supporters of the 23 June Movement rioted in central Dakar on 27 January 2012.", "23 June Movement")]:
        x, _ = _run(extractor, text)
        act = next(e for e in x.events if e.trigger in ("marched", "rioted"))
        assert name in [m.text for m in x.mentions] and act.when.start[5:] in ("05-03", "01-27"), (x.mentions, act)
    # (a day told before a name is a date: no "the" before it)
    text = "On 23 June 2019 Army units attacked the town."
    x, _ = _run(extractor, text)
    attacked = next(e for e in x.events if e.trigger == "attacked")
    assert attacked.when.start == "2019-06-23", attacked



def test_a_partys_word_on_dress_names_no_party(extractor):
    # nominals.toml group dress: "in army fatigues", "in police uniforms"
    text = "On 3 May 2019, four men in police uniforms abducted the mayor of the town."
    x, _ = _run(extractor, text)
    assert "police" not in [m.text for m in x.mentions], x.mentions
    abducted = next(e for e in x.events if e.trigger == "abducted")
    assert [text[s.start : s.end] for s in abducted.actor_spans] == ["four men"], abducted
    # (the police who wear them are still the police)
    text = "On 3 May 2019, police in riot gear dispersed the crowd."
    x, _ = _run(extractor, text)
    assert "police" in [m.text for m in x.mentions], x.mentions



def test_a_threat_is_dated_by_its_own_day_not_by_the_day_of_the_act_threatened(extractor):
    # events.time._infinitive_of_its_own with time.toml intent_verbs
    text = "In a video released on 3 May 2021, the rebel leader, standing among his fighters, threatened to pull his units out of the city on 10 May."
    x, _ = _run(extractor, text)
    threatened = next(e for e in x.events if e.trigger == "threatened")
    assert threatened.when.start == "2021-05-03", threatened
    # (the act threatened keeps its own day)
    assert next(e for e in x.events if e.trigger == "pull").when.start == "2021-05-10", x.events


def test_an_act_framing_the_verb_on_its_object_is_dated_by_the_verb(extractor):
    # events.time._framed_verb: "killed 12 rebels in a gunfight", the "in" hung on the object
    # (seen with a bracketed name before the object's noun)
    from spacy.tokens import Doc

    from factions.events.time import _framed_verb

    def gunfight(object_dep: str):
        # (word, head, dependency, coarse tag) of "Police killed 12 rebels in a gunfight on Friday."
        rows = [("Police", 1, "nsubj", "NOUN"), ("killed", 1, "ROOT", "VERB"), ("12", 3, "nummod", "NUM"),
                ("rebels", 1, object_dep, "NOUN"), ("in", 3, "prep", "ADP"), ("a", 6, "det", "DET"),
                ("gunfight", 4, "pobj", "NOUN"), ("on", 1, "prep", "ADP"), ("Friday", 7, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")]
        words, heads, deps, pos = (list(column) for column in zip(*rows))
        return Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)[6]

    assert _framed_verb(gunfight("dobj").head.head).text == "killed"
    # (a noun that is no verb's object frames nothing)
    assert _framed_verb(gunfight("nsubj").head.head) is None




def test_former_states_are_states_and_their_offices_lead_them(extractor):
    # kb/states_former.toml: "the President of the USSR" (relations.described-leaders)
    text = "On 20 August 1991 the President of the USSR was held at his dacha."
    x, _ = _run(extractor, text)
    assert [(text[r.source_span.start : r.source_span.end], text[r.target_span.start : r.target_span.end])
            for r in x.relations if r.type == "leads"] == [("the President", "USSR")], x.relations
    # (Zaire is the Congo's name only while it bore it)
    x, _ = _run(extractor, "In 1996 rebels attacked Zaire's army near Goma.", published=date(1996, 11, 2))
    assert "dr-congo" in [a.kb_id for a in x.actors], x.actors


def test_a_committee_is_a_body_its_head_leads(extractor):
    # nominals.toml group heads: committee ("the committee, headed by X": relations.led-by)
    text = "On 19 August the emergency committee, headed by Gennady Yanayev, declared a state of emergency."
    x, _ = _run(extractor, text)
    assert [(text[r.source_span.start : r.source_span.end], text[r.target_span.start : r.target_span.end])
            for r in x.relations if r.type == "leads"] == [("Gennady Yanayev", "the emergency committee")], x.relations
