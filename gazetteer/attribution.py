"""Credits the app and every export must show for the data the gazetteer is built from."""

GEONAMES_CREDIT = "Place names and coordinates: GeoNames (geonames.org), CC BY 4.0"
NATURAL_EARTH_CREDIT = "Country shapes: Natural Earth (naturalearthdata.com), public domain"

ATTRIBUTION = f"{GEONAMES_CREDIT}; {NATURAL_EARTH_CREDIT}"
