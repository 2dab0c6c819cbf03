"""The bad-input tables (tests/test_bad_inputs_*.py) together cover at least 200 calls of the public API."""
from bad_input_support import count_rows


def test_at_least_200_bad_inputs():
    assert count_rows() >= 200, f"only {count_rows()} bad inputs are tabled; the bar is 200"
