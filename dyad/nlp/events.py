"""``dyad_events``: PLOVER event coding from the dependency parse, with negation and modality.

For each sentence:

1. *Triggers* (``dyad.nlp.event_triggers``): lexicon phrases and single verbs/nouns
   whose lemma is in the lexicon (``dyad/ontology/data/plover/lexicon.yaml``).
2. *Frames* combine with the event they govern: "offered to mediate" → AGREE, "threatened
   to bomb" → THREATEN, "stopped short of providing aid" → AID negated, "refused to meet"
   → REJECT plus CONSULT negated, "suspended aid" → SANCTION. Light verbs ("provide",
   "impose", "hold") hand over to the event noun they govern ("assistance", "sanctions").
3. *Actors* come from ``doc._.mentions`` reached through the parse (``dyad.nlp.event_actors``):
   subjects (climbing xcomp/conj/acl and reported speech), passive agents, objects and
   prepositional objects, conjunctions and appositions, then PLOVER's defaults for a missing
   target (the place of the act, the source's own state for domestic acts).
4. *Negation and modality* (``dyad.nlp.modality``), date (``doc._.timexes``), location,
   the supplied item and the quoted speaker (``doc._.quotes``) complete the record.
5. *PLOVER conventions*: a future cooperative act is AGREE and a future material conflict is
   THREATEN; "X will do Y unless ..." is a THREATEN; "X said Y must ..." is X's REQUEST of Y.
6. *Only reported acts* (precision): an event noun in a prepositional adjunct with no agent of
   its own ("after the attack", "blamed X for the violence"), a word in an actor's title ("the
   trade commissioner"), a participle modifier ("an Iranian-backed militia"), a naming verb
   ("called the strikes defensive"), a passive with no agent ("the man was shot"), the act a
   reaction is about ("condemned X's threats to strike"), and an act named only by a noun that no
   light verb or frame governs ("its invasion of Iraq"; ``event_contexts.nominal_mention``) are not
   events of their own (``dyad.nlp.event_nonacts``, ``dyad.nlp.event_contexts``).
7. *CAMEO code* (``Event.cameo_code``): the cue's code from the lexicon ("visit" → 042); a
   frame's code from what it governs (``cameo_frames.csv``: "offered to mediate" → 039,
   "suspended military aid" → 1622); ``cameo_root`` is always its first two digits.
8. *Confidence* (``dyad.nlp.event_confidence``): a fitted estimate of the chance that a careful
   coder codes the same event.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace

from spacy.attrs import LEMMA, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyad.models import ActorRef, Event
from dyad.nlp import event_agents as agents
from dyad.nlp import event_confidence
from dyad.nlp import event_contexts
from dyad.nlp import event_fields as fields
from dyad.nlp import event_light as light
from dyad.nlp import event_nonacts as nonacts
from dyad.nlp import event_senses as senses
from dyad.nlp import event_triggers
from dyad.nlp import modality as mod
from dyad.nlp.attribution import reporting_speaker
from dyad.nlp.event_actors import (
    actors_of, authorities_where, between_parties, beyond_border, deployed_at_home, locate_groups, mention_index,
    mutual_act, nearby_target, owner_of_object, own_state, place_target, placed_protesters, sources_of, subject_of,
    targets_of, unattributed_attack, without_moved_forces)
from dyad.nlp.event_fallbacks import (
    addressee_of, condition_targets, earlier_doer, expelled_state, intruder, mediation, obligation_speaker, purpose_targets,
    referred_act_doer, responded_to, sentence_partner)
from dyad.nlp.event_modes import actor_contexts, refine_mode
from dyad.nlp.event_sides import settle_countries, side_key
from dyad.nlp.types import register_extensions
from dyad.ontology.actor_data import state_organs
from dyad.ontology.actors import load_registry
from dyad.ontology.plover import LexEntry, load_lexicon, load_modality_cues, load_plover

register_extensions()

# entity types that are names of organisations, works, laws and events: their words do nothing
_NAME_TYPES = frozenset({"ORG", "WORK_OF_ART", "LAW", "EVENT"})
_FRAME_ROLES = {"intent", "request", "threat", "negator", "refuse", "halt"}
_CIRCUMSTANCE_PREPS = frozenset({"as", "during", "after", "before", "following", "amid", "since", "despite"})
# what a frame governs; adverbial clauses and coordinated clauses are other events ("after X was hit")
_EMBED_DEPS = {"xcomp", "ccomp", "pcomp", "pobj", "dobj", "prep", "acomp", "attr", "oprd"}
_REACTIONS = {"ACCUSE", "SUPPORT", "REJECT", "PROTEST"}  # verbal reactions to another's act
_NEEDS_RECIPIENT = {"AID", "COOPERATE"}  # PLOVER: "Requires recipient: Yes"
_PLACED = {"ASSAULT", "COERCE", "PROTEST", "CONCEDE", "MOBILIZE"}  # acts on a territory or population
_DOMESTIC = {"COERCE", "PROTEST", "CONCEDE"}  # by default aimed at the source's own state
_FIGHTING = {"ASSAULT", "COERCE"}  # acts one can fund ("financed X's war"); not "extended its sanctions"
_MEETINGS = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT"}  # parties who meet "in" a place meet there, not with it
_MOBILIZE_MODES = {"COP": "police", "MIL": "troops", "SPY": "police"}
_FRAME_KEYS = {"AGREE": "03", "REJECT": "12", "THREATEN": "13"}  # rows of cameo_frames.csv
_AID_KINDS = ("economic", "military", "humanitarian")  # PLOVER AID modes, named like these contexts


@dataclass
class Draft:
    """An event under construction (mutable inside the component, frozen on output)."""

    category: str
    entry: LexEntry
    content: Token  # the word that names what happened
    frame: Token | None = None  # the governing frame word, if any
    trigger: str = ""
    negated: bool = False
    extra_chain: list[Token] = field(default_factory=list)
    source_from: Token | None = None  # whose subject is the source
    target_from: list[Token] = field(default_factory=list)  # extra tokens whose objects are targets
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    verbal: bool = True  # found at a verb (nouns are less certain)
    inner: str | None = None  # category of the event a frame governs ("threatened to impose martial law")
    recipient: Token | None = None  # "financed Russia's war": the fighter aided, whatever the war's target
    reactor: Token | None = None  # "drew condemnation from the UN": the UN reacts to the drawer
    maker: Token | None = None  # "rejected Trump's demand": the demand's maker (its possessor) is the source


class EventCoder:
    """Assigns ``doc._.events`` (list[dyad.models.Event]) in sentence order."""

    def __init__(self, nlp: Language, name: str = "dyad_events"):
        self.name = name
        self.plover = load_plover()
        self.lexicon = load_lexicon()
        self.cues = load_modality_cues()
        self._index: dict = {}
        self._named_at: dict[int, tuple[str, ...]] = {}  # token index → contexts its word names

    def __call__(self, doc: Doc) -> Doc:
        index = mention_index(doc._.mentions or [])
        self._index = index  # read by the background-noun test while drafting
        arrays = doc.to_array([LEMMA, LOWER, TAG]) if len(doc) else None
        phrase_hits = event_triggers.phrase_hits(doc, arrays[:, 0] if arrays is not None else None)
        cands = event_triggers.candidates(doc, phrase_hits, arrays)
        self._named_at = event_triggers.context_tokens(doc, arrays[:, 0] if arrays is not None else None)
        # words inside a matched phrase belong to it ("came to Iran's aid" is one trigger)
        inside = {i for a, (_, span) in phrase_hits.items() for i in range(span.start, span.end) if i != a}
        # a verb inside a name ("the Committee to Protect Journalists", "Save the Children") is no act
        inside.update(i for i in cands if doc[i].ent_type_ in _NAME_TYPES and doc[i].pos_ in ("VERB", "AUX", "ADJ"))
        events: list[Event] = []
        restated: set[int] = set()  # events told by a participle or a naming clause of another act
        for sent_i, sent in enumerate(doc.sents):
            lo, hi = bisect_left(cands, sent.start), bisect_left(cands, sent.end)
            if lo == hi:
                continue  # no word of the sentence can name an event
            for draft in self._drafts(sent, phrase_hits, cands[lo:hi], inside):
                done = self._finish(doc, sent, sent_i, draft, index)
                if _restates(draft):
                    restated.update(id(e) for e in done)
                events.extend(done)
        doc._.events = fields.dedupe(events, restated)
        return doc

    # ------------------------------------------------------------------ triggers

    def _trigger_at(self, token: Token, phrase_hits) -> tuple[LexEntry, str] | None:
        if token.i in phrase_hits:
            entry, span = phrase_hits[token.i]
            return entry, span.text
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and token.dep_ in ("acomp", "amod", "ROOT")):
            entry = self._verb_entry(token, lemma)
            if lemma == "let" and not senses.grants_access(token, self.lexicon):
                return None  # "urged them to let Kyiv strike": the act let is the one coded
            if entry is not None and (token.pos_ != "ADJ" or entry.role == "intent"):
                return entry, token.text
        if token.pos_ in ("NOUN", "PROPN") and (not token.ent_type_ or senses.named_text(token, self.lexicon)) \
                and not senses.charge_d_affaires(token):  # an envoy, not a charge
            entry = self.lexicon.nouns.get(lemma)
            if entry is None and _named(token):  # a name's plural keeps its form: "Accords"
                entry = self.lexicon.nouns.get(lemma[:-1])
            if entry is not None:
                return entry, token.text
        return None

    def _verb_entry(self, token: Token, lemma: str) -> LexEntry | None:
        """The lexicon entry of a verb; the small model sometimes mis-lemmatises regular
        past forms ("staged" → "stag"), so the -d/-ed stripped forms are tried too."""
        entry = self.lexicon.verbs.get(lemma)
        if entry is None and token.tag_ in ("VBD", "VBN"):
            lower = token.lower_
            for cand in (lower[:-1], lower[:-2]) if lower.endswith("ed") else ():
                entry = self.lexicon.verbs.get(cand)
                if entry is not None:
                    break
        return entry

    def _drafts(self, sent: Span, phrase_hits, cands: list[int], inside: set[int]) -> list[Draft]:
        """Drafts of the sentence's events; ``cands``: its tokens that can be triggers."""
        doc = sent.doc
        triggers = {}
        for i in cands:
            if i in inside:
                continue
            hit = self._trigger_at(doc[i], phrase_hits)
            if hit is not None:
                triggers[i] = hit
        consumed: set[int] = set()
        drafts: list[Draft] = []
        # frames first, outermost first, so that "refused to stop short of" reads top-down
        frames = [i for i, (e, _) in triggers.items() if e.role in _FRAME_ROLES]
        for i in sorted(frames, key=lambda i: _depth(sent.doc[i])):
            if i in consumed:
                continue
            drafts.extend(self._frame_drafts(sent.doc[i], triggers, consumed))
        for i, (entry, text) in sorted(triggers.items()):
            if i in consumed or entry.role in _FRAME_ROLES:
                continue
            draft = self._content_draft(sent.doc[i], entry, text, triggers, consumed)
            if draft is not None:
                drafts.append(draft)
        return drafts

    # ------------------------------------------------------------------ content and frames

    def _content_draft(self, token: Token, entry: LexEntry, text: str, triggers, consumed,
                       governed: bool = False) -> Draft | None:
        """The event named at ``token``; ``governed``: under a frame, so a supply noun counts
        ("suspended food supplies") as it would under a light verb."""
        consumed.add(token.i)
        if senses.condemns_by_name(token, self.lexicon):
            entry = self.lexicon.verbs["criticize"]  # "called the deal lousy": criticism by naming
        if nonacts.not_an_act(token, entry, self.lexicon, self._index, governed):
            return None
        if entry.category == "CONCEDE" and senses.ends_agreement(token, self.lexicon):
            entry = self.lexicon.verbs["terminate"]  # "scrapped its defence accords with France"
        if entry.category == "CONCEDE" and senses.grants_access(token, self.lexicon):
            entry = self.lexicon.verbs["admit"]  # "allowed aid trucks into Gaza": access (RETREAT 086)
        if entry.role == "light" and senses.joins_body(token, self.lexicon, self._index):
            entry = self.lexicon.verbs["accede"]  # "Finland joined NATO": a commitment to the body
        if entry.role == "light" and light.carries_relief(token, triggers):
            entry = self.lexicon.verbs["airlift"]  # "flew food and medicine into Kabul": relief delivered
        parties = senses.received_from(token, self.lexicon) if entry.category in (None, "RETREAT") else None
        if parties is not None:  # "Ethiopia received armed drones from Turkey": Turkey's aid to Ethiopia
            aid = self.lexicon.verbs["deliver"]
            return Draft(aid.category, aid, token, trigger=text, mode=aid.mode, context=aid.context, cameo=aid.cameo,
                         maker=parties[0], recipient=parties[1])
        if entry.role == "light" and token.pos_ == "VERB" and senses.orders_envoy_out(token, self.lexicon):
            entry = self.lexicon.verbs["expel"]  # "gave France's ambassador 48 hours to leave": no gift
        handed = senses.handed_over(token, self.lexicon) if entry.mode == "return" else None
        if handed is not None:  # "handed over two patrol boats to Libya", "... their weapons", "... suspects"
            entry = self.lexicon.verbs[handed]
        if senses.approves_sale(token, self.lexicon):
            entry = self.lexicon.verbs["sell"]  # "approved a $2 billion arms sale to Taiwan": the sale
            return Draft(entry.category, entry, token, trigger=text, mode=entry.mode, context=entry.context,
                         cameo=entry.cameo)
        if (entry.role == "light" and entry.category is None or token.lemma_.lower() in self.lexicon.launch_verbs) \
                and senses.launched_at(token, self.lexicon, self._index):
            entry = self.lexicon.verbs["fire"]  # "launched missiles at bases in Iraq", "dropped bombs on Fordow"
        elif entry.role in ("light", "event") and entry.category in (None, "ASSAULT") \
                and senses.weapons_test(token, self.lexicon, self._index):
            entry = self.lexicon.verbs["test-fire"]  # "fired a missile into the sea": a show of force
        if entry.role == "light":
            # "troops were engaged in fighting": the passive subject of an agentive participle is its doer
            noun = light.light_object(token, triggers, entry.accepts,
                                      doer_subject=token.lemma_.lower() in self.lexicon.agentive_participles,
                                      forces=self.lexicon.force_nouns)
            if noun is not None:
                noun = light.of_event(noun, triggers, consumed, self.lexicon)  # "adopted a package of sanctions"
                consumed.add(noun.i)
                consumed.update(c.i for c in noun.children if c.dep_ == "compound")  # "trade deal"
                n_entry, n_text = triggers[noun.i]
                if n_entry.category is None:
                    return None  # "issued a press release": a lexicon phrase that is no event
                if entry.category is None and n_entry.category == "AID" and not n_entry.standalone:
                    return None  # "unveiled a new aircraft": a thing shown, not supplied (supply verbs code it)
                n_entry = senses.written_stance(noun, n_entry, self.lexicon)  # "sent a letter of support"
                if entry.category == "AID" and n_entry.category == "ASSAULT" \
                        and token.lemma_.lower() in self.lexicon.handover_verbs \
                        and noun.lemma_.lower() in self.lexicon.item_nouns:
                    n_entry = self.lexicon.nouns["weapon"]  # "supplied rockets to Hamas": arms handed over
                if entry.category and n_entry.category in entry.overrides:
                    n_entry = entry  # "signed an agreement" is the signing; "expressed support" is verbal
                elif entry.category == "AID" and n_entry.category in _FIGHTING:
                    fighter = nonacts.agent_of(noun, self._index)  # "financed X's war": aid to the fighter
                    if fighter is not None:
                        return Draft(entry.category, entry, noun, trigger=f"{text} {n_text}", source_from=token,
                                     target_from=[token], mode=entry.mode, context=entry.context, cameo=entry.cameo,
                                     recipient=fighter)
                combat = senses.sent_to_fight(token, self.lexicon) if n_entry.category == "AID" else None
                if entry.category == "AID" and combat is not None:
                    return self._sent_to_fight(token, noun, combat, f"{text} {n_text}")
                return self._aid_kind(Draft(n_entry.category, n_entry, noun, trigger=f"{text} {n_text}",
                                            source_from=token, target_from=[token], mode=n_entry.mode,
                                            context=n_entry.context, cameo=n_entry.cameo, verbal=True))
            combat = senses.sent_to_fight(token, self.lexicon) if entry.category == "AID" else None
            if combat is not None and senses.forces_sent_to_a_place(token, self.lexicon):
                return self._sent_to_fight(token, token, combat, text)
            if entry.category == "AID" and not light.has_recipient(token, self.lexicon, self._index) \
                    and light.sent_somewhere(token) and senses.forces_sent_to_a_place(token, self.lexicon):
                entry = self.lexicon.verbs["deploy"]  # "sent two warships to the strait": a move (MOBILIZE)
            elif (entry.category is None or not light.has_recipient(token, self.lexicon, self._index)) \
                    and not senses.backs_membership(token, entry, self.lexicon):  # "ratified Sweden's accession"
                return None  # "sent comments", "gave a speech": no event noun, no recipient
            if entry.category == "AID" and not senses.supplies_something(token, self.lexicon):
                return None  # "contributed to Reuters": wrote for it, supplied nothing
        if token.pos_ in ("NOUN", "PROPN") and not governed and entry.category in _REACTIONS:
            reactor = senses.drawn_from(token, self.lexicon, self._index)
            if reactor is not None:  # "a move that drew swift condemnation from the UN"
                return Draft(entry.category, entry, token, trigger=f"{token.head.text} {text}", mode=entry.mode,
                             context=entry.context, cameo=entry.cameo, reactor=reactor, extra_chain=[token.head])
        if token.pos_ in ("NOUN", "PROPN") and not governed \
                and (not entry.standalone or _named(token) and not senses.named_text(token, self.lexicon)):
            return None  # a named text ("the Oslo Accords") is an act only when signed
        struck = senses.measure_strikes(token, entry) if token.pos_ == "NOUN" and not governed else None
        if struck is not None:  # "EU sanctions hit Russian banks": the sanctions, aimed at the banks
            consumed.add(struck.i)
            return Draft(entry.category, entry, token, trigger=f"{text} {struck.text}", target_from=[struck],
                         mode=entry.mode, context=entry.context, cameo=entry.cameo, extra_chain=[struck])
        if token.pos_ in ("NOUN", "PROPN") and not governed and light.left_to_light_verb(token, triggers, consumed):
            return None  # "talks were held": the light verb after it codes the one event ("held talks")
        if entry.category is None:
            return None
        if token.pos_ in ("NOUN", "PROPN") and not governed:
            owned = senses.owned_act(token, self.lexicon)
            if owned is not None:  # "denied any role in the killing", "had nothing to do with the sabotage"
                owner, negated = owned
                return Draft(entry.category, entry, token, trigger=f"{owner.text} {text}", source_from=owner,
                             negated=negated, mode=entry.mode, context=entry.context, cameo=entry.cameo,
                             verbal=True, extra_chain=[owner])
            mover = senses.gone_for(token, entry.category, self.lexicon)
            if mover is not None:  # "negotiators returned to Geneva for talks": the movers hold them
                return Draft(entry.category, entry, token, trigger=f"{mover.text} for {text}", source_from=mover,
                             mode=entry.mode, context=entry.context, cameo=entry.cameo, verbal=True,
                             extra_chain=[mover])  # "will not travel to Johannesburg for the summit"
            if nonacts.background_noun(token, entry, self._index, self.lexicon):
                return None
        if entry.category == "AID" and entry.mode == "military" and senses.holding_captives(token, self.lexicon):
            entry = self.lexicon.verbs["detain"]  # "guarding captured fighters": holding them is detention
        if entry.category == "ASSAULT" and token.lemma_.lower() in self.lexicon.launch_verbs:
            means = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and c.i in triggers
                     and triggers[c.i][0].category == "COERCE"]
            if means:  # "fired tear gas at protesters": the riot-control means is the act, as under "used"
                consumed.add(means[0].i)
                entry, text = triggers[means[0].i][0], f"{text} {triggers[means[0].i][1]}"
        if token.pos_ == "VERB" and entry.category in ("CONSULT", "REQUEST") and senses.calls_up_forces(token, self.lexicon):
            entry = self.lexicon.verbs["mobilize"]  # "called up 300,000 reservists": no phone call
        if entry.category == "SUPPORT" and token.pos_ == "VERB" and senses.approves_funds(token, self.lexicon):
            entry = self.lexicon.nouns["financing"]  # "the World Bank approved $1.5 billion for Ukraine"
        if entry.category == "CONSULT" and token.pos_ == "VERB" and senses.by_phone(token):
            entry = self.lexicon.verbs["phone"]  # "spoke with Erdogan by phone" (CAMEO 041)
        if entry.mode == "resign" and senses.departs(token, self.lexicon, self._index):
            entry = self.lexicon.verbs["withdraw"]  # "Mali quit the G5 Sahel alliance": leaving, not resigning
        if entry.category in ("RETREAT", "SUPPORT") and senses.hosts_guests(token, self.lexicon):
            entry = self.lexicon.verbs["host"]  # "received a Hamas delegation", "welcomed G7 leaders to Hiroshima"
        measure = senses.hits_with_measure(token, self.lexicon) if entry.category == "ASSAULT" else None
        if measure is not None and measure.i in triggers:  # "hit back with tariffs": the tariffs
            consumed.add(measure.i)
            m_entry, m_text = triggers[measure.i]
            return Draft(m_entry.category, m_entry, measure, trigger=f"{text} {m_text}", source_from=token,
                         target_from=[token, measure], mode=m_entry.mode, context=m_entry.context, cameo=m_entry.cameo)
        if entry.category == "ASSAULT" and senses.dismissal(token, self.lexicon, self._index):
            return None  # "fired 200 workers": let go, not shot at
        if entry.category == "ASSAULT" and senses.verbal_attack(token, self.lexicon, self._index):
            entry = self.lexicon.verbs["criticize"]  # "attacked the investigation as garbage": criticism
        if token.pos_ in ("VERB", "AUX"):
            # the object of an event verb is its theme, not a second event ("suppress protests")
            themes = senses.themes(token)
            consumed.update(c.i for c in themes)
            if entry.category in _REACTIONS and themes:
                # "condemned X's threats to intervene", "denounced the accord between X and Y": the
                # act reacted to is the reaction's target, not a second event reported here (the
                # parser often hangs the infinitive on the verb: reaction verbs take no infinitive)
                themes += [c for c in token.children if c.dep_ == "xcomp"]
                consumed.update(t.i for c in themes for t in c.subtree)
        # "sanctions imposed by the EU on Russian banks": the participle that names the act's
        # author also names whom it is aimed at
        held = agents.organising_participles(token) if token.pos_ == "NOUN" else []
        return self._aid_kind(Draft(entry.category, entry, token, trigger=text, mode=entry.mode, context=entry.context,
                                    cameo=entry.cameo, verbal=token.pos_ in ("VERB", "AUX", "ADJ"), target_from=held))

    def _sent_to_fight(self, verb: Token, content: Token, combat: Token, trigger: str) -> Draft:
        """"sent soldiers to fight in Ukraine": a deployment towards the battle (MOBILIZE);
        "sent soldiers to fight for Russia": military aid to the side they serve."""
        side = senses.fought_for(combat, self._index)
        if side is not None:
            entry = self.lexicon.verbs["send"]
            return Draft("AID", entry, content, trigger=trigger, source_from=verb, target_from=[verb], mode="military",
                         context=entry.context, cameo=self.plover.cameo_code("AID", "military"), recipient=side)
        entry = self.lexicon.verbs["deploy"]
        return Draft(entry.category, entry, content, trigger=trigger, source_from=verb, target_from=[verb, combat],
                     mode=entry.mode, context=entry.context, cameo=entry.cameo)

    def _aid_kind(self, d: Draft) -> Draft:
        """"economic aid", "military assistance": the noun's modifier says which aid (CAMEO
        071-073), so that a frame over it is as specific ("suspended military aid" → 1622)."""
        if d.category != "AID" or d.mode is not None or d.content.pos_ not in ("NOUN", "PROPN"):
            return d
        kinds = {c for m in d.content.children if m.dep_ in ("amod", "compound")
                 for c in self.lexicon.context_words.get(m.lemma_.lower(), ()) if c in _AID_KINDS}
        if len(kinds) == 1:
            d.mode = kinds.pop()
            d.cameo = self.plover.cameo_code("AID", d.mode)
        return d

    def _embedded(self, frame: Token, triggers, consumed) -> Token | None:
        """The nearest content trigger the frame governs (breadth-first, four levels)."""
        # "pledged, as a part of his campaign, ...": an "as" phrase says in what role, not what is pledged
        # "agreed during a call with X to ...": a time phrase is when, not what, the frame governs
        level = [c for c in frame.children if (c.dep_ in _EMBED_DEPS and c.lower_ not in _CIRCUMSTANCE_PREPS)
                 or c.dep_ == "advmod"]
        if triggers[frame.i][0].role in ("refuse", "negator") and not any(c.dep_ in ("dobj", "xcomp", "ccomp")
                                                                         for c in frame.children):
            # "refrained from criticising Moscow, buying its oil": what the frame's own preposition
            # governs comes first; the gerund after the comma is another act
            found = self._nearest_trigger([c for c in level if c.dep_ == "prep" and c.lower_ in ("from", "of")],
                                          triggers, consumed)
            if found is not None:
                return found
            # "ruled out on Tuesday sending troops": with nothing else to govern, the gerund hangs as advcl
            level += [c for c in frame.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i in triggers
                      and not any(g.dep_ in ("mark", "nsubj") for g in c.children)]
        return self._nearest_trigger(level, triggers, consumed)

    def _nearest_trigger(self, level: list[Token], triggers, consumed) -> Token | None:
        for _ in range(4):
            nxt = []
            for tok in level:
                if tok.i in triggers and tok.i not in consumed:
                    return tok
                nxt.extend(c for c in tok.children if (c.dep_ in _EMBED_DEPS or c.dep_ in ("advmod", "compound"))
                           and not _absolute_clause(c))
            level = nxt
        return None

    def _frame_drafts(self, frame: Token, triggers, consumed) -> list[Draft]:
        entry, text = triggers[frame.i]
        consumed.add(frame.i)
        if frame.pos_ == "ADJ" and not any(c.dep_ == "xcomp" for c in frame.children):
            return []  # "ready for democracy" states a condition, "ready to talk" an intent
        if entry.role == "request" and senses.reports_a_stance(frame):
            return []  # "insisted that they would not send troops": the clause is coded as reported
        if entry.role == "refuse" and any(c.dep_ == "dobj" and c.lemma_.lower() in self.lexicon.role_nouns
                                          for c in frame.children):
            return []  # "rejected any responsibility for the attack": the attack is disowned (owned_act)
        inner_tok = self._embedded(frame, triggers, consumed)
        inner = None
        if inner_tok is not None:
            inner_entry, inner_text = triggers[inner_tok.i]
            if inner_entry.role in _FRAME_ROLES:
                nested = self._frame_drafts(inner_tok, triggers, consumed)
                inner = nested[-1] if nested else None
                if inner is not None and entry.role in ("negator", "refuse"):
                    inner.negated = True  # "refused to threaten": the threat did not happen
            else:
                inner = self._content_draft(inner_tok, inner_entry, inner_text, triggers, consumed, governed=True)
        return self._combine(frame, entry, text, inner)

    def _combine(self, frame: Token, entry: LexEntry, text: str, inner: Draft | None) -> list[Draft]:
        role = entry.role
        if inner is not None:
            inner.source_from = inner.source_from or frame
            inner.extra_chain.append(frame)
        if role == "negator":
            if inner is None:
                return []
            inner.negated = True
            inner.frame = frame
            return [inner]
        if role == "refuse" and inner is None and senses.falls(frame):
            return []  # "the shares rose before declining": a fall, no refusal
        if role == "refuse":
            reject = Draft("REJECT", entry, frame, trigger=text, cameo=self._frame_cameo(entry, "REJECT", None, inner),
                           mode=_reject_mode(inner), context=inner.context if inner else ())
            if inner is None:
                return [reject]
            reject.target_from = [inner.content] + inner.target_from
            if inner.content.pos_ in ("NOUN", "PROPN") and not inner.target_from:
                rejecter = senses.clause_subject(frame)
                if rejecter is None or not senses.possessed_speech_act(inner.content, inner.category, self._index):
                    return [reject]  # "declined the request", "opposed the withdrawal": a prior act, rejected
                # "rejected Trump's demand": the demand was made, by Trump to the rejecter
                maker = next(c for c in inner.content.children if c.dep_ == "poss")
                inner.source_from, inner.maker, inner.recipient = maker, maker, rejecter
                inner.extra_chain = [t for t in inner.extra_chain if t.i != frame.i]  # made, whether rejected or not
                return [reject, inner]
            inner.negated = True  # "refused to meet": the meeting did not happen
            inner.frame = frame
            return [reject, inner]
        if role == "intent" and inner is None and senses.offers_goods(frame, self.lexicon, self._index):
            return []  # "the airline offers flights to Dubai": a service for sale
        if role == "request" and (inner is None or self.lexicon.is_item(inner.content.lemma_.lower())) \
                and senses.ordered_goods(frame, self._index, self.lexicon):
            return []  # "ordered 40 airliners": a purchase
        if role == "threat" and inner is not None and senses.warns_of_others_act(frame, inner.content, self._index):
            return []  # "warned of attacks by Hamas": a warning about another's possible act
        category, mode = self._frame_category(role, entry, inner, frame)
        if category is None:
            return [inner] if inner is not None else []
        trigger = f"{text} {inner.trigger}" if inner is not None else text
        draft = Draft(category, entry, frame, trigger=trigger, mode=mode,
                      cameo=self._frame_cameo(entry, category, mode, inner),
                      context=inner.context if inner else entry.context)
        if inner is not None:
            draft.target_from = [inner.content] + inner.target_from  # its own negation comes from its chain
            draft.inner = inner.category
        return [draft]

    def _frame_cameo(self, entry: LexEntry, category: str, mode: str | None, inner: Draft | None) -> str:
        """The frame event's CAMEO code from the code of what it governs ("offered to mediate"
        → 039, "urged X to send aid" → 023), else the crosswalk's code for the category."""
        if entry.role == "halt":
            key = "halt"
        elif category == "REQUEST":
            key = entry.cameo[:2] if entry.cameo and entry.cameo[:2] in ("02", "10") else "10"
        else:
            key = _FRAME_KEYS.get(category)
        code = self._via_frame(key, inner.cameo if inner is not None else None, category, mode)
        if code is not None:
            return code
        root = entry.cameo[:2] if entry.cameo and category == entry.category else None
        return self.plover.cameo_code(category, mode, root)

    def _via_frame(self, key: str | None, inner: str | None, category: str, mode: str | None = None) -> str | None:
        """``key`` frame over an event coded ``inner``, when that code lies in ``category``."""
        code = self.plover.frame_code(key, inner) if key else None
        return code if code is not None and self.plover.in_category(code, category) else None

    def _frame_category(self, role: str, entry: LexEntry, inner: Draft | None,
                        frame: Token | None = None) -> tuple[str | None, str | None]:
        inner_cat = self.plover.category(inner.category) if inner is not None else None
        if role == "request" and frame is not None and senses.aims(frame, self.lexicon):
            role = "intent"  # "seeking to deepen ties": an intention, not a request
        if role == "intent":
            if inner is None and frame is not None and senses.vows_response(frame, self.lexicon):
                return "THREATEN", None  # "vowed a strong response", "vowed to retaliate"
            responded = senses.responded_act(frame, self.lexicon) if frame is not None and inner is not None else None
            if responded is not None and responded.i == inner.content.i:
                return "THREATEN", None  # "vowed to respond to the joint drills": the drills are answered
            if inner_cat is not None and inner_cat.material and not inner_cat.cooperative:
                return "THREATEN", _threat_mode(inner.category)  # "vowed to strike"
            if inner_cat is not None and not inner_cat.cooperative:
                return None, None  # "agreed to condemn": the inner verbal conflict stands
            if inner is not None and inner.category == "SUPPORT" and inner.content.pos_ == "NOUN":
                return None, None  # "offered his condolences": offering them is expressing them
            return "AGREE", None
        if role == "request" and (inner is None or inner.content.lemma_.lower() in self.lexicon.troop_nouns) \
                and frame is not None and light.sent_somewhere(frame) \
                and senses.forces_sent_to_a_place(frame, self.lexicon):
            return "MOBILIZE", "troops"  # "ordered troops into the breakaway regions": a deployment
        if role == "request":
            if inner_cat is not None and inner_cat.material and not inner_cat.cooperative and inner.category != "PROTEST" \
                    and (frame is None or senses.addressee(frame, self._index) is None):
                if frame is not None and frame.lemma_.lower() in self.lexicon.command_verbs:
                    return None, None  # "ordered a strike on X": the orderer's own act, not a call
                return "ACCUSE", "disapprove"  # "called for sanctions against X": a call to punish X
            # "urged Japan to impose sanctions": Japan is asked to act (PLOVER: the target is who is asked)
            return "REQUEST", _request_mode(inner.category if inner else None)
        if role == "threat":
            if inner is None and frame is not None and senses.warns_of_hazard(frame, self.lexicon):
                return None, None  # "warned of famine": a warning about a danger threatens no one
            if inner is None and frame is not None and senses.forecast(frame, self._index):
                return None, None  # "warned that losses could rise": a forecast names no act threatened
            return "THREATEN", _threat_mode(inner.category if inner else None)
        if role == "halt":
            if frame is not None and senses.suspends_member(frame, self._index):
                return "SANCTION", "expel"  # "suspended Niger from the bloc"
            if frame is not None and senses.silences_media(frame, self._index):
                return "COERCE", "censor"  # "suspended RFE/RL over its coverage of the protests": the outlet
            if inner is None:
                return None, None
            if inner.category == "CONSULT" and inner.mode == "visit" and frame is not None \
                    and frame.lemma_.lower() == "end":
                return None, None  # "ended a three-day visit to Moscow": the visit took place
            if inner.category in ("PROTEST", "COERCE") or inner.content.lemma_.lower() == "strike" \
                    and frame is not None and senses.labour_strike(frame, self._index):
                return "CONCEDE", None  # "called off the strike", "lifted the curfew" (teachers strike no one)
            if inner.category == "SANCTION":
                return "RETREAT", "ease"  # "suspended the sanctions"
            if inner_cat is not None and not inner_cat.cooperative:
                return "RETREAT", "ceasefire"  # "halted the offensive"
            if inner.content.lemma_.lower() in self.lexicon.troop_nouns:
                return "RETREAT", "withdraw"  # "removed the troops", "cut its forces": a drawdown, not a cut in aid
            return "SANCTION", "cancel" if inner.category == "CONSULT" else "discontinue"
        return entry.category, entry.mode

    # ------------------------------------------------------------------ finishing

    def _finish(self, doc: Doc, sent: Span, sent_i: int, d: Draft, index) -> list[Event]:
        if _agentless_passive(d, self.lexicon, index):
            return []  # "the man was shot", "twenty were arrested": no one is said to act
        if d.category == "ASSAULT" and d.content.pos_ == "NOUN" and nonacts.figurative_conflict(d.content, self.lexicon):
            return []  # "deepening a trade war", "traded a war of words": no one attacked
        if d.category != "ACCUSE" and senses.accused_act(d.content, self.lexicon) is not None:
            return []  # "accused Rwanda of sending troops": alleged, not reported as done (the ACCUSE holds it)
        bare = d.content.pos_ in ("NOUN", "PROPN") and d.frame is None and d.source_from is None and not d.target_from \
            and d.reactor is None
        if event_contexts.not_reported(d.content, d.frame, d.category, self.lexicon, index, bare=bare) is not None:
            return []  # a rule, a capability, a purpose, a weapon's doing: no act reported
        riot = senses.crowd_damage(d.content, self.lexicon) if d.category == "ASSAULT" and d.inner is None else None
        if riot is not None:  # "protesters stormed parliament", "burned headscarves": a protest
            d.category, d.mode, d.cameo = "PROTEST", riot, self.plover.cameo_code("PROTEST", riot)
        chain = _event_chain(d)
        head = chain[-1]
        objects = [c for t in [d.content] + d.target_from for c in t.children if c.dep_ in ("dobj", "pobj")]
        if d.content.pos_ in ("NOUN", "PROPN"):
            objects.append(d.content)
        negated = d.negated or mod.is_negated(chain, objects, self.cues)
        acted = d.inner or d.category  # what is done, threatened or promised
        supply = acted in _NEEDS_RECIPIENT
        holders = _holders(d)
        sources = sources_of(d.content, d.source_from, index) if d.maker is None else actors_of(d.maker, index)
        moved = senses.forces_sent(d.source_from or d.content, self.lexicon) \
            if not sources and d.category in ("AID", "MOBILIZE") else None
        if moved is not None:  # "North Korean troops have been sent to Russia": by North Korea
            sources = actors_of(moved, index)
        if not sources and acted == "ASSAULT":
            sources = unattributed_attack(d.content, holders, index, self.lexicon)
        ruling = senses.court_annuls(d.content, d.category, d.inner, sources, self.lexicon)
        if ruling:
            d.category, d.mode, d.cameo = "REJECT", "change", self.plover.cameo_code("REJECT", "change")
        if d.category == "PROTEST" and d.inner is None and d.content.pos_ == "VERB" \
                and d.content.lemma_.lower() == "block" and sources and all(map(_authority, sources)):
            d.category = senses.authority_blocks(d.content, self.lexicon)  # a veto or a restriction
            d.mode = {"REJECT": None, "COERCE": "restrict"}.get(d.category, d.mode)
            d.cameo = self.plover.cameo_code(d.category, d.mode)
        targets = targets_of(holders, index, sources, self.lexicon, sent, category=d.category, supply=supply)
        if d.category == "MOBILIZE" or d.mode == "withdraw":  # "withdrew its troops from X": X, not the troops
            targets = without_moved_forces(targets, holders, index, sources)
        if d.category == "RETREAT" and d.mode == "withdraw" and d.content.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.lexicon.proposal_nouns for c in d.content.children):
            d.category, d.mode, d.cameo = "CONCEDE", None, "08"  # "withdrew the extradition bill": yielding
        if d.category == "REJECT" and d.content.pos_ == "VERB":
            charge = senses.denied_accusation(d.content, self.lexicon)
            who = senses.accuser(charge, self.lexicon) if charge is not None else None
            if who is not None:  # "accused India of ..., a charge New Delhi rejected": rejected to the accuser
                targets = actors_of(who, index) or targets
        if d.category == "THREATEN":  # "warned that Tehran would respond to any Israeli attack": no self-threat
            targets = [t for t in targets if not t.country or t.country not in {s.country for s in sources}]
        if d.mode == "expel" and sources and targets and {t.country for t in targets} <= {s.country for s in sources}:
            targets = expelled_state(d.content, index, sources) or targets  # no state expels its own envoys
        if d.recipient is not None:
            targets = actors_of(d.recipient, index)
        mediated = mediation(d.content, index) if d.category == "CONSULT" and d.cameo == "045" else None
        if mediated is not None:  # "agreed to a truce under a deal mediated by Oman"
            sources, targets = mediated
        if d.reactor is not None:  # "Iran executed a protester, drawing condemnation from Germany"
            sources = actors_of(d.reactor, index)
            drawer = d.content.head
            own = {side_key(s) for s in sources}
            targets = [a for a in subject_of(drawer, index)[0] if side_key(a) not in own] \
                or earlier_doer(drawer, drawer.i, index, own)  # "a move that drew ...": the mover
        asked = senses.addressee(d.content, index) if d.category == "REQUEST" and d.inner is not None else None
        if asked is not None:  # "urged Israel to allow aid into Gaza": who is asked, not who the act concerns
            targets = [a for a in actors_of(asked, index) if side_key(a) not in {side_key(s) for s in sources}] or targets
        speaker = obligation_speaker(chain, index)
        if speaker is not None and not negated:  # "X said Y must withdraw": X demands of Y
            d.mode, d.category = _assist_mode(d.category), "REQUEST"
            d.cameo = self._via_frame("10", d.cameo, "REQUEST") or self.plover.cameo_code("REQUEST", d.mode, root="10")
            sources, targets = speaker, sources or addressee_of(chain, index) or targets
        declared = senses.declared_unwelcome(d.content) if d.mode == "expel" else None
        if declared is not None:  # "Belarus declared two Polish diplomats persona non grata"
            verb, who = declared
            sources = subject_of(verb, index)[0] or sources
            targets = [a for w in who for a in actors_of(w, index)] or targets
        # who speaks is seldom of the state spoken to or of ("prosecutors charged the Russian
        # hackers"); a physical act's unnamed doer is placed by PLOVER where the act happens
        others = tuple(targets) if acted in _SPEECH_ACTS else ()
        sources, guessed_src = settle_countries(sources, sent, index, self.lexicon, others)
        sources = locate_groups(sources, holders, index)
        if d.category == "PROTEST":
            sources = placed_protesters(sources, holders, index, guessed_src)
        elif event_contexts.voiced_by_protest(d.content, d.category, self.lexicon):
            # "rallied in Niamey to demand ...": the demand is the protesters', placed where they rally
            protest = event_contexts.clause_verb(d.content).head
            sources = placed_protesters(sources, [protest], index, guessed_src)
        if not targets and d.category == "ACCUSE":  # "took the UAE to the World Court, alleging complicity"
            targets = _participle_main_object(d.content, index, sources)
        targets = targets or self._unstated_target(d, sent, index, sources)
        if ruling and not targets:  # "struck down a law": its own state's law or vote
            targets = own_state(sources)
        above = light.verb_above(d.content)
        handed = above.lemma_.lower() in self.lexicon.handover_verbs  # "supplied the drones": to someone unnamed
        if d.category == "AID" and (light.sent_somewhere(above) or not targets and not handed) \
                and senses.forces_sent_to_a_place(d.content, self.lexicon):  # "sent troops": to nobody
            targets = without_moved_forces(targets, holders, index, sources)  # "sent 500 soldiers to X"
            deploy = self.lexicon.verbs["deploy"]
            own = {s.country for s in sources}
            # "shipped drones to Russia across the Caspian Sea": goods handed to a state, whatever the route
            received = handed and any(t.country and t.country not in own for t in targets) \
                and any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in above.children)
            if light.sent_into(above) and not received:  # "sent warships into the waters around Taiwan"
                d.category, d.mode, d.cameo = deploy.category, deploy.mode, deploy.cameo
            elif not any(t.id or t.country or t.sector for t in targets):  # only a place: "the strait"
                d.category, d.mode, d.cameo, targets = deploy.category, deploy.mode, deploy.cameo, []
            elif all(t.country and t.country in {s.country for s in sources} and not t.sector for t in targets):
                # "rushed extra troops to Ladakh": forces moved within their own state are deployed, not aid
                d.category, d.mode, d.cameo = deploy.category, deploy.mode, deploy.cameo
        if d.content.lemma_.lower() in self.lexicon.drill_nouns and d.category == "COOPERATE":
            if not any(_official(a) or a.sector in self.lexicon.force_sectors for a in sources):
                return []  # "the company held a fire drill": no state or armed force trains
            if senses.show_of_force(d.content, sources, self.lexicon):
                d.category, d.mode, d.cameo = "MOBILIZE", None, "150"  # drills held alone: a show of force
        if d.category == "COOPERATE" and d.content.lemma_.lower() in self.lexicon.drill_nouns | {"patrol"} \
                and len({s.country for s in sources if s.country}) >= 2:
            # "Indian and American troops began a joint exercise near the frontier with China", "flew a
            # joint patrol near Alaska": the partners are the sources; a place or a state named nearby is none
            partners = {s.country for s in sources}
            targets = [t for t in targets if t.country in partners]
        if d.category == "MOBILIZE":
            targets = beyond_border(holders, index, sources) \
                or without_moved_forces(targets, holders, index, sources) \
                or place_target(holders, index, sources, domestic=False) \
                or deployed_at_home(holders, index, sources)  # "deployed troops in Belarus", "around parliament"
            if not targets and d.content.lemma_.lower() == "scramble":
                targets = intruder(d.content, index, sources)  # "scrambled jets as Chinese warplanes crossed"
        if d.category == "MOBILIZE" and senses.incursion(d.content) \
                and {s.country for s in sources if s.country} & {t.country for t in targets}:
            return []  # "shot down a drone, saying it had violated Iranian airspace": no state intrudes on itself
        if d.category == "MOBILIZE" and senses.crowd_gathers(d.content, self.lexicon):
            demo = self.lexicon.verbs["protest"]  # "demonstrators gathered outside the embassy"
            d.category, d.mode, d.cameo = demo.category, demo.mode, demo.cameo
        elif d.category == "MOBILIZE" and d.content.pos_ == "VERB" \
                and not senses.forces_move(d.content, sources, self.lexicon, index):
            return []  # PLOVER MOBILIZE is a military or police move: "ministers gathered in Cairo" met
        if (d.category == "PROTEST" and d.content.lemma_.lower() == "protest" and sources
                and all(map(_government, sources))) \
                or (d.category == "REQUEST" and senses.summons_envoy(d.content, self.lexicon)):
            # a state "protests" by an official complaint, and summons an envoy to make one (CAMEO
            # 114); PLOVER PROTEST is civilians' collective action
            d.category, d.mode, d.cameo = "ACCUSE", "disapprove", "114"
        if d.category in ("REQUEST", "AID") and senses.orders_envoy_out(d.content, self.lexicon):
            expel = self.lexicon.verbs["expel"]  # "ordered the Swedish ambassador to leave": an expulsion
            d.category, d.mode, d.cameo = expel.category, expel.mode, expel.cameo
        if d.category == "MOBILIZE" and sources and sources[0].sector in _MOBILIZE_MODES:
            d.mode = _MOBILIZE_MODES[sources[0].sector]
        if not sources and not targets:
            return []
        if d.category == "SUPPORT" and d.inner is None and senses.supports_a_thing(d.content, sources, targets,
                                                                                   self.lexicon, index):
            return []  # "defending the currency", "hailed the dawn of a new era": no party supported
        if d.mode == "resign" and d.category == "RETREAT" and not any(_official(a) for a in sources):
            return []  # PLOVER's resignation is an official's: "Jobs resigned as Apple's CEO" is none
        if mod.deliberated(chain, self.cues) or mod.condition(chain) or mod.yes_no_question(chain):
            return []  # "is weighing whether to send missiles", "Did Russia help Iran?": no act stated
        modality = mod.modality_of(chain, negated, self.cues, sent)
        if modality == "future" and senses.performative(chain, d.category, self.plover, self.lexicon):
            modality = "asserted"  # "I want to thank the Canadian people": saying it is the thanking
        targets, guessed_tgt = settle_countries(targets, sent, index, self.lexicon)
        targets = locate_groups(targets, holders, index)
        if d.category == "COERCE" and senses.limits_exchange(d.content, d.mode) and d.frame is None \
                and senses.foreign_ban(sources, targets):
            # banning a foreign state's airline or firms curtails exchanges with it (PLOVER SANCTION);
            # COERCE bans are a state's restrictions on its own people and organisations
            sanction = self.lexicon.nouns["sanction"]
            d.category, d.mode, d.cameo = sanction.category, sanction.mode, sanction.cameo
        if d.category == "RETREAT" and d.mode == "withdraw" \
                and (targets and all(t.country in self.lexicon.igo_codes for t in targets)
                     or senses.departs(d.content, self.lexicon, index) == "body"
                     or senses.withdraws_from_text(d.content)) \
                and not any(w.lemma_.lower() in self.lexicon.troop_nouns for w in d.content.subtree):
            # leaving a body ("withdrew from the WHO") withdraws oneself (PLOVER SANCTION withdraw);
            # RETREAT withdraw is a military pull-back
            d.category, d.mode, d.cameo = "SANCTION", "withdraw", self.plover.cameo_code("SANCTION", "withdraw")
            targets = [t for t in targets if t.country not in {s.country for s in sources}]  # not one's own state
        category, cameo, mode = self._recode(d, negated, modality)
        mode, cameo = refine_mode(category, d.content, mode, cameo, self.lexicon, self.plover)
        start, end = fields.evidence(sent, head)
        date, precision = fields.event_date(doc, sent, d.content, head)
        context = tuple(dict.fromkeys(d.context + fields.contexts(sent, d, self._named_at, d.category in _NEEDS_RECIPIENT)))
        if category == "AID" and mode is None:
            kinds = [c for c in context if c in ("economic", "military", "humanitarian")]
            mode = kinds[0] if len(kinds) == 1 else None  # PLOVER AID modes mirror these contexts
            if mode is not None and cameo in (None, "07"):
                cameo = self.plover.cameo_code("AID", mode)  # "provided military equipment" → 072
        context = actor_contexts(category, mode, sources, targets, context, self.lexicon.igo_codes)
        event = Event(
            category=category, source=tuple(sources), target=tuple(targets), sentence=sent_i,
            start=start, end=end, trigger=d.trigger, mode=mode, context=context,
            cameo_root=cameo[:2] if cameo else None, cameo_code=cameo, negated=negated, modality=modality, date=date,
            date_precision=precision, location=fields.location(d),
            attributed_to=reporting_speaker(doc, d.content.idx), item=fields.item(d),
        )
        if event.attributed_to and event.modality == "asserted":
            event = replace(event, modality="reported")
        event = replace(event, confidence=event_confidence.score(event, d, sent, guessed_src or guessed_tgt))
        return [event] + self._mirror(event, d, index) + self._refusal(event, d, negated, modality)

    def _mirror(self, event: Event, d: Draft, index) -> list[Event]:
        """"North and South Korea exchanged fire", "A and B accused each other": each side acts
        on the other, so the reverse event (same trigger and evidence) is coded too."""
        if not event.source or not event.target or not mutual_act(d.content, d.source_from, index):
            return []
        parties = {side_key(a) for a in between_parties(d.content, index)}
        if parties and not {side_key(a) for a in event.target} <= parties:
            return []  # "sealed its border due to clashes between Syrian troops and rebels": not Jordan's clash
        return [replace(event, source=event.target, target=event.source)]

    def _unstated_target(self, d: Draft, sent: Span, index, sources: list[ActorRef]) -> list[ActorRef]:
        """No target in the event's own slots: the nearest actor in its phrase, whoever must
        meet a threat's condition, the one its purpose names, a supply's one partner, or
        PLOVER's default, the place of the act (the source's own state for domestic acts)."""
        holders, acted = _holders(d), d.inner or d.category
        supply = acted in _NEEDS_RECIPIENT
        venue = acted in _MEETINGS and len({s.country for s in sources if s.country}) > 1
        targets = nearby_target(holders, index, sources, supply=supply, venue=venue)
        if not targets and (d.category == "THREATEN" or _conditional_on_unless(d)):
            targets = condition_targets(holders, index, sources)
        if not targets and sources and d.category == "THREATEN" and senses.promises_response(d.content, self.lexicon):
            targets = responded_to(d.content, index, sources)  # "a U.S. strike killed X, and Iran vowed revenge"
        if not targets:
            # a request's purpose clause names who is asked whatever the act ("called for Greece to leave")
            targets = purpose_targets(holders, index, sources,
                                      None if acted == "REQUEST" else self.plover.category(acted).cooperative)
        if not targets and sources and acted in _REACTIONS:
            targets = referred_act_doer(holders, index, sources)  # "a move Israel condemned"
        if not targets and sources and supply:
            targets = sentence_partner(sent, index, sources)
        if not targets and d.mode == "confiscate":
            targets = owner_of_object(holders, index, sources)  # "seized a tanker loaded with Russian oil"
        if not targets and d.category == "ASSAULT":  # "rammed one of its boats": the boat's state
            targets = owner_of_object(holders, index, sources, kinds=self.lexicon.crash_vehicles)
        if not targets and sources and acted in _PLACED:
            targets = place_target(holders, index, sources, domestic=acted in _DOMESTIC)
        return targets

    def _recode(self, d: Draft, negated: bool, modality: str) -> tuple[str, str | None, str | None]:
        """PLOVER's reading of intentions: a future cooperative act is AGREE, a future
        material conflict is THREATEN (the manual: "cooperative actions reported in future
        tense are also taken to imply intentions")."""
        cat = self.plover.category(d.category)
        cameo = d.cameo or self.plover.cameo_code(d.category, d.mode)
        if not negated and _conditional_on_unless(d) and d.category not in ("THREATEN", "REQUEST"):
            return "THREATEN", "139", "relations"  # an ultimatum (CAMEO 139)
        if negated or modality != "future" or d.category in ("AGREE", "THREATEN", "REQUEST"):
            return d.category, cameo, d.mode
        if cat.cooperative:
            return "AGREE", self._via_frame("03", cameo, "AGREE") or self.plover.cameo_code("AGREE"), None
        if cat.material and not cat.cooperative:
            mode = _threat_mode(d.category)
            return "THREATEN", self._via_frame("13", cameo, "THREATEN") or self.plover.cameo_code("THREATEN", mode), mode
        return d.category, cameo, d.mode

    def _refusal(self, event: Event, d: Draft, negated: bool, modality: str) -> list[Event]:
        """"will not accept refugees": a negated future cooperative act is also a REJECT."""
        if not (negated and modality == "future" and d.frame is None):
            return []
        if not self.plover.category(event.category).cooperative or not event.source:
            return []
        code = self._via_frame("12", event.cameo_code, "REJECT") or "12"
        return [replace(event, category="REJECT", cameo_root=code[:2], cameo_code=code, negated=False, mode=_reject_mode(d),
                        modality="asserted", confidence=round(event.confidence * 0.8, 3))]


