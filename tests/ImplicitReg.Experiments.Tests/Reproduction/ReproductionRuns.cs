using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;

namespace ImplicitReg.Experiments.Tests.Reproduction;

/// <summary>Running (a shard of) a reproduction into a test directory and reading its results back, for every reproduction test.</summary>
internal static class ReproductionRuns
{
    /// <summary>Runs <paramref name="experiment"/> into <c>root/name</c> and returns that directory.</summary>
    public static string Execute(string root, string experiment, ReproductionOptions options, string name, Shard shard, int jobs)
    {
        var e = Reproducer.Find(experiment);
        var dir = Path.Combine(root, name);
        Reproducer.Execute(e, e.Plan(options), dir, shard, jobs, null, CancellationToken.None);
        return dir;
    }

    /// <summary>results.json without wall times (the one thing that may differ between executions).</summary>
    public static string WithoutTimes(string dir) =>
        string.Join("\n", File.ReadAllLines(Path.Combine(dir, Reproducer.ResultsFile)).Where(l => !l.Contains("\"seconds\"")));
}
