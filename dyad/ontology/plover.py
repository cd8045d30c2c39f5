"""PLOVER 2021 categories, modes, contexts, the CAMEO crosswalk and Dyad's event lexicon.

All of it is data under ``dyad/ontology/data/plover/``; this module only loads it (once,
``functools.lru_cache``) into frozen dataclasses and answers lookups:

* ``load_plover() -> Plover``: categories with quad class and score, modes, contexts, crosswalk;
* ``load_lexicon() -> Lexicon``: verb/noun/phrase triggers with their coding and role;
* ``load_modality_cues() -> ModalityCues``: words that negate or qualify an event.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import yaml

from dyad.errors import OntologyError

DATA_DIR = Path(__file__).parent / "data" / "plover"
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
ROLES = ("event", "light", "intent", "request", "threat", "negator", "refuse", "halt")


@dataclass(frozen=True)
class Mode:
    name: str
    content: str


@dataclass(frozen=True)
class Category:
    name: str
    quad: str
    score: float
    cameo_roots: tuple[str, ...]
    description: str
    modes: tuple[Mode, ...]

    @property
    def cooperative(self) -> bool:
        return self.quad.endswith("cooperation")

    @property
    def material(self) -> bool:
        return self.quad.startswith("material")


@dataclass(frozen=True)
class CrosswalkRow:
    cameo_code: str
    cameo_name: str
    category: str | None  # None: CAMEO code with no PLOVER event (01 statements)
    mode: str | None
    context: str | None
    preferred: bool  # the row to use when going PLOVER → CAMEO


@dataclass(frozen=True)
class FrameCode:
    """The CAMEO code of a frame event ("offered to mediate" → 039) by the code of what it governs."""

    frame: str  # "03", "02", "10", "12", "13" or "halt"
    inner: str  # prefix of the governed event's code; "" = any
    code: str


@dataclass(frozen=True)
class Plover:
    categories: tuple[Category, ...]
    contexts: Mapping[str, str]  # name → description
    crosswalk: tuple[CrosswalkRow, ...]
    frame_codes: tuple[FrameCode, ...] = ()

    def category(self, name: str) -> Category:
        for cat in self.categories:
            if cat.name == name.upper():
                return cat
        raise OntologyError(f"unknown PLOVER category {name!r}; expected one of {self.names}")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.categories)

    def quad(self, category: str) -> str:
        return self.category(category).quad

    def score(self, category: str) -> float:
        return self.category(category).score

    def modes(self, category: str) -> tuple[str, ...]:
        return tuple(m.name for m in self.category(category).modes)

    def cameo_code(self, category: str, mode: str | None = None, root: str | None = None) -> str:
        """The CAMEO code that best stands for a PLOVER category (and mode), optionally
        within one CAMEO root (REQUEST spans appeals "02" and demands "10")."""
        self.category(category)
        rows = [r for r in self.crosswalk if r.category == category.upper()]
        if root and any(r.cameo_code.startswith(root) for r in rows):
            rows = [r for r in rows if r.cameo_code.startswith(root)]
        if mode:
            with_mode = [r for r in rows if r.mode == mode]
            if with_mode:
                return with_mode[0].cameo_code
        preferred = [r for r in rows if r.preferred]
        return (preferred or rows)[0].cameo_code

    def cameo_root(self, category: str, mode: str | None = None) -> str:
        """Two-digit CAMEO root ("01".."20") for a PLOVER category (and mode)."""
        return self.cameo_code(category, mode)[:2]

    def frame_code(self, frame: str, inner: str | None) -> str | None:
        """The CAMEO code of a ``frame`` event governing an event coded ``inner``: the row
        with the longest matching prefix ("offered economic aid": 03 + 071 → 0331)."""
        best: FrameCode | None = None
        for row in self.frame_codes:
            if row.frame == frame and (inner or "").startswith(row.inner):
                if best is None or len(row.inner) > len(best.inner):
                    best = row
        return best.code if best is not None else None

    def in_category(self, code: str | None, category: str) -> bool:
        """Whether a CAMEO code lies in one of the category's roots (keeps cameo_root consistent)."""
        return bool(code) and code[:2] in self.category(category).cameo_roots

    def from_cameo(self, code: str) -> CrosswalkRow | None:
        """The crosswalk row for a CAMEO code, falling back to shorter prefixes."""
        code = code.strip()
        for length in range(len(code), 1, -1):
            for row in self.crosswalk:
                if row.cameo_code == code[:length]:
                    return row
        return None


