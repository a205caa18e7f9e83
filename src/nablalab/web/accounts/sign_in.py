"""Sign-in with limits on failures, per account and per address: enough tries for typos and
for a classroom behind one address, too few to guess a password. Counters live in the
shared cache (Redis when configured), so every app server counts together; a success clears
the account's count. A locked account still resets its password by e-mail. With the shared
cache out of reach the limits are skipped (nablalab.web.shared_cache)."""

from __future__ import annotations

import hashlib

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache

from nablalab.web.client_address import client_address
from nablalab.web.shared_cache import or_skip

TOO_MANY = ("Too many failed sign-ins {where} in the last {minutes} minutes, so signing in "
            "is paused for now. Wait up to {minutes} minutes and try again, or reset your "
            "password.")
WHERE = {"account": "for this account", "address": "from your network"}


def _key(kind: str, who: str) -> str:
    return f"sign-in-failures:{kind}:{hashlib.sha256(who.encode()).hexdigest()[:32]}"


def _failures(kind: str, who: str) -> int:
    return or_skip(lambda: cache.get(_key(kind, who), 0), 0, "sign-in limit")


def _count_failure(kind: str, who: str) -> None:
    or_skip(lambda: _increment(_key(kind, who)), None, "counting a failed sign-in")


def _increment(key: str) -> None:
    cache.add(key, 0, timeout=settings.SIGN_IN_WINDOW)  # the window opens at the first failure
    try:
        cache.incr(key)
    except ValueError:  # the window closed between add and incr
        cache.add(key, 1, timeout=settings.SIGN_IN_WINDOW)


class LimitedAuthenticationForm(AuthenticationForm):
    """Django's sign-in form, refusing even a right password once a limit is reached."""

    def clean(self) -> dict:
        counted = {"account": (self.cleaned_data.get("username") or "").strip().lower(),
                   "address": client_address(self.request)}
        for kind, who in counted.items():
            if _failures(kind, who) >= settings.SIGN_IN_FAILURES[kind]:
                raise forms.ValidationError(TOO_MANY.format(
                    where=WHERE[kind], minutes=settings.SIGN_IN_WINDOW // 60),
                    code="too_many_failures")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            for kind, who in counted.items():
                _count_failure(kind, who)
            raise
        or_skip(lambda: cache.delete(_key("account", counted["account"])), None,
                "clearing failed sign-ins")
        return cleaned
