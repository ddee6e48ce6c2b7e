// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "appeals",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "appeals", targets: ["appeals"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // Pure domain: Foundation only. No I/O, no clock reads, no randomness.
        .target(name: "AppealsDomain"),
        .target(
            name: "AppealsServices",
            dependencies: [
                "AppealsDomain",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "AppealsStore",
            dependencies: [
                "AppealsDomain",
                "AppealsServices",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // System libraries, each behind a small target used by AppealsEvidence only.
        .systemLibrary(name: "CMagic"),
        .systemLibrary(name: "CPNG"),
        .systemLibrary(name: "CHeif"),
        // Letters: Cairo's PDF surface with Pango for text (pkg-config pangocairo), libqrencode for the QR code.
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo"),
        .systemLibrary(name: "CQRencode"),
        // The words every channel shares: typed facts as templates see them (one flag per value), the status script,
        // amounts and dates written out, and the view models as Mustache trees.
        .target(
            name: "AppealsWords",
            dependencies: ["AppealsDomain", "AppealsServices", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(
            name: "AppealsLetters",
            dependencies: [
                "AppealsDomain", "AppealsServices", "AppealsWords", "CPangoCairo", "CQRencode",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // libjpeg reports errors with longjmp, which Swift cannot cross: a C shim catches them.
        .target(name: "CJPEG", linkerSettings: [.linkedLibrary("jpeg")]),
        // libcurl's SMTP client behind typed C functions (curl_easy_setopt is variadic).
        .target(name: "CCurlMail", linkerSettings: [.linkedLibrary("curl")]),
        .target(
            name: "AppealsEvidence",
            dependencies: [
                "AppealsServices", "CMagic", "CPNG", "CHeif", "CJPEG",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // The web layer sees ports only: no database, no folders, no C libraries.
        .target(
            name: "AppealsWeb",
            dependencies: [
                "AppealsDomain",
                "AppealsServices",
                "AppealsWords",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The composition root: builds every adapter once and hands ports to the web layer and the services.
        .target(
            name: "AppealsApp",
            dependencies: [
                "AppealsDomain",
                "AppealsServices",
                "AppealsStore",
                "AppealsLetters",
                "AppealsEvidence",
                "AppealsWeb",
                "AppealsWords",
                "CCurlMail",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "appeals",
            dependencies: [
                "AppealsDomain",
                "AppealsServices",
                "AppealsStore",
                "AppealsWeb",
                "AppealsApp",
                "AppealsWords",
                "AppealsEvidence",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Real databases for tests: a fresh SQLite file, and a fresh PostgreSQL database when TEST_DATABASE_URL is set.
        .target(
            name: "AppealsTestSupport",
            dependencies: [
                "AppealsDomain",
                "AppealsServices",
                "AppealsStore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Benchmarks (not tests): `swift run -c release appeals-bench sweep`.
        .executableTarget(
            name: "appeals-bench",
            dependencies: [
                "AppealsDomain", "AppealsServices", "AppealsStore", "AppealsEvidence", "AppealsLetters",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "AppealsDomainTests", dependencies: ["AppealsDomain"]),
        .testTarget(
            name: "AppealsEvidenceTests",
            dependencies: ["AppealsEvidence", "AppealsServices", "AppealsWords", "CJPEG"],
            exclude: ["Corpus"]
        ),
        .testTarget(name: "AppealsServicesTests", dependencies: ["AppealsServices", "AppealsDomain"]),
        .testTarget(name: "AppealsWordsTests", dependencies: ["AppealsWords", "AppealsServices", "AppealsDomain"]),
        .testTarget(name: "AppealsLettersTests", dependencies: ["AppealsLetters", "AppealsDomain", "AppealsServices"]),
        .testTarget(
            name: "AppealsStoreTests",
            dependencies: [
                "AppealsDomain", "AppealsServices", "AppealsStore", "AppealsTestSupport", "AppealsWords",
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        .testTarget(
            name: "AppealsWebTests",
            dependencies: [
                "AppealsWeb", "AppealsApp", "AppealsStore", "AppealsServices", "AppealsDomain", "AppealsTestSupport", "AppealsEvidence",
                "AppealsWords", "AppealsLetters",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
