"""The one matcher of a typed cell text to an enumeration's option, for every reader of files
(attendance lists, survey exports, a region's tables, the template).

In order: a label, variant or short label in any language (`forms.reference.resolve`: case,
spaces, endings, Kazakh letters, transliteration); an abbreviation of
resources/abbreviations.toml that stands for one option («МРЦ», «НПО», «ҮЕҰ»); words that
begin the words of one option's label («Студенты», «Студенттер», «Благотворительные»). The
last two are read with a note telling the clerk what the text was read as; a text that fits
two options or more is left for the clerk to choose, the candidates named (`choice_note`).
"""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass

from forms.paths import resources_dir
from forms.published import PublishedSet, active
from forms.reference import get_enum, item_names, label_tokens, normalize_label, resolve

MIN_PREFIX = 4       # letters of a typed word that may begin a label's word («студ»)
MIN_SHARED = 5       # letters a typed word shares with a label's word of another ending
MAX_ENDING = 3       # letters of the typed word's own ending after what they share
_KK_FOLD = str.maketrans("әғқңөұүһі", "агкноуухи")
# Words that join, not name (folded: Kazakh letters as `_KK_FOLD` writes them): a typed
# «Студенты и школьники» is judged by its naming words.
_JOINING = frozenset({"и", "или", "в", "во", "на", "по", "из", "с", "со", "для", "жане", "мен",
                      "бен", "пен", "of", "and", "the", "for"})
# Words that name no option of their own: «Другие» is not «… и других учреждений».
_NOT_NAMING = frozenset({"другие", "другое", "другой", "другая", "других", "иные", "иное",
                         "прочие", "прочее", "баска", "баскалар", "other", "others"})


@dataclass(frozen=True)
class Choice:
    code: str | None                 # the option read; None when unknown or ambiguous
    how: str                         # label, abbreviation, word, ambiguous or unknown
    candidates: tuple[str, ...] = ()  # the options the text fits (several: ambiguous)
    abbreviation: str | None = None  # the table of resources/abbreviations.toml it used

    @property
    def noted(self) -> bool:
        """Read from a short word or an abbreviation: the clerk is told what it became."""
        return self.code is not None and self.how != "label"


@functools.cache
def abbreviations() -> dict[str, dict]:
    """resources/abbreviations.toml: name -> {words, ru, kk, en}."""
    with open(resources_dir() / "abbreviations.toml", "rb") as fh:
        return tomllib.load(fh)


def _fold(text: str) -> str:
    return normalize_label(text).translate(_KK_FOLD)


@functools.cache
def _abbreviation_of() -> dict[str, str]:
    """A folded abbreviation -> the name of its table."""
    return {_fold(w): name for name, t in abbreviations().items() for w in t["words"]}


def read_choice(enum: str, text, *, contained: bool = False) -> Choice:
    """What `text` names among `enum`'s options (`contained`: a label found inside a longer
    text counts too, as `forms.reference.resolve` takes it)."""
    if text is None or not str(text).strip():
        return Choice(None, "unknown")
    code = resolve(enum, str(text).strip(), contained=contained)
    if code is not None and not _by_code(enum, str(text), code):
        return Choice(code, "label", (code,))
    return _short(enum, _fold(str(text)), active())


def _by_code(enum: str, text: str, code: str) -> bool:
    """`resolve` matched the text only as the option's code spelled in Cyrillic (a typed
    «Студенты» is the code STUDENT's «студент» with an ending): no label of it."""
    toks = label_tokens(text)
    if normalize_label(text) == normalize_label(code) or toks != label_tokens(code):
        return False
    return all(label_tokens(n) != toks for n in item_names(get_enum(enum).item(code)))


@functools.lru_cache(maxsize=4096)
def _short(enum: str, key: str, _pset: PublishedSet) -> Choice:
    abbr = _abbreviation_of().get(key)
    fits = _abbreviated(enum, abbr) if abbr else ()
    how = "abbreviation"
    if not fits:
        abbr, how = None, "word"
        fits = _worded(enum, tuple(w for w in key.split() if w not in _JOINING))
    if len(fits) == 1:
        return Choice(fits[0], how, fits, abbr)
    return Choice(None, "ambiguous" if fits else "unknown", fits, abbr)


