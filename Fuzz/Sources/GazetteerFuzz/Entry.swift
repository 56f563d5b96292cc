import Foundation

// libFuzzer's entry points. The harness is chosen once, by `FUZZ_TARGET`, so that one binary (one build,
// one link under the sanitizers) serves every target.

/// The harness this process runs, from `FUZZ_TARGET`; `list` prints the names and exits.
nonisolated(unsafe) private var selected: Harness?

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    if name == "list" {
        print(Harness.all.map(\.name).joined(separator: "\n"))
        exit(0)
    }
    guard let harness = Harness.all.first(where: { $0.name == name }) else {
        FileHandle.standardError.write(Data(
            "gazetteer-fuzz: error: set FUZZ_TARGET to one of: \(Harness.all.map(\.name).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    harness.prepare()
    selected = harness
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    selected?.run(bytes)
    return 0
}
