import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import Foundation
import HummingbirdTesting
import Testing

@testable import AppealsWeb

/// `/metrics` as Prometheus reads it: behind its bearer key, parsed by prometheus_client's own parser, and its
/// counters moving when a request, a filing and a sweep happen. (Other tests in this process record metrics too,
/// so each expectation is a rise of at least what this test did.)
@Suite("Operational metrics")
struct MetricsEndpointTests {
    struct Sample: Decodable {
        let name: String
        let labels: [String: String]
        let value: Double
        let type: String
    }

    /// The exposition parsed by `scripts/lib/parse_metrics.py` (prometheus_client), which fails on what it cannot read.
    static func parse(_ text: String) throws -> [Sample] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestDatabase.repositoryRoot.appendingPathComponent("scripts/lib/parse_metrics.py").path]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let lines = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "prometheus_client could not parse /metrics: \(problem)")
        return try lines.split(separator: "\n").map { try JSONDecoder().decode(Sample.self, from: Data($0.utf8)) }
    }

    static func value(_ samples: [Sample], _ name: String, _ labels: [String: String] = [:]) -> Double {
        samples.filter { sample in sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value } }.map(\.value).reduce(
            0, +)
    }

    @Test func metricsNeedTheKeyParseAsPrometheusAndMoveWithARequestAFilingAndASweep() async throws {
        var configuration = WebTest.configuration()
        let token = "metrics-key-for-the-test-0123456789"
        configuration.metricsToken = token
        let box = Box()
        try await WebTest.withApp(
            configuration: configuration,
            seed: {
                try await StaffTest.seed($0)
                box.db = $0
            }
        ) { client in
            let db = try #require(box.db)
            try await client.execute(uri: "/metrics", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer wrong-key-0123456789"]) {
                #expect($0.status == .unauthorized)
            }
            func scrape() async throws -> [Sample] {
                try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                    return try Self.parse(response.text)
                }
            }
            let before = try await scrape()
            #expect(before.contains { $0.name == "appeals_cases" && $0.labels["state"] == "submitted" && $0.type == "gauge" })
            #expect(before.contains { $0.name == "appeals_outbox_messages" && $0.labels["status"] == "pending" })
            #expect(before.contains { $0.name == "appeals_letters_waiting" && $0.labels["status"] == "ready" })
            #expect(before.contains { $0.name == "appeals_evidence_bytes" })
            #expect(before.contains { $0.name == "appeals_db_pool_wait_seconds_count" }, "the pool's wait histogram")

            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            _ = try await PrintRoomTests.fileByPost(client, db, name: "Metrics Citizen")
            try await SweepDeadlines(store: SQLCaseStore(database: db), clock: TestClock(), timeZone: StaffTest.zone, sweeperName: "test")
                .run()

            let after = try await scrape()
            let healthz = ["http_route": "/healthz", "http_response_status_code": "200"]
            #expect(Self.value(after, "hb_requests_total", healthz) >= Self.value(before, "hb_requests_total", healthz) + 1)
            #expect(
                Self.value(after, "http_server_request_duration_count", healthz)
                    >= Self.value(before, "http_server_request_duration_count", healthz) + 1, "a latency histogram per route")
            let web = ["channel": "web"]
            #expect(
                Self.value(after, "appeals_appeals_filed_total", web) >= Self.value(before, "appeals_appeals_filed_total", web) + 1)
            #expect(
                Self.value(after, "appeals_sweep_duration_seconds_count") >= Self.value(before, "appeals_sweep_duration_seconds_count") + 1)
            #expect(after.contains { $0.name == "appeals_deadline_breaches_total" })
        }
    }
}
