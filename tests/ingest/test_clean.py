"""The ``clean`` stage: boilerplate, metadata lines, datelines, outlets and repeats.

All example texts are invented for these tests (international-relations news in the
style of wire copy); none is taken from a real article or from the seed corpus.
"""

from __future__ import annotations

import pytest

from dyadwatch.config import load_config
from dyadwatch.ingest.clean import Cleaner
from dyadwatch.schema import Article

# --------------------------------------------------------------------------------------
# Invented story paragraphs: each is a full sentence (or two), long enough that no
# boilerplate rule's word limit lets it through, and all different from each other.

STORY = [
    "Trade negotiators from Brazil and India ended three days of talks in Geneva on "
    "Thursday without agreeing on tariff cuts for ethanol and sugar, officials from both "
    "delegations said.",
    "India wants Brazil to open its market to generic medicines, while Brasília is "
    "pressing New Delhi to lower duties on soybean oil and poultry before the next round.",
    "A senior Brazilian diplomat said the gap between the two sides had narrowed but "
    "warned that domestic farm lobbies in both countries could still derail a deal.",
    "The talks are part of a wider push by the two governments to double bilateral trade "
    "by the end of the decade, a goal first announced at a summit two years ago.",
    "Indian officials said they expected to present a revised offer on agricultural "
    "goods when negotiators meet again in New Delhi later in the summer.",
    "Analysts in São Paulo said a breakthrough was unlikely before Brazil's municipal "
    "elections, when the government is wary of angering sugar cane growers.",
    "Both sides agreed to set up a working group on sanitary standards for meat exports, "
    "which has been a long-running source of friction between their regulators.",
    "The Indian commerce ministry said in a statement that the discussions had been "
    "frank and constructive and that both delegations remained committed to the process.",
]

SUMMIT = [
    "Leaders of the 32 NATO member states agreed on Wednesday to set up a new command to "
    "coordinate weapons deliveries to Ukraine, according to a final communiqué.",
    "The decision followed hours of talks in which several eastern members pressed for a "
    "firmer timetable for Kyiv's eventual membership of the alliance.",
    "Germany and the United States resisted setting a date, arguing that the alliance "
    "could not admit a country that was at war with Russia.",
    "The secretary general told reporters that the door to membership remained open and "
    "that the path was now irreversible, but gave no further details.",
    "Russia's foreign ministry said the summit showed that the alliance was a direct "
    "party to the conflict and warned of unspecified countermeasures.",
    "Turkey and Hungary, which have often delayed alliance decisions, signed the "
    "communiqué after last-minute changes to language on defence industry cooperation.",
]


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner(load_config())


def clean(cleaner: Cleaner, text: str, **fields) -> Article:
    return cleaner(Article(id="x", text=text, **fields))


def paragraphs(art: Article) -> list[str]:
    return art.text.split("\n\n") if art.text else []


def reasons(art: Article) -> dict[str, str]:
    return {s.text: s.reason for s in art.cleaning}


def assert_consistent(art: Article) -> None:
    """Nothing listed in ``removed`` is still a whole paragraph of the text, and every
    removed string has a cleaning step explaining it."""
    pars = paragraphs(art)
    steps = reasons(art)
    for r in art.removed:
        assert r not in pars, f"removed line {r!r} is still in the text"
        assert r in steps, f"removed line {r!r} has no cleaning step"


def with_line(line: str, at: int = 1, story: list[str] = STORY) -> str:
    """The story with ``line`` inserted as its own paragraph at position ``at``."""
    pars = list(story)
    pars.insert(at, line)
    return "\n\n".join(pars)


# --------------------------------------------------------------------------------------
# Boilerplate rules (one line each; kept in the middle of a long article so that the
# outlet and tail heuristics are not involved).

