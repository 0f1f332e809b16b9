"""What the map page does to the store: demo corpus, pasted and uploaded articles,
ACLED/GDELT uploads, place corrections and downloads, with the suite's fake pipeline."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from fake_pipeline import FakePipeline

from gazetteer.entry import Entry
from geo.errors import InputError, UploadError
from geo.read.uploads import UploadedFile
from geo.records import Article
from geo.store.store import EventStore
from geo.web import appactions as actions

ACLED_CSV = (
    "event_id_cnty,event_date,event_type,sub_event_type,country,admin1,location,latitude,longitude,"
    "geo_precision,time_precision,source,notes\n"
    "YEM9001,2016-08-15,Explosions/Remote violence,Air/drone strike,Yemen,Hajjah,Abs,16.0500,43.1900,"
    "1,1,Sample Agency,An air strike hit a hospital in Abs.\n"
)
KERRY = "Kerry arrived for a visit to Moscow on Thursday. Later he flew to Geneva for talks."
PALMYRA = "Troops fought their way into Palmyra. Engineers cleared mines."


@pytest.fixture
def store(tmp_path: Path):
    with EventStore.open(tmp_path / "events.sqlite") as opened:
        yield opened


def fake() -> FakePipeline:
    return FakePipeline()


def never() -> FakePipeline:
    raise AssertionError("the pipeline was loaded although nothing needed parsing")


# ---------------------------------------------------------------------------
# articles in


def test_ingest_stores_articles_with_their_events_and_reports_progress(store: EventStore) -> None:
    articles = [Article(KERRY, title="Kerry", published=date(2016, 3, 24)), Article(PALMYRA, title="Palmyra")]
    seen: list[tuple[int, int, str]] = []
    report = actions.ingest_articles(articles, store=store, pipeline=fake, on_progress=lambda *step: seen.append(step))
    assert (report.articles, report.events) == (2, 3)
    assert store.count() == 3
    assert seen == [(1, 2, "Kerry"), (2, 2, "Palmyra")]


def test_ingest_skips_stored_articles_without_loading_the_pipeline(store: EventStore) -> None:
    article = Article(KERRY, title="Kerry")
    actions.ingest_articles([article], store=store, pipeline=fake)
    report = actions.ingest_articles([article, article], store=store, pipeline=never)
    assert (report.articles, report.already_stored) == (0, 1)


def test_demo_corpus_fills_an_empty_store_once(store: EventStore) -> None:
    assert actions.needs_demo(store)
    first = actions.load_demo(store, pipeline=fake)
    assert first.articles == store.article_count() == 61
    assert not actions.needs_demo(store)
    again = actions.load_demo(store, pipeline=never)
    assert (again.articles, again.already_stored) == (0, 61)


def test_demo_briefs_are_dated_short_and_spread_over_months() -> None:
    rows = [json.loads(line) for line in actions.DEMO_CORPUS.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 36
    assert all(set(r) == {"id", "title", "published", "source", "url", "text"} for r in rows)
    assert all(80 <= len(r["text"].split()) <= 200 for r in rows)
    months = {r["published"][:7] for r in rows}
    assert {"2016-01", "2016-02", "2016-03", "2016-04", "2016-05", "2016-06"} <= months
    assert len({r["id"] for r in rows}) == len(rows)


def test_pasted_article_is_parsed_and_stored(store: EventStore) -> None:
    report = actions.add_pasted(
        PALMYRA, title="Palmyra", published=date(2016, 3, 27), source="Pasted", store=store, pipeline=fake
    )
    assert report.articles == 1
    [event] = store.query()
    assert (event.place, event.event_date, event.source) == ("Palmyra", date(2016, 3, 27), "Pasted")


def test_pasting_nothing_is_an_input_error(store: EventStore) -> None:
    with pytest.raises(InputError):
        actions.add_pasted("   \n ", store=store, pipeline=never)


# ---------------------------------------------------------------------------
# uploads


def test_one_upload_of_an_article_an_acled_table_and_a_bad_table(store: EventStore) -> None:
    uploads = [
        ("kerry.txt", KERRY.encode()),
        ("acled.csv", ACLED_CSV.encode()),
        ("other.csv", b"a,b\n1,2\n"),
    ]
    report = actions.add_uploads(uploads, published=date(2016, 3, 25), store=store, pipeline=fake)
    assert (report.articles, report.events, report.imported) == (1, 2, 1)
    assert len(report.problems) == 1 and report.problems[0].startswith("other.csv: ")
    assert {e.origin for e in store.query()} == {"conflictmap", "acled"}


def gdelt_line(**values: str) -> str:
    from geo.formats.gdelt import GDELT_COLUMNS

    return "\t".join(values.get(name, "") for name in GDELT_COLUMNS)


def test_a_gdelt_event_file_is_imported_whatever_its_suffix(store: EventStore) -> None:
    line = gdelt_line(
        GLOBALEVENTID="900001",
        SQLDATE="20160524",
        EventCode="190",
        EventBaseCode="190",
        EventRootCode="19",
        ActionGeo_Type="4",
        ActionGeo_FullName="Manbij, Halab, Syria",
        ActionGeo_CountryCode="SY",
        ActionGeo_Lat="36.5281",
        ActionGeo_Long="37.9549",
        DATEADDED="20160524120000",
        SOURCEURL="https://example.org/manbij",
    )
    report = actions.add_uploads([("20160524.export.CSV", (line + "\n").encode())], store=store, pipeline=never)
    assert (report.imported, report.problems) == (1, ())
    [event] = store.query()
    assert (event.origin, event.event_type, event.event_date) == ("gdelt", "frontline", date(2016, 5, 24))
    assert (event.lat, event.lon) == (36.5281, 37.9549)


def test_articles_in_a_zip_are_read(store: EventStore) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("briefs/kerry.txt", KERRY)
        archive.writestr("briefs/palmyra.txt", PALMYRA)
    report = actions.add_uploads([("briefs.zip", buffer.getvalue())], store=store, pipeline=fake)
    assert report.articles == 2


def test_an_upload_of_a_type_not_read_is_refused(store: EventStore) -> None:
    with pytest.raises(UploadError, match="setup.exe"):
        actions.add_uploads([("setup.exe", b"MZ")], store=store, pipeline=never)


@pytest.mark.parametrize(
    ("suffix", "first_line", "kind"),
    [
        (".txt", b"Kerry went to Moscow.", "articles"),
        (".jsonl", b'{"text": "x"}', "articles"),
        (".csv", b"event_id_cnty,event_date,event_type", "acled"),
        (".csv", b"527103741\t20160324\t201603", "gdelt"),
        (".tsv", b"527103741", "gdelt"),
    ],
)
def test_upload_kind_goes_by_suffix_then_by_separator(suffix: str, first_line: bytes, kind: str) -> None:
    assert actions.upload_kind(UploadedFile(f"f{suffix}", suffix, first_line + b"\nmore")) == kind


# ---------------------------------------------------------------------------
# corrections

AMERICAN_PALMYRA = Entry(5205377, "Palmyra", 40.0010, -75.0282, "US", "P", "PPL", 7314, "NJ", "New Jersey")


def two_palmyra_articles(store: EventStore) -> tuple[Article, Article]:
    first = Article(PALMYRA, title="One", published=date(2016, 3, 27))
    second = Article("Clashes were reported near Palmyra again.", title="Two", published=date(2016, 5, 1))
    actions.ingest_articles([first, second], store=store, pipeline=fake)
    return first, second


def test_correction_for_one_article_moves_only_its_events(store: EventStore) -> None:
    first, second = two_palmyra_articles(store)
    [wrong] = [e for e in store.query() if e.article_id == first.article_id]
    report = actions.correct_place(wrong, AMERICAN_PALMYRA, everywhere=False, store=store, pipeline=fake)
    countries = {e.article_id: e.country_code for e in store.query()}
    assert countries == {first.article_id: "US", second.article_id: "SY"}
    assert report.articles == 1
    assert [(e.country_code, e.lat) for e in report.moved] == [("US", 40.0010)]


def test_correction_everywhere_moves_every_article_and_later_ones(store: EventStore) -> None:
    first, _ = two_palmyra_articles(store)
    [wrong] = [e for e in store.query() if e.article_id == first.article_id]
    version = store.version()
    report = actions.correct_place(wrong, AMERICAN_PALMYRA, everywhere=True, store=store, pipeline=fake)
    assert report.articles == 2
    assert {e.country_code for e in store.query()} == {"US"}
    assert store.version() != version
    actions.add_pasted("Fighting fought near Palmyra today.", store=store, pipeline=fake)
    assert {e.country_code for e in store.query()} == {"US"}


def test_place_candidates_come_from_the_gazetteer_lookup() -> None:
    class Gazetteer:
        def lookup(self, name: str) -> tuple[Entry, ...]:
            return (AMERICAN_PALMYRA,) if name == "Palmyra" else ()

    assert actions.place_candidates(Gazetteer(), "  Palmyra ") == (AMERICAN_PALMYRA,)
    assert actions.place_candidates(Gazetteer(), "  ") == ()


# ---------------------------------------------------------------------------
# downloads


def test_geojson_download_holds_exactly_the_events_given(store: EventStore) -> None:
    two_palmyra_articles(store)
    events = store.query()
    collection = json.loads(actions.export_bytes(events, "geojson"))
    assert collection["type"] == "FeatureCollection"
    assert [f["properties"]["event_id"] for f in collection["features"]] == [e.event_id for e in events]
    assert collection["features"][0]["geometry"]["coordinates"] == [events[0].lon, events[0].lat]


def test_csv_download_has_a_header_and_one_row_per_event(store: EventStore) -> None:
    two_palmyra_articles(store)
    rows = list(csv.DictReader(io.StringIO(actions.export_bytes(store.query(), "csv").decode("utf-8"))))
    assert [r["place"] for r in rows] == ["Palmyra", "Palmyra"]
    assert rows[0]["latitude"] and rows[0]["longitude"]


def test_unknown_download_format_is_refused() -> None:
    with pytest.raises(ValueError, match="'kml'"):
        actions.export_bytes([], "kml")


def test_html_download_is_a_page_that_loads_nothing_from_outside(store: EventStore) -> None:
    from geo.map.offline import remote_asset_urls

    two_palmyra_articles(store)
    page = actions.export_bytes(store.query(), "html", title="Palmyra").decode("utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "Palmyra" in page
    assert remote_asset_urls(page) == []


@pytest.mark.browser
@pytest.mark.slow
def test_png_download_is_a_png_picture(store: EventStore) -> None:
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian's chromium is not installed")
    two_palmyra_articles(store)
    picture = actions.export_bytes(store.query(), "png", title="Palmyra")
    assert picture[:8] == b"\x89PNG\r\n\x1a\n"


# ---------------------------------------------------------------------------
# articles from a URL


def test_an_article_fetched_from_a_url_is_parsed_and_stored(store: EventStore) -> None:
    import http.server
    import threading

    page = f"<html><head><title>Palmyra</title></head><body><article><p>{PALMYRA}</p></article></body></html>"

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            body = page.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/story.html"
        report = actions.add_url(url, published=date(2016, 3, 27), store=store, pipeline=fake, allow_private=True)
    finally:
        server.shutdown()
    assert report.articles == 1
    assert [e.place for e in store.query()] == ["Palmyra"]


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/story.html", "file:///etc/passwd", "javascript:alert(1)"])
def test_the_url_box_refuses_internal_addresses_and_other_schemes(store: EventStore, url: str) -> None:
    from geo.errors import FetchError

    with pytest.raises(FetchError):
        actions.add_url(url, store=store, pipeline=never)
    assert store.query() == []


# ---------------------------------------------------------------------------
# corrections of an event, and names we could not place

VILLAGES = "Shelling hit the village of Zarvenka overnight. Kerry arrived in Moscow for a visit."
ZARVENKA = Entry(
    geonameid=9_000_001,
    name="Zarvenka",
    lat=48.1,
    lon=37.7,
    country_code="UA",
    feature_class="P",
    feature_code="PPL",
    admin1="Donetsk",
)


def test_type_and_date_corrections_hold_when_the_article_is_parsed_again(store: EventStore) -> None:
    actions.add_pasted(VILLAGES, published=date(2024, 2, 20), store=store, pipeline=fake)
    [moscow] = store.query()
    fixed = actions.correct_event(
        moscow, store=store, event_type="frontline", sub_event_type="air_strike", event_date=date(2024, 2, 18)
    )
    assert fixed is not None and (fixed.event_type, fixed.event_date) == ("frontline", date(2024, 2, 18))
    # Placing a name parses the article again: the correction stays.
    actions.place_name(moscow.article_id, "Zarvenka", ZARVENKA, store=store, pipeline=fake)
    by_mention = {e.mention: e for e in store.query()}
    assert (by_mention["Moscow"].sub_event_type, by_mention["Moscow"].event_date) == ("air_strike", date(2024, 2, 18))
    restored = actions.undo_correction(moscow.event_id, store=store)
    assert restored == moscow


def test_a_deleted_event_leaves_the_downloads(store: EventStore) -> None:
    actions.add_pasted(KERRY, published=date(2016, 3, 24), store=store, pipeline=fake)
    moscow = next(e for e in store.query() if e.mention == "Moscow")
    actions.delete_event(moscow, store=store)
    features = json.loads(actions.export_bytes(store.query(), "geojson"))["features"]
    assert [f["properties"]["mention"] for f in features] == ["Geneva"]


def test_a_name_we_could_not_place_is_listed_until_placed_then_makes_its_event(store: EventStore) -> None:
    actions.add_pasted(VILLAGES, published=date(2024, 2, 20), store=store, pipeline=fake)
    article_id = store.query()[0].article_id
    article = store.article(article_id)
    assert article is not None
    assert actions.unplaced_names(article, store=store, pipeline=fake) == ("Zarvenka",)
    report = actions.place_name(article_id, "Zarvenka", ZARVENKA, store=store, pipeline=fake)
    assert [(e.place, e.event_type, e.sub_event_type, e.lat) for e in report.moved] == [
        ("Zarvenka", "frontline", "shelling", 48.1)
    ]
    assert actions.unplaced_names(article, store=store, pipeline=fake) == ()
    # The placement is this article's: another article naming the village is not moved.
    assert [o.article_id for o in store.overrides()] == [article_id]


def test_placing_a_name_in_an_article_not_stored_is_refused(store: EventStore) -> None:
    with pytest.raises(InputError, match="no article"):
        actions.place_name("missing", "Zarvenka", ZARVENKA, store=store, pipeline=fake)


def test_a_pasted_article_says_which_names_we_could_not_place(store: EventStore) -> None:
    report = actions.add_pasted(VILLAGES, published=date(2024, 2, 20), store=store, pipeline=fake)
    assert report.unplaced == ("Zarvenka",)
    assert "names we could not place: \u201cZarvenka\u201d" in report.summary()
    again = actions.add_pasted(VILLAGES, published=date(2024, 2, 20), store=store, pipeline=never)
    assert again.unplaced == () and "could not place" not in again.summary()


def test_the_report_of_an_addition_reads_as_a_sentence() -> None:
    report = actions.AddReport
    assert report(articles=61, events=123).summary() == "61 new articles with 123 event reports"
    assert (
        report(articles=1, events=1, already_stored=1).summary()
        == "1 new article with 1 event report; 1 article already stored"
    )
    assert (
        report(imported=2, problems=("a bad row",)).summary()
        == "0 new articles with 0 event reports; 2 imported events; 1 problem"
    )
