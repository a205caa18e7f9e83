"""Simulated learners: threads with a requests session each, doing what a person does on the
site through nginx — sign up, read the course page and lessons, answer "try it" questions
(/api/check, with the CSRF token as the page's script sends it) and, for some, submit the
backprop assignment (the reference solution or the untouched starter) through the web page
or the command line's token API, then poll until it is graded. Every request goes in the
journal with what the learner was shown when it failed.
"""

from __future__ import annotations

import random
import re
import threading
import time
from dataclasses import dataclass
from functools import cache
from html import unescape

import requests

from bench.multihost.journal import Journal
from nablalab.adaptive import try_it_skills
from nablalab.assignments import catalog
from nablalab.course import TryIt, default_content_dir, load_course

ASSIGNMENT = "backprop"
TIMEOUT = (10, 90)  # connect, read: nginx gives up on an app server after 60 s
PASSWORD = "multi-host learner 7wq!"
SUBMISSION_ID = re.compile(r'class="submission submission-(\w+)" id="s-([0-9a-f-]{36})"')
TOKEN = re.compile(r"nl_[A-Za-z0-9_-]{30,}")
TITLE = re.compile(r"<(?:h1|title)[^>]*>(.*?)</(?:h1|title)>", re.S)


@dataclass(frozen=True)
class Lesson:
    url: str
    questions: tuple[TryIt, ...]


@cache
def lessons() -> tuple[Lesson, ...]:
    """Lessons with try-it questions that count as evidence (each answer leaves a record)."""
    course = load_course(default_content_dir())
    found = []
    for module in course.modules:
        for lesson in module.lessons:
            questions = tuple(q for q in lesson.try_its if try_it_skills(q.id))
            if questions:
                found.append(Lesson(f"/modules/{module.slug}/lessons/{lesson.slug}/", questions))
    return tuple(found)


@cache
def sources() -> dict[str, str]:
    """What submitters send, by the score it must get: all tests pass, or none."""
    folder = catalog.folder(ASSIGNMENT)
    return {"full": (folder / "reference.py").read_text(encoding="utf-8"),
            "zero": (folder / "starter.py").read_text(encoding="utf-8")}


def shown(response: requests.Response) -> str:
    """What an error response said, in a few words: the API's detail or the page's heading."""
    if response.headers.get("Content-Type", "").startswith("application/json"):
        try:
            return str(response.json().get("detail", ""))[:120]
        except ValueError:
            pass
    match = TITLE.search(response.text)
    text = unescape(re.sub(r"<[^>]+>|\s+", " ", match.group(1))).strip() if match else ""
    return (text or response.text.strip())[:120]


