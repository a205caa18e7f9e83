from django.apps import AppConfig


class SandpitConfig(AppConfig):
    name = "nablalab.web.sandpit"
    label = "sandpit"
    verbose_name = "The Sandpit game"
