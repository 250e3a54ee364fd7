import Sampling
/// The Shapley value of a cooperative game with transferable utility, exactly or by sampling.
///
/// For players `N = {0, …, n−1}` and worth `v` (with `v(∅) = 0`), player `i` gets
/// `φ_i = Σ_{S ⊆ N∖{i}} |S|!·(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S))` (Shapley 1953): its marginal
/// contribution averaged over the `n!` orders in which the players can join.
enum ShapleyValue {
    /// `φ` by the subset formula: `2^n` worths, each asked once (`worth` takes a bit mask, bit `i`
    /// = player `i`). The weight of a coalition of `s` others is `1 / (n · C(n−1, s))`.
    static func exact(players n: Int, worth: (UInt64) -> Double) -> [Double] {
        precondition(n >= 0 && n < 31, "exact Shapley values need fewer than 31 players")
        guard n > 0 else { return [] }
        let count = 1 << n
        var v = [Double](repeating: 0, count: count)
        for mask in 1..<count { v[mask] = worth(UInt64(mask)) }
        var binomial = [Double](repeating: 1, count: n)
        for s in 1..<n { binomial[s] = binomial[s - 1] * Double(n - s) / Double(s) }
        let weight = binomial.map { 1 / (Double(n) * $0) }
        var phi = [Double](repeating: 0, count: n)
        for mask in 0..<count {
            let size = mask.nonzeroBitCount
            guard size < n else { continue }
            for i in 0..<n where mask & (1 << i) == 0 {
                phi[i] += weight[size] * (v[mask | (1 << i)] - v[mask])
            }
        }
        return phi
    }

    /// Castro, Gómez & Tejada (2009, Computers & Operations Research 36(5):1726–1730): draw `samples`
    /// orders uniformly; `φ̂_i` is the mean of `i`'s marginal contributions `v(Pre_i(π) ∪ {i}) − v(Pre_i(π))`
    /// over them, unbiased, with standard error `s_i/√m` (`s_i` the sample standard deviation).
    /// `worth` takes the members in joining order (the caller may sort them); `v(∅) = 0`.
    /// Every order's contributions add up to `v(N)`, so the estimates are efficient.
    static func sampled(players n: Int, samples: Int, seed: UInt64, worth: ([Int]) -> Double)
        -> (value: [Double], standardError: [Double]) {
        let stream = RandomStream(seed: seed)
        var sum = [Double](repeating: 0, count: n), squares = [Double](repeating: 0, count: n)
        let m = max(1, samples)
        for k in 0..<m {
            // Fisher–Yates with the Philox draw addressed (order k, position j, "SHAP"): order k
            // depends only on the seed and k, as the Monte Carlo's samples do.
            var order = Array(0..<n)
            for j in stride(from: n - 1, to: 0, by: -1) {
                let u = stream.uniform(UInt32(truncatingIfNeeded: k), UInt32(truncatingIfNeeded: j), 0x5348_4150)
                order.swapAt(j, min(j, Int(Double(j + 1) * u)))
            }
            var members: [Int] = []
            var previous = 0.0
            for i in order {
                members.append(i)
                let current = worth(members)
                let contribution = current - previous
                sum[i] += contribution
                squares[i] += contribution * contribution
                previous = current
            }
        }
        let count = Double(m)
        let mean = sum.map { $0 / count }
        let error = (0..<n).map { i -> Double in
            guard m > 1 else { return .infinity }
            let variance = max(0, (squares[i] - count * mean[i] * mean[i]) / (count - 1))
            return (variance / count).squareRoot()
        }
        return (mean, error)
    }
}
