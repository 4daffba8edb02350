"""Inflected forms of German reporting verbs: weak conjugation by rule, strong verbs by table.

Why a module of its own: the lexicon (:mod:`medialens.codebook.verbs`) indexes every entry by
its surface forms, so the forms must be generated for any verb a user adds in YAML, without a
morphology resource. Weak verbs follow the regular paradigm; the strong and irregular base
verbs that reporting verbs are built on are listed in :data:`IRREGULAR` and found behind
inseparable prefixes (*bestreiten* → *bestritt*).

Limits: a strong verb missing from the table is conjugated as a weak one (its strong forms
are then only found through the lookup lemmatizer or the entry's ``forms``); separable
particles are the caller's business (:class:`medialens.codebook.verbindex.Lexicon`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

#: prefixes that are never separated and take no ``ge-`` in the participle
INSEPARABLE_PREFIXES: tuple[str, ...] = (
    "hinter",
    "wider",
    "unter",
    "über",
    "wieder",
    "miss",
    "emp",
    "ent",
    "zer",
    "ver",
    "be",
    "er",
    "ge",
)

#: forms of strong and irregular base verbs that weak conjugation cannot produce:
#: base → (finite forms, participle). A base marked with a trailing ``!`` gets no generated
#: regular forms at all (``sein``, ``wissen``, ``wollen``).
IRREGULAR: Mapping[str, tuple[str, str]] = {
    "sprechen": (
        "spricht sprichst sprach sprachst sprachen spracht spräche sprächen",
        "gesprochen",
    ),
    "geben": ("gibt gibst gab gabst gaben gabt gäbe gäben", "gegeben"),
    "weisen": ("wies wiesest wiesen wiest wiese", "gewiesen"),
    "heben": ("hob hobst hoben hobt höbe höben", "gehoben"),
    "streichen": ("strich strichst strichen stricht striche", "gestrichen"),
    "streiten": ("stritt strittst stritten strittet stritte", "gestritten"),
    "rufen": ("rief riefst riefen rieft riefe", "gerufen"),
    "schreiben": ("schrieb schriebst schrieben schriebt schriebe", "geschrieben"),
    "nennen": ("nannte nanntest nannten nanntet nennte", "genannt"),
    "denken": ("dachte dachtest dachten dachtet dächte dächten", "gedacht"),
    "bringen": ("brachte brachtest brachten brachtet brächte brächten", "gebracht"),
    "raten": ("rät rätst riet rietst rieten rietet riete", "geraten"),
    "schließen": ("schloss schlosst schlossen schlösse", "geschlossen"),
    "stehen": ("stand standst standen standet stünde stünden stände", "gestanden"),
    "sehen": ("sieht siehst sah sahst sahen saht sähe sähen", "gesehen"),
    "werfen": ("wirft wirfst warf warfst warfen warft würfe würfen", "geworfen"),
    "halten": ("hält hältst hielt hieltst hielten hieltet hielte", "gehalten"),
    "lassen": ("lässt ließ ließt ließen ließe", "gelassen"),
    "bitten": ("bat batst baten batet bäte bäten", "gebeten"),
    "ziehen": ("zog zogst zogen zogt zöge zögen", "gezogen"),
    "tun": ("tue tust tut tun tat tatst taten tatet täte täten", "getan"),
    "kommen": ("kam kamst kamen kamt käme kämen", "gekommen"),
    "gehen": ("ging gingst gingen gingt ginge", "gegangen"),
    "finden": ("fand fandst fanden fandet fände fänden", "gefunden"),
    "schlagen": (
        "schlägt schlägst schlug schlugst schlugen schlugt schlüge schlügen",
        "geschlagen",
    ),
    "bieten": ("bot botst boten botet böte böten", "geboten"),
    "fahren": ("fährt fährst fuhr fuhrst fuhren fuhrt", "gefahren"),
    "lesen": ("liest las lasen last läse", "gelesen"),
    "schwören": ("schwor schworst schworen schwort schwüre", "geschworen"),
    "dringen": ("drang drangst drangen drangt dränge", "gedrungen"),
    "treten": ("tritt trittst trat traten tratet träte", "getreten"),
    "nehmen": ("nimmt nimmst nahm nahmst nahmen nahmt nähme nähmen", "genommen"),
    "scheiden": ("schied schiedst schieden schiedet schiede", "geschieden"),
    "empfehlen": ("empfiehlt empfiehlst empfahl empfahlen empfähle empföhle", "empfohlen"),
    "befehlen": ("befiehlt befiehlst befahl befahlen beföhle befähle", "befohlen"),
    "schreien": ("schrie schriest schrien", "geschrien"),
    "preisen": ("pries priesest priesen priest", "gepriesen"),
    "werben": ("wirbt wirbst warb warben warbt würbe", "geworben"),
    "kennen": ("kannte kanntest kannten kanntet", "gekannt"),
    "wenden": ("wandte wandten wandtest", "gewandt"),
    "heißen": ("hieß hießen hießt hieße", "geheißen"),
    "greifen": ("griff griffst griffen grifft griffe", "gegriffen"),
    "tragen": ("trägt trägst trug trugst trugen trugt trüge trügen", "getragen"),
    "gleichen": ("glich glichst glichen glicht gliche", "geglichen"),
    "sein!": (
        "bin bist ist sind seid war warst waren wart wäre wären sei seiest seien seiet",
        "gewesen",
    ),
    "wissen!": (
        "wissen weiß weißt wisst wisse wissest wusste wusstest wussten wusstet wüsste wüssten",
        "gewusst",
    ),
    "werden!": (
        "werden werde wirst wird werdet werdest wurde wurdest wurden wurdet würde würdest würden",
        "geworden",
    ),
    "wollen!": ("wollen will willst wollt wolle wollte wolltest wollten wolltet", "gewollt"),
}

_IRREGULAR = {k.rstrip("!"): (v, k.endswith("!")) for k, v in IRREGULAR.items()}


def _stem(infinitive: str) -> str:
    if infinitive.endswith(("eln", "ern")):
        return infinitive[:-1]
    if infinitive.endswith("en"):
        return infinitive[:-2]
    if infinitive.endswith("n"):
        return infinitive[:-1]
    return infinitive


def _needs_e(stem: str) -> bool:
    """*berichtet*, *rechnet*: an ``e`` before ``t``/``st`` after d/t or consonant + m/n."""
    if stem.endswith(("d", "t")):
        return True
    return len(stem) >= 2 and stem[-1] in "mn" and stem[-2] not in "aeiouäöüylrhmn"


def _split_prefix(verb: str) -> tuple[str, str] | None:
    """``(inseparable prefix, irregular base)`` if ``verb`` ends in a verb of the table."""
    best = None
    for base in _IRREGULAR:
        if verb.endswith(base) and (best is None or len(base) > len(best)):
            prefix = verb[: -len(base)]
            if prefix == "" or prefix in INSEPARABLE_PREFIXES:
                best = base
    if best is None:
        return None
    return verb[: -len(best)], best


def verb_forms(verb: str, extra: Iterable[str] = ()) -> tuple[frozenset[str], frozenset[str]]:
    """``(finite and infinitive forms, participles)`` of a verb without separable particle.

    Weak conjugation by rule (present, past, Konjunktiv I/II, participle); strong and
    irregular verbs from :data:`IRREGULAR` (also behind an inseparable prefix:
    *bestreiten* → *bestritt*, *bestritten*). ``extra`` forms beginning with ``ge`` (or any
    form ending in ``-en``/``-t`` that the caller marks) are treated as participles.
    """
    verb = verb.lower()
    finite: set[str] = {verb}
    participles: set[str] = set()
    split = _split_prefix(verb)
    complete = False
    if split is not None:
        prefix, base = split
        forms, complete = _IRREGULAR[base]
        irregular, participle = forms
        finite.update(prefix + f for f in irregular.split())
        if prefix:
            participles.add(
                prefix + (participle[2:] if participle.startswith("ge") else participle)
            )
        else:
            participles.add(participle)
    if not complete:
        stem = _stem(verb)
        e = "e" if _needs_e(stem) else ""
        el = verb.endswith(("eln", "ern"))
        finite.update(
            {
                stem + "e",
                stem + e + "st",
                stem + e + "t",
                verb,
                stem + "est",
                stem + "et",
            }
        )
        if el:
            finite.add(stem[:-2] + stem[-1] + "e")  # äußre, bemängle
        if split is None:
            finite.update(stem + e + s for s in ("te", "test", "ten", "tet"))
            ge = not verb.startswith(INSEPARABLE_PREFIXES) and not verb.endswith("ieren")
            participles.add(("ge" if ge else "") + stem + e + "t")
    for f in extra:
        f = f.lower()
        if f.startswith("ge") and not verb.startswith("ge"):
            participles.add(f)
        else:
            finite.add(f)
    return frozenset(finite), frozenset(participles)


def adjective_forms(word: str) -> set[str]:
    w = word.lower()
    return {w} | {w + s for s in ("e", "en", "er", "es", "em")}
