"""Which bracket a position in a sentence stands in: a CI's bounds, a median's "(range ...)", an HR's own bracket.

Shared by the value extractors (`effects`, `medians`, `arms`), which may not import one another.
"""

from __future__ import annotations


def innermost_open_bracket(text: str, position: int) -> int | None:
    """Where the innermost ( or [ still open at `position` opened, or None. Brackets closed before `position` are
    skipped, so in "(95% confidence interval [CI], 1.5-3.5 months)" the number 3.5 stands in the "(95% ..." bracket."""
    closed = 0
    for index in range(position - 1, -1, -1):
        if text[index] in ")]":
            closed += 1
        elif text[index] in "([":
            if closed == 0:
                return index
            closed -= 1
    return None


def matching_close(text: str, opened: int) -> int | None:
    """Where the bracket opened at `opened` closes (brackets opened inside it are skipped), or None if the text ends
    first."""
    depth = 0
    for index in range(opened + 1, len(text)):
        if text[index] in "([":
            depth += 1
        elif text[index] in ")]":
            if depth == 0:
                return index
            depth -= 1
    return None
