// The golden frames of these tests: Golden/ beside this file, text and style (TestSupport's GoldenFrame).
import TestSupport

let golden = GoldenFrame()
