import ArgumentParser
import PoleConfig
import PoleRuntime
import PoleSim
import PoleStore

/// Reads and parses a scenario file for `board`; exits 74 if it cannot be read and 65 if it is
/// malformed or names a zone or device the board lacks.
func loadScenario(_ path: String, board: BoardConfig) throws -> Scenario {
    let bytes: [UInt8]
    do {
        bytes = try ByteFile.readAll(path: path, limit: 64 << 20)
    } catch {
        printError("\(path): cannot read: \(error)")
        throw ExitCode(SysExit.ioError.rawValue)
    }
    switch ScenarioParser.parse(file: path, bytes: bytes) {
    case .success(let scenario):
        let problems = ScenarioBoardCheck.problems(scenario, board: board)
        guard problems.isEmpty else {
            printError(ScenarioError(file: path, problems: problems).description)
            throw ExitCode(SysExit.dataError.rawValue)
        }
        return scenario
    case .failure(let error):
        printError(error.description)
        throw ExitCode(SysExit.dataError.rawValue)
    }
}
