"""Bedrijfszorgvinder: the intervention catalogue, requests with the employee's consent, provider work, surveys."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from werkzorg.core.models import TenantQuerySet, TimeStampedModel
from werkzorg.core.tenancy import Tenancy


class Category(models.TextChoices):
    MENTAL = "mental", _("Mental")
    PHYSICAL = "physical", _("Physical")
    LIFESTYLE = "lifestyle", _("Lifestyle")
    TRAINING = "training", _("Training")
    WORKSHOP = "workshop", _("Workshop")


class Delivery(models.TextChoices):
    ONLINE = "online", _("Online")
    ON_SITE = "on_site", _("On site")
    BOTH = "both", _("Online or on site")


class Region(models.Model):
    """A Dutch province (or 'nationwide'); interventions are offered in one or more."""

    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=60)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Intervention(TimeStampedModel):
    title = models.CharField(_("title"), max_length=200)
    category = models.CharField(_("category"), max_length=10, choices=Category.choices, db_index=True)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"))
    providers = models.ManyToManyField(
        "organisations.Organisation",
        related_name="interventions",
        limit_choices_to={"kind": "provider"},
        verbose_name=_("care providers"),
    )
    price_excl_vat = models.DecimalField(
        _("price excl. VAT"), max_digits=9, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    sessions = models.PositiveSmallIntegerField(_("expected number of sessions"), default=1)
    duration_weeks = models.PositiveSmallIntegerField(_("expected duration (weeks)"), default=1)
    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices)
    regions = models.ManyToManyField(Region, related_name="interventions", verbose_name=_("regions"))
    is_active = models.BooleanField(_("in the catalogue"), default=True)

    class Meta:
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        ordering = ["title"]
        indexes = [models.Index(fields=["is_active", "category", "price_excl_vat"])]

    def __str__(self) -> str:
        return self.title


class RequestStatus(models.TextChoices):
    AWAITING_CONSENT = "awaiting_consent", _("Awaiting the employee's consent")
    FORWARDED = "forwarded", _("Forwarded to the provider")
    CONTACTED = "contacted", _("Employee contacted")
    PLANNED = "planned", _("Planned")
    IN_TREATMENT = "in_treatment", _("In treatment")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class InterventionEvent(models.TextChoices):
    INTERVENTION_REQUESTED = "intervention_requested", _("Intervention requested")
    INTERVENTION_CANCELLED = "intervention_cancelled", _("Intervention cancelled")
    INTERVENTION_READ = "intervention_read", _("Intervention request read")
    INTERVENTION_STATUS = "intervention_status", _("Intervention status changed")
    INTERVENTIONS_EXPORTED = "interventions_exported", _("Intervention requests exported")
    CONSENT_GIVEN = "consent_given", _("Consent given by the employee")
    CONSENT_REFUSED = "consent_refused", _("Consent refused by the employee")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent withdrawn by the employee")
    CONSENT_EXPIRED = "consent_expired", _("Consent expired (no answer)")


class CancelReason(models.TextChoices):
    REFUSED = "refused", _("The employee did not consent")
    EXPIRED = "expired", _("No answer from the employee in time")
    WITHDRAWN = "withdrawn", _("The employee withdrew consent")
    EMPLOYER = "employer", _("Cancelled by the employer")


class RequestQuerySet(TenantQuerySet):
    # The employer's requests (a requester's own, all with the right); a provider only those forwarded
    # to it after consent: never one still waiting for consent or refused.
    tenancy = Tenancy(
        provider="provider",
        provider_condition={"forwarded_at__isnull": False},
        owner="requested_by",
        all_rows_perm="view_all_interventions",
    )


class RequestPartQuerySet(TenantQuerySet):
    """Appointments, extensions, events and survey answers: visible exactly where their request is."""

    tenancy = Tenancy(
        organisation="request__organisation",
        provider="request__provider",
        provider_condition={"request__forwarded_at__isnull": False},
        owner="request__requested_by",
        all_rows_perm="view_all_interventions",
    )


class RequestWords:
    """How a request's status is written: shared by the model and the list's plain rows."""

    status: str

    @property
    def status_label(self) -> str:
        """The status in words; for lists, where get_status_display hashes every choice's label per row."""
        return str(RequestStatus(self.status).label)


