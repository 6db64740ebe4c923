"""Free text -> USDA food. Pure functions over the food table, plus a lazily built index.

USDA descriptions read from the general to the particular ("Nuts, almonds, dry roasted,
without salt added"); people type "almonds" or "dry roasted almonds". A food scores by how
much of the query it covers, whether the query names its head (the first segments), how many
words the description adds beyond the query (plain forms add few), whether USDA's survey uses
it, and whether it is a branded, fast-food, baby or restaurant item nobody asked for.
"""

from __future__ import annotations

import bisect
import csv
import io
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from magcalc.errors import UnknownFood
from magcalc.foods import USER_PREFIX, Food, get_food, load_foods, user_foods
from magcalc.resources import read_text

USER_MATCH_MIN = 90  # rapidfuzz token_sort_ratio: a typo in the name of your own food still finds it

_TOKEN = re.compile(r"\d+(?:[.-]\d+)*%?|[a-z]+")
_STOPWORDS = frozenset({"of", "a", "an", "the", "and", "or", "in", "on", "for", "to", "d"})
# Words that make a description more specific without changing what the food is: cheap extras.
_NEUTRAL = frozenset(
    [
        "raw",
        "cooked",
        "boiled",
        "drained",
        "without",
        "salt",
        "added",
        "plain",
        "fresh",
        "mature",
        "seed",
        "fluid",
        "whole",
        "regular",
        "all",
        "variety",
        "commercial",
        "prepared",
        "nut",
        "bean",
        "kernel",
        "edible",
        "unenriched",
        "enriched",
        "ready",
        "usda",
        "commodity",
        "include",
        "vitamin",
        "solid",
        "milkfat",
        "fat",
        "meat",
        "only",
        "lean",
        "skin",
        "nfs",
        "ns",
    ]
)
# Food groups (and brands) that people rarely mean unless their words ask for them.
_ASKED_BY = {
    "Baby Foods": {"baby", "babyfood", "infant", "toddler", "gerber", "beech", "heinz"},
    "Fast Foods": {"fast"},
    "Restaurant Foods": {"restaurant"},
    "American Indian/Alaska Native Foods": {"indian", "alaska", "native", "navajo", "hopi", "apache"},
}
_PENALTY_UNASKED = 30.0


