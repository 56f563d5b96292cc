/// The version of this package, in one place: `gazetteer --version` and `stats` print it, and every database
/// records the version that built it.
///
/// Between releases it carries a `-dev` suffix and `CHANGELOG.md` gathers changes under "Unreleased"; a
/// release drops the suffix and names a CHANGELOG section after it (a test keeps the two in step).
package enum GazetteerVersion {
    /// The version, in Semantic Versioning form.
    package static let current = "0.2.0-dev"
}
