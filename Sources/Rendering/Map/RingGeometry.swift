import Foundation

/// Plane geometry of outline rings on the canvas: clipping to the view and simplifying to its scale, so the page
/// embeds only what shows, no finer than a pixel.
enum RingGeometry {
    /// The part of a closed ring inside the rectangle (Sutherland–Hodgman): a closed ring again, following the
    /// rectangle's edge where the outline leaves it; empty when nothing of it is inside.
    static func clip(_ ring: [CanvasPoint], to rect: CanvasRect) -> [CanvasPoint] {
        var points = ring
        let edges: [(CanvasPoint) -> Double] = [
            { $0.x - rect.minX }, { rect.maxX - $0.x }, { $0.y - rect.minY }, { rect.maxY - $0.y },
        ]
        // Each edge keeps the points where `inside` is not negative, cutting the segments that cross it.
        for inside in edges {
            guard let last = points.last else { break }
            var kept: [CanvasPoint] = []
            kept.reserveCapacity(points.count + 4)
            var previous = last
            for point in points {
                let (a, b) = (inside(previous), inside(point))
                if (a >= 0) != (b >= 0) {
                    let t = a / (a - b)
                    kept.append(CanvasPoint(x: previous.x + (point.x - previous.x) * t,
                                            y: previous.y + (point.y - previous.y) * t))
                }
                if b >= 0 { kept.append(point) }
                previous = point
            }
            points = kept
        }
        return points.count >= 3 ? points : []
    }

    /// The ring with the points that move it by less than `tolerance` left out (Douglas–Peucker, split at the
    /// first point and the point farthest from it, so a closed ring keeps its extent).
    static func simplify(_ ring: [CanvasPoint], tolerance: Double) -> [CanvasPoint] {
        guard ring.count > 3 else { return ring }
        let first = ring[0]
        let far = ring.indices.max { distanceSquared(ring[$0], first) < distanceSquared(ring[$1], first) } ?? 0
        guard far > 0 else { return [first] }
        let closed = ring + [first]
        let forward = simplifyOpen(Array(closed[0...far]), tolerance: tolerance)
        let back = simplifyOpen(Array(closed[far...]), tolerance: tolerance)
        return Array(forward.dropLast()) + Array(back.dropLast())
    }

    /// Douglas–Peucker on an open line, keeping both ends.
    static func simplifyOpen(_ line: [CanvasPoint], tolerance: Double) -> [CanvasPoint] {
        guard line.count > 2 else { return line }
        var keep = [Bool](repeating: false, count: line.count)
        keep[0] = true
        keep[line.count - 1] = true
        var stack = [(0, line.count - 1)]
        while let (start, end) = stack.popLast() {
            let (a, b) = (line[start], line[end])
            var (worst, index) = (0.0, -1)
            for i in (start + 1)..<end {
                let distance = distanceToLine(line[i], a, b)
                if distance > worst { (worst, index) = (distance, i) }
            }
            if worst > tolerance {
                keep[index] = true
                stack.append((start, index))
                stack.append((index, end))
            }
        }
        return line.indices.filter { keep[$0] }.map { line[$0] }
    }

    /// Twice the ring's signed area (the shoelace sum): its size on the canvas, to leave out specks.
    static func doubleArea(_ ring: [CanvasPoint]) -> Double {
        guard var previous = ring.last else { return 0 }
        var sum = 0.0
        for point in ring {
            sum += previous.x * point.y - point.x * previous.y
            previous = point
        }
        return sum
    }

    private static func distanceSquared(_ p: CanvasPoint, _ q: CanvasPoint) -> Double {
        (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)
    }

    private static func distanceToLine(_ p: CanvasPoint, _ a: CanvasPoint, _ b: CanvasPoint) -> Double {
        let length = distanceSquared(a, b).squareRoot()
        guard length > 0 else { return distanceSquared(p, a).squareRoot() }
        return abs((b.y - a.y) * p.x - (b.x - a.x) * p.y + b.x * a.y - b.y * a.x) / length
    }
}

/// An axis-aligned rectangle on the canvas.
struct CanvasRect: Hashable, Sendable {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    /// The box around the points; nil for none.
    init?(around points: [CanvasPoint]) {
        guard let first = points.first else { return nil }
        (minX, minY, maxX, maxY) = (first.x, first.y, first.x, first.y)
        for point in points.dropFirst() {
            (minX, maxX) = (Swift.min(minX, point.x), Swift.max(maxX, point.x))
            (minY, maxY) = (Swift.min(minY, point.y), Swift.max(maxY, point.y))
        }
    }

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        (self.minX, self.minY, self.maxX, self.maxY) = (minX, minY, maxX, maxY)
    }

    func insetBy(_ amount: Double) -> CanvasRect {
        CanvasRect(minX: minX + amount, minY: minY + amount, maxX: maxX - amount, maxY: maxY - amount)
    }

    func intersects(_ other: CanvasRect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    func contains(_ other: CanvasRect) -> Bool {
        minX <= other.minX && other.maxX <= maxX && minY <= other.minY && other.maxY <= maxY
    }
}
