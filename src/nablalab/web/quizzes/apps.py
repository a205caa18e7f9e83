from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    name = "nablalab.web.quizzes"
    label = "quizzes"
    verbose_name = "Quizzes and certificates"
