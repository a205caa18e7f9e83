"""The Sandpit's API: the floor stays on the server until the game ends, wins are kept for
signed-in learners only and only on a floor the server drew (a replayed seed is practice),
games belong to whoever started them, and the leaderboard ranks fewest digs first."""

from __future__ import annotations

import json

import pytest

from nablalab.optimize.sandpit import MAX_SEED, make_floor
from nablalab.web.sandpit.models import BestScore, Game
from tests.web.conftest import make_user

NEW, DIG = "/api/widgets/sandpit/new", "/api/widgets/sandpit/dig"
FLOOR_WORDS = ("reveal", "axis", "phone", "local_minima")


def post(client, url, body):
    return client.post(url, body, content_type="application/json")


def start(client, variant="minima", seed=2):
    response = post(client, NEW, {"variant": variant, "seed": seed})
    assert response.status_code == 200, response.content
    return response.json()


def start_fresh(client, variant="minima"):
    """A game on a floor the server drew, and that floor (read from the server's record: the
    answer does not tell the seed)."""
    response = post(client, NEW, {"variant": variant})
    assert response.status_code == 200, response.content
    game = response.json()
    return game, make_floor(variant, Game.objects.get(public_id=game["game"]).seed)


def win(client, game, floor, extra_digs=0):
    """Dig ``extra_digs`` times in a corner, then on the phone; the winning answer."""
    for i in range(extra_digs):
        post(client, DIG, {"game": game["game"], "x": 0.1, "y": 0.1 + i / 10})
    phone = floor.minimum
    answer = post(client, DIG, {"game": game["game"], "x": phone.x, "y": phone.y}).json()
    assert answer["outcome"] == "found"
    return answer


def far_spot(floor, i):
    """The i-th of a row of digs far from the phone and from every local minimum."""
    spots = [(x / 4, y / 4) for x in range(1, 24) for y in range(1, 24)
             if floor.minimum.distance(x / 4, y / 4) > 1
             and all(m.distance(x / 4, y / 4) > 1 for m in floor.local_minima)]
    return spots[i]


@pytest.mark.django_db
def test_digs_answer_depth_and_arrow_but_never_the_floor_until_the_end(client):
    game = start(client)
    floor = make_floor("minima", 2)
    for i in range(24):
        x, y = far_spot(floor, i)
        answer = post(client, DIG, {"game": game["game"], "x": x, "y": y}).json()
        assert answer["reveal"] is None and answer["guess"] == i + 1
        assert answer["depth"] == pytest.approx(floor.depth(x, y), abs=1e-3)
        assert len(answer["arrow"]) == 2
        text = json.dumps(answer)
        assert not any(f'"{word}"' in text for word in FLOOR_WORDS[1:])
    assert answer["outcome"] == "warning"
    x, y = far_spot(floor, 24)
    last = post(client, DIG, {"game": game["game"], "x": x, "y": y}).json()
    assert last["outcome"] == "lost" and last["saved"] is False
    reveal = last["reveal"]
    assert reveal["phone"] == pytest.approx([floor.minimum.x, floor.minimum.y])
    assert len(reveal["depth"]) == 61 and len(reveal["depth"][0]) == 61
    assert post(client, DIG, {"game": game["game"], "x": 1, "y": 1}).status_code == 409


@pytest.mark.django_db
def test_the_new_game_answer_holds_nothing_about_the_floor(client):
    game = start(client, "well", 5)
    assert not set(game) & set(FLOOR_WORDS)
    assert game["seed"] == 5 and game["arrows"] is True and game["ranked"] is False
    assert start(client, "depth", 1)["arrows"] is False
    fresh = post(client, NEW, {"variant": "intro"}).json()
    assert fresh["ranked"] is True and fresh["seed"] is None  # drawn, and kept secret
    assert 0 <= Game.objects.get(public_id=fresh["game"]).seed <= MAX_SEED


@pytest.mark.django_db
def test_a_fresh_floors_seed_comes_with_the_end_of_its_game(client):
    game, floor = start_fresh(client, "intro")
    for i in range(24):
        x, y = far_spot(floor, i)
        answer = post(client, DIG, {"game": game["game"], "x": x, "y": y}).json()
        assert "seed" not in json.dumps(answer)
    last = win(client, game, floor)
    assert last["reveal"]["seed"] == floor.seed  # now shareable, to replay as practice
    assert "practice" not in last["message"]


