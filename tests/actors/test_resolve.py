"""The actors stage on constructed sentences, one construction each (no seed text)."""

import pytest

from dyadwatch import analyze_texts, load_config

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def run():
    cfg = load_config(extra={"pipeline": {"stages": ["clean", "parse", "actors"]}})

    def _run(text, published=None):
        [art] = analyze_texts([{"text": text, "published": published}], cfg)
        assert art.error is None, art.error
        return art

    return _run


def actor(art, text):
    """The actor one of whose mentions reads ``text`` (else whose name is ``text``)."""
    hits = [a for a in art.actors if any(m.text == text for m in a.mentions)] or \
        [a for a in art.actors if a.name == text]
    assert hits, f"no actor mentioned as {text!r}: " + "; ".join(
        f"{a.name}={[m.text for m in a.mentions]}" for a in art.actors)
    return hits[0]


def codes(art, text):
    return sorted(a.code for a in art.actors if any(m.text == text for m in a.mentions))


@pytest.mark.parametrize("sentence,mention,code,sector", [
    ("Tokyo protested against the missile launch on Tuesday.", "Tokyo", "JPN", "GOV"),
    ("The Kremlin rejected the proposal.", "Kremlin", "RUS", "GOV"),
    ("The Pentagon announced new drills with Manila.", "Pentagon", "USA", "MIL"),
    ("Brasília and Buenos Aires signed a trade accord.", "Buenos Aires", "ARG", "GOV"),
    ("Officials in Ankara said the talks would resume.", "Ankara", None, None),
])
def test_capitals_and_seats_of_power(run, sentence, mention, code, sector):
    art = run(sentence)
    if code is None:  # a capital used as a place is not an actor
        assert not any(m.text == mention for a in art.actors for m in a.mentions)
    else:
        a = actor(art, mention)
        assert (a.code, a.sector, a.kind) == (code, sector, a.kind)


@pytest.mark.parametrize("sentence,mention,code,sector,kind", [
    ("Turkish troops crossed the border at dawn.", "Turkish troops", "TUR", "MIL", "person"),
    ("Senior Indian officials met their counterparts.", "Senior Indian officials", "IND", "GOV",
     "person"),
    ("Kenyan customs seized the shipment.", "Kenyan customs", "KEN", "GOV", "organisation"),
    ("Analysts expect prices to rise.", "Analysts", None, "EDU", "person"),
])
def test_role_phrases(run, sentence, mention, code, sector, kind):
    a = actor(run(sentence), mention)
    assert (a.code, a.sector, a.kind) == (code, sector, kind)


def test_coordinated_demonyms_give_one_actor_each(run):
    art = run("Indian and Pakistani troops exchanged fire overnight.")
    assert codes(art, "Indian and Pakistani troops") == ["IND", "PAK"]


def test_combining_form_names_both_states(run):
    art = run("Sino-Japanese relations have cooled this year.")
    found = {a.code for a in art.actors}
    assert {"CHN", "JPN"} <= found


@pytest.mark.parametrize("sentence,mention,code", [
    ("The US and the EU imposed new tariffs.", "US", "USA"),
    ("NATO held exercises in the Baltic.", "NATO", "IGO"),
    ("The UN called for a ceasefire.", "UN", "UNO"),
    ("The PRC protested to Manila.", "PRC", "CHN"),
])
def test_abbreviations(run, sentence, mention, code):
    assert actor(run(sentence), mention).code == code


def test_person_from_title_and_country_adjective(run):
    a = actor(run("Brazilian President Carlos Mendonça arrived in Lima on Friday."),
              "Brazilian President Carlos Mendonça")  # the mention is the maximal phrase
    assert (a.code, a.sector, a.kind) == ("BRA", "GOV", "person")


def test_person_from_appositive_organisation(run):
    art = run("“The deal is fragile,” said Ana Ruiz, a senior fellow at the Lowy Institute.")
    a = actor(art, "Ana Ruiz")
    assert (a.code, a.sector) == ("AUS", "EDU")
    assert a.affiliation and "Lowy Institute" in a.affiliation


def test_office_holder_from_the_dictionary_by_date(run):
    a = actor(run("Foreign Minister Wang Yi met his counterpart.", "2024-02-01"),
              "Foreign Minister Wang Yi")
    assert (a.code, a.sector, a.office) == ("CHN", "GOV", "Foreign Minister")


def test_government_office_takes_the_nearest_state_before_it(run):
    art = run("Ghana's new envoy, Foreign Minister Kwame Asante, arrived in Abuja.")
    assert actor(art, "Kwame Asante").code == "GHA"


