"""The derivative-match game: rounds are reproducible from their seed, the page gets no
hint of the answer, picks are checked on the server, and every distractor is what its
feedback says it is (checked against SymPy)."""

from __future__ import annotations

import json

import numpy as np
import pytest
import sympy as sp

from nablalab.web.explore.endpoints.match import CHOICES, build_round

ROUND, CHECK = "/api/widgets/derivative-match/round", "/api/widgets/derivative-match/check"
SEEDS = range(40)


def post(client, url, body):
    return client.post(url, body, content_type="application/json")


@pytest.mark.django_db
def test_a_round_is_the_same_for_the_same_seed_and_hides_the_answer(client):
    first = post(client, ROUND, {"seed": 7}).json()
    again = post(client, ROUND, {"seed": 7}).json()
    assert first == again
    assert len(first["candidates"]) == CHOICES
    text = json.dumps(first)
    for leak in ("kind", "derivative", "feedback", "latex", "answer", "correct"):
        assert leak not in text
    assert post(client, ROUND, {"seed": 8}).json() != first


@pytest.mark.django_db
def test_the_server_checks_the_pick_and_explains_the_mistake(client):
    results = [post(client, CHECK, {"seed": 11, "pick": i}).json() for i in range(CHOICES)]
    right = [r for r in results if r["correct"]]
    assert len(right) == 1 and right[0]["kind"] == "derivative"
    assert {r["answer"] for r in results} == {results.index(right[0])}
    for wrong in (r for r in results if not r["correct"]):
        assert wrong["kind"] != "derivative" and "Right" not in wrong["feedback"]
    assert post(client, CHECK, {"seed": 11, "pick": 4}).status_code == 422


@pytest.mark.parametrize("seed", SEEDS)
def test_each_candidate_is_the_curve_its_kind_names(seed):
    game = build_round(seed)
    grid = np.array(game["x"])
    f = np.array(game["f"], dtype=float)
    kinds = [c["kind"] for c in game["candidates"]]
    assert kinds.count("derivative") == 1 and len(set(kinds)) == CHOICES
    curves = {c["kind"]: np.array(c["y"], dtype=float) for c in game["candidates"]}
    # The derivative of the drawn f, by central differences of the samples (independent of
    # SymPy and of the engine), matches the "derivative" candidate away from the ends.
    slope = np.gradient(f, grid)
    scale = np.nanmax(np.abs(curves["derivative"]))
    assert np.nanmax(np.abs(slope[2:-2] - curves["derivative"][2:-2])) < 0.02 * scale
    if "itself" in curves:
        np.testing.assert_allclose(curves["itself"], f)
    if "negated" in curves:
        np.testing.assert_allclose(curves["negated"], -curves["derivative"], atol=1e-7)
    if "antiderivative" in curves:
        anti_slope = np.gradient(curves["antiderivative"], grid)
        assert np.nanmax(np.abs(anti_slope[2:-2] - f[2:-2])) < 0.02 * np.nanmax(np.abs(f))
    if "second" in curves:
        second = np.gradient(curves["derivative"], grid)
        assert np.nanmax(np.abs(second[2:-2] - curves["second"][2:-2])) < 0.02 * np.nanmax(
            np.abs(curves["second"]))
    if "raised" in curves:
        offset = curves["raised"] - curves["derivative"]
        assert np.ptp(offset) < 1e-6 and offset[0] > 0
    for kind, curve in curves.items():  # every distractor differs visibly from f'
        if kind != "derivative":
            assert np.nanmax(np.abs(curve - curves["derivative"])) > 0.05 * scale


def test_feedback_names_where_f_is_flat():
    x = sp.Symbol("x")
    for seed in SEEDS:
        game = build_round(seed)
        if game["f_latex"] == sp.latex(x**3 - 3 * x):
            itself = [c for c in build_round(seed)["candidates"] if c["kind"] != "derivative"]
            assert all("x ≈ -1.00 and x ≈ 1.00" in c["feedback"] for c in itself
                       if c["kind"] in ("itself", "shifted", "raised"))
            return
    pytest.fail("no round with f = x^3 - 3x among the seeds")
