"""The PolNeAR scorer groups a speaker's quotes by cue offsets: one cue split around its quotation
is one attribution, two cues with the same text are two (the cue text serves without offsets)."""

from __future__ import annotations

from dyad.eval.polnear_attribution import predicted_attributions
from dyad.models import ActorRef, Quote

TEXT = "The minister said the talks had failed and said the army would stay on the border."


def at(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def quote(content: str, cue_at: tuple[int, int] | None) -> Quote:
    s, e = at(content)
    ss, se = at("The minister")
    return Quote(sentence=0, start=s, end=e, text=TEXT[s:e], kind="indirect",
                 speaker=ActorRef(id=None, name="The minister", text="The minister"), speaker_start=ss,
                 speaker_end=se, cue="said", cue_start=cue_at[0] if cue_at else None,
                 cue_end=cue_at[1] if cue_at else None)


FIRST, SECOND = (13, 17), (43, 47)


def test_eval_polnear_two_cues_with_the_same_text_are_two_attributions():
    assert TEXT[slice(*FIRST)] == TEXT[slice(*SECOND)] == "said"
    preds = predicted_attributions([quote("the talks had failed", FIRST), quote("the army would stay", SECOND)])
    assert len(preds) == 2 and all(len(p.content) == 1 for p in preds)


def test_eval_polnear_one_cue_offset_is_one_attribution():
    preds = predicted_attributions([quote("the talks had failed", FIRST), quote("the army would stay", FIRST)])
    assert len(preds) == 1 and len(preds[0].content) == 2


def test_eval_polnear_without_offsets_the_cue_text_groups():
    preds = predicted_attributions([quote("the talks had failed", None), quote("the army would stay", None)])
    assert len(preds) == 1 and len(preds[0].content) == 2
