import Zlib

/// A piece of a zip entry's data, deflated on its own (zlib, raw deflate as a zip holds it), with the CRC-32 and
/// length of the bytes it was made from.
///
/// An entry's pieces are deflated apart, each on whichever core is free, and joined in order (`ZipArchive`): every
/// piece but the last ends with a sync flush, an empty stored block that leaves the stream on a byte boundary with
/// no block marked final, so the next piece's blocks follow on as one deflate stream; the last piece ends the
/// stream. (The way `pigz` shares a file's deflate out between cores; each piece starts with no dictionary, which
/// costs a little size at the start of each.) A reader inflates the joined stream as any other.
struct DeflatedPiece: Sendable {
    /// The deflated bytes.
    let bytes: [UInt8]
    /// The CRC-32 (ISO 3309, the zip's) of the bytes before deflating.
    let crc: UInt32
    /// How many bytes were deflated.
    let inflatedCount: Int

    /// Deflates `input` at zlib's default level; `isLast` ends the deflate stream, where any other piece leaves it
    /// open for the next.
    init(_ input: [UInt8], isLast: Bool) throws(WorkbookError) {
        inflatedCount = input.count
        crc = input.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        var stream = z_stream()
        // Raw deflate (negative window bits: no zlib header or checksum), as a zip's entries hold it.
        let status = deflateInit2_(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw .notDeflated(status: status) }
        defer { deflateEnd(&stream) }
        // Room for the worst case, stored blocks, and the flush's empty block: one call then does it all.
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 16)
        let (result, written) = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                // zlib's `next_in` is not const in its Swift import, but deflate only reads through it: the piece's
                // bytes are lent as they are, not copied (a megabyte or two for each piece of a sheet).
                stream.next_in = source.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return (deflate(&stream, isLast ? Z_FINISH : Z_SYNC_FLUSH), target.count - Int(stream.avail_out))
            }
        }
        // With room for the bound, the stream ends (or flushes) in this one call, all its input taken.
        guard (isLast ? result == Z_STREAM_END : result == Z_OK) && stream.avail_in == 0 else {
            throw .notDeflated(status: result)
        }
        // Copied to its own size: the buffer has room for the input whole, which a whole sheet's pieces, held until
        // they are zipped, would each keep.
        bytes = Array(output[..<written])
    }

    /// The CRC-32 of `first`'s bytes followed by `second`'s, from the two CRCs and the second's length.
    static func crc(_ first: UInt32, then second: UInt32, ofLength count: Int) -> UInt32 {
        UInt32(crc32_combine(UInt(first), UInt(second), Int(count)))
    }
}
