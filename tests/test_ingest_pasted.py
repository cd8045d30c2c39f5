"""Pasted pages of the seeds' shapes, written for these tests (other outlets, other
comments, other relative times, other republication phrasing)."""

from datetime import datetime, timezone
from pathlib import Path

from dyad.ingest import IngestOptions, read_inputs
from dyad.ingest.pasted import documents_from_text
from dyad.models import Page

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
NOW = datetime(2025, 6, 10, 15, 20, tzinfo=timezone.utc)


def _docs(name: str):
    outcomes = list(read_inputs([str(FIXTURES / name)], IngestOptions(now=NOW)))
    assert len(outcomes) == 1 and isinstance(outcomes[0], Page), outcomes
    return outcomes[0]


def test_ingest_pasted_shared_comment_domain_headline_byline():
    page = _docs("shared_comment.txt")
    (doc,) = page.documents
    assert doc.shared_comment == ("Worth reading before anyone tells you the port deal is only about trade.\n"
                                  "Ask who runs the cranes.")
    assert doc.outlet == "Asia Times"
    assert doc.title == "Hanoi Hedges Its Bets as Beijing Courts the Mekong"
    assert doc.author == "Priya Raman"
    assert (doc.published_at, doc.date_precision) == ("2025-03-04", "day")
    assert doc.text.startswith("Hanoi Hedges Its Bets as Beijing Courts the Mekong\nVietnam has spent a decade")
    for chrome in ("Container cranes", "Photo credit", "Subscribe", "Share", "©", "asiatimes.com", "Ask who"):
        assert chrome not in doc.text
    assert "Vietnam's government signed a memorandum" in doc.text
    assert "Critics in the National Assembly" in doc.text


def test_ingest_pasted_unknown_domain_falls_back_to_title_case():
    text = ("Interesting take.\nkyivpost-daily.com\nPoland Tightens Border Checks\n"
            "By Olena Shevchuk, 2 February 2024\nPoland tightened checks on its border on Friday.")
    (doc,) = documents_from_text(text, "x", NOW)
    assert doc.outlet == "Kyivpost Daily" and doc.shared_comment == "Interesting take."
    assert doc.author == "Olena Shevchuk" and doc.published_at == "2024-02-02"
    assert doc.text == "Poland Tightens Border Checks\nPoland tightened checks on its border on Friday."


def test_ingest_pasted_republication_note_and_bio_are_metadata():
    (doc,) = _docs("republished.txt").documents
    assert (doc.outlet, doc.republished_from) == ("The Interpreter", "The Interpreter")
    assert (doc.published_at, doc.date_precision) == ("2024-03-03", "day")
    assert doc.author == "Tomás Ortega"
    assert "Lowy" not in doc.text and "originally published" not in doc.text
    assert doc.title is None  # the first line is a sentence, not a headline


def test_ingest_pasted_republished_with_permission_and_trailing_byline():
    (doc,) = _docs("republished_permission.txt").documents
    assert doc.republished_from == "Eurasia Review" and doc.author == "Selin Aydin Kaya"
    assert doc.published_at is None
    assert doc.text.endswith("terrorist organisations.")


def test_ingest_pasted_page_with_related_stories_splits_into_documents():
    page = _docs("multi.txt")
    main, reuters, dw, aljazeera = page.documents
    assert main.title == "Gulf states weigh ties with Beijing as Washington talks stall"
    assert "Comments" not in main.text and "#Gulf" not in main.text and "Related" not in main.text
    assert (reuters.outlet, reuters.published_at, reuters.date_precision) == (
        "Reuters", "2025-06-10T12:20:00Z", "hour")
    assert reuters.title == "Japan and the Philippines sign reciprocal troop access pact"
    assert reuters.text.endswith("both parliaments.") and "- Reuters" not in reuters.text
    assert (dw.outlet, dw.published_at, dw.date_precision) == ("DW", "2025-06-09", "day")
    assert (aljazeera.outlet, aljazeera.published_at, aljazeera.date_precision) == (
        "Al Jazeera", "2025-06-10T14:35:00Z", "minute")
    assert {d.page_id for d in page.documents} == {page.page_id}


def test_ingest_pasted_plain_article_is_left_alone():
    text = "The two governments met in Geneva.\nThey agreed to meet again in March."
    (doc,) = documents_from_text(text, "x", NOW)
    assert doc.text == text and doc.title is None and doc.author is None and doc.outlet is None


def test_ingest_pasted_sentence_starting_with_by_is_not_a_byline():
    text = "Gaza talks resume\nBy contrast with last week, the delegations arrived early and met for six hours."
    (doc,) = documents_from_text(text, "x", NOW)
    assert doc.author is None and "By contrast" in doc.text


def test_ingest_pasted_subject_named_in_text_is_not_taken_for_the_author():
    text = ("Ana Lopez, a former minister, is the favourite to win.\n"
            "Polls give Ana Lopez a clear lead.\n"
            "Ana Lopez, a former minister, is the favourite in the runoff as well.")
    (doc,) = documents_from_text(text, "x", NOW)
    assert doc.author is None and doc.text.endswith("runoff as well.")


def test_ingest_pasted_page_id_is_shared_and_document_ids_differ():
    page = _docs("multi.txt")
    assert len({d.id for d in page.documents}) == len(page.documents)


def test_ingest_pasted_full_url_line_gives_outlet_and_url():
    text = ("This is what I meant yesterday.\nhttps://www.theguardian.com/world/2024/jan/05/some-story\n"
            "Norway Expands Arctic Patrols\nNorway's navy will patrol further north, the defence ministry said.")
    (doc,) = documents_from_text(text, "x", NOW)
    assert (doc.outlet, doc.url) == ("The Guardian", "https://www.theguardian.com/world/2024/jan/05/some-story")
    assert doc.shared_comment == "This is what I meant yesterday." and doc.title == "Norway Expands Arctic Patrols"
    assert "https://" not in doc.text