BOILERPLATE = [
    # ad labels, several spellings
    ("Advertisement", "ad-label"),
    ("ADVERTISEMENT", "ad-label"),
    ("Advertisement:", "ad-label"),
    ("advert", "ad-label"),
    ("Ad", "ad-label"),
    ("Sponsored content", "ad-label"),
    ("Promoted Content", "ad-label"),
    ("Story continues below advertisement", "ad-label"),
    ("Article continues after this advertisement", "ad-label"),
    ("Continue reading the main story", "ad-label"),
    ("Scroll to continue with content", "ad-label"),
    # donation / membership
    ("Support our journalism", "support-prompt"),
    ("Please donate to keep our reporting free for everyone.", "support-prompt"),
    ("Become a member today and get unlimited access.", "membership-prompt"),
    ("Chip in $5 now to back independent reporting.", "support-prompt"),
    # newsletters
    ("Subscribe to our newsletter", "subscribe-prompt"),
    ("Sign up for our daily briefing on world affairs", "subscribe-prompt"),
    ("Get breaking news alerts straight to your inbox", "subscribe-prompt"),
    ("Join our WhatsApp channel for the latest updates", "subscribe-prompt"),
    # teasers
    ("Read more: Japan and South Korea agree to restart finance dialogue", "related-teaser"),
    ("Related: EU unveils fresh sanctions on Russian shipping", "related-teaser"),
    ("Also read: Brazil and India fail to bridge gap on ethanol duties", "related-teaser"),
    ("READ MORE | NATO allies split over defence spending target", "related-teaser"),
    ("See also: What the Vilnius communiqué says about Ukraine", "related-teaser"),
    # comment forms
    ("Leave a Reply", "comment-form"),
    ("Your email address will not be published. Required fields are marked *",
     "comment-form"),
    ("12 Comments", "comment-form"),
    ("Join the conversation", "comment-form"),
    ("You must be logged in to post a comment.", "comment-form"),
    # share widgets
    ("Share this article", "share-widget"),
    ("Facebook Twitter WhatsApp Email", "share-widget"),
    ("Share on Facebook", "share-widget"),
    ("Follow us on Twitter", "share-widget"),
    ("Click to share on LinkedIn (Opens in new window)", "share-widget"),
    # empty states
    ("No stories found.", "empty-state"),
    ("Loading...", "empty-state"),
    ("Load more stories", "empty-state"),
    # cookie / JavaScript notices
    ("Please enable JavaScript to view this content.", "script-notice"),
    ("We use cookies to improve your experience. By continuing you accept our cookie "
     "policy.", "script-notice"),
    ("Your browser does not support the video tag.", "script-notice"),
    # navigation
    ("Skip to main content", "navigation"),
    ("Back to top", "navigation"),
    ("Home »", "navigation"),
    ("Next article", "navigation"),
    ("Sign in", "navigation"),
    # copyright
    ("© 2024 Deccan Courier. All rights reserved.", "copyright"),
    ("Copyright 2024 The Seoul Herald", "copyright"),
    ("(c) Meridian Press Agency", "copyright"),
    # bare web addresses
    ("www.seoulherald.kr", "bare-site-address"),
    ("https://meridianpress.org/world/asia/nato-summit", "bare-site-address"),
    ("tradewatch.in", "bare-site-address"),
    # picture credits
    ("Photo: Reuters/Kim Min-jun", "picture-credit"),
    ("(Image: AFP)", "picture-credit"),
    ("Picture courtesy: Ministry of External Affairs", "picture-credit"),
    ("Delegates arrive for the talks in Geneva. (Photo by Lena Park/AFP)", "picture-credit"),
    pytest.param("File photo", "picture-credit"),
    # feedback prompts
    ("Was this article helpful?", "feedback-prompt"),
    ("Report an error", "feedback-prompt"),
    ("Got a news tip? Email us at tips@meridianpress.org", "feedback-prompt"),
    ("Spotted a typo? Let us know.", "feedback-prompt"),
]


@pytest.mark.parametrize("line, rule", BOILERPLATE)
def test_boilerplate_line_is_removed(cleaner, line, rule):
    art = clean(cleaner, with_line(line))
    assert art.text == "\n\n".join(STORY)
    assert art.removed == [line]
    assert reasons(art) == {line: f"boilerplate:{rule}"}
    assert art.title is None
    assert_consistent(art)


