"""The events stage on constructed sentences, one construction each (no seed text)."""

import pytest

from dyadwatch import analyze_texts, load_config

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def run():
    cfg = load_config(extra={"pipeline": {"stages": ["clean", "parse", "actors", "events"]}})

    def _run(text, published="2024-05-10"):
        [art] = analyze_texts([{"text": text, "published": published}], cfg)
        assert art.error is None, art.error
        return art

    return _run


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
    # supplying is material cooperation in the project's gold (docs/ANNOTATION.md)
    ev = only(run("Ukraine was supplied with artillery shells by Poland."), "COOPERATE")
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
    ev = only(art, "COOPERATE")
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
