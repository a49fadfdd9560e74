// The rows GD runs on, and the fused passes over them that give loss and gradient together.
import CKernels
import Foundation

/// Row-major n × d features as stored, an optional standardization, and the target. With a scaling the passes
/// read every value as (x − shift)·inverseScale on the fly (the bits of a pass over `FeatureScaling.apply`'s
/// copy), so a standardized design shares the data set's storage. The passes run in C (`residual_pass.c`) at the
/// CPU's vector level and split large work across two threads with a fixed chunking and a fixed reduction order,
/// so the results are bit-identical from run to run.
public struct DesignMatrix: Sendable {
    /// The features as stored (not scaled), row-major.
    public let x: [Double]
    public let y: [Double]
    public let rowCount: Int
    public let columnCount: Int
    /// The standardization the passes apply as they read `x`; nil when they read it as stored.
    public let scaling: FeatureScaling?

    /// Work (rows × columns) above which a pass is split across two threads.
    static let parallelThreshold = 1 << 17

    /// `scaling` (d columns) is applied as the rows are read; the identity counts as none.
    public init(x: [Double], y: [Double], columnCount: Int, scaling: FeatureScaling? = nil) {
        precondition(x.count == y.count * columnCount)
        precondition(scaling.map { $0.shifts.count == columnCount && $0.scales.count == columnCount } ?? true)
        self.x = x
        self.y = y
        self.rowCount = y.count
        self.columnCount = columnCount
        self.scaling = scaling.flatMap { $0 == .identity(columnCount) ? nil : $0 }
    }

    /// Feature `column` of row `row` as the passes read it (scaled when the design has a scaling).
    public func value(row: Int, column: Int) -> Double {
        let stored = x[row * columnCount + column]
        guard let scaling else { return stored }
        return scaling.scaled(stored, column: column)
    }

    /// Calls `body` with the scaling's shifts and inverse scales (nil, nil without a scaling).
    private func withScaling<Result>(
        _ body: (UnsafePointer<Double>?, UnsafePointer<Double>?) -> Result
    ) -> Result {
        guard let scaling else { return body(nil, nil) }
        return scaling.shifts.withUnsafeBufferPointer { shifts in
            scaling.inverseScales.withUnsafeBufferPointer { inverses in body(shifts.baseAddress, inverses.baseAddress) }
        }
    }

    /// One pass over the given rows (all rows when `rows` is nil): returns Σr² and adds Σ r·xᵢ to
    /// `gradient[0..<d]` and Σ r to `gradient[d]`, r = x·w + b − y, at `parameters` = w then b.
    /// `gradient` (d + 1 entries) is overwritten. The caller scales by 2/|rows|. `lookahead` names rows that
    /// later passes will use: they are prefetched first, so that their cache misses overlap with this pass.
    public func residualPass(
        parameters: [Double], intercept: Double, rows: ArraySlice<Int>? = nil, lookahead: ArraySlice<Int> = [],
        gradient: inout [Double]
    ) -> Double {
        residualPass(
            parameters: parameters, intercept: intercept, rows: rows, lookahead: lookahead, gradient: &gradient,
            level: descent_vector_level_current())
    }

    /// `residualPass` at a given vector level (tests compare every level the CPU supports).
    func residualPass(
        parameters: [Double], intercept: Double, rows: ArraySlice<Int>? = nil, lookahead: ArraySlice<Int> = [],
        gradient: inout [Double], level: descent_vector_level
    ) -> Double {
        let d = columnCount
        precondition(gradient.count == d + 1 && parameters.count >= d)
        guard rowCount > 0, rows?.isEmpty != true else {
            for j in 0...d { gradient[j] = 0 }
            return 0
        }
        return x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                parameters.withUnsafeBufferPointer { wb in
                    gradient.withUnsafeMutableBufferPointer { gb in
                        withScaling { shift, inverseScale in
                            let pass = ResidualPass(
                                level: level, x: xb.baseAddress!, y: yb.baseAddress!, columnCount: d, shift: shift,
                                inverseScale: inverseScale, w: wb.baseAddress!, intercept: intercept)
                            if !lookahead.isEmpty {
                                lookahead.withUnsafeBufferPointer { pass.prefetch(rows: $0) }
                            }
                            guard let rows else { return pass.run(indices: nil, count: rowCount, gradient: gb.baseAddress!) }
                            return rows.withUnsafeBufferPointer {
                                pass.run(indices: $0.baseAddress, count: $0.count, gradient: gb.baseAddress!)
                            }
                        }
                    }
                }
            }
        }
    }

    /// `residualPass` over the rows `order[batch]` (a mini-batch of an epoch's order), after starting to fetch
    /// the rows `order[lookahead]` that coming steps will use.
    public func residualPass(
        parameters: [Double], intercept: Double, order: [Int], batch: Range<Int>, lookahead: Range<Int>,
        gradient: inout [Double]
    ) -> Double {
        let d = columnCount
        precondition(gradient.count == d + 1 && parameters.count >= d && batch.upperBound <= order.count)
        precondition(lookahead.upperBound <= order.count)
        guard !batch.isEmpty else {
            for j in 0...d { gradient[j] = 0 }
            return 0
        }
        return x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                parameters.withUnsafeBufferPointer { wb in
                    gradient.withUnsafeMutableBufferPointer { gb in
                        order.withUnsafeBufferPointer { ob in
                            withScaling { shift, inverseScale in
                                let pass = ResidualPass(
                                    level: descent_vector_level_current(), x: xb.baseAddress!, y: yb.baseAddress!,
                                    columnCount: d, shift: shift, inverseScale: inverseScale, w: wb.baseAddress!,
                                    intercept: intercept)
                                pass.prefetch(rows: UnsafeBufferPointer(rebasing: ob[lookahead]))
                                return pass.run(
                                    indices: ob.baseAddress! + batch.lowerBound, count: batch.count,
                                    gradient: gb.baseAddress!)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Σr² over all rows at the given parameters (no gradient).
    public func sumOfSquaredResiduals(parameters: [Double], intercept: Double) -> Double {
        sumOfSquaredResiduals(parameters: parameters, intercept: intercept, level: descent_vector_level_current())
    }

    /// `sumOfSquaredResiduals` at a given vector level.
    func sumOfSquaredResiduals(parameters: [Double], intercept: Double, level: descent_vector_level) -> Double {
        let d = columnCount
        precondition(parameters.count >= d)
        guard rowCount > 0 else { return 0 }
        return x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                parameters.withUnsafeBufferPointer { wb in
                    withScaling { shift, inverseScale in
                        ResidualPass(
                            level: level, x: xb.baseAddress!, y: yb.baseAddress!, columnCount: d, shift: shift,
                            inverseScale: inverseScale, w: wb.baseAddress!, intercept: intercept
                        ).squaredResiduals(count: rowCount)
                    }
                }
            }
        }
    }

    /// AᵀA for A = [X 1] (the ones column last, included only when `withOnes`), as a dense symmetric matrix, X
    /// as the passes read it. A scaled design's Gram comes from one pass over the stored rows shifted by the
    /// scaling's shifts, its entries then multiplied by the inverse scales: no scaled copy of X is made.
    public func gram(withOnes: Bool) -> [Double] {
        guard let scaling else { return ClosedFormSolver.gramMatrix(rowCount: rowCount, design: x, withOnes: withOnes) }
        return ClosedFormSolver.gramMatrix(
            rowCount: rowCount, design: x, withOnes: withOnes, shifts: scaling.shifts,
            inverseScales: scaling.inverseScales)
    }
}