def stem(word: str) -> str:
    """A light plural folding, applied to queries and descriptions alike."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ie"):
        return word[:-2] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "oes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    words = _TOKEN.findall(text.lower().replace("'", "").replace("\u2019", ""))
    return [stem(w) for w in words if w not in _STOPWORDS]


@dataclass(frozen=True, slots=True)
class _Doc:
    food_id: str
    tokens: dict[str, int]  # token -> segment of its first appearance (99: common names)
    desc_tokens: tuple[str, ...]
    brand_tokens: frozenset[str]
    group: str
    survey: bool


@dataclass(frozen=True, slots=True)
class Scored:
    food: Food
    score: float
    complete: bool  # every word of the query was found in the food


class _Index:
    """Postings (word -> foods) and each food's document, kept packed in strings (fast to load
    from the cache) and unpacked for the foods a query touches."""

    def __init__(self, postings: dict[str, str], packed: dict[str, str]) -> None:
        self.postings = postings  # token -> space-separated food ids
        self._packed = packed  # food id -> the packed document
        self._docs: dict[str, _Doc] = {}
        self._ids: dict[str, frozenset[str]] = {}
        self.vocabulary = sorted(postings)

    def ids(self, token: str) -> frozenset[str]:
        found = self._ids.get(token)
        if found is None:
            found = self._ids[token] = frozenset(self.postings[token].split())
        return found

    def doc(self, food_id: str) -> _Doc:
        doc = self._docs.get(food_id)
        if doc is None:
            doc = self._docs[food_id] = _unpack_doc(food_id, self._packed[food_id])
        return doc

    @lru_cache(maxsize=8192)  # noqa: B019 - one index per process, kept for its lifetime
    def expand(self, token: str) -> dict[str, float]:
        """Vocabulary words that a query word may stand for, with how sure that is."""
        if token in self.postings:
            return {token: 1.0}
        found: dict[str, float] = {}
        if len(token) >= 3 and token.isalpha():
            start = bisect.bisect_left(self.vocabulary, token)
            for word in self.vocabulary[start:]:
                if not word.startswith(token):
                    break
                found[word] = 0.85
        if len(token) >= 4:
            for word, similarity, _ in process.extract(
                token, self.vocabulary, scorer=fuzz.ratio, score_cutoff=80, limit=5
            ):
                found.setdefault(word, 0.75 * similarity / 100)
        return found


def _make_doc(food: Food) -> _Doc:
    tokens: dict[str, int] = {}
    desc_tokens: list[str] = []
    for segment, part in enumerate(food.description.split(",")):
        for token in tokenize(part):
            tokens.setdefault(token, segment)
            desc_tokens.append(token)
    for token in tokenize(food.common_names):
        tokens.setdefault(token, 99)
    brand_words = [w for w in re.findall(r"[A-Za-z'\u2019]+", food.description) if w.isupper() and len(w) > 1]
    brand_tokens = set(tokenize(" ".join(brand_words))) | set(tokenize(food.manufacturer))
    return _Doc(
        food_id=food.food_id,
        tokens=tokens,
        desc_tokens=tuple(dict.fromkeys(desc_tokens)),
        brand_tokens=frozenset(brand_tokens),
        group=food.food_group,
        survey=food.survey,
    )


_SEP = "\x1f"


def _index_rows() -> tuple[dict[str, str], dict[str, str]]:
    """The postings and every food's packed document (what the cache keeps)."""
    postings: dict[str, list[str]] = {}
    packed: dict[str, str] = {}
    for doc in map(_make_doc, load_foods().values()):
        for token in doc.tokens:
            postings.setdefault(token, []).append(doc.food_id)
        packed[doc.food_id] = _SEP.join(
            (
                " ".join(f"{t}:{s}" for t, s in doc.tokens.items()), " ".join(doc.desc_tokens),
                " ".join(sorted(doc.brand_tokens)), doc.group, "Y" if doc.survey else "",
            )
        )  # fmt: skip
    return {t: " ".join(ids) for t, ids in postings.items()}, packed


def _unpack_doc(food_id: str, packed: str) -> _Doc:
    tokens, desc, brand, group, survey = packed.split(_SEP)
    return _Doc(
        food_id=food_id,
        tokens={t: int(s) for t, _, s in (pair.rpartition(":") for pair in tokens.split())},
        desc_tokens=tuple(desc.split()),
        brand_tokens=frozenset(brand.split()),
        group=group,
        survey=survey == "Y",
    )


@cache
def _index() -> _Index:
    from magcalc.cache import load_or_build
    from magcalc.foods import DATA_FILES

    postings, packed = load_or_build("index", (*DATA_FILES, "aliases.csv"), _index_rows)
    return _Index(postings, packed)


def _score(doc: _Doc, expansions: list[dict[str, float]], query_words: set[str]) -> tuple[float, bool]:
    covered = 0.0
    missing = 0
    matched: set[str] = set()
    segments: set[int] = set()
    for options in expansions:
        best, best_token = 0.0, ""
        for token, weight in options.items():
            if weight > best and token in doc.tokens:
                best, best_token = weight, token
        if best_token:
            covered += best
            matched.add(best_token)
            segments.add(doc.tokens[best_token])
        else:
            missing += 1
    score = 100 * covered / len(expansions) - 50 * missing
    score += 8 * (0 in segments) + 4 * (1 in segments)
    if doc.desc_tokens and doc.desc_tokens[0] in matched:
        score += 4  # the query names the description's head word ("Yogurt, ..." over "Tofu yogurt")
    for token in doc.desc_tokens:
        if token not in matched:
            score -= _extra_cost(token)
    score += 4 * doc.survey
    asked_by = _ASKED_BY.get(doc.group)
    if (asked_by is not None and not (query_words & asked_by or matched & doc.brand_tokens)) or (
        doc.brand_tokens and not matched & doc.brand_tokens
    ):
        score -= _PENALTY_UNASKED
    return score, missing == 0


