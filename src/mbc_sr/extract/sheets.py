"""CSV and XLSX writing that no spreadsheet can turn into a formula.

A cell that starts with "=", "+", "-", "@", a tab or a carriage return (after any leading
spaces) is an injection risk when the file is opened in Excel, LibreOffice or Google Sheets
(OWASP "CSV injection"). Such text gets a leading apostrophe, in CSV and XLSX alike, so it is
shown as text and never evaluated. Files are written to a temporary name and renamed, so a
reader never sees half a file.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from mbc_sr.screen.sheets import neutralise  # one formula-safety rule for every sheet we write

__all__ = ["neutralise", "write_csv", "write_xlsx"]


def write_csv(path: Path, columns: Sequence[str], rows: Sequence[Mapping[str, object]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([neutralise(column) for column in columns])
        for row in rows:
            writer.writerow([neutralise(row.get(column, "")) for column in columns])
    os.replace(temporary, path)
    return path


def write_xlsx(path: Path, sheets: Mapping[str, tuple[Sequence[str], Sequence[Mapping[str, object]]]],
               wide: Sequence[str] = ()) -> Path:
    """One worksheet per entry (name -> (columns, rows)); frozen bold header, wrapped text in the
    `wide` columns, every cell a string (never a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, (columns, rows) in sheets.items():
        sheet = workbook.create_sheet(title=name[:31])
        sheet.append([neutralise(column) for column in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([neutralise(row.get(column, "")) for column in columns])
        for cell_row in sheet.iter_rows(min_row=2):
            for cell in cell_row:
                cell.data_type = "s"
        sheet.freeze_panes = "A2"
        for index, column in enumerate(columns, start=1):
            letter = get_column_letter(index)
            is_wide = column in wide
            sheet.column_dimensions[letter].width = 60 if is_wide else min(40, max(10, len(column) + 2))
            if is_wide:
                for cell in sheet[letter][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    workbook.save(temporary)
    os.replace(temporary, path)
    return path
