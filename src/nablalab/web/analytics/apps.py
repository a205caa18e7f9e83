from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "nablalab.web.analytics"
    label = "analytics"
    verbose_name = "Instructor analytics"
