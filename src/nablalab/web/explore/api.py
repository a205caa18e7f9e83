"""The widgets' JSON endpoints under ``/api/widgets/``: one router per exploration module,
so each can be read (and timed, see bench/widget_latency.py) on its own."""

from __future__ import annotations

from ninja import Router

from nablalab.web.api.throttles import LearnerRateThrottle
from nablalab.web.explore.endpoints import (
    descent,
    function,
    lagrange,
    match,
    neural,
    newton,
    regression,
    rise,
    sandpit,
    surface,
    taylor,
)

router = Router(throttle=[LearnerRateThrottle("widget")])
router.add_router("", function.router)
router.add_router("", rise.router)
router.add_router("", match.router)
router.add_router("", surface.router)
router.add_router("", taylor.router)
router.add_router("", regression.router)
router.add_router("", sandpit.router)
router.add_router("", descent.router)
router.add_router("", newton.router)
router.add_router("", lagrange.router)
router.add_router("", neural.router)
