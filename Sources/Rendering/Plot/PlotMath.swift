import Glibc

/// The few libm functions plotting needs, in one place.
package enum PlotMath {
    package static func pow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
    package static func log10(_ x: Double) -> Double { Glibc.log10(x) }
    package static func floor(_ x: Double) -> Double { Glibc.floor(x) }
    package static func ceil(_ x: Double) -> Double { Glibc.ceil(x) }
    package static func cos(_ x: Double) -> Double { Glibc.cos(x) }
    package static func sin(_ x: Double) -> Double { Glibc.sin(x) }
    package static func cbrt(_ x: Double) -> Double { Glibc.cbrt(x) }
    package static func sqrt(_ x: Double) -> Double { x.squareRoot() }
}
