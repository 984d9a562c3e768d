"""A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as one regular expression, for JSON schemas.

`core.dates.PartialDate.parse` is the check; this pattern describes exactly the same set to OpenAPI clients and
generators (schemathesis), which cannot call Python. tests/test_api_schema_constraints.py checks they agree.
"""

from __future__ import annotations

# A year 0001-9999, a month of it, or a real calendar day (29 February only in leap years). ASCII digits only
# ([0-9], not \d, which is any Unicode digit in Python). JSON Schema reads a pattern with `re.search`: `$` also
# matches before a final newline, which the checks drop.
_YEAR = "(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
_MONTH_DAY = (
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
DATE_PATTERN = f"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2])|-{_MONTH_DAY})?|{_LEAP_YEAR}-02-29)$"
# A real calendar day only (YYYY-MM-DD).
DAY_PATTERN = f"^(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)$"
# A publication day: a real calendar day from 1900 on (older dates are typing errors such as "0001-01-01").
_YEAR_FROM_1900 = "(?:19[0-9]{2}|[2-9][0-9]{3})"
_LEAP_YEAR_FROM_1900 = "(?:(?:19|[2-9][0-9])(?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[3579][26])00)"
PUBLISHED_PATTERN = f"^(?:{_YEAR_FROM_1900}-{_MONTH_DAY}|{_LEAP_YEAR_FROM_1900}-02-29)$"
