"""The English words around a name that tell recognition what the name is: a place
(after "in", before "County Health Department"), a person (after "Secretary", before
"said"), a disease ("Reston virus") or an area of a kind ("Henan province").

Plain data, kept apart from the rules that read it (``geo.mentions``).
"""

#: Words that put the name after them in a place: "fighting in Aleppo", "advancing to Palmyra".
LOCATIVE_WORDS = frozenset({
    "in", "into", "at", "near", "outside", "beyond", "to", "from", "toward", "towards",
    "around", "across", "through", "via", "inside", "within", "nearby", "onto", "entering",
    "outskirts", "reached", "captured", "recaptured", "retook", "seized", "shelled",
    "bombed", "liberated", "besieged", "capturing", "recapture", "visited", "visiting",
    "entered", "left", "fled", "fleeing", "between", "above", "overlooking", "below",
    "retake", "retaking", "attacked", "surrounding", "encircled", "evacuated",
})
#: Locative words that put a person's name after them only rarely ("to" and "from" do:
#: "according to Taylor", "stolen from Welch").
STRONG_LOCATIVE_WORDS = frozenset({
    "in", "into", "near", "outside", "inside", "within", "outskirts", "entering", "entered",
    "captured", "recaptured", "retook", "shelled", "bombed", "besieged", "overlooking",
})
#: Nouns that make "the city of X" a place: "retook the city of Palmyra".
PLACE_NOUNS = frozenset({
    "city", "town", "village", "province", "region", "district", "governorate", "county",
    "state", "port", "capital", "suburb", "suburbs", "outskirts", "countryside", "area",
    "oblast", "municipality", "neighbourhood", "neighborhood", "island", "valley", "border",
    "township", "borough", "hamlet", "community", "settlement", "parish", "commune",
    "locality", "seaport", "metropolis",
})
#: Words that, right after a place name opening an organisation's name, make it the
#: place's own public body or local institution ("Madison County Health Department").
PUBLIC_BODY_WORDS = frozenset({
    "city", "county", "police", "sheriff", "sheriff's", "fire", "department", "board",
    "council", "school", "schools", "public", "superior", "district", "municipal", "town",
    "township", "village", "hospital", "historical", "health", "library", "regional",
    "state", "courthouse", "court", "jail", "chamber", "commission", "commissioners",
    "community", "area", "metro", "metropolitan", "airport", "harbor", "harbour", "port",
    "zoo", "museum", "daily", "times", "herald", "gazette", "tribune", "courier", "journal",
    "post", "observer", "chronicle", "press", "medical", "emergency", "water", "parks",
    "transit", "high", "elementary", "middle", "college", "general", "legislature", "assembly",
})
#: Words after a place's name that make it the name of a disease ("Marburg virus").
PATHOGEN_WORDS = frozenset({"virus", "viruses", "ebolavirus", "fever", "flu", "influenza", "strain",
                            "disease", "syndrome", "variant"})
#: Lower-case words after a name that say what kind of area it is ("Henan province").
AREA_GENERIC_WORDS = frozenset({"state", "province", "region", "governorate", "oblast", "county"})
#: Compass words in "north of X", "northern X".
DIRECTION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
    "northwestern", "southeastern", "southwestern", "downtown", "suburban",
})

#: A name the model calls a person is a place only without these cues around it.
PERSON_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "president", "secretary", "minister", "gen",
    "general", "sen", "senator", "rep", "gov", "governor", "mayor", "judge", "officer",
    "sgt", "lt", "col", "capt", "king", "queen", "prince", "pope", "chief", "coach",
    "spokesman", "spokeswoman", "envoy", "ambassador", "prof", "professor", "rev", "st",
})
SPEECH_VERBS = frozenset({
    "said", "says", "told", "added", "vows", "vowed", "wrote", "asked", "argued",
    "explained", "noted", "stated", "insisted", "warned", "urged", "announced", "believes",
    "thinks", "hopes", "met", "spoke", "visited",
})