def test_several_boilerplate_lines_in_one_article(cleaner):
    text = "\n\n".join([STORY[0], "Advertisement", STORY[1], "Share this article",
                        STORY[2], "Subscribe to our newsletter", *STORY[3:]])
    art = clean(cleaner, text)
    assert art.text == "\n\n".join(STORY)
    assert art.removed == ["Advertisement", "Share this article",
                           "Subscribe to our newsletter"]
    assert_consistent(art)


# A trailing "related stories" block: the heading and the short link lines after it.
TAIL_LINKS = [
    "Japan and South Korea agree to restart finance dialogue",
    "EU ministers back new sanctions on Russian shipping",
    "Brazil's ethanol exporters eye Indian market",
    "Explainer: what the NATO communiqué means for Kyiv",
]


@pytest.mark.parametrize("heading", [
    "Related stories", "Most read", "You may also like", "Top headlines", "Trending",
    "More from Reuters",
])
def test_trailing_related_block_is_removed(cleaner, heading):
    text = "\n\n".join([*STORY, heading, *TAIL_LINKS])
    art = clean(cleaner, text)
    assert art.text == "\n\n".join(STORY)
    assert art.removed == [heading, *TAIL_LINKS]
    assert set(reasons(art).values()) == {"boilerplate:related-block"}
    assert_consistent(art)


@pytest.mark.parametrize("heading", ["Related stories", "Most read", "Top headlines"])
def test_related_heading_in_first_half_is_not_a_tail_block(cleaner, heading):
    # The heading opens the article's second paragraph: short lines after it are part
    # of the story (sub-headings, a list) and must not be swept away as a link block.
    short = ["Ethanol duties", "Brazil wants India to cut its 40% duty on fuel ethanol"]
    text = "\n\n".join([STORY[0], heading, *short, *STORY[1:]])
    art = clean(cleaner, text)
    for line in short:
        assert line in paragraphs(art)
    assert "boilerplate:related-block" not in reasons(art).values()
    assert all(p in paragraphs(art) for p in STORY)
    assert_consistent(art)


# --------------------------------------------------------------------------------------
# Story sentences that begin like boilerplate: they must be kept.

FALSE_POSITIVES = [
    pytest.param("Support for the ceasefire among voters fell to 40%, our poll found."),
    pytest.param("Latest figures show exports to Turkey rose 8% in May."),
    pytest.param("Copyright law was a sticking point in the EU-US trade talks."),
    pytest.param("Share prices in Seoul fell after the announcement."),
    "Photo opportunities were rare at the closed-door summit.",
    pytest.param("Related talks on fisheries in Reykjavik ended without a deal on Friday."),
    pytest.param("Popular anger over the sanctions has grown in Belgrade this year."),
    pytest.param("Recommended tariffs of 15% were rejected by the Indian delegation."),
    pytest.param("Trending lower since January, the won hit a two-year low against the yen."),
    pytest.param("Fund managers in Seoul cut their holdings of Japanese bonds, our data show."),
    pytest.param("Join NATO now, the Ukrainian president urged allies at the summit."),
    pytest.param("Back home, officials said work on the text would resume next week."),
    "Advertising bans on tobacco were discussed by EU health ministers.",
    "Email exchanges between the two envoys were leaked to the press.",
    "Comments by the Japanese foreign minister angered officials in Seoul.",
    "Loading of grain at Black Sea ports resumed on Tuesday.",
    "Home to 40 million people, the region is central to the dispute.",
    "Image problems have dogged the summit since Hungary was chosen as host.",
    "Facebook and Twitter accounts linked to the ministry were suspended.",
    "Breaking with tradition, Japan sent its foreign minister to Seoul for the talks.",
    "Close ties with Beijing remain a priority for the new government.",
    "Nothing found by the inspectors suggested a breach of the embargo.",
]


@pytest.mark.parametrize("sentence", FALSE_POSITIVES)
def test_story_sentence_resembling_boilerplate_is_kept(cleaner, sentence):
    art = clean(cleaner, with_line(sentence))
    assert art.text == with_line(sentence)
    assert art.removed == []


# --------------------------------------------------------------------------------------
# Title

