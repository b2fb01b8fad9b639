/// A colour of a diagram, from a team's `#rrggbb`.
///
/// Teams pick one colour; a readable diagram needs three shades of it (a pale
/// lane background, the colour itself for nodes that stand for the team, and a
/// dark outline that still contrasts with black text), so the shades are
/// derived here rather than asking every team for three colours.
struct DiagramColor: Sendable, Hashable {
    var red: UInt8
    var green: UInt8
    var blue: UInt8

    init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `#rrggbb` (case-insensitive); `nil` for anything else, so a
    /// colour the model did not check cannot reach DOT or Mermaid as markup.
    init?(hex: String) {
        let scalars = Array(hex.unicodeScalars)
        guard scalars.count == 7, scalars[0] == "#" else { return nil }
        var channels: [UInt8] = []
        for index in stride(from: 1, to: 7, by: 2) {
            guard let high = Self.hexDigit(scalars[index]), let low = Self.hexDigit(scalars[index + 1]) else {
                return nil
            }
            channels.append(high << 4 | low)
        }
        self.init(red: channels[0], green: channels[1], blue: channels[2])
    }

    static let white = DiagramColor(red: 0xFF, green: 0xFF, blue: 0xFF)
    /// Outlines and arrows that belong to no team.
    static let ink = DiagramColor(red: 0x44, green: 0x44, blue: 0x44)
    /// The fill of nodes that belong to no team (legend samples, components without a colour).
    static let neutral = DiagramColor(red: 0xEE, green: 0xEE, blue: 0xEE)
    /// The pause control: amber, "hold".
    static let pause = DiagramColor(red: 0xB4, green: 0x53, blue: 0x09)
    /// The abort control: red, "stop".
    static let abort = DiagramColor(red: 0xB9, green: 0x1C, blue: 0x1C)

    /// `#rrggbb`, lower case, as both DOT and Mermaid accept it.
    var hex: String {
        "#" + [red, green, blue].map { channel in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(channel >> 4)], digits[Int(channel & 0x0F)]])
        }.joined()
    }

    /// This colour moved `amount` (0…1) of the way towards `other`.
    func mixed(with other: DiagramColor, amount: Double) -> DiagramColor {
        let amount = min(1, max(0, amount))
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) * (1 - amount) + Double(b) * amount).rounded())
        }
        return DiagramColor(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue))
    }

    /// The pale shade for a lane or group background: text on it stays black
    /// on near-white, whatever colour the team chose.
    var lighter: DiagramColor { mixed(with: .white, amount: 0.55) }

    /// The dark shade for outlines and bold arrows: the team's hue, saturated
    /// and dark (30% lightness), so a pastel team colour still yields an
    /// outline that reads as that colour and contrasts with white. Greys stay
    /// grey.
    var darker: DiagramColor {
        let (hue, saturation, _) = hsl
        return DiagramColor(hue: hue, saturation: saturation < 0.05 ? 0 : max(saturation, 0.65), lightness: 0.3)
    }

    /// Hue (0…360), saturation and lightness (0…1).
    var hsl: (hue: Double, saturation: Double, lightness: Double) {
        let r = Double(red) / 255, g = Double(green) / 255, b = Double(blue) / 255
        let high = max(r, g, b), low = min(r, g, b)
        let lightness = (high + low) / 2
        let delta = high - low
        guard delta > 0 else { return (0, 0, lightness) }
        let saturation = delta / (1 - abs(2 * lightness - 1))
        var hue: Double
        if high == r {
            hue = ((g - b) / delta).truncatingRemainder(dividingBy: 6)
        } else if high == g {
            hue = (b - r) / delta + 2
        } else {
            hue = (r - g) / delta + 4
        }
        hue *= 60
        if hue < 0 { hue += 360 }
        return (hue, min(1, saturation), lightness)
    }

    /// The colour with this hue, saturation and lightness (standard HSL).
    init(hue: Double, saturation: Double, lightness: Double) {
        let chroma = (1 - abs(2 * lightness - 1)) * saturation
        let sector = hue / 60
        let x = chroma * (1 - abs(sector.truncatingRemainder(dividingBy: 2) - 1))
        let (r, g, b): (Double, Double, Double)
        switch sector {
        case ..<1: (r, g, b) = (chroma, x, 0)
        case ..<2: (r, g, b) = (x, chroma, 0)
        case ..<3: (r, g, b) = (0, chroma, x)
        case ..<4: (r, g, b) = (0, x, chroma)
        case ..<5: (r, g, b) = (x, 0, chroma)
        default: (r, g, b) = (chroma, 0, x)
        }
        let m = lightness - chroma / 2
        func channel(_ value: Double) -> UInt8 { UInt8(min(255, max(0, ((value + m) * 255).rounded()))) }
        self.init(red: channel(r), green: channel(g), blue: channel(b))
    }

    private static func hexDigit(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar {
        case "0"..."9": UInt8(scalar.value - 48)
        case "a"..."f": UInt8(scalar.value - 87)
        case "A"..."F": UInt8(scalar.value - 55)
        default: nil
        }
    }
}
