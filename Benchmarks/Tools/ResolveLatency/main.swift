// resolve-latency --db PATH FILE…
//
// Resolves each distinct name of each FILE (one per line) once, through one Resolver per file, and prints
// one JSON line per file: the median, 90th percentile and mean latency per name in microseconds, and how
// the best results matched (exact, alias, transliteration, fuzzy, or none), with no score threshold, so that
// a misspelled village counts as found. Distinct names never hit the resolver's memo of answers, so this is
// the latency of names seen for the first time, as in a stream.
// Scripts/growth-curve and Scripts/bench use it on stores of every size.
import Foundation
import GazetteerInternals

var arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 3, arguments.removeFirst() == "--db" else {
    FileHandle.standardError.write("usage: resolve-latency --db PATH FILE…\n".data(using: .utf8)!)
    exit(2)
}
let database = try GazetteerDatabase(path: arguments.removeFirst())

for file in arguments {
    var seen = Set<String>()
    let names = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        .filter { !$0.isEmpty && seen.insert($0).inserted }
    let resolver = try Resolver(database: database)
    let options = ResolveOptions(minimumScore: 0)
    // ICU builds each script's transliterator on first use (~0.1 s): a long-running process has paid that.
    for name in ["Warm-up", "Москва", "Ջերմուկ", "თბილისი", "Αθήνα", "القاهرة", "ירושלים", "भारत", "東京", "서울",
                 "กรุงเทพ", "Addis Abeba ኣዲስ"] {
        _ = try resolver.resolve(name, options: options)
    }
    var microseconds: [Double] = []
    var types: [String: Int] = [:]
    for name in names {
        let start = ContinuousClock.now
        let resolution = try resolver.resolve(name, options: options)
        microseconds.append((ContinuousClock.now - start) / .microseconds(1))
        types[resolution.results.first?.match.type.label ?? "none", default: 0] += 1
    }
    microseconds.sort()
    let summary: [String: Any] = [
        "file": file, "names": names.count, "types": types,
        "median_us": microseconds.isEmpty ? 0 : microseconds[microseconds.count / 2],
        "p90_us": microseconds.isEmpty ? 0 : microseconds[microseconds.count * 9 / 10],
        "mean_us": microseconds.reduce(0, +) / Double(max(1, microseconds.count)),
    ]
    let json = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
}
