"""Failed sign-ins are limited per account and per address; the address behind nginx is the
one nginx saw, not what a client writes into X-Forwarded-For; with NABLALAB_CACHE_URL the
counters live in Redis, shared by every app server."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nablalab.web import config
from nablalab.web.client_address import client_address
from tests.servers import redis_url  # noqa: F401  (fixture)
from tests.web.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db
LOCKED = "Too many failed sign-ins"


@pytest.fixture
def small_limits(settings):
    settings.SIGN_IN_FAILURES = {"account": 3, "address": 5}


def sign_in(client, username: str, password: str, address: str = "10.0.0.7") -> str:
    response = client.post(reverse("login"), {"username": username, "password": password},
                           REMOTE_ADDR=address)
    return "signed in" if response.status_code == 302 else response.content.decode()


def test_an_account_is_paused_after_its_failures_even_for_the_right_password(client, learner,
                                                                              small_limits):
    for _ in range(3):
        assert "correct username and password" in sign_in(client, "ada", "guess")
    said = sign_in(client, "ada", PASSWORD)
    assert LOCKED in said and "for this account" in said and "reset your password" in said
    make_user("grace")
    assert sign_in(client, "grace", PASSWORD) == "signed in"  # others are not affected


def test_a_success_clears_the_accounts_count(client, learner, small_limits):
    for _ in range(2):
        sign_in(client, "ada", "guess")
    assert sign_in(client, "ada", PASSWORD) == "signed in"
    client.post(reverse("logout"))
    for _ in range(2):
        sign_in(client, "ada", "guess")
    assert sign_in(client, "ada", PASSWORD) == "signed in"


def test_an_address_guessing_across_accounts_is_paused(client, learner, small_limits):
    for number in range(5):
        sign_in(client, f"someone{number}", "guess", address="10.0.0.9")
    said = sign_in(client, "ada", PASSWORD, address="10.0.0.9")
    assert LOCKED in said and "from your network" in said
    assert sign_in(client, "ada", PASSWORD, address="10.0.0.10") == "signed in"


@pytest.mark.parametrize(("proxies", "forwarded", "seen"), [
    (0, "203.0.113.5", "10.77.0.5"),  # no proxy trusted: the peer itself
    (1, "203.0.113.5", "203.0.113.5"),  # nginx appended the client's address
    (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # the client's own first entry is ignored
    (2, "198.51.100.1, 203.0.113.5", "198.51.100.1"),  # two proxies, two hops believed
    (1, "", "10.77.0.5"),
])
def test_the_client_address_believes_only_the_trusted_proxies(rf, settings, proxies,
                                                                forwarded, seen):
    settings.TRUSTED_PROXIES = proxies
    request = rf.get("/", REMOTE_ADDR="10.77.0.5", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == seen


def test_a_spoofed_forwarded_for_cannot_escape_the_address_limit(client, learner, settings,
                                                                 small_limits):
    settings.TRUSTED_PROXIES = 1
    for number in range(5):
        client.post(reverse("login"), {"username": f"user{number}", "password": "guess"},
                    REMOTE_ADDR="10.77.0.5",
                    HTTP_X_FORWARDED_FOR=f"1.2.3.{number}, 203.0.113.5")
    response = client.post(reverse("login"), {"username": "grace", "password": "guess"},
                           REMOTE_ADDR="10.77.0.5",
                           HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.5")
    assert "from your network" in response.content.decode()


def test_counters_are_shared_through_redis(client, learner, settings, small_limits,
                                           redis_url):  # noqa: F811
    import redis
    from django.core.cache.backends.redis import RedisCache

    settings.CACHES = {**settings.CACHES, "default": config.shared_cache(
        {"NABLALAB_CACHE_URL": redis_url})}
    for _ in range(3):
        sign_in(client, "ada", "guess")
    assert LOCKED in sign_in(client, "ada", PASSWORD)
    # Another app server, with its own connection to the same Redis, sees the same counts.
    other_server = RedisCache(redis_url, {"KEY_PREFIX": "nablalab"})
    keys = redis.Redis.from_url(redis_url).keys("nablalab:*sign-in-failures:account:*")
    assert len(keys) == 1
    assert other_server.get(keys[0].decode().split(":", 2)[2]) == 3


def test_the_shared_cache_setting_is_checked():
    assert config.shared_cache({})["BACKEND"].endswith("LocMemCache")
    assert config.shared_cache({"NABLALAB_CACHE_URL": "redis://db:6379/1"})["LOCATION"] == \
        "redis://db:6379/1"
    with pytest.raises(config.ConfigError, match="redis://"):
        config.shared_cache({"NABLALAB_CACHE_URL": "memcached://db:11211"})
    with pytest.raises(config.ConfigError, match="whole number"):
        config.env_count({"NABLALAB_TRUSTED_PROXIES": "one"}, "NABLALAB_TRUSTED_PROXIES", 0)


def test_with_the_shared_cache_down_learners_still_sign_in_and_check(client, learner,
                                                                     settings, caplog):
    from tests.web.test_serve import free_port
    settings.CACHES = {**settings.CACHES, "default": config.shared_cache(
        {"NABLALAB_CACHE_URL": f"redis://127.0.0.1:{free_port()}/0"})}  # nothing listens
    assert "correct username and password" in sign_in(client, "ada", "guess")
    assert sign_in(client, "ada", PASSWORD) == "signed in"
    response = client.post("/api/validate", '{"answer": "x^2"}',
                           content_type="application/json")
    assert response.status_code == 200, response.content
    assert "skipped: the shared cache is out of reach" in caplog.text
