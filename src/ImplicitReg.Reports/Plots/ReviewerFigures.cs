using System.Globalization;

namespace ImplicitReg.Reports.Plots;

/// <summary>A recorded run of one simulation: its label (depth, start) and its columns by record.</summary>
/// <param name="Label">Legend text, e.g. <c>depth 3</c>.</param>
/// <param name="Time">Abscissa of each record (gradient-flow time t = kη, or the iteration).</param>
/// <param name="Values">One array per record (singular values, component norms, or one value).</param>
public sealed record RecordedRun(string Label, IReadOnlyList<double> Time, IReadOnlyList<double[]> Values);

/// <summary>
/// The figures a reviewer expects for the claims of the papers, built from recorded series. Each has axes with
/// units, a legend and a caption stating what it shows and what the claim predicts; predictions are drawn dashed.
/// </summary>
public static partial class ReviewerFigures
{
    /// <summary>Singular values of the end-to-end matrix over time, one colour group per depth (M4).</summary>
    public static Figure SingularValuesByDepth(string id, IReadOnlyList<RecordedRun> runs, string setting)
    {
        var series = new List<PlotSeries>();
        foreach (var run in runs)
        {
            int count = run.Values.Count == 0 ? 0 : run.Values.Max(v => v.Length);
            for (int r = 0; r < count; r++)
            {
                var ys = run.Values.Select(v => r < v.Length ? Math.Abs(v[r]) : double.NaN).ToArray();
                series.Add(new PlotSeries($"{run.Label}: σ{Sub(r + 1)}", run.Time, ys));
            }
        }
        return new Figure(id, "Singular values of W over time, by depth",
            $"Singular values σ_r of the end-to-end matrix W = W_N⋯W_1 along gradient descent ({setting}). " +
            "The singular-value dynamics dσ_r/dt = −N (σ_r²)^(1−1/N) ⟨∇L(W), u_r v_rᵀ⟩ (Arora, Cohen, Hu, Luo 2019) " +
            "predict that a singular value moves slowly while small and fast once large, more so the deeper the " +
            "factorization: with depth N ≥ 2 the singular values separate sharply (a low-rank solution).",
            new PlotAxis("time t = kη", "gradient-flow time units"),
            new PlotAxis("singular value σ_r", "entry units of W", AxisScale.Logarithmic),
            series, []);
    }

    /// <summary>
    /// |W₁₁| against the loss (log axes, loss falling left to right) with the M6 lower bound
    /// <c>(1 − s)²/s</c>, <c>s = √(ℓ/c)</c>, overlaid; records where det W &gt; 0, s &lt; 1 and the bound fails are flagged.
    /// </summary>
    /// <param name="id">Figure id.</param>
    /// <param name="runs">Per run: loss, |W₁₁| and det W by record (Values = [loss, W₁₁, det W]).</param>
    /// <param name="lossConstant">c in ℓ = c·Σ_Ω (W_ij − b_ij)² (½ for Razin and Cohen's loss).</param>
    /// <param name="setting">One phrase on the runs (depth, init, step size).</param>
    public static Figure W11AgainstLoss(string id, IReadOnlyList<RecordedRun> runs, double lossConstant, string setting)
    {
        var series = new List<PlotSeries>();
        var flags = new List<PlotFlag>();
        double lo = double.PositiveInfinity, hi = 0;
        foreach (var run in runs)
        {
            var loss = run.Values.Select(v => v[0]).ToArray();
            var w11 = run.Values.Select(v => Math.Abs(v[1])).ToArray();
            series.Add(new PlotSeries($"{run.Label}: |W₁₁|", loss, w11));
            for (int k = 0; k < loss.Length; k++)
            {
                if (loss[k] > 0 && double.IsFinite(loss[k])) (lo, hi) = (Math.Min(lo, loss[k]), Math.Max(hi, loss[k]));
                var bound = M6Bound(loss[k], lossConstant);
                if (run.Values[k][2] > 0 && bound is { } b && w11[k] <= b)
                    flags.Add(new PlotFlag(loss[k], w11[k], $"bound fails ({run.Label}, record {k})"));
            }
        }
        if (hi > 0)
        {
            // The bound only says something where s < 1, i.e. ℓ < c.
            var top = Math.Min(hi, lossConstant * 0.999);
            var grid = LogGrid(lo, top, 120);
            series.Add(new PlotSeries("M6 bound (1 − s)²/s, s = √(ℓ/c)", grid, grid.Select(l => M6Bound(l, lossConstant) ?? double.NaN).ToArray(),
                SeriesKind.Prediction));
        }
        var c = lossConstant.ToString("R", CultureInfo.InvariantCulture);
        return new Figure(id, "|W₁₁| against the loss, with the M6 bound",
            $"The unobserved entry |W₁₁| of the 2×2 completion problem against the training loss ℓ (c = {c}), along " +
            $"gradient descent ({setting}); the loss falls from left to right. Razin and Cohen (2020) prove that " +
            "det W > 0 and s = √(ℓ/c) < 1 imply |W₁₁| > (1 − s)²/s (dashed): as the loss goes to 0, |W₁₁| — and with it " +
            "every norm — must grow like 1/√ℓ. A flagged point would be a record with det W > 0 below the bound.",
            new PlotAxis("loss ℓ", "dimensionless", AxisScale.Logarithmic, Reversed: true),
            new PlotAxis("|W₁₁|", "entry units of W", AxisScale.Logarithmic),
            series, flags);
    }

    /// <summary>The M6 lower bound on |W₁₁| at loss ℓ, or null where it says nothing (s ≥ 1).</summary>
    public static double? M6Bound(double loss, double lossConstant)
    {
        if (!(loss > 0) || !(lossConstant > 0)) return null;
        var s = Math.Sqrt(loss / lossConstant);
        return s < 1 ? (1 - s) * (1 - s) / s : null;
    }