# ---------------------------------------------------------------------- helpers: parse


def _restates(d: Draft) -> bool:
    """"rejected the plan, dismissing it as ...", "denounced what it called ...": a participle or a
    naming clause that may tell again the stance of the verb it hangs on."""
    token = d.frame or d.content
    if token.pos_ != "VERB":
        return False
    return (token.tag_ == "VBG" and token.dep_ == "advcl") or (token.dep_ in ("ccomp", "relcl")
                                                                and token.lemma_.lower() in _NAMING)


_NAMING = frozenset({"call", "describe", "term", "label", "brand", "dub"})


# PLOVER's speech acts: said or asked of the target, never done to it in place
_SPEECH_ACTS = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT"})


def _named(token: Token) -> bool:
    """Part of a name: an entity's word or a proper noun ("the Oslo Accords")."""
    return bool(token.ent_type_) or token.pos_ == "PROPN"


def _absolute_clause(token: Token) -> bool:
    """"..., with a spokeswoman instead urging restraint": a clause under "with" that has its own
    subject is another event, not what a frame governs."""
    return token.dep_ == "pcomp" and token.head.lower_ == "with" and any(c.dep_ == "nsubj" for c in token.children)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


_REACTIONS = frozenset({"ACCUSE", "REJECT", "SUPPORT"})  # verbal reactions to another act


