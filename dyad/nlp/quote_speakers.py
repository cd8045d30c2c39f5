"""``dyad_quote_speakers``: first-person words inside a direct quote stand for its speaker.

In ``Bruno Parrilla responded: "I strongly reject the new measure [...] We shall overcome!"``
"I" is Parrilla and "we" is the government he speaks for. Coreference looks back for a
third-person antecedent and leaves "I"/"we" alone; once the quotes stage knows the speaker,
this stage adds those words as mentions of the speaker ("I", "me", "my") or of the body the
speaker speaks for ("we", "us", "our": the speaker's country and sector when the registry knows
them, else the speaker), so the events stage reads "I strongly reject" as the speaker's REJECT.
Indirect quotes are left alone: "he said he would" is coreference's work.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Span

from dyad.models import ActorRef, Quote
from dyad.nlp.types import MentionSpan, register_extensions, token_starts

register_extensions()

SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})


def speaks_for(speaker: ActorRef, registry_name=lambda actor_id: None) -> ActorRef:
    """The body behind "we": a person's country and sector when both are known (a minister's
    government), else the speaker as named."""
    person = speaker.id is None or speaker.id.startswith("person:")  # unresolved speakers are people too
    if speaker.country and speaker.sector and person:
        body = f"{speaker.country}.{speaker.sector}"
        return ActorRef(id=body, name=registry_name(body) or f"{speaker.country} ({speaker.sector})",
                        country=speaker.country, sector=speaker.sector)
    return ActorRef(id=speaker.id, name=speaker.name, country=speaker.country, sector=speaker.sector)


def first_person(doc: Doc, quote: Quote) -> list[tuple[int, str]]:
    """(token index, "singular"|"plural") of the first-person pronouns inside the quote's span."""
    starts = token_starts(doc)
    out = []
    for i in range(bisect_left(starts, quote.start), len(doc)):
        token = doc[i]
        if token.idx >= quote.end:
            break
        word = token.lower_
        if word in SINGULAR and (word != "i" or token.text == "I") and token.pos_ in ("PRON", "DET"):
            out.append((i, "singular"))
        elif word in PLURAL and token.pos_ in ("PRON", "DET") and not (word == "us" and token.text == "US"):
            out.append((i, "plural"))
    return out


class QuoteSpeakers:
    def __init__(self, nlp: Language, name: str, registry_paths: list[str] | None = None):
        self.name = name
        self.registry_paths = tuple(registry_paths or ())

    def _registry_name(self, actor_id: str) -> str | None:
        from dyad.ontology.actors import load_registry

        actor = load_registry(self.registry_paths).get(actor_id)
        return actor.name if actor is not None else None

    def __call__(self, doc: Doc) -> Doc:
        mentions = list(doc._.mentions or [])
        taken = {m.span.start for m in mentions}
        for quote in doc._.quotes or []:
            if quote.kind != "direct" or quote.speaker is None:
                continue
            for i, number in first_person(doc, quote):
                if i in taken:
                    continue
                actor = quote.speaker if number == "singular" else speaks_for(quote.speaker, self._registry_name)
                ref = ActorRef(id=actor.id, name=actor.name, country=actor.country, sector=actor.sector,
                               text=doc[i].text)
                mentions.append(MentionSpan(Span(doc, i, i + 1, label="PRONOUN"), ref, "quote_speaker"))
                taken.add(i)
        doc._.mentions = sorted(mentions, key=lambda m: (m.span.start, m.span.end))
        return doc


@Language.factory("dyad_quote_speakers", assigns=["doc._.mentions"], requires=["doc._.mentions", "doc._.quotes"],
                  default_config={"registry_paths": []})
def make_quote_speakers(nlp: Language, name: str, registry_paths: list[str]) -> QuoteSpeakers:
    return QuoteSpeakers(nlp, name, registry_paths)
