"""Changing a kamus folder: YAML files edited in place, a plan checked as the would-be kamus and
written all or nothing (used by `kamus import`)."""
