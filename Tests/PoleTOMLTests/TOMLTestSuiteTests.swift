import PoleJSON
import PoleTOML
import Testing

/// The TOML 1.0 cases of toml-test: every valid document decodes to its JSON, every invalid one is
/// rejected.
@Suite(.enabled(if: TOMLTestSuite.directory != nil, Comment(rawValue: TOMLTestSuite.absentMessage)))
struct TOMLTestSuiteTests {
    @Test func everyValidCaseDecodesToItsJSON() throws {
        let cases = TOMLTestSuite.cases("valid")
        #expect(cases.count > 200, "the 1.0.0 list names over 200 valid cases")
        for name in cases {
            let toml = try #require(TOMLTestSuite.bytes(ofCase: name), "\(name) is listed but cannot be read")
            let jsonName = String(name.dropLast(".toml".count)) + ".json"
            let json = try #require(TOMLTestSuite.bytes(ofCase: jsonName), "\(jsonName) is missing")
            guard case .success(.object(let expected)) = JSONReader.parse(json) else {
                Issue.record("\(jsonName) is not a JSON object")
                continue
            }
            do {
                let document = try TOMLReader.read(toml)
                if let difference = TaggedJSON.difference(document, expected) {
                    Issue.record("\(name): \(difference)")
                }
            } catch {
                Issue.record("\(name) was rejected: \(error)")
            }
        }
        print("toml-test \(TOMLTestSuite.listName): \(cases.count) valid cases read and compared")
    }

    @Test func everyInvalidCaseIsRejected() throws {
        let cases = TOMLTestSuite.cases("invalid")
        #expect(cases.count > 400, "the 1.0.0 list names over 400 invalid cases")
        for name in cases {
            let toml = try #require(TOMLTestSuite.bytes(ofCase: name), "\(name) is listed but cannot be read")
            if let document = try? TOMLReader.read(toml) {
                Issue.record("\(name) was accepted: \(document.keys)")
            }
        }
        print("toml-test \(TOMLTestSuite.listName): \(cases.count) invalid cases read and rejected")
    }
}
