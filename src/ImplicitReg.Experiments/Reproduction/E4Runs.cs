using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Numerics.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>Executes one run of E4: the baseline of the problem, then its flow for every α, with the trajectory CSV.</summary>
public static class E4Runs
{
    /// <summary>A PSD completion problem: min-trace baseline, its class, and the flow from U(0) = αI for each α.</summary>
    public static RunRecord Psd(SweepRun<E4Gunasekar.Spec> run, string directory, long maxSteps, CancellationToken cancel)
    {
        var problem = new E4PsdCompletion(E4PsdCompletion.Patterns[run.Spec.Pattern], E4PsdCompletion.DrawTarget(run.Seed, run.Spec.Rank));
        var baseline = E4PsdBaseline.For(problem);
        var best = baseline.Converged ? baseline.Solve.Solution : null;
        var flows = new List<(double Alpha, E4Flow.Result Result, Matrix<double> X)>();
        using (var csv = new RunCsv(Path.Combine(directory, SweepStore.FileStem(run.Index, run.Id) + ".csv"), ["alpha", "t", "loss", "trace", "distance"]))
        {
            foreach (var alpha in E4Gunasekar.PsdAlphas)
            {
                var u0 = new double[9];
                u0[0] = u0[4] = u0[8] = alpha;
                var result = E4Flow.Run(problem.Flow(), u0, problem.FactorLoss, E4Gunasekar.StopLoss, E4Gunasekar.MaxTime,
                    maxSteps, 1e-10 * alpha, (t, u) =>
                    {
                        var x = E4PsdCompletion.Product(u);
                        csv.Row([alpha, t, problem.Loss(x), x.Trace(), Distance(x, best)]);
                    }, cancel);
                flows.Add((alpha, result, E4PsdCompletion.Product(result.State)));
            }
        }
        var c = baseline.Solve.Certificate;
        return new RunRecord(run.Index, run.Id, run.Seed)
            .Set("kind", "psd").Set("pattern", E4PsdCompletion.Name(problem.Pattern)).Set("rank", run.Spec.Rank)
            .Set("target", E4Gunasekar.Flat(problem.Target)).Set("observed", problem.Values)
            .Set("baselineStatus", baseline.Converged ? "converged" : "not converged").Set("class", baseline.Class).Set("classReason", baseline.Reason)
            .Set("minTrace", best is null ? double.NaN : best.Trace())
            .Set("minTraceSolution", best is null ? Enumerable.Repeat(double.NaN, 9) : E4Gunasekar.Flat(best))
            .Set("primalObjective", c.PrimalObjective).Set("dualObjective", c.DualObjective).Set("dualityGap", c.DualityGap)
            .Set("relativeGap", c.RelativeGap).Set("primalResidual", c.PrimalResidual).Set("dualResidual", c.DualResidual)
            .Set("constraintViolation", c.ConstraintViolation).Set("iterations", c.Iterations)
            .Set("alphas", flows.Select(f => f.Alpha)).Set("converged", flows.Select(f => f.Result.Converged ? 1.0 : 0.0))
            .Set("stepCounts", flows.Select(f => (double)f.Result.Steps)).Set("time", flows.Select(f => f.Result.Time))
            .Set("losses", flows.Select(f => f.Result.Loss)).Set("distance", flows.Select(f => Distance(f.X, best)))
            .Set("traceFlow", flows.Select(f => f.X.Trace())).Set("flowLimit", E4Gunasekar.Flat(flows[^1].X));
    }

    /// <summary>‖X − X_min‖_F / ‖X_min‖_F (NaN without a certified baseline).</summary>
    public static double Distance(Matrix<double> x, Matrix<double>? best) =>
        best is null ? double.NaN : (x - best).FrobeniusNorm() / Math.Max(best.FrobeniusNorm(), double.Epsilon);

    /// <summary>A u∘u problem: the exact minimum-ℓ₁ solution with its uniqueness, then the flow from u(0) = α·1 for each α.</summary>
    public static RunRecord NonNegative(SweepRun<E4Gunasekar.Spec> run, string directory, long maxSteps, CancellationToken cancel)
    {
        var problem = E4NonNegative.Draw(run.Seed);
        var (lp, unique) = problem.MinimumL1();
        bool optimal = lp.Status == LinearProgramStatus.Optimal;
        var best = optimal ? lp.Solution.Select(v => v.ToDouble()).ToArray() : null;
        var flows = new List<(double Alpha, E4Flow.Result Result, double[] X)>();
        using (var csv = new RunCsv(Path.Combine(directory, SweepStore.FileStem(run.Index, run.Id) + ".csv"), ["alpha", "t", "loss", "l1", "distance"]))
        {
            foreach (var alpha in E4Gunasekar.UuAlphas)
            {
                var w0 = Enumerable.Repeat(Math.Log(alpha), problem.N).ToArray();
                var result = E4Flow.Run(problem.Flow(), w0, problem.Loss, E4Gunasekar.StopLoss, E4Gunasekar.MaxTime, maxSteps, 1e-10, (t, w) =>
                {
                    var x = E4NonNegative.X(w);
                    csv.Row([alpha, t, problem.Loss(w), x.Sum(), L1Distance(x, best)]);
                }, cancel);
                flows.Add((alpha, result, E4NonNegative.X(result.State)));
            }
        }
        var flat = new double[problem.M * problem.N];
        for (int i = 0; i < problem.M; i++)
            for (int j = 0; j < problem.N; j++)
                flat[i * problem.N + j] = problem.ADouble[i, j];
        return new RunRecord(run.Index, run.Id, run.Seed)
            .Set("kind", "uu").Set("m", problem.M).Set("n", problem.N).Set("a", flat)
            .Set("xStar", problem.XStar.Select(v => v.ToDouble())).Set("y", problem.YDouble)
            .Set("lpStatus", lp.Status.ToString().ToLowerInvariant()).Set("minL1Exact", optimal ? lp.Value.ToString() : "")
            .Set("minL1", optimal ? lp.Value.ToDouble() : double.NaN).Set("lpUnique", unique ? 1 : 0)
            .Set("minL1Solution", best ?? []).Set("lpDual", lp.Dual.Select(v => v.ToDouble()))
            .Set("lpDualExact", string.Join(" ", lp.Dual.Select(v => v.ToString())))
            .Set("alphas", flows.Select(f => f.Alpha)).Set("converged", flows.Select(f => f.Result.Converged ? 1.0 : 0.0))
            .Set("stepCounts", flows.Select(f => (double)f.Result.Steps)).Set("time", flows.Select(f => f.Result.Time))
            .Set("losses", flows.Select(f => f.Result.Loss)).Set("distance", flows.Select(f => L1Distance(f.X, best)))
            .Set("l1Flow", flows.Select(f => f.X.Sum())).Set("flowLimit", flows[^1].X);
    }

    /// <summary>‖x − x_ℓ₁‖₁ / ‖x_ℓ₁‖₁ (NaN without an optimum).</summary>
    public static double L1Distance(double[] x, double[]? best) =>
        best is null ? double.NaN : x.Zip(best, (a, b) => Math.Abs(a - b)).Sum() / Math.Max(best.Sum(), double.Epsilon);
}
