// swift-tools-version: 6.1
import PackageDescription

// Layers, bottom to top (a target imports only from layers below it):
//   0: Core, SRS, Stats, CLibEdit, CCmarkGFM   1: Content, Terminal, Markdown, Datasets, Simulation
//   2: Store, Knowledge, Search, Quiz, Anki   3: Sandbox   4: App   5: fmlab
// Nothing below App prints; nothing below fmlab reads the environment or the wall clock.
let package = Package(
  name: "fmlab",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "fmlab", targets: ["fmlab"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    .target(name: "Core"),
    .target(name: "SRS"),
    // Progress statistics and exam readiness: pure functions of the learner's history and a seed.
    .target(name: "Stats", dependencies: ["Core", "SRS"]),
    // Interchange with other tools: the FSRS ecosystem's revlog CSV (later: Anki packages).
    .target(name: "Interop", dependencies: ["SRS", "Core", .product(name: "CSV", package: "CSV.swift")]),
    .target(name: "Content", dependencies: ["Core", .product(name: "Yams", package: "Yams")]),
    .target(name: "Terminal", dependencies: ["Core", "CLibEdit"]),
    // Markdown pages rendered for the terminal, parsed by libcmark-gfm.
    .target(name: "Markdown", dependencies: ["Terminal", "CCmarkGFM"]),
    // The knowledge base as commands query it: model lookup, capabilities, filters, search, diffs.
    .target(name: "Knowledge", dependencies: ["Core", "Content"]),
    // Exam items as they are practised: presentation, answer parsing, scoring, exam assembly. Pure.
    .target(name: "Quiz", dependencies: ["Core", "Content", "SRS"]),
    // Full-text search over the knowledge base: SQLite FTS5 (BM25, Porter stemming) in memory.
    .target(name: "Search", dependencies: ["Core", "Content", .product(name: "GRDB", package: "GRDB.swift")]),
    // Bedrock customization datasets (JSONL): the formats, limits and the validator. Pure; fuzzed.
    .target(name: "Datasets", dependencies: ["Core"]),
    // The numeric models behind the sandbox: token estimates, composed answers, latency, loss
    // curves, Provisioned Throughput capacity and cost. Pure functions of their inputs and a seed.
    .target(name: "Simulation", dependencies: ["Core", "Datasets"]),
    // The simulated Bedrock account: S3, IAM, customization jobs, custom models, Provisioned
    // Throughput, invocation. Pure state machines over an injected clock and seeded generator.
    .target(
      name: "Sandbox",
      dependencies: ["Core", "Content", "Knowledge", "Datasets", "Simulation", .product(name: "Yams", package: "Yams")]
    ),
    // Guided hands-on labs: lab files, their strict parser, and steps checked against the sandbox.
    .target(
      name: "Labs",
      dependencies: ["Core", "Content", "Sandbox", "Simulation", .product(name: "Yams", package: "Yams")]
    ),
    .target(name: "Store", dependencies: ["Core", "SRS", .product(name: "GRDB", package: "GRDB.swift")]),
    // Anki packages (.apkg): written and read with SQLite (GRDB) and ZIPFoundation.
    .target(
      name: "Anki",
      dependencies: [
        "Core", "SRS", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .target(
      name: "App",
      dependencies: [
        "Core", "Content", "Terminal", "Store", "SRS", "Interop", "Knowledge", "Markdown", "Search", "Quiz",
        "Datasets", "Simulation", "Sandbox", "Labs", "Stats", "Anki",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "fmlab", dependencies: ["App", "Core", "Terminal"]),
    // Benchmarks run on demand (scripts/bench-srs), never in CI's timed path.
    .executableTarget(
      name: "OptimizerBench",
      dependencies: ["SRS", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      path: "Benchmarks/OptimizerBench"
    ),
    .executableTarget(
      name: "SchedulerBench",
      dependencies: ["SRS", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      path: "Benchmarks/SchedulerBench"
    ),
    .executableTarget(
      name: "StoreBench",
      dependencies: [
        "Store", "SRS", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Benchmarks/StoreBench"
    ),
    .executableTarget(
      name: "SearchBench",
      dependencies: [
        "Search", "Content", "Core", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Benchmarks/SearchBench"
    ),
    .executableTarget(
      name: "QuizBench",
      dependencies: [
        "App", "Quiz", "Content", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Benchmarks/QuizBench"
    ),
    .executableTarget(
      name: "SandboxBench",
      dependencies: [
        "App", "Simulation", "Terminal", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Benchmarks/SandboxBench"
    ),
    .executableTarget(
      name: "StatsBench",
      dependencies: [
        "App", "Stats", "SRS", "Store", "Core", "Terminal", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Benchmarks/StatsBench"
    ),
    .target(
      name: "TestSupport",
      dependencies: ["Core", "Terminal", "App", "Store", "Content", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .testTarget(
      name: "CoreTests",
      dependencies: ["Core", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
    ),
    .testTarget(name: "SRSTests", dependencies: ["SRS"], exclude: ["Fixtures"]),
    .testTarget(
      name: "InteropTests",
      dependencies: [
        "Interop", "SRS", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "TerminalTests",
      dependencies: ["Terminal", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]),
    .testTarget(
      name: "StoreTests",
      dependencies: ["Store", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .testTarget(
      name: "ContentTests",
      dependencies: ["Content", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
    ),
    .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "Terminal"]),
    .testTarget(
      name: "QuizTests",
      dependencies: [
        "Quiz", "Content", "Core", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(
      name: "DatasetsTests",
      dependencies: ["Datasets", .product(name: "PropertyBased", package: "swift-property-based")]
    ),
    .testTarget(
      name: "StatsTests",
      dependencies: ["Stats", "SRS", "Core", .product(name: "PropertyBased", package: "swift-property-based")]
    ),
    .testTarget(
      name: "SimulationTests",
      dependencies: [
        "Simulation", "Datasets", "Core", .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(
      name: "SandboxTests",
      dependencies: [
        "Sandbox", "Datasets", "Simulation", "Content", "Knowledge", "Core",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(name: "SearchTests", dependencies: ["Search", "Content", "TestSupport"]),
    .testTarget(
      name: "KnowledgeTests",
      dependencies: [
        "Knowledge", "Content", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(
      name: "AnkiTests",
      dependencies: [
        "Anki", "SRS", "Core", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      exclude: ["Oracle"]
    ),
    // Fuzz targets: in a normal build each is a replayer (runs the target over the files it is given, so a
    // crash input becomes a regression test); scripts/fuzz builds them with -DFUZZING for libFuzzer.
    .target(name: "FuzzSupport", path: "Fuzz/Support"),
    .executableTarget(
      name: "FuzzLineParser", dependencies: ["App", "FuzzSupport"], path: "Fuzz/LineParser",
      exclude: ["corpus", "LineParser.dict"]),
    .executableTarget(
      name: "FuzzContentLoader", dependencies: ["Content", "Core", "FuzzSupport"], path: "Fuzz/ContentLoader",
      exclude: ["corpus"]),
    .executableTarget(
      name: "FuzzDatasetValidator", dependencies: ["Datasets", "FuzzSupport"], path: "Fuzz/DatasetValidator",
      exclude: ["corpus"]),
    .executableTarget(
      name: "FuzzRevlogImporter", dependencies: ["Interop", "SRS", "FuzzSupport"], path: "Fuzz/RevlogImporter",
      exclude: ["corpus"]),
    .executableTarget(
      name: "FuzzAnkiImporter", dependencies: ["Anki", "FuzzSupport"], path: "Fuzz/AnkiImporter",
      exclude: ["corpus", "crashes", "make_seeds.py"]),
    .testTarget(
      name: "AppTests",
      dependencies: ["App", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["fmlab", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
    ),
  ]
)
