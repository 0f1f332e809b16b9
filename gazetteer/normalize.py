"""Name keys shared by the cache build and every query.

Three levels, each looser than the last:

* ``normalize``: what a reader would call the same spelling (case, accents,
  apostrophes, hyphens and dots do not matter; a leading "the" does not either).
* ``strip_articles``: the same name with Arabic article prefixes removed
  ("Ar Raqqah" and "Raqqah"), so transliterations with and without them meet.
* ``dotted_key``: apart from those, the key of a dotted abbreviation as written
  ("Ill.", "W. Va."), where the dots are what makes it a name.
* ``skeleton``: a transliteration key that folds the vowel and consonant
  variants English, French and German spellings give to one Arabic, Cyrillic or
  Persian name (Kiev/Kyiv, Hodeidah/Al Hudaydah, Deir ez-Zor/Dayr az Zawr).
* ``spelling_form``: between the two, the letters two romanisations of one name
  share once the usual choices are folded (e/a, o/u, i/y, dh/z, ou/u, a doubled
  letter, a final h after a vowel): "Mezzeh" and "Al Mazzah", "Hawija" and
  "Al Hawijah" have one form; "Rajouri" and "Rajaori" have close ones. The
  skeleton finds the candidates, the form says how close each one is.
* ``vowel_written_or_not``: the skeletons of the same name with one short vowel between
  two consonants written or left out ("Hmeimim", "Humaymim"), which the looser
  spelling look-up also asks for.
* ``other_reading``: the name with the letters that romanisation systems read in two
  ways read the other way (``x`` is "ks" in most European spellings but the h sound in
  Somali and old Spanish ones; ``kh`` and ``zh`` are how English writes Russian letters
  other systems write "h" and "j"). A name with such letters gets both readings' keys.
"""

from __future__ import annotations

import operator
import re
import unicodedata

# Letters NFKD leaves alone because they are not "letter + accent".
SPECIAL_LETTERS = {
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "ł": "l",
    "ħ": "h",
    "ı": "i",
    "þ": "th",
    "æ": "ae",
    "œ": "oe",
    "ŀ": "l",
    "ŧ": "t",
    "ƒ": "f",
}

# Apostrophes, quote marks and the ayn/hamza signs of transliterations vanish:
# "Sana'a", "Sanaʿa" and "Sanaa" are one name.
DROPPED_MARKS = "'\"`´‘’‚‛“”„‟ʻʼʽʾʿˈ′″"

_TRANSLATE = str.maketrans({**SPECIAL_LETTERS, **{mark: None for mark in DROPPED_MARKS}})
# What _TRANSLATE does to ASCII text (SPECIAL_LETTERS are all non-ASCII): normalize's fast path.
ASCII_DROPPED_MARKS = "'\"`"
_SEPARATORS = re.compile(r"[\W_]+")
# Combining diacritics (NFKD splits "é" into "e" + U+0301); the blocks Latin-script names use.
COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")

ARABIC_ARTICLES = frozenset({"al", "ar", "as", "ash", "ad", "el", "an", "at", "az", "ez", "es", "ed"})
# The article's Levantine "e" spellings ("Ras en-Naqoura", "Beit er-Rus", "Khan et-Tujjar"),
# dropped only by the transliteration keys: as whole words they are also the Hebrew "En"
# (a spring: "En Gedi") and French "en", so a name matched exactly keeps them.
LEVANTINE_ARTICLES = frozenset({"en", "er", "et", "esh"})

# Multi-letter spellings of one sound, folded before single letters are mapped. "dh" is
# how English writes the Arabic letter GeoNames gives as "z" (Kadhimiya, Al Kazimiyah).
SKELETON_DIGRAPHS = (("dh", "z"), ("ou", "u"), ("ph", "f"), ("ck", "k"), ("dj", "j"), ("ee", "i"), ("oo", "u"))
SKELETON_LETTERS = str.maketrans({"q": "k", "c": "k", "x": "ks"})
SKELETON_VOWELS = frozenset("aeiouyw")
SKELETON_VOWEL_MARK = "*"
_VOWELS_TO_MARK = str.maketrans({vowel: SKELETON_VOWEL_MARK for vowel in SKELETON_VOWELS})
# Both in one pass: neither table touches what the other maps, nor "h".
_LETTERS_AND_VOWELS = {**SKELETON_LETTERS, **_VOWELS_TO_MARK}
_REPEATS = re.compile(r"(.)\1+")
_X_RUNS = re.compile(r"xx+")
_FIRST_OF_RUN = operator.itemgetter(1)  # a callable replacement: much faster than the template r"\1"


