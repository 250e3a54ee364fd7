import Foundation

/// How every output writes a number, in one place: digits grouped and decimals marked as the
/// language writes them (Foundation's locale-aware number format: `1,234,567.8` in English,
/// `1.234.567,8` in Vietnamese), years never grouped, money scaled to the reader.
///
/// ```swift
/// let vi = NumberStyle(.vi)
/// vi.number(1_332_762.9)                      // "1.332.763"
/// vi.year(2025)                               // "2025"
/// vi.money(1_332_762_945_635, currency: "VND") // "1.332,8 tỷ đồng"
/// NumberStyle(.en).money(14_999_626, currency: "USD") // "15.0 million USD"
/// ```
public struct NumberStyle: Sendable, Equatable {
    public var language: ReportLanguage

    public init(_ language: ReportLanguage = .en) { self.language = language }

    private var locale: Locale { Locale(identifier: language == .vi ? "vi_VN" : "en_US") }

    /// `value` with `decimals` decimals, digits grouped; never `-0`; minus as `−`.
    public func number(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        let places = max(0, decimals)
        let scale = pow(10, Double(places))
        var rounded = (value * scale).rounded() / scale
        if rounded == 0 { rounded = 0 }  // -0 → 0
        let style = FloatingPointFormatStyle<Double>(locale: locale).precision(.fractionLength(places))
        return rounded.formatted(style).replacingOccurrences(of: "-", with: "−")
    }

    /// A year as a number is never grouped: `2025`, not `2,025`.
    public func year(_ year: Int) -> String { String(year) }

    /// A share as a percentage with one decimal: `12.5 %`, `12,5 %`.
    public func percent(_ share: Double) -> String { number(share * 100, decimals: 1) + " %" }

    /// Decimals that keep about three significant digits of an amount: 0 from 100 up, 1 from
    /// 10, 2 below (a physical amount, a scaled sum of money).
    public static func decimals(byMagnitude value: Double) -> Int {
        let size = abs(value)
        return size >= 100 || size == 0 ? 0 : size >= 10 ? 1 : 2
    }

    /// An amount with decimals chosen by its magnitude (`number(_:decimals:)`).
    public func amount(_ value: Double) -> String { number(value, decimals: Self.decimals(byMagnitude: value)) }

    /// A power of a thousand that money is counted in: units, thousands, millions or billions.
    public enum MoneyScale: Double, Sendable, CaseIterable {
        case units = 1, thousands = 1e3, millions = 1e6, billions = 1e9

        /// The largest scale at which `magnitude` is at least 1; units below 100,000 (`20,000 USD`
        /// reads better than `20.0 thousand USD`).
        public init(magnitude: Double) {
            let size = abs(magnitude)
            self = size >= 1e9 ? .billions : size >= 1e6 ? .millions : size >= 1e5 ? .thousands : .units
        }
    }

    /// The word of a scale: `million`, `triệu`; empty for units.
    public func word(_ scale: MoneyScale) -> String {
        switch (scale, language) {
        case (.units, _): return ""
        case (.thousands, .en): return "thousand"
        case (.millions, .en): return "million"
        case (.billions, .en): return "billion"
        case (.thousands, .vi): return "nghìn"
        case (.millions, .vi): return "triệu"
        case (.billions, .vi): return "tỷ"
        }
    }

    /// A currency as the reader names it: `đồng` for VND in Vietnamese, else the ISO code.
    public func currencyName(_ currency: String) -> String {
        language == .vi && currency == "VND" ? "đồng" : currency
    }

    /// The unit of a money column or axis: `million USD`, `triệu USD`, `tỷ đồng`, `USD`.
    public func moneyUnit(_ scale: MoneyScale, currency: String) -> String {
        let word = word(scale)
        return word.isEmpty ? currencyName(currency) : word + " " + currencyName(currency)
    }

    /// An amount of money in `scale`, its unit left to the header: `15.0`, `1.332,8`. Decimals
    /// by magnitude; whole units (never a fraction of a dong) when `scale` is `.units`.
    public func money(_ value: Double, in scale: MoneyScale, currency: String) -> String {
        let scaled = value / scale.rawValue
        if scale == .units { return number(value, decimals: Self.minorDigits(currency) > 0 && abs(value) < 100 && value != 0 ? 2 : 0) }
        let decimals = abs(scaled) >= 100 ? 1 : Self.decimals(byMagnitude: scaled)
        // Below the last decimal shown (solver noise of a few currency units) is 0, not "0.00".
        return abs(scaled) * pow(10, Double(decimals)) < 0.5 ? "0" : number(scaled, decimals: decimals)
    }

    /// An amount of money scaled to the reader with its unit: `15.0 million USD`,
    /// `1.332,8 tỷ đồng`, `850 USD`.
    public func money(_ value: Double, currency: String) -> String {
        let scale = MoneyScale(magnitude: value)
        return money(value, in: scale, currency: currency) + " " + moneyUnit(scale, currency: currency)
    }

    /// A price or a transfer per physical unit (`USD/t`): cents where the currency has them, no
    /// decimals of a dong.
    public func unitPrice(_ value: Double, currency: String) -> String {
        let decimals = Self.minorDigits(currency) == 0 || abs(value) >= 1000 || value == 0 ? 0 : 2
        return number(value, decimals: decimals)
    }

    /// Decimals of the currency's minor unit: 0 for the dong (and yen, won), else 2.
    static func minorDigits(_ currency: String) -> Int { ["VND", "JPY", "KRW", "IDR"].contains(currency) ? 0 : 2 }
}
