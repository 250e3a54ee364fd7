import Foundation

/// "Did you mean" hints: the closest known name to a misspelt one, by edit distance.
///
/// Bounded work whatever the input: names longer than `longestName` characters get no hint, a
/// candidate is compared only when its length is within the allowed distance, the distance is
/// computed in a band of that width and abandoned as soon as it cannot be close enough, and the
/// answer for one (name, candidates) pair is remembered, so a name repeated through YAML aliases
/// costs one search.
public enum KeySuggestion {
    /// Names (and candidates) longer than this get no suggestion: ids are short, and a typo in a
    /// 60,000-character name is not worth the search.
    static let longestName = 64

    /// The candidate closest to `name`, if it is close enough to be a plausible typo
    /// (at most about a third of the name's characters changed, never more than 3, and never all).
    static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        guard let target = characters(of: name) else { return nil }
        let list = Array(candidates)
        let key = CacheKey(name: name, candidates: list)
        if let known = cache.value(for: key) { return known.name }
        let limit = min(3, max(1, (target.count + 2) / 3))
        var best: (name: String, distance: Int)?
        for candidate in list where candidate != name {
            // Later candidates must be strictly closer than the best so far (the first one wins ties).
            let bound = min(limit, target.count - 1, (best?.distance ?? Int.max) - 1)
            guard bound >= 0, let other = characters(of: candidate),
                  let distance = editDistance(target, other, atMost: bound) else { continue }
            best = (candidate, distance)
        }
        cache.store(Cached(name: best?.name), for: key)
        return best?.name
    }

    /// `; did you mean `x`?` or the empty string.
    public static func hint(for name: String, among candidates: some Sequence<String>) -> String {
        closest(to: name, among: candidates).map { "; did you mean `\($0)`?" } ?? ""
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbouring characters each cost 1.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        return editDistance(a, b, atMost: max(a.count, b.count)) ?? max(a.count, b.count)
    }

    /// The optimal-string-alignment distance of `a` and `b` when it is at most `bound`, else `nil`.
    /// Only the cells within `bound` of the diagonal are computed (a path leaving that band costs
    /// more than `bound`), and the computation stops at the first row whose cells all exceed it:
    /// O(min(|a|, |b|) × bound) work.
    static func editDistance(_ a: [Character], _ b: [Character], atMost bound: Int) -> Int? {
        let n = a.count, m = b.count
        guard bound >= 0, abs(n - m) <= bound else { return nil }
        if n == 0 || m == 0 { return max(n, m) }
        let over = bound + 1  // any value above the bound; cells outside the band hold it
        var before = [Int](repeating: over, count: m + 1)
        var previous = (0 ... m).map { min($0, over) }
        var current = [Int](repeating: over, count: m + 1)
        for i in 1 ... n {
            let low = max(1, i - bound), high = min(m, i + bound)
            current[0] = min(i, over)
            if low > 1 { current[low - 1] = over }
            var rowMinimum = current[0]
            for j in low ... high {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                value = min(value, over)
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if high < m { current[high + 1] = over }
            if rowMinimum > bound { return nil }
            (before, previous, current) = (previous, current, before)
        }
        return previous[m] <= bound ? previous[m] : nil
    }

    /// The characters of `text`, or `nil` when it has more than `longestName` (read no further).
    private static func characters(of text: String) -> [Character]? {
        var result: [Character] = []
        for character in text {
            guard result.count < longestName else { return nil }
            result.append(character)
        }
        return result
    }

    // MARK: Memo

    private struct CacheKey: Hashable {
        let name: String
        let candidates: [String]
    }

    private struct Cached {
        let name: String?
    }

    /// The last answers, shared by every thread (loading runs in parallel in `compare`).
    private static let cache = Memo()

    private final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var answers: [CacheKey: Cached] = [:]
        /// Enough for the unknown names of one file; cleared when full.
        private let capacity = 256

        func value(for key: CacheKey) -> Cached? {
            lock.lock(); defer { lock.unlock() }
            return answers[key]
        }

        func store(_ value: Cached, for key: CacheKey) {
            lock.lock(); defer { lock.unlock() }
            if answers.count >= capacity { answers.removeAll(keepingCapacity: true) }
            answers[key] = value
        }
    }
}
