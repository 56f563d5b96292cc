import Foundation
import GazetteerFixture

/// Runs the built `gazetteer` executable, as a user would, and captures what it prints.
struct CommandRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable beside the test bundle in the build folder.
    static var executable: URL {
        var folder = Bundle.main.bundleURL
        while folder.path != "/", !FileManager.default.fileExists(atPath: folder.appendingPathComponent("gazetteer").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("gazetteer")
    }

    @discardableResult
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> Output {
        try capture(executable, arguments, input: input, environment: environment)
    }

    /// Runs a bash script in `folder` with `$G` naming the executable: for what `Process` cannot set up, such
    /// as closed or full standard streams, FIFOs and `<(…)`.
    @discardableResult
    static func shell(_ script: String, in folder: URL) throws -> Output {
        try capture(URL(fileURLWithPath: "/bin/bash"), ["-c", "cd '\(folder.path)' || exit 99\n" + script],
                    environment: ["G": executable.path])
    }

    private static func capture(_ program: URL, _ arguments: [String], input: String? = nil,
                                environment: [String: String]) throws -> Output {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// A fresh scratch folder.
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs the executable with standard output (and standard error, if `withErrors`) on a pseudo-terminal,
    /// as in an interactive shell, and returns what it printed there (the terminal turns "\n" into "\r\n").
    static func runOnTerminal(_ arguments: [String], input: String, environment: [String: String],
                              withErrors: Bool = false) throws -> String {
        let terminal = PseudoTerminal.openpt(O_RDWR | O_NOCTTY)
        precondition(terminal >= 0 && PseudoTerminal.grantpt(terminal) == 0 && PseudoTerminal.unlockpt(terminal) == 0,
                     "no pseudo-terminal")
        defer { close(terminal) }
        let screen = open(String(cString: PseudoTerminal.ptsname(terminal)), O_RDWR | O_NOCTTY)
        precondition(screen >= 0, "cannot open the pseudo-terminal's other end")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle(fileDescriptor: screen, closeOnDealloc: false)
        process.standardError = withErrors ? process.standardOutput : FileHandle.nullDevice
        try process.run()
        close(screen)
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        // The read fails with EIO once the program has exited and no one holds the terminal's other end.
        while case let count = read(terminal, &chunk, chunk.count), count > 0 { output += chunk[0..<count] }
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }

    /// A database built with `gazetteer import geonames` from the shared test fixtures, once.
    static let database: String = {
        let fixtures = FixtureGazetteer.directory
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString).sqlite").path
        let result = try! run(["import", "geonames", fixtures.appendingPathComponent("places.txt").path,
                               "--countries", fixtures.appendingPathComponent("countryInfo.txt").path,
                               "--admin1", fixtures.appendingPathComponent("admin1.txt").path,
                               "--curated", fixtures.appendingPathComponent("curated").path, "--out", path])
        precondition(result.status == 0, result.stderr)
        return path
    }()
}

/// glibc's pseudo-terminal calls, which its Swift module leaves out (they need `_XOPEN_SOURCE`), found by
/// name in the C library.
private enum PseudoTerminal {
    private static func function<T>(_ name: String, as type: T.Type) -> T {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { fatalError("no \(name) in libc") }
        return unsafeBitCast(symbol, to: type)
    }

    static let openpt = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    static let grantpt = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    static let unlockpt = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    static let ptsname = function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>).self)
}
