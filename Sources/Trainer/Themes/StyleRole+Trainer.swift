// Style roles of the trainer's own widgets (charts use the roles Plot defines).
import Plot

extension StyleRole {
    static let titleBar: StyleRole = "titlebar"
    static let statusBar: StyleRole = "status"
    static let borderFocus: StyleRole = "border.focus"
    static let legend: StyleRole = "legend"
    static let weightLabel: StyleRole = "weights.label"
    static let button: StyleRole = "button"
    static let buttonActive: StyleRole = "button.active"
    static let buttonFocus: StyleRole = "button.focus"
    static let selector: StyleRole = "selector"
    static let selectorSelected: StyleRole = "selector.selected"
    static let selectorFocus: StyleRole = "selector.focus"
    static let sliderTrack: StyleRole = "slider.track"
    static let sliderFill: StyleRole = "slider.fill"
    static let sliderKnob: StyleRole = "slider.knob"
    static let sliderFocus: StyleRole = "slider.focus"
    static let sliderMarker: StyleRole = "slider.marker"
    static let sliderWarning: StyleRole = "slider.warning"
    static let label: StyleRole = "label"
    static let labelFocus: StyleRole = "label.focus"
    static let value: StyleRole = "value"
    static let help: StyleRole = "help"
    static let helpKey: StyleRole = "help.key"
}
