// What Descent's one JSON path relies on from JSONEncoder on this Swift: sorted keys, shortest numbers, non-finite text.
import Engine
import Foundation
import XCTest

final class JSONCodingTests: XCTestCase {
    private struct Declared: Encodable {
        var zeta = 1, method = "gd", alpha = 2.5, middle: [Double] = [], beta = true
    }

    func testKeysAreSortedWhateverTheDeclarationOrder() throws {
        // JSONEncoder on Linux does not keep declaration order; every writer relies on `.sortedKeys` instead.
        let text = try JSONCoding.line(Declared())
        XCTAssertEqual(text, #"{"alpha":2.5,"beta":true,"method":"gd","middle":[],"zeta":1}"#)
        for _ in 0..<5 { XCTAssertEqual(try JSONCoding.line(Declared()), text, "the same text every time") }
    }

    func testNumbersAreTheShortestTextThatReadsBackExactly() throws {
        let expected: [(Double, String)] = [
            (0.1, "0.1"), (1, "1"), (-0.0, "-0"), (100, "100"), (1e-5, "1e-05"), (2.5e-8, "2.5e-08"), (1e22, "1e+22"),
            (0.30000000000000004, "0.30000000000000004"), (.leastNonzeroMagnitude, "5e-324"), (.greatestFiniteMagnitude, "1.7976931348623157e+308"),
            (1.0 / 3, "0.3333333333333333"), (123_456.789, "123456.789"),
        ]
        for (value, text) in expected {
            XCTAssertEqual(try JSONCoding.line([value]), "[\(text)]", "\(value)")
        }
        // A spread of magnitudes: each reads back bit for bit and is no longer than Swift's shortest description.
        var random = SeededGenerator(seed: 0x15_0A)
        for _ in 0..<2000 {
            let value = Double(bitPattern: random.next())
            guard value.isFinite else { continue }
            let text = String(try JSONCoding.line([value]).dropFirst().dropLast())
            XCTAssertEqual(Double(text)?.bitPattern, value.bitPattern, text)
            XCTAssertLessThanOrEqual(text.count, "\(value)".count, text)
        }
    }

    func testNonFiniteNumbersAreStringsThatReadBack() throws {
        let values: [Double] = [.infinity, -.infinity, .nan, 1.5]
        let data = try JSONCoding.encoder().encode(values)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["inf","-inf","nan",1.5]"#)
        let back = try JSONCoding.decoder().decode([Double].self, from: data)
        XCTAssertEqual(back[0], .infinity)
        XCTAssertEqual(back[1], -.infinity)
        XCTAssertTrue(back[2].isNaN)
        XCTAssertEqual(back[3], 1.5)
    }

    func testARunResultDecodesToWhatWasEncodedWithItsNullsWritten() throws {
        var schedule = LearningRateSchedule()
        schedule.kind = .step
        schedule.factor = 0.5
        schedule.every = 2
        let result = RunResult(
            method: "minibatch", dataset: "d \"quoted\" / slashed", features: ["x", "x^2"], coefficients: [0.1, -.infinity],
            intercept: nil, train: .init(mse: 4, r2: 0.25), test: nil, steps: 7, epochs: 0.5, status: .diverged,
            message: nil, largestStableLearningRate: .infinity, loss: .halfSSE, objective: 2, schedule: .init(schedule),
            finalLearningRate: 0.025)
        let data = try JSONCoding.encoder().encode(result)
        let text = String(decoding: data, as: UTF8.self)
        for null in ["intercept", "test", "message"] { XCTAssertTrue(text.contains("\"\(null)\":null"), "\(null) in \(text)") }
        XCTAssertTrue(text.contains(#""schedule":{"every":2,"gamma":0.5,"name":"step"}"#), text)
        XCTAssertTrue(text.contains(#""lr_max_stable":"inf""#), text)
        XCTAssertTrue(text.contains(#""train":{"mse":4,"r2":0.25,"rmse":2}"#), text)
        XCTAssertEqual(try JSONCoding.decoder().decode(RunResult.self, from: data), result)
        // The pretty form (the export's) reads back the same.
        XCTAssertEqual(try JSONCoding.decoder().decode(RunResult.self, from: JSONCoding.encoder(pretty: true).encode(result)), result)
    }
}
