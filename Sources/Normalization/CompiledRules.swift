import Synchronization
import SystemICU

/// A rule file's text and its ICU transliterator, compiled when first needed or at once.
final class CompiledRules: Sendable {
    let text: String
    let path: String
    private let compiled: Mutex<Transliterator?>

    /// - Parameter compileNow: compile at once, so that a fault is reported now rather than on first use.
    init(text: String, path: String, compileNow: Bool) throws(RuleError) {
        self.text = text
        self.path = path
        compiled = Mutex(compileNow ? try NormalizationRules.compile(text, path: path) : nil)
    }

    /// Compiles the rules if they are not yet.
    /// - Throws: ``RuleError`` naming the file, line and column of a fault.
    func compile() throws(RuleError) {
        try compiled.withLock { (transliterator: inout Transliterator?) throws(RuleError) in
            if transliterator == nil { transliterator = try NormalizationRules.compile(text, path: path) }
        }
    }

    /// The compiled rules. Compiling on first use is chosen only for text that a generated table says this
    /// same ICU compiled, so the rule text cannot be what fails here.
    var transliterator: Transliterator {
        compiled.withLock { transliterator in
            if let transliterator { return transliterator }
            do {
                let made = try NormalizationRules.compile(text, path: path)
                transliterator = made
                return made
            } catch {
                preconditionFailure("\(error)")
            }
        }
    }
}
