"""The spaCy pipeline: its config, its rule components and the readers that feed them patterns/."""
