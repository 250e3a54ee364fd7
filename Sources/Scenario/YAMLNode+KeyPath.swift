import Yams

/// Why a dotted key path could not be followed through a YAML tree.
struct KeyPathFailure: Error, Equatable {
    enum Reason: Equatable {
        /// The mapping at `parentPath` has no key `segment`.
        case missingKey
        /// The node at `parentPath` is a scalar, so it has no keys.
        case notAContainer
        /// `segment` is not an index of the list at `parentPath` (which has `count` items).
        case badIndex(count: Int)
    }

    var reason: Reason
    /// Path of the node where following stopped (`""` = the root).
    var parentPath: String
    var segment: String
    /// The keys that do exist at `parentPath`, for a did-you-mean hint.
    var candidates: [String]

    /// "`resources.fly_ash` has no key `disposal_cst`; did you mean `disposal_cost`?"
    var explanation: String {
        let parent = parentPath.isEmpty ? "the top level" : "`\(parentPath)`"
        switch reason {
        case .missingKey:
            let hint = KeySuggestion.hint(for: segment, among: candidates)
            let known = hint.isEmpty && !candidates.isEmpty
                ? " (it has: \(candidates.joined(separator: ", ")))" : hint
            return "\(parent) has no key `\(segment)`\(known)"
        case .notAContainer:
            return "\(parent) is a single value, so it has no key `\(segment)`"
        case let .badIndex(count):
            return "`\(segment)` is not an index of the list \(parent), which has \(count) items"
        }
    }
}

extension Node {
    /// This tree with the node at the dotted path `segments` replaced by `value`.
    ///
    /// Keys may themselves contain dots (`uncertainty.prices.fly_ash.disposal_cost`): at each
    /// mapping the longest run of segments that names an existing key is taken. A list is indexed
    /// by a number segment. A key that does not exist is an error unless `mayCreate` allows its
    /// path, in which case it is added (with empty mappings on the way) at `value`'s location.
    func replacing(_ segments: ArraySlice<String>, with value: Node, path: String = "",
                   mayCreate: (String) -> Bool) -> Result<Node, KeyPathFailure> {
        guard let head = segments.first else { return .success(value) }
        switch self {
        case let .mapping(mapping):
            var pairs = mapping.map { (key: $0.key, value: $0.value) }
            for count in stride(from: segments.count, through: 1, by: -1) {
                let key = segments.prefix(count).joined(separator: ".")
                guard let index = pairs.firstIndex(where: { $0.key.scalar?.string == key }) else { continue }
                let child = pairs[index].value.replacing(segments.dropFirst(count), with: value,
                                                         path: path.appendingKey(key), mayCreate: mayCreate)
                guard case let .success(newChild) = child else { return child }
                pairs[index].value = newChild
                return .success(.mapping(Node.Mapping(pairs.map { ($0.key, $0.value) }, mapping.tag, mapping.style,
                                                      mapping.mark)))
            }
            let childPath = path.appendingKey(head)
            guard mayCreate(childPath) else {
                return .failure(KeyPathFailure(reason: .missingKey, parentPath: path, segment: head,
                                               candidates: pairs.compactMap { $0.key.text }))
            }
            let created = Node.emptyMapping(at: value.mark)
                .replacing(segments.dropFirst(), with: value, path: childPath, mayCreate: mayCreate)
            guard case let .success(newChild) = created else { return created }
            pairs.append((key: .scalar(Node.Scalar(head, .implicit, .plain, value.mark)), value: newChild))
            return .success(.mapping(Node.Mapping(pairs.map { ($0.key, $0.value) }, mapping.tag, mapping.style,
                                                  mapping.mark)))
        case let .sequence(sequence):
            var items = Array(sequence)
            guard let index = Int(head), items.indices.contains(index) else {
                return .failure(KeyPathFailure(reason: .badIndex(count: items.count), parentPath: path,
                                               segment: head, candidates: []))
            }
            let child = items[index].replacing(segments.dropFirst(), with: value, path: path.appendingKey(head),
                                               mayCreate: mayCreate)
            guard case let .success(newChild) = child else { return child }
            items[index] = newChild
            return .success(.sequence(Node.Sequence(items, sequence.tag, sequence.style, sequence.mark)))
        case .scalar:
            if isNull, mayCreate(path.appendingKey(head)) {
                return Node.emptyMapping(at: mark).replacing(segments, with: value, path: path, mayCreate: mayCreate)
            }
            return .failure(KeyPathFailure(reason: .notAContainer, parentPath: path, segment: head, candidates: []))
        }
    }

    /// Why `segments` cannot be followed from this node (the same rules as `replacing`), or `nil`.
    func failureToFollow(_ segments: ArraySlice<String>, path: String = "",
                         mayCreate: (String) -> Bool) -> KeyPathFailure? {
        guard let head = segments.first else { return nil }
        switch self {
        case let .mapping(mapping):
            for count in stride(from: segments.count, through: 1, by: -1) {
                let key = segments.prefix(count).joined(separator: ".")
                guard let child = mapping.first(where: { $0.key.scalar?.string == key })?.value else { continue }
                return child.failureToFollow(segments.dropFirst(count), path: path.appendingKey(key), mayCreate: mayCreate)
            }
            if mayCreate(path.appendingKey(head)) {
                return Node.emptyMapping(at: nil)
                    .failureToFollow(segments.dropFirst(), path: path.appendingKey(head), mayCreate: mayCreate)
            }
            return KeyPathFailure(reason: .missingKey, parentPath: path, segment: head,
                                  candidates: mapping.compactMap { $0.key.text })
        case let .sequence(sequence):
            guard let index = Int(head), index >= 0, index < sequence.count else {
                return KeyPathFailure(reason: .badIndex(count: sequence.count), parentPath: path, segment: head,
                                      candidates: [])
            }
            return Array(sequence)[index].failureToFollow(segments.dropFirst(), path: path.appendingKey(head),
                                                          mayCreate: mayCreate)
        case .scalar:
            if isNull, mayCreate(path.appendingKey(head)) {
                return Node.emptyMapping(at: nil).failureToFollow(segments, path: path, mayCreate: mayCreate)
            }
            return KeyPathFailure(reason: .notAContainer, parentPath: path, segment: head, candidates: [])
        }
    }

    /// `{}` located at `mark`.
    static func emptyMapping(at mark: Mark?) -> Node {
        .mapping(Node.Mapping([], .implicit, .any, mark))
    }

    /// The first `key:` entry of a mapping, compared as text.
    func entry(forKey key: String) -> (key: Node, value: Node)? {
        guard case let .mapping(mapping) = self else { return nil }
        return mapping.first { $0.key.text == key }
    }
}
