// `descent bench`'s frame_loop_stall_ms: the longest the real frame loop goes without looking for input while
// the landscape, a narrated step and an export are worked on for a large data set.
import Engine
import Foundation
import Plot
import Terminal

/// Drives a `TrainerApp` at 120×40 on a scripted backend through the heavy classroom actions and reports its
/// `worstFrameSeconds`. The target is one frame at 30 fps (33 ms): the loop only copies and draws, the
/// session's worker does the work.
public enum FrameLoopStallBenchmark {
    /// The worst frame in milliseconds. Training runs (GD, as fast as it goes) throughout except while narrated.
    /// Exports go to `exportDirectory`.
    public static func worstStallMilliseconds(data: Dataset, exportDirectory: String) -> Double {
        let hyperparameters = Hyperparameters(method: .gd, learningRate: 0.1)
        let session = TrainingSession(train: data, hyperparameters: hyperparameters)
        defer { session.shutdown() }
        let backend = ScriptedBackend(width: 120, height: 40)
        let state = TrainerState(
            width: 120, height: 40, hyperparameters: hyperparameters, speed: .unlimited, rowCount: data.rowCount,
            dataName: data.name, featureNames: data.featureNames)
        let app = TrainerApp(
            session: session, backend: backend, catalog: ThemeCatalog(userDirectory: nil), state: state, noColor: true)
        app.exportDirectory = exportDirectory

        func play(_ keys: [Key], idleFrames: Int) {
            backend.events = keys.map { .key($0) }
            app.run(maxIdleFrames: idleFrames)
        }
        /// Frames go on until the worker has answered (at most about a minute).
        func framesUntilTheWorkerIsDone() {
            var rounds = 0
            repeat {
                app.run(maxIdleFrames: 3)
                rounds += 1
            } while !session.worker.isIdle && rounds < 600
            play([], idleFrames: 5)
        }
        play([.character(" ")], idleFrames: 15)  // training runs; the scatter's predictions come from the worker
        play([.character("v")], idleFrames: 1)  // the landscape: a Gram pass and a closed-form solve
        framesUntilTheWorkerIsDone()
        play([.character("v"), .character("n")], idleFrames: 1)  // back to the panels; narrate (pauses)
        framesUntilTheWorkerIsDone()
        play([.character("n")], idleFrames: 1)  // take the narrated step, narrate the next
        framesUntilTheWorkerIsDone()
        play([.escape, .character(" "), .character("e")], idleFrames: 1)  // run again, and export meanwhile
        framesUntilTheWorkerIsDone()
        return app.worstFrameSeconds * 1000
    }
}

/// A backend that plays a list of events and throws frames away (a benchmark need not keep hundreds of them).
private final class ScriptedBackend: Backend {
    let size: (width: Int, height: Int)
    var events: [InputEvent] = []

    init(width: Int, height: Int) { size = (width, height) }

    func apply(_ styles: StyleSheet) {}

    func draw(_ frame: Buffer) {}

    /// The next event at once; none left: waits out the frame's timeout like a terminal with no input.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard events.isEmpty else { return events.removeFirst() }
        if timeoutMilliseconds > 0 { Thread.sleep(forTimeInterval: Double(timeoutMilliseconds) / 1000) }
        return nil
    }
}
