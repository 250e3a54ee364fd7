/// Errors thrown by the `Sampling` module's initializers.
public enum SamplingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A Sobol sequence was asked for fewer than 1 or more than `maximum` dimensions.
    case dimensionsOutOfRange(requested: Int, maximum: Int)

    public var description: String {
        switch self {
        case let .dimensionsOutOfRange(requested, maximum):
            "a Sobol sequence has 1 to \(maximum) dimensions, \(requested) were requested"
        }
    }
}
