"""Who says so: the speaker whose reported words contain a point of the text.

``dyad_quotes`` finds attributions in PolNeAR's broad sense: besides words said, written or
believed ("said that ...", "according to X", a direct quote), also stances and acts towards an
object ("condemned the strikes", "refused to send arms", "expressed concern"). An event or a
relation statement inside such an object is the writer's own account of what the speaker did,
not the speaker's claim — "US forces attacked Iran's nuclear sites" is not reported by the US.
So only attributions that report words or beliefs make an event or a tie ``attributed_to`` (and
``reported``): a direct quote, a cue of saying, believing or finding ("said", "believes", "the
report shows"), or a source preposition or an utterance noun ("according to", "in a statement").

``reporting_speaker(doc, char)`` is shared by ``dyad_events`` and ``dyad_relations``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from dyad.models import Quote
from dyad.ontology.cues import load_cues


@lru_cache(maxsize=1)
def _reporting_words() -> frozenset[str]:
    cues = load_cues()
    sources = {word for word, _ in cues.source_prepositions}
    # utterance nouns ("a statement", "his report"), not every noun cue: "the attack on X",
    # "the agreement with Y" carry content but report nobody's words
    return cues.speech_verbs | cues.belief_verbs | cues.evidence_verbs | cues.utterance_nouns | frozenset(sources)


def reports_words(doc: Doc, quote: Quote) -> bool:
    """Whether the attribution reports what its speaker said or holds (not an act towards an object)."""
    if quote.kind == "direct":
        return True
    if quote.cue_start is None or quote.cue_end is None:
        return True  # stored before cue offsets were kept: trust the quote finder
    cue = doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
    if cue is None or not len(cue):
        return True
    return any(t.lemma_.lower() in _reporting_words() or t.lower_ in _reporting_words() for t in cue)


def reporting_speaker(doc: Doc, char: int) -> str | None:
    """The speaker of the innermost reporting attribution whose content contains ``char``."""
    found = [q for q in doc._.quotes or () if q.speaker is not None and q.start <= char < q.end]
    for quote in sorted(found, key=lambda q: q.end - q.start):
        if reports_words(doc, quote):
            return quote.speaker.name
    return None
