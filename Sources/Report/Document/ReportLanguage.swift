import Scenario

/// The language of a board report: English, or Vietnamese for the board in Ho Chi Minh City.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case en, vi

    /// The report's words in this language.
    public func callAsFunction(_ phrase: Phrase) -> String {
        switch self {
        case .en: return phrase.english
        case .vi: return phrase.vietnamese
        }
    }

    /// Numbers as the language writes them: `1,234,567` in English, `1.234.567` in Vietnamese
    /// (`NumberStyle.number`, where every output's numbers are written).
    public func grouped(_ value: Double, decimals: Int = 0) -> String { style.number(value, decimals: decimals) }

    /// How this language writes numbers, years and money.
    public var style: NumberStyle { NumberStyle(self) }

    /// A physical unit as the language writes it: in Vietnamese `t` is `tấn`, `kg` is `kg`,
    /// `m3` is `m³` (as a Vietnamese analyst writes it); other units (MWh, GJ) are written as
    /// the scenario gives them.
    public func unit(_ unit: String) -> String {
        guard self == .vi else { return unit }
        switch unit {
        case "t": return "tấn"
        case "m3": return "m³"
        default: return unit
        }
    }

    /// A resource as the reader names it: its `name_vi` in Vietnamese when the scenario gives
    /// one, else its id (names from the scenario stay as given).
    public func resource(_ id: String, in scenario: Scenario) -> String {
        self == .vi ? scenario.resource(id)?.nameVi ?? id : id
    }

    /// A company (or a facility, which has no Vietnamese name) as the reader names it: its
    /// `name_vi` in Vietnamese when the scenario gives one, else its id.
    public func company(_ id: String, in scenario: Scenario) -> String {
        self == .vi ? scenario.companies.first(where: { $0.id == id })?.nameVi ?? id : id
    }

    /// A share as a percentage with one decimal.
    public func percent(_ share: Double) -> String { style.percent(share) }
}

/// Every phrase of the board report, in English and Vietnamese.
public enum Phrase: Sendable, CaseIterable {
    case reportTitle, recommendation, summary, option, rank, score, status, parkNPV, publicCost, co2eAvoided
    case wasteDiverted, waterSaved, jobs, companies, exchangesBuilt, probabilityOfLoss, costPerTonne
    case npvP10, npvP50, npvP90, dominance, noDominance, ifeipHeading, ifeipIntro, category, indicator, value
    case environmental, social, economic, climate, water, wasteAndMaterials, energy, employment, valueCreation, localBusiness
    case detailsHeading, mapCaption, histogramCaption, cdfCaption, fanCaption, built, exchange, fromTo, year, firstYearFlow
    case transfer, transfersHeading, losersHeading, noLosers, assumptionsHeading, sourcesIntro, horizon, discountRate
    case residualValueLine, residualIncluded, residualNotIncluded
    case carbonPrice, currency, samples, riskHeading, notProven, noDesign, optimal, timeLimit, nodeLimit, paidBy, none, policyChanges
    case stoppedByUser, solutionLimitStop, solverStopped, gap, gapNotAPercentage
    case quantileNote, rankingNote, publicCostNote, npvAxis, probabilityAxis, cashFlowAxis, samplesAxis, yearAxis
    case simulationNote, weightsLine, facilities, buildsNothing, buildsNothingFound, recommendsNothing, tornadoHeading, tornadoCaption, parameter, range, designSwitch
    case accountsHeading, accountsIntro, firmsAccount, operatorAccount, publicAccount, externalities, societyAccount
    case grants, interestSubsidy, feeRevenue, carbonRevenue, publicCostNet, firmGainsHeading, gainVsStatusQuo, gainP10
    case socialCostOfCarbonLine, responseNote, responseNoteStopped, additionalCO2e, materialsReplaced, npvBeforeTransfers, npvAfterTransfers
    case todaysRulesOption, sameDesignHeading, sameDesignNote, notApplicable

