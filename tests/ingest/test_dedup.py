"""Exact and near-duplicate articles: syndicated copies are linked to the first-seen one."""

import numpy as np
import pytest

from dyadwatch.ingest.dedup import MinHasher, similarity
from dyadwatch.runner import analyze_paths, analyze_texts
from dyadwatch.store import Store

from ..conftest import write

STORY = (
    "Brazil and India agreed on Tuesday to expand trade in farm goods and pharmaceuticals, "
    "officials from both governments said after two days of talks in New Delhi. The agreement "
    "cuts tariffs on soybean oil and generic medicines and sets up a joint committee to review "
    "disputes every six months. Brazil's trade minister said exports of soybean oil could double "
    "within three years, while Indian drug makers expect easier registration of their products "
    "in Brazil. Analysts said the deal reflected a wider effort by both countries to reduce their "
    "dependence on the United States and China as markets. The two sides also discussed "
    "cooperation in biofuels and space, but reached no agreement on a long-delayed investment "
    "treaty. Talks are due to resume in Brasilia in the spring, the statement said."
)
OTHER = (
    "Japan and South Korea held their first security talks in five years on Friday, agreeing to "
    "share real-time warning data on North Korean missile launches. The defence ministers met in "
    "Tokyo and said a hotline between their militaries would open before the end of the year. "
    "Relations between the neighbours have been strained by disputes over wartime history, but "
    "both governments have sought closer ties as tensions in the region rise. Officials said "
    "Washington welcomed the move and would join trilateral drills in the autumn."
)


def edited(text: str) -> str:
    """A syndicated copy: a new first line, two words changed, an agency tag at the end."""
    return ("NEW DELHI (AFP) - " + text.replace("Tuesday", "Wednesday")
            .replace("double", "triple") + " (Agencies)")


def config_fast(config):
    return config


def test_signature_is_deterministic_and_sized():
    h = MinHasher()
    a, b = h.signature(STORY), h.signature(STORY)
    assert a.dtype == np.uint32 and a.shape == (128,)
    assert np.array_equal(a, b)
    assert len(h.band_keys(a)) == 32


def test_similarity_estimates_jaccard():
    h = MinHasher()
    assert similarity(h.signature(STORY), h.signature(edited(STORY))) > 0.7
    assert similarity(h.signature(STORY), h.signature(OTHER)) < 0.1


def test_linking_in_memory(config):
    arts = analyze_texts([{"id": "orig", "text": STORY}, {"id": "copy", "text": edited(STORY)},
                          {"id": "exact", "text": STORY.upper()}, {"id": "other", "text": OTHER}],
                         config)
    by = {a.id: a for a in arts}
    assert by["orig"].duplicate_of is None
    assert by["copy"].duplicate_of == "orig" and 0.7 <= by["copy"].duplicate_similarity < 1
    assert by["exact"].duplicate_of == "orig" and by["exact"].duplicate_similarity == 1.0
    assert by["other"].duplicate_of is None


def test_linking_across_runs_through_the_store(tmp_path, config, db):
    write(tmp_path / "a" / "orig.txt", STORY)
    write(tmp_path / "b" / "copy.txt", edited(STORY))
    write(tmp_path / "b" / "other.txt", OTHER)
    s1 = analyze_paths([str(tmp_path / "a")], config, db=db)
    s2 = analyze_paths([str(tmp_path / "b")], config, db=db)
    assert (s1.duplicates, s2.duplicates) == (0, 1)
    with Store(db) as store:
        assert store.get_article("copy").duplicate_of == "orig"
        assert store.get_article("other").duplicate_of is None
    # Re-running the original never makes it a copy of its copy.
    s3 = analyze_paths([str(tmp_path / "a")], config, db=db, force=True)
    assert s3.duplicates == 0
    with Store(db) as store:
        assert store.get_article("orig").duplicate_of is None


def test_a_copy_of_a_copy_points_to_the_original(config):
    arts = analyze_texts([{"id": "1", "text": STORY}, {"id": "2", "text": edited(STORY)},
                          {"id": "3", "text": edited(STORY) + " Reporting by staff."}], config)
    assert [a.duplicate_of for a in arts] == [None, "1", "1"]


def test_permutations_must_divide_into_bands():
    from dyadwatch.errors import ConfigError

    with pytest.raises(ConfigError, match="multiple of"):
        MinHasher(3, 100, 32)


def test_same_lead_under_different_titles_is_not_a_copy(config):
    lead = "WASHINGTON, February 17. /TASS/. The US"
    arts = analyze_texts([{"id": "a", "title": "US wants all nuclear powers to join talks",
                           "text": lead},
                          {"id": "b", "title": "US says Geneva talks with Iran met expectations",
                           "text": lead},
                          {"id": "c", "title": "US wants all nuclear powers to join talks",
                           "text": lead}], config)
    assert [a.duplicate_of for a in arts] == [None, None, "a"]


def test_short_texts_are_linked_only_as_exact_copies(config):
    one = "Foreign minister held talks with his Turkish counterpart in Rome on Monday"
    other = one.replace("Turkish", "Italian")
    arts = analyze_texts([{"id": "x", "text": one}, {"id": "y", "text": other}], config)
    assert arts[0].signature is None and arts[1].duplicate_of is None
    long_one, long_other = (one + ". " + STORY), (other + ". " + STORY)
    arts = analyze_texts([{"id": "x", "text": long_one}, {"id": "y", "text": long_other}],
                         config)
    assert arts[1].duplicate_of == "x"  # long enough to judge: a near copy
