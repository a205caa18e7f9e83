"""Sign-up; log in/out and password change/reset are Django's own views with our templates."""