@pytest.mark.django_db
def test_stuck_message_at_a_local_minimum(client):
    game = start(client)
    trap = make_floor("minima", 2).local_minima[0]
    answer = post(client, DIG, {"game": game["game"], "x": trap.x, "y": trap.y}).json()
    assert answer["outcome"] == "stuck" and "local optimum" in answer["message"]


@pytest.mark.django_db
def test_a_signed_in_win_is_kept_and_only_improved(learner_client, learner):
    for extra_digs, expected in ((2, 3), (4, 3), (0, 1)):
        game, floor = start_fresh(learner_client)
        assert win(learner_client, game, floor, extra_digs)["saved"] is (extra_digs != 4)
        assert BestScore.objects.get(learner=learner, variant="minima").digs == expected
    board = post(learner_client, "/api/widgets/sandpit/leaderboard", {"variant": "minima"}).json()
    assert board["rows"][0] == {**board["rows"][0], "name": "ada", "digs": 1, "rank": 1}
    assert board["yours"] == 1


@pytest.mark.django_db
def test_a_replayed_floor_is_practice_and_never_changes_the_leaderboard(learner_client,
                                                                         learner):
    leaderboard = "/api/widgets/sandpit/leaderboard"
    replay = start(learner_client, "minima", 2)
    assert replay["ranked"] is False and replay["seed"] == 2
    won = win(learner_client, replay, make_floor("minima", 2))
    assert won["saved"] is False
    assert "Replayed floor 2: practice, not on the leaderboard." in won["message"]
    assert not BestScore.objects.exists()
    assert post(learner_client, leaderboard, {"variant": "minima"}).json()["rows"] == []

    game, floor = start_fresh(learner_client)
    assert win(learner_client, game, floor, extra_digs=3)["saved"] is True
    # Knowing that floor now, a one-dig replay of it does not beat the four-dig win.
    replay = start(learner_client, "minima", floor.seed)
    assert win(learner_client, replay, floor)["saved"] is False
    best = BestScore.objects.get(learner=learner, variant="minima")
    assert (best.digs, best.seed) == (4, floor.seed)
    board = post(learner_client, leaderboard, {"variant": "minima"}).json()
    assert [(r["name"], r["digs"]) for r in board["rows"]] == [("ada", 4)]
    assert board["yours"] == 4


@pytest.mark.django_db
def test_guests_play_without_saving(client):
    game, floor = start_fresh(client)
    assert game["ranked"] is True
    assert win(client, game, floor)["saved"] is False
    assert not BestScore.objects.exists()
    assert Game.objects.get(public_id=game["game"]).learner is None


@pytest.mark.django_db
def test_nobody_digs_in_someone_elses_game(learner_client, client):
    game = start(learner_client)
    assert post(client, DIG, {"game": game["game"], "x": 1, "y": 1}).status_code == 404
    other = client
    other.force_login(make_user("grace"))
    assert post(other, DIG, {"game": game["game"], "x": 1, "y": 1}).status_code == 404


@pytest.mark.django_db
def test_leaderboard_ranks_fewest_digs_then_earliest(client):
    from django.utils import timezone
    for name, digs in (("amy", 7), ("bob", 4), ("cat", 4)):
        BestScore.objects.create(learner=make_user(name), variant="rocks", digs=digs, seed=1,
                                 achieved=timezone.now())
    rows = post(client, "/api/widgets/sandpit/leaderboard",
                {"variant": "rocks"}).json()["rows"]
    assert [(r["name"], r["digs"]) for r in rows] == [("bob", 4), ("cat", 4), ("amy", 7)]
    page = client.get("/sandpit/leaderboards/").content.decode()
    assert "bob" in page and page.index("bob") < page.index("amy")


@pytest.mark.django_db
def test_signed_in_requests_need_the_csrf_token(learner):
    from django.test import Client
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner)
    assert post(strict, NEW, {"variant": "intro", "seed": 1}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(("body", "status"), [
    ({"variant": "lava"}, 422), ({"variant": "intro", "seed": -1}, 422),
])
def test_bad_new_game_requests(client, body, status):
    assert post(client, NEW, body).status_code == status


@pytest.mark.django_db
def test_digs_outside_the_pit_are_refused(client):
    game = start(client)
    assert post(client, DIG, {"game": game["game"], "x": 7, "y": 1}).status_code == 422