def _abbreviated(enum: str, abbr: str) -> tuple[str, ...]:
    """The options that stand for the table `abbr`: one of its words is a word of their
    names, or they list it in `means`."""
    words = {_fold(w) for w in abbreviations()[abbr]["words"]}
    index = _name_words(enum, active())
    return tuple(code for code, names in index.items()
                 if abbr in (get_enum(enum).item(code).extra.get("means") or ())
                 or any(words & set(name) for name in names))


def _worded(enum: str, typed: tuple[str, ...]) -> tuple[str, ...]:
    """The options one of whose names holds, for each typed word, a word it begins (or
    shares a stem with); a word shorter than MIN_PREFIX letters only as that very word
    («не треб.»), and at least one typed word is longer."""
    if not any(len(w) >= MIN_PREFIX for w in typed) or any(
            not w.isalpha() or w in _NOT_NAMING for w in typed):
        return ()
    return tuple(code for code, names in _name_words(enum, active()).items()
                 if any(all(any(_fits(w, n) for n in name) for w in typed) for name in names))


def _fits(typed: str, word: str) -> bool:
    if len(typed) < MIN_PREFIX:
        return typed == word
    if word.startswith(typed):
        return True
    shared = 0
    for a, b in zip(typed, word):
        if a != b:
            break
        shared += 1
    return shared >= MIN_SHARED and len(typed) - shared <= MAX_ENDING


@functools.lru_cache(maxsize=256)
def _name_words(enum: str, _pset: PublishedSet) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Option code -> the folded words of each of its names."""
    return {item.code: tuple(tuple(_fold(n).split()) for n in item_names(item))
            for item in get_enum(enum).items}


def choice_message(enum: str, text, choice: Choice,
                   lang: str = "ru") -> tuple[str, dict] | None:
    """(message code, params) of the clerk's note on `choice`: what a short word was read
    as, or which options an ambiguous one fits; None for a label read as it is, or a text
    that fits nothing (each reader says that in its own words, with the allowed values)."""
    e = get_enum(enum)
    shown = str(text).strip()
    if choice.how == "ambiguous":
        names = "; ".join(e.item(c).short_label(lang) for c in choice.candidates)
        return "choice_ambiguous", {"text": shown, "candidates": names}
    if not choice.noted or choice.code is None:
        return None
    label = e.item(choice.code).short_label(lang)
    if choice.abbreviation:
        table = abbreviations()[choice.abbreviation]
        return "choice_abbreviation", {"text": shown, "meaning": table.get(lang) or table["ru"],
                                       "label": label}
    return "choice_read_as", {"text": shown, "label": label}


def choice_note(enum: str, text, choice: Choice, lang: str = "ru") -> tuple[str, str] | None:
    """(message code, text in `lang`) of `choice_message`."""
    from forms.messages import message_text

    got = choice_message(enum, text, choice, lang)
    return None if got is None else (got[0], message_text(got[0], lang, got[1]))


def read_cell(enum: str, value, lang: str = "ru") -> tuple[str | None, tuple | None]:
    """(code, (message code, params, severity) or None) of a table's cell (the region's
    table, the template): a label read as it is; a short word or an abbreviation with a
    warning saying as what; an ambiguous text an error naming the candidates, an unknown one
    an error naming the options (`tpl_not_choice`; the reader adds its `field`)."""
    choice = read_choice(enum, value)
    if choice.how == "label":
        return choice.code, None
    note = choice_message(enum, value, choice, lang) or ("tpl_not_choice", {
        "value": str(value), "allowed": "; ".join(i.label(lang) for i in get_enum(enum).items)})
    return choice.code, (*note, "warning" if choice.code else "error")


def clear_cache() -> None:
    """Forget the table and what was read (tests, or after resources were replaced)."""
    for fn in (abbreviations, _abbreviation_of, _short, _name_words):
        fn.cache_clear()
