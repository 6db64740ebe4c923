"""magcalc: how much magnesium did I get today, and is it enough? Not medical advice."""

__version__ = "0.1.0"