def _participle_main_object(content: Token, index, sources: list[ActorRef]) -> list[ActorRef]:
    """"Sudan took the UAE to the World Court, alleging complicity in genocide", "suspended the
    broadcasts of RFI and France 24, accusing the two outlets of ...": a charge made in a participle
    that names no one is aimed at whom the main verb acts on."""
    if content.dep_ != "advcl" or content.tag_ != "VBG" \
            or any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in content.children):
        return []  # "detained three Swedes, accusing him of ...": a pronoun names its own (unresolved) party
    own = {side_key(s) for s in sources}
    return [a for o in content.head.children if o.dep_ == "dobj" and o.i < content.i
            for a in actors_of(o, index) if side_key(a) not in own]


def _agentless_passive(d: Draft, lexicon, index) -> bool:
    """A passive verb with no "by" agent ("was shot", "were arrested")."""
    verb = d.content
    if verb.pos_ not in ("VERB", "AUX") or d.frame is not None or d.source_from is not None:
        return False
    if d.category == "COERCE":
        return False  # "was arrested in Lebanon": arrests and deportations are the authorities' acts
    if d.category in ("AID", "MOBILIZE") and senses.forces_sent(verb, lexicon) is not None:
        return False  # "Chinese warships were deployed to ...": by their state
    if d.mode == "expel" and authorities_where(verb, index):
        return False  # "diplomats were expelled from Poland": by Poland
    if (d.category == "PROTEST" and senses.crowd_predicate(verb, lexicon)) or senses.active_headline(verb):
        return False  # "Hundreds of activists protested outside ...", "Ex-fighters handed over their guns": misparsed
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) \
        or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "pcomp"))
    if not passive or any(c.dep_ == "agent" for c in verb.children):
        return False
    # "killed in an explosion": the instrument states what acted
    return not any(c.dep_ == "prep" and c.lower_ in ("in", "by", "during") and any(p.dep_ == "pobj" for p in c.children)
                   and _names_an_act(c, lexicon) for c in verb.children)


