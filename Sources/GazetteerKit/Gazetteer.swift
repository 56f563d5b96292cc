internal import Foundation
internal import GazetteerInternals
internal import Synchronization

/// A gazetteer database and everything that reads it: resolve names, annotate texts, normalize names,
/// look places up by id and find places near a point.
///
/// ```swift
/// let gazetteer = try Gazetteer.openDefault()
/// try gazetteer.resolve("Cermuk").first?.place.label   // "Jermuk, Vayots Dzor, Armenia"
/// ```
///
/// Opening is the costly part (reading rules, preparing lookups); open one and share it: it is safe to use
/// from many tasks at once, and it remembers recent answers.
public final class Gazetteer: Sendable {
    /// The database file.
    public let path: String
    private let database: GazetteerDatabase
    private let resolver: Resolver
    /// Built on first use: annotation reads word lists that resolving never needs.
    private let annotatorCache = Mutex<Annotator?>(nil)

    /// Opens the database at `path`, e.g. one made by `gazetteer build --out` or `gazetteer import`.
    public convenience init(path: String) throws(GazetteerError) {
        try self.init(database: reportingErrors { try GazetteerDatabase(path: path) })
    }

    private init(database: GazetteerDatabase) throws(GazetteerError) {
        self.database = database
        path = database.path
        resolver = try reportingErrors { try Resolver(database: database) }
    }

    /// Opens the default gazetteer, building it first from the data folder (about 40 s) when it is missing
    /// or was built from other data.
    ///
    /// It lives at `$GAZETTEER_DB`, else `$XDG_CACHE_HOME/gazetteer/default.sqlite`, else
    /// `~/.cache/gazetteer/default.sqlite`; the data folder is `$GAZETTEER_DATA`, else found beside the
    /// installed program or in the source checkout.
    /// - Parameter progress: called during a build with a stage name and the fraction done (nil when
    ///   unknown); never called when the database is current.
    public static func openDefault(
        progress: @escaping @Sendable (_ stage: String, _ fraction: Double?) -> Void = { _, _ in }
    ) throws(GazetteerError) -> Gazetteer {
        try Gazetteer(database: reportingErrors {
            try DefaultDatabase.open(progress: { stage, fraction, _ in progress(stage, fraction) })
        })
    }

    /// The places `name` may mean, best first: any script or romanization, alternate and former names,
    /// typing mistakes. Empty when it names no place.
    public func resolve(_ name: String, options: ResolveOptions = ResolveOptions()) throws(GazetteerError)
        -> [ResolvedPlace] {
        let options = try options.resolutionOptions()
        return try reportingErrors { try resolver.resolve(name, options: options).results.map(ResolvedPlace.init) }
    }

    /// The places each of `names` may mean, in the order of `names`.
    public func resolve(_ names: [String], options: ResolveOptions = ResolveOptions()) throws(GazetteerError)
        -> [[ResolvedPlace]] {
        let options = try options.resolutionOptions()
        return try reportingErrors {
            try names.map { try resolver.resolve($0, options: options).results.map(ResolvedPlace.init) }
        }
    }

    /// The place names in `text`, each resolved with the help of the others (a text about Armenia means
    /// the Armenian Goris), and a summary of the places the text is about.
    public func annotate(_ text: String, options: AnnotationOptions = AnnotationOptions()) throws(GazetteerError)
        -> AnnotatedDocument {
        let annotateOptions = try options.annotateOptions()
        let annotator = try sharedAnnotator()
        return try reportingErrors {
            var mentions: [Mention] = []
            var summary = Annotation::DocumentSummary()
            try annotator.annotate(text, options: annotateOptions) { mention in
                summary.add(mention)
                mentions.append(Mention(mention))
            }
            return AnnotatedDocument(text: text, mentions: mentions, summary: DocumentSummary(summary))
        }
    }

    /// The forms of `name` the gazetteer compares; `language` (BCP 47) picks a romanization where a
    /// script has several.
    public func normalize(_ name: String, language: String? = nil) -> NormalizedName {
        NormalizedName(resolver.normalizer.keys(for: name, language: language))
    }

    /// The place with id `id`: `geonames:174884`, a bare GeoNames id such as `174884`, `curated:…` or
    /// `wof:…`; nil when there is none.
    public func place(id: String) throws(GazetteerError) -> Place? {
        let id = !id.isEmpty && id.allSatisfy({ $0.isASCII && $0.isNumber }) ? "geonames:\(id)" : id
        return try reportingErrors { try database.place(id: id).map(Place.init) }
    }

    /// The place with GeoNames id `geonameID`, nil when there is none.
    public func place(geonameID: Int) throws(GazetteerError) -> Place? {
        try place(id: "geonames:\(geonameID)")
    }

    /// The places nearest to `point`, nearest first.
    /// - Parameters:
    ///   - point: where to search from.
    ///   - limit: how many at most, 1 or more.
    ///   - features: only places of these GeoNames features, `CLASS` or `CLASS.CODE`; empty for all.
    public func places(near point: Coordinate, limit: Int = 5, features: [String] = []) throws(GazetteerError)
        -> [NearbyPlace] {
        guard point.isValid else {
            throw .invalidOption("latitude must be from -90 to 90 and longitude from -180 to 180, not \(point)")
        }
        guard limit >= 1 else { throw .invalidOption("limit must be 1 or more, not \(limit)") }
        let filters = try featureFilters(features)
        return try reportingErrors {
            try database.places(nearLatitude: point.latitude, longitude: point.longitude, limit: limit,
                                where: filters.admits).map(NearbyPlace.init)
        }
    }

    private func sharedAnnotator() throws(GazetteerError) -> Annotator {
        try reportingErrors {
            try annotatorCache.withLock { cached in
                if let cached { return cached }
                let made = try Annotator(resolver: resolver, rules: AnnotationRules(
                    database: database, normalizer: resolver.normalizer, dataDirectory: DataDirectory.resolve()))
                cached = made
                return made
            }
        }
    }
}
