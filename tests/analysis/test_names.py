import itertools

from briefpack.analysis.names import candidate_runs, find_names, initial, occurrences


def test_multiword_names_count_once():
    names = find_names(["The meeting in Abu Dhabi was short."])
    assert "Abu Dhabi" in names


def test_single_names_need_two_mid_sentence_occurrences():
    once = find_names(["Troops reached Sirte in May."])
    twice = find_names(["Troops reached Sirte in May.", "They left Sirte in June."])
    assert "Sirte" not in once
    assert "Sirte" in twice


def test_sentence_openers_months_and_weekdays_are_not_names():
    texts = [
        "However, the talks failed. However, they resumed on Monday.",
        "Analysts said so. Analysts disagreed in March and in March again.",
        "On Tuesday and on Tuesday again nothing happened.",
    ]
    names = find_names(texts)
    assert not {"However", "Analysts", "March", "Monday", "Tuesday"} & set(names)


def test_a_sentence_opener_that_is_also_a_name_mid_sentence_still_counts():
    names = find_names(["Egypt objected. Talks with Egypt and with Egypt's allies went on."])
    assert "Egypt" in names


def test_openers_and_dates_are_trimmed_from_runs():
    runs = candidate_runs("In Tripoli the GNA met. On April Khalifa Haftar spoke.")
    assert [r.name for r in runs] == ["Tripoli", "GNA", "Khalifa Haftar"]
    assert not runs[0].sentence_initial  # "In" opened the sentence, not "Tripoli"


def test_possessives_and_hyphenated_adjectives_end_a_name():
    names = find_names(["Support for Haftar's army and Kremlin-backed units came as Haftar and the Kremlin met."])
    assert "Haftar" in names and "Kremlin" in names
    assert not any("'" in n or "-backed" in n for n in names)


def test_offices_before_a_person_are_dropped_but_organisations_stay_whole():
    names = find_names(["Talks with French President Emmanuel Macron and the General Assembly went on."])
    assert "Emmanuel Macron" in names
    assert "General Assembly" in names


def test_and_separates_names_while_of_joins_them():
    names = find_names(["Russia and Turkey backed the Government of National Accord, said Russia and Turkey."])
    assert "Government of National Accord" in names
    assert "Russia and Turkey" not in names
    assert {"Russia", "Turkey"} <= set(names)


def test_adjectives_of_a_found_name_are_left_out():
    names = find_names(["The army of Libya and Libya's allies. A Libyan general and a Libyan colonel."])
    assert "Libya" in names
    assert "Libyan" not in names


def test_manifest_actors_are_names_only_if_they_occur():
    names = find_names(["Moscow said nothing."], actors=["Moscow", "Ankara"])
    assert "Moscow" in names
    assert "Ankara" not in names


def test_non_ascii_capitals():
    names = find_names(["Talks with Çavuşoğlu were short; later Çavuşoğlu left."])
    assert "Çavuşoğlu" in names


def test_names_sort_case_insensitively():
    names = find_names(["Met with AFRICOM, Abu Dhabi officials and the African Union."])
    assert list(names) == sorted(names, key=str.casefold)


def test_occurrences_prefer_the_longest_name_and_never_overlap():
    text = "Khalifa Haftar met Haftar's allies; Haftar left."
    found = occurrences(text, ["Haftar", "Khalifa Haftar"])
    assert [(o.name, text[o.start : o.end]) for o in found] == [
        ("Khalifa Haftar", "Khalifa Haftar"),
        ("Haftar", "Haftar"),
        ("Haftar", "Haftar"),
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_occurrences_match_whole_words_only():
    assert occurrences("Omani and Romania", ["Oman", "Roman"]) == []


def test_initial_groups_digits_and_symbols_together():
    assert initial("al-Serraj") == "A"
    assert initial("1st Brigade") == "#"


def test_a_personal_title_goes_but_an_office_stays_whole():
    names = find_names(["He met Minister Cavusoglu, then the Minister of Defense, then Minister Cavusoglu."])
    assert "Cavusoglu" in names
    assert "Minister of Defense" in names


def test_title_case_headlines_split_at_function_words():
    names = find_names(["Russia Is Capitalizing on the West. Subscribe To Our Newsletter."])
    assert not any(" Is " in n or "Our" in n for n in names)


def test_a_person_of_an_organisation_is_two_names_but_a_name_headed_by_an_institution_stays_whole():
    runs = [
        r.name
        for r in candidate_runs(
            "Kenneth Roth of Human Rights Watch and Mohamed bin Zayed of Abu Dhabi met the Russian Ministry of "
            "Foreign Affairs, the International Court of Justice and the United States of America."
        )
    ]
    assert runs == [
        "Kenneth Roth",
        "Human Rights Watch",
        "Mohamed bin Zayed",
        "Abu Dhabi",
        "Russian Ministry of Foreign Affairs",
        "International Court of Justice",
        "United States of America",
    ]


def test_a_person_after_an_office_of_something_is_indexed_alone():
    runs = [
        r.name
        for r in candidate_runs(
            "Minister of Defense Sergei Shoigu, Secretary of State Mike Pompeo, Governor of the Bank of England "
            "Mark Carney, the Mayor of Bani Walid and the Minister of State for Foreign Affairs."
        )
    ]
    assert runs == [
        "Sergei Shoigu",
        "Mike Pompeo",
        "Mark Carney",
        "Mayor of Bani Walid",
        "Minister of State for Foreign Affairs",
    ]


def test_a_label_in_a_list_is_not_a_name():
    text = "The storm passed the coast overnight.\nTotal Dead: 41\nMissing: 7\nRed Cross (Geneva) sent 3 teams.\n"
    found = [" ".join(run.words) for run in candidate_runs(text)]
    assert "Total Dead" not in found and "Missing" not in found
    assert "Red Cross" in found  # a name followed by a bracket is still a name
    names = find_names(["Lena Aurell said the count was Total Dead: 41 by noon."])
    assert "Lena Aurell" in names and "Total Dead" not in names
