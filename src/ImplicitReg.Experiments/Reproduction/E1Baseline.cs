using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Experiments.Simulators.Losses;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Models.Losses;
using ImplicitReg.Numerics.Optimization;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>
/// E1's baseline: minimum nuclear norm subject to |W_ij − W*_ij| ≤ 1e-3 on the observed entries, for the same
/// target and observed set as the factorization runs of that seed (drawn first from the same seed). It is a run
/// of the sweep like the others, so shards spread it and merges keep it. A solve that does not converge keeps
/// its certificate but reports no value.
/// </summary>
internal static class E1Baseline
{
    /// <summary>The half-width of the band around the observed values (Arora et al.'s baseline).</summary>
    public const double Band = 1e-3;

    public static RunRecord Execute(int size, int rank, SweepRun<E1DeepMatrixCompletion.Spec> run)
    {
        var random = new SeededRandom(run.Seed);
        // Depth does not affect the target or the observed set: the problem is the one every depth of this seed sees.
        var problem = DmfProblem.RandomCompletion(size, size, rank, run.Spec.Observed, 1, LossScale.Mse, random);
        var loss = (CompletionMatrixLoss)problem.Loss;
        var observed = new ObservedEntries(size, size, loss.RowIndex, loss.ColumnIndex, loss.Targets);
        var result = NuclearNormCompletion.Solve(observed, Band);
        var c = result.Certificate;
        var record = new RunRecord(run.Index, run.Id, run.Seed)
            .Set("kind", "baseline-nuclear-norm").Set("observed", run.Spec.Observed).Set("band", Band)
            .Set("status", result.Converged ? "converged" : "not-converged");
        if (result.Converged)
        {
            var truth = problem.GroundTruth!.ToMatrix();
            var diff = (result.Solution - truth).FrobeniusNorm();
            var norm = truth.FrobeniusNorm();
            record.Set("reconstruction", diff * diff / (norm * norm)).Set("nuclearNorm", result.Optimum);
        }
        else record.Set("reconstruction", double.NaN).Set("nuclearNorm", double.NaN);
        return record.Set("primalObjective", c.PrimalObjective).Set("dualObjective", c.DualObjective)
            .Set("dualityGap", c.DualityGap).Set("relativeGap", c.RelativeGap)
            .Set("primalResidual", c.PrimalResidual).Set("dualResidual", c.DualResidual)
            .Set("constraintViolation", c.ConstraintViolation).Set("iterations", c.Iterations);
    }
}
