using System.Runtime.Intrinsics.X86;
using ImplicitReg.Bench.Benchmarks;

namespace ImplicitReg.Bench.Tests.Benchmarks;

/// <summary>
/// The common header names the machine once, with every fact a benchmark used to add on a line of its own
/// (balancedness-text printed a second <c>machine:</c> line with the .NET version and BMI2).
/// </summary>
public sealed class MachineInfoTests
{
    private static string[] HeaderLines()
    {
        using var text = new StringWriter();
        MachineInfo.Write(text);
        return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void TheHeaderNamesTheMachineOnceWithCoresLoadAndTheDotNetVersion()
    {
        var lines = HeaderLines();
        var machine = Assert.Single(lines, l => l.StartsWith("machine:", StringComparison.Ordinal));
        Assert.Equal(lines[0], machine);
        Assert.Contains($"{Environment.ProcessorCount} cores", machine);
        Assert.Contains("load average", machine);
        Assert.EndsWith($".NET {Environment.Version}", machine);
    }

    [Fact]
    public void TheInstructionSetsIncludeBmi2ExactlyWhenDotNetUsesIt()
    {
        var sets = Assert.Single(HeaderLines(), l => l.Contains("instruction sets used by .NET:", StringComparison.Ordinal));
        Assert.Equal(Bmi2.IsSupported, sets.Contains("BMI2", StringComparison.Ordinal));
        Assert.Equal(Avx2.IsSupported, sets.Contains("AVX2", StringComparison.Ordinal));
    }

    /// <summary>Program prints the header before any benchmark runs; a second machine line in a benchmark repeats it.</summary>
    [Fact]
    public void NoBenchmarkPrintsAMachineLineOfItsOwn()
    {
        var sources = Directory.GetFiles(Path.Combine(ImplicitReg.Testing.RepositoryRoot.Path, "bench", "ImplicitReg.Bench"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        Assert.Contains(sources, f => Path.GetFileName(f) == "MachineInfo.cs");
        var offenders = sources.Where(f => Path.GetFileName(f) != "MachineInfo.cs" && File.ReadAllText(f).Contains("\"machine:", StringComparison.Ordinal));
        Assert.Empty(offenders);
    }
}
