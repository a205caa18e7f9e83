"""Sign up, log in and out, change and reset a password (e-mail goes to the console)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "another-long-passphrase-77"


def test_sign_up_creates_an_account_and_logs_in(client, course):
    response = client.post(reverse("signup"), {
        "username": "newton", "email": "Isaac@Example.org",
        "password1": PASSWORD, "password2": PASSWORD, "next": "/modules/regression/"})
    assert response.status_code == 302 and response.url == "/modules/regression/"
    user = User.objects.get(username="newton")
    assert user.email == "isaac@example.org"
    assert client.get(reverse("learning:dashboard")).status_code == 200


def test_sign_up_refuses_weak_passwords_and_taken_addresses(client, learner, course):
    response = client.post(reverse("signup"), {
        "username": "leibniz", "email": learner.email.upper(),
        "password1": "123", "password2": "123"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "already uses this e-mail address" in html and "too short" in html
    assert not User.objects.filter(username="leibniz").exists()


def test_signed_in_users_skip_the_sign_up_form(learner_client, course):
    assert learner_client.get(reverse("signup")).url == reverse("learning:dashboard")


def test_log_in_and_out(client, learner, course):
    response = client.post(reverse("login"), {"username": "ada", "password": PASSWORD})
    assert response.status_code == 302 and response.url == reverse("learning:dashboard")
    assert client.get(reverse("logout")).status_code == 405  # logging out is a POST
    response = client.post(reverse("logout"))
    assert response.url == reverse("catalog:course")
    assert client.get(reverse("learning:dashboard")).status_code == 302


def test_wrong_password_is_refused(client, learner, course):
    response = client.post(reverse("login"), {"username": "ada", "password": "wrong"})
    assert response.status_code == 200 and "correct username and password" in \
        response.content.decode()


def test_password_change(learner, learner_client, course):
    assert learner_client.get(reverse("password_change")).status_code == 200
    response = learner_client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.url == reverse("password_change_done")
    learner.refresh_from_db()
    assert learner.check_password(NEW_PASSWORD)


def test_password_change_needs_login(client, course):
    response = client.get(reverse("password_change"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_password_reset_by_email(client, learner, course):
    response = client.post(reverse("password_reset"), {"email": learner.email})
    assert response.url == reverse("password_reset_done")
    (message,) = mail.outbox
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", message.body).group(1)
    form_url = client.get(link).url  # Django swaps the token for a session-held one
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    learner.refresh_from_db()
    assert learner.check_password(NEW_PASSWORD)
    assert "This link no longer works" in client.get(link, follow=True).content.decode()


def test_every_account_page_renders(client, course):
    for name in ("login", "signup", "password_reset", "password_reset_done",
                 "password_reset_complete"):
        assert client.get(reverse(name)).status_code == 200, name


def test_passwords_are_stored_with_argon2(settings, db):
    from django.conf import settings as live
    from django.contrib.auth.hashers import make_password

    from nablalab.web import settings as production
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS  # the suite uses a fast hasher
    assert live.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert make_password("a-long-passphrase-42").startswith("argon2$argon2id$")
