from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "nablalab.web.reviews"
    label = "reviews"
    verbose_name = "Reviews"
