"""Optional online fallback: any geopy geocoder, rate limited, with a persistent answer cache.

Off by default (everything works offline); switch it on only where a service is
reachable and its terms allow the use. Every answer, a miss included, is kept in
a small SQLite file, so a query is sent at most once per cache file.
"""

from __future__ import annotations

import inspect
import json
import sqlite3
import threading
import time
from pathlib import Path

from geopy import exc as geopy_exc
from geopy.location import Location
from geopy.point import Point

from gazetteer.errors import (
    GazetteerDataError,
    GazetteerError,
    GazetteerQueryError,
    GazetteerRateLimited,
    GazetteerServiceError,
    GazetteerServiceRefused,
    GazetteerServiceUnavailable,
)

# geopy's errors -> ours; the first class in an exception's MRO found here wins.
SERVICE_ERRORS: dict[type[BaseException], type[GazetteerError]] = {
    geopy_exc.GeocoderQueryError: GazetteerQueryError,
    geopy_exc.GeocoderRateLimited: GazetteerRateLimited,
    geopy_exc.GeocoderQuotaExceeded: GazetteerRateLimited,
    geopy_exc.GeocoderAuthenticationFailure: GazetteerServiceRefused,
    geopy_exc.GeocoderInsufficientPrivileges: GazetteerServiceRefused,
    geopy_exc.GeocoderTimedOut: GazetteerServiceUnavailable,
    geopy_exc.GeocoderUnavailable: GazetteerServiceUnavailable,
    geopy_exc.GeocoderServiceError: GazetteerServiceError,
    geopy_exc.GeopyError: GazetteerServiceError,
}

CACHE_FILE_NAME = "online-geocoder.sqlite"


def map_service_error(err: BaseException) -> GazetteerError | None:
    """Our error for a geopy error, or None when it is not one of geopy's."""
    for cls in type(err).__mro__:
        if cls in SERVICE_ERRORS:
            return SERVICE_ERRORS[cls](f"the online geocoder failed: {err}")
    return None


def default_online_cache_path() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("conflictmap")) / CACHE_FILE_NAME


def _location_to_json(location: Location) -> dict:
    return {"address": location.address, "lat": location.latitude, "lon": location.longitude, "raw": location.raw}


def _location_from_json(data: dict) -> Location:
    return Location(data["address"], Point(data["lat"], data["lon"]), data.get("raw") or {})


class AnswerCache:
    """query key -> JSON answer (a list of locations, empty for a miss), in SQLite."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, check_same_thread=False)
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, answer TEXT NOT NULL, "
                "stored_at REAL NOT NULL)"
            )
            self._conn.commit()
        except (OSError, sqlite3.Error) as err:
            raise GazetteerDataError(f"cannot open the online geocoder cache {str(self.path)!r}: {err}") from err

    def get(self, key: str) -> list[dict] | None:
        with self._lock:
            row = self._conn.execute("SELECT answer FROM answers WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def put(self, key: str, answer: list[dict]) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?)",
                (key, json.dumps(answer, ensure_ascii=False, default=str), time.time()),
            )
            self._conn.commit()

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class CachedOnlineGeocoder:
    """Wrap a geopy geocoder (Nominatim by default) with geopy's RateLimiter and an answer cache."""

    def __init__(
        self,
        geocoder=None,
        *,
        user_agent: str = "conflictmap",
        cache_path: Path | None = None,
        min_delay_seconds: float = 1.0,
    ):
        if min_delay_seconds < 0:
            raise GazetteerQueryError(f"expected min_delay_seconds >= 0, got {min_delay_seconds!r}")
        self._geocoder = geocoder
        self._user_agent = user_agent
        self._min_delay_seconds = min_delay_seconds
        self._cache = AnswerCache(cache_path if cache_path is not None else default_online_cache_path())
        self._rate_limited = None

    @property
    def geocoder(self):
        if self._geocoder is None:
            from geopy.geocoders import Nominatim

            self._geocoder = Nominatim(user_agent=self._user_agent)
        return self._geocoder

    def _limited(self):
        if self._rate_limited is None:
            from geopy.extra.rate_limiter import RateLimiter

            # Errors are ours to map, not the limiter's to swallow; retries are the caller's choice.
            self._rate_limited = RateLimiter(
                self.geocoder.geocode,
                min_delay_seconds=self._min_delay_seconds,
                max_retries=0,
                swallow_exceptions=False,
            )
        return self._rate_limited

    def _country_options(self, query: str, country: str | None) -> tuple[str, dict]:
        if country is None:
            return query, {}
        parameters = inspect.signature(self.geocoder.geocode).parameters
        for option in ("country_codes", "country", "countries"):
            if option in parameters:
                return query, {option: country}
        return f"{query}, {country}", {}

    def geocode(
        self, query: str, *, exactly_one: bool = True, country: str | None = None
    ) -> Location | list[Location] | None:
        if not isinstance(query, str) or not query.strip():
            raise GazetteerQueryError(f"expected a place name to geocode, got {query!r}")
        key = json.dumps([query.strip(), country], ensure_ascii=False)
        answer = self._cache.get(key)
        if answer is None:
            answer = self._ask(query.strip(), country)
            self._cache.put(key, answer)
        locations = [_location_from_json(item) for item in answer]
        if not locations:
            return None
        return locations[0] if exactly_one else locations

    def _ask(self, query: str, country: str | None) -> list[dict]:
        text, options = self._country_options(query, country)
        try:
            found = self._limited()(text, exactly_one=False, **options)
        except geopy_exc.GeopyError as err:
            raise (map_service_error(err) or GazetteerError(f"the online geocoder failed: {err}")) from err
        if found is None:
            return []
        found = found if isinstance(found, list) else [found]
        return [_location_to_json(location) for location in found]

    def close(self) -> None:
        self._cache.close()

    def __enter__(self) -> CachedOnlineGeocoder:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
