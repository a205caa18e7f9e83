from django.apps import AppConfig


class MasteryConfig(AppConfig):
    name = "nablalab.web.mastery"
    label = "mastery"
    verbose_name = "Skill mastery"
