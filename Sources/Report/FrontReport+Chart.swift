import Analysis
import Formulation
import Scenario

extension FrontReport {
    /// The front as an SVG chart: the primary objective (y) against the first constrained one
    /// (x), points joined in order along a bi-objective front; with three objectives, one
    /// series per distinct value of the third, markers only. Money in millions, CO2e in kt.
    public func chart() -> String {
        let objectives = front.objectives
        func axisValue(_ objective: ParkFormulation.Objective, _ value: Double) -> Double {
            switch objective {
            case .economic: return value / 1e6
            case .environmental: return value / 1e3
            case .social: return value
            }
        }
        func axisLabel(_ objective: ParkFormulation.Objective) -> String {
            switch objective {
            case .economic: return "Park NPV vs. no symbiosis (\(currency) millions)"
            case .environmental: return "CO2e avoided (kt)"
            case .social: return "Jobs (FTE-years)"
            }
        }
        var chart = XYChart(title: "\(scenario.name): Pareto front (\(policy ?? AppliedPolicy.statusQuoName))",
                            subtitle: "\(front.points.count) efficient points, each a MIP optimum (AUGMECON2, \(gridPoints) ε levels)",
                            xAxis: axisLabel(objectives[1]), yAxis: axisLabel(objectives[0]))
        func tooltip(_ index: Int) -> String {
            let point = front.points[index]
            return "#\(index + 1): " + zip(objectives, point.values).map { "\($0.rawValue) \(number($1))" }.joined(separator: ", ")
        }
        if objectives.count == 2 {
            chart.series = [.init(name: "efficient points", points: front.points.map {
                (axisValue(objectives[1], $0.values[1]), axisValue(objectives[0], $0.values[0]))
            }, marks: .lineAndMarkers, tooltips: front.points.indices.map(tooltip))]
        } else {
            let third = objectives[2]
            let groups = Dictionary(grouping: front.points.indices) { (front.points[$0].values[2]).rounded() }
            chart.series = groups.keys.sorted().map { key in
                let members = groups[key]!
                return .init(name: "\(third.rawValue) \(number(key)) \(unit(third))", points: members.map {
                    (axisValue(objectives[1], front.points[$0].values[1]), axisValue(objectives[0], front.points[$0].values[0]))
                }, marks: .markers, tooltips: members.map(tooltip))
            }
        }
        return chart.svg()
    }
}
