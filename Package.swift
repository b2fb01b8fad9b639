// swift-tools-version: 6.1
import PackageDescription

/// rolebook: documentation-as-code for the people who run a Kubernetes platform.
///
/// The C libraries (libcmark, Graphviz's libgvc) are linked in-process through
/// system library targets; their pointers never leave the `CommonMark` and
/// `Graphviz` wrapper modules.
let package = Package(
    name: "rolebook",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rolebook", targets: ["rolebook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "CommonMark", dependencies: ["CCMark"]),
        .target(name: "Graphviz", dependencies: ["CGraphviz"]),
        .target(name: "RolebookCore"),
        .target(
            name: "RolebookModel",
            dependencies: ["RolebookCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "RolebookDocs",
            dependencies: ["RolebookCore", "RolebookModel", "CommonMark", "Graphviz"]
        ),
        .target(
            name: "RolebookSchema",
            dependencies: ["RolebookCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "RolebookConfluence", dependencies: ["RolebookCore"]),
        .executableTarget(
            name: "rolebook",
            dependencies: [
                "RolebookCore",
                "RolebookModel",
                "RolebookDocs",
                "RolebookSchema",
                "RolebookConfluence",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CommonMarkTests", dependencies: ["CommonMark"]),
        .testTarget(name: "GraphvizTests", dependencies: ["Graphviz"]),
        .testTarget(name: "RolebookCoreTests", dependencies: ["RolebookCore"]),
        .testTarget(name: "RolebookModelTests", dependencies: ["RolebookModel", "RolebookCore"]),
        .testTarget(
            name: "RolebookDocsTests",
            dependencies: ["RolebookDocs", "RolebookModel", "RolebookCore", "CommonMark", "Graphviz"]
        ),
        .testTarget(name: "RolebookCLITests", dependencies: ["rolebook", "RolebookCore"]),
    ]
)
