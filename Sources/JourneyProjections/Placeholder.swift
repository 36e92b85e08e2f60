// Replaced by the replay engine.
enum JourneyProjectionsPlaceholder {}