    var english: String {
        switch self {
        case .reportTitle: return "Policy options for the eco-industrial park"
        case .recommendation: return "Recommendation"
        case .todaysRulesOption: return "Today's rules"
        case .notApplicable: return "n/a"
        case .sameDesignHeading: return "Options with one design:"
        case .sameDesignNote: return "These options lead to the same design: the same links and facilities, built in the same years, with the same flows. The map and the risk charts are those of the first, ranked highest; each option's transfers and firms' gains follow, and the tables above give each option's figures."
        case .summary: return "Options side by side"
        case .option: return "Option"
        case .rank: return "Rank"
        case .score: return "Score"
        case .status: return "Solver status"
        case .parkNPV: return "Park NPV"
        case .publicCost: return "Net public cost (PV)"
        case .co2eAvoided: return "CO2e avoided (t)"
        case .wasteDiverted: return "Waste diverted"
        case .waterSaved: return "Water saved (m3)"
        case .jobs: return "Jobs (FTE-years)"
        case .companies: return "Companies taking part"
        case .exchangesBuilt: return "Exchanges built"
        case .probabilityOfLoss: return "Probability of loss"
        case .costPerTonne: return "Public cost per additional t CO2e"
        case .npvP10: return "NPV P10"
        case .npvP50: return "NPV P50"
        case .npvP90: return "NPV P90"
        case .dominance: return "dominates (at least as good on every criterion, better on one)"
        case .noDominance: return "No option dominates another on all criteria."
        case .ifeipHeading: return "Indicators by category of the International Framework for Eco-Industrial Parks"
        case .ifeipIntro: return "Categories of the International Framework for Eco-Industrial Parks (UNIDO, World Bank, GIZ, 2021), for the highest-ranked option."
        case .category: return "Category"
        case .indicator: return "Indicator"
        case .value: return "Value"
        case .environmental: return "Environmental"
        case .social: return "Social"
        case .economic: return "Economic"
        case .climate: return "Climate: CO2e avoided over the horizon"
        case .water: return "Water: water saved over the horizon"
        case .wasteAndMaterials: return "Waste and material use: waste diverted from disposal"
        case .materialsReplaced: return "Waste and material use: virgin materials replaced"
        case .npvBeforeTransfers: return "Firm NPV before transfers"
        case .npvAfterTransfers: return "Firm NPV after transfers"
        case .energy: return "Energy: energy inputs replaced over the horizon"
        case .employment: return "Employment: jobs created (FTE-years)"
        case .valueCreation: return "Value creation: park NPV relative to no symbiosis"
        case .localBusiness: return "Local business: companies taking part / links built"
        case .detailsHeading: return "Option"
        case .mapCaption: return "Map of the park: companies and facilities at their locations; arrows are the links built, labelled with their first full year's flow."
        case .histogramCaption: return "Distribution of the park NPV over the Monte Carlo samples, with P10, P50 and P90 marked."
        case .cdfCaption: return "Cumulative distribution of the park NPV: the share of samples at or below each value."
        case .fanCaption: return "Yearly park cash flow (nominal): median, 10–90 % and 5–95 % bands over the samples."
        case .built: return "Built"
        case .exchange: return "Link"
        case .fromTo: return "From → to"
        case .year: return "Year"
        case .firstYearFlow: return "Flow, first full year"
        case .transfer: return "Transfer (PV)"
        case .transfersHeading: return "Transfers that make every company win"
        case .losersHeading: return "Companies that would lose without transfers"
        case .noLosers: return "No company loses money in this design, even without transfers."
        case .assumptionsHeading: return "Assumptions and data sources"
        case .sourcesIntro: return "The scenario file's own notes on its figures and their sources:"
        case .horizon: return "Horizon"
        case .discountRate: return "Discount rate"
        case .residualValueLine: return "Residual value at the horizon's end"
        case .residualIncluded: return "included (what each asset's last year earns over its remaining life, at most its straight-line book value)"
        case .residualNotIncluded: return "not included (nothing built keeps a value after the horizon)"
        case .carbonPrice: return "Carbon price"
        case .currency: return "Currency"
        case .samples: return "Monte Carlo samples"
        case .riskHeading: return "Risk of the design"
        case .notProven: return "not proven optimal"
        case .noDesign: return "no design found"
        case .optimal: return "optimal"
        case .timeLimit: return "time limit"
        case .nodeLimit: return "node limit"
        case .stoppedByUser: return "stopped by the user"
        case .solutionLimitStop: return "stopped at a solution limit"
        case .solverStopped: return "solver stopped"
        case .gap: return "gap"
        case .gapNotAPercentage: return "not a percentage: the design found is worth 0, or nearly, in the objective"
        case .paidBy: return "paid by"
        case .none: return "none"
        case .policyChanges: return "What the option changes"
        case .quantileNote: return "P10/P50/P90 are the values with 10/50/90 % of the samples at or below them; an industry \"P90\" (exceeded with 90 % probability) is the P10 here."
        case .rankingNote: return "Score: the objective weights of the scenario applied to the value to society, the CO2e avoided beyond the status quo and the jobs, each divided by its range in the status quo's payoff table (a fixed scale: an option's score does not depend on which other options are compared). Dominance is judged on value to society, net public cost, firms' gain, CO2e, waste, water, jobs, the smallest firm gain and the number of firms that lose."
        case .publicCostNote: return "Public cost is the net cost to the public budget against the status quo: grants and interest subsidy, less the change in fee and carbon-charge revenue (negative: a net revenue). Cost per t CO2e divides it by the CO2e avoided beyond the status quo (n/a where nothing more is avoided)."
        case .npvAxis: return "Park NPV"
        case .probabilityAxis: return "Share of samples"
        case .cashFlowAxis: return "Park cash flow"
        case .samplesAxis: return "Samples"
        case .yearAxis: return "Year"
        case .simulationNote: return "The design is kept fixed; each year's flows are re-optimized for the sample's prices and volumes."
        case .weightsLine: return "Objective weights (economic, environmental, social)"
        case .accountsHeading: return "Who gains and who pays"
        case .accountsIntro: return "Each option against one status quo, today's rules with nothing built; present values, as changes from the status quo. Fees, carbon charges, grants and the interest subsidy move money between the firms and the public budget: they cancel in the value to society, which counts only real costs and savings and CO2e at the social cost of carbon."
        case .firmsAccount: return "Firms"
        case .operatorAccount: return "Park operator"
        case .publicAccount: return "Public budget"
        case .externalities: return "External effects at shadow prices"
        case .societyAccount: return "Value to society"
        case .grants: return "Grants"
        case .interestSubsidy: return "Interest subsidy"
        case .feeRevenue: return "Fee revenue change"
        case .carbonRevenue: return "Carbon-charge revenue change"
        case .publicCostNet: return "Net public cost"
        case .firmGainsHeading: return "Each firm's gain against the status quo"
        case .gainVsStatusQuo: return "Gain (PV)"
        case .gainP10: return "Gain P10 (Monte Carlo)"
        case .socialCostOfCarbonLine: return "Social cost of carbon (shadow price of CO2e in the value to society)"
        case .responseNote: return "Each option's design is the park's own optimum under that option's prices: the model shows how the firms would respond; this appraisal judges the result."
        case .responseNoteStopped: return "Where an option's search stopped before it proved the optimum (its solver status says so), its design is the best one found in the time, and a better one may exist."
        case .additionalCO2e: return "additional t CO2e avoided"
        case .facilities: return "Facilities built"
        case .tornadoHeading: return "Which assumptions move the answer"
        case .tornadoCaption: return "Tornado: park NPV with each parameter at the low (blue) and high (orange) end of its range, the design re-optimized; * marks a parameter whose range changes which links are built."
        case .parameter: return "Parameter"
        case .range: return "Range"
        case .designSwitch: return "Design changes"
        case .buildsNothing: return "The optimal design under this option builds no link and no facility: nothing changes from today, so there is no risk to show."
        case .buildsNothingFound: return "The best design found under this option builds no link and no facility (the search stopped before it proved the optimum): nothing changes from today in it, so there is no risk to show."
        case .recommendsNothing: return "No option is recommended: the highest-ranked option builds no link and no facility, so no design found does better than the status quo under the scenario's objective weights"
        }
    }