def test_short_first_line_without_full_stop_becomes_title(cleaner):
    title = "Brazil and India fail to agree on ethanol tariffs"
    art = clean(cleaner, "\n\n".join([title, *STORY]))
    assert art.title == title
    assert art.text == "\n\n".join(STORY)
    assert reasons(art) == {title: "title"}
    assert art.removed == []


@pytest.mark.parametrize("first", [
    "Trade negotiators from Brazil and India ended three days of talks in Geneva on "
    "Thursday without agreeing on tariff cuts for ethanol, sugar, soybean oil or poultry, "
    "officials from both delegations said.",
    "Talks collapsed.",
])
def test_first_sentence_is_not_a_title(cleaner, first):
    text = "\n\n".join([first, *STORY[1:]])
    art = clean(cleaner, text)
    assert art.title is None
    assert art.text == text


def test_single_paragraph_is_not_a_title(cleaner):
    art = clean(cleaner, "Japan and South Korea resume talks")
    assert art.title is None
    assert art.text == "Japan and South Korea resume talks"


def test_given_title_is_never_overwritten(cleaner):
    sub = "Allies split over timetable for Ukraine membership"
    art = clean(cleaner, "\n\n".join([sub, *SUMMIT]), title="NATO leaders meet in Vilnius")
    assert art.title == "NATO leaders meet in Vilnius"
    assert art.text == "\n\n".join([sub, *SUMMIT])


def test_given_title_repeated_as_first_line_is_dropped(cleaner):
    art = clean(cleaner, "\n\n".join(["nato  LEADERS meet in Vilnius", *SUMMIT]),
                title="NATO leaders meet in Vilnius")
    assert art.title == "NATO leaders meet in Vilnius"
    assert art.text == "\n\n".join(SUMMIT)


def test_title_repeated_in_body_is_removed(cleaner):
    title = "NATO agrees new command for Ukraine arms deliveries"
    text = "\n\n".join([title, *SUMMIT[:3], title, *SUMMIT[3:]])
    art = clean(cleaner, text)
    assert art.title == title
    assert art.text == "\n\n".join(SUMMIT)
    assert art.removed == [title]
    assert [s.reason for s in art.cleaning] == ["title", "repeated-title"]
    assert_consistent(art)


def test_given_title_repeated_in_body_is_removed(cleaner):
    title = "EU adopts 14th sanctions package against Russia"
    text = "\n\n".join([*SUMMIT[:2], title.upper(), *SUMMIT[2:]])
    art = clean(cleaner, text, title=title)
    assert art.title == title
    assert art.text == "\n\n".join(SUMMIT)
    assert art.removed == [title.upper()]


# --------------------------------------------------------------------------------------
# Date lines and bylines

TITLE = "Japan and South Korea agree to resume security dialogue"


@pytest.mark.parametrize("line, iso", [
    ("Tuesday, 5 March 2024, 09:15", "2024-03-05"),
    ("Published: March 5, 2024 10:02 am EST", "2024-03-05"),
    pytest.param("Updated 2024-03-05T09:15:00Z", "2024-03-05"),
    ("By Jane Doe | 5 Mar. 2024", "2024-03-05"),
    ("Posted on 19th October 2023 at 21:36 IST", "2023-10-19"),
    ("Last updated: 2023/10/19 21:36 GMT", "2023-10-19"),
    pytest.param("Last updated: 2023/10/19 21:36 GMT+09:00", "2023-10-19"),
    ("Fri 12 January 2024", "2024-01-12"),
])
def test_date_line_under_title_sets_published(cleaner, line, iso):
    art = clean(cleaner, "\n\n".join([TITLE, line, *SUMMIT]))
    assert art.title == TITLE
    assert art.published == iso
    assert art.text == "\n\n".join(SUMMIT)
    assert reasons(art)[line] == "date-line"
    assert art.removed == []


def test_date_line_at_the_end_sets_published(cleaner):
    art = clean(cleaner, "\n\n".join([*SUMMIT, "Published: July 10, 2024 4:45 pm CEST"]))
    assert art.published == "2024-07-10"
    assert art.text == "\n\n".join(SUMMIT)


