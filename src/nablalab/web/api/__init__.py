"""The JSON API (django-ninja, OpenAPI schema at ``/api/openapi.json``): the live preview of
what a learner typed, and checking lesson "try it" answers whose expected answers stay on the
server. Every input is size-limited and every endpoint rate-limited."""
