"""papermill support: Recur's parameter translator, registered when papermill loads its
engines (this module is the `recur` entry point of the `papermill.engine` group)."""
from papermill.engines import NBClientEngine
from papermill.translators import PythonTranslator, papermill_translators

from . import LANGUAGE


class RecurTranslator(PythonTranslator):
    """Recur script writes values as Python does (numbers, strings, lists, dicts, None,
    True/False, float('nan')), so parameters are Python assignments; the parameters cell is
    read with Python's grammar for `papermill --help-notebook` too."""


class RecurEngine(NBClientEngine):
    """papermill's nbclient engine under the entry point's name (`--engine recur` runs
    notebooks exactly as the default engine does)."""


papermill_translators.register(LANGUAGE, RecurTranslator)
