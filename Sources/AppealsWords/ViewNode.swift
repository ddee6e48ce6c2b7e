import Foundation
import Mustache

/// A level of the tree. A class of our own rather than `[String: Any]`: swift-mustache asks every value it meets
/// whether it is a parent (a cast to a protocol), and Dictionary's conformance is conditional (`Key == String`),
/// which the runtime checks the slow way each time: a fifth more status pages a second with this class.
public final class ViewNode: MustacheParent {
    var values: [String: Any] = [:]
    public func child(named name: String) -> Any? { values[name] }
}
