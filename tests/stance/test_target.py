"""Target-aware rules: who is evaluated, with negation, quotes and hedges. Sentences
written for these tests (spaCy model needed; rules only, so no MiniLM)."""

import pytest

from .conftest import record

pytestmark = pytest.mark.model


def test_aiding_a_war_of_aggression_is_critical_of_both(rules):
    art = rules("Iran is aiding and abetting Iraq's war of aggression against Kuwait. "
                "Iran and Iraq met again on Tuesday.")
    assert record(art, "IRN").label == "critical"
    assert record(art, "IRQ").label == "critical"
    assert record(art, "IRN").evidence[0].startswith("Iran is aiding")


def test_resilience_and_support_are_favourable_to_both(rules):
    art = rules("Kenya's resilience and Ethiopia's support impressed the region. "
                "Kenya and Ethiopia signed a deal.")
    assert record(art, "KEN").label == "favourable"
    assert record(art, "ETH").label == "favourable"


def test_the_attacker_is_criticised_not_the_victim(rules):
    art = rules("Sudan attacked Chad with brutal force. Sudan and Chad have been rivals.")
    assert record(art, "SDN").score < 0
    assert record(art, "TCD").score == 0.0


def test_passive_attack_still_blames_the_doer(rules):
    art = rules("Chad was bombed by Sudan. Chad and Sudan have been rivals.")
    assert record(art, "SDN").score < 0
    assert record(art, "TCD").score == 0.0


def test_negated_praise_is_criticism_and_negated_criticism_is_not_praise(rules):
    art = rules("Peru is not a reliable partner. Peru and Chile trade copper.")
    assert record(art, "PER").label == "critical"
    art = rules("Chile did not attack Bolivia. Chile and Bolivia share a border.")
    assert record(art, "CHL").score >= 0


def test_a_quoted_critic_is_the_critics_stance_not_the_outlets(rules):
    art = rules('Norway and Sweden held talks on fishing quotas on Monday. '
                '"Sweden is a reckless bully," said Norway\'s fisheries minister Ola Berg. '
                'Sweden and Norway will meet again in May.')
    swe = record(art, "SWE")
    assert swe.label == "neutral" and swe.score == 0.0
    held = [h for h in swe.attributed if h.score < 0]
    assert held and "Berg" in (held[0].holder or "")


def test_a_holder_verb_is_the_subjects_stance(rules):
    art = rules("Ghana condemned Togo's crackdown on Monday. Ghana and Togo are neighbours.")
    togo = record(art, "TGO")
    assert any(h.holder_code == "GHA" or "Ghana" in (h.holder or "") for h in togo.attributed)
    assert record(art, "GHA").score == 0.0  # condemning is not itself evaluated


def test_a_hedge_weakens_the_evaluation(rules):
    plain = rules("Laos brutally attacked Cambodia. Laos and Cambodia are neighbours.")
    hedged = rules("Laos allegedly attacked Cambodia. Laos and Cambodia are neighbours.")
    assert record(hedged, "LAO").score > record(plain, "LAO").score


def test_a_self_image_is_not_the_outlets_praise(rules):
    art = rules("Mali promotes its image of a responsible and peaceful power. "
                "Mali and Niger signed a deal.")
    assert record(art, "MLI").score == 0.0


def test_a_passing_mention_gets_no_record(rules):
    art = rules("Brazil and Argentina signed a trade deal. Brazil praised the talks. "
                "Trade with Brazil grew by a fifth. Observers from the region, including "
                "a delegation that had earlier visited Uruguay, attended.")
    assert any(s.code == "BRA" for s in art.stance)
    assert not any(s.code == "URY" for s in art.stance)


def test_records_carry_offsets_of_their_evidence(rules):
    art = rules("Iran is aiding and abetting Iraq's war of aggression. Iran and Iraq met.")
    rec = record(art, "IRN")
    for text, (s, e) in zip(rec.evidence, rec.spans):
        assert art.text[s:e] == text
