import Foundation
import GazetteerStore
import Resolution

/// A point on the map's canvas, in SVG user units (pixels at 100 %), y downwards.
public struct CanvasPoint: Hashable, Sendable {
    public var x: Double
    package var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// What a map shows and how: the longitude–latitude box in view and the projection of it onto the canvas.
///
/// The projection is equirectangular with its standard parallel through the middle of the view, so distances
/// are true across a region the size of the South Caucasus; a world view uses the equator, the plate carrée.
package struct MapFrame: Hashable, Sendable {
    /// What the canvas shows: the fitted places, their margin, and whatever the canvas's shape adds around them.
    package var view: GeoBox
    package var width: Double
    package var height: Double
    /// Canvas units per degree of longitude and of latitude.
    var xScale: Double
    var yScale: Double

    /// The world as the map shows it when places span it: Antarctica and the far Arctic left out.
    package static let world = GeoBox(west: -180, south: -58, east: 180, north: 84)

    /// Places closer than this many degrees still get a view this wide, so a single town shows its country.
    package static let minimumSpan = 2.5

    /// The frame that shows every point with a margin, on a canvas `width` wide whose height follows the
    /// view's shape (between two and four fifths of the width); the whole world when the points span most of it.
    /// - Parameter margin: the share of the points' larger extent (east–west or north–south, at their latitude)
    ///   added on every side, so that labels and the country around a place fit.
    package static func fitting(_ points: [Coordinate], width: Double = 440, margin: Double = 0.22) -> MapFrame {
        guard let box = GeoBox(around: points) else { return MapFrame(view: world, width: width) }
        let parallel = max(cos((box.south + box.north) / 2 * .pi / 180), 0.2)
        let spanX = max(box.width, minimumSpan), spanY = max(box.height, minimumSpan / 2)
        let extent = max(spanX * parallel, spanY) * margin
        let (padX, padY) = ((spanX - box.width) / 2 + extent / parallel, (spanY - box.height) / 2 + extent)
        let padded = GeoBox(west: box.west - padX, south: max(box.south - padY, -85),
                            east: box.east + padX, north: min(box.north + padY, 85))
        if padded.width > 200 || padded.height > 110 { return MapFrame(view: world, width: width) }
        return MapFrame(view: padded, width: width)
    }

    /// A frame around `view` (grown to the canvas's shape) on a canvas `width` wide.
    public init(view: GeoBox, width: Double) {
        let middle = (view.south + view.north) / 2
        let parallel = view.width >= 180 ? 1 : max(cos(middle * .pi / 180), 0.2)
        let aspect = min(max(view.height / (view.width * parallel), 0.4), 0.8)
        let height = (width * aspect).rounded()
        // One scale for both axes (times the parallel's factor), set by whichever side is tighter; the
        // other side of the view grows to fill the canvas.
        let perDegree = min(width / (view.width * parallel), height / view.height)
        let (halfWidth, halfHeight) = (width / (perDegree * parallel) / 2, height / perDegree / 2)
        let (centerX, centerY) = ((view.west + view.east) / 2, middle)
        // Never smaller than asked, whatever the rounding of the scale.
        self.view = GeoBox(west: min(view.west, centerX - halfWidth), south: min(view.south, centerY - halfHeight),
                           east: max(view.east, centerX + halfWidth), north: max(view.north, centerY + halfHeight))
        self.width = width
        self.height = height
        self.xScale = perDegree * parallel
        self.yScale = perDegree
    }

    /// Where a point falls on the canvas (outside 0…width, 0…height when it is out of view).
    public func project(_ point: Coordinate) -> CanvasPoint {
        CanvasPoint(x: (point.longitude - view.west) * xScale, y: (view.north - point.latitude) * yScale)
    }
}
