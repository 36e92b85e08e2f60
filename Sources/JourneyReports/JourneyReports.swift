/// What people read, built from the projections: a child's chronology and what was known when
/// (`Chronology/`), cohorts for research (`Cohorts/`), and the monthly performance pack (`PerformancePack/`).
///
/// Reports read resolved records and raw events from the log; they never decide for themselves which events
/// count. "As known at", corrections, retractions and merges are the engine's (`JourneyState.forEachRecord`).
public enum JourneyReports {}
