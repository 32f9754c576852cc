"""Interactive explorations for the course notebooks, one module per notebook topic.

Each module builds ipywidgets controls around functions from the measure modules, so a notebook
cell is a single call (for example ``role_explorer(net)``). The logic a widget shows is computed by
tested library functions; the widget only wires controls to them, and its callbacks are tested
headless by setting control values in Python.
"""
