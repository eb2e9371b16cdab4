using ImplicitReg.Reports.Reproduction;
using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;

namespace ImplicitReg.Reports.Tests.Experiments;

/// <summary>
/// The quick E1, E2 (depth 2), E3 and E4 reproductions, run once through the same API as <c>reproduce</c> into a temporary
/// directory (a few seconds together): the real run records and CSVs the experiment sections are built from.
/// </summary>
public sealed class QuickReproductions : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("report-experiments-").FullName;

    public QuickReproductions()
    {
        E1 = Run("e1", new ReproductionOptions { Quick = true });
        E2 = Run("e2", new ReproductionOptions { Quick = true, Depths = [2] });
        E3 = Run("e3", new ReproductionOptions { Quick = true });
        E4 = Run("e4", new ReproductionOptions { Quick = true });
    }

    /// <summary>Output directory of the quick E4 (the 15 patterns × ranks 1 and 2 of the PSD completions, one u∘u problem).</summary>
    public string E4 { get; }

    /// <summary>Output directory of the quick E1 (rank-2 30×30, depths 2 and 3, 220 and 450 observed, with the baseline).</summary>
    public string E1 { get; }

    /// <summary>Output directory of the quick E2 at depth 2 (Gaussian and balanced starts).</summary>
    public string E2 { get; }

    /// <summary>Output directory of the quick E3 (an 8×8×8 main run and the rank-1 sweep at 50 and 200 observed).</summary>
    public string E3 { get; }

    /// <summary>A fresh directory under the fixture's root.</summary>
    public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(_root, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>Runs (a shard of) a reproduction into <paramref name="directory"/> and summarises it when whole.</summary>
    public static void Run(string experiment, ReproductionOptions options, string directory, Shard shard)
    {
        var e = Reproducer.Find(experiment);
        var plan = e.Plan(options);
        Reproducer.Execute(e, plan, directory, shard, 2, null, CancellationToken.None);
        if (shard.IsAll) Reproducer.Summarise([directory], directory, ReproductionText.Render);
    }

    /// <summary>A copy of a reproduction directory (runs, manifest, results), for tests that damage it.</summary>
    public string Copy(string source)
    {
        var target = NewDirectory(Path.GetFileName(source));
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    private string Run(string experiment, ReproductionOptions options)
    {
        var dir = Path.Combine(_root, experiment);
        Run(experiment, options, dir, Shard.All);
        return dir;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

/// <summary>Shares one <see cref="QuickReproductions"/> between the test classes that read it.</summary>
[CollectionDefinition(Name)]
public sealed class QuickReproductionsCollection : ICollectionFixture<QuickReproductions>
{
    public const string Name = "quick reproductions";
}
