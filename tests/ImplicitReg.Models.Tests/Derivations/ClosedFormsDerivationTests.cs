using System.Globalization;
using System.Text.RegularExpressions;
using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Rendering;
using ImplicitReg.Testing.Snapshots;

namespace ImplicitReg.Models.Tests.Derivations;

public sealed class ClosedFormsDerivationTests
{
    [Fact]
    public void EveryClosedFormSolvesItsOde()
    {
        var d = ClosedFormsDerivation.Run(DerivationOptions.Defaults);
        Assert.Equal(Verdict.Proved, d.Conclusion);
        Assert.All(d.Steps.Skip(1), s => Assert.Equal(Verdict.Proved, s.Verdict));
        // Text and LaTeX snapshots of the default case: DerivationRegistryTests.
    }

    // The first four do not solve the ODE. The others do (a constant multiple of a solution of d/dt sigma = sigma*g is
    // one, and for N >= 3 so is a shifted sigma^e): only sigma(0) = s0 tells them apart, the start's negative controls.
    [Theory]
    [InlineData("N = 1", "depth-1", "sigma = s0 + 2*I", "d/dt sigma - rhs")]
    [InlineData("N = 2", "depth-2", "sigma = s0*exp(-I)", "d/dt sigma - rhs")]
    [InlineData("N >= 3", "depth-n", "sigma^(1/N - 1) = s0^(1/N - 1) + (1/N - 1)*I", "d/dt sigma - rhs")]
    [InlineData("N >= 3", "depth-n", "sigma^(2/N - 1) = s0^(2/N - 1) + (1 - 2/N)*I", "d/dt sigma - rhs")]
    [InlineData("N = 1", "depth-1", "sigma = 2*s0 + I", "sigma at I = 0")]
    [InlineData("N = 2", "depth-2", "sigma = 2*s0*exp(I)", "sigma at I = 0")]
    [InlineData("N = 2", "depth-2", "sigma = exp(I)", "sigma at I = 0")]
    [InlineData("N >= 3", "depth-n", "sigma^(2/N - 1) = 2*s0^(2/N - 1) + (2/N - 1)*I", "sigma at I = 0")]
    public void AWrongClosedFormIsDisproved(string label, string key, string wrong, string failing)
    {
        var d = ClosedFormsDerivation.Run(new DerivationOptions { Published = new Dictionary<string, string> { [key] = wrong } });
        Assert.Equal(Verdict.Disproved, d.Conclusion);
        var step = d.Steps.Single(s => s.Name.StartsWith(label, StringComparison.Ordinal));
        Assert.Equal(Verdict.Disproved, step.Verdict);
        Assert.Contains($"{label}: {failing}", step.Witness, StringComparison.Ordinal);
    }

    // The derivation assumes each closed form's right side positive (it equals sigma): a wrong form is refuted only
    // at a point where that right side is positive, and the witness names the two sides for what they are.
    [Theory]
    [InlineData("depth-2", "sigma = s0*(1 + I)", "N = 2")]
    [InlineData("depth-n", "sigma^(2/N - 1) = s0^(2/N - 1) - (2/N - 1)*I", "N >= 3")]
    public void AWrongClosedFormIsRefutedWhereItsRightSideIsPositive(string key, string wrong, string label)
    {
        var d = ClosedFormsDerivation.Run(new DerivationOptions { Published = new Dictionary<string, string> { [key] = wrong } });
        var witness = d.Steps.Single(s => s.Name.StartsWith(label, StringComparison.Ordinal)).Witness!;
        double s0 = Value(witness, "s0"), i = Value(witness, "I");
        double right = key == "depth-2" ? s0 * (1 + i) : Math.Pow(s0, 2 / Value(witness, "N") - 1) - (2 / Value(witness, "N") - 1) * i;
        Assert.True(right > 0, $"{witness}: the right side is {right}");
        Assert.Contains("d/dt of the published closed form is", witness, StringComparison.Ordinal);
        Assert.Contains("the ODE's right side sigma^(2-2/N)*g along it is", witness, StringComparison.Ordinal);
        Assert.DoesNotContain("the derived side", witness, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongStartIsNamedForWhatItIs()
    {
        var d = ClosedFormsDerivation.Run(new DerivationOptions { Published = new Dictionary<string, string> { ["depth-1"] = "sigma = 2*s0 + I" } });
        var witness = d.Steps.Single(s => s.Name.StartsWith("N = 1", StringComparison.Ordinal)).Witness!;
        Assert.Matches(@"at s0 = \S+ the published closed form at I = 0 is \S+ but sigma\(0\) = s0 is ", witness);
        Assert.DoesNotContain("the derived side", witness, StringComparison.Ordinal);
    }

    // A witness value "name = p/q" (or an integer) from the witness text.
    private static double Value(string witness, string name)
    {
        var m = Regex.Match(witness, $@"(?<![A-Za-z0-9]){Regex.Escape(name)} = (-?\d+)(?:/(\d+))?");
        Assert.True(m.Success, $"{name} not in {witness}");
        double p = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Success ? p / double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : p;
    }
}
