"""The optional online fallback, with a fake geopy geocoder: cache, rate limit, error mapping."""

from __future__ import annotations

import pytest
from geopy import exc as geopy_exc
from geopy.location import Location
from geopy.point import Point

from gazetteer.errors import (
    GazetteerQueryError,
    GazetteerRateLimited,
    GazetteerServiceError,
    GazetteerServiceRefused,
    GazetteerServiceUnavailable,
)
from gazetteer.online import CachedOnlineGeocoder, map_service_error


class FakeGeocoder:
    """Answers from a table and counts calls; raises ``error`` when set."""

    def __init__(self, answers: dict[str, list[Location]], error: Exception | None = None):
        self.answers = answers
        self.error = error
        self.calls: list[tuple[str, dict]] = []

    def geocode(self, query, *, exactly_one=True, country_codes=None, timeout=None):
        self.calls.append((query, {"country_codes": country_codes}))
        if self.error is not None:
            raise self.error
        found = self.answers.get(query, [])
        if not found:
            return None
        return found if not exactly_one else found[0]


def location(name: str, lat: float, lon: float) -> Location:
    return Location(name, Point(lat, lon), {"display_name": name})


@pytest.fixture
def fake():
    return FakeGeocoder(
        {"Bakhmut": [location("Bakhmut, Ukraine", 48.59, 38.0), location("Bakhmut, Somewhere", 1.0, 2.0)]}
    )


def test_a_second_query_is_answered_from_the_cache_even_after_reopening(tmp_path, fake):
    cache = tmp_path / "answers.sqlite"
    with CachedOnlineGeocoder(fake, cache_path=cache, min_delay_seconds=0) as online:
        first = online.geocode("Bakhmut")
        again = online.geocode("Bakhmut")
    with CachedOnlineGeocoder(fake, cache_path=cache, min_delay_seconds=0) as reopened:
        third = reopened.geocode("Bakhmut")
    assert len(fake.calls) == 1
    assert first.address == again.address == third.address == "Bakhmut, Ukraine"
    assert (third.latitude, third.longitude) == (48.59, 38.0) and third.raw == {"display_name": "Bakhmut, Ukraine"}


def test_misses_are_cached_too(tmp_path, fake):
    with CachedOnlineGeocoder(fake, cache_path=tmp_path / "a.sqlite", min_delay_seconds=0) as online:
        assert online.geocode("Atlantis") is None
        assert online.geocode("Atlantis") is None
    assert len(fake.calls) == 1


def test_all_answers_when_not_exactly_one(tmp_path, fake):
    with CachedOnlineGeocoder(fake, cache_path=tmp_path / "a.sqlite", min_delay_seconds=0) as online:
        assert [loc.address for loc in online.geocode("Bakhmut", exactly_one=False)] == [
            "Bakhmut, Ukraine",
            "Bakhmut, Somewhere",
        ]


def test_country_is_passed_to_the_service_and_keys_the_cache(tmp_path, fake):
    with CachedOnlineGeocoder(fake, cache_path=tmp_path / "a.sqlite", min_delay_seconds=0) as online:
        online.geocode("Bakhmut", country="ua")
        online.geocode("Bakhmut")
    assert fake.calls == [("Bakhmut", {"country_codes": "ua"}), ("Bakhmut", {"country_codes": None})]


def test_queries_are_spaced_by_the_rate_limiter(tmp_path, fake, monkeypatch):
    sleeps: list[float] = []
    monkeypatch.setattr("geopy.extra.rate_limiter.RateLimiter._sleep", lambda self, s: sleeps.append(s))
    with CachedOnlineGeocoder(fake, cache_path=tmp_path / "a.sqlite", min_delay_seconds=1.0) as online:
        online.geocode("Bakhmut")
        online.geocode("Soledar")
    assert len(fake.calls) == 2 and sleeps and max(sleeps) > 0.5


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        (geopy_exc.GeocoderTimedOut("slow"), GazetteerServiceUnavailable),
        (geopy_exc.GeocoderUnavailable("down"), GazetteerServiceUnavailable),
        (geopy_exc.GeocoderRateLimited("busy"), GazetteerRateLimited),
        (geopy_exc.GeocoderQuotaExceeded("quota"), GazetteerRateLimited),
        (geopy_exc.GeocoderAuthenticationFailure("key"), GazetteerServiceRefused),
        (geopy_exc.GeocoderQueryError("bad"), GazetteerQueryError),
        (geopy_exc.GeocoderParseError("garbled"), GazetteerServiceError),
    ],
)
def test_service_errors_are_mapped_and_not_cached(tmp_path, raised, expected):
    failing = FakeGeocoder({}, error=raised)
    with CachedOnlineGeocoder(failing, cache_path=tmp_path / "a.sqlite", min_delay_seconds=0) as online:
        with pytest.raises(expected):
            online.geocode("Bakhmut")
        failing.error = None
        assert online.geocode("Bakhmut") is None
    assert len(failing.calls) == 2


def test_mapped_errors_keep_their_builtin_meaning():
    assert isinstance(map_service_error(geopy_exc.GeocoderTimedOut("slow")), TimeoutError)
    assert isinstance(map_service_error(geopy_exc.GeocoderUnavailable("down")), ConnectionError)
    assert isinstance(map_service_error(geopy_exc.GeocoderAuthenticationFailure("key")), PermissionError)
    assert map_service_error(KeyError("x")) is None


def test_bad_input_raises_without_calling_the_service(tmp_path, fake):
    with CachedOnlineGeocoder(fake, cache_path=tmp_path / "a.sqlite", min_delay_seconds=0) as online:
        for bad in ("", None):
            with pytest.raises(GazetteerQueryError):
                online.geocode(bad)
    assert fake.calls == []
    with pytest.raises(GazetteerQueryError):
        CachedOnlineGeocoder(fake, cache_path=tmp_path / "a.sqlite", min_delay_seconds=-1)


def test_nominatim_is_the_default_and_is_not_contacted_until_asked(tmp_path):
    online = CachedOnlineGeocoder(cache_path=tmp_path / "a.sqlite", user_agent="conflictmap-test")
    assert type(online.geocoder).__name__ == "Nominatim"
    online.close()
