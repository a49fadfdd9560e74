// Locked: changes from many threads at once are all kept, and a throwing body leaves the lock free.
import Dispatch
import Locking
import XCTest

final class LockedTests: XCTestCase {
    func testConcurrentChangesAreAllKept() {
        let counter = Locked(0), slots = Locked([Int](repeating: 0, count: 8))
        DispatchQueue.concurrentPerform(iterations: 8) { part in
            for _ in 0..<20_000 { counter.withLock { $0 += 1 } }
            slots.withLock { $0[part] = part + 1 }
        }
        XCTAssertEqual(counter.withLock { $0 }, 160_000, "no increment lost")
        XCTAssertEqual(slots.withLock { $0 }, Array(1...8))
    }

    func testAThrowingBodyKeepsItsChangeAndReleasesTheLock() {
        struct Refused: Error {}
        let value = Locked("a")
        XCTAssertThrowsError(try value.withLock { text in
            text += "b"
            throw Refused()
        })
        XCTAssertEqual(value.withLock { $0 }, "ab", "the lock is free again and the change stays")
    }
}
