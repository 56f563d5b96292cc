@_exported import Annotation
@_exported import GazetteerStore
@_exported import Normalization
@_exported import Rendering
@_exported import Resolution
@_exported import SystemICU
@_exported import Tokenization
