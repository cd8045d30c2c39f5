"""Heads of state and government of UN members 2000-2026 (people_heads_2000_2026.yaml):
dated resolution through the registry and through the real actor stage, on sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.registry_helpers import nlp, pair, reg, stage_actors  # noqa: F401  (nlp, reg are fixtures)


@pytest.mark.parametrize(("text", "date", "expected"), [
    ("Mwai Kibaki", "2008-03-01", ("KEN", "GOV")),
    ("Ellen Johnson Sirleaf", "2010-05-01", ("LBR", "GOV")),
    ("Nouri al-Maliki", "2012-01-15", ("IRQ", "GOV")),
    ("Edi Rama", "2020-02-01", ("ALB", "GOV")),
    ("Hakainde Hichilema", "2023-01-01", ("ZMB", "GOV")),
    ("Sabah Al-Ahmad Al-Jaber Al-Sabah", "2015-01-01", ("KWT", "GOV")),
    ("Lech Kaczynski", "2008-01-01", ("POL", "GOV")),  # ASCII form of Lech Kaczyński
])
def test_actors_registry_heads_in_office(reg, text, date, expected):
    assert pair(reg.resolve(text, date=date)) == expected


@pytest.mark.parametrize(("text", "date", "expected"), [
    ("Mwai Kibaki", "2020-01-01", ("KEN", "ELI")),
    ("Rafael Correa", "2026-03-01", ("ECU", "ELI")),
    ("Jacob Zuma", "2020-01-01", ("ZAF", "ELI")),  # between the presidency and leading the MK party
])
def test_actors_registry_heads_former_is_elite(reg, text, date, expected):
    assert pair(reg.resolve(text, date=date)) == expected


def test_actors_registry_heads_second_office_in_one_record(reg):
    # Xanana Gusmão: president 2002-07, prime minister 2007-15 and again from 2023
    for date in ("2004-01-01", "2010-01-01", "2024-01-01"):
        assert pair(reg.resolve("Xanana Gusmao", date=date)) == ("TLS", "GOV")
    assert pair(reg.resolve("Xanana Gusmao", date="2019-01-01")) == ("TLS", "ELI")


def test_actors_registry_heads_ids_unique_across_files():
    import glob
    from pathlib import Path

    import yaml

    data = Path(__file__).resolve().parents[1] / "dyad" / "ontology" / "data" / "actors"
    ids: dict[str, str] = {}
    for path in sorted(glob.glob(str(data / "*.yaml"))):
        for record in yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []:
            assert record["id"] not in ids, f"{record['id']} in {ids.get(record['id'])} and {path}"
            ids[record["id"]] = path


@pytest.mark.slow
def test_actors_registry_heads_stage_president_in_office(nlp):
    found = stage_actors(nlp, "President Jakaya Kikwete met Kenyan officials in Dar es Salaam on Monday.",
                    "2010-06-01")
    actor = next(a for text, a in found.items() if "Kikwete" in text)
    assert (actor.country, actor.sector) == ("TZA", "GOV")


@pytest.mark.slow
def test_actors_registry_heads_stage_former_president_not_government(nlp):
    found = stage_actors(nlp, "Jakaya Kikwete met Kenyan officials in Dar es Salaam on Monday.", "2026-06-01")
    actor = next(a for text, a in found.items() if "Kikwete" in text)
    assert actor.country == "TZA" and actor.sector != "GOV"


@pytest.mark.slow
def test_actors_registry_heads_stage_prime_minister(nlp):
    found = stage_actors(nlp, "Prime Minister Yingluck Shinawatra visited Tokyo to discuss flood aid.", "2012-04-10")
    actor = next(a for text, a in found.items() if "Yingluck" in text)
    assert (actor.country, actor.sector) == ("THA", "GOV")
