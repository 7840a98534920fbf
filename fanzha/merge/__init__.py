"""`fanzha merge`: a class roster (roster) → one parent letter per student with a filled-in 回执, and a return
register per class (letters)."""

from fanzha.merge.letters import MergeUsageError, merge_roster, refuse_published

__all__ = ["MergeUsageError", "merge_roster", "refuse_published"]
