"""The events stage on constructed sentences, one construction each (no seed text)."""

import pytest

from dyadwatch import analyze_texts, load_config

pytestmark = pytest.mark.model


def _runner(stages):
    cfg = load_config(extra={"pipeline": {"stages": stages}})

    def _run(text, published="2024-05-10"):
        [art] = analyze_texts([{"text": text, "published": published}], cfg)
        assert art.error is None, art.error
        return art

    return _run


@pytest.fixture(scope="module")
def run():
    return _runner(["clean", "parse", "actors", "events"])


def codes(refs):
    return sorted(r.code for r in refs)


def only(art, event):
    found = [e for e in art.events if e.event == event]
    assert found, f"no {event} in {[(e.event, codes(e.actor), codes(e.recipient)) for e in art.events]}"
    return found[0]


def test_simple_dyad_with_evidence(run):
    art = run("Brazil accused Argentina of dumping steel.")
    ev = only(art, "ACCUSE")
    assert (codes(ev.actor), codes(ev.recipient), ev.modality) == (["BRA"], ["ARG"], "asserted")
    assert art.text[ev.start:ev.end] == "accused" and ev.evidence == art.text
    assert ev.sentence == 0 and ev.score is not None and ev.score < 0


def test_passive_with_agent(run):
    # arms of unstated terms are AID (docs/ANNOTATION.md, section 3)
    ev = only(run("Ukraine was supplied with artillery shells by Poland."), "AID")
    assert (codes(ev.actor), codes(ev.recipient)) == (["POL"], ["UKR"])


def test_supplies_under_stated_commercial_terms_are_cooperation(run):
    ev = only(run("Ukraine was supplied with artillery shells by Poland under a contract "
                  "signed last year."), "COOPERATE")
    assert (codes(ev.actor), codes(ev.recipient)) == (["POL"], ["UKR"])


def test_coordinated_actors_of_a_reciprocal_event(run):
    # the project guide codes signing an agreement as SUPPORT (docs/ANNOTATION.md)
    ev = only(run("Japan and South Korea signed a defence agreement on Tuesday."), "SUPPORT")
    assert codes(ev.actor) == ["JPN", "KOR"] and ev.recipient == []


def test_reciprocal_meeting_with_a_partner(run):
    ev = only(run("The Indian prime minister met the Australian prime minister in Delhi."),
              "CONSULT")
    assert set(codes(ev.actor)) == {"IND", "AUS"} and ev.recipient == []


def test_light_verb_with_its_object(run):
    ev = only(run("The European Union imposed sanctions on Belarus."), "SANCTION")
    assert (codes(ev.actor), codes(ev.recipient)) == (["EUR"], ["BLR"])


def test_infinitive_takes_the_subject_of_its_verb(run):
    ev = only(run("Turkey agreed to sell drones to Kenya."), "COOPERATE")
    assert (codes(ev.actor), codes(ev.recipient)) == (["TUR"], ["KEN"])


def test_modality_negated_future_hypothetical(run):
    assert only(run("Chile has not condemned the Peruvian government."),
                "ACCUSE").modality == "negated"
    assert only(run("Egypt will host Sudanese officials next week."),
                "CONSULT").modality == "future"
    assert only(run("Pakistan may send troops to Somalia."), "MOBILIZE").modality == \
        "hypothetical"


def test_attribution(run):
    art = run("US officials said China is supplying Iran with drone engines.")
    ev = only(art, "AID")  # military goods on unstated terms
    assert (codes(ev.actor), codes(ev.recipient)) == (["CHN"], ["IRN"])
    assert ev.attributed_to == "US officials" and ev.reported_by == ["US officials"]


def test_date_from_the_sentence_and_historical(run):
    art = run("Russia sold fighter jets to India in 1998.", published="2024-01-02")
    ev = only(art, "COOPERATE")
    assert (ev.date, ev.date_basis, ev.modality) == ("1998", "text", "historical")
    art2 = run("Kenya expelled Somali diplomats.")
    ev2 = art2.events[0]
    assert (ev2.date, ev2.date_basis) == ("2024-05-10", "published")


def test_nominal_event(run):
    art = run("Narendra Modi's visit to Canberra ended with a trade pact.")
    ev = only(art, "CONSULT")
    assert (codes(ev.actor), codes(ev.recipient)) == (["IND"], ["AUS"])


