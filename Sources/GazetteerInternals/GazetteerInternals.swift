// The package's own modules at once, for the command line, the service, the fuzz harnesses and the
// benchmarks. Not API: callers use GazetteerKit, whose facade is the deliberate, documented surface.
@_exported import Annotation
@_exported import GazetteerStore
@_exported import Normalization
@_exported import Rendering
@_exported import Resolution
@_exported import SystemICU
@_exported import Tokenization
