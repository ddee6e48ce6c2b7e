import Foundation
import Mustache

/// A view model turned into a tree of ``ViewNode``s once per page. swift-mustache reads a ``MustacheParent``
/// directly but a struct through `Mirror`, building the mirror again for every `{{name}}` (and for every level of
/// the context stack it climbs): on the status page that was more than half of the server's CPU time. The view
/// models are `Encodable`, and this encoder walks them with the compiler-generated code instead of reflection.
public enum ViewTree {
    public static func tree<T: Encodable>(_ value: T) -> Any {
        let encoder = TreeEncoder()
        try? value.encode(to: encoder)
        return encoder.value
    }
}

private final class ArrayBox { var values: [Any] = [] }

private final class TreeEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    private var dictionary: ViewNode?
    private var array: ArrayBox?
    fileprivate var single: Any?

    var value: Any { dictionary ?? array?.values ?? single ?? ViewNode() }

    /// Strings, booleans and numbers stay as they are; anything else becomes a dictionary or an array.
    static func tree<T: Encodable>(_ value: T) throws -> Any {
        switch value {
        case let string as String: return string
        case let bool as Bool: return bool
        case let int as Int: return int
        case let double as Double: return double  // (encoding a Double through the encoder would recurse for ever)
        default:
            let encoder = TreeEncoder()
            try value.encode(to: encoder)
            return encoder.value
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box = dictionary ?? ViewNode()
        dictionary = box
        return KeyedEncodingContainer(Keyed<Key>(box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box = array ?? ArrayBox()
        array = box
        return Unkeyed(box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: ViewNode
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { box.values[key.stringValue] = try TreeEncoder.tree(value) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<
            NestedKey
        > {
            let nested = ViewNode()
            box.values[key.stringValue] = nested
            return KeyedEncodingContainer(Keyed<NestedKey>(box: nested))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { Unkeyed(box: ArrayBox()) }
        mutating func superEncoder() -> any Encoder { TreeEncoder() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder() }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let box: ArrayBox
        var codingPath: [any CodingKey] { [] }
        var count: Int { box.values.count }
        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws { box.values.append(try TreeEncoder.tree(value)) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(box: ViewNode()))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(box: ArrayBox()) }
        mutating func superEncoder() -> any Encoder { TreeEncoder() }
    }

    private struct Single: SingleValueEncodingContainer {
        let encoder: TreeEncoder
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws { encoder.single = try TreeEncoder.tree(value) }
    }
}