def normalize(name: str) -> str:
    """The comparison form of a name: ``"The U.S."`` -> ``"u s"``, ``"Sana'a"`` -> ``"sanaa"``."""
    if not isinstance(name, str):
        raise TypeError(f"expected a place name as str, got {name!r}")
    if name.isascii():
        text = name.lower()
        if text.isalnum():
            return text  # one plain word: nothing to fold (most names; saves the regex in bulk)
    else:
        # Decompose before and after folding: compatibility letters ("𝐴") fold only once
        # decomposed, and folding can yield new combining marks ("İ" -> "i" + dot).
        folded = unicodedata.normalize("NFKD", name).casefold()
        text = COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", folded))
    if text.isascii():
        # Of _TRANSLATE only ASCII_DROPPED_MARKS apply; three replaces beat its table 5 to 1.
        text = text.replace("'", "").replace('"', "").replace("`", "")
    else:
        text = text.translate(_TRANSLATE)
    text = _SEPARATORS.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def dotted_key(written: str) -> str:
    """The key of a dotted abbreviation as written: ``"W. Va."`` and ``"W.Va."`` -> ``"w.va."``.

    "" unless the text carries a dot and starts with a capital letter: "Ill." is
    Illinois, while "Ill", "ill" and "ill." (a sentence's last word) are not.
    """
    if not isinstance(written, str):
        raise TypeError(f"expected a place name as str, got {written!r}")
    text = "".join(written.split())
    if "." not in text or not text[:1].isupper():
        return ""
    return text.casefold()


def strip_articles(norm: str) -> str:
    """Drop Arabic article tokens from a normalised name; never empties a name.

    ``"ar raqqah"`` -> ``"raqqah"``, ``"deir ez zor"`` -> ``"deir zor"``.
    """
    if " " not in norm:
        return norm  # one word: an article alone is kept (never empties a name)
    tokens = norm.split()
    kept = [token for token in tokens if token not in ARABIC_ARTICLES]
    return " ".join(kept) if kept else norm


# Letters with a second reading in another romanisation system, and that reading, each only
# where that system writes it: Somali (and old Spanish) x before a vowel for the h sound
# ("Xuddur", "Hudur"); a first kh, English for the Russian and Ukrainian letter Romanian and
# Turkish spellings write h ("Kherson", "Herson"); the dzh of Russian transliteration for the
# j of others ("Dzhankoi", "Jankoy"); Somali ee before a consonant for a long e where English
# reads i ("Beledweyne", "Beledweine"; a final ee is the French past participle's: "Vallée"). The usual reading stays the key's own. An h reading only
# where the keys keep an h (first, or before a vowel): a final h is dropped, so "Kalix"
# read as "Kalih" would be another spelling of "Kelly".
OTHER_READINGS = (
    (re.compile(r"x(?=[aeiouy])"), "h"),
    (re.compile(r"\bkh(?=[a-z])"), "h"),
    (re.compile("dzh"), "j"),
    (re.compile("ee(?=[b-df-hj-np-tv-z])"), "e"),
)


def other_reading(norm: str) -> str:
    """``norm`` with every letter of ``OTHER_READINGS`` read the other way; ``norm`` itself when
    it has none: ``"xuddur"`` -> ``"huddur"``, ``"kherson"`` -> ``"herson"``."""
    if "x" not in norm and "kh" not in norm and "dzh" not in norm and "ee" not in norm:
        return norm
    for letters, reading in OTHER_READINGS:
        norm = letters.sub(reading, norm)
    return norm


def skeletons(norm: str) -> tuple[str, ...]:
    """The skeletons of both readings of a name (one when it has no letter read two ways)."""
    first = skeleton(norm)
    reading = other_reading(norm)
    if reading == norm:
        return (first,)  # most names: no second key to compute
    other = skeleton(reading)
    return (first,) if other == first else (first, other)


def spelling_forms(norm: str) -> tuple[str, ...]:
    """The spelling forms of both readings of a name (one when it has no letter read two ways)."""
    first = spelling_form(norm)
    reading = other_reading(norm)
    if reading == norm:
        return (first,)
    other = spelling_form(reading)
    return (first,) if other == first else (first, other)


