"""Delivering to the inbox (by other apps' services, inside their transaction) and reading it."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from werkzorg.access import Actor, Perm, get_or_404, require, scope
from werkzorg.audit.services import record
from werkzorg.core.errors import NotFound
from werkzorg.inbox.models import InboxEvent, Message, MessageKind, MessageRead


def deliver(
    *,
    organisation: Any,
    kind: MessageKind,
    title: str,
    body: str = "",
    collectivity: Any = None,
    recipient: Any = None,
    link: str = "",
    attachment: bytes | None = None,
    attachment_name: str = "",
    keep_for: datetime.timedelta | None = None,
) -> Message:
    """A message in the organisation's inbox; called by the service whose work it announces."""
    return Message.objects.create(
        organisation=organisation,
        collectivity=collectivity,
        recipient=recipient,
        kind=kind,
        title=title[:200],
        body=body,
        link=link,
        attachment=attachment,
        attachment_name=attachment_name,
        expires_at=timezone.now() + keep_for if keep_for else None,
    )


def visible_messages(actor: Actor) -> QuerySet[Message]:
    """The messages the actor may see, newest first, each with `is_read` for this user."""
    require(actor, Perm.VIEW_INBOX)
    now = timezone.now()
    kinds = [k for k, perm in KIND_PERMS.items() if perm in actor.perms]
    return (
        scope(Message, actor)
        .filter(Q(recipient__isnull=True) | Q(recipient=actor.user), kind__in=kinds)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .annotate(is_read=Exists(MessageRead.objects.filter(message=OuterRef("pk"), user=actor.user)))
        .defer("attachment")
    )


def filtered_messages(actor: Actor, *, kind: str = "", unread_only: bool = False) -> QuerySet[Message]:
    """The inbox as the list shows it: optionally one kind of message, optionally unread only."""
    messages = visible_messages(actor)
    if kind in MessageKind.values:
        messages = messages.filter(kind=kind)
    if unread_only:
        messages = messages.filter(is_read=False)  # type: ignore[misc]  # annotated by visible_messages
    return messages


@transaction.atomic(durable=True)
def mark_all_read(actor: Actor) -> int:
    """Everything the user sees in the inbox counts as read for them (nobody else's markers change)."""
    unread = list(visible_messages(actor).filter(is_read=False).values_list("pk", flat=True))  # type: ignore[misc]
    MessageRead.objects.bulk_create(
        [MessageRead(message_id=pk, user=actor.user) for pk in unread], ignore_conflicts=True
    )
    record(InboxEvent.ALL_MARKED_READ, actor=actor, detail=f"{len(unread)} messages")
    return len(unread)


def unread_count(actor: Actor) -> int:
    unread: int = visible_messages(actor).filter(is_read=False).count()  # type: ignore[misc]
    return unread


@transaction.atomic(durable=True)
def open_message(*, actor: Actor, message_id: int) -> Message:
    message: Message = get_or_404(visible_messages(actor), actor, pk=message_id)
    MessageRead.objects.get_or_create(message=message, user=actor.user)
    record(InboxEvent.MESSAGE_READ, actor=actor, obj=message)
    return message


@transaction.atomic(durable=True)
def download_attachment(*, actor: Actor, message_id: int) -> tuple[str, bytes]:
    message = get_or_404(visible_messages(actor).defer(None), actor, pk=message_id)
    if not message.attachment:
        raise NotFound()
    MessageRead.objects.get_or_create(message=message, user=actor.user)
    record(InboxEvent.ATTACHMENT_DOWNLOADED, actor=actor, obj=message, detail=message.kind)
    return message.attachment_name, bytes(message.attachment)


def delete_expired() -> int:
    """Large exports do not stay for ever: the beat task removes messages past their date."""
    _total, by_model = Message.objects.filter(expires_at__lte=timezone.now()).delete()
    return by_model.get(Message._meta.label, 0)


# Who sees which kind: premium matters for the insurance role, exports for whoever made them (the
# recipient), desk messages for everyone with the inbox.
KIND_PERMS = {
    MessageKind.STATEMENT: Perm.INSURANCE,
    MessageKind.INVOICE: Perm.INSURANCE,
    MessageKind.REMINDER: Perm.INSURANCE,
    MessageKind.EXPORT: Perm.VIEW_INBOX,
    MessageKind.DESK: Perm.VIEW_INBOX,
    MessageKind.COLLECTIVE_STATEMENT: Perm.BILLING_STATEMENTS,
}