def test_given_published_is_kept_but_date_line_still_dropped(cleaner):
    art = clean(cleaner, "\n\n".join([TITLE, "Tuesday, 5 March 2024", *SUMMIT]),
                published="2024-03-04")
    assert art.published == "2024-03-04"
    assert art.text == "\n\n".join(SUMMIT)


@pytest.mark.parametrize("sentence", [
    "On 5 March 2024 the foreign ministers of Japan and South Korea met in Seoul.",
    "Talks resume on 12 June 2024.",
    "Deadline: 30 June 2024",
    "The truce expired on March 5, 2024, officials in Ankara said.",
])
def test_sentence_mentioning_a_date_is_not_a_date_line(cleaner, sentence):
    text = "\n\n".join([TITLE, sentence, *SUMMIT])
    art = clean(cleaner, text)
    assert art.published is None
    assert art.text == "\n\n".join([sentence, *SUMMIT])


@pytest.mark.parametrize("line, author", [
    pytest.param("By Maria Lopez and Tom Ng", "Maria Lopez and Tom Ng"),
    pytest.param("By Aiko Sato, Reuters", "Aiko Sato"),
    pytest.param("Written by Priya Raman", "Priya Raman"),
    ("by Lena Park", "Lena Park"),
])
def test_byline_sets_author(cleaner, line, author):
    art = clean(cleaner, "\n\n".join([TITLE, line, *SUMMIT]))
    assert art.author == author
    assert art.text == "\n\n".join(SUMMIT)
    assert reasons(art)[line] == "byline"


def test_byline_with_date_sets_author_and_published(cleaner):
    art = clean(cleaner, "\n\n".join([TITLE, "By Jane Doe | 5 Mar. 2024", *SUMMIT]))
    assert art.published == "2024-03-05"
    assert art.author == "Jane Doe"


def test_given_author_is_not_overwritten(cleaner):
    art = clean(cleaner, "\n\n".join([TITLE, "by Lena Park", *SUMMIT]), author="Desk")
    assert art.author == "Desk"
    assert art.text == "\n\n".join(SUMMIT)


def test_sentence_starting_with_by_is_not_a_byline(cleaner):
    text = "\n\n".join([TITLE, "By contrast, India wants lower tariffs on dairy.", *SUMMIT])
    art = clean(cleaner, text)
    assert art.author is None
    assert art.text == "\n\n".join(["By contrast, India wants lower tariffs on dairy.",
                                    *SUMMIT])


# --------------------------------------------------------------------------------------
# Datelines

BODY = ("Turkey's foreign minister said on Monday that Ankara was ready to host a new "
        "round of talks between Armenia and Azerbaijan on their border dispute.")


@pytest.mark.parametrize("prefix, place", [
    ("ANKARA: ", "Ankara"),
    ("NEW DELHI (Reuters) - ", "New Delhi"),
    ("SEOUL, South Korea — ", "Seoul, South Korea"),
    ("BRUSSELS, June 3 (AP) — ", "Brussels"),
    ("New Delhi: ", "New Delhi"),
    ("Geneva: ", "Geneva"),
])
def test_dateline_is_set_and_stripped(cleaner, prefix, place):
    art = clean(cleaner, "\n\n".join([TITLE, prefix + BODY, *SUMMIT]))
    assert art.dateline == place
    assert art.text == "\n\n".join([BODY, *SUMMIT])
    assert reasons(art)[prefix.strip()] == "dateline"
    assert art.removed == []


def test_given_dateline_is_not_overwritten_but_prefix_still_stripped(cleaner):
    art = clean(cleaner, "\n\n".join([TITLE, "ANKARA: " + BODY, *SUMMIT]),
                dateline="Istanbul")
    assert art.dateline == "Istanbul"
    assert art.text == "\n\n".join([BODY, *SUMMIT])


