import RolebookCore

/// A JSON value read from YAML or JSON, with the position it was written at.
///
/// Kubernetes validates the JSON an object becomes, not the YAML it was
/// written in, so every check works on this one tree; the positions are what
/// lets a finding point at `file:line:column`, which no other CRD validator
/// reports. Positions are 1-based; 0 means "not from a file" (a cluster's
/// response).
public struct JSONNode: Sendable {
    public var value: JSONValue
    public var line: Int
    public var column: Int

    public init(_ value: JSONValue, line: Int = 0, column: Int = 0) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// The member `key` of an object, or nil (also for non-objects).
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        for member in members where member.key == key { return member.value }
        return nil
    }

    /// The member entry (with the key's own position) of an object.
    public func member(_ key: String) -> JSONMember? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }
    }

    public var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let flag) = value { return flag }
        return nil
    }

    public var int: Int? {
        switch value {
        case .integer(let number): return number
        case .number(let number) where number.rounded() == number && abs(number) < 9.0e15: return Int(number)
        default: return nil
        }
    }

    public var double: Double? {
        switch value {
        case .integer(let number): return Double(number)
        case .number(let number): return number
        default: return nil
        }
    }

    public var array: [JSONNode]? {
        if case .array(let items) = value { return items }
        return nil
    }

    public var members: [JSONMember]? {
        if case .object(let members) = value { return members }
        return nil
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// `file:line:column` of this node, or of the file when it has no position.
    public func location(in path: String) -> SourceLocation {
        line > 0 ? SourceLocation(path: path, line: line, column: column) : .file(path)
    }
}

/// One `key: value` of an object, with the key's position: an unknown field
/// is reported at its key, not at its value.
public struct JSONMember: Sendable {
    public var key: String
    public var keyLine: Int
    public var keyColumn: Int
    public var value: JSONNode

    public init(key: String, keyLine: Int = 0, keyColumn: Int = 0, value: JSONNode) {
        self.key = key
        self.keyLine = keyLine
        self.keyColumn = keyColumn
        self.value = value
    }

    public func keyLocation(in path: String) -> SourceLocation {
        keyLine > 0 ? SourceLocation(path: path, line: keyLine, column: keyColumn) : value.location(in: path)
    }
}
