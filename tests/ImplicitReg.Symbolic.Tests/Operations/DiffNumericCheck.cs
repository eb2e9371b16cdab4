using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Symbolic.Tests.Operations;

/// <summary>
/// Compares a claimed derivative with central finite differences of the function. The five-point
/// stencil f'(x) ≈ (−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h)) / 12h is taken at h = 1e-3·max(1, |x|) and at
/// h/2 and Richardson-extrapolated. The allowed gap is <see cref="RelativeTolerance"/> = 1e-7 relative to
/// max(1, |f'|), plus what f itself makes uncertain: rounding (1.5·δ·|f|/h, with δ =
/// <see cref="EvaluationError"/>) and the truncation estimate |D(h/2) − D(h)|/15. For the moderate
/// functions here the last two are near 1e-11, so any wrong rule (a missing term, a wrong sign or factor)
/// misses by far more than the allowance; the negative controls in the tests show that.
/// </summary>
internal static class DiffNumericCheck
{
    public const double RelativeTolerance = 1e-7;

    /// <summary>Relative error of evaluating one of the test expressions in double precision: at most a
    /// few dozen operations, each rounding by ε ≈ 1.1e-16, so 100ε bounds it.</summary>
    public const double EvaluationError = 100 * 1.1102230246251565e-16;

    /// <summary>The step for a coordinate of size |x|: large enough that rounding stays below truncation.</summary>
    public static double Step(double x) => 1e-3 * Math.Max(1, Math.Abs(x));

    /// <summary>Five-point central difference of g at 0, for a step h: the derivative of g(s) at s = 0.</summary>
    public static double Central(Func<double, double> g, double h) => Stencil(g, h).Derivative;

    /// <summary>The five-point difference and the rounding noise it may carry (1.5·δ·max|g|/h).</summary>
    private static (double Derivative, double Noise) Stencil(Func<double, double> g, double h)
    {
        double a = g(2 * h), b = g(h), c = g(-h), d = g(-2 * h);
        double largest = Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), Math.Max(Math.Abs(c), Math.Abs(d)));
        return ((-a + 8 * b - 8 * c + d) / (12 * h), 1.5 * EvaluationError * largest / h);
    }

    /// <summary>
    /// Richardson extrapolation of the stencil at h and h/2 (error O(h⁶)), with the error it may carry:
    /// rounding noise plus |D(h/2) − D(h)|/15, the standard estimate of the truncation error left. A
    /// rapidly varying f (cos(y³) near y = 2) then widens the allowance by what f itself makes uncertain,
    /// never by anything the claimed derivative does.
    /// </summary>
    private static (double Derivative, double Uncertainty) Estimate(Func<double, double> g, double h)
    {
        var (coarse, noiseCoarse) = Stencil(g, h);
        var (fine, noiseFine) = Stencil(g, h / 2);
        return (fine + (fine - coarse) / 15, Math.Max(noiseCoarse, noiseFine) + Math.Abs(fine - coarse) / 15);
    }

    /// <summary>
    /// Null when <paramref name="claimed"/> equals ∂f/∂x numerically at <paramref name="point"/>; otherwise
    /// a message with both values. Points where f or the claim is not finite are the caller's to avoid.
    /// </summary>
    public static string? Mismatch(Expr f, Sym x, Expr claimed, IReadOnlyDictionary<string, double> point)
    {
        var env = new Dictionary<string, double>(point);
        double x0 = env[x.Name];
        double h = Step(x0);
        var (numeric, noise) = Estimate(s =>
        {
            env[x.Name] = x0 + s;
            return Algebra.Evaluate(f, env);
        }, h);
        env[x.Name] = x0;
        return Compare(Algebra.Evaluate(claimed, env), numeric, noise, $"d/d{x.Name} of {f} at {Show(point)}");
    }

    /// <summary>
    /// Null when <paramref name="claimed"/> equals the rate of change of f along the field at the point:
    /// d/ds f(p + s·v(p)) at s = 0 (a directional derivative, the time derivative of f along the flow).
    /// </summary>
    public static string? FlowMismatch(Expr f, IReadOnlyDictionary<Sym, Expr> field, Expr claimed, IReadOnlyDictionary<string, double> point)
    {
        var velocity = field.ToDictionary(kv => kv.Key.Name, kv => Algebra.Evaluate(kv.Value, point));
        // Step so that the displacement s·v is about 1e-3 in its largest coordinate, as for a single variable.
        double h = 1e-3 / Math.Max(1, velocity.Values.Max(Math.Abs));
        var (numeric, noise) = Estimate(s =>
        {
            var moved = new Dictionary<string, double>(point);
            foreach (var (name, v) in velocity) moved[name] += s * v;
            return Algebra.Evaluate(f, moved);
        }, h);
        return Compare(Algebra.Evaluate(claimed, point), numeric, noise, $"d/dt of {f} along the field at {Show(point)}");
    }

    private static string? Compare(double symbolic, double numeric, double noise, string what)
    {
        double allowed = RelativeTolerance * Math.Max(1, Math.Abs(numeric)) + noise;
        double gap = Math.Abs(symbolic - numeric);
        return gap <= allowed
            ? null
            : $"{what}: symbolic {symbolic:R}, finite difference {numeric:R} (gap {gap:G3} > allowed {allowed:G3})";
    }

    /// <summary>A random point with each coordinate in ±[0.5, 2] (positive only when asked): away from 0, where
    /// log, sqrt and 1/x are undefined and abs and sign have their kinks.</summary>
    public static Dictionary<string, double> RandomPoint(Random random, IEnumerable<string> names, bool positive)
    {
        var point = new Dictionary<string, double>();
        foreach (var n in names)
        {
            double magnitude = 0.5 + 1.5 * random.NextDouble();
            point[n] = positive || random.Next(2) == 0 ? magnitude : -magnitude;
        }
        return point;
    }

    private static string Show(IReadOnlyDictionary<string, double> point) =>
        "{" + string.Join(", ", point.Select(kv => $"{kv.Key} = {kv.Value:R}")) + "}";
}
