"""Word lists that hint at an organisation, for the features of the entity tagger.

Why: the tagger learns from 2,200 sentences only, in which a given company, broadcaster or club
appears once or never; a name it has not seen is a capitalised word like any other. These lists
give it what a German newspaper reader knows: *Siemens*, *dpa*, *Werder* are organisations, and
a compound ending in *-bank*, *-verlag* or *-gymnasium* names one more often than not. They are
**features**, not rules: the weights (learnt on GermEval dev) decide how much each is worth, so
*Bayern* (a state and a club) or *Spiegel* (a mirror and a magazine) are weighed in context.

Written from general knowledge of German-language news (companies, media and news agencies,
parties, unions, sports clubs, international and civil-society organisations of Germany,
Austria, Switzerland and the world); not taken from any data set. Limits: a list is never
complete and ages (mergers, renamings); it is biased towards large and well-known names.
"""

from __future__ import annotations

import re

from medialens.codebook.patterns import trie_regex


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


#: one-word names that are (almost) always an organisation (as written; a genitive ``-s`` is
#: checked by the caller)
ORG_NAMES: frozenset[str] = _words(
    """
    Adidas Airbus Aldi Allianz Amazon Audi BASF Bayer Beiersdorf Bertelsmann BMW Boeing
    Bombardier Bosch Brenntag Covestro Daimler Commerzbank Degussa Edeka Eon E.ON Evonik
    Facebook Ferrari Fiat Fresenius Gazprom Google Henkel Hochtief Honda Hyundai IBM Ikea
    Infineon Intel Kaufhof Karstadt Lanxess Lidl Linde Lufthansa Mercedes Merck Microsoft
    Mitsubishi Motorola Nestlé Netflix Nike Nissan Nokia Novartis Nvidia Opel Oracle Peugeot
    Pfizer Philips Porsche Qualcomm Renault Rewe Roche RWE Ryanair Samsung SAP Schaeffler
    Schering Siemens Sony Spotify Swatch Swisscom Telekom Tesla ThyssenKrupp Thyssenkrupp
    Toshiba Toyota TUI Twitter Uber UBS Unilever Vattenfall Vodafone Volkswagen VW Volvo
    Vonovia Walmart Yahoo Zalando Instagram WhatsApp YouTube Wikipedia Huawei Alibaba Baidu
    Tencent Sberbank Rosneft Lukoil Aeroflot Skoda Škoda Citroën Michelin Danone Carrefour
    Ericsson Hofer Billa Raiffeisen Sparkasse Postbank Volksbank Hypovereinsbank
    HypoVereinsbank Unicredit UniCredit Citigroup JPMorgan Barclays HSBC Santander OMV
    Voestalpine voestalpine Wienerberger Strabag Andritz Novomatic Palfinger KTM Swarovski
    Rosatom Petrobras Chevron ExxonMobil Glencore Monsanto Syngenta Hapag-Lloyd Maersk Mærsk
    ÖBB SBB Eurowings Easyjet easyJet
    ARD ZDF WDR NDR SWR MDR RBB ORF SRF RTL ProSieben Sat.1 n-tv ntv Arte 3sat ATV BBC CNN
    NBC CBS Al-Dschasira Al-Jazeera Reuters AFP APA dpa DPA SID KNA epd Bloomberg FAZ taz
    Handelsblatt Tagesspiegel NZZ Tagesschau Tagesthemen Guardian Economist Politico
    Libération Corriere Repubblica Iswestija Kommersant Xinhua TASS Tass Interfax Ukrinform
    Haaretz Cicero Kicker Playboy
    CDU CSU SPD FDP AfD Grüne Grünen Linkspartei PDS NPD DKP ÖVP SPÖ FPÖ NEOS KPÖ BZÖ SVP
    Fidesz PiS Likud Hamas Hisbollah Fatah Taliban Al-Kaida Al-Qaida ISIS Daesh Tories
    Labour Podemos Syriza Ennahda Muslimbruderschaft Bundeswehr Bundestag Bundesrat
    Bundesregierung Bundesverfassungsgericht Bundesgerichtshof Bundesanwaltschaft
    Bundeskanzleramt Bundesbank Bundesagentur Bundeskartellamt Bundesnachrichtendienst BND
    Verfassungsschutz Europol Interpol Nationalrat Europaparlament Nato NATO Uno UNO Unesco
    UNESCO Unicef UNICEF UNHCR WHO WTO IWF OECD OPEC Opec OSZE EZB EU-Kommission Eurogruppe
    Weltbank Frontex Greenpeace Attac Amnesty Caritas Diakonie Misereor Oxfam WWF Nabu NABU
    ADAC ÖAMTC Verdi ver.di Ver.di DGB ÖGB GdP GDL Bitkom BDI BDA DIHK FIFA Fifa UEFA Uefa
    IOC DFB DFL ÖFB NBA NHL NFL ATP WTA DOSB Bundesliga Borussia Schalke Werder Hertha
    Eintracht Hoffenheim Juventus Chelsea Ajax Benfica Galatasaray Fenerbahçe Beşiktaş PSG
    Lazio Atlético Dynamo Spartak Zenit Rapid LASK Admira Celtics Lakers Yankees McLaren
    Harvard Yale Stanford Sorbonne Charité ETH EPFL Fraunhofer Max-Planck-Gesellschaft
    Helmholtz Ifo ifo DIW ZEW Wifo WIFO Gallup Forsa Infratest Allensbach Emnid YouGov Ipsos
    Scientology Bischofskonferenz EKD Beatles Rammstein Scorpions Metallica Nirvana Coldplay
    """
)
#: the names of :data:`ORG_NAMES` written in lower case (``dpa``, ``taz``): the tagger looks
#: for these separately, as its runs start with a capital
LOWERCASE_ORG_NAMES: frozenset[str] = frozenset(w for w in ORG_NAMES if w[:1].islower())
#: one-word names of organisations that are also common nouns, places or given names
#: (``Spiegel``, ``Bayern``, ``Otto``): a separate feature, weaker evidence
ORG_NAMES_AMBIGUOUS: frozenset[str] = _words(
    """
    Spiegel Stern Focus Bild Welt Zeit Presse Standard Kurier Krone Heute Profil Falter News
    Blick Times Bunte Titanic Phoenix Vox Servus Puls Apple Shell Total Continental Metro
    Merkur Spar Puma Verbund Erste Magna Otto Seat Bayern Union Real Inter Austria Sturm
    Arsenal Celtic Rangers Williams Kreml Pentagon Vatikan Senat Kongress Parlament Landtag
    Bahn Post Linke Linken Republikaner Demokraten Oxford Cambridge Red Bull Queen
    """
)
#: endings of compound nouns that name an organisation far more often than anything else
#: (``Commerzbank``, ``Umweltbundesamt``, ``Ärztekammer``, ``Carlsen-Verlag``); the matched
#: ending itself is the feature, so the weights can tell ``-bank`` from ``-rat``
ORG_COMPOUND_ENDINGS: tuple[str, ...] = (
    "ministerium",
    "verband",
    "verbände",
    "gewerkschaft",
    "institut",
    "stiftung",
    "behörde",
    "rundfunk",
    "universität",
    "hochschule",
    "akademie",
    "gymnasium",
    "realschule",
    "schule",
    "bank",
    "kasse",
    "amt",
    "gericht",
    "gerichtshof",
    "kammer",
    "agentur",
    "gesellschaft",
    "genossenschaft",
    "konzern",
    "verlag",
    "gruppe",
    "werke",
    "werk",
    "verein",
    "partei",
    "fraktion",
    "kommission",
    "klinik",
    "klinikum",
    "krankenhaus",
    "museum",
    "theater",
    "oper",
    "orchester",
    "philharmoniker",
    "club",
    "klub",
    "bund",
    "bündnis",
    "rat",
    "zeitung",
    "blatt",
    "magazin",
    "sender",
    "fernsehen",
    "radio",
    "airlines",
    "airline",
    "versicherung",
    "holding",
    "unternehmen",
    "betriebe",
    "bahn",
    "post",
    "dienst",
    "zentrale",
    "polizei",
    "armee",
    "marine",
    "regierung",
    "parlament",
    "senat",
    "tag",
    "liga",
    "bewegung",
    "front",
    "netzwerk",
    "initiative",
    "forum",
    "zentrum",
)


#: the endings, reversed, as a character trie (longest first): one regex match on the reversed
#: word instead of one test per ending
_ENDINGS_REV_RE = re.compile(
    trie_regex([re.escape(c) for c in reversed(e)] for e in ORG_COMPOUND_ENDINGS)
)


def org_ending(word: str) -> str | None:
    """The longest organisation ending of a compound (``Commerzbank`` → ``bank``), or ``None``.

    The word must be longer than the ending by three letters at least, so that ``Bank``,
    ``Amt`` or ``Rat`` on their own (common nouns) and ``Monat``/``Salat`` (short stems)
    do not count; a hyphenated word is judged by its last part (``Carlsen-Verlag``:
    ``verlag``).
    """
    return org_ending_reversed(word.lower()[::-1])


def org_ending_reversed(rev: str) -> str | None:
    """:func:`org_ending` of the word whose lower-case form, reversed, is ``rev``.

    At most ``len(rev) - 3`` letters may be the ending; an ending holds no hyphen, so a match
    stops at the last part of a hyphenated word by itself.
    """
    m = _ENDINGS_REV_RE.match(rev, 0, max(0, len(rev) - 3))
    return m.group()[::-1] if m else None