@dataclass(frozen=True)
class LexEntry:
    """How one trigger word or phrase is coded."""

    category: str | None
    cameo: str | None
    mode: str | None = None
    context: tuple[str, ...] = ()
    role: str = "event"
    standalone: bool = True
    accepts: tuple[str, ...] = ()  # light verbs: the event-noun categories they hand over to (empty = any)
    overrides: tuple[str, ...] = ()  # light verbs: event-noun categories replaced by the verb's own


@dataclass(frozen=True)
class Phrase:
    tokens: tuple[str, ...]  # lemmas; "?" = one optional token of any kind
    entry: LexEntry

    @property
    def key(self) -> str:
        return " ".join(self.tokens)


@dataclass(frozen=True)
class Lexicon:
    verbs: Mapping[str, LexEntry]
    nouns: Mapping[str, LexEntry]
    phrases: tuple[Phrase, ...]
    context_words: Mapping[str, tuple[str, ...]]  # lemma → contexts
    document_nouns: frozenset[str]
    crowd_nouns: frozenset[str]
    igo_codes: frozenset[str] = frozenset({"IGO"})
    item_nouns: frozenset[str] = frozenset()  # things supplied (the event's item, never its recipient)
    partner_nouns: frozenset[str] = frozenset()  # "with X's help": X acts alongside the source
    agentive_participles: frozenset[str] = frozenset()  # "were engaged in": the passive subject acts
    relational_nouns: frozenset[str] = frozenset()  # "Israel's ally": a party other than its possessor
    occasion_nouns: frozenset[str] = frozenset()  # "at the opening of the summit": a time, not the act
    purpose_participles: frozenset[str] = frozenset()  # "a law designed to curb": what a thing is for
    force_nouns: frozenset[str] = frozenset()  # armed or police forces: what MOBILIZE moves
    force_sectors: frozenset[str] = frozenset()  # actor sectors that are such forces
    captive_nouns: frozenset[str] = frozenset()  # people held: guarding them is detention, not protection
    # contexts that report no act (dyad.nlp.event_contexts)
    norm_nouns: frozenset[str] = frozenset()  # "the law requires": a standing rule, not an act
    capability_nouns: frozenset[str] = frozenset()  # "an inability to fire": a capability, not an act
    exercise_verbs: frozenset[str] = frozenset()  # "used its power to veto": the capability was used
    instrument_nouns: frozenset[str] = frozenset()  # "rockets struck": a weapon or disaster, no actor
    comment_verbs: frozenset[str] = frozenset()  # "declined to comment": no political refusal
    communication_nouns: frozenset[str] = frozenset()  # "released a statement": a publication, no captive
    actor_theme_verbs: frozenset[str] = frozenset()  # "recognized", "visited": an actor or territory as theme
    status_nouns: frozenset[str] = frozenset()  # "recognized its independence": a political status
    occurrence_verbs: frozenset[str] = frozenset()  # "clashes broke out": the verb reports its subject
    attempt_nouns: frozenset[str] = frozenset()  # "efforts to secure a ceasefire": an aim, not an act
    aim_verbs: frozenset[str] = frozenset()  # "seeking to overthrow": trying, not requesting
    command_verbs: frozenset[str] = frozenset()  # "ordered a strike": the commander's own act
    judging_verbs: frozenset[str] = frozenset()  # "saw X as support": a view of X, no act reported
    theme_verbs: frozenset[str] = frozenset()  # "returned the territory": no act without what is acted on
    motion_verbs: frozenset[str] = frozenset()  # "returned to Geneva for talks": going to take part
    troop_nouns: frozenset[str] = frozenset()  # "removed the troops": halting them is a withdrawal
    verbal_attack_verbs: frozenset[str] = frozenset()  # "attacked the plan": criticism, not force
    catenative_verbs: frozenset[str] = frozenset()  # "helped negotiate": taking part in the act
    proposal_nouns: frozenset[str] = frozenset()  # "a resolution to expel troops": a proposed act
    desire_verbs: frozenset[str] = frozenset()  # "I want to thank": a verbal act performed by saying it
    social_nouns: frozenset[str] = frozenset()  # "had lunch with X": a meeting only with a partner
    naming_verbs: frozenset[str] = frozenset()  # "called the deal lousy": a judgement of what is named
    condemning_words: frozenset[str] = frozenset()  # "lousy", "a provocation": a condemning judgement
    envoy_nouns: frozenset[str] = frozenset()  # "its ambassador to Australia": posted to another state
    recipient_object_verbs: frozenset[str] = frozenset()  # "armed the rebels": the object is supplied
    aerial_weapons: frozenset[str] = frozenset()  # "warplanes pounded": a heavy weapon from the air (CAMEO 195)
    riot_words: frozenset[str] = frozenset()  # "protesters hurled stones": a demonstration turned riot
    calm_words: frozenset[str] = frozenset()  # "a peaceful rally": no riot whatever else is named
    dismissal_verbs: frozenset[str] = frozenset()  # "fired 200 workers": let go, not shot at
    consequence_nouns: frozenset[str] = frozenset()  # "warned of consequences": what the warner would do
    release_objects: frozenset[str] = frozenset()  # "released frozen funds", "the tanker": freed, not published
    launch_verbs: frozenset[str] = frozenset()  # "fired rockets at X": the object is what flies, not the victim
    projectile_nouns: frozenset[str] = frozenset()  # what such a verb sends flying (missiles, drones, shells)
    drill_nouns: frozenset[str] = frozenset()  # military exercises: cooperation with a partner, else a show of force
    joint_words: frozenset[str] = frozenset()  # "joint drills": held with a partner
    sport_words: frozenset[str] = frozenset()  # "beat Wales 2-0 in the qualifier": play, not force
    level_nouns: frozenset[str] = frozenset()  # "hit a record low": a level reached, no victim
    weapons_test_words: frozenset[str] = frozenset()  # "fired a missile into the sea": a test, no attack
    departure_verbs: frozenset[str] = frozenset()  # "troops left Afghanistan", "Mali quit the alliance"
    body_nouns: frozenset[str] = frozenset()  # "quit the alliance": a body a party leaves
    blacklist_words: frozenset[str] = frozenset()  # "added to the entity list": a list of the sanctioned
    hazard_nouns: frozenset[str] = frozenset()  # "floods ..., forcing families to flee": done by no one
    shared_attributes: frozenset[str] = frozenset()  # "shares a border with Russia": nothing exchanged
    container_nouns: frozenset[str] = frozenset()  # "a package of sanctions": the inner noun is the event
    accusation_nouns: frozenset[str] = frozenset()  # "denied the charge": an accusation rejected
    market_nouns: frozenset[str] = frozenset()  # "stocks staged a counter-attack": no one acts
    crash_verbs: frozenset[str] = frozenset()  # "a jet collided with a helicopter, killing 67": an accident
    crash_vehicles: frozenset[str] = frozenset()  # what crashes or collides without anyone acting
    act_reference_nouns: frozenset[str] = frozenset()  # "a move Israel condemned": an act told earlier
    response_verbs: frozenset[str] = frozenset()  # "vowed to retaliate": a response promised is a threat
    role_nouns: frozenset[str] = frozenset()  # "denied any role in the killing": a part in an act
    disowning_verbs: frozenset[str] = frozenset()  # "denied/rejected any role in": the act disowned
    preventing_verbs: frozenset[str] = frozenset()  # "barred firms from buying chips": the buying is not done
    drawing_verbs: frozenset[str] = frozenset()  # "drew condemnation from the UN": a reaction drawn from a party
    organising_participles: frozenset[str] = frozenset()  # "a strike called by the unions": who held it
    rioting_crowds: frozenset[str] = frozenset()  # "protesters stormed parliament": a riot, not an assault
    riot_verbs: frozenset[str] = frozenset()
    protest_burnings: frozenset[str] = frozenset()  # "burned headscarves": a protest
    multitude_nouns: frozenset[str] = frozenset()  # "tens of thousands marched": people
    annulling_verbs: frozenset[str] = frozenset()  # "the court overturned the decision": a ruling against it
    home_places: frozenset[str] = frozenset()  # "deployed police around parliament": at home
    figurative_conflicts: frozenset[str] = frozenset()  # "trade war": no attack
    hosted_things: frozenset[str] = frozenset()  # "a base hosting troops": no meeting
    vetoable_texts: frozenset[str] = frozenset()  # "Hungary blocked the aid package": a veto (REJECT)
    membership_nouns: frozenset[str] = frozenset()  # "ratified Sweden's accession": support for Sweden
    licensing_verbs: frozenset[str] = frozenset()  # "approved an arms sale to Taiwan": the sale
    access_nouns: frozenset[str] = frozenset()  # "allowed UN inspectors in": access granted
    handover_verbs: frozenset[str] = frozenset()  # "supplied the drones": handed to someone, not deployed
    mission_nouns: frozenset[str] = frozenset()  # "outside the Chinese embassy": a state's outpost abroad
    # ASSAULT modes told by the weapon or the victim ("a car bomb", "machetes", "killed the deputy
    # chief"): (mode, its words), strongest first (dyad.nlp.event_modes)
    assault_modes: tuple[tuple[str, frozenset[str]], ...] = ()

    @cached_property
    def agent_like_nouns(self) -> frozenset[str]:
        """Nouns for what can be said to act though it is no person: documents, crowds, supplied items,
        forces, captives, norms, weapons, publications, troops, proposals, envoys ("the law bans")."""
        return (self.document_nouns | self.crowd_nouns | self.item_nouns | self.force_nouns | self.captive_nouns
                | self.norm_nouns | self.instrument_nouns | self.communication_nouns | self.troop_nouns
                | self.proposal_nouns | self.envoy_nouns)

    @property
    def accuse_verbs(self) -> frozenset[str]:
        """Verbs whose "for"/"of" complement is an act of the accused ("blamed Iran for the attacks")."""
        return frozenset(v for v, e in self.verbs.items() if e.category == "ACCUSE" and e.mode == "disapprove")

    def is_item(self, lemma: str) -> bool:
        entry = self.nouns.get(lemma)
        return lemma in self.item_nouns or (entry is not None and entry.category == "AID" and not entry.standalone)

    def plover_country(self, country: str | None) -> str | None:
        """PLOVER's actor code for a registry country: organisations all become "IGO"."""
        return "IGO" if country in self.igo_codes else country

    def phrase(self, key: str) -> Phrase:
        for phrase in self.phrases:
            if phrase.key == key:
                return phrase
        raise OntologyError(f"no lexicon phrase {key!r}")


