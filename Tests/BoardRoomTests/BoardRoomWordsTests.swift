import BoardRoom
import Formulation
import Foundation
import Hummingbird
import HummingbirdTesting
import LPSolve
import Report
import Testing

/// The board room speaks the page's language: why a link is not built (`LinkAbsence`) in
/// Vietnamese on the Vietnamese page, with the reason's kind and parameters for the page.
@Suite("Board room words")
struct BoardRoomWordsTests {
    /// Every reason, worded in Vietnamese, shares no word with its English sentence besides the
    /// ids, the currency and "NPV" (read alike in both languages): no English left in it.
    @Test func everyReasonHasVietnameseWords() {
        let reasons: [LinkAbsence] = [
            .permitDelay(earliestYear: 2040), .facilityNotBuilt(facility: "water_reuse_plant"),
            .noPayback(bestNPV: -48_765_520), .budget(payer: "cement_grinding", ownCapex: 920_000, left: 500_000),
            .supplyTaken(by: ["ash_to_cement"]), .needTaken(by: ["ash_to_cement", "slag_to_cement"]),
            .notChosen(bestNPV: 1_250_000, beforeFacilityCosts: true),
            .notReached(bestNPV: 1_250_000, beforeFacilityCosts: false),
        ]
        func words(_ text: String) -> Set<String> {
            Set(text.split { !$0.isLetter && $0 != "_" }.map { $0.lowercased() }.filter { $0.count >= 2 })
        }
        let shared: Set<String> = ["usd", "npv", "water_reuse_plant", "cement_grinding", "ash_to_cement", "slag_to_cement"]
        for reason in reasons {
            let en = reason.sentence(.en, currency: "USD"), vi = reason.sentence(.vi, currency: "USD")
            #expect(en == reason.sentence(currency: "USD"), "English is Formulation's one sentence")
            #expect(words(en).intersection(words(vi)).subtracting(shared).isEmpty, "\(vi) | \(en)")
            #expect(!reason.parameters.isEmpty)
        }
        // The budget's amounts as Vietnamese writes money (`NumberStyle.money`): 920,0 nghìn USD.
        #expect(LinkAbsence.budget(payer: "c", ownCapex: 920_000, left: 500_000).sentence(.vi, currency: "USD")
                == "vượt ngân sách của c: cần 920,0 nghìn USD vốn tự có và giấy phép, chỉ còn 500,0 nghìn USD")
    }

    /// tiny.yaml's status quo in Vietnamese: each unbuilt link's reason is the Vietnamese
    /// sentence (not the English one the English page gets), with its kind and parameters.
    @Test func vietnameseEvaluationHasNoEnglishReason() async throws {
        let (room, folder) = try BoardRoomAPITests.room()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: room.router(allowedHosts: nil)).test(.router) { client in
            var texts: [String: [String: String]] = [:]
            for lang in ["en", "vi"] {
                let body = BoardRoomAPITests.body(["policies": [], "overrides": [:] as [String: Double], "samples": 0, "lang": lang])
                try await client.execute(uri: "/api/evaluate", method: .post, body: body) { response in
                    #expect(response.status == .ok)
                    let evaluation = BoardRoomAPITests.object(response)["evaluation"] as? [String: Any] ?? [:]
                    for x in evaluation["exchanges"] as? [[String: Any]] ?? [] {
                        guard let id = x["id"] as? String, let why = x["not_built_because"] as? [String: Any] else { continue }
                        #expect(why["reason"] is String && why["parameters"] is [String: Any], "\(why)")
                        texts[lang, default: [:]][id] = why["text"] as? String
                    }
                }
            }
            let en = texts["en"] ?? [:], vi = texts["vi"] ?? [:]
            #expect(!en.isEmpty, "tiny's status quo leaves a link unbuilt for a reason")
            #expect(Set(en.keys) == Set(vi.keys))
            let english = ["is not built", "budget", "payback", "supply", "optimum", "need is met", "permit allows"]
            for (id, text) in vi {
                #expect(text != en[id], "\(id): \(text)")
                #expect(!english.contains { text.contains($0) }, "\(id): \(text)")
            }
        }
    }
}

