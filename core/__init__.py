"""The domain core every other package may import: settings, text keys, partial dates, the vocabulary, meeting
identity and the root of the project's exceptions. It imports nothing from ingest/, graph/ or api/."""
