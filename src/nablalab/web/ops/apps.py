from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "nablalab.web.ops"
    label = "ops"
    verbose_name = "Operations"
