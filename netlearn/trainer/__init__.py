"""Material for trainers who run the course in a room: printable handouts made from the course's own files.

:mod:`netlearn.trainer.handouts` turns the instrument files in ``datasets/instruments/`` (the
maturity matrix, the health check, the curiosity self-assessment) and the listening coach's rules
into A4 pages to print, so the paper in the room always matches what the notebooks use. Run
``make handouts`` or ``python -m netlearn.trainer.handouts``; the pages go to ``build/handouts/``.
The page layout they share (print CSS, tick boxes, answer lines, footer) is in
:mod:`netlearn.trainer.pages`.

Nothing is imported here, so ``python -m netlearn.trainer.handouts`` runs the module only once.
"""
