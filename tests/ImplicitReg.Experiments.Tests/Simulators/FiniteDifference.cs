using ImplicitReg.Experiments.Simulators;

namespace ImplicitReg.Experiments.Tests.Simulators;

/// <summary>Central-difference checks of a model's gradient.</summary>
internal static class FiniteDifference
{
    /// <summary>
    /// Asserts ∂L/∂θ_i from central differences with step h = 1e-5 matches the model's gradient to 1e-7 relative:
    /// the difference error O(h²)·L''' plus rounding ε·L/h stays near 1e-10 for these O(1) problems.
    /// </summary>
    public static void AssertGradient(Func<double[], GradientModel> build, double[] theta)
    {
        using var model = build(theta);
        model.ComputeLossAndGradient();
        var analytic = model.FlattenGradient();
        const double h = 1e-5;
        for (int i = 0; i < theta.Length; i++)
        {
            var up = (double[])theta.Clone();
            var down = (double[])theta.Clone();
            up[i] += h;
            down[i] -= h;
            var numeric = (Loss(up) - Loss(down)) / (2 * h);
            Assert.True(Math.Abs(numeric - analytic[i]) <= 1e-7 * Math.Max(1, Math.Abs(analytic[i])),
                $"parameter {i}: finite difference {numeric}, gradient {analytic[i]}");
        }

        double Loss(double[] at)
        {
            using var probe = build(at);
            return probe.ComputeLossAndGradient();
        }
    }
}
