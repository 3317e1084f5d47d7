from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "werkzorg.notifications"
    default_auto_field = "django.db.models.BigAutoField"
