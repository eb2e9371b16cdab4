using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;

namespace ImplicitReg.Experiments.Tests.Reproduction;

/// <summary>
/// A stand-in for the report layer's text renderer (which these tests cannot reference): the summary's lines as they
/// are and each table as its header line. The layout itself is tested in ImplicitReg.Reports.Tests.
/// </summary>
internal static class SummaryOutline
{
    public static string Of(IReproduction experiment, SweepManifest manifest, ReproductionSummary summary) =>
        string.Join("\n", summary.Parts.Select(p => p is SummaryTable t ? string.Join(" | ", t.Columns) : ((SummaryLine)p).Text));
}
