"""The leaderboards page: the best learners of every Sandpit variant."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from nablalab.optimize.sandpit import VARIANTS
from nablalab.web.sandpit.scores import leaderboard, personal_best


def leaderboards(request: HttpRequest) -> HttpResponse:
    boards = [{"variant": name, "about": about, "rows": leaderboard(name),
               "yours": personal_best(request.user, name)} for name, about in VARIANTS.items()]
    return render(request, "sandpit/leaderboards.html", {"boards": boards})
