// The real terminal: ncursesw with wide characters, colours, the mouse and resizes. The only file that imports CNcursesw.
import CNcursesw
import Foundation
import Plot

/// Draws buffers with ncursesw on the alternate screen and turns keys, mouse and resizes into `InputEvent`s.
/// Create it on the thread that runs the frame loop and `close()` it there; closing restores the terminal.
public final class NcursesBackend: Backend {
    public private(set) var size: (width: Int, height: Int)
    /// What the terminal can show; `.none` under NO_COLOR or on terminals such as vt100.
    public let colorDepth: ColorDepth

    private var screen: OpaquePointer?
    private var previous: Buffer?
    private var styles = StyleSheet()
    private var pairs: [Int: Int16] = [:]
    private var looks: [Cell.Look: (attributes: attr_t, pair: Int16)] = [:]
    private var leftButtonDown = false
    private let signals: SignalMonitor
    private var isOpen = true
    /// Draw only ASCII (for terminals or fonts without Unicode glyphs): every other character becomes its stand-in.
    public var asciiOnly = false

    /// Takes over the terminal. Throws `TerminalError.notATerminal` when stdin or stdout is not a TTY.
    /// - Parameter noColor: draw without colour (NO_COLOR).
    public init(noColor: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        setlocale(LC_ALL, "")
        EmergencyRestore.prepare()
        signals = SignalMonitor()
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
            let screen = newterm(nil, output, input)
        else {
            signals.cancel()
            EmergencyRestore.disarm()
            throw TerminalError.cannotInitialize(term: ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        self.screen = screen
        set_term(screen)
        cbreak()
        noecho()
        nonl()
        keypad(descent_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        colorDepth = ColorDepth(colorCount: has_colors() ? Int(descent_colors()) : 0, noColor: noColor)
        mouseinterval(0)
        Self.startMouseReports()
        size = (Int(descent_getmaxx(descent_stdscr())), Int(descent_getmaxy(descent_stdscr())))
    }

    deinit { close() }

    /// Asks the terminal for clicks, wheel and drags (again after a resume: a shell in between turns them off).
    private static func startMouseReports() {
        // Button 3 (the right button): the Fit view's remove-nearest. Its release is asked for too: ncurses parsing
        // an SGR release it was not asked for blocks on a read (a frozen frame after a right click in tmux).
        let mask = descent_button1_pressed() | descent_button1_released() | descent_button3_pressed()
            | descent_button3_released() | descent_button4_pressed() | descent_button5_pressed() | descent_report_mouse_position()
        mousemask(mask, nil)
        descent_enable_drag_tracking()
    }

    /// Ctrl-Z, as in vim or less: gives the terminal back as it was, stops the process with SIGTSTP (the session's
    /// thread stops with it), and on `fg` takes the terminal again with raw input and mouse reports. Returns the
    /// size after the resume, so the caller redraws everything.
    private func suspend() -> InputEvent {
        descent_disable_drag_tracking()
        endwin()
        fflush(nil)
        signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        // Here again after SIGCONT (`fg`).
        signal(SIGTSTP, SIG_IGN)
        _ = signals.takeSuspend()
        reset_prog_mode()
        wrefresh(descent_stdscr())
        Self.startMouseReports()
        size = (Int(descent_getmaxx(descent_stdscr())), Int(descent_getmaxy(descent_stdscr())))
        previous = nil
        leftButtonDown = false
        return .resize(width: size.width, height: size.height)
    }

    /// Leaves the alternate screen and gives the terminal back as it was. Safe to call more than once.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        descent_disable_drag_tracking()
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        signals.cancel()
        EmergencyRestore.disarm()
    }

    public func apply(_ styles: StyleSheet) {
        self.styles = styles
        looks.removeAll()
        previous = nil
    }

    public func draw(_ frame: Buffer) {
        guard isOpen else { return }
        if previous == nil || previous!.area != frame.area {
            wclear(descent_stdscr())
            previous = nil
        }
        for change in frame.changes(since: previous) {
            let look = self.look(for: change.cell)
            // The right half of a wide character: the terminal drew it with the left half (ASCII has no wide ones).
            if change.cell.isContinuation && !asciiOnly { continue }
            let character = asciiOnly ? (change.cell.isContinuation ? " " : change.cell.character.asciiStandIn) : change.cell.character
            let points = character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            if points.count > 1 {
                _ = descent_put_cluster(Int32(change.y), Int32(change.x), points, Int32(points.count), look.attributes, look.pair)
            } else {
                _ = descent_put_wide(Int32(change.y), Int32(change.x), points.first ?? 32, look.attributes, look.pair)
            }
        }
        wnoutrefresh(descent_stdscr())
        doupdate()
        previous = frame
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        if let number = signals.take() { return .terminationSignal(number) }
        guard isOpen else { return nil }
        if signals.takeSuspend() { return suspend() }
        // Wait in short slices so a signal is noticed promptly even with a long timeout.
        var remaining = max(0, timeoutMilliseconds)
        while true {
            let slice = min(remaining, 50)
            wtimeout(descent_stdscr(), Int32(slice))
            var character: wint_t = 0
            let result = wget_wch(descent_stdscr(), &character)
            if result != descent_err() {
                if let event = decode(result: result, character: character) { return event }
            }
            if let number = signals.take() { return .terminationSignal(number) }
            if signals.takeSuspend() { return suspend() }
            remaining -= slice
            if remaining <= 0 { return nil }
        }
    }

    private func decode(result: Int32, character: wint_t) -> InputEvent? {
        if result == descent_key_code_yes() {
            let code = Int32(bitPattern: character)
            switch code {
            case descent_key_up(): return .key(.up)
            case descent_key_down(): return .key(.down)
            case descent_key_left(): return .key(.left)
            case descent_key_right(): return .key(.right)
            case descent_key_btab(): return .key(.backTab)
            case descent_key_ppage(): return .key(.pageUp)
            case descent_key_npage(): return .key(.pageDown)
            case descent_key_enter(): return .key(.enter)
            case descent_key_resize():
                size = (Int(descent_getmaxx(descent_stdscr())), Int(descent_getmaxy(descent_stdscr())))
                previous = nil
                return .resize(width: size.width, height: size.height)
            case descent_key_mouse(): return mouseEvent()
            case (descent_key_f0() + 1)...(descent_key_f0() + 24): return .key(.function(Int(code - descent_key_f0())))
            default: return nil
            }
        }
        switch character {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return afterEscape()
        // Backspace (8, 127) and the other control bytes do nothing here: not decoded, so never taken for text.
        case 8: return nil
        case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(character) + 96))))
        default:
            guard let scalar = Unicode.Scalar(UInt32(character)), scalar.value >= 32, !(127...159).contains(scalar.value) else {
                return nil
            }
            return .key(.character(Character(scalar)))
        }
    }

    /// After an `ESC`: an SGR mouse report when the characters that follow make one (a report arrives in one
    /// write, so they are already waiting), else the Escape key, with whatever was read put back.
    private func afterEscape() -> InputEvent? {
        var characters: [Character] = []
        var read: [(result: Int32, code: wint_t)] = []
        func giveBack() {
            for item in read.reversed() {
                if item.result == descent_key_code_yes() { ungetch(Int32(bitPattern: item.code)) } else { unget_wch(wchar_t(item.code)) }
            }
        }
        while true {
            // The rest of a report arrives with its ESC; a loaded machine may deliver it a little later.
            wtimeout(descent_stdscr(), characters.count >= 2 ? 100 : 25)
            switch SGRMouseReport.parse(characters) {
            case .report(let event, _):
                if case .mouse(.left, let action, _, _)? = event { leftButtonDown = action != .release }
                return event
            case .notAReport:
                giveBack()
                return .key(.escape)
            case .incomplete:
                var code: wint_t = 0
                let result = wget_wch(descent_stdscr(), &code)
                guard result != descent_err() else {
                    giveBack()
                    return .key(.escape)
                }
                read.append((result, code))
                guard result != descent_key_code_yes(), let scalar = Unicode.Scalar(UInt32(code)) else {
                    giveBack()
                    return .key(.escape)
                }
                characters.append(Character(scalar))
            }
        }
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) != descent_err() else { return nil }
        let x = Int(event.x), y = Int(event.y), state = event.bstate
        if state & descent_button4_pressed() != 0 { return .mouse(button: .wheelUp, action: .press, x: x, y: y) }
        if state & descent_button5_pressed() != 0 { return .mouse(button: .wheelDown, action: .press, x: x, y: y) }
        if state & descent_button3_pressed() != 0 { return .mouse(button: .right, action: .press, x: x, y: y) }
        if state & descent_button3_released() != 0 { return .mouse(button: .right, action: .release, x: x, y: y) }
        if state & descent_button1_pressed() != 0 {
            leftButtonDown = true
            return .mouse(button: .left, action: .press, x: x, y: y)
        }
        if state & descent_button1_released() != 0 {
            leftButtonDown = false
            return .mouse(button: .left, action: .release, x: x, y: y)
        }
        if state & descent_report_mouse_position() != 0, leftButtonDown {
            return .mouse(button: .left, action: .drag, x: x, y: y)
        }
        return nil
    }

    private func look(for cell: Cell) -> (attributes: attr_t, pair: Int16) {
        let key = cell.look
        if let cached = looks[key] { return cached }
        let style = styles.style(for: cell.role)
        let all = style.attributes.union(cell.attributes)
        var attributes = descent_a_normal()
        if all.contains(.bold) { attributes |= descent_a_bold() }
        if all.contains(.reverse) { attributes |= descent_a_reverse() }
        if all.contains(.underline) { attributes |= descent_a_underline() }
        if all.contains(.dim) { attributes |= descent_a_dim() }
        var pair: Int16 = 0
        if styles.usesColor, colorDepth != .none {
            let fg = style.foreground.flatMap(colorDepth.nearestIndex(to:)) ?? -1
            let bg = style.background.flatMap(colorDepth.nearestIndex(to:)) ?? -1
            pair = self.pair(foreground: fg, background: bg)
        }
        looks[key] = (attributes, pair)
        return (attributes, pair)
    }

    private func pair(foreground: Int, background: Int) -> Int16 {
        if foreground < 0, background < 0 { return 0 }
        let key = (foreground + 1) * 1024 + (background + 1)
        if let existing = pairs[key] { return existing }
        let number = pairs.count + 1
        guard number < Int(descent_color_pairs()), number < Int(Int16.max) else { return 0 }
        init_pair(Int16(number), Int16(foreground), Int16(background))
        pairs[key] = Int16(number)
        return Int16(number)
    }
}

extension Cell {
    /// What decides a cell's terminal attributes: its role and own attributes, not its character.
    fileprivate struct Look: Hashable {
        let role: StyleRole
        let attributes: CellAttributes
    }

    fileprivate var look: Look { Look(role: role, attributes: attributes) }
}
