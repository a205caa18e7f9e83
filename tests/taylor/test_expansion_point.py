"""Why an expansion point fails: poles, the edge of the domain, corners, infinite slopes."""

import json

import pytest
import sympy as sp

from nablalab.taylor import ExpansionPointError, check_expansion_points, taylor_series

x = sp.Symbol("x", real=True)


def test_which_expansion_points_work_for_2_over_x_squared_minus_x():
    verdicts = check_expansion_points(2 / (x**2 - x), [0, 1, 2, -1, sp.Rational(1, 2)])
    assert [v.works for v in verdicts] == [False, False, True, True, True]
    assert {v.kind for v in verdicts if not v.works} == {"pole"}
    assert "pole" in verdicts[0].reason and "x = 0" in verdicts[0].reason


@pytest.mark.parametrize(
    ("f", "a", "kind", "order"),
    [
        (sp.log(x), 0, "edge_of_domain", 0),
        (sp.log(x), -1, "outside_domain", 0),
        (sp.sqrt(x), 0, "edge_of_domain", 1),
        (sp.Abs(x), 0, "not_smooth", 1),
        (x * sp.Abs(x), 0, "not_smooth", 2),
        (sp.real_root(x, 3), 0, "blows_up", 1),
        (1 / (x - 2) ** 2, 2, "pole", 0),
    ],
)
def test_failure_kinds(f, a, kind, order):
    with pytest.raises(ExpansionPointError) as caught:
        taylor_series(f, a, 3, with_convergence=False)
    assert caught.value.kind == kind
    assert caught.value.order == order


def test_abs_is_fine_away_from_its_corner():
    series = taylor_series(sp.Abs(x), -2, 2, with_convergence=False)
    assert sp.expand(series.polynomial) == -x


def test_corner_message_names_the_one_sided_slopes():
    with pytest.raises(ExpansionPointError, match="-1 from the left but 1 from the right"):
        taylor_series(sp.Abs(x), 0, 1, with_convergence=False)


def test_verdicts_are_json_ready_and_accept_text():
    verdicts = check_expansion_points("2/(x^2 - x)", ["0", "3"])
    data = [v.to_dict() for v in verdicts]
    json.dumps(data)
    assert [d["works"] for d in data] == [False, True]
