from django.urls import include, path

from werkzorg.billing.views import declarations, provider, statements

app_name = "billing"
billing_patterns = [
    path("declaraties/", declarations.declaration_list, name="declarations"),
    path("declaraties/nieuw/", declarations.declaration_new, name="declaration-new"),
    path("declaraties/<int:declaration_id>/factuur/", declarations.declaration_file, name="declaration-file"),
    path("vitaliteitsbudget/", declarations.budget, name="budget"),
    path("verzamelbladen/", statements.statement_list, name="statements"),
    path("verzamelbladen/<int:collective_statement_id>/", statements.statement_detail, name="statement"),
    path("verzamelbladen/<int:collective_statement_id>/pdf/", statements.statement_pdf, name="statement-pdf"),
    path(
        "verzamelbladen/<int:collective_statement_id>/excel/",
        statements.statement_excel,
        name="statement-excel",
    ),
    path("offertes/<int:quote_id>/beslissen/", statements.quote_decide, name="quote-decide"),
    # The care provider's side, in its own organisation.
    path("facturen/", provider.invoice_list, name="provider-invoices"),
    path("facturen/<int:invoice_id>/", provider.invoice_detail, name="provider-invoice"),
    path("facturen/<int:invoice_id>/pdf/", provider.invoice_file, name="provider-invoice-file"),
    path("facturen/<int:invoice_id>/ontdubbeling/", provider.claim_outcome, name="provider-claim-outcome"),
    path("facturen/nieuw/<int:request_id>/", provider.invoice_new, name="provider-invoice-new"),
    path(
        "facturen/nieuw/<int:request_id>/toestemming/", provider.claim_consent, name="provider-claim-consent"
    ),
]
urlpatterns = [path("o/<slug:org>/", include(billing_patterns))]