def _names_an_act(prep: Token, lexicon) -> bool:
    return any(t.lemma_.lower() in lexicon.nouns for p in prep.children if p.dep_ == "pobj"
               for t in [p] + [c for c in p.children if c.dep_ == "compound"])


# public actors: the state's organs, and former officials, the opposition, parties and IGOs
_OFFICIAL_SECTORS = state_organs() | {"ELI", "OPP", "PTY", "IGO"}
_AUTHORITY_SECTORS = state_organs() | {"PTY", "IGO"}


_STATE_FORMS = frozenset({"name", "short", "abbrev", "capital", "metonym"})


def _government(actor) -> bool:
    """A state's government or the state named as such ("China", "Beijing", "the foreign ministry"),
    not a people placed by an adjective ("Iraqi Kurds"), nor police or lawyers, who do protest."""
    if actor.sector == "GOV":
        return True
    state = load_registry().get(actor.id) if actor.id and actor.id == actor.country else None
    text = (actor.text or "").removeprefix("the ").removeprefix("The ")
    return state is not None and any(a.text == text and a.form in _STATE_FORMS for a in state.aliases)


def _authority(actor) -> bool:
    """A public authority that can veto or restrict: a state, a state organ, an IGO or a party,
    not civilians or the opposition in the street."""
    return actor.sector in _AUTHORITY_SECTORS or _government(actor)


