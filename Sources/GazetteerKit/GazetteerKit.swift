@_exported import GazetteerStore
@_exported import Normalization
@_exported import Rendering
@_exported import SystemICU
