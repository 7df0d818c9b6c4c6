import ArgumentParser
import PoleRuntime
import PoleSim

/// Reads and parses a scenario file; exits 74 if it cannot be read and 65 if it is malformed.
func loadScenario(_ path: String) throws -> Scenario {
    let bytes: [UInt8]
    do {
        bytes = try ByteFile.readAll(path: path, limit: 64 << 20)
    } catch {
        printError("\(path): cannot read: \(error)")
        throw ExitCode(SysExit.ioError.rawValue)
    }
    switch ScenarioParser.parse(file: path, bytes: bytes) {
    case .success(let scenario):
        return scenario
    case .failure(let error):
        printError(error.description)
        throw ExitCode(SysExit.dataError.rawValue)
    }
}
