"""The course as a web app (Django): course page, lessons, progress, reviews, accounts.

Settings come from the environment (``nablalab.web.config``); ``nablalab serve`` prepares
everything and runs it under gunicorn; ``nablalab.web.wsgi:application`` is the WSGI entry.
"""

SETTINGS_MODULE = "nablalab.web.settings"
