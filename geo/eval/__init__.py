"""How good the geoparser is: scores against annotated corpora and other geoparsers."""
