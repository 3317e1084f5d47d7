"""The organisation's inbox (Postvak IN): statements, invoices, reminders, background exports, desk messages."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkzorg.core.models import TenantQuerySet
from werkzorg.core.tenancy import Tenancy


class InboxEvent(models.TextChoices):
    MESSAGE_READ = "inbox_message_read", _("Inbox message read")
    ATTACHMENT_DOWNLOADED = "inbox_attachment_downloaded", _("Inbox attachment downloaded")
    ALL_MARKED_READ = "inbox_all_marked_read", _("Inbox marked as read")


class MessageKind(models.TextChoices):
    STATEMENT = "statement", _("Premium statement")
    INVOICE = "invoice", _("Premium invoice")
    REMINDER = "reminder", _("Payment reminder")
    EXPORT = "export", _("Export")
    DESK = "desk", _("Message from the desk")
    COLLECTIVE_STATEMENT = "collective", _("Collective statement")


class MessageQuerySet(TenantQuerySet):
    # A message about one collectivity is for those who may see that collectivity; one with a recipient
    # (an export someone made) is that person's alone (see queries.visible_messages).
    tenancy = Tenancy(collectivity="collectivity")


class Message(models.Model):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    collectivity = models.ForeignKey(
        "organisations.Collectivity", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=MessageKind.choices)
    title = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"), blank=True)
    # Where the thing itself lives in the portal (a statement's page), or a file kept with the message.
    link = models.CharField(max_length=300, blank=True)
    attachment = models.BinaryField(null=True, blank=True, editable=False)
    attachment_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("inbox message")
        verbose_name_plural = _("inbox messages")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self) -> str:
        return self.title


class MessageRead(models.Model):
    """Unread markers are per user: a row once someone opened the message."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["message", "user"], name="read_once")]

    def __str__(self) -> str:
        return f"{self.message_id} read by {self.user_id}"