def test_surname_and_title_refer_back(run):
    art = run("Lena Lindqvist, an analyst at a Stockholm-based institute, was cautious. "
              "“Nothing is settled,” Dr Lindqvist said. Lindqvist expects more talks.")
    a = actor(art, "Lena Lindqvist")
    assert {m.text for m in a.mentions} >= {"Dr Lindqvist", "Lindqvist"}
    assert a.code == "SWE"


def test_pronoun_in_attribution(run):
    art = run("Tomás Herrera, a professor at the University of Chile, was asked about the "
              "deal. “It will not last,” he says.")
    a = actor(art, "Tomás Herrera")
    assert "he" in {m.text for m in a.mentions}


def test_the_analyst_refers_back(run):
    art = run("Priya Nair, an analyst at a Mumbai think tank, doubts the plan. "
              "The analyst said the talks were premature.")
    assert "The analyst" in {m.text for m in actor(art, "Priya Nair").mentions}


def test_the_report_is_its_issuer(run):
    art = run("The Pentagon's report on Iran was published on Monday. The report says "
              "Tehran expanded its programme.")
    a = actor(art, "The report")
    assert (a.code, a.sector) == ("USA", "MIL")


def test_the_two_countries(run):
    art = run("Chile and Peru settled their dispute. The two countries will open a new "
              "border crossing.")
    assert codes(art, "The two countries") == ["CHL", "PER"]


def test_company_country_from_its_name_and_from_conjuncts(run):
    art = run("Exports were handled by Shenzhen Bright Optics Technology and Keystone "
              "Photonics, officials said.")
    assert actor(art, "Shenzhen Bright Optics Technology").code == "CHN"
    assert actor(art, "Keystone Photonics").code == "CHN"


def test_the_west(run):
    art = run("Western sanctions have hit exports hard.")
    assert any(a.code == "WST" for a in art.actors)


def test_compound_actors_are_lists_not_glued(run):
    art = run("China and Russia held joint naval drills.")
    assert {"CHN", "RUS"} <= {a.code for a in art.actors}
    assert all(len(a.code or "") <= 3 for a in art.actors)


def test_mentions_index_the_clean_text(run):
    art = run("Seoul and Tokyo agreed to share intelligence.")
    for a in art.actors:
        for m in a.mentions:
            assert art.text[m.start:m.end] == m.text


def test_a_users_own_actor_file(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("# my actors\nname\taliases\tcode\tsector\tkind\tsource\n"
                     "Harbourline Freight\tHLF\tNOR\tBUS\tcompany\tmy notes\n",
                     encoding="utf-8")
    cfg = load_config(extra={"pipeline": {"stages": ["clean", "parse", "actors"]},
                             "actors": {"extra": [str(extra)]}})
    [art] = analyze_texts(["Shipments by HLF resumed on Monday."], cfg)
    a = actor(art, "HLF")
    assert (a.name, a.code, a.sector, a.kind, a.basis) == ("Harbourline Freight", "NOR",
                                                            "BUS", "company", "dictionary")


def test_a_malformed_actor_file_is_explained(tmp_path):
    from dyadwatch.errors import ConfigError

    bad = tmp_path / "bad.tsv"
    bad.write_text("who\twhat\n", encoding="utf-8")
    cfg = load_config(extra={"pipeline": {"stages": ["clean", "parse", "actors"]},
                             "actors": {"extra": [str(bad)]}})
    with pytest.raises(ConfigError, match="needs a tab-separated header row"):
        analyze_texts(["text"], cfg)


@pytest.mark.parametrize("sentence,person,code", [
    # a full stop typed inside the appositive: the institution is in the verbless fragment
    ("“It matters,” said Ana Petrova, a senior lecturer. University of Sydney in Australia.",
     "Ana Petrova", "AUS"),
    ("“It matters,” said Tomas Berg, an associate professor. Stockholm University.",
     "Tomas Berg", "SWE"),
])
def test_appositive_cut_by_a_stray_full_stop(run, sentence, person, code):
    assert actor(run(sentence), person).code == code


def test_appositive_does_not_reach_into_a_full_sentence(run):
    art = run("“It matters,” said Ana Petrova, a senior lecturer. The University of Sydney "
              "hired her last year.")
    assert actor(art, "Ana Petrova").code is None


def test_state_word_and_loose_initials_are_no_organisation(run):
    art = run("Mark Chan, a lecturer and Malaysian K.L. coordinator of the programme, spoke.")
    assert not any("K.L." in m.text for a in art.actors for m in a.mentions)
