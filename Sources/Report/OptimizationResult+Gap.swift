import Analysis

extension OptimizationResult {
    /// Whether the relative gap `|bound − objective| / |objective|` says something a reader can
    /// use: not when the incumbent is 0 or nearly (building nothing, or a design worth nothing in
    /// the objective: the gap is then over 10,000 × the incumbent, or the incumbent under 1e-9),
    /// where the division by a number near 0 prints figures like 8,792,233,396,358 %. `solve`'s
    /// table and the board report then say so in words instead of a percentage. A gap of 0 (the
    /// bound met) always reads as one.
    var hasReadableRelativeGap: Bool {
        guard let gap else { return false }
        return gap <= 1e-12 || (abs(mipObjective ?? 0) >= 1e-9 && gap <= 1e4)
    }
}
