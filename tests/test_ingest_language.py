"""Language of a document: the markup's declaration, else identified from the text."""

from __future__ import annotations

import pytest

from dyad.ingest.language import analysed, identify, page_with_languages, with_language
from dyad.models import Document, Page

ENGLISH = ("The foreign ministers of the two countries met in Vienna on Tuesday and agreed to resume "
           "talks on the nuclear programme next month, officials said.")
GERMAN = ("Die Außenminister der beiden Länder trafen sich am Dienstag in Wien und vereinbarten, die "
          "Gespräche über das Atomprogramm im nächsten Monat wieder aufzunehmen.")
FRENCH = ("Les ministres des affaires étrangères des deux pays se sont rencontrés mardi à Vienne et ont "
          "convenu de reprendre les discussions sur le programme nucléaire le mois prochain.")
RUSSIAN = ("Министры иностранных дел двух стран встретились во вторник в Вене и договорились возобновить "
           "переговоры по ядерной программе в следующем месяце.")
CHINESE = "两国外长周二在维也纳会晤，同意下个月恢复关于核计划的谈判。官员们表示，双方都希望尽快取得进展，并将继续保持密切沟通。"


@pytest.mark.parametrize("text,code", [(ENGLISH, "en"), (GERMAN, "de"), (FRENCH, "fr"), (RUSSIAN, "ru"),
                                       (CHINESE, "zh")])
def test_ingest_language_identifies_news_languages(text, code):
    assert identify(text) == code


def test_ingest_language_short_text_is_not_guessed():
    assert identify("Trump") is None
    assert identify("BRICS summit in Rio") is None


def _doc(text: str, language: str | None = None) -> Document:
    return Document(id="d" * 16, text=text, source="test", language=language)


def test_ingest_language_markup_wins_and_text_fills_the_gap():
    assert with_language(_doc(GERMAN, language="en")).language == "en"
    assert with_language(_doc(GERMAN)).language == "de"
    assert with_language(_doc("Short.")).language is None
    page = page_with_languages(Page("test", "p" * 16, (_doc(FRENCH), _doc(ENGLISH))))
    assert [d.language for d in page.documents] == ["fr", "en"]


def test_ingest_language_only_english_is_analysed():
    assert analysed(_doc(ENGLISH, "en")) and analysed(_doc(ENGLISH, "en-GB")) and analysed(_doc("x"))
    assert not analysed(_doc(GERMAN, "de"))


@pytest.mark.slow
def test_ingest_language_other_languages_are_stored_searchable_not_analysed(tmp_path):
    from dyad.runner import ingest
    from dyad.settings import Settings
    from dyad.store import Store

    (tmp_path / "de.txt").write_text(GERMAN + "\n\n" + GERMAN.replace("Dienstag", "Mittwoch"), encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    settings = Settings(db=str(tmp_path / "lang.db"), embeddings=False)
    store = Store(settings.db)
    outcomes = {o.source.rsplit("/", 1)[-1]: o for o in ingest([str(tmp_path / "de.txt"), str(tmp_path / "en.txt")],
                                                                store, settings)}
    german, english = outcomes["de.txt"], outcomes["en.txt"]
    assert german.kind == "stored" and german.reason == "stored_not_analysed" and "language de" in german.not_analysed
    assert english.reason == "stored" and english.not_analysed is None
    assert store.document(german.document_id).language == "de"
    assert store.search_sentences("Atomprogramm", limit=5)  # its sentences are searchable
    store.close()
