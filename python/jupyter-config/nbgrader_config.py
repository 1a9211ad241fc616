# Installed by recur-jupyter into this environment's etc/jupyter, where nbgrader reads it: the
# code nbgrader puts in place of a solution region in a Recur notebook, beside nbgrader's own
# stubs for the other languages. (nbgrader turns anything but a plain dict into a stub for
# Python only, so the whole dictionary is given.) A course's own nbgrader_config.py that
# assigns ClearSolutions.code_stub replaces this one and should list 'recur' too.
from nbgrader.preprocessors import ClearSolutions
from recur_jupyter import CODE_STUB, LANGUAGE

c = get_config()  # noqa: F821 (traitlets defines it)
c.ClearSolutions.code_stub = {**ClearSolutions.code_stub.default(), LANGUAGE: CODE_STUB}
