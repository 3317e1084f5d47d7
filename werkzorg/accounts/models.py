"""One person = one login: the e-mail address; e-mail + mobile number identify them."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkzorg.core.models import TenantQuerySet
from werkzorg.organisations.models import Grants


class AccountEvent(models.TextChoices):
    INVITATION_SENT = "invitation_sent", _("Invitation sent")
    INVITATION_REVOKED = "invitation_revoked", _("Invitation withdrawn")
    INVITATION_ACCEPTED = "invitation_accepted", _("Invitation accepted")
    INVITATION_BLOCKED = "invitation_blocked", _("Invitation blocked after too many codes")
    MEMBER_ADDED = "member_added", _("User added to organisation")
    USER_DISABLED = "user_disabled", _("User disabled")
    TWO_FACTOR_RESET = "two_factor_reset", _("Two-factor reset by the desk")
    CONTACT_CHANGED = "contact_changed", _("E-mail or mobile number changed")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("name"), max_length=200, blank=True)
    phone = models.CharField(
        _("mobile number"), max_length=20, blank=True, help_text=_("E.164, e.g. +31612345678")
    )
    phone_verified = models.BooleanField(_("mobile number verified"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("desk staff"), default=False)
    # What a desk staff member works on (werkzorg.access.policy.DESK_ROLE_PERMS); none without is_staff.
    desk_support = models.BooleanField(
        _("desk: support"),
        default=False,
        help_text=_("Users, two-factor resets, the employee register (read only), the audit log."),
    )
    desk_catalogue = models.BooleanField(
        _("desk: catalogue"),
        default=False,
        help_text=_("The intervention catalogue and the practitioner register."),
    )
    desk_contracts = models.BooleanField(
        _("desk: contracts"),
        default=False,
        help_text=_("Organisations, collectivities, terms and operator settings."),
    )
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    last_organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []  # type: ignore[misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for registration")
    ACCEPTED = "accepted", _("Registered")
    REVOKED = "revoked", _("Withdrawn")
    BLOCKED = "blocked", _("Blocked (too many codes)")


class Invitation(Grants):
    """An invitation to join an organisation; the link plus an SMS code lead to registration."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("mobile number"), max_length=20)
    full_name = models.CharField(_("name"), max_length=200)
    status = models.CharField(
        max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    invited_by = models.ForeignKey("accounts.User", on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    code_hash = models.CharField(max_length=128, blank=True)
    code_sent_at = models.DateTimeField(null=True, blank=True)
    code_attempts = models.PositiveSmallIntegerField(default=0)  # wrong tries of the current code
    # Over the invitation's whole life: a new code never resets these.
    codes_sent = models.PositiveSmallIntegerField(default=0)
    wrong_codes = models.PositiveSmallIntegerField(default=0)
    blocked_at = models.DateTimeField(null=True, blank=True)
    code_verified_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=models.Q(status="pending"),
                name="one_pending_invitation_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} -> {self.organisation}"

    @property
    def is_pending(self) -> bool:
        return self.status == InvitationStatus.PENDING and self.expires_at > timezone.now()
