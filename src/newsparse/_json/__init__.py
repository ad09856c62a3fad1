"""JSON as the JSON-based formats (json, jsonl, jsonld, ninjs) and html's embedded JSON need it.

- :mod:`.strict`: decode any JSON value, with a ParseError at the line and column;
- :mod:`.tolerant`: JSON as web pages embed it (comments, trailing commas, raw control
  characters, unescaped quotes inside a one-line value), repaired before giving up;
- :mod:`.head`: the top level of a document from its first few KB, for the sniffers;
- :mod:`.dates`: RFC 3339 datetimes with their UTC offset, written and read back;
- :mod:`.hooks`: the msgspec encode hook for the model's read-only mappings;
- :mod:`.schema` and :mod:`.document`: the native newsparse document, its msgspec Structs
  and its mapping to and from the Article (the json formats, to_dict and from_dict).
"""
