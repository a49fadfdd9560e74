// The race view's frame loop: input to every contestant, a redraw at most 30 times a second.
import Engine
import Foundation
import Plot
import Terminal

/// Runs the live race on a backend until the user quits. The contestants train on their own threads.
public final class RaceApp {
    public private(set) var state: RaceState
    private let race: RaceSession
    private let backend: Backend
    private var shownSteps: [Int]?

    public init(race: RaceSession, backend: Backend, styles: StyleSheet, state: RaceState) {
        self.race = race
        self.backend = backend
        self.state = state
        self.state.width = backend.size.width
        self.state.height = backend.size.height
        backend.apply(styles)
    }

    /// Runs until quit or a termination signal; returns the exit status. `maxIdleFrames` is for tests.
    @discardableResult
    public func run(maxIdleFrames: Int? = nil) -> Int32 {
        redraw(force: true)
        var idle = 0
        while state.exitCode == nil {
            if let event = backend.nextEvent(timeoutMilliseconds: Int(TrainerApp.frameInterval * 1000)) {
                idle = 0
                handle(event)
                redraw(force: true)
                continue
            }
            redraw(force: false)
            idle += 1
            if let maxIdleFrames, idle >= maxIdleFrames { break }
        }
        return state.exitCode ?? 0
    }

    public func handle(_ event: InputEvent) {
        for command in state.handle(event) { race.send(command) }
        for change in state.contestantChanges { race.send(.setHyperparameters(change.hyperparameters), to: change.index) }
        state.contestantChanges = []
    }

    private func redraw(force: Bool) {
        state.snapshots = race.snapshots()
        // Every contestant stopped by itself (step limit, divergence): the race is over.
        if state.isRunning, !state.snapshots.contains(where: { $0.status == .running }),
            state.snapshots.allSatisfy({ $0.status != .ready && $0.status != .paused })
        {
            state.isRunning = false
        }
        let steps = state.snapshots.map(\.step)
        guard force || steps != shownSteps else { return }
        let columns = max(1, (state.layout.chart.width - 8) * 2)
        backend.draw(RaceScreen(state: state, curves: race.lossCurves(columns: columns)).render())
        shownSteps = steps
    }
}
