import Foundation

/// Wall-clock timing and peak memory for the benchmarks.
enum BenchmarkSupport {
    /// Peak resident set size of this process in MiB (Linux `VmHWM`), or nil elsewhere.
    static func peakMemoryMiB() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first
            return kilobytes.map { $0 / 1024 }
        }
        return nil
    }

    /// Resets the peak-RSS mark (Linux: `5` into `/proc/self/clear_refs`), so that setup
    /// work such as simulating the input does not count in the figure.
    static func resetPeakMemory() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// Runs `body`, prints `label: 1.234 s, peak RSS 456 MiB`, returns the body's value.
    @discardableResult
    static func measure<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let peak = peakMemoryMiB().map { String(format: ", peak RSS %.0f MiB", $0) } ?? ""
        print(String(format: "%@: %.3f s", label, seconds) + peak)
        return value
    }

    /// The integer after `--name` in the arguments, or `fallback`.
    static func integer(_ name: String, in arguments: [String], default fallback: Int) -> Int {
        guard let index = arguments.firstIndex(of: "--\(name)"), index + 1 < arguments.count,
            let value = Int(arguments[index + 1].replacingOccurrences(of: "_", with: ""))
        else { return fallback }
        return value
    }
}