def _extra_cost(token: str) -> float:
    if token in _NEUTRAL:
        return 0.5
    if token == "with" or token[0].isdigit():
        return 1.0
    return 3.0


def rank(query: str, limit: int = 10) -> list[Scored]:
    """Foods that match `query`, best first. Foods that miss some words rank below those that don't."""
    words = tokenize(query)
    if not words:
        return []
    index = _index()
    expansions = [index.expand(word) for word in words]
    postings = [set().union(*(index.ids(t) for t in options)) for options in expansions]
    candidates = set.intersection(*postings)
    if not candidates:
        candidates = set().union(*postings)
    foods = load_foods()
    query_words = set(words)
    scored = []
    for food_id in candidates:
        score, complete = _score(index.doc(food_id), expansions, query_words)
        scored.append(Scored(foods[food_id], score, complete))
    scored.sort(key=lambda s: (not s.complete, -s.score, len(s.food.description), s.food.food_id))
    return scored[:limit]


def _normalise(query: str) -> str:
    return " ".join(query.lower().split())


def forget_resolved() -> None:
    """Drop cached answers (the user's foods changed)."""
    _resolve_normalised.cache_clear()


def user_match(query: str) -> Food | None:
    """The user's own food or recipe that `query` names: the same words, or nearly (a typo)."""
    words = " ".join(tokenize(query))
    best: tuple[float, Food] | None = None
    for food in user_foods():
        name = " ".join(tokenize(food.description))
        if name == words:
            return food
        score = fuzz.token_sort_ratio(words, name)
        if score >= USER_MATCH_MIN and (best is None or score > best[0]):
            best = (score, food)
    return best[1] if best else None


@lru_cache(maxsize=16384)
def _resolve_normalised(query: str) -> Food:
    if query.startswith(USER_PREFIX):
        food = get_food(query)
        if food is None:
            raise UnknownFood(f"no food of yours has the id {query}")
        return food
    if (own := user_match(query)) is not None:
        return own
    if query.isdigit() and len(query) <= 5:
        food = get_food(query)
        if food is None:
            raise UnknownFood(f"no USDA food has the id {query.zfill(5)}")
        return food
    alias = _aliases().get(" ".join(tokenize(query)))
    if alias is not None:
        return alias
    ranked = rank(query, limit=5)
    if ranked and ranked[0].complete:
        return ranked[0].food
    suggestions = [s.food for s in ranked] or _fuzzy_suggestions(query)
    hint = (
        "; did you mean: " + " | ".join(f"{f.description} ({f.food_id})" for f in suggestions)
        if suggestions
        else ""
    )
    raise UnknownFood(f"unknown food {query!r}{hint}")


@cache
def _aliases() -> dict[str, Food]:
    """Curated phrase -> food overrides (data/aliases.csv), for where USDA's wording defeats scoring."""
    foods = load_foods()
    rows = csv.DictReader(io.StringIO(read_text("aliases.csv")))
    return {" ".join(tokenize(row["phrase"])): foods[row["food_id"]] for row in rows}


def resolve(query: str) -> Food:
    """The food a person most likely means by `query`, or UnknownFood with up to 5 suggestions."""
    normalised = _normalise(query)
    if not normalised:
        raise UnknownFood("the food name is empty")
    return _resolve_normalised(normalised)


@cache
def _lowered_descriptions() -> dict[str, str]:
    return {food_id: food.description.lower() for food_id, food in load_foods().items()}


def _fuzzy_suggestions(query: str) -> list[Food]:
    foods = load_foods()
    hits = process.extract(query, _lowered_descriptions(), scorer=fuzz.WRatio, score_cutoff=60, limit=5)
    return [foods[key] for _, _, key in hits]
