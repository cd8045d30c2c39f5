"""The three seed pages: six documents with the metadata a careful reader would note."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from dyad.ingest import IngestOptions, read_inputs
from dyad.models import Page

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def pages() -> dict[str, Page]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed pages not found at {SEEDS}")
    outcomes = list(read_inputs([str(SEEDS)], IngestOptions(now=NOW)))
    assert all(isinstance(o, Page) for o in outcomes), outcomes
    return {Path(p.source).name[:3]: p for p in outcomes}


def test_ingest_seeds_yield_six_documents(pages):
    assert sum(len(p.documents) for p in pages.values()) == 6
    assert [len(pages[k].documents) for k in ("000", "003", "004")] == [1, 1, 4]


def test_ingest_seed_000_shared_comment_byline_and_chrome(pages):
    doc = pages["000"].documents[0]
    assert doc.outlet == "The Diplomat"
    assert doc.author == "William Figueroa"
    assert (doc.published_at, doc.date_precision) == ("2026-01-17", "day")
    assert doc.shared_comment.split() == (
        "The Iranians Hate their own gov't but the Chinese gov't supports the religious fanatics "
        "that keep them in servitude.").split()
    assert doc.title == "China Won’t Save Iran’s Regime – But Chinese Surveillance Technology Might"
    for chrome in ("Subscribe", "Credit:", "©", "thediplomat.com", "By William", "special police units gather",
                   "servitude"):
        assert chrome not in doc.text
    assert "The outbreak of mass protests in Iran" in doc.text
    assert doc.page_id == pages["000"].page_id


def test_ingest_seed_003_republication_note_and_bio(pages):
    doc = pages["003"].documents[0]
    assert (doc.outlet, doc.republished_from) == ("The Diplomat", "The Diplomat")
    assert (doc.published_at, doc.date_precision) == ("2022-11-29", "day")
    assert doc.author == "Maryam Nayeb Yazdi"
    assert "first appeared" not in doc.text and "Oslo Women" not in doc.text
    assert doc.text.rstrip().endswith("freedoms for all.")


def test_ingest_seed_004_splits_related_articles_with_relative_dates(pages):
    page = pages["004"]
    main, euronews, afp, lemonde = page.documents
    assert main.title == "Iran alone in crises: Where were Russia, China in their time of need?"
    assert main.outlet is None and main.published_at is None
    for chrome in ("Hashtags", "Try Our AI Features", "No comments yet", "Related Articles", "Misleading claims"):
        assert chrome not in main.text
    assert [d.outlet for d in page.documents[1:]] == ["Euronews", "AFP", "LeMonde"]
    assert euronews.title == "No, Trump hasn't threatened to bomb Norway"
    assert (euronews.published_at, euronews.date_precision) == (_iso(NOW - timedelta(minutes=19)), "minute")
    assert (afp.published_at, afp.date_precision) == (_iso(NOW - timedelta(hours=2)), "hour")
    assert lemonde.date_precision == "hour" and lemonde.title.startswith("BRICS struggle")
    assert "Image Screenshot of the false Facebook post taken on" not in afp.text  # inline caption
    assert "The Middle East foes traded devastating missile attacks" in afp.text
    assert {d.page_id for d in page.documents} == {page.page_id}
    assert len({d.id for d in page.documents}) == 4


def test_ingest_seed_relative_times_count_from_the_file_time(pages):
    """Without an override, a saved page's relative times resolve against its mtime."""
    path = SEEDS / "004_162dd0535c7c81c9.txt"
    (page,) = read_inputs([str(path)], IngestOptions())
    mtime = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
    assert page.documents[1].published_at == _iso(mtime - timedelta(minutes=19))


def _iso(moment: datetime) -> str:
    return moment.replace(second=0, microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