@dataclass(frozen=True)
class ModalityCues:
    negation_words: frozenset[str]
    negating_nouns: frozenset[str]
    negating_quantifiers: frozenset[str]
    reporting_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    rejecting_verbs: frozenset[str]
    denial_nouns: frozenset[str]
    denial_adjectives: frozenset[str]
    content_nouns: frozenset[str]
    no_evidence_nouns: frozenset[str]
    hypothetical_adjectives: frozenset[str]
    hypothetical_frames: frozenset[str]
    hypothetical_markers: frozenset[str]
    future_markers: frozenset[str]
    future_frames: frozenset[str]
    feeling_nouns: frozenset[str]  # "fears of war": a war only feared; "easing fears": nothing eased


# --------------------------------------------------------------------------- loading


def _read_yaml(name: str) -> dict:
    path = DATA_DIR / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise OntologyError(f"cannot read PLOVER data file: {exc}", subject=str(path)) from None
    if not isinstance(data, dict):
        raise OntologyError("expected a mapping at the top level", subject=str(path))
    return data


def _category(raw: dict) -> Category:
    try:
        quad = raw["quad"]
        if quad not in QUADS:
            raise OntologyError(f"quad {quad!r} is not one of {QUADS}", subject=raw["name"])
        modes = tuple(Mode(str(k), str(v)) for k, v in (raw.get("modes") or {}).items())
        return Category(raw["name"], quad, float(raw["score"]), tuple(raw["cameo_roots"]),
                        raw.get("description", ""), modes)
    except KeyError as exc:
        raise OntologyError(f"category entry lacks field {exc}", subject="categories.yaml") from None


