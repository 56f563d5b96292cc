/// ICU transform rules run in Swift on ASCII text, with ICU's semantics: the rules are tried in order at
/// each position, the first whose context and key match replaces its key, and the cursor moves past the
/// output (or to its `|`). Contexts see the text as already rewritten.
///
/// Only a subset of ICU's syntax is understood: `$name = …` variables, ASCII literals (plain, quoted or
/// escaped), character classes of ASCII characters and ranges (`[aeiou]`, `[^aeiou]`, `[b-df-h]`),
/// `{ }` context, a leading `^`, a trailing `$`, and `|` in the output. That is all `match-key.txt` uses;
/// for rule text outside the subset ``init(rules:)`` returns nil and the caller keeps ICU. A test checks
/// the interpreter against ICU on random text.
package struct ASCIIRules: Sendable {
    /// A set of ASCII characters as a 128-bit mask.
    struct CharacterSet: Sendable, Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        /// Whether the set holds ICU's "ether" (U+FFFF), as every negated class does: in a context, such a
        /// class matches the edge of the text, consuming nothing (`i { j } [^aeiou] > j` keeps a final j).
        var matchesEdge = false

        @inline(__always)
        func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? low >> byte & 1 != 0 : byte < 128 && high >> (byte - 64) & 1 != 0
        }

        mutating func insert(_ byte: UInt8) {
            if byte < 64 { low |= 1 << byte } else { high |= 1 << (byte - 64) }
        }

        /// Every ASCII character not in the set (the text is ASCII, so the complement stops there).
        var inverted: CharacterSet { CharacterSet(low: ~low, high: ~high, matchesEdge: !matchesEdge) }

        /// The class of one character.
        static func byte(_ byte: UInt8) -> CharacterSet {
            var set = CharacterSet()
            set.insert(byte)
            return set
        }

        @inline(__always)
        func matches(_ byte: UInt8) -> Bool { contains(byte) }
    }

    /// A pattern element: a literal is the class of one character, so matching is one bit test.
    typealias Element = CharacterSet

    private struct Rule {
        var anteContext: [Element] = []
        var key: [Element] = []
        var postContext: [Element] = []
        var anchoredAtStart = false
        var anchoredAtEnd = false
        var output: [UInt8] = []
        /// Where the cursor goes after a replacement, as an offset into `output`.
        var cursor: Int = 0
    }

    /// The rules, flattened for the hot loop: patterns as ranges of `elements`, outputs as ranges of
    /// `outputs`, so that trying a rule copies no arrays.
    private struct FlatRule {
        var ante: Range<Int>
        var key: Range<Int>
        var post: Range<Int>
        var output: Range<Int>
        var cursor: Int
        var anchoredAtStart: Bool
        var anchoredAtEnd: Bool
    }

    private let rules: [FlatRule]
    private let elements: [Element]
    private let outputs: [UInt8]
    /// For each ASCII character, the rules whose key can start with it, in rule order (as ICU indexes
    /// them): `candidates[candidateStarts[c]..<candidateStarts[c + 1]]`.
    private let candidates: [Int]
    private let candidateStarts: [Int]
    /// The most one replacement lengthens the text (0 for rules that never lengthen it, as the match-key
    /// rules): with ICU's limit of steps, it bounds the room a pass needs.
    private let growth: Int

    /// Parses ICU transform rule text; nil when it uses anything outside the subset described above.
    package init?(rules text: String) {
        var variables: [String: [Element]] = [:]
        var parsed: [Rule] = []
        guard let statements = Self.statements(text) else { return nil }
        for statement in statements {
            var parser = Parser(scalars: statement, variables: variables)
            parser.skipSpace()
            if parser.peek == "$", let name = parser.definedVariable() {
                guard let value = parser.elements(until: ["\u{0}"]) else { return nil }
                variables[name] = value
                continue
            }
            // ICU lets such a class match the end of the text inside a key too, making the key shorter: not
            // modelled, so rules with one stay with ICU.
            guard let rule = parser.rule(), !rule.key.contains(where: \.matchesEdge) else { return nil }
            parsed.append(rule)
        }
        var elements: [Element] = []
        var outputs: [UInt8] = []
        func append(_ pattern: [Element]) -> Range<Int> {
            elements += pattern
            return elements.count - pattern.count..<elements.count
        }
        rules = parsed.map { rule in
            let ante = append(rule.anteContext)
            let key = append(rule.key)
            let post = append(rule.postContext)
            outputs += rule.output
            return FlatRule(ante: ante, key: key, post: post, output: outputs.count - rule.output.count..<outputs.count,
                            cursor: rule.cursor, anchoredAtStart: rule.anchoredAtStart,
                            anchoredAtEnd: rule.anchoredAtEnd)
        }
        self.elements = elements
        self.outputs = outputs
        var candidates: [Int] = []
        var starts = [0]
        for byte in 0..<128 {
            candidates += parsed.indices.filter { parsed[$0].key[0].matches(UInt8(byte)) }
            starts.append(candidates.count)
        }
        self.candidates = candidates
        candidateStarts = starts
        growth = parsed.map { $0.output.count - $0.key.count }.max().map { max(0, $0) } ?? 0
    }

    /// Applies the rules once to `text` (ASCII). Returns whether the text changed, or nil, with `text`
    /// unspecified, when ICU's loop limit (16 steps per character) would have stopped the pass early: the
    /// caller then asks ICU.
    func apply(_ text: inout [UInt8]) -> Bool? {
        let count = text.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room(for: count)) { buffer in
            var length = count
            _ = buffer.initialize(fromContentsOf: text)
            let changed = apply(buffer, length: &length)
            text = Array(buffer[..<length])
            return changed
        }
    }

    /// The text `bytes` (ASCII) becomes when the rules are applied until it stops changing, at most `rounds`
    /// times; nil as ``apply(_:)``. The passes work in one buffer on the stack: a key costs no allocation
    /// but its `String`.
    func applyUntilStable(_ bytes: some Collection<UInt8>, rounds: Int) -> String? {
        let count = bytes.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room(for: count)) { buffer -> String? in
            var length = count
            _ = buffer.initialize(fromContentsOf: bytes)
            for _ in 0..<rounds {
                guard let changed = apply(buffer, length: &length) else { return nil }
                if !changed { break }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<length]), as: UTF8.self)
        }
    }

    /// `text` after at most `rounds` passes (until it stops changing) when it is ASCII, read from its UTF-8
    /// without a copy; nil when it is not ASCII, or when ICU's limit would stop a pass.
    package func apply(to text: String, rounds: Int) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return applyUntilStable(bytes, rounds: rounds)
        }
    }

    /// Room for a pass over `count` bytes: each of ICU's at most 16 steps a byte may lengthen the text by
    /// ``growth``, so later passes fit too only when nothing grows; a pass that would outgrow it gives up.
    private func room(for count: Int) -> Int {
        max(1, count + (count << 4) * growth)
    }

    /// One pass over `buffer[..<length]`, in place.
    private func apply(_ buffer: UnsafeMutableBufferPointer<UInt8>, length: inout Int) -> Bool? {
        rules.withUnsafeBufferPointer { rules in
            elements.withUnsafeBufferPointer { elements in
                candidates.withUnsafeBufferPointer { candidates in
                    candidateStarts.withUnsafeBufferPointer { starts in
                        outputs.withUnsafeBufferPointer { outputs in
                            Self.apply(buffer, length: &length, rules: rules, elements: elements,
                                       candidates: candidates, starts: starts, outputs: outputs)
                        }
                    }
                }
            }
        }
    }

    private static func apply(_ buffer: UnsafeMutableBufferPointer<UInt8>, length: inout Int,
                              rules: UnsafeBufferPointer<FlatRule>, elements: UnsafeBufferPointer<Element>,
                              candidates: UnsafeBufferPointer<Int>, starts: UnsafeBufferPointer<Int>,
                              outputs: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let text = buffer.baseAddress else { return false }
        var count = length
        var position = 0
        var steps = 0
        var changed = false
        let limit = count << 4
        while position < count {
            steps += 1
            if steps > limit { return nil }
            let byte = Int(text[position])
            guard byte < 128 else { return nil }
            var candidate = starts[byte]
            let last = starts[byte + 1]
            while candidate < last {
                let rule = rules[candidates[candidate]]
                candidate += 1
                guard matches(rule, elements: elements, in: text, count: count, at: position) else { continue }
                let keyLength = rule.key.count
                let output = rule.output
                if output.count != keyLength || !(0..<keyLength).allSatisfy({ text[position + $0] == outputs[output.lowerBound + $0] }) {
                    let newCount = count - keyLength + output.count
                    guard newCount <= buffer.count else { return nil }
                    if output.count != keyLength {
                        let tail = position + keyLength
                        (text + position + output.count).update(from: text + tail, count: count - tail)
                    }
                    for offset in 0..<output.count { text[position + offset] = outputs[output.lowerBound + offset] }
                    count = newCount
                    changed = true
                }
                position += rule.cursor - 1
                break
            }
            position += 1
        }
        length = count
        return changed
    }

    @inline(__always)
    private static func matches(_ rule: FlatRule, elements: UnsafeBufferPointer<Element>, in text: UnsafeMutablePointer<UInt8>,
                                count: Int, at position: Int) -> Bool {
        var back = position
        var index = rule.ante.upperBound
        while index > rule.ante.lowerBound {
            index -= 1
            if back > 0 {
                guard elements[index].matches(text[back - 1]) else { return false }
                back -= 1
            } else if !elements[index].matchesEdge {
                return false
            }
        }
        if rule.anchoredAtStart && back != 0 { return false }
        var forward = position
        index = rule.key.lowerBound
        while index < rule.post.upperBound {
            if forward < count {
                guard elements[index].matches(text[forward]) else { return false }
                forward += 1
            } else if !elements[index].matchesEdge {
                return false
            }
            index += 1
        }
        return !rule.anchoredAtEnd || forward == count
    }

    /// ICU's Pattern_White_Space, tested by value for ASCII: the rule files are read at start-up, and the
    /// property lookup for each character cost more than the rest of parsing them.
    private static func isPatternWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || ("\t"..."\r").contains(scalar) : scalar.properties.isPatternWhitespace
    }

    /// The rule text as statements (the text between semicolons), comments removed and quotes kept;
    /// nil for an unterminated quote.
    private static func statements(_ text: String) -> [[Unicode.Scalar]]? {
        var statements: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var quoted = false
        var comment = false
        var escaped = false
        for scalar in text.unicodeScalars {
            if comment {
                if scalar == "\n" { comment = false }
                continue
            }
            if escaped {
                current.append(scalar)
                escaped = false
                continue
            }
            switch scalar {
            case "\\" where !quoted:
                escaped = true
                current.append(scalar)
            case "'":
                quoted.toggle()
                current.append(scalar)
            case "#" where !quoted:
                comment = true
            case ";" where !quoted:
                statements.append(current)
                current = []
            default:
                current.append(scalar)
            }
        }
        guard !quoted, !escaped, current.allSatisfy(isPatternWhitespace) else { return nil }
        return statements.filter { !$0.allSatisfy(isPatternWhitespace) }
    }

    /// A reader of one statement.
    private struct Parser {
        let scalars: [Unicode.Scalar]
        let variables: [String: [Element]]
        var index = 0

        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func skipSpace() {
            while let scalar = peek, ASCIIRules.isPatternWhitespace(scalar) { index += 1 }
        }

        /// `$name =`: the name, with the reader past the `=`; nil (reader unmoved) when this is no definition.
        mutating func definedVariable() -> String? {
            let start = index
            index += 1
            let name = identifier()
            skipSpace()
            if !name.isEmpty, peek == "=" {
                index += 1
                return name
            }
            index = start
            return nil
        }

        mutating func identifier() -> String {
            var name = ""
            while let scalar = peek, scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "_" {
                name.unicodeScalars.append(scalar)
                index += 1
            }
            return name
        }

        /// `ante { key } post > output`, with the optional anchors.
        mutating func rule() -> Rule? {
            var rule = Rule()
            skipSpace()
            if peek == "^" {
                rule.anchoredAtStart = true
                index += 1
            }
            guard var first = elements(until: ["{", ">", "}"]) else { return nil }
            if peek == "{" {
                index += 1
                rule.anteContext = first
                guard let key = elements(until: ["}", ">"]) else { return nil }
                first = key
            }
            rule.key = first
            if peek == "}" {
                index += 1
                guard let post = elements(until: [">"]) else { return nil }
                rule.postContext = post
            }
            if rule.postContext.isEmpty ? trailingEndAnchor(in: &rule.key) : trailingEndAnchor(in: &rule.postContext) {
                rule.anchoredAtEnd = true
            }
            guard peek == ">", !rule.key.isEmpty else { return nil }
            index += 1
            guard let (output, cursor) = output() else { return nil }
            rule.output = output
            rule.cursor = cursor ?? output.count
            return rule
        }

        /// The end anchor is read as a marker element (the empty class, which no pattern has otherwise)
        /// and moved to the flag here.
        private func trailingEndAnchor(in elements: inout [Element]) -> Bool {
            guard elements.last == Self.endAnchor else { return false }
            elements.removeLast()
            return true
        }

        private static let endAnchor = CharacterSet()

        /// Pattern elements up to one of `stops` (not consumed) or the end of the statement.
        mutating func elements(until stops: [Unicode.Scalar]) -> [Element]? {
            var result: [Element] = []
            while true {
                skipSpace()
                guard let scalar = peek else { return stops.contains("\u{0}") ? result : nil }
                if stops.contains(scalar) { return result }
                if result.last == Self.endAnchor { return nil }  // `$` only at the very end
                switch scalar {
                case "'":
                    guard let bytes = quoted() else { return nil }
                    result += bytes.map(Element.byte)
                case "[":
                    guard let set = characterSet() else { return nil }
                    result.append(set)
                case "$":
                    index += 1
                    let name = identifier()
                    if name.isEmpty {
                        result.append(Self.endAnchor)
                    } else {
                        guard let value = variables[name] else { return nil }
                        result += value
                    }
                default:
                    guard let byte = literal() else { return nil }
                    result.append(.byte(byte))
                }
            }
        }

        /// The right-hand side: literal ASCII and at most one `|`.
        mutating func output() -> ([UInt8], Int?)? {
            var bytes: [UInt8] = []
            var cursor: Int?
            while true {
                skipSpace()
                guard let scalar = peek else { return (bytes, cursor) }
                switch scalar {
                case "|":
                    guard cursor == nil else { return nil }
                    cursor = bytes.count
                    index += 1
                case "'":
                    guard let quoted = quoted() else { return nil }
                    bytes += quoted
                default:
                    guard let byte = literal() else { return nil }
                    bytes.append(byte)
                }
            }
        }

        /// `'…'`, where `''` is a quote; ASCII only.
        mutating func quoted() -> [UInt8]? {
            index += 1
            var bytes: [UInt8] = []
            while let scalar = peek {
                index += 1
                if scalar == "'" {
                    if peek == "'" {
                        bytes.append(0x27)
                        index += 1
                        continue
                    }
                    return bytes.isEmpty && scalars[index - 2] == "'" ? [0x27] : bytes
                }
                guard scalar.isASCII else { return nil }
                bytes.append(UInt8(scalar.value))
            }
            return nil
        }

        /// A letter, digit or `\`-escaped ASCII character; nil for any other character, since ICU gives
        /// most punctuation a meaning this subset does not model.
        mutating func literal() -> UInt8? {
            guard let scalar = peek, scalar.isASCII else { return nil }
            if scalar == "\\" {
                index += 1
                guard let escaped = peek, escaped.isASCII, !escaped.properties.isAlphabetic else { return nil }
                index += 1
                return UInt8(escaped.value)
            }
            guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else { return nil }
            index += 1
            return UInt8(scalar.value)
        }

        /// `[…]` of literals and ranges, optionally negated with a leading `^`.
        mutating func characterSet() -> CharacterSet? {
            index += 1
            var set = CharacterSet()
            var negated = false
            if peek == "^" {
                negated = true
                index += 1
            }
            while true {
                skipSpace()
                guard let scalar = peek else { return nil }
                if scalar == "]" {
                    index += 1
                    // An empty class would read as the end-anchor marker.
                    return set == CharacterSet() ? nil : negated ? set.inverted : set
                }
                let members: [UInt8]
                if scalar == "'" {
                    guard let quoted = quoted() else { return nil }
                    members = quoted
                } else {
                    guard let byte = literal() else { return nil }
                    members = [byte]
                }
                skipSpace()
                if members.count == 1, peek == "-" {
                    index += 1
                    skipSpace()
                    guard let upper = literal(), upper >= members[0] else { return nil }
                    for byte in members[0]...upper { set.insert(byte) }
                } else {
                    members.forEach { set.insert($0) }
                }
            }
        }
    }
}
