"""Events out to and in from other tools' files: GeoJSON, CSV, ACLED, GDELT, GeoPackage, Parquet."""
