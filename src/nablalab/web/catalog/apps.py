from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "nablalab.web.catalog"
    label = "catalog"
    verbose_name = "Course content"

    def ready(self) -> None:
        # Connects the signals that bump the content version on every content change, in
        # every process (a `manage sync_content` run included), not only when URLs load.
        from nablalab.web.catalog import lookup  # noqa: F401
