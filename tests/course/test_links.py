"""Links in lesson text: lesson/glossary/figure links get their URLs, and the first use of
each glossary term is linked (never in maths, code, headings or existing links)."""

from __future__ import annotations

from nablalab.course import render_markdown
from nablalab.course.glossary import Term
from nablalab.course.links import LinkKind, LinkTargets, classify

TERMS = (Term("gradient", "The vector of partial derivatives.", "the-jacobian",
              ("gradient vector",)),
         Term("partial derivative", "A derivative with the other variables held constant.",
              "variables"),
         Term("derivative", "The slope of a function.", "rise-over-run"))
TARGETS = LinkTargets(lessons={"the-jacobian": "/modules/m2/lessons/the-jacobian/"},
                      glossary_url="/glossary/", figures_url="/modules/m2/figures/",
                      terms=TERMS, lesson="the-hessian")


def test_links_are_classified_by_their_form():
    assert classify("lesson:the-jacobian#rows") == (LinkKind.LESSON, "the-jacobian")
    assert classify("glossary:Partial Derivative") == (LinkKind.GLOSSARY, "partial-derivative")
    assert classify("figures/a.svg") == (LinkKind.FIGURE, "a.svg")
    assert classify("https://example.org") == (LinkKind.EXTERNAL, "https://example.org")
    assert classify("#top") == (LinkKind.ANCHOR, "top")
    assert classify("../02-x/03-the-jacobian.md")[0] is LinkKind.UNKNOWN


def test_lesson_glossary_and_figure_links_get_urls():
    html = render_markdown("See [rows](lesson:the-jacobian#rows), [it](glossary:gradient) and "
                           "![contours of a bowl](figures/bowl.svg).", TARGETS)
    assert 'href="/modules/m2/lessons/the-jacobian/#rows"' in html
    assert 'href="/glossary/#gradient"' in html
    assert 'src="/modules/m2/figures/bowl.svg" alt="contours of a bowl"' in html


def test_a_figure_name_with_a_path_is_left_alone():
    html = render_markdown("![x](figures/../../secret.svg)", TARGETS)
    assert 'src="figures/../../secret.svg"' in html


def test_the_first_use_of_each_term_is_linked_once():
    html = render_markdown("A partial derivative is a derivative. Another derivative, and "
                           "gradients: the gradient.", TARGETS)
    assert html.count('class="glossary-term"') == 3
    link = '<a href="/glossary/#{}" class="glossary-term">{}</a>'
    assert link.format("partial-derivative", "partial derivative") in html
    assert link.format("derivative", "derivative") + ". Another" in html
    assert link.format("gradient", "gradients") + ": the gradient." in html


def test_terms_are_not_linked_in_maths_code_headings_or_links():
    html = render_markdown("## The gradient\n\n$\\text{gradient}$ `gradient` "
                           "[the gradient](https://example.org) and at last a gradient vector.",
                           TARGETS)
    assert html.count('class="glossary-term"') == 1
    assert '<a href="/glossary/#gradient" class="glossary-term">gradient vector</a>' in html


def test_a_term_is_not_linked_away_from_the_lesson_that_defines_it():
    defining = LinkTargets(glossary_url="/glossary/", terms=TERMS, lesson="the-jacobian")
    html = render_markdown("The **gradient** is a vector of each partial derivative.", defining)
    assert "#gradient" not in html and "#partial-derivative" in html


def test_a_term_linked_by_hand_is_not_linked_again():
    html = render_markdown("The [gradient](glossary:gradient) and the gradient.", TARGETS)
    assert html.count("/glossary/#gradient") == 1


def test_without_targets_nothing_is_rewritten():
    html = render_markdown("A derivative, [the Jacobian](lesson:the-jacobian).")
    assert 'href="lesson:the-jacobian"' in html and "glossary" not in html
