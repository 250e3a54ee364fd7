/// Limits shared by every sampling method.
public enum SampleLimits {
    /// The most samples a study can draw: 2³². Philox counters, Sobol point indices and Latin
    /// hypercube strata are all indexed by 32 bits, so sample 2³² would repeat sample 0.
    public static let maximumSamples = 1 << 32
}
