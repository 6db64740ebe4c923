"""What magcalc's numbers mean, with their sources: `magcalc about rls|rda|supplements`."""

from __future__ import annotations

from pydantic import BaseModel

from magcalc import foods, rda, supplements
from magcalc.models import NOT_ADVICE

TOPICS = ("rls", "rda", "supplements")


class Explanation(BaseModel):
    topic: str
    title: str
    paragraphs: list[str]
    sources: list[str]


def explain(topic: str) -> Explanation:
    """The explanation of one topic (one of TOPICS; the CLI checks the choice)."""
    low, high, source, note = rda.rls_range()
    if topic == "rls":
        return Explanation(
            topic=topic,
            title=f"The {low:g}-{high:g} mg RLS trial range",
            paragraphs=[
                f"Trials of magnesium for restless legs (RLS) have used {low:g}-{high:g} mg a day. "
                "magcalc shows where a day sits against that range as context: it is not a target "
                "and not a dose.",
                note,
                "Amounts from supplements above the upper limit (UL) belong under medical "
                "supervision. " + NOT_ADVICE,
            ],
            sources=[*rda.rls_trials(), " ".join(source.split())],
        )
    if topic == "rda":
        standards = [rda._standard(name) for name in rda.standards()]
        return Explanation(
            topic=topic,
            title="The reference intakes (RDA, AI) and the upper limit (UL)",
            paragraphs=[
                "The Recommended Dietary Allowance (RDA) is the daily intake that meets the needs of "
                "nearly all healthy people of an age, sex and life stage; where the evidence is "
                "thinner an Adequate Intake (AI) is set instead. magcalc uses the IOM values "
                "(US/Canada) unless --standard efsa is given. `magcalc rda` prints the table.",
                "The Tolerable Upper Intake Level (UL) for magnesium applies to supplemental magnesium "
                "(supplements and medication) only, never to magnesium in food: 350 mg a day from "
                "age 9 (IOM), 250 mg from age 4 (EU).",
                _cautions(),
                NOT_ADVICE,
            ],
            sources=[" ".join(str(s[key]).split()) for s in standards for key in ("source", "ul_source")]
            + [foods.SOURCE],
        )
    return Explanation(
        topic=topic,
        title="Magnesium supplements",
        paragraphs=[
            "Supplements are counted as elemental magnesium, the figure on a Supplement Facts label. "
            "The share of magnesium in each form is computed from its formula; `magcalc supplements` "
            "lists the forms.",
            _cautions(),
            NOT_ADVICE,
        ],
        sources=[" ".join(s.split()) for s in supplements.sources().values()],
    )


def _cautions() -> str:
    safety = supplements.safety()
    return (
        f"Above the UL, common side effects are {safety['side_effects']}. {safety['kidneys']} "
        f"Known interactions: {safety['interactions']}."
    )
