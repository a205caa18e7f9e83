"""Django settings, all read from the environment (see ``nablalab.web.config`` for the list).

Safe by default: debug off, cookies secure, hosts limited to this machine, e-mail printed to
the console rather than sent.
"""

from __future__ import annotations

import os
from pathlib import Path

from nablalab.course import default_content_dir
from nablalab.web import config

ENV = os.environ
PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = config.data_dir(ENV)
CONTENT_DIR = Path(ENV.get("NABLALAB_CONTENT_DIR") or default_content_dir())

DEBUG = config.env_flag(ENV, "NABLALAB_DEBUG", default=False)
SECRET_KEY = config.secret_key(ENV, DATA_DIR)
ALLOWED_HOSTS = config.env_list(ENV, "NABLALAB_ALLOWED_HOSTS", config.LOCAL_HOSTS)
CSRF_TRUSTED_ORIGINS = config.env_list(ENV, "NABLALAB_CSRF_TRUSTED_ORIGINS")

SECURE_COOKIES = config.env_flag(ENV, "NABLALAB_SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
if SECURE_COOKIES:
    # Behind an HTTPS proxy: believe its header about the original scheme.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# An HTTPS site sends plain-http visitors to https and tells browsers to stay there; probes
# from the load balancer may use plain http.
SECURE_SSL_REDIRECT = config.env_flag(ENV, "NABLALAB_SSL_REDIRECT", default=SECURE_COOKIES)
SECURE_REDIRECT_EXEMPT = [r"^(healthz|readyz|metrics)$"]
SECURE_HSTS_SECONDS = int(ENV.get("NABLALAB_HSTS_SECONDS") or (31_536_000 if SECURE_COOKIES
                                                               else 0))
# Subdomains of the course's own host name only; preloading still needs a submission.
SECURE_HSTS_INCLUDE_SUBDOMAINS = config.env_flag(ENV, "NABLALAB_HSTS_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = config.env_flag(ENV, "NABLALAB_HSTS_PRELOAD", default=True)
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "nablalab.web.catalog",
    "nablalab.web.learning",
    "nablalab.web.reviews",
    "nablalab.web.accounts",
    "nablalab.web.quizzes",  # quizzes, completion and certificates
    "nablalab.web.analytics",  # instructor analytics (staff only)
    "nablalab.web.mastery",  # skill mastery, practise now, class mastery
    "nablalab.web.submissions",  # programming assignments: submissions, API tokens
    "nablalab.web.explore",  # interactive explorations (widgets) and their pages
    "nablalab.web.ops",  # health, readiness, metrics, request ids
    "django_prometheus",
    "nablalab.web.sandpit",  # the Sandpit game: games in play, best scores, leaderboards
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "nablalab.web.ops.requestid.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "nablalab.web.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "nablalab.web.api.limits.ApiBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "nablalab.web.urls"
WSGI_APPLICATION = "nablalab.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": config.database(ENV, DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "default" holds the rate and sign-in counters: in Redis when NABLALAB_CACHE_URL says so,
# shared by every app server. In each process's memory: "pages", the lesson pages and course
# syllabus rendered for visitors (keyed by content version, so a content sync retires them)
# and the course page's rating and reviews (keyed by the reviews version in the database).
CACHES = {
    "default": config.shared_cache(ENV),
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
              "LOCATION": "nablalab-pages", "TIMEOUT": None,
              "OPTIONS": {"MAX_ENTRIES": 1000}},
    # Verdicts on "try it" answers: a class types the same few answers again and again.
    "checks": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
               "LOCATION": "nablalab-checks", "TIMEOUT": 3600,
               "OPTIONS": {"MAX_ENTRIES": 20000}},
}

# Argon2 for new and upgraded passwords; older hashes still verify and are upgraded at login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "learning:dashboard"
LOGOUT_REDIRECT_URL = "catalog:course"

EMAIL_BACKEND = ENV.get("NABLALAB_EMAIL_BACKEND",
                        "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = ENV.get("NABLALAB_FROM_EMAIL", "nablalab <noreply@localhost>")

# Input size limits: no form here needs more, and big bodies are refused before parsing.
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200
FILE_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024

# API rate limits per learner or address ("count/period"): checks cost a worker process each,
# previews only a parse (one per pause in typing).
API_RATES = {
    "check": ENV.get("NABLALAB_CHECK_RATE", "30/min"),
    "preview": ENV.get("NABLALAB_PREVIEW_RATE", "240/min"),
    "submit": ENV.get("NABLALAB_SUBMIT_RATE", "10/min"),  # quiz submissions (each grades many)
    "assignment": ENV.get("NABLALAB_ASSIGNMENT_RATE", "6/min"),  # code sent to the grader
    "widget": ENV.get("NABLALAB_WIDGET_RATE", "600/min"),  # explorations redraw as sliders move
    "widget-code": ENV.get("NABLALAB_WIDGET_CODE_RATE", "30/min"),  # next_step in the sandbox
}

# Proxies in front of the app that append to X-Forwarded-For (nginx: 1); per-address limits
# believe only those last entries.
TRUSTED_PROXIES = config.env_count(ENV, "NABLALAB_TRUSTED_PROXIES", 0)

# Failed sign-ins allowed per account and per address in SIGN_IN_WINDOW seconds: enough for
# typos and a classroom behind one address, too few to guess passwords.
SIGN_IN_FAILURES = {
    "account": config.env_count(ENV, "NABLALAB_SIGN_IN_FAILURES_PER_ACCOUNT", 10),
    "address": config.env_count(ENV, "NABLALAB_SIGN_IN_FAILURES_PER_ADDRESS", 100),
}
SIGN_IN_WINDOW = 15 * 60

# The grading queue (nablalab.queue): Huey on SQLite in the data dir, or Redis when
# NABLALAB_QUEUE_URL=redis://host:6379/0; a worker's claim lasts this long unless renewed.
GRADING_QUEUE_URL = ENV.get("NABLALAB_QUEUE_URL", "")
GRADING_QUEUE_FILE = DATA_DIR / "grading-queue.sqlite3"
GRADING_LEASE_SECONDS = float(ENV.get("NABLALAB_GRADING_LEASE_SECONDS", "30"))

# Fresh question variants pre-generated per server worker (nablalab.web.variant_pool).
VARIANT_POOL = config.env_flag(ENV, "NABLALAB_VARIANT_POOL", default=True)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
                    if not DEBUG else
                    "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# One JSON object per line with the request id (NABLALAB_LOG_FORMAT=text for plain lines).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "nablalab.web.ops.requestid.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "nablalab.web.ops.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id"],
                             "formatter": ENV.get("NABLALAB_LOG_FORMAT", "json")}},
    "root": {"handlers": ["console"], "level": ENV.get("NABLALAB_LOG_LEVEL", "WARNING")},
}
