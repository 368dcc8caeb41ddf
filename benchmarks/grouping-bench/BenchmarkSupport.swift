import Foundation

/// Wall-clock timing and peak memory for the benchmarks.
enum BenchmarkSupport {
    /// A field of `/proc/self/status` (`VmHWM` = peak resident set, `VmRSS` = current) in
    /// MiB, or nil where there is no such file (not Linux).
    static func memoryMiB(_ field: String = "VmHWM") -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first
            return kilobytes.map { $0 / 1024 }
        }
        return nil
    }

    /// Peak resident set size of this process in MiB (Linux `VmHWM`), or nil elsewhere.
    static func peakMemoryMiB() -> Double? { memoryMiB("VmHWM") }

    /// The peak resident set as text: "123 MiB", or "unavailable".
    static func peakMemoryText() -> String {
        peakMemoryMiB().map { String(format: "%.0f MiB", $0) } ?? "unavailable"
    }

    /// User plus system CPU time of the whole process so far, in seconds (getrusage): on a
    /// shared machine the wall time depends on the load, the CPU time much less.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
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

    /// The integer after `flag` (e.g. `--creators`) in the arguments, or `fallback`;
    /// underscores are allowed (`1_000_000`).
    static func integer(_ flag: String, in arguments: [String], default fallback: Int) -> Int {
        guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count,
            let value = Int(arguments[index + 1].replacingOccurrences(of: "_", with: ""))
        else { return fallback }
        return value
    }
}
