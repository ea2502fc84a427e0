"""The HTTP service: a read-only JSON API with an OpenAPI document, and the web pages."""

from parleywatch.api.app import create_app, serve
from parleywatch.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app", "serve"]
