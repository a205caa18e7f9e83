from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "nablalab.web.reviews"
    label = "reviews"
    verbose_name = "Reviews"

    def ready(self) -> None:
        from nablalab.web.reviews import version

        version.connect()
