// A teacher's preset: data, hyperparameters, stop criteria and locked or hidden controls, read from TOML.
import Foundation
import TOMLKit

/// A lesson prepared in advance. The file (all tables and keys optional):
/// ```toml
/// name = "overshoot"
/// description = "…"
/// [data]      # dataset | file, target, features, rows, noise, condition, poly, test_fraction, seed,
///             # intercept, standardize
/// [training]  # method, update, lr, loss, batch_size, momentum, l2, l1, speed,
///             # init ("zero" | "random" | the starting weights [w1, …, b] in data units),
///             # schedule, decay, power_t, gamma, every, horizon, floor
/// [stop]      # steps, epochs, tol
/// [controls]  # locked = ["lr", …], hidden = ["closed-form", …] (names: PresetControl)
/// [display]   # fps (frames a second at most, 1…60, as --fps: 10 suits a slow link)
/// ```
/// A data `file` is relative to the preset's directory. Unknown keys and bad values are errors naming
/// file:line and the key.
public struct Preset: Sendable {
    public var name: String
    public var description: String?
    public var setup: SessionSetup
    /// Steps per second in the UI (nil: as fast as possible).
    public var speed: Double?
    /// Frames drawn per second at most (`display.fps`; nil: the trainer's default).
    public var framesPerSecond: Double?
    public var locked: Set<PresetControl>
    public var hidden: Set<PresetControl>
    /// Every key the file set, as "table.key" (e.g. "training.lr"), so callers can layer their own defaults.
    public var keys: Set<String>
    /// The file it was read from (named in errors found after reading).
    public var file = ""
    /// The line of `training.init` when it gives starting weights (their count is checked against the data later).
    public var initialWeightsLine: Int?

    /// `problem` with the starting weights of `training.init`, as file:line and the key.
    public func initialWeightsError(_ problem: String) -> PresetError {
        PresetError(file: file, line: initialWeightsLine, key: "training.init", reason: problem)
    }

    public static func load(path: String) throws -> Preset {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw PresetError(
                file: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot read the file (not UTF-8?)" : "no such file")
        }
        return try parse(text, file: path)
    }

    /// Parses preset text; `file` names it in errors and anchors a relative data `file`.
    public static func parse(_ text: String, file: String) throws -> Preset {
        let root: TOMLTable
        do { root = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw PresetError(
                file: file, line: error.source.begin.line, column: error.source.begin.column, reason: error.description)
        }
        var reader = PresetReader(text: text, file: file)
        return try reader.read(root)
    }
}

/// Walks a parsed preset table, checking each key and value, and remembers what was set.
private struct PresetReader {
    let locator: TOMLKeyLocator
    let file: String
    var keys: Set<String> = []

    init(text: String, file: String) {
        locator = TOMLKeyLocator(text)
        self.file = file
    }

    static let tables: [String: Set<String>] = [
        "data": [
            "dataset", "part", "file", "target", "features", "rows", "noise", "condition", "poly", "test_fraction", "seed",
            "intercept", "standardize",
        ],
        "training": [
            "method", "update", "lr", "loss", "batch_size", "momentum", "l2", "l1", "init", "speed", "schedule", "decay", "power_t",
            "gamma", "every", "horizon", "floor",
        ],
        "stop": ["steps", "epochs", "tol"],
        "controls": ["locked", "hidden"],
        "display": ["fps"],
    ]

    /// The line that sets `key` inside `[table]` (or at the top when table is nil; the `[table]` header itself
    /// when key is empty), or the nearest enclosing table's line.
    func line(of key: String, in table: String?) -> Int? {
        locator.line(of: (table.map { [$0] } ?? []) + (key.isEmpty ? [] : [key]))
    }

    func error(_ table: String?, _ key: String, _ reason: String) -> PresetError {
        PresetError(
            file: file, line: line(of: key, in: table), key: table.map { "\($0).\(key)" } ?? key, reason: reason)
    }

    mutating func read(_ root: TOMLTable) throws -> Preset {
        var name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var description: String?
        for key in root.keys {
            let value = root[key]!
            switch key {
            case "name", "description":
                guard let string = value.string else { throw error(nil, key, "must be a string") }
                if key == "name" { name = string } else { description = string }
            default:
                guard let known = PresetReader.tables[key] else {
                    var failure = error(nil, key, "unknown key (expected name, description, [data], [training], [stop], [controls], [display])")
                    if value.table != nil { failure.line = line(of: "", in: key) }
                    throw failure
                }
                guard let table = value.table else { throw error(nil, key, "must be a table [\(key)]") }
                for inner in table.keys where !known.contains(inner) {
                    throw error(key, inner, "unknown key (expected one of \(known.sorted().joined(separator: ", ")))")
                }
            }
        }
        let setup = SessionSetup(
            data: try data(root["data"]?.table), hyperparameters: try hyperparameters(root["training"]?.table),
            stop: try stop(root["stop"]?.table))
        var preset = Preset(
            name: name, description: description, setup: setup, speed: nil, framesPerSecond: nil, locked: [], hidden: [], keys: [])
        preset.file = file
        if let training = root["training"]?.table {
            if let values = training["init"]?.array {
                preset.setup.initialWeights = try numbers(values, "training", "init")
                preset.initialWeightsLine = line(of: "init", in: "training")
            } else {
                preset.setup.randomInit = try choice(training, "training", "init", ["zero", "random"]) == "random"
            }
            preset.speed = try number(training, "training", "speed") { $0 > 0 ? nil : "must be a positive number" }
        }
        if let display = root["display"]?.table {
            // The same range as --fps.
            preset.framesPerSecond = try number(display, "display", "fps") { $0 >= 1 && $0 <= 60 ? nil : "must be between 1 and 60" }
        }
        if let controls = root["controls"]?.table {
            preset.locked = try controlList(controls, "locked")
            preset.hidden = try controlList(controls, "hidden")
        }
        preset.keys = keys
        return preset
    }

