"""The whole run: build the hosts, let learners work while each fault is injected and healed
(accounting after each), then the load steps, then one app server against two with each app
host held to a CPU budget (as separate machines would be), then a last accounting once
grading has drained. ``FULL`` is the bench; ``SHORT`` the CI test."""

from __future__ import annotations

import resource
import shutil
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.multihost.accounting import account, wait_until_graded
from bench.multihost.cluster import APPS, Cluster, Options
from bench.multihost.faults import FAULTS, Injected
from bench.multihost.journal import Journal, Outcome
from bench.multihost.learners import Crowd

RAMP_SECONDS = 240.0  # for every learner of a step to sign up
INJECTING = "injecting"
SUBMIT_HEAD_START = 1.0  # seconds between the submitters' new round and the fault


@dataclass(frozen=True)
class ScaleOut:
    """One app server against two, each app host held to ``app_cores`` of CPU."""

    learners: int
    app_cores: float
    seconds: float


@dataclass(frozen=True)
class Plan:
    name: str
    steps: tuple[int, ...]  # learners per load step
    step_seconds: float
    fault_learners: int  # learners at work while the faults happen
    settle_seconds: float  # learners work this long before a fault and after it heals
    scale_out: ScaleOut | None
    think_seconds: float  # a learner's pause between actions (on average)
    submitter_share: float  # of learners, those who submit the assignment (once per phase)
    lease_seconds: float  # a grading claim's lease: how soon a dead worker's job is retried
    drain_seconds: float  # longest wait for grading to finish after a fault


FULL = Plan("full", (50, 100, 200, 500), 60, 50, 10, ScaleOut(150, 0.35, 60), 1.0, 0.1,
            30, 300)
SHORT = Plan("short", (20, 50), 10, 20, 3, ScaleOut(30, 0.2, 10), 1.0, 0.25, 6, 90)


def phase_figures(outcomes: list[Outcome], seconds: float) -> dict[str, object]:
    answered = [o for o in outcomes if o.status]
    latencies = sorted(o.ms for o in answered) or [0.0]
    errors = [o for o in outcomes if not o.ok]
    return {
        "requests": len(outcomes),
        "ok": len(outcomes) - len(errors),
        "errors": len(errors),
        "requests_per_s": round((len(outcomes) - len(errors)) / seconds, 1),
        "p50_ms": round(statistics.median(latencies), 1),
        "p99_ms": round(latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))], 1),
        "checks_per_s": round(sum(o.ok and o.kind == "check" for o in outcomes) / seconds, 1),
        "shown": shown_errors(errors),
    }


def shown_errors(errors: list[Outcome]) -> list[dict[str, object]]:
    counted = Counter((o.kind, o.status, o.said) for o in errors)
    return [{"request": kind, "status": status, "said": said, "count": count}
            for (kind, status, said), count in counted.most_common(8)]


