"""Employers and care providers (the tenants), their contracts, memberships, physicians and terms."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkzorg.access.policy import grant_values
from werkzorg.core.models import TenantQuerySet, TimeStampedModel
from werkzorg.core.validators import validate_agb_code, validate_kvk_number


class OrganisationEvent(models.TextChoices):
    MEMBER_REMOVED = "member_removed", _("User removed from organisation")
    RIGHTS_CHANGED = "rights_changed", _("Rights changed")
    PHYSICIAN_AUTHORISED = "physician_authorised", _("Physician authorised")
    PHYSICIAN_REVOKED = "physician_revoked", _("Physician authorisation revoked")
    TERMS_ACCEPTED = "terms_accepted", _("Terms accepted")


class OperatorSettings(models.Model):
    """The one row describing the operator running this portal: shown wherever users need help."""

    name = models.CharField(_("operator name"), max_length=120)
    desk_email = models.EmailField(_("desk e-mail"))
    desk_phone = models.CharField(_("desk phone"), max_length=40)
    desk_hours = models.CharField(
        _("desk opening hours"),
        max_length=120,
        blank=True,
        help_text=_("e.g. Monday to Friday, 9:00 to 17:00."),
    )
    brand_primary_color = models.CharField(
        _("brand colour"), max_length=7, default="#154273", help_text=_("Hex colour, e.g. #154273.")
    )

    class Meta:
        verbose_name = _("operator settings")
        verbose_name_plural = _("operator settings")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> OperatorSettings:
        """Asked by every page: cached for a minute, so a desk edit shows within a minute everywhere."""
        found = cache.get_or_set("werkzorg:operator", lambda: cls.objects.order_by("pk").first() or False, 60)
        if found:
            return found
        return cls(
            name=settings.OPERATOR_NAME,
            desk_email=settings.OPERATOR_DESK_EMAIL,
            desk_phone=settings.OPERATOR_DESK_PHONE,
            desk_hours=settings.OPERATOR_DESK_HOURS,
        )


class OrganisationKind(models.TextChoices):
    EMPLOYER = "employer", _("Employer")
    PROVIDER = "provider", _("Care provider")


class Organisation(TimeStampedModel):
    kind = models.CharField(_("kind"), max_length=10, choices=OrganisationKind.choices)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    kvk_number = models.CharField(_("KvK number"), max_length=8, validators=[validate_kvk_number])
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=7, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    email_domains = models.CharField(
        _("e-mail domains"),
        max_length=500,
        blank=True,
        help_text=_("The organisation's own e-mail domains, comma separated (e.g. example.nl, example.com)."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def domains(self) -> list[str]:
        return [d.strip().lower() for d in self.email_domains.split(",") if d.strip()]

    @property
    def is_provider(self) -> bool:
        return self.kind == OrganisationKind.PROVIDER


class Collectivity(TimeStampedModel):
    """A collective contract of an employer, known by customer number + collectivity number."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="collectivities")
    customer_number = models.CharField(_("customer number"), max_length=20)
    collectivity_number = models.CharField(_("collectivity number"), max_length=20)
    name = models.CharField(_("name"), max_length=200)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("collectivity")
        verbose_name_plural = _("collectivities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["customer_number", "collectivity_number"], name="unique_collectivity_numbers"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.customer_number}/{self.collectivity_number})"


class Grants(models.Model):
    """Permissions (about managing users) and roles (about work); the field names are werkzorg.access's vocabulary."""

    can_invite_users = models.BooleanField(_("invite and remove users"), default=False)
    can_assign_permissions = models.BooleanField(_("assign permissions"), default=False)
    can_assign_roles = models.BooleanField(_("assign roles"), default=False)
    role_insurance = models.BooleanField(_("collective health insurance"), default=False)
    role_declare_invoices = models.BooleanField(_("declare invoices"), default=False)
    role_request_interventions = models.BooleanField(_("request interventions"), default=False)
    role_reports = models.BooleanField(_("reports"), default=False)
    role_absence = models.BooleanField(_("absence management"), default=False)

    class Meta:
        abstract = True

    def grant_values(self) -> dict[str, bool]:
        return grant_values(self)


class Membership(Grants, TimeStampedModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, help_text="Optimistic lock for concurrent edits.")
    # The insurance role within chosen collectivities only; none chosen means all of the organisation's.
    insurance_collectivities = models.ManyToManyField(
        Collectivity, blank=True, related_name="+", verbose_name=_("insurance role for collectivities")
    )
    # Whether any are chosen: known without a query when the actor lookup loaded the membership (it
    # asks in the same statement); otherwise assumed, and the chosen ones are read.
    has_collectivity_limit = True

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


class Practitioner(TimeStampedModel):
    """An occupational physician in the operator's register, found by AGB code."""

    agb_code = models.CharField(_("AGB code"), max_length=8, unique=True, validators=[validate_agb_code])
    big_number = models.CharField(_("BIG number"), max_length=11, blank=True)
    name = models.CharField(_("name"), max_length=200)
    profession = models.CharField(_("profession"), max_length=100, default="Bedrijfsarts")
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practitioner",
        verbose_name=_("login account"),
    )

    class Meta:
        verbose_name = _("practitioner")
        verbose_name_plural = _("practitioners")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} (AGB {self.agb_code})"


class PracticeAssistant(TimeStampedModel):
    """A practice assistant (praktijkondersteuner) working under a physician's responsibility: where an
    employer authorised the physician, the assistant has the physician's standing, medical access included,
    and what the assistant writes is in the physician's name (the audit log names the assistant)."""

    practitioner = models.ForeignKey(
        Practitioner, on_delete=models.CASCADE, related_name="assistants", verbose_name=_("physician")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="practice_assistant",
        verbose_name=_("login account"),
    )

    class Meta:
        verbose_name = _("practice assistant")
        verbose_name_plural = _("practice assistants")

    def __str__(self) -> str:
        return f"{self.user} -> {self.practitioner}"


class PhysicianAuthorisationQuerySet(TenantQuerySet):
    def active(self) -> PhysicianAuthorisationQuerySet:
        return self.filter(revoked_at__isnull=True)


class PhysicianAuthorisation(models.Model):
    """An employer's mandate for a physician to work for it (machtiging); revoking keeps the history."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="authorisations")
    practitioner = models.ForeignKey(Practitioner, on_delete=models.PROTECT, related_name="authorisations")
    authorised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    authorised_at = models.DateTimeField(default=timezone.now)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = PhysicianAuthorisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("physician authorisation")
        verbose_name_plural = _("physician authorisations")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "practitioner"],
                condition=Q(revoked_at__isnull=True),
                name="one_active_authorisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.practitioner} -> {self.organisation}"


class TermsVersion(models.Model):
    version = models.CharField(_("version"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    published_at = models.DateTimeField(_("in force from"), default=timezone.now)

    class Meta:
        verbose_name = _("terms and conditions version")
        verbose_name_plural = _("terms and conditions versions")
        ordering = ["-published_at"]

    def __str__(self) -> str:
        return f"{self.title} {self.version}"

    @classmethod
    def current(cls) -> TermsVersion | None:
        return cls.objects.filter(published_at__lte=timezone.now()).order_by("-published_at").first()


class TermsAcceptance(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="terms_acceptances")
    terms_version = models.ForeignKey(TermsVersion, on_delete=models.PROTECT, related_name="acceptances")
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    accepted_at = models.DateTimeField(default=timezone.now)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("terms acceptance")
        verbose_name_plural = _("terms acceptances")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "terms_version"], name="accept_terms_once")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.terms_version}"
