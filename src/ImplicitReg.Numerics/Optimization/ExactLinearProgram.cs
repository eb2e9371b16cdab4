using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Numerics.Optimization;

/// <summary>
/// Linear programs in standard form, <c>minimise cᵀx subject to Ax = b, x ≥ 0</c>, solved EXACTLY over the kernel's
/// <see cref="Rational"/> by the two-phase tableau simplex method with Bland's rule (smallest-index entering and
/// leaving variables), which cannot cycle, so it terminates on every input.
/// <para>Why hand-written and why not Z3's optimiser: no exact LP solver is served for .NET here (floating-point ones
/// would give a value "up to tolerance", not the rational optimum); Z3's <c>Z3_optimize</c> is exact too, but the
/// Numerics layer may not reference the Solver layer, and the simplex gives, beside the optimum, an exact dual
/// certificate that anyone can check with a few rational products (<see cref="LinearProgramResult.Verify"/>). The
/// problems it serves (ℓ₁ minimisation over small sensing matrices) have tens of variables; the tableau is dense.</para>
/// </summary>
public static class ExactLinearProgram
{
    /// <summary>The minimum-ℓ₁ non-negative solution of Ax = y: <c>minimise Σ x_i subject to Ax = y, x ≥ 0</c>.</summary>
    public static LinearProgramResult MinimumL1NonNegative(Rational[,] a, IReadOnlyList<Rational> y) =>
        Minimize(a, y, Enumerable.Repeat(Rational.One, a.GetLength(1)).ToArray());

    /// <summary>Solves <c>minimise cᵀx subject to Ax = b, x ≥ 0</c>; the result carries its certificate.</summary>
    public static LinearProgramResult Minimize(Rational[,] a, IReadOnlyList<Rational> b, IReadOnlyList<Rational> c)
    {
        int m = a.GetLength(0), n = a.GetLength(1);
        if (m == 0 || n == 0) throw new ArgumentException($"the constraint matrix is {m}x{n}; it needs at least one row and one column");
        if (b.Count != m) throw new ArgumentException($"the right-hand side has {b.Count} entries but A has {m} rows");
        if (c.Count != n) throw new ArgumentException($"the cost vector has {c.Count} entries but A has {n} columns");
        // default(Rational) has a zero denominator: an array allocated but not filled would fail deep inside a pivot.
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                if (a[i, j].Denominator.IsZero) throw new ArgumentException($"A[{i},{j}] is not set (default Rational); fill every entry");
        if (b.Concat(c).Any(v => v.Denominator.IsZero)) throw new ArgumentException("b or c has an entry that is not set (default Rational)");
        var tableau = new Tableau(a, b, n, m);
        // Phase 1: minimise the sum of the artificial variables from the artificial basis.
        var phaseOne = Enumerable.Repeat(Rational.Zero, n + m).ToArray();
        for (int k = n; k < n + m; k++) phaseOne[k] = Rational.One;
        var entering = tableau.Optimise(phaseOne, allowed: n + m);
        if (entering >= 0) throw new InvalidOperationException("phase 1 is bounded below by 0; an unbounded ray there is a bug");
        if (tableau.Objective(phaseOne).Sign > 0)
            return LinearProgramResult.Infeasible(a, b, c, tableau.Dual(phaseOne));
        tableau.DriveOutArtificials();
        // Phase 2: the real costs; artificial columns stay in the tableau (they hold B⁻¹ for the dual) but never enter.
        var costs = new Rational[n + m];
        for (int j = 0; j < n; j++) costs[j] = c[j];
        for (int k = n; k < n + m; k++) costs[k] = Rational.Zero;
        entering = tableau.Optimise(costs, allowed: n);
        if (entering >= 0) return LinearProgramResult.Unbounded(a, b, c, tableau.Ray(entering));
        return LinearProgramResult.Optimal(a, b, c, tableau.Primal(), tableau.Dual(costs));
    }

    /// <summary>The dense tableau B⁻¹[A | I | b] with its basis; rows of b &lt; 0 are negated first (and undone in the dual).</summary>
    private sealed class Tableau
    {
        private readonly int _n, _m;
        private readonly List<Rational[]> _rows = [];
        private readonly List<int> _basis = [];
        private readonly int[] _sign;

