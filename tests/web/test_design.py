"""The stylesheet's colour pairs meet WCAG 2.1 AA contrast (4.5:1 for normal text)."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders

AA_NORMAL_TEXT = 4.5


def css_variables() -> dict[str, str]:
    with open(finders.find("nablalab/css/site.css"), encoding="utf-8") as handle:
        root = re.search(r":root\s*{(.*?)}", handle.read(), flags=re.S).group(1)
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", root))


def luminance(colour: str) -> float:
    """Relative luminance as WCAG defines it (sRGB linearised)."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


# (text, background) as the stylesheet uses them; "white" is #ffffff.
PAIRS = [("ink", "paper"), ("muted", "paper"), ("muted", "panel"), ("primary", "paper"),
         ("primary", "panel"), ("primary-dark", "paper"), ("white", "primary"),
         ("white", "primary-dark"), ("accent", "paper"), ("good", "paper"), ("bad", "paper"),
         ("ink", "panel")]
FIXED = [("#1b1f24", "#fff4e5"), ("#1b1f24", "#e8f3ec"), ("#1b1f24", "#fbeaea")]


@pytest.mark.parametrize(("text", "background"), PAIRS)
def test_palette_pairs_pass_aa(text, background):
    colours = css_variables() | {"white": "#ffffff"}
    assert contrast(colours[text], colours[background]) >= AA_NORMAL_TEXT


@pytest.mark.parametrize(("text", "background"), FIXED)
def test_fixed_backgrounds_pass_aa(text, background):
    assert contrast(text, background) >= AA_NORMAL_TEXT
