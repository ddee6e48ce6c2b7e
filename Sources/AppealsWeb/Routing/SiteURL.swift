import Foundation
import Hummingbird

/// An internal address of the portal, typed (the Swift Package Index server's `SiteURL` shape): one enum per
/// audience (``CitizenURL``, ``StaffURL``, ``APIURL``, ``ServiceURL``), each case one route. The same case gives
/// the pattern a route is registered under (its parameters as `.key`: `/staff/cases/{reference}`) and the path a
/// link or a redirect names (its parameters as `.value`: `/staff/cases/ABCDEFGHJ`), so the two cannot drift apart.
protocol SiteURL: Sendable {
    /// The path, one segment at a time, from the root.
    var segments: [PathSegment] { get }
}

/// One segment of a path: fixed text, or a named parameter holding a value (in a path) or not (in a pattern).
enum PathSegment: Sendable, Equatable {
    case literal(String)
    case parameter(name: String, value: String?)
}

/// A route parameter: `.key` where the route is registered, `.value(…)` where a link names one object.
enum Parameter<Value: PathValue>: Sendable {
    case key
    case value(Value)

    func segment(_ name: String) -> PathSegment {
        switch self {
        case .key: .parameter(name: name, value: nil)
        case .value(let value): .parameter(name: name, value: value.pathValue)
        }
    }
}

/// An identifier that can stand in a path segment as it is (references, tokens and ids are letters and digits).
protocol PathValue: Sendable {
    var pathValue: String { get }
}

extension SiteURL {
    /// The route pattern, `{name}` for each parameter, as `Router` and the ``RouteTable`` take it.
    var pattern: RoutePattern {
        RoutePattern(
            "/"
                + segments.map {
                    switch $0 {
                    case .literal(let text): text
                    case .parameter(let name, _): "{\(name)}"
                    }
                }.joined(separator: "/"))
    }

    /// The path a link or a redirect names. Every parameter must hold a value: a `.key` here is a programming
    /// error (a link to a pattern), which the internal-links test would meet on the first page that has it.
    var path: String {
        "/"
            + segments.map {
                switch $0 {
                case .literal(let text): return text
                case .parameter(let name, let value):
                    guard let value else { preconditionFailure("\(pattern): no value for {\(name)} in a path") }
                    return value
                }
            }.joined(separator: "/")
    }

    /// The path with a query (already encoded: `page=2&view=team`); an empty query adds nothing.
    func path(query: String, fragment: String? = nil) -> String {
        path + (query.isEmpty ? "" : "?" + query) + (fragment.map { "#" + $0 } ?? "")
    }

    /// The path with a fragment: a part of the page (`#timeline`).
    func path(fragment: String) -> String { path + "#" + fragment }
}

/// A route as registered: literal segments and `{name}` parameters, each standing for one segment.
struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }

    var routerPath: RouterPath { RouterPath(description) }

    /// Whether a concrete path (without query or fragment) is one this pattern routes.
    func matches(_ path: String) -> Bool {
        Self.matches(path, pattern: description)
    }

    static func matches(_ path: String, pattern: String) -> Bool {
        let wanted = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return wanted.count == segments.count
            && zip(wanted, segments).allSatisfy { want, got in
                (want.hasPrefix("{") && want.hasSuffix("}")) || want == got
            }
    }
}