@pytest.mark.parametrize("first", [
    "Update: The summit has been moved to Thursday, organisers in Vilnius said.",
    "Exclusive: Seoul and Tokyo are close to a deal on wartime labour, officials say.",
    "UPDATE: The summit has been moved to Thursday, organisers in Vilnius said.",
    "EXCLUSIVE: Seoul and Tokyo are close to a deal on wartime labour, officials say.",
    "ANALYSIS - Why the EU's new sanctions package may not bite.",
    "Ursula von der Leyen: Thank you. It is a pleasure to welcome the Prime Minister of "
    "Japan to Brussels.",
    "Fumio Kishida: Thank you, President. Japan and the EU share the same values.",
    "Diplomats said: the talks will continue in Geneva next week, despite the setback.",
    pytest.param("LIVE UPDATES: Leaders arrive in Vilnius for the NATO summit."),
    pytest.param("EDITOR’S NOTE: This story has been updated with comment from Seoul."),
    pytest.param("NATO — whose 32 members are split over spending — issued a statement."),
])
def test_label_or_speaker_is_not_a_dateline(cleaner, first):
    text = "\n\n".join([first, *SUMMIT])
    art = clean(cleaner, text)
    assert art.dateline is None
    assert art.text == text


def test_dateline_only_on_first_body_paragraphs(cleaner):
    later = "ANKARA: " + BODY
    text = "\n\n".join([*SUMMIT[:4], later, *SUMMIT[4:]])
    art = clean(cleaner, text)
    assert art.dateline is None
    assert later in paragraphs(art)


# --------------------------------------------------------------------------------------
# Outlet lines

def test_site_address_with_name_line_sets_source(cleaner):
    text = "\n\n".join([*STORY, "Deccan Courier", "www.deccancourier.in"])
    art = clean(cleaner, text)
    assert art.source == "Deccan Courier"
    assert art.text == "\n\n".join(STORY)
    assert sorted(art.removed) == sorted(["Deccan Courier", "www.deccancourier.in"])
    assert set(reasons(art).values()) == {"outlet-line"}
    assert_consistent(art)


def test_name_line_after_site_address_sets_source(cleaner):
    text = "\n\n".join([*STORY, "https://www.seoul-herald.kr", "Seoul Herald"])
    art = clean(cleaner, text)
    assert art.source == "Seoul Herald"
    assert art.text == "\n\n".join(STORY)


def test_lone_site_address_with_scheme_sets_source_to_domain(cleaner):
    art = clean(cleaner, "\n\n".join([*STORY, "https://www.meridianpress.org/"]))
    assert art.source == "meridianpress.org"
    assert art.text == "\n\n".join(STORY)
    assert art.removed == ["https://www.meridianpress.org/"]


def test_given_source_is_not_overwritten(cleaner):
    art = clean(cleaner, "\n\n".join([*STORY, "Deccan Courier", "www.deccancourier.in"]),
                source="feed:asia")
    assert art.source == "feed:asia"
    assert art.text == "\n\n".join(STORY)


def test_unrelated_line_next_to_address_is_kept(cleaner):
    text = "\n\n".join([*STORY, "Reporting by Lena Park", "www.deccancourier.in"])
    art = clean(cleaner, text)
    assert art.source == "deccancourier.in"
    assert "Reporting by Lena Park" in paragraphs(art)


# --------------------------------------------------------------------------------------
# Repeated paragraphs and sentences

def test_exact_repeated_paragraph_keeps_first(cleaner):
    text = "\n\n".join([*STORY[:4], STORY[1], *STORY[4:]])
    art = clean(cleaner, text)
    assert art.text == "\n\n".join(STORY)
    assert art.removed == [STORY[1]]
    assert reasons(art) == {STORY[1]: "repeated-paragraph"}


def test_repeat_differing_in_case_and_spacing_is_removed(cleaner):
    copy = "  " + STORY[2].upper().replace(" ", "   ") + " "
    art = clean(cleaner, "\n\n".join([*STORY[:5], copy, *STORY[5:]]))
    assert art.text == "\n\n".join(STORY)
    assert len(art.removed) == 1