def _official(actor) -> bool:
    """A public actor: a registry person or body, a state, or someone holding public office."""
    return bool(actor.id) and actor.sector != "BUS" or actor.sector in _OFFICIAL_SECTORS


def _holders(d: Draft) -> list[Token]:
    """The words whose objects can be the event's targets."""
    return [d.content] + d.target_from + ([d.frame] if d.frame is not None else [])


def _event_chain(d: Draft) -> list[Token]:
    """The clause chain whose words negate or qualify the event. A bare event noun under
    a verb that is no trigger ("did not accede to the demands") keeps only itself: the
    demands were made whatever happened to them."""
    if d.content.pos_ in ("NOUN", "PROPN") and not d.target_from and d.frame is None and not d.extra_chain:
        return [d.content]
    chain = mod.clause_chain(d.content, stop=d.frame)
    for extra in d.extra_chain:
        if extra not in chain:
            chain.extend(t for t in mod.clause_chain(extra) if t not in chain)
    return chain


def _reject_mode(inner: Draft | None) -> str | None:
    return _assist_mode(inner.category) if inner is not None else None


def _request_mode(category: str | None) -> str | None:
    return _assist_mode(category) if category is not None else None


def _assist_mode(category: str) -> str:
    """REQUEST/REJECT modes (shared in the manual): what is asked for or refused."""
    if category == "CONSULT":
        return "meet"
    if category in ("RETREAT", "CONCEDE"):
        return "yield"
    if category in ("AID", "COOPERATE", "SUPPORT", "AGREE"):
        return "assist"
    return "change"


def _threat_mode(category: str | None) -> str | None:
    if category in ("ASSAULT", "MOBILIZE"):
        return "violence"
    if category == "COERCE":
        return "restrict"
    if category in ("SANCTION", "PROTEST"):
        return "relations" if category == "SANCTION" else "restrict"
    return None




def _conditional_on_unless(d: Draft) -> bool:
    """"X will withdraw its troops unless Y ...": PLOVER reads a conditional act as a threat."""
    for head in [d.content] + ([d.frame] if d.frame is not None else []):
        for tok in mod.clause_chain(head):
            for child in tok.children:
                if child.dep_ == "advcl" and any(m.lower_ == "unless" for m in child.children if m.dep_ == "mark"):
                    return True
    return False


@Language.factory("dyad_events", requires=["doc._.mentions"], assigns=["doc._.events"])
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    return EventCoder(nlp, name)
