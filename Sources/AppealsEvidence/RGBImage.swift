/// Decoded pixels: 8-bit RGB, three bytes a pixel, rows without padding.
struct RGBImage: Sendable {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    /// Applies an EXIF orientation (1–8), so that what was stored sideways or mirrored comes out upright.
    func oriented(_ orientation: Int) -> RGBImage {
        guard (2...8).contains(orientation) else { return self }
        let (w, h) = (width, height)
        let swaps = orientation >= 5
        let (ow, oh) = swaps ? (h, w) : (w, h)
        var out = [UInt8](repeating: 0, count: ow * oh * 3)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<oh {
                    for x in 0..<ow {
                        let (sx, sy): (Int, Int)
                        switch orientation {
                        case 2: (sx, sy) = (w - 1 - x, y)
                        case 3: (sx, sy) = (w - 1 - x, h - 1 - y)
                        case 4: (sx, sy) = (x, h - 1 - y)
                        case 5: (sx, sy) = (y, x)
                        case 6: (sx, sy) = (y, h - 1 - x)
                        case 7: (sx, sy) = (w - 1 - y, h - 1 - x)
                        default: (sx, sy) = (w - 1 - y, x)
                        }
                        let s = (sy * w + sx) * 3, d = (y * ow + x) * 3
                        dst[d] = src[s]
                        dst[d + 1] = src[s + 1]
                        dst[d + 2] = src[s + 2]
                    }
                }
            }
        }
        return RGBImage(width: ow, height: oh, pixels: out)
    }

    /// Shrunk (never enlarged) so that the longest side is at most `longest`, averaging the source pixels that
    /// each output pixel covers.
    func fitted(within longest: Int) -> RGBImage {
        let side = max(width, height)
        guard side > longest else { return self }
        let ow = max(1, width * longest / side), oh = max(1, height * longest / side)
        let xStarts = (0...ow).map { $0 * width / ow }
        let yStarts = (0...oh).map { $0 * height / oh }
        var out = [UInt8](repeating: 0, count: ow * oh * 3)
        var sums = [Int](repeating: 0, count: ow * 3)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                sums.withUnsafeMutableBufferPointer { sum in
                    for oy in 0..<oh {
                        for i in 0..<(ow * 3) { sum[i] = 0 }
                        for sy in yStarts[oy]..<max(yStarts[oy + 1], yStarts[oy] + 1) {
                            let row = sy * width * 3
                            for ox in 0..<ow {
                                var r = 0, g = 0, b = 0
                                for sx in xStarts[ox]..<max(xStarts[ox + 1], xStarts[ox] + 1) {
                                    let s = row + sx * 3
                                    r += Int(src[s]); g += Int(src[s + 1]); b += Int(src[s + 2])
                                }
                                sum[ox * 3] += r; sum[ox * 3 + 1] += g; sum[ox * 3 + 2] += b
                            }
                        }
                        let rows = max(yStarts[oy + 1] - yStarts[oy], 1)
                        for ox in 0..<ow {
                            let count = rows * max(xStarts[ox + 1] - xStarts[ox], 1)
                            let d = (oy * ow + ox) * 3
                            dst[d] = UInt8(sum[ox * 3] / count)
                            dst[d + 1] = UInt8(sum[ox * 3 + 1] / count)
                            dst[d + 2] = UInt8(sum[ox * 3 + 2] / count)
                        }
                    }
                }
            }
        }
        return RGBImage(width: ow, height: oh, pixels: out)
    }
}
