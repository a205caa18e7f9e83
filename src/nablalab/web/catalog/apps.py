from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "nablalab.web.catalog"
    label = "catalog"
    verbose_name = "Course content"
