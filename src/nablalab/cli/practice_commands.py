"""``nablalab practice [TOPIC]``: fresh questions in the terminal, checked as you type.

Without a topic it lists the topics. In a session: type an answer (it is shown back as
"interpreted as"), "?" for a hint, "s" for the worked solution, "q" to quit. The running
score is kept in practice.json under $NABLALAB_HOME (default ~/.local/share/nablalab).

``nablalab practice --adaptive`` chooses the questions itself, as the web app's "practise
now" does: the weakest skill due (prerequisites first), with fresh variants, estimating
mastery from every answer. The learner's skills are kept in mastery.json beside the score.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

from nablalab.adaptive import (
    SkillState,
    Status,
    next_question,
    record,
    skill_evidence,
    skill_map,
    variant_outcomes,
)
from nablalab.adaptive.learner import from_dict, to_dict
from nablalab.assess.questions import (
    MODULE_TITLES,
    Part,
    Template,
    Variant,
    all_templates,
    find_templates,
    get_template,
)

QUIT, HINT, SOLUTION = "q", "?", "s"


def register(subparsers: argparse._SubParsersAction) -> None:
    practice = subparsers.add_parser("practice", help="practise with fresh questions")
    practice.add_argument("topic", nargs="?",
                          help="a module (m1 ... m6, beyond), topic, quiz, skill or template")
    practice.add_argument("--count", type=int, default=5, help="questions to ask (default 5)")
    practice.add_argument("--seed", type=int, help="first variant seed (default: random)")
    practice.add_argument("--adaptive", action="store_true",
                          help="let your skills choose the questions (no topic needed)")
    practice.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    console = Console(highlight=False)
    if args.adaptive:
        AdaptiveSession(console, args.seed, Score.load(), Profile.load()).run(args.count)
        return 0
    if not args.topic:
        console.print(topics_table())
        console.print("Start with, e.g., [bold]nablalab practice m1[/] or "
                      "[bold]nablalab practice \"chain rule\"[/].")
        return 0
    templates = find_templates(args.topic)
    if not templates:
        console.print(f"[red]No questions match {args.topic!r}.[/] Run [bold]nablalab "
                      "practice[/] to see the topics.")
        return 2
    session = Session(console, templates, args.seed, Score.load())
    session.run(args.count)
    return 0


def topics_table() -> Table:
    table = Table(title="Practice topics")
    table.add_column("type this")
    table.add_column("module / topic")
    table.add_column("questions", justify="right")
    templates = all_templates()
    for module, title in sorted(MODULE_TITLES.items(), key=lambda item: item[0] or 99):
        count = sum(t.module == module for t in templates)
        table.add_row(f"m{module}" if module else "beyond", title, str(count))
    for topic in sorted({t.topic for t in templates}):
        table.add_row(topic, "", str(sum(t.topic == topic for t in templates)))
    return table


def data_folder() -> Path:
    home = os.environ.get("NABLALAB_HOME")
    return Path(home) if home else Path.home() / ".local" / "share" / "nablalab"


class Score:
    """Answered/correct counts, overall and per template, in a small JSON file."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path, self.data = path, data

    @classmethod
    def load(cls) -> Score:
        path = data_folder() / "practice.json"
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError):
            data = {}
        data.setdefault("answered", 0)
        data.setdefault("correct", 0)
        data.setdefault("templates", {})
        return cls(path, data)

    def record(self, slug: str, correct: bool) -> None:
        entry = self.data["templates"].setdefault(slug, {"answered": 0, "correct": 0})
        for counts in (self.data, entry):
            counts["answered"] += 1
            counts["correct"] += int(correct)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.data, indent=2))

    def summary(self) -> str:
        return f"{self.data['correct']} of {self.data['answered']} correct so far"


