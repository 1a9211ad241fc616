# Installed by recur-jupyter into this environment's etc/jupyter: the code nbgrader puts in
# place of a solution region in a Recur notebook. `update` keeps nbgrader's stubs for the
# other languages; a course's own nbgrader_config.py that assigns ClearSolutions.code_stub
# replaces the whole dictionary and should list 'recur' too.
from recur_jupyter import CODE_STUB, LANGUAGE

c = get_config()  # noqa: F821 (traitlets defines it)
c.ClearSolutions.code_stub.update({LANGUAGE: CODE_STUB})