def _crosswalk(path: Path, names: set[str]) -> tuple[CrosswalkRow, ...]:
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for line in csv.DictReader(fh):
            category = line["category"] or None
            if category and category not in names:
                raise OntologyError(f"unknown category {category!r} for CAMEO {line['cameo_code']}", subject=str(path))
            rows.append(CrosswalkRow(line["cameo_code"], line["cameo_name"], category, line["mode"] or None,
                                     line["context"] or None, line["preferred"] == "yes"))
    return tuple(rows)


def _frame_codes(path: Path, known: set[str]) -> tuple[FrameCode, ...]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    rows = []
    for line in csv.DictReader(lines):
        if line["code"] not in known:
            raise OntologyError(f"frame code {line['code']} is not in the CAMEO crosswalk", subject=str(path))
        rows.append(FrameCode(line["frame"], line["inner"] or "", line["code"]))
    return tuple(rows)


@lru_cache(maxsize=1)
def load_plover() -> Plover:
    data = _read_yaml("categories.yaml")
    categories = tuple(_category(raw) for raw in data["categories"])
    contexts = MappingProxyType({str(k): str(v) for k, v in data["contexts"].items()})
    crosswalk = _crosswalk(DATA_DIR / "cameo_crosswalk.csv", {c.name for c in categories})
    frames = _frame_codes(DATA_DIR / "cameo_frames.csv", {r.cameo_code for r in crosswalk})
    return Plover(categories, contexts, crosswalk, frames)