def test_no_actor_no_event(run):
    assert run("Prices rose sharply after the announcement.").events == []


def test_events_land_in_the_store_and_dyads(tmp_path):
    from dyadwatch.runner import analyze_paths
    from dyadwatch.store import Store

    (tmp_path / "a.txt").write_text("Vietnam accused China of harassing its fishermen.")
    cfg = load_config(extra={"pipeline": {"stages": ["clean", "parse", "actors", "events"]}})
    analyze_paths([str(tmp_path / "a.txt")], cfg, db=str(tmp_path / "e.db"))
    with Store(str(tmp_path / "e.db")) as store:
        rows = store.con.execute("SELECT actor_code, recipient_code, event FROM "
                                 "event_dyads").fetchall()
    assert ("VNM", "CHN", "ACCUSE") in [tuple(r) for r in rows]


def test_sending_a_person_is_consulting(run):
    art = run("Nigeria sent its foreign minister, Amina Bello, to Ghana for talks.")
    ev = next(e for e in art.events if e.start == art.text.index("sent"))
    assert (ev.event, codes(ev.actor), codes(ev.recipient)) == ("CONSULT", ["NGA"], ["GHA"])
    art = run("Nigeria sent food aid to Niger.")
    ev = next(e for e in art.events if e.start == art.text.index("sent"))
    assert ev.event == "AID"


# -- constructions added with the seed hand-check (sentences written for the tests) ----------

def dyads(art):
    return sorted((e.event, tuple(codes(e.actor)), tuple(codes(e.recipient)), e.modality)
                  for e in art.events)


@pytest.mark.parametrize("sentence,expected", [
    # object control: the object of "urge", "help", "ask" does the act
    ("Canada urged Mexico to expel Venezuela's ambassador.", ("SANCTION", ("MEX",), ("VEN",))),
    ("Japan helped Vietnam to buy patrol boats from India.", ("COOPERATE", ("VNM",), ("IND",))),
    # through an adjective: "is due to", "is set to"
    ("The Kenyan president is due to meet his Tanzanian counterpart on Friday.",
     ("CONSULT", ("KEN", "TZA"), ())),
    # through a preposition: "refrained from condemning"
    ("Brazil refrained from condemning Nicaragua.", ("ACCUSE", ("BRA",), ("NIC",))),
    # "accuse X of doing": X does it
    ("Chile accused Peru of arming smugglers.", ("ACCUSE", ("CHL",), ("PER",))),
])
def test_who_does_the_governed_act(run, sentence, expected):
    got = [(e.event, tuple(codes(e.actor)), tuple(codes(e.recipient))) for e in run(sentence).events]
    assert expected in got, got


def test_accused_of_doing_codes_the_accused_as_actor_of_the_act(run):
    art = run("Chile accused Peru of arming rebels in Bolivia.")
    acts = [e for e in art.events if e.event != "ACCUSE"]
    assert acts and all(codes(e.actor) == ["PER"] for e in acts), dyads(art)


def test_converse_receive_from(run):
    ev = only(run("Moldova received 40 ambulances from Romania last week."), "AID")
    assert (codes(ev.actor), codes(ev.recipient)) == (["ROU"], ["MDA"])


def test_converse_receive_by_agent_of_the_object(run):
    ev = only(run("Malawi has yet to receive the vaccines promised by Germany."), "AID")
    assert (codes(ev.actor), codes(ev.recipient), ev.modality) == (["DEU"], ["MWI"],
                                                                   "negated")


def test_joint_exercises_are_cooperation(run):
    art = run("France and India began joint naval exercises in the Arabian Sea.")
    ev = only(art, "COOPERATE")
    assert codes(ev.actor) == ["FRA", "IND"] and not [e for e in art.events
                                                      if e.event == "MOBILIZE"]


def test_one_state_drills_stay_mobilize(run):
    ev = only(run("Russia held naval exercises in the Baltic Sea."), "MOBILIZE")
    assert codes(ev.actor) == ["RUS"]


def test_stopping_cooperation_is_a_sanction_on_the_partner(run):
    ev = only(run("Ghana suspended military cooperation with Mali on Monday."), "SANCTION")
    assert (codes(ev.actor), codes(ev.recipient), ev.mode) == (["GHA"], ["MLI"],
                                                               "discontinue")


