// Replaced by the importers.
enum JourneyImportPlaceholder {}
