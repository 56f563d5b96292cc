import Foundation

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

    /// A database built with `gazetteer import geonames` from the resolver tests' fixtures, once.
    static let database: String = {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ResolutionTests/Fixtures")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString).sqlite").path
        let result = try! run(["import", "geonames", fixtures.appendingPathComponent("places.txt").path,
                               "--countries", fixtures.appendingPathComponent("countryInfo.txt").path,
                               "--admin1", fixtures.appendingPathComponent("admin1.txt").path,
                               "--curated", fixtures.appendingPathComponent("curated").path, "--out", path])
        precondition(result.status == 0, result.stderr)
        return path
    }()
}
