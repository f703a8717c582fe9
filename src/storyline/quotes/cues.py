"""Reporting cues as data: the verbs, nouns and phrases that introduce speech.

The parser that finds quotations runs without spaCy's lemmatizer (it is not
needed for anything else), so cue verbs are matched by their written forms,
generated here from the base form plus a short table of irregular verbs.

Three sets matter:

* :data:`SPEECH_VERBS`: verbs of saying ("said", "warned", "assured"); a direct
  quote next to one of them is attributed to its subject;
* :data:`THOUGHT_VERBS`: verbs of belief and knowledge ("believes", "thinks") that
  PolNeAR counts as attributions when they take a clause, never next to a quote;
* :data:`SOURCE_NOUNS`: things that speak for an organisation ("the statement
  … reads", "a spokesman said").
"""

from __future__ import annotations

SPEECH_VERBS = """
say tell add declare stress assure reassure warn note acknowledge insist explain announce state claim argue
report reply respond comment conclude continue emphasize emphasise underline underscore reiterate repeat
confirm deny admit affirm assert maintain predict promise pledge vow urge ask demand accuse criticize
criticise condemn praise threaten complain estimate indicate inform mention observe opine propose recommend
reveal signal specify tweet write post recall remind point describe call brand dub label caution advise
suggest allege contend counter retort quip joke boast concede lament testify announce disclose clarify
highlight reaffirm recount relate tout hint muse remark exclaim shout scream whisper yell plead order
instruct demand stress caution agree disagree object protest question wonder speculate guarantee
summarize summarise characterize characterise cite blast slam lash thank welcome appeal answer confess
chime interject scoff snap fire add acknowledge gush insist marvel proclaim recount rule tease grumble
blame chide rebuke scold berate lambaste commend applaud congratulate denounce decry hail
fume rage rant gripe grouse sneer mock taunt gloat growl bark mutter murmur sigh
""".split()

THOUGHT_VERBS = """
believe think feel fear hope expect know worry doubt suspect consider reckon guess imagine
""".split()

#: verbs whose object is what was said: of judging ("criticized Lepik for the delay", "accused him of
#: lying", "described the visit") and of making known ("announced a new fund", "reported a loss of
#: $3 million", "cited security concerns"); the object and its "for"/"of"/"as"/"over" phrase are the
#: report (PolNeAR's reading)
OBJECT_REPORT_VERBS = frozenset("""criticize criticise condemn praise blast slam blame chide rebuke scold berate
lambaste commend applaud congratulate denounce decry hail accuse describe characterize characterise
announce report reveal disclose unveil confirm deny propose predict estimate acknowledge admit cite""".split())

#: verbs by which a count or a document speaks ("the poll found …", "the emails show …"), only with
#: one of :data:`EVIDENCE_NOUNS` for subject
EVIDENCE_VERBS = ["show", "find"]
EVIDENCE_NOUNS = frozenset("""poll polls survey surveys study studies report reports analysis analyses research
data figures numbers statistics results findings estimate estimates email emails document documents record records
review audit investigation inquiry probe census tally count model models projection projections forecast
forecasts test tests experiment trial memo memos transcript transcripts filing filings letter letters video
videos footage photos images recording recordings assessment evaluation paper""".split())

#: phrasal cues: the verb is a cue only with this particle ("pointed out", "called on")
PARTICLE_CUES = {"point": ("out",), "call": ("on", "for"), "go": ("on",), "lash": ("out",), "sum": ("up",),
                 "shoot": ("back",), "fire": ("back",)}

#: nouns that stand for an organisation speaking ("the statement released … reads")
SOURCE_NOUNS = frozenset("""
statement communique communiqué declaration release announcement letter report document text resolution
press note memo message post tweet reply response website ad advert editorial op-ed sign banner
""".split())

#: verbs that make a document speak ("the statement reads", "the communiqué states")
DOCUMENT_VERBS = frozenset("read reads stated states said says noted notes added adds stressed stresses".split())

