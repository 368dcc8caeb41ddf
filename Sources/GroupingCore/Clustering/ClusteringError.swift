/// Why the clustering phase could not run, with a message that names the feature or the
/// configuration key to fix.
///
/// Non-numeric cells are reported by the layer that reads the table; these are the
/// problems only the clustering can see.
public enum ClusteringError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `clustering.features` is empty.
    case noFeatures
    /// There are no rows to cluster.
    case noRows
    /// `names.count` differs from the number of feature columns.
    case namesMismatch(names: Int, columns: Int)
    /// A feature column has a different length from the first one.
    case columnLengthMismatch(feature: String, expected: Int, actual: Int)
    /// Every value of the feature is missing: there is nothing to impute from.
    case entirelyMissing(feature: String)
    /// The feature takes one value only (after imputation): its sd is 0 and it cannot be
    /// standardised.
    case constant(feature: String, value: Double)
    /// A value is infinite.
    case notFinite(feature: String, row: Int)
    /// `k` (from the configuration key `key`) is below 1.
    case kTooSmall(key: String, k: Int)
    /// `k` (from the configuration key `key`) exceeds the number of distinct rows.
    case kTooLarge(key: String, k: Int, distinctRows: Int)

    public var description: String {
        switch self {
        case .noFeatures:
            return "clustering.features: no features given"
        case .noRows:
            return "clustering: there are no rows to cluster"
        case .namesMismatch(let names, let columns):
            return "clustering.features: \(names) names for \(columns) feature columns"
        case .columnLengthMismatch(let feature, let expected, let actual):
            return "clustering.features: feature '\(feature)' has \(actual) values, expected \(expected)"
        case .entirelyMissing(let feature):
            return "clustering.features: feature '\(feature)' is missing in every row; "
                + "there is nothing to cluster on (remove it from clustering.features)"
        case .constant(let feature, let value):
            return "clustering.features: feature '\(feature)' is constant (every value is \(value)); "
                + "it cannot be standardised (remove it from clustering.features)"
        case .notFinite(let feature, let row):
            return "clustering.features: feature '\(feature)' has an infinite value in data row \(row + 1)"
        case .kTooSmall(let key, let k):
            return "\(key): k = \(k) is below 1"
        case .kTooLarge(let key, let k, let distinctRows):
            return "\(key): k = \(k) is larger than the number of distinct feature rows (\(distinctRows))"
        }
    }
}
