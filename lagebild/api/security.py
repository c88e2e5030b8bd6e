"""Bearer-token check for writes and the security headers of every response."""

from __future__ import annotations

import hmac
import os

from fastapi import HTTPException, Request
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

TOKEN_ENV = "LAGEBILD_API_TOKEN"

# Scripts and styles only from our own origin: article text can never inject a script, and
# no CDN is needed (the UI works offline).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
# The OpenAPI page (/docs) is FastAPI's, with inline bootstrap code and its CDN assets.
DOCS_PATHS = ("/docs", "/redoc", "/openapi.json")


def require_token(request: Request) -> None:
    """401 unless ``Authorization: Bearer <token>`` matches the configured token; writes are
    refused outright when no token is configured."""
    expected = request.app.state.api_token or os.environ.get(TOKEN_ENV)
    if not expected:
        raise HTTPException(403, f"writes are disabled: set {TOKEN_ENV} to enable them")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip(), expected):
        raise HTTPException(401, "missing or wrong bearer token")


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        if not request.url.path.startswith(DOCS_PATHS):
            response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response
