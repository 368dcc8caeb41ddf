/// Which of the contract's three hierarchical models a fit is, and the factors it pools by.
///
///     ungrouped  theta_i ~ N(mu, tau)
///     one-way    theta_i ~ N(mu + a[A_i], tau),            a[j] ~ N(0, sigma_group)
///     additive   theta_i ~ N(mu + a[A_i] + b[B_i], tau),   a[j] ~ N(0, sigma_A), b[k] ~ N(0, sigma_B)
///
/// with y_i ~ N(theta_i, se_i), mu ~ N(0, 5 s) and every scale ~ HalfNormal(s). The one-way
/// model is the contract's mu_group[g] ~ N(mu, sigma_group) written as mu_group = mu + a[g].
/// All three are conditionally Gaussian: given the scales (the hyperparameters), the location
/// vector (mu, a, b) has a Gaussian posterior (`ConditionalPosterior`).
public struct ModelSpec: Sendable, Equatable {
    public enum Form: String, Sendable, Equatable {
        case ungrouped, oneWay = "one_way", additive
    }

    /// A factor the model pools by: a code per creator in 0..<labels.count.
    public struct Factor: Sendable, Equatable {
        public var name: String
        public var codes: [Int32]
        public var labels: [String]
        public init(name: String, codes: [Int32], labels: [String]) {
            self.name = name
            self.codes = codes
            self.labels = labels
        }
        public var levelCount: Int { labels.count }
    }

    public var form: Form
    /// None (ungrouped), one (one-way) or two (additive).
    public var factors: [Factor]

    public static func ungrouped() -> ModelSpec { ModelSpec(form: .ungrouped, factors: []) }
    public static func oneWay(_ factor: Factor) -> ModelSpec { ModelSpec(form: .oneWay, factors: [factor]) }
    public static func additive(_ a: Factor, _ b: Factor) -> ModelSpec {
        ModelSpec(form: .additive, factors: [a, b])
    }

    /// The hyperparameters in grid order, ArviZ-style names: tau first, then one scale per
    /// factor (`sigma_group` for the one-way model, `sigma_<member>` for the additive one).
    public var hyperparameterNames: [String] {
        switch form {
        case .ungrouped: return ["tau"]
        case .oneWay: return ["tau", "sigma_group"]
        case .additive: return ["tau"] + factors.map { "sigma_\($0.name)" }
        }
    }
}
