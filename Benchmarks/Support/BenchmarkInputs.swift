import Foundation
import GazetteerInternals

/// What the benchmarks read: the checkout's `Benchmarks/Inputs/`, the LGL articles beside the checkout when
/// they are there, and the synthetic GeoNames generator.
public enum BenchmarkInputs {
    /// `Benchmarks/` in the checkout (this file is `Benchmarks/Support/BenchmarkInputs.swift`).
    public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    /// The checkout's root.
    public static let root = folder.deletingLastPathComponent()

    /// `Inputs/queries.tsv`: resolution queries by the match type they should get (exact, alias, …).
    public static func queries(_ kind: String) throws -> [String] {
        let text = try String(contentsOf: folder.appendingPathComponent("Inputs/queries.tsv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let cells = line.split(separator: "\t")
            return cells.count == 2 && cells[0] == kind ? String(cells[1]) : nil
        }
    }

    /// News articles of `megabytes` MB of UTF-8 in all (the last one cut at a space): the LGL articles in
    /// `../shared/eval/dev/lgl.xml` when present, else the built-in sample `Inputs/news-sample.txt` repeated.
    /// - Returns: the articles and where they came from.
    public static func articles(megabytes: Int = 1) throws -> (texts: [String], source: String) {
        let lgl = root.deletingLastPathComponent().appendingPathComponent("shared/eval/dev/lgl.xml")
        let (pool, source): ([String], String)
        if let xml = try? String(contentsOf: lgl, encoding: .utf8) {
            pool = xml.components(separatedBy: "<text><![CDATA[").dropFirst().compactMap { chunk in
                chunk.range(of: "]]></text>").map { String(chunk[..<$0.lowerBound]) }
            }
            source = "LGL"
        } else {
            let sample = try String(contentsOf: folder.appendingPathComponent("Inputs/news-sample.txt"), encoding: .utf8)
            pool = sample.split(separator: "\n").map(String.init)
            source = "built-in sample (repeated)"
        }
        var texts: [String] = []
        var budget = megabytes * 1_000_000
        while budget > 0 {
            let text = pool[texts.count % pool.count]
            if text.utf8.count <= budget {
                texts.append(text)
                budget -= text.utf8.count
            } else {
                let cut = text.utf8.prefix(budget).lastIndex(of: UInt8(ascii: " ")) ?? text.utf8.startIndex
                texts.append(String(text[..<cut]))
                budget = 0
            }
        }
        return (texts, source)
    }
}
