"""Writes need the `X-API-Key` header to equal MALIKG_API_KEY; with no key configured, writes are disabled."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Header, HTTPException

from api.deps import SettingsDep


def require_api_key(
    settings: SettingsDep,
    x_api_key: Annotated[str | None, Header(description="Must equal MALIKG_API_KEY.")] = None,
) -> None:
    """503 when the server has no key (writes disabled), 401 when the header is missing or wrong."""
    expected = settings.malikg_api_key.get_secret_value()
    if not expected:
        raise HTTPException(503, "Writes are disabled: the server has no MALIKG_API_KEY configured.")
    if x_api_key is None or not hmac.compare_digest(x_api_key.encode(), expected.encode()):
        raise HTTPException(401, "Missing or wrong X-API-Key header.", headers={"WWW-Authenticate": "X-API-Key"})


ApiKeyDep = Annotated[None, Depends(require_api_key)]
