from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode


def desk_login(request: HttpRequest, extra_context: object = None) -> HttpResponse:
    """The desk signs in like everyone: allauth's sign-in with the second factor and the same lock-out."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = ""
    return redirect(f"{reverse('account_login')}?{urlencode({'next': target or reverse('admin:index')})}")
