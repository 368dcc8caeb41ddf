import Foundation
@testable import GroupingCharts
import XCTest

final class PriorPosteriorChartTests: XCTestCase {
    func panel(_ name: String, mean: Double, sd: Double, scale: Double) -> DensityPanel {
        let values = (0..<81).map { mean - 4 * sd + 8 * sd * Double($0) / 80 }
        let normal = values.map { exp(-pow(($0 - mean) / sd, 2) / 2) / (sd * (2 * Double.pi).squareRoot()) }
        let prior = values.map { 2 * exp(-pow($0 / scale, 2) / 2) / (scale * (2 * Double.pi).squareRoot()) }
        return DensityPanel(name: name, values: values, posterior: normal, prior: prior)
    }

    func testOnePanelPerParameterSideBySideWithTwoCurvesEach() {
        let chart = PriorPosteriorChart(
            title: "Prior and posterior: genre",
            panels: [panel("tau", mean: 0.04, sd: 0.003, scale: 0.3), panel("sigma_group", mean: 0.06, sd: 0.02, scale: 0.3)])
        let recording = RecordingRenderer.record(chart)
        let plot = recording.insideClips()
        let posterior = plot.polylines.filter { $0.1 == PriorPosteriorChart.posteriorStroke }.map(\.0)
        let prior = plot.polylines.filter { $0.1 == PriorPosteriorChart.priorStroke }.map(\.0)
        XCTAssertEqual(posterior.count, 2)
        XCTAssertEqual(prior.count, 2)
        // The panels do not overlap: the first ends left of where the second starts.
        XCTAssertLessThan(posterior[0].map(\.x).max()!, posterior[1].map(\.x).min()!)
        // Each posterior peaks at its mean (the middle value) and reaches the top of its panel.
        for curve in posterior {
            let peak = curve.indices.min { curve[$0].y < curve[$1].y }!
            XCTAssertEqual(peak, 40)
        }
        XCTAssertTrue(recording.hasText(containing: "tau"))
        XCTAssertTrue(recording.hasText(containing: "sigma_group"))
        XCTAssertTrue(recording.hasText(containing: "Posterior"))
        XCTAssertTrue(recording.overlappingTexts().isEmpty, "\(recording.overlappingTexts())")
    }

    func testPanelFramesSplitTheBodyEvenly() {
        let frames = PriorPosteriorChart.panelFrames(Rect(x: 10, y: 0, width: 318, height: 100), count: 3)
        XCTAssertEqual(frames.map(\.width), [94, 94, 94])
        XCTAssertEqual(frames.map(\.minX), [10, 122, 234])
        XCTAssertTrue(PriorPosteriorChart.panelFrames(Rect(x: 0, y: 0, width: 10, height: 10), count: 0).isEmpty)
    }

    func testBadPanelsAreLeftOutAndSaidSo() {
        let good = panel("tau", mean: 0.04, sd: 0.003, scale: 0.3)
        let bad = DensityPanel(name: "sigma_group", values: [0.1, 0.2], posterior: [.nan, 1], prior: [1, 1])
        let recording = RecordingRenderer.record(PriorPosteriorChart(title: "t", panels: [good, bad]))
        XCTAssertEqual(recording.insideClips().polylines.filter { $0.1 == PriorPosteriorChart.posteriorStroke }.count, 1)
        XCTAssertTrue(recording.hasText(containing: "1 parameter without a density left out."))
        let empty = RecordingRenderer.record(PriorPosteriorChart(title: "t", panels: []))
        XCTAssertTrue(empty.hasText(containing: "No data"))
    }

    func testTheDescriptionStatesRangesAndPosteriorMeans() {
        let tau = panel("tau", mean: 0.04, sd: 0.003, scale: 0.3)
        XCTAssertEqual(tau.posteriorMean, 0.04, accuracy: 1e-6, "a symmetric density's mean is its centre")
        let chart = PriorPosteriorChart(title: "t", panels: [tau])
        XCTAssertTrue(chart.dataDescription.hasPrefix("Prior and posterior densities of tau from 0.028 to 0.052"))
        XCTAssertTrue(chart.dataDescription.contains("posterior mean 0.04"), chart.dataDescription)
        XCTAssertTrue(DensityPanel(name: "x", values: [1], posterior: [1], prior: [1]).posteriorMean.isNaN)
    }
}
