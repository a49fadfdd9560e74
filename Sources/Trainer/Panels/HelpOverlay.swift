// The help window: every key and what it does, drawn over the panels, in columns and pages so nothing is dropped.
import Plot

/// A centred box listing a keymap's lines (in as many columns as the height asks and the width allows), then the
/// notes; when even the widest layout overflows, it shows one page of several ("1/2", Space or PgDn for the next).
/// Every line of the keymap and every note is on some page: the help never drops a line.
struct HelpOverlay<Action: Equatable & Sendable> {
    var commands: [KeyCommand<Action>]
    var notes: [String]
    /// The page asked for; any integer, taken modulo the page count (so Space past the last page returns to the first).
    var page: Int = 0

    /// One row of a page: up to `columns` keymap lines side by side, a note, or a blank.
    enum Row: Equatable {
        case commands([Int])
        case note(String)
        case blank
    }

    /// How the help is laid out in an area: the columns, and each page's rows.
    struct Layout {
        var columns: Int
        var pages: [[Row]]
        var keyWidth: Int
        var columnWidth: Int
        var bodyWidth: Int
    }

    static var columnGap: Int { 2 }

    func layout(in area: Rect) -> Layout {
        let keyWidth = commands.map { $0.keys.displayWidth }.max() ?? 0
        let helpWidth = commands.map { $0.help.displayWidth }.max() ?? 0
        let columnWidth = keyWidth + 1 + helpWidth
        let contentWidth = max(1, area.width - 4)
        let rows = max(1, area.height - 2)
        let widest = max(1, (contentWidth + Self.columnGap) / (columnWidth + Self.columnGap))
        let noteLines = notes.flatMap { Self.wrap($0, width: contentWidth) }
        var chosen = Self.pages(count: commands.count, columns: widest, rows: rows, notes: noteLines)
        var columns = widest
        // The fewest columns that fit one page read best; else the widest layout, paged.
        for candidate in stride(from: 1, to: widest, by: 1) {
            let pages = Self.pages(count: commands.count, columns: candidate, rows: rows, notes: noteLines)
            if pages.count == 1 { chosen = pages; columns = candidate; break }
        }
        let bodyWidth = min(contentWidth, max(columns * columnWidth + (columns - 1) * Self.columnGap, noteLines.map { $0.displayWidth }.max() ?? 0))
        return Layout(columns: columns, pages: chosen, keyWidth: keyWidth, columnWidth: columnWidth, bodyWidth: bodyWidth)
    }

    /// The number of pages the help takes in `area`.
    func pageCount(in area: Rect) -> Int { layout(in: area).pages.count }

    /// Keymap lines filled down `columns` columns of up to `rows` rows a page, then a blank and the notes in the rows
    /// left and on further pages (a blank that would open a page is left out).
    static func pages(count: Int, columns: Int, rows: Int, notes: [String]) -> [[Row]] {
        var pages: [[Row]] = []
        var start = 0
        while start < count {
            let onPage = min(count - start, columns * rows)
            let perColumn = (onPage + columns - 1) / columns
            pages.append((0..<perColumn).map { row in
                .commands((0..<columns).map { start + $0 * perColumn + row }.filter { $0 < start + onPage })
            })
            start += onPage
        }
        var rest: [Row] = (count > 0 && !notes.isEmpty ? [.blank] : []) + notes.map { .note($0) }
        while !rest.isEmpty {
            if pages.isEmpty || pages[pages.count - 1].count >= rows { pages.append([]) }
            if pages[pages.count - 1].isEmpty, rest.first == .blank { rest.removeFirst(); continue }
            pages[pages.count - 1].append(rest.removeFirst())
        }
        return pages.isEmpty ? [[]] : pages
    }

    /// `text` broken at spaces into lines of at most `width` cells (a word longer than that is cut when drawn).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if candidate.displayWidth <= width || line.isEmpty {
                line = candidate
            } else {
                lines.append(line)
                line = word
            }
        }
        return lines + [line]
    }

    func render(into buffer: inout Buffer, area: Rect) {
        let layout = layout(in: area)
        let count = layout.pages.count
        let shown = ((page % count) + count) % count
        let tallest = layout.pages.map(\.count).max() ?? 0
        let width = min(area.width, layout.bodyWidth + 4)
        let height = min(area.height, tallest + 2)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        buffer.fill(box, with: Cell(" ", role: .help))
        PanelFrame(title: "Keys").render(into: &buffer, area: box)
        let inner = PanelFrame.inner(of: box)
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        for (offset, row) in layout.pages[shown].enumerated() {
            let y = content.y + offset
            guard y < content.bottom else { break }
            switch row {
            case let .commands(indices):
                for (column, index) in indices.enumerated() {
                    let x = content.x + column * (layout.columnWidth + Self.columnGap)
                    let cell = Rect(x: x, y: y, width: layout.columnWidth, height: 1).intersection(content)
                    buffer.write(commands[index].keys, x: x, y: y, role: .helpKey, clip: cell)
                    buffer.write(commands[index].help, x: x + layout.keyWidth + 1, y: y, role: .help, clip: cell)
                }
            case let .note(text): buffer.write(text, x: content.x, y: y, role: .help, clip: content)
            case .blank: break
            }
        }
        if count > 1 {
            buffer.write(" \(shown + 1)/\(count) Space: next page ", x: box.x + 2, y: box.bottom - 1, role: .helpKey, clip: box)
        }
        buffer.write(" Esc closes ", x: box.right - 14, y: box.bottom - 1, role: .helpKey, clip: box)
    }
}

extension HelpOverlay where Action == TrainerAction {
    /// Notes on loss scaling and the mouse for learners who bring numbers from elsewhere.
    static var trainerNotes: [String] {
        [
            "Loss: --loss mse|half-mse|sse|half-sse picks your course's J.",
            "κ GD: GD needs on the order of κ² steps; z shrinks κ.",
            "Mouse: buttons, choices, border words, sliders; Fit: click/drag/right-click.",
            "Partial fit: r + wⱼ·xⱼ against xⱼ, y less the other features' part.",
        ]
    }

    /// The trainer's help: `TrainerKeymap` and its notes.
    init(page: Int) {
        self.init(commands: TrainerKeymap.keys.commands, notes: Self.trainerNotes, page: page)
    }
}
