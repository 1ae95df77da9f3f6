"""The three-way merge of co-edited records: nothing either person wrote is lost."""

from hypothesis import assume, given
from hypothesis import strategies as st

from plugin.domain.merge import FieldConflict, merge_record, merge_text


def test_only_one_changed_keeps_that_change():
    assert merge_text("Lead the team", "Lead the team well", "Lead the team") == "Lead the team well"
    assert merge_text("Lead the team", "Lead the team", "Lead our team") == "Lead our team"


def test_edits_in_different_places_both_survive():
    base = "Finish the course by June and present it to the team."
    mine = "Finish the Python course by June and present it to the team."
    theirs = "Finish the course by June and present it to the whole team."
    assert (
        merge_text(base, mine, theirs) == "Finish the Python course by June and present it to the whole team."
    )


def test_both_typing_at_the_same_place_keeps_both_words():
    merged = merge_text("Goal: ", "Goal: mentor", "Goal: course")
    assert "mentor" in merged and "course" in merged and merged.startswith("Goal: ")


def test_both_rewriting_the_same_words_keeps_both_versions():
    merged = merge_text("present in May", "present in June", "present in April")
    assert "June" in merged and "April" in merged


def test_insertion_beside_a_deletion():
    assert merge_text("abc def ghi", "abc XYZ def ghi", "abc def") == "abc XYZ def"


words = st.text(alphabet="abc æø", max_size=12)


@given(words, words, words)
def test_one_sided_edits_win_whole(base, mine, theirs):
    assert merge_text(base, mine, base) == mine
    assert merge_text(base, base, theirs) == theirs


@given(
    st.text(alphabet="abc æø", min_size=1, max_size=12),
    st.text(alphabet="xy", max_size=6),
    st.text(alphabet="z.", max_size=6),
)
def test_a_prefix_and_a_suffix_written_at_once_both_survive(base, prefix, suffix):
    assume(base + suffix != prefix + base)  # the same result written twice is one change
    merged = merge_text(base, base + suffix, prefix + base)
    assert merged == prefix + base + suffix


def test_different_fields_both_kept():
    base = {"title": "Speak", "deadline": "2027-06-01"}
    result = merge_record(
        base,
        {"title": "Speak at the meetup"},
        {"title": "Speak", "deadline": "2027-05-01"},
        text_fields={"title"},
    )
    assert result.changes == {"title": "Speak at the meetup"}
    assert result.conflicts == []


def test_same_non_text_field_is_a_conflict_with_both_values():
    base = {"deadline": "2027-06-01"}
    result = merge_record(base, {"deadline": "2027-07-01"}, {"deadline": "2027-05-01"}, text_fields=())
    assert result.changes == {}
    assert result.conflicts == [FieldConflict("deadline", "2027-05-01", "2027-07-01")]


def test_same_text_field_is_merged():
    base = {"specific": "Run a workshop"}
    result = merge_record(
        base,
        {"specific": "Run a workshop for sales"},
        {"specific": "Run a short workshop"},
        text_fields={"specific"},
    )
    assert result.changes == {"specific": "Run a short workshop for sales"}


def test_change_without_a_starting_point_is_a_conflict():
    result = merge_record({}, {"title": "Mine"}, {"title": "Theirs"}, text_fields={"title"})
    assert result.conflicts == [FieldConflict("title", "Theirs", "Mine")]


def test_same_value_is_no_change():
    result = merge_record(
        {"status": "active"}, {"status": "achieved"}, {"status": "achieved"}, text_fields=()
    )
    assert result.changes == {} and result.conflicts == []