    /// <summary>det W over time, one series per run; every change of sign between records is flagged.</summary>
    public static Figure DeterminantOverTime(string id, IReadOnlyList<RecordedRun> runs, string setting)
    {
        var series = new List<PlotSeries>();
        var flags = new List<PlotFlag>();
        foreach (var run in runs)
        {
            var det = run.Values.Select(v => v[0]).ToArray();
            series.Add(new PlotSeries($"{run.Label}: det W", run.Time, det));
            for (int k = 1; k < det.Length; k++)
            {
                if (Math.Sign(det[k - 1]) * Math.Sign(det[k]) < 0)
                    flags.Add(new PlotFlag(run.Time[k], det[k], $"sign change ({run.Label}, t = {run.Time[k].ToString("G4", CultureInfo.InvariantCulture)})"));
            }
        }
        return new Figure(id, "det W over time (sign changes flagged)",
            $"The determinant of the end-to-end matrix along gradient descent ({setting}). Along gradient flow from a " +
            "balanced start with depth N ≥ 2, det W keeps its sign: no singular value reaches 0 in finite time. For " +
            "N = 1, and for gradient descent with a finite step from an unbalanced start, it can cross 0; every crossing " +
            "observed between two records is flagged (◆). The 2×2 problem's solutions all have det W = −1.",
            new PlotAxis("time t = kη", "gradient-flow time units"),
            new PlotAxis("det W", "entry units of W, squared"),
            series, flags);
    }

    /// <summary>The largest component norms ∏_n ‖w_r^n‖ of a CP factorization over iterations (M7).</summary>
    /// <param name="id">Figure id.</param>
    /// <param name="iterations">Iteration of each record.</param>
    /// <param name="norms">Per record, the norm of every component.</param>
    /// <param name="top">How many components to show: those largest at the last record.</param>
    /// <param name="setting">One phrase on the run.</param>
    public static Figure ComponentNorms(string id, IReadOnlyList<double> iterations, IReadOnlyList<double[]> norms, int top, string setting)
    {
        var last = norms.Count > 0 ? norms[^1] : [];
        var chosen = Enumerable.Range(0, last.Length).OrderByDescending(r => last[r]).ThenBy(r => r).Take(top).ToArray();
        var series = chosen.Select(r => new PlotSeries($"component {r + 1}", iterations, norms.Select(n => n[r]).ToArray())).ToList();
        return new Figure(id, "Component norms over iterations",
            $"Norms ∏_n ‖w_r^n‖ of the {chosen.Length} largest components of the CP factorization along the run ({setting}). " +
            "Razin, Maman and Cohen (2021) show that a balanced component's norm moves at a rate proportional to " +
            "its norm^(2−2/N): slowly while small, fast once large. From a small start the components therefore switch " +
            "on one at a time — an implicit bias towards low tensor rank.",
            new PlotAxis("iteration k", "steps"),
            new PlotAxis("component norm", "entry units of the tensor", AxisScale.Logarithmic),
            series, []);
    }

    /// <summary>
    /// The gap between descent and flow against the step size on log–log axes, with the least-squares slope and a
    /// slope-1 reference through the points' geometric centre (M9).
    /// </summary>
    public static Figure GapAgainstStepSize(string id, IReadOnlyList<double> stepSizes, IReadOnlyList<double> gaps, string setting)
    {
        var series = new List<PlotSeries> { new("measured gap", stepSizes, gaps, SeriesKind.MeasuredPoints) };
        var fit = LogLogFit.Of(stepSizes, gaps);
        string slopeText = "no slope (fewer than two positive points)";
        if (fit is not null)
        {
            var xs = stepSizes.Where(x => x > 0).OrderBy(x => x).ToArray();
            var ends = new[] { xs[0], xs[^1] };
            slopeText = "fitted slope " + fit.Slope.ToString("F3", CultureInfo.InvariantCulture);
            series.Add(new PlotSeries(slopeText, ends, ends.Select(fit.At).ToArray(), SeriesKind.Prediction));
            // Slope 1 through the geometric centre of the fitted points: where the fitted line passes too.
            var logs = stepSizes.Zip(gaps).Where(p => p.First > 0 && p.Second > 0).ToArray();
            double cx = logs.Average(p => Math.Log10(p.First)), cy = logs.Average(p => Math.Log10(p.Second));
            series.Add(new PlotSeries("slope 1 reference", ends, ends.Select(x => Math.Pow(10, cy + Math.Log10(x) - cx)).ToArray(),
                SeriesKind.Prediction));
        }
        return new Figure(id, "Gap between descent and flow against the step size",
            $"max_k |θ_GD(kη) − θ_GF(kη)|_∞ on a fixed horizon against the step size η ({setting}), log–log; {slopeText}. " +
            "Gradient descent is the Euler discretisation of gradient flow, so on a bounded time interval the gap is " +
            "O(η): the points should lie on a line of slope 1 (halving η halves the gap).",
            new PlotAxis("step size η", "gradient-flow time units per step", AxisScale.Logarithmic),
            new PlotAxis("gap", "parameter units", AxisScale.Logarithmic),
            series, []);
    }

    /// <summary><paramref name="count"/> points spaced evenly in log between two positive bounds.</summary>
    public static double[] LogGrid(double from, double to, int count)
    {
        if (!(from > 0) || !(to > from) || count < 2) return from > 0 ? [from] : [];
        double a = Math.Log10(from), b = Math.Log10(to);
        return Enumerable.Range(0, count).Select(i => Math.Pow(10, a + (b - a) * i / (count - 1))).ToArray();
    }

    private static string Sub(int n) => string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => (char)('₀' + (c - '0'))));
}
