using ImplicitReg.Numerics.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Numerics.Tests.Optimization;

/// <summary>
/// The generic ADMM loop works in buffers allocated once and swapped; its iterates must be bitwise those of the
/// loop written with MathNet's operators (a new matrix per operation), including the ρ rebalancing that rescales U.
/// A buffer aliased to another (say X still being its previous value when the relaxation reads it) changes them.
/// </summary>
public sealed class AdmmTests
{
    private const int Rows = 5, Columns = 4;

    /// <summary>
    /// A toy splitting: f = ‖W‖₁ (prox: soft threshold) and g = the indicator of X agreeing with fixed values on a
    /// few entries (projection: set them). The residual test never passes, so the loop runs all its iterations
    /// and rebalances ρ at every check.
    /// </summary>
    private static AdmmSteps Steps()
    {
        var fixedEntries = new (int Row, int Column, double Value)[] { (0, 0, 1.5), (1, 2, -2.0), (3, 1, 0.75), (4, 3, 3.0) };
        return new AdmmSteps
        {
            Proximal = (v, t) => v.Map(x => Math.Sign(x) * Math.Max(Math.Abs(x) - t, 0)),
            Project = x =>
            {
                foreach (var (r, c, value) in fixedEntries) x[r, c] = value;
            },
            ResidualsSmall = _ => false,
            Certify = s => (new ConvexCertificate(s.W.Enumerate().Sum(Math.Abs), 0, s.PrimalResidual, s.DualResidual, 0, s.Iteration), s.X.Clone()),
            Accept = _ => false,
        };
    }

    /// <summary>The loop as the operator form writes it: X ← Π(αW + (1 − α)X + U), U ← U + αW + (1 − α)X − X.</summary>
    private static (Matrix<double> W, Matrix<double> X, Matrix<double> U, double Rho) OperatorForm(Matrix<double> start, double rho, ConvexTolerances tolerances, AdmmSteps steps)
    {
        var x = start;
        var u = Matrix<double>.Build.Dense(start.RowCount, start.ColumnCount);
        var w = x.Clone();
        for (int iteration = 1; iteration <= tolerances.MaxIterations; iteration++)
        {
            w = steps.Proximal(x - u, 1.0 / rho);
            var previous = x;
            var relaxed = Admm.Relaxation * w + (1 - Admm.Relaxation) * previous;
            x = relaxed + u;
            steps.Project(x);
            u += relaxed - x;
            double primal = SpectralOperators.FrobeniusDistance(w, x), dual = rho * SpectralOperators.FrobeniusDistance(x, previous);
            if (iteration % tolerances.CheckEvery != 0) continue;
            if (primal > 10 * dual) { rho *= 2; u /= 2; }
            else if (dual > 10 * primal) { rho /= 2; u *= 2; }
        }
        return (w, x, u, rho);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(20.0)]
    public void TheBufferedLoopGivesBitwiseTheIteratesOfTheOperatorForm(double rho)
    {
        var random = new Random(5);
        var start = Matrix<double>.Build.Dense(Rows, Columns, (_, _) => 4 * random.NextDouble() - 2);
        var original = start.Clone();
        var tolerances = new ConvexTolerances { MaxIterations = 60, CheckEvery = 3 };
        var outcome = Admm.Run(start, rho, tolerances, Steps());
        var (w, x, u, finalRho) = OperatorForm(start.Clone(), rho, tolerances, Steps());

        Assert.Equal(original, start); // the caller's start is not a buffer of the loop
        Assert.False(outcome.Converged);
        Assert.Equal(60, outcome.Final.Iteration);
        Assert.NotEqual(rho, outcome.Final.Rho); // the rebalancing ran, so U's rescaling is covered
        Assert.Equal(finalRho, outcome.Final.Rho);
        Assert.Equal(w.ToColumnMajorArray(), outcome.Final.W.ToColumnMajorArray());
        Assert.Equal(x.ToColumnMajorArray(), outcome.Final.X.ToColumnMajorArray());
        Assert.Equal(u.ToColumnMajorArray(), outcome.Final.U.ToColumnMajorArray());
        Assert.NotEqual(0.0, outcome.Final.U.FrobeniusNorm()); // a dual that stayed zero would make the check weaker
    }
}
