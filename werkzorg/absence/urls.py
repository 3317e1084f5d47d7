from django.urls import URLPattern, URLResolver, include, path

from werkzorg.absence.views import employee, files, medical, statistics

app_name = "absence"
file_patterns: list[URLPattern | URLResolver] = [
    path("", files.file_detail, name="detail"),
    path("wijzigen/", files.edit_file, name="edit"),
    path("deels-hersteld/", files.partial_recovery, name="partial"),
    path("hersteld/", files.recovery, name="recovered"),
    path("opnieuw-ziek/", files.relapse, name="relapse"),
    path("stap/", files.record_step, name="step"),
    path("plan/", files.new_plan, name="plan-new"),
    path("plan/<int:plan_id>/tekenen/", files.sign_plan, name="plan-sign"),
    path("link/", files.send_link, name="send-link"),
    path("spreekuur/", medical.new_consult, name="consult-new"),
    path("advies/", medical.new_advice, name="advice-new"),
    path("medisch/", medical.medical_file, name="medical"),
    path("medisch/export/", medical.medical_export, name="medical-export"),
    path("medisch/informatie/", medical.information_request, name="information-request"),
]
absence_patterns: list[URLPattern | URLResolver] = [
    path("", files.file_list, name="list"),
    path("ziekmelden/", files.report_sick, name="report"),
    path("taken/", files.task_list, name="tasks"),
    path("berichten/", files.messages_export, name="messages"),
    path("cijfers/", statistics.statistics_page, name="statistics"),
    path("cijfers/export/", statistics.statistics_export, name="statistics-export"),
    path("spreekuur/<int:consult_id>/status/", medical.consult_status, name="consult-status"),
    path("preventief/<int:employee_id>/", medical.prevention_consult, name="prevention-consult"),
    path("<int:file_id>/", include(file_patterns)),
]
urlpatterns = [
    path("o/<slug:org>/verzuim/", include(absence_patterns)),
    path("verzuim/<str:token>/", employee.employee_file, name="employee"),
    path("verzuim/<str:token>/kopie/", employee.employee_copy, name="employee-copy"),
    path("verzuim/<str:token>/tekenen/<int:plan_id>/", employee.employee_sign, name="employee-sign"),
]
