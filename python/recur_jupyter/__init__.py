"""What Jupyter's Python tools need to know about the Recur kernel (papermill, nbgrader)."""

#: The language the Recur kernel reports (kernelspec `language`, `language_info.name`).
LANGUAGE = "recur"

#: What nbgrader puts in place of a solution region in a Recur cell.
CODE_STUB = "# YOUR CODE HERE\nraise NotImplementedError()"
