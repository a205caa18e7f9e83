"""The WSGI entry point: ``gunicorn nablalab.web.wsgi:application`` (what ``nablalab serve``
runs after preparing the data dir and database)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nablalab.web.settings")

application = get_wsgi_application()