def test_repeated_heading_keeps_first(cleaner):
    heading = "Sticking points"
    text = "\n\n".join([STORY[0], heading, *STORY[1:4], heading, *STORY[4:]])
    art = clean(cleaner, text)
    assert art.text == "\n\n".join([STORY[0], heading, *STORY[1:]])
    assert art.removed == [heading]


def test_lone_bare_site_address_sets_source_to_domain(cleaner):
    art = clean(cleaner, "\n\n".join([*STORY, "www.meridianpress.org"]))
    assert art.source == "meridianpress.org"
    assert art.text == "\n\n".join(STORY)
    assert art.removed == ["www.meridianpress.org"]


def test_near_duplicate_with_dateline_prefix_is_removed(cleaner):
    first = "EU ministers approved the new sanctions package on Monday."
    later = "BRUSSELS, Belgium, June 3 (Reuters) — " + first
    text = "\n\n".join([*SUMMIT[:3], first, *SUMMIT[3:], later])
    art = clean(cleaner, text)
    assert art.text == "\n\n".join([*SUMMIT[:3], first, *SUMMIT[3:]])
    assert art.removed == [later]


def test_near_duplicate_with_a_few_changed_words_is_removed(cleaner):
    first = ("European Union foreign ministers meeting in Brussels on Monday approved a "
             "fourteenth package of sanctions against Russia that for the first time "
             "targets shipments of liquefied natural gas through European ports, "
             "diplomats said after the meeting.")
    later = ("European Union foreign ministers meeting in Brussels on Monday adopted a "
             "fourteenth package of sanctions against Russia that for the first time "
             "targets shipments of liquefied natural gas through EU ports, "
             "diplomats said after the meeting.")
    text = "\n\n".join([first, *SUMMIT[:3], later, *SUMMIT[3:]])
    art = clean(cleaner, text)
    assert art.text == "\n\n".join([first, *SUMMIT])
    assert art.removed == [later]
    assert reasons(art) == {later: "near-duplicate-paragraph"}


def test_different_paragraphs_on_same_topic_are_kept(cleaner):
    a = ("Japan and South Korea agreed on Tuesday to resume regular security talks "
         "that were suspended five years ago amid a dispute over wartime labour.")
    b = ("South Korea and Japan will also restart a currency swap arrangement and "
         "cooperate on supply chains for semiconductors, the two governments said.")
    text = "\n\n".join([a, b, *SUMMIT])
    art = clean(cleaner, text)
    assert art.text == text
    assert art.removed == []


def test_repeated_long_sentence_in_later_paragraph_is_removed(cleaner):
    long = ("The sanctions package targets twenty-seven vessels of the so-called shadow "
            "fleet carrying Russian oil.")
    p1 = "EU ministers agreed on new measures on Monday. " + long
    p2 = ("Diplomats said Hungary dropped its objections late on Sunday. " + long
          + " Greece and Malta had sought exemptions for their shipping companies.")
    text = "\n\n".join([p1, *SUMMIT[:2], p2, *SUMMIT[2:]])
    art = clean(cleaner, text)
    expected_p2 = ("Diplomats said Hungary dropped its objections late on Sunday. "
                   "Greece and Malta had sought exemptions for their shipping companies.")
    assert art.text == "\n\n".join([p1, *SUMMIT[:2], expected_p2, *SUMMIT[2:]])
    assert art.removed == [long]
    assert reasons(art)[long] == "repeated-sentence"


def test_short_repeated_sentence_is_kept(cleaner):
    p1 = ("Talks will resume on Friday. Negotiators from Brazil and India said the "
          "remaining differences concerned agricultural goods.")
    p2 = ("Talks will resume on Friday. Indian officials added that a revised offer "
          "on ethanol would be tabled in the next round.")
    text = "\n\n".join([p1, *STORY[:2], p2, *STORY[2:]])
    art = clean(cleaner, text)
    assert art.text == text
    assert art.removed == []


def test_paragraph_made_only_of_repeated_sentence_disappears(cleaner):
    long = ("Japan and South Korea agreed to resume their security dialogue after a "
            "five-year pause.")
    text = "\n\n".join([long + " Officials called it a turning point.", *SUMMIT[:2], long,
                        *SUMMIT[2:]])
    art = clean(cleaner, text)
    assert art.text == "\n\n".join([long + " Officials called it a turning point.",
                                    *SUMMIT])


