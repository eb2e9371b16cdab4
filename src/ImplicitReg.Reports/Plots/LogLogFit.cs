namespace ImplicitReg.Reports.Plots;

/// <summary>
/// Least-squares line through (log10 x, log10 y): <c>y ≈ 10^Intercept · x^Slope</c>. Hand-written because it is
/// four sums; the report needs the slope the plot shows, fitted to exactly the plotted points.
/// </summary>
/// <param name="Slope">The fitted exponent (the observed order when x is a step size and y a gap).</param>
/// <param name="Intercept">log10 of the prefactor.</param>
/// <param name="Count">Points used (positive, finite pairs).</param>
public sealed record LogLogFit(double Slope, double Intercept, int Count)
{
    /// <summary>Fits the positive, finite pairs; null when fewer than two distinct abscissae remain.</summary>
    public static LogLogFit? Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var points = x.Zip(y).Where(p => p.First > 0 && p.Second > 0 && double.IsFinite(p.First) && double.IsFinite(p.Second))
            .Select(p => (X: Math.Log10(p.First), Y: Math.Log10(p.Second))).ToArray();
        if (points.Select(p => p.X).Distinct().Count() < 2) return null;
        double mx = points.Average(p => p.X), my = points.Average(p => p.Y);
        double sxy = points.Sum(p => (p.X - mx) * (p.Y - my)), sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        var slope = sxy / sxx;
        return new LogLogFit(slope, my - slope * mx, points.Length);
    }

    /// <summary>The fitted line at <paramref name="x"/>.</summary>
    public double At(double x) => Math.Pow(10, Intercept) * Math.Pow(x, Slope);
}
