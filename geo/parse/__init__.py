"""Article -> Mention -> Candidate -> Place -> Event: the geoparser and the event coder.

Recognition (``mentions``, ``placefeatures``, ``placemodel``), resolution against the
gazetteer (``resolve``), and events with their type, role and date (``pipeline``,
``eventmodel``, ``eventtypes``, ``roles``, ``dates``). Models load on first use, not at import.
"""
