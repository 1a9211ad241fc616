import Glibc

/// The few libm functions plotting needs, in one place.
enum PlotMath {
    static func pow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
    static func log10(_ x: Double) -> Double { Glibc.log10(x) }
    static func floor(_ x: Double) -> Double { Glibc.floor(x) }
    static func ceil(_ x: Double) -> Double { Glibc.ceil(x) }
    static func cos(_ x: Double) -> Double { Glibc.cos(x) }
    static func sin(_ x: Double) -> Double { Glibc.sin(x) }
    static func cbrt(_ x: Double) -> Double { Glibc.cbrt(x) }
    static func sqrt(_ x: Double) -> Double { x.squareRoot() }
}
