// Replaying a recording headless: the session's loop, step for step, on a TrainingRun.

extension SessionRecording {
    /// Why this recording cannot play on data with `featureCount` features (its start, or a start it chose later,
    /// has the wrong number of weights), naming the line; nil when it can.
    public func problem(featureCount: Int) -> RecordingError? {
        if let problem = setup.initialWeightsProblem(featureCount: featureCount) {
            return RecordingError(file: file, line: 1, reason: "'setup.initialWeights': \(problem)")
        }
        for (index, applied) in commands.enumerated() {
            guard case .startFrom(let weights) = applied.command,
                let problem = SessionSetup.startingWeightsProblem(weights, featureCount: featureCount)
            else { continue }
            return RecordingError(
                file: file, line: index < commandLines.count ? commandLines[index] : nil, reason: "'command.startFrom': \(problem)")
        }
        return nil
    }

    /// Replays the recording on `loaded` (loaded from `setup.data`) without a thread, doing to the run exactly
    /// what a session's loop did: the same commands at the same steps, the same loss refreshes on pause, step,
    /// reset, self-stop and on any command that arrives while running. The result matches the recorded session
    /// bit for bit. Ends at the final line's step (or where the last command left the run when there is none).
    public func replay(on loaded: LoadedData) throws -> TrainingRun {
        if let problem = problem(featureCount: loaded.train.featureCount) { throw problem }
        var run = setup.makeRun(loaded)
        run.refreshLosses()
        var running = false

        /// Runs like the loop's bursts until `target` or until the run stops itself.
        func advance(to target: Int) {
            while running && run.step < target {
                let stepped = run.takeStep()
                if run.outcome != nil {
                    run.refreshLosses()
                    running = false
                } else if !stepped {
                    break
                }
            }
        }

        for (index, applied) in commands.enumerated() {
            let line = index < commandLines.count ? commandLines[index] : nil
            advance(to: applied.step)
            guard run.step == applied.step else {
                throw RecordingError(
                    file: file, line: line,
                    reason: "the command at step \(applied.step) cannot be replayed: the run is at step \(run.step)"
                        + (run.message.map { " (\($0))" } ?? ""))
            }
            // As the session's loop does: a command that arrives while running first settles this step's loss.
            if running {
                run.refreshLosses()
                if run.outcome != nil { running = false }
            }
            switch applied.command {
            case .start:
                run.resume()
                running = true
            case .pause:
                if running {
                    running = false
                    run.refreshLosses()
                }
            case .step:
                run.resume()
                running = false
                run.takeStep()
                run.refreshLosses()
            case .reset:
                run.reset()
                running = false
                run.refreshLosses()
            case .startFrom(let weights):
                guard run.start(from: weights) else {
                    // The count was checked up front (`problem(featureCount:)`): these values overflow in the run's units.
                    throw RecordingError(file: file, line: line, reason: "'command.startFrom': the values are too large for these data")
                }
                running = false
                run.refreshLosses()
            case .setHyperparameters, .setStandardized, .editData:
                run.apply(applied.command)
            case .setSpeed, .requestClosedForm:
                break
            }
        }
        if let final {
            advance(to: final.step)
            guard run.step == final.step else {
                throw RecordingError(
                    file: file, line: nil,
                    reason: "the final step \(final.step) cannot be reached: the replay stopped at step \(run.step)")
            }
        }
        return run
    }
}
