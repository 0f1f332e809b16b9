"""Articles in: text, HTML, feeds, JSON lines and uploads read into ``Article`` records, page furniture marked.

The first stage of the data flow; it knows nothing of places.
"""
