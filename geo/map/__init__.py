"""Events drawn: the offline Leaflet map page, its bundled assets, and briefing pictures."""