class Learner:
    def __init__(self, base: str, number: int, journal: Journal, submitter: bool,
                 think_seconds: float, seed: int) -> None:
        self.base = base
        self.username = f"learner{number:04d}"
        self.journal = journal
        self.random = random.Random(seed + number)
        self.think_seconds = think_seconds
        self.submitter = submitter
        self.via_api = number % 2 == 0
        self.expect = "full" if number % 4 < 2 else "zero"
        self.session = requests.Session()
        self.signed_up = False
        self.token = ""
        self.pending: str | None = None  # a submission not yet graded
        self.awaiting_id = False  # a web submission acknowledged, its id not yet read
        self.known_ids: set[str] = set()
        self.submitted_in: str = ""  # the phase of the last submission (one per phase)
        self.awake = threading.Event()  # cleared: the learner rests (a smaller crowd)
        self.awake.set()

    # --- the loop -------------------------------------------------------------------

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            if not self.awake.wait(0.5):
                continue
            try:
                self.step(stop)
            except Exception as error:  # a bug in the simulation must not look like load
                self.journal.request("learner-error", self.journal.phase, time.monotonic(),
                                     0, f"{type(error).__name__}: {error}"[:120])
                stop.wait(1)

    def step(self, stop: threading.Event) -> None:
        if not self.signed_up:
            self.sign_up()
            return
        self.get("page", "/")
        self.think(stop)
        lesson = self.random.choice(lessons())
        if self.get("page", lesson.url) is None:
            return
        for question in self.random.sample(lesson.questions, min(2, len(lesson.questions))):
            if stop.is_set():
                return
            self.think(stop)
            self.answer(question)
        if self.submitter and not stop.is_set():
            self.think(stop)
            self.assignment_work()

    def think(self, stop: threading.Event) -> None:
        stop.wait(self.random.uniform(0.5, 1.5) * self.think_seconds)

    # --- requests -------------------------------------------------------------------

    def call(self, kind: str, method: str, path: str, **options: object
             ) -> requests.Response | None:
        """One request, journalled; None when it failed (no response, or 4xx/5xx)."""
        phase, started = self.journal.phase, time.monotonic()
        try:
            response = self.session.request(method, self.base + path, timeout=TIMEOUT,
                                            allow_redirects=False, **options)
        except requests.RequestException as error:
            self.journal.request(kind, phase, started, 0, type(error).__name__)
            return None
        ok = response.status_code < 400
        self.journal.request(kind, phase, started, response.status_code,
                             "" if ok else shown(response))
        return response if ok else None

    def get(self, kind: str, path: str) -> requests.Response | None:
        return self.call(kind, "GET", path)

    def csrf(self) -> str:
        return self.session.cookies.get("csrftoken", "")

    def sign_up(self) -> None:
        if self.get("signup", "/accounts/signup/") is None:
            return
        response = self.call("signup", "POST", "/accounts/signup/", data={
            "csrfmiddlewaretoken": self.csrf(), "username": self.username,
            "email": f"{self.username}@example.org", "password1": PASSWORD,
            "password2": PASSWORD})
        if response is not None and response.status_code == 302:
            self.signed_up = True
        elif response is not None:  # the form came back: an earlier, unanswered try was stored
            self.signed_up = self.log_in()

    def log_in(self) -> bool:
        if self.get("signup", "/accounts/login/") is None:
            return False
        response = self.call("signup", "POST", "/accounts/login/", data={
            "csrfmiddlewaretoken": self.csrf(), "username": self.username,
            "password": PASSWORD})
        return response is not None and response.status_code == 302

    def answer(self, question: TryIt) -> None:
        wrong = question.mistakes and self.random.random() < 0.4
        text = question.mistakes[0][0] if wrong else question.answer
        self.journal.answer_sent(self.username, question.id)
        response = self.call("check", "POST", "/api/check",
                             json={"question": question.id, "answer": text},
                             headers={"X-CSRFToken": self.csrf()})
        if response is not None and response.json().get("valid"):
            self.journal.answer_acknowledged(self.username, question.id)

    # --- the assignment -------------------------------------------------------------

    def assignment_work(self) -> None:
        if self.pending or self.awaiting_id:
            self.poll()
        elif self.submitted_in != self.journal.phase:
            self.submit()

    def submit(self) -> None:
        source = sources()[self.expect]
        if self.via_api:
            if not self.token and not self.get_token():
                return
            self.journal.submission_sent(self.username)
            self.submitted_in = self.journal.phase
            response = self.call("submit", "POST", f"/api/assignments/{ASSIGNMENT}/submissions",
                                 json={"filename": "backprop.py", "source": source},
                                 headers={"Authorization": f"Bearer {self.token}"})
            if response is not None and response.status_code == 201:
                self.acknowledged(response.json()["id"])
            return
        page = self.get("page", f"/assignments/{ASSIGNMENT}/")
        if page is None:
            return
        self.known_ids.update(public_id for _status, public_id in SUBMISSION_ID.findall(page.text))
        self.journal.submission_sent(self.username)
        self.submitted_in = self.journal.phase
        response = self.call("submit", "POST", f"/assignments/{ASSIGNMENT}/",
                             data={"csrfmiddlewaretoken": self.csrf(), "source": source})
        if response is not None and response.status_code == 302:
            self.awaiting_id = True  # the page lists it; the next poll reads its id

    def acknowledged(self, public_id: str) -> None:
        self.pending = public_id
        self.known_ids.add(public_id)
        self.journal.submission_acknowledged(self.username, public_id, self.expect)

    def get_token(self) -> bool:
        if self.get("token", "/assignments/tokens/") is None:
            return False
        response = self.call("token", "POST", "/assignments/tokens/",
                             data={"csrfmiddlewaretoken": self.csrf(), "name": "bench"})
        match = TOKEN.search(response.text) if response is not None else None
        self.token = match.group(0) if match else ""
        return bool(self.token)

    def poll(self) -> None:
        if self.via_api:
            response = self.call("poll", "GET", f"/api/submissions/{self.pending}",
                                 headers={"Authorization": f"Bearer {self.token}"})
            if response is not None:
                status = response.json()["status"]
                self.journal.status_seen(response.json()["status_text"])
                if status in ("graded", "failed"):
                    self.pending = None
            return
        response = self.get("poll", f"/assignments/{ASSIGNMENT}/submissions/")
        if response is None:
            return
        listed = SUBMISSION_ID.findall(response.text)
        if self.awaiting_id:
            new = [public_id for _status, public_id in listed if public_id not in self.known_ids]
            if new:
                self.awaiting_id = False
                self.acknowledged(new[0])
        status = dict((i, s) for s, i in listed).get(self.pending or "")
        if status:
            self.journal.status_seen(status)
            if status in ("graded", "failed"):
                self.pending = None


class Crowd:
    """Learners running in threads; grows between load steps (earlier ones stay signed in)
    and shrinks by letting the newest rest."""

    def __init__(self, base: str, journal: Journal, think_seconds: float,
                 submitter_share: float, seed: int = 9) -> None:
        self.base, self.journal, self.seed = base, journal, seed
        self.think_seconds = think_seconds
        self.every = max(1, round(1 / submitter_share)) if submitter_share else 0
        self.learners: list[Learner] = []
        self.threads: list[threading.Thread] = []
        self.stop = threading.Event()

    def resize(self, count: int) -> None:
        for number, learner in enumerate(self.learners):
            (learner.awake.set if number < count else learner.awake.clear)()
        while len(self.learners) < count:
            number = len(self.learners)
            submitter = bool(self.every) and number % self.every == 0
            learner = Learner(self.base, number, self.journal, submitter, self.think_seconds,
                              self.seed)
            thread = threading.Thread(target=learner.run, args=(self.stop,), daemon=True,
                                      name=learner.username)
            self.learners.append(learner)
            self.threads.append(thread)
            thread.start()

    def signed_up(self) -> int:
        """Learners at work (not resting) who have an account and are signed in."""
        return sum(learner.signed_up and learner.awake.is_set() for learner in self.learners)

    def close(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=100)