    var vietnamese: String {
        switch self {
        case .reportTitle: return "Các phương án chính sách cho khu công nghiệp sinh thái"
        case .recommendation: return "Khuyến nghị"
        case .todaysRulesOption: return "Quy định hiện hành"
        case .notApplicable: return "không áp dụng"
        case .sameDesignHeading: return "Các phương án có cùng thiết kế:"
        case .sameDesignNote: return "Các phương án này dẫn đến cùng một thiết kế: cùng các liên kết và công trình dùng chung, xây dựng cùng năm, với cùng lưu lượng. Sơ đồ và các biểu đồ rủi ro là của phương án xếp hạng cao nhất; bên dưới là khoản chuyển giao và lợi ích của doanh nghiệp theo từng phương án, còn số liệu của từng phương án có trong các bảng phía trên."
        case .summary: return "So sánh các phương án"
        case .option: return "Phương án"
        case .rank: return "Hạng"
        case .score: return "Điểm"
        case .status: return "Trạng thái bộ giải"
        case .parkNPV: return "NPV toàn khu"
        case .publicCost: return "Chi phí công ròng (giá trị hiện tại)"
        case .co2eAvoided: return "CO2e tránh được (tấn)"
        case .wasteDiverted: return "Chất thải không phải xử lý"
        case .waterSaved: return "Nước tiết kiệm được (m³)"
        case .jobs: return "Việc làm (người-năm)"
        case .companies: return "Doanh nghiệp tham gia"
        case .exchangesBuilt: return "Liên kết cộng sinh được xây dựng"
        case .probabilityOfLoss: return "Xác suất lỗ"
        case .costPerTonne: return "Chi phí công trên mỗi tấn CO2e tránh được thêm"
        case .npvP10: return "NPV P10"
        case .npvP50: return "NPV P50"
        case .npvP90: return "NPV P90"
        case .dominance: return "vượt trội hơn (không kém hơn ở mọi tiêu chí và tốt hơn ở ít nhất một tiêu chí)"
        case .noDominance: return "Không có phương án nào vượt trội hơn phương án khác ở mọi tiêu chí."
        case .ifeipHeading: return "Chỉ số theo các nhóm của Khung quốc tế về khu công nghiệp sinh thái"
        case .ifeipIntro: return "Các nhóm của Khung quốc tế về khu công nghiệp sinh thái (UNIDO, Ngân hàng Thế giới, GIZ, 2021), cho phương án xếp hạng cao nhất."
        case .category: return "Nhóm"
        case .indicator: return "Chỉ số"
        case .value: return "Giá trị"
        case .environmental: return "Môi trường"
        case .social: return "Xã hội"
        case .economic: return "Kinh tế"
        case .climate: return "Khí hậu: lượng CO2e tránh được trong cả giai đoạn"
        case .water: return "Nước: lượng nước tiết kiệm được trong cả giai đoạn"
        case .wasteAndMaterials: return "Chất thải và sử dụng vật liệu: chất thải không phải chôn lấp, xử lý"
        case .materialsReplaced: return "Chất thải và sử dụng vật liệu: nguyên liệu nguyên sinh được thay thế"
        case .npvBeforeTransfers: return "NPV của doanh nghiệp trước khoản chuyển"
        case .npvAfterTransfers: return "NPV của doanh nghiệp sau khoản chuyển"
        case .energy: return "Năng lượng: đầu vào năng lượng được thay thế trong cả giai đoạn"
        case .employment: return "Việc làm: việc làm tạo ra (người-năm)"
        case .valueCreation: return "Tạo giá trị: NPV toàn khu so với khi không có cộng sinh"
        case .localBusiness: return "Doanh nghiệp địa phương: số doanh nghiệp tham gia / số liên kết"
        case .detailsHeading: return "Phương án"
        case .mapCaption: return "Sơ đồ khu công nghiệp: doanh nghiệp và công trình dùng chung theo vị trí; mũi tên là các liên kết được xây dựng, ghi lưu lượng của năm vận hành đầy đủ đầu tiên."
        case .histogramCaption: return "Phân phối NPV toàn khu qua các mẫu Monte Carlo, có đánh dấu P10, P50 và P90."
        case .cdfCaption: return "Phân phối tích lũy của NPV toàn khu: tỷ lệ mẫu có giá trị không vượt quá mỗi mức."
        case .fanCaption: return "Dòng tiền hằng năm của khu (danh nghĩa): trung vị, dải 10–90 % và 5–95 % qua các mẫu."
        case .built: return "Xây dựng"
        case .exchange: return "Liên kết"
        case .fromTo: return "Từ → đến"
        case .year: return "Năm"
        case .firstYearFlow: return "Lưu lượng năm đầu tiên vận hành đủ năm"
        case .transfer: return "Khoản chuyển giao (giá trị hiện tại)"
        case .transfersHeading: return "Các khoản chuyển giao giúp mọi doanh nghiệp cùng có lợi"
        case .losersHeading: return "Doanh nghiệp sẽ bị lỗ nếu không có chuyển giao"
        case .noLosers: return "Không doanh nghiệp nào bị lỗ trong phương án này, kể cả khi không có chuyển giao."
        case .assumptionsHeading: return "Giả định và nguồn số liệu"
        case .sourcesIntro: return "Ghi chú của tệp kịch bản về các số liệu và nguồn của chúng:"
        case .horizon: return "Giai đoạn"
        case .discountRate: return "Tỷ lệ chiết khấu"
        case .residualValueLine: return "Giá trị còn lại cuối giai đoạn"
        case .residualIncluded: return "có tính (dòng tiền ròng năm cuối của mỗi tài sản trong thời gian sử dụng còn lại, không vượt quá giá trị sổ sách khấu hao đường thẳng)"
        case .residualNotIncluded: return "không tính (tài sản không còn giá trị sau giai đoạn)"
        case .carbonPrice: return "Giá carbon"
        case .currency: return "Đơn vị tiền tệ"
        case .samples: return "Số mẫu Monte Carlo"
        case .riskHeading: return "Rủi ro của phương án"
        case .notProven: return "chưa chứng minh được là tối ưu"
        case .noDesign: return "không tìm được phương án"
        case .optimal: return "tối ưu"
        case .timeLimit: return "hết thời gian"
        case .nodeLimit: return "đạt giới hạn số nút"
        case .stoppedByUser: return "người dùng đã dừng"
        case .solutionLimitStop: return "dừng ở giới hạn số lời giải"
        case .solverStopped: return "bộ giải dừng"
        case .gap: return "khoảng cách tối ưu"
        case .gapNotAPercentage: return "không tính được theo phần trăm vì thiết kế tìm được có giá trị mục tiêu bằng 0 hoặc gần bằng 0"
        case .paidBy: return "do bên trả"
        case .none: return "không có"
        case .policyChanges: return "Nội dung thay đổi của phương án"
        case .quantileNote: return "P10/P50/P90 là các giá trị mà 10/50/90 % số mẫu không vượt quá; “P90” theo cách gọi trong ngành (được vượt qua với xác suất 90 %) chính là P10 ở đây."
        case .rankingNote: return "Điểm: trọng số mục tiêu của kịch bản áp dụng cho giá trị đối với xã hội, lượng CO2e tránh được thêm so với hiện trạng và việc làm, mỗi tiêu chí chia cho khoảng giá trị của nó trong bảng kết quả tối ưu từng mục tiêu (payoff table) của hiện trạng (thang cố định: điểm của một phương án không phụ thuộc vào các phương án khác được so sánh). Tính vượt trội được xét trên giá trị đối với xã hội, chi phí công ròng, lợi ích của doanh nghiệp, CO2e, chất thải, nước, việc làm, lợi ích nhỏ nhất của một doanh nghiệp và số doanh nghiệp bị thiệt."
        case .publicCostNote: return "Chi phí công là chi phí ròng của ngân sách nhà nước so với hiện trạng: trợ cấp và hỗ trợ lãi suất, trừ phần thay đổi thu phí và phí carbon (số âm: nguồn thu ròng). Chi phí trên mỗi tấn CO2e chia chi phí đó cho lượng CO2e tránh được thêm so với hiện trạng (không áp dụng nếu không tránh được thêm)."
        case .npvAxis: return "NPV toàn khu"
        case .probabilityAxis: return "Tỷ lệ mẫu"
        case .cashFlowAxis: return "Dòng tiền của khu"
        case .samplesAxis: return "Số mẫu"
        case .yearAxis: return "Năm"
        case .simulationNote: return "Phương án đầu tư được giữ cố định; lưu lượng mỗi năm được tối ưu lại theo giá và khối lượng của từng mẫu."
        case .weightsLine: return "Trọng số mục tiêu (kinh tế, môi trường, xã hội)"
        case .accountsHeading: return "Ai được lợi, ai chi trả"
        case .accountsIntro: return "Mỗi phương án được so với cùng một hiện trạng: quy định hiện hành và không xây dựng gì; giá trị hiện tại, tính theo mức thay đổi so với hiện trạng. Phí, phí carbon, trợ cấp và hỗ trợ lãi suất chỉ chuyển tiền giữa doanh nghiệp và ngân sách nhà nước: chúng triệt tiêu trong giá trị đối với xã hội, vốn chỉ tính chi phí và tiết kiệm thực cùng CO2e theo chi phí xã hội của carbon."
        case .firmsAccount: return "Doanh nghiệp"
        case .operatorAccount: return "Đơn vị vận hành khu"
        case .publicAccount: return "Ngân sách nhà nước"
        case .externalities: return "Ngoại ứng theo giá mờ"
        case .societyAccount: return "Giá trị đối với xã hội"
        case .grants: return "Trợ cấp"
        case .interestSubsidy: return "Hỗ trợ lãi suất"
        case .feeRevenue: return "Thay đổi thu phí"
        case .carbonRevenue: return "Thay đổi thu phí carbon"
        case .publicCostNet: return "Chi phí công ròng"
        case .firmGainsHeading: return "Lợi ích của từng doanh nghiệp so với hiện trạng"
        case .gainVsStatusQuo: return "Lợi ích (giá trị hiện tại)"
        case .gainP10: return "P10 của lợi ích (Monte Carlo)"
        case .socialCostOfCarbonLine: return "Chi phí xã hội của carbon (giá mờ của CO2e trong giá trị đối với xã hội)"
        case .responseNote: return "Thiết kế của mỗi phương án là phương án tối ưu của chính khu công nghiệp theo giá của phương án đó: mô hình cho thấy doanh nghiệp sẽ phản ứng thế nào; phần thẩm định này đánh giá kết quả."
        case .responseNoteStopped: return "Với phương án mà quá trình tìm kiếm dừng lại trước khi chứng minh được lời giải tối ưu (xem trạng thái bộ giải), thiết kế chỉ là thiết kế tốt nhất tìm được trong thời gian cho phép và có thể tồn tại thiết kế tốt hơn."
        case .additionalCO2e: return "tấn CO2e tránh được thêm"
        case .facilities: return "Công trình dùng chung được xây dựng"
        case .tornadoHeading: return "Những giả định nào làm thay đổi kết quả"
        case .tornadoCaption: return "Biểu đồ lốc xoáy: NPV toàn khu khi mỗi tham số ở đầu thấp (xanh) và đầu cao (cam) của khoảng, phương án được tối ưu lại; dấu * đánh dấu tham số làm thay đổi các liên kết được xây dựng."
        case .parameter: return "Tham số"
        case .range: return "Khoảng"
        case .designSwitch: return "Thay đổi phương án"
        case .buildsNothing: return "Phương án tối ưu trong trường hợp này không xây dựng liên kết hay công trình nào: không có gì thay đổi so với hiện tại nên không có rủi ro để trình bày."
        case .buildsNothingFound: return "Thiết kế tốt nhất tìm được trong trường hợp này không xây dựng liên kết hay công trình nào (quá trình tìm kiếm dừng lại trước khi chứng minh được lời giải tối ưu): không có gì thay đổi so với hiện tại nên không có rủi ro để trình bày."
        case .recommendsNothing: return "Không khuyến nghị phương án nào: phương án xếp hạng cao nhất không xây dựng liên kết hay công trình nào, nên không thiết kế nào tìm được tốt hơn hiện trạng theo trọng số mục tiêu của kịch bản"
        }
    }
}
