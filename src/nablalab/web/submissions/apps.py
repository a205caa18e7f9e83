from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "nablalab.web.submissions"
    label = "submissions"
    verbose_name = "Programming assignments"
