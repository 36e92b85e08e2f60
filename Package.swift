// swift-tools-version: 6.0
import PackageDescription

// Layers, dependencies pointing one way:
//   JourneyCore (vocabulary) ← JourneyLog (storage) ← projections and checks ← importers and reports ← journey
let package = Package(
    name: "journey",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "journey", targets: ["journey"]),
        .library(name: "JourneyCore", targets: ["JourneyCore"]),
        .library(name: "JourneyLog", targets: ["JourneyLog"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(name: "JourneyCore"),
        .target(
            name: "JourneyLog",
            dependencies: ["JourneyCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .executableTarget(
            name: "journey",
            dependencies: [
                "JourneyCore", "JourneyLog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "JourneyTestSupport", dependencies: ["JourneyCore"], path: "Tests/JourneyTestSupport"),
        .testTarget(name: "JourneyCoreTests", dependencies: ["JourneyCore", "JourneyTestSupport"]),
        .testTarget(name: "JourneyLogTests", dependencies: ["JourneyLog", "JourneyTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