def test_accusation_recipient_from_the_content_clause(run):
    ev = only(run("Poland complained that Belarus had let migrants cross the border."),
              "ACCUSE")
    assert (codes(ev.actor), codes(ev.recipient)) == (["POL"], ["BLR"])


def test_nominal_claim_with_that_clause(run):
    ev = only(run("Serbia rejected Kosovo's claims that Belgrade had armed the gunmen."),
              "ACCUSE")
    assert ev.actor and codes(ev.recipient) == ["SRB"]


def test_seeking_an_object_is_a_request(run):
    ev = only(run("Sri Lanka sought emergency loans from India."), "REQUEST")
    assert codes(ev.actor) == ["LKA"]


def test_purpose_clause_repeating_the_event_is_one_event(run):
    art = run("Norway sent 40 doctors to Sudan to help treat cholera patients.")
    assert len([e for e in art.events if e.event == "AID"]) == 1, dyads(art)


def test_pronoun_subject_takes_the_subject_before_it(run):
    art = run("Why does Britain ask Spain to stop, while it sells boats to Morocco?")
    sells = [e for e in art.events if art.text[e.start:e.end] == "sells"]
    assert sells and codes(sells[0].actor) == ["GBR"], dyads(art)


def test_person_pronoun_subject(run):
    art = run("Last month Kenyan President William Ruto flew to Addis Ababa, where he met "
              "Ethiopian Prime Minister Abiy Ahmed.")
    assert any("KEN" in codes(e.actor) and "ETH" in codes(e.actor + e.recipient)
               for e in art.events if e.event == "CONSULT"), dyads(art)


def test_passive_infinitive_subject_is_the_recipient(run):
    art = run("Turkey is keen to avoid being hit by American sanctions.")
    assert not any("TUR" in codes(e.actor) for e in art.events), dyads(art)


def test_object_of_an_act_with_its_own_parties_is_an_event(run):
    art = run("Qatar is mediating talks between Ethiopia and Eritrea.")
    talks = [e for e in art.events if art.text[e.start:e.end] == "talks"]
    assert talks and set(codes(talks[0].actor)) == {"ETH", "ERI"}, dyads(art)


@pytest.mark.parametrize("sentence,event", [
    ("Argentina restated its claim to the Falkland Islands.", "ACCUSE"),  # ownership claim
    ("Indonesia sought to maintain close ties with Australia.", "REQUEST"),  # seek to do
    ("Lithuania called the Russian proposal absurd.", "CONSULT"),  # naming, no call
    ("The drills send a strong signal to Iran.", "AID"),  # a signal is speech
])
def test_constructions_that_make_no_such_event(run, sentence, event):
    art = run(sentence)
    assert not [e for e in art.events if e.event == event], dyads(art)


def test_claim_that_another_actor_acted_is_an_accusation(run):
    art = run("Canadian officials claimed that Iran is helping arm the Houthis.")
    ev = only(art, "ACCUSE")
    assert (codes(ev.actor), codes(ev.recipient), ev.mode) == (["CAN"], ["IRN"], "allege")


def test_claim_about_oneself_is_no_accusation(run):
    art = run("Brazil claims it has always stayed neutral in the dispute.")
    assert not [e for e in art.events if e.event == "ACCUSE"], dyads(art)


def test_converse_giver_behind_an_amount(run):
    ev = only(run("Vietnam received $2 billion in arms from Russia between 1995 and 2005."),
              "AID")
    assert (codes(ev.actor), codes(ev.recipient), ev.modality) == (["RUS"], ["VNM"],
                                                                   "historical")


def test_claim_about_ones_own_side_is_no_accusation(run):
    art = run("A Chilean foreign ministry spokesman claimed that Chile has always been "
              "impartial.")
    assert not [e for e in art.events if e.event == "ACCUSE"], dyads(art)


def test_object_shared_by_conjoined_verbs_gives_the_recipient(run):
    ev = only(run("Belarus is aiding and abetting Russia's war against Ukraine."), "AID")
    assert codes(ev.actor) == ["BLR"] and "RUS" in codes(ev.recipient)


