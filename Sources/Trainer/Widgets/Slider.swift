// A one-row slider: label, track with knob (and an optional marker), and the value as text.
import Plot

/// A horizontal slider drawn as `label ━━━━●──── value`. Positions are fractions 0…1 of the track.
struct Slider: Equatable {
    static let labelWidth = 7
    static let valueWidth = 7

    var label: String
    var fraction: Double
    var valueText: String
    var isFocused = false
    /// Where to mark a special value on the track (the largest stable learning rate).
    var markerFraction: Double?
    /// Draws label, knob, value and the fill past the marker in the warning style (the value is above the stable rate).
    var isWarning = false
    var isDimmed = false

    /// The cells of `area` that make up the track (between label and value).
    static func track(in area: Rect) -> Rect {
        Rect(x: area.x + labelWidth, y: area.y, width: area.width - labelWidth - valueWidth - 1, height: 1)
    }

    /// The track cell index a fraction falls on.
    static func column(of fraction: Double, trackWidth: Int) -> Int {
        guard trackWidth > 1 else { return 0 }
        return Int((min(1, max(0, fraction)) * Double(trackWidth - 1)).rounded())
    }

    /// The fraction under column `x` of the screen, clamped to the track; nil when `x` is left of the track's label.
    static func fraction(atX x: Int, in area: Rect) -> Double {
        let track = track(in: area)
        guard track.width > 1 else { return 0 }
        return min(1, max(0, Double(x - track.x) / Double(track.width - 1)))
    }

    func render(into buffer: inout Buffer, area: Rect) {
        guard area.height > 0, area.width > Self.labelWidth + Self.valueWidth + 2 else { return }
        let labelRole: StyleRole = isWarning ? .sliderWarning : (isFocused ? .labelFocus : .label)
        buffer.write(label, x: area.x, y: area.y, role: labelRole, clip: Rect(x: area.x, y: area.y, width: Self.labelWidth - 1, height: 1))
        let track = Self.track(in: area)
        let knob = Self.column(of: fraction, trackWidth: track.width)
        let marker = markerFraction.map { Self.column(of: $0, trackWidth: track.width) }
        for i in 0..<track.width {
            let cell: Cell
            if i == knob {
                let role: StyleRole = isWarning ? .sliderWarning : (isFocused ? .sliderFocus : .sliderKnob)
                cell = Cell("●", role: role)
            } else if i == marker {
                cell = Cell("┃", role: .sliderMarker)
            } else if i < knob {
                // Past the marker the fill turns to the warning role: how far above the stable rate the value is.
                cell = Cell("━", role: isDimmed ? .sliderTrack : (isWarning && marker.map { i > $0 } == true ? .sliderWarning : .sliderFill))
            } else {
                cell = Cell("─", role: .sliderTrack)
            }
            buffer[track.x + i, area.y] = cell
        }
        let valueRole: StyleRole = isWarning ? .sliderWarning : (isDimmed ? .dim : .value)
        buffer.write(
            " " + valueText, x: track.right, y: area.y, role: valueRole,
            clip: Rect(x: track.right, y: area.y, width: Self.valueWidth + 1, height: 1))
    }
}
