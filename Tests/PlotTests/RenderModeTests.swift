// RenderMode detection from the locale and its fallback chain.
import Plot
import XCTest

final class RenderModeTests: XCTestCase {
    func testDetectFromLocale() {
        XCTAssertEqual(RenderMode.detect(environment: ["LANG": "en_US.UTF-8"]), .braille)
        XCTAssertEqual(RenderMode.detect(environment: ["LC_CTYPE": "de_DE.utf8"]), .braille)
        XCTAssertEqual(RenderMode.detect(environment: ["LANG": "C"]), .ascii)
        XCTAssertEqual(RenderMode.detect(environment: [:]), .ascii)
        // LC_ALL overrides the others; empty values are skipped, as POSIX does.
        XCTAssertEqual(RenderMode.detect(environment: ["LC_ALL": "POSIX", "LANG": "en_US.UTF-8"]), .ascii)
        XCTAssertEqual(RenderMode.detect(environment: ["LC_ALL": "", "LANG": "en_US.UTF-8"]), .braille)
    }

    func testFallbackChain() {
        XCTAssertEqual(RenderMode.braille.fallback, .halfBlock)
        XCTAssertEqual(RenderMode.halfBlock.fallback, .ascii)
        XCTAssertNil(RenderMode.ascii.fallback)
    }
}
