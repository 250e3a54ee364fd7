/// The open nodes of a branch and bound: a binary max-heap, best bound first, or deepest
/// first (`depthFirst`) while no incumbent is known.
struct NodeQueue<Element> {
    private var items: [(bound: Double, depth: Int, sequence: Int, element: Element)] = []
    private var sequence = 0
    /// Deepest node first (ties: best bound), to reach a first feasible point.
    private(set) var depthFirst = false

    var isEmpty: Bool { items.isEmpty }
    /// The largest bound among the open nodes.
    var bestBound: Double? { depthFirst ? items.map(\.bound).max() : items.first?.bound }

    /// Switches the order (and rebuilds the heap).
    mutating func setDepthFirst(_ on: Bool) {
        guard on != depthFirst else { return }
        depthFirst = on
        let all = items
        items = []
        for item in all.sorted(by: { $0.sequence < $1.sequence }) { insert(item) }
    }

    /// Adds a node; among equal keys the earlier node comes out first.
    mutating func push(_ element: Element, bound: Double, depth: Int) {
        sequence += 1
        insert((bound, depth, sequence, element))
    }

    private mutating func insert(_ item: (bound: Double, depth: Int, sequence: Int, element: Element)) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(child, parent) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the node with the largest bound.
    mutating func popNext() -> (bound: Double, element: Element)? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var best = parent
            if left < items.count && precedes(left, best) { best = left }
            if right < items.count && precedes(right, best) { best = right }
            if best == parent { break }
            items.swapAt(parent, best)
            parent = best
        }
        return (top.bound, top.element)
    }

    /// Drops every node whose bound is at most `limit` (they cannot beat the incumbent);
    /// returns the largest bound dropped and how many dropped nodes satisfy `counted`.
    @discardableResult
    mutating func prune(atMost limit: Double, counting counted: (Element) -> Bool = { _ in false }) -> (bound: Double?, counted: Int) {
        let kept = items.filter { $0.bound > limit }
        guard kept.count != items.count else { return (nil, 0) }
        let dropped = items.filter { $0.bound <= limit }
        items = []
        for item in kept.sorted(by: { $0.sequence < $1.sequence }) { insert(item) }
        return (dropped.map(\.bound).max(), dropped.filter { counted($0.element) }.count)
    }

    private func precedes(_ a: Int, _ b: Int) -> Bool {
        let x = items[a], y = items[b]
        if depthFirst && x.depth != y.depth { return x.depth > y.depth }
        return x.bound > y.bound || (x.bound == y.bound && x.sequence < y.sequence)
    }
}
