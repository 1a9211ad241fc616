/// A rectangle in SVG pixels (y grows downwards).
package struct PixelRect: Equatable {
    package var x: Double
    package var y: Double
    package var width: Double
    package var height: Double

    package var right: Double { x + width }
    package var bottom: Double { y + height }

    package func contains(_ px: Double, _ py: Double) -> Bool {
        px >= x && px <= right && py >= y && py <= bottom
    }
}
