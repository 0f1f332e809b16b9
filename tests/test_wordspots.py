"""Whole-word spots of a name, found without a pattern per name."""

import random
import re

from geo.parse.wordspots import word_spots


def test_a_name_inside_a_route_or_a_longer_word_is_not_named() -> None:
    text = "Trucks on the Kasai-Tshikapa road reached Kasai on Monday; Kasaian traders stayed."
    assert word_spots(text, "Kasai", hyphen=True) == [text.index("Kasai on")]
    assert len(word_spots(text, "Kasai")) == 2  # without ``hyphen`` the route's end counts


def test_a_name_written_in_another_script_or_with_accents_is_found_whole() -> None:
    text = "غارات على حلب، وحلبا بعيدة; near Kérouané and Kérouanéa"
    assert word_spots(text, "حلب") == [text.index("حلب")]
    assert word_spots(text, "Kérouané") == [text.index("Kérouané and")]


def test_the_same_spots_as_the_pattern_it_replaces() -> None:
    rng = random.Random(7)
    letters = "ab -_é1.'\u2019\u066e"
    for _ in range(20_000):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 12)))
        name = "".join(rng.choice(letters) for _ in range(rng.randint(0, 4)))
        for hyphen in (False, True):
            edge = r"[\w-]" if hyphen else r"\w"
            pattern = rf"(?<!{edge}){re.escape(name)}(?!{edge})"
            assert word_spots(text, name, hyphen=hyphen) == [m.start() for m in re.finditer(pattern, text)]
