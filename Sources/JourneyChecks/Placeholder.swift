// Replaced by the data-quality checks.
enum JourneyChecksPlaceholder {}
