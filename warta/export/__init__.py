"""Event-data exports: PLOVER JSON records and GDELT 2.0-style event rows.

:func:`warta.export.plover.records_to_plover` and
:func:`warta.export.gdelt.records_to_gdelt_rows` turn Records into plain dicts;
the ``warta export`` command writes them out.
"""

from .gdelt import GDELT_COLUMNS, records_to_gdelt_rows
from .plover import records_to_plover

__all__ = ["GDELT_COLUMNS", "records_to_gdelt_rows", "records_to_plover"]
