using ImplicitReg.Numerics.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>
/// The minimum-trace PSD completion of an E4 problem (<see cref="TraceCompletion"/>, converged certificate required)
/// and what kind of problem it is:
/// <list type="bullet">
/// <item><c>trivial</c>: all three diagonal entries are observed, so every PSD completion has the same trace; the
/// objective is fixed by the data and the comparison says nothing about implicit regularization (the flow's trace is
/// compared, not the point).</item>
/// <item><c>not unique</c>: the minimum-trace completion is not certified unique (below).</item>
/// <item><c>unique</c>: it is; the flow's limit is compared with it.</item>
/// <item><c>undecided</c>: the convex solve did not converge; no value is used.</item>
/// </list>
/// Uniqueness. Every optimal X and every optimal dual Y satisfy (I − Y) X = 0 (complementary slackness), so every
/// optimal X is V S Vᵀ with V a basis of the null space of Z = I − Y and S ⪰ 0 (k × k). The optimum is unique when
/// the linear map S ↦ (observed entries of V S Vᵀ) is injective on symmetric k × k matrices. k is taken generously
/// (eigenvalues of Z below <see cref="NullTolerance"/>, and at least the rank of the computed X), so an ADMM dual
/// that is slightly off errs towards "not unique", never towards a false "unique".
/// </summary>
public sealed record E4PsdBaseline(ConvexSolveResult Solve, string Class, string Reason)
{
    /// <summary>Eigenvalues of I − Y at most this are counted as zero.</summary>
    public const double NullTolerance = 1e-4;

    /// <summary>The tolerances of the 3 × 3 solves: tighter than the defaults, since a 3 × 3 iteration costs microseconds.</summary>
    public static readonly ConvexTolerances Tolerances = new() { RelativeGap = 1e-9, Residual = 1e-9, MaxIterations = 200_000 };

    /// <summary>True when the minimum-trace solve converged with its certificate (the class is then not <c>undecided</c>).</summary>
    public bool Converged => Solve.Converged;

    /// <summary>Solves the minimum-trace completion of <paramref name="problem"/> (with <see cref="Tolerances"/> unless given) and classifies the problem: trivial, unique, not unique or undecided.</summary>
    public static E4PsdBaseline For(E4PsdCompletion problem, ConvexTolerances? tolerances = null)
    {
        var solve = TraceCompletion.Solve(problem.Observed(), tolerances ?? Tolerances);
        if (!solve.Converged) return new(solve, "undecided", $"the minimum-trace solve did not converge ({solve.Certificate})");
        if (problem.DiagonalObserved) return new(solve, "trivial", "every diagonal entry is observed: all PSD completions have the same trace");
        var (unique, reason) = Uniqueness(problem, solve.Solution, solve.DualPoint);
        return new(solve, unique ? "unique" : "not unique", reason);
    }

    private static (bool, string) Uniqueness(E4PsdCompletion problem, Matrix<double> x, Matrix<double> y)
    {
        var z = Matrix<double>.Build.DenseIdentity(3) - (y + y.Transpose()) * 0.5;
        var evd = z.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, 3).OrderBy(i => evd.EigenValues[i].Real).ToArray();
        int nullity = order.Count(i => evd.EigenValues[i].Real <= NullTolerance);
        var xValues = x.Evd(Symmetricity.Symmetric).EigenValues.Select(v => v.Real).ToArray();
        int rank = xValues.Count(v => v > 1e-6 * Math.Max(1, xValues.Max()));
        int k = Math.Max(nullity, rank);
        int parameters = k * (k + 1) / 2;
        if (parameters > 4) return (false, $"null space of I - Y has dimension {k}: {parameters} parameters for 4 observations");
        var map = Matrix<double>.Build.Dense(4, parameters);
        int column = 0;
        for (int a = 0; a < k; a++)
            for (int b = a; b < k; b++, column++)
            {
                var va = evd.EigenVectors.Column(order[a]);
                var vb = evd.EigenVectors.Column(order[b]);
                var s = va.OuterProduct(vb) + vb.OuterProduct(va);
                for (int e = 0; e < 4; e++)
                {
                    var (i, j) = E4PsdCompletion.Entries[problem.Pattern[e]];
                    map[e, column] = s[i, j];
                }
            }
        var sv = map.Svd(computeVectors: false).S;
        double ratio = sv[parameters - 1] / Math.Max(sv[0], double.Epsilon);
        return ratio > 1e-8
            ? (true, $"optimal face of dimension {k}; the observations determine S (smallest singular ratio {ratio:E2})")
            : (false, $"optimal face of dimension {k}; the observations do not determine S (singular ratio {ratio:E2})");
    }
}