class InterventionRequest(RequestWords, TimeStampedModel):
    number = models.CharField(_("intervention number"), max_length=20, unique=True)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="intervention_requests"
    )
    collectivity = models.ForeignKey("organisations.Collectivity", on_delete=models.PROTECT, related_name="+")
    intervention = models.ForeignKey(Intervention, on_delete=models.PROTECT, related_name="requests")
    provider = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="received_requests"
    )
    category = models.CharField(max_length=10, choices=Category.choices)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_as_physician = models.BooleanField(default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.AWAITING_CONSENT
    )
    cancel_reason = models.CharField(max_length=10, choices=CancelReason.choices, blank=True)
    # Personal data: erased (not hidden) when consent is refused, expires or is withdrawn.
    employee = models.ForeignKey(
        "employees.Employee", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    employee_name = models.CharField(_("employee's name"), max_length=200, blank=True)
    employee_email = models.EmailField(_("employee's e-mail"), blank=True)
    employee_phone = models.CharField(_("employee's mobile"), max_length=20, blank=True)
    note_for_provider = models.TextField(_("note for the provider"), blank=True)
    language = models.CharField(
        _("language of the employee's e-mails"), max_length=5, choices=settings.LANGUAGES, default="nl"
    )
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)
    # Consent bookkeeping: the nonce makes every link single-use; clearing it voids the link.
    consent_nonce = models.CharField(max_length=32, blank=True)
    consent_due_at = models.DateTimeField()
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_reminder_at = models.DateTimeField(null=True, blank=True)
    consented_at = models.DateTimeField(null=True, blank=True)
    forwarded_at = models.DateTimeField(null=True, blank=True, db_index=True)
    first_appointment_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    extra_sessions = models.PositiveSmallIntegerField(default=0)
    survey_nonce = models.CharField(max_length=32, blank=True)
    submit_token = models.CharField(
        max_length=64, help_text="Form token: a double-clicked submit creates one request."
    )

    objects = RequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("intervention request")
        verbose_name_plural = _("intervention requests")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "submit_token"], name="one_request_per_submit"),
        ]
        indexes = [
            models.Index(fields=["organisation", "-created_at", "-id"], name="request_org_newest"),
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["provider", "status"]),
        ]

    def __str__(self) -> str:
        return self.number


class StatusEvent(models.Model):
    """One step on the request's timeline: which status, when, by whom. Never personal data."""

    request = models.ForeignKey(InterventionRequest, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=20, choices=RequestStatus.choices)
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = RequestPartQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.request_id} {self.status}"


class ConsentDecision(models.TextChoices):
    GRANTED = "granted", _("Consent given")
    REFUSED = "refused", _("Consent refused")
    WITHDRAWN = "withdrawn", _("Consent withdrawn")
    EXPIRED = "expired", _("No answer in time")


class ConsentRecord(models.Model):
    """What the employee decided, on which text version, when and for which scope (AVG art. 7)."""

    request = models.ForeignKey(InterventionRequest, on_delete=models.CASCADE, related_name="consents")
    decision = models.CharField(max_length=10, choices=ConsentDecision.choices)
    text_version = models.CharField(max_length=20)
    scope = models.CharField(max_length=300)
    decided_at = models.DateTimeField(auto_now_add=True)

    objects = RequestPartQuerySet.as_manager()

    class Meta:
        ordering = ["decided_at", "id"]

    def __str__(self) -> str:
        return f"{self.request_id} {self.decision}"


class AppointmentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ATTENDED = "attended", _("Attended")
    CANCELLED = "cancelled", _("Cancelled in time (free)")
    CANCELLED_LATE = "cancelled_late", _("Cancelled late (charged)")
    NO_SHOW = "no_show", _("No-show (charged)")


class Appointment(models.Model):
    request = models.ForeignKey(InterventionRequest, on_delete=models.CASCADE, related_name="appointments")
    starts_at = models.DateTimeField(_("date and time"))
    status = models.CharField(
        max_length=15, choices=AppointmentStatus.choices, default=AppointmentStatus.PLANNED
    )
    chargeable = models.BooleanField(
        default=False, help_text="A late cancellation or no-show is charged (billing)."
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = RequestPartQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return f"{self.request_id} {self.starts_at:%Y-%m-%d %H:%M}"


class ExtensionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the employer")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Extension(models.Model):
    """A provider asks for more sessions under the same number (verlenging); the employer decides."""

    request = models.ForeignKey(InterventionRequest, on_delete=models.CASCADE, related_name="extensions")
    reason = models.CharField(_("reason"), max_length=500)
    extra_sessions = models.PositiveSmallIntegerField(
        _("extra sessions"), validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    status = models.CharField(max_length=10, choices=ExtensionStatus.choices, default=ExtensionStatus.PENDING)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = RequestPartQuerySet.as_manager()

    class Meta:
        ordering = ["requested_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request"], condition=Q(status="pending"), name="one_pending_extension"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request_id} +{self.extra_sessions}"


class SurveyResponse(models.Model):
    """The employee's scores after completion. The employer only ever sees averages over several answers."""

    request = models.OneToOneField(InterventionRequest, on_delete=models.CASCADE, related_name="survey")
    score_offer = models.PositiveSmallIntegerField(
        _("score for the offer"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    score_speed = models.PositiveSmallIntegerField(
        _("score for the speed"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    submitted_at = models.DateTimeField(auto_now_add=True)

    objects = RequestPartQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.request_id} survey"
