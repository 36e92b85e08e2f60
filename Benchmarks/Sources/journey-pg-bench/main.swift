// Replay throughput of the PostgreSQL store against the file log, on the same events (docs/postgres.md).
//
//     journey synth --children 5000 --from 2020-04-01 --to 2025-03-31 --seed 7 --log /tmp/pg-bench/log
//     journey-pg-bench copy     /tmp/pg-bench/log postgres://journey@127.0.0.1:PORT/journey
//     journey-pg-bench file     /tmp/pg-bench/log
//     journey-pg-bench postgres postgres://journey@127.0.0.1:PORT/journey
//     journey-pg-bench verify   postgres://journey@127.0.0.1:PORT/journey
//
// `copy` appends the file log's events to PostgreSQL in batches of 50,000. `file` and `postgres` replay the whole
// log three times, decoding every event (`StoredEvent`), and print each run's events/s, the median, and the
// process's peak RSS: run each in a process of its own, so that the RSS is that phase's. `verify` recomputes the
// PostgreSQL log's chain from its rows and prints what `journey verify` prints for a log folder.
import Foundation
import JourneyCore
import JourneyLog
import JourneyPostgres

func replayRate(_ reader: some EventStoreReader) throws -> Double {
    var count = 0
    var check: UInt64 = 0
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
        try reader.replay { (stored: StoredEvent) in
            count += 1
            check &+= stored.position &+ UInt64(stored.event.id.rawValue.utf8.count)
        }
    }
    precondition(count > 0 && check > 0)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Double(count) / seconds
}

func report(_ name: String, events: UInt64, _ rates: [Double]) {
    var usage = rusage()
    #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    let shown = rates.map { String(Int($0)) }.joined(separator: ", ")
    print(
        "\(name): \(events) events; runs \(shown) events/s; median \(Int(rates.sorted()[rates.count / 2])) events/s; "
            + "peak RSS \(usage.ru_maxrss / 1024) MiB")
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: journey-pg-bench copy LOG URL | file LOG | postgres URL | verify URL")
    exit(2)
}
switch arguments[1] {
case "copy":
    let log = try EventLog.open(arguments[2])
    let location = try PostgresLocation(url: arguments[3])
    try PostgresStore.setUp(location)
    let writer = try PostgresLogWriter.open(location)
    var batch: [Event] = []
    batch.reserveCapacity(50_000)
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
        try log.replay { (stored: StoredEvent) in
            batch.append(stored.event)
            if batch.count == 50_000 {
                try writer.append(batch, options: AppendOptions())
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try writer.append(batch, options: AppendOptions()) }
    }
    writer.close()
    print("copied \(log.lastPosition) events in \(elapsed)")
case "file":
    let log = try EventLog.open(arguments[2])
    report("file log", events: log.lastPosition, try (0..<3).map { _ in try replayRate(log) })
case "postgres":
    let log = try PostgresEventLog.open(try PostgresLocation(url: arguments[2]))
    report("PostgreSQL", events: log.lastPosition, try (0..<3).map { _ in try replayRate(log) })
    log.close()
case "verify":
    let log = try PostgresEventLog.open(try PostgresLocation(url: arguments[2]))
    let clock = ContinuousClock()
    var report: VerificationReport?
    let elapsed = try clock.measure { report = try log.verify() }
    let verification = report!
    print(
        (verification.isIntact ? "ok" : "DAMAGED") + ": \(verification.events) events in \(verification.batches) "
            + "batches, \(verification.bytes) bytes; head hash \(verification.headHash) (\(elapsed))")
    for damage in verification.damage { print("  \(damage)") }
    log.close()
default:
    print("usage: journey-pg-bench copy LOG URL | file LOG | postgres URL | verify URL")
    exit(2)
}
