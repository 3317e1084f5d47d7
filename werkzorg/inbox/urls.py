from django.urls import include, path

from werkzorg.inbox import views

app_name = "inbox"
inbox_patterns = [
    path("", views.message_list, name="list"),
    path("ongelezen/", views.unread_badge, name="badge"),
    path("alles-gelezen/", views.mark_all_read, name="mark-all-read"),
    path("<int:message_id>/", views.message_detail, name="detail"),
    path("<int:message_id>/download/", views.message_download, name="download"),
]
urlpatterns = [path("o/<slug:org>/postvak/", include(inbox_patterns))]
