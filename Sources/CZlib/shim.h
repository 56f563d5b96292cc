// zlib, for reading gzip- and zip-compressed GeoNames tables. inflateInit2 is a macro; a wrapper gives it a name.
#ifndef GAZETTEER_CZLIB_SHIM_H
#define GAZETTEER_CZLIB_SHIM_H
#include <zlib.h>

/// Starts inflating gzip (RFC 1952) streams; 16 + MAX_WBITS asks zlib for the gzip wrapper.
static inline int gz_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 16 + MAX_WBITS);
}

/// Starts inflating raw deflate (RFC 1951) data, as zip entries hold it; negative bits ask for no wrapper.
static inline int gz_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
#endif
