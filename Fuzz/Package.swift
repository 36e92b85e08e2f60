// swift-tools-version: 6.0
import PackageDescription

// Coverage-guided fuzz targets (libFuzzer), in a package of their own so that their sanitized build stays out of
// `swift test`. Each target is an executable whose entry is `LLVMFuzzerTestOneInput`; libFuzzer supplies `main`.
// Build and run (or use Scripts/fuzz.sh, which does both):
//
//     swift build --package-path Fuzz --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
//     SWIFT_BACKTRACE=enable=no Fuzz/.build/debug/fuzz-event-json Fuzz/Corpus/event-json -max_total_time=60
//
// The importer targets read the importers' internal readers with `@testable import`, which a debug build allows.
let package = Package(
    name: "journey-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "journey", path: "../")
    ],
    targets: [
        .executableTarget(
            name: "fuzz-event-json",
            dependencies: [.product(name: "JourneyCore", package: "journey")]
        ),
        .executableTarget(
            name: "fuzz-event-binary",
            dependencies: [
                .product(name: "JourneyCore", package: "journey"),
                .product(name: "JourneyLog", package: "journey"),
                .product(name: "JourneyProjections", package: "journey"),
            ]
        ),
        .executableTarget(
            name: "fuzz-cin-census",
            dependencies: [
                .product(name: "JourneyCore", package: "journey"),
                .product(name: "JourneyImport", package: "journey"),
            ]
        ),
        .executableTarget(
            name: "fuzz-ssda903",
            dependencies: [
                .product(name: "JourneyCore", package: "journey"),
                .product(name: "JourneyImport", package: "journey"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
