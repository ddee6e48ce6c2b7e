import AppealsEvidence
import ArgumentParser
import Foundation

/// Times the sanitising of one photo (display copy + thumbnail, from the bytes in memory) and prints the median,
/// beside the same work done by Debian's `djpeg -scale 1/4 | cjpeg` for comparison.
struct EvidenceBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evidence")

    @Option(help: "The photo to sanitise (a 12-megapixel JPEG of about 4 MB).") var photo: String
    @Option var runs = 21

    func run() async throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: photo))
        let pipeline = EvidencePipeline(threads: 1)
        var ours: [Double] = []
        var result = try pipeline.sanitise(data)  // warm-up (libmagic's database, code pages)
        for _ in 0..<runs {
            let start = DispatchTime.now()
            result = try pipeline.sanitise(data)
            ours.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
        }
        var theirs: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now()
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/bin/sh")
            shell.arguments = ["-c", "djpeg -scale 1/4 \"$0\" | cjpeg -quality 85 > /dev/null", photo]
            try shell.run()
            shell.waitUntilExit()
            guard shell.terminationStatus == 0 else { throw ValidationError("djpeg | cjpeg failed (install libjpeg-turbo-progs)") }
            theirs.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        print(
            String(
                format: "photo: %@, %.1f MB, %d × %d px", photo, Double(data.count) / 1e6, result.pixelWidth ?? 0, result.pixelHeight ?? 0))
        print(
            String(
                format: "display copy (%d KB) + thumbnail (%d KB): median %.1f ms of %d runs (min %.1f, max %.1f)",
                (result.display?.count ?? 0) / 1000, (result.thumbnail?.count ?? 0) / 1000, median(ours), runs,
                ours.min() ?? 0, ours.max() ?? 0))
        print(String(format: "djpeg -scale 1/4 | cjpeg -quality 85 (one smaller copy, no orientation): median %.1f ms", median(theirs)))
        print(String(format: "ratio ours / djpeg|cjpeg: %.2f", median(ours) / median(theirs)))
    }
}
