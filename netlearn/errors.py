"""Errors that netlearn raises on purpose, written for the person who has to fix the input.

Every error the library raises about a learner's data says **where** (file, row as a spreadsheet
shows it, column), **what** is wrong and **how to fix it**. In Jupyter the error is shown as that
message alone, without a wall of traceback: IPython calls ``_render_traceback_`` when an exception
defines it.

>>> err = DataError("'q999' is not the id of any member.", file="ties.csv", row=7,
...                 column="target", fix="Check the spelling, or add 'q999' to members.csv.")
>>> print(err)
ties.csv, row 7, column 'target': 'q999' is not the id of any member.
How to fix it: Check the spelling, or add 'q999' to members.csv.
>>> err.row, err.column
(7, 'target')
"""

from __future__ import annotations

__all__ = ["NetlearnError", "DataError", "RelationError", "MemberError", "MeasureError"]


class NetlearnError(Exception):
    """Base class of the errors netlearn raises deliberately, with a message meant for people.

    The message is complete on its own: ``print(err)`` is enough to know what to do.
    """

    #: Heading shown above the message in Jupyter.
    heading = "netlearn could not continue"

    def _render_traceback_(self):  # IPython hook: show the explanation, not the stack.
        lines = [f"\x1b[1;31m{self.heading}\x1b[0m ({type(self).__name__})"]
        lines.extend(str(self).splitlines())
        return lines


class DataError(NetlearnError, ValueError):
    """A problem in a table of members, ties or relations, located as precisely as possible.

    Parameters
    ----------
    problem : str
        What is wrong, in plain words.
    file : str, optional
        The file (or table) name as the user knows it, e.g. ``"ties.csv"``.
    row : int, optional
        The row as a spreadsheet program numbers it: the header is row 1, the first data row is 2.
    column : str, optional
        The column's name as written in the file.
    fix : str, optional
        What to do about it.
    more_rows : sequence of int, optional
        Further rows with the same problem (listed, never hidden).
    """

    heading = "There is a problem with the data"

    def __init__(self, problem, *, file=None, row=None, column=None, fix=None, more_rows=()):
        self.problem = problem
        self.file = file
        self.row = row
        self.column = column
        self.fix = fix
        self.more_rows = list(more_rows)
        super().__init__(self._compose())

    def _compose(self):
        where = []
        if self.file:
            where.append(str(self.file))
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        text = (", ".join(where) + ": " if where else "") + self.problem
        if self.more_rows:
            shown = ", ".join(str(r) for r in self.more_rows[:20])
            extra = len(self.more_rows) - 20
            text += f"\nThe same problem is in {len(self.more_rows)} more row(s): {shown}"
            text += f" and {extra} more." if extra > 0 else "."
        if self.fix:
            text += f"\nHow to fix it: {self.fix}"
        return text


class RelationError(NetlearnError, ValueError):
    """A relation name that the network does not have (e.g. ``net.graph("advise")``)."""

    heading = "That relation is not in this network"


class MemberError(NetlearnError, ValueError):
    """A member id that is not in the network (e.g. removing someone who is not there)."""

    heading = "That member is not in this network"


class MeasureError(NetlearnError, ValueError):
    """A measure cannot be computed on this network as it stands (the message says why and what to do).

    Raised, for example, for an empty network, a member attribute that no member has, a network
    with only one group where a measure compares groups, or an undirected network where a measure
    needs directions.
    """

    heading = "This measure cannot be computed on that network"
