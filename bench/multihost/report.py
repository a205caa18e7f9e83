"""The bench's tables (load steps, faults, the final accounting) and its JSON file."""

from __future__ import annotations

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parents[1] / "results" / "multihost.json"


def table(rows: list[list[object]], header: list[str]) -> str:
    cells = [header, *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def render(result: dict) -> str:
    load = table([[s["learners"], s["app_servers"], s.get("app_cores") or "all",
                   s["requests_per_s"], s["checks_per_s"], s["p50_ms"], s["p99_ms"],
                   s["errors"], s["ramp_seconds"]]
                  for s in result["load"]],
                 ["learners", "apps", "cores/app", "req/s", "checks/s", "p50 ms", "p99 ms",
                  "errors", "sign-up s"])
    hosts = list(result["load"][0].get("cpu_cores", {})) if result["load"] else []
    cpu = table([[s["learners"], s["app_servers"], s.get("app_cores") or "all",
                  *(s["cpu_cores"].get(h, "-") for h in hosts),
                  " ".join(f"{h} {v:.0%}" for h, v in s.get("throttled_share", {}).items()
                           if s.get("app_cores"))]
                 for s in result["load"] if "cpu_cores" in s],
                ["learners", "apps", "cores/app", *hosts, "budget bound"])
    faults = table([[f["fault"], round(f["seconds"], 1), f["graded_after_heal_s"],
                     f["errors"], _top(f["shown"]), _verdict(f["accounts"])]
                    for f in result["faults"]],
                   ["fault", "fault s", "drained s", "errors", "most shown", "accounting"])
    final = result.get("final", {})
    summary = (f"answers: {final.get('answers_acknowledged')} acknowledged, "
               f"{final.get('answers_recorded')} recorded, {final.get('answers_sent')} sent; "
               f"submissions: {final.get('submissions_acknowledged')} acknowledged, "
               f"{final.get('submissions_stored')} stored, {final.get('graded')} graded, "
               f"{final.get('failed_not_your_fault')} failed (not your fault), "
               f"{final.get('graded_again_after_a_lost_worker')} graded again after a lost "
               f"worker; {_verdict(final)}")
    return (f"Multi-host run ({result['plan']['name']}), hosts up in "
            f"{result.get('start_seconds')} s, {result.get('total_seconds')} s in all\n\n"
            f"{load}\n\nCPU used by each host (cores):\n{cpu}\n\n{faults}\n\n"
            f"Final accounting: {summary}")


def _top(shown: list[dict]) -> str:
    if not shown:
        return "-"
    top = shown[0]
    return f"{top['count']}x {top['status']} {top['said'][:50]!r}"


def _verdict(accounts: dict) -> str:
    problems = accounts.get("problems") if accounts else ["not reached"]
    return "; ".join(problems) if problems else "none lost, none twice, all graded"


def write(result: dict, path: Path = RESULTS) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
