"""Events kept: the SQLite event store, its Parquet frames, ingestion into it and its checks."""
