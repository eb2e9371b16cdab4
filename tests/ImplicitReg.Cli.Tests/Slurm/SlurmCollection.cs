using System.Text.RegularExpressions;

namespace ImplicitReg.Cli.Tests.Slurm;

/// <summary>
/// Every Slurm test shares one cluster, started on first use and stopped after the last test. The collection runs
/// alone, after the parallel ones: its array tasks need the two cores, and under a fully loaded test host a merge job
/// once waited past its limit.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SlurmCollection : ICollectionFixture<SlurmClusterFixture>
{
    public const string Name = "local Slurm cluster";
}

/// <summary>Owns the shared <see cref="LocalSlurmCluster"/>.</summary>
public sealed class SlurmClusterFixture : IDisposable
{
    public LocalSlurmCluster Cluster { get; } = new();

    public void Dispose() => Cluster.Dispose();
}

/// <summary>The job ids printed by scripts/slurm/submit.sh (read from sbatch --parsable, never guessed).</summary>
public sealed partial record SlurmSubmission(string Array, string Merge)
{
    public static SlurmSubmission Parse(string submitOutput)
    {
        var m = Ids().Match(submitOutput);
        return m.Success
            ? new SlurmSubmission(m.Groups[1].Value, m.Groups[2].Value)
            : throw new InvalidOperationException($"submit.sh printed no job ids:\n{submitOutput}");
    }

    [GeneratedRegex(@"array job (\d+) \(\d+ tasks\), merge job (\d+)")]
    private static partial Regex Ids();
}