    // MARK: Values

    mutating func number(
        _ table: TOMLTable, _ tableName: String, _ key: String, _ check: (Double) -> String? = { _ in nil }
    ) throws -> Double? {
        guard let value = table[key] else { return nil }
        guard let number = value.double ?? value.int.map(Double.init) else { throw error(tableName, key, "must be a number") }
        guard number.isFinite else { throw error(tableName, key, "must be finite") }
        if let problem = check(number) { throw error(tableName, key, "\(problem), got \(number)") }
        keys.insert("\(tableName).\(key)")
        return number
    }

    /// A list of finite numbers (`init = [2.5, -1]`).
    mutating func numbers(_ array: TOMLArray, _ tableName: String, _ key: String) throws -> [Double] {
        var result: [Double] = []
        for item in array {
            guard let number = item.double ?? item.int.map(Double.init) else {
                throw error(tableName, key, "must be \"zero\", \"random\" or the starting weights [w1, …, b] (numbers)")
            }
            guard number.isFinite else { throw error(tableName, key, "every value must be finite, got \(number)") }
            result.append(number)
        }
        guard !result.isEmpty else { throw error(tableName, key, "the starting weights [w1, …, b] need at least two values") }
        keys.insert("\(tableName).\(key)")
        return result
    }

    mutating func integer(
        _ table: TOMLTable, _ tableName: String, _ key: String, _ check: (Int) -> String? = { _ in nil }
    ) throws -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int else { throw error(tableName, key, "must be a whole number") }
        if let problem = check(number) { throw error(tableName, key, "\(problem), got \(number)") }
        keys.insert("\(tableName).\(key)")
        return number
    }

    mutating func flag(_ table: TOMLTable, _ tableName: String, _ key: String) throws -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else { throw error(tableName, key, "must be true or false") }
        keys.insert("\(tableName).\(key)")
        return flag
    }

    mutating func string(_ table: TOMLTable, _ tableName: String, _ key: String) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else { throw error(tableName, key, "must be a string") }
        keys.insert("\(tableName).\(key)")
        return string
    }

    mutating func choice(_ table: TOMLTable, _ tableName: String, _ key: String, _ options: [String]) throws -> String? {
        guard let string = try string(table, tableName, key) else { return nil }
        guard options.contains(string) else {
            throw error(tableName, key, "'\(string)' is not one of \(options.joined(separator: ", "))")
        }
        return string
    }

    mutating func strings(_ table: TOMLTable, _ tableName: String, _ key: String) throws -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw error(tableName, key, "must be a list of strings") }
        var result: [String] = []
        for item in array {
            guard let string = item.string else { throw error(tableName, key, "must be a list of strings") }
            result.append(string)
        }
        keys.insert("\(tableName).\(key)")
        return result
    }

    mutating func controlList(_ table: TOMLTable, _ key: String) throws -> Set<PresetControl> {
        let names = try strings(table, "controls", key) ?? []
        var result: Set<PresetControl> = []
        for name in names {
            guard let control = PresetControl(rawValue: name) else {
                throw error("controls", key, "unknown control '\(name)' (expected \(PresetControl.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            result.insert(control)
        }
        return result
    }

    // MARK: Tables

    mutating func data(_ table: TOMLTable?) throws -> DataSpecification {
        var spec = DataSpecification()
        guard let table else { return spec }
        let t = "data"
        let dataset = try choice(table, t, "dataset", BuiltinDataset.allCases.map(\.rawValue))
        if let path = try string(table, t, "file") {
            if dataset != nil { throw error(t, "file", "give a file or a dataset, not both") }
            let base = URL(fileURLWithPath: file).deletingLastPathComponent()
            spec.source = .csv(path: path.hasPrefix("/") ? path : base.appendingPathComponent(path).path)
        } else if let dataset {
            spec.source = .builtin(BuiltinDataset(rawValue: dataset)!)
        }
        spec.target = try string(table, t, "target")
        if let value = table["features"] {
            if let count = value.int {
                guard case .builtin(.synthetic) = spec.source else {
                    throw error(t, "features", "a count is for dataset = \"synthetic\"; give a list of column names")
                }
                guard count >= 1, count <= 10_000 else { throw error(t, "features", "must be from 1 to 10000, got \(count)") }
                spec.synthetic.features = count
                keys.insert("data.features")
            } else {
                spec.features = try strings(table, t, "features")
            }
        }
        spec.synthetic.rows = try integer(table, t, "rows") { $0 >= 2 ? nil : "must be at least 2" }
        spec.synthetic.part = try integer(table, t, "part") { (1...4).contains($0) ? nil : "must be from 1 to 4" }
        spec.synthetic.noise = try number(table, t, "noise") { $0 >= 0 ? nil : "must be at least 0" } ?? spec.synthetic.noise
        spec.synthetic.conditionNumber = try number(table, t, "condition") { $0 >= 1 ? nil : "must be at least 1" }
            ?? spec.synthetic.conditionNumber
        spec.polynomialDegree = try integer(table, t, "poly") { (1...20).contains($0) ? nil : "must be from 1 to 20" } ?? 1
        spec.testFraction = try number(table, t, "test_fraction") { $0 >= 0 && $0 < 1 ? nil : "must be at least 0 and below 1" } ?? 0
        spec.seed = UInt64(try integer(table, t, "seed") { $0 >= 0 ? nil : "must be at least 0" } ?? 0)
        spec.fitIntercept = try flag(table, t, "intercept") ?? true
        spec.standardize = try flag(table, t, "standardize") ?? true
        // The rules typed options meet (sizes included), named by this file's key.
        if let problem = spec.problem() {
            let key = problem.option == "--test-fraction" ? "test_fraction" : String(problem.option.dropFirst(2))
            throw error(t, key, problem.reason)
        }
        return spec
    }

    mutating func hyperparameters(_ table: TOMLTable?) throws -> Hyperparameters {
        var h = Hyperparameters()
        guard let table else { return h }
        let t = "training"
        if let method = try choice(table, t, "method", TrainingMethod.allCases.map(\.rawValue)) {
            h.method = TrainingMethod(rawValue: method)!
        }
        if let update = try choice(table, t, "update", UpdateRule.allCases.map(\.rawValue)) {
            h.update = UpdateRule(rawValue: update)!
        }
        if let loss = try choice(table, t, "loss", LossScaling.allCases.map(\.rawValue)) {
            h.loss = LossScaling(rawValue: loss)!
        }
        h.learningRate = try number(table, t, "lr") { $0 > 0 ? nil : "must be a positive number" } ?? h.learningRate
        h.batchSize = try integer(table, t, "batch_size") { $0 >= 1 ? nil : "must be at least 1" } ?? h.batchSize
        h.momentum = try number(table, t, "momentum") { $0 >= 0 && $0 < 1 ? nil : "must be in [0, 1)" } ?? h.momentum
        h.l2 = try number(table, t, "l2") { $0 >= 0 ? nil : "must be at least 0" } ?? h.l2
        h.l1 = try number(table, t, "l1") { $0 >= 0 ? nil : "must be at least 0" } ?? h.l1
        if let kind = try choice(table, t, "schedule", ScheduleKind.allCases.map(\.rawValue)) {
            h.schedule.kind = ScheduleKind(rawValue: kind)!
        }
        let owners: [(String, ScheduleKind)] = [
            ("decay", .inverse), ("power_t", .invscaling), ("gamma", .step), ("every", .step), ("horizon", .cosine),
            ("floor", .cosine),
        ]
        for (key, owner) in owners where table[key] != nil && owner != h.schedule.kind {
            throw error(t, key, "is a parameter of schedule = \"\(owner.rawValue)\", not \"\(h.schedule.kind.rawValue)\"")
        }
        h.schedule.decay = try number(table, t, "decay") { $0 >= 0 ? nil : "must be at least 0" } ?? h.schedule.decay
        h.schedule.power = try number(table, t, "power_t") { $0 >= 0 ? nil : "must be at least 0" } ?? h.schedule.power
        h.schedule.factor = try number(table, t, "gamma") { $0 > 0 && $0 <= 1 ? nil : "must be in (0, 1]" } ?? h.schedule.factor
        h.schedule.every = try number(table, t, "every") { $0 > 0 ? nil : "must be a positive number of epochs" } ?? h.schedule.every
        h.schedule.horizon = try integer(table, t, "horizon") { $0 >= 1 ? nil : "must be at least 1 step" } ?? h.schedule.horizon
        h.schedule.floor = try number(table, t, "floor") { $0 >= 0 && $0 <= 1 ? nil : "must be in [0, 1]" } ?? h.schedule.floor
        return h
    }

    mutating func stop(_ table: TOMLTable?) throws -> StopCriteria {
        var stop = StopCriteria()
        guard let table else { return stop }
        let t = "stop"
        stop.steps = try integer(table, t, "steps") { $0 >= 1 ? nil : "must be at least 1" }
        stop.epochs = try number(table, t, "epochs") { $0 > 0 ? nil : "must be a positive number" }
        stop.tolerance = try number(table, t, "tol") { $0 >= 0 ? nil : "must be at least 0" } ?? 0
        return stop
    }
}
