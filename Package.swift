// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Symbiosis",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "symbiosis", targets: ["symbiosis"]),
        .library(name: "MILP", targets: ["MILP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // Workbooks (XLSX) are ZIP archives of XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
        // The run history's embedded SQLite database (on Linux: Debian's libsqlite3-dev).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // `symbiosis serve`: the board room's local web server (docs/board-room.md).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // Debian's liblpsolve55-dev: header lpsolve/lp_lib.h, static liblpsolve55.a.
        .systemLibrary(name: "CLPSolve", path: "Sources/CLPSolve"),
        // Solver-neutral model: variables, expressions, constraints, writers, Solver protocol.
        .target(name: "MILP"),
        // The lp_solve 5.5 backend behind MILP's Solver protocol; the only module importing CLPSolve.
        .target(name: "LPSolve", dependencies: ["MILP", "CLPSolve"]),
        // Scenario files: types, YAML loading, policies as overrides, validation.
        .target(name: "Scenario", dependencies: [.product(name: "Yams", package: "Yams"), "Sampling"]),
        // Park data as spreadsheets: XLSX and CSV sheets to scenario YAML and back.
        .target(name: "Workbook", dependencies: [
            "Scenario",
            .product(name: "Yams", package: "Yams"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "XMLCoder", package: "XMLCoder"),
        ]),
        // Partner discovery: the synergy library and the candidate exchanges it proposes for a park.
        .target(name: "Discovery", dependencies: ["Scenario", .product(name: "Yams", package: "Yams")],
                resources: [.copy("Resources/synergies.yaml")]),
        // Park network -> MILP.
        .target(name: "Formulation", dependencies: ["Scenario", "MILP"]),
        // Random streams, quasi-random points and streaming statistics; knows nothing of parks.
        .target(name: "Sampling"),
        // Multi-objective methods on any MILP: payoff table, lexicographic, AUGMECON2, near-optimal
        // alternatives; knows nothing of parks.
        .target(name: "MultiObjective", dependencies: ["MILP"]),
        // Park optimization runs, Monte Carlo, sensitivity, policy comparison; solvers behind MILP's
        // SolverBackend (the CLI chooses).
        .target(name: "Analysis", dependencies: ["Formulation", "Scenario", "MILP", "MultiObjective", "Sampling"]),
        // Tables, CSV/JSON, charts, HTML.
        .target(name: "Report", dependencies: ["Analysis", "Formulation", "Scenario", "MILP", "MultiObjective"]),
        // The run history: every run's inputs, headline figures and JSON result in SQLite (docs/history.md).
        .target(name: "RunHistory", dependencies: ["Scenario", .product(name: "GRDB", package: "GRDB.swift")]),
        // The board room (`symbiosis serve`): levers, evaluation API, solve queue, the page (docs/board-room.md).
        .target(name: "BoardRoom", dependencies: [
            "Analysis", "Report", "Formulation", "Scenario", "MILP", "RunHistory",
            .product(name: "Hummingbird", package: "hummingbird"),
        ], resources: [.copy("Resources/page")]),
        .executableTarget(
            name: "symbiosis",
            dependencies: [
                "MILP", "LPSolve", "Scenario", "Formulation", "MultiObjective", "Analysis", "Report", "Workbook", "Discovery", "RunHistory", "BoardRoom",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target on the scenario loader and policy overrides (docs/robustness.md); built
        // normally it replays inputs, with -sanitize=fuzzer -Xswiftc -DSYMBIOSIS_FUZZING it fuzzes.
        .executableTarget(name: "ScenarioFuzzer", dependencies: ["Scenario", "Formulation", "MILP", "Analysis", "FuzzReplay"],
                          exclude: ["scenario.dict"]),
        // libFuzzer target on `merge`'s input: mutated simulation part files (docs/robustness.md).
        .executableTarget(name: "PartFileFuzzer", dependencies: ["Analysis", "Report", "FuzzReplay"]),
        // The fuzz targets' replay `main` without libFuzzer.
        .target(name: "FuzzReplay"),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MILPTests", dependencies: ["MILP", "LPSolve", "TestSupport"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "TestSupport"]),
        .testTarget(name: "DiscoveryTests", dependencies: ["Discovery", "Scenario", "TestSupport"]),
        .testTarget(name: "SamplingTests", dependencies: ["Sampling", "TestSupport"]),
        .testTarget(name: "FormulationTests", dependencies: ["Formulation", "Scenario", "MILP", "LPSolve", "Analysis", "TestSupport"]),
        .testTarget(name: "SimulationTests", dependencies: ["Analysis", "Formulation", "Scenario", "MILP", "LPSolve", "Sampling", "Report", "TestSupport"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "MultiObjective", "Formulation", "Scenario", "MILP", "LPSolve", "Report", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["Report"]),
        .testTarget(name: "BoardRoomTests", dependencies: [
            "BoardRoom", "Analysis", "Report", "Formulation", "Scenario", "RunHistory", "LPSolve", "TestSupport",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "RunHistoryTests", dependencies: ["RunHistory", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "WorkbookTests", dependencies: [
            "Workbook", "Scenario", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Reads every `import` under Sources/ against docs/architecture.md; no dependencies.
        .testTarget(name: "ArchitectureTests"),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"], exclude: ["Golden", "FuzzFindings", "PartFuzzCorpus"]),
    ]
)
