// The README's library example ("As a library"), kept here so that CI builds and runs it.
import GazetteerKit

let gazetteer = try Gazetteer.openDefault()
if let jermuk = try gazetteer.resolve("Cermuk").first {
    print(jermuk.place.label, "←", jermuk.match.name, jermuk.match.method)   // Jermuk, Vayots Dzor, Armenia ← Cermuk alias
}
let text = "Azerbaijan fired at Goris, Sotk and Jermuk (Gorus, Zod and Istisu)."
let document = try gazetteer.annotate(text)
for mention in document.mentions {
    print(document[mention] ?? "", "→", mention.place?.label ?? "?")
}
print("about:", document.summary.countries.map(\.name).joined(separator: ", "))
