"""Everything Qt: windows, dialogs, models, workers, translations loading."""
