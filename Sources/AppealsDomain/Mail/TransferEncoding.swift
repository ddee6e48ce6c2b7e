import Foundation

/// Content-Transfer-Encoding decoders, written to be lenient because real mail has broken padding, stray
/// characters and long lines, and a damaged part should lose only the damaged bytes.
enum TransferEncoding {
    static func decode(_ bytes: ArraySlice<UInt8>, encoding: String?) -> [UInt8] {
        switch (encoding ?? "").trimmingCharacters(in: .whitespaces).lowercased() {
        case "base64": return base64(bytes)
        case "quoted-printable": return quotedPrintable(bytes, underscoreIsSpace: false)
        default: return Array(bytes)
        }
    }

    /// Foundation first; when it refuses (missing padding, truncated input) a hand decoder that skips anything
    /// outside the alphabet and keeps every complete byte.
    static func base64<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        if let data = Data(base64Encoded: Data(bytes), options: .ignoreUnknownCharacters) { return Array(data) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 4 * 3)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            let value: UInt32
            switch byte {
            case 0x41...0x5A: value = UInt32(byte - 0x41)
            case 0x61...0x7A: value = UInt32(byte - 0x61 + 26)
            case 0x30...0x39: value = UInt32(byte - 0x30 + 52)
            case 0x2B, 0x2D: value = 62
            case 0x2F, 0x5F: value = 63
            case 0x3D: return output
            default: continue
            }
            buffer = (buffer << 6 | value) & 0xFFFFFF
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return output
    }

    /// Quoted-printable (RFC 2045 6.7): `=XX`, soft breaks `=` at line end; a bad escape is kept literally.
    static func quotedPrintable<C: Collection>(_ input: C, underscoreIsSpace: Bool) -> [UInt8] where C.Element == UInt8 {
        let bytes = Array(input)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x3D {
                var next = index + 1
                while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
                if next < bytes.count, bytes[next] == 0x0D, next + 1 < bytes.count, bytes[next + 1] == 0x0A {
                    index = next + 2
                    continue
                }
                if next < bytes.count, bytes[next] == 0x0A {
                    index = next + 1
                    continue
                }
                if next >= bytes.count {
                    index = next
                    continue
                }
                if index + 2 < bytes.count, let high = MailBytesHex.value(bytes[index + 1]),
                    let low = MailBytesHex.value(bytes[index + 2])
                {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
                output.append(byte)
            } else if byte == 0x5F && underscoreIsSpace {
                output.append(0x20)
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }
}
