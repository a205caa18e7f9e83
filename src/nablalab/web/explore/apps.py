from django.apps import AppConfig


class ExploreConfig(AppConfig):
    name = "nablalab.web.explore"
    label = "explore"
    verbose_name = "Interactive explorations"
