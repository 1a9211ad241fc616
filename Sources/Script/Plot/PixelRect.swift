/// A rectangle in SVG pixels (y grows downwards).
struct PixelRect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var right: Double { x + width }
    var bottom: Double { y + height }

    func contains(_ px: Double, _ py: Double) -> Bool {
        px >= x && px <= right && py >= y && py <= bottom
    }
}
