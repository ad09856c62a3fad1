"""Format-neutral text heuristics: the one home of what several formats read from text.

Every module here imports only the model (and each other), never a format:

- :mod:`.lexicon`: every word list (role nouns, credentials, agencies, byline prefixes and
  labels, name particles, given names, places, months, weekdays), as data;
- :mod:`.zones`: one table of time-zone abbreviations;
- :mod:`.dates`: dates as pages and feeds write them (RFC 3339, schema.org forms, RFC 822,
  visible-text timestamps), each with a note on what had to be assumed;
- :mod:`.names`: the names in a credit (``By A and B, staff writers``);
- :mod:`.bylines`: dated bylines (``by A - 03/05/24 9:30 AM ET``), read and written;
- :mod:`.captions`: a caption with its credit in parentheses;
- :mod:`.notes`: contributor notes and update notices after a body;
- :mod:`.language`: the one rule for language tags.

The wire format reads and writes its bylines, captions and notes with these; the html
reader uses them on real pages; the testing kit generates text they accept.
"""
