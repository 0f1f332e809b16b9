"""Credits the app and every export must show for the data the gazetteer is built from."""

GEONAMES_CREDIT = "Place names and coordinates: GeoNames (geonames.org), CC BY 4.0"
NATURAL_EARTH_CREDIT = "Country shapes: Natural Earth (naturalearthdata.com), public domain"
# The airports, airstrips and air bases table of the airportsdata package (MIT licence).
AIRFIELDS_CREDIT = "Airfields: airportsdata, MIT"

ATTRIBUTION = f"{GEONAMES_CREDIT}; {NATURAL_EARTH_CREDIT}; {AIRFIELDS_CREDIT}"
