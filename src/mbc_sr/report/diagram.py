"""The PRISMA 2020 flow diagram (new-review and updated-review templates), drawn with matplotlib.

Box texts follow the PRISMA 2020 statement's templates (Page MJ, McKenzie JE, Bossuyt PM,
et al. BMJ 2021;372:n71, Figure 1; "identification of studies via databases and
registers", and the version for updated reviews). Matplotlib installs from wheels without
system packages (no graphviz binary); it is imported inside the drawing function only, so
importing this module (and `mbc-sr --help`) stays fast. SVG text is written as text
(`svg.fonttype = none`), so every count is searchable in the SVG.

Records from sources of kind "other" (websites, organisations, citation searching) are
listed in the identification box and screened with the rest (the template's separate
"other methods" column is not drawn).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from mbc_sr.report.prisma import PrismaCounts

__all__ = ["box_texts", "draw_diagram"]

WRAP = 46  # characters per line inside a box
BLUE, YELLOW, GREY, EDGE = "#a9c4eb", "#ffd966", "#d9d9d9", "#333333"


def _n(value: int) -> str:
    return f"(n = {value:,})"


def _wrapped(lines: list[str], width: int = WRAP) -> str:
    """Lines wrapped to `width`, never inside an "(n = 12)"."""
    out: list[str] = []
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        text = line.strip().replace("(n = ", "(n\u00a0=\u00a0")
        wrapped = textwrap.wrap(text, width - indent, initial_indent=" " * indent, subsequent_indent=" " * (indent + 2))
        out.extend(part.replace("\u00a0", " ") for part in wrapped or [""])
    return "\n".join(out)


def box_texts(c: PrismaCounts) -> dict[str, str]:
    """The text of every box, keyed by box name (the diagram draws these; tests read them)."""
    identified = ["Records identified from*:"]
    for title, group in (("Databases", c.databases), ("Registers", c.registers), ("Other sources", c.other_sources)):
        if group or title != "Other sources":
            identified.append(f"Databases {_n(sum(group.values()))}" if title == "Databases" else f"{title} {_n(sum(group.values()))}")
            identified.extend(f"   {name} {_n(n)}" for name, n in group.items())
    removed = [
        "Records removed before screening:",
        f"Duplicate records removed {_n(c.duplicates)}",
        f"Records marked as ineligible by automation tools {_n(c.automation)}",
        *(f"   {reason} {_n(n)}" for reason, n in c.automation_reasons.items()),
        f"Records removed for other reasons {_n(c.removed_other)}",
        *(f"   {reason} {_n(n)}" for reason, n in c.removed_other_reasons.items()),
    ]
    screened = [f"Records screened {_n(c.screened)}"]
    if c.carried_screening:
        screened.append(f"(incl. records carried over from the previous version {_n(c.carried_screening)})")
    excluded = [f"Records excluded** {_n(c.excluded)}"]
    if c.awaiting_screening:
        excluded.append(f"Records awaiting screening {_n(c.awaiting_screening)}")
    sought = [f"Reports sought for retrieval {_n(c.sought)}"]
    if c.carried_retrieval:
        sought.append(f"(incl. reports carried over from the previous version {_n(c.carried_retrieval)})")
    not_retrieved = [f"Reports not retrieved {_n(c.not_retrieved)}"]
    if c.awaiting_retrieval:
        not_retrieved.append(f"Reports awaiting retrieval or assessment {_n(c.awaiting_retrieval)}")
    reasons = [f"   {reason} {_n(n)}" for reason, n in c.reports_excluded_reasons.items()]
    texts = {
        "identified": identified,
        "removed": removed,
        "screened": screened,
        "excluded": excluded,
        "sought": sought,
        "not_retrieved": not_retrieved,
        "assessed": [f"Reports assessed for eligibility {_n(c.assessed)}"],
        "reports_excluded": [f"Reports excluded {_n(c.reports_excluded)}:" if reasons else f"Reports excluded {_n(c.reports_excluded)}", *reasons],
    }
    if c.template == "update":
        texts["new"] = [f"New studies included in review {_n(c.new_studies)}", f"Reports of new included studies {_n(c.new_reports)}"]
        texts["total"] = [f"Total studies included in review {_n(c.total_studies)}", f"Reports of total included studies {_n(c.total_reports)}"]
        texts["previous"] = [
            f"Studies included in previous version of review {_n(c.previous_studies)}",
            f"Reports of studies included in previous version of review {_n(c.previous_reports)}",
        ]
    else:
        texts["new"] = [f"Studies included in review {_n(c.new_studies)}", f"Reports of included studies {_n(c.new_reports)}"]
    return {name: _wrapped(lines, 30 if name == "previous" else WRAP) for name, lines in texts.items()}


def draw_diagram(counts: PrismaCounts, svg_path: Path | None = None, png_path: Path | None = None, *, dpi: int = 200) -> list[Path]:
    """Draw the diagram for `counts` (template from `counts.template`) to SVG and/or PNG."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    texts = box_texts(counts)
    update = counts.template == "update"
    font, line_h, pad = 9.0, 0.19, 0.28  # points, inches per line, inches of padding
    prev_x, prev_w = 0.8, 2.5  # the updated template's "previous studies" column
    left0 = 3.65 if update else 0.8  # where the new-studies flow starts (after the previous column)
    col_w, gap = 3.75, 0.55
    main_x, side_x = left0, left0 + col_w + gap
    width = side_x + col_w + 0.3

    def height(text: str) -> float:
        return text.count("\n") * line_h + line_h + pad

    rows = [("identified", "removed"), ("screened", "excluded"), ("sought", "not_retrieved"), ("assessed", "reports_excluded")]
    row_h = [max(height(texts[a]), height(texts[b])) for a, b in rows]
    inc_h = max(height(texts["new"]), 1.15)  # tall enough for the rotated "Included" label
    total_h = height(texts["total"]) if update else 0.0
    vgap, header_h, top = 0.42, 0.5, 0.25
    fig_h = top + header_h + vgap + sum(row_h) + vgap * len(rows) + inc_h + (vgap + total_h if update else 0) + 1.05
    matplotlib.rcParams["svg.fonttype"] = "none"
    fig = plt.figure(figsize=(width, fig_h))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(fig_h, 0)  # y grows downwards, in inches
    ax.axis("off")

    def box(x, y, w, h, text, color="white", *, center=False, bold=False, name=None):
        patch = FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0,rounding_size=0.06", fc=color, ec=EDGE, lw=1.0)
        patch.set_gid(name)
        ax.add_patch(patch)
        ax.text(
            x + (w / 2 if center else 0.12), y + h / 2, text, ha="center" if center else "left", va="center",
            fontsize=font, fontweight="bold" if bold else "normal", family="DejaVu Sans", linespacing=1.35,
        )  # fmt: skip
        return (x, y, w, h)

    def arrow(x0, y0, x1, y1):
        ax.add_patch(FancyArrowPatch((x0, y0), (x1, y1), arrowstyle="-|>", mutation_scale=12, lw=1.1, color=EDGE, shrinkA=0, shrinkB=0))

    y = top
    box(main_x, y, side_x + col_w - main_x, header_h, "Identification of new studies via databases and registers", YELLOW, center=True, bold=True)
    if update:
        box(prev_x, y, prev_w, header_h, "Previous studies", GREY, center=True, bold=True)
    y += header_h + vgap
    phase_top = y
    placed: dict[str, tuple[float, float, float, float]] = {}
    for (a, b), h in zip(rows, row_h):
        placed[a] = box(main_x, y, col_w, h, texts[a], name=a)
        placed[b] = box(side_x, y, col_w, h, texts[b], name=b)
        arrow(main_x + col_w, y + h / 2, side_x, y + h / 2)
        y += h + vgap
    placed["new"] = box(main_x, y, col_w, inc_h, texts["new"], name="new")
    y += inc_h
    if update:
        y += vgap
        placed["total"] = box(main_x, y, col_w, total_h, texts["total"], name="total")
        prev_h = height(texts["previous"])
        placed["previous"] = box(prev_x, placed["identified"][1], prev_w, max(prev_h, placed["identified"][3]), texts["previous"], name="previous")
        px, py, pw, ph = placed["previous"]
        tx, ty, _tw, th = placed["total"]
        ax.plot([px + pw / 2, px + pw / 2], [py + ph, ty + th / 2], color=EDGE, lw=1.1)
        arrow(px + pw / 2, ty + th / 2, tx, ty + th / 2)
        y += total_h
    order = [a for a, _b in rows] + ["new"] + (["total"] if update else [])
    for upper, lower in zip(order, order[1:]):
        ux, uy, uw, uh = placed[upper]
        arrow(ux + uw / 2, uy + uh, ux + uw / 2, placed[lower][1])

    # the phase bars: Identification | Screening | Included
    bar_x, bar_w = 0.25, 0.4
    ident = placed["identified"]
    screen_top, screen_bottom = placed["screened"][1], placed["assessed"][1] + placed["assessed"][3]
    phases = [
        ("Identification", phase_top, ident[1] + ident[3]),
        ("Screening", screen_top, screen_bottom),
        ("Included", placed["new"][1], y),
    ]
    for label, y0, y1 in phases:
        ax.add_patch(FancyBboxPatch((bar_x, y0), bar_w, y1 - y0, boxstyle="round,pad=0,rounding_size=0.06", fc=BLUE, ec=EDGE, lw=1.0))
        ax.text(bar_x + bar_w / 2, (y0 + y1) / 2, label, rotation=90, ha="center", va="center", fontsize=font + 1, fontweight="bold")

    note = (
        "*Records identified per database or register searched. **Excluded by people; exclusions by automation tools "
        "are counted before screening.\n"
        f"Counts as of {counts.as_of}" + (f", since {counts.since}" if counts.since else "")
        + ", derived by mbc-sr from the record store and the screening decision log (identities checked).\n"
        "Template: Page MJ, et al. The PRISMA 2020 statement. BMJ 2021;372:n71."
    )
    ax.text(0.8, y + 0.3, "\n".join(textwrap.fill(line, 150) for line in note.split("\n")), fontsize=font - 1.5, va="top", color="#444444")
    written = []
    try:
        for path in (svg_path, png_path):
            if path is not None:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
                fig.savefig(path, dpi=dpi, facecolor="white", metadata={"Date": None} if str(path).endswith(".svg") else None)
                written.append(Path(path))
    finally:
        plt.close(fig)
    return written
