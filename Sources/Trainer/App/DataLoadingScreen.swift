// Waits for the data on a thread of its own while the terminal shows how far the load has got.
import Engine
import Foundation
import Locking
import Plot
import Terminal

/// How a wait for the data ended.
public enum LoadingOutcome<Value: Sendable> {
    case finished(Result<Value, any Error>)
    /// The user pressed q or Ctrl-C, or a termination signal came (with its number).
    case quit(signal: Int32?)
}

/// Runs `work` (the load and the session's setup) off the UI thread and redraws the loading line on `backend`
/// every 50 ms until it is done, so the screen is up from the start and never sits blank.
public enum DataLoadingScreen {
    public static func wait<Value: Sendable>(
        on backend: Backend, name: String, progress: LoadProgress, work: @escaping @Sendable () throws -> Value
    ) -> LoadingOutcome<Value> {
        let box = Locked<Result<Value, any Error>?>(nil)
        let thread = Thread {
            let result = Result { try work() }
            box.withLock { $0 = result }
        }
        thread.stackSize = 8 << 20
        thread.start()
        var shown: (text: String, width: Int, height: Int)?
        while true {
            if let result = box.withLock({ $0 }) { return .finished(result) }
            let line = LoadingLine(name: name, progress: progress)
            let size = backend.size
            if shown.map({ $0.text != line.text || $0.width != size.width || $0.height != size.height }) ?? true {
                backend.draw(line.render(width: size.width, height: size.height))
                shown = (line.text, size.width, size.height)
            }
            switch backend.nextEvent(timeoutMilliseconds: 50) {
            case .key(.character("q")), .key(.control("c")): return .quit(signal: nil)
            case .terminationSignal(let signal): return .quit(signal: signal)
            default: break
            }
        }
    }
}
