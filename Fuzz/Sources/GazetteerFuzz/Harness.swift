/// One fuzz target: a name for `FUZZ_TARGET`, set-up done once per process, and the body run on each input.
///
/// A body must not crash, hang or leak on any bytes at all; errors the code under test throws for bad input
/// are the right answer and are ignored. Where a property must hold for any input (the keys of a key are
/// the key), the body checks it and traps, so that libFuzzer saves the input.
struct Harness: Sendable {
    let name: String
    let prepare: @Sendable () -> Void
    let run: @Sendable ([UInt8]) -> Void

    init(_ name: String, prepare: @escaping @Sendable () -> Void = {}, run: @escaping @Sendable ([UInt8]) -> Void) {
        self.name = name
        self.prepare = prepare
        self.run = run
    }

    /// Every target, in the order `Scripts/fuzz` runs them.
    static let all: [Harness] = TextHarnesses.all + ImportHarnesses.all + ServiceHarnesses.all
}

/// Stops the process with `message` when a property fails (libFuzzer reports the input as a crash).
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError(message()) }
}
