from django.urls import include, path

from werkzorg.insurance.views import contracts, people, statements

app_name = "insurance"
insured_patterns = [
    path("", people.insured_list, name="list"),
    path("te-controleren/", people.insured_to_check, name="to-check"),
    path("exporteren/", people.insured_export, name="export"),
    path("uitgebreide-lijst/", people.insured_export_extended, name="export-extended"),
    path("filters/", people.filter_save, name="filter-save"),
    path("filters/<int:filter_id>/verwijderen/", people.filter_delete, name="filter-delete"),
    path("<int:insured_id>/", people.insured_detail, name="detail"),
    path("<int:insured_id>/bsn/", people.insured_bsn, name="bsn"),
    path("<int:insured_id>/afmelden/", people.insured_deregister, name="deregister"),
    path("<int:insured_id>/werknemersnummer/", people.insured_employee_number, name="employee-number"),
    path("<int:insured_id>/collectiviteit-wijzigen/", people.insured_move, name="move"),
    path("<int:insured_id>/bevestigen/", people.insured_confirm, name="confirm"),
]
statement_patterns = [
    path("", statements.statement_list, name="statements"),
    path("<int:statement_id>/", statements.statement_detail, name="statement"),
    path("<int:statement_id>/salarisbestand/", statements.statement_payroll, name="payroll"),
    path(
        "<int:statement_id>/pdf/", statements.statement_download, {"file_format": "pdf"}, name="statement-pdf"
    ),
    path(
        "<int:statement_id>/excel/",
        statements.statement_download,
        {"file_format": "xlsx"},
        name="statement-xlsx",
    ),
    path(
        "<int:statement_id>/csv/", statements.statement_download, {"file_format": "csv"}, name="statement-csv"
    ),
]
urlpatterns = [
    path("o/<slug:org>/verzekerden/", include(insured_patterns)),
    path("o/<slug:org>/borderellen/", include(statement_patterns)),
    path("o/<slug:org>/premiecontrole/", statements.reconciliation, name="reconciliation"),
    path("o/<slug:org>/collectiviteiten/", contracts.contract_list, name="contracts"),
    path(
        "o/<slug:org>/collectiviteiten/<int:contract_id>/wijziging/",
        contracts.change_request,
        name="change-request",
    ),
    path(
        "o/<slug:org>/collectiviteiten/documenten/<int:document_id>/",
        contracts.contract_document,
        name="document",
    ),
    path("o/<slug:org>/gekoppelde-contracten/", contracts.contract_links, name="links"),
    path(
        "o/<slug:org>/gekoppelde-contracten/<int:link_id>/bevestigen/",
        contracts.link_confirm,
        name="link-confirm",
    ),
    path(
        "o/<slug:org>/gekoppelde-contracten/<int:link_id>/ontkoppelen/", contracts.link_end, name="link-end"
    ),
]
