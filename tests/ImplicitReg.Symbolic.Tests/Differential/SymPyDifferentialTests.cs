using System.Text;
using System.Text.Json;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Testing.Conditions;
using ImplicitReg.Testing.Peers;

namespace ImplicitReg.Symbolic.Tests.Differential;

/// <summary>
/// Our Expand and Diff against SymPy 1.14's expand and diff on seeded random expressions, all cases in one
/// python process (JSON lines over stdin). SymPy decides whether each difference is zero; polynomial
/// expansions must also have SymPy's exact term count. Skipped (not failed) without python3 + SymPy 1.14.
/// </summary>
public sealed class SymPyDifferentialTests
{
    private const int Seed = 20_250_314;
    private const int CasesPerKind = 120;

    private sealed record Case(int Id, string Kind, string Input, string Ours, string Var, int Terms);

    private sealed record Verdict(int Id, bool? Ok, string Detail);

    [PythonModuleFact("sympy", "1.14")]
    public void ExpandAndDiffAgreeWithSymPyOnRandomExpressions()
    {
        var cases = new List<Case>();
        var polynomial = new RandomExpressions(Seed, transcendental: false);
        var mixed = new RandomExpressions(Seed + 1, transcendental: true);
        var x = new Sym("x");
        for (int i = 0; i < CasesPerKind; i++)
        {
            var e = (i % 2 == 0 ? polynomial : mixed).Next();
            var expanded = Algebra.Expand(e);
            cases.Add(new(cases.Count, "expand", e.ToString(), expanded.ToString(), "x", expanded is Add a ? a.Terms.Count : expanded is Num { Value.IsZero: true } ? 0 : 1));
        }
        for (int i = 0; i < CasesPerKind; i++)
        {
            var e = (i % 2 == 0 ? polynomial : mixed).Next();
            cases.Add(new(cases.Count, "diff", e.ToString(), Algebra.Diff(e, x).ToString(), "x", 0));
        }
        var stdin = new StringBuilder();
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        foreach (var c in cases) stdin.AppendLine(JsonSerializer.Serialize(c, options));
        var script = Path.Combine(AppContext.BaseDirectory, "Differential", "sympy_oracle.py");
        var output = PythonRunner.Run([script], stdin.ToString(), TimeSpan.FromMinutes(3));
        var verdicts = JsonSerializer.Deserialize<List<Verdict>>(output, options)!;

        Assert.Equal(cases.Count, verdicts.Count);
        var failures = verdicts.Where(v => v.Ok == false).Select(v => $"#{v.Id} {cases[v.Id].Kind} of {cases[v.Id].Input}: {v.Detail}").ToList();
        int timeouts = verdicts.Count(v => v.Ok is null);
        Assert.True(failures.Count == 0, $"seed {Seed}: {failures.Count} disagreements with SymPy:\n" + string.Join("\n", failures.Take(10)));
        // SymPy's simplify may time out on a few mixed cases; too many would hollow the test out.
        Assert.True(timeouts <= cases.Count / 20, $"seed {Seed}: SymPy timed out on {timeouts} of {cases.Count} cases");
    }

    [PythonModuleFact("sympy", "1.14")]
    public void TheOracleRejectsAWrongExpansion()
    {
        // Negative control: the oracle must flag a false answer, or the agreement above means nothing.
        var stdin = JsonSerializer.Serialize(new { id = 0, kind = "expand", input = "(x + y)^2", ours = "x^2 + y^2", var = "x", terms = 2 }) + "\n"
            + JsonSerializer.Serialize(new { id = 1, kind = "expand", input = "(x + y)^2", ours = "x^2 + 2*x*y + y^2", var = "x", terms = 2 }) + "\n";
        var script = Path.Combine(AppContext.BaseDirectory, "Differential", "sympy_oracle.py");
        var verdicts = JsonSerializer.Deserialize<List<Verdict>>(PythonRunner.Run([script], stdin, TimeSpan.FromMinutes(1)),
            new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase })!;
        Assert.False(verdicts[0].Ok);
        Assert.False(verdicts[1].Ok); // right value, wrong term count (3)
    }
}
