import JourneyCore

extension JourneyBuilder {
    /// The facts of the involvement just simulated as they go into the log: each recorded on the day it occurred,
    /// in working hours and in the order decided; then the child's defect, if it has one and this involvement
    /// has what it needs; sorted by recorded time and cut at the extract's last day.
    mutating func finishInvolvement() -> [SynthRecord] {
        records.sort { ($0.occurred, $0.number) < ($1.occurred, $1.number) }
        var i = 0
        while i < records.count {
            let day = records[i].occurred
            let dayStart = Int64(day.dayNumber) * 86_400
            let dayEnd = dayStart + 86_399
            // The first entry of the day between 08:00 and 14:30, each next one a few minutes later; after the
            // last involvement's last entry if that was the same day.
            var t = dayStart + 8 * 3_600 + Int64(random.int(in: 0...23_400))
            if lastRecorded >= dayStart { t = lastRecorded + Int64(random.int(in: 60...900)) }
            var previous: Int64?
            while i < records.count && records[i].occurred == day {
                // A fact of JourneyBuilder+Records.swift is recorded a few seconds after the one before it, timed
                // from its own randomness: the others keep the times, and the journey the randomness, they had.
                if records[i].fact.isAddedRecord {
                    records[i].recorded = min((previous ?? t) + Int64(recordRandom.int(in: 1...59)), dayEnd)
                    previous = records[i].recorded
                    i += 1
                    continue
                }
                records[i].recorded = min(t, dayEnd)
                previous = records[i].recorded
                t += Int64(random.int(in: 60...900))
                // The birth, dated ahead of the involvement that records it, says nothing about where the next
                // involvement starts.
                // Nor does a care leaver's contact years after care.
                if case .childBorn = records[i].fact {
                } else if !records[i].fact.isAftercare {
                    lastRecorded = max(lastRecorded, records[i].recorded)
                }
                i += 1
            }
        }
        let logStartSecond = Int64(logStart.dayNumber) * 86_400
        isInLog = records.contains { r in
            !r.fact.isIdentity && (r.occurred >= logStart || r.recorded >= logStartSecond)
        }
        if isInLog, let defect = pendingDefect, injectDefect(defect, isLastChance: entry == nil) { pendingDefect = nil }

        let lastSecond = Int64(horizon.dayNumber) * 86_400 + 86_399
        records.removeAll { $0.recorded > lastSecond }
        records.sort { ($0.recorded, $0.number) < ($1.recorded, $1.number) }
        let finished = records
        records = []
        return finished
    }

    /// A time in working hours (09:00–17:00) on `day`, in seconds since the epoch.
    mutating func workingHours(on day: CalendarDate) -> Int64 {
        Int64(day.dayNumber) * 86_400 + 9 * 3_600 + Int64(random.int(in: 0...28_799))
    }

    static func day(of seconds: Int64) -> CalendarDate {
        CalendarDate(dayNumber: Int32(seconds / 86_400))
    }
}
