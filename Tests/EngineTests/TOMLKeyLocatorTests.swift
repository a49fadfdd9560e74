// TOMLKeyLocator: the line of a key path in TOML text, as presets and themes name it in messages.
import Engine
import XCTest

final class TOMLKeyLocatorTests: XCTestCase {
    func testHeadersKeysAndTheirQuotedAndDottedForms() {
        let locator = TOMLKeyLocator("""
            # a comment = not a key
            name = "x"
            "loss.train" = { fg = "sky" }
            'text.dim' = "grey"
            data.seed = 3
            [ training ]
              lr = 0.1
            "batch_size"=8
            [palette.more]
            "tab\\tbed" = 1
            "\\u0041B" = 2
            [[runs]]
            speed = 1
            """)
        XCTAssertEqual(locator.line(of: ["name"]), 2)
        XCTAssertEqual(locator.line(of: ["loss.train"]), 3, "a quoted key with a dot is one key")
        XCTAssertNil(locator.line(of: ["loss"]), "…not the table loss")
        XCTAssertEqual(locator.line(of: ["text.dim"]), 4, "a 'literal' key")
        XCTAssertEqual(locator.line(of: ["data", "seed"]), 5, "a dotted key defines its table")
        XCTAssertEqual(locator.line(of: ["data"]), 5)
        XCTAssertEqual(locator.line(of: ["training"]), 6)
        XCTAssertEqual(locator.line(of: ["training", "lr"]), 7)
        XCTAssertEqual(locator.line(of: ["training", "batch_size"]), 8)
        XCTAssertEqual(locator.line(of: ["palette"]), 9, "[palette.more] implies [palette]")
        XCTAssertEqual(locator.line(of: ["palette", "more", "tab\tbed"]), 10, "escapes in a basic key")
        XCTAssertEqual(locator.line(of: ["palette", "more", "AB"]), 11)
        XCTAssertEqual(locator.line(of: ["runs", "speed"]), 13)
        XCTAssertEqual(locator.line(of: ["loss.train", "fg"]), 3, "a field of an inline table: its key's line")
        XCTAssertFalse(locator.writesOut(["loss.train", "fg"]))
        XCTAssertTrue(locator.writesOut(["data", "seed"]))
        XCTAssertTrue(locator.writesOut(["palette", "more"]))
        XCTAssertEqual(locator.line(of: ["training", "speed"]), 6, "a key not written: its table's line")
        XCTAssertNil(locator.line(of: ["stop", "steps"]))
        XCTAssertNil(locator.line(of: []))
    }

    func testLinesInsideMultiLineValuesAreNotKeys() {
        let locator = TOMLKeyLocator("""
            description = \"\"\"
            lr = 5 is how it starts
            [training] is in the text
            \"\"\"
            list = [
              "lr = 1",
              { lr = 2 },
            ]
            'a' = '''
            b = 1'''
            [training]
            lr = 0.1 # lr = 7
            """)
        XCTAssertEqual(locator.line(of: ["description"]), 1)
        XCTAssertEqual(locator.line(of: ["list"]), 5)
        XCTAssertNil(locator.line(of: ["lr"]), "text in a string or an array is not a key")
        XCTAssertNil(locator.line(of: ["b"]))
        XCTAssertEqual(locator.line(of: ["training"]), 11)
        XCTAssertEqual(locator.line(of: ["training", "lr"]), 12)
    }

    func testAPresetKeyWrittenDottedIsLocated() {
        // Written as a dotted key at the top, the key still gets its line (the old locator looked only under [data]).
        XCTAssertThrowsError(try Preset.parse("name = \"n\"\ndata.seed = -1\n", file: "p.toml")) {
            XCTAssertEqual("\($0)", "p.toml:2: key 'data.seed': must be at least 0, got -1")
        }
    }
}