def test_ingest_pasted_byline_with_date_on_its_own_line():
    text = ("Mali and Niger form joint force\nBy Amadou Diallo\nPublished: 4 hours ago\nUpdated: 1 hour ago\n"
            "Mali and Niger announced a joint military force on Saturday.")
    (doc,) = documents_from_text(text, "x", NOW)
    assert doc.author == "Amadou Diallo"
    assert (doc.published_at, doc.date_precision) == ("2025-06-10T11:20:00Z", "hour")
    assert doc.meta["updated_at"] == "2025-06-10T14:20:00Z"
    assert doc.text == "Mali and Niger form joint force\nMali and Niger announced a joint military force on Saturday."


def test_ingest_pasted_dateline_under_the_title():
    text = "Chad closes border with Sudan\n\nFebruary 3, 2024\n\nChad closed its eastern border on Saturday."
    (doc,) = documents_from_text(text, "x", NOW)
    assert (doc.title, doc.published_at) == ("Chad closes border with Sudan", "2024-02-03")
    assert "February 3" not in doc.text


def test_ingest_pasted_read_more_inside_an_article_keeps_the_rest():
    text = ("Ghana and Togo agree on border security\nGhana and Togo signed a border security pact.\n"
            "Read more\nThe pact covers joint patrols along the frontier.\nBoth parliaments must ratify it.")
    (doc,) = documents_from_text(text, "x", NOW)
    assert doc.text.endswith("The pact covers joint patrols along the frontier.\nBoth parliaments must ratify it.")
    assert "Read more" not in doc.text


def test_ingest_pasted_more_from_heading_splits_items():
    text = ("Peru and Bolivia reopen lake crossing\nPeru and Bolivia reopened the crossing on Lake Titicaca on "
            "Friday after a two-week closure caused by protests.\n"
            "More from Andina\n\nAndina\nJanuary 8, 2025\nPeru signs mining pact with Canada\n"
            "Peru signed a mining cooperation pact with Canada on Wednesday.")
    main, item = documents_from_text(text, "x", NOW)
    assert "More from" not in main.text and "Canada" not in main.text
    assert (item.outlet, item.published_at, item.date_precision) == ("Andina", "2025-01-08", "day")


def test_ingest_pasted_navigation_and_footer_links_are_dropped():
    text = ("Skip to main content\nMenu\nWorld\nBusiness\nOpinion\nSign in\n"
            "Cambodia and Thailand agree to reopen border\n"
            "Cambodia and Thailand agreed on Friday to reopen their land border.\n"
            "Trade across the border fell sharply this year.\n"
            "Privacy Policy\nTerms of Use\nContact Us\nWorld\nSport\nCulture\n")
    (doc,) = documents_from_text(text, "x", NOW)
    assert doc.title == "Cambodia and Thailand agree to reopen border"
    assert doc.text.splitlines() == [
        "Cambodia and Thailand agree to reopen border",
        "Cambodia and Thailand agreed on Friday to reopen their land border.",
        "Trade across the border fell sharply this year."]


def test_ingest_pasted_short_lines_inside_an_article_stay():
    text = ("Members of the new pact\nFour states signed the pact on Monday:\nIran\nRussia\nChina\n"
            "North Korea\nThe ministers will meet again in May.")
    (doc,) = documents_from_text(text, "x", NOW)
    assert doc.text == text


def test_ingest_pasted_trending_menu_above_the_article_does_not_split():
    text = ("Trending\nReuters\n2 hours ago\nSenegal holds presidential runoff\n"
            "Investigators are looking into the attack\n3 hours ago\nBorder talks collapse\n"
            "Senegal's election commission said on Monday that the runoff would be held in March as planned.\n"
            "Observers from the African Union will monitor the vote.")
    (doc,) = documents_from_text(text, "x", NOW)
    assert "election commission" in doc.text and "Observers from the African Union" in doc.text


def test_ingest_pasted_composite_page_all_shapes_at_once():
    page = _docs("composite.txt")
    main, yonhap, kyiv = page.documents
    assert main.shared_comment == "Sharing because the numbers on arms sales are worth knowing."
    assert (main.title, main.author) == ("Seoul And Warsaw Deepen Arms Ties", "Tomasz Nowak and Ji-woo Park")
    assert (main.published_at, main.outlet, main.republished_from) == (
        "2025-08-14", "Eurasiareview", "Notes from Poland")
    assert [line for line in main.text.splitlines() if line] == [
        "Seoul And Warsaw Deepen Arms Ties",
        "Poland signed a second contract for South Korean tanks and howitzers on Thursday, "
        "the defence ministry in Warsaw said.",
        "The deal makes Poland the largest European buyer of South Korean weapons.",
        "Analysts in Seoul said the contract would keep production lines busy until 2030."]
    assert (yonhap.outlet, yonhap.published_at, yonhap.date_precision) == ("Yonhap", "2025-06-10T09:20:00Z", "hour")
    assert (kyiv.outlet, kyiv.published_at, kyiv.date_precision) == ("Kyiv Independent", "2025-06-07", "day")
    assert kyiv.title == "Ukraine receives first batch of Polish-made shells"


def test_ingest_pasted_wire_credit_line_gives_the_author():
    text = ("Fiji and Tonga sign fisheries pact\nFiji and Tonga signed a fisheries pact on Tuesday.\n"
            "(Reporting by Lucy Moreau in Suva; Editing by Sam Holt)")
    (doc,) = documents_from_text(text, "x", NOW)
    assert doc.author == "Lucy Moreau" and "Reporting" not in doc.text
