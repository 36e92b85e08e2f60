// swift-tools-version: 6.0
import PackageDescription

// The benchmarks live apart from the main package so that their build stays out of `swift test`
// (as swift-nio and swift-collections keep theirs). Build and run:
//
//     swift build -c release --package-path Benchmarks
//     Benchmarks/.build/release/journey-bench log --events 1000000
let package = Package(
    name: "journey-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "journey", path: "../"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .executableTarget(
            name: "journey-bench",
            dependencies: [
                .product(name: "JourneyCore", package: "journey"),
                .product(name: "JourneyLog", package: "journey"),
                .product(name: "JourneyProjections", package: "journey"),
                .product(name: "JourneyChecks", package: "journey"),
                .product(name: "JourneyWorkbook", package: "journey"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The PostgreSQL store's replay against the file log's (docs/postgres.md); built on its own with
        // --product journey-pg-bench, so that journey-bench does not wait for a database client.
        .executableTarget(
            name: "journey-pg-bench",
            dependencies: [
                .product(name: "JourneyCore", package: "journey"),
                .product(name: "JourneyLog", package: "journey"),
                .product(name: "JourneyPostgres", package: "journey"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