# --------------------------------------------------------------------------------------
# Hard-wrapped plain text

WRAPPED = """\
Foreign ministers of Japan and South Korea met in Seoul on Tuesday and
agreed to restart a regular security dialogue that was suspended five
years ago, officials from both governments said after the meeting.

The two sides also discussed the repatriation of remains of wartime
labourers and plans for a joint trilateral summit with the United States
later this year, according to a statement from the Korean ministry.

Analysts said the meeting reflected a thaw in relations that began when
the leaders of both countries exchanged visits, though disputes over
history and territory remain unresolved and could flare again."""


def test_hard_wrapped_text_is_rejoined_into_paragraphs(cleaner):
    art = clean(cleaner, WRAPPED)
    expected = [" ".join(block.split("\n")) for block in WRAPPED.split("\n\n")]
    assert paragraphs(art) == expected
    assert art.title is None


def test_unwrapped_lines_stay_separate_paragraphs(cleaner):
    text = "\n".join(STORY)
    art = clean(cleaner, text)
    assert paragraphs(art) == STORY


# --------------------------------------------------------------------------------------
# Hashes and invariants

def test_content_hash_ignores_spacing_and_case(cleaner):
    from dyadwatch.config import load_config
    from dyadwatch.ingest.dedup import make_fingerprint

    fingerprint = make_fingerprint(load_config())
    a = fingerprint(clean(cleaner, "\n\n".join(SUMMIT)))
    b = fingerprint(clean(cleaner, "\n\n".join("  " + p.upper().replace(" ", "  \t")
                                                 for p in SUMMIT)))
    c = fingerprint(clean(cleaner, "\n\n".join(SUMMIT[:-1])))
    assert a.content_hash and len(a.content_hash) == 16
    assert a.content_hash == b.content_hash
    assert a.content_hash != c.content_hash


def test_full_messy_article(cleaner):
    text = "\n\n".join([
        "NATO agrees new command for Ukraine arms deliveries",
        "by Lena Park",
        "Wednesday, 10 July 2024, 18:40",
        "Share this article",
        "VILNIUS (AP) — " + SUMMIT[0],
        "Advertisement",
        *SUMMIT[1:3],
        "Read more: Allies split over defence spending target",
        SUMMIT[1],
        *SUMMIT[3:],
        "© 2024 Meridian Press. All rights reserved.",
        "Meridian Press",
        "www.meridianpress.org",
    ])
    art = clean(cleaner, text)
    assert art.title == "NATO agrees new command for Ukraine arms deliveries"
    assert art.author == "Lena Park"
    assert art.published == "2024-07-10"
    assert art.dateline == "Vilnius"
    assert art.source == "Meridian Press"
    assert art.text == "\n\n".join(SUMMIT)
    assert sorted(art.removed) == sorted([
        "Share this article", "Advertisement",
        "Read more: Allies split over defence spending target", SUMMIT[1],
        "© 2024 Meridian Press. All rights reserved.", "Meridian Press",
        "www.meridianpress.org",
    ])
    assert art.warnings == []


def test_all_boilerplate_leaves_warning(cleaner):
    art = clean(cleaner, "Advertisement\n\nShare this article\n\nLoading...")
    assert art.text == ""
    assert art.warnings == ["cleaning left no text: every line looked like boilerplate"]


@pytest.mark.parametrize("text", [
    with_line("Advertisement"),
    "\n\n".join([*STORY, "Deccan Courier", "www.deccancourier.in"]),
    "\n\n".join([TITLE, "Tuesday, 5 March 2024", "ANKARA: " + BODY, "Share this article",
                 *SUMMIT, "Related: EU unveils fresh sanctions on Russian shipping"]),
    WRAPPED + "\n\nSubscribe to our newsletter\n\nwww.seoulherald.kr",
])
def test_removed_lines_never_remain_in_text(cleaner, text):
    art = clean(cleaner, text)
    assert art.removed
    assert_consistent(art)
