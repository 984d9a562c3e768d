"""Pydantic response models, one module per resource family."""