_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "think": ("thinks", "thought", "thinking"),
    "feel": ("feels", "felt", "feeling"),
    "know": ("knows", "knew", "known", "knowing"),
    "hold": ("holds", "held", "holding"),
    "go": ("goes", "went", "gone", "going"),
    "lead": ("leads", "led", "leading"),
    "read": ("reads", "read", "reading"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "forecast": ("forecasts", "forecast", "forecasting"),
    "sum": ("sums", "summed", "summing"),
    "slam": ("slams", "slammed", "slamming"),
    "shoot": ("shoots", "shot", "shooting"),
    "quip": ("quips", "quipped", "quipping"),
    "plead": ("pleads", "pleaded", "pled", "pleading"),
    "admit": ("admits", "admitted", "admitting"),
    "post": ("posts", "posted", "posting"),
    "object": ("objects", "objected", "objecting"),
    "blast": ("blasts", "blasted", "blasting"),
    "show": ("shows", "showed", "shown", "showing"),
    "find": ("finds", "found", "finding"),
}

_VOWELS = "aeiou"


def inflect(verb: str) -> tuple[str, ...]:
    """The written forms of a regular (or tabled irregular) verb, base form first."""
    if verb in _IRREGULAR:
        return (verb, *_IRREGULAR[verb])
    if verb.endswith("e"):
        past, ing = verb + "d", verb[:-1] + "ing"
    elif verb.endswith("y") and verb[-2] not in _VOWELS:
        past, ing = verb[:-1] + "ied", verb + "ing"
    else:
        past, ing = verb + "ed", verb + "ing"
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2] not in _VOWELS:
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    return (verb, third, past, ing)


def _forms(verbs: list[str]) -> dict[str, str]:
    return {form: verb for verb in verbs for form in inflect(verb)}


#: written form -> base form
SPEECH_FORMS: dict[str, str] = _forms(SPEECH_VERBS)
THOUGHT_FORMS: dict[str, str] = _forms(THOUGHT_VERBS)
CUE_FORMS: dict[str, str] = {**THOUGHT_FORMS, **SPEECH_FORMS}
EVIDENCE_FORMS: dict[str, str] = _forms(EVIDENCE_VERBS)

#: verbs whose object is the person spoken to, not the speaker ("told reporters")
ADDRESSEE_VERBS = frozenset({"tell", "inform", "remind", "assure", "reassure", "urge", "ask", "thank", "warn",
                             "advise", "instruct", "order"})
#: verbs of naming: "called X “inhumane”" takes the quote as a complement of the object
NAMING_VERBS = frozenset({"call", "brand", "dub", "label", "describe", "characterize", "characterise"})


def cue_base(word: str) -> str | None:
    """Base form of a cue verb written as ``word`` (any case), or None."""
    return CUE_FORMS.get(word.lower())


def is_speech(word: str) -> bool:
    return word.lower() in SPEECH_FORMS


#: cue verbs whose base and -s forms are mostly nouns in news ("member states", "the report"): only
#: their past and -ing forms make a sentence worth parsing
_NOUNISH = frozenset("""call report note state post order question point comment promise demand claim estimate
welcome thank object reply joke protest appeal blast label brand signal doubt guess hope fear worry tweet
answer release statement record text remark cite counter lash plead alert hail blame rant bark sigh gripe
mock rage""".split())
#: cue verbs too common in other senses ("continue to", "expected to", "agreed on") to make a sentence
#: without quote marks worth parsing on their own
_WEAK = frozenset("""continue expect agree know feel consider hope fear worry welcome thank rule fire snap
order question object joke cite doubt guess imagine suspect""".split())
TRIGGER_FORMS = frozenset(f for f, base in CUE_FORMS.items()
                          if base not in _WEAK and (base not in _NOUNISH or f not in (base, inflect(base)[1])))


def has_cue_word(text: str) -> bool:
    """Cheap test on raw text: does it hold a cue form, "according to", or a verb of evidence and a
    thing that gives evidence ("the poll found")? (decides what to parse)"""
    low = text.lower()
    if "according to" in low:
        return True
    words = set(low.replace("\u2019", " ").replace(",", " ").replace(".", " ").split())
    return not words.isdisjoint(TRIGGER_FORMS) or (
        not words.isdisjoint(EVIDENCE_FORMS) and not words.isdisjoint(EVIDENCE_NOUNS))
