from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "nablalab.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"