def test_a_nominal_event_referring_back_is_no_second_event(run):
    art = run("Kenya sent its foreign minister to Ethiopia on Monday. The minister's visit "
              "came as fighting resumed. Kenya's visit was welcomed in Addis Ababa.")
    consults = [e for e in art.events if e.event == "CONSULT"]
    assert len(consults) == 1, dyads(art)


def test_a_sentence_printed_twice_is_coded_once(run):
    text = "Chile sent fire engines to Bolivia. Lima stayed silent. Chile sent fire engines " \
           "to Bolivia."
    art = run(text)
    assert len([e for e in art.events if e.event == "AID"]) == 1, dyads(art)


@pytest.mark.parametrize("sentence,event", [
    # a standing relation is no act (ANNOTATION 3)
    ("The Franco-German partnership serves the interests of both nations.", "COOPERATE"),
    ("Cooperation between Oman and Iran has deepened over the years.", "COOPERATE"),
    # a nominal request or threat addresses someone, or is no event
    ("Western pressure has not changed Hungary's course.", "REQUEST"),
    # "help" with an infinitive: the act is the other verb
    ("Qatar could help mediate between the two sides.", "AID"),
    # a claim that someone said something reports speech
    ("Serbia claimed that the Croatian envoy said the talks were over.", "ACCUSE"),
])
def test_more_constructions_that_make_no_such_event(run, sentence, event):
    art = run(sentence)
    assert not [e for e in art.events if e.event == event], dyads(art)


def test_source_that_names_no_one_gives_no_attribution(run):
    art = run("A closer look at the budget reveals that Norway is sending more aid to Sudan.")
    ev = only(art, "AID")
    assert ev.attributed_to is None


def test_source_named_in_its_complement(run):
    art = run("Data from the Indian customs confirms that Nepal bought rice from Bangladesh.")
    ev = only(art, "COOPERATE")
    assert ev.attributed_to and "customs" in ev.attributed_to.lower()


# ---- recipients from the constructions around a trigger (participants._implicit_recipients)

@pytest.mark.parametrize("text, event, actor, recipient", [
    # a noun of help that the subject of a verb of wanting or getting receives
    ("Syria is counting on Iranian help.", "AID", ["IRN"], ["SYR"]),
    ("Hanoi sought Japan's support for the plan.", "SUPPORT", ["JPN"], ["VNM"]),
    # a sanction undergone by a verb's subject, or acting on a verb's object
    ("Venezuela faces American sanctions.", "SANCTION", ["USA"], ["VEN"]),
    ("Turkey wants to avoid being hit by European sanctions.", "SANCTION", ["EUR"], ["TUR"]),
    ("European sanctions have weakened Belarus's economy.", "SANCTION", ["EUR"], ["BLR"]),
    # an attack located in a state
    ("Azerbaijan's offensive in Armenia stalled.", "ASSAULT", ["AZE"], ["ARM"]),
    # goods received by the "by" phrase of a participle on the object
    ("Taiwan supplied most of the chips imported by Canada in 2022.", "COOPERATE", ["TWN"],
     ["CAN"]),
    # the preposition on the verb that carries a nominal event
    ("Seoul stepped up its warnings to Pyongyang.", "THREATEN", ["KOR"], ["PRK"]),
    # two verbs sharing one object past a fronted adjunct
    ("In spite of its promises, Iran is aiding and abetting Syria's crackdown.", "AID",
     ["IRN"], ["SYR"]),
    # a reciprocal object: each party gives and gets
    ("Laos and Cambodia supplied each other with rice.", "COOPERATE", ["KHM", "LAO"],
     ["KHM", "LAO"]),
    # a gerund in an adjunct's noun phrase is done by the clause's subject
    ("In the context of providing Syria with economic assistance, Iran seeks to balance its "
     "ties.", "AID", ["IRN"], ["SYR"]),
    # the state goods are bought in is the seller's
    ("Companies in Kazakhstan bought dual-use goods in Turkey.", "COOPERATE", ["KAZ"],
     ["TUR"]),
    # a stance on an act a pronoun names: the act's doer
    ("Soon after, Serbia launched its offensive, and Hungary has since refrained from "
     "condemning it.", "ACCUSE", ["HUN"], ["SRB"]),
])
def test_recipient_from_the_surrounding_construction(run, text, event, actor, recipient):
    ev = only(run(text), event)
    assert (codes(ev.actor), codes(ev.recipient)) == (actor, recipient)


