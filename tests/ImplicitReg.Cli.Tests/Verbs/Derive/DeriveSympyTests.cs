using System.Runtime.CompilerServices;
using System.Text.Json;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Testing.Conditions;
using ImplicitReg.Testing.Peers;

namespace ImplicitReg.Cli.Tests.Verbs.Derive;

/// <summary>
/// An independent computer-algebra system (SymPy 1.14) re-checks the equations that
/// <c>implicitreg derive layer-flow --format json</c> prints: each right side against −∂φ/∂θ and against M1
/// built from SymPy matrices. Skipped, with the reason, when python3 has no SymPy.
/// </summary>
public sealed class DeriveSympyTests
{
    private static readonly TimeSpan PythonTimeout = TimeSpan.FromMinutes(2); // SymPy start-up plus 21 expansions on a loaded machine

    private static string Script([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "check_layer_flow.py");

    private static string Json(string dims)
    {
        var io = CliIO.ForStrings("", out var stdout, out var stderr);
        int depth = dims.Split(',').Length - 1;
        Assert.Equal(ExitCodes.Ok, CliHost.Run(["derive", "layer-flow", "--depth", depth.ToString(), "--dims", dims, "--format", "json"], io));
        return stdout.ToString();
    }

    private static (int Checked, List<string> Mismatches) SympyCheck(string json, string dims)
    {
        var output = PythonRunner.Run([Script(), dims], json, PythonTimeout);
        using var doc = JsonDocument.Parse(output);
        return (doc.RootElement.GetProperty("checked").GetInt32(),
            doc.RootElement.GetProperty("mismatches").EnumerateArray().Select(e => e.GetString()!).ToList());
    }

    [PythonModuleTheory("sympy", "1.14")]
    [InlineData("2,3,3,2", 21)]
    [InlineData("2,2,3", 10)]
    public void SympyAgreesWithEveryDerivedLayerFlowEquation(string dims, int equations)
    {
        var (count, mismatches) = SympyCheck(Json(dims), dims);
        Assert.Equal(equations, count);
        Assert.Empty(mismatches);
    }

    [PythonModuleFact("sympy", "1.14")]
    public void SympyCatchesATamperedEquation()
    {
        // Negative control: flip the sign of one right side; the independent check must notice.
        var json = Json("2,3,3,2");
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        var flows = node["steps"]!.AsArray().Single(s => (string?)s!["name"] == "layer flows")!;
        var eq = flows["equations"]![4]!;
        eq["rhs"] = $"-({(string?)eq["rhs"]})";
        var (_, mismatches) = SympyCheck(node.ToJsonString(), "2,3,3,2");
        Assert.Contains(mismatches, m => m.StartsWith((string)eq["lhs"]!, StringComparison.Ordinal));
    }
}