/// The setting named in the reader's words, on the map and in the pinned table.
@Suite("Board room setting words")
struct BoardRoomSettingWordsTests {
    /// tiny.yaml: no policy is "Today's rules" / "Quy định hiện hành" (the compare report's word, not
    /// the id `baseline`); a moved lever is its label, value and unit, in each language.
    @Test func settingInWords() throws {
        let park = try BoardRoomPark(file: BoardRoomAPITests.tiny, backend: LPSolver(), timeLimit: 60)
        #expect(park.words(for: BoardSetting(), language: .en) == "Today's rules")
        #expect(park.words(for: BoardSetting(), language: .vi) == "Quy định hiện hành")
        let fee = BoardSetting(policies: ["landfill_tax"], overrides: ["resources.fly_ash.disposal_cost": 25])
        let en = park.words(for: fee, language: .en), vi = park.words(for: fee, language: .vi)
        #expect(en.hasPrefix("Landfill tax · ") && en.hasSuffix(" 25 USD/t"), "\(en)")
        #expect(vi.hasPrefix("Thuế chôn lấp · ") && vi.hasSuffix(" 25 USD/tấn"), "\(vi)")
        #expect(!en.contains("disposal_cost") && !vi.contains("baseline"))
    }

    /// The Vietnamese map's title names the setting in Vietnamese.
    @Test func mapTitleInTheReadersWords() async throws {
        let (room, folder) = try BoardRoomAPITests.room()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Application(router: room.router(allowedHosts: nil)).test(.router) { client in
            let body = BoardRoomAPITests.body(["policies": [], "overrides": [:] as [String: Double], "samples": 0, "lang": "vi"])
            try await client.execute(uri: "/api/evaluate", method: .post, body: body) { response in
                let evaluation = BoardRoomAPITests.object(response)["evaluation"] as? [String: Any] ?? [:]
                let svg = evaluation["map_svg"] as? String ?? ""
                #expect(svg.contains("Quy định hiện hành"))
                #expect(!svg.contains("— baseline"))
                #expect((evaluation["setting"] as? [String: Any])?["words"] as? String == "Quy định hiện hành")
            }
        }
    }
}

/// Warm starts through the API: a lever move is solved from the page's last design and
/// answers what a server that never saw the earlier setting answers.
@Suite("Board room warm start", .serialized)
struct BoardRoomWarmStartTests {
    @Test func leverMoveStartsFromTheLastDesignWithTheSameAnswer() async throws {
        func npv(_ room: BoardRoom, _ fees: [Double]) async throws -> Double? {
            try await Application(router: room.router(allowedHosts: nil)).test(.router) { client in
                var last: Double?
                for fee in fees {
                    let body = BoardRoomAPITests.body(["policies": ["legal_reform"], "overrides": ["resources.fly_ash.disposal_cost": fee],
                                                       "samples": 0, "session": "page"])
                    last = try await client.execute(uri: "/api/evaluate", method: .post, body: body) { response in
                        #expect(response.status == .ok)
                        return BoardRoomAPITests.number(BoardRoomAPITests.object(response)["evaluation"] as? [String: Any] ?? [:], "economic.npv")
                    }
                }
                return last
            }
        }
        let (warmRoom, f1) = try BoardRoomAPITests.room()
        defer { try? FileManager.default.removeItem(atPath: f1) }
        let (coldRoom, f2) = try BoardRoomAPITests.room()
        defer { try? FileManager.default.removeItem(atPath: f2) }
        let warm = try await npv(warmRoom, [25, 30])
        let cold = try await npv(coldRoom, [30])
        #expect(warmRoom.warmStartCount == 1, "the move to 30 started from the design at 25")
        #expect(coldRoom.warmStartCount == 0)
        let w = try #require(warm), c = try #require(cold)
        #expect(c != 0 && abs(w - c) <= 1e-6 * max(1, abs(c)))
    }
}
