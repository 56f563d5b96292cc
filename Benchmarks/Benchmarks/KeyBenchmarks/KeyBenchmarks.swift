import Benchmark
import GazetteerInternals

// Name keys (display, script, search key, match key), one core. "computed": a normalizer that remembers
// nothing, so every call runs the transforms; "memoised": the same names again, as an article repeats them.

// Names of 6–12 letters as they appear in news, in four scripts.
let latinNames = [
    "Kalbajar", "Stepanakert", "Yeghegnadzor", "Dashkesan", "Vardenis", "Kornidzor", "Khankendi",
    "Gadabay", "Springfield", "Alexandria", "Marseille", "Tartar", "Shamkir", "Nakhchivan", "Lachin",
    "Kəlbəcər", "Xankəndi", "Gəncə", "Şuşa", "Qubadlı",
]
let armenianNames = [
    "Ջերմուկ", "Գորիս", "Եղեգնաձոր", "Վանաձոր", "Ստեփանակերտ", "Կոռնիձոր", "Քաշաթաղ", "Վարդենիս",
    "Մարտունի", "Հադրութ",
]
let georgianNames = [
    "თბილისი", "ქუთაისი", "ბათუმი", "რუსთავი", "ზუგდიდი", "გორი", "ფოთი", "ცხინვალი", "სოხუმი", "ჯერმუკი",
]
let cyrillicNames = [
    "Джермук", "Кельбаджар", "Ханкенди", "Степанакерт", "Ходжалы", "Гянджа", "Ванадзор", "Ереван",
    "Нахичевань", "Дашкесан",
]

let rules = try! NormalizationRules()

func keyBenchmark(_ name: String, _ names: [String], memoCapacity: Int) {
    let normalizer = NameNormalizer(rules: rules, memoCapacity: memoCapacity)
    for name in names { _ = normalizer.keys(for: name) }  // open the transforms once
    Benchmark(name, configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal],
                                         scalingFactor: .kilo)) { benchmark in
        var index = 0
        for _ in benchmark.scaledIterations {
            blackHole(normalizer.keys(for: names[index]))
            index = index == names.count - 1 ? 0 : index + 1
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    for (script, names) in [("latin", latinNames), ("armenian", armenianNames), ("cyrillic", cyrillicNames),
                            ("georgian", georgianNames)] {
        keyBenchmark("keys/\(script) (computed)", names, memoCapacity: 0)
        keyBenchmark("keys/\(script) (memoised)", names, memoCapacity: 1 << 16)
    }
}
