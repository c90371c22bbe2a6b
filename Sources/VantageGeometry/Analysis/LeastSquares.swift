import COpenBLAS

/// Dense linear least squares through OpenBLAS's LAPACK (`dgelss`, SVD-based, so rank
/// deficiency is detected rather than answered with garbage).
public enum LeastSquares {
    /// The `x` minimising ‖A·x − b‖₂ for a full-rank `rows × columns` matrix `a` given row-major,
    /// with rows ≥ columns; `nil` when `a` is rank-deficient (a singular value below
    /// `relativeTolerance` times the largest).
    public static func solve(_ a: [Double], rows: Int, columns: Int, b: [Double],
                             relativeTolerance: Double = 1e-10) -> [Double]? {
        precondition(a.count == rows * columns && b.count == rows && rows >= columns && columns > 0)
        // LAPACK is column-major: transpose while copying.
        var columnMajor = [Double](repeating: 0, count: rows * columns)
        for r in 0..<rows { for c in 0..<columns { columnMajor[c * rows + r] = a[r * columns + c] } }
        var rhs = b
        var m = Int32(rows), n = Int32(columns), nrhs: Int32 = 1, lda = Int32(rows), ldb = Int32(rows)
        var info: Int32 = 0, rank: Int32 = 0
        var rcond = relativeTolerance
        var singularValues = [Double](repeating: 0, count: columns)
        var workSize: Double = 0
        var lwork: Int32 = -1
        dgelss_(&m, &n, &nrhs, &columnMajor, &lda, &rhs, &ldb, &singularValues, &rcond, &rank, &workSize, &lwork, &info)
        guard info == 0 else { return nil }
        lwork = Int32(workSize)
        var work = [Double](repeating: 0, count: max(1, Int(lwork)))
        dgelss_(&m, &n, &nrhs, &columnMajor, &lda, &rhs, &ldb, &singularValues, &rcond, &rank, &work, &lwork, &info)
        guard info == 0, rank == n else { return nil }
        return Array(rhs.prefix(columns))
    }
}
