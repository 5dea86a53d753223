"""The quote scorers' counting, on hand-made spans (no model)."""

from dyadwatch.evaluation.quote_tasks import QuoteScores, tokens

TEXT = "“Ports stay open,” she said. Officials said the fleet would sail soon."


def span(fragment):
    s = TEXT.index(fragment)
    return (s, s + len(fragment))


def test_tokens_ignore_marks_and_punctuation():
    assert len(tokens(TEXT, [span("“Ports stay open,”")])) == 3


def test_overlap_exact_and_speaker():
    gold = [{"content": [span("“Ports stay open,”")], "cue": span("said"),
             "source": span("she")},
            {"content": [span("the fleet would sail soon")], "cue": span("said the")[:1] +
             (span("said the")[0] + 4,), "source": span("Officials")}]
    pred = [{"content": [span("Ports stay open")], "cue": span("said"), "source": span("she")},
            {"content": [span("fleet would sail")], "cue": (None, None),
             "source": (None, None)},
            {"content": [span("Officials")], "cue": (None, None), "source": (None, None)}]
    s = QuoteScores()
    s.add(TEXT, gold, pred)
    out = s.as_dict()
    assert out["overlap"]["tp"] == 2 and out["overlap"]["fp"] == 1
    assert out["exact"]["tp"] == 1
    assert out["speaker_accuracy"] == 0.5
    assert out["cue_overlap"]["tp"] == 1