class Session:
    """Asks questions until the count is reached, the learner quits, or input ends."""

    def __init__(self, console: Console, templates: tuple[Template, ...], seed: int | None,
                 score: Score) -> None:
        self.console, self.templates, self.score = console, templates, score
        self.random = random.Random(seed)
        self.next_seed = seed if seed is not None else random.SystemRandom().randrange(10**9)

    def run(self, count: int) -> None:
        self.console.print("Type an answer, [bold]?[/] for a hint, [bold]s[/] for the "
                           "solution, [bold]q[/] to quit.")
        for _ in range(count):
            template = self.random.choice(self.templates)
            variant = template.generate(self.next_seed)
            self.next_seed += 1
            if not self.ask(variant):
                break
        self.console.print(f"[bold]Score:[/] {self.score.summary()}.")

    def ask(self, variant: Variant) -> bool:
        """One question; False when the learner quit or input ended. ``self.results`` keeps
        each answered part's check (a part given up for the solution scores 0)."""
        self.console.rule(variant.title)
        self.console.print(Markdown(variant.prompt))
        hints = list(variant.hints)
        correct = True
        self.results: dict[str, dict[str, Any]] = {}
        for part in variant.parts:
            outcome = self.ask_part(part, hints)
            if outcome is None:
                return False
            if outcome == SOLUTION:
                self.results[part.name] = {"valid": True, "score": 0.0, "diagnosis": "wrong",
                                           "feedback": ""}
                correct = False
                break
            correct = correct and outcome == "correct"
        self.console.print(Markdown("**Worked solution**\n\n" + variant.solution_markdown))
        self.score.record(variant.slug, correct)
        self.console.print(f"{'[green]Correct![/]' if correct else '[yellow]Not quite.[/]'} "
                           f"{self.score.summary()}.")
        return True

    def ask_part(self, part: Part, hints: list[str]) -> str | None:
        label = part.label or part.name
        for choice in part.choices:
            self.console.print(Markdown(f"**{choice.key})** {choice.label}"))
        while True:
            text = self.read(f"{label} > ")
            if text is None or text.lower() == QUIT:
                return None
            if text.lower() == SOLUTION:
                return SOLUTION
            if text == HINT:
                self.console.print(Markdown(f"*Hint:* {hints.pop(0)}") if hints
                                   else "No more hints: type s for the worked solution.")
                continue
            if not text:
                continue
            result = part.check(text)
            if result.interpreted:
                self.console.print(f"Interpreted as: {result.interpreted}")
            if not result.valid:
                self.console.print(f"[red]{result.feedback}[/] (no attempt used)")
                continue
            style = "green" if result.correct else "yellow"
            self.console.print(f"[{style}]{result.feedback}[/]")
            self.results[part.name] = result.to_dict()
            return "correct" if result.correct else "wrong"

    def read(self, prompt: str) -> str | None:
        self.console.print(prompt, end="")
        line = sys.stdin.readline()
        return None if not line else line.strip()


class Profile:
    """The learner's skill states (``nablalab.adaptive.SkillState``) in mastery.json."""

    def __init__(self, path: Path, states: dict[str, SkillState]) -> None:
        self.path, self.states = path, states

    @classmethod
    def load(cls) -> Profile:
        path = data_folder() / "mastery.json"
        try:
            raw = json.loads(path.read_text())
            states = {entry["skill"]: from_dict(entry) for entry in raw["skills"]}
        except (OSError, ValueError, KeyError, TypeError):
            states = {}
        return cls(path, {k: v for k, v in states.items() if k in skill_map()})

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(
            {"skills": [to_dict(state) for state in self.states.values()]}, indent=1))


class AdaptiveSession(Session):
    """Questions chosen by the skill estimates, which every answer updates."""

    def __init__(self, console: Console, seed: int | None, score: Score,
                 profile: Profile) -> None:
        super().__init__(console, all_templates(), seed, score)
        self.profile = profile
        self.recent: list[str] = []

    def run(self, count: int) -> None:
        self.console.print("Adaptive practice: the questions follow your skills. Type an "
                           "answer, [bold]?[/] for a hint, [bold]s[/] for the solution, "
                           "[bold]q[/] to quit.")
        skills = skill_map()
        for _ in range(count):
            now = datetime.now(UTC)
            pick = next_question(self.profile.states, now, self.random, avoid=self.recent)
            self.recent = [*self.recent, pick.template][-3:]
            skill = skills[pick.target.skill]
            self.console.print(f"[bold]Skill:[/] {skill.name} ({pick.target.reason})")
            variant = get_template(pick.template).generate(pick.seed)
            if not self.ask(variant):
                break
            self.update(variant, now)
        self.console.print(self.standing(datetime.now(UTC)))

    def update(self, variant: Variant, now: datetime) -> None:
        template = get_template(variant.slug)
        evidence = skill_evidence(template.slug, template.skills,
                                  variant_outcomes(variant, self.results))
        changed = record(self.profile.states, evidence, now)
        for item in evidence:
            before = self.profile.states.get(item.skill) or SkillState.new(item.skill)
            after = changed[item.skill]
            why = f" (your mistake: {item.mistake})" if item.mistake else ""
            self.console.print(f"  {skill_map()[item.skill].name}: "
                               f"{before.p_known:.0%} -> {after.p_known:.0%}{why}")
        self.profile.states.update(changed)
        self.profile.save()

    def standing(self, now: datetime) -> str:
        statuses = [state.status(now) for state in self.profile.states.values()]
        parts = [f"{statuses.count(status)} {status}" for status in
                 (Status.MASTERED, Status.IN_PROGRESS, Status.NEEDS_REVIEW)]
        return f"Skills: {', '.join(parts)}, {len(skill_map()) - len(statuses)} not started."
