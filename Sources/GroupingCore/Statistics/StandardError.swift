/// The standard error of a sum of N pointwise values, √(N · population variance), as ArviZ
/// computes LOO's se and dse (loo's `se_elpd_diff`: √N · sd).
public enum StandardError {
    public static func ofSum(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let n = Double(values.count)
        let mean = NeumaierSum.of(values) / n
        var squares = 0.0
        for value in values { squares += (value - mean) * (value - mean) }
        return (n * (squares / n)).squareRoot()
    }
}
