using System.Reflection;
using System.Runtime.InteropServices;
using ImplicitReg.Claims.Results;

namespace ImplicitReg.Reports.Provenance;

/// <summary>A seed used by a check, so that the run can be repeated.</summary>
/// <param name="Claim">Claim id.</param>
/// <param name="Check">Check id.</param>
/// <param name="Seed">The seed of every random choice of that check.</param>
public sealed record SeedRecord(string Claim, string Check, int Seed);

/// <summary>
/// Where and how a report was produced: the toolkit's version and commit, the .NET runtime, the Z3 library, the
/// operating system and CPU, every seed, the start time and the durations. Only <see cref="Started"/>,
/// <see cref="Elapsed"/> and the per-check times vary between two runs of the same inputs on one machine.
/// </summary>
public sealed record ReportProvenance(
    string ToolkitVersion,
    string Commit,
    string DotNet,
    string Z3,
    string OperatingSystem,
    string Cpu,
    int ProcessorCount,
    int Jobs,
    IReadOnlyList<SeedRecord> Seeds,
    DateTimeOffset Started,
    TimeSpan Elapsed)
{
    /// <summary>
    /// Whether the claim files' working tree had uncommitted changes: without it, a reviewer cannot tell results of
    /// <see cref="Commit"/> from results of that commit plus local edits.
    /// </summary>
    public WorkingTree Tree { get; init; } = WorkingTree.Unknown("not inspected");

    /// <summary>
    /// The tree's state as one line for the page: "clean", "dirty: …" or "unknown: …", and a note when the commit
    /// checked out there is not the one the toolkit was built from.
    /// </summary>
    public string TreeText()
    {
        var text = Tree.State + ": " + Tree.Detail;
        if (Tree.Head is { Length: > 0 } head && Commit != "unknown" && !head.StartsWith(Commit, StringComparison.OrdinalIgnoreCase)
            && !Commit.StartsWith(head, StringComparison.OrdinalIgnoreCase))
            text += $"; the tree has commit {head} checked out, not the toolkit's {Commit}";
        return text;
    }

    /// <summary>
    /// Collects the provenance of a verification run. <paramref name="z3Version"/> comes from the caller (the CLI
    /// probes the library it loaded); the commit is the one the toolkit was built from (the SDK stamps it into the
    /// informational version as <c>version+sha</c>), or <c>unknown</c> for a build outside a git checkout.
    /// <paramref name="tree"/> is the claim files' working tree (<see cref="WorkingTree.Inspect"/>; the CLI passes it).
    /// </summary>
    public static ReportProvenance Collect(VerificationResult result, DateTimeOffset started, string z3Version, WorkingTree? tree = null)
    {
        var (version, commit) = BuildVersion();
        var seeds = result.Claims.SelectMany(c => c.Checks)
            .Where(c => c.Details is SimulateEvidence)
            .Select(c => new SeedRecord(c.ClaimId, c.CheckId, ((SimulateEvidence)c.Details!).Seed))
            .ToList();
        return new ReportProvenance(version, commit, RuntimeInformation.FrameworkDescription + " (" + RuntimeInformation.RuntimeIdentifier + ")",
            z3Version, RuntimeInformation.OSDescription, CpuModel(), Environment.ProcessorCount, result.Jobs, seeds, started,
            result.Elapsed)
        { Tree = tree ?? WorkingTree.Unknown("not inspected") };
    }

    /// <summary>The toolkit's version and commit from the informational version of this assembly.</summary>
    public static (string Version, string Commit) BuildVersion()
    {
        var info = typeof(ReportProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = info.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? (info, "unknown") : (info[..plus], info[(plus + 1)..]);
    }

    /// <summary>The CPU model and the vector instruction sets .NET uses on it (speed depends on both).</summary>
    public static string CpuModel()
    {
        string model = RuntimeInformation.ProcessArchitecture.ToString();
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null) model = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }
        catch (IOException)
        {
            // /proc may be unreadable in a sandbox; the architecture alone is still true.
        }
        var isa = new List<string>();
        if (System.Runtime.Intrinsics.X86.Avx2.IsSupported) isa.Add("AVX2");
        if (System.Runtime.Intrinsics.X86.Avx512F.IsSupported) isa.Add("AVX-512F");
        if (System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported) isa.Add("AdvSIMD");
        return isa.Count == 0 ? model : $"{model} ({string.Join(", ", isa)})";
    }
}
