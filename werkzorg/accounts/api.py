from __future__ import annotations

from django.urls import path
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from werkzorg.organisations.queries import list_organisations_for_user


class MeAPI(APIView):
    """The signed-in user and the organisations they can act for."""

    @extend_schema(
        responses=inline_serializer(
            "Me",
            {
                "email": serializers.EmailField(),
                "name": serializers.CharField(),
                "organisations": serializers.ListField(child=serializers.DictField()),
            },
        )
    )
    def get(self, request: Request) -> Response:
        user = request.user
        return Response(
            {
                "email": user.email,  # type: ignore[union-attr]
                "name": user.full_name,  # type: ignore[union-attr]
                "organisations": [
                    {"slug": o.slug, "name": o.name, "kind": o.kind}
                    for o in list_organisations_for_user(user)
                ],
            }
        )


urlpatterns = [path("me/", MeAPI.as_view(), name="me")]
