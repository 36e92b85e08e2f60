// swift-tools-version: 6.0
import PackageDescription

// Layers, dependencies pointing one way: a target uses those it is indented under (and what they use), never one
// beside or below it.
//   JourneyCore (vocabulary: dates, calendar, codes, events)
//     JourneySynth (synthetic councils: it makes events, and needs nothing else)
//     JourneyLog (storage)
//       JourneyWorkbook (Excel workbooks: sheets of text, numbers and dates, as SpreadsheetML in a zip, written
//                        owner-only through the log's file helpers; read back, zip bombs and entities refused)
//         JourneyImport (statutory returns and Annex A lists, reconciled with what the log holds; Annex A
//                        workbooks read through JourneyWorkbook)
//       JourneyAccess (the shared service's accounts, roles and access audit: who may read what, and a
//                      hash-chained, append-only record of every child-level read and every refusal)
//       JourneyProjections (the replay engine and the metrics)
//         JourneyChecks (data quality, on the replayed records)
//           JourneyReports (chronologies, cohorts, the performance pack: the metrics and the checks together)
//             JourneyService (the shared service: the HTTP API and web pages over the same library calls, on
//                             Hummingbird, with JourneyAccess's accounts and audit; a log folder or, through
//                             JourneyPostgres, a log in PostgreSQL)
//       JourneyPostgres (the log kept in PostgreSQL behind the same store contract; not part of the journey
//                        executable, so the quick start does not build a database client)
//   JourneyCommandLine (the commands: thin, one a file, on all of the above but JourneyPostgres)
//     journey (the executable: the commands on the file log, and nothing more, so that the quick start builds fast)
//     journey-serve (the service's executable: the server, and the commands with PostgreSQL offered too)
let package = Package(
    name: "journey",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "journey", targets: ["journey"]),
        .library(name: "JourneyCore", targets: ["JourneyCore"]),
        .library(name: "JourneyLog", targets: ["JourneyLog"]),
        .library(name: "JourneyProjections", targets: ["JourneyProjections"]),
        .library(name: "JourneyChecks", targets: ["JourneyChecks"]),
        .library(name: "JourneySynth", targets: ["JourneySynth"]),
        .library(name: "JourneyImport", targets: ["JourneyImport"]),
        .library(name: "JourneyReports", targets: ["JourneyReports"]),
        .library(name: "JourneyWorkbook", targets: ["JourneyWorkbook"]),
        .library(name: "JourneyAccess", targets: ["JourneyAccess"]),
        .library(name: "JourneyCommandLine", targets: ["JourneyCommandLine"]),
        .library(name: "JourneyPostgres", targets: ["JourneyPostgres"]),
        .library(name: "JourneyService", targets: ["JourneyService"]),
        .executable(name: "journey-serve", targets: ["journey-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .target(name: "JourneyCore"),
        .target(name: "CRC32CInstruction"),
        .systemLibrary(name: "Zlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "ProgramArguments"),
        .target(name: "ProcessMemory"),
        .target(
            name: "JourneyLog",
            dependencies: ["JourneyCore", "CRC32CInstruction", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "JourneyAccess",
            dependencies: [
                "JourneyCore", "JourneyLog", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(name: "JourneyProjections", dependencies: ["JourneyCore", "JourneyLog"]),
        .target(name: "JourneyChecks", dependencies: ["JourneyCore", "JourneyLog", "JourneyProjections"]),
        .target(name: "JourneySynth", dependencies: ["JourneyCore"]),
        .target(
            name: "JourneyPostgres",
            dependencies: ["JourneyCore", "JourneyLog", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .target(
            name: "JourneyWorkbook",
            dependencies: [
                "JourneyCore", "JourneyLog", "Zlib", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "JourneyImport",
            dependencies: [
                "JourneyCore", "JourneyLog", "JourneyWorkbook", .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(
            name: "JourneyReports",
            dependencies: [
                "JourneyCore", "JourneyLog", "JourneyProjections", "JourneyChecks", "JourneyWorkbook",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "JourneyCommandLine",
            dependencies: [
                "JourneyCore", "JourneyLog", "JourneyProjections", "JourneyChecks", "JourneySynth", "JourneyImport",
                "JourneyReports", "JourneyWorkbook", "JourneyAccess", "ProgramArguments", "ProcessMemory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "journey", dependencies: ["JourneyCommandLine"]),
        .target(
            name: "JourneyService",
            dependencies: [
                "JourneyCore", "JourneyLog", "JourneyProjections", "JourneyChecks", "JourneyReports", "JourneyAccess",
                "JourneyPostgres", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "journey-serve",
            dependencies: [
                "JourneyService", "JourneyAccess", "JourneyCore", "JourneyCommandLine", "JourneyPostgres",
                "ProgramArguments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "JourneyTestSupport", dependencies: ["JourneyCore"], path: "Tests/JourneyTestSupport"),
        .testTarget(name: "JourneyCoreTests", dependencies: ["JourneyCore", "JourneyTestSupport"]),
        .testTarget(name: "JourneyLogTests", dependencies: ["JourneyLog", "JourneyTestSupport"]),
        .testTarget(
            name: "JourneyProjectionsTests",
            dependencies: ["JourneyProjections", "JourneyLog", "JourneySynth", "JourneyTestSupport"]
        ),
        .testTarget(
            name: "JourneyChecksTests",
            dependencies: ["JourneyChecks", "JourneyProjections", "JourneyLog", "JourneySynth", "JourneyTestSupport"]
        ),
        .testTarget(name: "JourneyAccessTests", dependencies: ["JourneyAccess", "JourneyLog", "JourneyTestSupport"]),
        .testTarget(name: "JourneySynthTests", dependencies: ["JourneySynth", "JourneyTestSupport"]),
        .testTarget(
            name: "JourneyPostgresTests",
            dependencies: [
                "JourneyPostgres", "JourneyLog", "JourneyProjections", "JourneyTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "JourneyReportsTests",
            dependencies: [
                "JourneyReports", "JourneyProjections", "JourneyChecks", "JourneyLog", "JourneyWorkbook",
                "JourneySynth", "JourneyTestSupport",
            ]
        ),
        .testTarget(
            name: "JourneyImportTests",
            dependencies: [
                "JourneyImport", "JourneyChecks", "JourneyProjections", "JourneyLog", "JourneyReports",
                "JourneyWorkbook",
                "JourneyTestSupport",
            ]),
        .testTarget(
            name: "JourneyWorkbookTests",
            dependencies: [
                "JourneyWorkbook", "JourneyTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "JourneyServiceTests",
            dependencies: [
                "JourneyService", "JourneyAccess", "JourneyReports", "JourneyChecks", "JourneyProjections",
                "JourneyLog", "JourneyTestSupport", "JourneyCommandLine", "JourneyPostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "JourneyCommandTests",
            dependencies: [
                "JourneyCommandLine", "JourneyLog", "JourneyPostgres", "JourneyTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
