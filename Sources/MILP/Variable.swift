/// A decision variable of one `Model`: a handle holding its column index.
///
/// Handles are cheap values; the variable's name, bounds and kind live in the model
/// (`Model.variables`). A handle remembers which model made it, so that using it in
/// another model is reported as `ModelError.foreignVariable` instead of silently
/// addressing the wrong column.
public struct Variable: Hashable, Sendable, CustomStringConvertible {
    /// Zero-based column index in the model that created it.
    public let index: Int
    /// Identity of the model that created it.
    let modelID: UInt64

    init(index: Int, modelID: UInt64) {
        self.index = index
        self.modelID = modelID
    }

    public var description: String { "x\(index)" }
}

/// Whether a variable may take any real value in its bounds, or only whole numbers.
public enum VariableKind: String, Sendable, Equatable, CaseIterable {
    case continuous
    case integer
    /// An integer variable with bounds [0, 1].
    case binary
}

/// What a model stores about one column.
public struct VariableInfo: Sendable, Equatable {
    public var name: String
    public var lower: Double
    public var upper: Double
    public var kind: VariableKind

    public init(name: String, lower: Double, upper: Double, kind: VariableKind) {
        self.name = name
        self.lower = lower
        self.upper = upper
        self.kind = kind
    }

    /// Integer or binary.
    public var isInteger: Bool { kind != .continuous }

    /// Whether every integer value of the column is 0 or 1 (a binary, or an integer column
    /// with bounds within [0, 1]).
    public var isZeroOne: Bool { isInteger && lower >= 0 && upper <= 1 }
}
