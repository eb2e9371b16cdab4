using System.Globalization;
using ImplicitReg.Experiments.Simulators.Symmetric;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Numerics.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Experiments.Reproduction;

/// <summary>
/// E4, Gunasekar et al. 2017: (1) every 3 × 3 PSD completion pattern with 4 observed entries, rank-1 and rank-2
/// random targets, gradient flow on X = UUᵀ from U(0) = αI for a decreasing sequence of α against the minimum-trace
/// completion; (2) the corollary x = u∘u from u(0) = α·1 against the exact minimum-ℓ₁ non-negative solution.
/// One run is one problem with all its α (the baseline is solved once per problem); the summary is computed from the
/// records alone (<see cref="E4Summary"/>).
/// </summary>
public sealed class E4Gunasekar : IReproduction
{
    /// <summary>One run: <c>psd</c> (pattern index into <see cref="E4PsdCompletion.Patterns"/>, target rank) or <c>uu</c>.</summary>
    public sealed record Spec(string Kind, int Pattern, int Rank);

    private sealed record Scale(int Seeds);

    private static readonly Scale Full = new(10);
    private static readonly Scale Quick = new(1);

    /// <summary>α of the PSD flows (U(0) = αI), largest first.</summary>
    public static readonly double[] PsdAlphas = [1e-2, 1e-3, 1e-4, 1e-6];

    /// <summary>α of the u∘u flows (u(0) = α·1), largest first: its limit is approached like 1/log(1/α), so the range is wider.</summary>
    public static readonly double[] UuAlphas = [1e-2, 1e-4, 1e-8, 1e-16];

    /// <summary>The ranks of the random PSD targets (rank 1 and rank 2 of 3): one problem per pattern, rank and seed.</summary>
    public static readonly int[] Ranks = [1, 2];

    /// <summary>Stop each flow when the loss is at most this.</summary>
    public const double StopLoss = 1e-10;

    /// <summary>Longest flow time before a run counts as not converged.</summary>
    public const double MaxTime = 1e6;

    /// <summary>Steps allowed to each flow's integration unless <c>--max-steps</c> says otherwise.</summary>
    public const long DefaultMaxSteps = 1_000_000;

    /// <inheritdoc />
    public string Name => "e4";
    /// <inheritdoc />
    public string Title => "Gunasekar et al. 2017: does gradient flow on X = U U^T from a small init find the minimum trace (nuclear norm) completion?";

    /// <inheritdoc />
    public ReproductionPlan Plan(ReproductionOptions options)
    {
        var s = options.Quick ? Quick : Full;
        if (options.Depths is not null || options.Observed is not null || options.Scales is not null)
            throw new ArgumentException("e4 has no --depths, --observed or --scales selectors (the patterns are exhaustive and the alpha sequences fixed); use --seeds");
        if (options.NoBaseline) throw new ArgumentException("--no-baseline: e4 compares every flow with its baseline; the baselines cannot be left out");
        int seeds = options.Seeds ?? s.Seeds;
        if (seeds < 1) throw new ArgumentException($"--seeds must be at least 1, got {seeds}");
        long maxSteps = options.MaxSteps ?? DefaultMaxSteps;
        int patterns = E4PsdCompletion.Patterns.Count;
        var setup = new List<string>
        {
            $"setup: {(options.Quick ? "quick version" : "the authors' setting")}: every pattern of 4 observed entries among the 6 distinct entries X_ij (i <= j) of a symmetric 3x3 matrix ({patterns} patterns; an observed X_ij fixes X_ji)",
            "targets: seed k draws V (3x2, i.i.d. N(0,1)); rank-1 target v1 v1^T and rank-2 target V V^T, the same for every pattern of the seed",
            "model: X = U U^T, U 3x3; loss 1/2 sum over the 4 observed entries (X_ij - b_ij)^2, so dU/dt = -2 A*(r) U; U(0) = alpha I",
            $"flow: adaptive Dormand-Prince 5(4), relative tolerance 1e-10 (a stiff tail after {E4Flow.ExplicitStepBudget} steps: Rosenbrock 2(3), 1e-8); alpha {string.Join(", ", PsdAlphas.Select(F))}",
            $"stopping rule: loss <= {F(StopLoss)}, or t = {F(MaxTime)} or {maxSteps} steps (then not converged)",
            "baseline: minimum trace PSD completion (ADMM, converged certificate with relative gap <= 1e-9 required; otherwise the problem is undecided)",
            $"match: relative Frobenius distance |X_flow - X_mintrace| / |X_mintrace| <= {F(E4Summary.MatchTolerance)} at alpha {F(PsdAlphas[^1])}",
            $"corollary: A {E4NonNegative.Rows}x{E4NonNegative.Columns} integers uniform in -5..5, x* >= 0 with {E4NonNegative.Support} non-zeros in 1..5, y = A x*; loss 1/2 |A(u o u) - y|^2, u(0) = alpha 1, alpha {string.Join(", ", UuAlphas.Select(F))}; against the exact minimum-l1 non-negative solution (rational simplex)",
            $"sweep: {patterns} patterns x ranks {string.Join(",", Ranks)} x seeds 0..{seeds - 1}, and {seeds} corollary problems (seeds 0..{seeds - 1})",
        };
        var runs = SweepPlan.Number(
            (from p in Enumerable.Range(0, patterns)
             from rank in Ranks
             from seed in Enumerable.Range(0, seeds)
             select ($"psd-p{p:00}-r{rank}-seed{seed}", seed, new Spec("psd", p, rank)))
            .Concat(Enumerable.Range(0, seeds).Select(seed => ($"uu-seed{seed}", seed, new Spec("uu", -1, 0)))));
        return new ReproductionPlan<Spec>(setup, runs, (run, dir, cancel) => run.Spec.Kind == "psd"
            ? E4Runs.Psd(run, dir, maxSteps, cancel)
            : E4Runs.NonNegative(run, dir, maxSteps, cancel))
        {
            // The 3x3 flow X = U U^T dominates (the u o u problems are 4x8, the baselines 3x3 and an 8-variable LP).
            PeakBytes = SymmetricCost.EstimateBytes(3, 3, 2, 4),
        };
    }

    /// <inheritdoc />
    public ReproductionSummary Summarise(SweepManifest manifest, IReadOnlyList<RunRecord> records) => E4Summary.Summarise(records);

    internal static string F(double x) => ReproductionOptions.Format(x);

    internal static string G(double x) => x.ToString("0.000E+0", CultureInfo.InvariantCulture);

    internal static double[] Flat(Matrix<double> m) => [.. m.ToRowMajorArray()];
}