def test_stopping_a_supply_is_a_sanction_with_the_stopping_verbs_modality(run):
    ev = only(run("Japanese firms stopped selling chips to Russia."), "SANCTION")
    assert (codes(ev.actor), codes(ev.recipient), ev.mode, ev.modality) == (
        ["JPN"], ["RUS"], "discontinue", "asserted")
    ev = only(run("Japanese firms have not stopped selling chips to Russia."), "SANCTION")
    assert ev.modality == "negated"


def test_military_goods_on_unstated_terms_are_aid(run):
    ev = only(run("Two Turkish companies have also supplied military radios to Azerbaijan."),
              "AID")
    assert (codes(ev.actor), codes(ev.recipient)) == (["TUR"], ["AZE"])
    art = run("Two Turkish companies have also sold military radios to Azerbaijan.")
    assert [e.event for e in art.events] == ["COOPERATE"]


def test_recognising_is_support_only_of_an_actor(run):
    assert not [e for e in run("Recognizing the risk, Chile and Peru proposed new talks.").events
                if e.event == "SUPPORT"]
    ev = only(run("France recognised Palestine in June."), "SUPPORT")
    assert codes(ev.recipient) == ["PSE"]


@pytest.fixture(scope="module")
def run_with_quotes():
    return _runner(["clean", "parse", "actors", "quotes", "events"])


def test_an_event_inside_a_quote_is_reported_by_its_speaker(run_with_quotes):
    art = run_with_quotes("“Moscow has been moving troops to the border,” said Jonas Berg, "
                          "an analyst at the Nordic Defence Institute.")
    ev = only(art, "MOBILIZE")
    assert codes(ev.actor) == ["RUS"] and ev.recipient == []  # own forces are the means
    assert ev.attributed_to == "Jonas Berg"


def test_we_inside_a_quote_is_the_speakers_side(run_with_quotes):
    art = run_with_quotes("“We are providing assistance to Syria,” Iran's foreign minister "
                          "Ali Bagheri said on Monday.")
    ev = only(art, "AID")
    assert (codes(ev.actor), codes(ev.recipient)) == (["IRN"], ["SYR"])
    assert ev.attributed_to and "Bagheri" in ev.attributed_to


def test_relations_and_trends_give_no_cooperation(run):
    for text in ("The crisis has boosted cooperation between Hanoi and Manila.",
                 "Analysts noted the growing cooperation between Hanoi and Manila."):
        assert not [e for e in run(text).events if e.event == "COOPERATE"], text


def test_being_hit_by_sanctions_is_the_sanction_only(run):
    art = run("Turkey is keen to avoid being hit by European sanctions.")
    assert [e.event for e in art.events] == ["SANCTION"]


def test_both_members_of_a_hyphenated_compound(run):
    ev = only(run("The Iraq-Iran war lasted eight years."), "ASSAULT")
    assert codes(ev.actor) == ["IRN", "IRQ"]


def test_an_act_told_again_is_coded_once(run):
    art = run("Western sanctions hit Iran's oil exports in May. Officials in Tehran said on "
              "Monday that Western sanctions had also raised food prices. Separately, the "
              "EU imposed a new round of sanctions on Iran in June.")
    assert len([e for e in art.events if e.event == "SANCTION" and
                codes(e.actor) == ["WST"]]) == 1
    art = run("The presidents of Peru and Chile are due to meet in Lima this week. Trade "
              "will top the agenda. The presidents of Peru and Chile are due to meet in "
              "person this week on the sidelines of the forum.")
    assert len([e for e in art.events if e.event == "CONSULT"]) == 1


def test_a_call_as_the_setting_of_an_act_is_a_meeting_of_its_parties(run):
    ev = only(run("Joe Biden raised the issue with Xi Jinping in a phone call on 2 April."),
              "CONSULT")
    assert codes(ev.actor) == ["CHN", "USA"] and ev.mode == "phone"


def test_an_act_answered_with(run):
    ev = only(run("Beijing responded with massive military exercises around Taiwan."),
              "MOBILIZE")
    assert codes(ev.actor) == ["CHN"]
    assert not [e for e in run("Russia suffered heavy losses in the war.").events
                if e.event == "ASSAULT"]