def skeleton(norm: str) -> str:
    """A transliteration key: articles and spaces dropped, vowel runs as one mark,
    h after the first letter dropped, doubled letters folded.

    ``skeleton("kiev") == skeleton("kyiv")``; ``skeleton("paris") != skeleton("peru")``.
    """
    return bare_skeleton(strip_articles(norm))


def strip_levantine_articles(bare: str) -> str:
    """Drop the article's Levantine spellings (``LEVANTINE_ARTICLES``); never empties a name."""
    if " " not in bare:
        return bare
    tokens = bare.split()
    kept = [token for token in tokens if token not in LEVANTINE_ARTICLES]
    return " ".join(kept) if kept and len(kept) < len(tokens) else bare


# Romanisations differ in whether they write a short vowel between two consonants: spoken
# Levantine Arabic drops the first syllable's (Hmeimim, Humaymim; Sbeineh, Subaynah), Slavic
# spellings write a syllabic r or l with or without one (Srbrnica, Srebrenica; Trnovo,
# Tarnovo). ``vowel_written_or_not`` gives the skeletons a name has with one such vowel
# written or left out, for names of at least this many consonants: shorter ones, changed
# by a vowel, meet other names by chance. (The spelling forms of what it finds are compared
# after, as for every variant.)
VOWEL_CHOICE_MIN_CONSONANTS = 3


def vowel_written_or_not(skel: str) -> tuple[str, ...]:
    """The skeletons ``skel`` becomes with one vowel between two consonants written (where it
    has none) or left out (where it has one), in order of position:
    ``vowel_written_or_not("hm*m*m")`` holds ``"h*m*m*m"``.

    An empty tuple for skeletons of fewer than ``VOWEL_CHOICE_MIN_CONSONANTS`` consonants.
    """
    mark = SKELETON_VOWEL_MARK
    if len(skel) - skel.count(mark) < VOWEL_CHOICE_MIN_CONSONANTS:
        return ()
    found: dict[str, None] = {}
    for i in range(1, len(skel)):
        before, here = skel[i - 1], skel[i]
        if before != mark and here != mark:
            found[skel[:i] + mark + skel[i:]] = None
        elif here == mark and before != mark and i + 1 < len(skel) and skel[i + 1] not in (mark, before):
            # Not between two same letters: a skeleton would fold them into one ("Hmeimim" is
            # no spelling of "Hmeim").
            found[skel[:i] + skel[i + 1 :]] = None
    return tuple(found)


def bare_skeleton(bare: str) -> str:
    """``skeleton`` of a name whose articles are already stripped (saves a split in bulk use)."""
    text = strip_levantine_articles(bare).replace(" ", "")
    for digraph, single in SKELETON_DIGRAPHS:
        if digraph in text:
            text = text.replace(digraph, single)
    if "xx" in text:
        # "x" is the one letter the table writes as two ("ks"): its doubling folds first, as
        # any letter's does after, so that a doubled x and a single one share a skeleton.
        text = _X_RUNS.sub("x", text)
    text = text.translate(_LETTERS_AND_VOWELS)
    # kh/sh/gh/dh/th and a trailing h are spelling choices; a leading h is not.
    return _REPEATS.sub(_FIRST_OF_RUN, text[:1] + text[1:].replace("h", ""))


# ``spelling_form``: the digraphs and letters one sound is written with, folded; vowels
# keep three classes (a/e, i/y, o/u), which the skeleton merges into one mark.
SPELLING_DIGRAPHS = (("dh", "z"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ph", "f"), ("ck", "k"))
SPELLING_LETTERS = str.maketrans({"e": "a", "o": "u", "y": "i", "q": "k"})
SPELLING_VOWELS = frozenset("aiu")


def spelling_form(norm: str) -> str:
    """The letters two romanisations of one name share: articles, spaces and doubled
    letters dropped, usual spelling choices folded, a final h after a vowel dropped.

    ``spelling_form("mezzeh") == spelling_form("al mazzah") == "maza"``.
    """
    text = strip_levantine_articles(strip_articles(norm)).replace(" ", "")
    for digraph, single in SPELLING_DIGRAPHS:
        if digraph in text:
            text = text.replace(digraph, single)
    text = _REPEATS.sub(_FIRST_OF_RUN, text.translate(SPELLING_LETTERS))
    if len(text) > 3 and text[-1] == "h" and text[-2] in SPELLING_VOWELS:
        text = text[:-1]
    return text