def _entry(raw: dict, names: tuple[str, ...], contexts: Mapping[str, str], where: str) -> LexEntry:
    category = raw.get("category")
    if category is not None and category not in names:
        raise OntologyError(f"unknown category {category!r}", subject=where)
    role = raw.get("role", "event")
    if role not in ROLES:
        raise OntologyError(f"unknown role {role!r}; expected one of {ROLES}", subject=where)
    context = tuple(raw.get("context") or ())
    unknown = [c for c in context if c not in contexts]
    if unknown:
        raise OntologyError(f"unknown contexts {unknown}", subject=where)
    accepts, overrides = tuple(raw.get("accepts") or ()), tuple(raw.get("overrides") or ())
    if any(a not in names for a in accepts + overrides):
        raise OntologyError(f"unknown categories in accepts/overrides {accepts + overrides}", subject=where)
    return LexEntry(category, raw.get("cameo"), raw.get("mode"), context, role,
                    bool(raw.get("standalone", role != "light")), accepts, overrides)


def _groups(groups: list[dict], plover: Plover, kind: str) -> tuple[dict[str, LexEntry], list[Phrase]]:
    """Lemma groups → single-word entries; lemmas with "_" become phrases."""
    words: dict[str, LexEntry] = {}
    phrases: list[Phrase] = []
    for raw in groups:
        entry = _entry(raw, plover.names, plover.contexts, f"lexicon.yaml {kind} {raw.get('lemmas', [])[:1]}")
        if kind == "nouns" and "standalone" not in raw:
            entry = replace(entry, standalone=False)
        for lemma in _words(raw["lemmas"], f"lexicon.yaml {kind}"):
            if "_" in lemma:
                phrases.append(Phrase(tuple(lemma.split("_")), entry))
            else:
                words.setdefault(lemma, entry)  # first group wins: order in the file is priority
    return words, phrases


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    plover = load_plover()
    data = _read_yaml("lexicon.yaml")
    verbs, verb_phrases = _groups(data["verbs"], plover, "verbs")
    nouns, noun_phrases = _groups(data["nouns"], plover, "nouns")
    phrases = [Phrase(tuple(p["text"].split()), _entry(p, plover.names, plover.contexts, f"phrase {p['text']!r}"))
               for p in data["phrases"]]
    context_words: dict[str, tuple[str, ...]] = {}
    for context, lemmas in data["context_words"].items():
        if context not in plover.contexts:
            raise OntologyError(f"unknown context {context!r} in context_words", subject="lexicon.yaml")
        for lemma in lemmas:
            context_words[lemma] = context_words.get(lemma, ()) + (context,)
    return Lexicon(MappingProxyType(verbs), MappingProxyType(nouns), tuple(phrases + verb_phrases + noun_phrases),
                   MappingProxyType(context_words), frozenset(data["document_nouns"]), frozenset(data["crowd_nouns"]),
                   frozenset(_words(data.get("igo_codes", ["IGO"]), "lexicon.yaml igo_codes")),
                   *(frozenset(_words(data.get(key, []), f"lexicon.yaml {key}"))
                     for key in ("item_nouns", "partner_nouns", "agentive_participles", "relational_nouns",
                                 "occasion_nouns", "purpose_participles", "force_nouns", "force_sectors",
                                 "captive_nouns", "norm_nouns", "capability_nouns", "exercise_verbs",
                                 "instrument_nouns", "comment_verbs", "communication_nouns", "actor_theme_verbs",
                                 "status_nouns", "occurrence_verbs", "attempt_nouns",
                                 "aim_verbs", "command_verbs", "judging_verbs", "theme_verbs", "motion_verbs", "troop_nouns",
                                 "verbal_attack_verbs", "catenative_verbs", "proposal_nouns",
                                 "desire_verbs", "social_nouns", "naming_verbs", "condemning_words", "envoy_nouns",
                                 "recipient_object_verbs", "aerial_weapons", "riot_words", "calm_words",
                                 "dismissal_verbs", "consequence_nouns", "release_objects", "launch_verbs",
                                 "projectile_nouns", "drill_nouns", "joint_words", "sport_words", "level_nouns",
                                 "weapons_test_words", "departure_verbs", "body_nouns", "blacklist_words", "hazard_nouns", "shared_attributes", "container_nouns", "accusation_nouns", "market_nouns",
                                 "crash_verbs", "crash_vehicles", "act_reference_nouns",
                                 "response_verbs", "role_nouns", "disowning_verbs",
                                 "preventing_verbs", "drawing_verbs", "organising_participles",
                                 "rioting_crowds", "riot_verbs", "protest_burnings", "multitude_nouns",
                                 "annulling_verbs", "home_places",
                                 "figurative_conflicts", "hosted_things", "vetoable_texts",
                                 "membership_nouns", "licensing_verbs", "access_nouns", "handover_verbs",
                                 "mission_nouns")),
                   assault_modes=_assault_modes(data.get("assault_modes", {}), plover))


def _assault_modes(raw: dict, plover: Plover) -> tuple[tuple[str, frozenset[str]], ...]:
    known = {m.name for m in plover.category("ASSAULT").modes}
    unknown = [m for m in raw if m not in known]
    if unknown:
        raise OntologyError(f"unknown ASSAULT modes {unknown} in assault_modes", subject="lexicon.yaml")
    return tuple((mode, frozenset(_words(words, f"lexicon.yaml assault_modes {mode}"))) for mode, words in raw.items())


def _words(words: list, where: str) -> list[str]:
    """YAML reads bare no/yes/false as booleans: insist on strings so a cue is never lost."""
    bad = [w for w in words if not isinstance(w, str)]
    if bad:
        raise OntologyError(f"non-string words {bad}; quote them", subject=where)
    return words


@lru_cache(maxsize=1)
def load_modality_cues() -> ModalityCues:
    data = _read_yaml("modality.yaml")
    try:
        return ModalityCues(**{name: frozenset(_words(words, f"modality.yaml {name}")) for name, words in data.items()})
    except TypeError as exc:
        raise OntologyError(f"unexpected or missing field: {exc}", subject="modality.yaml") from None
