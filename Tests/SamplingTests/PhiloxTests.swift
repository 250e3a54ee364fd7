import Testing
import Sampling

@Suite("Philox4x32-10")
struct PhiloxTests {
    /// Random123's known-answer vectors (shared/data/reference-values.md).
    @Test(arguments: [
        (SIMD4<UInt32>(0, 0, 0, 0), SIMD2<UInt32>(0, 0), SIMD4<UInt32>(0x6627_E8D5, 0xE169_C58D, 0xBC57_AC4C, 0x9B00_DBD8)),
        (SIMD4<UInt32>(repeating: .max), SIMD2<UInt32>(repeating: .max), SIMD4<UInt32>(0x408F_276D, 0x41C8_3B0E, 0xA20B_C7C6, 0x6D54_51FD)),
        (SIMD4<UInt32>(0x243F_6A88, 0x85A3_08D3, 0x1319_8A2E, 0x0370_7344), SIMD2<UInt32>(0xA409_3822, 0x299F_31D0),
         SIMD4<UInt32>(0xD16C_FE09, 0x94FD_CCEB, 0x5001_E420, 0x2412_6EA1)),
    ])
    func knownAnswers(counter: SIMD4<UInt32>, key: SIMD2<UInt32>, expected: SIMD4<UInt32>) {
        #expect(Philox4x32.block(counter: counter, key: key) == expected)
    }

    /// Neighbouring counters and keys give unrelated blocks (about half the 128 bits differ).
    @Test func avalanche() {
        let base = Philox4x32.block(counter: SIMD4(1, 2, 3, 4), key: SIMD2(5, 6))
        for changed in [Philox4x32.block(counter: SIMD4(0, 2, 3, 4), key: SIMD2(5, 6)),
                        Philox4x32.block(counter: SIMD4(1, 2, 3, 5), key: SIMD2(5, 6)),
                        Philox4x32.block(counter: SIMD4(1, 2, 3, 4), key: SIMD2(5, 7))] {
            let x = base ^ changed
            let flipped = x.x.nonzeroBitCount + x.y.nonzeroBitCount + x.z.nonzeroBitCount + x.w.nonzeroBitCount
            #expect(flipped > 40 && flipped < 88)
        }
    }
}
