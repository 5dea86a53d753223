"""The schema is the single source of truth; the record contract never loses a field."""

import dataclasses
import json

import pytest

from dyadwatch.schema import (CONTRACT, CONTRACT_CLASSES, TABLES, Actor, ActorRef, Article,
                              Event, Mention, Quote, Speaker, Stance, columns_of,
                              persisted_fields, row_of_plain, to_plain)


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_fields_exist_in_order(name):
    cls = CONTRACT_CLASSES[name]
    fields = [f.name for f in persisted_fields(cls)]
    expected = list(CONTRACT[name])
    assert [f for f in fields if f in expected] == expected, \
        f"{cls.__name__} must keep the contract fields {expected} in this order"


def test_contract_matches_product_md():
    # PRODUCT.md's contract, written out here so that a rename in the code fails loudly.
    assert CONTRACT["article"] == ("id", "source", "url", "title", "published", "language",
                                   "text", "removed", "actors", "events", "quotes", "claims",
                                   "stance")
    assert CONTRACT["event"][:6] == ("id", "event", "mode", "contexts", "actor", "recipient")


def _sample_article() -> Article:
    return Article(
        id="a1", source="Outlet", title="T", published="2024-03-05", language="en",
        text="China and Russia signed a deal.", removed=["Advertisement"],
        actors=[Actor(id="CHN", name="China", code="CHN", sector="GOV", kind="state",
                      mentions=[Mention(0, 5, "China")])],
        events=[Event(id="e1", event="AGREE", actor=[ActorRef("CHN", "GOV", "China")],
                      recipient=[ActorRef("RUS", "GOV", "Russia")], modality="asserted",
                      score=4.0, sentence=0, start=16, end=22, evidence="signed")],
        quotes=[Quote(text="We agree", speaker=Speaker(name="Wang Yi", code="CHN"))],
        stance=[Stance(actor="CHN", score=0.2, label="neutral", evidence=["x"])],
        metadata={"k": [1, 2]},
    )


def test_round_trip_through_json():
    art = _sample_article()
    art.doc = object()  # transient: never serialised
    data = json.loads(art.to_json())
    assert "doc" not in data and "signature" not in data and "error" not in data
    back = Article.from_dict(data)
    art.doc = None
    assert back == art
    assert isinstance(back.events[0].actor[0], ActorRef)
    assert isinstance(back.quotes[0].speaker, Speaker)


def test_actor_lists_are_lists_never_glued_codes():
    data = _sample_article().to_dict()
    assert data["events"][0]["actor"] == [{"code": "CHN", "sector": "GOV", "name": "China"}]


@pytest.mark.parametrize("table", sorted(TABLES))
def test_table_columns_derive_from_records(table):
    spec = TABLES[table]
    cols = [c for c, _ in columns_of(spec)]
    fields = [f.name for f in persisted_fields(spec.record)]
    if spec.article_field:
        assert cols[:3] == ["article_id", "pipeline_version", "idx"]
        assert cols[3:] == fields
    else:
        assert set(cols) <= set(fields)
        assert "events" not in cols and "id" in cols


def test_row_of_plain_encodes_structured_fields_as_json():
    art = _sample_article()
    row = row_of_plain(TABLES["events"], to_plain(art.events[0]), ("a1", "v", 0))
    cols = [c for c, _ in columns_of(TABLES["events"])]
    assert json.loads(row[cols.index("actor")]) == [{"code": "CHN", "sector": "GOV",
                                                     "name": "China"}]
    assert row[cols.index("event")] == "AGREE"


def test_records_are_slotted_dataclasses():
    for cls in CONTRACT_CLASSES.values():
        assert dataclasses.is_dataclass(cls) and hasattr(cls, "__slots__")
