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
        // RolebookSchema's direct API server client: URLSession on Linux (libcurl)
        // cannot trust a cluster's private CA, AsyncHTTPClient (swift-nio-ssl) can.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
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
            dependencies: [
                "RolebookCore", .product(name: "Yams", package: "Yams"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .target(name: "RolebookConfluence", dependencies: ["RolebookCore"]),
        .target(
            name: "RolebookLint",
            dependencies: [
                "RolebookCore", "RolebookModel", "CommonMark",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "rolebook",
            dependencies: [
                "RolebookCore",
                "RolebookModel",
                "RolebookDocs",
                "RolebookSchema",
                "RolebookConfluence",
                "RolebookLint",
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
        .testTarget(name: "RolebookSchemaTests", dependencies: ["RolebookSchema", "RolebookCore"]),
        .testTarget(name: "RolebookConfluenceTests", dependencies: ["RolebookConfluence", "RolebookCore", "RolebookDocs"]),
        .testTarget(name: "RolebookLintTests", dependencies: ["RolebookLint", "RolebookModel", "RolebookCore"]),
        .testTarget(name: "RolebookCLITests", dependencies: ["rolebook", "RolebookCore"]),
    ]
)
