import Testing
@testable import Rendering

/// Clipping outlines to the view and simplifying them to its scale.
@Suite struct RingGeometryTests {
    let canvas = CanvasRect(minX: 0, minY: 0, maxX: 100, maxY: 100)

    func square(_ x: Double, _ y: Double, _ side: Double) -> [CanvasPoint] {
        [CanvasPoint(x: x, y: y), CanvasPoint(x: x + side, y: y), CanvasPoint(x: x + side, y: y + side),
         CanvasPoint(x: x, y: y + side)]
    }

    @Test func aRingHalfOutsideIsCutAtTheEdge() {
        let clipped = RingGeometry.clip(square(50, 20, 100), to: canvas)
        #expect(clipped.allSatisfy { $0.x >= 0 && $0.x <= 100 && $0.y >= 0 && $0.y <= 100 })
        #expect(abs(RingGeometry.doubleArea(clipped)) / 2 == 50 * 80)
    }

    @Test func aRingOutsideVanishes() {
        #expect(RingGeometry.clip(square(150, 150, 20), to: canvas).isEmpty)
    }

    @Test func aRingInsideIsUnchanged() {
        #expect(RingGeometry.clip(square(10, 10, 20), to: canvas) == square(10, 10, 20))
    }

    @Test func aRingAroundTheCanvasBecomesTheCanvas() {
        let clipped = RingGeometry.clip(square(-50, -50, 300), to: canvas)
        #expect(abs(RingGeometry.doubleArea(clipped)) / 2 == 100 * 100)
    }

    @Test func simplifyingDropsPointsCloserThanTheTolerance() {
        // A square whose sides wobble by a tenth of a unit.
        var ring: [CanvasPoint] = []
        for i in 0..<10 { ring.append(CanvasPoint(x: Double(i) * 10, y: i.isMultiple(of: 2) ? 0 : 0.1)) }
        for i in 0..<10 { ring.append(CanvasPoint(x: 100, y: Double(i) * 10)) }
        for i in 0..<10 { ring.append(CanvasPoint(x: 100 - Double(i) * 10, y: 100)) }
        for i in 0..<10 { ring.append(CanvasPoint(x: 0, y: 100 - Double(i) * 10)) }
        let simple = RingGeometry.simplify(ring, tolerance: 0.5)
        #expect(simple.count == 4, "\(simple)")
        #expect(RingGeometry.simplify(ring, tolerance: 0.05).count > 4)
    }
}
