from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "nablalab.web.learning"
    label = "learning"
    verbose_name = "Learners' progress"