        public Tableau(Rational[,] a, IReadOnlyList<Rational> b, int n, int m)
        {
            _n = n;
            _m = m;
            _sign = new int[m];
            for (int i = 0; i < m; i++)
            {
                _sign[i] = b[i].Sign < 0 ? -1 : 1;
                var row = new Rational[n + m + 1];
                for (int j = 0; j < n; j++) row[j] = _sign[i] < 0 ? -a[i, j] : a[i, j];
                for (int k = 0; k < m; k++) row[n + k] = k == i ? Rational.One : Rational.Zero;
                row[n + m] = _sign[i] < 0 ? -b[i] : b[i];
                _rows.Add(row);
                _basis.Add(n + i);
            }
        }

        private int Rhs => _n + _m;

        public Rational Objective(Rational[] costs)
        {
            var sum = Rational.Zero;
            for (int i = 0; i < _rows.Count; i++) sum += costs[_basis[i]] * _rows[i][Rhs];
            return sum;
        }

        /// <summary>Pivots to optimality; returns −1 at an optimum or the entering column that proves unboundedness.</summary>
        public int Optimise(Rational[] costs, int allowed)
        {
            while (true)
            {
                int entering = -1;
                for (int j = 0; j < allowed && entering < 0; j++)
                    if (!_basis.Contains(j) && ReducedCost(costs, j).Sign < 0) entering = j;
                if (entering < 0) return -1;
                int leaving = -1;
                Rational best = default;
                for (int i = 0; i < _rows.Count; i++)
                {
                    var pivot = _rows[i][entering];
                    if (pivot.Sign <= 0) continue;
                    var ratio = _rows[i][Rhs] / pivot;
                    // Bland: the smallest ratio, ties to the basic variable of smallest index.
                    if (leaving < 0 || ratio < best || (ratio == best && _basis[i] < _basis[leaving])) { leaving = i; best = ratio; }
                }
                if (leaving < 0) return entering;
                Pivot(leaving, entering);
            }
        }

        /// <summary>After phase 1, replaces zero-level artificial basics by real columns, or drops their row if redundant.</summary>
        public void DriveOutArtificials()
        {
            for (int i = _rows.Count - 1; i >= 0; i--)
            {
                if (_basis[i] < _n) continue;
                int column = -1;
                for (int j = 0; j < _n && column < 0; j++)
                    if (!_rows[i][j].IsZero && !_basis.Contains(j)) column = j;
                if (column >= 0) Pivot(i, column);
                else { _rows.RemoveAt(i); _basis.RemoveAt(i); }   // a combination of the other rows: redundant
            }
        }

        public Rational[] Primal()
        {
            var x = Enumerable.Repeat(Rational.Zero, _n).ToArray();
            for (int i = 0; i < _rows.Count; i++) if (_basis[i] < _n) x[_basis[i]] = _rows[i][Rhs];
            return x;
        }

        /// <summary>yᵀ = c_Bᵀ B⁻¹, read from the artificial columns (each tableau row is that combination of the rows of A).</summary>
        public Rational[] Dual(Rational[] costs)
        {
            var y = Enumerable.Repeat(Rational.Zero, _m).ToArray();
            for (int i = 0; i < _rows.Count; i++)
            {
                var cb = costs[_basis[i]];
                if (cb.IsZero) continue;
                for (int k = 0; k < _m; k++) y[k] += cb * _rows[i][_n + k];
            }
            for (int k = 0; k < _m; k++) if (_sign[k] < 0) y[k] = -y[k];
            return y;
        }

        /// <summary>The ray along which the objective decreases without bound: d_j = 1, d_B = −column j.</summary>
        public Rational[] Ray(int entering)
        {
            var d = Enumerable.Repeat(Rational.Zero, _n).ToArray();
            d[entering] = Rational.One;
            for (int i = 0; i < _rows.Count; i++) if (_basis[i] < _n) d[_basis[i]] = -_rows[i][entering];
            return d;
        }

        private Rational ReducedCost(Rational[] costs, int j)
        {
            var r = costs[j];
            for (int i = 0; i < _rows.Count; i++) r -= costs[_basis[i]] * _rows[i][j];
            return r;
        }

        private void Pivot(int row, int column)
        {
            var p = _rows[row];
            var inverse = p[column].Reciprocal();
            for (int j = 0; j < p.Length; j++) p[j] *= inverse;
            for (int i = 0; i < _rows.Count; i++)
            {
                if (i == row) continue;
                var factor = _rows[i][column];
                if (factor.IsZero) continue;
                var r = _rows[i];
                for (int j = 0; j < r.Length; j++) if (!p[j].IsZero) r[j] -= factor * p[j];
            }
            _basis[row] = column;
        }
    }
}
