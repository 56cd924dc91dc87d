"""Plain English while it is written: the check of :mod:`n4c.plain` beside the text boxes of
words residents read (guidance, decision emails, what a fund pays for), and after saving.

Advice, not a block: nothing is refused for its reading age. No models; it imports no other app.
"""
