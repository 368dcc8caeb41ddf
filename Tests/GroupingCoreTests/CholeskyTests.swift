import TestSupport
import XCTest

@testable import GroupingCore

final class CholeskyTests: XCTestCase {
    /// A = [[4, 2, -2], [2, 10, 2], [-2, 2, 5]] = L Lᵀ with L = [[2,0,0],[1,3,0],[-1,1,√3]].
    private let matrix: [Double] = [4, 2, -2, 2, 10, 2, -2, 2, 5]

    func testFactorSolveAndInverse() throws {
        let cholesky = try XCTUnwrap(Cholesky(matrix: matrix, size: 3))
        assertClose([2, 0, 0, 1, 3, 0, -1, 1, 3.0.squareRoot()], cholesky.lower, rel: 1e-15, abs: 1e-15)
        // A · [1, -1, 2] = [-2, -4, 6]
        assertClose([1, -1, 2], cholesky.solve([-2, -4, 6]), rel: 1e-14, abs: 1e-14)
        let inverse = cholesky.symmetricInverse()
        for i in 0..<3 {
            for j in 0..<3 {
                let product = (0..<3).reduce(0.0) { $0 + matrix[i * 3 + $1] * inverse[$1 * 3 + j] }
                assertClose(i == j ? 1 : 0, product, rel: 0, abs: 1e-14)
            }
            XCTAssertEqual(inverse[i * 3 + (i + 1) % 3], inverse[((i + 1) % 3) * 3 + i])
        }
    }

    func testSingularMatrixIsRejected() {
        XCTAssertNil(Cholesky(matrix: [1, 1, 1, 1], size: 2))
        XCTAssertNil(Cholesky(matrix: [-1], size: 1))
    }

    func testEmptySystem() throws {
        let cholesky = try XCTUnwrap(Cholesky(matrix: [], size: 0))
        XCTAssertEqual(cholesky.solve([]), [])
        XCTAssertEqual(cholesky.symmetricInverse(), [])
    }

    /// det [[4, 2], [2, 3]] = 8; both factorisations give the same L when A is well conditioned.
    func testLogDeterminantAndTheRegularizingFactorAgree() throws {
        let matrix: [Double] = [4, 2, 2, 3]
        let strict = try XCTUnwrap(Cholesky(matrix: matrix, size: 2))
        let regularized = Cholesky(regularizing: matrix, size: 2)
        XCTAssertEqual(strict.logDeterminant, log(8), accuracy: 1e-14)
        XCTAssertEqual(strict.lower, regularized.lower)
        let x = regularized.solve([8, 7])
        XCTAssertEqual(x[0], 1.25, accuracy: 1e-15)
        XCTAssertEqual(x[1], 1.5, accuracy: 1e-15)
    }

    /// A singular precision still factors when regularizing: the zero pivot becomes 1e-15 of
    /// its diagonal, so the factor is finite.
    func testRegularizingFactorOfASingularMatrixIsFinite() {
        let cholesky = Cholesky(regularizing: [1, 1, 1, 1], size: 2)
        XCTAssertEqual(cholesky.lower[0], 1)
        XCTAssertEqual(cholesky.lower[3], (1e-15).squareRoot(), accuracy: 1e-22)
        XCTAssertTrue(cholesky.logDeterminant.isFinite)
    }
}