class Run:
    def __init__(self, plan: Plan, folder: Path, logs_to: Path | None = None) -> None:
        self.plan = plan
        self.folder, self.logs_to = folder, logs_to
        self.cluster = Cluster(folder, Options(lease_seconds=plan.lease_seconds))
        self.journal = Journal()
        self.crowd = Crowd(self.cluster.front_url, self.journal, plan.think_seconds,
                           plan.submitter_share)
        self.faults: list[dict[str, object]] = []
        self.load: list[dict[str, object]] = []
        self.result: dict[str, object] = {"plan": asdict(self.plan), "faults": self.faults,
                                          "load": self.load}

    def execute(self) -> dict[str, object]:
        started = time.monotonic()
        try:
            self.cluster.start()
            self.result["start_seconds"] = round(time.monotonic() - started, 1)
            try:
                self.ramp(self.plan.fault_learners)
                for name, inject in FAULTS:
                    self.fault(name, inject)
                for learners in self.plan.steps:
                    self.load_step(learners, list(APPS))
                if self.plan.scale_out:
                    self.scale_out(self.plan.scale_out)
            finally:
                self.journal.phase = "end"
                self.crowd.close()
            unfinished = wait_until_graded(self.cluster.database, self.plan.drain_seconds)
            with self.cluster.database() as connection:
                final = account(connection, self.journal)
            self.result["final"] = final.to_dict() | {"unfinished_after_drain": unfinished}
            self.result["simulation_errors"] = shown_errors(
                [o for o in self.journal.outcomes if o.kind == "learner-error"])
        finally:
            self.cluster.close()
            self.keep_logs()
        self.result["total_seconds"] = round(time.monotonic() - started, 1)
        return self.result

    def keep_logs(self) -> None:
        """Every host's log (services, PostgreSQL, nginx) copied out of the temp dir."""
        if self.logs_to is None:
            return
        self.logs_to.mkdir(parents=True, exist_ok=True)
        found = [*(self.folder / "logs").glob("*.log"), self.folder / "pg" / "postgresql.log",
                 self.folder / "nginx" / "error.log"]
        for path in found:
            if path.exists():
                shutil.copy(path, self.logs_to / f"{path.parent.name}-{path.name}")

    def ramp(self, learners: int) -> float:
        self.journal.phase = f"ramp-{learners}"
        started = time.monotonic()
        self.crowd.resize(learners)
        while self.crowd.signed_up() < learners and time.monotonic() - started < RAMP_SECONDS:
            time.sleep(0.5)
        return time.monotonic() - started

    def fault(self, name: str, inject: Callable[[Cluster], Injected]) -> None:
        phase = f"fault:{name}"
        self.journal.phase = phase
        time.sleep(self.plan.settle_seconds)
        # A new phase label: submitters submit again, so grading is under way at the fault.
        self.journal.phase = f"{phase}:{INJECTING}"
        time.sleep(SUBMIT_HEAD_START)
        injected = inject(self.cluster)
        time.sleep(self.plan.settle_seconds)
        healed = time.monotonic()
        unfinished = wait_until_graded(self.cluster.database, self.plan.drain_seconds)
        with self.cluster.database() as connection:
            accounts = account(connection, self.journal)
        outcomes = self.journal.in_phase(phase)
        errors = [o for o in outcomes if not o.ok]
        self.faults.append({
            "fault": name, **asdict(injected),
            "graded_after_heal_s": round(time.monotonic() - healed, 1),
            "unfinished_after_drain": unfinished,
            "requests": len(outcomes), "errors": len(errors),
            # from the first failed request's end to the last's: how long learners saw errors
            "errors_span_s": round(max(o.at for o in errors) - min(o.at for o in errors), 1)
            if errors else 0.0,
            "shown": shown_errors(errors),
            "statuses_seen": {text: count for (p, text), count
                              in self.journal.statuses_seen.items() if p.startswith(phase)},
            "accounts": accounts.to_dict()})

    def load_step(self, learners: int, apps: list[str], seconds: float | None = None,
                  app_cores: float | None = None) -> None:
        seconds = seconds or self.plan.step_seconds
        ramp_seconds = self.ramp(learners)
        phase = f"load-{learners}-{len(apps)}" + (f"-{app_cores}" if app_cores else "")
        cpu = self.cluster.cpu
        used, throttled, own = cpu.used_seconds(), cpu.throttled(), _own_cpu_seconds()
        self.journal.phase = phase
        time.sleep(seconds)
        self.journal.phase = f"after-{phase}"
        cores = {host: round((now - used[host]) / seconds, 2)
                 for host, now in cpu.used_seconds().items()}
        cores["learners"] = round((_own_cpu_seconds() - own) / seconds, 2)
        self.load.append({
            "learners": learners, "app_servers": len(apps), "app_cores": app_cores,
            "signed_up": self.crowd.signed_up(), "ramp_seconds": round(ramp_seconds, 1),
            "seconds": seconds, "cpu_cores": cores,
            "throttled_share": _throttled_share(throttled, cpu.throttled(), apps),
            **phase_figures(self.journal.in_phase(phase), seconds)})

    def scale_out(self, plan: ScaleOut) -> None:
        """One app server, then two, each app host held to ``plan.app_cores`` of CPU: on one
        machine whose hosts share two cores this is what shows a second app server's worth."""
        for app in APPS:
            self.cluster.cpu.limit(app, plan.app_cores)
        try:
            for apps in (["app1"], list(APPS)):
                self.cluster.use_apps(apps)
                self.load_step(plan.learners, apps, plan.seconds, plan.app_cores)
        finally:
            self.cluster.use_apps(list(APPS))
            for app in APPS:
                self.cluster.cpu.limit(app, None)


def _own_cpu_seconds() -> float:
    """CPU used by this process: the simulated learners (and the bench's bookkeeping)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _throttled_share(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]],
                     hosts: list[str]) -> dict[str, float]:
    """Of the scheduler's periods in which each host ran, the share its budget cut short."""
    shares = {}
    for host in hosts:
        periods = after[host][0] - before[host][0]
        shares[host] = round((after[host][1] - before[host][1]) / periods, 2) if periods else 0.0
    return shares


def run(plan: Plan, logs_to: Path | None = None) -> dict[str, object]:
    """The plan's run; ``logs_to`` keeps every host's log there (they go with the temp dir)."""
    with tempfile.TemporaryDirectory(prefix="nablalab-multihost-") as folder:
        return Run(plan, Path(folder), logs_to).execute()
