"""A memoised stand-in for the English model's ``attribute_ruler``: the same results, computed
once per distinct token form instead of once per token.

Measured on the Wikinews demo corpus, the stock ruler costs about an eighth of the model's
time: it runs a ~180-pattern Matcher over every token in Python. Almost every pattern tests
one token only, on attributes of that token (its lower-case form, tag, dependency), so what
those patterns do to a token is a function of those attributes: it is worked out by a Matcher
holding the stock ruler's own patterns the first time a combination is seen, and reused after.
Patterns over several tokens still go through a Matcher holding only them, and every token's
attributes are set by spaCy's own ``set_token_attrs``, in the stock ruler's rule order.

``memoise(nlp)`` swaps it in under the same name and place; a model whose ruler tests anything
else on a single token (extension attributes, operators) keeps the stock component. (The rule
lemmatizer was measured too: it already caches by word form, and a stand-in gained nothing.)
"""

from __future__ import annotations

from spacy.attrs import IDS, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# token attributes whose value alone decides a single-token pattern's predicates
_OWN_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "MORPH", "SHAPE",
                        "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE",
                        "LIKE_NUM", "LENGTH", "PREFIX", "SUFFIX"})
_CACHE_LIMIT = 500_000  # distinct keys kept before a long run's cache is dropped and rebuilt


def memoise(nlp: Language) -> None:
    """Replace the stock ``attribute_ruler`` by its memoised stand-in (same name, same place)
    when the model's ruler allows it."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        if isinstance(ruler, AttributeRuler) and memoisable(ruler):
            _swap(nlp, "attribute_ruler", "dyad_memo_attribute_ruler", ruler)


def _swap(nlp: Language, name: str, factory: str, stock) -> None:
    index = nlp.pipe_names.index(name)
    nlp.remove_pipe(name)
    following = nlp.pipe_names[index] if index < len(nlp.pipe_names) else None
    where = {"before": following} if following else {}
    nlp.add_pipe(factory, name=name, **where).wrap(stock)


def memoisable(ruler: AttributeRuler) -> bool:
    """Every single-token pattern tests only attributes of its token, without operators."""
    for rule in ruler.patterns:
        for pattern in rule["patterns"]:
            if len(pattern) == 1 and ("OP" in pattern[0] or not {a.upper() for a in pattern[0]} <= _OWN_ATTRS):
                return False
    return True


def _attr_id(name: str) -> int:
    name = name.upper()
    return ORTH if name == "TEXT" else IDS[name]  # the Matcher reads TEXT as ORTH


@Language.factory("dyad_memo_attribute_ruler")
def make_memo_attribute_ruler(nlp: Language, name: str) -> "MemoAttributeRuler":
    return MemoAttributeRuler(nlp, name)


class MemoAttributeRuler:
    """The stock ruler's effect on each token: the attributes the single-token rules that match
    it set (in rule order, later rules winning, as the stock ruler applies them), looked up by
    the token's tested attributes; the multi-token rules are matched as the stock ruler does."""

    def __init__(self, nlp: Language, name: str):
        self.nlp, self.name = nlp, name
        self.stock: AttributeRuler | None = None

    def wrap(self, stock: AttributeRuler) -> "MemoAttributeRuler":
        self.stock = stock
        self.single, self.multi = Matcher(stock.vocab), Matcher(stock.vocab)
        tested: set[int] = set()
        for k, rule in enumerate(stock.patterns):
            single = [p for p in rule["patterns"] if len(p) == 1 and "OP" not in p[0]]
            several = [p for p in rule["patterns"] if not (len(p) == 1 and "OP" not in p[0])]
            key = stock.vocab.strings.add(str(k))  # the stock ruler's own rule key
            if single:
                self.single.add(key, single)
                tested.update(_attr_id(a) for p in single for a in p[0])
            if several:
                self.multi.add(key, several)
        self.key_attrs = sorted(tested) or [ORTH]
        self.effects: dict[tuple, dict | None] = {}
        return self

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        extra = self._multi_rules(doc)
        keys = doc.to_array(self.key_attrs).reshape(len(doc), -1).tolist()  # one row per token (1-D for one attribute)
        effects = self.effects
        if len(effects) > _CACHE_LIMIT:
            effects.clear()
        for i, key in enumerate(map(tuple, keys)):
            effect = effects.get(key, False)
            if effect is False:
                effect = effects[key] = self._fold(self._single_rules(doc, i))
            if i in extra:
                effect = self._fold(self._single_rules(doc, i) + extra[i])
            if effect:
                set_token_attrs(doc[i], effect)
        return doc

    def _single_rules(self, doc: Doc, i: int) -> list[int]:
        strings = self.stock.vocab.strings
        return [int(strings[m]) for m, _, _ in self.single(doc[i:i + 1], allow_missing=True)]

    def _multi_rules(self, doc: Doc) -> dict[int, list[int]]:
        """Per token, the multi-token rules that set its attributes (the token at the rule's
        index within the match)."""
        if not len(self.multi):
            return {}
        out: dict[int, list[int]] = {}
        strings = self.stock.vocab.strings
        for m, start, end in self.multi(doc, allow_missing=True):
            rule = int(strings[m])
            token = doc[start:end][self.stock.indices[rule]]  # IndexError as a bad index would give
            out.setdefault(token.i, []).append(rule)
        return out

    def _fold(self, rules: list[int]) -> dict | None:
        """The attributes the rules leave on a token, applied in the stock ruler's order."""
        effect: dict = {}
        for rule in sorted(rules):
            effect.update(self.stock.attrs[rule])
        return effect or None

    # the pipeline is never saved by Dyad; these keep spaCy's API working through the stock ruler
    def to_bytes(self, **kwargs):
        return self.stock.to_bytes(**kwargs)

    def from_bytes(self, data, **kwargs):
        self.stock.from_bytes(data, **kwargs)
        return self.wrap(self.stock)

    def to_disk(self, path, **kwargs):
        return self.stock.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs):
        self.stock.from_disk(path, **kwargs)
        return self.wrap(self.stock)
